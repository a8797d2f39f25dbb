"""The bundled serif (Liberation Serif 2.x, Times-metric, every Vietnamese letter), registered once."""

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from chibo_desktop.resources import resource

SERIF = "ChiboSerif"
FACES = {
    SERIF: "LiberationSerif-Regular.ttf",
    f"{SERIF}-Bold": "LiberationSerif-Bold.ttf",
    f"{SERIF}-Italic": "LiberationSerif-Italic.ttf",
    f"{SERIF}-BoldItalic": "LiberationSerif-BoldItalic.ttf",
}


@cache
def register_fonts() -> str:
    """Register the four faces under our own names (reportlab reuses a font silently when names clash)."""
    for name, filename in FACES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", filename))))
    addMapping(SERIF, 0, 0, SERIF)
    addMapping(SERIF, 1, 0, f"{SERIF}-Bold")
    addMapping(SERIF, 0, 1, f"{SERIF}-Italic")
    addMapping(SERIF, 1, 1, f"{SERIF}-BoldItalic")
    return SERIF


def missing_glyphs(text: str) -> set[str]:
    """Characters of *text* the bundled regular face cannot draw (white space aside)."""
    register_fonts()
    font = pdfmetrics.getFont(SERIF)
    widths = font.face.charWidths
    return {ch for ch in set(text) if not ch.isspace() and ord(ch) not in widths}
