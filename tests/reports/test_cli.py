"""``report`` and ``print`` commands: files written, Russian errors naming the argument."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from reports.cli import main_print, main_report
from tests.reports.conftest import Demo
from tests.reports.pdftools import page_count, pdf_text


def test_report_5sp(demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "5sp.xlsx"
    code = main_report(["5sp", "--db", str(demo.path), "--org", demo.territorial,
                        "--date", "2026-01-01", "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    assert "Форма 5-СП" in load_workbook(out).sheetnames[0]


def test_report_list(demo: Demo, tmp_path: Path) -> None:
    out = tmp_path / "b.xlsx"
    assert main_report(["list", "birthdays", "--db", str(demo.path), "--org", demo.region,
                        "--from", "2026-03-01", "--to", "2026-03-31", "--out", str(out)]) == 0
    assert load_workbook(out).active.max_row > 6


def test_print_commands(demo: Demo, tmp_path: Path) -> None:
    common = ["--db", str(demo.path), "--org", demo.primary]
    consent, handout, handover = (tmp_path / f"{n}.pdf" for n in ("c", "h", "v"))
    assert main_print(["consent", *common, "--all-without-consent", "--out", str(consent)]) == 0
    assert "СОГЛАСИЕ" in pdf_text(consent)
    assert main_print(["handout", *common, "--received", "--out", str(handout)]) == 0
    assert "ПРОФКАРДС" in pdf_text(handout)
    assert main_print(["handover", *common, "--received", "--date", "2026-11-10",
                       "--out", str(handover)]) == 0
    assert "10.11.2026" in pdf_text(handover) and page_count(handover) >= 1


@pytest.mark.parametrize(("argv", "needle"), [
    (["5sp", "--org", "X", "--date", "2026-01-01", "--out", "a.xlsx"], "--db"),
    (["5sp", "--db", "{db}", "--org", "NOPE", "--date", "2026-01-01", "--out", "a.xlsx"],
     "--org"),
    (["5sp", "--db", "{db}", "--org", "{org}", "--date", "01.01.2026", "--out", "a.xlsx"],
     "--date"),
    (["5sp", "--db", "{db}", "--org", "{org}", "--date", "2026-01-01", "--out", "a.pdf"],
     "--out"),
    (["5sp", "--db", "/no/such.sqlite", "--org", "{org}", "--date", "2026-01-01",
      "--out", "a.xlsx"], "--db"),
    (["list", "nope", "--db", "{db}", "--org", "{org}", "--out", "a.xlsx"], "kind"),
    (["list", "members", "--db", "{db}", "--org", "{org}", "--out", "a.xlsx",
      "--columns", "full_name,zzz"], "--columns"),
    (["list", "removed", "--db", "{db}", "--org", "{org}", "--out", "a.xlsx"], "--from"),
])
def test_report_errors(demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture,
                       argv: list[str], needle: str) -> None:
    argv = [a.format(db=demo.path, org=demo.region) for a in argv]
    argv = [str(tmp_path / a) if a.endswith((".xlsx", ".pdf")) else a for a in argv]
    assert main_report(argv) == 2
    err = capsys.readouterr().err
    assert needle in err and "Ошибка" in err
    assert any("а" <= ch <= "я" for ch in err.split("Ошибка", 1)[1])
    assert list(tmp_path.iterdir()) == []


def test_print_errors(demo: Demo, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    common = ["--db", str(demo.path), "--org", demo.primary, "--out", str(tmp_path / "x.pdf")]
    assert main_print(["consent", *common]) == 2
    assert "нужно указать один из аргументов" in capsys.readouterr().err
    assert main_print(["consent", *common, "--member", "no-such-id"]) == 2
    assert "--member" in capsys.readouterr().err
    assert main_print(["consent", *common, "--member", "x", "--all-without-consent"]) == 2
    assert "нельзя указывать вместе" in capsys.readouterr().err


def test_reports_never_import_qt() -> None:
    code = ("import sys, reports.cli, reports.pdf.consent, reports.pdf.profcards_handout, "
            "reports.pdf.handover_sheet, reports.excel.form_5sp, reports.excel.lists; "
            "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)")
    root = Path(__file__).resolve().parents[2]
    assert subprocess.run([sys.executable, "-c", code], cwd=root).returncode == 0
