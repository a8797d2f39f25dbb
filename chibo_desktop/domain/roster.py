"""What the roster screen, the counts panel and the reminders compute from members and rules."""

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from enum import StrEnum

from chibo_desktop.domain.dates import Period, add_months, add_working_days, screen_date
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message
from chibo_desktop.domain.members import EventKind, Gender, MemberState, Standing, StatusEvent, party_age
from chibo_desktop.domain.members import MemberRecord as MemberRecord
from chibo_desktop.domain.rules import RuleBook


@dataclass(frozen=True)
class RosterEntry:
    """The few facts the counts and reminders need about one member."""

    id: int
    record: MemberRecord
    events: tuple[StatusEvent, ...]
    hamlet: str = ""
    unit_id: int = 0  # the branch that keeps the member (at a committee, one of its branches)
    branch: str = ""


@dataclass(frozen=True)
class RosterCounts:
    """The figures published branch reports give; all on one day except the admissions in a period."""

    total: int = 0
    official: int = 0
    probationary: int = 0
    women: int = 0
    ethnic_minority: int = 0
    admitted_in_period: int = 0
    exempted: int = 0
    away: int = 0
    suspended: int = 0
    attached: int = 0
    former: int = 0  # listed but no longer in the branch (transferred out, deceased, left the Party): not counted
    by_hamlet: tuple[tuple[str, int], ...] = ()
    by_branch: tuple[tuple[str, int], ...] = ()  # at a committee: the own members of each branch

    def as_json(self) -> dict[str, object]:
        return {
            "total": self.total,
            "official": self.official,
            "probationary": self.probationary,
            "women": self.women,
            "ethnic_minority": self.ethnic_minority,
            "admitted_in_period": self.admitted_in_period,
            "exempted": self.exempted,
            "temporarily_away": self.away,
            "suspended": self.suspended,
            "temporarily_attached": self.attached,
            "by_hamlet": {name: count for name, count in self.by_hamlet},
        }


@dataclass(frozen=True)
class RosterIndex:
    """A large roster as its screen filters and sorts it, without the rows: one entry per member in Vietnamese
    name order (the id, and the few fields the filters test); the rows are read as they scroll into view.
    Strings repeated across members (statuses, genders, ethnic groups) are shared, not copied."""

    on: date
    ids: tuple[int, ...]
    statuses: tuple[str, ...] | None  # None until every member's state is worked out (after the rows show)
    hamlet_ids: tuple[int | None, ...]
    genders: tuple[str, ...]
    ethnicities: tuple[str, ...]
    unit_ids: tuple[int, ...]
    hamlet_names: Mapping[int, str] = field(default_factory=dict)
    unit_names: Mapping[int, str] = field(default_factory=dict)  # at a committee, its branches

    def __len__(self) -> int:
        return len(self.ids)


def add_counts(a: RosterCounts, b: RosterCounts) -> RosterCounts:
    """The counts of two parts of a roster (a large roster is counted a part at a time)."""

    def split(x: tuple[tuple[str, int], ...], y: tuple[tuple[str, int], ...]) -> tuple[tuple[str, int], ...]:
        return tuple(sorted((Counter(dict(x)) + Counter(dict(y))).items()))

    return RosterCounts(
        **{f.name: getattr(a, f.name) + getattr(b, f.name) for f in fields(RosterCounts) if f.type in (int, "int")},
        by_hamlet=split(a.by_hamlet, b.by_hamlet),
        by_branch=split(a.by_branch, b.by_branch),
    )


def count_roster(
    entries: Iterable[tuple[RosterEntry, MemberState]], on: date, period: Period, majority: Sequence[str]
) -> RosterCounts:
    """Counts for the branch's own members on *on*; *majority* lists the ethnic groups not counted as minority."""
    majority_set = {m.casefold() for m in majority}
    c: Counter[str] = Counter()
    hamlets: Counter[str] = Counter()
    branches: Counter[str] = Counter()
    for entry, state in entries:
        if any(e.kind == EventKind.ADMITTED and period.contains(e.on) for e in entry.events):
            c["admitted"] += 1
        if not state.belongs:
            c["former"] += 1
            continue
        if not state.own:
            c["attached"] += 1
            continue
        c["total"] += 1
        c["official" if state.standing == Standing.OFFICIAL else "probationary"] += 1
        if entry.record.gender == Gender.FEMALE:
            c["women"] += 1
        if entry.record.ethnicity and entry.record.ethnicity.casefold() not in majority_set:
            c["minority"] += 1
        c["exempted"] += state.exempted
        c["away"] += state.away
        c["suspended"] += state.suspended
        hamlets[entry.hamlet] += 1
        branches[entry.branch] += 1
    return RosterCounts(
        total=c["total"],
        official=c["official"],
        probationary=c["probationary"],
        women=c["women"],
        ethnic_minority=c["minority"],
        admitted_in_period=c["admitted"],
        exempted=c["exempted"],
        away=c["away"],
        suspended=c["suspended"],
        attached=c["attached"],
        former=c["former"],
        by_hamlet=tuple(sorted(hamlets.items())),
        by_branch=tuple(sorted(branches.items())),
    )


class ProbationStage(StrEnum):
    DUE_SOON = "due_soon"  # probation ends within the reminder window
    TO_CONSIDER = "to_consider"  # probation over, inside the working-day window
    OVERDUE = "overdue"  # the window has passed without recognition
    # probation ended as long ago as it lasts and nothing is recorded since: a record to put right, not a meeting
    # late (the member was recognised, struck off or moved on, and the record says none of it)
    LONG_OVER = "long_over"


