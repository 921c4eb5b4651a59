"""The import report: what happened to each row and why."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from chairclient.importing.preview import PreviewRow

IMPORTED, UPDATED, SKIPPED, REFUSED = "imported", "updated", "skipped", "refused"
OUTCOME_LABELS = {
    IMPORTED: "Загружена",
    UPDATED: "Обновлена",
    SKIPPED: "Пропущена",
    REFUSED: "Отклонена",
}


@dataclass(frozen=True)
class RowOutcome:
    """One row's result; ``reason`` is Russian, ``member_id`` set for imported/updated rows."""

    row: int
    outcome: str
    reason: str
    name: str = ""
    member_id: str | None = None
    incomplete: tuple[str, ...] = ()
    #: Fields with wrong values (refused rows): for messages that must not show the values.
    fields: tuple[str, ...] = ()


@dataclass
class ImportReport:
    """All rows' results, in file order after :meth:`sort`."""

    dry_run: bool = False
    rows: list[RowOutcome] = field(default_factory=list)

    def add(
        self, row: PreviewRow, outcome: str, reason: str, member_id: str | None = None,
        fields: tuple[str, ...] = (),
    ) -> None:
        self.rows.append(
            RowOutcome(
                row.row, outcome, reason, row.display_name, member_id, tuple(row.missing), fields
            )
        )

    def note_offices(self, refused: dict[str, str]) -> None:
        """A saved card whose union office was not given (``member id → reason``): the card
        stays saved, its line says why the office is missing."""
        if not refused:
            return
        for index, outcome in enumerate(self.rows):
            reason = refused.get(outcome.member_id or "")
            if reason and outcome.outcome in (IMPORTED, UPDATED):
                text = f"Профсоюзная должность не назначена: {reason}"
                self.rows[index] = replace(
                    outcome, reason="; ".join(p for p in (outcome.reason, text) if p))

    def sort(self) -> None:
        self.rows.sort(key=lambda r: r.row)

    @property
    def counts(self) -> dict[str, int]:
        counted = Counter(r.outcome for r in self.rows)
        return {key: counted.get(key, 0) for key in OUTCOME_LABELS}

    @property
    def saved(self) -> int:
        """Rows that were (or in a dry run would be) imported or updated."""
        return self.counts[IMPORTED] + self.counts[UPDATED]

    @property
    def incomplete(self) -> int:
        """Imported or updated rows whose card is still incomplete."""
        return sum(1 for r in self.rows if r.outcome in (IMPORTED, UPDATED) and r.incomplete)

    def by_outcome(self, outcome: str) -> list[RowOutcome]:
        return [r for r in self.rows if r.outcome == outcome]

    def summary_lines(self) -> list[str]:
        """Russian lines with the counts (no personal data)."""
        c = self.counts
        prefix = "Проверка без записи: было бы " if self.dry_run else ""
        return [
            f"{prefix}загружено строк: {c[IMPORTED]}",
            f"{prefix}обновлено карточек: {c[UPDATED]}",
            f"Пропущено строк (дубликаты): {c[SKIPPED]}",
            f"Отклонено строк: {c[REFUSED]}",
            f"Из загруженных неполных карточек: {self.incomplete}",
        ]
