"""The import wizard driven like a chair would, on real files and a real local database."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from sqlalchemy import select

from chairclient.db.models import Member
from chairclient.importing import write_template
from chairclient.importing.bench import write_file
from tests.importing.helpers import VALID, counts, fill_template, write_csv, write_xlsx
from tests.ui.importing.helpers import (
    COMMIT,
    NEXT,
    UNAVAILABLE,
    click,
    make_wizard,
    to_preview,
)
from ui.importing.preview_model import ALL, ERRORS
from ui.main_window import MainWindow


def members_file(tmp_path: Path) -> Path:
    """The app's own template with three good rows, a wrong СНИЛС and an unknown position."""
    path = write_template(tmp_path / "шаблон.xlsx")
    rows = [
        VALID,
        {**VALID, "Фамилия": "Петров", "Имя": "Пётр", "СНИЛС": "", "Пол": "м",
         "Дата рождения": "01.02.1980"},
        {**VALID, "Фамилия": "Семёнова", "Имя": "Алёна", "СНИЛС": "112-233-445 96",
         "Дата рождения": "03.04.1990"},
        {**VALID, "Фамилия": "Орлова", "Имя": "Анна", "СНИЛС": "", "Должность": "Завхоз",
         "Дата рождения": "05.06.1991", "Телефон": "+7 (912) 000-00-02"},
    ]
    return fill_template(path, rows)


def test_file_menu_import_lands_rows_and_refreshes_the_list(qtbot, local, tmp_path) -> None:
    db, ops, _org = local
    window = MainWindow(ops, remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.scope is not None, timeout=10_000)
    assert window.members.model.rowCount() == 0
    file_actions = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert file_actions[:2] == ["&Загрузить членов из таблицы…",
                                "Сохранить &шаблон для загрузки…"]

    source = members_file(tmp_path)
    window.importing.choose_file = lambda _parent: source
    window.importing.load_action.trigger()
    wizard = window.importing.wizard
    wizard.file_page.choose_button.click()
    qtbot.waitUntil(wizard.file_page.isComplete, timeout=10_000)
    assert "«Члены профсоюза»" in wizard.file_page.info.text()
    click(qtbot, wizard)
    assert wizard.sheet_page.header_row.value() == 1
    click(qtbot, wizard)
    assert wizard.state.mapping[0] == "last_name" and wizard.mapping_page.isComplete()
    click(qtbot, wizard)
    qtbot.waitUntil(wizard.preview_page.isComplete, timeout=10_000)

    model = wizard.preview_page.model
    assert model.rowCount() == 4
    assert wizard.preview_page.filter_buttons[ERRORS].text() == "С ошибками (1)"
    wizard.preview_page.show_only(ERRORS)
    assert model.rowCount() == 1 and model.file_row_at(0) == 4
    snils = model.position_of(wizard.state.table.headers.index("СНИЛС"))
    assert model.data(model.index(0, snils), Qt.ItemDataRole.ToolTipRole) == \
        "Неверная контрольная сумма"
    assert model.data(model.index(0, snils), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(0, 1)) == "Ошибка — не загружена"
    wizard.preview_page.show_only(ALL)
    phone = model.position_of(wizard.state.table.headers.index("Телефон"))
    position = model.position_of(wizard.state.table.headers.index("Должность *"))
    orlova = model.index(3, phone)  # shown as it will be saved, the file's text in the tooltip
    assert model.data(orlova) == "+7 912 000-00-02"
    assert model.data(orlova, Qt.ItemDataRole.ToolTipRole) == "В файле: «+7 (912) 000-00-02»"
    assert "не найдена в справочнике" in model.data(model.index(3, position),
                                                    Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(1, model.position_of(0))) == "Петров"

    click(qtbot, wizard)  # → duplicates
    qtbot.waitUntil(wizard.duplicates_page.isComplete)
    assert wizard.duplicates_page.model.rowCount() == 0
    assert UNAVAILABLE in wizard.duplicates_page.registry.text()
    click(qtbot, wizard)  # → import
    assert wizard.import_page.counts["create"].text() == "3"
    assert counts(db) == (0, 0, 0)  # nothing written before «Загрузить»
    assert wizard.button(COMMIT).text() == "&Загрузить"
    wizard.button(COMMIT).click()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.result_page, timeout=10_000)
    assert wizard.result_page.counts["imported"].text() == "3"
    assert wizard.result_page.counts["refused"].text() == "1"
    qtbot.waitUntil(lambda: window.members.model.rowCount() == 3, timeout=10_000)
    with db.session() as s:
        names = sorted(s.scalars(select(Member.last_name)))
        orlova = s.scalar(select(Member).where(Member.last_name == "Орлова"))
    assert names == ["Иванова", "Орлова", "Петров"]
    assert orlova.position_text == "Завхоз" and orlova.phone == "+79120000002"

    report = tmp_path / "отчёт.xlsx"
    wizard.choose_path = lambda *_args: report
    wizard.open_url = lambda _url: True
    wizard.result_page.save_button.click()
    qtbot.waitUntil(report.exists, timeout=10_000)
    rows = list(openpyxl.load_workbook(report)["Строки"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[2]) for r in rows] == [(2, "Загружена"), (3, "Загружена"),
                                            (4, "Отклонена"), (5, "Загружена")]
    wizard.button(QWizard.WizardButton.FinishButton).click()


