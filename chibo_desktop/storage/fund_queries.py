"""Fund queries: funds, loans with their plans, and the journal, read and written as domain objects.

Journal lines are only ever inserted; nothing here updates or deletes one.
"""

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from chibo_desktop.domain.funds import (
    Entry,
    EntryKind,
    Fund,
    FundSource,
    FundTerms,
    Installment,
    Loan,
    RateMethod,
    ScheduleKind,
)
from chibo_desktop.storage import models as m
from chibo_desktop.storage.db import moment
from chibo_desktop.storage.stored_values import known

_KINDS = {kind.value: kind for kind in EntryKind}


def _fund(row: m.FundRow) -> Fund:
    terms = FundTerms(
        max_loan=row.max_loan,
        term_months=row.term_months,
        rate_method=known(RateMethod, row.rate_method, "fund.rate_method"),
        rate=row.rate,
        schedule=known(ScheduleKind, row.schedule_kind, "fund.schedule_kind"),
        grant=row.grant,
    )
    return Fund(row.id, row.uuid, row.name, known(FundSource, row.source, "fund.source"), row.custodian, terms)


def save_fund(
    session: Session,
    branch_id: int,
    fund_id: int | None,
    name: str,
    source: FundSource,
    custodian: str,
    terms: FundTerms,
) -> int:
    row = session.get(m.FundRow, fund_id) if fund_id else None
    if row is None:
        row = m.FundRow(org_unit_id=branch_id)
        session.add(row)
    row.name, row.source, row.custodian = name, source.value, custodian
    row.max_loan, row.term_months, row.rate_method = terms.max_loan, terms.term_months, terms.rate_method.value
    row.rate, row.schedule_kind, row.grant = terms.rate, terms.schedule.value, terms.grant
    session.flush()
    return row.id


def funds(session: Session, org_units: Sequence[int] | None = None) -> list[Fund]:
    query = select(m.FundRow).order_by(m.FundRow.id)
    if org_units is not None:
        query = query.where(m.FundRow.org_unit_id.in_(list(org_units)))
    return [_fund(row) for row in session.scalars(query)]


def fund_unit_ids(session: Session) -> dict[int, int]:
    """Fund id → the id of the unit that keeps it."""
    return dict(session.execute(select(m.FundRow.id, m.FundRow.org_unit_id)).all())


def fund_units(session: Session) -> dict[int, str]:
    """Fund id → the name of the unit that keeps it (a branch, at the upper level)."""
    rows = session.execute(select(m.FundRow.id, m.OrgUnit.name).join(m.OrgUnit, m.OrgUnit.id == m.FundRow.org_unit_id))
    return {fund_id: name for fund_id, name in rows}


def _entry(row: Any) -> Entry:
    """An entry from a row of the fund_entry table (plain columns: a committee reads tens of thousands)."""
    return Entry(
        id=row.id,
        fund_id=row.fund_id,
        kind=_KINDS.get(row.kind) or known(EntryKind, row.kind, "fund_entry.kind"),
        amount=row.amount,
        on=row.on,
        loan_id=row.loan_id,
        member_id=row.member_id,
        batch=row.batch,
        reverses=row.reverses_id,
        note=row.note,
        decision_no=row.decision_no,
        by=row.created_by,
        at=row.created_at.isoformat(sep=" ", timespec="minutes") if row.created_at else "",
    )


def _of_unit(org_units: Sequence[int]) -> Any:
    return select(m.FundRow.id).where(m.FundRow.org_unit_id.in_(list(org_units)))


