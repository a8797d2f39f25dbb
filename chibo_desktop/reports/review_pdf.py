"""The printed yearly review: the branch's summary (counts and percentages by level, the list by level, who was not
rated and why) and one member's record of reviews, commendations and discipline. A4 upright."""

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from chibo_desktop.domain.review_documents import MemberReviewData, ReviewSummaryData
from chibo_desktop.reports.layout import (
    DocumentStyle,
    build_pdf,
    esc,
    frame_width,
    header_block,
    signature_columns,
    styles,
)


def _grid(rows: list[list[Flowable]], widths: list[float]) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def _signature(style: DocumentStyle, width: float) -> Table:
    """T/M CHI BỘ — BÍ THƯ on the right half, as a branch's report is signed."""
    block = signature_columns([(("T/M CHI BỘ", "BÍ THƯ"), "")], style, width / 2)
    table = Table([["", block]], colWidths=[width / 2, width / 2])
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def summary_pdf(data: ReviewSummaryData, out: Path, style: DocumentStyle | None = None) -> Path:
    style = style or DocumentStyle()
    width = frame_width(style)
    s = styles(style)
    cell, center, head, body = s["cell"], s["cell_center"], s["cell_head"], s["body"]
    bold = body.clone("review_section", fontName=f"{body.fontName}-Bold", spaceBefore=6)
    story: list[Flowable] = [header_block(data.header, style, width)]
    story.append(Paragraph("BÁO CÁO", s["title"]))
    story.append(Paragraph(f"Kết quả đánh giá, xếp loại chất lượng đảng viên năm {data.year}", s["summary"]))
    story.append(Spacer(1, 4 * mm))
    story.append(
        Paragraph(
            esc(
                f"Tổng số đảng viên của chi bộ được đánh giá: {data.to_review}; được xếp loại: {data.rated}; "
                f"không xếp loại: {len(data.not_rated)}"
                + (f"; chưa có kết quả: {data.undecided}" if data.undecided else "")
                + "."
            ),
            body,
        )
    )
    story.append(Paragraph("1. Kết quả xếp loại", bold))
    rows: list[list[Flowable]] = [[Paragraph(h, head) for h in ("TT", "Mức xếp loại", "Số đảng viên", "Tỷ lệ (%)")]]
    for number, (level, count, percent) in enumerate(data.counts, start=1):
        rows.append(
            [
                Paragraph(str(number), center),
                Paragraph(esc(level), cell),
                Paragraph(str(count), center),
                Paragraph(percent, center),
            ]
        )
    story.append(_grid(rows, [12 * mm, width - 72 * mm, 30 * mm, 30 * mm]))
    story.append(Paragraph("Tỷ lệ tính trên số đảng viên được xếp loại.", s["subtitle"]))
    if data.decided_line:
        story.append(Paragraph(esc(data.decided_line), body))
    if data.cap_note:
        story.append(Paragraph(esc(f"Lưu ý: {data.cap_note}"), body))
    story.append(Paragraph("2. Danh sách theo mức xếp loại", bold))
    for level, names in data.by_level:
        text = ", ".join(names) if names else "không có"
        story.append(Paragraph(esc(f"– {level} ({len(names)}): {text}."), body))
    story.append(Paragraph("3. Đảng viên không xếp loại", bold))
    if data.not_rated:
        rows = [[Paragraph(h, head) for h in ("TT", "Họ và tên", "Lý do")]]
        for number, (name, reason) in enumerate(data.not_rated, start=1):
            rows.append([Paragraph(str(number), center), Paragraph(esc(name), cell), Paragraph(esc(reason), cell)])
        story.append(_grid(rows, [12 * mm, 60 * mm, width - 72 * mm]))
    else:
        story.append(Paragraph("Không có.", body))
    story.append(Paragraph("4. Khen thưởng, kỷ luật trong năm", bold))
    story.append(Paragraph(esc(f"Khen thưởng: {data.commendations}; kỷ luật: {data.disciplines}."), body))
    if data.branch_level:
        story.append(Paragraph("5. Xếp loại chi bộ", bold))
        line = f"Chi bộ được xếp loại: {data.branch_level}"
        story.append(Paragraph(esc(line + (f" ({data.branch_decision})." if data.branch_decision else ".")), body))
    story.append(Spacer(1, 6 * mm))
    story.append(KeepTogether([_signature(style, width)]))
    return build_pdf(
        out, story, style, f"Kết quả đánh giá, xếp loại đảng viên năm {data.year}", data.header.branch_name
    )


def member_pdf(data: MemberReviewData, out: Path, style: DocumentStyle | None = None) -> Path:
    style = style or DocumentStyle()
    width = frame_width(style)
    s = styles(style)
    cell, center, head, body = s["cell"], s["cell_center"], s["cell_head"], s["body"]
    bold = body.clone("review_section", fontName=f"{body.fontName}-Bold", spaceBefore=6)
    story: list[Flowable] = [header_block(data.header, style, width)]
    story.append(Paragraph("PHIẾU THEO DÕI", s["title"]))
    story.append(Paragraph("Đánh giá, xếp loại chất lượng, khen thưởng, kỷ luật đảng viên", s["summary"]))
    story.append(Spacer(1, 4 * mm))
    story.append(Paragraph(esc(f"Họ và tên: {data.name}"), body))
    story.append(Paragraph(esc(f"Ngày sinh: {data.born or '…'}"), body))
    story.append(Paragraph(esc(f"Ngày vào Đảng: {data.admitted or '…'}"), body))
    story.append(Paragraph("1. Đánh giá, xếp loại hằng năm", bold))
    if data.reviews:
        headings = ("Năm", "Tự xếp loại", "Điểm", "Chi bộ đề nghị", "Biểu quyết", "Cấp ủy quyết định", "Ghi chú")
        rows: list[list[Flowable]] = [[Paragraph(h, head) for h in headings]]
        for r in data.reviews:
            rows.append([Paragraph(esc(v), center if i in (0, 2, 4) else cell) for i, v in enumerate(r)])
        fixed = [14 * mm, 30 * mm, 13 * mm, 30 * mm, 19 * mm, 30 * mm]
        story.append(_grid(rows, [*fixed, width - sum(fixed)]))
    else:
        story.append(Paragraph("Chưa có.", body))
    story.append(Paragraph("2. Khen thưởng, kỷ luật", bold))
    if data.awards:
        rows = [[Paragraph(h, head) for h in ("Loại", "Hình thức", "Quyết định số", "Ngày", "Cấp quyết định")]]
        for a in data.awards:
            rows.append([Paragraph(esc(v), center if i == 3 else cell) for i, v in enumerate(a)])
        fixed = [25 * mm, 45 * mm, 30 * mm, 24 * mm]
        story.append(_grid(rows, [*fixed, width - sum(fixed)]))
    else:
        story.append(Paragraph("Không có.", body))
    if data.steps:
        story.append(Paragraph("3. Quá trình kết nạp", bold))
        rows = [[Paragraph(h, head) for h in ("Bước", "Ngày", "Nội dung")]]
        for step, on, detail in data.steps:
            rows.append([Paragraph(esc(step), cell), Paragraph(on, center), Paragraph(esc(detail), cell)])
        story.append(_grid(rows, [60 * mm, 25 * mm, width - 85 * mm]))
    story.append(Spacer(1, 6 * mm))
    story.append(KeepTogether([_signature(style, width)]))
    return build_pdf(out, story, style, f"Phiếu theo dõi đảng viên — {data.name}", data.header.branch_name)
