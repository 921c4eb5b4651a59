"""The bulk writer stores values exactly as the ORM would."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

from chairclient.db.engine import open_database
from chairclient.db.models import CardRequest, Organisation
from chairclient.demo.common import REF_TIME
from chairclient.demo.writer import insert_rows

ORG = {
    "id": "00000000-0000-4000-8000-000000000001", "org_id": "00000000-0000-4000-8000-000000000001",
    "level": "regional", "code": "52-00-0000", "full_name": "Энская областная организация",
    "short_name": "Энская", "founded_on": date(1990, 5, 17), "is_legal_entity": True,
    "pd_processors": [{"name": "ООО «Пример»", "address": "г. Энск"}],
}
REQUEST = {
    "id": "00000000-0000-4000-8000-000000000002", "org_id": ORG["id"], "state": "processed",
    "submitted_at": datetime(2026, 10, 2, 14, 30), "processing_date": date(2026, 10, 15),
}


def _raw(path: Path, table: str) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(f'SELECT * FROM "{table}"').fetchall()
    finally:
        connection.close()


def test_writer_matches_orm(tmp_path: Path) -> None:
    orm_path, bulk_path = tmp_path / "orm.sqlite", tmp_path / "bulk.sqlite"
    db = open_database(orm_path)
    with db.transaction() as session:
        session.add(Organisation(**ORG, version=1, deleted=False, updated_at=REF_TIME))
        session.add(CardRequest(**REQUEST, version=1, deleted=False, updated_at=REF_TIME))
    db.close()
    open_database(bulk_path).close()
    connection = sqlite3.connect(bulk_path)
    with connection:
        insert_rows(connection, "organisations", [ORG])
        insert_rows(connection, "card_requests", [REQUEST])
    connection.close()
    for table in ("organisations", "card_requests"):
        assert _raw(bulk_path, table) == _raw(orm_path, table)
