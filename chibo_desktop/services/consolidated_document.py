"""The upper level's consolidated report as plain data, from the committee's stats: one row per branch and the
total, then the review per branch.

Nothing here imports the ORM: the printing table (``services/printing.CONSOLIDATED``) builds the report from the
stats the services read, and `chibo report` on a file read with ``sqlite3`` alone (``services/committee_figures``)
from the same figures, with the same function, so both print the same document.
"""

from datetime import date
from typing import Any, cast

from chibo_desktop.domain.dates import Period, screen_date
from chibo_desktop.domain.documents import ColumnGroup, ConsolidatedData, DocumentHeader, TablePart
from chibo_desktop.domain.formatting import number, percent
from chibo_desktop.domain.organisation import Organisation

CONSOLIDATED_HEADINGS = (
    "Chi bộ", "Đảng viên", "Chính thức", "Dự bị", "Nữ", "Dân tộc thiểu số", "Kết nạp mới", "Buổi sinh hoạt",
    "Bình quân tỷ lệ các buổi", "Tỷ lệ dự theo lượt đảng viên", "Buổi dưới ngưỡng",
    "Lượt cấp trên dự", "Đảng viên được phân công", "Cảnh báo vắng", "Lượt vay", "Đảng viên được vay",
    "Số tiền vay", "Dư nợ", "Nợ quá hạn", "PAR30", "Tỷ lệ thu đảng phí", "Đảng phí đã nộp cấp trên", "Gói gần nhất",
)  # fmt: skip
CONSOLIDATED_MONEY = (16, 17, 18, 21)  # the columns of amounts in đồng: lent, outstanding, overdue, dues paid up


def _group(heading: str, *columns: tuple[str, str]) -> ColumnGroup:
    """The columns named (heading in CONSOLIDATED_HEADINGS, label printed under *heading*) as one group."""
    return ColumnGroup(
        heading,
        tuple(CONSOLIDATED_HEADINGS.index(name) for name, _label in columns),
        tuple(label for _name, label in columns),
    )


CONSOLIDATED_PARTS = (
    TablePart(
        "Đảng viên và sinh hoạt chi bộ",
        (
            _group(
                "Đảng viên",
                ("Đảng viên", "Tổng số"), ("Chính thức", "Chính thức"), ("Dự bị", "Dự bị"), ("Nữ", "Nữ"),
                ("Dân tộc thiểu số", "Dân tộc thiểu số"), ("Kết nạp mới", "Kết nạp mới"),
            ),
            _group(
                "Sinh hoạt chi bộ",
                ("Buổi sinh hoạt", "Số buổi"), ("Bình quân tỷ lệ các buổi", "Bình quân tỷ lệ các buổi"),
                ("Tỷ lệ dự theo lượt đảng viên", "Tỷ lệ dự theo lượt đảng viên"),
                ("Buổi dưới ngưỡng", "Buổi dưới ngưỡng"), ("Lượt cấp trên dự", "Lượt cấp trên dự"),
                ("Đảng viên được phân công", "Đảng viên được phân công"), ("Cảnh báo vắng", "Cảnh báo vắng"),
            ),
        ),
    ),
    TablePart(
        "Quỹ hỗ trợ đảng viên, đảng phí và dữ liệu gửi lên",
        (
            _group(
                "Cho vay từ quỹ hỗ trợ đảng viên",
                ("Lượt vay", "Lượt vay"), ("Đảng viên được vay", "Đảng viên được vay"),
                ("Số tiền vay", "Số tiền vay (đồng)"), ("Dư nợ", "Dư nợ (đồng)"), ("Nợ quá hạn", "Nợ quá hạn (đồng)"),
                ("PAR30", "PAR30"),
            ),
            _group("Đảng phí", ("Tỷ lệ thu đảng phí", "Tỷ lệ thu"), ("Đảng phí đã nộp cấp trên", "Đã nộp cấp trên (đồng)")),
            _group("", ("Gói gần nhất", "Gói dữ liệu gần nhất")),
        ),
    ),
)  # fmt: skip


def _share(present: int, required: int) -> str:
    return percent(present, required) if required else "–"


