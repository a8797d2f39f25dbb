"""The window's first screen read with ``sqlite3`` alone (``storage/plain_roster.py``): the branch, its terms and
the roster with its counts and reminders — or, for a large roster, its index — as the same frozen data the roster
service gives, so the rows are painted before SQLAlchemy, the mapped classes and the services are loaded (they
follow right after the first paint: ``MainWindow``). Imports no SQLAlchemy.

Only a local file at the code's schema, last opened by this version, set up as a branch and without the app's
password is read so, in one read transaction; anything else goes the usual way (``open_database``), as the printed
minutes do (``storage/plain_minutes.py``)."""

import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from chibo_desktop.domain.dates import Period, parse_period
from chibo_desktop.domain.members import state_on
from chibo_desktop.domain.organisation import Organisation
from chibo_desktop.domain.roster import RosterIndex, RosterRow
from chibo_desktop.domain.rules import RuleBook
from chibo_desktop.domain.text import fold
from chibo_desktop.services.gc_pause import paused_gc
from chibo_desktop.services.roster_data import (
    LAZY_FROM,
    Roster,
    RosterOverview,
    ethnicity_choices,
    index_of,
    overview_of,
    roster_of,
    roster_row,
)
from chibo_desktop.storage import plain_roster
from chibo_desktop.storage.plain import organisation, quick_read, reading, rule_values

ROSTER_RULES = (
    "ethnicity.majority",
    "probation.months",
    "probation.recognition_working_days",
    "probation.remind_days_before",
    "badge.milestones",
)
"""The rules the roster's counts and reminders read (``domain/roster.py``): checking every stored rule would load
the dues', admissions' and review's modules for their own."""


@dataclass(frozen=True)
class FirstScreen:
    """What the window shows first: the branch, the terms to choose a period from (newest first, as
    ``TermService.choices``), and the roster — its overview for this year's counts and badge milestones, or a
    large roster's index, its counts to follow."""

    path: Path
    organisation: Organisation
    terms: tuple[Period, ...]
    first: RosterOverview | Roster
    source: "PlainRoster"


def first_period(today: date) -> tuple[Period, int]:
    """The period of the counts and the year of the badge milestones a window shows first (``CountsPanel``'s first
    choice, ``RemindersWidget``'s year)."""
    return parse_period(str(today.year)), today.year


def read_first_screen(path: Path, today: date, lazy_from: int = LAZY_FROM) -> FirstScreen | None:
    """The first screen of the file at *path* on *today*, or None when the file is to be opened the usual way: not
    a local file this version has opened at the code's schema, guarded by the app's password (its keys are opened,
    and maybe sealed, on the way in), not set up, a committee's, or unreadable (the usual way says why)."""
    period, badge_year = first_period(today)

    def read(conn: sqlite3.Connection) -> FirstScreen | None:
        unit = organisation(conn)
        if unit is None or unit.is_committee:
            return None
        terms = tuple(t.period for t in reversed(plain_roster.load_terms(conn, unit.branch_id)) if t.start <= today)
        first: RosterOverview | Roster
        with paused_gc():
            if plain_roster.member_count(conn) >= lazy_from:
                index = _index(conn, today)
                first = Roster(today, (), (), ethnicity_choices(index), index)
            else:
                roster = roster_of(plain_roster.load_roster(conn), today)
                book = RuleBook(rule_values(conn, ROSTER_RULES))
                first = overview_of(roster, period, badge_year, book, plain_roster.holiday_days(conn))
        return FirstScreen(path, unit, terms, first, PlainRoster(path))

    return quick_read(path, read)


def _index(conn: sqlite3.Connection, day: date) -> RosterIndex:
    """As ``MemberService._index``: the roster's index on *day*, its members' states not yet worked out."""
    hamlet_names, unit_names = plain_roster.place_names(conn)
    return index_of(day, plain_roster.roster_index_rows(conn), hamlet_names, unit_names)


class PlainRoster:
    """A large roster's rows, searches and orders read with ``sqlite3``, as ``MemberService`` reads them, for the
    first screen's rows until the services are loaded and the roster is counted."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def rows(self, ids: list[int], on: date) -> list[RosterRow]:
        with reading(self.path) as conn:
            loaded = plain_roster.load_roster(conn, ids)
        return [roster_row(entry, state_on(entry.events, on), search) for entry, search in loaded]

    def ids_matching(self, text: str) -> set[int]:
        with reading(self.path) as conn:
            return plain_roster.ids_matching(conn, fold(text).split())

    def ids_ordered_by(self, column: str) -> list[int]:
        with reading(self.path) as conn:
            return plain_roster.ids_ordered_by(conn, column)
