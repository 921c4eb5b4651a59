"""Closing an organisation on the client: the shared rules, the facts the dialog shows, and
the queued command (nothing else changes locally until the registry has done it)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from chairclient.db.models import Member, Organisation, OutboxEntry
from chairclient.domain import closure
from chairclient.queries.closure import closure_facts
from chairclient.services.closure import ClosureRefused, close_organisation, reopen_organisation
from chairclient.services.members import save_member
from chairclient.services.organisations import PASSPORT_FIELDS
from tests.core.factories import add_org, member_values

TODAY = date(2025, 3, 10)
ON = date(2025, 3, 3)


@pytest.fixture
def tree(db) -> dict[str, str]:
    """A territorial organisation with two primaries (two members in «a»), as a territorial
    chair's store holds it."""
    orgs = {"t": add_org(db, code="T", level="territorial", name="Районная")}
    orgs["a"] = add_org(db, code="A", parent_id=orgs["t"], name="ППО А")
    orgs["b"] = add_org(db, code="B", parent_id=orgs["t"], name="ППО Б")
    with db.transaction() as s:
        for name in ("Иванова", "Петрова"):
            save_member(s, orgs["a"], member_values(last_name=name))
        s.query(OutboxEntry).delete()
    return orgs


def _territorial(tree: dict[str, str]) -> list[tuple[str, str]]:
    """The positions the registry sent the territorial chair at sign-in."""
    return [(tree["t"], "territorial")]


def _outbox(db) -> list[OutboxEntry]:
    with db.session() as s:
        return list(s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)))


def test_rules() -> None:
    assert closure.check_delete(0, 0, False) is None
    assert "2 карточки" in closure.check_delete(2, 0, False)
    assert "5 карточек" in closure.check_delete(5, 3, False)
    assert "подчинённые" in closure.check_delete(0, 1, False)
    assert "Закрытая" in closure.check_delete(0, 0, True)
    same = closure.Target("b", "t", "primary", False)
    args = dict(closed=False, parent_id="t", level="primary", live_children=0, on=ON,
                today=TODAY, earliest=date(2025, 1, 1), org_id="a")
    assert closure.check_close(kind="liquidation", target=None, **args) is None
    assert closure.check_close(kind="merger", target=same, **args) is None
    assert closure.check_close(kind="merger", target=None, **args) == closure.TARGET_NOT_FOUND
    for target, words in (
        (closure.Target("a", "t", "primary", False), "не найдена"),
        (closure.Target("b", "t", "primary", True), "не найдена"),
        (closure.Target("b", "x", "primary", False), "той же вышестоящей"),
        (closure.Target("b", "t", "territorial", False), "того же уровня"),
    ):
        assert words in closure.check_close(kind="merger", target=target, **args)
    assert "уже закрыта" in closure.check_close(kind="liquidation", target=None,
                                                 **{**args, "closed": True})
    assert "верхнего" in closure.check_close(kind="liquidation", target=None,
                                             **{**args, "parent_id": None})
    assert "способ" in closure.check_close(kind="sale", target=None, **args)
    assert "подчинённые" in closure.check_close(kind="liquidation", target=None,
                                                **{**args, "live_children": 2})
    assert "будущем" in closure.check_close(kind="liquidation", target=None,
                                            **{**args, "on": date(2025, 3, 11)})
    assert "01.04.2025" in closure.check_close(kind="liquidation", target=None,
                                               **{**args, "earliest": date(2025, 4, 1)})
    assert "черновике" in closure.check_close(kind="merger", target=same, draft_cards=2, **args)
    assert closure.check_close(kind="liquidation", target=None, draft_cards=2, **args) is None
    assert "запросы на перевод" in closure.check_close(kind="liquidation", target=None,
                                                       pending_requests=1, **args)
    assert closure.check_reopen(True) is None and "не закрыта" in closure.check_reopen(False)
    territorial, admin = [("t", "territorial")], [("r", "admin")]
    assert closure.may_close(["t", "r"], territorial) and closure.may_close(["x"], admin)
    assert not closure.may_close(["p"], territorial)  # a position elsewhere
    assert not closure.may_close(["t"], [("t", "primary")])  # a primary chair never
    assert closure.may_reopen(admin) and not closure.may_reopen(territorial)
    ids = {closure.closure_event_id("m", "x"), closure.closure_event_id("m", "x", "in"),
           closure.closure_event_id("m", "y"), closure.closure_event_id("n", "x")}
    assert len(ids) == 4 and closure.closure_event_id("m", "x") in ids
    assert not closure.CLOSURE_FIELDS & PASSPORT_FIELDS  # never a passport edit


