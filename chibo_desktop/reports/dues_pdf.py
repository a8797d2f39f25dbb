"""The dues book ("Sổ thu, nộp đảng phí") of a year, landscape: Part I per member per month, Part II per month with
the quarters and the year; and a member's receipt (biên lai), portrait."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from chibo_desktop.domain.documents import DuesBookData, DuesLine, DuesReceiptData
from chibo_desktop.domain.formatting import number
from chibo_desktop.files import replace_atomically
from chibo_desktop.reports.api import BookCancelledError
from chibo_desktop.reports.layout import (
    DocumentStyle,
    PageDecorator,
    build_pdf,
    esc,
    frame_width,
    header_block,
    signature_columns,
    styles,
)


def _amount(value: int) -> str:
    """1.234.000; a negative balance (paid ahead) in words over the amount, as the screen says it: account books'
    brackets read to a secretary as a debt or a mistake."""
    return f"đóng trước\n{number(-value)}" if value < 0 else number(value)


def _grid(rows: list[list[Flowable | str]], widths: list[float], shaded: list[int], titled: bool = False) -> Table:
    """A ruled table whose heading repeats on every page; *titled*: its first row is a title across the table
    (the month), repeated too, so a month continued on the next page still says which month it is."""
    table = Table(rows, colWidths=widths, repeatRows=2 if titled else 1)
    commands: list[tuple[object, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]
    commands += [("BACKGROUND", (0, r), (-1, r), colors.Color(0.93, 0.93, 0.93)) for r in shaded]
    if titled:
        commands += [("SPAN", (0, 0), (-1, 0)), ("LINEABOVE", (0, 0), (-1, 0), 0, colors.white)]
        commands += [("LINEBEFORE", (0, 0), (0, 0), 0, colors.white), ("LINEAFTER", (-1, 0), (-1, 0), 0, colors.white)]
    table.setStyle(TableStyle(commands))
    return table


class _Step(Flowable):
    """An invisible mark after each part of the book, to report progress (and be cancelled there)."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        return None


class _Template(SimpleDocTemplate):
    def __init__(self, filename: str, progress: Callable[[int], bool], **kwargs: Any) -> None:
        super().__init__(filename, **kwargs)
        self._progress = progress

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, _Step) and not self._progress(flowable.index):
            raise BookCancelledError()


def book_steps(data: DuesBookData) -> int:
    """How many steps :func:`book_pdf` reports: each month of Part I, then Part II."""
    return len(data.months) + 1


def book_story(data: DuesBookData, style: DocumentStyle, width: float) -> list[Flowable]:
    s = styles(style)
    small = s["cell"].clone("dues_small", fontSize=9, leading=10.5)
    center = s["cell_center"].clone("dues_center", fontSize=9, leading=10.5)
    right = s["cell"].clone("dues_right", fontSize=9, leading=10.5, alignment=2)
    head = s["cell_head"].clone("dues_head", fontSize=9, leading=10.5)
    bold_right = right.clone("dues_bold_right", fontName=f"{head.fontName}")
    story: list[Flowable] = [header_block(data.header, style, width)]
    story.append(Paragraph(esc(f"SỔ THU, NỘP ĐẢNG PHÍ NĂM {data.year}"), s["title"]))
    story.append(
        Paragraph("(Theo Quy định số 01-QĐ/TW ngày 03/02/2026 của Bộ Chính trị về chế độ đảng phí)", s["subtitle"])
    )
    story.append(Spacer(1, 4 * mm))

    story.append(Paragraph("<b>PHẦN I. THU ĐẢNG PHÍ CỦA ĐẢNG VIÊN</b>", s["body"]))
    headings = [
        "TT", "Họ và tên", "Miễn, giảm", "Căn cứ tính", "Phải đóng tháng này", "Nợ tháng trước", "Đã thu", "Còn nợ",
        "Ghi chú",
    ]  # fmt: skip
    fixed = [9 * mm, 50 * mm, 30 * mm, 24 * mm, 24 * mm, 24 * mm, 22 * mm, 22 * mm]
    widths = [*fixed, width - sum(fixed)]

    def line_cells(line: DuesLine, total: bool = False) -> list[Flowable | str]:
        """A member's line: the number and the amounts as plain text, set by the table's style (they never wrap:
        a paragraph each made the 85 pages of a 300-member book five times slower); names, marks and notes as
        paragraphs, which wrap."""
        return [
            str(line.number) if line.number else "",
            Paragraph(f"<b>{esc(line.name)}</b>" if total else esc(line.name), small),
            Paragraph(esc(line.mark), center),
            "" if line.base is None else number(line.base),
            number(line.due),
            _amount(line.arrears) if line.arrears else "",
            number(line.collected) if line.collected else "",
            _amount(line.owed),
            Paragraph(esc(line.note), small),
        ]

    plain_figures = [
        ("FONTNAME", (0, 2), (-1, -1), right.fontName),
        ("FONTSIZE", (0, 2), (-1, -1), right.fontSize),
        ("LEADING", (0, 2), (-1, -1), right.leading),
        ("ALIGN", (0, 2), (0, -1), "CENTER"),
        ("ALIGN", (3, 2), (7, -1), "RIGHT"),
        ("FONTNAME", (0, -1), (-1, -1), bold_right.fontName),  # the month's total
    ]

    if not data.months:
        story.append(Paragraph("Chưa có tháng nào trong sổ.", s["body"]))
    month_title = s["body"].clone("dues_month", leading=s["body"].fontSize * 1.4)
    for part in data.months:
        rows: list[list[Flowable | str]] = [[Paragraph(f"<b>{esc(part.title)}</b>", month_title)]]
        rows.append([Paragraph(h, head) for h in headings])
        rows += [line_cells(line) for line in part.lines]
        rows.append(line_cells(part.total, total=True))
        story.append(CondPageBreak(30 * mm))
        grid = _grid(rows, widths, [len(rows) - 1], titled=True)
        grid.setStyle(TableStyle(plain_figures))
        story.append(grid)
        story.append(Spacer(1, 3 * mm))
        story.append(_Step(len([f for f in story if isinstance(f, _Step)]) + 1))

    story.append(CondPageBreak(80 * mm))
    story.append(Paragraph("<b>PHẦN II. TỔNG HỢP THU, NỘP ĐẢNG PHÍ CỦA CHI BỘ</b>", s["body"]))
    headings = [
        "Tháng", "Đảng viên cuối tháng", "Miễn", "Chưa đóng", "Phải thu", "Đã thu", "Chi bộ giữ lại",
        "Phải nộp cấp trên", "Đã nộp cấp trên", "Còn phải nộp",
    ]  # fmt: skip
    rows = [[Paragraph(h, head) for h in headings]]
    shaded = []
    for t in data.totals:
        figure = bold_right if t.summary else right
        label = f"<b>{esc(t.label)}</b>" if t.summary else esc(t.label)
        rows.append(
            [Paragraph(label, small)]
            + [Paragraph(str(v), center) for v in (t.members, t.exempt, t.unpaid)]
            + [Paragraph(number(v), figure) for v in (t.due, t.collected, t.kept, t.upper, t.paid_up, t.to_pay_up)]
        )
        if t.summary:
            shaded.append(len(rows) - 1)
    fixed = [24 * mm] + [19 * mm] * 3
    rest = (width - sum(fixed)) / 6
    story.append(_grid(rows, [*fixed] + [rest] * 6, shaded))
    story.append(Spacer(1, 3 * mm))
    for note in data.notes:
        story.append(Paragraph(esc(note), s["cell"]))
    if data.warnings:
        story.append(Spacer(1, 3 * mm))
        story.append(Paragraph("<b>Cần lưu ý</b>", s["body"]))
        for warning in data.warnings:
            story.append(Paragraph(esc(f"- {warning}"), s["cell"]))
    story.append(Spacer(1, 6 * mm))
    signers = [(("NGƯỜI GHI SỔ",), ""), (("T/M CHI BỘ", "BÍ THƯ"), data.secretary)]
    story.append(KeepTogether([signature_columns(signers, style, width)]))
    story.append(_Step(book_steps(data)))
    return story


