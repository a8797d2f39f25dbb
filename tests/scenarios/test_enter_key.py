"""Enter at the end of a line, as someone typing Vietnamese presses it: in the forms of many fields it goes on to
the next field (in a table, to the next cell, after an opinion to the next opinion's row, after an absence's reason
to the next member); it never saves the meeting, the member or the loan half typed. Only Lưu (or Ctrl+S) saves."""

from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QToolBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from chibo_desktop.domain.meetings import Mark, MeetingRecord
from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.fund_dialogs import LoanDialog, RepaymentDialog
from chibo_desktop.ui.main_window import MainWindow
from chibo_desktop.ui.meeting_dialog import MeetingDialog
from chibo_desktop.ui.member_dialog import MemberDialog
from chibo_desktop.ui.tasks import TaskRunner
from tests.helpers.days import TODAY
from tests.helpers.demo import demo_window
from tests.helpers.gui import (
    answering_modal,
    click,
    click_button,
    click_row,
    click_tab,
    double_click_row,
    field,
    find_button,
    find_row,
    key,
    new_window,
    row_texts,
    settle,
    type_into,
    type_text,
    windows,
)
from tests.helpers.members import add_member

ENTER = Qt.Key.Key_Return
NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Lê Thị Mai"]
MEETING_DAY = TODAY - timedelta(days=3)


@pytest.fixture
def meeting(services: Services) -> int:
    for name in NAMES:
        add_member(services, name)
    lines = services.meetings.draft_lines(MEETING_DAY)
    lines = tuple(replace(line, mark=Mark.PRESENT) for line in lines)
    return services.meetings.create(
        MeetingRecord(on=MEETING_DAY, start="19:30", end="21:15", place="Nhà văn hóa ấp"), lines
    ).ids[0]


def open_meeting(qtbot: QtBot, services: Services, language: str = "vi") -> MeetingDialog:
    window = MainWindow(services, TaskRunner(), language)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.meetings_loaded, timeout=10000):
        window.show()
    click_tab(window.tabs, {"vi": "Sinh hoạt chi bộ", "en": "Meetings"}[language])
    before = windows()
    double_click_row(window.meetings_view.list_view, 0)
    return new_window(qtbot, MeetingDialog, before)  # the window's own: it goes with the window


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def open_cell(qtbot: QtBot, table: QTableWidget, row: int, column: int) -> QWidget:
    """The editor the table opened in (*row*, *column*) for typing (one line, or several for an opinion), once it is
    there with the focus (Qt hands over what Enter finished in its next turn, as the keys after it come)."""

    def opened() -> bool:
        editor = QApplication.focusWidget()
        return (
            isinstance(editor, (QLineEdit, QPlainTextEdit))
            and table.viewport().isAncestorOf(editor)
            and (table.currentRow(), table.currentColumn()) == (row, column)
        )

    qtbot.waitUntil(opened)
    editor = focus()
    assert isinstance(editor, (QLineEdit, QPlainTextEdit))
    return editor


def refuse_question(asked: list[str]) -> None:
    """A question where none is due is noted and answered "Keep editing", so the test fails instead of waiting."""
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.Cancel).click()


