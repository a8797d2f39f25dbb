"""The blank form, the register, the minutes book and the addendum page, read back as text."""

import unicodedata
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from chibo_desktop.domain.meetings import Mark
from chibo_desktop.domain.members import EventKind, MemberRecord, StatusEvent
from chibo_desktop.reports.blank_form import blank_form_pdf
from chibo_desktop.reports.book import BookCancelledError, book_pdf
from chibo_desktop.reports.minutes import addendum_pdf
from chibo_desktop.reports.register_pdf import register_pdf
from chibo_desktop.services.printing import BLANK_MINUTES, MEMBERS, MINUTES, MINUTES_BOOK, REGISTER
from chibo_desktop.services.wiring import Services
from tests.helpers.pdf import flat, pdf_text

NAMES = ["Phan Thu Mai", "Nguyễn Công Ẩn", "Thạch Sa Ly", "Lê Văn Tám", "Đỗ Thị Ánh"]


@pytest.fixture
def year(services: Services) -> Services:
    ids = {}
    for name in NAMES:
        record = MemberRecord(
            full_name=name,
            gender="M",
            date_of_birth=date(1960, 1, 1),
            admission_date=date(1990, 5, 19),
            official_date=date(1991, 6, 1),
        )
        ids[name] = services.members.add(record).ids[0]
    services.members.add_event(ids["Lê Văn Tám"], StatusEvent(EventKind.EXEMPTED, date(2025, 1, 2), note="Tuổi cao"))
    services.meetings.add_topic(2025, 2, "Chuyển đổi số trong sinh hoạt chi bộ")
    from chibo_desktop.domain.meetings import MeetingRecord

    for month in (1, 2, 3):
        lines = services.meetings.draft_lines(date(2025, month, 10))
        lines = tuple(replace(line, mark=Mark.UNEXCUSED) if line.name == "Thạch Sa Ly" else line for line in lines)
        services.meetings.create(MeetingRecord(on=date(2025, month, 10), start="19:30", end="21:15"), lines)
    return services


def test_blank_form_lists_the_required_with_boxes(year: Services, tmp_path: Path) -> None:
    out = blank_form_pdf(year.printer.data(BLANK_MINUTES, date(2025, 5, 8)), tmp_path / "form.pdf")
    text = flat(pdf_text(out))
    assert "Tân Hùng, ngày 08 tháng 5 năm 2025" in text
    assert "DANH SÁCH ĐẢNG VIÊN PHẢI DỰ (4 đồng chí)" in text
    for name in ("Phan Thu Mai", "Nguyễn Công Ẩn", "Thạch Sa Ly", "Đỗ Thị Ánh"):
        assert name in text
    assert "Không phải dự: Lê Văn Tám (miễn sinh hoạt)" in text
    assert "Sinh hoạt chuyên đề: “Chuyển đổi số trong sinh hoạt chi bộ”" in text
    assert "Đi muộn" in text  # a box to tick for those who come late, beside present and the absences
    assert text.count("□") == 16 and "THƯ KÝ" in text and "CHỦ TRÌ" in text


def test_register_prints_the_grid_the_ratios_and_the_warnings(year: Services, tmp_path: Path) -> None:
    out = register_pdf(year.printer.data(REGISTER, 2025), tmp_path / "register.pdf")
    text = flat(pdf_text(out))
    assert "SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025" in text
    assert "Thạch Sa Ly K K K 0/3 0,0%" in text
    assert "Lê Văn Tám m m m 0/0" in text
    assert "Chi bộ 9/12 9/12" not in text  # each month has its own column
    assert "3/4 3/4 3/4" in text and "9/12 75,0%" in text
    assert (
        "Thạch Sa Ly: vắng không lý do 3 tháng trong năm — chi bộ xem xét đề nghị xóa tên (cấp trên quyết định)."
        in text
    )


def test_the_book_has_a_cover_contents_and_every_meeting(year: Services, tmp_path: Path) -> None:
    steps: list[int] = []
    out = book_pdf(year.printer.data(MINUTES_BOOK, 2025), tmp_path / "book.pdf", lambda n: steps.append(n) or True)
    pages = [unicodedata.normalize("NFC", p.extract_text()) for p in PdfReader(out).pages]
    assert "SỔ BIÊN BẢN" in pages[0] and "Năm 2025" in pages[0]
    assert "MỤC LỤC" in pages[1]
    contents = flat(pages[1])
    for month in (1, 2, 3):
        assert f"Sinh hoạt chi bộ thường kỳ tháng {month} năm 2025 (10/0{month}/2025)" in contents
    assert sum("BIÊN BẢN" in page and "sinh hoạt chi bộ thường kỳ" in page for page in pages[2:]) == 3
    listed_pages = [
        int(line) for line in pages[1].splitlines() if line.strip().isdigit()
    ]  # lines of a page number alone
    assert listed_pages[1:] == [3, 4, 5]  # the first number is the contents page's own
    for page_number, month in zip(listed_pages[1:], (1, 2, 3), strict=True):
        assert f"ngày 10 tháng 0{month} năm 2025" in pages[page_number - 1].replace("tháng 3", "tháng 03")
    assert max(steps) == 3


