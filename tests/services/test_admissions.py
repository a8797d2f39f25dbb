"""A candidate's path to admission through the service: steps in order, and the ceremony that makes the member."""

from datetime import date

import pytest

from chibo_desktop.domain.admissions import Candidate, Step, StepEvent
from chibo_desktop.domain.dates import Period
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.members import EventKind, Status
from chibo_desktop.services.wiring import Services

PATH = (
    StepEvent(Step.INTRODUCED, date(2026, 1, 10), "Đoàn Thanh niên"),
    StepEvent(Step.CLASS, date(2026, 3, 5), "CN-0412"),
    StepEvent(Step.VOUCHED, date(2026, 4, 2), "Nguyễn Văn An, Lê Thị Bình"),
    StepEvent(Step.VERIFIED, date(2026, 6, 1), "Đảng ủy xã"),
    StepEvent(Step.BRANCH_VOTE, date(2026, 7, 8), "18/20"),
    StepEvent(Step.DECISION, date(2026, 8, 20), "125-QĐ/ĐU"),
)


def _candidate(services: Services) -> int:
    return services.admissions.add(Candidate(0, "Trần Thị Thu", "F", date(2000, 4, 5), residence="Ấp Sáu")).ids[0]


def test_the_ceremony_makes_a_probationary_member_with_the_history(services: Services) -> None:
    cid = _candidate(services)
    for step in PATH:
        services.admissions.record_step(cid, step)
    assert services.members.roster().rows == ()
    change = services.admissions.record_step(cid, StepEvent(Step.CEREMONY, date(2026, 9, 2), "Hội trường ấp"))
    member = services.members.get(change.ids[0])
    assert member.record.full_name == "Trần Thị Thu" and member.record.residence == "Ấp Sáu"
    assert member.record.admission_decision_no == "125-QĐ/ĐU"
    assert member.record.admission_decision_date == date(2026, 8, 20)
    assert [(e.kind, e.on) for e in member.events] == [(EventKind.ADMITTED, date(2026, 9, 2))]
    assert member.state(date(2026, 11, 22)).status == Status.PROBATIONARY
    assert services.admissions.get(cid).member_id == member.id
    steps = services.review.member_record(member.id).steps
    assert [s.step for s in steps] == [*(s.step for s in PATH), Step.CEREMONY]
    progress = services.admissions.progress(Period(date(2025, 9, 1), date(2030, 6, 30), "2025-2030"), 1)
    assert progress.admitted == 1 and progress.over_percent == 0.0


def test_a_step_out_of_order_writes_nothing(services: Services) -> None:
    cid = _candidate(services)
    with pytest.raises(UserError):
        services.admissions.record_step(cid, PATH[1])
    assert services.admissions.get(cid).steps == ()


def test_a_late_step_is_in_the_reminders(services: Services) -> None:
    cid = _candidate(services)
    for step in PATH[:3]:
        services.admissions.record_step(cid, step)
    late = services.admissions.overview().late
    assert [(r.candidate_id, r.step, r.due, r.overdue) for r in late] == [(cid, Step.VERIFIED, date(2026, 7, 31), True)]
