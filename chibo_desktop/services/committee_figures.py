"""A committee's stats (`chibo stats` at an upper level, and the figures of its consolidated report), worked out
from what it keeps of its units (``domain/unit_figures.KeptFigures``), the branches it received and its rule book.

The same functions serve both ways of reading those: through the ORM (``services/stats``), and from a file read
with ``sqlite3`` alone (:func:`quick_stats`, ``storage/plain_figures``), which spares `chibo stats` and `chibo
report` importing SQLAlchemy and mapping our tables (a third of either command). Nothing here imports the ORM.
"""

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from chibo_desktop.domain.dates import Period
from chibo_desktop.domain.dues import month_start
from chibo_desktop.domain.funds import LoanFigures, figures
from chibo_desktop.domain.meeting_rules import MeetingRules, meeting_rules
from chibo_desktop.domain.organisation import Organisation
from chibo_desktop.domain.register import MemberFlag, summarise
from chibo_desktop.domain.review import NotRated, ReviewRules, review_day
from chibo_desktop.domain.rules import RuleBook
from chibo_desktop.domain.terms import Term
from chibo_desktop.domain.unit_figures import (
    BranchDuesFigures,
    Json,
    KeptFigures,
    ReceivedBranch,
    dues_figures,
    flag_order,
    kept_flags,
    review_figures,
    roster_counts,
)

FORMAT_VERSION = 1
DUES_KEYS = ("due", "collected", "collection_ratio", "members_paid", "members_unpaid", "paid_to_upper", "exempt")


def stats_head(organisation: Organisation | None, period: Period, today: date) -> dict[str, object]:
    """The keys every `chibo stats` begins with."""
    return {
        "format": FORMAT_VERSION,
        "branch": organisation.branch_name if organisation else None,
        "period": {"label": period.label, "from": period.start.isoformat(), "to": period.end.isoformat()},
        "as_of": min(period.end, today).isoformat(),
    }


def needed_units(organisation: Organisation | None, received: Sequence[ReceivedBranch]) -> tuple[list[int], int | None]:
    """The units whose kept figures the stats read, and the database's own unit when it keeps its records."""
    own = organisation.branch_id if organisation is not None and not organisation.is_committee else None
    return [unit for b in received for unit in b.units], own


def review_rules(book: RuleBook, year: int) -> ReviewRules:
    """The review's rules of *year*, in force on its review day."""
    day = review_day(year)
    return ReviewRules.from_values(
        book.get("review.bands", day), book.get("review.excellent_cap_percent", day), book.get("review.not_rated", day)
    )


def loan_stats(f: LoanFigures, count: int) -> dict[str, object]:
    """The "loans" object from figures already worked out, and the number of funds."""
    return {
        "funds": count,
        "loans_disbursed": f.loans,
        "amount_disbursed": f.amount,
        "members_helped": f.members,
        "outstanding": f.outstanding,
        "overdue_amount": f.overdue,
        "par30": None if f.par30 is None else round(f.par30, 4),
        "ageing": dict(sorted(f.buckets.items())),
    }


def kept_dues(books: dict[int, Json], period: Period, today: date) -> dict[int, BranchDuesFigures]:
    """Unit → its dues over *period* (up to this month) from the dues a committee keeps per unit
    (``domain/unit_figures.dues_book``)."""
    first, last = month_start(period.start), min(month_start(period.end), month_start(today))
    found = {unit: dues_figures(book, first, last) for unit, book in books.items()}
    return {unit: BranchDuesFigures(**f) for unit, f in found.items() if f is not None}


def upper_dues(found: dict[int, BranchDuesFigures], org_units: Sequence[int] | None) -> dict[str, object]:
    """The "dues" object summed over *org_units* (None: all) of the figures the units reported; every figure None
    when none of them reported dues."""
    chosen = [f for unit, f in found.items() if org_units is None or unit in org_units]
    if not chosen:
        return dict.fromkeys(DUES_KEYS)
    due = sum(f.due for f in chosen)
    collected = sum(f.collected for f in chosen)
    return {
        "due": due,
        "collected": collected,
        "collection_ratio": round(collected / due, 4) if due else None,
        "members_paid": sum(f.members_paid for f in chosen),
        "members_unpaid": sum(f.members_unpaid for f in chosen),
        "paid_to_upper": sum(f.paid_to_upper for f in chosen),
        "exempt": sum(f.exempt for f in chosen),
    }


