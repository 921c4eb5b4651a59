"""Turning the card's form values into what is validated and saved (no widgets here)."""

from __future__ import annotations

from datetime import date
from typing import Any

from chairclient.validation import field_label
from ui.member_card.tab_contacts import CONTACT_FIELDS
from ui.member_card.tab_general import (
    CONSENT_GIVEN,
    CONSENT_REVOKED_ON,
    CONSENT_SIGNED_ON,
    GENERAL_FIELDS,
)
from ui.member_card.tab_membership import MEMBERSHIP_FIELDS
from ui.member_card.tab_work import WORK_FIELDS, WorkTab

# The card's tabs that hold required fields, with their fields.
TAB_FIELDS: dict[str, tuple[str, ...]] = {
    "general": GENERAL_FIELDS,
    "work": WORK_FIELDS,
    "contacts": CONTACT_FIELDS,
    "membership": MEMBERSHIP_FIELDS,
}
CONSENT_FIELDS = (CONSENT_GIVEN, CONSENT_SIGNED_ON, CONSENT_REVOKED_ON)


def new_member_defaults(today: date) -> dict[str, Any]:
    """A new card: registered today by application, working, on the register."""
    return {
        "category": "working",
        "registration_method": "application",
        "registered_on": today,
        "member_since": today,
        "status": "active",
    }


def member_part(form_values: dict[str, Any], stored: dict[str, Any]) -> dict[str, Any]:
    """The card's values for validation: stored values overlaid with the form's, with the
    rows hidden for the member's category emptied."""
    form = {k: v for k, v in form_values.items() if k not in CONSENT_FIELDS}
    return WorkTab.effective({**stored, **form})


def payload(form_values: dict[str, Any], saved_values: dict[str, Any], new: bool
            ) -> dict[str, Any]:
    """The fields to hand to ``save_member``: every filled field of a new card; for an existing
    card only what differs from what was loaded (so sync merges field by field)."""
    current = member_part(form_values, {})
    if new:
        return {k: v for k, v in current.items() if v is not None}
    return {k: v for k, v in current.items() if saved_values.get(k) != v}


def consent_change(form_values: dict[str, Any], saved_values: dict[str, Any]
                   ) -> tuple[bool, date | None] | None:
    """``(given, date)`` when the consent box changed, else None: the signing date of a new
    consent, or the revocation date of a revoked one."""
    given = bool(form_values.get(CONSENT_GIVEN))
    if given == bool(saved_values.get(CONSENT_GIVEN)):
        return None
    day = form_values.get(CONSENT_SIGNED_ON if given else CONSENT_REVOKED_ON)
    return given, day if isinstance(day, date) else None


def tab_progress(required: list[str], missing: list[str]) -> dict[str, tuple[int, int]]:
    """``{tab: (filled, total)}`` of the required fields on each tab."""
    progress = {}
    for tab, names in TAB_FIELDS.items():
        needed = [n for n in required if n in names]
        progress[tab] = (len([n for n in needed if n not in missing]), len(needed))
    return progress


def missing_links(missing: list[str]) -> str:
    """The missing fields as rich-text links (``href`` = field name) to jump to them."""
    return ", ".join(f'<a href="{name}">{field_label(name)}</a>' for name in missing)

