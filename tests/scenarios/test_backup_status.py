"""After a copy to a USB stick, through the File menu: the status bar says where it went without running into the
data file's path, and the reminder to make a copy goes (with its "remind me later")."""

import gc
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from chibo_desktop.app import Application
from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.backup_dialogs import StickPassphraseDialog
from chibo_desktop.ui.i18n import LanguageSwitch
from chibo_desktop.ui.stick_reminder import StickReminder
from tests.helpers.gui import answering_modal, button_texts, choose_menu, click, key, type_text
from tests.helpers.popups import on_next_modal

PASS = "mat-khau-usb-2026"


def test_after_a_copy_the_bar_reads_clearly_and_the_reminder_goes(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    # Qt objects left by earlier tests are freed here, on the GUI thread, and no collection runs in a worker
    # thread during this test (one freeing Qt objects there warned of a timer stopped from another thread, or
    # crashed, in full runs of the suite).
    gc.collect()
    gc.disable()
    qt_app = QApplication.instance()
    assert isinstance(qt_app, QApplication)
    switch = LanguageSwitch()
    switch.use("vi")
    application = Application(
        qt_app, services, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat), switch
    )
    stick = tmp_path / "usb"
    stick.mkdir()
    try:
        window = application.open_window()
        bar = window.statusBar()
        reminder = bar.findChild(StickReminder)
        assert reminder is not None
        assert reminder.label.text() == "Chưa từng sao lưu ra USB"
        assert {"Sao lưu ra USB ngay…", "Nhắc sau…"} <= set(button_texts(bar))

        def lock(dialog: QWidget) -> None:
            assert isinstance(dialog, StickPassphraseDialog)
            type_text(dialog.passphrase, PASS)
            type_text(dialog.repeat, PASS)
            click(dialog.ok_button)

        def pick_the_stick(dialog: QWidget) -> None:  # the folder pasted into the name box, then Enter
            on_next_modal(lock, StickPassphraseDialog)
            name = dialog.findChild(QLineEdit, "fileNameEdit")
            assert name is not None
            click(name)
            QApplication.clipboard().setText(str(stick))
            key(name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            key(name, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
            key(name, Qt.Key.Key_Return)

        with qtbot.waitSignal(window.backup.finished, timeout=30000), answering_modal(pick_the_stick):
            choose_menu(window, "Tệp", "Sao lưu ra thư mục hoặc USB…")
        told = [b for b in QApplication.topLevelWidgets() if isinstance(b, QMessageBox) and b.isVisible()]
        assert told
        click(told[0].button(QMessageBox.StandardButton.Ok))
        (copy,) = stick.iterdir()

        message = bar.currentMessage()
        assert message == f"Đã sao lưu vào {copy.name}. Có thể rút ổ đĩa ra."
        path = bar.findChild(QLabel, "database_name")
        assert path is not None and not path.isVisible()  # the path steps aside while the message is shown
        # The whole message is painted before what stays on the right, with room between them.
        message_end = 6 + bar.fontMetrics().horizontalAdvance(message)
        right = reminder.geometry().left()
        assert message_end + 12 <= right, (message_end, right, window.width())

        assert reminder.label.text() == "Sao lưu ra USB gần nhất: hôm nay"
        offered = button_texts(bar)
        assert "Sao lưu ra USB ngay…" not in offered and "Nhắc sau…" not in offered
        bar.clearMessage()
        assert path.isVisible() and path.text() == services.db.name  # back once the message goes
    finally:
        gc.enable()
        application.tasks.wait()
        application.daily.stop()
        if application.window is not None:
            application.window.close()
        switch.use("en")
