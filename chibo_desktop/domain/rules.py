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
    kind: str  # "int", "int_list", "str_list", "bool", "json", "month" (an int YYYYMM, typed and shown as mm/yyyy)
    label: str  # translatable, context "Rules"
    default: Any
    since: date
    source: str  # the document the default comes from, in Vietnamese as printed in the rules screen
    then: tuple[tuple[date, Any, str], ...] = ()  # (from, value, source) already decided for later dates


CHARTER = date(2011, 1, 1)  # the Party Charter's rules as the roster schema was written
MEETINGS_2018 = date(2018, 1, 1)  # Hướng dẫn 12-HD/BTCTW (2018) on branch meetings
MEETING_LENGTH_2025 = date(2025, 1, 1)
CCCD_2016 = date(2016, 1, 1)  # the 12-digit ID number's digits, Thông tư 07/2016/TT-BCA
DUES_2026 = date(2026, 2, 1)  # Quy định 01-QĐ/TW on Party dues takes effect
WAGES_2026 = date(2026, 1, 1)  # the regional minimum wages of 2026
REVIEW_2025 = date(2025, 1, 1)  # the yearly review of 2025 onward (Quy định 366-QĐ/TW)
REVIEW_BANDS_SOURCE = (
    "Quy định 366-QĐ/TW (2025) và Hướng dẫn 43-HD/BTCTW: thang 100 điểm; Hoàn thành xuất sắc nhiệm vụ từ 90 điểm, "
    "Hoàn thành tốt 70 đến dưới 90, Hoàn thành 50 đến dưới 70, Không hoàn thành dưới 50 — ngày hiệu lực cần đối chiếu"
)
REVIEW_CAP_SOURCE = (
    "Số đảng viên Hoàn thành xuất sắc nhiệm vụ không vượt quá 20% số được xếp loại Hoàn thành tốt nhiệm vụ (quy định "
    "trước năm 2025; chưa xác nhận còn áp dụng theo Quy định 366-QĐ/TW) — sửa theo hướng dẫn của cấp ủy cấp trên"
)
REVIEW_NOT_RATED_SOURCE = (
    "Không xếp loại: đảng viên được miễn công tác và sinh hoạt đảng, đang bị đình chỉ sinh hoạt, kết nạp chưa đủ 6 "
    "tháng (quy định năm 2023; chưa xác nhận còn áp dụng); đảng viên sinh hoạt tạm thời do chi bộ nơi sinh hoạt "
    "chính thức xếp loại"
)
ADMISSION_STEPS_SOURCE = (
    "Lễ kết nạp trong 30 ngày làm việc kể từ ngày nhận quyết định (Hướng dẫn thi hành Điều lệ Đảng, cần đối chiếu), "
    "tính là 42 ngày; các mốc khác (số ngày sau bước trước) là lịch nhắc việc chi bộ tự đặt"
)
QD01 = "Quy định 01-QĐ/TW ngày 03/02/2026, hiệu lực 01/02/2026 (theo baophutho.vn 08/02/2026, thuvienphapluat.vn)"
QD01_OTHER = (
    "đảng viên không tham gia BHXH bắt buộc: 0,3% lương tối thiểu vùng năm 2026–2027, 0,5% từ 2028; đến tuổi nghỉ "
    "hưu: 0,2% rồi 0,3% — theo một trang tin pháp luật dẫn Điều 3 khoản 2.2, chưa đối chiếu văn bản gốc"
)
DUES_RATES_2026 = {
    "salary": {"rate": 100},
    "pension": {"rate": 50},
    "student": {"amount": 5000},
    "other": {"rate": 30, "of": "minimum_wage"},
    "other_retired": {"rate": 20, "of": "minimum_wage"},
}
DUES_RATES_2028 = {
    **DUES_RATES_2026,
    "other": {"rate": 50, "of": "minimum_wage"},
    "other_retired": {"rate": 30, "of": "minimum_wage"},
}

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
        RuleKey(
            "dues.rates",
            "json",
            QT_TRANSLATE_NOOP(
                "Rules",
                "Dues rates by category: rate in hundredths of a percent (100 = 1 %) of the member's salary or "
                "pension, or of the regional minimum wage; or a fixed amount in đồng",
            ),
            DUES_RATES_2026,
            DUES_2026,
            f"{QD01}: BHXH bắt buộc 1% tiền lương đóng BHXH tháng trước (nghỉ ốm, thai sản: 1% trợ cấp); lương hưu "
            f"0,5%; học sinh, sinh viên 5.000 đ/tháng; {QD01_OTHER}",
            ((date(2028, 1, 1), DUES_RATES_2028, f"Bước năm 2028 của {QD01_OTHER}"),),
        ),
        RuleKey(
            "dues.minimum_wage",
            "json",
            QT_TRANSLATE_NOOP("Rules", "Regional minimum wages, đồng a month (regions I–IV)"),
            {"I": 5_310_000, "II": 4_730_000, "III": 4_140_000, "IV": 3_700_000},
            WAGES_2026,
            "Lương tối thiểu vùng từ 01/01/2026 theo báo chí (Nghị định 293/2025/NĐ-CP — số hiệu cần đối chiếu)",
        ),
        RuleKey(
            "dues.region",
            "int",
            QT_TRANSLATE_NOOP("Rules", "Minimum-wage region of the branch's area (1 = I … 4 = IV)"),
            4,
            WAGES_2026,
            "Vùng của địa bàn chi bộ (phụ lục nghị định lương tối thiểu); mặc định vùng IV — sửa cho đúng địa bàn",
        ),
        RuleKey(
            "dues.rounding",
            "json",
            QT_TRANSLATE_NOOP("Rules", "Rounding of dues: step in đồng and mode (nearest, up, down)"),
            {"step": 100, "mode": "nearest"},
            DUES_2026,
            "Chưa tìm thấy quy định làm tròn; mặc định làm tròn đến hàng trăm đồng (từ 50 đồng làm tròn lên)",
        ),
        RuleKey(
            "dues.exempt_party_years",
            "int",
            QT_TRANSLATE_NOOP("Rules", "Years of Party age from which a member pays no dues"),
            50,
            DUES_2026,
            f"{QD01}: miễn đóng khi có từ đủ 50 năm tuổi Đảng (theo khoaduoc.pnt.edu.vn)",
        ),
        RuleKey(
            "dues.retirement_age",
            "json",
            QT_TRANSLATE_NOOP(
                "Rules", "Retirement age in months by the year it is reached (men M, women F), for the dues rates"
            ),
            {
                "M": {"year": 2021, "months": 723, "step": 3, "until": 744},
                "F": {"year": 2021, "months": 664, "step": 4, "until": 720},
            },
            date(2021, 1, 1),
            "Bộ luật Lao động 2019, Điều 169: nam 60 tuổi 3 tháng năm 2021, mỗi năm thêm 3 tháng đến 62 tuổi; nữ 55 "
            "tuổi 4 tháng, mỗi năm thêm 4 tháng đến 60 tuổi (tính theo tháng)",
        ),
        RuleKey(
            "dues.reduction_percents",
            "int_list",
            QT_TRANSLATE_NOOP("Rules", "Dues reductions a decision may grant (%)"),
            [30, 50, 70],
            DUES_2026,
            f"{QD01}: giảm 30%, 50% hoặc 70% (theo khoaduoc.pnt.edu.vn)",
        ),
        RuleKey(
            "dues.decision_max_months",
            "int",
            QT_TRANSLATE_NOOP("Rules", "Longest dues exemption or reduction by one decision (months)"),
            12,
            DUES_2026,
            f"{QD01}: mỗi lần xem xét miễn, giảm tối đa 12 tháng (theo khoaduoc.pnt.edu.vn)",
        ),
        RuleKey(
            "dues.removal_unpaid_months",
            "int",
            QT_TRANSLATE_NOOP("Rules", "Months without dues in a year, without reason, that allow a removal proposal"),
            3,
            DUES_2026,
            f"{QD01}: không đóng đảng phí ba tháng trong năm mà không có lý do chính đáng thì chi bộ xem xét, đề nghị "
            "cấp có thẩm quyền xóa tên (theo thuvienphapluat.vn)",
        ),
        RuleKey(
            "dues.branch_share_percent",
            "int",
            QT_TRANSLATE_NOOP("Rules", "Share of the dues collected that the branch keeps (%); the rest is paid up"),
            30,
            DUES_2026,
            "Chưa tìm thấy tỷ lệ theo QĐ 01-QĐ/TW. 30% là mức chi bộ trực thuộc đảng ủy cơ sở thường được trích giữ "
            "lại theo QĐ 342-QĐ/TW (2010) — chưa đối chiếu; sửa theo hướng dẫn của cấp ủy cấp trên",
        ),
        RuleKey(
            "review.bands",
            "json",
            QT_TRANSLATE_NOOP("Rules", "Yearly review: the lowest points of each level (out of 100)"),
            {"excellent": 90, "good": 70, "completed": 50},
            REVIEW_2025,
            REVIEW_BANDS_SOURCE,
        ),
        RuleKey(
            "review.excellent_cap_percent",
            "int",
            QT_TRANSLATE_NOOP("Rules", "Yearly review: “excellent” at most this share of “good” (%)"),
            20,
            REVIEW_2025,
            REVIEW_CAP_SOURCE,
        ),
        RuleKey(
            "review.not_rated",
            "json",
            QT_TRANSLATE_NOOP(
                "Rules", "Yearly review: not rated when exempted, suspended, or admitted less than N months before"
            ),
            {"exempted": True, "suspended": True, "admitted_months": 6},
            REVIEW_2025,
            REVIEW_NOT_RATED_SOURCE,
        ),
        RuleKey(
            "admission.step_days",
            "json",
            QT_TRANSLATE_NOOP("Rules", "Admissions: days each step may wait after the one before, before a reminder"),
            {"class": 365, "vouched": 180, "verified": 120, "branch_vote": 60, "decision": 60, "ceremony": 42},
            CHARTER,
            ADMISSION_STEPS_SOURCE,
        ),
        RuleKey(
            "dues.book_start",
            "month",
            QT_TRANSLATE_NOOP("Rules", "First month of the dues book kept in the app (earlier months were on paper)"),
            202602,
            date(2000, 1, 1),
            "Tháng đầu tiên chi bộ ghi sổ đảng phí trong chương trình (trước đó ghi sổ giấy)",
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


def fits(key: str, value: Any) -> bool:
    """Whether a stored *value* has the kind its key declares (a json rule: the declared default's type at least).
    A key this version does not declare is kept as it is: nothing here reads it."""
    declared = KEYS.get(key)
    if declared is None:
        return True

    def whole(v: Any) -> bool:
        return isinstance(v, int) and not isinstance(v, bool)

    if declared.kind in ("int", "month"):
        return whole(value)
    if declared.kind == "int_list":
        return isinstance(value, list) and all(whole(v) for v in value)
    if declared.kind == "str_list":
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if declared.kind == "bool":
        return isinstance(value, bool)
    return isinstance(value, type(declared.default))


def parse_rule_value(kind: str, text: str) -> Any:
    """Read a value typed in the settings screen; ``ValueError`` when it does not fit the kind."""
    text = text.strip()
    if kind == "int":
        return int(text)
    if kind == "int_list":
        return [int(part) for part in text.replace(";", ",").split(",") if part.strip()]
    if kind == "str_list":
        return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]
    if kind == "month":
        return month_number(text)
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


