"""The printed minutes carry what the secretary recorded, in the Party's wording and layout."""

import unicodedata
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

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
from chibo_desktop.domain.members import MemberRecord
from chibo_desktop.reports.fonts import missing_glyphs
from chibo_desktop.reports.minutes import minutes_pdf
from chibo_desktop.services.printing import MINUTES
from chibo_desktop.services.wiring import Services
from tests.helpers.pdf import flat, pdf_text

EVERY_TONE_NAME = "Huỳnh Thị Ngọc Ẩn Ờ Ử Ữ Ự Ỷ Ỹ Ỵ Ắ Ặ Ẫ Ệ Ổ Ợ Đức"
NAMES = ["Phan Thu Mai", "Nguyễn Công Ẩn", "Thạch Sa Ly", "Lê Văn Tám", "Đỗ Thị Ánh", EVERY_TONE_NAME]


@pytest.fixture
def meeting(services: Services) -> int:
    ids = {}
    for name in NAMES:
        record = MemberRecord(
            full_name=name,
            gender="F",
            date_of_birth=date(1970, 1, 1),
            admission_date=date(1995, 5, 19),
            official_date=date(1996, 6, 1),
        )
        ids[name] = services.members.add(record).ids[0]
    lines = services.meetings.draft_lines(date(2024, 2, 5))
    marks = {"Thạch Sa Ly": (Mark.EXCUSED, "Đi khám bệnh"), "Lê Văn Tám": (Mark.UNEXCUSED, "")}
    lines = tuple(
        replace(line, mark=marks[line.name][0], reason=marks[line.name][1]) if line.name in marks else line
        for line in lines
    )
    record = MeetingRecord(
        kind=MeetingKind.REGULAR,
        on=date(2024, 2, 5),
        start="19:30",
        end="21:15",
        place="Nhà văn hóa ấp Sáu",
        number="12-BB/CB",
        chair_id=ids["Phan Thu Mai"],
        secretary_id=ids["Nguyễn Công Ẩn"],
        guests=(Guest("Trần Minh Tâm", "Đảng ủy viên", "Đảng ủy xã Tân Hùng"),),
        agenda=(
            AgendaItem(
                "Kiểm điểm nghị quyết tháng 01",
                "Phan Thu Mai",
                "Báo cáo kết quả thực hiện nhiệm vụ tháng 01.",
                (Opinion(EVERY_TONE_NAME, "Đề nghị sửa cầu dân sinh."),),
                "Chi bộ thống nhất với báo cáo.",
            ),
        ),
        resolutions=(Resolution("Thông qua nghị quyết tháng 02", 3, 1, 0, 4),),
        assignments=(Assignment(ids["Đỗ Thị Ánh"], "Đỗ Thị Ánh", "Thu đảng phí tháng 02", date(2024, 2, 28)),),
    )
    return services.meetings.create(record, lines).ids[0]


def test_the_minutes_say_what_was_recorded(services: Services, meeting: int, tmp_path: Path) -> None:
    services.meetings.approve(meeting)
    out = minutes_pdf(services.printer.data(MINUTES, meeting), tmp_path / "bb.pdf")
    text = flat(pdf_text(out))
    for expected in (
        "ĐẢNG BỘ XÃ TÂN HÙNG",
        "CHI BỘ ẤP SÁU",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Tân Hùng, ngày 05 tháng 02 năm 2024",
        "Số 12-BB/CB",
        "BIÊN BẢN",
        "sinh hoạt chi bộ thường kỳ tháng 2 năm 2024",
        "Thời gian bắt đầu: 19 giờ 30 phút, ngày 05 tháng 02 năm 2024",
        "Khách mời: đồng chí Trần Minh Tâm, Đảng ủy viên, Đảng ủy xã Tân Hùng",
        "Chủ trì: Phan Thu Mai",
        "Thư ký: Nguyễn Công Ẩn",
        "Tổng số đảng viên của chi bộ: 6 đồng chí",
        "Có mặt: 4/6 đồng chí (66,7%)",
        "Vắng có lý do (1 đồng chí): Thạch Sa Ly (Đi khám bệnh)",
        "Vắng không có lý do (1 đồng chí): Lê Văn Tám",
        f"Đồng chí {EVERY_TONE_NAME}: Đề nghị sửa cầu dân sinh.",
        "Kết luận của chủ trì: Chi bộ thống nhất với báo cáo.",
        "tán thành 3/4 đồng chí (75%); không tán thành 1 (25%); không biểu quyết 0 (0%)",
        "Đồng chí Đỗ Thị Ánh: Thu đảng phí tháng 02 (thời hạn: 28/02/2024)",
        "Buổi sinh hoạt kết thúc lúc 21 giờ 15 phút cùng ngày.",
        "Biên bản đã được đọc lại cho chi bộ nghe và được nhất trí thông qua.",
        "THƯ KÝ",
        "CHỦ TRÌ",
    ):
        assert expected in text, expected


