"""The attendance register of a year and the warnings a secretary acts on.

All thresholds come in as arguments (from dated rules): the quality bar (85 %), the months absent without
reason that allow a removal proposal (3), the longest tolerated run of absences (3).
"""

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from chibo_desktop.domain.dates import Period
from chibo_desktop.domain.meetings import (
    AttendanceCounts,
    AttendanceLine,
    Mark,
    MeetingKind,
    Role,
    count_attendance,
    count_groups,
)
from chibo_desktop.domain.text import name_sort_key


@dataclass(frozen=True)
class MeetingSummary:
    """What the register needs of one meeting."""

    id: int
    on: date
    kind: MeetingKind
    lines: tuple[AttendanceLine, ...]
    guests: int = 0
    assigned: frozenset[int] = frozenset()  # members given a task at this meeting
    score: int | None = None
    # how many lines have each (role, mark, spoke), when *lines* holds only some of them (the lines of members
    # with an absence, which is all the flags need): the counts then come from these
    groups: Counter[tuple[Role, Mark, bool]] | None = field(default=None, compare=False, repr=False)
    _counts: dict[bool, AttendanceCounts] = field(default_factory=dict, compare=False, repr=False)

    def counts(self, away_required: bool) -> AttendanceCounts:
        """Counted once per rule setting; the register asks for them several times."""
        if away_required not in self._counts:
            self._counts[away_required] = (
                count_attendance(self.lines, away_required)
                if self.groups is None
                else count_groups(self.groups, away_required)
            )
        return self._counts[away_required]


@dataclass(frozen=True)
class GridRow:
    member_id: int
    name: str
    cells: tuple[tuple[Mark, ...], ...]  # 12 months, one mark per meeting that month
    present: int
    required: int


@dataclass(frozen=True)
class YearGrid:
    year: int
    rows: tuple[GridRow, ...]
    meetings_per_month: tuple[int, ...]
    present_per_month: tuple[int, ...]
    required_per_month: tuple[int, ...]

    def ratio(self, months: Iterable[int]) -> tuple[int, int]:
        """(present, required) over the given months (1–12), for a month, a quarter or the year."""
        chosen = list(months)
        return (
            sum(self.present_per_month[m - 1] for m in chosen),
            sum(self.required_per_month[m - 1] for m in chosen),
        )


def year_grid(meetings: Sequence[MeetingSummary], year: int, away_required: bool) -> YearGrid:
    """Members × months: every member listed at any meeting of *year*, in Vietnamese name order."""
    ordered = sorted((m for m in meetings if m.on.year == year), key=lambda m: (m.on, m.id))
    names: dict[int, str] = {}
    cells: dict[int, list[list[Mark]]] = defaultdict(lambda: [[] for _ in range(12)])
    present: dict[int, int] = defaultdict(int)
    required: dict[int, int] = defaultdict(int)
    per_month = [0] * 12
    present_month = [0] * 12
    required_month = [0] * 12
    for meeting in ordered:
        month = meeting.on.month - 1
        per_month[month] += 1
        for line in meeting.lines:
            names[line.member_id] = line.name
            cells[line.member_id][month].append(line.mark)
            if line.required(away_required):
                required[line.member_id] += 1
                required_month[month] += 1
                if line.mark.attended:
                    present[line.member_id] += 1
                    present_month[month] += 1
    rows = [
        GridRow(
            member_id,
            names[member_id],
            tuple(tuple(c) for c in cells[member_id]),
            present[member_id],
            required[member_id],
        )
        for member_id in names
    ]
    rows.sort(key=lambda r: name_sort_key(r.name))
    return YearGrid(year, tuple(rows), tuple(per_month), tuple(present_month), tuple(required_month))


class FlagKind(StrEnum):
    REMOVAL_PROPOSAL = "removal_proposal"  # absent without reason in N months of a calendar year
    CONSECUTIVE_ABSENCE = "consecutive_absence"  # absent, even with reason, more than N times in a row


@dataclass(frozen=True)
class MemberFlag:
    kind: FlagKind
    member_id: int
    name: str
    count: int  # months without reason, or the longest run of absences
    dates: tuple[date, ...]  # the meetings concerned

    def as_json(self) -> dict[str, object]:
        return {
            "kind": self.kind.value,
            "member_id": self.member_id,
            "count": self.count,
            "dates": [d.isoformat() for d in self.dates],
        }


@dataclass(frozen=True)
class BelowBar:
    meeting_id: int
    on: date
    present: int
    required: int


@dataclass(frozen=True)
class RegisterWarnings:
    below_bar: tuple[BelowBar, ...]
    flags: tuple[MemberFlag, ...]
    months_without_regular: tuple[int, ...]
    quarters_without_thematic: tuple[int, ...]


