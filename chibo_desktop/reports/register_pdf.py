"""The attendance register of a year, landscape: members × months, the branch's ratios, summaries, warnings."""

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from chibo_desktop.domain.documents import RegisterData
from chibo_desktop.reports.layout import DocumentStyle, build_pdf, esc, frame_width, header_block, styles

LEGEND = (
    "Ký hiệu: x có mặt; M đến muộn; P vắng có lý do; K vắng không lý do; m miễn sinh hoạt; v tạm vắng; "
    "c đi công tác. Tỷ lệ = có mặt ÷ số phải dự."
)


def register_story(data: RegisterData, style: DocumentStyle, width: float) -> list[Flowable]:
    s = styles(style)
    small = s["cell"].clone("small", fontSize=9, leading=10.5)
    small_center = s["cell_center"].clone("small_center", fontSize=9, leading=10.5)
    head = s["cell_head"].clone("small_head", fontSize=9, leading=10.5)
    story: list[Flowable] = [header_block(data.header, style, width)]
    story.append(Paragraph(esc(f"SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM {data.year}"), s["title"]))
    story.append(Paragraph(esc(LEGEND), s["subtitle"]))
    story.append(Spacer(1, 3 * mm))
    months = [
        f"T{m}" + (f" ({n})" if n > 1 else "") for m, n in zip(range(1, 13), data.meetings_per_month, strict=True)
    ]
    rows = [[Paragraph(t, head) for t in ["TT", "Họ và tên", *months, "Có mặt / phải dự", "Tỷ lệ"]]]
    for n, (name, cells, ratio_text, ratio) in enumerate(data.rows, start=1):
        rows.append(
            [Paragraph(str(n), small_center), Paragraph(esc(name), small)]
            + [Paragraph(esc(c), small_center) for c in cells]
            + [Paragraph(ratio_text, small_center), Paragraph(ratio, small_center)]
        )
    rows.append(
        [Paragraph("", small), Paragraph("<b>Chi bộ</b>", small)]
        + [Paragraph(c, small_center) for c in data.month_totals]
        + [Paragraph(data.year_total[0], small_center), Paragraph(data.year_total[1], small_center)]
    )
    fixed = [8 * mm, 44 * mm] + [13 * mm] * 12 + [20 * mm]
    widths = fixed + [width - sum(fixed)]
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 1.5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 1.5),
                ("BACKGROUND", (0, -1), (-1, -1), colors.Color(0.93, 0.93, 0.93)),
            ]
        )
    )
    story.append(table)
    story.append(Spacer(1, 5 * mm))
    summary = [
        [
            Paragraph(t, head)
            for t in (
                "",
                "Số buổi",
                "Thường kỳ",
                "Chuyên đề",
                "Bình quân tỷ lệ các buổi",
                "Tỷ lệ đảng viên dự (Σ có mặt ÷ Σ phải dự)",
                "Có mặt / phải dự",
                "Lượt cấp trên dự",
                "Đảng viên được phân công",
            )
        ]
    ]
    for row in data.summary_rows:
        summary.append([Paragraph(esc(c), small_center) for c in row])
    summary_table = Table(summary, colWidths=[24 * mm] + [29 * mm] * 8, repeatRows=1)
    summary_table.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")])
    )
    story.append(summary_table)
    if data.warnings:
        story.append(Spacer(1, 4 * mm))
        story.append(Paragraph("<b>Cần lưu ý</b>", s["body"]))
        for warning in data.warnings:
            story.append(Paragraph(esc(f"- {warning}"), s["body"]))
    return story


def register_pdf(data: RegisterData, out: Path, style: DocumentStyle | None = None) -> Path:
    style = style or DocumentStyle(landscape=True, left_mm=15, right_mm=12, top_mm=15, bottom_mm=15)
    return build_pdf(
        out,
        register_story(data, style, frame_width(style)),
        style,
        f"Sổ theo dõi sinh hoạt chi bộ năm {data.year}",
        data.header.branch_name,
    )
