"""Closing an organisation (liquidation or merger) and reopening it, queued for the registry.

Nothing changes locally: a closure removes or moves every member of the organisation, which
the registry does in one transaction and the next sync brings back (the tree and the lists
update then). Only the command is queued, after the same checks the registry runs
(:mod:`chairclient.domain.closure`) on the local rows, so a closure the registry would refuse
is refused here with the same reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from chairclient.db.models import new_id
from chairclient.domain import closure
from chairclient.queries.closure import Positions, closure_facts
from chairclient.services import outbox


class ClosureRefused(ValueError):
    """The closure or reopening is not allowed; ``str()`` is the Russian reason."""


@dataclass(frozen=True)
class ClosureQueued:
    """A queued command: the organisation and how many members it affects."""

    org_id: str
    mutation_id: str
    affected: int


def _refuse_if(reason: str | None) -> None:
    if reason is not None:
        raise ClosureRefused(reason)


def close_organisation(
    session: Session, org_id: str, kind: str, on: date, *, positions: Positions,
    merged_into_id: str | None = None, note: str | None = None, step_id: str | None = None,
    today: date | None = None,
) -> ClosureQueued:
    """Закрыть организацию: liquidation, or merger into ``merged_into_id``, on ``on``, by a
    user with ``positions`` (organisation id, role)."""
    facts = closure_facts(session, org_id, positions)
    if not facts.may_close:
        raise ClosureRefused("Закрыть организацию может только вышестоящая организация")
    if facts.pending:
        raise ClosureRefused("Закрытие этой организации уже ждёт синхронизации")
    targets = {t.id: t for t in facts.targets}
    target = None
    if kind == closure.MERGER and merged_into_id in targets:
        target = closure.Target(merged_into_id, facts.parent_id, facts.level, False)
    _refuse_if(closure.check_close(
        kind=kind, closed=facts.closed_on is not None, parent_id=facts.parent_id,
        level=facts.level, live_children=facts.open_children, on=on,
        today=today or date.today(), earliest=facts.earliest, target=target, org_id=org_id,
        draft_cards=facts.draft_cards, pending_requests=facts.pending_requests,
    ))
    args: dict[str, Any] = {"kind": kind, "on": on}
    if target is not None:
        args["merged_into_id"] = target.id
    note = (note or "").strip() or None
    if note:
        args["note"] = note
    return _queue(session, org_id, closure.CLOSE_ORGANISATION, args, step_id,
                  facts.on_register)


def reopen_organisation(
    session: Session, org_id: str, *, positions: Positions, note: str | None = None,
    step_id: str | None = None,
) -> ClosureQueued:
    """Открыть снова (the administrator): the organisation works again; its members stay as
    the closure left them."""
    facts = closure_facts(session, org_id, positions)
    if not facts.may_reopen:
        raise ClosureRefused("Открыть закрытую организацию может только администратор")
    if facts.pending:
        raise ClosureRefused("Открытие этой организации уже ждёт синхронизации")
    _refuse_if(closure.check_reopen(facts.closed_on is not None))
    note = (note or "").strip() or None
    return _queue(session, org_id, closure.REOPEN_ORGANISATION, {"note": note} if note else {},
                  step_id, 0)


def _queue(session: Session, org_id: str, name: str, args: dict[str, Any],
           step_id: str | None, affected: int) -> ClosureQueued:
    entry = outbox.record_command(session, "organisation", org_id, org_id, name, args,
                                  step_id or new_id())
    entry.base = {"rows": [], "created": []}  # nothing optimistic to put back if refused
    return ClosureQueued(org_id, entry.mutation_id, affected)
