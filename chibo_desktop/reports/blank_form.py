"""The blank form to write on during a meeting: the members required that day with boxes to tick, the agenda,
ruled space."""

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from chibo_desktop.domain.documents import BlankFormData
from chibo_desktop.reports.layout import (
    DocumentStyle,
    build_pdf,
    esc,
    frame_width,
    header_block,
    signatures,
    signed,
    styles,
)

BOX = "□"  # in the bundled font (☐ is not)


class RuledLines(Flowable):
    """Dotted lines to write on by hand."""

    def __init__(self, count: int, width: float, spacing: float = 8 * mm) -> None:
        super().__init__()
        self.count = count
        self.width = width
        self.spacing = spacing
        self.height = count * spacing

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        fits = int(available_height // self.spacing)
        if fits <= 0 or fits >= self.count:
            return []
        return [RuledLines(fits, self.width, self.spacing), RuledLines(self.count - fits, self.width, self.spacing)]

    def draw(self) -> None:
        self.canv.setDash(1, 2)
        self.canv.setLineWidth(0.4)
        for n in range(self.count):
            y = self.height - (n + 1) * self.spacing + 2
            self.canv.line(0, y, self.width, y)


def blank_form_story(data: BlankFormData, style: DocumentStyle, width: float) -> list[Flowable]:
    s = styles(style)
    left = s["body"].clone("left_bold", fontName=s["summary"].fontName)
    cell, head = s["cell"], s["cell_head"]
    story: list[Flowable] = [header_block(data.header, style, width)]
    story.append(Paragraph("Số ........-BB/CB", s["upper"].clone("number", alignment=0)))
    story.append(Paragraph("BIÊN BẢN", s["title"]))
    story.append(Paragraph(esc(data.summary_line), s["summary"]))
    story.append(Spacer(1, 3 * mm))
    story.append(
        Paragraph(
            "Thời gian bắt đầu: ...... giờ ...... phút. Địa điểm: ..........................................", s["body"]
        )
    )
    story.append(
        Paragraph(
            "Chủ trì: ..................................... Thư ký: .....................................", s["body"]
        )
    )
    story.append(
        Paragraph(
            "Khách mời: ...............................................................................", s["body"]
        )
    )
    story.append(Spacer(1, 2 * mm))
    story.append(Paragraph(esc(f"DANH SÁCH ĐẢNG VIÊN PHẢI DỰ ({len(data.required)} đồng chí)"), left))
    rows = [
        [
            Paragraph(t, head)
            for t in (
                "TT",
                "Họ và tên",
                "Đảng viên",
                "Có mặt",
                "Đi muộn",
                "Vắng có lý do",
                "Vắng không lý do",
                "Ghi chú",
            )
        ]
    ]
    for n, (name, role) in enumerate(data.required, start=1):
        rows.append(
            [Paragraph(str(n), s["cell_center"]), Paragraph(esc(name), cell), Paragraph(esc(role), s["cell_center"])]
            + [Paragraph(BOX, s["cell_center"]) for _ in range(4)]
            + [""]
        )
    widths = [10 * mm, 46 * mm, 23 * mm, 14 * mm, 14 * mm, 17 * mm, 17 * mm]
    widths.append(width - sum(widths))
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    story.append(table)
    if data.attached:
        story.append(Paragraph(esc("Đảng viên sinh hoạt tạm thời: " + "; ".join(data.attached) + "."), s["body"]))
    if data.not_required:
        listed = "; ".join(f"{name} ({why})" for name, why in data.not_required)
        story.append(Paragraph(esc(f"Không phải dự: {listed}."), s["body"]))
    story.append(Spacer(1, 3 * mm))
    story.append(Paragraph("NỘI DUNG SINH HOẠT", left))
    for n, item in enumerate(data.agenda, start=1):
        story.append(Paragraph(esc(f"{n}. {item}"), s["body"]))
        story.append(RuledLines(6, width))
    story.append(Paragraph("Ý kiến thảo luận, kết luận, biểu quyết, phân công:", s["body"]))
    story.append(RuledLines(18, width))
    closing = [
        RuledLines(6, width),  # the last page always has room to write, above the signatures
        Paragraph("Buổi sinh hoạt kết thúc lúc ...... giờ ...... phút cùng ngày.", s["body"]),
    ]
    story.append(signed(closing, signatures("", "", style, width)))
    return story


def blank_form_pdf(data: BlankFormData, out: Path, style: DocumentStyle | None = None) -> Path:
    style = style or DocumentStyle()
    return build_pdf(
        out, blank_form_story(data, style, frame_width(style)), style, "Biên bản (mẫu ghi tay)", data.header.branch_name
    )
