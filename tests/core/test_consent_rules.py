"""The consent rules on the client: the shared functions and the card's service."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from chairclient.db.models import Consent, OutboxEntry
from chairclient.domain import consent_rules as rules
from chairclient.services import bulk
from chairclient.services.members import save_member, set_consent
from chairclient.services.steps import BulkRefused
from chairclient.validation import ValidationError
from tests.core.factories import add_org, member_values

TODAY = date(2026, 3, 1)


def test_shared_rules() -> None:
    assert rules.check_signed_on(date(2026, 3, 2), TODAY) == (
        "Дата подписания согласия не может быть в будущем")
    assert rules.check_signed_on(TODAY, TODAY) is None
    assert "Неизвестная версия" in rules.check_template_version("2024-01")
    assert rules.check_template_version("2025-09") is None  # old forms stay valid
    assert rules.check_template_version(rules.CURRENT_TEMPLATE_VERSION) is None
    assert "раньше даты его подписания (10.02.2026)" in rules.check_revoked_on(
        date(2026, 2, 9), date(2026, 2, 10), TODAY)
    assert rules.check_revoked_on(date(2026, 2, 10), date(2026, 2, 10), TODAY) is None
    assert "в будущем" in rules.check_revoked_on(date(2026, 3, 2), date(2026, 2, 10), TODAY)
    errors = rules.consent_errors(TODAY, rules.CURRENT_TEMPLATE_VERSION, None, TODAY,
                                  other_live=True)
    assert errors == {"revoked_on": rules.SECOND_LIVE}
    unrevoke = rules.consent_errors(TODAY, rules.CURRENT_TEMPLATE_VERSION, None, TODAY,
                                    other_live=False, was_revoked=TODAY, new=False)
    assert unrevoke == {"revoked_on": rules.NO_UNREVOKE}


@pytest.mark.parametrize(("born", "minor"), [
    (date(2008, 3, 2), True), (date(2008, 3, 1), False), (date(2012, 1, 1), True),
    (date(1980, 5, 5), False), (None, False)])
def test_who_needs_a_representative(born: date | None, minor: bool) -> None:
    assert rules.needs_representative(born, TODAY) is minor


@pytest.fixture
def member(db) -> str:
    org = add_org(db, code="01-001")
    with db.transaction() as s:
        return save_member(s, org, member_values()).member_id


def test_service_refuses_future_and_early_dates(db, member) -> None:
    with pytest.raises(ValidationError) as caught, db.transaction() as s:
        set_consent(s, member, True, signed_on=date(2026, 3, 2), today=TODAY)
    assert caught.value.result.errors == {
        "consent_signed_on": "Дата подписания согласия не может быть в будущем"}
    with db.transaction() as s:
        assert set_consent(s, member, True, signed_on=date(2026, 2, 10), today=TODAY)
    with pytest.raises(ValidationError) as caught, db.transaction() as s:
        set_consent(s, member, False, revoked_on=date(2026, 2, 1), today=TODAY)
    assert "раньше даты его подписания" in caught.value.result.errors["consent_revoked_on"]
    with db.transaction() as s:
        assert set_consent(s, member, False, revoked_on=date(2026, 2, 20), today=TODAY)
    with db.session() as s:
        consent = s.scalars(select(Consent)).one()
        assert (consent.template_version, consent.revoked_on) == (
            rules.CURRENT_TEMPLATE_VERSION, date(2026, 2, 20))
        update = s.scalars(select(OutboxEntry).where(OutboxEntry.op == "update")).one()
        assert update.fields == {"revoked_on": "2026-02-20"}


def test_bulk_consent_refuses_the_future_and_skips_a_live_one(db, member) -> None:
    with pytest.raises(BulkRefused, match="в будущем"), db.transaction() as s:
        bulk.mark_consent(s, [member], date(2026, 3, 2), today=TODAY)
    with db.transaction() as s:
        assert bulk.mark_consent(s, [member], TODAY, today=TODAY).done == [member]
    with db.transaction() as s:  # a second live consent is never made
        again = bulk.mark_consent(s, [member], TODAY, today=TODAY)
    assert again.done == [] and again.skipped[0].reason == "согласие уже отмечено"
    with db.session() as s:
        assert len(s.scalars(select(Consent)).all()) == 1