def loans(
    session: Session,
    fund_id: int | None = None,
    member_id: int | None = None,
    org_units: Sequence[int] | None = None,
    loan_id: int | None = None,
) -> list[Loan]:
    approved = func.coalesce(m.MeetingRow.on, m.LoanRow.approved_on)
    query = (
        select(m.LoanRow.__table__, m.MeetingRow.on.label("meeting_on"))
        .outerjoin(m.MeetingRow, m.MeetingRow.id == m.LoanRow.meeting_id)
        .order_by(approved, m.LoanRow.id)
    )
    if loan_id is not None:
        query = query.where(m.LoanRow.id == loan_id)
    if org_units is not None:
        query = query.where(m.LoanRow.fund_id.in_(_of_unit(org_units)))
    if fund_id is not None:
        query = query.where(m.LoanRow.fund_id == fund_id)
    if member_id is not None:
        query = query.where(m.LoanRow.member_id == member_id)
    rows = session.execute(query).all()
    plans: dict[int, list[Installment]] = defaultdict(list)
    i = m.InstallmentRow
    plan = select(i.loan_id, i.due, i.principal, i.fee).order_by(i.loan_id, i.number)
    if loan_id is not None or fund_id is not None or member_id is not None or org_units is not None:
        plan = plan.where(i.loan_id.in_([r.id for r in rows]))
    if rows:
        for plan_loan, due, principal, fee in session.execute(plan):
            plans[plan_loan].append(Installment(due, principal, fee))
    return [
        Loan(
            id=r.id,
            uuid=r.uuid,
            fund_id=r.fund_id,
            member_id=r.member_id,
            borrower=r.borrower,
            reason=r.reason,
            purpose=r.purpose,
            amount=r.amount,
            term_months=r.term_months,
            rate_method=known(RateMethod, r.rate_method, "loan.rate_method"),
            rate=r.rate,
            schedule_kind=known(ScheduleKind, r.schedule_kind, "loan.schedule_kind"),
            installments=tuple(plans[r.id]),
            approved_on=r.meeting_on or r.approved_on,  # a loan a meeting approved was approved on its day
            meeting_id=r.meeting_id,
            decision_no=r.decision_no,
            approved_by=r.approved_by,
            disbursed_on=r.disbursed_on,
            grant=r.grant,
        )
        for r in rows
    ]


def meeting_day(session: Session, meeting_id: int) -> date | None:
    """The day of the meeting *meeting_id*, or None when there is no such meeting."""
    return session.scalar(select(m.MeetingRow.on).where(m.MeetingRow.id == meeting_id))


def loan(session: Session, loan_id: int) -> Loan | None:
    """One loan with its plan, or None when there is no such loan."""
    found = loans(session, loan_id=loan_id)
    return found[0] if found else None


def entries(
    session: Session, fund_id: int | None = None, member_id: int | None = None, org_units: Sequence[int] | None = None
) -> list[Entry]:
    query = select(m.FundEntryRow.__table__).order_by(m.FundEntryRow.on, m.FundEntryRow.id)
    if org_units is not None:
        query = query.where(m.FundEntryRow.fund_id.in_(_of_unit(org_units)))
    if fund_id is not None:
        query = query.where(m.FundEntryRow.fund_id == fund_id)
    if member_id is not None:
        query = query.where(m.FundEntryRow.member_id == member_id)
    return [_entry(row) for row in session.execute(query).all()]


def member_names(session: Session, member_ids: Sequence[int]) -> dict[int, str]:
    """Member id → full name, for those of *member_ids* (the few a fund's entries name) that are here."""
    query = select(m.Member.id, m.Member.full_name).where(m.Member.id.in_(list(member_ids)))
    return {member_id: name for member_id, name in session.execute(query)}


def add_loan(session: Session, loan: Loan) -> int:
    row = m.LoanRow(
        fund_id=loan.fund_id,
        member_id=loan.member_id,
        borrower=loan.borrower,
        reason=loan.reason,
        purpose=loan.purpose,
        amount=loan.amount,
        term_months=loan.term_months,
        rate_method=loan.rate_method.value,
        rate=loan.rate,
        schedule_kind=loan.schedule_kind.value,
        approved_on=loan.approved_on,
        meeting_id=loan.meeting_id,
        decision_no=loan.decision_no,
        approved_by=loan.approved_by,
        grant=loan.grant,
    )
    session.add(row)
    session.flush()
    set_plan(session, row.id, loan.installments)
    return row.id


def set_plan(session: Session, loan_id: int, installments: tuple[Installment, ...]) -> None:
    session.execute(delete(m.InstallmentRow).where(m.InstallmentRow.loan_id == loan_id))
    if installments:
        session.execute(
            insert(m.InstallmentRow),
            [
                {"loan_id": loan_id, "number": n, "due": i.due, "principal": i.principal, "fee": i.fee}
                for n, i in enumerate(installments, start=1)
            ],
        )


def set_disbursed(session: Session, loan_id: int, on: date | None) -> None:
    row = session.get(m.LoanRow, loan_id)
    assert row is not None
    row.disbursed_on = on


def insert_entries(session: Session, new: list[Entry]) -> list[int]:
    """Store new journal lines (their ids from the ledger are placeholders; the database gives the real ones)."""
    ids = []
    now = moment(session)
    for e in new:
        row = m.FundEntryRow(
            fund_id=e.fund_id,
            kind=e.kind.value,
            amount=e.amount,
            on=e.on,
            loan_id=e.loan_id,
            member_id=e.member_id,
            batch=e.batch,
            reverses_id=e.reverses,
            note=e.note,
            decision_no=e.decision_no,
            created_by=e.by,
            created_at=now,
        )
        session.add(row)
        session.flush()
        ids.append(row.id)
    return ids
