"""The signatures never stand alone on a page: whatever the length of what comes before, the last page also
carries the closing lines they sign under."""

import unicodedata
from dataclasses import replace
from pathlib import Path

from pypdf import PdfReader

from chibo_desktop.reports.blank_form import blank_form_pdf
from chibo_desktop.reports.minutes import minutes_pdf
from chibo_desktop.services.printing import BLANK_MINUTES, MINUTES
from chibo_desktop.services.wiring import Services
from tests.reports.test_minutes import meeting  # noqa: F401 (the fixture)


def last_page(path: Path) -> str:
    return " ".join(unicodedata.normalize("NFC", PdfReader(path).pages[-1].extract_text()).split())


def test_the_minutes_sign_under_their_closing_lines_whatever_their_length(
    services: Services,
    meeting: int,  # noqa: F811
    tmp_path: Path,
) -> None:
    services.meetings.approve(meeting)
    data = services.printer.data(MINUTES, meeting)
    item = data.items[0]
    alone = []
    for n in range(0, 44):  # one more opinion at a time moves the end down by about a line, over a whole page
        opinions = tuple((f"Người thứ {k}", "Nhất trí với báo cáo của chi ủy.") for k in range(n))
        longer = replace(data, items=(replace(item, opinions=opinions),))
        page = last_page(minutes_pdf(longer, tmp_path / f"bb-{n}.pdf"))
        assert "THƯ KÝ" in page and "CHỦ TRÌ" in page
        if "nhất trí thông qua" not in page or "kết thúc lúc" not in page:
            alone.append(n)
    assert alone == []


def test_the_blank_form_ends_with_lines_to_write_on_above_the_signatures(services: Services, tmp_path: Path) -> None:
    data = services.printer.data(BLANK_MINUTES, services.today())
    alone = []
    for n in range(0, 40):  # the list of members required grows a row at a time
        longer = replace(data, required=tuple((f"Đảng viên số {k}", "Chính thức") for k in range(n)))
        page = last_page(blank_form_pdf(longer, tmp_path / f"form-{n}.pdf"))
        assert "THƯ KÝ" in page
        if "kết thúc lúc" not in page:
            alone.append(n)
    assert alone == []
