"""The figures of ``chibo stats --json``: documented keys that scripts and the upper level rely on."""

from collections.abc import Callable, Sequence
from datetime import date

from chibo_desktop.domain.dates import Period
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message
from chibo_desktop.services.committee_figures import CommitteeRead, needed_units, stats_head
from chibo_desktop.services.dues import DuesService
from chibo_desktop.services.funds import FundService
from chibo_desktop.services.meetings import MeetingService
from chibo_desktop.services.members import MemberService
from chibo_desktop.services.organisation import OrganisationService
from chibo_desktop.services.received import Received, ReceivedBranch
from chibo_desktop.services.review import ReviewService
from chibo_desktop.services.rules import RulesService
from chibo_desktop.services.unit_figures import UnitFigures


class StatsService:
    def __init__(
        self,
        members: MemberService,
        meetings: MeetingService,
        funds: FundService,
        organisation: OrganisationService,
        received: Received,
        dues: DuesService,
        review: ReviewService,
        kept: UnitFigures,
        rules: RulesService,
    ) -> None:
        """*kept*: what a committee keeps of its units' figures (its stats read them)."""
        self._kept = kept
        self._rules = rules
        self._members = members
        self._received = received
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
        organisation = self._organisation.get()
        received = self._received.branches()
        result = stats_head(organisation, period, today)
        if not received:
            result.update(self._figures(period, today, None))
            return result
        with self._rules.held():
            result.update(self._branches(period, today, received, report))
        result["conflicts_waiting"] = self._received.conflicts_waiting()  # members sent by two units, to review
        return result

    def _needed(self, received: list[ReceivedBranch]) -> tuple[list[int], int | None]:
        """The units whose kept figures the stats read, and the database's own unit when it keeps its records."""
        return needed_units(self._organisation.get(), received)

    def received(self) -> list[ReceivedBranch]:
        """The branches whose packages this database took in (one step each of :meth:`stats`)."""
        return self._received.branches()

    def to_work_out(self) -> int:
        """How many units have their figures worked out first (a file taken in by an older version, or kept in an
        older form): :meth:`stats` reports those steps before one step per branch."""
        received = self._received.branches()
        if not received:
            return 0
        return len(self._kept.missing(*self._needed(received)))

    def _branches(
        self, period: Period, today: date, received: list[ReceivedBranch], report: Callable[[int], bool] | None
    ) -> dict[str, object]:
        """The committee's own figures and its branches', from one read of everything (``committee_figures``, as
        a file read without SQLAlchemy gives them)."""

        def step(done: int) -> None:
            if report is not None and not report(done):
                raise UserError(Message("Stats", QT_TRANSLATE_NOOP("Stats", "Cancelled; nothing was written.")))

        needed, own = self._needed(received)
        kept = self._kept.kept(needed, period, min(period.end, today), own, step)
        return CommitteeRead(self._rules.book(), period, today, kept).branches(received, step)
