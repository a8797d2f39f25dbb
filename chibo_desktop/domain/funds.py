"""The loan fund for members in hardship: funds, loans, schedules, a journal of entries, and its reports.

No Party rule governs these funds, so every term is the fund's own. Money is whole đồng in ``int``: rates are
given in hundredths of a percent per month (70 = 0,70 %/month) and every fee is rounded to the đồng once. A posted
entry is never changed: a mistake is undone by a reversing entry (once), and both stay in the journal.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from chibo_desktop.domain.dates import Period, add_months, screen_date
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message


class FundSource(StrEnum):
    OWN = "own"  # the branch's own revolving capital
    UPPER_LEVEL = "upper_level"  # capital entrusted by the upper level
    MASS_ORGANISATION = "mass_organisation"  # e.g. the Farmers' Support Fund
    POOR_MEMBERS = "poor_members"  # a support fund for poor members
    UNKNOWN = "unknown"  # read from a stored value this version does not know; never written


SOURCE_LABELS = {
    FundSource.OWN: QT_TRANSLATE_NOOP("Fund", "The branch's own revolving capital"),
    FundSource.UPPER_LEVEL: QT_TRANSLATE_NOOP("Fund", "Capital entrusted by the upper level"),
    FundSource.MASS_ORGANISATION: QT_TRANSLATE_NOOP("Fund", "Capital entrusted by a mass organisation"),
    FundSource.POOR_MEMBERS: QT_TRANSLATE_NOOP("Fund", "Support fund for poor members"),
    FundSource.UNKNOWN: QT_TRANSLATE_NOOP("Fund", "Unknown source"),
}


class RateMethod(StrEnum):
    NONE = "none"  # interest-free
    FLAT = "flat"  # a monthly rate on the amount lent
    DECLINING = "declining"  # a monthly rate on the principal still owed
    UNKNOWN = "unknown"  # a stored method this version does not know: no fee is computed from it


class ScheduleKind(StrEnum):
    EQUAL_PRINCIPAL = "equal_principal"  # the same principal every month
    AT_END = "at_end"  # everything at the end of the term
    UNKNOWN = "unknown"  # a stored schedule this version does not know: plans are read as stored


@dataclass(frozen=True)
class FundTerms:
    max_loan: int = 0  # đồng; 0 = no maximum
    term_months: int = 12
    rate_method: RateMethod = RateMethod.NONE
    rate: int = 0  # hundredths of a percent per month (70 = 0,70 %/month)
    schedule: ScheduleKind = ScheduleKind.EQUAL_PRINCIPAL
    grant: bool = False  # money given, not lent


@dataclass(frozen=True)
class Fund:
    id: int
    uuid: str
    name: str
    source: FundSource
    custodian: str
    terms: FundTerms


class EntryKind(StrEnum):
    CONTRIBUTION = "contribution"  # a member's contribution (in)
    CAPITAL_IN = "capital_in"  # capital received from the entrusting body (in)
    CAPITAL_OUT = "capital_out"  # capital returned to it (out)
    DISBURSEMENT = "disbursement"  # a loan or grant paid out (out)
    PRINCIPAL = "principal"  # principal repaid (in)
    FEE = "fee"  # interest or fee paid (in)
    WRITE_OFF = "write_off"  # principal given up by decision (no cash)
    UNKNOWN = "unknown"  # a stored kind this version does not know: shown, counted nowhere, no cash


def opening_kind(source: FundSource) -> EntryKind:
    """How a new fund's opening capital enters its book: capital received for capital entrusted by the upper level
    or a mass organisation (it may be returned to them), a contribution for the branch's own funds."""
    if source in (FundSource.UPPER_LEVEL, FundSource.MASS_ORGANISATION):
        return EntryKind.CAPITAL_IN
    return EntryKind.CONTRIBUTION


