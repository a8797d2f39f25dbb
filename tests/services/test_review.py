"""The review service on a real database: who is reviewed, the year's facts beside each member, the cap, the
figures of `chibo stats`, commendations and discipline, the printed documents."""

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from chibo_desktop.domain.dates import parse_period
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.meetings import Mark, MeetingRecord
from chibo_desktop.domain.members import EventKind, MemberRecord, StatusEvent
from chibo_desktop.domain.review import Award, AwardKind, BranchReview, Level, MemberReview, NotRated
from chibo_desktop.services import printing
from chibo_desktop.services.members import Joining, JoinKind
from chibo_desktop.services.wiring import Services
from tests.helpers.members import add_member
from tests.helpers.pdf import pdf_text


def _absent_without_reason(services: Services, member_id: int, on: date) -> None:
    lines = services.meetings.draft_lines(on)
    lines = tuple(replace(line, mark=Mark.UNEXCUSED) if line.member_id == member_id else line for line in lines)
    services.meetings.create(MeetingRecord(on=on), lines)


def test_the_sheet_lists_the_members_to_review_and_those_not_rated_apart(services: Services) -> None:
    an = add_member(services, "Nguyễn Văn An")
    binh = add_member(services, "Lê Thị Bình")
    services.members.add_event(binh, StatusEvent(EventKind.EXEMPTED, date(2026, 4, 1)))
    new = MemberRecord(
        full_name="Trần Văn Cường", gender="M", date_of_birth=date(2000, 1, 2), admission_date=date(2026, 9, 2)
    )
    services.members.add(new)
    _absent_without_reason(services, an, date(2026, 5, 10))
    _absent_without_reason(services, an, date(2026, 6, 10))

    sheet = services.review.sheet(2026)
    assert [line.name for line in sheet.rated] == ["Nguyễn Văn An"]
    assert {line.name: line.not_rated for line in sheet.not_rated} == {
        "Lê Thị Bình": NotRated.EXEMPTED,
        "Trần Văn Cường": NotRated.NEWLY_ADMITTED,
    }
    assert sheet.rated[0].facts.unexcused_absences == 2
    assert sheet.rated[0].facts.meetings_required == 2


def test_a_review_is_saved_and_counted_and_the_cap_is_checked(services: Services) -> None:
    ids = [add_member(services, f"Nguyễn Văn {name}") for name in ("An", "Ba", "Cư", "Dũng", "Em", "Giang")]
    for member_id in ids[:4]:
        services.review.save(MemberReview(member_id, 2026, points=85, proposed_level=Level.GOOD))
    services.review.save(
        MemberReview(ids[4], 2026, points=95, proposed_level=Level.EXCELLENT, votes_for=6, votes_total=6)
    )
    sheet = services.review.sheet(2026)
    assert sheet.cap.exceeded  # one excellent for four good: 20 % of 4 is 0
    services.review.save(MemberReview(ids[5], 2026, points=80, proposed_level=Level.GOOD))
    sheet = services.review.sheet(2026)
    assert not sheet.cap.exceeded
    figures = services.stats.stats(parse_period("2026"), date(2026, 11, 22))["review"]
    assert figures["by_level"] == {"excellent": 1, "good": 5, "completed": 0, "not_completed": 0}  # type: ignore[index]
    assert figures["rated"] == 6  # type: ignore[index]
    line = next(line for line in sheet.rated if line.member_id == ids[4])
    assert line.suggested == Level.EXCELLENT and line.review.votes_for == 6


def test_a_bad_review_writes_nothing(services: Services) -> None:
    an = add_member(services, "Nguyễn Văn An")
    with pytest.raises(UserError) as error:
        services.review.save(MemberReview(an, 2026, points=120))
    assert "points" in error.value.field_errors
    assert services.review.sheet(2026).rated[0].review.points is None


def test_a_member_not_rated_cannot_be_given_a_level(services: Services) -> None:
    binh = add_member(services, "Lê Thị Bình")
    services.members.add_event(binh, StatusEvent(EventKind.SUSPENDED, date(2026, 4, 1)))
    with pytest.raises(UserError):
        services.review.save(MemberReview(binh, 2026, proposed_level=Level.GOOD))
    services.review.save(MemberReview(binh, 2026, note="Đang bị đình chỉ sinh hoạt"))
    assert services.review.sheet(2026).not_rated[0].review.note == "Đang bị đình chỉ sinh hoạt"


