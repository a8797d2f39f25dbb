from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from chibo_desktop.catalog import Catalog
from chibo_desktop.domain.dates import parse_period
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.meetings import Assignment, Guest, Mark, MeetingKind, MeetingRecord, Resolution, Role
from chibo_desktop.domain.members import EventKind, MemberRecord, StatusEvent
from chibo_desktop.domain.register import FlagKind
from chibo_desktop.services.wiring import Services
from tests.helpers.databases import connect
from tests.helpers.days import TODAY


def add(services: Services, name: str, admitted: date = date(2000, 5, 19), official: bool = True) -> int:
    record = MemberRecord(
        full_name=name,
        gender="M",
        date_of_birth=date(1970, 1, 1),
        admission_date=admitted,
        official_date=date(admitted.year + 1, admitted.month, 25) if official else None,
    )
    return services.members.add(record).ids[0]


@pytest.fixture
def branch(services: Services) -> dict[str, int]:
    return {name: add(services, name) for name in ("Nguyễn Văn An", "Trần Văn Bình", "Lê Văn Cường", "Phạm Văn Dũng")}


def test_a_meeting_lists_everyone_present_by_default(services: Services, branch: dict[str, int]) -> None:
    meeting_id = services.meetings.create(
        MeetingRecord(on=date(2026, 5, 10), start="19h30", end="21:15", place="Nhà văn hóa ấp")
    ).ids[0]
    meeting = services.meetings.get(meeting_id)
    assert [line.name for line in meeting.lines] == ["Nguyễn Văn An", "Trần Văn Bình", "Lê Văn Cường", "Phạm Văn Dũng"]
    assert {line.mark for line in meeting.lines} == {Mark.PRESENT}
    assert (meeting.record.start, meeting.record.end) == ("19:30", "21:15")


def test_a_later_status_change_leaves_the_old_list_as_it_was(services: Services, branch: dict[str, int]) -> None:
    may = services.meetings.create(MeetingRecord(on=date(2026, 5, 10))).ids[0]
    services.members.add_event(branch["Lê Văn Cường"], StatusEvent(EventKind.EXEMPTED, date(2026, 6, 1)))
    services.members.add_event(branch["Phạm Văn Dũng"], StatusEvent(EventKind.TRANSFERRED_OUT, date(2026, 6, 15)))
    june = services.meetings.create(MeetingRecord(on=date(2026, 6, 20))).ids[0]
    assert {line.name: line.mark for line in services.meetings.get(may).lines}["Lê Văn Cường"] == Mark.PRESENT
    assert len(services.meetings.get(may).lines) == 4
    june_lines = {line.name: line.mark for line in services.meetings.get(june).lines}
    assert june_lines == {"Nguyễn Văn An": Mark.PRESENT, "Trần Văn Bình": Mark.PRESENT, "Lê Văn Cường": Mark.EXEMPTED}


def test_bad_input_is_refused_by_field_and_nothing_written(services: Services, branch: dict[str, int]) -> None:
    lines = services.meetings.draft_lines(date(2026, 5, 10))
    lines = (replace(lines[0], mark=Mark.EXCUSED),) + lines[1:]
    record = MeetingRecord(
        kind=MeetingKind.THEMATIC,
        on=date(2026, 5, 10),
        start="21:00",
        end="19:30",
        resolutions=(Resolution("Thông qua", votes_for=5, entitled=4),),
    )
    with pytest.raises(UserError) as caught:
        services.meetings.create(record, lines)
    assert set(caught.value.field_errors) == {"end", "topic", "attendance", "resolutions"}
    assert "Nguyễn Văn An" in caught.value.field_errors["attendance"].render()
    with connect(services.db) as conn:
        assert conn.execute("SELECT count(*) FROM meeting").fetchone()[0] == 0


@pytest.mark.parametrize(
    ("resolution", "said"),
    [
        (
            Resolution("Thông qua", votes_for=1),
            "Nghị quyết 1: nhập số đảng viên có quyền biểu quyết, bên cạnh số phiếu.",
        ),
        (
            Resolution("Thông qua", votes_for=5, entitled=4),
            "Nghị quyết 1: số phiếu nhiều hơn số đảng viên có quyền biểu quyết.",
        ),
    ],
)
def test_votes_without_the_number_entitled_to_vote_ask_for_it(
    services: Services, resolution: Resolution, said: str
) -> None:
    """Votes typed with the number entitled to vote left empty ask for that number; votes above it say so."""
    record = MeetingRecord(on=date(2026, 5, 10), resolutions=(resolution,))
    with pytest.raises(UserError) as caught:
        services.meetings.create(record)
    assert caught.value.field_errors["resolutions"].render(Catalog("vi").translate) == said
    assert services.meetings.list_meetings(None) == []


