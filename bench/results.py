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
    Both are upper bounds: smaller values are better for everything we measure."""

    name: str
    value: float | None
    unit: str
    floor: float | None = None
    target: float | None = None
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        if self.value is None:
            return True
        return self.floor is None or self.value <= self.floor

    @property
    def verdict(self) -> str:
        if self.value is None:
            return "n/a"
        if not self.passed:
            return "FAIL"
        if self.target is not None and self.value > self.target:
            return "pass (above target)"
        return "pass"


def _number(value: float | None) -> str:
    if value is None:
        return "—"
    if value >= 100:
        return f"{value:,.0f}".replace(",", " ")
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def table(results: list[Result]) -> str:
    header = ("benchmark", "value", "unit", "floor", "target", "result")
    rows = [
        (r.name, _number(r.value), r.unit, _number(r.floor), _number(r.target), r.verdict)
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
