"""'Last copy to a USB stick' in the main window: never, today, N days ago, and a reminder past the setting."""

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from chibo_desktop.app import Application
from chibo_desktop.domain.clock import Clock
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import open_database
from chibo_desktop.ui.backup_dialogs import StickPassphraseDialog
from chibo_desktop.ui.i18n import LanguageSwitch
from chibo_desktop.ui.stick_reminder import StickReminder
from tests.helpers.branch import SETUP
from tests.helpers.databases import migrated_copy
from tests.helpers.gui import answering_modal, choose_menu, click, find_button, key, type_text


def _lock_with_a_passphrase(dialog: QWidget) -> None:
    """The copy to a stick asks for the passphrase that locks it."""
    assert isinstance(dialog, StickPassphraseDialog)
    type_text(dialog.passphrase, "mat-khau-usb-2026")
    type_text(dialog.repeat, "mat-khau-usb-2026")
    click(dialog.ok_button)


def _remind_after(days: int) -> Callable[[QWidget], None]:
    def answer(dialog: QWidget) -> None:
        box = dialog.findChild(QSpinBox)
        assert isinstance(dialog, QInputDialog) and box is not None
        key(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(box, str(days))
        click(find_button(dialog, "Đồng ý"))

    return answer


def test_the_window_says_when_the_records_last_went_to_a_stick(qtbot: QtBot, tmp_path: Path) -> None:
    now = [datetime(2026, 11, 22, 16, 0)]
    clock = Clock(lambda: now[0])
    services = Services.build(open_database(migrated_copy(tmp_path / "chibo.sqlite"), tmp_path / "backups", clock))
    services.organisation.save(SETUP)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    switch = LanguageSwitch()
    switch.use("vi")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    application = Application(app, services, settings, switch)
    try:
        window = application.open_window()
        reminder = window.statusBar().findChild(StickReminder)
        assert reminder is not None
        assert reminder.label.text() == "Chưa từng sao lưu ra USB" and reminder.copy_button.isVisible()

        stick = tmp_path / "USB"
        stick.mkdir()
        with qtbot.waitSignal(window.backup.finished, timeout=30000), answering_modal(_lock_with_a_passphrase):
            window.backup.run(stick)
        assert reminder.label.text() == "Sao lưu ra USB gần nhất: hôm nay"
        assert not reminder.copy_button.isVisible()

        now[0] += timedelta(days=3)
        window = application.open_window()  # the next morning's start, three days on
        reminder = window.statusBar().findChild(StickReminder)
        assert reminder.label.text() == "Sao lưu ra USB gần nhất: 3 ngày trước" and not reminder.copy_button.isVisible()

        now[0] += timedelta(days=5)
        window = application.open_window()
        reminder = window.statusBar().findChild(StickReminder)
        assert reminder.label.text() == "Sao lưu ra USB gần nhất: 8 ngày trước"
        assert reminder.copy_button.isVisible()  # past the 7 days of the setting: the copy is offered

        # the days are asked from the File menu too, any day: 10 hides the offer at 8 days
        with answering_modal(_remind_after(10)) as asked:
            choose_menu(window, "Tệp", "Nhắc sao lưu ra USB…")
        assert asked and settings.value("backup/remind_after_days") == 10
        assert reminder.label.text() == "Sao lưu ra USB gần nhất: 8 ngày trước" and not reminder.copy_button.isVisible()
        window = application.open_window()
        reminder = window.statusBar().findChild(StickReminder)
        assert not reminder.copy_button.isVisible()
    finally:
        application.tasks.wait()
        if application.window is not None:
            application.window.close()
        application.services.db.close()
        switch.use("en")
