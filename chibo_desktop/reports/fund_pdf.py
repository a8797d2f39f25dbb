"""A fund's statement and a member's ledger, in the branch's document style, for open disclosure."""

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from chibo_desktop.domain.documents import FundStatementData, LedgerData
from chibo_desktop.reports.layout import (
    DocumentStyle,
    SignedAfterTable,
    build_pdf,
    esc,
    frame_width,
    header_block,
    signature_columns,
    signed,
    styles,
)


def _grid(rows: list[list[Flowable | str]], widths: list[float], repeat: int = 1) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=repeat)
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


def statement_story(data: FundStatementData, style: DocumentStyle, width: float) -> list[Flowable]:
    s = styles(style)
    cell, center, head = s["cell"], s["cell_center"], s["cell_head"]
    right = cell.clone("right", alignment=2)
    story: list[Flowable] = [header_block(data.header, style, width)]
    branch = data.branch or data.header.branch_name
    story.append(Paragraph(esc(f"BÁO CÁO TÌNH HÌNH QUỸ CỦA {branch.upper()}"), s["title"]))
    named = data.fund_name if branch == data.header.branch_name else f"{data.fund_name} — {branch}"
    story.append(Paragraph(esc(named), s["summary"]))  # at a committee, the header is its own: name the branch
    story.append(Paragraph(esc(data.period_line), s["subtitle"]))
    story.append(Spacer(1, 4 * mm))
    story.append(
        Paragraph(
            esc(
                f"Nguồn vốn: {data.fund_source}. Người quản lý quỹ: {data.custodian or '...........................'}."
            ),
            s["body"],
        )
    )
    story.append(Spacer(1, 2 * mm))
    rows: list[list[Flowable | str]] = [[Paragraph("Khoản mục", head), Paragraph("Số tiền (đồng)", head)]]
    for label, amount in data.lines:
        rows.append([Paragraph(esc(label), cell), Paragraph(amount, right)])
    table = _grid(rows, [width * 0.65, width * 0.35])
    table.setStyle(TableStyle([("BACKGROUND", (0, -1), (-1, -1), colors.Color(0.93, 0.93, 0.93))]))
    story.append(table)
    if not data.reconciles:
        story.append(Paragraph("<b>Số liệu không cân đối — cần kiểm tra lại sổ quỹ.</b>", s["body"]))
    story.append(Spacer(1, 3 * mm))
    story.append(Paragraph(esc(data.figures_line), s["body"]))
    if data.loans:
        story.append(Spacer(1, 3 * mm))
        story.append(Paragraph("<b>CÁC MÓN VAY CÒN DƯ NỢ</b>", s["body"]))
        head_row = [
            "Người vay",
            "Số tiền vay",
            "Ngày giải ngân",
            "Đã trả gốc",
            "Dư nợ",
            "Nợ quá hạn",
            "Số ngày quá hạn",
        ]
        rows = [[Paragraph(h, head) for h in head_row]]
        for loan in data.loans:
            rows.append(
                [Paragraph(esc(loan[0]), cell)]
                + [Paragraph(esc(v), right if n in (1, 3, 4, 5) else center) for n, v in enumerate(loan[1:], start=1)]
            )
        fixed = [38 * mm, 22 * mm, 20 * mm, 22 * mm, 22 * mm, 22 * mm]
        widths = [*fixed, width - sum(fixed)]
        story.append(_grid(rows, widths))
    signers = [(("NGƯỜI QUẢN LÝ QUỸ",), data.custodian), (("T/M CHI BỘ", "BÍ THƯ"), data.secretary)]
    signatures = signature_columns(signers, style, width)
    last = story.pop()
    # the last rows of the loans' table go over with the signatures: a page never holds only them
    story.append(SignedAfterTable(last, [], signatures) if isinstance(last, Table) else signed([last], signatures))
    return story


def statement_pdf(data: FundStatementData, out: Path, style: DocumentStyle | None = None) -> Path:
    style = style or DocumentStyle()
    return build_pdf(
        out, statement_story(data, style, frame_width(style)), style, "Báo cáo tình hình quỹ", data.header.branch_name
    )


def ledger_pdf(data: LedgerData, out: Path, style: DocumentStyle | None = None) -> Path:
    style = style or DocumentStyle()
    width = frame_width(style)
    s = styles(style)
    cell, center, head = s["cell"], s["cell_center"], s["cell_head"]
    right = cell.clone("right", alignment=2)
    story: list[Flowable] = [header_block(data.header, style, width)]
    story.append(Paragraph("SỔ THEO DÕI VAY VỐN", s["title"]))
    story.append(Paragraph(esc(f"Đảng viên: {data.member}"), s["summary"]))
    story.append(Spacer(1, 4 * mm))
    if not data.loans:
        story.append(Paragraph("Đảng viên chưa vay vốn từ các quỹ của chi bộ.", s["body"]))
    signers: list[tuple[tuple[str, ...], str]] = [
        (("NGƯỜI VAY",), data.signer or data.member),
        (("NGƯỜI QUẢN LÝ QUỸ",), data.custodian),
    ]
    signatures = signature_columns(signers, style, width)
    for number, (title, plan, entries, balance) in enumerate(data.loans, start=1):
        story.append(Paragraph(f"<b>{esc(title)}</b>", s["body"]))
        if plan:
            headings = ("Kỳ", "Hạn trả", "Gốc", "Lãi, phí", "Gốc đã trả")
            rows: list[list[Flowable | str]] = [[Paragraph(h, head) for h in headings]]
            rows += [
                [Paragraph(esc(v), cell if n == 4 else (right if n >= 2 else center)) for n, v in enumerate(row)]
                for row in plan
            ]
            story.append(Paragraph("Kế hoạch trả nợ (gốc trả theo thứ tự các kỳ):", s["body"]))
            story.append(_grid(rows, [12 * mm, 26 * mm, 30 * mm, 28 * mm, width - 96 * mm]))
        rows = [[Paragraph(h, head) for h in ("Ngày", "Nội dung", "Số tiền", "Ghi chú")]]
        rows += [
            [Paragraph(esc(v), right if n == 2 else (center if n == 0 else cell)) for n, v in enumerate(row)]
            for row in entries
        ]
        story.append(Paragraph("Các lần giải ngân, trả nợ:", s["body"]))
        grid = _grid(rows, [24 * mm, 50 * mm, 34 * mm, width - 108 * mm])
        where = Paragraph(esc(balance), s["body"])
        if number < len(data.loans):
            story += [grid, where, Spacer(1, 4 * mm)]
        else:  # the last loan's last lines go over with its balance and the signatures: never those alone
            story.append(SignedAfterTable(grid, [where], signatures))
    if not data.loans:
        story.append(signed([story.pop()], signatures))
    return build_pdf(out, story, style, "Sổ theo dõi vay vốn", data.header.branch_name)
