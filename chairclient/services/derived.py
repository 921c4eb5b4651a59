"""Local, derived member columns (search text, completeness, consent and card flags).

They make the member list filterable and sortable in SQL; they are recomputed whenever the
rows they derive from change (a service edit here, a pulled page in the sync issue).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from itertools import repeat
from typing import Any

from sqlalchemy import Select, bindparam, func, literal, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key

from chairclient.db.models import CARD_PRIORITY, LIVE_CARD_STATUSES, Card, Consent, Member
from chairclient.text import member_search_text, member_search_texts
from chairclient.validation import complete_members, is_member_complete


def member_values(member: Member) -> dict:
    """The member's editable fields as a plain dict (what validation takes)."""
    from chairclient.db.models import MEMBER_DERIVED_COLUMNS

    skip = MEMBER_DERIVED_COLUMNS | Member.SYSTEM_COLUMNS
    return {c.key: getattr(member, c.key) for c in Member.__table__.columns if c.key not in skip}


def _value_keys() -> tuple[str, ...]:
    from chairclient.db.models import MEMBER_DERIVED_COLUMNS

    skip = MEMBER_DERIVED_COLUMNS | Member.SYSTEM_COLUMNS
    return tuple(c.key for c in Member.__table__.columns if c.key not in skip)


#: Members per round of :func:`refresh_members`.
REFRESH_CHUNK = 5000
#: The derived columns, in the order :func:`derived_values` gives them.
DERIVED = ("has_consent", "card_status", "card_number", "is_complete", "search_text")
#: ``(status, number)`` of a member's most relevant card.
CardSummary = tuple[str, str | None]
NO_CARD: CardSummary = ("not_ordered", None)


def json_ids(ids: list[str]) -> Select:
    """The ids as a subquery over one JSON parameter (SQLite ``json_each``): the statement does
    not change with the number of ids and no parameter limit applies."""
    each = func.json_each(literal(json.dumps(ids))).table_valued("value")
    return select(each.c.value)


def consented_members(session: Session, ids: list[str] | None) -> set[str]:
    """Which of these members (None: of all) have a live consent. (Results here are read
    whole, ``all()``: iterating one fetches row by row.)"""
    consents = Consent.__table__
    query = select(consents.c.member_id).where(
        consents.c.deleted.is_(False), consents.c.revoked_on.is_(None)
    )
    if ids is not None:
        query = query.where(consents.c.member_id.in_(json_ids(ids)))
    return set(session.scalars(query).all())


def best_cards(session: Session, ids: list[str] | None) -> dict[str, CardSummary]:
    """Per member (of these; None: of all) with a live card row, the card that counts (by
    priority)."""
    cards = Card.__table__
    query = select(cards.c.member_id, cards.c.status, cards.c.number).where(
        cards.c.deleted.is_(False)
    )
    if ids is not None:
        query = query.where(cards.c.member_id.in_(json_ids(ids)))
    best: dict[str, CardSummary] = {}
    for member_id, status, number in session.execute(query).all():
        held = best.get(member_id)
        if held is None or CARD_PRIORITY.get(status, 9) < CARD_PRIORITY.get(held[0], 9):
            best[member_id] = (status, number)
    return best


def derived_row(values: Mapping[str, Any], consented: bool, card: CardSummary) -> tuple:
    """The derived columns of a member with these editable ``values``, in :data:`DERIVED`
    order (dates may be ISO strings: only emptiness and the name and СНИЛС text matter)."""
    status, number = card
    get = values.get
    return (
        consented,
        status,
        number,
        is_member_complete(values),
        member_search_text(get("last_name"), get("first_name"), get("patronymic"),
                           get("snils"), number),
    )


def derived_columns(
    columns: Mapping[str, Sequence[Any]], ids: Sequence[str], consented: set[str],
    cards: Mapping[str, CardSummary],
) -> list[Sequence[Any]]:
    """:func:`derived_row` of many members given column by column (``columns`` by name, one
    value per member of ``ids``): one sequence per derived column, in :data:`DERIVED` order.
    A first download derives 100,000 members; whole columns at a time cost a fifth of a call
    per member."""
    count = len(ids)
    if not count:
        return [[] for _ in DERIVED]
    statuses, numbers = zip(*map(cards.get, ids, repeat(NO_CARD)), strict=True)
    missing = [None] * count
    names = [columns.get(key, missing) for key in ("last_name", "first_name", "patronymic",
                                                   "snils")]
    return [
        list(map(consented.__contains__, ids)),
        statuses,
        numbers,
        complete_members(columns, count),
        member_search_texts(*names, numbers),
    ]


def derived_values(values: Mapping[str, Any], consented: bool, card: CardSummary) -> dict:
    """:func:`derived_row` by column name."""
    return dict(zip(DERIVED, derived_row(values, consented, card), strict=True))


