import logging
import sys

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import Message
from chibo_desktop.ui.crash import CrashDialog, CrashHook


def test_a_bug_is_logged_with_its_traceback_and_shown(qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    hook = CrashHook("/tmp/chibo.log")
    hook.raised.disconnect()  # the dialog is modal; check what it would be given
    with qtbot.waitSignal(hook.raised) as signal:
        try:
            raise ValueError("bad state")
        except ValueError:
            with caplog.at_level(logging.ERROR):
                hook.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    assert "ValueError: bad state" in signal.args[0]
    assert "Traceback" in caplog.text


def test_a_user_error_is_a_warning_not_a_crash(qtbot: QtBot) -> None:
    hook = CrashHook("/tmp/chibo.log")
    hook.user_error.disconnect()
    with qtbot.assertNotEmitted(hook.raised), qtbot.waitSignal(hook.user_error) as signal:
        error = UserError(Message("Cli", "The disk is full."))
        hook.excepthook(UserError, error, None)
    assert signal.args == ["The disk is full."]


def test_copy_details_puts_the_traceback_on_the_clipboard(qtbot: QtBot, vietnamese: None) -> None:
    dialog = CrashDialog("Traceback: boom", "/tmp/chibo.log")
    qtbot.addWidget(dialog)
    copy = next(b for b in dialog.buttons() if b.text() == "Sao chép chi tiết")
    copy.click()
    assert QApplication.clipboard().text() == "Traceback: boom"
    assert "/tmp/chibo.log" in dialog.text()
