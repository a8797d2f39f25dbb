"""The printed member list, with the columns of the member register (mẫu 7-HSĐV), landscape A4."""

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from chibo_desktop.domain.documents import MemberListData
from chibo_desktop.reports.layout import DocumentStyle, build_pdf, esc, frame_width, header_block, styles

HEADINGS = (
    ("TT", 8),
    ("Họ và tên", 44),
    ("Nam", 20),
    ("Nữ", 20),
    ("Dân tộc", 14),
    ("Tôn giáo", 15),
    ("Quê quán", 26),
    ("Ngày vào Đảng", 20),
    ("Ngày chính thức", 20),
    ("Số thẻ đảng viên", 18),
    ("Số lý lịch", 19),
    ("Tổ đảng", 12),
    ("Ghi chú", 0),  # takes the remaining width
)


def member_list_pdf(data: MemberListData, out: Path, style: DocumentStyle | None = None) -> Path:
    """Write the list to *out* (through a temporary file, so a failed print never leaves half a PDF)."""
    style = style or DocumentStyle(landscape=True, left_mm=20, right_mm=15, top_mm=15, bottom_mm=15)
    s = styles(style)
    width = frame_width(style)
    fixed = sum(w for _h, w in HEADINGS) * mm
    widths = [w * mm if w else width - fixed for _h, w in HEADINGS]

    head_row = [Paragraph(esc(h), s["cell_head"]) for h, _w in HEADINGS]
    head_row[2] = Paragraph("Ngày sinh<br/>Nam", s["cell_head"])
    head_row[3] = Paragraph("Ngày sinh<br/>Nữ", s["cell_head"])
    rows = [head_row]
    for r in data.rows:
        rows.append(
            [
                Paragraph(str(r.number), s["cell_center"]),
                Paragraph(esc(r.full_name), s["cell"]),
                Paragraph(r.male_birth, s["cell_center"]),
                Paragraph(r.female_birth, s["cell_center"]),
                Paragraph(esc(r.ethnicity), s["cell_center"]),
                Paragraph(esc(r.religion), s["cell_center"]),
                Paragraph(esc(r.home_town), s["cell"]),
                Paragraph(r.admission_date, s["cell_center"]),
                Paragraph(r.official_date, s["cell_center"]),
                Paragraph(esc(r.card_number), s["cell_center"]),
                Paragraph(esc(r.biography_no), s["cell_center"]),
                Paragraph(esc(r.hamlet), s["cell_center"]),
                Paragraph(esc(r.note), s["cell"]),
            ]
        )
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    story = [
        header_block(data.header, style, width),
        Paragraph("DANH SÁCH ĐẢNG VIÊN", s["title"]),
        Paragraph(esc(data.summary), s["subtitle"]),
        Spacer(1, 4 * mm),
        table,
    ]
    return build_pdf(out, story, style, "Danh sách đảng viên", data.header.branch_name)
