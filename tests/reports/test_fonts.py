"""The bundled fonts: present with their licence, registered, embedded as subsets."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from reports.fonts import SANS, SERIF, register_fonts
from reports.resources import resource
from tests.reports.pdftools import fonts, pdf_text


def test_licence_travels_with_the_fonts() -> None:
    licence = resource("fonts", "pt", "LICENSE.txt").read_text(encoding="utf-8")
    assert "ParaType" in licence and "embedding in documents" in licence
    assert len(list(resource("fonts", "pt").glob("*.ttf"))) == 8


def test_cyrillic_text_is_embedded_and_extractable(tmp_path: Path) -> None:
    register_fonts()
    register_fonts()  # idempotent
    out = tmp_path / "f.pdf"
    canvas = Canvas(str(out), initialFontName=SERIF)
    for n, name in enumerate((SERIF, f"{SERIF}-Bold", SANS, f"{SANS}-Italic")):
        canvas.setFont(name, 12)
        canvas.drawString(72, 700 - 20 * n, "Съешь же ещё этих мягких французских булок, ёж")
        assert pdfmetrics.getFont(name).face.name
    canvas.save()
    assert pdf_text(out).count("Съешь же ещё этих мягких французских булок, ёж") == 4
    rows = fonts(out)
    assert len(rows) == 4 and all(r["emb"] == "yes" and r["sub"] == "yes" for r in rows)
