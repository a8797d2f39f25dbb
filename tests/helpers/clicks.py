"""Driving widgets the way a person does: mouse clicks at the centre of what is on screen, typed keys, and
acting on a modal dialog once it is up. Nothing here calls a slot or sets a selection from code."""

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QTabWidget,
    QWidget,
)

W = TypeVar("W", bound=QWidget)


def click(widget: QWidget) -> None:
    assert widget.isVisible() and widget.isEnabled(), f"{widget!r} cannot be clicked"
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())


def button(parent: QWidget, text: str) -> QAbstractButton:
    """The visible button whose text (without its & accelerator) is *text*."""
    found = [b for b in parent.findChildren(QAbstractButton) if b.isVisible() and b.text().replace("&", "") == text]
    assert len(found) == 1, f"{len(found)} buttons say {text!r}"
    return found[0]


def click_button(parent: QWidget, text: str) -> None:
    click(button(parent, text))


def click_index(view: QAbstractItemView, index: QModelIndex, double: bool = False) -> None:
    view.scrollTo(index)
    centre = view.visualRect(index).center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    if double:
        QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def click_tab(tabs: QTabWidget, text: str) -> None:
    bar = tabs.tabBar()
    labels = [bar.tabText(i).replace("&", "") for i in range(bar.count())]
    assert text in labels, f"no tab {text!r} in {labels}"
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(labels.index(text)).center())


def type_into(widget: QWidget, text: str, replace: bool = True) -> None:
    """Click into *widget*, select what is there (Ctrl+A) when replacing, and type."""
    click(widget)
    if replace:
        QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(widget, Qt.Key.Key_Delete)
    type_text(widget, text)


def type_text(widget: QWidget, text: str) -> None:
    """Type *text* as key presses, one per character. ``QTest.keyClicks`` only knows ASCII (Vietnamese letters
    abort it), so each character goes as the text of its key event, as a Vietnamese keyboard delivers it."""
    for character in text:
        key = Qt.Key(ord(character.upper())) if character.isascii() and character.isprintable() else Qt.Key.Key_unknown
        QTest.sendKeyEvent(QTest.KeyAction.Click, _focus_in(widget), key, character, Qt.KeyboardModifier.NoModifier)


def press(widget: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """One key, to whatever has the keyboard focus inside *widget* (an editor it opened, say)."""
    QTest.keyClick(_focus_in(widget), key, modifier)


def _focus_in(widget: QWidget) -> QWidget:
    """Where the keyboard sends keys: the window's focus widget when it is *widget* or inside it (an open cell
    editor). The window's, not the application's: offscreen, a dialog is not always made the active window."""
    focus = widget.window().focusWidget()
    return focus if focus is not None and (focus is widget or widget.isAncestorOf(focus)) else widget


def open_combo(combo: QComboBox) -> list[str]:
    """Open an editable combo's list from the keyboard (click into its text, then F4); returns the texts it
    offers. (A mouse press on the arrow opens it, but headless the release lands on the new popup and closes
    it.)"""
    line_edit = combo.lineEdit()
    assert line_edit is not None, "only editable combos: click a plain one to open it"
    click(line_edit)
    QTest.keyClick(_focus_in(combo), Qt.Key.Key_F4)
    assert combo.view().isVisible(), "the list did not open"
    return [combo.itemText(i) for i in range(combo.count())]


def pick(combo: QComboBox, text: str) -> None:
    """Choose *text* in the combo's open list with the arrow keys and Enter. (A click on the list right after it
    opened is ignored by Qt for a double-click interval, so a quick test click would depend on timing.)"""
    view = combo.view()
    assert view.isVisible(), "open the list first"
    row = [combo.itemText(i) for i in range(combo.count())].index(text)
    while view.currentIndex().row() != row:
        before = view.currentIndex().row()
        QTest.keyClick(view, Qt.Key.Key_Down if before < row else Qt.Key.Key_Up)
        assert view.currentIndex().row() != before, "the list does not move"
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert not view.isVisible() and combo.currentText() == text, "the list did not take the choice"


def on_modal(kind: type[W], act: Callable[[W], None]) -> None:
    """Once a modal *kind* is up (it is opened by the next click), run *act* on it, from inside its event loop."""

    tries = [500]  # about five seconds

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            try:
                act(dialog)
            except BaseException:
                dialog.close()  # a failed step must not leave the test waiting on a modal for ever
                raise
        elif tries[0] > 0:
            tries[0] -= 1
            QTimer.singleShot(10, attempt)

    QTimer.singleShot(0, attempt)


def top_level(kind: type[W]) -> W:
    """The one visible top-level window of *kind* (a dialog the app opened without waiting for it), made the
    active window as a desktop's window manager does with a window that just opened (offscreen, nobody does)."""
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    assert len(found) == 1, f"{len(found)} visible {kind.__name__} windows"
    window = found[0].windowHandle()
    assert window is not None
    window.requestActivate()
    for _ in range(500):  # up to about five seconds, for the platform to say it happened
        if found[0].isActiveWindow():
            break
        QTest.qWait(10)
    assert found[0].isActiveWindow(), f"{kind.__name__} did not become the active window"
    return found[0]
