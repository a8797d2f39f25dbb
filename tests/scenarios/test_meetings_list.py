"""The meetings tab's list, read as the secretary reads it: every meeting says what it was in the "Chủ đề" column,
a regular one by its month and an extraordinary one by its day (as the minutes' titles name them), unless a topic
was written; a thematic one by its topic."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QStyle
from pytestqt.qtbot import QtBot

from chibo_desktop.domain.meetings import MeetingKind, MeetingRecord
from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.main_window import MainWindow
from chibo_desktop.ui.tasks import TaskRunner
from tests.helpers.days import TODAY
from tests.helpers.gui import click_row, click_tab, row_texts
from tests.helpers.members import add_member

YEAR = TODAY.year
HELD = [
    (date(YEAR, 3, 28), MeetingKind.REGULAR, ""),
    (date(YEAR, 4, 25), MeetingKind.THEMATIC, "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"),
    (date(YEAR, 5, 30), MeetingKind.COMBINED, "Chuyển đổi số trong sinh hoạt chi bộ"),
    (date(YEAR, 6, 3), MeetingKind.EXTRAORDINARY, ""),
    (date(YEAR, 6, 27), MeetingKind.REGULAR, "Bàn việc làm đường liên ấp"),
]
SHOWN = {
    "vi": (
        "Sinh hoạt chi bộ",
        "Chủ đề",
        {
            "28/03": "Sinh hoạt thường kỳ tháng 03/{year}",
            "25/04": "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
            "30/05": "Chuyển đổi số trong sinh hoạt chi bộ",
            "03/06": "Sinh hoạt bất thường ngày 03/06/{year}",
            "27/06": "Bàn việc làm đường liên ấp",
        },
    ),
    "en": (
        "Meetings",
        "Topic",
        {
            "28/03": "Regular meeting of 03/{year}",
            "25/04": "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
            "30/05": "Chuyển đổi số trong sinh hoạt chi bộ",
            "03/06": "Extraordinary meeting of 03/06/{year}",
            "27/06": "Bàn việc làm đường liên ấp",
        },
    ),
}


def test_every_meeting_in_the_list_says_what_it_was(qtbot: QtBot, services: Services, language: str) -> None:
    for name in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"):
        add_member(services, name)
    for on, kind, topic in HELD:
        services.meetings.create(MeetingRecord(on=on, kind=kind, topic=topic), services.meetings.draft_lines(on))
    window = MainWindow(services, TaskRunner(), language)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.meetings_loaded, timeout=10000):
        window.show()
    tab, heading, expected = SHOWN[language]
    click_tab(window.tabs, tab)
    listing = window.meetings_view.list_view
    model = listing.model()
    headings = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    topics = dict(zip((d[:5] for d in row_texts(listing, 0)), row_texts(listing, headings.index(heading)), strict=True))
    assert topics == {day: text.format(year=YEAR) for day, text in expected.items()}


ATTENDANCE_HEADING = {"vi": "Có mặt / phải dự", "en": "Present / required"}


def test_every_heading_is_whole_with_a_meeting_chosen(qtbot: QtBot, services: Services, language: str) -> None:
    """A meeting clicked in the list: each heading still shows whole, in the font it is then drawn in (a heading
    drawn bold for the chosen row had been sized for plain text, and "Có mặt / phải dự" lost its last letter)."""
    for name in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"):
        add_member(services, name)
    for on, kind, topic in HELD:
        services.meetings.create(MeetingRecord(on=on, kind=kind, topic=topic), services.meetings.draft_lines(on))
    window = MainWindow(services, TaskRunner(), language)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.meetings_loaded, timeout=10000):
        window.show()
    click_tab(window.tabs, SHOWN[language][0])
    listing = window.meetings_view.list_view
    click_row(listing, 1)
    header = listing.horizontalHeader()
    model = listing.model()
    margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    headings = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
    assert ATTENDANCE_HEADING[language] in headings
    for column, text in enumerate(headings):
        if header.isSectionHidden(column) or header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch:
            continue
        font = QFont(header.font())
        # the header draws a column's heading bold while a row is chosen in it
        font.setBold(header.highlightSections() and listing.selectionModel().columnIntersectsSelection(column))
        metrics = QFontMetrics(font)
        ink = max(metrics.horizontalAdvance(text), metrics.boundingRect(text).right() + 1)  # ự's hook reaches past
        needed = ink + margin + 1  # and the line between two headings is drawn on the section's last pixel
        assert header.sectionSize(column) >= needed, f"{text!r}: {header.sectionSize(column)} < {needed} pixels"
