"""The Party document layout shared by every print: page, margins, fonts, header, signatures, page numbers, and
writing the PDF.

Defaults follow HD 36-HD/VPTW (A4; top 20, bottom 20, left 30, right 15 mm; 14 pt body; "ĐẢNG CỘNG SẢN VIỆT
NAM" 15 pt bold with a rule under it as long as the text; page numbers from page 2, centred at the top).
"""

import re
from pathlib import Path
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    FrameBreak,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from chibo_desktop.domain.dates import document_date
from chibo_desktop.domain.documents import DocumentHeader
from chibo_desktop.domain.text import nfc
from chibo_desktop.files import replace_atomically
from chibo_desktop.reports.api import DocumentStyle
from chibo_desktop.reports.fonts import SERIF, register_fonts


def styles(style: DocumentStyle) -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("body", fontName=SERIF, fontSize=style.body_pt, leading=style.body_pt * 1.3)
    return {
        "body": body,
        "upper": ParagraphStyle("upper", parent=body, alignment=TA_CENTER),
        "branch": ParagraphStyle("branch", parent=body, fontName=f"{SERIF}-Bold", alignment=TA_CENTER),
        "party": ParagraphStyle(
            "party", parent=body, fontName=f"{SERIF}-Bold", fontSize=style.party_pt, alignment=TA_CENTER
        ),
        "dateline": ParagraphStyle("dateline", parent=body, fontName=f"{SERIF}-Italic", alignment=TA_CENTER),
        "title": ParagraphStyle(
            "title",
            parent=body,
            fontName=f"{SERIF}-Bold",
            fontSize=style.title_pt + 1,
            leading=(style.title_pt + 1) * 1.3,
            alignment=TA_CENTER,
            spaceBefore=12,
        ),
        "subtitle": ParagraphStyle("subtitle", parent=body, fontName=f"{SERIF}-Italic", alignment=TA_CENTER),
        "summary": ParagraphStyle("summary", parent=body, fontName=f"{SERIF}-Bold", alignment=TA_CENTER),
        "cell": ParagraphStyle("cell", parent=body, fontSize=10.5, leading=12.5, alignment=TA_LEFT),
        "cell_center": ParagraphStyle("cell_center", parent=body, fontSize=10.5, leading=12.5, alignment=TA_CENTER),
        "cell_head": ParagraphStyle(
            "cell_head", parent=body, fontName=f"{SERIF}-Bold", fontSize=10.5, leading=12.5, alignment=TA_CENTER
        ),
        "sign_title": ParagraphStyle("sign_title", parent=body, fontName=f"{SERIF}-Bold", alignment=TA_CENTER),
        "sign_name": ParagraphStyle("sign_name", parent=body, fontName=f"{SERIF}-Bold", alignment=TA_CENTER),
    }


_NAMESAKE_MARK = re.compile(r"\((sinh|thẻ) (?=\d)")  # "(sinh 1985)", "(thẻ 01-000123)": see domain/namesakes


