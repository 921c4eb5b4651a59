"""The validation package stays pure: no Qt, no database, no other project packages."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_importing_validation_pulls_in_no_qt_or_sqlalchemy() -> None:
    code = (
        "import sys, chairclient.validation\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'PySide6', 'shiboken6', 'sqlalchemy', 'alembic', 'ui', 'sync', 'reports', 'registry'}"
        " or m.startswith('chairclient.db'))\n"
        "print(','.join(bad))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == ""


def test_source_imports_only_the_validation_package() -> None:
    package = ROOT / "chairclient" / "validation"
    for path in package.glob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith(("import chairclient", "from chairclient")):
                assert line.startswith("from chairclient.validation"), (path.name, line)
