"""The password as the user meets it: the lock screen, the recovery code, the lock after idle minutes."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.access_dialogs import IdleLock, PasswordDialog, UnlockDialog
from tests.helpers.gui import click
from tests.helpers.popups import activate


def _close_next_message() -> None:
    def close() -> None:
        box = QApplication.activeModalWidget()
        if box is not None and box.objectName() == "recovery_code":
            box.accept()
        else:
            QTimer.singleShot(20, close)

    QTimer.singleShot(0, close)


def test_setting_a_password_shows_the_recovery_code(qtbot: QtBot, services: Services, vietnamese: None) -> None:
    dialog = PasswordDialog(services.access)
    qtbot.addWidget(dialog)
    dialog.new.setText("bi-thu-2026")
    dialog.repeat.setText("bi-thu-2025")
    assert not dialog.save()
    assert "không giống nhau" in dialog.message.text() and not services.access.protected()
    dialog.repeat.setText("bi-thu-2026")
    dialog.idle.setValue(5)
    _close_next_message()
    assert dialog.save()
    assert dialog.code is not None and len(dialog.code) == 19
    assert services.access.protected() and services.access.idle_minutes() == 5


def test_the_lock_screen_refuses_a_wrong_password_and_opens_with_the_right_one(
    qtbot: QtBot, services: Services, vietnamese: None
) -> None:
    code = services.access.set_password("bi-thu-2026", "bi-thu-2026", 10)
    dialog = UnlockDialog(services.access)
    qtbot.addWidget(dialog)
    dialog.password.setText("bi-thu-2025")
    assert not dialog.try_open()
    assert "không đúng" in dialog.message.text() and dialog.password.text() == ""
    dialog.password.setText("bi-thu-2026")
    assert dialog.try_open()

    forgot = UnlockDialog(services.access)
    qtbot.addWidget(forgot)
    forgot.pages.setCurrentIndex(1)
    forgot.code.setText(code)
    forgot.new.setText("mat-khau-moi")
    forgot.repeat.setText("mat-khau-moi")
    _close_next_message()
    assert forgot.try_open()
    assert services.access.check("mat-khau-moi")


def test_idle_minutes_hide_every_window_until_the_password_is_typed(qtbot: QtBot, services: Services) -> None:
    services.access.set_password("bi-thu-2026", "bi-thu-2026", 1)
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    closed: list[bool] = []
    lock = IdleLock(lambda: services.access, lambda: closed.append(True))
    assert lock.timer.isActive() and lock.timer.interval() == 60_000

    dialog = UnlockDialog(services.access)
    qtbot.addWidget(dialog)
    seen: list[bool] = []

    def type_password() -> None:
        seen.append(window.isVisible())
        dialog.password.setText("bi-thu-2026")
        dialog.try_open()

    QTimer.singleShot(0, type_password)
    assert lock.lock_now(dialog)
    assert seen == [False] and window.isVisible() and not closed

    refused = UnlockDialog(services.access)
    qtbot.addWidget(refused)
    QTimer.singleShot(0, refused.reject)
    assert not lock.lock_now(refused)
    assert closed == [True]  # cancelling the lock screen closes the app rather than showing the data


def test_a_wrong_password_typed_and_entered_leaves_the_field_ready_for_another_try(
    qtbot: QtBot, services: Services, vietnamese: None
) -> None:
    services.access.set_password("bi-thu-2026", "bi-thu-2026", 10)
    dialog = UnlockDialog(services.access)
    qtbot.addWidget(dialog)
    dialog.show()
    activate(dialog)
    click(dialog.password)
    QTest.keyClicks(dialog.password, "bi-thu-2025")
    QTest.keyClick(dialog.password, Qt.Key.Key_Return)
    # the check is over: its busy pointer gone, the dialog usable again, the typing back in the emptied field
    assert "không đúng" in dialog.message.text()
    assert QApplication.overrideCursor() is None and dialog.isEnabled()
    assert QApplication.focusWidget() is dialog.password
    QTest.keyClicks(dialog.password, "bi-thu-2026")
    assert dialog.password.text() == "bi-thu-2026"
    QTest.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result() == UnlockDialog.DialogCode.Accepted and QApplication.overrideCursor() is None
