"""Plain data the printed documents are drawn from; the services fill it, the reports draw it."""

from dataclasses import dataclass
from datetime import date

from chibo_desktop.domain.audit import AuditEntry


@dataclass(frozen=True)
class DocumentHeader:
    """Left: upper level and branch (with "*" under); right: the Party's name; then place and date."""

    upper_name: str
    branch_name: str
    place_name: str
    on: date


@dataclass(frozen=True)
class MemberListRow:
    number: int
    full_name: str
    male_birth: str  # the register puts the birth date under "Nam" or "Nữ"
    female_birth: str
    ethnicity: str
    religion: str
    home_town: str
    admission_date: str
    official_date: str
    card_number: str
    biography_no: str
    hamlet: str
    note: str


@dataclass(frozen=True)
class MemberListData:
    header: DocumentHeader
    rows: tuple[MemberListRow, ...]
    summary: str


@dataclass(frozen=True)
class MinutesItem:
    title: str
    presenter: str
    content: str
    opinions: tuple[tuple[str, str], ...]  # (speaker, what they said)
    conclusion: str


@dataclass(frozen=True)
class MinutesVote:
    text: str
    votes_for: int
    votes_against: int
    votes_abstain: int
    entitled: int


@dataclass(frozen=True)
class MinutesData:
    """Everything the printed minutes of one meeting say, already in words (Vietnamese, NFC)."""

    header: DocumentHeader
    number: str  # "12-BB/CB", or "" to leave space to write it
    summary_line: str  # "sinh hoạt chi bộ thường kỳ tháng 6 năm 2024"
    started: str  # "19 giờ 30 phút, ngày 10 tháng 6 năm 2024"
    ended: str  # "21 giờ 15 phút" or ""
    place: str
    guests: tuple[str, ...]
    chair: str  # told apart from a member of the same name on the list: "Nguyễn Văn An (sinh 1960)"
    secretary: str
    count_lines: tuple[str, ...]  # the member counts, one sentence each
    excused: tuple[tuple[str, str], ...]  # (name, reason)
    unexcused: tuple[str, ...]
    items: tuple[MinutesItem, ...]
    votes: tuple[MinutesVote, ...]
    assignments: tuple[tuple[str, str, str], ...]  # (name, task, due)
    approved: bool
    addenda: tuple[tuple[str, str, str], ...] = ()  # (date, reason, text)
    speakers_line: str = ""  # "Số đảng viên phát biểu ý kiến: 3 đồng chí.", or "" when none was recorded
    signers: tuple[str, str] | None = None  # (secretary, chair) by name alone, under the signatures; None: as above


@dataclass(frozen=True)
class BlankFormData:
    """The form the secretary writes on during the meeting."""

    header: DocumentHeader
    summary_line: str
    required: tuple[tuple[str, str], ...]  # (name, "Chính thức" / "Dự bị") of the members required that day
    attached: tuple[str, ...]  # temporarily attached members, listed apart
    not_required: tuple[tuple[str, str], ...]  # (name, why: exempted, temporarily away)
    agenda: tuple[str, ...]


@dataclass(frozen=True)
class RegisterData:
    """The attendance register of a year as printed: members × months, totals, summaries, warnings."""

    header: DocumentHeader
    year: int
    rows: tuple[tuple[str, tuple[str, ...], str, str], ...]  # (name, 12 month cells, present/required, ratio)
    month_totals: tuple[str, ...]  # 12 cells "present/required"
    year_total: tuple[str, str]
    meetings_per_month: tuple[int, ...]
    summary_rows: tuple[tuple[str, ...], ...]  # quarter and year figures, already formatted
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class BookData:
    """The year's minutes book: a cover, a contents page, then every meeting's minutes."""

    header: DocumentHeader
    year: int
    minutes: tuple[MinutesData, ...]


@dataclass(frozen=True)
class FundStatementData:
    """A fund's statement for open disclosure at a branch meeting, already in words and đồng."""

    header: DocumentHeader
    fund_name: str
    fund_source: str
    custodian: str
    period_line: str  # "Từ ngày 01/01/2025 đến ngày 31/12/2025"
    lines: tuple[tuple[str, str], ...]  # (label, amount) from the opening to the closing balance
    reconciles: bool
    loans: tuple[tuple[str, ...], ...]  # borrower, amount, paid out, repaid, outstanding, overdue, days late
    figures_line: str  # "5 lượt vay, 115.000.000 đ, 5 đảng viên được hỗ trợ"
    secretary: str = ""  # the branch secretary (bí thư), who signs for the branch; "" leaves the name to write
    branch: str = ""  # the branch that keeps the fund (at a committee, not the committee itself)


