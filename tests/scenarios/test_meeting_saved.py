"""What the meeting editor saves is what the secretary sees: a cell still being typed in is saved with the rest
(Ctrl+S or Lưu, without leaving the cell first), and only a real change makes closing ask "Lưu thay đổi?"."""

from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from chibo_desktop.domain.meetings import AgendaItem, Mark, MeetingRecord, Opinion, Resolution
from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.main_window import MainWindow
from chibo_desktop.ui.meeting_dialog import MeetingDialog
from chibo_desktop.ui.tasks import TaskRunner
from tests.helpers.days import TODAY
from tests.helpers.gui import (
    answering_modal,
    click,
    click_button,
    click_row,
    click_tab,
    close_window,
    double_click_row,
    find_button,
    key,
    new_window,
    row_texts,
    type_text,
    windows,
)
from tests.helpers.members import add_member

NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]
MEETING_DAY = TODAY - timedelta(days=3)
CTRL = Qt.KeyboardModifier.ControlModifier
# the tabs, the table's heading, the buttons: as each language shows them
WORDS = {
    "vi": {
        "meetings": "Sinh hoạt chi bộ",
        "agenda": "Nội dung sinh hoạt",
        "decisions": "Nghị quyết, phân công",
        "add_row": "Thêm dòng",
        "save": "Lưu",
        "close": "Đóng",
        "question": "Lưu thay đổi?",
        "attendance": "Điểm danh",
    },
    "en": {
        "meetings": "Meetings",
        "agenda": "Agenda",
        "decisions": "Resolutions and tasks",
        "add_row": "Add a row",
        "save": "Save",
        "close": "Close",
        "question": "Save the changes?",
        "attendance": "Attendance list",
    },
}


@pytest.fixture
def meeting(services: Services) -> int:
    """A saved meeting with two agenda items, the first with one opinion, and one resolution voted."""
    for name in NAMES:
        add_member(services, name)
    lines = tuple(replace(line, mark=Mark.PRESENT) for line in services.meetings.draft_lines(MEETING_DAY))
    agenda = (
        AgendaItem(
            "Kiểm điểm công tác tháng",
            content="Bí thư báo cáo tình hình tháng.",
            opinions=(Opinion("Trần Thị Bình", "Đồng ý với báo cáo."),),
            conclusion="Thống nhất báo cáo.",
        ),
        AgendaItem("Triển khai nhiệm vụ tháng tới", content="Vận động đóng đảng phí đúng hạn."),
    )
    record = MeetingRecord(
        on=MEETING_DAY,
        place="Nhà văn hóa ấp",
        agenda=agenda,
        resolutions=(Resolution("Thông qua báo cáo tháng", 3, 0, 0, 3),),
    )
    return services.meetings.create(record, lines).ids[0]


def open_window(qtbot: QtBot, services: Services, language: str) -> MainWindow:
    window = MainWindow(services, TaskRunner(), language)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.meetings_loaded, timeout=10000):
        window.show()
    click_tab(window.tabs, WORDS[language]["meetings"])
    return window


def open_meeting(qtbot: QtBot, window: MainWindow) -> MeetingDialog:
    before = windows()
    double_click_row(window.meetings_view.list_view, 0)
    return new_window(qtbot, MeetingDialog, before)


def typing_in(qtbot: QtBot, table: QTableWidget, row: int, column: int, text: str) -> QLineEdit | QPlainTextEdit:
    """Click the cell, type *text* (the table opens its editor on the first key: one line, or several for an
    opinion) and stay in it."""
    click_row(table, row, column)
    type_text(table, text)
    editor = QApplication.focusWidget()
    assert isinstance(editor, (QLineEdit, QPlainTextEdit)) and table.viewport().isAncestorOf(editor)
    assert table.state() == QAbstractItemView.State.EditingState  # still typing: nothing handed to the table yet
    return editor


def close_unasked(dialog: MeetingDialog, close: str) -> list[str]:
    """Click Đóng; a question where none is due is noted and answered "Discard" (so that the test goes on to fail
    on what it asserts)."""
    asked: list[str] = []

    def refuse() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            asked.append(box.windowTitle())
            click(box.button(QMessageBox.StandardButton.Discard))

    QTimer.singleShot(0, refuse)
    click_button(dialog, close)
    return asked


def test_an_opinion_still_being_typed_is_saved_by_ctrl_s(
    qtbot: QtBot, services: Services, meeting: int, language: str
) -> None:
    words = WORDS[language]
    window = open_window(qtbot, services, language)
    dialog = open_meeting(qtbot, window)
    click_tab(dialog.tabs, words["agenda"])
    opinions = dialog.agenda_editor.opinions
    editor = typing_in(qtbot, opinions, 0, 1, "Đề nghị bổ sung số liệu.")
    assert isinstance(editor, QPlainTextEdit)  # what was said wraps over several lines
    assert editor.toPlainText() == "Đề nghị bổ sung số liệu."  # typed over what was there, as the cell shows it
    key(opinions, Qt.Key.Key_S, CTRL)  # without leaving the cell

    said = [o.summary for item in services.meetings.get(meeting).record.agenda for o in item.opinions]
    assert said == ["Đề nghị bổ sung số liệu."]
    assert close_unasked(dialog, words["close"]) == []  # what was typed is saved: nothing to ask about
    assert not dialog.isVisible()

    again = open_meeting(qtbot, window)
    click_tab(again.tabs, words["agenda"])
    shown = again.agenda_editor.opinions.item(0, 1)
    assert shown is not None and shown.text() == "Đề nghị bổ sung số liệu."


