"""Rules the Party changes are data: each value has the date it takes effect.

The database holds the values (seeded by a migration, editable in the app); this module knows which keys
exist, what kind of value each takes, and how to pick the value in force on a given day.
"""

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class RuleKey:
    """One rule, declared once: its key, the kind of value, its label, and the value a new database starts with
    (*default*, in force from *since*, as *source* says — the note stored with it). The migrations that seed the
    rules must agree with these (tests/storage/test_rule_defaults.py checks it)."""

    key: str
    kind: str  # "int", "int_list", "str_list", "bool", "json"
    label: str  # translatable, context "Rules"
    default: Any
    since: date
    source: str  # the document the default comes from, in Vietnamese as printed in the rules screen


CHARTER = date(2011, 1, 1)  # the Party Charter's rules as the roster schema was written
MEETINGS_2018 = date(2018, 1, 1)  # Hướng dẫn 12-HD/BTCTW (2018) on branch meetings
MEETING_LENGTH_2025 = date(2025, 1, 1)
CCCD_2016 = date(2016, 1, 1)  # the 12-digit ID number's digits, Thông tư 07/2016/TT-BCA

KEYS: dict[str, RuleKey] = {
    k.key: k
    for k in (
        RuleKey(
            "probation.months",
            "int",
            QT_TRANSLATE_NOOP("Rules", "Probation length (months)"),
            12,
            CHARTER,
            "Điều lệ Đảng: thời kỳ dự bị 12 tháng kể từ ngày kết nạp",
        ),
        RuleKey(
            "probation.recognition_working_days",
            "int",
            QT_TRANSLATE_NOOP("Rules", "Working days to consider recognition after probation"),
            30,
            CHARTER,
            "Chi bộ xét công nhận chính thức trong 30 ngày làm việc sau khi hết thời kỳ dự bị",
        ),
        RuleKey(
            "probation.remind_days_before",
            "int",
            QT_TRANSLATE_NOOP("Rules", "Remind this many days before probation ends"),
            30,
            CHARTER,
            "",  # the app's own choice
        ),
        RuleKey(
            "admission.min_age",
            "int",
            QT_TRANSLATE_NOOP("Rules", "Minimum age at admission"),
            18,
            CHARTER,
            "Điều lệ Đảng: đủ 18 tuổi",
        ),
        RuleKey(
            "badge.milestones",
            "int_list",
            QT_TRANSLATE_NOOP("Rules", "Party badge milestones (years)"),
            [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90],
            CHARTER,
            "Huy hiệu Đảng",
        ),
        RuleKey(
            "ethnicity.majority",
            "str_list",
            QT_TRANSLATE_NOOP("Rules", "Ethnic groups not counted as minority"),
            ["Kinh"],
            CHARTER,
            "Dân tộc không tính là dân tộc thiểu số",
        ),
        RuleKey(
            "meeting.quality_bar_percent",
            "int",
            QT_TRANSLATE_NOOP("Rules", "Meeting attendance bar (%)"),
            85,
            MEETINGS_2018,
            "Tỷ lệ đảng viên dự sinh hoạt trên 85% (nhiều nơi đặt 90%)",
        ),
        RuleKey(
            "meeting.removal_unexcused_months",
            "int",
            QT_TRANSLATE_NOOP("Rules", "Months absent without reason in a year that allow a removal proposal"),
            3,
            MEETINGS_2018,
            "Bỏ sinh hoạt không có lý do 3 tháng trong năm: chi bộ xem xét, đề nghị xóa tên",
        ),
        RuleKey(
            "meeting.max_consecutive_absences",
            "int",
            QT_TRANSLATE_NOOP("Rules", "Absences in a row tolerated, even with reason"),
            3,
            MEETINGS_2018,
            "Không vắng quá 3 lần liên tiếp trong năm, kể cả có lý do",
        ),
        RuleKey(
            "meeting.away_counts_as_required",
            "bool",
            QT_TRANSLATE_NOOP("Rules", "Count temporarily away members as required to attend"),
            False,
            MEETINGS_2018,
            "Hướng dẫn 12-HD/BTCTW 2018: số phải dự = số đảng viên trừ miễn sinh hoạt và đi công tác",
        ),
        RuleKey(
            "meeting.min_minutes",
            "int",
            QT_TRANSLATE_NOOP("Rules", "Shortest meeting (minutes)"),
            90,
            MEETING_LENGTH_2025,
            "Sinh hoạt thường kỳ ít nhất 90 phút",
        ),
        RuleKey(
            "meeting.min_minutes_combined",
            "int",
            QT_TRANSLATE_NOOP("Rules", "Shortest combined regular and thematic meeting (minutes)"),
            120,
            MEETING_LENGTH_2025,
            "Thường kỳ kết hợp chuyên đề ít nhất 120 phút",
        ),
        RuleKey(
            "meeting.scoring_enabled",
            "bool",
            QT_TRANSLATE_NOOP("Rules", "Score meetings by the rubric"),
            False,
            MEETINGS_2018,
            "Chấm điểm buổi sinh hoạt (tùy tỉnh)",
        ),
        RuleKey(
            "meeting.rubric",
            "json",
            QT_TRANSLATE_NOOP("Rules", "Meeting scoring rubric"),
            {
                "criteria": [["preparation", 15], ["attendance", 20], ["conduct", 45], ["closing", 20]],
                "bands": [["good", 90], ["fair", 70], ["average", 50], ["weak", 0]],
            },
            MEETINGS_2018,
            "Chuẩn bị 15, tỷ lệ dự 20, tiến hành 45, kết thúc 20; Tốt ≥ 90, Khá 70–<90, TB 50–<70, Yếu < 50",
        ),
        RuleKey(
            "cccd.century_gender",
            "json",
            QT_TRANSLATE_NOOP("Rules", "ID number (CCCD): digit 4 → gender and first year of the century of birth"),
            {str(digit): ["M" if digit % 2 == 0 else "F", 1900 + 100 * (digit // 2)] for digit in range(10)},
            CCCD_2016,
            "Nghị định 137/2015/NĐ-CP Điều 13, Thông tư 07/2016/TT-BCA Điều 7: chữ số thứ 4 là mã thế kỷ sinh và giới "
            "tính (thế kỷ 20: nam 0, nữ 1; thế kỷ 21: nam 2, nữ 3; …), chữ số 5–6 là hai số cuối của năm sinh",
        ),
        RuleKey(
            "document.layout",
            "json",
            QT_TRANSLATE_NOOP("Rules", "Printed documents: margins (mm) and font sizes (pt)"),
            {
                "top_mm": 20,
                "bottom_mm": 20,
                "left_mm": 30,
                "right_mm": 15,
                "body_pt": 14,
                "party_pt": 15,
                "title_pt": 15,
            },
            MEETINGS_2018,
            "Hướng dẫn 36-HD/VPTW: lề trên 20, dưới 20, trái 30, phải 15 mm; chữ 14; tên Đảng 15",
        ),
    )
}


@dataclass(frozen=True)
class RuleValue:
    key: str
    value: Any
    valid_from: date
    note: str = ""


class RuleBook:
    """The rule values of one database; ``get(key, on)`` is the value in force on that day."""

    def __init__(self, values: Iterable[RuleValue]) -> None:
        self._values: dict[str, list[RuleValue]] = {}
        for value in values:
            self._values.setdefault(value.key, []).append(value)
        for history in self._values.values():
            history.sort(key=lambda v: v.valid_from)

    def get(self, key: str, on: date) -> Any:
        history = self._values.get(key, [])
        current = None
        for value in history:
            if value.valid_from <= on:
                current = value
        if current is None:
            if not history:
                raise KeyError(key)
            current = history[0]  # before the first recorded value, the earliest known one applies
        return current.value

    def history(self, key: str) -> list[RuleValue]:
        return list(self._values.get(key, []))

    def keys(self) -> list[str]:
        return sorted(self._values)


def parse_rule_value(kind: str, text: str) -> Any:
    """Read a value typed in the settings screen; ``ValueError`` when it does not fit the kind."""
    text = text.strip()
    if kind == "int":
        return int(text)
    if kind == "int_list":
        return [int(part) for part in text.replace(";", ",").split(",") if part.strip()]
    if kind == "str_list":
        return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]
    if kind == "json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            raise ValueError(text) from error
    if kind == "bool":
        if text.lower() in ("1", "true", "yes", "có", "co"):
            return True
        if text.lower() in ("0", "false", "no", "không", "khong"):
            return False
        raise ValueError(text)
    raise ValueError(kind)


def format_rule_value(kind: str, value: Any) -> str:
    if kind == "json":
        return json.dumps(value, ensure_ascii=False)
    if kind in ("int_list", "str_list"):
        return ", ".join(str(v) for v in value)
    return str(value)
