"""The erasure after a revoked consent reaches every client that holds the member: the next
sync brings the empty fields, nothing else of the member changes."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from chairclient.db.models import Consent, Member
from chairclient.services.members import save_member, set_consent
from registry.pd_erasure import erase_revoked
from tests.sync.conftest import BACKENDS
from tests.sync.helpers import local_member, server_member


@pytest.mark.parametrize("server", BACKENDS, indirect=True)
def test_erasure_reaches_the_synced_clients(make_side, server) -> None:
    chair, terr = make_side("chair1"), make_side("territory1")
    chair.sync()
    signed, revoked = date.today() - timedelta(days=90), date.today() - timedelta(days=31)
    with chair.db.transaction() as session:  # a member with every erasable field, consented
        member_id = save_member(session, chair.org_id, {
            "last_name": "Отзывова", "first_name": "Мария", "birth_date": date(1990, 5, 5),
            "sex": "F", "snils": "112-233-445 95", "phone": "+79051234567",
            "email": "otzyvova@example.ru", "address": "г. Энск, ул. Лесная, 5",
            "registered_on": date(2020, 1, 1), "member_since": date(2020, 1, 1),
            "registration_method": "application", "category": "working"}).member_id
        set_consent(session, member_id, True, signed_on=signed)
    chair.sync()
    with chair.db.transaction() as session:
        set_consent(session, member_id, False, revoked_on=revoked)
    assert chair.sync().applied == 1
    terr.sync()
    before = {k: getattr(local_member(terr.db, member_id), k)
              for k in ("last_name", "birth_date", "snils", "category", "version")}
    assert local_member(terr.db, member_id).phone == "+79051234567"

    report = erase_revoked(server.db, date.today())
    assert report.erased[member_id] == ["phone", "email", "address"]
    assert server_member(server.db, member_id)["phone"] is None
    for side in (chair, terr):
        assert side.sync().rejected == 0
        member = local_member(side.db, member_id)
        assert (member.phone, member.email, member.address) == (None, None, None)
        assert member.snils == "112-233-445 95"  # on the register: kept
        assert member.last_name == before["last_name"]
        assert member.birth_date == before["birth_date"]
        with side.db.transaction() as session:  # the revoked consent stays on record
            [consent] = session.scalars(select(Consent).where(Consent.member_id == member_id))
            assert consent.revoked_on == revoked
            assert session.get(Member, member_id).search_text  # derived columns rebuilt
    assert erase_revoked(server.db, date.today()).erased == {}  # idempotent
