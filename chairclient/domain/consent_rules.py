"""Consent to personal-data processing (152-ФЗ art. 9 part 4): the rules of its record.

The client (card, bulk «Согласие получено») and the registry (pushed creates and updates) judge
a consent record with these functions; each returns ``None`` when the record may be written,
otherwise the Russian reason. A consent is signed on paper and recorded afterwards, so no date of
it lies in the future; it is revoked on the day the written revocation arrived, which is not
before it was signed; a revoked consent stays on record as it was and is never "un-revoked" (a
member who consents again signs a new form, which is a new record); a member has at most one
live (not revoked, not deleted) consent at a time.
"""

from __future__ import annotations

from datetime import date

#: The form version printed on every consent and stored on each record made now
#: (``resources/reports/consent.toml`` must carry the same).
CURRENT_TEMPLATE_VERSION = "2026-12"
#: Every version of the form the union has used: records of older forms stay valid (the paper
#: the member signed is what counts), a version not listed here is not a form of ours.
KNOWN_TEMPLATE_VERSIONS = ("2025-09", CURRENT_TEMPLATE_VERSION)
#: A member younger than this signs with (or through) a legal representative.
ADULT_AGE = 18

SECOND_LIVE = ("У члена Профсоюза уже есть действующее согласие на обработку персональных "
               "данных: сначала отметьте отзыв прежнего")
NO_UNREVOKE = ("Отозванное согласие не восстанавливается: если член Профсоюза снова даёт "
               "согласие, он подписывает новую форму, и она записывается как новое согласие")


def check_signed_on(signed_on: date | None, today: date) -> str | None:
    if signed_on is None:
        return "Укажите дату подписания согласия"
    if signed_on > today:
        return "Дата подписания согласия не может быть в будущем"
    return None


def check_template_version(version: str | None) -> str | None:
    if version not in KNOWN_TEMPLATE_VERSIONS:
        shown = str(version or "")[:20]
        return (f"Неизвестная версия формы согласия «{shown}»: известны "
                f"{', '.join(KNOWN_TEMPLATE_VERSIONS)}")
    return None


def check_revoked_on(revoked_on: date | None, signed_on: date | None, today: date) -> str | None:
    """The revocation date (None: not revoked) is not in the future nor before the signing."""
    if revoked_on is None:
        return None
    if revoked_on > today:
        return "Дата отзыва согласия не может быть в будущем"
    if signed_on is not None and revoked_on < signed_on:
        return (f"Дата отзыва согласия не может быть раньше даты его подписания "
                f"({signed_on:%d.%m.%Y})")
    return None


def consent_errors(
    signed_on: date | None, template_version: str | None, revoked_on: date | None, today: date,
    *, other_live: bool, was_revoked: date | None = None, new: bool = True,
) -> dict[str, str]:
    """Per field, what is wrong with the record (empty: nothing)."""
    errors: dict[str, str] = {}
    for name, reason in (
        ("signed_on", check_signed_on(signed_on, today)),
        ("template_version", check_template_version(template_version)),
        ("revoked_on", check_revoked_on(revoked_on, signed_on, today)),
    ):
        if reason is not None:
            errors[name] = reason
    if not new and was_revoked is not None and revoked_on is None:
        errors.setdefault("revoked_on", NO_UNREVOKE)
    if revoked_on is None and other_live:
        errors.setdefault("revoked_on", SECOND_LIVE)
    return errors


def needs_representative(birth_date: date | None, on: date) -> bool:
    """Under 18 on ``on``: the consent form's representative section must be filled in."""
    if birth_date is None:
        return False
    years = on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))
    return years < ADULT_AGE
