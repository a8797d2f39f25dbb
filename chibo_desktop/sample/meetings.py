"""Several years of plausible meetings for the sample branch, so every register warning shows.

Most members attend nearly always; a few drift away (absences without reason that grow over time), a few are
ill for months (absences with reason in a row); a month is missed now and then, and one quarter has no
thematic meeting.
"""

import random
from collections.abc import Sequence
from datetime import date

from chibo_desktop.domain.meetings import (
    AgendaItem,
    Assignment,
    AttendanceLine,
    Guest,
    Mark,
    MeetingKind,
    MeetingRecord,
    Opinion,
    Resolution,
    attendance_list,
    link_speakers,
)
from chibo_desktop.domain.members import StatusEvent
from chibo_desktop.domain.text import name_sort_key
from chibo_desktop.storage import meeting_queries, member_queries
from chibo_desktop.storage.db import Database

TOPICS = [
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "Nâng cao vai trò của chi bộ trong xây dựng nông thôn mới",
    "Phòng, chống tham nhũng, tiêu cực ở cơ sở",
    "Chuyển đổi số trong sinh hoạt chi bộ",
    "Bảo vệ môi trường, phòng chống sạt lở bờ sông",
    "Công tác dân vận ở ấp",
    "Phát triển đảng viên trong đoàn viên thanh niên",
    "Giữ gìn an ninh trật tự trên địa bàn ấp",
]
REASONS = ["Ốm", "Đi làm xa", "Việc gia đình", "Đi khám bệnh", "Đám giỗ", "Chăm người nhà nằm viện"]
TASKS = [
    "Vận động bà con góp ngày công làm đường giao thông nông thôn",
    "Thăm hỏi đảng viên ốm đau",
    "Thu đảng phí tháng",
    "Nắm tình hình hộ nghèo trong tổ",
    "Tuyên truyền phòng chống dịch sốt xuất huyết",
]
OPINIONS = [
    "Thống nhất với báo cáo, đề nghị bổ sung kết quả vận động quỹ vì người nghèo.",
    "Đề nghị chi bộ quan tâm hơn đến việc sửa chữa cầu dân sinh.",
    "Tình hình an ninh ổn định; cần nhắc bà con cảnh giác với lừa đảo qua điện thoại.",
    "Đề nghị phân công đảng viên theo dõi các hộ cận nghèo.",
]
HARVEST_MONTH = 3  # the winter-spring rice harvest: attendance drops below the bar
GUEST = Guest("Trần Minh Tâm", "Đảng ủy viên", "Đảng ủy xã Tân Hùng")


def write_demo_meetings(db: Database, years: int, seed: int, today: date) -> int:
    """Meetings for the last *years* years up to *today*; returns how many were written."""
    rng = random.Random(seed * 7919 + 1)
    with db.read() as session:
        loaded = member_queries.load_roster(session)
        organisation = member_queries.load_organisation(session)
    assert organisation is not None
    members: list[tuple[int, str, Sequence[StatusEvent]]] = [
        (e.id, e.record.full_name, e.events) for e, _search in loaded
    ]
    behaviour = {}
    for member_id, _name, _events in members:
        roll = rng.random()
        behaviour[member_id] = (
            "drifting" if roll < 0.05 else "ill" if roll < 0.08 else "occasional" if roll < 0.22 else "steady"
        )
    chair = next((e.id for e, _s in loaded if e.record.party_position == "Bí thư chi bộ"), None)
    secretary = next((e.id for e, _s in loaded if e.record.party_position == "Chi ủy viên"), None)
    written = 0
    first_year = today.year - years + 1
    for year in range(first_year, today.year + 1):
        skipped_month = rng.randrange(1, 12)
        no_thematic_quarter = rng.randrange(1, 5) if year == first_year + 1 else None
        ill_start = rng.randrange(1, 9)
        with db.write() as session:
            for month in range(1, 13):
                on = date(year, month, rng.randrange(5, 13))
                if on > today:
                    break
                quarter = (month - 1) // 3 + 1
                kinds: list[MeetingKind] = []
                if month != skipped_month:
                    thematic_here = month % 3 == 0 and quarter != no_thematic_quarter
                    kinds.append(MeetingKind.COMBINED if thematic_here and rng.random() < 0.6 else MeetingKind.REGULAR)
                    if thematic_here and kinds[0] == MeetingKind.REGULAR:
                        kinds.append(MeetingKind.THEMATIC)
                if month == 8 and rng.random() < 0.6:
                    kinds.append(MeetingKind.EXTRAORDINARY)
                for n, kind in enumerate(kinds):
                    day = on if n == 0 else date(year, month, min(28, on.day + 10 + n))
                    if day > today:
                        continue
                    lines = _lines(rng, members, behaviour, day, year - first_year, month, ill_start)
                    record = _record(rng, kind, day, lines, chair, secretary, month)
                    _agenda, lines = link_speakers(record.agenda, lines)  # who spoke follows the opinions
                    meeting_id, _uuid = meeting_queries.add_meeting(session, organisation.branch_id, record, lines)
                    if (today - day).days > 20:
                        meeting_queries.approve(session, meeting_id, day)
                    written += 1
    return written


