"""The PDF documents the UI offers and how each is built (no Qt: runs off the UI thread)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path

from chairclient.db.engine import Database


class DocumentKind(Enum):
    CONSENT = "consent"
    HANDOUT = "handout"
    HANDOVER = "handover"


class NothingToPrint(Exception):
    """The selection gives nothing to print (the UI explains why)."""


@dataclass(frozen=True)
class DocumentRequest:
    """What to print: a kind, the organisation (scope) and the members.

    ``member_ids`` None means «everyone it concerns»: for consents, everyone on the register
    without a consent; for hand-over sheets and handouts, everyone whose card is ПОЛУЧЕН.
    """

    kind: DocumentKind
    org_id: str
    member_ids: tuple[str, ...] | None = None
    on: date | None = None

    @property
    def file_stem(self) -> str:
        """A file name the save dialog proposes (Russian, no personal data)."""
        names = {DocumentKind.CONSENT: "Согласия на обработку ПДн",
                 DocumentKind.HANDOUT: "Памятки ПРОФКАРДС",
                 DocumentKind.HANDOVER: "Ведомость выдачи ЭПБ"}
        stem = names[self.kind]
        if self.kind is DocumentKind.CONSENT and self.member_ids and len(self.member_ids) == 1:
            stem = "Согласие на обработку ПДн"
        elif self.kind is DocumentKind.HANDOUT and self.member_ids and len(self.member_ids) == 1:
            stem = "Памятка ПРОФКАРДС"
        return f"{stem} {(self.on or date.today()).strftime('%d.%m.%Y')}"


Step = Callable[[int, int], None]


def build_document(db: Database, request: DocumentRequest, target: Path, step: Step) -> int:
    """Write the document to ``target`` (atomically); returns the number of documents/rows.

    ``step(done, total)`` is called as each document starts; raising from it cancels the build
    and leaves no file. Raises :class:`NothingToPrint` when there is nothing to print.
    """
    ids: Sequence[str] | None = list(request.member_ids) if request.member_ids else None
    with db.session() as session:
        if request.kind is DocumentKind.CONSENT:
            from reports.pdf.consent import load_consent_batch, write_consents

            batch = load_consent_batch(session, request.org_id, ids)
            session.rollback()
            if not batch.members:
                raise NothingToPrint(request.kind)
            return write_consents(target, batch, progress=step)
        if request.kind is DocumentKind.HANDOUT:
            from reports.pdf.profcards_handout import load_handout_batch, write_handouts

            handouts = load_handout_batch(session, request.org_id, ids, received=ids is None)
            session.rollback()
            if not handouts.members:
                raise NothingToPrint(request.kind)
            return write_handouts(target, handouts.members, handouts.orgs, progress=step)
        from reports.pdf.handover_sheet import load_handover, write_handover

        cards, orgs = load_handover(session, request.org_id, ids)
        session.rollback()
        if not cards:
            raise NothingToPrint(request.kind)
        return write_handover(target, cards, orgs, on=request.on, progress=step)
