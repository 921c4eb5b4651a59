"""The password policy (shared by the registry and the client) and one-time passwords.

A password is accepted when it is at least :data:`MIN_LENGTH` characters long and is not a
common password. "Common" means: in the bundled list of 49,000 passwords seen most often in
leaks (``data/common-passwords.txt.gz``, the ``passwords`` dictionary of
``@zxcvbn-ts/language-common``, MIT licence, see ``docs/password-policy.md``) or in the
project's short Russian list (``data/common-passwords-ru.txt``), also when

* typed on the Russian keyboard layout (``пароль`` is the key sequence ``gfhjkm``),
* written with letters swapped for look-alike digits or signs (``p@ssw0rd``),
* wrapped in digits or signs (``qwerty-2024``, ``!Пароль1``), or repeated (``qwertyqwerty``),

case and ё/е ignored. The list, not a composition rule ("a digit, a capital and a sign"), is
what NIST SP 800-63B asks for: length and a blocklist, no forced mixtures.
"""

from __future__ import annotations

import gzip
import re
import secrets
from functools import lru_cache
from importlib import resources

MIN_LENGTH = 10
#: Longest password accepted (argon2 hashes anything, but a request body is bounded).
MAX_LENGTH = 200
#: Fewer different characters than this (``aaaaaaaaaa``, ``1212121212``) is too simple.
MIN_DISTINCT = 5
#: A common password found inside digits and signs counts from this length on (``ab`` is no
#: word to refuse ``ab83059172`` for).
_MIN_STEM = 4

TOO_SHORT = f"Пароль должен быть не короче {MIN_LENGTH} символов"
TOO_LONG = f"Пароль должен быть не длиннее {MAX_LENGTH} символов"
EDGE_SPACE = "Пароль не должен начинаться или заканчиваться пробелом"
SAME_AS_OLD = "Новый пароль должен отличаться от прежнего"
SAME_AS_LOGIN = "Пароль не должен совпадать с логином"
TOO_SIMPLE = (
    f"Пароль слишком простой: в нём меньше {MIN_DISTINCT} разных символов"
)
COMMON = (
    "Этот пароль слишком распространён (он есть в списке паролей, которые подбирают первыми, "
    "в том числе в русской раскладке, с цифрами в начале или в конце). Придумайте другой: "
    "например, три-четыре не связанных слова через дефис"
)
#: What the policy asks, for a dialog's hint.
POLICY_TEXT = (
    f"Не короче {MIN_LENGTH} символов и не из списка распространённых паролей "
    "(«qwerty123456», «пароль2024» и подобные не подойдут)"
)

#: The Russian ЙЦУКЕН layout: each Cyrillic letter → the Latin key it is typed with.
_LAYOUT = str.maketrans(
    "йцукенгшщзхъфывапролджэячсмитьбюё",
    "qwertyuiop[]asdfghjkl;'zxcvbnm,.`",
)
#: Look-alike digits and signs → the letters they stand for.
_LEET = str.maketrans({"@": "a", "4": "a", "0": "o", "1": "i", "!": "i", "3": "e", "$": "s",
                       "5": "s", "7": "t", "+": "t", "8": "b", "9": "g"})
#: Digits, signs and spaces around the word of a password.
_WRAPPING = re.compile(r"^[\W\d_]+|[\W\d_]+$")

#: One-time passwords: no characters a person misreads on paper (0/O/o, 1/l/I).
OTP_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789"
OTP_GROUPS, OTP_GROUP_LENGTH = 3, 4


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    """The bundled lists, lower case with ё as е (read once)."""
    data = resources.files("chairclient.domain") / "data"
    with (data / "common-passwords.txt.gz").open("rb") as raw, gzip.open(raw, "rt",
                                                                         encoding="utf-8") as fh:
        words = {line.strip() for line in fh}
    text = (data / "common-passwords-ru.txt").read_text(encoding="utf-8")
    words |= {line.strip() for line in text.splitlines() if not line.startswith("#")}
    return frozenset(_fold(word) for word in words if word)


def _fold(text: str) -> str:
    return text.casefold().replace("ё", "е")


def _unit(text: str) -> str:
    """``abcabcabc`` → ``abc``: the shortest piece the text repeats (itself if none)."""
    for size in range(1, len(text) // 2 + 1):
        if len(text) % size == 0 and text[:size] * (len(text) // size) == text:
            return text[:size]
    return text


def _candidates(password: str) -> set[str]:
    """The forms of ``password`` that are looked up in the lists."""
    folded = _fold(password)
    forms = {folded, folded.translate(_LAYOUT)}
    found: set[str] = set()
    for form in forms:
        stem = _WRAPPING.sub("", form)
        for piece in (form, form.translate(_LEET), stem, stem.translate(_LEET)):
            if len(piece) >= _MIN_STEM or piece == form:
                found.add(piece)
                found.add(_unit(piece))
    return found


def is_common(password: str) -> bool:
    """Whether ``password`` (in any of the forms above) is on the bundled lists."""
    words = common_passwords()
    return any(form in words for form in _candidates(password) if form)


def password_problem(new: str, old: str | None = None, *, login: str | None = None
                     ) -> str | None:
    """A Russian reason why ``new`` is not acceptable as a password, or None."""
    if len(new) < MIN_LENGTH:
        return TOO_SHORT
    if len(new) > MAX_LENGTH:
        return TOO_LONG
    if new.strip() != new:
        return EDGE_SPACE
    if old is not None and new == old:
        return SAME_AS_OLD
    if login and _fold(new) == _fold(login.strip()):
        return SAME_AS_LOGIN
    if len(set(_fold(new))) < MIN_DISTINCT:
        return TOO_SIMPLE
    if is_common(new):
        return COMMON
    return None


def one_time_password() -> str:
    """A random password to hand over on paper: ``Kx7m-Pq4r-Wd9n`` (about 69 bits), with a
    capital, a small letter and a digit, none of the characters that are misread."""
    while True:
        groups = ["".join(secrets.choice(OTP_ALPHABET) for _ in range(OTP_GROUP_LENGTH))
                  for _ in range(OTP_GROUPS)]
        password = "-".join(groups)
        if (any(c.isupper() for c in password) and any(c.islower() for c in password)
                and any(c.isdigit() for c in password) and password_problem(password) is None):
            return password
