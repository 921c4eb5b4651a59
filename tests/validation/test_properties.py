"""Property-based tests (hypothesis) of the checksums and normalisers."""

from datetime import date

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from chairclient.validation import (
    is_valid_inn,
    is_valid_ogrn,
    is_valid_ogrnip,
    is_valid_snils,
    normalise_name,
    normalise_phone,
    normalise_snils,
    parse_date,
)

#: Per test, not a global profile: other test packages keep their own hypothesis settings.
quick = settings(max_examples=100, deadline=None)

SNILS_UNCHECKED_MAX = 1_001_998


def reference_snils_control(number: str) -> str:
    """The СНИЛС rule in its compact form: (weighted sum mod 101) mod 100."""
    total = sum(int(d) * w for d, w in zip(number, range(9, 0, -1), strict=True))
    return f"{total % 101 % 100:02d}"


def weighted_sum(number: str) -> int:
    return sum(int(d) * w for d, w in zip(number, range(9, 0, -1), strict=True))


checked_snils_numbers = st.integers(SNILS_UNCHECKED_MAX + 1, 999_999_999).map(lambda n: f"{n:09d}")


@quick
@given(checked_snils_numbers)
def test_generated_snils_is_valid(number: str) -> None:
    snils = number + reference_snils_control(number)
    assert is_valid_snils(snils)
    assert is_valid_snils(normalise_snils(snils))


@quick
@given(checked_snils_numbers, st.integers(9, 10), st.integers(1, 9))
def test_changing_a_control_digit_breaks_snils(number: str, position: int, shift: int) -> None:
    snils = number + reference_snils_control(number)
    digits = list(snils)
    digits[position] = str((int(digits[position]) + shift) % 10)
    assert not is_valid_snils("".join(digits))


@quick
@given(checked_snils_numbers, st.integers(0, 8), st.integers(1, 9))
def test_changing_a_number_digit_breaks_snils(number: str, position: int, shift: int) -> None:
    snils = number + reference_snils_control(number)
    digits = list(snils)
    digits[position] = str((int(digits[position]) + shift) % 10)
    changed = "".join(digits)
    # Two exceptions inherent in the rule: the new number may fall into the unchecked old
    # range, and sums whose remainders are 0 and 100 share the control digits 00.
    assume(int(changed[:9]) > SNILS_UNCHECKED_MAX)
    assume({weighted_sum(number) % 101, weighted_sum(changed[:9]) % 101} != {0, 100})
    assert not is_valid_snils(changed)


def _inn10(body: str) -> str:
    weights = (2, 4, 10, 3, 5, 9, 4, 6, 8)
    return body + str(sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11 % 10)


@quick
@given(st.text("0123456789", min_size=9, max_size=9), st.integers(0, 9), st.integers(1, 9))
def test_inn10_generated_and_broken(body: str, position: int, shift: int) -> None:
    inn = _inn10(body)
    assert is_valid_inn(inn) == (inn != "0000000000")  # all zeros: a placeholder, refused
    digits = list(inn)
    digits[position] = str((int(digits[position]) + shift) % 10)
    changed = "".join(digits)
    # A change in a position of weight 10 moves the sum by a multiple of 10·k, which mod 11
    # may still leave the same check digit after the final mod 10; compare with the rule.
    assert is_valid_inn(changed) == (_inn10(changed[:9]) == changed != "0000000000")


@quick
@given(st.integers(10**11, 10**12 - 1))
def test_ogrn_generated(body: int) -> None:
    ogrn = f"{body}{body % 11 % 10}"
    assert is_valid_ogrn(ogrn)
    assert not is_valid_ogrnip(ogrn)


@quick
@given(st.integers(3 * 10**13, 5 * 10**13 - 1))
def test_ogrnip_generated(body: int) -> None:
    ogrnip = f"{body}{body % 13 % 10}"
    assert is_valid_ogrnip(ogrnip)
    assert not is_valid_ogrn(ogrnip)
    wrong = f"{body}{(body % 13 + 1) % 10}"
    assert not is_valid_ogrnip(wrong)


