"""The upper level's consolidated report: one row per branch and the total, landscape, as PDF or workbook."""

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from chibo_desktop.domain.documents import ConsolidatedData
from chibo_desktop.reports.layout import DocumentStyle, build_pdf, esc, frame_width, header_block, styles


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
    rows = [[Paragraph(esc(h), head) for h in data.headings]]
    for row in (*data.rows, data.total):
        rows.append([Paragraph(esc(row[0]), small)] + [Paragraph(esc(v), small_center) for v in row[1:]])
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
    story.append(
        Paragraph(
            esc("Chưa gửi dữ liệu trong kỳ: " + ("; ".join(data.not_sent) if data.not_sent else "không có.")), s["body"]
        )
    )
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
        rows = [[Paragraph(esc(h), head) for h in data.review_headings]]
        for row in data.review_rows:
            rows.append([Paragraph(esc(row[0]), small)] + [Paragraph(esc(v), small_center) for v in row[1:]])
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
