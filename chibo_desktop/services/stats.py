"""The figures of ``chibo stats --json``: documented keys that scripts and the upper level rely on."""

from collections import defaultdict
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import date

from chibo_desktop.domain.dates import Period
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.funds import Entry, Loan
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message
from chibo_desktop.domain.members import MemberState
from chibo_desktop.domain.register import MeetingSummary
from chibo_desktop.domain.roster import RosterEntry
from chibo_desktop.services.dues import DuesService, upper_dues
from chibo_desktop.services.exchange import ExchangeService, ReceivedBranch
from chibo_desktop.services.funds import FundService
from chibo_desktop.services.meetings import MeetingService
from chibo_desktop.services.members import MemberService, Roster
from chibo_desktop.services.organisation import OrganisationService
from chibo_desktop.services.review import ReviewService
from chibo_desktop.services.rules import RulesService
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
        dues: DuesService,
        review: ReviewService,
        rules: RulesService | None = None,
    ) -> None:
        self._rules = rules
        self._members = members
        self._exchange = exchange
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
        result["conflicts_waiting"] = self._exchange.conflicts_waiting()  # members sent by two units, to review
        return result

    def _branches(
        self, period: Period, today: date, received: list[ReceivedBranch], report: Callable[[int], bool] | None
    ) -> dict[str, object]:
        """The committee's own figures and its branches', from one read of everything."""
        read = _Read.of(self, period, today)
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
    """The upper level's records read once for all its branches, each figure then worked out per branch from its
    share of them with the same rules as a branch's own stats (a read per branch cost seconds at 81 branches)."""

    stats: StatsService
    period: Period
    roster: Roster
    members_of: dict[int, list[tuple[RosterEntry, MemberState]]]
    meetings_of: dict[int, list[MeetingSummary]]
    loans_of: dict[int, list[Loan]]
    entries_of: dict[int, list[Entry]]
    funds_of: dict[int, int]
    dues: dict[int, BranchDuesFigures]

    @staticmethod
    def of(stats: StatsService, period: Period, today: date) -> "_Read":
        on = min(period.end, today)
        roster = stats._members.states(on)
        members_of: dict[int, list[tuple[RosterEntry, MemberState]]] = defaultdict(list)
        for entry, state in roster.entries:
            members_of[entry.unit_id].append((entry, state))
        start = min(period.start, date(period.end.year, 1, 1))  # the flags count from the first of the year
        meetings_of: dict[int, list[MeetingSummary]] = defaultdict(list)
        for unit, meeting in stats._meetings.unit_summaries(start, period.end):
            meetings_of[unit].append(meeting)
        loans, entries, fund_units = stats._funds.portfolio()
        loans_of: dict[int, list[Loan]] = defaultdict(list)
        for loan in loans:
            loans_of[fund_units[loan.fund_id]].append(loan)
        entries_of: dict[int, list[Entry]] = defaultdict(list)
        for e in entries:
            entries_of[fund_units[e.fund_id]].append(e)
        funds_of: dict[int, int] = defaultdict(int)
        for unit in fund_units.values():
            funds_of[unit] += 1
        dues = stats._dues.reported(period)
        return _Read(stats, period, roster, members_of, meetings_of, loans_of, entries_of, funds_of, dues)

    def figures(self, units: Sequence[int] | None) -> dict[str, object]:
        """The figures of *units* (None: all of them), as :meth:`StatsService._figures` gives them."""
        chosen = sorted(set(self.members_of) | set(self.meetings_of)) if units is None else list(units)
        members = [pair for unit in chosen for pair in self.members_of.get(unit, ())]
        meetings = sorted((m for unit in chosen for m in self.meetings_of.get(unit, ())), key=lambda m: (m.on, m.id))
        loans = [loan for unit in chosen for loan in self.loans_of.get(unit, ())]
        entries = [e for unit in chosen for e in self.entries_of.get(unit, ())]
        if units is None:
            meetings = sorted((m for found in self.meetings_of.values() for m in found), key=lambda m: (m.on, m.id))
            loans = [loan for found in self.loans_of.values() for loan in found]
            entries = [e for found in self.entries_of.values() for e in found]
        entries.sort(key=lambda e: (e.on, e.id))
        s = self.stats
        roster = Roster(self.roster.on, (), tuple(members), ())
        inside = [m for m in meetings if self.period.start <= m.on]
        funds = sum(self.funds_of.values()) if units is None else sum(self.funds_of.get(u, 0) for u in units)
        dues = upper_dues(self.dues, units)
        return {
            "members": s._members.counts(roster, self.period).as_json(),
            "meetings": s._meetings.summary_of(inside, self.period).as_json(),
            "flags": [flag.as_json() for flag in s._meetings.flags_of(meetings, self.period)],
            "loans": s._funds.stats_of(s._funds.figures_of(loans, entries, self.period), funds),
            "dues": dues,
            "review": s._review.stats(self.period, units),
        }