national_numbers = st.text("0123456789", min_size=9, max_size=9).flatmap(
    lambda rest: st.sampled_from("3489").map(lambda first: first + rest)
)


def _render(national: str, prefix: str, style: int) -> str:
    code, a, b, c = national[:3], national[3:6], national[6:8], national[8:]
    body = [
        national,
        f"({code}) {a}-{b}-{c}",
        f"{code} {a} {b} {c}",
        f"{code}-{a}-{b}-{c}",
        f" ({code})\u00a0{a}–{b}–{c} ",
    ][style]
    return f"{prefix}{body}" if prefix != " " else body


@quick
@given(national_numbers, st.sampled_from(["+7", "+7 ", "8", "8 ", "7", " "]), st.integers(0, 4))
def test_normalise_phone_canonical_and_idempotent(national: str, prefix: str, style: int) -> None:
    phone = normalise_phone(_render(national, prefix, style))
    assert phone == "+7" + national
    assert normalise_phone(phone) == phone


@quick
@given(st.text(max_size=20))
def test_normalise_phone_never_fails_oddly(text: str) -> None:
    try:
        phone = normalise_phone(text)
    except ValueError as exc:
        assert str(exc)
    else:
        assert len(phone) == 12 and phone.startswith("+7") and phone[2:].isdigit()
        assert normalise_phone(phone) == phone


@quick
@given(st.integers(0, 10**11 - 1))
def test_normalise_snils_roundtrip(number: int) -> None:
    formatted = normalise_snils(number)
    assert len(formatted) == 14
    assert normalise_snils(formatted) == formatted
    assert normalise_snils(formatted.replace("-", "").replace(" ", "")) == formatted


russian_words = st.text(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ", min_size=1, max_size=12
)


@quick
@given(st.lists(russian_words, min_size=1, max_size=4), st.sampled_from([" ", "-", "  ", " - "]))
def test_normalise_name_is_idempotent(words: list[str], separator: str) -> None:
    name = normalise_name(separator.join(words))
    assert normalise_name(name) == name
    assert "  " not in name and " -" not in name and name == name.strip()


@quick
@given(st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 12, 31)))
def test_parse_date_roundtrips(day: date) -> None:
    assert parse_date(day.strftime("%d.%m.%Y")) == day
    assert parse_date(f"{day.day}.{day.month}.{day.year}") == day
    assert parse_date(day.strftime("%d/%m/%Y")) == day
    assert parse_date(day.isoformat()) == day
    serial = (day - date(1899, 12, 30)).days
    assert parse_date(serial) == day
    assert parse_date(serial + 0.5) == day


_CARD_FIELDS = ("last_name", "first_name", "birth_date", "sex", "category", "member_since",
                "registered_on", "registration_method", "education_level", "dues_form",
                "workplace", "position_code", "position_text", "study_level", "study_course")


@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries({}, optional={
    name: st.one_of(st.none(), st.sampled_from(["", "  ", "x", "working", "student",
                                                " student ", "pensioner", "unemployed", "?"]))
    for name in _CARD_FIELDS
}))
def test_complete_exactly_when_nothing_required_is_missing(values: dict) -> None:
    from chairclient.validation.member import (
        is_member_complete,
        missing_member_fields,
        required_member_fields,
    )

    def empty(value) -> bool:
        return value is None or not str(value).strip()

    category = str(values.get("category") or "").strip()
    required = required_member_fields(values)
    assert ("study_level" in required) == (category == "student")
    missing = [name for name in required if (
        empty(values.get("position_code")) and empty(values.get("position_text"))
        if name == "position" else empty(values.get(name)))]
    assert missing_member_fields(values) == missing
    assert is_member_complete(values) == (not missing)
