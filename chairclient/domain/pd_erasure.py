"""Which personal data only the consent covered, and when they are erased after a revocation.

The rule and its reasoning are in ``docs/personal-data.md``. In short: the consent form's
section 5 lists the membership record (ФИО, birth date, sex, membership, work or study,
education, dues, the union card) and, beyond it, contacts and the СНИЛС. After the consent is
revoked the union keeps processing the membership record (152-ФЗ art. 9 part 2); the contacts
serve PROFCARDS and informing the member only, so they go; the СНИЛС is what lets the registry
keep one active membership per person, so it stays while the member is on the register and
goes once they are not.
"""

from __future__ import annotations

from datetime import date, timedelta

#: 152-ФЗ art. 21 part 5: destroyed within thirty days of the revocation.
ERASURE_DELAY = timedelta(days=30)
#: Member fields only the consent covered, whatever the member's status.
CONTACT_FIELDS = ("phone", "email", "address")
#: Kept while the member is on the register (the one-membership-per-person check needs it).
SNILS = "snils"


def erasable_fields(status: str) -> tuple[str, ...]:
    """The member fields erased after a revocation, for a member of ``status``."""
    return CONTACT_FIELDS if status == "active" else (*CONTACT_FIELDS, SNILS)


def erasure_due(last_revoked: date | None, day: date) -> bool:
    """A member whose every consent is revoked, the last on ``last_revoked``, is erased by the
    run of ``day`` (revocation + 30 days at the latest)."""
    return last_revoked is not None and last_revoked + ERASURE_DELAY <= day


def revoked_before(day: date) -> date:
    """The latest revocation date whose data the run of ``day`` erases."""
    return day - ERASURE_DELAY
