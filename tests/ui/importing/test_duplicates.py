"""The wizard's duplicates step: decisions per duplicate, the registry check online, offline
and slow, and the totals shown before the import."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from sqlalchemy import select

from chairclient.db.models import Member
from chairclient.importing import Decision, OrgHint, PersonKey
from chairclient.services.members import save_member
from tests.core.factories import member_values
from tests.importing.helpers import add_org, write_xlsx
from tests.ui.importing.helpers import (
    COMMIT,
    UNAVAILABLE,
    click,
    make_wizard,
    registry,
    to_preview,
)
from ui.importing.page_duplicates import DECISION_COLUMN
from ui.importing.preview_model import DUPLICATES
from ui.main_window import MainWindow


def choose(combo, text: str) -> None:
    """Pick ``text`` in a decision combo as the chair does (the view commits on activation)."""
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_duplicate_decisions_give_the_right_database(qtbot, local, tmp_path) -> None:
    db, _ops, org_id = local
    with db.transaction() as s:
        ivanova = save_member(s, org_id, member_values()).member_id
        kuz = save_member(s, org_id, member_values(last_name="Кузнецова", first_name="Ольга",
                                                   snils="11223344595")).member_id
    path = write_xlsx(tmp_path / "d.xlsx", [
        ["ФИО", "Дата рождения", "СНИЛС", "Телефон"],
        ["Иванова Мария Петровна", "14.03.1985", "", "89120000001"],  # 2: in the DB → update
        ["Кузнецов Олег", "01.01.1980", "112-233-445 95", ""],        # 3: СНИЛС in DB → skip
        ["Орлова Анна", "02.02.1992", "", ""],                          # 4: new
        ["ОРЛОВА  анна", "02.02.1992", "", "89120000002"],              # 5: repeats 4 → create
        ["Белова Вера", "04.04.1994", "", ""],                          # 6: registry → create
    ])
    wizard = make_wizard(qtbot, local, registry)
    to_preview(qtbot, wizard, path)
    wizard.preview_page.show_only(DUPLICATES)
    qtbot.waitUntil(lambda: wizard.preview_page.model.rowCount() == 4)  # 3 local + registry
    click(qtbot, wizard)
    page = wizard.duplicates_page
    assert "найдено в других организациях: 1" in page.registry.text()
    model = page.model
    assert [d.row for d in model.duplicates] == [2, 3, 5, 6]
    assert model.data(model.index(3, 2)) == \
        "Состоит на учёте в другой организации: ППО гимназии № 2 (П-2)"
    editor = page.view.indexWidget(model.index(3, DECISION_COLUMN))
    assert [editor.itemText(i) for i in range(editor.count())] == ["Пропустить",
                                                                   "Создать всё равно"]
    editor = page.view.indexWidget(model.index(0, DECISION_COLUMN))
    assert editor.count() == 3 and editor.currentText() == "Пропустить"
    choose(editor, "Обновить существующую карточку")
    choose(page.view.indexWidget(model.index(2, DECISION_COLUMN)), "Создать всё равно")
    assert not page.set_decision(6, Decision.UPDATE)  # not offered for a registry duplicate
    assert page.set_decision(6, Decision.CREATE)
    assert model.data(model.index(3, DECISION_COLUMN)) == "Создать всё равно"
    assert wizard.state.decisions == {2: Decision.UPDATE, 5: Decision.CREATE,
                                      6: Decision.CREATE}
    click(qtbot, wizard)
    plan = {k: wizard.import_page.counts[k].text() for k in ("create", "update", "skip")}
    assert plan == {"create": "3", "update": "1", "skip": "1"}
    wizard.button(COMMIT).click()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.result_page, timeout=10_000)
    with db.session() as s:
        assert s.get(Member, ivanova).phone == "+79120000001"
        assert s.get(Member, kuz).last_name == "Кузнецова"  # skipped: unchanged
        names = sorted(s.scalars(select(Member.last_name)))
    assert names == ["Белова", "Иванова", "Кузнецова", "Орлова", "Орлова"]


def test_an_offline_registry_check_lets_the_import_go_on(qtbot, local, tmp_path) -> None:
    def offline(_keys: list[PersonKey]) -> dict[int, OrgHint]:
        raise ConnectionError("no route to host")

    path = write_xlsx(tmp_path / "o.xlsx", [["Фамилия", "Имя", "Дата рождения"],
                                            ["Белова", "Вера", date(1994, 4, 4)]])
    wizard = make_wizard(qtbot, local, offline)
    to_preview(qtbot, wizard, path)
    click(qtbot, wizard)
    qtbot.waitUntil(wizard.duplicates_page.isComplete, timeout=10_000)
    assert UNAVAILABLE in wizard.duplicates_page.registry.text()
    click(qtbot, wizard)
    assert wizard.import_page.isComplete()


def test_the_chair_need_not_wait_for_a_slow_registry(qtbot, local, tmp_path) -> None:
    answered = threading.Event()

    def slow(_keys: list[PersonKey]) -> dict[int, OrgHint]:
        answered.wait(10)
        return {2: OrgHint("ППО гимназии № 2")}

    path = write_xlsx(tmp_path / "s.xlsx", [["Фамилия", "Имя", "Дата рождения"],
                                            ["Белова", "Вера", date(1994, 4, 4)]])
    wizard = make_wizard(qtbot, local, slow)
    try:
        to_preview(qtbot, wizard, path)
        click(qtbot, wizard)
        page = wizard.duplicates_page
        assert "Проверка по реестру Профсоюза…" in page.registry.text()
        assert not page.isComplete() and page.skip_registry.isVisible()
        page.skip_registry.click()
        assert UNAVAILABLE in page.registry.text() and page.isComplete()
    finally:
        answered.set()
    local[1].wait(5_000)
    qtbot.wait(20)  # the late answer arrived and was dropped
    assert wizard.state.registry_duplicates == [] and page.model.rowCount() == 0


def test_the_signed_in_session_gives_the_wizard_a_registry_check(qtbot, local) -> None:
    """Working offline the check says so at once, without waiting for the network."""
    from sync.client import Offline, RegistryClient
    from ui.sync.controller import SyncController

    _db, ops, _org = local
    window = MainWindow(ops, remember_geometry=False)
    qtbot.addWidget(window)
    client = RegistryClient("http://127.0.0.1:9")
    try:
        window.attach_sync(SyncController(ops, client, offline=True, parent=window))
        lookup = window.importing.registry_lookup
        assert lookup is not None
        with pytest.raises(Offline):
            lookup([PersonKey(2, "Белова", "Вера", date(1994, 4, 4))])
    finally:
        client.close()


@pytest.mark.parametrize("decisions", [
    {},
    {2: Decision.UPDATE, 3: Decision.UPDATE, 5: Decision.UPDATE, 6: Decision.UPDATE},
    {5: Decision.UPDATE, 7: Decision.UPDATE},  # 2 is skipped: 7 has no card to update
    {2: Decision.UPDATE, 7: Decision.UPDATE},
    {2: Decision.CREATE, 5: Decision.CREATE, 6: Decision.CREATE},
])
def test_the_totals_before_import_are_what_the_import_does(tmp_path, db, decisions) -> None:
    from chairclient.importing import (
        build_preview,
        check_registry,
        find_duplicates,
        load_table,
        run_import,
    )
    from ui.importing.state import ImportState

    org_id = add_org(db)
    with db.transaction() as s:
        save_member(s, org_id, member_values())
    path = write_xlsx(tmp_path / "p.xlsx", [
        ["ФИО", "Дата рождения", "СНИЛС"],
        ["Иванова Мария Петровна", "14.03.1985", "112-233-445 95"],  # 2: in the database
        ["Орлова Анна", "02.02.1992", "112-233-445 96"],   # 3: wrong СНИЛС — refused
        ["Орлова Анна", "02.02.1992", ""],                  # 4: new
        ["ОРЛОВА  анна", "02.02.1992", ""],                 # 5: repeats 4
        ["Белова Вера", "04.04.1994", ""],                  # 6: in the registry
        ["Другая Ольга", "01.01.1970", "11223344595"],     # 7: repeats 2 by СНИЛС
    ])
    table = load_table(path)
    preview = build_preview(table, {0: "full_name", 1: "birth_date", 2: "snils"})
    state = ImportState(org_id, "ППО", preview=preview)
    with db.session() as s:
        state.duplicates = find_duplicates(preview, s)
    state.registry_duplicates = check_registry(registry, preview, state.duplicates)
    state.decisions = dict(decisions)
    plan = state.plan()
    report = run_import(db, org_id, preview, state.all_duplicates, state.decisions)
    assert report.counts == {"imported": plan["create"], "updated": plan["update"],
                             "skipped": plan["skip"], "refused": plan["refused"]}


def test_a_row_registered_elsewhere_offers_a_transfer_request(qtbot, local, tmp_path) -> None:
    path = write_xlsx(tmp_path / "r.xlsx", [
        ["ФИО", "Дата рождения", "СНИЛС"],
        ["Орлова Анна", "02.02.1992", ""],
        ["Белова Вера", "04.04.1994", ""],  # 3: on the register in another organisation
    ])
    wizard = make_wizard(qtbot, local, registry)
    asked: list[dict] = []
    wizard.request_transfer = asked.append
    to_preview(qtbot, wizard, path)
    click(qtbot, wizard)
    page = wizard.duplicates_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.view.setCurrentIndex(page.model.index(0, 1))
    assert page.request_button.isEnabled()
    page.request_button.click()
    assert asked == [{"last_name": "Белова", "first_name": "Вера",
                      "birth_date": date(1994, 4, 4)}]
