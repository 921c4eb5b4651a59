"""The import itself: the confirmed rows in one transaction, with progress and cancellation.

All or nothing: a cancellation or any failure rolls the whole transaction back. Rows whose
values the database refuses at this point (e.g. a СНИЛС already taken when «create anyway»
was chosen) are reported as refused; the other rows are still imported.

«Update the existing card» edits the local card the row duplicates (through ``save_member``,
in the same transaction), or the card an earlier row of the file created or updated. A person
the registry knows only in another organisation has no card here to update: such a row is
skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any

from chairclient.db.engine import Database
from chairclient.db.models import Member, new_id
from chairclient.importing.columns import OFFICE_FIELDS, UNION_ROLE_SINCE, UNION_ROLES
from chairclient.importing.duplicates import Decision, Duplicate
from chairclient.importing.errors import ImportCancelled
from chairclient.importing.outcome import IMPORTED, REFUSED, SKIPPED, UPDATED, ImportReport
from chairclient.importing.preview import Preview, PreviewRow
from chairclient.importing.writer import MemberWriter
from chairclient.services.members import save_member
from chairclient.services.roles import Wanted, appoint_with_step
from chairclient.validation import ValidationError

Progress = Callable[[int, int], None]
#: Fields an update does not overwrite when the card already has them: they are membership
#: history, changed through lifecycle commands, not by a spreadsheet.
KEEP_ON_UPDATE = frozenset({"category", "member_since", "registered_on", "registration_method"})
NOTHING_TO_UPDATE = (
    "карточка этого человека ведётся в другой организации и здесь не обновляется "
    "(при переходе из другой ППО оформите перевод)"
)


def _update_values(session: Any, member_id: str, values: dict[str, Any]) -> dict[str, Any]:
    """The file's non-empty values, minus history fields the card already has."""
    member = session.get(Member, member_id)
    out = {}
    for key, value in values.items():
        if value is None or value == "":
            continue
        if key in KEEP_ON_UPDATE and member is not None and getattr(member, key) is not None:
            continue
        out[key] = value
    return out


def _refusal(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(exc.result.messages()) or str(exc)
    if isinstance(exc, LookupError):
        return "Карточка для обновления не найдена (удалена?)"
    return str(exc)


def run_import(
    db: Database,
    org_id: str,
    preview: Preview,
    duplicates: Iterable[Duplicate] = (),
    decisions: Mapping[int, Decision] | None = None,
    *,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
    dry_run: bool = False,
    today: date | None = None,
) -> ImportReport:
    """Import the preview's rows into organisation ``org_id``.

    ``decisions`` maps a duplicate's row number to skip / update / create (default skip);
    update applies to duplicates whose :attr:`Duplicate.can_update` is true.
    ``progress(done, total)`` is called as rows are processed; ``cancel()`` returning True, or
    ``progress`` raising :class:`ImportCancelled`, stops the import and leaves the database as
    it was (ImportCancelled is raised). ``dry_run`` does all the work and rolls it back.
    """
    by_row = {d.row: d for d in duplicates}
    decisions = decisions or {}
    report = ImportReport(dry_run=dry_run)
    todo: list[tuple[PreviewRow, Duplicate | None, Decision]] = []
    for row in preview.rows:
        if row.refused:
            fields = tuple(dict.fromkeys(p.field for p in row.errors))
            report.add(row, REFUSED, "; ".join(p.text() for p in row.errors), fields=fields)
            continue
        duplicate = by_row.get(row.row)
        decision = Decision(decisions.get(row.row, Decision.SKIP)) if duplicate else None
        if duplicate and decision is Decision.SKIP:
            report.add(row, SKIPPED, f"Дубликат: {duplicate.text()}")
            continue
        if duplicate and decision is Decision.UPDATE and not duplicate.can_update:
            report.add(row, SKIPPED, f"Дубликат: {duplicate.text()}; {NOTHING_TO_UPDATE}")
            continue
        todo.append((row, duplicate, decision or Decision.CREATE))

    total = len(todo)
    card_of_row: dict[int, str] = {}  # file row → the card it created or updated
    offices: list[Wanted] = []  # the union offices of the rows, given once the cards exist
    step_id = new_id()
    with db.sessions() as session:
        transaction = session.begin()
        try:
            writer = MemberWriter(session, org_id, step_id, today)
            for done, (row, duplicate, decision) in enumerate(todo, start=1):
                if cancel is not None and cancel():
                    raise ImportCancelled()
                target = None
                if decision is Decision.UPDATE and duplicate is not None:
                    target = duplicate.existing.id if duplicate.existing else card_of_row.get(
                        duplicate.other_row or -1
                    )
                card_values = {k: v for k, v in row.values.items() if k not in OFFICE_FIELDS}
                try:
                    if target:
                        writer.flush()
                        values = _update_values(session, target, card_values)
                        save_member(session, org_id, values, target, step_id=step_id,
                                    today=today)
                        writer.reserve_snils(values.get("snils"))
                        card_of_row[row.row] = target
                        report.add(row, UPDATED, "Карточка обновлена", target)
                    else:
                        member_id = writer.create(card_values)
                        card_of_row[row.row] = member_id
                        report.add(row, IMPORTED, "", member_id)
                    offices += [Wanted(card_of_row[row.row], role,
                                       row.values.get(UNION_ROLE_SINCE) or (today or date.today()))
                                for role in row.values.get(UNION_ROLES) or ()]
                except (ValidationError, LookupError) as exc:
                    fields = tuple(exc.result.errors) if isinstance(exc, ValidationError) else ()
                    report.add(row, REFUSED, _refusal(exc), fields=fields)
                if progress is not None and (done % 100 == 0 or done == total):
                    progress(done, total)
            writer.flush()
            refused = appoint_with_step(session, offices, step_id, today=today)
            report.note_offices(refused)
        except BaseException:
            transaction.rollback()
            raise
        if dry_run:
            transaction.rollback()
        else:
            transaction.commit()
    report.sort()
    return report