def test_long_minutes_flow_over_pages_with_numbers_from_page_two(
    services: Services, meeting: int, tmp_path: Path
) -> None:
    stored = services.meetings.get(meeting)
    long_items = tuple(
        AgendaItem(
            f"Nội dung {n}",
            "Phan Thu Mai",
            "Báo cáo chi tiết tình hình ấp. " * 12,
            tuple(Opinion("Đỗ Thị Ánh", "Thống nhất. " * 6) for _ in range(3)),
            "Thống nhất.",
        )
        for n in range(1, 8)
    )
    services.meetings.update(meeting, replace(stored.record, agenda=long_items), stored.lines)
    out = minutes_pdf(services.printer.data(MINUTES, meeting), tmp_path / "long.pdf")
    pages = PdfReader(out).pages
    assert len(pages) >= 3
    assert not pages[0].extract_text().strip().startswith("1")
    for number, page in enumerate(pages[1:], start=2):
        assert page.extract_text().strip().splitlines()[0].strip() == str(number)
    assert "CHỦ TRÌ" in pages[-1].extract_text()


def long_agenda(services: Services, meeting: int) -> None:
    stored = services.meetings.get(meeting)
    items = tuple(
        AgendaItem(f"Nội dung {n}", "Phan Thu Mai", "Báo cáo chi tiết tình hình ấp. " * 12, (), "Thống nhất.")
        for n in range(1, 8)
    )
    services.meetings.update(meeting, replace(stored.record, agenda=items), stored.lines)


def test_draft_minutes_say_so_on_every_page_and_never_claim_approval(
    services: Services, meeting: int, tmp_path: Path
) -> None:
    long_agenda(services, meeting)
    pages = PdfReader(minutes_pdf(services.printer.data(MINUTES, meeting), tmp_path / "draft.pdf")).pages
    assert len(pages) >= 2
    first = flat(unicodedata.normalize("NFC", pages[0].extract_text()))
    assert first.index("DỰ THẢO") < first.index("BIÊN BẢN sinh hoạt")  # in the heading, before the title
    for page in pages:
        assert "Dự thảo, chưa được chi bộ thông qua" in flat(unicodedata.normalize("NFC", page.extract_text()))
    text = flat(pdf_text(tmp_path / "draft.pdf"))
    assert "được nhất trí thông qua" not in text

    services.meetings.approve(meeting)
    text = flat(pdf_text(minutes_pdf(services.printer.data(MINUTES, meeting), tmp_path / "approved.pdf")))
    assert "dự thảo" not in text.casefold()
    assert "Biên bản đã được đọc lại cho chi bộ nghe và được nhất trí thông qua." in text


def test_speakers_print_once_addressed_and_are_counted(services: Services, meeting: int, tmp_path: Path) -> None:
    stored = services.meetings.get(meeting)
    item = AgendaItem(
        "Phương hướng tháng 3",
        "Đ/c Phan Thu Mai",
        "Dự thảo phương hướng.",
        (Opinion("Đ/c Đỗ Thị Ánh", "Đề nghị làm đường."), Opinion("đồng chí nguyễn công ẩn", "Nhất trí.")),
    )
    services.meetings.update(meeting, replace(stored.record, agenda=(item,)), stored.lines)
    text = flat(pdf_text(minutes_pdf(services.printer.data(MINUTES, meeting), tmp_path / "bb.pdf")))
    assert "Đồng chí Phan Thu Mai trình bày: Dự thảo phương hướng." in text
    assert "- Đồng chí Đỗ Thị Ánh: Đề nghị làm đường." in text
    assert "- Đồng chí Nguyễn Công Ẩn: Nhất trí." in text  # the member's name as listed
    assert "Đ/c" not in text and "đồng chí đồng chí" not in text.casefold()
    assert "Số đảng viên phát biểu ý kiến: 2 đồng chí." in text


def test_minutes_written_before_speakers_were_cleaned_still_print_once_addressed(
    services: Services, meeting: int, tmp_path: Path
) -> None:
    from chibo_desktop.storage import meeting_queries

    stored = services.meetings.get(meeting)
    item = AgendaItem("Kiểm điểm", "Đồng chí Phan Thu Mai", "", (Opinion("Đ/c Lê Thị Mai", "Đồng ý."),))
    record = replace(stored.record, agenda=(item,), guests=(Guest("Đ/c Trần Minh Tâm", "Đảng ủy viên"),))
    with services.db.write() as session:  # as an older version stored it, untouched
        meeting_queries.replace_meeting(session, meeting, record, stored.lines)
    text = flat(pdf_text(minutes_pdf(services.printer.data(MINUTES, meeting), tmp_path / "old.pdf")))
    assert "- Đồng chí Lê Thị Mai: Đồng ý." in text
    assert "Đồng chí Phan Thu Mai trình bày" in text
    assert "Khách mời: đồng chí Trần Minh Tâm, Đảng ủy viên." in text
    assert "Đ/c" not in text


