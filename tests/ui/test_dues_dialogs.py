"""A member's dues settings and decisions, and paying up to the upper level, through their dialogs with real
clicks and keys."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QDialogButtonBox
from pytestqt.qtbot import QtBot

from chibo_desktop.domain.dues import Channel
from chibo_desktop.services.changes import Change
from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.dues_dialogs import HandoverDialog, MemberDuesDialog
from tests.helpers.days import TODAY
from tests.helpers.gui import click, type_into
from tests.helpers.members import add_member


def choose(qtbot: QtBot, combo: QComboBox, index: int) -> None:
    """Open the list with a click, step to the entry with the arrow keys and press Enter, as a person does."""
    click(combo)
    popup = combo.view()
    qtbot.waitUntil(popup.isVisible)
    steps = index - combo.currentIndex()
    for _ in range(abs(steps)):
        QTest.keyClick(popup, Qt.Key.Key_Down if steps > 0 else Qt.Key.Key_Up)
    QTest.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible())
    assert combo.currentIndex() == index


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")  # the combo lists, offscreen
def test_settings_and_a_decision_change_what_is_due(qtbot: QtBot, services: Services, vietnamese: None) -> None:
    member = add_member(services, "Nguyễn Thị Mai")
    changes: list[Change] = []
    dialog = MemberDuesDialog(services.dues, member, changes.append, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Đảng phí — Nguyễn Thị Mai"
    assert dialog.summary.text() == "Tháng 11/2026: phải đóng 11.100 đ; còn nợ 111.000 đ."

    type_into(dialog.valid_from, "06/2026")
    choose(qtbot, dialog.category, dialog.category.findData("pension"))
    type_into(dialog.base, "5.120.000")
    click(dialog.save_setting_button)
    assert dialog.message.text() == ""
    assert dialog.settings_table.item(0, 0).text() == "06/2026"
    assert dialog.settings_table.item(0, 2).text() == "5.120.000 đ"
    # February–May "other" 4 × 11.100, June–November 0,5 % of the pension 6 × 25.600
    assert dialog.summary.text() == "Tháng 11/2026: phải đóng 25.600 đ; còn nợ 198.000 đ."

    choose(qtbot, dialog.kind, dialog.kind.findText("Giảm 50%"))
    choose(qtbot, dialog.reason, dialog.reason.findText("Hộ nghèo"))
    type_into(dialog.start, "09/2026")
    type_into(dialog.end, "10/2027")  # 14 months: too long
    type_into(dialog.decision_no, "21-QĐ/ĐU")
    click(dialog.add_decision_button)
    assert (
        dialog.decision_errors.visible_text("end") == "Mỗi quyết định tối đa 12 tháng; quyết định này kéo dài 14 tháng."
    )
    assert dialog.decision_table.rowCount() == 0
    type_into(dialog.end, "08/2027")
    click(dialog.add_decision_button)
    assert dialog.decision_table.rowCount() == 1
    assert dialog.decision_table.item(0, 2).text() == "giảm 50%"
    assert dialog.summary.text() == "Tháng 11/2026: phải đóng 12.800 đ; còn nợ 159.600 đ."
    assert len(changes) == 2


def test_paying_up_the_upper_levels_share(qtbot: QtBot, services: Services, vietnamese: None) -> None:
    member = add_member(services, "Nguyễn Văn An")
    november = date(2026, 11, 1)
    services.dues.pay(member, november, 111_000, Channel.CASH)
    changes: list[Change] = []
    dialog = HandoverDialog(services.dues, november, changes.append, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.amount.text() == "77.700"  # 70 % of 111.000
    type_into(dialog.amount, "80.000")
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    click(save)
    assert "77.700" in dialog.message.text() and changes == []
    type_into(dialog.amount, "70.000")
    click(save)
    assert dialog.handovers.rowCount() == 1 and dialog.handovers.item(0, 1).text() == "70.000 đ"
    assert dialog.amount.text() == "7.700"
    assert dialog.summary.text().endswith("Còn phải nộp đến hết tháng 11/2026: 7.700 đ.")
