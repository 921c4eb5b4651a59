"""Printing from the UI on the real demo database: card Ctrl+P, selection, preview, cancel."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage, QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

from chairclient.db.engine import Database
from chairclient.db.models import Member
from chairclient.queries.organisations import org_tree
from tests.ui.test_main_window import open_window
from ui.member_card import MemberCardDialog
from ui.org_tree import OrgScope, subtree_map
from ui.printing import DocumentKind, DocumentPrinter, DocumentRequest
from ui.printing.files import SCRATCH_FOLDER
from ui.printing.preview import paint_pdf
from ui.printing.render import page_images

A4_RATIO = 297 / 210


def scopes(db: Database) -> dict[str, OrgScope]:
    """Every organisation as the tree would hand it over (id → scope with its subtree)."""
    with db.session() as session:
        nodes = org_tree(session)
    subtree = subtree_map(nodes)
    return {n.id: OrgScope(n.id, n.name, n.code, n.level, subtree[n.id], n.active_members)
            for n in nodes}


def busiest_primary(db: Database) -> OrgScope:
    return max((s for s in scopes(db).values() if s.level == "primary"),
               key=lambda s: s.active_members)


def root_scope(db: Database) -> OrgScope:
    return max(scopes(db).values(), key=lambda s: len(s.org_ids))


def active_members(db: Database, org_id: str, limit: int) -> list[Member]:
    with db.session() as session:
        query = (select(Member).where(Member.org_id == org_id, Member.status == "active",
                                      Member.deleted.is_(False))
                 .order_by(Member.last_name, Member.id).limit(limit))
        members = list(session.scalars(query))
        session.expunge_all()
    return members


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                          check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines()
                    if line.startswith("Pages:")))


@pytest.fixture
def host(qtbot):
    """A window the printing objects belong to (kept alive for the test)."""
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def wait_preview(qtbot, printer: DocumentPrinter):
    qtbot.waitUntil(lambda: printer.preview is not None, timeout=30_000)
    return printer.preview


def test_ctrl_p_on_a_card_previews_the_members_consent(qtbot, demo) -> None:
    db, ops = demo
    org = busiest_primary(db)
    member = active_members(db, org.id, 1)[0]
    dialog = MemberCardDialog(ops, member.org_id, member.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == 1)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_P,
                   Qt.KeyboardModifier.ControlModifier)

    preview = wait_preview(qtbot, dialog.printing.printer)
    pdf = preview.pdf
    assert pdf.parent == db.path.parent / SCRATCH_FOLDER  # beside the data, never in /tmp
    text = " ".join(pdf_text(pdf).split())
    assert f"{member.last_name} {member.first_name}" in text
    assert "СОГЛАСИЕ" in text.upper()
    qtbot.waitUntil(lambda: preview.pages_painted == 1, timeout=10_000)
    preview.reject()
    qtbot.waitUntil(lambda: not pdf.exists())  # the scratch copy goes with the preview


def test_consents_for_the_selection_have_one_page_per_member(qtbot, demo, tmp_path) -> None:
    window = open_window(qtbot, demo[1])
    table = window.members.table
    flags = table.selectionModel().SelectionFlag
    for row in range(3):
        table.selectionModel().select(window.members.model.index(row, 0),
                                      flags.Select | flags.Rows)
    assert len(window.members.selected_member_ids()) == 3
    assert window.documents.consent_selected.isEnabled()
    assert window.documents.consent_selected in table.actions()  # the context menu

    window.documents.consent_selected.trigger()
    preview = wait_preview(qtbot, window.documents.printer)
    assert pdf_pages(preview.pdf) == 3
    qtbot.waitUntil(lambda: preview.pages_painted == 3, timeout=10_000)

    saved: list[Path] = []
    target = tmp_path / "out" / "согласия.pdf"
    window.documents.printer.choose_path = lambda *_args: target
    window.documents.printer.saved.connect(saved.append)
    preview.save_action.trigger()
    qtbot.waitUntil(lambda: saved == [target], timeout=10_000)
    assert pdf_pages(target) == 3
    preview.reject()


def test_renderer_gives_one_a4_image_per_page(qtbot, host, demo, tmp_path) -> None:
    db, ops = demo
    org = busiest_primary(db)
    ids = tuple(m.id for m in active_members(db, org.id, 4))
    printer = DocumentPrinter(ops, host)
    printer.print_document(DocumentRequest(DocumentKind.HANDOUT, org.id, ids))
    preview = wait_preview(qtbot, printer)
    pages = pdf_pages(preview.pdf)
    images = list(page_images(preview.pdf, dpi=72))
    assert len(images) == pages >= 4
    for image in images:
        assert isinstance(image, QImage) and not image.isNull()
        assert image.height() / image.width() == pytest.approx(A4_RATIO, rel=0.01)

    out = tmp_path / "painted.pdf"  # painting on a real (PDF) printer: one page per page
    real = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    real.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    real.setOutputFileName(str(out))
    real.setFullPage(True)
    real.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    real.setPageOrientation(QPageLayout.Orientation.Portrait)
    assert paint_pdf(real, preview.pdf) == pages
    assert pdf_pages(out) == pages
    preview.reject()


def test_hand_over_sheet_for_received_cards(qtbot, host, demo) -> None:
    db, ops = demo
    printer = DocumentPrinter(ops, host)
    root = max(_all_scopes(db), key=lambda s: len(s.org_ids))
    printer.print_document(DocumentRequest(DocumentKind.HANDOVER, root.id))
    preview = wait_preview(qtbot, printer)
    assert "ВЕДОМОСТЬ" in pdf_text(preview.pdf)
    preview.reject()


def test_cancelling_a_long_generation_leaves_no_file(qtbot, host, demo) -> None:
    db, ops = demo
    root = max(_all_scopes(db), key=lambda s: len(s.org_ids))
    printer = DocumentPrinter(ops, host)
    folder = db.path.parent / SCRATCH_FOLDER
    before = set(folder.iterdir()) if folder.exists() else set()
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    started = time.monotonic()
    assert printer.print_document(DocumentRequest(DocumentKind.CONSENT, root.id))
    assert time.monotonic() - started < 0.5  # the work runs via Operations.long
    assert printer.busy and ops.busy
    dialog = printer.task.dialog
    qtbot.waitUntil(lambda: dialog.value() > 0, timeout=10_000)  # consents are being laid out
    assert len(ticks) >= 2  # the UI thread kept running meanwhile
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)  # «Отмена»
    qtbot.waitUntil(lambda: not printer.busy, timeout=30_000)
    timer.stop()
    ops.wait()
    assert printer.preview is None and printer.built is None
    assert printer.last_message == ""
    assert set(folder.iterdir()) == before  # no PDF, no part file



def _pdf_printer(out: Path):
    """Stands in for the person's choice in Qt's print dialog: a PDF "printer" into ``out``."""
    def choose(_parent, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(72)
        return True
    return choose


def test_a_document_too_big_to_preview_prints_in_the_background(
        qtbot, host, demo, tmp_path) -> None:
    db, ops = demo
    org = busiest_primary(db)
    ids = tuple(m.id for m in active_members(db, org.id, 4))
    printer = DocumentPrinter(ops, host)
    printer.preview_max_pages = 2  # four handouts are "too many" here
    out = tmp_path / "printed.pdf"
    printer.choose_printer = _pdf_printer(out)
    messages: list[str] = []
    printer.message.connect(messages.append)
    assert printer.print_document(DocumentRequest(DocumentKind.HANDOUT, org.id, ids))
    qtbot.waitUntil(lambda: printer.large_box is not None, timeout=30_000)
    box = printer.large_box
    assert printer.preview is None and "4" in box.text()
    pdf = printer.built.path
    qtbot.mouseClick(box.defaultButton(), Qt.MouseButton.LeftButton)  # «Напечатать…»
    qtbot.waitUntil(lambda: not printer.busy and bool(messages), timeout=30_000)
    assert pdf_pages(out) == printer.built.pages >= 4
    assert not pdf.exists()  # the scratch PDF is gone once printed
    assert "4" in messages[-1]


def test_a_big_document_declined_leaves_no_scratch_file(qtbot, host, demo) -> None:
    db, ops = demo
    org = busiest_primary(db)
    ids = tuple(m.id for m in active_members(db, org.id, 3))
    printer = DocumentPrinter(ops, host)
    printer.preview_max_pages = 1
    printer.choose_printer = lambda *_args: False  # the print dialog was cancelled
    printer.print_document(DocumentRequest(DocumentKind.HANDOUT, org.id, ids))
    qtbot.waitUntil(lambda: printer.large_box is not None, timeout=30_000)
    pdf = printer.built.path
    assert pdf.exists()
    qtbot.mouseClick(printer.large_box.defaultButton(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not pdf.exists(), timeout=10_000)
    assert not printer.busy


def _all_scopes(db):
    return list(scopes(db).values())
