"""A branch file holding a meeting whose minutes carry everything they can print: the quick way of printing them
(storage/plain_minutes.py) is held to the usual one on it."""

import sqlite3
from contextlib import closing
from dataclasses import replace
from datetime import date
from pathlib import Path

from chibo_desktop.domain.meetings import (
    AgendaItem,
    Assignment,
    Guest,
    Mark,
    MeetingKind,
    MeetingRecord,
    Opinion,
    Resolution,
)
from chibo_desktop.domain.members import EventKind, StatusEvent
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import open_database
from tests.helpers.days import CLOCK, TODAY

ON = date(2026, 10, 14)


def rich_meeting(services: Services) -> int:
    """A combined meeting on a sample branch (official, probationary, attached, exempted and away members):
    absences with and without reasons, a late member and one on duty, speakers, two guests (one typed with
    "Đ/c"), three agenda items with opinions (one a guest's), two votes, assignments with and without a due day,
    approved and then corrected by two addenda."""
    first = [line for line in services.meetings.draft_lines(ON) if line.mark == Mark.PRESENT and line.own]
    services.members.add_event(first[-1].member_id, StatusEvent(EventKind.AWAY, date(2026, 9, 1), date(2027, 3, 1)))
    lines = services.meetings.draft_lines(ON)
    present = [line for line in lines if line.mark == Mark.PRESENT and line.own]
    marks = {
        present[0].member_id: (Mark.EXCUSED, "Đi khám bệnh ở huyện"),
        present[1].member_id: (Mark.EXCUSED, "Thu hoạch lúa"),
        present[2].member_id: (Mark.UNEXCUSED, ""),
        present[3].member_id: (Mark.LATE, ""),
        present[4].member_id: (Mark.DUTY, ""),
    }
    spoke = {present[5].member_id, present[6].member_id, present[3].member_id}
    lines = tuple(
        replace(
            line,
            mark=marks.get(line.member_id, (line.mark, ""))[0],
            reason=marks.get(line.member_id, (line.mark, line.reason))[1],
            spoke=line.member_id in spoke,
        )
        for line in lines
    )
    chair, secretary, speaker = present[5], present[6], present[7]
    record = MeetingRecord(
        kind=MeetingKind.COMBINED,
        on=ON,
        start="19:05",
        end="21:40",
        place="Nhà văn hóa ấp Sáu",
        topic="Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        chair_id=chair.member_id,
        secretary_id=secretary.member_id,
        number="27-BB/CB",
        guests=(
            Guest("Đ/c Trần Minh Tâm", "Đảng ủy viên", "Đảng ủy xã Tân Hùng"),
            Guest("Lê Thị Hồng", "", "Hội Liên hiệp Phụ nữ xã"),
        ),
        agenda=(
            AgendaItem(
                "Kiểm điểm kết quả thực hiện nghị quyết tháng 9",
                f"Đồng chí {chair.name}",
                "Báo cáo kết quả lãnh đạo thực hiện nhiệm vụ chính trị trong tháng.\nSản xuất lúa đạt kế hoạch.",
                (
                    Opinion(speaker.name, "Đề nghị sửa cầu dân sinh trước mùa nước nổi.", speaker.member_id),
                    Opinion("Đ/c Trần Minh Tâm", "Ghi nhận kết quả; lưu ý công tác phòng chống bão lũ."),
                ),
                "Chi bộ thống nhất với báo cáo.",
            ),
            AgendaItem(
                "Sinh hoạt chuyên đề",
                secretary.name,
                "Trao đổi về nêu gương của đảng viên ở khu dân cư.",
                (Opinion(chair.name, "Mỗi đảng viên đăng ký một việc làm cụ thể.", chair.member_id),),
                "",
            ),
            AgendaItem("Phương hướng, nhiệm vụ tháng 11", chair.name, "", (), "Giao chi ủy phân công thực hiện."),
        ),
        resolutions=(
            Resolution("Thông qua nghị quyết tháng 10", 20, 1, 1, 22),
            Resolution("Đề nghị khen thưởng đảng viên tiêu biểu", 22, 0, 0, 22),
        ),
        assignments=(
            Assignment(speaker.member_id, speaker.name, "Vận động sửa cầu dân sinh", date(2026, 11, 30)),
            Assignment(chair.member_id, chair.name, "Theo dõi việc đăng ký làm theo", None),
        ),
    )
    meeting = services.meetings.create(record, lines).ids[0]
    services.meetings.approve(meeting)
    services.meetings.add_addendum(meeting, "Ghi sai tên khách mời", "Sửa: Hội Liên hiệp Phụ nữ xã Tân Hùng.")
    services.meetings.add_addendum(meeting, "Thiếu ý kiến", "Bổ sung ý kiến của đồng chí bí thư.")
    return meeting


def rich_file(folder: Path) -> tuple[Path, int]:
    """A 40-member sample branch file, at the code's schema and last opened by this version, and the id of its
    rich meeting."""
    path = folder / "branch.sqlite"
    db = open_database(path, folder / "backups", clock=CLOCK)
    try:
        write_demo(db, members=40, seed=4, today=TODAY, meeting_years=1)
        return path, rich_meeting(Services.build(db))
    finally:
        db.close()


def behind(path: Path, copy: Path) -> Path:
    """A copy of *path* as if an older version had last opened it: opening it writes its version number, so it
    is read the usual way (through open_database)."""
    with closing(sqlite3.connect(path)) as source, closing(sqlite3.connect(copy)) as target:
        source.backup(target)
        target.execute("PRAGMA user_version = 1")
    return copy


def written_by(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
