"""Restoring, as the user meets it with the mouse: a backup of another branch, picked from a stick, is named and
asked about before it replaces anything; "No" leaves everything as it was, "Yes" restores it."""

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from chibo_desktop.app import Application
from chibo_desktop.domain.organisation import OrganisationSetup
from chibo_desktop.services import backups
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import open_database
from chibo_desktop.ui.backup_dialogs import RestoreDialog
from chibo_desktop.ui.i18n import LanguageSwitch
from chibo_desktop.ui.main_window import MainWindow
from tests.helpers.branch import SETUP
from tests.helpers.days import CLOCK
from tests.helpers.members import add_member

# Refused and altered files are logged at WARNING on purpose: these tests expect it.
pytestmark = pytest.mark.logs_warning


def _branch(path: Path, setup: OrganisationSetup, names: list[str]) -> Services:
    services = Services.build(open_database(path, path.parent / "backups", clock=CLOCK))
    services.organisation.save(setup)
    for name in names:
        add_member(services, name)
    return services


def _click(widget: QWidget, at: QPoint | None = None) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=at if at is not None else widget.rect().center())


def _menu_item(qtbot: QtBot, window: MainWindow, menu_title: str, item: str) -> None:
    """Open *menu_title* on the menu bar and click *item*, as a person would."""
    bar = window.menuBar()
    menu_action = next(a for a in bar.actions() if a.text().replace("&", "") == menu_title)
    _click(bar, bar.actionGeometry(menu_action).center())
    menu = menu_action.menu()
    assert isinstance(menu, QMenu)
    qtbot.waitUntil(menu.isVisible)
    action = next(a for a in menu.actions() if a.text().replace("&", "") == item)
    _click(menu, menu.actionGeometry(action).center())


def _when_modal(act: Callable[[QWidget], None]) -> None:
    """Act on the next modal window as soon as it is up (it blocks the click that opened it)."""

    def attempt() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(10, attempt)
        else:
            act(modal)

    QTimer.singleShot(0, attempt)


def _when_modal_after(previous: QWidget, act: Callable[[QWidget], None]) -> None:
    """Act on the next modal window other than *previous*."""

    def attempt() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None or modal is previous:
            QTimer.singleShot(10, attempt)
        else:
            act(modal)

    QTimer.singleShot(0, attempt)


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")  # offscreen: menus, popups
def test_a_backup_of_another_branch_is_named_and_asked_about(qtbot: QtBot, tmp_path: Path) -> None:
    other = _branch(
        tmp_path / "other" / "chibo.sqlite",
        OrganisationSetup("Chi bộ ấp Bảy", "Đảng bộ xã Tân Hùng", "Tân Hùng", ("Tổ 1",)),
        ["Trần Văn Hùng", "Lê Văn Tám"],
    )
    stick = tmp_path / "stick"
    stick.mkdir()
    foreign = other.backups.backup_to(stick, "Chi bộ ấp Bảy", "mat-khau-ap-bay")
    other.db.close()

    services = _branch(tmp_path / "data" / "chibo.sqlite", SETUP, ["Nguyễn Thị Bích"])
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    switch = LanguageSwitch()
    switch.use("vi")
    application = Application(app, services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), switch)
    window = application.open_window()  # replaced (and deleted) by the restore, so not handed to qtbot
    qtbot.waitUntil(lambda: window.roster_view.model.rowCount() == 1)

    _menu_item(qtbot, window, "Tệp", "Khôi phục từ bản sao lưu…")
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, RestoreDialog) and w.isVisible())

    def pick(file_dialog: QWidget) -> None:
        assert isinstance(file_dialog, QFileDialog)
        name = file_dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        # Pasted, as a person pastes a path: typed key by key, the dialog's completion rewrites it as it goes.
        QApplication.clipboard().setText(str(foreign))
        QTest.keyClick(name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(name, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(name, Qt.Key.Key_Return)
        # a watchdog, not a timing: a dialog that did not take the path must fail the test, not hang the suite
        QTimer.singleShot(10_000, file_dialog, file_dialog.reject)  # the dialog as context: gone, no call

    def unlock(asked: QWidget) -> None:
        assert isinstance(asked, QInputDialog)
        field = asked.findChild(QLineEdit)
        assert field is not None and field.echoMode() == QLineEdit.EchoMode.Password
        QTest.keyClicks(field, "mat-khau-ap-bay")
        QTest.keyClick(field, Qt.Key.Key_Return)

    def pick_then_unlock(file_dialog: QWidget) -> None:
        _when_modal_after(file_dialog, unlock)  # the passphrase is asked once the file dialog has closed
        pick(file_dialog)

    _when_modal(pick_then_unlock)
    _click(next(b for b in dialog.findChildren(QPushButton) if b.text() == "Tệp sao lưu khác…"))
    qtbot.waitUntil(lambda: dialog.table.rowCount() >= 1 and dialog.table.item(0, 2).text() == "Chi bộ ấp Bảy")
    table = dialog.table
    _click(table.viewport(), table.visualRect(table.model().index(0, 0)).center())
    assert dialog.restore_button.isEnabled()

    warnings: list[str] = []

    def answer(button: QMessageBox.StandardButton) -> Callable[[QWidget], None]:
        def act(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            warnings.append(box.windowTitle() + "\n" + box.text())
            _click(box.button(button))

        return act

    _when_modal(answer(QMessageBox.StandardButton.No))
    _click(dialog.restore_button)
    assert "Bản sao lưu của chi bộ khác" in warnings[0]
    assert "“Chi bộ ấp Bảy” (2 đảng viên)" in warnings[0] and "“Chi bộ ấp Sáu”" in warnings[0]
    assert application.window is window and dialog.isVisible()  # "No": nothing happened
    assert backups.inspect(services.db.path).branch == "Chi bộ ấp Sáu"

    _when_modal(answer(QMessageBox.StandardButton.Yes))
    _click(dialog.restore_button)
    restored = application.window
    assert len(warnings) == 2 and restored is not None and restored is not window
    qtbot.addWidget(restored)
    qtbot.waitUntil(lambda: restored.roster_view.model.rowCount() == 2)
    assert application.services.organisation.require().branch_name == "Chi bộ ấp Bảy"
    kept = [p for p in application.services.backups.folder.iterdir() if "before-restore" in p.name]
    assert len(kept) == 1 and backups.inspect(kept[0]).branch == "Chi bộ ấp Sáu"  # the replaced data is kept
    application.tasks.wait()
    application.services.db.close()
    switch.use("en")
