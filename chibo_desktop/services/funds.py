"""The loan fund: funds and their terms, loans and their plans, postings, statements, overdue loans, figures.

Every posting is checked by the domain :class:`Ledger` on the fund as stored, inside the write transaction
(so two windows cannot both spend the same cash), and only then are its new journal lines inserted.
"""

import getpass
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from chibo_desktop.domain.clock import Clock
from chibo_desktop.domain.dates import Period, screen_date
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.formatting import Number
from chibo_desktop.domain.funds import (
    Entry,
    EntryKind,
    Fund,
    FundSource,
    FundTerms,
    Installment,
    Loan,
    LoanFigures,
    LoanPosition,
    LoanState,
    RateMethod,
    ScheduleKind,
    Statement,
    cash_balance,
    figures,
    opening_kind,
    position,
    schedule,
    statement,
)
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message, messages
from chibo_desktop.domain.ledger import Ledger
from chibo_desktop.domain.members import state_on
from chibo_desktop.domain.namesakes import Identity
from chibo_desktop.domain.text import hidden_characters, nfc, refuse_hidden_characters
from chibo_desktop.services.changes import Change, Topic
from chibo_desktop.services.committee_figures import loan_stats
from chibo_desktop.services.organisation import OrganisationService
from chibo_desktop.storage import fund_queries, member_queries
from chibo_desktop.storage.db import Database, Session

_msg = messages("Fund")


def _plan_mismatch(installments: tuple[Installment, ...], amount: int) -> Message | None:
    """The message when a repayment plan does not add up to the amount lent, else None."""
    total = sum(i.principal for i in installments)
    if total == amount:
        return None
    return _msg(
        QT_TRANSLATE_NOOP("Fund", "The plan must add up to the amount lent: it adds up to {total} đồng."),
        total=Number(total),
    )


FIELDS = _msg(QT_TRANSLATE_NOOP("Fund", "Some fields need attention; see the messages beside them."))


@dataclass(frozen=True)
class FundSummary:
    fund: Fund
    balance: int
    outstanding: int
    active_loans: int
    overdue: int
    branch: str = ""  # the unit that keeps the fund (the branch it came from, at a committee)


@dataclass(frozen=True)
class LoanRequest:
    """What the loan dialog sends: the loan as approved, with its plan (generated, or edited by hand)."""

    fund_id: int
    member_id: int | None
    reason: str
    purpose: str
    amount: int
    term_months: int
    rate_method: RateMethod
    rate: int
    schedule_kind: ScheduleKind
    approved_on: date | None
    meeting_id: int | None = None
    decision_no: str = ""
    approved_by: str = ""
    installments: tuple[Installment, ...] | None = None  # None: generated from the terms
    disburse_on: date | None = None  # pay out at once


def _require_date(on: date | None) -> None:
    """The forms read their date fields first; a caller that passes none gets the same plain message."""
    if on is None:
        raise UserError(
            Message("Fund", QT_TRANSLATE_NOOP("Fund", "Write the date of the entry.")),
            {
                "on": Message(
                    "Validation",
                    QT_TRANSLATE_NOOP("Validation", "Write the date as dd/mm/yyyy, for example 05/02/1970."),
                )
            },
        )


