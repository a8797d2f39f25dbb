"""The meeting rules in force on one day, read from the rule book: the branch's screens and the committee's
figures read them the same way, through the ORM or from a file read with ``sqlite3`` alone."""

from dataclasses import dataclass
from datetime import date

from chibo_desktop.domain.rubric import Rubric
from chibo_desktop.domain.rules import RuleBook


@dataclass(frozen=True)
class MeetingRules:
    """The meeting rules in force on one day."""

    bar: float
    removal_months: int
    max_run: int
    away_required: bool
    scoring: bool
    rubric: Rubric
    min_minutes: int
    min_minutes_combined: int
    bar_percent: int


def meeting_rules(book: RuleBook, on: date) -> MeetingRules:
    bar_percent = int(book.get("meeting.quality_bar_percent", on))
    return MeetingRules(
        bar=bar_percent / 100,
        removal_months=int(book.get("meeting.removal_unexcused_months", on)),
        max_run=int(book.get("meeting.max_consecutive_absences", on)),
        away_required=bool(book.get("meeting.away_counts_as_required", on)),
        scoring=bool(book.get("meeting.scoring_enabled", on)),
        rubric=Rubric.from_rule(book.get("meeting.rubric", on)),
        min_minutes=int(book.get("meeting.min_minutes", on)),
        min_minutes_combined=int(book.get("meeting.min_minutes_combined", on)),
        bar_percent=bar_percent,
    )
