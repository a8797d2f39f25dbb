"""Plain data for the printed documents, gathered from the services (the reports never touch the database).

Each function takes only the services it reads; `services/printing.py` says which function feeds which document.
"""

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from chibo_desktop.catalog import Catalog
from chibo_desktop.domain.charts import MIX_LABELS, ChartsData
from chibo_desktop.domain.dates import Period, add_months, document_date, screen_date
from chibo_desktop.domain.documents import (
    AuditLogData,
    BlankFormData,
    BookData,
    ConsolidatedData,
    DocumentHeader,
    FundStatementData,
    LedgerData,
    MemberListData,
    MemberListRow,
    MinutesData,
    RegisterData,
)
from chibo_desktop.domain.formatting import number, percent
from chibo_desktop.domain.funds import (
    EntryKind,
    FundSource,
    InstallmentPaid,
    LoanPosition,
    LoanState,
    installments_paid,
    position,
)
from chibo_desktop.domain.meetings import (
    MARK_LETTERS,
    Mark,
    Role,
    without_honorific,
)
from chibo_desktop.domain.members import Gender, Status
from chibo_desktop.domain.namesakes import among_namesakes, sharing_a_name, shown_names
from chibo_desktop.domain.register import FlagKind, PeriodSummary
from chibo_desktop.domain.text import fold, name_sort_key
from chibo_desktop.reports.api import DocumentStyle
from chibo_desktop.services.consolidated_document import consolidated_of
from chibo_desktop.services.funds import FundService
from chibo_desktop.services.meetings import MeetingService, Register
from chibo_desktop.services.members import MemberService
from chibo_desktop.services.minutes_document import alike_on_the_list, header_of, minutes_of
from chibo_desktop.services.organisation import OrganisationService
from chibo_desktop.services.rules import RulesService

if TYPE_CHECKING:  # loaded by the documents that need them: the log of changes, the report of all branches
    from chibo_desktop.services.audit import AuditService
    from chibo_desktop.services.stats import StatsService

# The printed documents are in Vietnamese whatever the interface language.
STATUS_NOTES = {
    Status.PROBATIONARY: "Dự bị",
    Status.ATTACHED: "Sinh hoạt tạm thời",
    Status.AWAY: "Sinh hoạt tạm thời nơi khác",
    Status.EXEMPTED: "Miễn sinh hoạt",
    Status.SUSPENDED: "Đình chỉ sinh hoạt",
}


def header(organisation: OrganisationService, on: date) -> DocumentHeader:
    return header_of(organisation.require(), on)


def _apart(members: MemberService, people: Sequence[tuple[int, str]]) -> list[tuple[int, str]]:
    """*people* (id, name) of a document that lists some of the branch's members (the borrowers, one member's
    ledger): each whose name another member of the branch has too told apart by the year of birth."""
    namesakes = members.namesakes([member_id for member_id, _name in people]) if people else []
    return among_namesakes(people, namesakes) if namesakes else list(people)


def member_list_data(members: MemberService, organisation: OrganisationService, day: date) -> MemberListData:
    """Members listed in the branch on *day*, in Vietnamese name order."""
    roster = members.roster(day)
    listed = [(entry, state) for entry, state in roster.entries if state.belongs]
    listed.sort(key=lambda item: name_sort_key(item[0].record.full_name))
    rows = []
    for ordinal, (entry, state) in enumerate(listed, start=1):
        r = entry.record
        birth = screen_date(r.date_of_birth)
        rows.append(
            MemberListRow(
                number=ordinal,
                full_name=r.full_name,
                male_birth=birth if r.gender == Gender.MALE else "",
                female_birth=birth if r.gender == Gender.FEMALE else "",
                ethnicity=r.ethnicity,
                religion=r.religion,
                home_town=r.home_town,
                admission_date=screen_date(r.admission_date),
                official_date=screen_date(r.official_date),
                card_number=r.card_number,
                biography_no=r.biography_no,
                hamlet=entry.hamlet,
                note=STATUS_NOTES.get(state.status, ""),
            )
        )
    counts = members.counts(roster, _year(day))
    summary = (
        f"(Tính đến {document_date(day)}: {counts.total} đảng viên, trong đó {counts.official} chính thức, "
        f"{counts.probationary} dự bị, {counts.women} nữ, {counts.ethnic_minority} dân tộc thiểu số"
        + (f"; {counts.attached} đảng viên sinh hoạt tạm thời" if counts.attached else "")
        + ")"
    )
    return MemberListData(header(organisation, day), tuple(rows), summary)


