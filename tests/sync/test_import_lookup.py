"""The import's registry duplicate check against a real registry: a chair importing people who
are members of another primary organisation learns where they are registered, nothing more."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from chairclient.db.models import Member, Organisation
from chairclient.importing import build_preview, check_registry, load_table
from chairclient.importing.columns import FULL_NAME
from sync.client import Offline
from sync.import_lookup import registry_lookup
from tests.importing.helpers import write_xlsx


def test_rows_found_in_another_organisation(make_side, tmp_path: Path) -> None:
    sender = make_side("chair1")
    sender.sync()
    with sender.db.session() as s:
        org = s.get(Organisation, sender.org_id)
        members = s.scalars(select(Member).where(
            Member.org_id == sender.org_id, Member.deleted.is_(False),
            Member.status == "active").order_by(Member.id)).all()
        by_snils = next(m for m in members if m.snils)
        by_name = next(m for m in members if m.id != by_snils.id and m.birth_date)
        rows = [
            ["ФИО", "Дата рождения", "СНИЛС"],
            ["Другое Имя", "01.01.1990", by_snils.snils],
            [f"{by_name.last_name} {by_name.first_name}", f"{by_name.birth_date:%d.%m.%Y}", ""],
            ["Новикова Нина", "05.05.1995", ""],
        ]
        expected = (org.short_name, org.code)
    table = load_table(write_xlsx(tmp_path / "new.xlsx", rows))
    preview = build_preview(table, {0: FULL_NAME, 1: "birth_date", 2: "snils"})

    receiver = make_side("chair3")
    found = check_registry(registry_lookup(receiver.client), preview)
    assert [(d.row, d.registry.by_snils) for d in found] == [(2, True), (3, False)]
    assert {(d.registry.org_name, d.registry.org_code) for d in found} == {expected}
    assert "по данным реестра" in found[0].text()

    with pytest.raises(Offline):
        check_registry(registry_lookup(receiver.client, lambda: False), preview)
