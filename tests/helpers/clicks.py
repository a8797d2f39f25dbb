"""Driving widgets the way a person does: mouse clicks at the centre of what is on screen, typed keys, and
acting on a modal dialog once it is up. Nothing here calls a slot or sets a selection from code."""

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QTabWidget, QWidget

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
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, key, character, Qt.KeyboardModifier.NoModifier)


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
    """The one visible top-level window of *kind* (a dialog the app opened without waiting for it)."""
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    assert len(found) == 1, f"{len(found)} visible {kind.__name__} windows"
    return found[0]
