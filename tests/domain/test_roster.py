from datetime import date

from chibo_desktop.domain.dates import parse_period
from chibo_desktop.domain.members import EventKind, MemberRecord, Standing, StatusEvent, state_on
from chibo_desktop.domain.roster import (
    ProbationStage,
    RosterEntry,
    badge_milestones,
    count_roster,
    probation_reminders,
)
from chibo_desktop.domain.rules import RuleBook, RuleValue
from tests.helpers.days import TODAY

SINCE = date(2000, 1, 1)
RULES = RuleBook(
    [
        RuleValue("probation.months", 12, SINCE),
        RuleValue("probation.recognition_working_days", 30, SINCE),
        RuleValue("probation.remind_days_before", 30, SINCE),
        RuleValue("badge.milestones", [30, 40, 45, 50], SINCE),
    ]
)


def entry(
    id: int, gender: str, ethnicity: str, events: list[StatusEvent], admitted: date | None = None, hamlet: str = "Tổ 1"
) -> RosterEntry:
    record = MemberRecord(full_name=f"Người {id}", gender=gender, ethnicity=ethnicity, admission_date=admitted)
    return RosterEntry(id, record, tuple(events), hamlet)


def with_state(entries: list[RosterEntry], on: date) -> list[tuple[RosterEntry, object]]:
    return [(e, state_on(e.events, on)) for e in entries]


def test_counts_are_those_of_the_branch_reports() -> None:
    on = TODAY
    entries = [
        entry(1, "F", "Khmer", [StatusEvent(EventKind.ADMITTED, date(2026, 3, 1))]),
        entry(
            2,
            "M",
            "Kinh",
            [
                StatusEvent(EventKind.ADMITTED, date(2010, 1, 1)),
                StatusEvent(EventKind.RECOGNISED_OFFICIAL, date(2011, 1, 5)),
            ],
            hamlet="Tổ 2",
        ),
        entry(
            3,
            "F",
            "Kinh",
            [
                StatusEvent(EventKind.TRANSFERRED_IN, date(2024, 1, 1), standing=Standing.OFFICIAL),
                StatusEvent(EventKind.EXEMPTED, date(2025, 1, 1)),
            ],
        ),
        entry(4, "M", "Kinh", [StatusEvent(EventKind.ATTACHED_IN, date(2026, 5, 1), standing=Standing.OFFICIAL)]),
        entry(
            5,
            "M",
            "Kinh",
            [StatusEvent(EventKind.ADMITTED, date(2000, 1, 1)), StatusEvent(EventKind.DECEASED, date(2026, 2, 1))],
        ),
    ]
    counts = count_roster(with_state(entries, on), on, parse_period("2026"), ["Kinh"])  # type: ignore[arg-type]
    assert (counts.total, counts.official, counts.probationary) == (3, 2, 1)
    assert (counts.women, counts.ethnic_minority, counts.exempted, counts.attached) == (2, 1, 1, 1)
    assert counts.admitted_in_period == 1
    assert dict(counts.by_hamlet) == {"Tổ 1": 2, "Tổ 2": 1}


def test_probation_reminders_before_during_and_after_the_window() -> None:
    def stage(admitted: date, today: date) -> ProbationStage | None:
        e = entry(1, "F", "Kinh", [StatusEvent(EventKind.ADMITTED, admitted)], admitted)
        found = probation_reminders(with_state([e], today), today, RULES)  # type: ignore[arg-type]
        return found[0].stage if found else None

    today = TODAY
    assert stage(date(2026, 1, 10), today) is None  # probation ends in January: too early to remind
    assert stage(date(2025, 12, 10), today) == ProbationStage.DUE_SOON
    assert stage(date(2025, 11, 10), today) == ProbationStage.TO_CONSIDER
    assert stage(date(2025, 9, 1), today) == ProbationStage.OVERDUE
    assert stage(date(2024, 11, 23), today) == ProbationStage.OVERDUE  # a year late: a meeting overdue
    assert stage(date(2024, 11, 22), today) == ProbationStage.LONG_OVER  # as long again as probation: a record gap
    assert stage(date(2015, 5, 19), today) == ProbationStage.LONG_OVER