def test_the_template_is_saved_from_the_menu_and_from_the_wizard(qtbot, local,
                                                                  tmp_path) -> None:
    from PySide6.QtWidgets import QWidget

    from ui.importing import ImportActions
    from ui.org_tree import OrgScope

    host = QWidget()
    qtbot.addWidget(host)
    actions = ImportActions(local[1], host)
    targets = iter([tmp_path / "шаблон.xlsx", tmp_path / "ещё шаблон.xlsx"])
    proposed: list[str] = []
    actions.choose_path = lambda _parent, name, _filter: proposed.append(name) or next(targets)
    actions.template_action.trigger()
    qtbot.waitUntil(lambda: actions.saved_box is not None, timeout=10_000)
    assert proposed == ["Шаблон для загрузки членов Профсоюза.xlsx"]
    sheet = openpyxl.load_workbook(tmp_path / "шаблон.xlsx").worksheets[0]
    assert [c.value for c in sheet[1]][:3] == ["Фамилия *", "Имя *", "Отчество"]

    assert actions.open_wizard() is None  # no organisation chosen yet
    actions.set_scope(OrgScope(local[2], "ППО СОШ № 1", "ППО-1", "primary", (local[2],), 0))
    wizard = actions.open_wizard()
    wizard.file_page.template_link.linkActivated.emit("template")
    qtbot.waitUntil((tmp_path / "ещё шаблон.xlsx").exists, timeout=10_000)


def test_the_mapping_is_remembered_for_the_same_layout(qtbot, local, tmp_path) -> None:
    path = write_xlsx(tmp_path / "кадры.xlsx", [
        ["Работник", "Д.Р.", "Должн."], ["Иванова Мария", "14.03.1985", "Учитель"]])
    wizard = make_wizard(qtbot, local)
    wizard.file_page.load(path)
    click(qtbot, wizard)
    click(qtbot, wizard)
    page = wizard.mapping_page
    assert page.mapping() == {0: "full_name", 1: "birth_date"}
    assert not wizard.state.mapping_remembered
    assert "✗ Должность" in plain(page.required)
    assert "✓ Фамилия" in plain(page.required)  # the full name stands for it
    page.set_field(0, None)
    assert not page.isComplete() and "с фамилией и именем" in page.problems.text()
    page.set_field(0, "full_name")
    page.set_field(2, "position")
    assert "✓ Должность" in plain(page.required)
    click(qtbot, wizard)
    wizard.close()

    again = make_wizard(qtbot, local)
    again.file_page.load(path)
    click(qtbot, again)
    click(qtbot, again)
    assert again.mapping_page.mapping() == {0: "full_name", 1: "birth_date", 2: "position"}
    assert again.state.mapping_remembered


def plain(label) -> str:
    """A rich-text label as the chair reads it."""
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText()


def encrypted(path: Path) -> Path:
    body = "EncryptionInfo".encode("utf-16-le") + b"\x00" * 50
    body += "EncryptedPackage".encode("utf-16-le") + b"\x00" * 1000
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + body)
    return path