@dataclass
class CommitteeRead:
    """The committee's figures of its units for *period*, from what it keeps of them, worked out per branch with
    the same rules and domain functions as a branch's own stats."""

    book: RuleBook
    period: Period
    today: date
    kept: KeptFigures
    dues: dict[int, BranchDuesFigures] = field(init=False)
    on: date = field(init=False)  # the day counted: the period's end, or today if it has not ended
    rules: MeetingRules = field(init=False)  # the meeting rules in force that day
    reasons: dict[tuple[Any, ...], NotRated | None] = field(default_factory=dict)  # the review's, once per facts
    unit_flags: dict[int, list[MemberFlag]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.dues = kept_dues(self.kept.dues, self.period, self.today)
        self.on = min(self.period.end, self.today)
        self.rules = meeting_rules(self.book, self.on)

    def flags(self, units: Sequence[int]) -> list[MemberFlag]:
        """The flags of *units*, each unit's worked out once (a branch's, then again in the committee's total)."""
        r = self.rules
        for unit in units:
            if unit not in self.unit_flags:
                absent = self.kept.absences.get(unit, ())
                self.unit_flags[unit] = kept_flags(
                    absent, self.period.end, r.removal_months, r.max_run, r.away_required
                )
        return sorted((f for unit in units for f in self.unit_flags[unit]), key=flag_order)

    def figures(self, units: Sequence[int] | None) -> dict[str, object]:
        """The figures of *units* (None: all of them), as a branch's own stats give them."""
        k = self.kept
        chosen = list(k.units) if units is None else list(units)
        counts: Counter[str] = Counter()
        for unit in chosen:
            counts.update(k.counts.get(unit, {}))
        admitted = sum(k.admitted.get(unit, 0) for unit in chosen)
        meetings = sorted((m for unit in chosen for m in k.meetings.get(unit, ())), key=lambda m: (m.on, m.id))
        entries = [e for unit in chosen if unit in k.loans for e in k.loans[unit][1]]
        loans = [loan for unit in chosen if unit in k.loans for loan in k.loans[unit][0]]
        funds = sum(k.loans[unit][2] for unit in chosen if unit in k.loans)
        year = self.period.end.year
        kept_review = [k.review[u] for u in chosen if u in k.review]
        majority = self.book.get("ethnicity.majority", self.on)
        return {
            "members": roster_counts(counts, admitted, majority).as_json(),
            "meetings": summarise(meetings, self.period, self.rules.bar, self.rules.away_required).as_json(),
            "flags": [flag.as_json() for flag in self.flags(chosen)],
            "loans": loan_stats(figures(loans, entries, self.period, self.on), funds),
            "dues": upper_dues(self.dues, units),
            "review": review_figures(kept_review, year, review_rules(self.book, year), self.reasons),
        }

    def branches(
        self, received: Sequence[ReceivedBranch], step: Callable[[int], None] | None = None
    ) -> dict[str, object]:
        """The committee's own figures and, under ``branches``, each of *received*'s; *step(n)* is told how many
        steps are done (those of the figures worked out first, then one per branch)."""
        result = self.figures(None)
        branches = []
        for done, b in enumerate(received):
            if step is not None:
                step(self.kept.worked_out + done)
            branches.append(
                {
                    "uuid": b.uuid,
                    "name": b.name,
                    "last_package": b.sequence,
                    "last_received": b.received_on.isoformat() if b.received_on else None,
                    "covers_to": b.covers_to.isoformat() if b.covers_to else None,
                    "sent_in_period": b.sent_for(self.period.end),
                    **self.figures(b.units),
                }
            )
        result["branches"] = branches
        return result


def term_json(term: Term | None) -> dict[str, object] | None:
    """The ``term`` key of `chibo stats` when the period is a term: its target for admissions."""
    return None if term is None else {"name": term.name, "admissions_target": term.admissions_target}


@dataclass(frozen=True)
class QuickStats:
    """A committee's stats read without SQLAlchemy, and what a report or the command line adds to them."""

    stats: dict[str, object]
    period: Period
    organisation: Organisation
    term: Term | None
    conflicts_waiting: int  # members sent by two units, waiting for review


def quick_stats(path: Path, period_text: str | None, today: date) -> QuickStats | None:
    """The stats of the committee at *path* for the period the user wrote (None: this year), read with
    ``sqlite3`` alone; None when the file is to be opened the usual way (see ``plain_figures.committee_source``:
    not a committee's local file at the code's schema, guarded by a password, or with figures still to work out).
    A period that is not one raises ``UserError`` as the usual way does."""
    from chibo_desktop.storage.plain_figures import committee_source

    source = committee_source(path, period_text, today)
    if source is None:
        return None
    stats = stats_head(source.organisation, source.period, today)
    read = CommitteeRead(source.book, source.period, today, source.kept)
    stats.update(read.branches(source.received))
    stats["conflicts_waiting"] = source.conflicts_waiting
    return QuickStats(stats, source.period, source.organisation, source.term, source.conflicts_waiting)
