import sqlite3

from pytestqt.qtbot import QtBot

from chibo_desktop.services.changes import Change
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import Database
from chibo_desktop.ui.setup_dialog import SetupDialog


def test_first_run_setup_writes_the_branch_and_its_upper_level(qtbot: QtBot, db: Database, vietnamese: None) -> None:
    services = Services.build(db)
    changes: list[Change] = []
    dialog = SetupDialog(services.organisation, changes.append)
    qtbot.addWidget(dialog)
    dialog.save()
    assert dialog.errors.visible_text("branch_name") == "Hãy nhập tên chi bộ."
    assert services.organisation.get() is None
    dialog.branch_name.setText("Chi bộ ấp Te Te 1")
    dialog.upper_name.setText("Đảng bộ xã Tân Hùng")
    dialog.place_name.setText("Tân Hùng")
    dialog.hamlets.setPlainText("Tổ 1\n\nTổ 2\ntổ 2\n")
    dialog.save()
    organisation = services.organisation.require()
    assert (organisation.branch_name, organisation.upper_name, organisation.place_name) == (
        "Chi bộ ấp Te Te 1",
        "Đảng bộ xã Tân Hùng",
        "Tân Hùng",
    )
    assert [h.name for h in organisation.hamlets] == ["Tổ 1", "Tổ 2"]
    assert len(changes) == 1
    with sqlite3.connect(db.path) as conn:
        rows = conn.execute("SELECT name, kind, parent_id IS NULL FROM org_unit ORDER BY id").fetchall()
    assert rows == [("Đảng bộ xã Tân Hùng", "committee", 1), ("Chi bộ ấp Te Te 1", "branch", 0)]


def test_a_committee_is_set_up_with_clicks_and_keeps_its_level(qtbot: QtBot, db: Database, vietnamese: None) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

    from chibo_desktop.domain.organisation import Level

    services = Services.build(db)
    dialog = SetupDialog(services.organisation, lambda _change: None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.hamlets.isVisible()
    committee = dialog.level_buttons[Level.COMMITTEE]
    QTest.mouseClick(committee, Qt.MouseButton.LeftButton, pos=committee.rect().center())
    assert committee.isChecked() and not dialog.hamlets.isVisible()
    label = dialog.form.labelForField(dialog.branch_name.parentWidget())
    assert isinstance(label, QLabel) and label.text() == "Tên cấp ủy"
    for field, text in (
        (dialog.branch_name, "Đảng ủy xã Tân Hùng"),
        (dialog.upper_name, "Tỉnh ủy Cà Mau"),
        (dialog.place_name, "Tân Hùng"),
    ):
        QTest.mouseClick(field, Qt.MouseButton.LeftButton, pos=field.rect().center())
        commit = QInputMethodEvent("", [])  # a Vietnamese input method commits each composed word
        commit.setCommitString(text)
        QApplication.sendEvent(field, commit)
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    QTest.mouseClick(save, Qt.MouseButton.LeftButton, pos=save.rect().center())
    organisation = services.organisation.require()
    assert (organisation.level, organisation.branch_name, organisation.upper_name) == (
        Level.COMMITTEE,
        "Đảng ủy xã Tân Hùng",
        "Tỉnh ủy Cà Mau",
    )
    later = SetupDialog(services.organisation, lambda _change: None, organisation)
    qtbot.addWidget(later)
    assert later.level_buttons[Level.COMMITTEE].isChecked()
    assert not any(button.isEnabled() for button in later.level_buttons.values())
