"""What the window's first screen shows, read with ``sqlite3`` alone: the roster's members with their events (or,
for a large roster, its index), the branch's terms, the rules and the public holidays. Importing SQLAlchemy and
mapping our tables cost a start more than everything else before the roster is painted (README, "A fourth pass").

Each reader gives the same domain objects as its counterpart read through the ORM — :func:`load_roster` as
``member_queries.load_roster``, :func:`roster_index_rows`, :func:`place_names`, :func:`ids_matching` and
:func:`ids_ordered_by` as theirs, :func:`load_terms` as ``term_queries.load_terms``, :func:`holiday_days` as
``term_queries.holiday_days``, :func:`load_rules` as ``member_queries.load_rules`` — and
``tests/storage/test_plain_roster.py`` holds them equal field for field. Only a file that
:func:`chibo_desktop.storage.plain.opens_without_writing` would accept is read so
(``services/first_screen.py`` checks, through the connection it reads with). Nothing here writes.
"""

import sqlite3
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import fields
from datetime import date
from typing import Any

from chibo_desktop.domain.members import EventKind, MemberRecord, Standing, StatusEvent
from chibo_desktop.domain.roster import RosterEntry
from chibo_desktop.domain.rules import RuleValue
from chibo_desktop.domain.terms import Term
from chibo_desktop.storage.plain import day_of
from chibo_desktop.storage.stored_values import known, known_or_none, stored_rules

RECORD_FIELDS = tuple(f.name for f in fields(MemberRecord))
_DATES = frozenset(f.name for f in fields(MemberRecord) if "date" in str(f.type))
_COLUMNS = ", ".join(f'"{name}"' for name in RECORD_FIELDS)
_AS_DATE = tuple(name in _DATES for name in RECORD_FIELDS)


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" * len(values))


def member_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM member").fetchone()[0])


def load_roster(conn: sqlite3.Connection, ids: Sequence[int] | None = None) -> list[tuple[RosterEntry, str]]:
    """Every member (or those of *ids*) with events, hamlet and branch: (entry, folded search text)."""
    hamlets: dict[int, str] = dict(conn.execute("SELECT id, name FROM hamlet").fetchall())
    units: dict[int, str] = dict(conn.execute("SELECT id, name FROM org_unit").fetchall())
    events = _events(conn, ids)
    sql = f"SELECT id, search_text, org_unit_id, {_COLUMNS} FROM member"
    chosen: tuple[int, ...] = ()
    if ids is not None:
        chosen = tuple(ids)
        sql += f" WHERE id IN ({_marks(chosen)})"
    out = []
    no_events: list[StatusEvent] = []
    for values in conn.execute(sql, chosen):
        fields_read: list[Any] = [day_of(v) if as_date else v for v, as_date in zip(values[3:], _AS_DATE, strict=True)]
        record = MemberRecord(*fields_read)
        member_id, unit_id = values[0], values[2]
        entry = RosterEntry(
            id=member_id,
            record=record,
            events=tuple(events.get(member_id, no_events)),
            hamlet=hamlets.get(record.hamlet_id or -1, ""),
            unit_id=unit_id,
            branch=units.get(unit_id, ""),
        )
        out.append((entry, values[1]))
    return out


def _events(conn: sqlite3.Connection, ids: Sequence[int] | None) -> dict[int, list[StatusEvent]]:
    events: dict[int, list[StatusEvent]] = defaultdict(list)
    sql = 'SELECT member_id, kind, "on", end_date, decision_no, note, standing, id, seq FROM status_event'
    chosen: tuple[int, ...] = ()
    if ids is not None:
        chosen = tuple(ids)
        sql += f" WHERE member_id IN ({_marks(chosen)})"
    for member_id, kind, on, end_date, decision_no, note, standing, event_id, seq in conn.execute(sql, chosen):
        events[member_id].append(
            StatusEvent(
                kind=known(EventKind, kind, "status_event.kind"),
                on=date.fromisoformat(on),
                end_date=day_of(end_date),
                decision_no=decision_no,
                note=note,
                standing=known_or_none(Standing, standing, "status_event.standing"),
                id=event_id,
                seq=seq,
            )
        )
    return events


def roster_index_rows(conn: sqlite3.Connection) -> Iterator[tuple[int, int | None, str, str, int]]:
    """(id, hamlet id, gender, ethnicity, branch id) of every member in Vietnamese name order."""
    yield from conn.execute("SELECT id, hamlet_id, gender, ethnicity, org_unit_id FROM member ORDER BY name_key, id")


def place_names(conn: sqlite3.Connection) -> tuple[dict[int, str], dict[int, str]]:
    """The names of every hamlet and of every branch (org unit), by id."""
    hamlets: dict[int, str] = dict(conn.execute("SELECT id, name FROM hamlet").fetchall())
    units: dict[int, str] = dict(conn.execute("SELECT id, name FROM org_unit").fetchall())
    return hamlets, units


def ids_matching(conn: sqlite3.Connection, words: Sequence[str]) -> set[int]:
    """Members whose folded ``search_text`` holds every one of the folded *words*."""
    sql = "SELECT id FROM member WHERE 1"
    patterns = []
    for word in words:
        patterns.append("%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
        sql += " AND search_text LIKE ? ESCAPE '\\'"
    return {member_id for (member_id,) in conn.execute(sql, patterns)}


ORDERED_COLUMNS = frozenset({"date_of_birth", "card_number", "cccd", "admission_date"})


def ids_ordered_by(conn: sqlite3.Connection, column: str) -> list[int]:
    """Every member's id ordered by *column* (rows without a date last, an empty number first), ties in name
    order."""
    if column not in ORDERED_COLUMNS:
        raise ValueError(column)
    first = f"{column} IS NULL, {column}" if column.endswith("date") else column
    return [member_id for (member_id,) in conn.execute(f"SELECT id FROM member ORDER BY {first}, name_key, id")]


def load_terms(conn: sqlite3.Connection, org_unit_id: int) -> tuple[Term, ...]:
    rows = conn.execute(
        'SELECT id, name, start, "end", admissions_target, note FROM term WHERE org_unit_id = ? ORDER BY start',
        (org_unit_id,),
    )
    return tuple(
        Term(i, name, date.fromisoformat(start), date.fromisoformat(end), target, note)
        for i, name, start, end, target, note in rows
    )


def holiday_days(conn: sqlite3.Connection) -> frozenset[date]:
    return frozenset(date.fromisoformat(on) for (on,) in conn.execute('SELECT "on" FROM public_holiday'))


def load_rules(conn: sqlite3.Connection) -> list[RuleValue]:
    """The stored rule values, checked as ``member_queries.load_rules`` checks them."""
    rows = conn.execute("SELECT key, value_json, valid_from, note FROM rule_value ORDER BY key, valid_from")
    return stored_rules((key, value, date.fromisoformat(valid_from), note) for key, value, valid_from, note in rows)
