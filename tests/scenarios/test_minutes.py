"""The minutes from the meeting to the signed paper, driven through the main window with clicks and keys:
approving through a confirmation that states the attendance, printing drafts that can never pass for approved
minutes, choosing speakers from the day's list."""

import unicodedata
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from chibo_desktop.domain.meetings import Mark, MeetingRecord
from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.approve_dialog import ApproveDialog
from chibo_desktop.ui.main_window import MainWindow
from chibo_desktop.ui.meeting_dialog import MeetingDialog
from chibo_desktop.ui.tasks import TaskRunner
from tests.helpers.clicks import button, click, click_button, click_index, click_tab, on_modal, top_level, type_into
from tests.helpers.days import TODAY
from tests.services.helpers import add_member

NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Thạch Thị Sa Ly", "Phạm Văn Dũng", "Lê Thị Mai"]
MEETING_DAY = TODAY - timedelta(days=3)


@pytest.fixture
def meeting(services: Services) -> int:
    """A meeting three days ago where one of six was absent without reason: 5/6 (83,3%), under the 85% bar."""
    for name in NAMES:
        add_member(services, name)
    lines = services.meetings.draft_lines(MEETING_DAY)
    lines = tuple(replace(line, mark=Mark.UNEXCUSED) if line.name == "Phạm Văn Dũng" else line for line in lines)
    return services.meetings.create(MeetingRecord(on=MEETING_DAY, place="Nhà văn hóa ấp"), lines).ids[0]


def main_window(qtbot: QtBot, services: Services) -> MainWindow:
    window = MainWindow(services, TaskRunner(), "vi")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.meetings_loaded, timeout=10000):
        window.show()
    return window


def open_meeting(qtbot: QtBot, window: MainWindow, row: int = 0) -> MeetingDialog:
    click_tab(window.tabs, "Sinh hoạt chi bộ")
    view = window.meetings_view.list_view
    click_index(view, view.model().index(row, 0), double=True)
    dialog = top_level(MeetingDialog)
    qtbot.addWidget(dialog)
    return dialog


def test_approval_asks_first_states_the_attendance_and_takes_the_meeting_day(
    qtbot: QtBot, services: Services, meeting: int, vietnamese: None
) -> None:
    window = main_window(qtbot, services)
    dialog = open_meeting(qtbot, window)
    seen: dict[str, str] = {}

    def look_then_cancel(confirm: ApproveDialog) -> None:
        seen["attendance"] = confirm.findChild(QLabel, "approval_attendance").text()
        warning = confirm.findChild(QLabel, "approval_warning")
        seen["warning"] = warning.text() if warning.isVisible() else ""
        seen["date"] = confirm.approved_on.text()
        type_into(confirm.approved_on, (TODAY + timedelta(days=1)).strftime("%d/%m/%Y"))
        click_button(confirm, "Thông qua và khóa")
        seen["future"] = confirm.errors.text("approved_on")
        type_into(confirm.approved_on, (MEETING_DAY - timedelta(days=1)).strftime("%d/%m/%Y"))
        click_button(confirm, "Thông qua và khóa")
        seen["before"] = confirm.errors.text("approved_on")
        click_button(confirm, "Hủy")

    on_modal(ApproveDialog, look_then_cancel)
    click_button(dialog, "Thông qua biên bản")
    assert seen["attendance"] == f"Buổi sinh hoạt ngày {MEETING_DAY:%d/%m/%Y}: có mặt 5/6 đảng viên phải dự (83,3%)."
    assert seen["warning"].startswith("Tỷ lệ dự họp dưới ngưỡng 85% theo quy định")
    assert seen["date"] == f"{MEETING_DAY:%d/%m/%Y}"  # minutes are approved at the meeting itself
    assert "tương lai" in seen["future"]
    assert "trước ngày họp" in seen["before"]
    assert not services.meetings.get(meeting).locked  # cancelled: nothing locked
    assert dialog.isVisible() and button(dialog, "Thông qua biên bản").isEnabled()

    on_modal(ApproveDialog, lambda confirm: click_button(confirm, "Thông qua và khóa"))
    click_button(dialog, "Thông qua biên bản")
    approved = services.meetings.get(meeting)
    assert approved.locked and approved.approved_on == MEETING_DAY
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: window.meetings_view.list_model.index(0, 5).data() == "đã thông qua")


def test_the_bar_is_read_from_the_rules_of_the_meeting_day(
    qtbot: QtBot, services: Services, meeting: int, vietnamese: None
) -> None:
    services.rules.set_value("meeting.quality_bar_percent", "80", date(MEETING_DAY.year, 1, 1))
    window = main_window(qtbot, services)
    dialog = open_meeting(qtbot, window)
    seen: dict[str, bool] = {}

    def look(confirm: ApproveDialog) -> None:
        seen["warned"] = confirm.findChild(QLabel, "approval_warning").isVisible()
        click_button(confirm, "Hủy")

    on_modal(ApproveDialog, look)
    click(button(dialog, "Thông qua biên bản"))
    assert seen == {"warned": False}
    assert not services.meetings.get(meeting).locked


def pdf_words(path: Path) -> str:
    return " ".join(unicodedata.normalize("NFC", page.extract_text()) for page in PdfReader(path).pages)


def test_a_new_meetings_draft_minutes_print_marked_and_approved_ones_print_clean(
    qtbot: QtBot, services: Services, meeting: int, vietnamese: None
) -> None:
    window = main_window(qtbot, services)
    click_tab(window.tabs, "Sinh hoạt chi bộ")
    click_button(window.meetings_view, "Ghi buổi sinh hoạt mới…")
    dialog = top_level(MeetingDialog)
    qtbot.addWidget(dialog)
    type_into(dialog.place, "Hội trường ấp Sáu")
    with qtbot.waitSignal(window.preview_ready, timeout=20000) as ready:
        click_button(dialog, "Xem trước và in…")  # saves the new meeting, then previews its draft minutes
    draft = pdf_words(ready.args[0].pdf)
    assert "DỰ THẢO" in draft and "Hội trường ấp Sáu" in draft
    assert "nhất trí thông qua" not in draft

    on_modal(ApproveDialog, lambda confirm: click_button(confirm, "Thông qua và khóa"))
    click_button(dialog, "Thông qua biên bản")
    view = window.meetings_view.list_view

    def approved_rows() -> list[int]:
        return [r for r in range(view.model().rowCount()) if view.model().index(r, 5).data() == "đã thông qua"]

    qtbot.waitUntil(lambda: len(approved_rows()) == 1)
    row = approved_rows()[0]
    click_index(view, view.model().index(row, 0))
    with qtbot.waitSignal(window.preview_ready, timeout=20000) as ready:
        click_button(window.meetings_view, "In biên bản…")
    approved = pdf_words(ready.args[0].pdf)
    assert "Hội trường ấp Sáu" in approved and "nhất trí thông qua" in approved
    assert "dự thảo" not in approved.casefold()
