"""What the rest of the app names from ``reports/`` without loading reportlab: the page settings a document is
laid out with, and the signal that a long document was cancelled. The renderers themselves (and reportlab, a
third of a second to import) are loaded only when something is printed."""

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

A4_POINTS = (595.2755905511812, 841.8897637795277)  # reportlab.lib.pagesizes.A4: 210 × 297 mm in points


class BookCancelledError(Exception):
    """The user cancelled building the book; nothing was written."""


@dataclass(frozen=True)
class DocumentStyle:
    top_mm: float = 20
    bottom_mm: float = 20
    left_mm: float = 30
    right_mm: float = 15
    body_pt: float = 14
    party_pt: float = 15
    title_pt: float = 15
    landscape: bool = False

    @property
    def pagesize(self) -> tuple[float, float]:
        width, height = A4_POINTS
        return (height, width) if self.landscape else (width, height)

    @staticmethod
    def from_setting(value: Mapping[str, Any], landscape: bool = False) -> "DocumentStyle":
        """From the dated rule "document.layout": {"top_mm": 20, …, "body_pt": 14, …}; unknown keys are ignored,
        missing ones keep the HD 36 defaults."""
        known = {f.name for f in fields(DocumentStyle)} - {"landscape"}
        chosen = {key: float(v) for key, v in value.items() if key in known}
        return replace(DocumentStyle(), landscape=landscape, **chosen)

    def turned(self) -> "DocumentStyle":
        """The same settings on a landscape page (registers, lists)."""
        return replace(self, landscape=True)
