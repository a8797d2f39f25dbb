"""The yearly review of members' quality (đánh giá, xếp loại chất lượng đảng viên) and of the branch itself.

Four levels on a 100-point scale (Quy định 366-QĐ/TW, 2025, with Hướng dẫn 43-HD/BTCTW). Every number here comes
in from dated rules (``review.bands``, ``review.excellent_cap_percent``, ``review.not_rated``): the 20 % cap and
the list of who is not rated are older rules whose continuation is unverified, so the branch can change them.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from chibo_desktop.domain.dates import add_months
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message
from chibo_desktop.domain.members import EventKind, StatusEvent, state_on


class Level(StrEnum):
    """Best first; a branch's own yearly rating uses the same four levels."""

    EXCELLENT = "excellent"  # Hoàn thành xuất sắc nhiệm vụ
    GOOD = "good"  # Hoàn thành tốt nhiệm vụ
    COMPLETED = "completed"  # Hoàn thành nhiệm vụ
    NOT_COMPLETED = "not_completed"  # Không hoàn thành nhiệm vụ


LEVELS = tuple(Level)
LEVEL_LABELS: dict[Level, str] = {
    Level.EXCELLENT: QT_TRANSLATE_NOOP("Review", "Excellently completed duties"),
    Level.GOOD: QT_TRANSLATE_NOOP("Review", "Well completed duties"),
    Level.COMPLETED: QT_TRANSLATE_NOOP("Review", "Completed duties"),
    Level.NOT_COMPLETED: QT_TRANSLATE_NOOP("Review", "Did not complete duties"),
}
LEVEL_SHORT: dict[Level, str] = {
    Level.EXCELLENT: QT_TRANSLATE_NOOP("Review", "Excellent"),
    Level.GOOD: QT_TRANSLATE_NOOP("Review", "Good"),
    Level.COMPLETED: QT_TRANSLATE_NOOP("Review", "Completed"),
    Level.NOT_COMPLETED: QT_TRANSLATE_NOOP("Review", "Not completed"),
}
# Printed documents are in Vietnamese whatever the interface's language.
LEVEL_DOCUMENT: dict[Level, str] = {
    Level.EXCELLENT: "Hoàn thành xuất sắc nhiệm vụ",
    Level.GOOD: "Hoàn thành tốt nhiệm vụ",
    Level.COMPLETED: "Hoàn thành nhiệm vụ",
    Level.NOT_COMPLETED: "Không hoàn thành nhiệm vụ",
}


class NotRated(StrEnum):
    """Why a member of the branch is reviewed but not given a level that year."""

    EXEMPTED = "exempted"
    SUSPENDED = "suspended"
    NEWLY_ADMITTED = "newly_admitted"


NOT_RATED_LABELS: dict[NotRated, str] = {
    NotRated.EXEMPTED: QT_TRANSLATE_NOOP("Review", "Exempted from work and activities"),
    NotRated.SUSPENDED: QT_TRANSLATE_NOOP("Review", "Suspended"),
    NotRated.NEWLY_ADMITTED: QT_TRANSLATE_NOOP("Review", "Admitted less than {months} months before the review"),
}


@dataclass(frozen=True)
class ReviewRules:
    """The rules of one year's review, read from the rule book on the review day."""

    bands: Mapping[Level, int]  # the lowest points of each level (NOT_COMPLETED: 0)
    excellent_cap_percent: int  # "excellent" may be at most this share of "good"
    not_rated: Mapping[str, Any]  # {"exempted": bool, "suspended": bool, "admitted_months": int}

    @staticmethod
    def from_values(bands: Mapping[str, int], cap: int, not_rated: Mapping[str, Any]) -> "ReviewRules":
        return ReviewRules(
            {Level(k): int(v) for k, v in bands.items()} | {Level.NOT_COMPLETED: 0}, int(cap), dict(not_rated)
        )


def review_day(year: int) -> date:
    """The day the year's review looks at (who belongs, who is exempted, how long since admission)."""
    return date(year, 12, 31)


def level_for_points(points: int, rules: ReviewRules) -> Level:
    """The level *points* (0–100) reach, by the bands in force."""
    for level in LEVELS:
        if points >= rules.bands.get(level, 0):
            return level
    return Level.NOT_COMPLETED


def points_problem(points: int | None) -> Message | None:
    if points is not None and not 0 <= points <= 100:
        return Message("Review", QT_TRANSLATE_NOOP("Review", "Points are counted out of 100: write 0 to 100."))
    return None


def not_rated_reason(
    events: Sequence[StatusEvent], admitted_on: date | None, year: int, rules: ReviewRules
) -> NotRated | None:
    """Why this member is not given a level for *year*, or None when they are rated. The member must be on the
    branch's review (see :func:`on_review`)."""
    day = review_day(year)
    state = state_on(events, day)
    admitted = [e.on for e in events if e.kind == EventKind.ADMITTED and e.on <= day]
    since = max(admitted) if admitted else admitted_on
    return not_rated_for(state.suspended, state.exempted, since, year, rules)


