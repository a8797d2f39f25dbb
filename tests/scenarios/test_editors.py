"""Every editor keeps what was typed: Ctrl+S saves; Escape, Cancel or the window's close button with unsaved
changes asks "Lưu thay đổi?" (Save / Discard / Keep editing); with nothing changed it just closes."""

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolBar, QWidget
from pytestqt.qtbot import QtBot

from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.event_dialog import EventDialog
from chibo_desktop.ui.fund_dialogs import FundDialog, LoanDialog
from chibo_desktop.ui.main_window import MainWindow
from chibo_desktop.ui.meeting_dialog import MeetingDialog
from chibo_desktop.ui.member_dialog import MemberDialog
from chibo_desktop.ui.plan_dialog import PlanDialog
from chibo_desktop.ui.roster_model import ID_ROLE
from chibo_desktop.ui.rules_dialog import RulesDialog
from chibo_desktop.ui.setup_dialog import SetupDialog
from tests.helpers.demo import demo_window
from tests.helpers.gui import (
    answering_modal,
    choose_menu,
    click,
    click_button,
    click_row,
    click_tab,
    close_window,
    double_click_row,
    field,
    find_button,
    find_row,
    key,
    new_window,
    row_texts,
    type_into,
    windows,
)

SAVE, DISCARD, KEEP_EDITING = "Lưu", "Bỏ thay đổi", "Tiếp tục sửa"
CTRL = Qt.KeyboardModifier.ControlModifier


def answer(choice: str, asked: list[str]) -> Callable[[QWidget], None]:
    def act(box: QWidget) -> None:
        asked.append(box.windowTitle())
        click(find_button(box, choice))

    return act


def save_keys(widget: QWidget) -> None:
    key(widget, Qt.Key.Key_S, CTRL)


def open_member(qtbot: QtBot, window: MainWindow, row: int) -> tuple[MemberDialog, int]:
    table = window.roster_view.table
    member_id = int(table.model().index(row, 0).data(ID_ROLE))
    before = windows()
    double_click_row(table, row)
    return new_window(qtbot, MemberDialog, before), member_id


def test_escape_asks_before_dropping_a_new_member(qtbot: QtBot, services: Services, vietnamese: None) -> None:
    window = demo_window(qtbot, services)
    listed = len(services.members.roster().rows)
    before = windows()
    click(find_button(window.findChild(QToolBar, "main_toolbar"), "Thêm đảng viên"))
    dialog = new_window(qtbot, MemberDialog, before)
    name = field(dialog, "Họ và tên *")
    type_into(name, "Nguyễn Thị Hồng Nhung")

    asked: list[str] = []
    with answering_modal(answer(KEEP_EDITING, asked)):
        key(name, Qt.Key.Key_Escape)
    assert asked == ["Lưu thay đổi?"]
    assert dialog.isVisible() and name.text() == "Nguyễn Thị Hồng Nhung"  # still there, as typed

    with answering_modal(answer(DISCARD, asked)):
        click(find_button(dialog, "Hủy"))
    assert asked == ["Lưu thay đổi?"] * 2 and not dialog.isVisible()
    assert len(services.members.roster().rows) == listed


def test_an_untouched_editor_just_closes(qtbot: QtBot, services: Services, vietnamese: None) -> None:
    window = demo_window(qtbot, services)
    dialog, _member = open_member(qtbot, window, 0)
    key(field(dialog, "Điện thoại"), Qt.Key.Key_Escape)
    assert not dialog.isVisible() and QApplication.activeModalWidget() is None

    click_tab(window.tabs, "Quỹ hỗ trợ vay vốn")
    before = windows()
    click_button(window.funds_view, "Quỹ mới…")
    fund = new_window(qtbot, FundDialog, before)
    close_window(fund)
    assert not fund.isVisible() and QApplication.activeModalWidget() is None


def test_ctrl_s_saves_a_member(qtbot: QtBot, services: Services, vietnamese: None) -> None:
    window = demo_window(qtbot, services)
    dialog, member_id = open_member(qtbot, window, 3)
    phone = field(dialog, "Điện thoại")
    type_into(phone, "0918 123 456")
    with qtbot.waitSignal(window.roster_loaded, timeout=10000):
        save_keys(phone)
    assert not dialog.isVisible()
    assert services.members.get(member_id).record.phone == "0918 123 456"


