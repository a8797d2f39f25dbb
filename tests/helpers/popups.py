"""What pops up over a form, driven as a person does (the rest is in :mod:`tests.helpers.gui`): a message box
answered with a click on its button, Qt's file dialog with a folder typed and a listed file clicked, a drop-down
list opened with a click and gone through with the arrow keys."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListView,
    QWidget,
)
from pytestqt.exceptions import TimeoutError
from pytestqt.qtbot import QtBot

from tests.helpers.gui import click


def on_next_modal(act: Callable[[QWidget], None], kind: type[QWidget] = QWidget) -> list[QWidget]:
    """Run *act* on the next modal window of *kind* once it is up (the click that opens it runs its own event
    loop, so this is set up before that click); the list returned holds the window once it was handled. An
    error in *act* closes the window, so that the test fails on the error instead of waiting forever."""
    handled: list[QWidget] = []

    def attempt() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None or not isinstance(modal, kind) or not modal.isVisible():
            QTimer.singleShot(10, attempt)
            return
        handled.append(modal)
        try:
            act(modal)
        except BaseException:
            if isinstance(modal, QDialog) and modal.isVisible():
                modal.reject()  # not a person's move: it only unblocks the test, which then fails on the error
            raise

    QTimer.singleShot(0, attempt)
    return handled


@contextmanager
def watching_modals() -> Iterator[list[QWidget]]:
    """Inside the block, any modal window that opens is noted in the list yielded and closed (not a person's move:
    it only keeps the test from waiting, which then fails on the list); the watch ends with the block, so it cannot
    answer a later test's window as :func:`on_next_modal` left waiting would."""
    seen: list[QWidget] = []
    watching = [True]

    def look() -> None:
        if not watching[0]:
            return
        modal = QApplication.activeModalWidget()
        if modal is not None and modal.isVisible() and modal not in seen:
            seen.append(modal)
            if isinstance(modal, QDialog):
                modal.reject()
        QTimer.singleShot(10, look)

    QTimer.singleShot(0, look)
    try:
        yield seen
    finally:
        watching[0] = False


def answer(box: QWidget, text: str) -> None:
    """Click the button labelled *text* in a message box or a dialog's row of buttons."""
    for row in box.findChildren(QDialogButtonBox):
        for button in row.buttons():
            if button.text().replace("&", "") == text:
                click(button)
                return
    labels = [b.text().replace("&", "") for b in box.findChildren(QAbstractButton)]
    raise AssertionError(f"no button {text!r} in {labels}")


def activate(window: QWidget) -> None:
    """Bring *window* to the front, as the window manager does when it opens (offscreen, nothing does)."""
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window, 2000)
    assert QApplication.activeWindow() is window


def focused() -> QWidget:
    """Where a key goes: the open popup's focus (a completer's list), else the widget with the focus."""
    popup = QApplication.activePopupWidget()
    widget = (popup.focusWidget() or popup) if popup is not None else QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def pick_in_file_dialog(qtbot: QtBot, folder: str, name: str) -> Callable[[QWidget], None]:
    """An action for :func:`on_next_modal` on Qt's file dialog: type the folder, Enter, wait for *name* to be
    listed (only the files its filter shows are), click it, Enter. A file not offered closes the dialog."""

    def act(dialog: QWidget) -> None:
        QApplication.processEvents()  # the menu that opened the dialog is on its way out: let it go first
        activate(dialog)
        name_field = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name_field is not None
        click(name_field)
        QTest.keyClicks(focused(), folder)
        QTest.keyClick(focused(), Qt.Key.Key_Return)
        if QApplication.activePopupWidget() is not None:  # the completer's suggestions: put them away
            QTest.keyClick(focused(), Qt.Key.Key_Escape)
        listing = dialog.findChild(QListView, "listView")
        assert listing is not None

        def row_of_name() -> int:
            model, root = listing.model(), listing.rootIndex()
            names = [model.index(r, 0, root).data() for r in range(model.rowCount(root))]
            return names.index(name) if name in names else -1

        try:
            qtbot.waitUntil(lambda: row_of_name() >= 0, timeout=5000)
        except TimeoutError:
            QTest.keyClick(focused(), Qt.Key.Key_Escape)  # not offered: the person gives up; the test fails later
            return
        model, root = listing.model(), listing.rootIndex()
        index = model.index(row_of_name(), 0, root)
        listing.scrollTo(index)
        centre = listing.visualRect(index).center()
        QTest.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
        QTest.keyClick(focused(), Qt.Key.Key_Return)

    return act


def choose_in_combo(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Open the drop-down list with a click, go to the entry *text* with the arrow keys, press Enter. (Offscreen,
    the pointer cannot hover over the list, and a click there without hovering selects nothing.)"""
    click(combo)
    qtbot.waitUntil(lambda: combo.view().isVisible(), timeout=2000)  # asked afresh: a kept wrapper goes stale
    row = next(r for r in range(combo.count()) if combo.itemText(r) == text)
    for _ in range(combo.count()):
        current = combo.view().currentIndex().row()
        if current == row:
            break
        QTest.keyClick(combo.view(), Qt.Key.Key_Down if current < row else Qt.Key.Key_Up)  # the list has the keys
    QTest.keyClick(combo.view(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not combo.view().isVisible(), timeout=2000)
    assert combo.currentText() == text