def test_in_the_book_only_the_pages_of_draft_minutes_say_draft(year: Services, tmp_path: Path) -> None:
    february = next(item.id for item in year.meetings.list_meetings(2025) if item.on.month == 2)
    year.meetings.approve(february)
    out = book_pdf(year.printer.data(MINUTES_BOOK, 2025), tmp_path / "book.pdf")
    pages = [flat(unicodedata.normalize("NFC", p.extract_text())) for p in PdfReader(out).pages]
    drafts = [n for n, page in enumerate(pages, start=1) if "Dự thảo, chưa được chi bộ thông qua" in page]
    assert drafts == [3, 5]  # January's and March's minutes; the cover, contents and approved February are clean
    assert "nhất trí thông qua" in pages[3] and "nhất trí thông qua" not in pages[2] + pages[4]


def test_cancelling_the_book_leaves_no_file(year: Services, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    with pytest.raises(BookCancelledError):
        book_pdf(year.printer.data(MINUTES_BOOK, 2025), folder / "book.pdf", lambda n: n < 2)
    assert list(folder.iterdir()) == []


def test_addendum_page(year: Services, tmp_path: Path) -> None:
    meeting_id = year.meetings.list_meetings(2025)[0].id
    year.meetings.approve(meeting_id)
    year.meetings.add_addendum(meeting_id, "Ghi nhầm giờ kết thúc", "Buổi sinh hoạt kết thúc lúc 21 giờ 30 phút.")
    out = addendum_pdf(year.printer.data(MINUTES, meeting_id), tmp_path / "addendum.pdf")
    text = flat(pdf_text(out))
    assert "PHỤ LỤC ĐÍNH CHÍNH" in text
    assert "Lý do: Ghi nhầm giờ kết thúc" in text and "21 giờ 30 phút" in text


def test_every_character_of_every_document_is_in_the_bundled_font(year: Services, tmp_path: Path) -> None:
    from chibo_desktop.reports.fonts import missing_glyphs
    from chibo_desktop.reports.member_list import member_list_pdf

    meeting_id = year.meetings.list_meetings(2025)[0].id
    year.meetings.approve(meeting_id)
    year.meetings.add_addendum(meeting_id, "Đính chính", "Ờ Ử Ữ Ự Ỷ Ỹ Ỵ")
    documents = [
        blank_form_pdf(year.printer.data(BLANK_MINUTES, date(2025, 5, 8)), tmp_path / "a.pdf"),
        register_pdf(year.printer.data(REGISTER, 2025), tmp_path / "b.pdf"),
        book_pdf(year.printer.data(MINUTES_BOOK, 2025), tmp_path / "c.pdf"),
        addendum_pdf(year.printer.data(MINUTES, meeting_id), tmp_path / "d.pdf"),
        member_list_pdf(year.printer.data(MEMBERS, year.today()), tmp_path / "e.pdf"),
    ]
    for document in documents:
        assert missing_glyphs(pdf_text(document)) == set(), document.name


def test_margins_and_sizes_are_a_dated_setting(year: Services, tmp_path: Path) -> None:
    from chibo_desktop.reports.minutes import minutes_pdf
    from chibo_desktop.services.documents import document_style

    meeting_id = year.meetings.list_meetings(2025)[0].id
    default = document_style(year.rules, year.today())
    assert (default.top_mm, default.left_mm, default.right_mm, default.body_pt) == (20, 30, 15, 14)
    normal = len(PdfReader(minutes_pdf(year.printer.data(MINUTES, meeting_id), tmp_path / "n.pdf", default)).pages)
    year.rules.set_value("document.layout", '{"left_mm": 45, "right_mm": 30, "body_pt": 20}', date(2026, 1, 1))
    bigger = document_style(year.rules, year.today())
    assert (bigger.left_mm, bigger.body_pt, bigger.top_mm) == (45, 20, 20)  # unset values keep the defaults
    assert (
        len(PdfReader(minutes_pdf(year.printer.data(MINUTES, meeting_id), tmp_path / "b.pdf", bigger)).pages) > normal
    )
    assert document_style(year.rules, date(2025, 6, 1)).left_mm == 30  # the old layout still applies to earlier dates
