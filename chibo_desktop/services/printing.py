"""How every document is printed, decided in one table.

Each kind of document says where its data comes from (a function of `services/documents.py`), which renderer of
`reports/` lays it out, on which page (always A4, upright or on its side; the margins are the dated rule "Văn bản
in" unless the kind keeps its renderer's own narrow margins for a wide table), and the file name it is offered
under: ASCII, saying what it is, with the date or year of the document. The command line (`chibo print …`,
`chibo report`), the window's print actions (`ui/print_actions.py`) and the package export (approved minutes
carried as PDFs) all print through a `Printer`.

Documents are in Vietnamese whatever the language of the interface.
"""

import importlib
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from chibo_desktop.domain.charts import ChartsData
from chibo_desktop.domain.clock import Clock
from chibo_desktop.domain.dates import Period
from chibo_desktop.domain.documents import (
    AuditLogData,
    BlankFormData,
    BookData,
    ConsolidatedData,
    DuesBookData,
    DuesReceiptData,
    FundStatementData,
    LedgerData,
    MemberListData,
    MinutesData,
    RegisterData,
)
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message
from chibo_desktop.domain.review_documents import MemberReviewData, ReviewSummaryData
from chibo_desktop.domain.text import slug
from chibo_desktop.reports.api import DocumentStyle
from chibo_desktop.services import documents, dues_documents, review_documents
from chibo_desktop.services.dues import DuesService
from chibo_desktop.services.funds import FundService
from chibo_desktop.services.meetings import MeetingService
from chibo_desktop.services.members import MemberService
from chibo_desktop.services.organisation import OrganisationService
from chibo_desktop.services.review import ReviewService
from chibo_desktop.services.rules import RulesService

if TYPE_CHECKING:
    from chibo_desktop.services.audit import AuditService
    from chibo_desktop.services.stats import StatsService

R = TypeVar("R")  # what the user chose: a meeting, a day, a year, a period…
D = TypeVar("D")  # the plain data the renderer draws


def _renderer(module: str, name: str) -> Callable[..., Path]:
    """The renderer *name* of ``reports/<module>.py``, imported when a document is first printed: reportlab takes a
    third of a second to load, and most starts of the app or the command line print nothing."""

    def render(*args: Any, **kwargs: Any) -> Path:
        function: Callable[..., Path] = getattr(importlib.import_module(f"chibo_desktop.reports.{module}"), name)
        return function(*args, **kwargs)

    return render


audit_pdf = _renderer("audit_pdf", "audit_pdf")
blank_form_pdf = _renderer("blank_form", "blank_form_pdf")
book_pdf = _renderer("book", "book_pdf")
charts_pdf = _renderer("charts_pdf", "charts_pdf")
consolidated_pdf = _renderer("consolidated", "consolidated_pdf")
dues_book_pdf = _renderer("dues_pdf", "book_pdf")
receipt_pdf = _renderer("dues_pdf", "receipt_pdf")
ledger_pdf = _renderer("fund_pdf", "ledger_pdf")
statement_pdf = _renderer("fund_pdf", "statement_pdf")
member_list_pdf = _renderer("member_list", "member_list_pdf")
addendum_pdf = _renderer("minutes", "addendum_pdf")
minutes_with_addenda_pdf = _renderer("minutes", "minutes_with_addenda_pdf")
register_pdf = _renderer("register_pdf", "register_pdf")
member_pdf = _renderer("review_pdf", "member_pdf")
summary_pdf = _renderer("review_pdf", "summary_pdf")

Report = Callable[[int], bool]
"""``report(steps done)`` follows a long document; it returns False to cancel."""


def _go_on(_done: int) -> bool:
    return True


@dataclass(frozen=True)
class DocumentKind(Generic[R, D]):
    """One row of the table: *gather(printer, chosen, report)* reads the data, *render(data, out, style, report)*
    writes the PDF, *file_name(chosen, data)* is the name the user is offered when saving it."""

    key: str  # the command line's word: `chibo print KEY`
    gather: Callable[["Printer", R, Report], D]
    render: Callable[[D, Path, DocumentStyle | None, Report], Path]
    landscape: bool  # A4 on its side
    file_name: Callable[[R, D], str]
    rule_margins: bool = True  # False: the renderer's own narrow margins, for a wide table