@pytest.mark.parametrize(("make", "message"), [
    (lambda p: (p / "скан.xlsx").write_bytes(b"%PDF-1.4 binary") and p / "скан.xlsx",
     "не является электронной таблицей"),
    (lambda p: encrypted(p / "secret.xlsx"), "защищён паролем"),
    (lambda p: (p / "пусто.csv").write_bytes(b" \r\n") and p / "пусто.csv", "Файл пуст"),
    (lambda p: write_csv(p / "big.csv", [["Фамилия", "Имя"]] + [["Иванов", "Иван"]] * 100_021),
     "больше 100 000 строк"),
])
def test_a_bad_file_gets_the_engines_message(qtbot, local, tmp_path, make, message) -> None:
    wizard = make_wizard(qtbot, local)
    wizard.file_page.load(make(tmp_path))
    qtbot.waitUntil(lambda: not wizard.file_page.loading, timeout=10_000)
    assert "Файл нельзя загрузить." in wizard.file_page.banner.text()
    assert message in wizard.file_page.banner.text()
    assert not wizard.file_page.isComplete() and not wizard.button(NEXT).isEnabled()
    assert counts(local[0]) == (0, 0, 0)


def test_no_recognisable_header_asks_for_the_header_row(qtbot, local, tmp_path) -> None:
    path = write_xlsx(tmp_path / "x.xlsx", [["Отчёт"], ["Ф", "И", "ДР"],
                                            ["Иванова", "Мария", "14.03.1985"]])
    wizard = make_wizard(qtbot, local)
    wizard.file_page.load(path)
    click(qtbot, wizard)
    page = wizard.sheet_page
    assert "Не найдена строка заголовков" in page.banner.text()
    assert not page.isComplete()
    page.rows.cellClicked.emit(1, 0)  # the chair clicks the row with «Ф, И, ДР»
    assert page.header_row.value() == 2 and page.isComplete()
    assert "Строк данных под заголовком: 1" in page.info.text()
    click(qtbot, wizard)
    assert not wizard.mapping_page.isComplete()  # nothing recognised: choose the columns
    wizard.mapping_page.set_field(0, "last_name")
    wizard.mapping_page.set_field(1, "first_name")
    assert wizard.mapping_page.isComplete()


def test_the_sheet_with_the_members_is_chosen_and_can_be_changed(qtbot, local,
                                                                  tmp_path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "Титул"
    book.active.append(["Сведения о работниках"])
    staff = book.create_sheet("Сотрудники")
    staff.append(["Фамилия", "Имя", "Дата рождения"])
    staff.append(["Иванова", "Мария", "14.03.1985"])
    book.save(tmp_path / "два листа.xlsx")
    wizard = make_wizard(qtbot, local)
    wizard.file_page.load(tmp_path / "два листа.xlsx")
    qtbot.waitUntil(wizard.file_page.isComplete, timeout=10_000)
    assert "В файле 2 листа" in wizard.file_page.info.text()
    click(qtbot, wizard)
    page = wizard.sheet_page
    assert page.sheet.currentText() == "Сотрудники" and page.sheet.isEnabled()
    assert page.header_row.value() == 1 and page.isComplete()

    def choose(name: str) -> None:
        page.sheet.setCurrentText(name)
        page.sheet.activated.emit(page.sheet.currentIndex())
        qtbot.waitUntil(lambda: not page.job.running, timeout=10_000)

    choose("Титул")
    assert "Не найдена строка заголовков" in page.banner.text() and not page.isComplete()
    choose("Сотрудники")
    assert page.isComplete() and wizard.state.table.rows[0][1][0] == "Иванова"


def test_cancel_during_import_leaves_the_database_unchanged(qtbot, local, tmp_path) -> None:
    db = local[0]
    wizard = make_wizard(qtbot, local)
    to_preview(qtbot, wizard, write_file(tmp_path / "many.xlsx", 400))
    click(qtbot, wizard)
    click(qtbot, wizard)
    page = wizard.import_page
    before = counts(db)
    wizard.button(COMMIT).click()
    assert page.running and page.cancel_button.isVisible()
    assert not wizard.button(QWizard.WizardButton.CancelButton).isEnabled()
    wizard.reject()  # closing while it runs = Отмена; the wizard stays until the rollback
    qtbot.waitUntil(lambda: not page.running, timeout=10_000)
    assert "отменена" in page.banner.text() and wizard.isVisible()
    assert counts(db) == before
    assert wizard.currentPage() is page and page.isComplete()
    wizard.button(COMMIT).click()  # a second try goes through
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.result_page, timeout=20_000)
    assert counts(db)[0] == 400
