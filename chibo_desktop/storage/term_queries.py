"""The branch's terms (nhiệm kỳ) and the public holidays: plain domain objects in and out."""

from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from chibo_desktop.domain.terms import Term, TermDraft
from chibo_desktop.domain.working_days import SEED_SOURCE
from chibo_desktop.storage import models as m


def _term(row: m.TermRow) -> Term:
    return Term(row.id, row.name, row.start, row.end, row.admissions_target, row.note)


def load_terms(session: Session, org_unit_id: int) -> tuple[Term, ...]:
    rows = session.scalars(select(m.TermRow).where(m.TermRow.org_unit_id == org_unit_id).order_by(m.TermRow.start))
    return tuple(_term(r) for r in rows)


def save_term(session: Session, org_unit_id: int, draft: TermDraft, term_id: int | None) -> int:
    assert draft.start is not None and draft.end is not None
    row = session.get(m.TermRow, term_id) if term_id is not None else None
    if row is None:
        row = m.TermRow(org_unit_id=org_unit_id)
        session.add(row)
    row.name, row.start, row.end = draft.name, draft.start, draft.end
    row.admissions_target, row.note = draft.admissions_target, draft.note
    session.flush()
    return row.id


def delete_term(session: Session, term_id: int) -> None:
    session.execute(delete(m.TermRow).where(m.TermRow.id == term_id))


def load_holidays(session: Session, start: date | None = None, end: date | None = None) -> list[tuple[date, str, bool]]:
    """(day, name, seeded) in date order, between *start* and *end* when given."""
    query = select(m.PublicHolidayRow.on, m.PublicHolidayRow.name, m.PublicHolidayRow.source)
    if start is not None:
        query = query.where(m.PublicHolidayRow.on >= start)
    if end is not None:
        query = query.where(m.PublicHolidayRow.on <= end)
    return [
        (on, name, source == SEED_SOURCE) for on, name, source in session.execute(query.order_by(m.PublicHolidayRow.on))
    ]


def holiday_days(session: Session) -> frozenset[date]:
    return frozenset(session.scalars(select(m.PublicHolidayRow.on)))


def save_holiday(session: Session, on: date, name: str) -> None:
    row = session.scalars(select(m.PublicHolidayRow).where(m.PublicHolidayRow.on == on)).first()
    if row is None:
        session.add(m.PublicHolidayRow(on=on, name=name, source="user"))
    elif row.name != name:
        row.name, row.source = name, "user"


def delete_holiday(session: Session, on: date) -> None:
    session.execute(delete(m.PublicHolidayRow).where(m.PublicHolidayRow.on == on))