@dataclass(frozen=True)
class FundPeriod:
    fund_id: int
    period: Period


@dataclass(frozen=True)
class AuditChoice:
    """The entries chosen on the log's screen: from, to (None: open) and the words searched for."""

    since: date | None = None
    until: date | None = None
    search: str = ""


@dataclass(frozen=True)
class DuesReceiptChoice:
    """Whose receipt, for the payments of which year."""

    member_id: int
    year: int


def _simple(
    render: Callable[[D, Path, DocumentStyle | None], Path],
) -> Callable[[D, Path, DocumentStyle | None, Report], Path]:
    """A renderer that runs in one go (no steps to report)."""
    return lambda data, out, style, _report: render(data, out, style)


def _period_name(period: Period) -> str:
    """The period in a file name: "2026-Q2" as it is, a term by its name in plain letters ("nhiem-ky-2020-2025"), a
    range by its days ("2020-09-01-2025-06-30")."""
    if not period.label or ".." in period.label:
        return f"{period.start.isoformat()}-{period.end.isoformat()}"
    return period.label if period.label.isascii() and " " not in period.label else slug(period.label, "ky")


def _with_addenda(printer: "Printer", meeting_id: int, _report: Report) -> MinutesData:
    data = documents.minutes_data(printer.meetings, printer.organisation, meeting_id)
    if not data.addenda:
        raise UserError(Message("Printing", QT_TRANSLATE_NOOP("Printing", "This meeting has no addendum to print.")))
    return data


def _dues_book(printer: "Printer", year: int, _report: Report) -> DuesBookData:
    on = min(date(year, 12, 31), printer.today())
    secretary = documents.branch_secretary(printer.members, on)
    return dues_documents.book_data(printer.dues.ledger(), printer.organisation, year, printer.today(), secretary)


def _dues_receipt(printer: "Printer", chosen: DuesReceiptChoice, _report: Report) -> DuesReceiptData:
    ledger = printer.dues.ledger()
    if chosen.member_id not in ledger.members:
        raise UserError(
            Message(
                "Printing",
                QT_TRANSLATE_NOOP("Printing", "There is no member with id {id}."),
                {"id": chosen.member_id},
            )
        )
    return dues_documents.receipt_data(ledger, printer.organisation, chosen.member_id, chosen.year, printer.today())


# --- the table ---------------------------------------------------------------------------------------------