def test_enter_in_the_meeting_s_fields_and_tables_goes_on_and_never_saves(
    qtbot: QtBot, services: Services, meeting: int, vietnamese: None
) -> None:
    dialog = open_meeting(qtbot, services)
    place = field(dialog, "Địa điểm")
    type_into(place, "Hội trường ấp")
    key(place, ENTER)
    assert dialog.isVisible() and dialog.message.text() == ""  # not "Đã lưu."
    assert focus() is field(dialog, "Số biên bản")  # the next field, as Tab gives it
    assert services.meetings.get(meeting).record.place == "Nhà văn hóa ấp"

    guests = dialog.guests
    click_button(dialog, "Thêm dòng")  # the cursor is in the new row: a space typed now is no second click
    type_text(focus(), "Nguyễn Văn Tư")
    assert guests.rowCount() == 1
    key(guests, ENTER)  # the name is kept; the position is next
    type_text(open_cell(qtbot, guests, 0, 1), "Đảng ủy viên")
    key(guests, ENTER)
    type_text(open_cell(qtbot, guests, 0, 2), "Đảng ủy xã Tân Hùng")
    key(guests, ENTER)  # the last cell: kept, and the cursor stays in the table
    qtbot.waitUntil(lambda: focus() is guests)
    assert [guests.item(0, c).text() for c in range(3)] == ["Nguyễn Văn Tư", "Đảng ủy viên", "Đảng ủy xã Tân Hùng"]
    assert dialog.isVisible() and dialog.message.text() == ""
    assert services.meetings.get(meeting).record.guests == ()

    click_tab(dialog.tabs, "Nội dung sinh hoạt")
    agenda = dialog.agenda_editor
    click_button(agenda, "Thêm nội dung")
    type_text(agenda.item_title, "Kiểm điểm tháng 11")
    key(agenda.item_title, ENTER)
    assert focus() is agenda.item_presenter
    type_text(agenda.item_presenter, "Nguyễn Văn An")
    key(agenda.item_presenter, ENTER)
    assert focus() is agenda.item_content

    opinions = agenda.opinions
    click_button(agenda, "Thêm dòng")
    speaker = opinions.cellWidget(0, 0)
    assert isinstance(speaker, QComboBox) and focus() is speaker  # the name is typed next, into the new row
    type_into(speaker.lineEdit(), "Lê Thị Mai")
    key(speaker, ENTER)  # the name as listed is taken, and what she said is next
    type_text(open_cell(qtbot, opinions, 0, 1), "Đồng ý với báo cáo.")
    key(opinions, ENTER)  # the opinion is added and a row waits for the next one
    qtbot.waitUntil(lambda: opinions.rowCount() == 2 and focus() is opinions.cellWidget(1, 0))
    second = opinions.cellWidget(1, 0)
    assert isinstance(second, QComboBox)
    type_text(second, "Đ/c Lê Văn Cường")
    key(second, ENTER)
    type_text(open_cell(qtbot, opinions, 1, 1), "Bổ sung ý kiến.")
    key(opinions, ENTER)
    qtbot.waitUntil(lambda: opinions.rowCount() == 3 and focus() is opinions.cellWidget(2, 0))
    key(opinions, ENTER)  # nobody else spoke: Enter on the empty row adds no more
    key(open_cell(qtbot, opinions, 2, 1), ENTER)
    qtbot.waitUntil(lambda: focus() is opinions)
    assert opinions.rowCount() == 3 and dialog.isVisible() and dialog.message.text() == ""
    assert services.meetings.get(meeting).record.agenda == ()

    click_button(dialog, "Lưu")
    assert dialog.message.text() == "Đã lưu."
    stored = services.meetings.get(meeting)
    assert stored.record.place == "Hội trường ấp"
    assert [(g.name, g.position, g.unit) for g in stored.record.guests] == [
        ("Nguyễn Văn Tư", "Đảng ủy viên", "Đảng ủy xã Tân Hùng")
    ]
    (item,) = stored.record.agenda
    assert (item.title, item.presenter) == ("Kiểm điểm tháng 11", "Nguyễn Văn An")
    assert [(o.speaker, o.summary) for o in item.opinions] == [
        ("Lê Thị Mai", "Đồng ý với báo cáo."),
        ("Lê Văn Cường", "Bổ sung ý kiến."),
    ]
    assert sorted(line.name for line in stored.lines if line.spoke) == ["Lê Thị Mai", "Lê Văn Cường"]


def test_enter_in_the_member_form_goes_to_the_next_field(qtbot: QtBot, services: Services, vietnamese: None) -> None:
    window = demo_window(qtbot, services)
    listed = len(services.members.roster().rows)
    before = windows()
    click(find_button(window.findChild(QToolBar, "main_toolbar"), "Thêm đảng viên"))
    dialog = new_window(qtbot, MemberDialog, before)
    name = field(dialog, "Họ và tên *")
    type_into(name, "Nguyễn Thị Hồng Nhung")
    key(name, ENTER)
    assert dialog.isVisible() and dialog.message.text() == ""  # not saved, nothing to put right yet
    assert focus() is not name and focus() is dialog.inputs["birth_name"]
    assert len(services.members.roster().rows) == listed


def test_enter_after_an_amount_goes_on_and_posts_nothing(qtbot: QtBot, services: Services, vietnamese: None) -> None:
    """A posting is never changed afterwards: an amount typed and Enter must not post a loan or a repayment."""
    window = demo_window(qtbot, services)
    funds = window.funds_view
    click_tab(window.tabs, "Quỹ hỗ trợ vay vốn")
    click_row(funds.fund_table, find_row(funds.fund_table, 0, lambda name: name.startswith("Vốn ủy thác")))
    settle(window.tasks)
    fund_id = funds.fund_id
    assert fund_id is not None
    entries = len(services.funds.book(fund_id)[2])

    before = windows()
    click(find_button(funds, "Cho vay…"))
    loan = new_window(qtbot, LoanDialog, before)
    amount = field(loan, "Số tiền (đồng)")
    type_into(amount, "5000000")
    key(amount, ENTER)
    assert loan.isVisible() and loan.message.text() == ""
    assert focus() is field(loan, "Thời hạn (tháng)")
    assert loan.plan.rowCount() > 0  # the plan follows the amount, as when leaving the field
    with answering_modal(lambda box: click(find_button(box, "Bỏ thay đổi"))):
        key(loan, Qt.Key.Key_Escape)
    assert not loan.isVisible()

    click_tab(funds.inner, "Các món vay")
    click_row(funds.loan_table, find_row(funds.loan_table, 7, lambda state: state == "Đang trả nợ"))
    settle(window.tasks)
    before = windows()
    click(find_button(funds, "Thu nợ…"))
    repayment = new_window(qtbot, RepaymentDialog, before)
    amount = field(repayment, "Số tiền (đồng)")
    type_into(amount, "1000000")
    key(amount, ENTER)
    assert repayment.isVisible() and focus() is field(repayment, "Ngày")
    key(focus(), ENTER)
    assert focus() is field(repayment, "Ghi chú")
    assert len(services.funds.book(fund_id)[2]) == entries
    key(focus(), ENTER)  # past the last field: the Lưu button, which Enter presses when it has the focus
    assert focus() is find_button(repayment, "Lưu") and len(services.funds.book(fund_id)[2]) == entries
    with qtbot.waitSignal(funds.loaded, timeout=10000):
        key(focus(), ENTER)
    assert not repayment.isVisible() and len(services.funds.book(fund_id)[2]) > entries


