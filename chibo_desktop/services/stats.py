"""The figures of ``chibo stats --json``: documented keys that scripts and the upper level rely on."""

from collections.abc import Callable, Sequence
from datetime import date

from chibo_desktop.domain.dates import Period
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message
from chibo_desktop.services.dues import DuesService
from chibo_desktop.services.exchange import ExchangeService
from chibo_desktop.services.funds import FundService
from chibo_desktop.services.meetings import MeetingService
from chibo_desktop.services.members import MemberService
from chibo_desktop.services.organisation import OrganisationService
from chibo_desktop.services.review import ReviewService

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
    ) -> None:
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
        result: dict[str, object] = {
            "format": FORMAT_VERSION,
            "branch": organisation.branch_name if organisation else None,
            "period": {"label": period.label, "from": period.start.isoformat(), "to": period.end.isoformat()},
            "as_of": on.isoformat(),
            **self._figures(period, today, None),
        }
        received = self._exchange.received_branches()
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
                    **self._figures(period, today, b.units),
                }
            )
        if branches:
            result["branches"] = branches
        return result