MEMBERS = DocumentKind[date, MemberListData](
    key="members",
    gather=lambda p, day, _report: documents.member_list_data(p.members, p.organisation, day),
    render=_simple(member_list_pdf),
    landscape=True,
    file_name=lambda _day, data: f"danh-sach-dang-vien-{data.header.on.isoformat()}.pdf",
)
MINUTES = DocumentKind[int, MinutesData](
    key="minutes",  # with the addendum page when approved minutes were corrected
    gather=lambda p, meeting_id, _report: documents.minutes_data(p.meetings, p.organisation, meeting_id),
    render=_simple(minutes_with_addenda_pdf),
    landscape=False,
    file_name=lambda _meeting_id, data: f"bien-ban-{data.header.on.isoformat()}.pdf",
)
ADDENDUM = DocumentKind[int, MinutesData](
    key="addendum",
    gather=_with_addenda,
    render=_simple(addendum_pdf),
    landscape=False,
    file_name=lambda _meeting_id, data: f"phu-luc-bien-ban-{data.header.on.isoformat()}.pdf",
)
BLANK_MINUTES = DocumentKind[date, BlankFormData](
    key="blank-minutes",
    gather=lambda p, on, _report: documents.blank_form_data(p.meetings, p.organisation, on),
    render=_simple(blank_form_pdf),
    landscape=False,
    file_name=lambda on, _data: f"mau-bien-ban-{on.isoformat()}.pdf",
)
MINUTES_BOOK = DocumentKind[int, BookData](
    key="minutes-book",  # reports each meeting laid out
    gather=lambda p, year, _report: documents.book_data(p.meetings, p.organisation, year, p.today()),
    render=lambda data, out, style, report: book_pdf(data, out, report, style),
    landscape=False,
    file_name=lambda year, _data: f"so-bien-ban-{year}.pdf",
)
REGISTER = DocumentKind[int, RegisterData](
    key="register",
    gather=lambda p, year, _report: documents.register_data(p.meetings, p.organisation, year, p.today()),
    render=_simple(register_pdf),
    landscape=True,
    file_name=lambda year, _data: f"so-theo-doi-sinh-hoat-{year}.pdf",
)
FUND_STATEMENT = DocumentKind[FundPeriod, FundStatementData](
    key="fund",
    gather=lambda p, chosen, _report: documents.fund_statement_data(
        p.funds, p.members, p.organisation, chosen.fund_id, chosen.period, p.today()
    ),
    render=_simple(statement_pdf),
    landscape=False,
    file_name=lambda chosen, data: f"bao-cao-quy-{slug(data.fund_name, 'quy')}-{_period_name(chosen.period)}.pdf",
)
LEDGER = DocumentKind[int, LedgerData](
    key="ledger",
    gather=lambda p, member_id, _report: documents.ledger_data(
        p.members, p.funds, p.organisation, member_id, p.today()
    ),
    render=_simple(ledger_pdf),
    landscape=False,
    file_name=lambda _member_id, data: f"so-vay-{slug(data.member, 'dang-vien')}-{data.header.on.isoformat()}.pdf",
)
CHARTS = DocumentKind[int, ChartsData](
    key="charts",
    gather=lambda p, year, _report: documents.charts_data(
        p.meetings, p.members, p.funds, p.organisation, year, p.today()
    ),
    render=_simple(charts_pdf),
    landscape=False,
    file_name=lambda year, _data: f"bieu-do-{year}.pdf",
)
AUDIT_LOG = DocumentKind[AuditChoice, AuditLogData](
    key="audit-log",
    gather=lambda p, chosen, _report: documents.audit_log_data(
        p.audit, p.organisation, chosen.since, chosen.until, chosen.search, p.today()
    ),
    render=lambda data, out, style, _report: audit_pdf(data.header, data.entries, data.period, out, style),
    landscape=True,
    file_name=lambda _chosen, data: f"nhat-ky-thay-doi-{data.header.on.isoformat()}.pdf",
    rule_margins=False,
)
CONSOLIDATED = DocumentKind[Period, ConsolidatedData](
    key="report",  # at the upper level; reports each branch added up
    gather=lambda p, period, report: documents.consolidated_data(p.stats, p.organisation, period, p.today(), report),
    render=_simple(consolidated_pdf),
    landscape=True,
    file_name=lambda period, _data: f"bao-cao-tong-hop-{_period_name(period)}.pdf",
    rule_margins=False,
)

DUES_BOOK = DocumentKind[int, DuesBookData](
    key="dues-book",  # reports each month of Part I laid out, then Part II (see reports.dues_pdf.book_steps)
    gather=_dues_book,
    render=lambda data, out, style, report: dues_book_pdf(data, out, style, report),
    landscape=True,
    file_name=lambda year, _data: f"so-thu-nop-dang-phi-{year}.pdf",
)
DUES_RECEIPT = DocumentKind[DuesReceiptChoice, DuesReceiptData](
    key="dues-receipt",
    gather=_dues_receipt,
    render=_simple(receipt_pdf),
    landscape=False,
    file_name=lambda chosen, data: f"bien-lai-dang-phi-{slug(data.member, 'dang-vien')}-{chosen.year}.pdf",
)

REVIEW = DocumentKind[int, ReviewSummaryData](
    key="review",
    gather=lambda p, year, _report: review_documents.summary_data(p.review, p.organisation, year, p.today()),
    render=_simple(summary_pdf),
    landscape=False,
    file_name=lambda year, _data: f"ket-qua-danh-gia-xep-loai-dang-vien-{year}.pdf",
)
MEMBER_REVIEW = DocumentKind[int, MemberReviewData](
    key="member-review",
    gather=lambda p, member_id, _report: review_documents.member_data(p.review, p.organisation, member_id, p.today()),
    render=_simple(member_pdf),
    landscape=False,
    file_name=lambda _member_id, data: f"phieu-theo-doi-{slug(data.known_as or data.name, 'dang-vien')}.pdf",
)

