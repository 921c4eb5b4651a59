"""The passport form against a real SQLite file: save, completeness, checks, switching."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from sqlalchemy import select

from chairclient.db.engine import Database, open_database
from chairclient.db.models import Organisation, OutboxEntry
from tests.core.factories import add_org
from ui.operations import Operations
from ui.passport import PassportForm

VALID_INN = "7707083893"
WRONG_INN = "7707083894"


@pytest.fixture
def store(tmp_path: Path, qapp) -> Iterator[tuple[Database, Operations, dict[str, str]]]:
    """(database, operations, org ids) with a region, a school ППО and a second ППО."""
    db = open_database(tmp_path / "passport.sqlite")
    region = add_org(db, code="01", level="regional", name="Тестовая региональная организация")
    with db.transaction() as session:
        org = session.get(Organisation, region)
        org.pd_operator_name = "Тестовая региональная организация Профсоюза"
        org.pd_operator_address = "г. Тестовск, ул. Ленина, 1"
        org.pd_processors = [{"name": "ООО «Карты»", "address": "г. Москва"}]
    orgs = {
        "region": region,
        "school": add_org(db, code="01-001", parent_id=region),
        "kindergarten": add_org(db, code="01-002", parent_id=region, name="ППО МБДОУ № 7"),
    }
    operations = Operations(db)
    yield db, operations, orgs
    operations.wait(20_000)
    db.close()


def open_form(qtbot, operations: Operations, org_id: str) -> PassportForm:
    form = PassportForm(operations, org_id)
    qtbot.addWidget(form)
    form.resize(1000, 700)
    form.show()
    qtbot.waitUntil(lambda: form.stack.currentIndex() == 1)
    return form


def type_into(qtbot, editor: QLineEdit, text: str) -> None:
    """Replace the text key by key (any alphabet) and leave the field with Enter."""
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(editor, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                     char))
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def titles(form: PassportForm) -> list[str]:
    return [form.tabs.tabText(i) for i in range(form.tabs.count())]


def test_passport_saves_a_field_and_shows_completeness_per_tab(qtbot, store) -> None:
    db, operations, orgs = store
    form = open_form(qtbot, operations, orgs["school"])
    assert titles(form) == ["ИНПО ✓", "Работодатель (0/2)", "Руководство (0/2)",
                            "Численность (0/1)", "Контакты", "Соцпартнёрство", "Оператор ПДн"]
    assert form.banner.text().startswith("Паспорт не заполнен:")
    assert form.code.text() == "01-001"
    assert form.superior.text() == "Тестовая региональная организация"

    type_into(qtbot, form.fields.editor("employer_full_name"), "МБОУ «СОШ № 1» с. Ивановка")
    assert form.tabs.tabText(1) == "Работодатель (1/2)"
    type_into(qtbot, form.fields.editor("employer_inn"), VALID_INN)
    assert form.tabs.tabText(1) == "Работодатель ✓"
    assert form.has_unsaved_changes()

    with qtbot.waitSignal(form.saved, timeout=10_000) as saved:
        form.save_button.click()
    assert saved.args == [orgs["school"]]
    qtbot.waitUntil(lambda: form.status.text().startswith("Сохранено"))
    qtbot.waitUntil(lambda: form.tabs.isEnabled())
    assert not form.has_unsaved_changes()
    with db.session() as session:
        org = session.get(Organisation, orgs["school"])
        assert org.employer_inn == VALID_INN
        assert org.employer_full_name == "МБОУ «СОШ № 1» с. Ивановка"
        entry = session.scalars(select(OutboxEntry).where(OutboxEntry.entity == "organisation")
                                ).one()
        assert entry.op == "update" and entry.fields["employer_inn"] == VALID_INN


def test_a_wrong_inn_is_refused_with_the_message_next_to_it(qtbot, store) -> None:
    db, operations, orgs = store
    form = open_form(qtbot, operations, orgs["school"])
    inn = form.fields.editor("employer_inn")
    type_into(qtbot, inn, WRONG_INN)
    assert form.fields.message("employer_inn") == "Неверная контрольная сумма"
    assert "border" in inn.styleSheet()
    assert form.tabs.tabText(1) == "Работодатель ⚠"  # filled, but wrong: not ✓

    form.tabs.setCurrentIndex(0)
    assert not form.save()
    assert form.tabs.currentIndex() == 1 and QApplication.focusWidget() is inn
    assert "ничего не сохранено" in form.status.text()
    operations.wait()
    with db.session() as session:
        assert session.get(Organisation, orgs["school"]).employer_inn is None
        assert session.scalar(select(OutboxEntry.seq)) is None


def test_legal_entity_fields_appear_when_ticked(qtbot, store) -> None:
    _db, operations, orgs = store
    form = open_form(qtbot, operations, orgs["school"])
    page = form.tabs.widget(0)
    ogrn = form.fields.editor("ogrn")
    assert not ogrn.isVisibleTo(page)
    form.fields.editor("is_legal_entity").click()
    assert ogrn.isVisibleTo(page)
    assert form.tabs.tabText(0) == "ИНПО (4/6)"  # ИНН and ОГРН are now required


def test_operator_is_inherited_read_only_below_the_region(qtbot, store) -> None:
    _db, operations, orgs = store
    form = open_form(qtbot, operations, orgs["school"])
    assert form.operator.pages.currentIndex() == 1
    assert form.operator.name.text() == "Тестовая региональная организация Профсоюза"
    assert "ООО «Карты»" in form.operator.processor_list.text()

    form.set_org(orgs["region"])
    qtbot.waitUntil(lambda: form.stack.currentIndex() == 1 and form.code.text() == "01")
    assert form.operator.pages.currentIndex() == 0
    assert form.fields.editor("pd_operator_address").text() == "г. Тестовск, ул. Ленина, 1"
    assert form.operator.processors.value() == [{"name": "ООО «Карты»", "address": "г. Москва"}]
    union = form.operator.union.text()  # union-wide, one setting: shown, not edited
    assert "ООО «ФИНФОРТ»" in union and "ООО «Интернет Медиа»" in union


def test_switching_organisation_asks_about_unsaved_changes(qtbot, store) -> None:
    db, operations, orgs = store
    form = open_form(qtbot, operations, orgs["school"])
    assert form.maybe_discard()  # nothing changed: go ahead without asking
    type_into(qtbot, form.fields.editor("chair_name"), "Смирнова Ольга Ивановна")
    asked: list[str] = []

    def answer(text: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == text).click()

    QTimer.singleShot(0, lambda: answer("Отмена"))
    assert not form.maybe_discard()
    assert form.has_unsaved_changes()

    QTimer.singleShot(0, lambda: answer("Не сохранять"))
    assert form.maybe_discard()
    assert asked == ["Сохранить изменения?", "Сохранить изменения?"]
    assert not form.has_unsaved_changes()
    assert form.fields.editor("chair_name").text() == ""

    type_into(qtbot, form.fields.editor("chair_name"), "Смирнова Ольга Ивановна")
    switched: list[bool] = []
    QTimer.singleShot(0, lambda: answer("Сохранить"))
    assert not form.maybe_discard(lambda: switched.append(True))
    qtbot.waitUntil(lambda: switched == [True], timeout=10_000)
    with db.session() as session:
        assert session.get(Organisation, orgs["school"]).chair_name == "Смирнова Ольга Ивановна"

    form.set_org(orgs["kindergarten"])
    qtbot.waitUntil(lambda: form.code.text() == "01-002")
    assert form.fields.editor("short_name").text() == "ППО МБДОУ № 7"
    assert form.fields.editor("chair_name").text() == ""


def test_no_organisation_shows_a_hint(qtbot, store) -> None:
    _db, operations, _orgs = store
    form = PassportForm(operations, None)
    qtbot.addWidget(form)
    assert form.stack.currentIndex() == 0
    assert form.placeholder.text() == "Выберите организацию в дереве слева."
    assert not form.has_unsaved_changes() and form.maybe_discard()


def test_tabs_without_required_fields_show_the_plain_name(qtbot, store) -> None:
    """A regional organisation requires no employer or staff fields: no «(0/0)»."""
    db, operations, orgs = store
    with db.transaction() as session:  # as the registry sends a regional organisation
        region = session.get(Organisation, orgs["region"])
        region.kind = region.employer_type = None
    form = open_form(qtbot, operations, orgs["region"])
    shown = titles(form)
    assert not any("0/0" in title for title in shown), shown
    assert shown[1] == "Работодатель" and shown[3] == "Численность"
    assert form.tabs.tabToolTip(1) == "Работодатель"
    # Neither a kind nor an employer of its own: the empty rows are not offered.
    assert not form.fields.is_row_visible("kind")
    assert not form.fields.is_row_visible("employer_type")
    form.set_org(orgs["school"])
    qtbot.waitUntil(lambda: form.stack.currentIndex() == 1 and form.code.text() == "01-001")
    assert form.fields.is_row_visible("kind") and form.fields.is_row_visible("employer_type")


def test_completeness_title_without_required_fields() -> None:
    from ui.widgets import completeness_title

    assert completeness_title("Контакты", 0, 0) == "Контакты"
    assert completeness_title("Контакты", 0, 0, error=True) == "Контакты ⚠"
    assert completeness_title("Работодатель", 1, 2) == "Работодатель (1/2)"
