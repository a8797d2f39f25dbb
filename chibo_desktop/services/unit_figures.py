"""A committee's figures per unit, kept apart from the records (``domain/unit_figures``): worked out again for a
branch's units inside the transaction that takes in its package, for the units kept in no or an older form on
first use, and read by the committee's stats and consolidated report.

What is kept answers any range of days; the review is kept for the years around the refresh
(:data:`REVIEW_YEARS`), and a year outside them is worked out from the records, once for all units."""

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

from chibo_desktop.domain.dates import Period
from chibo_desktop.domain.funds import Entry, Loan
from chibo_desktop.domain.register import MeetingSummary
from chibo_desktop.domain.review import review_day
from chibo_desktop.domain.roster import RosterEntry
from chibo_desktop.domain.unit_figures import (
    FORMAT,
    Json,
    KeptFigures,
    absences,
    dues_book,
    histories,
    loan_rows,
    loans_of,
    meeting_json,
    meeting_of,
    member_steps,
    readmissions,
    review_facts,
)
from chibo_desktop.storage import (
    dues_queries,
    figures_queries,
    fund_queries,
    meeting_queries,
    member_queries,
    review_queries,
)
from chibo_desktop.storage.db import Database, Session

REVIEW_YEARS = 10
BUILD_PARTS = 20
"""The units worked out on first use go in this many parts, each followed by a step of the progress shown."""
"""The review is kept for this many years before the refresh's, that year and the next."""


def _review_of_years(
    session: Session, entries: dict[int, list[RosterEntry]], units: Sequence[int], years: Iterable[int]
) -> dict[tuple[int, int], Json]:
    """(unit, year) → the review facts of the unit's members and its rating, read once for all *units*."""
    chosen = list(units)
    awards: dict[tuple[int, int], Counter[str]] = defaultdict(Counter)
    unit_of = {entry.id: unit for unit in chosen for entry in entries.get(unit, ())}
    for award in review_queries.awards(session, org_units=chosen):
        unit = unit_of.get(award.member_id)
        if unit is not None:
            awards[(unit, award.on.year)][award.kind.value] += 1
    rated = {unit: {b.year: b.level for b in review_queries.branch_reviews(session, unit)} for unit in chosen}
    out: dict[tuple[int, int], Json] = {}
    of_years = review_queries.review_results_of_years(session, list(years), chosen)  # one query, not one a year
    members = {unit: histories(entries.get(unit, ())) for unit in chosen}  # each one's events sorted once
    for year, reviews in of_years.items():
        for unit in chosen:
            level = rated[unit].get(year)
            out[(unit, year)] = review_facts(members[unit], reviews, year, level, awards[(unit, year)])
    return out


def _entries_by_unit(session: Session, units: Sequence[int] | None) -> dict[int, list[RosterEntry]]:
    found: dict[int, list[RosterEntry]] = defaultdict(list)
    for entry, _search in member_queries.load_roster(session, units):
        found[entry.unit_id].append(entry)
    return found


def refresh(session: Session, units: Sequence[int], today: date) -> None:
    """Work out again the kept figures of *units* from their records, in the caller's transaction."""
    chosen = sorted(set(units))
    if not chosen:
        return
    entries = _entries_by_unit(session, chosen)
    years = range(today.year - REVIEW_YEARS, today.year + 2)
    reviews = _review_of_years(session, entries, chosen, years)
    for unit in chosen:
        rows: list[figures_queries.Row] = [("basis", None, FORMAT, {"review_years": [years[0], years[-1]]})]
        rows += [("members", day, step["admitted"], step["counts"]) for day, step in member_steps(entries[unit])]
        rows += [("readmitted", day, member, None) for day, member in readmissions(entries[unit])]
        # with the lines of the members with an absence in the meeting's year: all the year's flags need
        by_year: dict[int, list[MeetingSummary]] = defaultdict(list)
        meetings, absent_lines = meeting_queries.unit_meeting_figures(session, unit)  # all its years at once
        for meeting in meetings:
            by_year[meeting.on.year].append(meeting)
        for year in range(min(by_year), max(by_year) + 1) if by_year else ():  # every year from the first to the last
            found = by_year.get(year, [])
            rows += [("meeting", meeting.on, meeting.id, meeting_json(meeting)) for meeting in found]
            rows.append(("absences", date(year, 12, 31), year, absences(found, absent_lines)))
        rows.append(("funds", None, len(fund_queries.funds(session, [unit])), None))
        loans = fund_queries.loans(session, org_units=[unit])
        lines = fund_queries.entries(session, org_units=[unit]) if loans else []
        rows += [("loan", settled, paid_out, data) for settled, paid_out, data in loan_rows(loans, lines)]
        rows += [("review", review_day(year), year, reviews[(unit, year)]) for year in years]
        rows.append(("dues", None, None, dues_book(*dues_queries.unit_rows(session, unit))))
        figures_queries.replace_unit(session, unit, rows)


class UnitFigures:
    def __init__(self, db: Database) -> None:
        self._db = db

    def missing(self, needed: Iterable[int], own: int | None = None) -> list[int]:
        """The units whose figures :meth:`kept` works out first: those in *needed* (and every unit with records)
        not kept, or kept in an older form, and *own*, the unit of a database that keeps its own records beside
        those it received (they change without a package)."""
        with self._db.read() as session:
            kept = figures_queries.kept_units(session)
            found = (set(needed) | figures_queries.units_with_records(session)) - {
                u for u, form in kept.items() if form == FORMAT and u != own
            }
        return sorted(found)

    def kept(
        self,
        needed: Iterable[int],
        period: Period,
        on: date,
        own: int | None = None,
        step: Callable[[int], None] | None = None,
    ) -> KeptFigures:
        """The figures of every unit for *period*, counted on *on*; the :meth:`missing` units are worked out
        first, in one transaction, *step(n)* told after each part how many of them are done (it may raise to
        stop: then nothing is written)."""
        missing = self.missing(needed, own)
        if missing:
            today = self._db.clock.today()
            size = max(1, -(-len(missing) // BUILD_PARTS))
            with self._db.write() as session:
                for start in range(0, len(missing), size):
                    if step is not None:
                        step(start)
                    refresh(session, missing[start : start + size], today)
        year = period.end.year
        with self._db.read() as session:
            units = tuple(sorted(figures_queries.kept_units(session)))
            counts = figures_queries.member_counts(session, on)
            admitted = figures_queries.admissions(session, period.start, period.end)
            meetings: dict[int, list[MeetingSummary]] = defaultdict(list)
            for unit, meeting_id, day, data in figures_queries.meetings(session, period.start, period.end):
                meetings[unit].append(meeting_of(meeting_id, day, data))
            absent = figures_queries.of_topic(session, "absences", year)
            funds = figures_queries.counts(session, "funds")
            seen: dict[int, list[Any]] = defaultdict(list)
            for unit, data in figures_queries.loans(session, on, int(period.start.strftime("%Y%m%d"))):
                seen[unit].append(data)
            loans: dict[int, tuple[list[Loan], list[Entry], int]] = {}
            for unit, count in funds.items():
                found, lines = loans_of(seen.get(unit, ()), on)
                loans[unit] = (found, lines, count)
            dues = figures_queries.of_topic(session, "dues")
            review = figures_queries.of_topic(session, "review", year)
            if set(units) - set(review):  # a year outside those kept: from the records, once for all units
                entries = _entries_by_unit(session, None)
                found_review = _review_of_years(session, entries, units, [year])
                review = {unit: found_review[(unit, year)] for unit in units}
        return KeptFigures(units, counts, admitted, dict(meetings), absent, loans, review, dues, len(missing))
