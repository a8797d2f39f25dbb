"""The audit log printed: who changed what and when, landscape A4, in Vietnamese."""

from collections.abc import Sequence
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from chibo_desktop.domain.audit import AuditEntry
from chibo_desktop.domain.documents import DocumentHeader
from chibo_desktop.reports.layout import DocumentStyle, build_pdf, esc, frame_width, header_block, styles

HEADINGS = (("TT", 10), ("Thời điểm", 30), ("Người thao tác", 30), ("Hồ sơ", 50), ("Thao tác", 22), ("Nội dung", 0))


def audit_pdf(
    header: DocumentHeader, entries: Sequence[AuditEntry], period: str, out: Path, style: DocumentStyle | None = None
) -> Path:
    style = style or DocumentStyle(landscape=True, left_mm=20, right_mm=15, top_mm=15, bottom_mm=15)
    s = styles(style)
    width = frame_width(style)
    fixed = sum(w for _h, w in HEADINGS) * mm
    widths = [w * mm if w else width - fixed for _h, w in HEADINGS]
    rows = [[Paragraph(esc(h), s["cell_head"]) for h, _w in HEADINGS]]
    for number, entry in enumerate(entries, start=1):
        lines = [
            f"{esc(c.field)}: {esc(c.old)} → {esc(c.new)}" if c.old else f"{esc(c.field)}: {esc(c.new)}"
            for c in entry.changes
        ]
        rows.append(
            [
                Paragraph(str(number), s["cell_center"]),
                Paragraph(entry.when, s["cell_center"]),
                Paragraph(esc(entry.actor), s["cell"]),
                Paragraph(esc(entry.subject), s["cell"]),
                Paragraph(esc(entry.action), s["cell_center"]),
                Paragraph("<br/>".join(lines), s["cell"]),
            ]
        )
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    story = [
        header_block(header, style, width),
        Paragraph("NHẬT KÝ THAY ĐỔI DỮ LIỆU", s["title"]),
        Paragraph(esc(f"({period}; {len(entries)} thay đổi)"), s["subtitle"]),
        Spacer(1, 4 * mm),
        table,
    ]
    return build_pdf(out, story, style, "Nhật ký thay đổi dữ liệu", header.branch_name)