def _row_of(name: str, figures: dict[str, Any], last: str, total: bool = False) -> tuple[str, ...]:
    """A branch's row, or (*total*) the upper level's: its attendance is the member share of all its branches,
    the mean of every branch's meetings would weigh a 40-member meeting as much as a 290-member one."""
    members, meetings, loans, dues = figures["members"], figures["meetings"], figures["loans"], figures["dues"]
    ratio = None if total else meetings["attendance_ratio"]
    par30 = loans["par30"]
    collection, paid_up = dues["collection_ratio"], dues["paid_to_upper"]
    return (
        name,
        str(members["total"]), str(members["official"]), str(members["probationary"]), str(members["women"]),
        str(members["ethnic_minority"]), str(members["admitted_in_period"]), str(meetings["held"]),
        "–" if ratio is None else percent(round(ratio * 1000), 1000),
        _share(meetings["present"], meetings["required"]), str(meetings["below_threshold"]),
        str(meetings["guest_attendances"]), str(meetings["assigned_members"]), str(len(figures["flags"])),
        str(loans["loans_disbursed"]), str(loans["members_helped"]), number(loans["amount_disbursed"]),
        number(loans["outstanding"]), number(loans["overdue_amount"]),
        "–" if par30 is None else percent(round(par30 * 1000), 1000),
        "–" if collection is None else percent(round(collection * 1000), 1000),
        "–" if paid_up is None else number(paid_up), last,
    )  # fmt: skip


REVIEW_HEADINGS = (
    "Chi bộ", "Thuộc diện xếp loại", "Không xếp loại", "Chưa có kết quả", "Hoàn thành xuất sắc", "Hoàn thành tốt",
    "Hoàn thành", "Không hoàn thành", "Xếp loại chi bộ", "Khen thưởng", "Kỷ luật",
)  # fmt: skip
BRANCH_LEVEL = {
    "excellent": "Hoàn thành xuất sắc",
    "good": "Hoàn thành tốt",
    "completed": "Hoàn thành",
    "not_completed": "Không hoàn thành",
}


def _review_row(name: str, review: dict[str, Any]) -> tuple[str, ...]:
    """A branch's review figures: each level's count with its share of the members rated."""
    rated = review["rated"]

    def level(key: str) -> str:
        count = review["by_level"][key]
        return f"{count} ({percent(count, rated)})" if rated else str(count)

    return (
        name,
        str(review["to_review"]),
        str(review["not_rated"]),
        str(review["undecided"]),
        *(level(key) for key in ("excellent", "good", "completed", "not_completed")),
        BRANCH_LEVEL.get(review["branch_level"] or "", ""),
        str(review["commendations"]),
        str(review["disciplines"]),
    )


def consolidated_of(figures: dict[str, object], upper: Organisation, period: Period, today: date) -> ConsolidatedData:
    """The report of *period* from the committee's stats (``chibo stats``'s figures, with ``branches``) and its own
    unit *upper* (the header)."""
    stats = cast(dict[str, Any], figures)
    branches = cast(list[dict[str, Any]], stats.get("branches") or [])
    rows = tuple(
        _row_of(
            b["name"],
            b,
            f"số {b['last_package']}, {screen_date(date.fromisoformat(b['last_received']))}"
            if b["last_received"]
            else "",
        )
        for b in branches
    )
    total = _row_of("Toàn đảng bộ", stats, "", total=True)
    not_sent = tuple(b["name"] for b in branches if not b["sent_in_period"])
    below = tuple(b["name"] for b in branches if b["meetings"]["below_threshold"])
    on = min(period.end, today)
    return ConsolidatedData(
        header=DocumentHeader(upper.upper_name, upper.branch_name, upper.place_name, on),
        title="BÁO CÁO TỔNG HỢP CÁC CHI BỘ",
        period_line=f"Từ ngày {screen_date(period.start)} đến ngày {screen_date(period.end)}",
        headings=CONSOLIDATED_HEADINGS,
        rows=rows,
        total=total,
        not_sent=not_sent,
        below_bar=below,
        money_columns=CONSOLIDATED_MONEY,
        parts=CONSOLIDATED_PARTS,
        conflicts_waiting=int(stats.get("conflicts_waiting", 0)),
        period_end=screen_date(period.end),
        review_title=f"Kết quả đánh giá, xếp loại đảng viên năm {period.end.year}",
        review_headings=REVIEW_HEADINGS,
        review_rows=(
            *(_review_row(b["name"], b["review"]) for b in branches),
            _review_row("Toàn đảng bộ", {**stats["review"], "branch_level": None}),
        ),
    )
