"""The figures of ``chibo stats --json``: documented keys that scripts and the upper level rely on."""

from datetime import date

from chibo_desktop.domain.dates import Period
from chibo_desktop.services.funds import FundService
from chibo_desktop.services.meetings import MeetingService
from chibo_desktop.services.members import MemberService
from chibo_desktop.services.organisation import OrganisationService

FORMAT_VERSION = 1


class StatsService:
    def __init__(
        self, members: MemberService, meetings: MeetingService, funds: FundService, organisation: OrganisationService
    ) -> None:
        self._members = members
        self._funds = funds
        self._meetings = meetings
        self._organisation = organisation

    def stats(self, period: Period, today: date) -> dict[str, object]:
        """Counts as of the end of *period* (or today, if the period has not ended yet)."""
        on = min(period.end, today)
        roster = self._members.roster(on)
        counts = self._members.counts(roster, period)
        organisation = self._organisation.get()
        return {
            "format": FORMAT_VERSION,
            "branch": organisation.branch_name if organisation else None,
            "period": {"label": period.label, "from": period.start.isoformat(), "to": period.end.isoformat()},
            "as_of": on.isoformat(),
            "members": counts.as_json(),
            "meetings": self._meetings.summary(period).as_json(),
            "flags": [flag.as_json() for flag in self._meetings.flags(period)],
            "loans": self._funds.stats(period),
        }
