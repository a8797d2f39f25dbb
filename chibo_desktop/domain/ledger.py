"""Posting to a fund's journal, with every rule checked before anything is written.

The services load a fund's loans and entries into a :class:`Ledger`, ask it for the new entries, and store
exactly those; the property tests drive the same class with random sequences.
"""

import uuid
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from chibo_desktop.domain.dates import screen_date
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.formatting import Number
from chibo_desktop.domain.funds import (
    Entry,
    EntryKind,
    Fund,
    Loan,
    LoanState,
    check_reversal,
    lowest_balance,
    position,
    split_repayment,
)
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message

CAPITAL_KINDS = (EntryKind.CONTRIBUTION, EntryKind.CAPITAL_IN, EntryKind.CAPITAL_OUT)


def _refuse(text: str, **args: object) -> UserError:
    return UserError(Message("Fund", text, dict(args)))


class Ledger:
    def __init__(self, fund: Fund, loans: Sequence[Loan], entries: Sequence[Entry], by: str = "") -> None:
        self.fund = fund
        self.loans = {loan.id: loan for loan in loans if loan.fund_id == fund.id}
        self.entries = [e for e in entries if e.fund_id == fund.id]
        self.by = by
        self._next_id = max((e.id for e in self.entries), default=0) + 1

    # --- helpers ------------------------------------------------------------------------------------------

    def _entry(
        self,
        kind: EntryKind,
        amount: int,
        on: date,
        batch: str,
        loan_id: int | None = None,
        member_id: int | None = None,
        note: str = "",
        decision_no: str = "",
    ) -> Entry:
        entry = Entry(
            id=self._next_id,
            fund_id=self.fund.id,
            kind=kind,
            amount=amount,
            on=on,
            loan_id=loan_id,
            member_id=member_id,
            batch=batch,
            note=note,
            decision_no=decision_no,
            by=self.by,
        )
        self._next_id += 1
        return entry

    def _commit(self, new: list[Entry]) -> list[Entry]:
        """Accept *new* only if the cash never goes below zero and no loan is repaid beyond what it owes."""
        candidate = self.entries + new
        lowest, when = lowest_balance(candidate)
        if lowest < 0:
            raise _refuse(
                QT_TRANSLATE_NOOP(
                    "Fund", "The fund would not have enough cash on {date}: it would be {amount} đồng short."
                ),
                date=screen_date(when),
                amount=Number(-lowest),
            )
        touched = {e.loan_id for e in new if e.loan_id is not None}
        for loan_id in touched:
            loan = self.loans[loan_id]
            mine = [e for e in candidate if e.loan_id == loan_id]
            disbursed = sum(e.amount * e.effect for e in mine if e.kind == EntryKind.DISBURSEMENT)
            repaid = sum(e.amount * e.effect for e in mine if e.kind in (EntryKind.PRINCIPAL, EntryKind.WRITE_OFF))
            if not loan.grant and repaid > disbursed:
                raise _refuse(QT_TRANSLATE_NOOP("Fund", "Reverse the loan's repayments before its disbursement."))
        self.entries = candidate
        return new

    def _loan(self, loan_id: int) -> Loan:
        loan = self.loans.get(loan_id)
        if loan is None:
            raise _refuse(QT_TRANSLATE_NOOP("Fund", "This loan is not in this fund."))
        return loan

    # --- postings -----------------------------------------------------------------------------------------

    def capital(
        self, kind: EntryKind, amount: int, on: date, member_id: int | None = None, note: str = ""
    ) -> list[Entry]:
        if kind not in CAPITAL_KINDS:
            raise ValueError(kind)
        if amount <= 0:
            raise _refuse(QT_TRANSLATE_NOOP("Fund", "The amount must be more than 0 đồng."))
        return self._commit([self._entry(kind, amount, on, uuid.uuid4().hex, member_id=member_id, note=note)])

    def disburse(self, loan_id: int, on: date) -> list[Entry]:
        loan = self._loan(loan_id)
        if position(loan, self.entries, date.max).state != LoanState.APPROVED:
            raise _refuse(QT_TRANSLATE_NOOP("Fund", "This loan has already been paid out."))
        if on < loan.approved_on:
            raise _refuse(QT_TRANSLATE_NOOP("Fund", "A loan cannot be paid out before it was approved."))
        return self._commit(
            [
                self._entry(
                    EntryKind.DISBURSEMENT, loan.amount, on, uuid.uuid4().hex, loan_id=loan_id, member_id=loan.member_id
                )
            ]
        )

    def repay(self, loan_id: int, amount: int, on: date, note: str = "") -> list[Entry]:
        """A repayment of *amount*: the fees due first, then principal (the fund's stated rule)."""
        loan = self._loan(loan_id)
        if amount <= 0:
            raise _refuse(QT_TRANSLATE_NOOP("Fund", "The amount must be more than 0 đồng."))
        pos = position(loan, self.entries, on)
        if pos.state != LoanState.ACTIVE:
            raise _refuse(QT_TRANSLATE_NOOP("Fund", "This loan has nothing left to repay on that date."))
        if loan.disbursed_on is not None and on < loan.disbursed_on:
            raise _refuse(QT_TRANSLATE_NOOP("Fund", "A repayment cannot come before the loan was paid out."))
        fee, principal = split_repayment(pos, amount)
        if principal > pos.outstanding:
            raise _refuse(
                QT_TRANSLATE_NOOP("Fund", "That is more than is owed: at most {amount} đồng."),
                amount=Number(pos.outstanding + pos.fees_due),
            )
        batch = uuid.uuid4().hex
        new = []
        if fee:
            new.append(self._entry(EntryKind.FEE, fee, on, batch, loan_id=loan_id, member_id=loan.member_id, note=note))
        if principal:
            new.append(
                self._entry(
                    EntryKind.PRINCIPAL, principal, on, batch, loan_id=loan_id, member_id=loan.member_id, note=note
                )
            )
        return self._commit(new)

    def write_off(self, loan_id: int, on: date, decision_no: str, note: str = "") -> list[Entry]:
        loan = self._loan(loan_id)
        if not decision_no.strip():
            raise _refuse(QT_TRANSLATE_NOOP("Fund", "A write-off needs the number of the decision that allows it."))
        pos = position(loan, self.entries, on)
        if pos.state != LoanState.ACTIVE or pos.outstanding <= 0:
            raise _refuse(QT_TRANSLATE_NOOP("Fund", "This loan has nothing left to repay on that date."))
        entry = self._entry(
            EntryKind.WRITE_OFF,
            pos.outstanding,
            on,
            uuid.uuid4().hex,
            loan_id=loan_id,
            member_id=loan.member_id,
            decision_no=decision_no,
            note=note,
        )
        return self._commit([entry])

    def reverse(self, entry_id: int, on: date, note: str = "") -> list[Entry]:
        """Undo a posting: every entry of its batch gets a reversing entry; the originals stay."""
        target = next((e for e in self.entries if e.id == entry_id), None)
        if target is None:
            raise _refuse(QT_TRANSLATE_NOOP("Fund", "This entry is not in this fund."))
        problem = check_reversal(self.entries, target)
        if problem is not None:
            raise UserError(problem)
        batch = (
            [e for e in self.entries if e.batch == target.batch and e.reverses is None] if target.batch else [target]
        )
        for e in batch:
            problem = check_reversal(self.entries, e)
            if problem is not None:
                raise UserError(problem)
        reversal_batch = uuid.uuid4().hex
        new = [
            replace(
                self._entry(e.kind, e.amount, max(on, e.on), reversal_batch),
                loan_id=e.loan_id,
                member_id=e.member_id,
                reverses=e.id,
                note=note,
                decision_no=e.decision_no,
            )
            for e in batch
        ]
        return self._commit(new)
