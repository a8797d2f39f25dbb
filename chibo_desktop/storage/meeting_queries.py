"""Meeting queries: a meeting with its children is written and read as one plain domain object."""

import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Select, delete, func, insert, select
from sqlalchemy.orm import Session

from chibo_desktop.domain.meetings import (
    Addendum,
    AgendaItem,
    Assignment,
    AttendanceLine,
    Guest,
    Mark,
    Meeting,
    MeetingKind,
    MeetingRecord,
    Opinion,
    Resolution,
    Role,
)
from chibo_desktop.domain.register import MeetingSummary
from chibo_desktop.storage import models as m
from chibo_desktop.storage.db import moment
from chibo_desktop.storage.stored_values import known, stored_scores

_MARKS = {mark.value: mark for mark in Mark}
_ROLES = {role.value: role for role in Role}


def _mark(value: str) -> Mark:
    return _MARKS.get(value) or known(Mark, value, "attendance.mark")


def _role(value: str) -> Role:
    return _ROLES.get(value) or known(Role, value, "attendance.role")


_CHILDREN = (m.MeetingGuest, m.AgendaItemRow, m.ResolutionRow, m.AssignmentRow, m.AttendanceRow)


def _write_children(
    session: Session, meeting_id: int, record: MeetingRecord, lines: tuple[AttendanceLine, ...]
) -> None:
    for n, guest in enumerate(record.guests):
        session.add(
            m.MeetingGuest(
                meeting_id=meeting_id, position_no=n, name=guest.name, position=guest.position, unit=guest.unit
            )
        )
    for n, item in enumerate(record.agenda):
        row = m.AgendaItemRow(
            meeting_id=meeting_id,
            position_no=n,
            title=item.title,
            presenter=item.presenter,
            content=item.content,
            conclusion=item.conclusion,
        )
        session.add(row)
        session.flush()
        for k, opinion in enumerate(item.opinions):
            session.add(
                m.OpinionRow(
                    agenda_item_id=row.id,
                    position_no=k,
                    member_id=opinion.member_id,
                    speaker=opinion.speaker,
                    summary=opinion.summary,
                )
            )
    for n, r in enumerate(record.resolutions):
        session.add(
            m.ResolutionRow(
                meeting_id=meeting_id,
                position_no=n,
                text=r.text,
                votes_for=r.votes_for,
                votes_against=r.votes_against,
                votes_abstain=r.votes_abstain,
                entitled=r.entitled,
            )
        )
    for a in record.assignments:
        session.add(m.AssignmentRow(meeting_id=meeting_id, member_id=a.member_id, name=a.name, task=a.task, due=a.due))
    if lines:
        session.execute(
            insert(m.AttendanceRow),
            [
                {
                    "uuid": m.new_uuid(),
                    "meeting_id": meeting_id,
                    "member_id": line.member_id,
                    "name": line.name,
                    "role": line.role.value,
                    "mark": line.mark.value,
                    "reason": line.reason,
                    "spoke": line.spoke,
                }
                for line in lines
            ],
        )


def _apply(row: m.MeetingRow, record: MeetingRecord) -> None:
    assert record.on is not None
    row.kind = record.kind.value
    row.on = record.on
    row.start, row.end, row.place = record.start, record.end, record.place
    row.topic, row.topic_id = record.topic, record.topic_id
    row.chair_id, row.secretary_id, row.number = record.chair_id, record.secretary_id, record.number
    row.scores_json = json.dumps(dict(record.scores)) if record.scores else ""


def add_meeting(
    session: Session, branch_id: int, record: MeetingRecord, lines: tuple[AttendanceLine, ...]
) -> tuple[int, str]:
    row = m.MeetingRow(org_unit_id=branch_id)
    _apply(row, record)
    session.add(row)
    session.flush()
    _write_children(session, row.id, record, lines)
    return row.id, row.uuid


