from datetime import date

from chibo_desktop.domain.dates import parse_period
from chibo_desktop.domain.meetings import (
    AgendaItem,
    AttendanceLine,
    Mark,
    MeetingKind,
    Opinion,
    Role,
    attendance_list,
    count_attendance,
    link_speakers,
    without_honorific,
)
from chibo_desktop.domain.members import EventKind, Standing, StatusEvent
from chibo_desktop.domain.register import FlagKind, MeetingSummary, summarise, warnings, year_grid
from chibo_desktop.domain.rubric import Rubric
from tests.helpers.days import TODAY

ADMITTED_LONG_AGO = [
    StatusEvent(EventKind.ADMITTED, date(2000, 1, 1)),
    StatusEvent(EventKind.RECOGNISED_OFFICIAL, date(2001, 1, 5)),
]


def test_the_list_of_a_day_follows_the_status_events() -> None:
    members = [
        (1, "Nguyễn Văn An", ADMITTED_LONG_AGO),
        (2, "Trần Thị Bình", [*ADMITTED_LONG_AGO, StatusEvent(EventKind.EXEMPTED, date(2026, 6, 1))]),
        (
            3,
            "Lê Văn Cường",
            [*ADMITTED_LONG_AGO, StatusEvent(EventKind.AWAY, date(2026, 3, 1), end_date=date(2026, 8, 31))],
        ),
        (4, "Thạch Sa Ly", [StatusEvent(EventKind.ADMITTED, date(2026, 2, 1))]),
        (5, "Võ Văn Dũng", [StatusEvent(EventKind.ATTACHED_IN, date(2026, 1, 1), standing=Standing.OFFICIAL)]),
        (6, "Hồ Văn Em", [*ADMITTED_LONG_AGO, StatusEvent(EventKind.DECEASED, date(2026, 4, 1))]),
    ]
    may = {line.member_id: line for line in attendance_list(members, date(2026, 5, 10))}
    assert set(may) == {1, 2, 3, 4, 5}  # the deceased member is no longer listed
    assert (may[2].mark, may[3].mark, may[4].role, may[5].role) == (
        Mark.PRESENT,
        Mark.AWAY,
        Role.PROBATIONARY,
        Role.ATTACHED,
    )
    october = {line.member_id: line for line in attendance_list(members, date(2026, 10, 10))}
    assert (october[2].mark, october[3].mark) == (Mark.EXEMPTED, Mark.PRESENT)  # exempted since June, back in September


def test_ratio_is_present_over_own_members_minus_exempted_and_duty() -> None:
    lines = [
        AttendanceLine(1, "A", Role.OFFICIAL, Mark.PRESENT),
        AttendanceLine(2, "B", Role.OFFICIAL, Mark.LATE),
        AttendanceLine(3, "C", Role.PROBATIONARY, Mark.EXCUSED, "ốm"),
        AttendanceLine(4, "D", Role.OFFICIAL, Mark.UNEXCUSED),
        AttendanceLine(5, "E", Role.OFFICIAL, Mark.EXEMPTED),
        AttendanceLine(6, "F", Role.OFFICIAL, Mark.DUTY),
        AttendanceLine(7, "G", Role.OFFICIAL, Mark.AWAY),
        AttendanceLine(8, "H", Role.ATTACHED, Mark.PRESENT),
    ]
    c = count_attendance(lines, away_required=False)
    assert (c.total, c.official, c.probationary, c.attached) == (7, 6, 1, 1)
    assert (c.required, c.present, c.late, c.excused, c.unexcused) == (4, 2, 1, 1, 1)
    assert c.ratio == 0.5 and c.present_attached == 1
    assert count_attendance(lines, away_required=True).required == 5  # the branch counts the away as required


def meeting(
    id: int, on: date, marks: dict[int, Mark], kind: MeetingKind = MeetingKind.REGULAR, guests: int = 0
) -> MeetingSummary:
    lines = tuple(AttendanceLine(mid, f"Đảng viên {mid}", Role.OFFICIAL, mark) for mid, mark in marks.items())
    return MeetingSummary(id, on, kind, lines, guests=guests, assigned=frozenset({1}) if id % 2 else frozenset())