def test_closing_a_fund_with_changes_offers_to_save_it(qtbot: QtBot, services: Services, vietnamese: None) -> None:
    window = demo_window(qtbot, services)
    funds = window.funds_view
    click_tab(window.tabs, "Quỹ hỗ trợ vay vốn")
    before = windows()
    click_button(funds, "Quỹ mới…")
    dialog = new_window(qtbot, FundDialog, before)
    type_into(field(dialog, "Tên"), "Quỹ khuyến học")
    asked: list[str] = []
    with qtbot.waitSignal(funds.loaded, timeout=10000), answering_modal(answer(SAVE, asked)):
        close_window(dialog)
    assert asked == ["Lưu thay đổi?"] and not dialog.isVisible()
    assert "Quỹ khuyến học" in row_texts(funds.fund_table, 0)


def test_enter_on_the_question_goes_back_to_the_form(qtbot: QtBot, services: Services, vietnamese: None) -> None:
    """A reflex Enter on "Lưu thay đổi?" neither saves nor throws away what was typed: it goes back to the form (a
    fund, a loan or a repayment saved by mistake can only be reversed, never taken back)."""
    window = demo_window(qtbot, services)
    funds = window.funds_view
    click_tab(window.tabs, "Quỹ hỗ trợ vay vốn")
    listed = len(services.funds.funds())
    before = windows()
    click_button(funds, "Quỹ mới…")
    dialog = new_window(qtbot, FundDialog, before)
    name = field(dialog, "Tên")
    type_into(name, "Quỹ khuyến học")
    asked: list[str] = []

    def press_enter(box: QWidget) -> None:
        asked.append(box.windowTitle())
        key(box, Qt.Key.Key_Return)

    with answering_modal(press_enter):
        click_button(dialog, "Hủy")
    assert asked == ["Lưu thay đổi?"]
    assert dialog.isVisible() and name.text() == "Quỹ khuyến học"  # the form, as typed
    assert len(services.funds.funds()) == listed  # and no fund written


def test_a_fund_that_cannot_be_saved_stays_open(qtbot: QtBot, services: Services, vietnamese: None) -> None:
    window = demo_window(qtbot, services)
    click_tab(window.tabs, "Quỹ hỗ trợ vay vốn")
    before = windows()
    click_button(window.funds_view, "Quỹ mới…")
    dialog = new_window(qtbot, FundDialog, before)
    type_into(field(dialog, "Lãi suất (%/tháng)"), "nhiều")
    asked: list[str] = []
    with answering_modal(answer(SAVE, asked)):
        key(field(dialog, "Tên"), Qt.Key.Key_Escape)
    assert dialog.isVisible()  # nothing was lost: the problems are shown, the form stays
    assert "ví dụ 0,7" in dialog.errors.visible_text("rate")


def test_the_meeting_editor_saves_with_ctrl_s_and_asks_on_escape(
    qtbot: QtBot, services: Services, vietnamese: None
) -> None:
    window = demo_window(qtbot, services)
    click_tab(window.tabs, "Sinh hoạt chi bộ")
    meetings = window.meetings_view
    draft = find_row(meetings.list_view, 5, lambda state: state == "chưa thông qua")
    meeting_id = int(meetings.list_view.model().index(draft, 0).data(ID_ROLE))

    before = windows()
    double_click_row(meetings.list_view, draft)
    dialog = new_window(qtbot, MeetingDialog, before)
    place = field(dialog, "Địa điểm")
    type_into(place, "Hội trường ấp")
    save_keys(place)
    assert dialog.message.text().startswith("Đã lưu.") and dialog.isVisible()
    assert services.meetings.get(meeting_id).record.place == "Hội trường ấp"
    key(place, Qt.Key.Key_Escape)  # saved: closes without a question
    assert not dialog.isVisible() and QApplication.activeModalWidget() is None

    before = windows()
    double_click_row(meetings.list_view, draft)
    again = new_window(qtbot, MeetingDialog, before)
    place = field(again, "Địa điểm")
    type_into(place, "Nhà văn hóa ấp")
    asked: list[str] = []
    with answering_modal(answer(SAVE, asked)):
        key(place, Qt.Key.Key_Escape)
    assert asked == ["Lưu thay đổi?"] and not again.isVisible()
    assert services.meetings.get(meeting_id).record.place == "Nhà văn hóa ấp"