def test_every_character_of_the_minutes_is_in_the_bundled_font(services: Services, meeting: int) -> None:
    data = services.printer.data(MINUTES, meeting)
    text = " ".join(str(value) for value in data.__dict__.values())
    assert missing_glyphs(text) == set()


def test_lines_typed_apart_are_printed_apart(services: Services, meeting: int, tmp_path: Path) -> None:
    """A secretary types the report, an opinion or the conclusion line by line, pressing Enter between them: each
    line starts its own paragraph on paper, as in minutes written by hand, instead of running into the one before."""
    record = services.meetings.get(meeting).record
    item = AgendaItem(
        "Cho vay vốn",
        "Phan Thu Mai",
        "Hộ đồng chí Tám mất mùa.\nĐề nghị cho vay mua giống lúa.",
        (Opinion(EVERY_TONE_NAME, "Đồng ý.\n\nThời hạn vay 12 tháng."),),
        "Chi bộ thống nhất.\r\nGiao đồng chí Ánh theo dõi.",
    )
    services.meetings.update(meeting, replace(record, agenda=(item,)), services.meetings.get(meeting).lines)
    lines = [
        line.strip()
        for line in pdf_text(minutes_pdf(services.printer.data(MINUTES, meeting), tmp_path / "bb.pdf")).splitlines()
    ]
    for expected in (
        "Đồng chí Phan Thu Mai trình bày: Hộ đồng chí Tám mất mùa.",
        "Đề nghị cho vay mua giống lúa.",
        f"- Đồng chí {EVERY_TONE_NAME}: Đồng ý.",
        "Thời hạn vay 12 tháng.",
        "Kết luận của chủ trì: Chi bộ thống nhất.",
        "Giao đồng chí Ánh theo dõi.",
    ):
        assert expected in lines, expected


def _pages(path: Path) -> list[str]:
    return [flat(unicodedata.normalize("NFC", page.extract_text())) for page in PdfReader(path).pages]


def test_the_signatures_never_start_a_page_without_the_text_they_sign(
    services: Services, meeting: int, tmp_path: Path
) -> None:
    """The chair and the secretary sign under the minutes' text: whatever the length, the page they sign on holds
    some of it above the closing lines, never the closing lines and the signatures alone."""
    stored = services.meetings.get(meeting)
    over_two_pages = 0
    for opinions in range(12):
        item = AgendaItem(
            "Kiểm điểm nghị quyết tháng 01",
            "Phan Thu Mai",
            "Báo cáo kết quả thực hiện nhiệm vụ tháng 01.",
            tuple(Opinion("Đỗ Thị Ánh", f"Ý kiến thứ {n + 1}.") for n in range(opinions)),
            "Chi bộ thống nhất với báo cáo.",
        )
        services.meetings.update(meeting, replace(stored.record, agenda=(item,)), stored.lines)
        pages = _pages(minutes_pdf(services.printer.data(MINUTES, meeting), tmp_path / f"bb{opinions}.pdf"))
        if len(pages) == 1:
            continue
        over_two_pages += 1
        signed_on = pages[-1]
        assert signed_on.index("Buổi sinh hoạt kết thúc") < signed_on.index("THƯ KÝ")
        above = signed_on[: signed_on.index("Buổi sinh hoạt kết thúc")].removeprefix(str(len(pages))).strip()
        assert above, f"{opinions} opinions: page {len(pages)} starts with the signatures: {signed_on[:120]}"
    assert over_two_pages  # some length did put the end of the minutes on page 2


def test_a_long_last_paragraph_is_split_with_the_signatures_not_moved_whole(
    services: Services, meeting: int, tmp_path: Path
) -> None:
    """A long last paragraph starts on the page where the text stands and only its end goes over with the
    signatures: page 1 is not left half empty."""
    stored = services.meetings.get(meeting)
    task = " ".join(f"việc{n}" for n in range(150))
    item = AgendaItem("Kiểm điểm", "Phan Thu Mai", "Báo cáo.", (Opinion("Đỗ Thị Ánh", "Đồng ý."),), "Thống nhất.")
    assigned = replace(stored.record.assignments[0], task=task)
    services.meetings.update(meeting, replace(stored.record, agenda=(item,), assignments=(assigned,)), stored.lines)
    pages = _pages(minutes_pdf(services.printer.data(MINUTES, meeting), tmp_path / "bb.pdf"))
    assert len(pages) == 2
    assert "- Đồng chí Đỗ Thị Ánh: việc0 việc1" in pages[0]
    assert "việc149 (thời hạn: 28/02/2024)." in pages[1]
    assert pages[1].index("việc149") < pages[1].index("Buổi sinh hoạt kết thúc") < pages[1].index("THƯ KÝ")
