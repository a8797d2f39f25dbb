"""The upper level's consolidated report: one row per branch and the total, landscape, as PDF or workbook."""

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table, TableStyle

from chibo_desktop.domain.documents import ColumnGroup, ConsolidatedData
from chibo_desktop.domain.text import nfc
from chibo_desktop.reports.fonts import SERIF
from chibo_desktop.reports.layout import DocumentStyle, build_pdf, esc, frame_width, header_block, styles

ROMAN = ("I", "II", "III", "IV", "V")


class _Cell(Paragraph):
    """A table cell's text, its lines broken once per width: a table asks each cell its size again to split its
    rows over pages and again to draw it, and the same text always breaks into the same lines."""

    _wrapped: tuple[float, tuple[float, float], Any, list[float]] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (reportlab's names)
        if self._wrapped is not None and self._wrapped[0] == availWidth:
            _width, size, self.blPara, self._wrapWidths = self._wrapped
            self.width, self.height = size
            return size
        size = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, size, self.blPara, self._wrapWidths)
        return size


def _cells(texts: Iterable[str], style: ParagraphStyle, parsed: dict[tuple[str, str], Any]) -> list[Flowable]:
    """*texts* as cells in *style*; the same text is read once (the tables of 80 branches repeat their figures:
    "0", "–", "100 %")."""
    cells: list[Flowable] = []
    for text in texts:
        key = (text, style.name)
        if key not in parsed:
            parsed[key] = _Cell(esc(text), style).frags
        cells.append(_Cell(esc(text), style, frags=parsed[key]))
    return cells


PADDING = 3  # points either side of a cell's text
# a table's title starts a new page unless its headings and a few rows fit under it (not a title alone at the foot
# of a page; not a page left empty because the whole table cannot fit on it)
TITLE_WITH_ROWS = 60 * mm


def _widths(names: list[str], columns: list[tuple[str, list[str]]], width: float, size: float) -> list[float]:
    """The branch's name as wide as the longest (within bounds: a long one wraps); every other column as wide as
    its longest figure (a figure is not wrapped: "100,2 %" split over two lines reads as two figures, and "số 3,
    22/11/2026" on two lines makes every row twice as tall) and its heading's longest word, then all of them
    widened or narrowed alike to fill the page."""
    bold = f"{SERIF}-Bold"

    def _text_width(text: str, font: str) -> float:
        return stringWidth(nfc(text), font, size)

    first = max(_text_width(n, SERIF) for n in names) + 2 * PADDING
    first = min(max(first, 30 * mm), 48 * mm)
    want = []
    for label, cells in columns:
        figure = max((_text_width(v, SERIF) for v in cells), default=0)
        word = max((_text_width(w, bold) for w in label.split()), default=0)
        want.append(max(figure, word, 8 * mm) + 2 * PADDING)
    scale = (width - first) / sum(want)
    return [first] + [w * scale for w in want]


def _table(
    corner: str,
    groups: Sequence[ColumnGroup],
    rows: Sequence[tuple[str, ...]],
    money: Sequence[int],
    width: float,
    s: dict[str, ParagraphStyle],
    parsed: dict[tuple[str, str], Any],
) -> Table:
    """One printed table: the branch's name, then *groups* of columns under their headings (two heading rows when
    any group has one), a row per branch and the total row last, shaded."""
    columns = [c for g in groups for c in g.columns]
    labels = [label for g in groups for label in g.labels]
    two = any(g.heading for g in groups)
    head, cell, centre = s["cell_head"], s["cell"], s["cell_center"]
    right = centre.clone("cell_right", alignment=TA_RIGHT)
    blank = Paragraph("", head)
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("BACKGROUND", (0, -1), (-1, -1), colors.Color(0.93, 0.93, 0.93)),
    ]
    if two:
        top: list[Flowable] = [*_cells([corner], head, parsed)]
        under: list[Flowable] = [blank]
        commands.append(("SPAN", (0, 0), (0, 1)))
        at = 1
        for g in groups:
            if g.heading:
                top += _cells([g.heading], head, parsed) + [blank] * (len(g.columns) - 1)
                under += _cells(g.labels, head, parsed)
                commands.append(("SPAN", (at, 0), (at + len(g.columns) - 1, 0)))
            else:
                top += _cells(g.labels, head, parsed)
                under += [blank] * len(g.columns)
                commands += [("SPAN", (at + n, 0), (at + n, 1)) for n in range(len(g.columns))]
            at += len(g.columns)
        table_rows = [top, under]
    else:
        table_rows = [_cells([corner, *labels], head, parsed)]
    for row in rows:
        figures = [_cells([row[c]], right if c in money else centre, parsed)[0] for c in columns]
        table_rows.append(_cells(row[:1], cell, parsed) + figures)
    widths = _widths(
        [r[0] for r in rows],
        [(label, [r[c] for r in rows]) for label, c in zip(labels, columns, strict=True)],
        width,
        cell.fontSize,  # the figures at the size of every other document's tables
    )
    table = Table(table_rows, colWidths=widths, repeatRows=2 if two else 1)
    table.setStyle(TableStyle(commands))
    return table


def consolidated_pdf(data: ConsolidatedData, out: Path, style: DocumentStyle | None = None) -> Path:
    """The report on an A4 landscape page in the Party's document format (HD 36's margins and header): the
    columns in the tables of ``data.parts``, each with the branches' names, at the size of every other table's
    figures; the review in a table of its own."""
    style = style or DocumentStyle().turned()
    width = frame_width(style)
    s = styles(style)
    section = ParagraphStyle("section", parent=s["summary"], alignment=TA_LEFT, spaceBefore=8, spaceAfter=4)
    story: list[Flowable] = [header_block(data.header, style, width)]
    story.append(Paragraph(esc(data.title), s["title"]))
    story.append(Paragraph(esc(data.period_line), s["subtitle"]))
    story.append(Spacer(1, 2 * mm))
    parsed: dict[tuple[str, str], Any] = {}
    rows = (*data.rows, data.total)
    notes = {  # what is said under each table: the meetings' notes under the first, the packages' under the second
        0: [
            "Bình quân tỷ lệ các buổi: trung bình tỷ lệ có mặt của từng buổi sinh hoạt. Tỷ lệ dự theo lượt đảng "
            "viên: tổng số lượt có mặt ÷ tổng số lượt phải dự; dòng “Toàn đảng bộ” tính theo cách này trên tất cả "
            "các chi bộ (chi bộ đông đảng viên có trọng số lớn hơn).",
            "Có buổi sinh hoạt dưới ngưỡng: " + ("; ".join(data.below_bar) if data.below_bar else "không có."),
        ],
        1: [data.not_sent_line, data.conflicts_line],
    }
    numbers = iter(ROMAN)
    for n, part in enumerate(data.parts):
        story.append(CondPageBreak(TITLE_WITH_ROWS))
        story.append(Paragraph(esc(f"{next(numbers)}. {part.title}"), section))
        story.append(_table(data.headings[0], part.groups, rows, data.money_columns, width, s, parsed))
        story.append(Spacer(1, 2 * mm))
        story += [Paragraph(esc(line), s["body"]) for line in notes.get(n, [])]
    if data.review_rows:
        story.append(CondPageBreak(TITLE_WITH_ROWS))
        story.append(Paragraph(esc(f"{next(numbers)}. {data.review_title}"), section))
        alone = [ColumnGroup("", (n,), (h,)) for n, h in enumerate(data.review_headings) if n]
        story.append(_table(data.review_headings[0], alone, data.review_rows, (), width, s, parsed))
    return build_pdf(out, story, style, data.title, data.header.branch_name)