def replace_meeting(
    session: Session, meeting_id: int, record: MeetingRecord, lines: tuple[AttendanceLine, ...]
) -> None:
    """Store the edited meeting: its children are written anew (only an unapproved meeting is ever edited)."""
    row = session.get(m.MeetingRow, meeting_id)
    if row is None:
        raise LookupError(meeting_id)
    _apply(row, record)
    row.updated_at = moment(session)
    for table in _CHILDREN:
        session.execute(delete(table).where(table.meeting_id == meeting_id))
    session.flush()
    _write_children(session, meeting_id, record, lines)


def is_locked(session: Session, meeting_id: int) -> bool | None:
    """True if approved, False if not, None if there is no such meeting."""
    row = session.get(m.MeetingRow, meeting_id)
    return None if row is None else row.approved_on is not None


def approve(session: Session, meeting_id: int, on: date) -> None:
    row = session.get(m.MeetingRow, meeting_id)
    assert row is not None
    row.approved_on = on


def add_addendum(session: Session, meeting_id: int, addendum: Addendum) -> None:
    session.add(m.AddendumRow(meeting_id=meeting_id, on=addendum.on, reason=addendum.reason, text=addendum.text))


def get_meeting(session: Session, meeting_id: int) -> Meeting | None:
    row = session.get(m.MeetingRow, meeting_id)
    if row is None:
        return None
    guests = session.scalars(
        select(m.MeetingGuest).where(m.MeetingGuest.meeting_id == meeting_id).order_by(m.MeetingGuest.position_no)
    )
    items = session.scalars(
        select(m.AgendaItemRow).where(m.AgendaItemRow.meeting_id == meeting_id).order_by(m.AgendaItemRow.position_no)
    ).all()
    opinions: dict[int, list[Opinion]] = defaultdict(list)
    if items:
        for o in session.scalars(
            select(m.OpinionRow)
            .where(m.OpinionRow.agenda_item_id.in_([i.id for i in items]))
            .order_by(m.OpinionRow.position_no)
        ):
            opinions[o.agenda_item_id].append(Opinion(o.speaker, o.summary, o.member_id))
    resolutions = session.scalars(
        select(m.ResolutionRow).where(m.ResolutionRow.meeting_id == meeting_id).order_by(m.ResolutionRow.position_no)
    )
    assignments = session.scalars(
        select(m.AssignmentRow).where(m.AssignmentRow.meeting_id == meeting_id).order_by(m.AssignmentRow.id)
    )
    lines = session.scalars(
        select(m.AttendanceRow).where(m.AttendanceRow.meeting_id == meeting_id).order_by(m.AttendanceRow.id)
    )
    addenda = session.scalars(
        select(m.AddendumRow).where(m.AddendumRow.meeting_id == meeting_id).order_by(m.AddendumRow.id)
    )
    record = MeetingRecord(
        kind=known(MeetingKind, row.kind, "meeting.kind"),
        on=row.on,
        start=row.start,
        end=row.end,
        place=row.place,
        topic=row.topic,
        chair_id=row.chair_id,
        secretary_id=row.secretary_id,
        number=row.number,
        guests=tuple(Guest(g.name, g.position, g.unit) for g in guests),
        agenda=tuple(AgendaItem(i.title, i.presenter, i.content, tuple(opinions[i.id]), i.conclusion) for i in items),
        resolutions=tuple(
            Resolution(r.text, r.votes_for, r.votes_against, r.votes_abstain, r.entitled) for r in resolutions
        ),
        assignments=tuple(Assignment(a.member_id, a.name, a.task, a.due) for a in assignments),
        topic_id=row.topic_id,
        scores=tuple(stored_scores(row.scores_json, "meeting.scores_json").items()),
    )
    return Meeting(
        id=row.id,
        uuid=row.uuid,
        record=record,
        lines=tuple(
            AttendanceLine(a.member_id, a.name, _role(a.role), _mark(a.mark), a.reason, a.spoke) for a in lines
        ),
        approved_on=row.approved_on,
        addenda=tuple(Addendum(a.on, a.reason, a.text) for a in addenda),
    )