def test_facts_and_the_queued_command(db, tree) -> None:
    with db.session() as s:
        facts = closure_facts(s, tree["a"], _territorial(tree))
    assert (facts.on_register, facts.open_children, facts.may_close) == (2, 0, True)
    assert facts.earliest == date(2015, 9, 1) and not facts.may_reopen
    assert [t.id for t in facts.targets] == [tree["b"]]
    with db.transaction() as s:
        queued = close_organisation(s, tree["a"], closure.MERGER, ON, merged_into_id=tree["b"],
                                    positions=_territorial(tree),
                                    note="  Решение № 3 ", today=TODAY)
    assert queued.affected == 2
    [entry] = _outbox(db)
    assert (entry.entity, entry.entity_id, entry.org_id, entry.op) == (
        "organisation", tree["a"], tree["a"], "command")
    assert entry.fields == {"command": closure.CLOSE_ORGANISATION, "kind": "merger",
                            "on": "2025-03-03", "merged_into_id": tree["b"],
                            "note": "Решение № 3"}
    with db.session() as s:  # nothing else changed: the registry does it, the sync brings it
        assert s.get(Organisation, tree["a"]).closed_on is None
        assert {m.org_id for m in s.scalars(select(Member))} == {tree["a"]}
        assert closure_facts(s, tree["a"]).pending
    with db.transaction() as s, pytest.raises(ClosureRefused, match="ждёт синхронизации"):
        close_organisation(s, tree["a"], closure.LIQUIDATION, ON, today=TODAY,
                           positions=_territorial(tree))


def test_refusals_change_nothing(db, tree) -> None:
    cases = [
        (tree["t"], closure.LIQUIDATION, None, "вышестоящая"),  # its superior is not here
        (tree["a"], closure.MERGER, tree["t"], "не найдена"),
        (tree["a"], closure.MERGER, None, "не найдена"),
        (tree["a"], closure.LIQUIDATION, None, "раньше"),
    ]
    for org_id, kind, target, words in cases:
        on = date(2015, 8, 1) if words == "раньше" else ON
        with db.transaction() as s, pytest.raises(ClosureRefused, match=words):
            close_organisation(s, org_id, kind, on, merged_into_id=target, today=TODAY,
                               positions=_territorial(tree))
    with db.transaction() as s, pytest.raises(ClosureRefused, match="администратор"):
        reopen_organisation(s, tree["b"], positions=_territorial(tree))
    assert _outbox(db) == []


def test_unknown_positions_offer_nothing(db, tree) -> None:
    with db.session() as s:
        facts = closure_facts(s, tree["a"])
    assert not facts.may_close and not facts.may_reopen
    with db.transaction() as s, pytest.raises(ClosureRefused, match="вышестоящая"):
        close_organisation(s, tree["a"], closure.LIQUIDATION, ON, today=TODAY, positions=[])


def test_reopen_is_for_the_administrator(db, tree) -> None:
    admin = [(tree["t"], "admin")]
    with db.transaction() as s:
        s.get(Organisation, tree["b"]).closed_on = ON
    with db.session() as s:
        assert closure_facts(s, tree["b"], admin).may_reopen
    with db.transaction() as s, pytest.raises(ClosureRefused, match="уже закрыта"):
        close_organisation(s, tree["b"], closure.LIQUIDATION, ON, today=TODAY, positions=admin)
    with db.transaction() as s, pytest.raises(ClosureRefused, match="не закрыта"):
        reopen_organisation(s, tree["a"], positions=admin)
    with db.transaction() as s:
        reopen_organisation(s, tree["b"], note="Ошибка", positions=admin)
    [entry] = _outbox(db)
    assert entry.fields == {"command": closure.REOPEN_ORGANISATION, "note": "Ошибка"}


def test_a_closed_organisation_leaves_the_dashboard_rows(db, tree) -> None:
    from chairclient.queries.dashboard import compute_dashboard

    with db.session() as s:
        before = [row.org_id for row in compute_dashboard(s, tree["t"], today=TODAY).subordinates]
    with db.transaction() as s:
        s.get(Organisation, tree["b"]).closed_on = ON
    with db.session() as s:
        after = [row.org_id for row in compute_dashboard(s, tree["t"], today=TODAY).subordinates]
        own = compute_dashboard(s, tree["b"], today=TODAY)  # chosen in the tree: still opens
    assert tree["b"] in before and after == [o for o in before if o != tree["b"]]
    assert own.org_id == tree["b"]