def esc(text: str) -> str:
    """NFC text made safe for a reportlab Paragraph. What tells a member from another of the same name is held on
    one line: a narrow cell wraps "Nguyễn Văn An" above "(sinh 1985)", never "(sinh" above "1985)"."""
    safe = nfc(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _NAMESAKE_MARK.sub("(\\1\u00a0", safe)


class RuledText(Flowable):
    """A centred line of bold text with a rule under it exactly as long as the text."""

    def __init__(self, text: str, font: str, size: float, width: float) -> None:
        super().__init__()
        self.text = text
        self.font = font
        self.size = size
        self.width = width
        self.height = size * 1.6

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        text_width = stringWidth(self.text, self.font, self.size)
        x = (self.width - text_width) / 2
        self.canv.setFont(self.font, self.size)
        self.canv.drawString(x, self.size * 0.5, self.text)
        self.canv.setLineWidth(0.8)
        self.canv.line(x, self.size * 0.3, x + text_width, self.size * 0.3)


def layout_table(cells: list[list[Any]], widths: list[float]) -> Table:
    """Columns side by side, flush with the margins and aligned at the top: for placing blocks, not for figures."""
    table = Table(cells, colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def header_block(header: DocumentHeader, style: DocumentStyle, frame_width: float) -> Table:
    """The two-column heading of a branch document, with the place and date line under the right column."""
    s = styles(style)
    left_width = frame_width * 0.45
    right_width = frame_width - left_width
    left = [
        Paragraph(esc(header.upper_name.upper()), s["upper"]),
        Paragraph(esc(header.branch_name.upper()), s["branch"]),
        Paragraph("*", s["upper"]),
    ]
    right = [
        RuledText("ĐẢNG CỘNG SẢN VIỆT NAM", f"{SERIF}-Bold", style.party_pt, right_width - 6),
        Paragraph(esc(f"{header.place_name}, {document_date(header.on)}"), s["dateline"]),
    ]
    return layout_table([[left, right]], [left_width, right_width])


def page_number_from_two(style: DocumentStyle) -> "PageDecorator":
    return PageDecorator(style)


class PageDecorator:
    """Draws the page number, centred at the top, on every page but the first."""

    def __init__(self, style: DocumentStyle) -> None:
        self.style = style

    def __call__(self, canvas: Canvas, doc: object) -> None:
        page = canvas.getPageNumber()
        if page < 2:
            return
        width, height = self.style.pagesize
        canvas.saveState()
        canvas.setFont(SERIF, 13)
        canvas.drawCentredString(
            self.style.left_mm * mm + (width - (self.style.left_mm + self.style.right_mm) * mm) / 2,
            height - self.style.top_mm * mm * 0.6,
            str(page),
        )
        canvas.restoreState()


DRAFT_NOTE = "DỰ THẢO — Dự thảo, chưa được chi bộ thông qua; không thay cho biên bản chính thức."


class DraftMark(Flowable):
    """An invisible mark in the story: the pages from here on hold draft minutes (``draft=True``) or not. The
    document template draws the draft note on every page that holds any draft."""

    def __init__(self, draft: bool) -> None:
        super().__init__()
        self.draft = draft

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        return None


class PartyDocTemplate(SimpleDocTemplate):
    """The page template of every document: it follows the story's ``DraftMark``s and, at the end of each page
    that held draft minutes, writes "DỰ THẢO" across the page and the draft note at its foot."""

    def beforeDocument(self) -> None:
        self._draft_now = False
        self._draft_on_page = False

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, DraftMark):
            self._draft_now = flowable.draft
            self._draft_on_page = self._draft_on_page or flowable.draft

    def afterPage(self) -> None:
        if self._draft_on_page:
            draw_draft_note(self.canv, self.pagesize, self.leftMargin, self.rightMargin, self.bottomMargin)
        self._draft_on_page = self._draft_now


def draw_draft_note(canvas: Canvas, pagesize: tuple[float, float], left: float, right: float, bottom: float) -> None:
    width, height = pagesize
    canvas.saveState()
    canvas.setFillColorRGB(0.55, 0.55, 0.55, alpha=0.18)
    canvas.setFont(f"{SERIF}-Bold", 96)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(45)
    canvas.drawCentredString(0, -32, "DỰ THẢO")
    canvas.restoreState()
    canvas.saveState()
    canvas.setFont(f"{SERIF}-Italic", 11)
    canvas.drawCentredString(left + (width - left - right) / 2, bottom * 0.45, DRAFT_NOTE)
    canvas.restoreState()


def signed(closing: list[Flowable], signature_block: Flowable) -> KeepTogether:
    """The signatures kept on one page with the closing lines they sign under: a page never holds only them."""
    return KeepTogether([*closing, Spacer(1, 6 * mm), signature_block])


class SignedAfterText(KeepTogether):
    """The end of a document signed under its text: the last paragraph of the text (after *lead*, the headings right
    above it), the *closing* lines and the signature block. When they do not all fit on the page, the paragraph is
    split so that its last *lines* go over with the signatures: a page never starts with the closing and the
    signatures alone, and a long paragraph still fills the page it starts on. A paragraph too short to split goes
    over whole, with its headings."""

    def __init__(
        self, lead: list[Flowable], last: Paragraph, closing: list[Flowable], signature_block: Flowable, lines: int = 2
    ) -> None:
        self._lead, self._last, self._lines = lead, last, lines
        self._closing, self._signatures = closing, signature_block
        super().__init__([*lead, last, *closing, Spacer(1, 6 * mm), signature_block])

    def split(self, width: float, height: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (width, height):
            self.wrap(width, height)
        whole: float = self._H  # set by wrap: the height of everything kept together
        if whole > height:
            lead = sum(
                f.wrapOn(self.canv, width, height)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in self._lead
            )
            last = self._last.wrapOn(self.canv, width, height)[1]
            first_part = min(height - lead, last - self._lines * self._last.style.leading - 1)
            pieces = self._last.split(width, first_part) if first_part > 0 else []
            if len(pieces) == 2:
                rest = SignedAfterText([], pieces[1], self._closing, self._signatures, self._lines)
                return [*self._lead, pieces[0], rest]
        return list(super().split(width, height))


class SignedAfterTable(KeepTogether):
    """The end of a document signed under a table: the *table*, the *closing* lines (a balance, a total) and the
    signature block. When they do not all fit on the page, the table is split so that its last *rows* go over with
    the closing and the signatures, under the table's repeated heading: a page never holds the closing and the
    signatures alone, and a long table still fills the page it starts on."""

    def __init__(self, table: Table, closing: list[Flowable], signature_block: Flowable, rows: int = 2) -> None:
        self._table, self._rows = table, rows
        self._closing, self._signatures = closing, signature_block
        super().__init__([table, *closing, Spacer(1, 6 * mm), signature_block])

    def split(self, width: float, height: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (width, height):
            self.wrap(width, height)
        whole: float = self._H  # set by wrap: the height of everything kept together
        if whole > height:
            table = self._table.wrapOn(self.canv, width, height)[1]
            last = sum(self._table._rowHeights[-self._rows :])
            first_part = min(height, table - last - 1)
            pieces = self._table.split(width, first_part) if first_part > 0 else []
            if len(pieces) == 2:  # the rest never fits under the first piece: it starts the next page
                rest = SignedAfterTable(pieces[1], self._closing, self._signatures, self._rows)
                return [pieces[0], FrameBreak(), rest]
        return list(super().split(width, height))


def signatures(secretary: str, chair: str, style: DocumentStyle, frame_width: float) -> Table:
    """THƯ KÝ on the left, CHỦ TRÌ on the right, names under the space for the hand signature."""
    return signature_columns([(("THƯ KÝ",), secretary), (("CHỦ TRÌ",), chair)], style, frame_width)


def signature_columns(columns: list[tuple[tuple[str, ...], str]], style: DocumentStyle, frame_width: float) -> Table:
    """Side by side, for each signer: the titles ("T/M CHI BỘ", "BÍ THƯ"), "(Ký, ghi rõ họ tên)", the space for
    the hand signature, and the name (left blank to write when not known)."""
    s = styles(style)
    width = frame_width / len(columns)
    cells = [
        [Paragraph("<br/>".join(esc(t) for t in titles), s["sign_title"]) for titles, _name in columns],
        [Paragraph("<i>(Ký, ghi rõ họ tên)</i>", s["upper"]) for _column in columns],
        [Spacer(1, 22 * mm) for _column in columns],
        [Paragraph(esc(name), s["sign_name"]) for _titles, name in columns],
    ]
    return layout_table(cells, [width] * len(columns))


def build_pdf(out: Path, story: list[Flowable], style: DocumentStyle, title: str, author: str) -> Path:
    """Write *story* to *out* through a temporary file: a failed print never leaves half a PDF."""
    out.parent.mkdir(parents=True, exist_ok=True)

    def write(temporary: Path) -> None:
        doc = PartyDocTemplate(
            str(temporary),
            pagesize=style.pagesize,
            leftMargin=style.left_mm * mm,
            rightMargin=style.right_mm * mm,
            topMargin=style.top_mm * mm,
            bottomMargin=style.bottom_mm * mm,
            title=title,
            author=author,
        )
        decorate = PageDecorator(style)
        doc.build(story, onFirstPage=decorate, onLaterPages=decorate)

    return replace_atomically(out, write)


def frame_width(style: DocumentStyle) -> float:
    return style.pagesize[0] - (style.left_mm + style.right_mm) * mm
