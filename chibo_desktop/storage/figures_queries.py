"""The committee's figures per unit kept apart from the records (table ``unit_figures``; what each topic holds is
described in ``domain/unit_figures``): written whole per unit, read for all units in a few queries."""

import json
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import and_, delete, func, insert, or_, select, union
from sqlalchemy.orm import Session

from chibo_desktop.storage import models as m

Row = tuple[str, date | None, int | None, Any]  # topic, day, ref, the figures (a JSON value)

_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
"""``json.dumps`` with these options, without making an encoder for each of a unit's few hundred rows."""


def replace_unit(session: Session, unit: int, rows: Iterable[Row]) -> None:
    """The kept figures of *unit*, replacing whatever was kept of it."""
    session.execute(delete(m.UnitFiguresRow).where(m.UnitFiguresRow.org_unit_id == unit))
    values = [
        {
            "org_unit_id": unit,
            "topic": topic,
            "day": day,
            "ref": ref,
            "figures": _encode(figures),
        }
        for topic, day, ref, figures in rows
    ]
    if values:  # the table's own insert: the ORM's bulk insert does work per row that these plain rows need not
        session.execute(insert(m.Base.metadata.tables["unit_figures"]), values)


def kept_units(session: Session) -> dict[int, int]:
    """Unit → the form its figures were kept in."""
    t = m.UnitFiguresRow.__table__
    return {
        unit: ref or 0 for unit, ref in session.execute(select(t.c.org_unit_id, t.c.ref).where(t.c.topic == "basis"))
    }


def units_with_records(session: Session) -> set[int]:
    """Every unit that keeps members, meetings or funds here."""
    query = union(
        select(m.Member.org_unit_id), select(m.MeetingRow.org_unit_id), select(m.FundRow.org_unit_id)
    ).subquery()
    return {unit for (unit,) in session.execute(select(query.c[0]))}


def member_counts(session: Session, on: date) -> dict[int, dict[str, int]]:
    """Unit → its member counts on *on* (the last step on or before it)."""
    t = m.UnitFiguresRow.__table__
    last = (
        select(t.c.org_unit_id.label("unit"), func.max(t.c.day).label("day"))
        .where(t.c.topic == "members", t.c.day <= on)
        .group_by(t.c.org_unit_id)
        .subquery()
    )
    rows = session.execute(
        select(t.c.org_unit_id, t.c.figures).join(
            last, and_(last.c.unit == t.c.org_unit_id, last.c.day == t.c.day, t.c.topic == "members")
        )
    )
    return {unit: json.loads(figures) for unit, figures in rows}


def admissions(session: Session, start: date, end: date) -> dict[int, int]:
    """Unit → the members admitted between *start* and *end*, each once: the ``ref`` of its member steps (those
    admitted only once) and the distinct members among its ``readmitted`` rows (those admitted again)."""
    t = m.UnitFiguresRow.__table__
    found: dict[int, int] = {}
    for topic, count in (("members", func.sum(t.c.ref)), ("readmitted", func.count(t.c.ref.distinct()))):
        rows = session.execute(
            select(t.c.org_unit_id, count)
            .where(t.c.topic == topic, t.c.day >= start, t.c.day <= end)
            .group_by(t.c.org_unit_id)
        )
        for unit, n in rows:
            found[unit] = found.get(unit, 0) + int(n or 0)
    return found


def meetings(session: Session, start: date, end: date) -> list[tuple[int, int, date, Any]]:
    """(unit, meeting id, day, figures) of every meeting kept between *start* and *end*."""
    t = m.UnitFiguresRow.__table__
    rows = session.execute(
        select(t.c.org_unit_id, t.c.ref, t.c.day, t.c.figures).where(
            t.c.topic == "meeting", t.c.day >= start, t.c.day <= end
        )
    )
    return [(unit, ref, day, json.loads(figures)) for unit, ref, day, figures in rows]


def counts(session: Session, topic: str) -> dict[int, int]:
    """Unit → the number kept as its row's ``ref`` (funds: how many funds it keeps)."""
    t = m.UnitFiguresRow.__table__
    return {unit: ref or 0 for unit, ref in session.execute(select(t.c.org_unit_id, t.c.ref).where(t.c.topic == topic))}


def loans(session: Session, on: date, paid_from: int) -> list[tuple[int, Any]]:
    """(unit, loan) of the loans still running on *on* or paid out from *paid_from* (a number, 20260101) on: the
    others are settled by then and were paid out before the period (see ``domain/unit_figures.loan_rows``)."""
    t = m.UnitFiguresRow.__table__
    rows = session.execute(
        select(t.c.org_unit_id, t.c.figures).where(
            t.c.topic == "loan", or_(t.c.day.is_(None), t.c.day > on, t.c.ref >= paid_from)
        )
    )
    return [(unit, json.loads(figures)) for unit, figures in rows]


def of_topic(session: Session, topic: str, ref: int | None = None) -> dict[int, Any]:
    """Unit → its one row of *topic* (loans; review with the year as *ref*)."""
    t = m.UnitFiguresRow.__table__
    query = select(t.c.org_unit_id, t.c.figures).where(t.c.topic == topic)
    if ref is not None:
        query = query.where(t.c.ref == ref)
    return {unit: json.loads(figures) for unit, figures in session.execute(query)}


def conflict_units(session: Session, conflict_id: int) -> list[int]:
    """The units a decision on a member-UUID conflict concerns (the one holding the member, the one that sent it):
    taking the sent version changes the kept figures of both."""
    row = session.get(m.MemberConflictRow, conflict_id)
    return [] if row is None else [row.stored_unit_id, row.sent_unit_id]
