"""A candidate's path to admission in the real window, with clicks and keys: added, each step recorded in turn
(a step out of order or without what it needs refused with a message), and the ceremony that lists them as a
probationary member in the roster, without typing their details again."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.admissions_view import CandidateDialog, StepDialog
from chibo_desktop.ui.main_window import MainWindow
from chibo_desktop.ui.tasks import TaskRunner
from tests.helpers.gui import click, click_row, click_tab, field, key, new_window, row_texts, type_into, windows
from tests.helpers.members import add_member
from tests.helpers.popups import choose_in_combo

STEPS = [
    ("02/01/2026", "Đoàn Thanh niên"),
    ("05/03/2026", "CN-0412"),
    ("02/04/2026", "Nguyễn Văn An, Lê Thị Bình"),
    ("01/06/2026", "Đảng ủy xã, đạt"),
    ("08/07/2026", "18/20"),
    ("20/08/2026", "125-QĐ/ĐU"),
    ("02/09/2026", "Hội trường ấp"),
]


def test_a_candidate_goes_from_introduction_to_probationary_member(
    qtbot: QtBot, services: Services, vietnamese: None
) -> None:
    add_member(services, "Nguyễn Văn An")
    w = MainWindow(services, TaskRunner(), "vi")
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.roster_loaded, timeout=10000):
        w.show()
    view = w.admissions_view
    with qtbot.waitSignal(view.loaded, timeout=10000):
        click_tab(w.tabs, "Phát triển đảng viên")

    before = windows()
    click(view.new_button)
    dialog = new_window(qtbot, CandidateDialog, before)
    type_into(field(dialog, "Họ và tên"), "Trần Thị Thu")
    choose_in_combo(qtbot, dialog.gender, "Nữ")
    type_into(field(dialog, "Ngày sinh"), "05/04/2000")
    type_into(field(dialog, "Nơi ở"), "Ấp Sáu, xã Tân Hùng")
    with qtbot.waitSignal(view.loaded, timeout=10000):
        key(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert row_texts(view.table, 0) == ["Trần Thị Thu"]
    assert row_texts(view.table, 3) == ["Đoàn thể giới thiệu"]

    click_row(view.table, 0)
    for number, (on, detail) in enumerate(STEPS):
        before = windows()
        click(view.step_button)
        step = new_window(qtbot, StepDialog, before)
        type_into(step.on, on)
        if number == 2:  # one name only: refused, the dialog stays with the message
            type_into(step.detail, "Nguyễn Văn An")
            key(step.detail, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
            assert step.isVisible() and "hai đảng viên" in step.message.text()
        type_into(step.detail, detail)
        with qtbot.waitSignal(view.loaded, timeout=10000):
            key(step.detail, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        assert not step.isVisible()
        assert row_texts(view.table, 2) == [f"{number + 1}/7"]
    assert row_texts(view.table, 3) == ["Đã kết nạp: nay là đảng viên dự bị"]
    assert row_texts(view.steps_table, 2)[-2:] == ["125-QĐ/ĐU", "Hội trường ấp"]
    assert not view.step_button.isEnabled()

    w.tabs.setFocus()
    click_tab(w.tabs, "Đảng viên")
    qtbot.waitUntil(lambda: "Trần Thị Thu" in row_texts(w.roster_view.table, 0), timeout=10000)
    member = next(r for r in services.members.roster().rows if r.full_name == "Trần Thị Thu")
    assert member.status == "probationary" and member.admission_date is not None
    record = services.members.get(member.id).record
    assert (record.residence, record.admission_decision_no) == ("Ấp Sáu, xã Tân Hùng", "125-QĐ/ĐU")
    assert QApplication.activeModalWidget() is None
