"""A meeting's minutes read with ``sqlite3`` alone, for `chibo print minutes`: importing SQLAlchemy and mapping our
tables costs a print more than the whole of the rest (README, "A second pass the same day").

Each reader gives the same domain object as its counterpart read through the ORM — :func:`meeting` as
``meeting_queries.get_meeting``, :func:`organisation` as ``member_queries.load_organisation``, :func:`rule_values`
as ``member_queries.load_rules`` (for the keys asked for) — and ``tests/storage/test_plain_minutes.py`` holds them
equal field for field. Only a file that :func:`chibo_desktop.storage.plain.opens_without_writing` would accept is
read so (:func:`minutes_source` checks, through the connection it reads with); any other goes through
``open_database``.
"""

import sqlite3
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

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
from chibo_desktop.domain.organisation import Hamlet, Level, Organisation, Unit
from chibo_desktop.domain.rules import RuleValue
from chibo_desktop.domain.text import collation_key
from chibo_desktop.storage.location import check_location
from chibo_desktop.storage.plain import at_head, reading
from chibo_desktop.storage.stored_values import known, stored_rules, stored_scores


@dataclass(frozen=True)
class MinutesSource:
    """What a meeting's minutes are made from: the database's own unit (the header), the meeting, and the stored
    values of the rules asked for."""

    organisation: Organisation
    meeting: Meeting
    rules: tuple[RuleValue, ...]


def minutes_source(path: Path, meeting_id: int, rule_keys: Collection[str]) -> MinutesSource | None:
    """The minutes of *meeting_id* read from the file at *path* in one read transaction, or None when the file is
    to be opened the usual way: not a local file this version has opened at the code's schema, guarded by the
    app's password (its keys are opened, and maybe sealed, on the way in), not set up, or without that meeting (the
    usual way then says so in the user's words)."""
    if not path.is_file() or check_location(path.resolve().parent) is not None:
        return None
    try:
        with reading(path) as conn:
            if not at_head(conn) or protected(conn):
                return None
            unit = organisation(conn)
            found = meeting(conn, meeting_id) if unit is not None else None
            if unit is None or found is None:
                return None
            return MinutesSource(unit, found, tuple(rule_values(conn, rule_keys)))
    except sqlite3.Error:  # not a database, damaged, held by a writer too long: the usual way says what it is
        return None


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def protected(conn: sqlite3.Connection) -> bool:
    """Whether the app has a password (services/access.py): a file without the row is open to all."""
    row = conn.execute("SELECT password_hash FROM app_lock WHERE id = 1").fetchone()
    return row is not None and row[0] is not None


def organisation(conn: sqlite3.Connection) -> Organisation | None:
    branch = conn.execute(
        "SELECT id, uuid, name, kind, parent_id, place_name FROM org_unit WHERE is_self = 1"
    ).fetchone()
    if branch is None:
        return None
    branch_id, uuid, name, kind, parent_id, place_name = branch
    upper = conn.execute("SELECT name FROM org_unit WHERE id = ?", (parent_id,)).fetchone() if parent_id else None
    hamlets = conn.execute(
        "SELECT id, name FROM hamlet WHERE org_unit_id = ? ORDER BY position, id", (branch_id,)
    ).fetchall()
    level = Level.COMMITTEE if kind == Level.COMMITTEE else Level.BRANCH
    units: tuple[Unit, ...] = ()
    if level == Level.COMMITTEE:
        rows = conn.execute("SELECT id, name FROM org_unit WHERE kind = 'branch' AND is_self IS 0").fetchall()
        units = tuple(sorted((Unit(i, n) for i, n in rows), key=lambda u: collation_key(u.name)))
    return Organisation(
        branch_id=branch_id,
        branch_uuid=uuid,
        branch_name=name,
        upper_name=upper[0] if upper else "",
        place_name=place_name,
        hamlets=tuple(Hamlet(i, n) for i, n in hamlets),
        level=level,
        branches=units,
    )


def rule_values(conn: sqlite3.Connection, keys: Collection[str]) -> list[RuleValue]:
    """The stored values of the rules *keys*, checked as ``member_queries.load_rules`` checks every rule."""
    marks = ", ".join("?" * len(keys))
    rows = conn.execute(
        f"SELECT key, value_json, valid_from, note FROM rule_value WHERE key IN ({marks}) ORDER BY key, valid_from",
        tuple(keys),
    )
    return stored_rules((key, value, date.fromisoformat(valid_from), note) for key, value, valid_from, note in rows)


def meeting(conn: sqlite3.Connection, meeting_id: int) -> Meeting | None:
    row = conn.execute(
        'SELECT id, uuid, kind, "on", start, "end", place, topic, chair_id, secretary_id, number, topic_id, '
        "scores_json, approved_on FROM meeting WHERE id = ?",
        (meeting_id,),
    ).fetchone()
    if row is None:
        return None
    (_id, uuid, kind, on, start, end, place, topic, chair_id, secretary_id, number, topic_id, scores, approved) = row

    def children(sql: str) -> list[Any]:
        return conn.execute(sql, (meeting_id,)).fetchall()

    items = children(
        "SELECT id, title, presenter, content, conclusion FROM agenda_item WHERE meeting_id = ? ORDER BY position_no"
    )
    opinions: dict[int, list[Opinion]] = {}
    for item_id, speaker, summary, member_id in conn.execute(
        "SELECT o.agenda_item_id, o.speaker, o.summary, o.member_id FROM opinion o "
        "JOIN agenda_item i ON i.id = o.agenda_item_id WHERE i.meeting_id = ? ORDER BY o.position_no",
        (meeting_id,),
    ):
        opinions.setdefault(item_id, []).append(Opinion(speaker, summary, member_id))
    guests = children("SELECT name, position, unit FROM meeting_guest WHERE meeting_id = ? ORDER BY position_no")
    resolutions = children(
        "SELECT text, votes_for, votes_against, votes_abstain, entitled FROM resolution WHERE meeting_id = ? "
        "ORDER BY position_no"
    )
    assignments = children("SELECT member_id, name, task, due FROM assignment WHERE meeting_id = ? ORDER BY id")
    lines = children(
        "SELECT member_id, name, role, mark, reason, spoke FROM attendance WHERE meeting_id = ? ORDER BY id"
    )
    addenda = children('SELECT "on", reason, text FROM meeting_addendum WHERE meeting_id = ? ORDER BY id')
    record = MeetingRecord(
        kind=known(MeetingKind, kind, "meeting.kind"),
        on=_day(on),
        start=start,
        end=end,
        place=place,
        topic=topic,
        chair_id=chair_id,
        secretary_id=secretary_id,
        number=number,
        guests=tuple(Guest(*g) for g in guests),
        agenda=tuple(
            AgendaItem(title, presenter, content, tuple(opinions.get(i, ())), conclusion)
            for i, title, presenter, content, conclusion in items
        ),
        resolutions=tuple(Resolution(*r) for r in resolutions),
        assignments=tuple(Assignment(member, name, task, _day(due)) for member, name, task, due in assignments),
        topic_id=topic_id,
        scores=tuple(stored_scores(scores, "meeting.scores_json").items()),
    )
    return Meeting(
        id=meeting_id,
        uuid=uuid,
        record=record,
        lines=tuple(
            AttendanceLine(
                member,
                name,
                known(Role, role, "attendance.role"),
                known(Mark, mark, "attendance.mark"),
                reason,
                bool(spoke),
            )
            for member, name, role, mark, reason, spoke in lines
        ),
        approved_on=_day(approved),
        addenda=tuple(Addendum(date.fromisoformat(on), reason, text) for on, reason, text in addenda),
    )