def test_flags_removal_proposal_and_runs_of_absence() -> None:
    P, E, U = Mark.PRESENT, Mark.EXCUSED, Mark.UNEXCUSED  # noqa: N806 - the register's own letters
    months = [
        {1: P, 2: U, 3: E},
        {1: P, 2: P, 3: E},
        {1: P, 2: U, 3: E},
        {1: P, 2: P, 3: U},  # member 3: four absences in a row
        {1: P, 2: U, 3: P},  # member 2: absent without reason in 3 months
    ]
    meetings = [meeting(i + 1, date(2026, i + 1, 10), marks) for i, marks in enumerate(months)]
    result = warnings(meetings, 2026, TODAY, 0.85, removal_months=3, max_run=3, away_required=False)
    assert [(f.kind, f.member_id, f.count) for f in result.flags] == [
        (FlagKind.CONSECUTIVE_ABSENCE, 3, 4),
        (FlagKind.REMOVAL_PROPOSAL, 2, 3),
    ]
    assert [b.meeting_id for b in result.below_bar] == [1, 2, 3, 4, 5]  # 2 of 3 present is below 85 %
    assert result.months_without_regular == (6, 7, 8, 9, 10)  # November is not over yet
    assert result.quarters_without_thematic == (1, 2, 3)


def test_a_combined_meeting_counts_for_both_rules() -> None:
    meetings = [meeting(1, date(2026, 2, 5), {1: Mark.PRESENT}, MeetingKind.COMBINED)]
    result = warnings(meetings, 2026, date(2026, 4, 2), 0.85, 3, 3, False)
    assert result.months_without_regular == (1, 3)
    assert result.quarters_without_thematic == ()


def test_year_grid_and_summary() -> None:
    meetings = [
        meeting(1, date(2026, 1, 8), {1: Mark.PRESENT, 2: Mark.EXCUSED}, guests=1),
        meeting(2, date(2026, 1, 20), {1: Mark.PRESENT, 2: Mark.PRESENT}, MeetingKind.EXTRAORDINARY),
        meeting(3, date(2026, 2, 9), {1: Mark.LATE, 2: Mark.EXEMPTED}, MeetingKind.THEMATIC, guests=2),
    ]
    grid = year_grid(meetings, 2026, away_required=False)
    assert grid.meetings_per_month[:3] == (2, 1, 0)
    row2 = next(r for r in grid.rows if r.member_id == 2)
    assert row2.cells[0] == (Mark.EXCUSED, Mark.PRESENT) and row2.cells[1] == (Mark.EXEMPTED,)
    assert (row2.present, row2.required) == (1, 2)
    assert grid.ratio([1]) == (3, 4) and grid.ratio([1, 2, 3]) == (4, 5)
    summary = summarise(meetings, parse_period("2026-Q1"), 0.85, away_required=False)
    assert (summary.held, summary.regular, summary.thematic, summary.extraordinary) == (3, 1, 1, 1)
    assert (summary.present, summary.required, summary.guest_attendances, summary.below_bar) == (4, 5, 3, 1)
    assert summary.average_ratio == (0.5 + 1 + 1) / 3
    assert summary.assigned_members == 1


def test_rubric_totals_and_bands() -> None:
    rubric = Rubric.from_rule(
        {
            "criteria": [["preparation", 15], ["attendance", 20], ["conduct", 45], ["closing", 20]],
            "bands": [["good", 90], ["fair", 70], ["average", 50], ["weak", 0]],
        }
    )
    assert rubric.maximum == 100
    scores = {"preparation": 14, "attendance": 18, "conduct": 40, "closing": 18}
    assert rubric.total(scores) == 90 and rubric.band(90) == "good"
    assert rubric.band(89) == "fair" and rubric.band(50) == "average" and rubric.band(49) == "weak"
    assert set(rubric.problems({"preparation": 16, "attendance": 20, "conduct": 45})) == {"preparation", "closing"}


