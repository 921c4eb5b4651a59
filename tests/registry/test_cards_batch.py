"""ЭПБ batches: ``card-batch`` once per date, card numbers, the order files, and the regional
marks from the command line (``card-ship``, ``card-receive``) — on a registry of their own."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from chairclient.services.card_rules import next_processing_date
from registry.auth import now_utc
from registry.card_numbers import LENGTH, is_valid
from registry.cli import main
from registry.commands.writes import server_today
from registry.models import audit_history, organisations
from registry.models_cards import card_batches
from tests.registry.card_helpers import (
    add_member,
    cards,
    fresh_registry,
    history,
    ordered_request,
    requests,
    row,
    step,
)
from tests.registry.conftest import BACKENDS, Running
from tests.registry.helpers import Api
from tests.registry.world import World, build_world

FIRST = next_processing_date(server_today(now_utc()))
TODAY = date.today()


@pytest.fixture(scope="module", params=BACKENDS)
def own(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
        ) -> Iterator[Running]:
    yield from fresh_registry(request, tmp_path_factory)


@pytest.fixture
def world(own: Running) -> World:
    world = build_world(own.db)
    with own.db.write() as session:  # the region's passport: where the cards are delivered
        session.execute(organisations.update().where(organisations.c.id == world.orgs["R"])
                        .values(postal_index="603000", address="г. Нижний Новгород, ул. Ильинская, 1"))
    return world


@pytest.fixture
def api(own: Running, world: World) -> Iterator[Api]:
    client = Api(own.base_url, world)
    yield client
    client.close()


def _cli(own: Running, *args: str) -> dict:
    """``python -m registry`` in a process of its own, its JSON summary."""
    done = subprocess.run([sys.executable, "-m", "registry", *args, "--db", own.db.url, "--json"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _batches(own: Running) -> list[dict]:
    with own.db.read() as session:
        return [dict(r) for r in session.execute(select(card_batches)).mappings()]


def test_one_batch_per_date_with_numbers_and_order_files(
    own: Running, world: World, api: Api, tmp_path: Path
) -> None:
    org_a, org_2 = world.orgs["P1a"], world.orgs["P2"]
    tricky = add_member(own.db, world, "P1a", last_name="=HYPERLINK(1)", first_name="Ольга")
    plain = add_member(own.db, world, "P1a", last_name="Андреева")
    other = add_member(own.db, world, "P2", last_name="Борисова")
    request_a, cards_a = ordered_request(api, "chair1a", org_a, [tricky, plain])
    request_2, cards_2 = ordered_request(api, "chair2", org_2, [other])
    before = len(_batches(own))
    out = tmp_path / "orders"
    first = _cli(own, "card-batch", "--date", FIRST.isoformat(), "--out", str(out))
    assert first["created"] is True and first["cards"] >= 3
    numbers = {c: row(own.db, cards, c)["number"] for c in cards_a + cards_2}
    assert main(["card-batch", "--db", own.db.url, "--date", FIRST.isoformat(),
                 "--out", str(out)]) == 0
    assert len(_batches(own)) == before + 1
    assert {c: row(own.db, cards, c)["number"] for c in numbers} == numbers
    assert all(len(n) == LENGTH and n.isdigit() and is_valid(n) for n in numbers.values())
    assert len(set(numbers.values())) == 3
    for card_id in numbers:
        assert row(own.db, cards, card_id)["status"] == "produced"
        assert history(own.db, card_id) == ["in_request", "ordered", "produced"]
    for request_id in (request_a, request_2):
        request = row(own.db, requests, request_id)
        assert (request["state"], request["batch_id"]) == ("processed", first["batch_id"])
    with own.db.read() as session:
        audited = session.scalar(select(func.count()).select_from(audit_history).where(
            audit_history.c.entity_id.in_(list(numbers)), audit_history.c.field == "number",
            audit_history.c.user_id == "cli:card-batch"))
        assert audited == 3
    # the chair pulls the numbers
    changes, _, _ = api.pull_all("chair1a", {org_a: 0})
    pulled = {c["id"]: c["row"]["number"] for c in changes if c["entity"] == "card"}
    assert pulled == {c: numbers[c] for c in cards_a}
    # the order files, read back
    xlsx = out / f"card-order-{FIRST.isoformat()}.xlsx"
    sheet = load_workbook(xlsx).active
    rows = [[cell.value for cell in r] for r in sheet.iter_rows()]
    assert rows[0] == ["Регион", "Организация", "Член Профсоюза (ФИО)", "Номер карты",
                       "Адрес доставки"]
    mine = {r[3]: r for r in rows[1:] if r[3] in numbers.values()}
    assert len(mine) == 3
    address = "603000, г. Нижний Новгород, ул. Ильинская, 1"
    assert mine[numbers[cards_2[0]]] == ["Орг R", "Орг P2", "Борисова Анна Петровна",
                                         numbers[cards_2[0]], address]
    risky = next(r for r in sheet.iter_rows() if str(r[2].value).startswith("=HYPER"))
    assert risky[2].data_type == "s" and risky[3].data_type == "s"
    with (out / f"card-order-{FIRST.isoformat()}.csv").open(encoding="utf-8-sig",
                                                           newline="") as handle:
        lines = list(csv.reader(handle, delimiter=";"))
    assert lines[0] == rows[0]
    by_number = {line[3]: line for line in lines[1:]}
    assert by_number[numbers[cards_a[0]]][2] == "'=HYPERLINK(1) Ольга Петровна"
    assert by_number[numbers[cards_2[0]]] == mine[numbers[cards_2[0]]]


def test_ship_and_receive_from_the_command_line(own: Running, world: World, api: Api) -> None:
    day = FIRST + timedelta(days=40)
    org_a, org_2 = world.orgs["P1a"], world.orgs["P2"]
    _, cards_a = ordered_request(api, "chair1a", org_a, [add_member(own.db, world, "P1a")])
    _, cards_2 = ordered_request(api, "chair2", org_2, [add_member(own.db, world, "P2")])
    _cli(own, "card-batch", "--date", day.isoformat())
    code_a = f"P1a-{world.suffix}"
    shipped = _cli(own, "card-ship", "--batch-date", day.isoformat(), "--org", code_a)
    assert shipped == {"marked": 1, "refused": []}
    assert row(own.db, cards, cards_a[0])["status"] == "shipped"
    assert row(own.db, cards, cards_2[0])["status"] == "produced"
    rest = _cli(own, "card-ship", "--batch-date", day.isoformat())
    assert rest["marked"] >= 1 and row(own.db, cards, cards_2[0])["status"] == "shipped"
    received = _cli(own, "card-receive", "--org", f"P2-{world.suffix}")
    assert received == {"marked": 1, "refused": []}
    assert row(own.db, cards, cards_2[0])["status"] == "received"
    assert row(own.db, cards, cards_a[0])["status"] == "shipped"
    with own.db.read() as session:
        who = session.execute(
            select(audit_history.c.user_id, audit_history.c.new_value).where(
                audit_history.c.entity_id == cards_2[0], audit_history.c.field == "status")
            .order_by(audit_history.c.id)).all()
    assert [tuple(w) for w in who][-2:] == [("cli:card-ship", "shipped"),
                                           ("cli:card-receive", "received")]
    # the chair receives the other one through the command, and hands both out
    assert api.push("chair1a", step(cards_a[0], org_a, "received", TODAY))[0]["status"] == \
        "applied"
    assert api.push("chair2", step(cards_2[0], org_2, "issued", TODAY))[0]["status"] == \
        "applied"
    assert history(own.db, cards_2[0]) == ["in_request", "ordered", "produced", "shipped",
                                            "received", "issued"]
    with pytest.raises(SystemExit, match="не найдена"):
        main(["card-ship", "--db", own.db.url, "--batch-date", "1999-01-01"])


def test_demo_cards_stay_consistent(tmp_path: Path) -> None:
    from registry.db import init_db, open_database
    from registry.seed import seed_demo

    db = open_database(f"sqlite:///{tmp_path / 'demo.sqlite'}")
    try:
        init_db(db)
        seed_demo(db, members=60)
        with db.read() as session:
            numbered = set(session.scalars(select(cards.c.status).where(
                cards.c.number.is_(None), cards.c.deleted.is_(False))))
            processed = set(session.scalars(select(requests.c.processing_date).where(
                requests.c.state == "processed")))
            waiting = session.scalar(select(func.count()).select_from(cards)
                                     .where(cards.c.status == "ordered"))
        assert numbered <= {"in_request", "ordered", "cancelled"}
        batch_dates = {b["batch_date"] for b in _batches(Running("sqlite", db, ""))}
        assert processed <= batch_dates
        demo_day = max(processed)
        assert main(["card-batch", "--db", db.url, "--date", demo_day.isoformat()]) == 0
        assert len(_batches(Running("sqlite", db, ""))) == len(batch_dates)
        assert main(["card-batch", "--db", db.url, "--date", "2026-11-15"]) == 0
        with db.read() as session:
            new = list(session.scalars(select(cards.c.number).where(
                cards.c.status == "produced", cards.c.number.like("9643000%"))))
            every = list(session.scalars(select(cards.c.number).where(
                cards.c.number.is_not(None))))
        assert len(new) == waiting and all(is_valid(n) for n in new)
        assert len(every) == len(set(every))
    finally:
        db.close()