def test_long_over_follows_the_probation_rule_in_force_at_the_ceremony() -> None:
    """The probation's length is the rule's value on the ceremony's day, never a fixed 12 months: under an 18-month
    rule a member admitted 26 months ago is only overdue; admitted under the 12-month rule, long over."""
    longer = RuleBook(
        [
            RuleValue("probation.months", 12, SINCE),
            RuleValue("probation.months", 18, date(2024, 1, 1)),
            RuleValue("probation.recognition_working_days", 30, SINCE),
            RuleValue("probation.remind_days_before", 30, SINCE),
        ]
    )

    def stage(admitted: date) -> ProbationStage | None:
        e = entry(1, "F", "Kinh", [StatusEvent(EventKind.ADMITTED, admitted)], admitted)
        found = probation_reminders(with_state([e], TODAY), TODAY, longer)  # type: ignore[arg-type]
        return found[0].stage if found else None

    assert stage(date(2024, 9, 22)) == ProbationStage.OVERDUE  # ends 22/03/2026; long over from 22/09/2027
    assert stage(date(2023, 9, 22)) == ProbationStage.LONG_OVER  # 12 months then: ended 22/09/2024


def test_the_recognition_window_skips_tet_and_the_other_holidays() -> None:
    """Admitted 16/01/2025: probation ends 16/01/2026; 30 working days from there reach 27/02/2026 counting only
    weekends, but Tết 2026 (16–20/02, five weekdays) pushes the deadline a week on, to 06/03/2026."""
    from chibo_desktop.domain.working_days import published_holidays, working_days_between

    tet = frozenset(day for day, _name in published_holidays(range(2026, 2027)))
    assert {date(2026, 2, d) for d in range(16, 21)} <= tet
    e = entry(1, "F", "Kinh", [StatusEvent(EventKind.ADMITTED, date(2025, 1, 16))], date(2025, 1, 16))
    today = date(2026, 2, 2)
    (plain,) = probation_reminders(with_state([e], today), today, RULES)  # type: ignore[arg-type]
    (counted,) = probation_reminders(with_state([e], today), today, RULES, tet)  # type: ignore[arg-type]
    assert (plain.probation_ends, plain.deadline, counted.deadline) == (
        date(2026, 1, 16),
        date(2026, 2, 27),
        date(2026, 3, 6),
    )
    assert working_days_between(counted.probation_ends, counted.deadline, tet) == 30
    late = date(2026, 3, 2)  # past the deadline that ignores Tết, still inside the real one
    (still,) = probation_reminders(with_state([e], late), late, RULES, tet)  # type: ignore[arg-type]
    assert still.stage == ProbationStage.TO_CONSIDER


def test_badge_milestones_in_a_year() -> None:
    entries = [
        entry(1, "M", "Kinh", [StatusEvent(EventKind.ADMITTED, date(1986, 5, 19))], date(1986, 5, 19)),
        entry(2, "M", "Kinh", [StatusEvent(EventKind.ADMITTED, date(1987, 5, 19))], date(1987, 5, 19)),
        entry(3, "M", "Kinh", [StatusEvent(EventKind.ADMITTED, date(1976, 9, 2))], date(1976, 9, 2)),
    ]
    found = badge_milestones(with_state(entries, TODAY), 2026, RULES)  # type: ignore[arg-type]
    assert [(b.member_id, b.years) for b in found] == [(3, 50), (1, 40)]


def test_rule_values_apply_from_their_own_date() -> None:
    book = RuleBook([RuleValue("x", 12, date(2000, 1, 1)), RuleValue("x", 9, date(2026, 2, 1))])
    assert book.get("x", date(2026, 1, 31)) == 12
    assert book.get("x", date(2026, 2, 1)) == 9
    assert book.get("x", date(1990, 1, 1)) == 12
