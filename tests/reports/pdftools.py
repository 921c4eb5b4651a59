"""Reading PDFs back with poppler-utils (pdftotext, pdffonts, pdfinfo, pdftoppm)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from tests.reports.conftest import need


def pdf_text(path: Path, first: int | None = None, last: int | None = None) -> str:
    """The text of ``path`` (pages first..last), whitespace collapsed to single spaces."""
    args = [need("pdftotext"), "-enc", "UTF-8"]
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    out = subprocess.run([*args, str(path), "-"], check=True, capture_output=True).stdout
    return re.sub(r"\s+", " ", out.decode("utf-8"))


def page_count(path: Path) -> int:
    info = subprocess.run([need("pdfinfo"), str(path)], check=True, capture_output=True)
    match = re.search(r"^Pages:\s+(\d+)", info.stdout.decode(), re.M)
    assert match, info.stdout
    return int(match.group(1))


def pages(path: Path) -> list[str]:
    """The text of each page."""
    return [pdf_text(path, n, n) for n in range(1, page_count(path) + 1)]


def fonts(path: Path) -> list[dict[str, str]]:
    """pdffonts rows: name, type, emb, sub, uni."""
    out = subprocess.run([need("pdffonts"), str(path)], check=True, capture_output=True)
    rows = []
    for line in out.stdout.decode().splitlines()[2:]:
        parts = line.split()
        # name type [type …] encoding emb sub uni object ID
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


def render(path: Path, out_prefix: Path, page: int = 1, dpi: int = 60) -> Path:
    subprocess.run([need("pdftoppm"), "-png", "-r", str(dpi), "-f", str(page), "-l", str(page),
                    "-singlefile", str(path), str(out_prefix)], check=True)
    return out_prefix.with_suffix(".png")