KINDS: dict[str, DocumentKind[Any, Any]] = {
    kind.key: kind
    for kind in (
        MEMBERS,
        MINUTES,
        ADDENDUM,
        BLANK_MINUTES,
        MINUTES_BOOK,
        REGISTER,
        FUND_STATEMENT,
        LEDGER,
        CHARTS,
        AUDIT_LOG,
        CONSOLIDATED,
        DUES_BOOK,
        DUES_RECEIPT,
        REVIEW,
        MEMBER_REVIEW,
    )
}


class Printer:
    """Prints any kind of the table from one database's services."""

    organisation: OrganisationService
    rules: RulesService
    members: MemberService
    meetings: MeetingService
    funds: FundService
    dues: DuesService
    clock: Clock
    review: ReviewService

    def __init__(
        self,
        organisation: OrganisationService,
        rules: RulesService,
        members: MemberService,
        meetings: MeetingService,
        funds: FundService,
        dues: DuesService,
        stats: Callable[[], "StatsService"],
        audit: Callable[[], "AuditService"],
        clock: Clock,
        review: ReviewService,
    ) -> None:
        """*stats* and *audit* give those services when a document needs them (the report of all branches, the
        log of changes): a meeting's minutes are printed without loading either."""
        self.review = review
        self.organisation = organisation
        self.rules = rules
        self.members = members
        self.meetings = meetings
        self.funds = funds
        self.dues = dues
        self._stats = stats
        self._audit = audit
        self.clock = clock

    @property
    def stats(self) -> "StatsService":
        return self._stats()

    @property
    def audit(self) -> "AuditService":
        return self._audit()

    def today(self) -> date:
        return self.clock.today()

    def style(self, kind: DocumentKind[R, D]) -> DocumentStyle | None:
        """The page of *kind*: the rule's margins in force today, on A4 upright or on its side; None leaves the
        renderer its own (landscape) page."""
        if not kind.rule_margins:
            return None
        style = documents.document_style(self.rules, self.today())
        return style.turned() if kind.landscape else style

    def data(self, kind: DocumentKind[R, D], chosen: R, report: Report = _go_on) -> D:
        return kind.gather(self, chosen, report)

    def render(self, kind: DocumentKind[R, D], data: D, out: Path, report: Report = _go_on) -> Path:
        """Lay *data* out on the page of *kind* into *out* (all of it or nothing: see `reports.layout.build_pdf`)."""
        return kind.render(data, out, self.style(kind), report)

    def write(self, kind: DocumentKind[R, D], chosen: R, out: Path, report: Report = _go_on) -> Path:
        return self.render(kind, self.data(kind, chosen, report), out, report)

    def write_into(self, kind: DocumentKind[R, D], chosen: R, folder: Path, report: Report = _go_on) -> Path:
        """Write the document into *folder* under its own file name (the name the user is offered to save it as)."""
        data = self.data(kind, chosen, report)
        return self.render(kind, data, folder / kind.file_name(chosen, data), report)

    def pdf_bytes(self, kind: DocumentKind[R, D], chosen: R) -> bytes:
        with tempfile.TemporaryDirectory(prefix="chibo-print-") as folder:
            return self.write_into(kind, chosen, Path(folder)).read_bytes()

    def consolidated_workbook(self, period: Period, out: Path, report: Report = _go_on) -> Path:
        """The report of all branches as a workbook, for those who add up further in Excel."""
        data = self.data(CONSOLIDATED, period, report)
        from chibo_desktop.services.table_files import write_xlsx  # the spreadsheet files' module: not for a PDF

        notes = [(), (data.conflicts_line,)]  # under the table after a blank row, as in the PDF
        write_xlsx(out, data.headings, [*data.rows, data.total, *notes], "Tổng hợp")
        return out

    def dues_workbook(self, year: int, out: Path, report: Report = _go_on) -> Path:
        """The dues book of *year* as a workbook: Part I and Part II on two sheets, the figures as numbers."""
        return dues_documents.write_book_xlsx(self.data(DUES_BOOK, year, report), out)


def workbook_name(period: Period) -> str:
    return f"bao-cao-tong-hop-{_period_name(period)}.xlsx"
