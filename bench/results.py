"""One measured value with its limits, and the table / JSON they are reported in."""

from __future__ import annotations

import json
import os
import platform
import sys
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

RESULTS_DIR = Path(__file__).with_name("results")


@dataclass
class Result:
    """``floor`` is the hard limit (exceeding it fails the run); ``target`` is what we aim for.
    Both are upper bounds (smaller is better) unless ``higher_is_better``: then lower bounds."""

    name: str
    value: float | None
    unit: str
    floor: float | None = None
    target: float | None = None
    detail: dict[str, Any] = field(default_factory=dict)
    higher_is_better: bool = False

    def _within(self, limit: float | None) -> bool:
        if self.value is None or limit is None:
            return True
        return self.value >= limit if self.higher_is_better else self.value <= limit

    @property
    def passed(self) -> bool:
        return self._within(self.floor)

    @property
    def verdict(self) -> str:
        if self.value is None:
            return "n/a"
        if not self.passed:
            return "FAIL"
        if not self._within(self.target):
            return "pass (below target)" if self.higher_is_better else "pass (above target)"
        return "pass"


def _number(value: float | None) -> str:
    if value is None:
        return "—"
    if value >= 100:
        return f"{value:,.0f}".replace(",", " ")
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def _limit(result: Result, limit: float | None) -> str:
    """A limit as shown in the table: lower bounds carry a «≥»."""
    text = _number(limit)
    return f"≥ {text}" if result.higher_is_better and limit is not None else text


def table(results: list[Result]) -> str:
    header = ("benchmark", "value", "unit", "floor", "target", "result")
    rows = [
        (r.name, _number(r.value), r.unit, _limit(r, r.floor), _limit(r, r.target), r.verdict)
        for r in results
    ]
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    lines = []
    for index, row in enumerate([header, *rows]):
        cells = [
            str(cell).ljust(width) if column in (0, 2, 5) else str(cell).rjust(width)
            for column, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
        if index == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def write_json(results: list[Result], settings: dict[str, Any], path: Path | None = None) -> Path:
    path = path or RESULTS_DIR / "latest.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "finished_at": datetime.now().isoformat(timespec="seconds"),
        "settings": settings,
        "machine": {
            "python": sys.version.split()[0],
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
        },
        "passed": all(r.passed for r in results),
        "results": [
            {**asdict(r), "passed": r.passed, "verdict": r.verdict} for r in results
        ],
    }
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    return path