def test_approval_locks_and_an_addendum_keeps_the_original(services: Services, branch: dict[str, int]) -> None:
    record = MeetingRecord(
        on=date(2026, 5, 10),
        start="19:30",
        end="21:15",
        guests=(Guest("Đồng chí Trần Văn Tư", "Đảng ủy viên", "Đảng ủy xã"),),
    )
    meeting_id = services.meetings.create(record).ids[0]
    with pytest.raises(UserError):
        services.meetings.add_addendum(meeting_id, "sai tên", "…")  # not approved yet: edit it instead
    services.meetings.approve(meeting_id)
    meeting = services.meetings.get(meeting_id)
    assert meeting.locked and meeting.approved_on == date(2026, 5, 10)  # approved at the meeting itself
    with pytest.raises(UserError) as caught:
        services.meetings.update(meeting_id, replace(record, place="Trụ sở ấp"), meeting.lines)
    assert "addendum" in caught.value.message.render()
    services.meetings.add_addendum(
        meeting_id, "Ghi sai chức vụ khách mời", "Đồng chí Trần Văn Tư là Phó Bí thư Đảng ủy xã."
    )
    meeting = services.meetings.get(meeting_id)
    assert meeting.record.guests[0].position == "Đảng ủy viên"  # the original is untouched
    assert [a.reason for a in meeting.addenda] == ["Ghi sai chức vụ khách mời"]


def test_the_approval_date_lies_between_the_meeting_and_today(services: Services, branch: dict[str, int]) -> None:
    meeting_id = services.meetings.create(MeetingRecord(on=date(2026, 5, 10), start="19:30", end="21:15")).ids[0]
    for day, words in ((date(2026, 5, 9), "before the meeting"), (TODAY + timedelta(days=1), "future")):
        with pytest.raises(UserError) as caught:
            services.meetings.approve(meeting_id, day)
        assert words in caught.value.field_errors["approved_on"].render()
        assert not services.meetings.get(meeting_id).locked
    services.meetings.approve(meeting_id, date(2026, 6, 12))  # read and approved at the next meeting
    assert services.meetings.get(meeting_id).approved_on == date(2026, 6, 12)


def test_minutes_without_their_times_are_not_approved(services: Services, branch: dict[str, int]) -> None:
    """A draft may be saved without its times (typed during the meeting); the approved minutes must state them."""
    meeting_id = services.meetings.create(MeetingRecord(on=date(2026, 5, 10), start="19:30")).ids[0]
    with pytest.raises(UserError) as caught:
        services.meetings.approve(meeting_id)
    assert set(caught.value.field_errors) == {"end"}
    assert caught.value.message.render(Catalog("vi").translate) == "Ghi giờ kết thúc, ví dụ 21:15."
    assert not services.meetings.get(meeting_id).locked


def test_the_approval_states_attendance_against_the_dated_bar(services: Services, branch: dict[str, int]) -> None:
    lines = services.meetings.draft_lines(date(2026, 5, 10))
    lines = (replace(lines[0], mark=Mark.UNEXCUSED),) + lines[1:]
    meeting_id = services.meetings.create(MeetingRecord(on=date(2026, 5, 10)), lines).ids[0]
    facts = services.meetings.approval_facts(meeting_id)
    assert (facts.present, facts.required, facts.bar_percent, facts.below_bar) == (3, 4, 85, True)
    assert (facts.meeting_on, facts.today) == (date(2026, 5, 10), TODAY)
    services.rules.set_value("meeting.quality_bar_percent", "75", date(2026, 1, 1))
    facts = services.meetings.approval_facts(meeting_id)
    assert (facts.bar_percent, facts.below_bar) == (75, False)


def test_register_summary_and_flags(services: Services, branch: dict[str, int]) -> None:
    an, binh = branch["Nguyễn Văn An"], branch["Trần Văn Bình"]
    for month in range(1, 7):
        lines = services.meetings.draft_lines(date(2026, month, 10))
        marked = tuple(
            replace(line, mark=Mark.UNEXCUSED) if line.member_id == binh and month % 2 else line for line in lines
        )
        kind = MeetingKind.COMBINED if month in (3, 6) else MeetingKind.REGULAR
        record = MeetingRecord(
            kind=kind,
            on=date(2026, month, 10),
            topic="Học tập Nghị quyết" if month in (3, 6) else "",
            guests=(Guest("Đ/c Tư", "Đảng ủy viên"),) if month == 3 else (),
            assignments=(Assignment(an, "Nguyễn Văn An", "Vận động đóng quỹ"),) if month == 2 else (),
        )
        services.meetings.create(record, marked)
    summary = services.meetings.summary(parse_period("2026-Q1"))
    assert (summary.held, summary.regular, summary.thematic) == (3, 3, 1)
    assert (summary.present, summary.required, summary.below_bar) == (10, 12, 2)
    assert (summary.guest_attendances, summary.assigned_members) == (1, 1)
    flags = services.meetings.flags(parse_period("2026"))
    assert [(f.kind, f.member_id, f.count) for f in flags] == [(FlagKind.REMOVAL_PROPOSAL, binh, 3)]
    register = services.meetings.register(2026)
    assert register.warnings.months_without_regular == (7, 8, 9, 10)
    assert register.warnings.quarters_without_thematic == (3,)
    row = next(r for r in register.grid.rows if r.member_id == binh)
    assert (row.present, row.required) == (3, 6)
    assert [i.present for i in services.meetings.list_meetings(2026)] == [4, 3, 4, 3, 4, 3]


