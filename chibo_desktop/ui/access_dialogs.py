"""The password on opening the app: unlocking (or recovering with the code), setting it, and the idle lock."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from chibo_desktop.domain.errors import UserError
from chibo_desktop.ui.form_fields import message_label
from chibo_desktop.ui.i18n import render

if TYPE_CHECKING:  # the window paints its first screen before the services are loaded
    from chibo_desktop.services.access import AccessService


def _secret() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def _explain(error: UserError) -> str:
    return "\n".join([render(error.message), *(render(m) for m in error.field_errors.values())])


@contextmanager
def checking(dialog: QDialog, message: QLabel) -> Iterator[None]:
    """A password is stretched on purpose (argon2id, about a quarter of a second each time, on this thread: the
    dialog has nothing else to do meanwhile). Say so, with the busy pointer and the buttons off, until it is done,
    so a second press of Enter is not taken for a second attempt."""
    style = message.styleSheet()
    message.setStyleSheet("")  # not an error: the plain colour of the text around it
    message.setText(QApplication.translate("Access", "Checking the password…"))
    focus = QApplication.focusWidget()
    dialog.setEnabled(False)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    message.repaint()
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
        dialog.setEnabled(True)
        message.clear()
        message.setStyleSheet(style)
        if focus is not None:
            focus.setFocus()


def show_recovery_code(parent: QWidget | None, code: str) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QApplication.translate("Access", "Recovery code"),
        QApplication.translate(
            "Access",
            "Write this recovery code on paper and keep it in the branch's safe:\n\n{code}\n\nIf the password is "
            "forgotten, the code lets you set a new one without losing any data. It works once; a new code is given "
            "each time.",
        ).format(code=code),
        parent=parent,
    )
    box.setObjectName("recovery_code")
    return box


class UnlockDialog(QDialog):
    """Asks for the password; "Forgot the password?" turns it into the recovery form."""

    def __init__(self, access: "AccessService", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._access = access
        self.new_code: str | None = None
        self.setWindowTitle(self.tr("Branch records — locked"))
        layout = QVBoxLayout(self)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages)

        unlock = QWidget()
        form = QFormLayout(unlock)
        form.addRow(QLabel(self.tr("The app is locked. Type the password to open it.")))
        self.password = _secret()
        form.addRow(self.tr("Password"), self.password)
        forgot = QPushButton(self.tr("Forgot the password?"))
        forgot.setFlat(True)
        forgot.clicked.connect(lambda: self.pages.setCurrentIndex(1))
        form.addRow(forgot)
        self.pages.addWidget(unlock)

        recover = QWidget()
        form = QFormLayout(recover)
        form.addRow(
            QLabel(self.tr("Type the recovery code written down when the password was set, and a new password."))
        )
        self.code = QLineEdit()
        self.code.setPlaceholderText("ABCD-EFGH-JKLM-NPQR")
        self.new = _secret()
        self.repeat = _secret()
        form.addRow(self.tr("Recovery code"), self.code)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("New password again"), self.repeat)
        self.pages.addWidget(recover)

        self.message = message_label()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_open)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.password.returnPressed.connect(self.try_open)

    def try_open(self) -> bool:
        if self.pages.currentIndex() == 0:
            with checking(self, self.message):
                opened = self._access.unlock(self.password.text())
            if opened:
                code = self._access.take_new_code()
                if code is not None:  # the keys were sealed just now, with a new code to write down
                    self.new_code = code
                    show_recovery_code(self, code).exec()
                self.accept()
                return True
            self.password.clear()
            self.message.setText(self.tr("That password is not right. Try again, or use the recovery code."))
            return False
        try:
            with checking(self, self.message):
                self.new_code = self._access.recover(self.code.text(), self.new.text(), self.repeat.text())
        except UserError as error:
            self.message.setText(_explain(error))
            return False
        show_recovery_code(self, self.new_code).exec()
        self.accept()
        return True


class PasswordDialog(QDialog):
    """Set, change or remove the password, and the idle minutes."""

    def __init__(self, access: "AccessService", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._access = access
        self.code: str | None = None
        self.setWindowTitle(self.tr("Password on opening the app"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "With a password, the app asks for it when it opens and after some minutes without use. "
                    "It keeps others out of the app on a shared computer; keep the computer's own login locked too."
                ),
                wordWrap=True,
            )
        )
        form = QFormLayout()
        layout.addLayout(form)
        self.protected = access.protected()
        self.current = _secret()
        if self.protected:
            form.addRow(self.tr("Current password"), self.current)
        self.new = _secret()
        self.repeat = _secret()
        self.idle = QSpinBox()
        self.idle.setRange(0, 240)
        self.idle.setValue(access.idle_minutes())
        self.idle.setSuffix(self.tr(" minutes"))
        self.idle.setSpecialValueText(self.tr("never"))
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("New password again"), self.repeat)
        form.addRow(self.tr("Lock after"), self.idle)
        self.message = message_label()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        if self.protected:
            remove = buttons.addButton(self.tr("Remove the password"), QDialogButtonBox.ButtonRole.DestructiveRole)
            remove.clicked.connect(self.remove)
        layout.addWidget(buttons)

    def save(self) -> bool:
        try:
            with checking(self, self.message):
                self.code = self._access.set_password(
                    self.new.text(), self.repeat.text(), self.idle.value(), self.current.text()
                )
        except UserError as error:
            self.message.setText(_explain(error))
            return False
        show_recovery_code(self, self.code).exec()
        self.accept()
        return True

    def remove(self) -> bool:
        try:
            with checking(self, self.message):
                self._access.remove_password(self.current.text())
        except UserError as error:
            self.message.setText(_explain(error))
            return False
        self.accept()
        return True


class IdleLock(QObject):
    """Locks the app after *minutes* without a key or mouse press: every window is hidden until the password
    is typed again. Cancelling the unlock closes the app (the data is saved; nothing is pending)."""

    def __init__(
        self, access: Callable[[], "AccessService"], quit_app: Callable[[], object], armed_now: bool = True
    ) -> None:
        """*access* gives the current database's service (a restore replaces it). Not *armed_now*: the file is known
        to have no password (the window's first screen was read without the services), and the lock waits for
        :meth:`restart`."""
        super().__init__()
        self._access = access
        self._quit = quit_app
        self.locked = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock_now)
        if armed_now:
            self.restart()

    def restart(self) -> None:
        """Arm the timer (a password and idle minutes are set) and watch every key and click of the app, or neither.
        Only an armed lock watches: a Python filter of every event cost each start 35-40 ms (the events' first
        wrappers) and every event after it a call into Python."""
        access = self._access()
        minutes = access.idle_minutes()
        app = QCoreApplication.instance()
        if minutes > 0 and access.protected():
            self.timer.start(minutes * 60_000)
            if app is not None:
                app.installEventFilter(self)
        else:
            self.timer.stop()
            if app is not None:
                app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        # only an armed timer (a password and idle minutes are set) is pushed back by a key or a click
        if self.timer.isActive() and event.type() in (
            QEvent.Type.KeyPress,
            QEvent.Type.MouseButtonPress,
            QEvent.Type.Wheel,
        ):
            self.timer.start()
        return False

    def lock_now(self, dialog: UnlockDialog | None = None) -> bool:
        access = self._access()
        if self.locked or not access.protected():
            return True
        self.locked = True
        access.lock()  # the keys are forgotten until the password is typed again
        hidden = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        for widget in hidden:
            widget.hide()
        unlock = dialog or UnlockDialog(access)
        opened = bool(unlock.exec())
        self.locked = False
        if not opened:
            self._quit()
            return False
        for widget in hidden:
            widget.show()
        self.restart()
        return True
