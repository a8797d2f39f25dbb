"""A committee's kept figures read with ``sqlite3`` alone, for `chibo stats` and `chibo report`: importing SQLAlchemy
and mapping our tables cost either command a third of its processor time (README, "Benchmarks").

Each reader gives what its counterpart gives through the ORM — :func:`kept_figures` as
``services/unit_figures.UnitFigures.kept`` (the queries of ``figures_queries``), :func:`received_branches` as
``services/received.Received.branches``, :func:`conflicts_waiting`, :func:`terms` and :func:`rules` as theirs —
and ``tests/storage/test_plain_figures.py`` holds them equal field for field. Only a local file at the code's head
without the app's password, whose figures are all kept in the current form, is read so (:func:`committee_source`
checks); anything else goes through ``open_database`` and the services, which work out what is missing.
"""

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from chibo_desktop.domain.dates import Period
from chibo_desktop.domain.funds import Entry, Loan
from chibo_desktop.domain.organisation import Organisation
from chibo_desktop.domain.register import MeetingSummary
from chibo_desktop.domain.rules import RuleBook, RuleValue
from chibo_desktop.domain.terms import Term, period_of
from chibo_desktop.domain.unit_figures import FORMAT, KeptFigures, ReceivedBranch, loans_of, meeting_of
from chibo_desktop.storage.plain import day_of, organisation, quick_read
from chibo_desktop.storage.stored_values import stored_rules


@dataclass(frozen=True)
class CommitteeSource:
    """What a committee's stats are worked out from, and the period they cover."""

    organisation: Organisation
    period: Period
    term: Term | None  # the term whose dates are the period's, if any
    book: RuleBook
    received: list[ReceivedBranch]
    kept: KeptFigures
    conflicts_waiting: int


def committee_source(path: Path, period_text: str | None, today: date) -> CommitteeSource | None:
    """The committee's figures in the file at *path* for the period the user wrote (None: this year), in one read
    transaction; None when the file is to be opened the usual way: not a local file this version has opened at the
    code's schema, guarded by the app's password, not a committee that has taken packages in, or with a unit whose
    figures are not kept in the current form (the usual way works them out and keeps them) or a review year not
    kept. ``UserError`` when *period_text* names no period (as the usual way says it)."""

    def read(conn: sqlite3.Connection) -> CommitteeSource | None:
        unit = organisation(conn)
        if unit is None or not unit.is_committee:
            return None
        received = received_branches(conn)
        if not received or missing(conn, [u for b in received for u in b.units]):
            return None
        found = terms(conn, unit.branch_id)
        period = period_of(period_text or str(today.year), found)
        kept = kept_figures(conn, period, min(period.end, today))
        if kept is None:
            return None
        term = next((t for t in found if (t.start, t.end) == (period.start, period.end)), None)
        return CommitteeSource(unit, period, term, RuleBook(rules(conn)), received, kept, conflicts_waiting(conn))

    return quick_read(path, read)


def rules(conn: sqlite3.Connection) -> list[RuleValue]:
    """Every stored rule value, checked as ``member_queries.load_rules`` checks them."""
    rows = conn.execute("SELECT key, value_json, valid_from, note FROM rule_value ORDER BY key, valid_from")
    return stored_rules((key, value, date.fromisoformat(valid_from), note) for key, value, valid_from, note in rows)


def terms(conn: sqlite3.Connection, unit_id: int) -> tuple[Term, ...]:
    """The terms of *unit_id*, oldest first (``term_queries.load_terms``)."""
    rows = conn.execute(
        'SELECT id, name, start, "end", admissions_target, note FROM term WHERE org_unit_id = ? ORDER BY start',
        (unit_id,),
    )
    return tuple(
        Term(i, name, date.fromisoformat(start), date.fromisoformat(end), target, note)
        for i, name, start, end, target, note in rows
    )


def received_branches(conn: sqlite3.Connection) -> list[ReceivedBranch]:
    """The units whose packages this database took in, with their last package, in name order (as
    ``exchange_log.received_branches`` and ``subtrees`` read them)."""
    rows = conn.execute(
        "SELECT o.id, o.uuid, o.name, i.sequence, i.imported_at, i.covers_to FROM org_unit o "
        "JOIN import_log i ON i.org_unit_id = o.id WHERE o.is_self IS 0 ORDER BY i.sequence, i.id"
    ).fetchall()
    last = {row[0]: row for row in rows}  # every package taken in: the last one of each unit wins
    children: dict[int | None, list[int]] = {}
    for child, parent in conn.execute("SELECT id, parent_id FROM org_unit"):
        children.setdefault(parent, []).append(child)
    found = []
    for i, uuid, name, sequence, at, covers in sorted(last.values(), key=lambda r: r[2]):
        below, stack, seen = [], [i], set()
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            below.append(current)
            stack.extend(children.get(current, []))
        received_on = date.fromisoformat(at[:10]) if at else None
        found.append(ReceivedBranch(i, uuid, name, sequence, received_on, tuple(below), day_of(covers)))
    return found