ENTRY_LABELS = {
    EntryKind.CONTRIBUTION: QT_TRANSLATE_NOOP("Fund", "Contribution"),
    EntryKind.CAPITAL_IN: QT_TRANSLATE_NOOP("Fund", "Capital received"),
    EntryKind.CAPITAL_OUT: QT_TRANSLATE_NOOP("Fund", "Capital returned"),
    EntryKind.DISBURSEMENT: QT_TRANSLATE_NOOP("Fund", "Disbursed"),
    EntryKind.PRINCIPAL: QT_TRANSLATE_NOOP("Fund", "Principal repaid"),
    EntryKind.FEE: QT_TRANSLATE_NOOP("Fund", "Interest or fee"),
    EntryKind.WRITE_OFF: QT_TRANSLATE_NOOP("Fund", "Written off"),
    EntryKind.UNKNOWN: QT_TRANSLATE_NOOP("Fund", "Unknown entry"),
}
CASH_SIGN = {
    EntryKind.CONTRIBUTION: 1,
    EntryKind.CAPITAL_IN: 1,
    EntryKind.CAPITAL_OUT: -1,
    EntryKind.DISBURSEMENT: -1,
    EntryKind.PRINCIPAL: 1,
    EntryKind.FEE: 1,
    EntryKind.WRITE_OFF: 0,
    EntryKind.UNKNOWN: 0,
}


@dataclass(frozen=True)
class Entry:
    """One line of a fund's journal. A reversal has the same kind and amount and names the entry it undoes."""

    id: int
    fund_id: int
    kind: EntryKind
    amount: int  # đồng, > 0
    on: date
    loan_id: int | None = None
    member_id: int | None = None
    batch: str = ""  # entries posted together (a repayment's fee and principal) are reversed together
    reverses: int | None = None
    note: str = ""
    decision_no: str = ""
    by: str = ""  # who posted it
    at: str = ""  # when it was posted (ISO time)

    @property
    def effect(self) -> int:
        """+1 for an entry, −1 for its reversal."""
        return -1 if self.reverses is not None else 1

    @property
    def cash(self) -> int:
        return CASH_SIGN[self.kind] * self.amount * self.effect


@dataclass(frozen=True)
class Installment:
    due: date
    principal: int
    fee: int


def schedule(
    amount: int, start: date, months: int, kind: ScheduleKind, method: RateMethod, rate: int
) -> tuple[Installment, ...]:
    """The repayment plan of a loan: it always sums to *amount*; fees are whole đồng, rounded half up."""
    if amount <= 0 or months <= 0:
        return ()
    if kind == ScheduleKind.AT_END:
        principals = [0] * (months - 1) + [amount]
    else:
        base, extra = divmod(amount, months)
        principals = [base + (1 if n >= months - extra else 0) for n in range(months)]  # the odd đồng at the end
    installments = []
    owed = amount
    for n, principal in enumerate(principals, start=1):
        if method == RateMethod.FLAT:
            fee = _fee(amount, rate)
        elif method == RateMethod.DECLINING:
            fee = _fee(owed, rate)
        else:
            fee = 0
        installments.append(Installment(add_months(start, n), principal, fee))
        owed -= principal
    return tuple(installments)


def _fee(base: int, rate: int) -> int:
    """*base* × *rate* / 10 000, rounded half up, in whole đồng."""
    return (base * rate + 5_000) // 10_000


class LoanState(StrEnum):
    APPROVED = "approved"  # not yet paid out
    ACTIVE = "active"
    CLOSED = "closed"  # repaid in full
    WRITTEN_OFF = "written_off"
    GRANTED = "granted"  # a grant, paid out


@dataclass(frozen=True)
class Loan:
    id: int
    uuid: str
    fund_id: int
    member_id: int
    borrower: str
    reason: str  # the hardship
    purpose: str
    amount: int
    term_months: int
    rate_method: RateMethod
    rate: int
    schedule_kind: ScheduleKind
    installments: tuple[Installment, ...]
    approved_on: date
    meeting_id: int | None = None
    decision_no: str = ""
    approved_by: str = ""
    disbursed_on: date | None = None
    grant: bool = False


@dataclass(frozen=True)
class LoanPosition:
    """Where a loan stands on one day, from its schedule and the journal."""

    loan: Loan
    state: LoanState
    principal_paid: int
    fees_paid: int
    written_off: int
    outstanding: int  # principal still owed
    fees_due: int  # scheduled fees due by the day and not yet paid
    overdue_principal: int
    days_late: int

    @property
    def bucket(self) -> str:
        return ageing_bucket(self.days_late)

    def row(self, amount: Callable[[int], str], borrower: str | None = None) -> tuple[str, ...]:
        """The loan as the funds tab and the printed statement list it, with *amount* writing the money: borrower
        (*borrower* when the list tells them from another member of the same name), amount lent, paid out on,
        principal repaid, outstanding, overdue, days late."""
        return (
            borrower or self.loan.borrower,
            amount(self.loan.amount),
            screen_date(self.loan.disbursed_on),
            amount(self.principal_paid),
            amount(self.outstanding),
            amount(self.overdue_principal),
            str(self.days_late) if self.days_late else "",
        )


