"""Admissions (phát triển đảng viên): a candidate (quần chúng ưu tú) goes through dated steps to the admission
ceremony, after which they are a probationary member with their history.

How long each step may wait after the one before is the dated rule ``admission.step_days``; the term's target
comes from the congress resolution (the term's setup).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message
from chibo_desktop.domain.members import MemberRecord


class Step(StrEnum):
    """In the order they happen."""

    INTRODUCED = "introduced"  # introduced by the mass organisation (đoàn thể giới thiệu)
    CLASS = "class"  # class on the Party (lớp bồi dưỡng nhận thức về Đảng), with its certificate
    VOUCHED = "vouched"  # two official members vouch (hai đảng viên chính thức giới thiệu)
    VERIFIED = "verified"  # background verified (thẩm tra lý lịch)
    BRANCH_VOTE = "branch_vote"  # the branch's vote (chi bộ xét, biểu quyết)
    DECISION = "decision"  # the admission decision, its number and date
    CEREMONY = "ceremony"  # the admission ceremony (lễ kết nạp): from here a probationary member


STEPS = tuple(Step)
STEP_LABELS: dict[Step, str] = {
    Step.INTRODUCED: QT_TRANSLATE_NOOP("Admissions", "Introduced by the mass organisation"),
    Step.CLASS: QT_TRANSLATE_NOOP("Admissions", "Class on the Party (certificate)"),
    Step.VOUCHED: QT_TRANSLATE_NOOP("Admissions", "Two members vouch"),
    Step.VERIFIED: QT_TRANSLATE_NOOP("Admissions", "Background verified"),
    Step.BRANCH_VOTE: QT_TRANSLATE_NOOP("Admissions", "Branch vote"),
    Step.DECISION: QT_TRANSLATE_NOOP("Admissions", "Admission decision"),
    Step.CEREMONY: QT_TRANSLATE_NOOP("Admissions", "Admission ceremony"),
}
# What the detail of each step holds, shown as the field's hint.
STEP_DETAILS: dict[Step, str] = {
    Step.INTRODUCED: QT_TRANSLATE_NOOP("Admissions", "Which organisation (Đoàn Thanh niên, Hội Phụ nữ …)"),
    Step.CLASS: QT_TRANSLATE_NOOP("Admissions", "Certificate number"),
    Step.VOUCHED: QT_TRANSLATE_NOOP("Admissions", "The two members, separated by a comma"),
    Step.VERIFIED: QT_TRANSLATE_NOOP("Admissions", "Who verified, the result"),
    Step.BRANCH_VOTE: QT_TRANSLATE_NOOP("Admissions", "Votes for / members voting, e.g. 18/20"),
    Step.DECISION: QT_TRANSLATE_NOOP("Admissions", "Decision number, e.g. 125-QĐ/ĐU"),
    Step.CEREMONY: QT_TRANSLATE_NOOP("Admissions", "Place of the ceremony"),
}


@dataclass(frozen=True)
class StepEvent:
    step: Step
    on: date
    detail: str = ""
    note: str = ""


@dataclass(frozen=True)
class Candidate:
    id: int
    full_name: str
    gender: str  # Gender's code, as on the member's record
    date_of_birth: date | None = None
    hamlet_id: int | None = None
    ethnicity: str = ""
    religion: str = ""
    residence: str = ""
    occupation: str = ""
    note: str = ""
    steps: tuple[StepEvent, ...] = field(default_factory=tuple)
    member_id: int | None = None  # set at the ceremony: the member made from this candidate

    def step(self, step: Step) -> StepEvent | None:
        return next((s for s in self.steps if s.step == step), None)

    @property
    def next_step(self) -> Step | None:
        done = {s.step for s in self.steps}
        return next((s for s in STEPS if s not in done), None)

    @property
    def last(self) -> StepEvent | None:
        return max(self.steps, key=lambda s: STEPS.index(s.step)) if self.steps else None


def _msg(text: str, **args: object) -> Message:
    return Message("Admissions", text, dict(args))


def step_problem(candidate: Candidate, event: StepEvent, today: date) -> Message | None:
    """Why *event* cannot be recorded next for *candidate*, or None. Steps come in order, each on or after the
    one before, never in the future; the vouching names two members; the decision has its number."""
    if candidate.member_id is not None:
        return _msg(QT_TRANSLATE_NOOP("Admissions", "This candidate has already been admitted."))
    if event.step != candidate.next_step:
        return _msg(
            QT_TRANSLATE_NOOP("Admissions", "Record the steps in order: the next step is “{step}”."),
            step=Message("Admissions", STEP_LABELS[candidate.next_step]) if candidate.next_step else "",
        )
    if event.on > today:
        return _msg(QT_TRANSLATE_NOOP("Admissions", "The date is in the future."))
    last = candidate.last
    if last is not None and event.on < last.on:
        return _msg(
            QT_TRANSLATE_NOOP("Admissions", "The date is before the previous step ({date})."),
            date=last.on.strftime("%d/%m/%Y"),
        )
    if event.step == Step.VOUCHED and len([n for n in event.detail.replace(";", ",").split(",") if n.strip()]) < 2:
        return _msg(QT_TRANSLATE_NOOP("Admissions", "Write the names of the two members who vouch, with a comma."))
    if event.step in (Step.DECISION, Step.CLASS) and not event.detail.strip():
        if event.step == Step.DECISION:
            return _msg(QT_TRANSLATE_NOOP("Admissions", "Write the number of the admission decision."))
        return _msg(QT_TRANSLATE_NOOP("Admissions", "Write the number of the class certificate."))
    return None


@dataclass(frozen=True)
class LateStep:
    """A candidate whose next step is late (or due soon) by the rule's days after the step before."""

    candidate_id: int
    name: str
    step: Step
    due: date
    overdue: bool


def late_steps(candidates: Sequence[Candidate], today: date, days: Mapping[str, int], soon: int = 14) -> list[LateStep]:
    """Candidates not yet admitted whose next step is due within *soon* days or overdue, by *days* (step → days
    allowed after the previous step; a step missing from the rule has no limit)."""
    out = []
    for c in candidates:
        step, last = c.next_step, c.last
        if c.member_id is not None or step is None or last is None or step.value not in days:
            continue
        due = last.on + timedelta(days=int(days[step.value]))
        if due - timedelta(days=soon) <= today:
            out.append(LateStep(c.id, c.full_name, step, due, today > due))
    out.sort(key=lambda r: r.due)
    return out


def member_record(candidate: Candidate) -> MemberRecord:
    """The member's record made from the candidate at the ceremony: nothing is typed again."""
    ceremony = candidate.step(Step.CEREMONY)
    decision = candidate.step(Step.DECISION)
    assert ceremony is not None and decision is not None
    return MemberRecord(
        full_name=candidate.full_name,
        gender=candidate.gender,
        date_of_birth=candidate.date_of_birth,
        hamlet_id=candidate.hamlet_id,
        ethnicity=candidate.ethnicity,
        religion=candidate.religion,
        residence=candidate.residence,
        occupation=candidate.occupation,
        admission_date=ceremony.on,
        admission_decision_no=decision.detail.strip(),
        admission_decision_date=decision.on,
    )


@dataclass(frozen=True)
class TargetProgress:
    admitted: int
    target: int

    @property
    def percent_of_target(self) -> float | None:
        return 100.0 * self.admitted / self.target if self.target else None

    @property
    def over_percent(self) -> float | None:
        """How far past the target (negative: short of it), as the published reports say "15 % over"."""
        share = self.percent_of_target
        return None if share is None else share - 100.0
