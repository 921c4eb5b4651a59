"""Member commands write the row and its outbox entries in one transaction."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from chairclient.db.models import Consent, Member, MembershipEvent, OutboxEntry
from chairclient.services.members import CONSENT_TEMPLATE_VERSION, save_member, set_consent
from chairclient.validation import ValidationError
from tests.core.factories import add_org, member_values


def _count(db, model) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_create_member_writes_row_event_and_outbox(db) -> None:
    org = add_org(db, code="01-001")
    with db.transaction() as s:
        saved = save_member(s, org, member_values(phone="8 (912) 345-67-89", last_name=" иванова "))
    assert saved.created
    with db.session() as s:
        m = s.get(Member, saved.member_id)
        assert (m.last_name, m.phone, m.org_id, m.version) == ("Иванова", "+79123456789", org, 0)
        assert m.is_complete and not m.has_consent and m.card_status == "not_ordered"
        assert m.search_text.startswith("иванова мария петровна")
        events = s.scalars(select(MembershipEvent).where(MembershipEvent.member_id == m.id)).all()
        assert [(e.kind, e.event_date) for e in events] == [("joined", date(2015, 9, 1))]
        entries = s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)).all()
        assert [(e.entity, e.op) for e in entries] == [("member", "create"),
                                                       ("membership_event", "create")]
        assert len({e.step_id for e in entries}) == 1
        assert entries[0].fields["birth_date"] == "1985-03-14"


def test_invalid_value_writes_nothing(db) -> None:
    org = add_org(db, code="01-002")
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        save_member(s, org, member_values(snils="112-233-445 96"))
    assert "snils" in err.value.result.errors
    assert "СНИЛС" in str(err.value)
    assert _count(db, Member) == 0 and _count(db, OutboxEntry) == 0


def test_incomplete_card_is_saved_and_marked(db) -> None:
    org = add_org(db, code="01-003")
    with db.transaction() as s:
        saved = save_member(s, org, member_values(dues_form=None, education_level=None))
    with db.session() as s:
        assert s.get(Member, saved.member_id).is_complete is False


def test_duplicate_snils_is_refused_with_field_message(db) -> None:
    org = add_org(db, code="01-004")
    with db.transaction() as s:
        save_member(s, org, member_values(snils="11223344595"))
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        save_member(s, org, member_values(first_name="Анна", snils="112 233 445 95"))
    assert "snils" in err.value.result.errors
    assert _count(db, Member) == 1


def test_update_records_only_changed_fields_with_server_base(db) -> None:
    org = add_org(db, code="01-005")
    with db.transaction() as s:
        member_id = save_member(s, org, member_values()).member_id
    with db.transaction() as s:
        changed = save_member(s, org, {"workplace": "Школа № 2", "last_name": "Иванова"},
                              member_id).changed
    assert changed == {"workplace": "Школа № 2"}
    with db.transaction() as s:
        save_member(s, org, {"workplace": "Школа № 3"}, member_id)
    with db.session() as s:
        updates = s.scalars(select(OutboxEntry).where(OutboxEntry.op == "update")
                            .order_by(OutboxEntry.seq)).all()
    # both offline edits carry the value the server knows as their base
    assert [u.fields for u in updates] == [{"workplace": "Школа № 2"}, {"workplace": "Школа № 3"}]
    assert [u.base for u in updates] == [{"workplace": None}, {"workplace": None}]


def test_unknown_member_and_unknown_field_are_refused(db) -> None:
    org = add_org(db, code="01-006")
    with pytest.raises(LookupError), db.transaction() as s:
        save_member(s, org, {"workplace": "x"}, "no-such-id")
    with pytest.raises(ValueError), db.transaction() as s:
        save_member(s, org, {"search_text": "x"})


def test_consent_given_then_revoked_stays_on_record(db) -> None:
    org = add_org(db, code="01-007")
    with db.transaction() as s:
        member_id = save_member(s, org, member_values()).member_id
    with db.transaction() as s:
        assert set_consent(s, member_id, True, signed_on=date(2026, 1, 10))
        assert not set_consent(s, member_id, True)
    with db.session() as s:
        assert s.get(Member, member_id).has_consent
        consent = s.scalars(select(Consent)).one()
        assert consent.template_version == CONSENT_TEMPLATE_VERSION
    with db.transaction() as s:
        assert set_consent(s, member_id, False)
    with db.session() as s:
        assert not s.get(Member, member_id).has_consent
        assert s.scalars(select(Consent)).one().revoked_on is not None


def test_clearing_a_name_saves_an_incomplete_card(db) -> None:
    org = add_org(db, code="01-008")
    with db.transaction() as s:
        member_id = save_member(s, org, member_values()).member_id
    with db.transaction() as s:
        save_member(s, org, {"first_name": ""}, member_id)
    with db.session() as s:
        member = s.get(Member, member_id)
        assert (member.first_name, member.is_complete) == ("", False)