def refresh_members(session: Session, member_ids: Iterable[str]) -> None:
    """Recompute the derived columns of the given members (in the caller's transaction).

    Core statements, :data:`REFRESH_CHUNK` members at a time: one SELECT of the members, one of
    their consents, one of their cards (the ids travel as one JSON parameter) and one executemany
    UPDATE of the rows whose values change (a pulled page refreshes thousands). ORM copies of
    these members in the session get the new values as loaded state."""
    ids = list(set(member_ids))
    if not ids:
        return
    session.flush()
    members = Member.__table__
    keys = _value_keys()
    read = select(members.c.id, *(members.c[k] for k in DERIVED), *(members.c[k] for k in keys))
    first = 1 + len(DERIVED)
    write = (
        update(members)
        .where(members.c.id == bindparam("member_key"))
        .values({name: bindparam(name) for name in DERIVED})
    )
    computed: dict[str, dict] = {}
    for start in range(0, len(ids), REFRESH_CHUNK):
        chunk = ids[start : start + REFRESH_CHUNK]
        consented = consented_members(session, chunk)
        cards = best_cards(session, chunk)
        params = []
        for row in session.execute(read.where(members.c.id.in_(json_ids(chunk)))).all():
            member_id = row[0]
            derived = derived_values(
                dict(zip(keys, row[first:], strict=True)), member_id in consented,
                cards.get(member_id, NO_CARD),
            )
            computed[member_id] = derived
            if tuple(derived.values()) != tuple(row[1:first]):
                params.append({"member_key": member_id, **derived})
        if params:
            session.execute(write, params)
    for member_id, derived in computed.items():
        loaded = session.identity_map.get(identity_key(Member, member_id))
        if loaded is not None:
            for name, value in derived.items():
                set_committed_value(loaded, name, value)


def refresh_child_columns(session: Session, member_ids: Iterable[str] | None = None) -> None:
    """Recompute only what a member's consents and cards decide: the consent flag, card
    status and number, and the search text, which holds the number (recomputed when the
    number changes). For pulled consent and card rows, where :func:`refresh_members` would
    also re-validate every card; ``None``: every member, read whole rather than by id, for
    the end of a first download, which leaves these columns until then.

    One pass rewrites a member's row once, and only if a value changes: a first download
    pulls a consent for most members and a card for many, and a rewrite of a member row costs
    about as much as its insert (the flag and the card columns apart took 2.0 s for 77,506
    members, together 1.2 s)."""
    if member_ids is None:
        _refresh_children(session, None)
        return
    ids = list(set(member_ids))
    for start in range(0, len(ids), REFRESH_CHUNK):
        _refresh_children(session, ids[start : start + REFRESH_CHUNK])


def _refresh_children(session: Session, ids: list[str] | None) -> None:
    """:func:`refresh_child_columns` of these members (None: of all)."""
    if ids == []:
        return
    session.flush()
    members = Member.__table__
    names = ("last_name", "first_name", "patronymic", "snils")
    read = select(members.c.id, members.c.has_consent, members.c.card_status,
                  members.c.card_number, members.c.search_text, *(members.c[k] for k in names))
    if ids is not None:
        read = read.where(members.c.id.in_(json_ids(ids)))
    consented, cards = consented_members(session, ids), best_cards(session, ids)
    params = []
    for member_id, flag, status, number, text, *name in session.execute(read).all():
        new_status, new_number = cards.get(member_id, NO_CARD)
        new_text = text if new_number == number else member_search_text(*name, new_number)
        new = (member_id in consented, new_status, new_number, new_text)
        if new != (bool(flag), status, number, text):
            params.append((*new, member_id))
    if params:
        # Plain driver SQL and tuples: a first download updates most of its members here.
        session.connection().exec_driver_sql(
            "UPDATE members SET has_consent = ?, card_status = ?, card_number = ?, "
            "search_text = ? WHERE id = ?", params)
    session.expire_all()  # ORM copies of these members must re-read the columns


def refresh_consent_flags(session: Session, member_ids: Iterable[str]) -> None:
    """Recompute only ``has_consent`` (one UPDATE per 500 members): for changes that touch
    nothing but consent rows, where :func:`refresh_members` would redo every column."""
    live = (
        select(Consent.id)
        .where(Consent.member_id == Member.id, Consent.deleted.is_(False),
               Consent.revoked_on.is_(None))
        .exists()
    )
    ids = list(set(member_ids))
    session.flush()
    for start in range(0, len(ids), 500):
        session.execute(
            update(Member.__table__).where(Member.id.in_(ids[start : start + 500]))
            .values(has_consent=live)
        )
    session.expire_all()  # ORM copies of these members must re-read the flag


def has_live_card(session: Session, member_id: str) -> bool:
    return (
        session.scalar(
            select(Card.id).where(
                Card.member_id == member_id,
                Card.deleted.is_(False),
                Card.status.in_(LIVE_CARD_STATUSES),
            )
        )
        is not None
    )
