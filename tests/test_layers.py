"""Layer rules of ARCHITECTURE.md, checked on the source (the AST of every module).

* Qt (PySide6, shiboken6, PyQt) is imported only under ``ui/`` (and the installer).
* ``chairclient/`` imports none of the other project packages.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QT_PACKAGES = {"PySide6", "PySide2", "shiboken6", "shiboken2", "PyQt5", "PyQt6", "pytestqt"}
NO_QT = ("chairclient", "sync", "reports", "registry")
PROJECT_PACKAGES = {"ui", "sync", "reports", "registry"}
#: The entry point wires the layers together (ARCHITECTURE.md): it alone may import them all.
ENTRY_POINTS = {"chairclient/cli.py"}


def python_files(package: str) -> list[Path]:
    return sorted(p for p in (ROOT / package).rglob("*.py") if "__pycache__" not in p.parts)


def imported_modules(path: Path) -> Iterator[tuple[int, str]]:
    """(line, absolute module name) of every import in ``path``, also those inside functions.

    ``importlib.import_module("x")`` and ``__import__("x")`` with a literal name count too.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0 and node.module:
                yield node.lineno, node.module
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            first = node.args[0]
            if name in ("import_module", "__import__") and isinstance(first, ast.Constant) \
                    and isinstance(first.value, str):
                yield node.lineno, first.value


def violations(package: str, forbidden: set[str]) -> list[str]:
    found = []
    for path in python_files(package):
        relative = path.relative_to(ROOT).as_posix()
        for line, module in imported_modules(path):
            if relative in ENTRY_POINTS and module.split(".")[0] in PROJECT_PACKAGES:
                continue
            if module.split(".")[0] in forbidden:
                found.append(f"{relative}:{line} imports {module}")
    return found


@pytest.mark.parametrize("package", NO_QT)
def test_no_qt_outside_ui(package: str) -> None:
    assert violations(package, QT_PACKAGES) == []


def test_core_imports_no_other_project_package() -> None:
    assert violations("chairclient", PROJECT_PACKAGES) == []


def test_the_checker_sees_imports(tmp_path: Path) -> None:
    """The scan finds plain, nested, dotted and dynamic imports (so a pass means something)."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import os\n"
        "from PySide6.QtCore import Qt\n"
        "def later():\n"
        "    import ui.app\n"
        "    importlib.import_module('sync.client')\n"
        "from . import sibling\n",
        encoding="utf-8",
    )
    modules = [m for _line, m in imported_modules(sample)]
    assert modules == ["os", "PySide6.QtCore", "ui.app", "sync.client"]


def test_the_scanned_packages_exist() -> None:
    assert python_files("chairclient"), "chairclient/ has no Python files?"


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [("sync", {"ui", "registry", "reports"}), ("reports", {"ui", "sync", "registry"}),
     ("registry", {"ui", "reports"})],
)
def test_client_and_server_layers_stay_apart(package: str, forbidden: set[str]) -> None:
    """sync/ and reports/ build on the core only; registry/ shares only core and sync.protocol."""
    assert violations(package, forbidden) == []


def test_registry_uses_only_the_wire_format_of_sync() -> None:
    """``sync.protocol`` and its sibling wire modules (``sync.protocol_lookup`` …)."""
    wire = re.compile(r"sync\.protocol(_\w+)?$")
    found = [v for v in violations("registry", {"sync"}) if not wire.search(v)]
    assert found == []
