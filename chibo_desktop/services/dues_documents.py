"""Plain data for the printed dues book, its workbook and a member's receipt (Vietnamese, whatever the screen's
language), gathered from the dues service."""

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from chibo_desktop.domain.dates import screen_date
from chibo_desktop.domain.documents import (
    DocumentHeader,
    DuesBookData,
    DuesLine,
    DuesMonthPart,
    DuesReceiptData,
    DuesTotalsLine,
)
from chibo_desktop.domain.dues import (
    Category,
    Channel,
    EntryKind,
    ExemptMark,
    live_entries,
    month_start,
)
from chibo_desktop.domain.dues_book import DuesLedger, FlagKind, MemberMonth, flags
from chibo_desktop.domain.formatting import money_in_words, number
from chibo_desktop.domain.namesakes import Identity, told_apart
from chibo_desktop.services.dues import sheet_row
from chibo_desktop.services.organisation import OrganisationService

MARKS = {ExemptMark.PARTY_AGE: "Miễn (50 năm tuổi Đảng)", ExemptMark.DECISION: "Miễn"}
CHANNELS = {Channel.CASH: "Tiền mặt", Channel.ONLINE: "Cổng DVC quốc gia", Channel.UNKNOWN: "Không rõ"}
LEGEND = (
    "Căn cứ tính: tiền lương đóng BHXH, lương hưu, hoặc lương tối thiểu vùng (đảng viên khác); để trống với mức cố "
    "định (học sinh, sinh viên)."
)


def _header(organisation: OrganisationService, on: date) -> DocumentHeader:
    o = organisation.require()
    return DocumentHeader(o.upper_name, o.branch_name, o.place_name, on)


def _mark(mm: MemberMonth) -> str:
    if mm.due.mark in MARKS:
        return MARKS[mm.due.mark]
    if mm.due.mark == ExemptMark.REDUCED:
        return f"Giảm {mm.due.reduction}%"
    return ""


def _note(mm: MemberMonth) -> str:
    notes = []
    if not mm.due.listed:
        notes.append("không sinh hoạt tại chi bộ tháng này")
    if mm.online:
        notes.append("đóng qua Cổng DVC" if mm.online == mm.collected else f"qua Cổng DVC {number(mm.online)}")
    if mm.due.pledged:
        notes.append("tự nguyện đóng cao hơn mức quy định")
    if mm.unpaid_reason is not None and mm.collected == 0:
        notes.append(f"không đóng: {mm.unpaid_reason}" if mm.unpaid_reason else "không đóng, không nêu lý do")
    return "; ".join(notes)


def book_data(
    ledger: DuesLedger, organisation: OrganisationService, year: int, today: date, secretary: str = ""
) -> DuesBookData:
    """The dues book of *year*: Part I for each month of the book up to this month, Part II for the whole year;
    *secretary* signs it for the branch."""
    last = min(date(year, 12, 1), month_start(today))
    book = ledger.book(year, last)
    names = told_apart([Identity(m.id, m.name, m.date_of_birth) for m in book.members])
    order = {m.id: n for n, m in enumerate(book.members)}
    months = []
    for month in book.months:
        rows = [row for member_id in order if (row := sheet_row(ledger, member_id, month)) is not None]
        rows.sort(key=lambda r: order[r.member_id])
        lines = tuple(
            DuesLine(
                n,
                names[r.member_id],
                _mark(r.month),
                None if r.month.due.category == Category.STUDENT or not r.month.due.listed else r.month.due.base,
                r.month.due.due,
                r.month.arrears,
                r.month.collected,
                r.month.owed,
                _note(r.month),
            )
            for n, r in enumerate(rows, start=1)
        )
        total = DuesLine(
            0,
            "Cộng",
            "",
            None,
            sum(line.due for line in lines),
            sum(line.arrears for line in lines),
            sum(line.collected for line in lines),
            sum(line.owed for line in lines),
            "",
        )
        months.append(DuesMonthPart(f"Tháng {month.month}/{year}", lines, total))
    quarter_labels = {f"Q{n}": f"Quý {roman}" for n, roman in enumerate(("I", "II", "III", "IV"), start=1)}
    totals = []
    for t in book.part_two:
        summary = t.label in quarter_labels or t.label == str(year)
        label = quarter_labels.get(t.label, f"Năm {year}" if t.label == str(year) else "Tháng " + t.label)
        totals.append(
            DuesTotalsLine(
                label,
                t.members,
                t.exempt,
                t.unpaid,
                t.due,
                t.collected,
                t.kept,
                t.upper,
                t.paid_up,
                t.to_pay_up,
                summary,
            )  # fmt: skip
        )
    year_totals = book.part_two[-1] if book.part_two else None
    share = ledger.calc.rules(last).branch_share_percent
    notes = [
        LEGEND,
        f"Chi bộ được giữ lại {share}% số đảng phí thu được, nộp cấp trên {100 - share}% (theo quy định đang áp dụng).",
    ]
    if year_totals is not None:
        notes.append(
            f"Trong năm: đã thu {number(year_totals.collected)} đồng, trong đó qua Cổng Dịch vụ công quốc gia "
            f"{number(year_totals.online)} đồng; đảng viên tự nguyện đóng cao hơn mức quy định "
            f"{number(year_totals.above_rate)} đồng (báo cáo cấp ủy cấp trên)."
        )
    warnings = []
    for f in flags(ledger, year, today):
        if f.kind == FlagKind.REMOVAL_PROPOSAL:
            months_text = ", ".join(str(m.month) for m in f.months)
            warnings.append(
                f"{f.name}: không đóng đảng phí {f.count} tháng trong năm không có lý do (tháng {months_text}) — chi bộ "
                "xem xét, đề nghị; cấp ủy có thẩm quyền quyết định."
            )
        elif f.kind == FlagKind.REACHES_EXEMPTION and f.on is not None:
            warnings.append(
                f"{f.name}: đủ {f.count} năm tuổi Đảng ngày {screen_date(f.on)}, miễn đóng từ tháng "
                f"{f.months[0].month}/{f.months[0].year}."
            )
        elif f.kind == FlagKind.DECISION_ENDS:
            warnings.append(f"{f.name}: quyết định miễn, giảm hết hiệu lực sau tháng {f.months[0].month}/{year}.")
    on = min(date(year, 12, 31), today)
    return DuesBookData(
        _header(organisation, on), year, tuple(months), tuple(totals), tuple(notes), tuple(warnings), secretary
    )