def _lines(
    rng: random.Random,
    members: Sequence[tuple[int, str, Sequence[StatusEvent]]],
    behaviour: dict[int, str],
    on: date,
    year_index: int,
    month: int,
    ill_start: int,
) -> tuple[AttendanceLine, ...]:
    base = attendance_list(members, on)
    out = []
    for line in base:
        if line.mark != Mark.PRESENT:
            out.append(line)
            continue
        kind = behaviour.get(line.member_id, "steady")
        roll = rng.random()
        if kind == "drifting" and roll < 0.15 + 0.1 * year_index + 0.02 * month:
            out.append(AttendanceLine(line.member_id, line.name, line.role, Mark.UNEXCUSED))
        elif kind == "ill" and ill_start <= month < ill_start + 4:
            out.append(AttendanceLine(line.member_id, line.name, line.role, Mark.EXCUSED, "Ốm, điều trị dài ngày"))
        elif kind == "occasional" and roll < 0.15:
            out.append(AttendanceLine(line.member_id, line.name, line.role, Mark.EXCUSED, rng.choice(REASONS)))
        elif month == HARVEST_MONTH and roll < 0.14:
            out.append(AttendanceLine(line.member_id, line.name, line.role, Mark.EXCUSED, "Thu hoạch lúa"))
        elif roll < 0.03:
            out.append(AttendanceLine(line.member_id, line.name, line.role, Mark.LATE))
        elif roll < 0.045:
            out.append(AttendanceLine(line.member_id, line.name, line.role, Mark.EXCUSED, rng.choice(REASONS)))
        else:
            out.append(AttendanceLine(line.member_id, line.name, line.role, Mark.PRESENT, spoke=rng.random() < 0.08))
    return tuple(sorted(out, key=lambda line: name_sort_key(line.name)))


def _record(
    rng: random.Random,
    kind: MeetingKind,
    on: date,
    lines: tuple[AttendanceLine, ...],
    chair: int | None,
    secretary: int | None,
    month: int,
) -> MeetingRecord:
    listed = {line.member_id for line in lines}
    present = [line for line in lines if line.mark.attended and line.own]
    speakers = rng.sample(present, k=min(3, len(present)))
    combined = kind in (MeetingKind.COMBINED, MeetingKind.THEMATIC)
    agenda = [
        AgendaItem(
            title=f"Kiểm điểm kết quả thực hiện nghị quyết tháng {month}",
            presenter="Bí thư chi bộ",
            content="Báo cáo kết quả lãnh đạo thực hiện nhiệm vụ chính trị, công tác xây dựng Đảng trong tháng.",
            opinions=tuple(Opinion(s.name, rng.choice(OPINIONS), s.member_id) for s in speakers[:2]),
            conclusion="Chi bộ thống nhất với báo cáo và các ý kiến đóng góp.",
        ),
        AgendaItem(
            title=f"Phương hướng, nhiệm vụ tháng {month % 12 + 1}",
            presenter="Phó Bí thư chi bộ",
            content="Triển khai các nhiệm vụ trọng tâm tháng tới.",
            opinions=tuple(Opinion(s.name, rng.choice(OPINIONS), s.member_id) for s in speakers[2:]),
            conclusion="Giao chi ủy cụ thể hóa và phân công đảng viên thực hiện.",
        ),
    ]
    entitled = sum(1 for line in lines if line.own and line.mark.attended)
    against = 1 if rng.random() < 0.1 and entitled > 5 else 0
    tasks = [
        Assignment(s.member_id, s.name, rng.choice(TASKS), date(on.year, on.month, 28))
        for s in rng.sample(present, k=min(len(present), rng.randrange(1, 4)))
    ]
    return MeetingRecord(
        kind=kind,
        on=on,
        start="19:00" if combined else "19:30",
        end="21:15",
        place="Nhà văn hóa ấp Te Te 1",
        topic=rng.choice(TOPICS) if combined else "",
        chair_id=chair if chair in listed else None,
        secretary_id=secretary if secretary in listed else None,
        number="",
        guests=(GUEST,) if rng.random() < 0.4 else (),
        agenda=tuple(agenda),
        resolutions=(Resolution(f"Thông qua nghị quyết tháng {month}", entitled - against, against, 0, entitled),),
        assignments=tuple(tasks),
    )