def test_forms_of_address_are_taken_off_names() -> None:
    for typed in ("Đ/c Lê Thị Mai", "đ/c Lê Thị Mai", "Đc Lê Thị Mai", "đồng chí Lê Thị Mai", "Đồng chí  Lê Thị Mai",
                  "Đ.c Lê Thị Mai", "Đ/C: Lê Thị Mai", "Đồng chí Đ/c Lê Thị Mai", "Lê Thị Mai"):  # fmt: skip
        assert without_honorific(typed) == "Lê Thị Mai", typed
    assert without_honorific("Đức Lê") == "Đức Lê"  # a name that begins like one is left alone
    assert without_honorific("Đ/c") == "Đ/c"  # nothing after it: not a form of address


def test_speakers_are_linked_to_the_days_list_and_counted() -> None:
    lines = (
        AttendanceLine(1, "Lê Thị Mai", Role.OFFICIAL),
        AttendanceLine(2, "Nguyễn Văn An", Role.OFFICIAL),
        AttendanceLine(3, "Nguyễn Văn An", Role.PROBATIONARY),  # two members of one name
        AttendanceLine(4, "Trần Văn Tư", Role.OFFICIAL, Mark.EXCUSED, "Ốm"),
    )
    agenda = (
        AgendaItem("Kiểm điểm", "Đ/c Lê Thị Mai", "", (Opinion("đ/c le thi mai", "Đồng ý."),)),
        AgendaItem(
            "Phương hướng",
            opinions=(
                Opinion("Nguyễn Văn An", "Bổ sung.", 3),  # chosen from the list: the id decides
                Opinion("Nguyễn Văn An", "Nhất trí."),  # typed: two of that name, left unlinked
                Opinion("Trần Văn Tư", "…"),  # absent that day: not linked
                Opinion("Đồng chí Phạm Minh (Đảng ủy xã)", "Chỉ đạo."),  # a guest
            ),
        ),
    )
    linked, marked = link_speakers(agenda, lines)
    assert linked[0].presenter == "Lê Thị Mai"
    assert [(o.speaker, o.member_id) for item in linked for o in item.opinions] == [
        ("Lê Thị Mai", 1),
        ("Nguyễn Văn An", 3),
        ("Nguyễn Văn An", None),
        ("Trần Văn Tư", None),
        ("Phạm Minh (Đảng ủy xã)", None),
    ]
    assert [line.member_id for line in marked if line.spoke] == [1, 3]
    assert count_attendance(marked, away_required=False).spoke == 2


def test_a_big_branchs_meeting_weighs_by_its_members_in_the_member_share() -> None:
    """A 40-member meeting with 40 present and a 290-member meeting with 145 present: the mean of the two ratios is
    75 %, but 185 of the 330 seats were filled, 56,1 % — the share the upper level's total gives."""
    small = meeting(1, date(2026, 3, 5), dict.fromkeys(range(1, 41), Mark.PRESENT))
    big_marks = {m: Mark.PRESENT if m <= 145 else Mark.UNEXCUSED for m in range(1, 291)}
    big = meeting(2, date(2026, 3, 12), big_marks)
    summary = summarise([small, big], parse_period("2026-03-01..2026-03-31"), 0.85, away_required=False)
    assert summary.average_ratio == 0.75
    assert (summary.present, summary.required) == (185, 330)
    assert summary.member_share == 185 / 330
    figures = summary.as_json()
    assert (figures["attendance_ratio"], figures["attendance_member_share"]) == (0.75, 0.5606)
    assert summarise([], parse_period("2026"), 0.85, away_required=False).member_share is None


def test_months_and_quarters_ended_before_the_records_start_are_not_warned() -> None:
    """Records from 20/05: April and the first quarter are not the app's to judge; May and the second quarter,
    which end after that day, are checked."""
    result = warnings([], 2026, date(2026, 9, 2), 0.85, 3, 3, False, since=date(2026, 5, 20))
    assert result.months_without_regular == (5, 6, 7, 8)
    assert result.quarters_without_thematic == (2,)
    assert warnings([], 2026, date(2027, 1, 2), 0.85, 3, 3, False, since=date(2027, 1, 1)).months_without_regular == ()
    assert warnings([], 2026, date(2026, 3, 2), 0.85, 3, 3, False, since=date(2025, 6, 1)).months_without_regular == (
        1,
        2,
    )
