"""Saving a workbook without personal data ever touching the system temp directory.

openpyxl streams each worksheet through a scratch file made with ``tempfile``; while one of
our workbooks is written, those scratch files are created next to the target instead (hidden
names, removed by openpyxl when the sheet is packed), and the finished file is renamed into
place.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet import _writer

from reports.output import atomic_target, sibling_part

_lock = threading.RLock()


@contextlib.contextmanager
def scratch_next_to(target: Path) -> Iterator[None]:
    """Make openpyxl's worksheet scratch files in ``target``'s folder for the duration."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)

    def create_temporary_file(suffix: str = "") -> str:
        path = sibling_part(target, f"sheet{suffix}.part")
        _writer.ALL_TEMP_FILES.append(str(path))
        return str(path)

    with _lock:
        original = _writer.create_temporary_file
        _writer.create_temporary_file = create_temporary_file
        try:
            yield
        finally:
            _writer.create_temporary_file = original
            for name in list(_writer.ALL_TEMP_FILES):
                if Path(name).parent == target.parent and Path(name).name.startswith(
                        f".{target.name}."):
                    with contextlib.suppress(FileNotFoundError):
                        os.remove(name)
                    _writer.ALL_TEMP_FILES.remove(name)


def save_workbook(workbook: Workbook, target: Path | str) -> None:
    """Save ``workbook`` to ``target`` atomically, scratch files beside it."""
    target = Path(target)
    with scratch_next_to(target), atomic_target(target) as part:
        workbook.save(part)
