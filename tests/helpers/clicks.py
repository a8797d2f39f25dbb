"""Driving widgets the way a person does: a click at a button's centre, a click on a row's cell, keys typed into
whatever has the focus, and acting on the modal window that opens next. Nothing here calls a slot or sets a
selection; if these cannot reach something, a person cannot either."""

import re
from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QListView,
    QMenu,
    QMenuBar,
    QTabWidget,
    QWidget,
)
from pytestqt.exceptions import TimeoutError
from pytestqt.qtbot import QtBot


def plain(text: str) -> str:
    """A label as read on screen: without the "&" that marks its shortcut letter."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def button(parent: QWidget, text: str) -> QAbstractButton:
    """The visible button of *parent* whose label (without "&") starts with *text*."""
    found = [
        b
        for b in parent.findChildren(QAbstractButton)
        if plain(b.text()).startswith(text) and b.isVisible() and b.window() is parent.window()
    ]
    assert found, f"no button {text!r} in {[plain(b.text()) for b in parent.findChildren(QAbstractButton)]}"
    return found[0]


def click(widget: QWidget, pos: QPoint | None = None) -> None:
    assert widget.isVisible(), f"{widget!r} is not on screen"
    assert widget.isEnabled(), f"{widget!r} is disabled"
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos or widget.rect().center())


def click_button(parent: QWidget, text: str) -> None:
    click(button(parent, text))


def click_cell(view: QAbstractItemView, row: int, column: int = 0, double: bool = False) -> None:
    index = view.model().index(row, column, view.rootIndex())
    view.scrollTo(index)
    centre = view.visualRect(index).center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    if double:
        QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)


def click_tab(tabs: QTabWidget, title: str) -> None:
    bar = tabs.tabBar()
    index = next(i for i in range(bar.count()) if title in plain(bar.tabText(i)))
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, bar.tabRect(index).center())


def type_text(widget: QWidget, text: str, clear: bool = True) -> None:
    """Click into *widget* and type *text* as a Vietnamese user does: keys for plain letters and digits, and an
    input method's commit (Unikey, IBus) for the letters with tone marks, which no key sends alone."""
    click(widget)
    if clear:
        QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(widget, Qt.Key.Key_Delete)
    for word in re.split(r"(\s+)", text):
        if word.isascii():
            QTest.keyClicks(widget, word)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(word)
            QApplication.sendEvent(widget, event)


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


def on_next_modal(qtbot: QtBot, act: Callable[[QWidget], None], kind: type[QWidget] = QWidget) -> list[QWidget]:
    """Run *act* on the next modal window of *kind* as soon as it is shown (a message box, a file dialog);
    returns a list that holds that window once it was handled, for the test to wait on."""
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


def answer(box: QWidget, text: str) -> None:
    """Click the button labelled *text* in a message box or a dialog's button row."""
    for buttons in box.findChildren(QDialogButtonBox):
        for b in buttons.buttons():
            if plain(b.text()).startswith(text):
                click(b)
                return
    raise AssertionError(f"no button {text!r} in {[plain(b.text()) for b in box.findChildren(QAbstractButton)]}")


def focused() -> QWidget:
    """Where a key goes: the open popup (a completer's list), else the widget with the focus."""
    popup = QApplication.activePopupWidget()
    widget = (popup.focusWidget() or popup) if popup is not None else QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def activate(window: QWidget) -> None:
    """Bring *window* to the front as the window manager would when it opens (offscreen, nothing does)."""
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window, 2000)


def pick_in_file_dialog(qtbot: QtBot, folder: str, name: str) -> Callable[[QWidget], None]:
    """An action for :func:`on_next_modal` on Qt's file dialog: type the folder, Enter, wait for *name* to be
    listed (only files its filter shows are listed), click it, press Enter."""

    def act(dialog: QWidget) -> None:
        activate(dialog)
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
        click_cell(listing, row_of_name())
        QTest.keyClick(focused(), Qt.Key.Key_Return)

    return act


def choose_menu(menu_bar: QMenuBar, top: str, item: str, qtbot: QtBot) -> None:
    """Open the menu *top* with a click on the menu bar, then click its entry *item*."""
    action = next(a for a in menu_bar.actions() if plain(a.text()).startswith(top))
    QTest.mouseClick(
        menu_bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, menu_bar.actionGeometry(action).center()
    )
    menu = action.menu()
    assert isinstance(menu, QMenu)
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    entry = next(a for a in menu.actions() if plain(a.text()).startswith(item))
    QTest.mouseClick(
        menu, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, menu.actionGeometry(entry).center()
    )