def test_commendations_discipline_and_the_branch_rating_are_counted_and_printed(
    services: Services, tmp_path: Path
) -> None:
    an = add_member(services, "Nguyễn Văn An")
    services.review.save(MemberReview(an, 2026, Level.GOOD, 82, Level.GOOD, 9, 10, Level.GOOD, "Gương mẫu"))
    services.review.add_award(
        Award(an, AwardKind.COMMENDATION, "Giấy khen", date(2026, 2, 3), "12-QĐ/ĐU", "Đảng ủy xã")
    )
    services.review.add_award(Award(an, AwardKind.DISCIPLINE, "Khiển trách", date(2025, 6, 1), "3-QĐ/CB"))
    with pytest.raises(UserError):
        services.review.add_award(Award(an, AwardKind.COMMENDATION, " ", date(2026, 2, 3)))
    services.review.save_branch(BranchReview(2026, Level.GOOD, "45-QĐ/ĐU", date(2026, 11, 20)))
    figures = services.review.sheet(2026).as_json()
    assert (figures["commendations"], figures["disciplines"], figures["branch_level"]) == (1, 0, "good")

    summary = pdf_text(services.printer.write_into(printing.REVIEW, 2026, tmp_path))
    assert "Kết quả đánh giá, xếp loại chất lượng đảng viên năm 2026" in summary
    assert "Hoàn thành tốt nhiệm vụ" in summary and "100,0" in summary and "Nguyễn Văn An" in summary
    assert "45-QĐ/ĐU" in summary
    assert "theo đề nghị của chi bộ" not in summary  # the one level printed is the committee's decision

    ba = add_member(services, "Trần Văn Ba")  # proposed by the branch, not decided above yet
    services.review.save(MemberReview(ba, 2026, Level.GOOD, 80, Level.GOOD, 8, 10))
    summary = " ".join(pdf_text(services.printer.write_into(printing.REVIEW, 2026, tmp_path)).split())
    assert (
        "Trong 2 đảng viên được xếp loại: 1 theo quyết định của cấp ủy cấp trên, 1 theo đề nghị của chi bộ "
        "(cấp trên chưa quyết định)." in summary
    )
    record = pdf_text(services.printer.write_into(printing.MEMBER_REVIEW, an, tmp_path))
    assert "Giấy khen" in record and "Khiển trách" in record and "9/10" in record and "Gương mẫu" in record


def test_hidden_characters_in_the_review_the_awards_the_candidates_and_the_history_are_refused(
    services: Services,
) -> None:
    """Each form that keeps text for the upper level says which character is hidden instead of dropping it."""
    from chibo_desktop.domain.admissions import Candidate, Step, StepEvent

    member = add_member(services, "Nguyễn Thị Bích")
    history = services.members.get(member).events
    refusals = {
        "note": lambda: services.review.save(MemberReview(member, 2025, note="Tốt\u200b")),
        "form": lambda: services.review.add_award(
            Award(member, AwardKind.COMMENDATION, "Giấy\u202e khen", date(2026, 2, 3))
        ),
        "decision_no": lambda: services.review.save_branch(BranchReview(2025, Level.GOOD, "12\x00-QĐ/ĐU")),
        "full_name": lambda: services.admissions.add(Candidate(0, "Trần\x00 Thị Thu", "F", date(2000, 4, 5))),
    }
    for field, refused in refusals.items():
        with pytest.raises(UserError) as caught:
            refused()
        assert "U+" in caught.value.field_errors[field].render(), field
    candidate = services.admissions.add(Candidate(0, "Trần Thị Thu", "F", date(2000, 4, 5))).ids[0]
    with pytest.raises(UserError) as caught:
        services.admissions.record_step(candidate, StepEvent(Step.INTRODUCED, date(2026, 1, 10), "Đoàn\ufeff"))
    assert "(U+FEFF)" in caught.value.field_errors["detail"].render()
    with pytest.raises(UserError) as caught:
        services.members.add_event(member, StatusEvent(EventKind.AWAY, date(2026, 3, 1), note="Đi\x00 làm xa"))
    assert "Character 3 is a hidden or control character (U+0000)" in caught.value.field_errors["note"].render()
    assert services.review.awards(member) == [] and services.review.branch_history() == []
    assert services.admissions.get(candidate).steps == ()
    assert services.members.get(member).events == history


def test_a_member_attached_to_the_branch_is_on_neither_its_review_nor_its_counts(
    services: Services, tmp_path: Path
) -> None:
    """Sinh hoạt tạm thời: the member attends and pays dues here, is not in the branch's own number, and is reviewed
    by their home branch; the branch's review counts its own members only, as the roster does."""
    an = add_member(services, "Nguyễn Văn An")
    binh = add_member(services, "Lê Thị Bình")
    services.members.add_event(binh, StatusEvent(EventKind.EXEMPTED, date(2026, 4, 1)))
    chi = services.members.add(
        MemberRecord(
            full_name="Phạm Thị Chi",
            gender="F",
            date_of_birth=date(1985, 1, 2),
            admission_date=date(2011, 1, 1),
            official_date=date(2012, 1, 1),
        ),
        Joining(JoinKind.ATTACHED_IN, on=date(2026, 3, 1), until=date(2027, 3, 1)),
    ).ids[0]
    services.review.save(MemberReview(an, 2026, points=85, proposed_level=Level.GOOD))

    sheet = services.review.sheet(2026)
    assert [line.name for line in sheet.rated] == ["Nguyễn Văn An"]
    assert [line.name for line in sheet.not_rated] == ["Lê Thị Bình"]
    assert sheet.attached == ("Phạm Thị Chi",)
    figures = services.stats.stats(parse_period("2026"), date(2026, 11, 22))
    members, review = figures["members"], figures["review"]
    assert (members["total"], members["temporarily_attached"]) == (2, 1)  # type: ignore[index]
    assert (review["to_review"], review["not_rated"], review["rated"]) == (1, 1, 1)  # type: ignore[index]
    assert review["not_rated_by_reason"] == {"exempted": 1}  # type: ignore[index]
    with pytest.raises(UserError) as refused:
        services.review.save(MemberReview(chi, 2026, note="Gương mẫu"))
    assert "home branch" in refused.value.message.text

    summary = " ".join(pdf_text(services.printer.write_into(printing.REVIEW, 2026, tmp_path)).split())
    assert "Tổng số đảng viên của chi bộ được đánh giá: 2; được xếp loại: 1; không xếp loại: 1" in summary
    assert "Lê Thị Bình" in summary and "Phạm Thị Chi" not in summary and "tạm thời" not in summary
