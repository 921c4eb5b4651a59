#!/usr/bin/env python3
"""Set up and run the project with one command (Linux, macOS, Windows).

    python3 dev.py demo      # create .venv if needed, install, start the app on demo data
    python3 dev.py test      # create .venv if needed, install, run the whole test suite
    python3 dev.py bench     # run the benchmarks and print a table
    python3 dev.py build     # freeze the app with PyInstaller: dist/ChairClient/
    python3 dev.py smoke     # smoke-test that frozen bundle (installer/smoke.py)
    python3 dev.py installer # compile the NSIS installer script (needs makensis)

Only the standard library is used here, so it works with a bare Python >= 3.11.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".installed"


def _requirements_hash() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def ensure_venv() -> None:
    """Create the virtual environment and install the project when pyproject.toml changed."""
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py may run on an older Python
        sys.exit("Нужен Python 3.11 или новее / Python >= 3.11 is required")
    if not PYTHON.exists():
        print("Creating .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = _requirements_hash()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    print("Installing dependencies into .venv …", flush=True)
    pip = [str(PYTHON), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "-e", f"{ROOT}[registry,test,build]"], check=True)
    STAMP.write_text(wanted)


def run(*args: str, env: dict[str, str] | None = None) -> int:
    return subprocess.call([str(PYTHON), *args], cwd=ROOT, env={**os.environ, **(env or {})})


DIST = ROOT / "dist"
BUNDLE = DIST / "ChairClient"


def build(*extra: str) -> int:
    """The PyInstaller onedir bundle of installer/chairclient.spec for this system."""
    return run("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
               "--distpath", str(DIST), "--workpath", str(ROOT / "build" / "pyinstaller"),
               *extra, str(ROOT / "installer" / "chairclient.spec"))


def installer(*extra: str) -> int:
    """Compile installer/chairclient.nsi over the bundle (on Linux: proves the script)."""
    import shutil

    makensis = shutil.which("makensis")
    if makensis is None:
        print("makensis not found (Debian: apt-get install nsis; Windows: NSIS 3)")
        return 2
    out = DIST / ("chairclient-setup.exe" if os.name == "nt" else "chairclient-setup-check.exe")
    # -WX: a warning fails the build as an error does.
    return subprocess.call([makensis, "-V2", "-WX", "-INPUTCHARSET", "UTF8", f"-DBUNDLE_DIR={BUNDLE}",
                            f"-DOUTFILE={out}", *extra,
                            str(ROOT / "installer" / "chairclient.nsi")], cwd=ROOT)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "help"
    rest = argv[1:]
    if command not in {"demo", "test", "bench", "build", "smoke", "installer"}:
        print(__doc__)
        return 0 if command == "help" else 2
    if command == "installer":
        return installer(*rest)
    ensure_venv()
    if command == "build":
        return build(*rest)
    if command == "smoke":
        return run(str(ROOT / "installer" / "smoke.py"), *(rest or [str(BUNDLE)]))
    if command == "demo":
        return run("-m", "chairclient", "--demo", *rest)
    if command == "bench":
        return run("-m", "bench", *rest)
    code = run("-m", "ruff", "check", ".")
    if code:
        return code
    return run("-m", "pytest", *rest, env={"QT_QPA_PLATFORM": "offscreen"})


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
