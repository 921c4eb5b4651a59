"""Consent PDFs read back with pdftotext: all nine elements of 152-ФЗ art. 9 part 4."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from chairclient.db.models import Member
from chairclient.services.members import CONSENT_TEMPLATE_VERSION
from reports.data.orgs import operator_info, org_by_code
from reports.pdf.consent import ConsentBatch, consent_template, load_consent_batch, write_consents
from tests.reports.conftest import Demo
from tests.reports.pdftools import fonts, page_count, pages, pdf_text, render

#: Headings of the nine required elements, as printed (DOMAIN.md, consent section).
ELEMENTS = [
    "1. Субъект персональных данных",
    "2. Представитель субъекта персональных данных",
    "3. Оператор персональных данных",
    "4. Цель обработки персональных данных",
    "5. Перечень персональных данных",
    "6. Лица, осуществляющие обработку персональных данных по поручению оператора",
    "7. Перечень действий с персональными данными и общее описание способов обработки",
    "8. Срок действия согласия и порядок его отзыва",
    "9. Подпись субъекта персональных данных (представителя) и дата",
]
#: Blanks for the passport and representative data (filled by hand).
BLANKS = ["документ, удостоверяющий личность", "серия", "номер", "дата выдачи", "кем выдан",
          "код подразделения", "ФИО представителя", "документ, подтверждающий полномочия",
          "подпись", "расшифровка подписи"]


@pytest.fixture(scope="module")
def batch(demo: Demo) -> ConsentBatch:
    with demo.db.session() as s:
        org = org_by_code(s, demo.primary)
        return load_consent_batch(s, org.id)


@pytest.fixture(scope="module")
def batch_pdf(batch: ConsentBatch, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("consent") / "batch.pdf"
    assert write_consents(out, batch) == len(batch.members)
    return out


def test_template_version_is_the_one_stored_on_records() -> None:
    assert consent_template()["version"] == CONSENT_TEMPLATE_VERSION


def test_single_consent_has_every_element(demo: Demo, session, tmp_path: Path) -> None:
    org = org_by_code(session, demo.primary)
    member = session.scalars(select(Member).where(Member.org_id == org.id,
                                                  Member.address.is_not(None))).first()
    batch = load_consent_batch(session, org.id, [member.id])
    out = tmp_path / "one.pdf"
    write_consents(out, batch)
    body = pdf_text(out)
    for heading in ELEMENTS + BLANKS:
        assert heading in body, heading
    full_name = " ".join(p for p in (member.last_name, member.first_name, member.patronymic) if p)
    assert full_name in body
    assert member.address.split(",")[0] in body
    assert f"версия {CONSENT_TEMPLATE_VERSION}" in body
    info = operator_info(session, org.id)
    assert info.operator is not None and info.operator.name in body
    assert info.operator.address in body
    assert len(info.processors) >= 1
    for party in info.processors:
        assert party.name in body and party.address in body
    assert org.name in body
    assert page_count(out) == 1, "a consent fits one page"


def test_batch_each_consent_starts_on_a_new_page(batch: ConsentBatch, batch_pdf: Path) -> None:
    texts = pages(batch_pdf)
    starts = [i for i, t in enumerate(texts) if "СОГЛАСИЕ на обработку" in t]
    assert len(starts) == len(batch.members) >= 3
    for index, member in zip(starts, batch.members, strict=True):
        page = texts[index]
        assert page.index("СОГЛАСИЕ") < page.index(member.full_name)
        assert "1. Субъект персональных данных" in page
    assert all(t.strip() for t in texts)


def test_fonts_are_embedded_subsets(batch_pdf: Path) -> None:
    rows = fonts(batch_pdf)
    assert rows and all(r["emb"] == "yes" and r["sub"] == "yes" for r in rows), rows
    assert not any("Helvetica" in r["name"] for r in rows)


def test_page_renders(batch_pdf: Path, tmp_path: Path) -> None:
    png = render(batch_pdf, tmp_path / "page", dpi=40)
    image = Image.open(png).convert("L")
    assert image.size[0] < image.size[1], "A4 portrait"
    dark = sum(image.histogram()[:128])
    assert dark > 0.01 * image.size[0] * image.size[1], "the page has text on it"


def test_missing_operator_prints_blanks_and_warns(demo: Demo, session, tmp_path: Path) -> None:
    org = org_by_code(session, demo.primary)
    batch = load_consent_batch(session, org.id)
    empty = {oid: type(info)(None, []) for oid, info in batch.operators.items()}
    bare = ConsentBatch(batch.members[:1], batch.orgs, empty)
    out = tmp_path / "bare.pdf"
    write_consents(out, bare)
    body = pdf_text(out)
    assert "наименование оператора" in body and "адрес оператора" in body
    assert len(bare.warnings()) == 2 and "оператор" in bare.warnings()[0]


def test_markup_in_names_is_printed_literally(demo: Demo, session, tmp_path: Path) -> None:
    org = org_by_code(session, demo.primary)
    batch = load_consent_batch(session, org.id)
    member = batch.members[0]
    odd = type(member)(**{**member.__dict__, "address": "ул. <Мира> & Co, д. 1"})
    write_consents(tmp_path / "odd.pdf", ConsentBatch([odd], batch.orgs, batch.operators))
    assert "ул. <Мира> & Co, д. 1" in pdf_text(tmp_path / "odd.pdf")


def test_empty_batch_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="Нет членов"):
        write_consents(tmp_path / "none.pdf", ConsentBatch([], {}, {}))
    assert not (tmp_path / "none.pdf").exists()
    assert list(tmp_path.iterdir()) == []


def test_progress_and_cancel_leave_no_file(batch: ConsentBatch, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []

    class Cancelled(Exception):
        pass

    def progress(done: int, total: int) -> None:
        calls.append((done, total))
        if done == 2:
            raise Cancelled

    out = tmp_path / "cancelled.pdf"
    with pytest.raises(Cancelled):
        write_consents(out, batch, progress=progress)
    assert calls[:3] == [(0, len(batch.members)), (1, len(batch.members)), (2, len(batch.members))]
    assert list(tmp_path.iterdir()) == []


def test_union_wide_contractors_are_on_every_consent(demo: Demo, session, tmp_path: Path
                                                     ) -> None:
    org = org_by_code(session, demo.primary)
    info = operator_info(session, org.id)
    names = [p.name for p in info.processors]
    assert names[:2] == ["ООО «ФИНФОРТ»", "ООО «Интернет Медиа»"]
    assert len(names) == len(set(names))
    batch = load_consent_batch(session, org.id)
    out = tmp_path / "contractors.pdf"
    write_consents(out, ConsentBatch(batch.members[:1], batch.orgs, batch.operators))
    body = " ".join(pdf_text(out).split())
    assert "6.1. ООО «ФИНФОРТ» (оператор системы ПРОФКАРДС" in body
    assert "6.2. ООО «Интернет Медиа» (изготовление электронных профсоюзных билетов)" in body


def test_data_list_names_the_identity_document_and_the_term_says_what_happens(
        demo: Demo, session, tmp_path: Path) -> None:
    texts = consent_template()["texts"]
    data = " ".join(texts["data"].split())
    assert "документа, удостоверяющего личность, наименование и код подразделения" in data
    for promise in ("следующей ежедневной выгрузкой", "тридцати дней с даты отзыва",
                    "номер телефона, адрес электронной почты, адрес места жительства",
                    "не состоит на учёте, — и СНИЛС"):
        assert promise in " ".join(texts["term"].split()), promise


def test_a_member_under_18_gets_the_representative_section_required(
        demo: Demo, session, tmp_path: Path) -> None:
    from datetime import date

    org = org_by_code(session, demo.primary)
    batch = load_consent_batch(session, org.id)
    adult = batch.members[0]
    minor = type(adult)(**{**adult.__dict__, "birth_date": date(2010, 6, 1)})
    turned_18 = type(adult)(**{**adult.__dict__, "birth_date": date(2008, 6, 1)})
    for member, required in ((minor, True), (turned_18, False), (adult, False)):
        out = tmp_path / f"{required}-{member.birth_date}.pdf"
        write_consents(out, ConsentBatch([member], batch.orgs, batch.operators),
                       today=date(2026, 6, 1))
        body = " ".join(pdf_text(out).split())
        assert ("ОБЯЗАТЕЛЬНО К ЗАПОЛНЕНИЮ: члену Профсоюза не исполнилось 18 лет" in body) \
            == required, member.birth_date
        assert ("Подпись представителя" in body) == required
        assert ("заполняется, только если согласие даёт представитель" in body) != required
        assert page_count(out) == 1, "a consent fits one page"