def book_pdf(
    data: DuesBookData,
    out: Path,
    style: DocumentStyle | None = None,
    progress: Callable[[int], bool] = lambda _done: True,
) -> Path:
    """Write the book to *out* through a temporary file. *progress(n)* is told each part laid out (see
    :func:`book_steps`) and returns False to cancel (:class:`BookCancelledError`): then nothing is left behind."""
    style = style or DocumentStyle(landscape=True, left_mm=15, right_mm=12, top_mm=15, bottom_mm=15)
    story = book_story(data, style, frame_width(style))
    out.parent.mkdir(parents=True, exist_ok=True)

    def write(temporary: Path) -> None:
        doc = _Template(
            str(temporary),
            progress,
            pagesize=style.pagesize,
            leftMargin=style.left_mm * mm,
            rightMargin=style.right_mm * mm,
            topMargin=style.top_mm * mm,
            bottomMargin=style.bottom_mm * mm,
            title=f"Sổ thu, nộp đảng phí năm {data.year}",
            author=data.header.branch_name,
        )
        decorate = PageDecorator(style)
        doc.build(story, onFirstPage=decorate, onLaterPages=decorate)

    return replace_atomically(out, write)


def receipt_pdf(data: DuesReceiptData, out: Path, style: DocumentStyle | None = None) -> Path:
    """A receipt for what a member paid, with the amount in words and the two signatures."""
    style = style or DocumentStyle()
    width = frame_width(style)
    s = styles(style)
    cell, center, head = s["cell"], s["cell_center"], s["cell_head"]
    right = cell.clone("receipt_right", alignment=2)
    story: list[Flowable] = [header_block(data.header, style, width)]
    story.append(Paragraph("BIÊN LAI THU ĐẢNG PHÍ", s["title"]))
    story.append(Paragraph(esc(data.period.capitalize()), s["subtitle"]))
    story.append(Spacer(1, 4 * mm))
    story.append(Paragraph(esc(f"Họ và tên đảng viên: {data.member}"), s["body"]))
    story.append(Spacer(1, 2 * mm))
    rows: list[list[Flowable]] = [[Paragraph(h, head) for h in ("Tháng", "Ngày nộp", "Hình thức", "Số tiền (đồng)")]]
    for month, on, how, amount in data.lines:
        rows.append(
            [
                Paragraph(month, center),
                Paragraph(on, center),
                Paragraph(esc(how), cell),
                Paragraph(number(amount), right),
            ]
        )
    rows.append(
        [
            Paragraph("<b>Cộng</b>", center),
            Paragraph("", cell),
            Paragraph("", cell),
            Paragraph(f"<b>{number(data.total)}</b>", right),
        ]
    )
    story.append(_grid(rows, [30 * mm, 35 * mm, 55 * mm, width - 120 * mm], [len(rows) - 1]))
    story.append(Spacer(1, 3 * mm))
    story.append(Paragraph(esc(f"Số tiền bằng chữ: {data.total_words}."), s["body"]))
    story.append(Spacer(1, 6 * mm))
    story.append(
        KeepTogether(
            [signature_columns([(("NGƯỜI NỘP",), data.signer or data.member), (("NGƯỜI THU",), "")], style, width)]
        )
    )
    return build_pdf(out, story, style, "Biên lai thu đảng phí", data.header.branch_name)