@dataclass(frozen=True)
class ProbationReminder:
    member_id: int
    name: str
    admitted_on: date
    probation_ends: date
    deadline: date
    stage: ProbationStage
    born: date | None = None  # with the card, what tells the member from another of the same name
    card: str = ""


def probation_reminder(
    entry: RosterEntry,
    state: MemberState,
    today: date,
    rules: RuleBook,
    holidays: frozenset[date] = frozenset(),
) -> ProbationReminder | None:
    """What to do about one member's probation on *today*, or ``None`` (not a probationary member of the branch, or
    probation not ending soon). The probation's length and the working days to consider recognition are the rules in
    force on the ceremony's and the probation's last day; weekends and *holidays* are not working days."""
    if not state.belongs or state.standing != Standing.PROBATIONARY:
        return None
    admitted = max((e.on for e in entry.events if e.kind == EventKind.ADMITTED), default=entry.record.admission_date)
    if admitted is None:
        return None
    months = int(rules.get("probation.months", admitted))
    ends = add_months(admitted, months)
    deadline = add_working_days(ends, int(rules.get("probation.recognition_working_days", ends)), holidays)
    remind = int(rules.get("probation.remind_days_before", today))
    if today >= add_months(ends, months) and today > deadline:
        stage = ProbationStage.LONG_OVER
    elif today > deadline:
        stage = ProbationStage.OVERDUE
    elif today >= ends:
        stage = ProbationStage.TO_CONSIDER
    elif (ends - today).days <= remind:
        stage = ProbationStage.DUE_SOON
    else:
        return None
    record = entry.record
    return ProbationReminder(
        entry.id, record.full_name, admitted, ends, deadline, stage, record.date_of_birth, record.card_number
    )


def probation_warning(reminder: ProbationReminder | None, saved: bool) -> Message | None:
    """What the member form says about a probation long over with nothing recorded since (``LONG_OVER``), and what
    to do: a member being added (not *saved* yet) is recognised by typing the official date; a member kept is by
    recording the event in the member's history. ``None`` otherwise: a late meeting is for the reminders."""
    if reminder is None or reminder.stage != ProbationStage.LONG_OVER:
        return None
    text = (
        QT_TRANSLATE_NOOP(
            "Member",
            "Probation ended on {ends}, long ago, and no recognition as official nor any other outcome is recorded. "
            "If the member was recognised, record the event “Recognised as official” with its date and decision "
            "number (the “History” tab, “Record an event…”); if not, ask the upper level's committee how it was "
            "settled (struck off, transferred…) and record that.",
        )
        if saved
        else QT_TRANSLATE_NOOP(
            "Member",
            "Probation ended on {ends}, long ago, and there is no official date. If the member was recognised as "
            "official, enter “Recognised official on” and the decision number; if not, ask the upper level's "
            "committee how it was settled (struck off, transferred…) and record that in the member's history once "
            "saved.",
        )
    )
    return Message("Member", text, {"ends": screen_date(reminder.probation_ends)})


def probation_reminders(
    entries: Iterable[tuple[RosterEntry, MemberState]],
    today: date,
    rules: RuleBook,
    holidays: frozenset[date] = frozenset(),
) -> list[ProbationReminder]:
    """Probationary members to act on: probation ending soon, to consider now, past the deadline, or long over with
    nothing recorded (:func:`probation_reminder`)."""
    out = [r for entry, state in entries if (r := probation_reminder(entry, state, today, rules, holidays))]
    return sorted(out, key=lambda r: r.probation_ends)


@dataclass(frozen=True)
class BadgeMilestone:
    member_id: int
    name: str
    years: int
    reached_on: date
    admitted_on: date
    born: date | None = None  # with the card, what tells the member from another of the same name
    card: str = ""


def badge_milestones(
    entries: Iterable[tuple[RosterEntry, MemberState]], year: int, rules: RuleBook
) -> list[BadgeMilestone]:
    """Members of the branch who reach a Party-badge milestone (30, 40, 45 … years) during *year*."""
    milestones = [int(m) for m in rules.get("badge.milestones", date(year, 12, 31))]
    out = []
    for entry, state in entries:
        if not state.belongs:
            continue
        age = party_age(entry.record, entry.events)
        if age is None:
            continue
        # Only milestones that can fall in *year* are computed: the start year plus the years, give or take
        # the inactive time.
        slack = 1 + age.inactive_days // 365
        for years in milestones:
            if abs(age.start.year + years - year) > slack:
                continue
            reached = age.milestone_date(years)
            if reached.year == year:
                record = entry.record
                out.append(
                    BadgeMilestone(
                        entry.id, record.full_name, years, reached, age.start, record.date_of_birth, record.card_number
                    )
                )
    return sorted(out, key=lambda b: (-b.years, b.reached_on))


@dataclass(frozen=True, slots=True)
class RosterRow:
    """One line of the roster screen, computed once when the roster is loaded."""

    id: int
    full_name: str
    gender: str
    date_of_birth: date | None
    hamlet: str
    hamlet_id: int | None
    ethnicity: str
    card_number: str
    cccd: str
    admission_date: date | None
    official_date: date | None
    status: str
    search: str  # folded: no tones, lower case
    sort_key: tuple[str, str]
    unit_id: int = 0
    branch: str = ""  # the branch's name, shown at a committee
