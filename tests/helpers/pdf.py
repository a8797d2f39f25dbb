"""Reading a printed document back as text, as the PDF tests check what a reader would see."""

import unicodedata
from pathlib import Path

from pypdf import PdfReader


def pdf_text(path: Path) -> str:
    return unicodedata.normalize("NFC", "\n".join(page.extract_text() for page in PdfReader(path).pages))


def flat(text: str) -> str:
    """The text with every run of white space made one space (line breaks fall where the layout puts them)."""
    return " ".join(text.split())