def not_rated_for(
    suspended: bool, exempted: bool, since: date | None, year: int, rules: ReviewRules
) -> NotRated | None:
    """:func:`not_rated_reason` from the facts it looks at: the member's state on the review day and the day of
    their latest admission (a committee keeps these facts per branch and applies the rules when it reads them)."""
    if rules.not_rated.get("suspended", True) and suspended:
        return NotRated.SUSPENDED
    if rules.not_rated.get("exempted", True) and exempted:
        return NotRated.EXEMPTED
    months = int(rules.not_rated.get("admitted_months", 0))
    if months and since is not None and add_months(since, months) > review_day(year):
        return NotRated.NEWLY_ADMITTED
    return None


def on_review(events: Sequence[StatusEvent], year: int) -> bool:
    """Whether the member is on the branch's review of *year*: one of its own members on the review day. A member
    temporarily attached here (sinh hoạt tạm thời) is not counted in the branch's own number and is reviewed and
    rated by their home branch: they are on neither the list nor the counts of this branch's review."""
    return state_on(events, review_day(year)).own


def attached_on_review(events: Sequence[StatusEvent], year: int) -> bool:
    """Whether the member is temporarily attached here on the review day (shown apart, reviewed elsewhere)."""
    state = state_on(events, review_day(year))
    return state.belongs and not state.own


@dataclass(frozen=True)
class MemberReview:
    """One member's review of one year, as the branch records it; every part may still be empty."""

    member_id: int
    year: int
    self_level: Level | None = None
    points: int | None = None  # the member's self-scored points, out of 100
    proposed_level: Level | None = None  # the branch's proposal (its vote)
    votes_for: int | None = None
    votes_total: int | None = None
    final_level: Level | None = None  # decided by the committee above
    note: str = ""

    @property
    def result(self) -> Level | None:
        """The level that counts: the committee's once it decided, else the branch's proposal."""
        return self.final_level or self.proposed_level


def review_problems(review: MemberReview) -> dict[str, Message]:
    """Field → what is wrong with a review as typed."""
    errors: dict[str, Message] = {}
    problem = points_problem(review.points)
    if problem is not None:
        errors["points"] = problem
    for name, value in (("votes_for", review.votes_for), ("votes_total", review.votes_total)):
        if value is not None and value < 0:
            errors[name] = Message("Review", QT_TRANSLATE_NOOP("Review", "A number of votes cannot be negative."))
    if (
        review.votes_for is not None
        and review.votes_total is not None
        and review.votes_for > review.votes_total
        and "votes_for" not in errors
    ):
        errors["votes_for"] = Message(
            "Review", QT_TRANSLATE_NOOP("Review", "More votes for than members voting: check the two numbers.")
        )
    return errors


@dataclass(frozen=True)
class CapCheck:
    excellent: int
    good: int
    cap_percent: int

    @property
    def allowed(self) -> int:
        """The most members that may be "excellent" for this many "good"."""
        return self.good * self.cap_percent // 100

    @property
    def exceeded(self) -> bool:
        return self.excellent > self.allowed


def cap_check(levels: Iterable[Level | None], rules: ReviewRules) -> CapCheck:
    """The cap on "excellent" relative to "good" (20 % under the rule as seeded), over the levels given."""
    chosen = list(levels)
    return CapCheck(chosen.count(Level.EXCELLENT), chosen.count(Level.GOOD), rules.excellent_cap_percent)


@dataclass(frozen=True)
class LevelCount:
    level: Level
    count: int
    percent: float  # of the members rated


def count_levels(levels: Iterable[Level | None]) -> tuple[tuple[LevelCount, ...], int, int]:
    """(counts by level, members rated, members still without a level) over the given results."""
    chosen = list(levels)
    rated = sum(1 for level in chosen if level is not None)
    counts = tuple(
        LevelCount(level, chosen.count(level), 100.0 * chosen.count(level) / rated if rated else 0.0)
        for level in LEVELS
    )
    return counts, rated, len(chosen) - rated


@dataclass(frozen=True)
class YearFacts:
    """What the year's records say about a member, shown beside the review since they weigh on it."""

    unexcused_absences: int = 0
    excused_absences: int = 0
    meetings_required: int = 0
    unpaid_months: int = 0  # months of dues not paid without a recorded reason, up to the last month ended


@dataclass(frozen=True)
class BranchReview:
    """The branch's own yearly rating (tập thể), decided by the committee above."""

    year: int
    level: Level | None
    decision_no: str = ""
    decided_on: date | None = None
    note: str = ""


class AwardKind(StrEnum):
    COMMENDATION = "commendation"  # khen thưởng
    DISCIPLINE = "discipline"  # kỷ luật


AWARD_LABELS: dict[AwardKind, str] = {
    AwardKind.COMMENDATION: QT_TRANSLATE_NOOP("Review", "Commendation"),
    AwardKind.DISCIPLINE: QT_TRANSLATE_NOOP("Review", "Discipline"),
}


@dataclass(frozen=True)
class Award:
    """A commendation or a disciplinary measure on a member: its form (Giấy khen, Khiển trách …), the decision
    and its date."""

    member_id: int
    kind: AwardKind
    form: str
    on: date
    decision_no: str = ""
    issuer: str = ""
    note: str = ""
    id: int | None = None


def award_problems(award: Award) -> dict[str, Message]:
    errors: dict[str, Message] = {}
    if not award.form.strip():
        errors["form"] = Message(
            "Review", QT_TRANSLATE_NOOP("Review", "Write the form, for example Giấy khen or Khiển trách.")
        )
    return errors
