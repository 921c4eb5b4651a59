"""The bundled Cyrillic fonts (PT Serif, PT Sans), registered with reportlab once.

reportlab embeds TrueType fonts as subsets, so each PDF carries only the glyphs it uses.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from reports.resources import resource

SERIF = "PTSerif"
SANS = "PTSans"

#: family → (regular, bold, italic, bold italic) file names under resources/fonts/pt/
_FAMILIES: dict[str, tuple[str, str, str, str]] = {
    SERIF: ("PTF55F.ttf", "PTF75F.ttf", "PTF56F.ttf", "PTF76F.ttf"),
    SANS: ("PTS55F.ttf", "PTS75F.ttf", "PTS56F.ttf", "PTS76F.ttf"),
}
_SUFFIXES = ("", "-Bold", "-Italic", "-BoldItalic")
_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register both families (idempotent, thread-safe); ``<b>``/``<i>`` map to the right file."""
    global _registered
    with _lock:
        if _registered:
            return
        for family, files in _FAMILIES.items():
            for suffix, file_name in zip(_SUFFIXES, files, strict=True):
                path = resource("fonts", "pt", file_name)
                pdfmetrics.registerFont(TTFont(family + suffix, str(path)))
            for (bold, italic), suffix in zip(
                ((0, 0), (1, 0), (0, 1), (1, 1)), _SUFFIXES, strict=True
            ):
                addMapping(family, bold, italic, family + suffix)
        _registered = True


def bold(family: str) -> str:
    """The bold face name of a registered family."""
    return family + "-Bold"


def italic(family: str) -> str:
    return family + "-Italic"