def test_a_resolution_still_being_typed_is_saved_by_clicking_save(
    qtbot: QtBot, services: Services, meeting: int, language: str
) -> None:
    words = WORDS[language]
    window = open_window(qtbot, services, language)
    dialog = open_meeting(qtbot, window)
    click_tab(dialog.tabs, words["decisions"])
    resolutions = dialog.resolutions
    click_button(dialog, words["add_row"])  # the one under the resolutions: the guests' is on another tab
    typing_in(qtbot, resolutions, 1, 0, "Ra quân dọn vệ sinh đường làng")
    click_button(dialog, words["save"])

    saved = [r.text for r in services.meetings.get(meeting).record.resolutions]
    assert saved == ["Thông qua báo cáo tháng", "Ra quân dọn vệ sinh đường làng"]
    assert close_unasked(dialog, words["close"]) == []

    again = open_meeting(qtbot, window)
    click_tab(again.tabs, words["decisions"])
    assert [again.resolutions.item(r, 0).text() for r in range(again.resolutions.rowCount())] == saved


def test_going_through_the_agenda_items_is_no_change(
    qtbot: QtBot, services: Services, meeting: int, language: str
) -> None:
    """Looking at the second item, then the first, changes nothing: closing asks nothing and writes nothing."""
    words = WORDS[language]
    window = open_window(qtbot, services, language)
    before, logged = services.meetings.get(meeting), len(services.audit.entries())
    dialog = open_meeting(qtbot, window)
    click_tab(dialog.tabs, words["agenda"])
    items = dialog.agenda_editor.item_list
    click_row(items, 1)
    assert dialog.agenda_editor.item_title.text() == "Triển khai nhiệm vụ tháng tới"
    click_row(items, 0)
    assert dialog.agenda_editor.item_title.text() == "Kiểm điểm công tác tháng"

    assert close_unasked(dialog, words["close"]) == []
    assert not dialog.isVisible()
    assert services.meetings.get(meeting) == before and len(services.audit.entries()) == logged

    # a real change in an item no longer shown still counts
    again = open_meeting(qtbot, window)
    click_tab(again.tabs, words["agenda"])
    items = again.agenda_editor.item_list
    click_row(items, 1)
    click(again.agenda_editor.item_conclusion)
    type_text(again.agenda_editor.item_conclusion, "Giao chi ủy theo dõi.")
    click_row(items, 0)
    assert close_unasked(again, words["close"]) == [words["question"]]


def test_a_name_typed_to_find_a_member_is_no_change(
    qtbot: QtBot, services: Services, meeting: int, language: str
) -> None:
    """The attendance's search box only finds: what is typed there is not saved, nor asked about."""
    words = WORDS[language]
    window = open_window(qtbot, services, language)
    dialog = open_meeting(qtbot, window)
    click_tab(dialog.tabs, words["attendance"])
    search = dialog.attendance.search
    click(search)
    type_text(search, "binh")
    assert row_texts(dialog.attendance.table, 0) == ["Trần Thị Bình"]
    assert close_unasked(dialog, words["close"]) == []


def test_going_through_the_agenda_items_after_saving_is_no_change(
    qtbot: QtBot, services: Services, meeting: int, language: str
) -> None:
    """Saved, then the items looked through: still nothing to ask about."""
    words = WORDS[language]
    window = open_window(qtbot, services, language)
    dialog = open_meeting(qtbot, window)
    click_tab(dialog.tabs, words["agenda"])
    items = dialog.agenda_editor.item_list
    click_row(items, 1)
    click_button(dialog, words["save"])
    saved, logged = services.meetings.get(meeting), len(services.audit.entries())
    click_row(items, 0)
    click_row(items, 1)
    click_row(items, 0)

    assert close_unasked(dialog, words["close"]) == []
    assert services.meetings.get(meeting) == saved and len(services.audit.entries()) == logged


def test_closing_the_window_while_typing_in_a_cell_asks_first(
    qtbot: QtBot, services: Services, meeting: int, language: str
) -> None:
    """The window's close button, the cell still open: the typed text is a change like any other, asked about."""
    words = WORDS[language]
    window = open_window(qtbot, services, language)
    dialog = open_meeting(qtbot, window)
    click_tab(dialog.tabs, words["agenda"])
    typing_in(qtbot, dialog.agenda_editor.opinions, 0, 1, "Đề nghị bổ sung số liệu.")
    asked: list[str] = []

    def save(box: QWidget) -> None:
        asked.append(box.windowTitle())
        click(find_button(box, words["save"]))

    with answering_modal(save):
        close_window(dialog)
    assert asked == [words["question"]] and not dialog.isVisible()
    said = [o.summary for item in services.meetings.get(meeting).record.agenda for o in item.opinions]
    assert said == ["Đề nghị bổ sung số liệu."]
