"""Reading a printed document back as text, as the PDF tests check what a reader would see."""

import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pypdf import PdfReader


def pdf_text(path: Path) -> str:
    return unicodedata.normalize("NFC", "\n".join(page.extract_text() for page in PdfReader(path).pages))


def flat(text: str) -> str:
    """The text with every run of white space made one space (line breaks fall where the layout puts them)."""
    return " ".join(text.split())


@dataclass(frozen=True)
class PrintedText:
    """A piece of text as drawn on a page: where it starts (points from the page's bottom left), its type size as
    printed, and whether its face is bold."""

    page: int
    text: str
    x: float
    y: float
    size: float
    bold: bool


def printed_texts(path: Path) -> list[PrintedText]:
    """Every piece of text of the document, where and how large it is drawn (the text matrix and the page's
    transformation applied), in drawing order."""
    found: list[PrintedText] = []
    for number, page in enumerate(PdfReader(path).pages):

        def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float, number: int = number) -> None:
            if not text.strip():
                return
            a, b, c, d, e, f = (float(v) for v in tm)
            ca, cb, cc, cd, ce, cf = (float(v) for v in cm)
            scale = abs((a * ca + b * cc) * (c * cb + d * cd) - (a * cb + b * cd) * (c * ca + d * cc)) ** 0.5
            bold = font is not None and "Bold" in str(font.get("/BaseFont", ""))
            found.append(
                PrintedText(
                    number,
                    unicodedata.normalize("NFC", text.strip()),
                    e * ca + f * cc + ce,
                    e * cb + f * cd + cf,
                    round(size * scale, 2),
                    bold,
                )
            )

        page.extract_text(visitor_text=visit)
    return found


def printed_lines(path: Path) -> list[list[str]]:
    """The texts drawn on one baseline of a page, left to right, for each line in the order drawn: a table's row
    of figures reads as one line."""
    lines: dict[tuple[int, float], list[PrintedText]] = {}
    for text in printed_texts(path):
        lines.setdefault((text.page, round(text.y, 1)), []).append(text)
    return [[t.text for t in sorted(line, key=lambda t: t.x)] for line in lines.values()]