def _year(day: date) -> Period:
    return Period(date(day.year, 1, 1), date(day.year, 12, 31), str(day.year))


def minutes_data(meetings: MeetingService, organisation: OrganisationService, meeting_id: int) -> MinutesData:
    meeting = meetings.get(meeting_id)
    assert meeting.record.on is not None
    alike = alike_on_the_list(meeting)
    identities = meetings.identities(alike) if alike else {}
    return minutes_of(meeting, organisation.require(), meetings.rules(meeting.record.on).away_required, identities)


def blank_form_data(meetings: MeetingService, organisation: OrganisationService, on: date) -> BlankFormData:
    """The form for a meeting on *on*: the members required that day, with boxes to tick."""
    lines = meetings.draft_lines(on)
    away_required = meetings.rules(on).away_required
    people = [(line.member_id, line.name) for line in lines]
    alike = sharing_a_name(people)
    names = dict(shown_names(people, meetings.identities(alike)) if alike else people)
    roles = {Role.OFFICIAL: "Chính thức", Role.PROBATIONARY: "Dự bị"}
    why = {Mark.EXEMPTED: "miễn sinh hoạt", Mark.AWAY: "tạm vắng", Mark.DUTY: "đi công tác"}
    agenda = [
        f"Kiểm điểm kết quả thực hiện nghị quyết tháng {add_months(on, -1).month}",
        f"Phương hướng, nhiệm vụ tháng {on.month}",
    ]
    planned = [
        title
        for _id, quarter, title, held in meetings.topics(on.year)
        if held is None and quarter in (None, (on.month - 1) // 3 + 1)
    ]
    if planned:
        agenda.append(f"Sinh hoạt chuyên đề: “{planned[0]}”")
    return BlankFormData(
        header=header(organisation, on),
        summary_line=f"sinh hoạt chi bộ ................ tháng {on.month} năm {on.year}",
        required=tuple((names[line.member_id], roles[line.role]) for line in lines if line.required(away_required)),
        attached=tuple(names[line.member_id] for line in lines if not line.own),
        not_required=tuple(
            (names[line.member_id], why[line.mark]) for line in lines if line.own and not line.required(away_required)
        ),
        agenda=tuple(agenda),
    )


def register_names(meetings: MeetingService, register: Register) -> dict[int, str]:
    """Member id → the name the printed register lists the member under: two of the same name (both on it, as it
    lists everyone on any meeting's list of the year) told apart by their year of birth."""
    people = [(row.member_id, row.name) for row in register.grid.rows]
    alike = sharing_a_name(people)
    return dict(shown_names(people, meetings.identities(alike)) if alike else people)


def register_data(meetings: MeetingService, organisation: OrganisationService, year: int, today: date) -> RegisterData:
    register = meetings.register(year)
    grid = register.grid
    on = min(date(year, 12, 31), today)
    names = register_names(meetings, register)
    rows = tuple(
        (
            names[row.member_id],
            tuple(" ".join(MARK_LETTERS[m] for m in cell) for cell in row.cells),
            f"{row.present}/{row.required}",
            percent(row.present, row.required),
        )
        for row in grid.rows
    )
    month_totals = []
    for month in range(1, 13):
        present, required = grid.ratio([month])
        month_totals.append(f"{present}/{required}" if required else "")
    present, required = grid.ratio(range(1, 13))

    def summary(label: str, s: PeriodSummary) -> tuple[str, ...]:
        average = "–" if s.average_ratio is None else percent(round(s.average_ratio * 10000), 10000)
        return (
            label,
            str(s.held),
            str(s.regular),
            str(s.thematic),
            average,
            percent(s.present, s.required) if s.required else "–",
            f"{s.present}/{s.required}",
            str(s.guest_attendances),
            str(s.assigned_members),
        )

    summary_rows = tuple(summary(f"Quý {q + 1}", register.quarters[q]) for q in range(4)) + (
        summary(f"Năm {year}", register.whole_year),
    )
    w = register.warnings
    warnings = [
        f"Buổi sinh hoạt ngày {screen_date(b.on)}: có mặt {b.present}/{b.required} ({percent(b.present, b.required)}), dưới ngưỡng."
        for b in w.below_bar
    ]
    for flag in w.flags:
        if flag.kind == FlagKind.REMOVAL_PROPOSAL:
            warnings.append(
                f"{names.get(flag.member_id, flag.name)}: vắng không lý do {flag.count} tháng trong năm — chi bộ xem xét đề nghị xóa tên (cấp trên quyết định)."
            )
        else:
            warnings.append(f"{names.get(flag.member_id, flag.name)}: vắng {flag.count} lần liên tiếp.")
    if w.months_without_regular:
        warnings.append("Không sinh hoạt thường kỳ tháng: " + ", ".join(map(str, w.months_without_regular)) + ".")
    if w.quarters_without_thematic:
        warnings.append("Không sinh hoạt chuyên đề quý: " + ", ".join(map(str, w.quarters_without_thematic)) + ".")
    return RegisterData(
        header=header(organisation, on),
        year=year,
        rows=rows,
        month_totals=tuple(month_totals),
        year_total=(f"{present}/{required}", percent(present, required)),
        meetings_per_month=grid.meetings_per_month,
        summary_rows=summary_rows,
        warnings=tuple(warnings),
    )


def book_data(meetings: MeetingService, organisation: OrganisationService, year: int, today: date) -> BookData:
    """Every meeting of *year*, oldest first."""
    items = sorted(meetings.list_meetings(year), key=lambda item: (item.on, item.id))
    on = min(date(year, 12, 31), today)
    return BookData(
        header(organisation, on), year, tuple(minutes_data(meetings, organisation, item.id) for item in items)
    )


def document_style(rules: RulesService, on: date) -> DocumentStyle:
    """The layout of printed documents in force on *on* (margins and sizes are a dated setting)."""
    return DocumentStyle.from_setting(rules.book().get("document.layout", on))


def fund_period(year: int, today: date) -> Period:
    """The period a fund statement printed from the app covers: the year up to today (the whole of a past year)."""
    return Period(date(year, 1, 1), min(date(year, 12, 31), today), str(year))


def branch_secretary(members: MemberService, on: date) -> str:
    """The member listed on *on* whose Party position is the branch secretary (bí thư, not a deputy), or ""."""
    for entry, state in members.roster(on).entries:
        if state.belongs and fold(entry.record.party_position).startswith("bi thu"):
            return entry.record.full_name
    return ""


def fund_statement_data(
    funds: FundService,
    members: MemberService,
    organisation: OrganisationService,
    fund_id: int,
    period: Period,
    today: date,
) -> FundStatementData:
    fund, loans, entries = funds.book(fund_id)
    st = funds.statement(fund_id, period)
    on = min(period.end, today)
    lines = (
        ("Số dư đầu kỳ", number(st.opening)),
        ("Đảng viên, nhà hảo tâm đóng góp", number(st.contributions)),
        ("Nhận vốn ủy thác", number(st.capital_in)),
        ("Hoàn trả vốn ủy thác", number(st.capital_out)),
        ("Giải ngân cho vay, hỗ trợ", number(st.disbursed)),
        ("Thu nợ gốc", number(st.repaid)),
        ("Thu lãi, phí", number(st.fees)),
        ("Xóa nợ (không phát sinh tiền mặt)", number(st.written_off)),
        ("Số dư cuối kỳ", number(st.closing)),
    )
    f = funds.figures(period, fund_id)
    figures_line = f"Trong kỳ: {f.loans} lượt vay, {number(f.amount)} đồng, {f.members} đảng viên được hỗ trợ. " + (
        f"Dư nợ cuối kỳ: {number(f.outstanding)} đồng; nợ quá hạn: {number(f.overdue)} đồng"
        + (
            f"; tỷ lệ dư nợ quá hạn trên 30 ngày (PAR30): {percent(f.par30_numerator, f.outstanding)}."
            if f.outstanding
            else "."
        )
    )
    active = [p for p in (position(loan, entries, on) for loan in loans) if p.state == LoanState.ACTIVE]
    borrowers = dict(_apart(members, [(p.loan.member_id, p.loan.borrower) for p in active]))
    loan_rows = tuple(p.row(number, borrowers[p.loan.member_id]) for p in active)
    return FundStatementData(
        header=header(organisation, on),
        fund_name=fund.name,
        fund_source=SOURCE_TEXT[fund.source],
        custodian=without_honorific(fund.custodian),
        period_line=f"Từ ngày {screen_date(period.start)} đến ngày {screen_date(period.end)}",
        lines=lines,
        reconciles=st.reconciles,
        loans=loan_rows,
        figures_line=figures_line,
        secretary=branch_secretary(members, on),
        branch=funds.branch_of(fund_id),
    )


ENTRY_TEXT = {
    EntryKind.CONTRIBUTION: "Đóng góp",
    EntryKind.CAPITAL_IN: "Nhận vốn",
    EntryKind.CAPITAL_OUT: "Hoàn trả vốn",
    EntryKind.DISBURSEMENT: "Giải ngân",
    EntryKind.PRINCIPAL: "Trả nợ gốc",
    EntryKind.FEE: "Trả lãi, phí",
    EntryKind.WRITE_OFF: "Xóa nợ",
    EntryKind.UNKNOWN: "Không rõ",
}
SOURCE_TEXT = {
    FundSource.OWN: "vốn quay vòng của chi bộ",
    FundSource.UPPER_LEVEL: "vốn cấp trên ủy thác",
    FundSource.MASS_ORGANISATION: "vốn đoàn thể ủy thác",
    FundSource.POOR_MEMBERS: "quỹ hỗ trợ đảng viên nghèo",
    FundSource.UNKNOWN: "nguồn vốn không rõ",
}


def ledger_data(
    members: MemberService, funds: FundService, organisation: OrganisationService, member_id: int, today: date
) -> LedgerData:
    member = members.get(member_id)
    [(_id, name)] = _apart(members, [(member_id, member.record.full_name)])
    loans, entries = funds.member_ledger(member_id)
    summaries = funds.funds()
    names = {s.fund.id: s.fund.name for s in summaries}
    keepers = {s.fund.id: without_honorific(s.fund.custodian) for s in summaries}
    blocks = []
    for loan in loans:
        # a loan a meeting approved bears the meeting's day (fund_queries.loans), said as such
        where = "tại buổi sinh hoạt chi bộ " if loan.meeting_id else ""
        approved = f"duyệt {where}ngày {screen_date(loan.approved_on)}"
        title = f"{names.get(loan.fund_id, '')}: vay {number(loan.amount)} đồng, {loan.term_months} tháng, {approved}"
        if loan.reason:
            title += f" — {loan.reason}"
        if loan.purpose:
            title += f"; mục đích vay: {loan.purpose}"
        at = position(loan, entries, today)
        started = at.state != LoanState.APPROVED  # paid out: its plan runs
        plan = tuple(
            (str(n), screen_date(i.due), number(i.principal), number(i.fee), _installment_paid(paid, started, today))
            for n, (i, paid) in enumerate(
                zip(loan.installments, installments_paid(loan, entries, today), strict=True), 1
            )
        )
        lines = tuple(
            (
                screen_date(e.on),
                ("Đảo: " if e.reverses is not None else "") + ENTRY_TEXT[e.kind],
                number(-e.amount if e.reverses is not None else e.amount),  # a reversal takes its entry away
                e.note or e.decision_no,
            )
            for e in entries
            if e.loan_id == loan.id
        )
        blocks.append((title, plan, lines, _loan_balance(at, today)))
    # the fund's manager signs when the loans are all kept by one (a member's loans from two funds: left to write)
    managers = {keepers.get(loan.fund_id, "") for loan in loans}
    keeper = managers.pop() if len(managers) == 1 else ""
    return LedgerData(header(organisation, today), name, tuple(blocks), member.record.full_name, keeper)


def _installment_paid(paid: InstallmentPaid, started: bool, today: date) -> str:
    """What the repayments covered of one installment's principal by the day printed, in the ledger's words."""
    if paid.settled_on is not None:
        done = "xóa nợ" if paid.settled_by == EntryKind.WRITE_OFF else "trả đủ"
        late = (paid.settled_on - paid.installment.due).days
        return f"{done} ngày {screen_date(paid.settled_on)}" + (f" (chậm {late} ngày)" if late > 0 else "")
    late = started and paid.installment.due <= today
    if paid.paid:
        text = f"đã trả {number(paid.paid)}, còn {number(paid.installment.principal - paid.paid)}"
        return text + (", quá hạn" if late else "")
    return "quá hạn" if late else ""


def _loan_balance(at: LoanPosition, today: date) -> str:
    """Where a loan stands on the day the ledger is printed, in the words of the ledger: what a reader of the paper
    would otherwise work out from the lines above."""
    day = screen_date(today)
    if at.state == LoanState.APPROVED:
        return f"Đến ngày {day}: chưa giải ngân."
    if at.state == LoanState.GRANTED:
        return f"Đến ngày {day}: hỗ trợ không hoàn lại, không phải trả."
    parts = [f"đã trả gốc {number(at.principal_paid)} đồng"]
    if at.written_off:
        parts.append(f"xóa nợ {number(at.written_off)} đồng")
    owed = f"còn nợ gốc {number(at.outstanding)} đồng"
    if at.overdue_principal:
        owed += f", trong đó quá hạn {number(at.overdue_principal)} đồng"
    parts.append(owed)
    if at.fees_due:
        parts.append(f"lãi, phí đến hạn chưa trả {number(at.fees_due)} đồng")
    return f"Đến ngày {day}: " + "; ".join(parts) + "."


def consolidated_data(
    stats_service: "StatsService",
    organisation: OrganisationService,
    period: Period,
    today: date,
    report: Callable[[int], bool] | None = None,
) -> ConsolidatedData:
    """The upper level's figures per branch and in total for *period*; *report(n)* follows the branches."""
    return consolidated_of(stats_service.stats(period, today, report), organisation.require(), period, today)


def charts_data(
    meetings: MeetingService,
    members: MemberService,
    funds: FundService,
    organisation: OrganisationService,
    year: int,
    today: date,
) -> ChartsData:
    """The figures behind the charts for *year* (up to today when it is the current year)."""
    from chibo_desktop.domain.funds import statement

    last = min(date(year, 12, 31), today)
    register = meetings.register(year)
    grid = register.grid
    attendance = tuple(
        round(100 * present / required, 1) if meetings and required else None
        for meetings, present, required in zip(
            grid.meetings_per_month, grid.present_per_month, grid.required_per_month, strict=True
        )
    )
    bar = meetings.rules(last).bar * 100
    roster = members.roster(last)
    counts = members.counts(roster, Period(date(year, 1, 1), last, str(year)))
    figures = (
        counts.official,
        counts.probationary,
        counts.women,
        counts.ethnic_minority,
        counts.exempted,
        counts.admitted_in_period,
    )
    vietnamese = Catalog("vi").translate  # printed in Vietnamese, whatever the screen's language
    mix = tuple((vietnamese("Charts", label), n) for label, n in zip(MIX_LABELS, figures, strict=True))
    balances = []
    for summary in funds.funds():
        fund = summary.fund
        _fund, _loans, entries = funds.book(fund.id)
        month_ends = []
        for month in range(1, 13):
            if date(year, month, 1) > last:
                break
            end = date.fromordinal(add_months(date(year, month, 1), 1).toordinal() - 1)
            month_ends.append(statement(fund.id, entries, Period(date(year, 1, 1), min(end, last), "")).closing)
        balances.append((fund.name, tuple(month_ends)))
    # at a committee the bars below the mix are its branches (cells of the same name in two branches are two cells)
    unit = organisation.get()
    split = counts.by_branch if unit is not None and unit.is_committee else counts.by_hamlet
    return ChartsData(header(organisation, last), year, attendance, bar, mix, split, tuple(balances))


def audit_log_data(
    audit: "AuditService",
    organisation: OrganisationService,
    since: date | None,
    until: date | None,
    search: str,
    today: date,
) -> AuditLogData:
    """The log of changes in Vietnamese, like every document, whatever the screen's language."""
    entries = audit.entries(Catalog("vi").translate, since, until, search, limit=100_000)
    period = f"từ {screen_date(since) if since else 'đầu'} đến {screen_date(until or today)}"
    return AuditLogData(header(organisation, today), tuple(entries), period)
