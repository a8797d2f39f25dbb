"""What the roster screen shows, as frozen data, and how it is worked out from the members read: shared by the
roster service (read through the ORM) and the first screen at start (read with ``sqlite3`` alone,
``services/first_screen.py``), so that both give the same rows, counts and reminders. Imports no SQLAlchemy."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from chibo_desktop.domain.dates import Period
from chibo_desktop.domain.members import MemberState, state_on
from chibo_desktop.domain.roster import (
    BadgeMilestone,
    ProbationReminder,
    RosterCounts,
    RosterEntry,
    RosterIndex,
    RosterRow,
    badge_milestones,
    count_roster,
    probation_reminders,
)
from chibo_desktop.domain.rules import RuleBook
from chibo_desktop.domain.text import collation_key, name_sort_key
from chibo_desktop.services.gc_pause import paused_gc

LAZY_FROM = 20_000
"""From this many members the roster screen holds ids and reads rows as they scroll into view (a snapshot of
100,000 rows took 290 MB), and its counts and reminders are computed a part at a time."""


@dataclass(frozen=True)
class Roster:
    """A snapshot of the roster on one day: rows for the screen (in Vietnamese name order), entries and states
    for counts and reminders."""

    on: date
    rows: tuple[RosterRow, ...]
    entries: tuple[tuple[RosterEntry, MemberState], ...]
    ethnicities: tuple[str, ...] = ()
    index: RosterIndex | None = None  # a large roster: no rows nor entries, read a part at a time (LAZY_FROM)

    @property
    def size(self) -> int:
        return len(self.index) if self.index is not None else len(self.rows)


@dataclass(frozen=True)
class RosterOverview:
    """Everything the roster and reminders screens show, computed together off the GUI thread: the counts for
    *period*, the badge milestones of *badge_year*."""

    roster: Roster
    counts: RosterCounts
    probation: tuple[ProbationReminder, ...]
    badges: tuple[BadgeMilestone, ...]
    period: Period
    badge_year: int


def roster_row(entry: RosterEntry, state: MemberState, search: str) -> RosterRow:
    """The screen's line of *entry* in *state*; *search* is its folded search text as stored."""
    r = entry.record
    return RosterRow(
        id=entry.id,
        full_name=r.full_name,
        gender=r.gender,
        date_of_birth=r.date_of_birth,
        hamlet=entry.hamlet,
        hamlet_id=r.hamlet_id,
        ethnicity=r.ethnicity,
        card_number=r.card_number,
        cccd=r.cccd,
        admission_date=r.admission_date,
        official_date=r.official_date,
        status=state.status.value,
        search=search,
        sort_key=name_sort_key(r.full_name),
        unit_id=entry.unit_id,
        branch=entry.branch,
    )


def roster_of(loaded: Sequence[tuple[RosterEntry, str]], day: date) -> Roster:
    """The roster on *day* of the members *loaded* as (entry, folded search text): rows in name order."""
    with paused_gc():
        entries = [(entry, state_on(entry.events, day)) for entry, _search in loaded]
        rows = [
            roster_row(entry, state, search) for (entry, state), (_entry, search) in zip(entries, loaded, strict=True)
        ]
    rows.sort(key=lambda r: r.sort_key)  # the screen's default order
    ethnicities = sorted({r.ethnicity for r in rows if r.ethnicity}, key=collation_key)
    return Roster(day, tuple(rows), tuple(entries), tuple(ethnicities))


def index_of(
    day: date,
    rows: Iterable[tuple[int, int | None, str, str, int]],
    hamlet_names: dict[int, str],
    unit_names: dict[int, str],
) -> RosterIndex:
    """The roster's index on *day* from its members' (id, hamlet id, gender, ethnicity, branch id) in name order,
    their states not yet worked out; repeated strings shared, one object per distinct value."""
    shared: dict[str, str] = {}
    ids: list[int] = []
    hamlets: list[int | None] = []
    genders: list[str] = []
    ethnicities: list[str] = []
    units: list[int] = []
    for member_id, hamlet_id, gender, ethnicity, unit_id in rows:
        ids.append(member_id)
        hamlets.append(hamlet_id)
        genders.append(shared.setdefault(gender, gender))
        ethnicities.append(shared.setdefault(ethnicity, ethnicity))
        units.append(unit_id)
    return RosterIndex(
        day,
        tuple(ids),
        None,
        tuple(hamlets),
        tuple(genders),
        tuple(ethnicities),
        tuple(units),
        hamlet_names,
        unit_names,
    )


def ethnicity_choices(index: RosterIndex) -> tuple[str, ...]:
    return tuple(sorted({e for e in index.ethnicities if e}, key=collation_key))


def overview_of(
    roster: Roster, period: Period, badge_year: int, book: RuleBook, holidays: frozenset[date]
) -> RosterOverview:
    """*roster*'s counts for *period*, its probation reminders and the badge milestones of *badge_year*, under the
    rules of *book* and the public *holidays*."""
    return RosterOverview(
        roster=roster,
        counts=count_roster(roster.entries, roster.on, period, book.get("ethnicity.majority", roster.on)),
        probation=tuple(probation_reminders(roster.entries, roster.on, book, holidays)),
        badges=tuple(badge_milestones(roster.entries, badge_year, book)),
        period=period,
        badge_year=badge_year,
    )