def test_the_plan_adds_with_ctrl_s_and_keeps_a_typed_topic(qtbot: QtBot, services: Services, vietnamese: None) -> None:
    window = demo_window(qtbot, services)
    click_tab(window.tabs, "Sinh hoạt chi bộ")
    before = windows()
    click_button(window.meetings_view, "Kế hoạch chuyên đề…")
    plan = new_window(qtbot, PlanDialog, before)
    topics = len(services.meetings.topics(2026))
    title = field(plan, "Chủ đề mới")
    type_into(title, "Chuyển đổi số trong sinh hoạt chi bộ")
    save_keys(title)
    assert len(services.meetings.topics(2026)) == topics + 1 and title.text() == ""

    type_into(title, "Phòng chống lũ lụt")
    asked: list[str] = []
    with answering_modal(answer(DISCARD, asked)):
        close_window(plan)
    assert asked == ["Lưu thay đổi?"] and not plan.isVisible()
    assert len(services.meetings.topics(2026)) == topics + 1


@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing")
def test_a_rule_value_typed_but_not_added_is_asked_about(qtbot: QtBot, services: Services, vietnamese: None) -> None:
    window = demo_window(qtbot, services)
    before = windows()
    choose_menu(window, "Tệp", "Quy định và ngưỡng…")
    rules = new_window(qtbot, RulesDialog, before)
    value = field(rules, "Giá trị mới")
    type_into(value, "90")
    asked: list[str] = []
    with answering_modal(answer(KEEP_EDITING, asked)):
        key(value, Qt.Key.Key_Escape)
    assert asked == ["Lưu thay đổi?"] and rules.isVisible() and value.text() == "90"


@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing")
def test_setup_saves_with_ctrl_s(qtbot: QtBot, services: Services, vietnamese: None) -> None:
    window = demo_window(qtbot, services)
    before = windows()
    choose_menu(window, "Tệp", "Thiết lập chi bộ…")
    setup = new_window(qtbot, SetupDialog, before)
    place = field(setup, "Địa danh trên văn bản")
    type_into(place, "Tân Hưng")
    with qtbot.waitSignal(window.roster_loaded, timeout=10000):
        save_keys(place)
    assert not setup.isVisible()
    assert services.organisation.require().place_name == "Tân Hưng"


def test_an_event_being_recorded_is_not_dropped_silently(qtbot: QtBot, services: Services, vietnamese: None) -> None:
    window = demo_window(qtbot, services)
    dialog, member_id = open_member(qtbot, window, 1)
    events = len(services.members.get(member_id).events)
    click_tab(dialog.tabs, "Quá trình")
    before = windows()
    click_button(dialog, "Ghi sự kiện…")
    event = new_window(qtbot, EventDialog, before)
    type_into(field(event, "Số quyết định"), "12-QĐ/ĐU")
    asked: list[str] = []
    with answering_modal(answer(DISCARD, asked)):
        key(field(event, "Số quyết định"), Qt.Key.Key_Escape)
    assert asked == ["Lưu thay đổi?"] and not event.isVisible()
    assert len(services.members.get(member_id).events) == events
    assert dialog.isVisible()


def test_fields_typed_in_a_loan_are_kept_until_the_user_decides(
    qtbot: QtBot, services: Services, vietnamese: None
) -> None:
    window = demo_window(qtbot, services)
    funds = window.funds_view
    click_tab(window.tabs, "Quỹ hỗ trợ vay vốn")
    click_row(funds.fund_table, 0)
    before = windows()
    click_button(funds, "Cho vay…")
    loan = new_window(qtbot, LoanDialog, before)
    type_into(field(loan, "Mục đích vay"), "Sửa nhà")
    asked: list[str] = []
    with answering_modal(answer(KEEP_EDITING, asked)):
        close_window(loan)
    assert asked == ["Lưu thay đổi?"] and loan.isVisible() and field(loan, "Mục đích vay").text() == "Sửa nhà"
