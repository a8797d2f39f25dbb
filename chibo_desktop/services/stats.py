"""The figures of ``chibo stats --json``: documented keys that scripts and the upper level rely on."""

from collections import Counter
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from chibo_desktop.domain.dates import Period
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message
from chibo_desktop.domain.register import MemberFlag
from chibo_desktop.domain.review import NotRated
from chibo_desktop.domain.unit_figures import flag_order, review_figures
from chibo_desktop.services.conflicts import ConflictService
from chibo_desktop.services.dues import DuesService, upper_dues
from chibo_desktop.services.exchange import ExchangeService, ReceivedBranch
from chibo_desktop.services.funds import FundService
from chibo_desktop.services.meetings import MeetingService
from chibo_desktop.services.members import MemberService
from chibo_desktop.services.organisation import OrganisationService
from chibo_desktop.services.review import ReviewService
from chibo_desktop.services.rules import RulesService
from chibo_desktop.services.unit_figures import KeptFigures, UnitFigures
from chibo_desktop.storage.dues_queries import BranchDuesFigures

FORMAT_VERSION = 1


class StatsService:
    def __init__(
        self,
        members: MemberService,
        meetings: MeetingService,
        funds: FundService,
        organisation: OrganisationService,
        exchange: ExchangeService,
        conflicts: ConflictService,
        dues: DuesService,
        review: ReviewService,
        kept: UnitFigures,
        rules: RulesService | None = None,
    ) -> None:
        """*kept*: what a committee keeps of its units' figures (its stats read them)."""
        self._kept = kept
        self._rules = rules
        self._members = members
        self._exchange = exchange
        self._conflicts = conflicts
        self._funds = funds
        self._meetings = meetings
        self._organisation = organisation
        self._dues = dues
        self._review = review

    def _figures(self, period: Period, today: date, org_units: Sequence[int] | None) -> dict[str, object]:
        on = min(period.end, today)
        roster = self._members.roster(on, org_units)
        return {
            "members": self._members.counts(roster, period).as_json(),
            "meetings": self._meetings.summary(period, org_units).as_json(),
            "flags": [flag.as_json() for flag in self._meetings.flags(period, org_units)],
            "loans": self._funds.stats(period, org_units),
            "dues": self._dues.stats(period, org_units),
            "review": self._review.stats(period, org_units),
        }

    def stats(self, period: Period, today: date, report: Callable[[int], bool] | None = None) -> dict[str, object]:
        """Counts as of the end of *period* (or today, if the period has not ended yet). At the upper level the
        figures are the sums over its branches, and ``branches`` gives each branch's own figures. *report(n)* is
        told how many branches are done; when it returns False the work stops (``UserError``)."""
        on = min(period.end, today)
        organisation = self._organisation.get()
        received = self._exchange.received_branches()
        result: dict[str, object] = {
            "format": FORMAT_VERSION,
            "branch": organisation.branch_name if organisation else None,
            "period": {"label": period.label, "from": period.start.isoformat(), "to": period.end.isoformat()},
            "as_of": on.isoformat(),
        }
        if not received:
            result.update(self._figures(period, today, None))
            return result
        with self._rules.held() if self._rules is not None else nullcontext():
            result.update(self._branches(period, today, received, report))
        result["conflicts_waiting"] = self._conflicts.waiting_count()  # members sent by two units, to review
        return result

    def _branches(
        self, period: Period, today: date, received: list[ReceivedBranch], report: Callable[[int], bool] | None
    ) -> dict[str, object]:
        """The committee's own figures and its branches', from one read of everything."""
        read = _Read.of(self, period, today, received)
        result = read.figures(None)
        branches = []
        for done, b in enumerate(received):
            if report is not None and not report(done):
                raise UserError(Message("Stats", QT_TRANSLATE_NOOP("Stats", "Cancelled; nothing was written.")))
            branches.append(
                {
                    "uuid": b.uuid,
                    "name": b.name,
                    "last_package": b.sequence,
                    "last_received": b.received_on.isoformat() if b.received_on else None,
                    "covers_to": b.covers_to.isoformat() if b.covers_to else None,
                    "sent_in_period": b.sent_for(period.end),
                    **read.figures(b.units),
                }
            )
        result["branches"] = branches
        return result


@dataclass
class _Read:
    """The committee's figures of its units, read from what it keeps of them (``services/unit_figures``) and
    worked out per branch with the same rules and domain functions as a branch's own stats."""

    stats: StatsService
    period: Period
    on: date
    kept: KeptFigures
    dues: dict[int, BranchDuesFigures]
    reasons: dict[tuple[Any, ...], NotRated | None] = field(default_factory=dict)  # the review's, once per facts
    unit_flags: dict[int, list[MemberFlag]] = field(default_factory=dict)

    @staticmethod
    def of(stats: StatsService, period: Period, today: date, received: list[ReceivedBranch]) -> "_Read":
        on = min(period.end, today)
        needed = [unit for b in received for unit in b.units]
        organisation = stats._organisation.get()
        own = organisation.branch_id if organisation is not None and not organisation.is_committee else None
        kept = stats._kept.kept(needed, period, on, own)
        return _Read(stats, period, on, kept, stats._dues.kept(kept.dues, period))

    def flags(self, units: Sequence[int]) -> list[MemberFlag]:
        """The flags of *units*, each unit's worked out once (a branch's, then again in the committee's total)."""
        for unit in units:
            if unit not in self.unit_flags:
                self.unit_flags[unit] = self.stats._meetings.kept_flags(self.kept.absences.get(unit, ()), self.period)
        return sorted((f for unit in units for f in self.unit_flags[unit]), key=flag_order)

    def figures(self, units: Sequence[int] | None) -> dict[str, object]:
        """The figures of *units* (None: all of them), as :meth:`StatsService._figures` gives them."""
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
        s = self.stats
        year = self.period.end.year
        kept_review = [k.review[u] for u in chosen if u in k.review]
        review = review_figures(kept_review, year, s._review.rules(year), self.reasons)
        return {
            "members": s._members.kept_counts(counts, admitted, self.on).as_json(),
            "meetings": s._meetings.summary_of(meetings, self.period).as_json(),
            "flags": [flag.as_json() for flag in self.flags(chosen)],
            "loans": s._funds.stats_of(s._funds.figures_of(loans, entries, self.period), funds),
            "dues": upper_dues(self.dues, units),
            "review": review,
        }