def month_number(text: str) -> int:
    """A month typed as mm/yyyy (11/2026, 11-2026) or YYYYMM (202611), as the int YYYYMM a month rule keeps;
    ``ValueError`` otherwise."""
    cleaned = text.strip().replace("-", "/").replace(".", "/").replace(" ", "")
    if cleaned.isdigit() and len(cleaned) == 6:
        year, month = int(cleaned[:4]), int(cleaned[4:])
    else:
        parts = cleaned.split("/")
        if len(parts) != 2 or not all(p.isdigit() for p in parts):
            raise ValueError(text)
        month, year = (int(parts[1]), int(parts[0])) if len(parts[0]) == 4 else (int(parts[0]), int(parts[1]))
    if not 1 <= month <= 12 or not 1900 <= year <= 2999:
        raise ValueError(text)
    return year * 100 + month


def format_rule_value(kind: str, value: Any) -> str:
    """The value as it is typed in the settings screen (what ``parse_rule_value`` reads back)."""
    if kind == "month" and isinstance(value, int) and not isinstance(value, bool):
        return f"{value % 100:02d}/{value // 100}"
    if kind == "json":
        return json.dumps(value, ensure_ascii=False)
    if kind in ("int_list", "str_list"):
        return ", ".join(str(v) for v in value)
    return str(value)
