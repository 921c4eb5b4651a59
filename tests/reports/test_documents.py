"""PROFCARDS handout and ЭПБ hand-over sheet, read back with pdftotext."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from reports.data.members import active_members, cards_of_members, received_cards
from reports.data.orgs import org_by_code, orgs_by_id, scope_ids
from reports.pdf.handover_sheet import HEADER, write_handover
from reports.pdf.profcards_handout import handout_text, write_handouts
from tests.reports.conftest import Demo
from tests.reports.pdftools import fonts, page_count, pages, pdf_text

SEED_FACTS = ["www.profcards.ru", "8 (800) 250-74-46", "help@profcards.ru", "РЕГИСТРАЦИЯ",
              "Зарегистрироваться", "Сохранить", "ВХОД/РЕГИСТРАЦИЯ", "Начислено",
              "заморозки", "На банковскую карту", "1000 руб."]


def test_handout_is_personalised(demo: Demo, session, tmp_path: Path) -> None:
    org = org_by_code(session, demo.primary)
    members = [m for m in active_members(session, [org.id]) if m.card_number][:2]
    members += [m for m in active_members(session, [org.id]) if not m.card_number][:1]
    out = tmp_path / "handout.pdf"
    assert write_handouts(out, members, orgs_by_id(session, [org.id])) == 3
    texts = pages(out)
    assert len(texts) == 3
    for page, member in zip(texts, members, strict=True):
        assert member.full_name in page
        for fact in SEED_FACTS:
            assert fact in page, fact
        if member.card_number:
            assert member.card_number in page
        else:
            assert handout_text()["card_unknown"] in page
        assert org.name.split()[0] in page
    assert all(r["emb"] == "yes" for r in fonts(out))


def test_blank_handout_has_no_personal_data(demo: Demo, session, tmp_path: Path) -> None:
    org = org_by_code(session, demo.primary)
    out = tmp_path / "blank.pdf"
    assert write_handouts(out, [], orgs_by_id(session, [org.id])) == 1
    body = pdf_text(out)
    assert "Уважаем" not in body and "Номер профсоюзного билета (логин)" in body
    assert page_count(out) == 1


def test_handover_from_received_cards(demo: Demo, session, tmp_path: Path) -> None:
    org = org_by_code(session, demo.territorial)
    cards = received_cards(session, scope_ids(session, org.id))
    assert cards and all(c.card_number for c in cards)
    orgs = orgs_by_id(session, sorted({c.member.org_id for c in cards}))
    out = tmp_path / "handover.pdf"
    assert write_handover(out, cards, orgs, on=date(2026, 11, 5)) == len(cards)
    body = pdf_text(out)
    for header in HEADER:
        assert header in body
    for card in cards:
        assert card.member.full_name in body and card.card_number in body
    texts = pages(out)
    starts = [t for t in texts if "ВЕДОМОСТЬ" in t]
    assert len(starts) == len(orgs), "one sheet per organisation, each on a new page"
    for org_info in orgs.values():
        assert any(org_info.code in t for t in starts)
    assert "05.11.2026" in body


def test_handover_from_chosen_members(demo: Demo, session, tmp_path: Path) -> None:
    org = org_by_code(session, demo.primary)
    members = active_members(session, [org.id])[:3]
    out = tmp_path / "chosen.pdf"
    write_handover(out, cards_of_members(members), orgs_by_id(session, [org.id]))
    body = pdf_text(out)
    assert all(m.full_name in body for m in members)
    assert "Всего в ведомости: 3 билета" in body


def test_empty_handover_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        write_handover(tmp_path / "x.pdf", [], {})