def receipt_data(
    ledger: DuesLedger, organisation: OrganisationService, member_id: int, year: int, today: date
) -> DuesReceiptData:
    """What the member paid in the book months of *year* (payments that still stand, not undone)."""
    member = ledger.members[member_id]
    paid = [
        e
        for e in live_entries(ledger.entries)
        if e.kind == EntryKind.PAYMENT and e.member_id == member_id and e.month.year == year
    ]
    lines = tuple((f"{e.month.month}/{e.month.year}", screen_date(e.on), CHANNELS[e.channel], e.amount) for e in paid)
    total = sum(e.amount for e in paid)
    names = told_apart([Identity(m.id, m.name, m.date_of_birth) for m in ledger.members.values()])  # as the book
    return DuesReceiptData(
        _header(organisation, today), names[member_id], f"năm {year}", lines, total, money_in_words(total), member.name
    )


PART_ONE_HEADINGS = (
    "Tháng", "TT", "Họ và tên", "Miễn, giảm", "Căn cứ tính (đồng)", "Phải đóng tháng này", "Nợ tháng trước",
    "Đã thu", "Còn nợ", "Ghi chú",
)  # fmt: skip
PART_TWO_HEADINGS = (
    "Tháng", "Đảng viên cuối tháng", "Miễn", "Chưa đóng", "Phải thu", "Đã thu", "Chi bộ giữ lại",
    "Phải nộp cấp trên", "Đã nộp cấp trên", "Còn phải nộp",
)  # fmt: skip


def write_book_xlsx(data: DuesBookData, out: Path) -> Path:
    """The book as a workbook: Part I (a line per member and month) and Part II, figures as numbers."""
    part_one: list[Sequence[object]] = []
    for part in data.months:
        for line in [*part.lines, part.total]:
            part_one.append(
                (
                    part.title,
                    line.number or "",
                    line.name,
                    line.mark,
                    line.base if line.base is not None else "",
                    line.due,
                    line.arrears,
                    line.collected,
                    line.owed,
                    line.note,
                )
            )
    part_two = [
        (t.label, t.members, t.exempt, t.unpaid, t.due, t.collected, t.kept, t.upper, t.paid_up, t.to_pay_up)
        for t in data.totals
    ]
    from chibo_desktop.services.table_files import write_sheets  # the spreadsheet files' module: not for a PDF

    write_sheets(
        out,
        [
            ("Phần I - Đảng viên", PART_ONE_HEADINGS, part_one),
            ("Phần II - Chi bộ", PART_TWO_HEADINGS, part_two),
        ],
    )
    return out
