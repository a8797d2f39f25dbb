"""A button that acts on a chosen row is greyed out until a row is clicked, and works once it is: nobody meets
"choose … first" after clicking it."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QTableWidget, QToolBar, QWidget
from pytestqt.qtbot import QtBot

from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.main_window import MainWindow
from chibo_desktop.ui.meeting_dialog import MeetingDialog
from chibo_desktop.ui.member_dialog import MemberDialog
from chibo_desktop.ui.tasks import TaskRunner
from tests.helpers.demo import demo_window
from tests.helpers.gui import (
    answering_modal,
    click,
    click_row,
    click_tab,
    double_click_row,
    find_button,
    find_row,
    key,
    new_window,
    row_texts,
    type_into,
    windows,
)

LOAN_STATE = 7
ENTRY_KIND = 1


def enabled(parent: object, *texts: str) -> list[bool]:
    return [find_button(parent, text).isEnabled() for text in texts]  # type: ignore[arg-type]


def test_fund_buttons_wait_for_a_loan_or_a_journal_line(qtbot: QtBot, services: Services, vietnamese: None) -> None:
    window = demo_window(qtbot, services)
    funds = window.funds_view
    click_tab(window.tabs, "Quỹ hỗ trợ vay vốn")
    with qtbot.waitSignal(funds.loaded, timeout=10000):
        click_row(funds.fund_table, find_row(funds.fund_table, 0, lambda name: name.startswith("Vốn ủy thác")))
    loan_buttons = ("Thu nợ…", "Xóa nợ…", "Giải ngân", "In sổ vay của người vay…")
    assert enabled(funds, *loan_buttons, "Đảo bút toán…") == [False] * 5
    assert enabled(funds, "Quỹ mới…", "Điều kiện của quỹ…", "Cho vay…", "In báo cáo quỹ…") == [True] * 4

    click_row(funds.loan_table, find_row(funds.loan_table, LOAN_STATE, lambda state: state == "Đang trả nợ"))
    assert enabled(funds, *loan_buttons) == [True, True, False, True]  # a loan being repaid is not paid out again

    click_tab(funds.inner, "Sổ quỹ")
    assert not find_button(funds, "Đảo bút toán…").isEnabled()
    click_row(funds.entry_table, 0)
    assert find_button(funds, "Đảo bút toán…").isEnabled()


def test_a_reversed_line_cannot_be_reversed_again(qtbot: QtBot, services: Services, vietnamese: None) -> None:
    window = demo_window(qtbot, services)
    funds = window.funds_view
    click_tab(window.tabs, "Quỹ hỗ trợ vay vốn")
    click_tab(funds.inner, "Sổ quỹ")
    click_row(funds.entry_table, 0)

    def give_reason(box: QWidget) -> None:
        reason = box.findChild(QLineEdit)
        type_into(reason, "Ghi nhầm")
        key(reason, Qt.Key.Key_Return)

    with qtbot.waitSignal(funds.loaded, timeout=10000), answering_modal(give_reason):
        click(find_button(funds, "Đảo bút toán…"))
    kinds = row_texts(funds.entry_table, ENTRY_KIND)
    assert kinds[0].startswith("Đảo: ") and any(k.endswith("(đã đảo)") for k in kinds)
    for row, kind in enumerate(kinds):
        click_row(funds.entry_table, row)
        reversal_or_reversed = kind.startswith("Đảo: ") or kind.endswith("(đã đảo)")
        assert find_button(funds, "Đảo bút toán…").isEnabled() is not reversal_or_reversed, kind


def test_removing_a_row_waits_for_a_chosen_row(qtbot: QtBot, services: Services, vietnamese: None) -> None:
    window = demo_window(qtbot, services)
    click_tab(window.tabs, "Sinh hoạt chi bộ")
    meetings = window.meetings_view
    before = windows()
    click(find_button(meetings, "Ghi buổi sinh hoạt mới…"))
    dialog = new_window(qtbot, MeetingDialog, before)
    remove = find_button(dialog, "Xóa dòng")  # the guests, on the first page
    assert not remove.isEnabled()
    click(find_button(dialog, "Thêm dòng"))
    guests = [t for t in dialog.findChildren(QTableWidget) if t.isVisible() and t.rowCount() == 1][0]
    click_row(guests, 0)
    assert remove.isEnabled()
    click(remove)
    assert guests.rowCount() == 0 and not remove.isEnabled()

    click_tab(dialog.tabs, "Nội dung sinh hoạt")
    assert not find_button(dialog, "Xóa nội dung").isEnabled()
    click(find_button(dialog, "Thêm nội dung"))
    assert find_button(dialog, "Xóa nội dung").isEnabled()  # the new item is the chosen one


def test_an_approved_meeting_stays_locked_when_a_row_is_clicked(
    qtbot: QtBot, services: Services, vietnamese: None
) -> None:
    window = demo_window(qtbot, services)
    click_tab(window.tabs, "Sinh hoạt chi bộ")
    meetings = window.meetings_view
    approved = find_row(meetings.list_view, 5, lambda state: state == "đã thông qua")
    before = windows()
    double_click_row(meetings.list_view, approved)
    dialog = new_window(qtbot, MeetingDialog, before)
    click_tab(dialog.tabs, "Nội dung sinh hoạt")
    items = [v for v in dialog.findChildren(QListWidget) if v.isVisible()][0]
    click_row(items, 0)
    assert not find_button(dialog, "Xóa nội dung").isEnabled()
    assert not find_button(dialog, "Xóa dòng").isEnabled()


def test_open_member_waits_for_a_chosen_member(qtbot: QtBot, services: Services, vietnamese: None) -> None:
    window = demo_window(qtbot, services)
    toolbar = window.findChild(QToolBar, "main_toolbar")
    open_button = find_button(toolbar, "Mở hồ sơ")
    assert not open_button.isEnabled()
    click_row(window.roster_view.table, 2)
    name = row_texts(window.roster_view.table, 0)[2]
    assert open_button.isEnabled()
    before = windows()
    click(open_button)
    dialog = new_window(qtbot, MemberDialog, before)
    assert name in dialog.windowTitle()


def test_printing_minutes_waits_for_a_chosen_meeting(qtbot: QtBot, services: Services, vietnamese: None) -> None:
    window = demo_window(qtbot, services)
    click_tab(window.tabs, "Sinh hoạt chi bộ")
    meetings = window.meetings_view
    assert not find_button(meetings, "In biên bản…").isEnabled()
    click_row(meetings.list_view, 0)
    assert find_button(meetings, "In biên bản…").isEnabled()


def test_without_a_fund_only_a_new_fund_can_be_made(qtbot: QtBot, services: Services, vietnamese: None) -> None:
    window = MainWindow(services, TaskRunner(), "vi")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.funds_view.loaded, timeout=10000):
        window.show()
    funds = window.funds_view
    click_tab(window.tabs, "Quỹ hỗ trợ vay vốn")
    assert enabled(funds, "Quỹ mới…") == [True]
    others = ("Điều kiện của quỹ…", "Thu, chi vốn…", "Cho vay…", "Thu nợ…", "Đảo bút toán…", "In báo cáo quỹ…")
    assert enabled(funds, *others) == [False] * len(others)
