"""The password policy (chairclient/domain/passwords.py) and one-time passwords."""

from __future__ import annotations

import pytest

from chairclient.domain import passwords
from chairclient.domain.passwords import one_time_password, password_problem
from registry.seed import demo_password


@pytest.mark.parametrize("password", [
    "qwerty123456", "1234567890", "password123", "Password2024!", "p@ssw0rd2024",
    "iloveyou12345", "qwertyqwerty", "gfhjkm123456",  # пароль on the Latin layout
    "пароль123456", "Пароль2024!!", "йцукен123456", "Йцукенгшщз", "!!профсоюз2025",
    "Учитель12345", "1q2w3e4r5t", "zxcvbnm12345",
])
def test_common_passwords_are_refused_with_a_russian_reason(password: str) -> None:
    assert password_problem(password) == passwords.COMMON


@pytest.mark.parametrize(("password", "reason"), [
    ("12345678", passwords.TOO_SHORT), ("Ab3$efgh9", passwords.TOO_SHORT),
    (" leading-space-x", passwords.EDGE_SPACE), ("aaaaaaaaaaaa", passwords.TOO_SIMPLE),
    ("1212121212", passwords.TOO_SIMPLE), ("x" * 201, passwords.TOO_LONG),
])
def test_other_refusals(password: str, reason: str) -> None:
    assert password_problem(password) == reason


def test_the_old_password_and_the_login_are_refused() -> None:
    assert password_problem("лиса-фонарь-компот", "лиса-фонарь-компот") == passwords.SAME_AS_OLD
    assert password_problem("Chair.School77", login="chair.school77") == passwords.SAME_AS_LOGIN


@pytest.mark.parametrize("password", [
    "лиса-фонарь-компот", "correct-horse-battery", "Новый-пароль-2025", "secret-pass-1",
    "Ветер в поле 1917",
])
def test_reasonable_passwords_pass(password: str) -> None:
    assert password_problem(password) is None


@pytest.mark.parametrize("login", ["admin", "region", "territory1", "territory2", "chair1",
                                   "chair2", "chair3"])
def test_the_demo_passwords_pass(login: str) -> None:
    assert password_problem(demo_password(login), login=login) is None


def test_the_bundled_lists_are_read() -> None:
    words = passwords.common_passwords()
    assert len(words) > 49_000
    assert {"qwerty", "gfhjkm", "пароль", "профсоюз"} <= words


def test_one_time_passwords_are_readable_strong_and_pass_the_policy() -> None:
    seen = {one_time_password() for _ in range(200)}
    assert len(seen) == 200
    for password in seen:
        assert password_problem(password) is None
        assert not set(password) & set("0Oo1lI")
        groups = password.split("-")
        assert [len(g) for g in groups] == [4, 4, 4]
        assert set("".join(groups)) <= set(passwords.OTP_ALPHABET)
