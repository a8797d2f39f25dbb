"""Bugs, as opposed to user errors: logged with their traceback and shown with a "copy details" button."""

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from chibo_desktop.domain.errors import UserError
from chibo_desktop.ui.i18n import render

log = logging.getLogger("chibo_desktop.crash")


def show_user_error(parent: QWidget | None, error: UserError) -> None:
    """A plain message in the user's language that says what is wrong and what to do."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("Crash", "Cannot do that"),
        render(error.message),
        parent=parent,
    )
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    if error.field_errors:
        box.setInformativeText("\n".join(render(m) for m in error.field_errors.values()))
    box.exec()


class CrashDialog(QMessageBox):
    def __init__(self, details: str, log_file: str, parent: QWidget | None = None) -> None:
        super().__init__(
            QMessageBox.Icon.Critical, QCoreApplication.translate("Crash", "Something went wrong"), "", parent=parent
        )
        self.setText(
            QCoreApplication.translate(
                "Crash",
                "The app met an error it did not expect. Your saved data is safe. "
                "The details are in the log file:\n{path}",
            ).format(path=log_file)
        )
        self.setDetailedText(details)
        self.details = details
        copy = self.addButton(QCoreApplication.translate("Crash", "Copy details"), QMessageBox.ButtonRole.ActionRole)
        copy.clicked.disconnect()
        copy.clicked.connect(self._copy)
        self.addButton(QMessageBox.StandardButton.Close)

    def _copy(self) -> None:
        QApplication.clipboard().setText(self.details)


class CrashHook(QObject):
    """Installed as ``sys.excepthook``; moves exceptions from any thread to the GUI thread before showing them."""

    raised = Signal(str)
    user_error = Signal(str)

    def __init__(self, log_file: str) -> None:
        super().__init__()
        self.log_file = log_file
        self.raised.connect(self._show)
        self.user_error.connect(self._warn)

    def install(self) -> None:
        sys.excepthook = self.excepthook

    def excepthook(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if isinstance(value, UserError):
            self.user_error.emit(render(value.message))
            return
        details = "".join(traceback.format_exception(kind, value, tb))
        log.error("unhandled exception\n%s", details)
        self.raised.emit(details)

    def _show(self, details: str) -> None:
        CrashDialog(details, self.log_file).exec()

    def _warn(self, text: str) -> None:
        QMessageBox.warning(None, QCoreApplication.translate("Crash", "Cannot do that"), text)
