"""ЭПБ cards, their status history and the card requests they came with.

Requests are processed on the 1st and 15th; the batch of :data:`TODAY` (1 November 2026) has
been processed this morning, so the cards ordered today wait for 15 November. A live card goes
only to an active member with a complete card and a live consent; removed members' cards are
cancelled; a few cards were lost or damaged, half of them already replaced.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from chairclient.db.models_cards import CARD_PRIORITY
from chairclient.demo.common import TODAY, DemoRandom, Weighted
from chairclient.demo.identifiers import CardNumberIssuer

_FIRST_BATCH = date(2025, 9, 15)
_NEXT_BATCH = date(2026, 11, 15)
_DRAFTS_FROM = date(2026, 10, 16)

#: Status of an eligible member's card (``None`` = not ordered).
_TARGETS: Weighted[str | None] = Weighted([
    (None, 22), ("in_request", 6), ("ordered", 6), ("produced", 5), ("shipped", 5),
    ("received", 8), ("issued", 44), ("lost", 2), ("damaged", 2),
])
_REPLACEMENTS = Weighted([("issued", 40), ("received", 15), ("shipped", 10), ("produced", 10),
                          ("ordered", 10), ("in_request", 15)])
#: From the oldest lifecycle to the newest: a status that cannot fit falls back along this.
_RECENCY = ("lost", "damaged", "issued", "received", "shipped", "produced", "ordered",
            "in_request")
#: Notes on the exceptional transitions only (the routine ones speak for themselves).
_NOTES = {
    "lost": "Заявление члена Профсоюза об утере",
    "damaged": "Карта повреждена, требуется перевыпуск",
    "cancelled": "Аннулирован: член Профсоюза снят с учёта",
}


def processing_dates() -> list[date]:
    days = []
    day = _FIRST_BATCH
    while day <= _NEXT_BATCH:
        days.append(day)
        day = day.replace(day=15) if day.day == 1 else _next_month(day)
    return days


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


_BATCHES = processing_dates()
_WINDOWS = {
    "issued": [b for b in _BATCHES if b <= date(2026, 10, 1)],
    "lost": [b for b in _BATCHES if b <= date(2026, 6, 1)],
    "received": [date(2026, 9, 15), date(2026, 10, 1)],
    "shipped": [date(2026, 10, 15)],
    "produced": [TODAY],
    "ordered": [_NEXT_BATCH],
}
_WINDOWS["damaged"] = _WINDOWS["lost"]


@dataclass
class CardSet:
    cards: list[dict[str, Any]] = field(default_factory=list)
    changes: list[dict[str, Any]] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)
    #: member id → (card_status, card_number) of the member's "best" card.
    by_member: dict[str, tuple[str, str | None]] = field(default_factory=dict)


class _CardMaker:
    def __init__(self, rng: DemoRandom) -> None:
        self.rng = rng
        self.out = CardSet()
        self._requests: dict[tuple[str, date | None], dict[str, Any]] = {}
        self._submissions: dict[str, dict[date, datetime]] = {}
        self._batch_ids: dict[date, str] = {}
        self._produced: list[tuple[datetime, int, dict[str, Any]]] = []
        self._member_cards: dict[str, list[dict[str, Any]]] = {}

    # ------------------------------------------------------------------ requests

    def submissions(self, org_id: str) -> dict[date, datetime]:
        """When the organisation's request for each batch was (or will be) submitted."""
        found = self._submissions.get(org_id)
        if found is None:
            rng = self.rng
            found = {}
            for batch in _BATCHES:
                if batch > TODAY:
                    day = TODAY
                else:
                    previous = batch - timedelta(days=14 if batch.day == 15 else 16)
                    day = rng.day_between(previous + timedelta(days=1),
                                          batch - timedelta(days=1))
                found[batch] = rng.moment_on(day, 13, 18)
            self._submissions[org_id] = found
        return found

    def submission(self, org_id: str, batch: date) -> datetime:
        return self.submissions(org_id)[batch]

    def request(self, org_id: str, batch: date | None) -> dict[str, Any]:
        """The organisation's request for ``batch`` (None: its current draft)."""
        key = (org_id, batch)
        found = self._requests.get(key)
        if found is not None:
            return found
        rng = self.rng
        if batch is None:
            row = {"id": rng.uuid(), "org_id": org_id, "state": "draft", "submitted_at": None,
                   "processing_date": None, "batch_id": None}
        else:
            processed = batch <= TODAY
            if processed and batch not in self._batch_ids:
                self._batch_ids[batch] = rng.uuid()
            row = {"id": rng.uuid(), "org_id": org_id,
                   "state": "processed" if processed else "submitted",
                   "submitted_at": self.submission(org_id, batch), "processing_date": batch,
                   "batch_id": self._batch_ids.get(batch)}
        self._requests[key] = row
        self.out.requests.append(row)
        return row

    # ------------------------------------------------------------------ cards

    def fit(self, org_id: str, status: str, ready: date) -> tuple[str, date | None] | None:
        """(status, batch) for a card whose member could ask for it from ``ready`` on; falls
        back to a more recent status when the wanted one cannot fit; None if nothing fits."""
        submitted = self.submissions(org_id)
        for candidate in _RECENCY[_RECENCY.index(status):]:
            if candidate == "in_request":
                return (candidate, None) if ready <= TODAY else None
            window = _WINDOWS[candidate]
            # Submission days rise with the batch: skip the batches submitted before ``ready``.
            first = 0
            while first < len(window) and submitted[window[first]].date() < ready:
                first += 1
            if first < len(window):
                return candidate, window[first + self.rng.randrange(len(window) - first)]
        return None

    def card(
        self, member: dict[str, Any], status: str, batch: date | None, ready: date,
        *, stop: date | None = None, replaces: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """A card and its history up to ``status`` (or, with ``stop``, as far as it got before
        ``stop`` and then cancelled)."""
        rng = self.rng
        org_id = member["org_id"]
        request = self.request(org_id, batch)
        card = {"id": rng.uuid(), "org_id": org_id, "member_id": member["id"], "number": None,
                "status": status, "request_id": request["id"], "issued_on": None,
                "replaces_id": replaces["id"] if replaces else None}
        chain: list[tuple[str, datetime]] = []
        if batch is None:
            created = rng.day_between(max(ready, _DRAFTS_FROM), TODAY)
            chain.append(("in_request", rng.moment_on(created, 8, 12)))
        else:
            submitted: datetime = request["submitted_at"]
            created = rng.day_between(max(ready, submitted.date() - timedelta(days=10)),
                                      submitted.date())
            chain.append(("in_request", rng.moment_on(created, 8, 12)))
            chain.append(("ordered", submitted))
            if batch <= TODAY:
                chain.append(("produced", datetime(batch.year, batch.month, batch.day, 10, 0)))
                chain.extend(self._after_production(batch, status))
        final = status
        if stop is not None:
            chain = [(s, t) for s, t in chain if t.date() < stop]
            chain.append(("cancelled", rng.moment_on(stop)))
            final = "cancelled"
        card["status"] = final
        for state, moment in chain:
            if state == "issued":
                card["issued_on"] = moment.date()
            self.out.changes.append({
                "id": rng.uuid(), "org_id": org_id, "card_id": card["id"], "status": state,
                "changed_at": moment, "note": _NOTES.get(state),
            })
            if state == "produced":
                self._produced.append((moment, len(self._produced), card))
        self.out.cards.append(card)
        self._member_cards.setdefault(member["id"], []).append(card)
        return card

    def _after_production(self, batch: date, status: str) -> list[tuple[str, datetime]]:
        rng = self.rng
        if status in ("produced", "ordered", "in_request"):
            return []
        last_day = TODAY - timedelta(days=1)
        shipped = rng.day_between(batch + timedelta(days=3),
                                  min(batch + timedelta(days=14), last_day))
        chain = [("shipped", rng.moment_on(shipped))]
        if status == "shipped":
            return chain
        received = rng.day_between(shipped + timedelta(days=1),
                                   min(shipped + timedelta(days=7), TODAY))
        chain.append(("received", rng.moment_on(received)))
        if status == "received":
            return chain
        received_at = chain[-1][1]
        issued = rng.day_between(received, min(received + timedelta(days=30), TODAY))
        issued_at = rng.moment_on(issued)
        if issued_at <= received_at:  # handed out the day it arrived
            issued_at = received_at + timedelta(minutes=rng.randint(5, 90))
        chain.append(("issued", issued_at))
        if status in ("lost", "damaged"):
            lost = rng.day_between(issued + timedelta(days=20),
                                   min(issued + timedelta(days=200), TODAY - timedelta(days=5)))
            chain.append((status, rng.moment_on(lost)))
        return chain

    # ------------------------------------------------------------------ finishing

    def number_cards(self) -> None:
        issuer = CardNumberIssuer(self.rng)
        for _, _, card in sorted(self._produced, key=lambda item: (item[0], item[1])):
            card["number"] = issuer.next()

    def summarise(self) -> None:
        for member_id, cards in self._member_cards.items():
            best = min(cards, key=lambda c: CARD_PRIORITY[c["status"]])
            self.out.by_member[member_id] = (best["status"], best["number"])


def generate_cards(rng: DemoRandom, members: list[dict[str, Any]]) -> CardSet:
    """Cards for members; needs ``is_complete`` and ``_consent_on`` set on each member."""
    maker = _CardMaker(rng)
    eligible = [m for m in members
                if m["status"] == "active" and m["is_complete"] and m["_consent_on"]]
    waiting: list[dict[str, Any]] = []
    for member in eligible:
        target = _TARGETS.pick(rng)
        if target is None or not _give_card(maker, member, target):
            waiting.append(member)
    _cancelled_cards(maker, members)
    _fill_missing_statuses(maker, waiting)
    maker.number_cards()
    maker.summarise()
    return maker.out


def _give_card(maker: _CardMaker, member: dict[str, Any], target: str) -> bool:
    rng = maker.rng
    ready: date = member["_consent_on"]
    fitted = maker.fit(member["org_id"], target, ready)
    if fitted is None:
        return False
    status, batch = fitted
    card = maker.card(member, status, batch, ready)
    if status in ("lost", "damaged") and rng.random() < 0.5:
        lost_on = next(c["changed_at"].date() for c in reversed(maker.out.changes)
                       if c["card_id"] == card["id"])
        again = maker.fit(member["org_id"], _REPLACEMENTS.pick(rng), lost_on + timedelta(days=1))
        if again is not None:
            maker.card(member, again[0], again[1], lost_on + timedelta(days=1), replaces=card)
    return True


def _cancelled_cards(maker: _CardMaker, members: list[dict[str, Any]]) -> None:
    """Removed members who had asked for a card: the card was cancelled on removal."""
    rng = maker.rng
    for member in members:
        removed_on = member["removed_on"]
        ready = member["_consent_on"]
        if member["status"] != "removed" or ready is None or removed_on is None:
            continue
        if not member["is_complete"] or rng.random() >= 0.45:
            continue
        batches = [b for b in _BATCHES
                   if b < removed_on
                   and maker.submission(member["org_id"], b).date() >= ready]
        if batches:
            batch = rng.choice(batches)
            maker.card(member, "issued", batch, ready, stop=removed_on)


def _fill_missing_statuses(maker: _CardMaker, waiting: list[dict[str, Any]]) -> None:
    """Make sure the demo shows every card status, even in a small database."""
    present = {c["status"] for c in maker.out.cards}
    pool = list(waiting)
    for status in _RECENCY:
        if status in present:
            continue
        while pool:
            member = pool.pop()
            if _give_card(maker, member, status):
                present.update(c["status"] for c in maker.out.cards[-2:])
                if status in present:
                    break