def ageing_bucket(days_late: int) -> str:
    if days_late <= 0:
        return ""
    if days_late <= 30:
        return "1-30"
    if days_late <= 90:
        return "31-90"
    if days_late <= 180:
        return "91-180"
    return "180+"


def _net(entries: Iterable[Entry], kind: EntryKind, on: date | None = None) -> int:
    return sum(e.amount * e.effect for e in entries if e.kind == kind and (on is None or e.on <= on))


def position(loan: Loan, entries: Sequence[Entry], on: date) -> LoanPosition:
    """The loan's position on *on*; *entries* are the loan's own journal lines (any order)."""
    mine = [e for e in entries if e.loan_id == loan.id and e.on <= on]
    disbursed = _net(mine, EntryKind.DISBURSEMENT)
    paid = _net(mine, EntryKind.PRINCIPAL)
    fees = _net(mine, EntryKind.FEE)
    written = _net(mine, EntryKind.WRITE_OFF)
    outstanding = 0 if loan.grant else disbursed - paid - written
    if disbursed == 0:
        state = LoanState.APPROVED
    elif loan.grant:
        state = LoanState.GRANTED
    elif written > 0 and outstanding == 0:
        state = LoanState.WRITTEN_OFF
    elif outstanding == 0:
        state = LoanState.CLOSED
    else:
        state = LoanState.ACTIVE
    due_fees = sum(i.fee for i in loan.installments if i.due <= on) if state == LoanState.ACTIVE or fees else 0
    overdue = 0
    days_late = 0
    if state == LoanState.ACTIVE:
        covered = paid + written
        cumulative = 0
        for installment in loan.installments:
            cumulative += installment.principal
            if installment.due <= on and cumulative > covered:
                if days_late == 0:
                    days_late = (on - installment.due).days
                overdue += min(installment.principal, cumulative - covered)
    return LoanPosition(loan, state, paid, fees, written, outstanding, max(0, due_fees - fees), overdue, days_late)


@dataclass(frozen=True)
class InstallmentPaid:
    """How much of one installment's principal the loan's repayments (and write-offs) covered by a day, taken in
    the plan's order as :func:`position` counts the overdue: the oldest installment first."""

    installment: Installment
    paid: int  # of its principal, 0 … installment.principal
    settled_on: date | None  # the day the repayments first covered it whole (and still do); None while they do not
    settled_by: "EntryKind | None" = None  # the kind of the line that did: a repayment, or a write-off


def installments_paid(loan: Loan, entries: Sequence[Entry], on: date) -> tuple[InstallmentPaid, ...]:
    """Each installment of *loan* with what the repayments up to *on* covered of it (a reversal takes its amount
    back from the newest installment covered)."""
    lines = sorted(
        (e for e in entries if e.loan_id == loan.id and e.on <= on and e.kind in _COVERS),
        key=lambda e: (e.on, e.id),
    )
    out = []
    cumulative = 0
    for installment in loan.installments:
        before, cumulative = cumulative, cumulative + installment.principal
        covered, settled, by = 0, None, None
        for e in lines:
            covered += e.amount * e.effect
            if covered >= cumulative and settled is None:
                settled, by = e.on, e.kind
            elif covered < cumulative:
                settled = by = None
        paid = max(0, min(installment.principal, covered - before))
        out.append(InstallmentPaid(installment, paid, settled, by))
    return tuple(out)


_COVERS = frozenset({EntryKind.PRINCIPAL, EntryKind.WRITE_OFF})


def split_repayment(pos: LoanPosition, amount: int) -> tuple[int, int]:
    """(fee, principal) of a repayment: the fees due are paid first, the rest goes to principal."""
    fee = min(amount, pos.fees_due)
    return fee, amount - fee


def cash_balance(entries: Iterable[Entry], on: date | None = None) -> int:
    return sum(e.cash for e in entries if on is None or e.on <= on)


