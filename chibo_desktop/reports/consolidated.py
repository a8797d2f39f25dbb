"""The upper level's consolidated report: one row per branch and the total, landscape, as PDF or workbook."""

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from chibo_desktop.domain.documents import ConsolidatedData
from chibo_desktop.reports.layout import DocumentStyle, build_pdf, esc, frame_width, header_block, styles


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
    """*texts* as cells in *style*; the same text is read once (a 23-column table of 80 branches repeats its
    figures: "0", "–", "100 %")."""
    cells: list[Flowable] = []
    for text in texts:
        key = (text, style.name)
        if key not in parsed:
            parsed[key] = _Cell(esc(text), style).frags
        cells.append(_Cell(esc(text), style, frags=parsed[key]))
    return cells


def _widths(data: ConsolidatedData, width: float) -> list[float]:
    """The branch's name a fixed share; every other column as wide as its longest figure (a number or a percentage
    cannot wrap: "100,2 %" split over two lines reads as two figures) and its heading's longest word, then all of
    them widened or narrowed alike to fill the page."""
    first = 28 * mm
    digit, letter = 1.5 * mm, 1.75 * mm  # at 8 points
    want = []
    for n in range(1, len(data.headings)):
        cells = [row[n] for row in (*data.rows, data.total)]
        figure = max((len(v) for v in cells), default=1) * digit
        word = max(len(w) for w in data.headings[n].split()) * letter
        want.append(max(figure, word, 7 * mm) + 2 * mm)
    scale = (width - first) / sum(want)
    return [first] + [w * scale for w in want]


def consolidated_pdf(data: ConsolidatedData, out: Path, style: DocumentStyle | None = None) -> Path:
    style = style or DocumentStyle(landscape=True, left_mm=12, right_mm=10, top_mm=15, bottom_mm=15)
    width = frame_width(style)
    s = styles(style)
    small = s["cell"].clone("tiny", fontSize=8, leading=9.5)
    small_center = s["cell_center"].clone("tiny_center", fontSize=8, leading=9.5)
    head = s["cell_head"].clone("tiny_head", fontSize=8, leading=9.5)
    story: list[Flowable] = [header_block(data.header, style, width)]
    story.append(Paragraph(esc(data.title), s["title"]))
    story.append(Paragraph(esc(data.period_line), s["subtitle"]))
    story.append(Spacer(1, 3 * mm))
    parsed: dict[tuple[str, str], Any] = {}
    rows = [_cells(data.headings, head, parsed)]
    for row in (*data.rows, data.total):
        rows.append(_cells(row[:1], small, parsed) + _cells(row[1:], small_center, parsed))
    widths = _widths(data, width)
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 1),
                ("RIGHTPADDING", (0, 0), (-1, -1), 1),
                ("BACKGROUND", (0, -1), (-1, -1), colors.Color(0.93, 0.93, 0.93)),
            ]
        )
    )
    story.append(table)
    story.append(Spacer(1, 4 * mm))
    story.append(
        Paragraph(
            esc(
                "Bình quân tỷ lệ các buổi: trung bình tỷ lệ có mặt của từng buổi sinh hoạt. Tỷ lệ dự theo lượt đảng "
                "viên: tổng số lượt có mặt ÷ tổng số lượt phải dự; dòng “Toàn đảng bộ” tính theo cách này trên tất cả "
                "các chi bộ (chi bộ đông đảng viên có trọng số lớn hơn)."
            ),
            s["body"],
        )
    )
    story.append(Paragraph(esc(data.not_sent_line), s["body"]))
    story.append(
        Paragraph(
            esc("Có buổi sinh hoạt dưới ngưỡng: " + ("; ".join(data.below_bar) if data.below_bar else "không có.")),
            s["body"],
        )
    )
    story.append(Paragraph(esc(data.conflicts_line), s["body"]))
    if data.review_rows:
        story.append(Spacer(1, 5 * mm))
        story.append(Paragraph(esc(data.review_title), s["summary"]))
        story.append(Spacer(1, 2 * mm))
        rows = [_cells(data.review_headings, head, parsed)]
        for row in data.review_rows:
            rows.append(_cells(row[:1], small, parsed) + _cells(row[1:], small_center, parsed))
        rest = (width - 45 * mm) / (len(data.review_headings) - 1)
        review = Table(rows, colWidths=[45 * mm] + [rest] * (len(data.review_headings) - 1), repeatRows=1)
        review.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("BACKGROUND", (0, -1), (-1, -1), colors.Color(0.93, 0.93, 0.93)),
                ]
            )
        )
        story.append(review)
    return build_pdf(out, story, style, data.title, data.header.branch_name)