def warnings(
    meetings: Sequence[MeetingSummary],
    year: int,
    until: date,
    bar: float,
    removal_months: int,
    max_run: int,
    away_required: bool,
    since: date | None = None,
) -> RegisterWarnings:
    """Warnings for calendar *year*, looking only at months and quarters that have ended by *until*
    (or are the current one, for the meeting checks). A month or quarter that ended before *since* (the first day
    the app holds the branch's records) is not said to lack its meeting: the app cannot know; one that ends on or
    after it, even if it began before, is checked."""
    ordered = sorted((m for m in meetings if m.on.year == year), key=lambda m: (m.on, m.id))
    below = []
    for m in ordered:
        c = m.counts(away_required)
        if c.required and c.present < bar * c.required:
            below.append(BelowBar(m.id, m.on, c.present, c.required))

    names: dict[int, str] = {}
    unexcused: dict[int, list[date]] = defaultdict(list)
    runs: dict[int, list[date]] = defaultdict(list)
    longest: dict[int, list[date]] = {}
    for m in ordered:
        for line in m.lines:
            names[line.member_id] = line.name
            if not line.required(away_required):
                continue
            if line.mark == Mark.UNEXCUSED:
                unexcused[line.member_id].append(m.on)
            if line.mark.absent:
                runs[line.member_id].append(m.on)
                if len(runs[line.member_id]) > len(longest.get(line.member_id, [])):
                    longest[line.member_id] = list(runs[line.member_id])
            else:
                runs[line.member_id] = []
    flags = []
    for member_id, dates in unexcused.items():
        months = {d.month for d in dates}
        if len(months) >= removal_months:
            flags.append(MemberFlag(FlagKind.REMOVAL_PROPOSAL, member_id, names[member_id], len(months), tuple(dates)))
    for member_id, run in longest.items():
        if len(run) > max_run:
            flags.append(MemberFlag(FlagKind.CONSECUTIVE_ABSENCE, member_id, names[member_id], len(run), tuple(run)))
    flags.sort(key=lambda f: (f.kind.value, name_sort_key(f.name)))

    last_month = 12 if until.year > year else (until.month - 1 if until.year == year else 0)
    regular_months = {m.on.month for m in ordered if m.kind.counts_as_regular}
    first_month = 1 if since is None or since.year < year else (since.month if since.year == year else 13)
    no_regular = tuple(month for month in range(first_month, last_month + 1) if month not in regular_months)
    last_quarter = 4 if until.year > year else ((until.month - 1) // 3 if until.year == year else 0)
    thematic_quarters = {(m.on.month - 1) // 3 + 1 for m in ordered if m.kind.counts_as_thematic}
    first_quarter = (first_month - 1) // 3 + 1
    no_thematic = tuple(q for q in range(first_quarter, last_quarter + 1) if q not in thematic_quarters)
    return RegisterWarnings(tuple(below), tuple(flags), no_regular, no_thematic)


@dataclass(frozen=True)
class PeriodSummary:
    """The meeting figures of the published branch reports, for a period. Attendance two ways, each labelled where
    printed: the mean of the meetings' ratios (as branch reports give it) and the member share."""

    held: int
    regular: int
    thematic: int
    extraordinary: int
    average_ratio: float | None  # the mean of the meetings' ratios, as reports give it
    present: int  # raw counts summed over the meetings
    required: int
    guest_attendances: int
    below_bar: int
    assigned_members: int

    @property
    def member_share(self) -> float | None:
        """Σ present ÷ Σ required over the meetings: each member's seat weighs the same, so a 290-member branch's
        meeting weighs more than a 40-member one's (the upper level's total is this, over all its branches)."""
        return self.present / self.required if self.required else None

    def as_json(self) -> dict[str, object]:
        return {
            "held": self.held,
            "regular": self.regular,
            "thematic": self.thematic,
            "extraordinary": self.extraordinary,
            "attendance_ratio": None if self.average_ratio is None else round(self.average_ratio, 4),
            "attendance_member_share": None if self.member_share is None else round(self.member_share, 4),
            "present": self.present,
            "required": self.required,
            "guest_attendances": self.guest_attendances,
            "below_threshold": self.below_bar,
            "assigned_members": self.assigned_members,
        }


def summarise(meetings: Sequence[MeetingSummary], period: Period, bar: float, away_required: bool) -> PeriodSummary:
    inside = [m for m in meetings if period.contains(m.on)]
    ratios = []
    present = required = below = 0
    assigned: set[int] = set()
    for m in inside:
        c = m.counts(away_required)
        present += c.present
        required += c.required
        if c.required:
            ratios.append(c.present / c.required)
            below += c.present < bar * c.required
        assigned |= m.assigned
    return PeriodSummary(
        held=len(inside),
        regular=sum(m.kind.counts_as_regular for m in inside),
        thematic=sum(m.kind.counts_as_thematic for m in inside),
        extraordinary=sum(m.kind == MeetingKind.EXTRAORDINARY for m in inside),
        average_ratio=sum(ratios) / len(ratios) if ratios else None,
        present=present,
        required=required,
        guest_attendances=sum(m.guests for m in inside),
        below_bar=below,
        assigned_members=len(assigned),
    )
