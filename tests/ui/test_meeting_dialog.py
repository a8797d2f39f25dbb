"""Recording a meeting as a secretary does: keyboard attendance, approval, and the lock afterwards."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QDialogButtonBox, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from chibo_desktop.domain.meetings import Mark
from chibo_desktop.domain.members import MemberRecord
from chibo_desktop.services.changes import Change
from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.meeting_dialog import MeetingDialog
from tests.helpers.days import TODAY
from tests.helpers.gui import answering_modal, click_button

NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Thạch Thị Sa Ly", "Phạm Văn Dũng"]


@pytest.fixture
def branch(services: Services) -> Services:
    for name in NAMES:
        services.members.add(
            MemberRecord(
                full_name=name,
                gender="F" if "Thị" in name else "M",
                date_of_birth=date(1970, 1, 1),
                admission_date=date(1995, 5, 19),
                official_date=date(1996, 6, 1),
            )
        )
    return services


def open_dialog(
    qtbot: QtBot, services: Services, changes: list[Change], meeting_id: int | None = None
) -> MeetingDialog:
    meeting = services.meetings.get(meeting_id) if meeting_id else None
    dialog = MeetingDialog(services.meetings, changes.append, TODAY, meeting)
    qtbot.addWidget(dialog)
    return dialog


def test_keyboard_attendance_approve_and_lock(qtbot: QtBot, branch: Services, vietnamese: None) -> None:
    changes: list[Change] = []
    dialog = open_dialog(qtbot, branch, changes)
    dialog.show()
    view = dialog.attendance
    dialog.tabs.setCurrentWidget(view)
    assert view.model.rowCount() == 5 and {line.mark for line in view.model.lines()} == {Mark.PRESENT}
    view.table.setFocus()
    view.table.selectRow(0)
    qtbot.keyClick(view.table, Qt.Key.Key_C)  # An: present, moves on
    qtbot.keyClick(view.table, Qt.Key.Key_K)  # Bình: absent without reason
    qtbot.keyClick(view.search, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier)  # typing in the search box…
    view.search.clear()
    qtbot.keyClicks(view.search, "sa ly")  # …finds a member without tone marks
    qtbot.keyClick(view.search, Qt.Key.Key_Return)  # to the list, and does not save the meeting
    assert view.model.rowCount() == 1
    assert changes == []
    qtbot.keyClick(view.table, Qt.Key.Key_P)  # absent with reason: the reason opens for typing
    editor = view.table.viewport().findChild(QLineEdit)  # the reason cell opened for typing
    assert editor is not None
    qtbot.keyClicks(editor, "Di kham benh")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.table.state() != QAbstractItemView.State.EditingState)  # Qt commits on its next turn
    view.search.clear()
    marks = {line.name: (line.mark, line.reason) for line in view.model.lines()}
    assert marks["Trần Thị Bình"] == (Mark.UNEXCUSED, "")
    assert marks["Thạch Thị Sa Ly"] == (Mark.EXCUSED, "Di kham benh")
    assert view.counts.text().startswith("Có mặt 3/5 đảng viên phải dự (60,0%)")
    dialog.place.setText("Nhà văn hóa ấp")
    dialog.start.setText("19:30")
    dialog.end.setText("21:15")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Đã lưu."
    meeting_id = changes[-1].ids[0]
    stored = {line.name: line.mark for line in branch.meetings.get(meeting_id).lines}
    assert stored["Trần Thị Bình"] == Mark.UNEXCUSED

    with answering_modal(lambda confirm: click_button(confirm, "Thông qua và khóa")):
        click_button(dialog, "Thông qua biên bản")
    assert branch.meetings.get(meeting_id).locked

    again = open_dialog(qtbot, branch, changes, meeting_id)
    assert again.findChild(object, "locked_banner") is not None
    assert not again.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
    enabled = [b.text() for b in again.tabs.widget(0).findChildren(QPushButton) if b.isEnabled()]
    assert enabled == []  # no "add a row" on approved minutes
    again.attendance.table.selectRow(0)
    again.attendance.mark_current(Mark.UNEXCUSED)  # read-only: nothing changes
    assert again.attendance.model.lines()[0].mark == Mark.PRESENT
    assert not again.save()  # saving an approved meeting is refused by the service too
    assert "phụ lục" in again.message.text()
    again.addendum_reason.setText("Ghi nhầm địa điểm")
    again.addendum_text.setPlainText("Địa điểm là Trụ sở ấp.")
    again.add_addendum()
    assert again.addenda_list.count() == 1
    assert branch.meetings.get(meeting_id).record.place == "Nhà văn hóa ấp"


def test_reasons_are_required_and_shown(qtbot: QtBot, branch: Services, vietnamese: None) -> None:
    dialog = open_dialog(qtbot, branch, [])
    dialog.attendance.table.selectRow(1)
    dialog.attendance.model.set_mark(1, Mark.EXCUSED)
    dialog.kind.setCurrentIndex(dialog.kind.findData("thematic"))
    dialog.end.setText("25:00")
    assert not dialog.save()
    assert dialog.errors.visible_text("topic") == "Hãy nhập chủ đề sinh hoạt chuyên đề."
    assert dialog.errors.visible_text("end") == "Hãy viết giờ theo dạng 19:30."
    assert "Hãy ghi lý do vắng của: Trần Thị Bình" in dialog.message.text()
    assert branch.meetings.list_meetings(2026) == []
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert [t for t in titles if t.startswith("⚠ ")] == ["⚠ Thông tin chung"]  # the tab holding the errors


def test_the_thematic_plan_dialog(qtbot: QtBot, branch: Services, vietnamese: None) -> None:
    from chibo_desktop.ui.plan_dialog import PlanDialog

    changes: list[Change] = []
    dialog = PlanDialog(branch.meetings, 2027, changes.append)
    qtbot.addWidget(dialog)
    dialog.add()
    assert dialog.errors.visible_text("title") == "Hãy nhập chủ đề."
    dialog.quarter.setCurrentIndex(2)
    dialog.title.setText("Chuyển đổi số trong sinh hoạt chi bộ")
    dialog.add()
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == "2"
    assert branch.meetings.topics(2027)[0][2] == "Chuyển đổi số trong sinh hoạt chi bộ"


@pytest.mark.parametrize("pasted", ["\x0b", "\u202e"])
def test_minutes_pasted_with_a_control_character_say_where_and_save_nothing(
    qtbot: QtBot, branch: Services, vietnamese: None, pasted: str
) -> None:
    """Text copied from another program can carry a vertical tab or a direction override: saving says which agenda
    item holds it, shows that tab, and writes nothing; the minutes are kept in the form to correct."""
    from PySide6.QtWidgets import QApplication

    from tests.helpers.gui import click, click_tab, key, type_text

    dialog = open_dialog(qtbot, branch, [])
    dialog.show()
    click_tab(dialog.tabs, "Nội dung sinh hoạt")
    agenda = dialog.agenda_editor
    click_button(agenda, "Thêm nội dung")
    type_text(agenda.item_title, "Tình hình ấp")
    QApplication.clipboard().setText(f"Báo cáo{pasted}tình hình")
    click(agenda.item_content)
    key(agenda.item_content, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    click_button(dialog, "Lưu")
    code = f"U+{ord(pasted):04X}"
    assert dialog.message.text() == (
        f"Nội dung 1: Ký tự thứ 8 là ký tự ẩn hoặc ký tự điều khiển ({code}), cấp trên không nhận. Hãy "
        "xóa ký tự đó (gõ lại các chữ quanh nó) rồi lưu lại."
    )
    assert dialog.tabs.currentWidget().isAncestorOf(agenda)
    assert branch.meetings.list_meetings(None) == []
    assert agenda.item_content.toPlainText() == f"Báo cáo{pasted}tình hình"  # nothing the user typed is lost
    click(agenda.item_content)
    key(agenda.item_content, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(agenda.item_content, "Báo cáo tình hình")
    click_button(dialog, "Lưu")
    saved = branch.meetings.list_meetings(None)
    assert [item.content for item in branch.meetings.get(saved[0].id).record.agenda] == ["Báo cáo tình hình"]
