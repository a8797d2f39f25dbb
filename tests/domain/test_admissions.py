"""A candidate's steps to admission, on hand-built cases: order, dates, the late-step reminders, the target."""

from datetime import date

from chibo_desktop.domain.admissions import (
    Candidate,
    Step,
    StepEvent,
    TargetProgress,
    late_steps,
    member_record,
    step_problem,
)
from chibo_desktop.domain.rules import KEYS

TODAY = date(2026, 11, 22)
DAYS = KEYS["admission.step_days"].default


def candidate(*steps: StepEvent) -> Candidate:
    return Candidate(1, "Trần Thị Thu", "F", date(2000, 4, 5), steps=steps)


INTRODUCED = StepEvent(Step.INTRODUCED, date(2026, 1, 10), "Đoàn Thanh niên")


def test_steps_come_in_order_on_or_after_the_one_before() -> None:
    assert step_problem(candidate(), INTRODUCED, TODAY) is None
    assert step_problem(candidate(), StepEvent(Step.CLASS, date(2026, 2, 1), "CN-12"), TODAY) is not None
    assert step_problem(candidate(INTRODUCED), StepEvent(Step.CLASS, date(2026, 1, 9), "CN-12"), TODAY) is not None
    assert step_problem(candidate(INTRODUCED), StepEvent(Step.CLASS, date(2026, 11, 23), "CN-12"), TODAY) is not None
    assert step_problem(candidate(INTRODUCED), StepEvent(Step.CLASS, date(2026, 3, 1), "CN-12"), TODAY) is None


def test_two_members_vouch_and_a_decision_has_its_number() -> None:
    c = candidate(INTRODUCED, StepEvent(Step.CLASS, date(2026, 3, 1), "CN-12"))
    assert step_problem(c, StepEvent(Step.VOUCHED, date(2026, 4, 1), "Lê Văn Ba"), TODAY) is not None
    assert step_problem(c, StepEvent(Step.VOUCHED, date(2026, 4, 1), "Lê Văn Ba, Ngô Thị Tư"), TODAY) is None
    c = candidate(
        INTRODUCED,
        StepEvent(Step.CLASS, date(2026, 3, 1), "CN-12"),
        StepEvent(Step.VOUCHED, date(2026, 4, 1), "Lê Văn Ba, Ngô Thị Tư"),
        StepEvent(Step.VERIFIED, date(2026, 5, 1)),
        StepEvent(Step.BRANCH_VOTE, date(2026, 6, 1), "18/20"),
    )
    assert step_problem(c, StepEvent(Step.DECISION, date(2026, 7, 1), " "), TODAY) is not None


def test_a_late_step_is_reminded_and_an_overdue_one_flagged() -> None:
    on_time = candidate(StepEvent(Step.INTRODUCED, date(2026, 10, 1)))  # class due 01/10/2027
    vouched = candidate(
        StepEvent(Step.INTRODUCED, date(2026, 1, 5)),
        StepEvent(Step.CLASS, date(2026, 2, 1), "CN-1"),
        StepEvent(Step.VOUCHED, date(2026, 3, 1), "A, B"),
    )  # verification due 120 days after 01/03: 29/06/2026, overdue
    soon = candidate(*[*vouched.steps, StepEvent(Step.VERIFIED, date(2026, 9, 30))])  # vote due 29/11: within 14 days
    found = late_steps(
        [on_time, Candidate(2, "B", "M", steps=vouched.steps), Candidate(3, "C", "M", steps=soon.steps)], TODAY, DAYS
    )
    assert [(r.candidate_id, r.step, r.due, r.overdue) for r in found] == [
        (2, Step.VERIFIED, date(2026, 6, 29), True),
        (3, Step.BRANCH_VOTE, date(2026, 11, 29), False),
    ]


def test_the_member_is_made_from_the_candidate_without_retyping() -> None:
    c = candidate(
        INTRODUCED,
        StepEvent(Step.DECISION, date(2026, 9, 1), "125-QĐ/ĐU"),
        StepEvent(Step.CEREMONY, date(2026, 9, 15)),
    )
    record = member_record(c)
    assert (record.full_name, record.gender, record.date_of_birth) == ("Trần Thị Thu", "F", date(2000, 4, 5))
    assert record.admission_date == date(2026, 9, 15)
    assert (record.admission_decision_no, record.admission_decision_date) == ("125-QĐ/ĐU", date(2026, 9, 1))


def test_admissions_against_the_target_as_the_reports_say_it() -> None:
    progress = TargetProgress(admitted=46, target=40)
    assert progress.over_percent == 15.0
    assert TargetProgress(30, 40).over_percent == -25.0
    assert TargetProgress(3, 0).over_percent is None