def meeting_figures(
    session: Session, start: date, end: date, org_units: Sequence[int] | None = None
) -> list[tuple[int, MeetingSummary]]:
    """(unit, meeting) for every meeting between *start* and *end* (of *org_units*, or all), for the figures of
    many units: each meeting's attendance counted by a grouping query, and the lines only of members with an
    absence in that time (the flags need no one else's); a committee's year is then tens of thousands of lines
    fewer to read."""
    mt = m.MeetingRow.__table__
    where = [mt.c.on >= start, mt.c.on <= end]
    if org_units is not None:
        where.append(mt.c.org_unit_id.in_(list(org_units)))
    meetings = session.execute(
        select(mt.c.id, mt.c.on, mt.c.kind, mt.c.scores_json, mt.c.org_unit_id).where(*where)
    ).all()
    if not meetings:
        return []
    inside = select(mt.c.id).where(*where)
    a = m.AttendanceRow.__table__
    groups: dict[int, Counter[tuple[Role, Mark, bool]]] = defaultdict(Counter)
    for meeting_id, role, mark, spoke, count in session.execute(
        select(a.c.meeting_id, a.c.role, a.c.mark, a.c.spoke, func.count())
        .where(a.c.meeting_id.in_(inside))
        .group_by(a.c.meeting_id, a.c.role, a.c.mark, a.c.spoke)
    ).all():
        groups[meeting_id][(_role(role), _mark(mark), bool(spoke))] += count
    absent = (
        select(a.c.member_id)
        .where(a.c.meeting_id.in_(inside), a.c.mark.in_([Mark.EXCUSED.value, Mark.UNEXCUSED.value]))
        .distinct()
    )
    lines: dict[int, list[AttendanceLine]] = defaultdict(list)
    for meeting_id, member_id, name, role, mark, reason, spoke in session.execute(
        select(a.c.meeting_id, a.c.member_id, a.c.name, a.c.role, a.c.mark, a.c.reason, a.c.spoke).where(
            a.c.meeting_id.in_(inside), a.c.member_id.in_(absent)
        )
    ).all():
        lines[meeting_id].append(AttendanceLine(member_id, name, _role(role), _mark(mark), reason, spoke))
    guests, assigned = _guests_and_assigned(session, inside)
    out = []
    for meeting_id, on, kind, scores_json, unit in meetings:
        scores = json.loads(scores_json) if scores_json else None
        summary = MeetingSummary(
            id=meeting_id,
            on=on,
            kind=known(MeetingKind, kind, "meeting.kind"),
            lines=tuple(lines[meeting_id]),
            guests=int(guests.get(meeting_id, 0)),
            assigned=frozenset(assigned[meeting_id]),
            score=sum(scores.values()) if scores else None,
            groups=groups[meeting_id],
        )
        out.append((unit, summary))
    return out