def conflicts_waiting(conn: sqlite3.Connection) -> int:
    """How many members sent by two units wait for review."""
    return int(conn.execute("SELECT count(*) FROM member_conflict WHERE state = 'waiting'").fetchone()[0])


def missing(conn: sqlite3.Connection, needed: Iterable[int]) -> list[int]:
    """The units whose figures the usual way would work out first (``UnitFigures.missing`` at a committee, which
    keeps no records of its own): those needed or with records here, not kept in the current form."""
    current = {
        unit
        for unit, form in conn.execute("SELECT org_unit_id, ref FROM unit_figures WHERE topic = 'basis'")
        if (form or 0) == FORMAT
    }
    with_records = {
        unit
        for (unit,) in conn.execute(
            "SELECT org_unit_id FROM member UNION SELECT org_unit_id FROM meeting UNION SELECT org_unit_id FROM fund"
        )
    }
    return sorted((set(needed) | with_records) - current)


def _of_topic(conn: sqlite3.Connection, topic: str, ref: int | None = None) -> dict[int, Any]:
    if ref is None:
        rows = conn.execute("SELECT org_unit_id, figures FROM unit_figures WHERE topic = ?", (topic,))
    else:
        rows = conn.execute("SELECT org_unit_id, figures FROM unit_figures WHERE topic = ? AND ref = ?", (topic, ref))
    return {unit: json.loads(figures) for unit, figures in rows}


def kept_figures(conn: sqlite3.Connection, period: Period, on: date) -> KeptFigures | None:
    """The kept figures of every unit for *period*, counted on *on*; None when the review of the period's year is
    not kept for every unit (the usual way works it out from the records)."""
    year = period.end.year
    start, end = period.start.isoformat(), period.end.isoformat()
    units = tuple(sorted(u for (u,) in conn.execute("SELECT org_unit_id FROM unit_figures WHERE topic = 'basis'")))
    review = _of_topic(conn, "review", year)
    if set(units) - set(review):
        return None
    counts = {
        unit: json.loads(figures)
        for unit, figures in conn.execute(
            "SELECT t.org_unit_id, t.figures FROM unit_figures t JOIN (SELECT org_unit_id AS unit, max(day) AS day "
            "FROM unit_figures WHERE topic = 'members' AND day <= ? GROUP BY org_unit_id) last "
            "ON last.unit = t.org_unit_id AND last.day = t.day AND t.topic = 'members'",
            (on.isoformat(),),
        )
    }
    admitted: dict[int, int] = {}
    for query in (
        "SELECT org_unit_id, sum(ref) FROM unit_figures WHERE topic = 'members' AND day >= ? AND day <= ? "
        "GROUP BY org_unit_id",
        "SELECT org_unit_id, count(DISTINCT ref) FROM unit_figures WHERE topic = 'readmitted' AND day >= ? "
        "AND day <= ? GROUP BY org_unit_id",
    ):
        for unit, n in conn.execute(query, (start, end)):
            admitted[unit] = admitted.get(unit, 0) + int(n or 0)
    meetings: dict[int, list[MeetingSummary]] = defaultdict(list)
    for unit, meeting_id, day, data in conn.execute(
        "SELECT org_unit_id, ref, day, figures FROM unit_figures WHERE topic = 'meeting' AND day >= ? AND day <= ?",
        (start, end),
    ):
        meetings[unit].append(meeting_of(meeting_id, date.fromisoformat(day), json.loads(data)))
    absent = _of_topic(conn, "absences", year)
    funds = {
        unit: ref or 0 for unit, ref in conn.execute("SELECT org_unit_id, ref FROM unit_figures WHERE topic = 'funds'")
    }
    seen: dict[int, list[Any]] = defaultdict(list)
    for unit, data in conn.execute(
        "SELECT org_unit_id, figures FROM unit_figures WHERE topic = 'loan' AND (day IS NULL OR day > ? OR ref >= ?)",
        (on.isoformat(), int(period.start.strftime("%Y%m%d"))),
    ):
        seen[unit].append(json.loads(data))
    loans: dict[int, tuple[list[Loan], list[Entry], int]] = {}
    for unit, count in funds.items():
        found, lines = loans_of(seen.get(unit, ()), on)
        loans[unit] = (found, lines, count)
    dues = _of_topic(conn, "dues")
    return KeptFigures(units, counts, admitted, dict(meetings), absent, loans, review, dues)
