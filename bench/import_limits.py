"""Refused spreadsheets stay cheap (issue 21): a 1 MB .xlsx holding one 1 GB cell (a zip
bomb) and a 300 MB CSV are each opened for import in a child process of their own, which
reports the refusal, its time and the child's peak memory (VmHWM).

    python -m bench.import_limits        # also part of ``python -m bench``
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from bench.results import Result, table

ROOT = Path(__file__).resolve().parent.parent
CELL_BYTES = 1024**3
CSV_BYTES = 300 * 1024**2
#: A child that only imports the reader and is refused: well under the issue's 200 MB.
MEMORY_FLOOR_MB = 200

_CHILD = r"""
import json, resource, sys, time
from chairclient.importing.errors import ImportRefused
from chairclient.importing.reader import open_spreadsheet
started = time.perf_counter()
try:
    open_spreadsheet(sys.argv[1]).read()
    message = None
except ImportRefused as exc:
    message = str(exc)
try:  # this process's own peak: ru_maxrss would carry the parent's over the exec
    peak = next(int(line.split()[1]) for line in open("/proc/self/status")
                if line.startswith("VmHWM:")) / 1024
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"refused": message, "seconds": time.perf_counter() - started,
                  "peak_mb": peak}))
"""


def write_zip_bomb(path: Path, cell_bytes: int = CELL_BYTES) -> Path:
    """A valid-looking workbook whose one shared string is ``cell_bytes`` long (about 1 MB
    packed: deflate packs a run of one letter about 1000 : 1)."""
    from openpyxl import Workbook

    book = Workbook()
    book.active["A1"] = "ФИО"
    book.active["A2"] = "x"
    book.save(path)
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for name, data in parts.items():
            if name != "xl/sharedStrings.xml":
                target.writestr(name, data)
        info = zipfile.ZipInfo("xl/sharedStrings.xml")
        info.compress_type = zipfile.ZIP_DEFLATED
        with target.open(info, "w", force_zip64=True) as stream:
            stream.write(b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org'
                         b'/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>')
            block = b"A" * (16 * 1024 * 1024)
            for _ in range(cell_bytes // len(block)):
                stream.write(block)
            stream.write(b"</t></si><si><t>x</t></si></sst>")
    return path


def write_big_csv(path: Path, size: int = CSV_BYTES) -> Path:
    line = "Иванов;Иван;Иванович;01.02.1980;112-233-445 95;+7 900 000-00-00\n".encode()
    block = line * (1024 * 1024 // len(line))
    with path.open("wb") as handle:
        while handle.tell() < size:
            handle.write(block)
    return path


def _refuse(path: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", _CHILD, str(path)], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def limits(scratch: Path) -> list[Result]:
    results = []
    for label, write, name in (
            ("import: refused 1 MB .xlsx with a 1 GB cell, peak memory", write_zip_bomb,
             "bomb.xlsx"),
            ("import: refused 300 MB CSV, peak memory", write_big_csv, "big.csv")):
        path = write(scratch / name)
        outcome = _refuse(path)
        detail = {"file_mb": round(path.stat().st_size / 1024**2, 1),
                  "seconds": round(outcome["seconds"], 3), "refused": outcome["refused"]}
        path.unlink()
        value = outcome["peak_mb"] if outcome["refused"] else None  # accepted: a failure
        results.append(Result(label, value, "MB", floor=MEMORY_FLOOR_MB, detail=detail))
    return results


def main() -> int:
    import tempfile

    with tempfile.TemporaryDirectory(prefix="chairclient-bench-") as scratch:
        started = time.perf_counter()
        results = limits(Path(scratch))
    print(table(results))
    for result in results:
        print(result.name, result.detail)
    print(f"({time.perf_counter() - started:.1f} s)")
    return 0 if all(r.passed and r.value is not None for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
