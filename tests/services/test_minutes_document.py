"""`chibo print minutes` the quick way (services/minutes_document.py, from a file read with sqlite3 alone) gives the
printing table's minutes and page: the same data, laid out the same."""

from datetime import date
from pathlib import Path

import pytest

from chibo_desktop.services.minutes_document import print_minutes, quick_minutes
from chibo_desktop.services.printing import MINUTES
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import open_database
from tests.helpers.days import CLOCK, TODAY
from tests.helpers.pdf import flat, pdf_text
from tests.helpers.rich_minutes import ON, behind, rich_file

pytestmark = pytest.mark.sqlite_only  # the quick path reads a file


@pytest.mark.parametrize("away_required", [False, True])
def test_the_quick_minutes_are_the_printing_tables(tmp_path: Path, away_required: bool) -> None:
    path, meeting_id = rich_file(tmp_path)
    services = Services.build(open_database(path, clock=CLOCK))
    try:
        # the rules the minutes read, changed before the meeting (the count) and after it (today's page)
        if away_required:  # "không" is in force already, and the same value again is refused (nothing to add)
            services.rules.set_value("meeting.away_counts_as_required", "có", date(2026, 1, 1))
        services.rules.set_value("document.layout", '{"top_mm": 25, "left_mm": 32, "body_pt": 13}', TODAY)
        expected = (services.printer.data(MINUTES, meeting_id), services.printer.style(MINUTES))
    finally:
        services.db.close()
    found = quick_minutes(path, meeting_id, TODAY)
    assert found == expected
    data, style = expected
    assert (style.top_mm, style.left_mm, style.body_pt) == (25, 32, 13)
    assert data.excused and data.unexcused and data.guests and len(data.items) == 3 and len(data.addenda) == 2
    assert "tạm vắng: 1 đồng chí" in data.count_lines[1]
    assert f"Số đảng viên phải dự: {38 + away_required} đồng chí" in data.count_lines[2]
    assert data.speakers_line and data.approved and "kết hợp sinh hoạt chuyên đề" in data.summary_line
    assert quick_minutes(path, meeting_id, ON) != expected  # the page in force on another day is another


def test_the_quick_print_and_the_usual_one_are_the_same_document(tmp_path: Path) -> None:
    path, meeting_id = rich_file(tmp_path)
    older = behind(path, tmp_path / "older.sqlite")
    assert not print_minutes(older, meeting_id, tmp_path / "none.pdf", CLOCK)  # left to the usual way
    assert not (tmp_path / "none.pdf").exists()
    services = Services.build(open_database(older, clock=CLOCK))
    try:
        services.printer.write(MINUTES, meeting_id, tmp_path / "usual.pdf")
    finally:
        services.db.close()
    assert print_minutes(path, meeting_id, tmp_path / "quick.pdf", CLOCK)
    text = pdf_text(tmp_path / "quick.pdf")
    assert text == pdf_text(tmp_path / "usual.pdf")
    for expected in ("Số 27-BB/CB", "Đi khám bệnh ở huyện", "Khách mời: đồng chí Trần Minh Tâm", "PHỤ LỤC"):
        assert expected.casefold() in flat(text).casefold(), expected