def unit_meeting_figures(
    session: Session, unit: int
) -> tuple[list[MeetingSummary], dict[int, list[tuple[int, str, Role, Mark]]]]:
    """Every meeting of *unit*, in order of id, with its attendance counted by (role, mark, spoke) and no lines,
    and meeting id → (member id, name, role, mark) of the lines of the members with an absence in the meeting's
    calendar year, in order of member id: what :func:`meeting_figures` gives of each year, from one read of the
    unit's lines instead of three queries a year (a branch's own lines are a few thousand: counting them here costs
    less than SQLite's grouping and its second and third reads of the same lines)."""
    mt = m.MeetingRow.__table__
    meetings = session.execute(
        select(mt.c.id, mt.c.on, mt.c.kind, mt.c.scores_json).where(mt.c.org_unit_id == unit).order_by(mt.c.id)
    ).all()
    if not meetings:
        return [], {}
    year_of = {meeting_id: on.year for meeting_id, on, _kind, _scores in meetings}
    inside = select(mt.c.id).where(mt.c.org_unit_id == unit)
    # every line once, through the driver's own cursor (plain values, no result processing; spoke 0/1 or a bool):
    # counted, and kept where the flags need it, here rather than in SQL
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(
            f"SELECT a.meeting_id, a.member_id, a.name, a.role, a.mark, a.spoke FROM {m.AttendanceRow.__tablename__} a"
            f" JOIN {m.MeetingRow.__tablename__} t ON t.id = a.meeting_id WHERE t.org_unit_id = {int(unit)}"
        )
        read: list[tuple[int, int, str, str, str, Any]] = list(cursor.fetchall())
    finally:
        cursor.close()
    counted: dict[int, Counter[tuple[str, str, Any]]] = defaultdict(Counter)
    absent_marks = (Mark.EXCUSED.value, Mark.UNEXCUSED.value)
    absent = set()
    for meeting_id, member_id, _name, role, mark, spoke in read:
        counted[meeting_id][(role, mark, spoke)] += 1
        if mark in absent_marks:
            absent.add((member_id, year_of[meeting_id]))
    groups: dict[int, Counter[tuple[Role, Mark, bool]]] = defaultdict(Counter)
    for meeting_id, found in counted.items():
        for (role, mark, spoke), count in found.items():
            groups[meeting_id][(_role(role), _mark(mark), bool(spoke))] += count
    kept = sorted(
        (meeting_id, member_id, name, role, mark)
        for meeting_id, member_id, name, role, mark, _spoke in read
        if (member_id, year_of[meeting_id]) in absent  # absent in another year only: not in this year's lines
    )
    lines: dict[int, list[tuple[int, str, Role, Mark]]] = defaultdict(list)
    kinds: dict[tuple[str, str], tuple[Role, Mark]] = {}
    for meeting_id, member_id, name, role, mark in kept:
        kind = kinds.get((role, mark))
        if kind is None:
            kind = kinds[(role, mark)] = (_role(role), _mark(mark))
        lines[meeting_id].append((member_id, name, *kind))
    guests, assigned = _guests_and_assigned(session, inside)
    out = []
    for meeting_id, on, kind_value, scores_json in meetings:
        scores = json.loads(scores_json) if scores_json else None
        out.append(
            MeetingSummary(
                id=meeting_id,
                on=on,
                kind=known(MeetingKind, kind_value, "meeting.kind"),
                lines=(),
                guests=int(guests.get(meeting_id, 0)),
                assigned=frozenset(assigned[meeting_id]),
                score=sum(scores.values()) if scores else None,
                groups=groups[meeting_id],
            )
        )
    return out, dict(lines)


def records_since(session: Session, org_units: Sequence[int] | None = None) -> date | None:
    """The first day the app holds records of the unit(s) (of this database's own unit when None): the earliest of
    the day the unit was set up here (its row's creation: the first start's setup, or its first package taken in
    at a committee) and its first meeting (a secretary may type the meetings held before she set the app up).
    None when neither is known."""
    units = select(m.OrgUnit.created_at)
    units = units.where(m.OrgUnit.is_self) if org_units is None else units.where(m.OrgUnit.id.in_(list(org_units)))
    first = select(func.min(m.MeetingRow.on))
    if org_units is not None:
        first = first.where(m.MeetingRow.org_unit_id.in_(list(org_units)))
    days = [at.date() for at in session.scalars(units) if at is not None]
    held = session.scalar(first)
    return min([*days, held] if held is not None else days, default=None)