# the tab, the keys of an absence with and without reason, the buttons that save and close
ATTENDANCE_WORDS = {
    "vi": ("Điểm danh", Qt.Key.Key_P, Qt.Key.Key_K, "Lưu", "Đóng"),
    "en": ("Attendance list", Qt.Key.Key_E, Qt.Key.Key_U, "Save", "Close"),
}


def test_a_reason_typed_and_enter_go_on_to_the_next_member(
    qtbot: QtBot, services: Services, meeting: int, language: str
) -> None:
    """Absent with reason: the reason is typed, Enter keeps it and the cursor goes down to the next member, as after
    every other mark, so the list is gone through with the keyboard; the meeting is saved only by Lưu."""
    tab, excused, unexcused, save, close = ATTENDANCE_WORDS[language]
    dialog = open_meeting(qtbot, services, language)
    click_tab(dialog.tabs, tab)
    table = dialog.attendance.table
    names = row_texts(table, 0)
    click_row(table, 0)
    key(table, excused)
    type_text(focus(), "Đi khám bệnh")
    key(table, ENTER)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)  # Qt keeps it next turn
    assert focus() is table and table.currentIndex().row() == 1
    assert table.selectionModel().isRowSelected(1)
    key(table, unexcused)  # the next member, at once
    assert table.currentIndex().row() == 2
    assert dialog.isVisible() and dialog.message.text() == ""  # nothing saved yet
    assert {line.mark for line in services.meetings.get(meeting).lines} == {Mark.PRESENT}

    click_button(dialog, save)
    marks = {line.name: (line.mark, line.reason) for line in services.meetings.get(meeting).lines}
    assert marks[names[0]] == (Mark.EXCUSED, "Đi khám bệnh")
    assert marks[names[1]] == (Mark.UNEXCUSED, "")
    assert {marks[name][0] for name in names[2:]} == {Mark.PRESENT}

    asked: list[str] = []
    QTimer.singleShot(0, lambda: refuse_question(asked))
    click_button(dialog, close)  # saved: it closes without asking (the reason's closed editor is no change)
    assert asked == [] and not dialog.isVisible()


def test_marking_by_name_goes_back_to_the_search_for_the_next_name(
    qtbot: QtBot, services: Services, meeting: int, language: str
) -> None:
    """The list narrowed to one member by a typed name: after the mark (and after an absence's reason and Enter)
    the cursor goes back to the search box with the name selected, so the next name is typed over it, while the
    member just marked stays in sight with the mark; as down the whole list, the meeting is saved only by Lưu."""
    tab, excused, unexcused, save, _close = ATTENDANCE_WORDS[language]
    dialog = open_meeting(qtbot, services, language)
    click_tab(dialog.tabs, tab)
    table, search = dialog.attendance.table, dialog.attendance.search
    click(search)
    type_text(search, "binh")
    assert row_texts(table, 0) == ["Trần Thị Bình"]
    key(search, ENTER)
    assert focus() is table
    key(table, excused)
    type_text(focus(), "Đi khám bệnh")
    key(table, ENTER)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)  # Qt keeps it next turn
    assert focus() is search and search.selectedText() == "binh"  # the next name is typed over it
    shown = {"vi": "Vắng có lý do", "en": "Absent with reason"}[language]
    assert [row_texts(table, c) for c in (0, 2, 3)] == [["Trần Thị Bình"], [shown], ["Đi khám bệnh"]]  # in sight

    type_text(search, "cuong")
    assert row_texts(table, 0) == ["Lê Văn Cường"]
    key(search, ENTER)
    key(table, unexcused)
    assert focus() is search and search.selectedText() == "cuong"
    assert dialog.isVisible() and dialog.message.text() == ""  # nothing saved yet

    key(search, Qt.Key.Key_Backspace)  # the whole list again
    assert sorted(row_texts(table, 0)) == sorted(NAMES)
    click_button(dialog, save)
    saved = {line.name: (line.mark, line.reason) for line in services.meetings.get(meeting).lines}
    assert saved == {
        "Nguyễn Văn An": (Mark.PRESENT, ""),
        "Trần Thị Bình": (Mark.EXCUSED, "Đi khám bệnh"),
        "Lê Văn Cường": (Mark.UNEXCUSED, ""),
        "Lê Thị Mai": (Mark.PRESENT, ""),
    }
