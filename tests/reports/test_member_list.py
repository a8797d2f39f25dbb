import unicodedata
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from chibo_desktop.domain.members import MemberRecord
from chibo_desktop.reports.fonts import missing_glyphs
from chibo_desktop.reports.member_list import HEADINGS, member_list_pdf
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services.printing import MEMBERS
from chibo_desktop.services.wiring import Services
from tests.helpers.days import TODAY

EVERY_TONE = "Ắ Ằ Ẳ Ẵ Ặ ắ ằ ẳ ẵ ặ Ấ Ầ Ẩ Ẫ Ậ ấ ầ ẩ ẫ ậ Ế Ề Ể Ễ Ệ ế ề ể ễ ệ Ố Ồ Ổ Ỗ Ộ ố ồ ổ ỗ ộ Ớ Ờ Ở Ỡ Ợ ớ ờ ở ỡ ợ Ứ Ừ Ử Ữ Ự ứ ừ ử ữ ự Ỳ Ý Ỷ Ỹ Ỵ ỳ ý ỷ ỹ ỵ Đ đ ơ ư"


def text_of(path: Path) -> str:
    return unicodedata.normalize("NFC", "\n".join(page.extract_text() for page in PdfReader(path).pages))


def test_the_list_carries_header_title_and_every_member(services: Services, tmp_path: Path) -> None:
    write_demo(services.db, members=40, seed=5, today=TODAY)
    services.members.add(
        MemberRecord(
            full_name="Huỳnh Thị Ngọc Ẩn", gender="F", date_of_birth=date(1975, 2, 5), admission_date=date(2000, 2, 3)
        )
    )
    data = services.printer.data(MEMBERS, services.today())
    out = member_list_pdf(data, tmp_path / "ds.pdf")
    text = text_of(out)
    for line in (
        "ĐẢNG BỘ XÃ TÂN HÙNG",
        "CHI BỘ ẤP SÁU",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "DANH SÁCH ĐẢNG VIÊN",
        "Tân Hùng, ngày 22 tháng 11 năm 2026",
        "Huỳnh Thị Ngọc Ẩn",
        "05/02/1975",
    ):
        assert line in text, line
    for row in data.rows:
        assert row.full_name in text
    assert len(PdfReader(out).pages) >= 2
    assert "2" in PdfReader(out).pages[1].extract_text().splitlines()[0]  # page number from page 2


def test_the_bundled_font_covers_every_vietnamese_letter_and_the_headings() -> None:
    assert missing_glyphs(EVERY_TONE) == set()
    assert missing_glyphs("".join(h for h, _w in HEADINGS) + "ĐẢNG CỘNG SẢN VIỆT NAM*") == set()
    assert missing_glyphs("ⅧⅨ") != set()  # the check does notice a missing glyph