def meeting_summaries(
    session: Session, start: date, end: date, org_units: Sequence[int] | None = None
) -> list[MeetingSummary]:
    """Every meeting between *start* and *end* (of one branch, or all) with its attendance lines, guest count
    and assigned members."""
    query = select(m.MeetingRow.id, m.MeetingRow.on, m.MeetingRow.kind, m.MeetingRow.scores_json).where(
        m.MeetingRow.on >= start, m.MeetingRow.on <= end
    )
    if org_units is not None:
        query = query.where(m.MeetingRow.org_unit_id.in_(list(org_units)))
    meetings = session.execute(query).all()
    if not meetings:
        return []
    ids = [row.id for row in meetings]
    lines: dict[int, list[AttendanceLine]] = defaultdict(list)
    a = m.AttendanceRow.__table__
    for meeting_id, member_id, name, role, mark, reason, spoke in session.execute(  # fetched at once, not by row
        select(a.c.meeting_id, a.c.member_id, a.c.name, a.c.role, a.c.mark, a.c.reason, a.c.spoke).where(
            a.c.meeting_id.in_(ids)
        )
    ).all():
        lines[meeting_id].append(AttendanceLine(member_id, name, _role(role), _mark(mark), reason, spoke))
    guests, assigned = _guests_and_assigned(session, ids)
    out = []
    for row in meetings:
        scores = stored_scores(row.scores_json, "meeting.scores_json")
        out.append(
            MeetingSummary(
                id=row.id,
                on=row.on,
                kind=known(MeetingKind, row.kind, "meeting.kind"),
                lines=tuple(lines[row.id]),
                guests=int(guests.get(row.id, 0)),
                assigned=frozenset(assigned[row.id]),
                score=sum(scores.values()) if scores else None,
            )
        )
    return out


def meeting_list(
    session: Session, year: int | None, org_units: Sequence[int] | None = None
) -> list[tuple[int, date, MeetingKind, str, bool, str]]:
    """(id, date, kind, topic, approved, branch name) of the meetings of *year* (or all), of one branch or all,
    newest first."""
    query = select(
        m.MeetingRow.id,
        m.MeetingRow.on,
        m.MeetingRow.kind,
        m.MeetingRow.topic,
        m.MeetingRow.approved_on,
        m.OrgUnit.name,
    ).join(m.OrgUnit, m.OrgUnit.id == m.MeetingRow.org_unit_id)
    if year is not None:
        query = query.where(m.MeetingRow.on >= date(year, 1, 1), m.MeetingRow.on <= date(year, 12, 31))
    if org_units is not None:
        query = query.where(m.MeetingRow.org_unit_id.in_(list(org_units)))
    rows = session.execute(query.order_by(m.MeetingRow.on.desc(), m.MeetingRow.id.desc())).all()
    return [(r[0], r[1], known(MeetingKind, r[2], "meeting.kind"), r[3], r[4] is not None, r[5]) for r in rows]


def topics(session: Session, year: int) -> list[tuple[int, int | None, str, int | None]]:
    """(id, quarter, title, meeting id that held it) of the year's thematic plan."""
    held = dict(
        session.execute(select(m.MeetingRow.topic_id, m.MeetingRow.id).where(m.MeetingRow.topic_id.is_not(None))).all()
    )
    rows = session.scalars(
        select(m.ThematicTopic)
        .where(m.ThematicTopic.year == year)
        .order_by(m.ThematicTopic.quarter, m.ThematicTopic.id)
    )
    return [(t.id, t.quarter, t.title, held.get(t.id)) for t in rows]


def add_topic(session: Session, branch_id: int, year: int, quarter: int | None, title: str) -> int:
    row = m.ThematicTopic(org_unit_id=branch_id, year=year, quarter=quarter, title=title)
    session.add(row)
    session.flush()
    return row.id


def _guests_and_assigned(
    session: Session, inside: Select[tuple[int]] | Sequence[int]
) -> tuple[dict[int, int], dict[int, set[int]]]:
    """The guests counted per meeting, and the members given a task at each, of the meetings *inside* (their ids,
    or a query of them)."""
    guests = dict(
        session.execute(
            select(m.MeetingGuest.meeting_id, func.count())
            .where(m.MeetingGuest.meeting_id.in_(inside))
            .group_by(m.MeetingGuest.meeting_id)
        ).all()
    )
    assigned: dict[int, set[int]] = defaultdict(set)
    for meeting_id, member_id in session.execute(
        select(m.AssignmentRow.meeting_id, m.AssignmentRow.member_id).where(m.AssignmentRow.meeting_id.in_(inside))
    ).all():
        assigned[meeting_id].add(member_id)
    return guests, assigned