def lowest_balance(entries: Iterable[Entry]) -> tuple[int, date | None]:
    """The lowest cash balance the fund reaches at the end of any day, and that day."""
    by_day: dict[date, int] = defaultdict(int)
    for e in entries:
        by_day[e.on] += e.cash
    balance, lowest, when = 0, 0, None
    for day in sorted(by_day):
        balance += by_day[day]
        if balance < lowest:
            lowest, when = balance, day
    return lowest, when


@dataclass(frozen=True)
class Statement:
    """A fund's statement for a period: it reconciles by construction, and a test checks it against the journal."""

    fund_id: int
    period: Period
    opening: int
    contributions: int
    capital_in: int
    capital_out: int
    disbursed: int
    repaid: int
    fees: int
    written_off: int  # principal given up: no cash moves, shown for the record
    closing: int

    @property
    def reconciles(self) -> bool:
        inflow = self.contributions + self.capital_in + self.repaid + self.fees
        outflow = self.capital_out + self.disbursed
        return self.opening + inflow - outflow == self.closing


def statement(fund_id: int, entries: Sequence[Entry], period: Period) -> Statement:
    inside = [e for e in entries if e.fund_id == fund_id and period.start <= e.on <= period.end]
    before = [e for e in entries if e.fund_id == fund_id and e.on < period.start]
    return Statement(
        fund_id=fund_id,
        period=period,
        opening=cash_balance(before),
        contributions=_net(inside, EntryKind.CONTRIBUTION),
        capital_in=_net(inside, EntryKind.CAPITAL_IN),
        capital_out=_net(inside, EntryKind.CAPITAL_OUT),
        disbursed=_net(inside, EntryKind.DISBURSEMENT),
        repaid=_net(inside, EntryKind.PRINCIPAL),
        fees=_net(inside, EntryKind.FEE),
        written_off=_net(inside, EntryKind.WRITE_OFF),
        closing=cash_balance(before) + sum(e.cash for e in inside),
    )


@dataclass(frozen=True)
class LoanFigures:
    """What published branch reports give: "36 lượt vay, 744.000.000 đ", members helped, what is still owed."""

    loans: int
    amount: int
    members: int
    outstanding: int
    overdue: int  # principal overdue
    par30_numerator: int  # outstanding principal of loans more than 30 days late
    buckets: dict[str, int] = field(default_factory=dict)  # ageing bucket → outstanding principal

    @property
    def par30(self) -> float | None:
        return self.par30_numerator / self.outstanding if self.outstanding else None


def figures(loans: Sequence[Loan], entries: Sequence[Entry], period: Period, on: date) -> LoanFigures:
    """Loans paid out in *period* (count, amount, members) and the portfolio on *on*."""
    by_loan: dict[int, list[Entry]] = defaultdict(list)  # each loan's lines, found once (a committee has thousands)
    for e in entries:
        if e.loan_id is not None:
            by_loan[e.loan_id].append(e)
    paid_out = [
        loan
        for loan in loans
        if loan.disbursed_on is not None
        and period.contains(loan.disbursed_on)
        and _net(by_loan[loan.id], EntryKind.DISBURSEMENT) > 0
    ]
    buckets: dict[str, int] = defaultdict(int)
    outstanding = overdue = par30 = 0
    for loan in loans:
        pos = position(loan, by_loan[loan.id], on)
        if pos.state != LoanState.ACTIVE:
            continue
        outstanding += pos.outstanding
        overdue += pos.overdue_principal
        if pos.days_late > 30:
            par30 += pos.outstanding
        if pos.bucket:
            buckets[pos.bucket] += pos.outstanding
    return LoanFigures(
        loans=len(paid_out),
        amount=sum(loan.amount for loan in paid_out),
        members=len({loan.member_id for loan in paid_out}),
        outstanding=outstanding,
        overdue=overdue,
        par30_numerator=par30,
        buckets=dict(buckets),
    )


def check_reversal(entries: Sequence[Entry], target: Entry) -> Message | None:
    """Why *target* cannot be reversed, or ``None``: a reversal is final and nothing is reversed twice."""
    if target.reverses is not None:
        return Message(
            "Fund", QT_TRANSLATE_NOOP("Fund", "A reversal cannot itself be reversed; post a new entry instead.")
        )
    if any(e.reverses == target.id for e in entries):
        return Message("Fund", QT_TRANSLATE_NOOP("Fund", "This entry has already been reversed."))
    return None
