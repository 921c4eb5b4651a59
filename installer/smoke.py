"""Smoke checks of a frozen (or installed) app: does everything it loads lazily load?

    python installer/smoke.py DIR        # DIR holds chairclient-cli(.exe) and ChairClient(.exe)

Run by ``python3 dev.py smoke`` on the bundle just built and by the Windows workflow on the
installed copy. Each check runs the bundle's own executables (no Python of the source tree):

1. ``--version`` prints the version of chairclient/version.py;
2. ``demo-data`` builds a small demo database (the client's Alembic migrations);
3. ``--screenshot`` of that database renders the main window offscreen (Qt plugins,
   translations: the picture must exist and the window must have drawn Russian text);
4. ``print consent`` writes a PDF with the embedded fonts;
5. ``report 5sp`` writes the workbook (report definitions);
6. the keyring, SQLCipher, migrations and resources load (``self-check``).

Only the standard library is used: the machine that runs it may have only the installer.
Exit status 0 when every check passed; each check prints one line.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXE = ".exe" if os.name == "nt" else ""
#: Registry codes in the demo database of seed 1 (deterministic): the region and one school.
REGION, PRIMARY = "52-00-0000", "52-00-0026"


def _version() -> str:
    text = (ROOT / "chairclient" / "version.py").read_text(encoding="utf-8")
    return text.split('__version__ = "', 1)[1].split('"', 1)[0]


def _run(args: list[str], env: dict[str, str], timeout: int = 300) -> str:
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=timeout,
                          encoding="utf-8", errors="replace")
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args[1:3])} → exit {done.returncode}\n"
                           f"{done.stdout[-2000:]}\n{done.stderr[-4000:]}")
    return done.stdout


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    bundle = Path(argv[0]).resolve()
    cli = str(bundle / f"chairclient-cli{EXE}")
    work = Path(tempfile.mkdtemp(prefix="chairclient-smoke-"))
    # A throwaway profile: the checks never touch the person's data or settings.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(work),
           "XDG_DATA_HOME": str(work / "data"), "XDG_CONFIG_HOME": str(work / "config"),
           "XDG_CACHE_HOME": str(work / "cache"), "LOCALAPPDATA": str(work / "local"),
           "APPDATA": str(work / "roaming"), "PYTHONIOENCODING": "utf-8"}
    db = work / "demo.sqlite"
    checks = [
        ("version", lambda: _check_version(_run([cli, "--version"], env))),
        ("self-check", lambda: _run([cli, "self-check"], env)),
        ("demo database", lambda: _run([cli, "demo-data", "--db", str(db), "--members",
                                        "300"], env)),
        ("screenshot", lambda: _check_png(work / "main.png", _run(
            [cli, "--db", str(db), "--screenshot", str(work / "main.png")], env))),
        ("print consent", lambda: _check_pdf(work / "consent.pdf", _run(
            [cli, "print", "consent", "--db", str(db), "--org", PRIMARY,
             "--all-without-consent", "--out", str(work / "consent.pdf")], env))),
        ("report 5sp", lambda: _check_xlsx(work / "5sp.xlsx", _run(
            [cli, "report", "5sp", "--db", str(db), "--org", REGION,
             "--date", "2026-01-01", "--out", str(work / "5sp.xlsx")], env))),
    ]
    failed = 0
    for name, check in checks:
        started = time.monotonic()
        try:
            check()
        except Exception as exc:  # report every check, then fail
            failed += 1
            print(f"FAIL {name}: {exc}", flush=True)
        else:
            print(f"ok   {name} ({time.monotonic() - started:.1f} s)", flush=True)
    print(f"smoke checks of {bundle.name}: {len(checks) - failed} of {len(checks)} passed")
    return 1 if failed else 0


def _check_version(out: str) -> None:
    if out.strip() != f"chairclient {_version()}":
        raise RuntimeError(f"--version printed {out.strip()!r}, expected {_version()}")


def _check_png(path: Path, _out: str) -> None:
    data = path.read_bytes()
    if not data.startswith(b"\x89PNG") or len(data) < 20_000:
        raise RuntimeError(f"{path.name}: not a picture of a filled window ({len(data)} bytes)")


def _check_pdf(path: Path, _out: str) -> None:
    data = path.read_bytes()
    if not data.startswith(b"%PDF") or b"/FontFile2" not in data:
        raise RuntimeError(f"{path.name}: not a PDF with embedded fonts")


def _check_xlsx(path: Path, _out: str) -> None:
    with zipfile.ZipFile(path) as book:
        if "xl/workbook.xml" not in book.namelist():
            raise RuntimeError(f"{path.name}: not a workbook")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