class FundService:
    def __init__(
        self,
        db: Database,
        organisation: OrganisationService,
        clock: Clock,
        user: Callable[[], str] = getpass.getuser,
    ) -> None:
        self._db = db
        self._organisation = organisation
        self._clock = clock
        self._today = clock.today
        self._user = user

    # --- funds --------------------------------------------------------------------------------------------

    def funds(self) -> list[FundSummary]:
        today = self._today()
        with self._db.read() as session:
            all_funds = fund_queries.funds(session)
            loans = fund_queries.loans(session)
            entries = fund_queries.entries(session)
            units = fund_queries.fund_units(session)
        out = []
        for fund in all_funds:
            mine = [e for e in entries if e.fund_id == fund.id]
            positions = [position(loan, mine, today) for loan in loans if loan.fund_id == fund.id]
            active = [p for p in positions if p.state == LoanState.ACTIVE]
            out.append(
                FundSummary(
                    fund,
                    cash_balance(mine),
                    sum(p.outstanding for p in active),
                    len(active),
                    sum(p.overdue_principal for p in active),
                    units.get(fund.id, ""),
                )
            )
        return out

    def fund(self, fund_id: int) -> Fund:
        for summary in self.funds():
            if summary.fund.id == fund_id:
                return summary.fund
        raise UserError(_msg(QT_TRANSLATE_NOOP("Fund", "This fund no longer exists.")))

    def save_fund(
        self,
        fund_id: int | None,
        name: str,
        source: FundSource,
        custodian: str,
        terms: FundTerms,
        opening: int = 0,
        opened_on: date | None = None,
    ) -> Change:
        """A new fund (``fund_id=None``) or a fund's new name and terms. A new fund's *opening* capital, in đồng (0:
        none), is the first line of its book on *opened_on*, written with the fund: a contribution, or capital
        received for capital entrusted to the branch (:func:`opening_kind`), as the capital dialog would post it."""
        self._organisation.require_own_records()
        if fund_id is not None and opening:
            raise ValueError("a fund's capital after it is set up goes through capital()")
        errors: dict[str, Message] = hidden_characters({"name": name, "custodian": custodian})
        if not nfc(name):
            errors["name"] = _msg(QT_TRANSLATE_NOOP("Fund", "Enter the fund's name."))
        for field, chosen in (("source", source), ("rate_method", terms.rate_method), ("schedule", terms.schedule)):
            if chosen == "unknown":  # the stand-in for a stored value not understood is never written
                errors[field] = _msg(QT_TRANSLATE_NOOP("Fund", "Choose one of the values offered."))
        if terms.max_loan < 0:
            errors["max_loan"] = _msg(QT_TRANSLATE_NOOP("Fund", "The maximum cannot be negative."))
        if not 1 <= terms.term_months <= 120:
            errors["term_months"] = _msg(QT_TRANSLATE_NOOP("Fund", "A term is 1 to 120 months."))
        if terms.rate < 0 or terms.rate > 1000 or (terms.rate_method == RateMethod.NONE and terms.rate != 0):
            errors["rate"] = _msg(
                QT_TRANSLATE_NOOP("Fund", "The rate is 0 for an interest-free fund, otherwise 0,01 to 10 % a month.")
            )
        if opening < 0:
            errors["opening"] = _msg(QT_TRANSLATE_NOOP("Fund", "The opening capital cannot be negative."))
        elif opening and opened_on is None:
            errors["opened_on"] = _msg(QT_TRANSLATE_NOOP("Fund", "Write the date the opening capital came in."))
        if errors:
            raise UserError(FIELDS, errors)
        branch = self._organisation.require_own_records()
        with self._db.write() as session:
            saved = fund_queries.save_fund(session, branch.branch_id, fund_id, nfc(name), source, nfc(custodian), terms)
            if opening:
                assert opened_on is not None
                kind = opening_kind(source)
                self._post(saved, lambda ledger: ledger.capital(kind, opening, opened_on), session)
        return Change.of(Topic.FUNDS, saved)

    # --- postings -----------------------------------------------------------------------------------------

    def _ledger(self, session: Session, fund_id: int) -> Ledger:
        fund = next((f for f in fund_queries.funds(session) if f.id == fund_id), None)
        if fund is None:
            raise UserError(_msg(QT_TRANSLATE_NOOP("Fund", "This fund no longer exists.")))
        return Ledger(
            fund, fund_queries.loans(session, fund_id), fund_queries.entries(session, fund_id), by=self._user()
        )

    def _post(self, fund_id: int, action: Callable[[Ledger], list[Entry]], session: Session | None = None) -> Change:
        if session is None:
            self._organisation.require_own_records()
            with self._db.write() as own:
                return self._post(fund_id, action, own)
        ledger = self._ledger(session, fund_id)
        new = action(ledger)
        fund_queries.insert_entries(session, new)
        for e in new:
            if e.kind == EntryKind.DISBURSEMENT and e.loan_id is not None:
                fund_queries.set_disbursed(session, e.loan_id, None if e.reverses is not None else e.on)
        return Change.of(Topic.FUNDS, fund_id)

    def capital(
        self, fund_id: int, kind: EntryKind, amount: int, on: date, member_id: int | None = None, note: str = ""
    ) -> Change:
        """A contribution, or capital received from or returned to the entrusting body."""
        _require_date(on)
        refuse_hidden_characters({"note": note})
        return self._post(fund_id, lambda ledger: ledger.capital(kind, amount, on, member_id, nfc(note)))

    def plan(
        self, amount: int, start: date, months: int, kind: ScheduleKind, method: RateMethod, rate: int
    ) -> tuple[Installment, ...]:
        return schedule(amount, start, months, kind, method, rate)

    def _check_loan(self, request: LoanRequest, fund: Fund) -> dict[str, Message]:
        errors: dict[str, Message] = {}
        if request.member_id is None:
            errors["member_id"] = _msg(QT_TRANSLATE_NOOP("Fund", "Choose the member who borrows."))
        if not nfc(request.reason):
            errors["reason"] = _msg(QT_TRANSLATE_NOOP("Fund", "Write the hardship the loan helps with."))
        if "unknown" in (request.rate_method, request.schedule_kind):  # never written, see FundSource.UNKNOWN
            errors["rate_method"] = _msg(QT_TRANSLATE_NOOP("Fund", "Choose one of the values offered."))
        if request.amount <= 0:
            errors["amount"] = _msg(QT_TRANSLATE_NOOP("Fund", "The amount must be more than 0 đồng."))
        elif fund.terms.max_loan and request.amount > fund.terms.max_loan:
            errors["amount"] = _msg(
                QT_TRANSLATE_NOOP("Fund", "This fund lends at most {amount} đồng."),
                amount=Number(fund.terms.max_loan),
            )
        if not 1 <= request.term_months <= 120:
            errors["term_months"] = _msg(QT_TRANSLATE_NOOP("Fund", "A term is 1 to 120 months."))
        if request.approved_on is None:
            errors["approved_on"] = _msg(QT_TRANSLATE_NOOP("Fund", "Enter the date the loan was approved."))
        elif request.approved_on > self._today():
            errors["approved_on"] = _msg(QT_TRANSLATE_NOOP("Fund", "This date is in the future."))
        if request.meeting_id is None and not nfc(request.decision_no):
            errors["decision_no"] = _msg(
                QT_TRANSLATE_NOOP("Fund", "Name the meeting that approved the loan, or the decision number.")
            )
        elif request.meeting_id is not None:
            with self._db.read() as session:
                held_on = fund_queries.meeting_day(session, request.meeting_id)
            if held_on is None:
                errors["meeting_id"] = _msg(QT_TRANSLATE_NOOP("Fund", "This meeting no longer exists; choose another."))
            elif request.approved_on is not None and request.approved_on != held_on:
                # the ledger prints the meeting's day as the approval date: a different day typed here would be lost
                errors["approved_on"] = _msg(
                    QT_TRANSLATE_NOOP(
                        "Fund",
                        "The loan was approved at the meeting of {day}: the approval date is the day of that meeting.",
                    ),
                    day=screen_date(held_on),
                )
        if request.installments is not None and (mismatch := _plan_mismatch(request.installments, request.amount)):
            errors["installments"] = mismatch
        typed = ("reason", "purpose", "decision_no", "approved_by")
        return {**errors, **hidden_characters({name: getattr(request, name) for name in typed})}

    def grant_loan(self, request: LoanRequest) -> Change:
        """Record an approved loan with its plan; with ``disburse_on``, pay it out in the same transaction."""
        self._organisation.require_own_records()
        fund = self.fund(request.fund_id)
        errors = self._check_loan(request, fund)
        if errors:
            raise UserError(FIELDS, errors)
        assert request.member_id is not None and request.approved_on is not None
        with self._db.write() as session:
            member = member_queries.get_member(session, request.member_id)
            if member is None or not state_on(member.events, request.approved_on).belongs:
                raise UserError(
                    FIELDS,
                    {
                        "member_id": _msg(
                            QT_TRANSLATE_NOOP(
                                "Fund", "The borrower must be a member of the branch on the approval date."
                            )
                        )
                    },
                )
            start = request.disburse_on or request.approved_on
            plan = request.installments or schedule(
                request.amount, start, request.term_months, request.schedule_kind, request.rate_method, request.rate
            )
            loan = Loan(
                id=0,
                uuid="",
                fund_id=fund.id,
                member_id=request.member_id,
                borrower=member.record.full_name,
                reason=nfc(request.reason),
                purpose=nfc(request.purpose),
                amount=request.amount,
                term_months=request.term_months,
                rate_method=request.rate_method,
                rate=request.rate,
                schedule_kind=request.schedule_kind,
                installments=plan,
                approved_on=request.approved_on,
                meeting_id=request.meeting_id,
                decision_no=nfc(request.decision_no),
                approved_by=nfc(request.approved_by),
                grant=fund.terms.grant,
            )
            loan_id = fund_queries.add_loan(session, loan)
            if request.disburse_on is not None:
                on = request.disburse_on
                self._post(fund.id, lambda ledger: ledger.disburse(loan_id, on), session)
        return Change.of(Topic.FUNDS, loan_id)

    def update_plan(self, loan_id: int, installments: tuple[Installment, ...]) -> Change:
        """Change the repayment plan, which is allowed only before the money is paid out."""
        self._organisation.require_own_records()
        with self._db.write() as session:
            loan = fund_queries.loan(session, loan_id)
            if loan is None:
                raise UserError(_msg(QT_TRANSLATE_NOOP("Fund", "This loan is not in this fund.")))
            if loan.disbursed_on is not None:
                raise UserError(
                    _msg(QT_TRANSLATE_NOOP("Fund", "The plan of a loan already paid out cannot be changed."))
                )
            if mismatch := _plan_mismatch(installments, loan.amount):
                raise UserError(mismatch)
            fund_queries.set_plan(session, loan_id, installments)
        return Change.of(Topic.FUNDS, loan_id)

    def _fund_of(self, loan_id: int) -> int:
        with self._db.read() as session:
            loan = fund_queries.loan(session, loan_id)
        if loan is None:
            raise UserError(_msg(QT_TRANSLATE_NOOP("Fund", "This loan is not in this fund.")))
        return loan.fund_id

    def disburse(self, loan_id: int, on: date) -> Change:
        _require_date(on)
        return self._post(self._fund_of(loan_id), lambda ledger: ledger.disburse(loan_id, on))

    def repay(self, loan_id: int, amount: int, on: date, note: str = "") -> Change:
        _require_date(on)
        refuse_hidden_characters({"note": note})
        return self._post(self._fund_of(loan_id), lambda ledger: ledger.repay(loan_id, amount, on, nfc(note)))

    def write_off(self, loan_id: int, on: date, decision_no: str, note: str = "") -> Change:
        _require_date(on)
        refuse_hidden_characters({"decision_no": decision_no, "note": note})
        return self._post(
            self._fund_of(loan_id), lambda ledger: ledger.write_off(loan_id, on, nfc(decision_no), nfc(note))
        )

    def reverse(self, fund_id: int, entry_id: int, on: date, note: str = "") -> Change:
        """Undo a posting with reversing entries dated *on*; the original stays in the journal."""
        refuse_hidden_characters({"note": note})
        return self._post(fund_id, lambda ledger: ledger.reverse(entry_id, on, nfc(note)))

    # --- reading ------------------------------------------------------------------------------------------

    def branch_of(self, fund_id: int) -> str:
        """The name of the unit that keeps the fund: this branch, or at a committee the branch it came from."""
        with self._db.read() as session:
            return fund_queries.fund_units(session).get(fund_id, "")

    def book(self, fund_id: int) -> tuple[Fund, list[Loan], list[Entry]]:
        with self._db.read() as session:
            fund = next((f for f in fund_queries.funds(session) if f.id == fund_id), None)
            if fund is None:
                raise UserError(_msg(QT_TRANSLATE_NOOP("Fund", "This fund no longer exists.")))
            return fund, fund_queries.loans(session, fund_id), fund_queries.entries(session, fund_id)

    def member_names(self, entries: Sequence[Entry]) -> dict[int, str]:
        """Member id → name of the members *entries* name (a member's contribution), former members too."""
        wanted = sorted({e.member_id for e in entries if e.member_id is not None})
        if not wanted:
            return {}
        with self._db.read() as session:
            return fund_queries.member_names(session, wanted)

    def namesakes(self, member_ids: Sequence[int]) -> list[Identity]:
        """The members of the branch who share the name of one of *member_ids* (borrowers, contributors) with
        another member, to tell them apart (see ``domain/namesakes``)."""
        with self._db.read() as session:
            return member_queries.namesakes(session, member_ids)

    def positions(self, fund_id: int | None = None, on: date | None = None) -> list[LoanPosition]:
        day = on or self._today()
        with self._db.read() as session:
            loans = fund_queries.loans(session, fund_id)
            entries = fund_queries.entries(session, fund_id)
        return [position(loan, entries, day) for loan in loans]

    def overdue(self, on: date | None = None) -> list[LoanPosition]:
        """Loans with principal past due, most days late first."""
        late = [p for p in self.positions(None, on) if p.state == LoanState.ACTIVE and p.days_late > 0]
        return sorted(late, key=lambda p: -p.days_late)

    def statement(self, fund_id: int, period: Period) -> Statement:
        _fund, _loans, entries = self.book(fund_id)
        return statement(fund_id, entries, period)

    def member_ledger(self, member_id: int) -> tuple[list[Loan], list[Entry]]:
        with self._db.read() as session:
            loans = fund_queries.loans(session, member_id=member_id)
            entries = [
                e
                for e in fund_queries.entries(session)
                if e.loan_id in {loan.id for loan in loans} or e.member_id == member_id
            ]
        return loans, entries

    def figures(
        self, period: Period, fund_id: int | None = None, org_units: Sequence[int] | None = None
    ) -> LoanFigures:
        on = min(period.end, self._today())
        with self._db.read() as session:
            loans = fund_queries.loans(session, fund_id, org_units=org_units)
            entries = fund_queries.entries(session, fund_id, org_units=org_units)
        return figures(loans, entries, period, on)

    def stats(self, period: Period, org_units: Sequence[int] | None = None) -> dict[str, object]:
        """The "loans" object of ``chibo stats --json`` (of one branch, at the upper level)."""
        with self._db.read() as session:
            count = len(fund_queries.funds(session, org_units))
        return self.stats_of(self.figures(period, org_units=org_units), count)

    def portfolio(self) -> tuple[list[Loan], list[Entry], dict[int, int]]:
        """Every loan and journal line, and fund id → the unit that keeps it: read once for all branches."""
        with self._db.read() as session:
            return fund_queries.loans(session), fund_queries.entries(session), fund_queries.fund_unit_ids(session)

    @staticmethod
    def stats_of(f: LoanFigures, count: int) -> dict[str, object]:
        """The "loans" object from figures already worked out, and the number of funds."""
        return loan_stats(f, count)