@dataclass(frozen=True)
class LedgerData:
    """A member's ledger: each loan with its plan and the journal lines that concern it."""

    header: DocumentHeader
    member: str  # told apart from another member of the same name: "Nguyễn Văn An (sinh 1985)"
    loans: tuple[
        tuple[str, tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...], str], ...
    ]  # (title, plan rows, entry rows, where the loan stands on the day printed)
    signer: str = ""  # the borrower's name alone, under the signature; *member* when empty
    custodian: str = ""  # the fund's manager, under the manager's signature (when the loans share one)


@dataclass(frozen=True)
class ColumnGroup:
    """Columns of a printed table under one heading: *heading* over them, each column's *label* under it. A group
    without a heading is one column whose label stands over both heading rows."""

    heading: str
    columns: tuple[int, ...]  # indexes into the report's headings (and each row)
    labels: tuple[str, ...]  # as printed, one per column (shorter than the heading when the group says the rest)


@dataclass(frozen=True)
class TablePart:
    """One of the tables the consolidated report's columns are printed in, each with the branches' names: the 23
    columns side by side would need type too small to read on an A4 page."""

    title: str
    groups: tuple[ColumnGroup, ...]


@dataclass(frozen=True)
class ConsolidatedData:
    """The upper level's report: one row per branch and a total row, in words and numbers ready to print."""

    header: DocumentHeader
    title: str
    period_line: str
    headings: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    total: tuple[str, ...]
    not_sent: tuple[str, ...]
    below_bar: tuple[str, ...]
    money_columns: tuple[int, ...] = ()  # the columns of amounts in đồng, printed right-aligned
    parts: tuple[TablePart, ...] = ()  # the printed tables; every column but the branch's name is in one of them
    # the yearly review of the year the period ends in, per branch and in total (empty: not printed)
    review_title: str = ""
    review_headings: tuple[str, ...] = ()
    review_rows: tuple[tuple[str, ...], ...] = ()
    conflicts_waiting: int = 0  # members sent by two units, waiting for the upper level's review
    period_end: str = ""  # the period's last day as printed: a branch has sent when its data reaches it

    @property
    def not_sent_line(self) -> str:
        """The branches whose newest package does not reach the period's last day, said so (a period not over yet
        names every branch: its data cannot reach a day to come)."""
        by = f"đến ngày cuối kỳ ({self.period_end})" if self.period_end else "trong kỳ"
        return f"Chưa gửi dữ liệu {by}: " + ("; ".join(self.not_sent) + "." if self.not_sent else "không có.")

    @property
    def conflicts_line(self) -> str:
        """The line under the table on the members waiting for review, in the PDF and in the workbook alike."""
        from chibo_desktop.domain.formatting import number  # babel: loaded by the documents that print it

        if not self.conflicts_waiting:
            return "Hồ sơ đảng viên trùng giữa các đơn vị: không có hồ sơ nào đang chờ xem xét."
        return f"Hồ sơ đảng viên trùng giữa các đơn vị: {number(self.conflicts_waiting)} hồ sơ đang chờ xem xét."


@dataclass(frozen=True)
class DuesLine:
    """Part I of the dues book: one member in one month (money in đồng; a negative balance is paid ahead)."""

    number: int
    name: str
    mark: str  # "Miễn", "Giảm 50%", "" …
    base: int | None  # the amount the rate applies to; None for a fixed amount
    due: int
    arrears: int
    collected: int
    owed: int
    note: str


@dataclass(frozen=True)
class DuesMonthPart:
    title: str  # "Tháng 3/2026"
    lines: tuple[DuesLine, ...]
    total: DuesLine


@dataclass(frozen=True)
class DuesTotalsLine:
    """Part II: one month, a quarter or the year."""

    label: str
    members: int
    exempt: int
    unpaid: int
    due: int
    collected: int
    kept: int
    upper: int
    paid_up: int
    to_pay_up: int
    summary: bool = False  # a quarter's or the year's line


@dataclass(frozen=True)
class DuesBookData:
    header: DocumentHeader
    year: int
    months: tuple[DuesMonthPart, ...]
    totals: tuple[DuesTotalsLine, ...]
    notes: tuple[str, ...]  # what the figures rest on: the share kept, online payments, amounts above the rate
    warnings: tuple[str, ...]
    secretary: str = ""  # signs for the branch ("" when no member holds the position: written by hand)


@dataclass(frozen=True)
class DuesReceiptData:
    header: DocumentHeader
    member: str  # told apart from another member of the same name, as the book names them
    period: str  # "năm 2026"
    lines: tuple[tuple[str, str, str, int], ...]  # (book month, date paid, how, amount)
    total: int
    total_words: str
    signer: str = ""  # the payer's name alone, under the signature; *member* when empty


@dataclass(frozen=True)
class AuditLogData:
    """The log of changes as printed: the entries chosen on screen, and the period they cover in words."""

    header: DocumentHeader
    entries: tuple[AuditEntry, ...]
    period: str