def test_roles_are_kept_for_the_minutes(services: Services, branch: dict[str, int]) -> None:
    add(services, "Thạch Sa Ly", admitted=date(2026, 3, 1), official=False)
    lines = services.meetings.draft_lines(date(2026, 5, 10))
    assert {line.name: line.role for line in lines}["Thạch Sa Ly"] == Role.PROBATIONARY


def test_the_thematic_plan(services: Services, branch: dict[str, int]) -> None:
    topic_id = services.meetings.add_topic(
        2026, 2, "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"
    ).ids[0]
    record = MeetingRecord(
        kind=MeetingKind.THEMATIC, on=date(2026, 5, 10), topic="Học tập và làm theo…", topic_id=topic_id
    )
    meeting_id = services.meetings.create(record).ids[0]
    assert services.meetings.topics(2026) == [
        (topic_id, 2, "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", meeting_id)
    ]
    with pytest.raises(UserError):
        services.meetings.add_topic(2026, 5, "x")


def test_scoring_by_the_rubric_when_the_branch_turns_it_on(services: Services, branch: dict[str, int]) -> None:
    assert services.meetings.rules(date(2026, 5, 10)).scoring is False
    services.rules.set_value("meeting.scoring_enabled", "có", date(2026, 1, 1))
    rules = services.meetings.rules(date(2026, 5, 10))
    assert rules.scoring and rules.rubric.maximum == 100
    good = (("preparation", 14), ("attendance", 19), ("conduct", 42), ("closing", 18))
    meeting_id = services.meetings.create(MeetingRecord(on=date(2026, 5, 10), scores=good)).ids[0]
    assert dict(services.meetings.get(meeting_id).record.scores) == dict(good)
    summary = services.meetings.summaries(date(2026, 5, 1), date(2026, 5, 31))[0]
    assert summary.score == 93 and rules.rubric.band(93) == "good"
    with pytest.raises(UserError) as caught:
        services.meetings.create(MeetingRecord(on=date(2026, 6, 10), scores=(("preparation", 16),)))
    assert set(caught.value.field_errors) == {"scores"}


def test_a_rubric_or_a_page_layout_of_the_wrong_shape_is_refused_and_nothing_is_saved(services: Services) -> None:
    from chibo_desktop.catalog import Catalog

    before = [services.rules.book().history(key) for key in ("meeting.rubric", "document.layout")]
    with pytest.raises(UserError) as refused:
        services.rules.set_value("meeting.rubric", '{"criteria": [["preparation"]], "bands": 3}', date(2026, 1, 1))
    assert refused.value.message.render(Catalog("vi").translate).startswith("Ghi thang điểm")
    assert set(refused.value.field_errors) == {"value"}
    with pytest.raises(UserError):
        services.rules.set_value("document.layout", '{"top_mm": "hai mươi"}', date(2026, 1, 1))
    assert [services.rules.book().history(key) for key in ("meeting.rubric", "document.layout")] == before


def test_minutes_holding_a_control_character_are_refused_saying_where(
    services: Services, branch: dict[str, int], tmp_path: Path
) -> None:
    """A vertical tab or a NUL pasted into the minutes used to be saved, and then stopped the package to the upper
    level: the meeting is refused, naming the agenda item or resolution, and nothing is written."""
    from chibo_desktop.catalog import Catalog
    from chibo_desktop.domain.meetings import AgendaItem

    vi = Catalog("vi").translate
    record = MeetingRecord(
        on=date(2026, 5, 10),
        agenda=(AgendaItem("Tình hình ấp"), AgendaItem("Thu đảng phí", content="Dòng một\x0bdòng hai")),
        resolutions=(Resolution("Giao chi ủy\x00 đôn đốc", 4, 0, 0, 4),),
    )
    with pytest.raises(UserError) as refused:
        services.meetings.create(record)
    assert refused.value.field_errors["agenda"].render(vi) == (
        "Nội dung 2: Ký tự thứ 9 là ký tự ẩn hoặc ký tự điều khiển (U+000B), cấp trên không nhận. Hãy "
        "xóa ký tự đó (gõ lại các chữ quanh nó) rồi lưu lại."
    )
    assert "Nghị quyết 1: Ký tự thứ 12" in refused.value.field_errors["resolutions"].render(vi)
    assert services.meetings.list_meetings(None) == []
    fixed = replace(
        record,
        agenda=(record.agenda[0], AgendaItem("Thu đảng phí", content="Dòng một\ndòng hai")),
        resolutions=(Resolution("Giao chi ủy đôn đốc", 4, 0, 0, 4),),
        guests=(Guest("Đ/c Lê Văn Tư", "Phó Bí thư\tĐảng ủy", "Đảng ủy xã"),),
    )
    meeting = services.meetings.get(services.meetings.create(fixed).ids[0])
    assert meeting.record.guests[0].position == "Phó Bí thư Đảng ủy"  # a tab in a one-line cell is a space
    assert meeting.record.agenda[1].content == "Dòng một\ndòng hai"  # line breaks in the minutes stay
    services.exchange.export(tmp_path, passphrase="mat-khau-chi-bo")  # the package goes up
