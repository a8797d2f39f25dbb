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
from chibo_desktop.domain.namesakes import Identity, sharing_a_name
from chibo_desktop.domain.organisation import Organisation
from chibo_desktop.domain.rules import RuleValue
from chibo_desktop.storage.plain import day_of, organisation, protected, quick_read, rule_values
from chibo_desktop.storage.stored_values import known, stored_scores

__all__ = ["MinutesSource", "identities", "meeting", "minutes_source", "organisation", "protected", "rule_values"]


@dataclass(frozen=True)
class MinutesSource:
    """What a meeting's minutes are made from: the database's own unit (the header), the meeting, and the stored
    values of the rules asked for."""

    organisation: Organisation
    meeting: Meeting
    rules: tuple[RuleValue, ...]
    identities: dict[int, Identity]  # of the members of the same name on the meeting's list


def minutes_source(path: Path, meeting_id: int, rule_keys: Collection[str]) -> MinutesSource | None:
    """The minutes of *meeting_id* read from the file at *path* in one read transaction, or None when the file is
    to be opened the usual way: not a local file this version has opened at the code's schema, guarded by the
    app's password (its keys are opened, and maybe sealed, on the way in), not set up, or without that meeting (the
    usual way then says so in the user's words)."""

    def read(conn: sqlite3.Connection) -> MinutesSource | None:
        unit = organisation(conn)
        found = meeting(conn, meeting_id) if unit is not None else None
        if unit is None or found is None:
            return None
        alike = sharing_a_name((line.member_id, line.name) for line in found.lines)
        return MinutesSource(unit, found, tuple(rule_values(conn, rule_keys)), identities(conn, alike))

    return quick_read(path, read)


def identities(conn: sqlite3.Connection, member_ids: Collection[int]) -> dict[int, Identity]:
    """What tells the members of *member_ids* apart from others of the same name, as ``member_queries.identities``
    reads it (a meeting's list names at most a branch's members: one statement)."""
    wanted = sorted(set(member_ids))
    if not wanted:
        return {}
    marks = ", ".join("?" * len(wanted))
    rows = conn.execute(
        f"SELECT id, full_name, date_of_birth, card_number FROM member WHERE id IN ({marks})",
        wanted,
    )
    return {i: Identity(i, name, day_of(born), card or "") for i, name, born, card in rows}


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
        on=day_of(on),
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
        assignments=tuple(Assignment(member, name, task, day_of(due)) for member, name, task, due in assignments),
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
        approved_on=day_of(approved),
        addenda=tuple(Addendum(date.fromisoformat(on), reason, text) for on, reason, text in addenda),
    )
