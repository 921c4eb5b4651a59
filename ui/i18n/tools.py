"""Running Qt's lupdate and lrelease (shipped with PySide6) and reading ``.ts`` files."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

#: The repository root (holds ``ui/`` and ``resources/``).
ROOT = Path(__file__).resolve().parents[2]


class ToolMissing(RuntimeError):
    """lupdate/lrelease could not be found (PySide6 installed without its tools)."""


def qt_tool(name: str) -> Path:
    """Path of the Qt tool ``name`` ("lupdate", "lrelease") bundled with PySide6."""
    import PySide6

    suffix = ".exe" if sys.platform == "win32" else ""
    bundled = Path(PySide6.__file__).parent / f"{name}{suffix}"
    if bundled.exists():
        return bundled
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found:
        return Path(found)
    raise ToolMissing(f"Qt tool {name!r} not found")


def ui_sources(root: Path = ROOT) -> list[Path]:
    """Every Python file under ``ui/``, in a stable order."""
    return sorted(p for p in (root / "ui").rglob("*.py") if "__pycache__" not in p.parts)


def lupdate(ts_path: Path, sources: list[Path] | None = None, *, prune: bool = False) -> str:
    """Merge the strings of ``sources`` into ``ts_path`` (created if missing).

    Existing translations are kept; strings no longer in the sources stay in the file marked
    "vanished" (not compiled) unless ``prune`` is set. Returns lupdate's report.
    """
    sources = ui_sources() if sources is None else sources
    ts_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "sources.lst"
        listing.write_text("\n".join(str(p) for p in sources) + "\n", encoding="utf-8")
        work = Path(tmp) / ts_path.name  # lupdate guesses the language from the file name
        if ts_path.exists():
            shutil.copyfile(ts_path, work)
        args = [str(qt_tool("lupdate")), f"@{listing}", "-ts", str(work),
                "-locations", "none", "-target-language", "ru_RU", "-source-language", "en"]
        if prune:
            args.append("-no-obsolete")
        done = subprocess.run(args, capture_output=True, text=True, check=True)
        if not ts_path.exists() or work.read_bytes() != ts_path.read_bytes():
            shutil.copyfile(work, ts_path.with_suffix(".ts.new"))
            ts_path.with_suffix(".ts.new").replace(ts_path)  # unchanged file: mtime kept
    return done.stdout + done.stderr


def lrelease(ts_path: Path, qm_path: Path) -> None:
    """Compile ``ts_path`` into ``qm_path``."""
    qm_path.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([str(qt_tool("lrelease")), "-silent", str(ts_path), "-qm", str(qm_path)],
                   capture_output=True, text=True, check=True)


@dataclass(frozen=True)
class Message:
    """One source string of a ``.ts`` file and the state of its translation."""

    context: str
    source: str
    numerus: bool
    forms: tuple[str, ...]
    kind: str  # "" (finished), "unfinished", "vanished", "obsolete"

    @property
    def live(self) -> bool:
        return self.kind not in ("vanished", "obsolete")

    @property
    def finished(self) -> bool:
        return self.kind == "" and bool(self.forms) and all(f.strip() for f in self.forms)


def read_ts(ts_path: Path) -> list[Message]:
    """All messages of a ``.ts`` file."""
    messages = []
    for context in ET.parse(ts_path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            numerus = message.get("numerus") == "yes"
            if translation is None:
                forms: tuple[str, ...] = ()
            elif numerus:
                forms = tuple(f.text or "" for f in translation.iter("numerusform"))
            else:
                forms = (translation.text or "",)
            messages.append(Message(name, message.findtext("source", ""), numerus, forms, kind))
    return messages


def untranslated(ts_path: Path) -> list[Message]:
    """Live messages of ``ts_path`` without a finished translation."""
    return [m for m in read_ts(ts_path) if m.live and not m.finished]
