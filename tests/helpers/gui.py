"""Driving the real widgets the way a person does: clicks at the centre of what is seen, typed keys.

Nothing here calls a slot or sets a selection: if a click cannot reach it, a person cannot either.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QRadioButton,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from chibo_desktop.ui.tasks import TaskRunner

W = TypeVar("W", bound=QWidget)
INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QTextEdit, QPlainTextEdit)


def click(widget: QWidget, button: Qt.MouseButton = Qt.MouseButton.LeftButton) -> None:
    """A click at the centre of *widget*; fails if the widget is hidden or disabled (a person could not click)."""
    assert widget.isVisible(), f"{widget!r} is not on screen"
    assert widget.isEnabled(), f"{widget.objectName() or widget!r} is disabled"
    at = widget.rect().center()
    if isinstance(widget, (QCheckBox, QRadioButton)):  # on its box and words, not the empty width of its row
        at.setX(min(widget.sizeHint().width(), widget.width()) // 2)
    QTest.mouseClick(widget, button, Qt.KeyboardModifier.NoModifier, at)


def click_button(parent: QWidget, text: str) -> QAbstractButton:
    """Click the visible button inside *parent* whose text (without the & of its shortcut) is *text*."""
    button = find_button(parent, text)
    click(button)
    return button


def find_button(parent: QWidget, text: str) -> QAbstractButton:
    found = [b for b in parent.findChildren(QAbstractButton) if b.text().replace("&", "") == text and b.isVisible()]
    assert found, f"no button {text!r} on screen; there are {button_texts(parent)}"
    return found[0]


def button_texts(parent: QWidget) -> list[str]:
    return [b.text().replace("&", "") for b in parent.findChildren(QAbstractButton) if b.isVisible()]


def field(parent: QWidget, label: str) -> QWidget:
    """The input a form shows beside the label *label* (what a person reads to find where to type)."""
    labels = [lbl for lbl in parent.findChildren(QLabel) if lbl.text().replace("&", "") == label and lbl.isVisible()]
    assert labels, f"no label {label!r} on screen"
    buddy = labels[0].buddy()
    assert buddy is not None, f"the label {label!r} belongs to no field"
    if isinstance(buddy, INPUTS):
        return buddy
    inputs = [w for w in buddy.findChildren(QWidget) if isinstance(w, INPUTS)]
    assert inputs, f"nothing to type into beside {label!r}"
    return inputs[0]


def click_row(view: QAbstractItemView, row: int, column: int = 0) -> QModelIndex:
    """Click the cell at (*row*, *column*) where the view paints it (scrolled into view first, as a person would)."""
    index = view.model().index(row, column)
    view.scrollTo(index)
    rect = view.visualRect(index)
    assert rect.isValid() and view.viewport().rect().contains(rect.center()), f"row {row} is not on screen"
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    return index


def double_click_row(view: QAbstractItemView, row: int, column: int = 0) -> None:
    index = view.model().index(row, column)
    view.scrollTo(index)
    centre = view.visualRect(index).center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)


def row_texts(view: QAbstractItemView, column: int) -> list[str]:
    model = view.model()
    return [str(model.data(model.index(row, column)) or "") for row in range(model.rowCount())]


def find_row(view: QAbstractItemView, column: int, wanted: Callable[[str], bool]) -> int:
    texts = row_texts(view, column)
    rows = [row for row, text in enumerate(texts) if wanted(text)]
    assert rows, f"no row matches in column {column}: {texts}"
    return rows[0]


def click_tab(tabs: QTabWidget | QTabBar, text: str) -> None:
    bar = tabs.tabBar() if isinstance(tabs, QTabWidget) else tabs
    titles = [bar.tabText(i).replace("&", "") for i in range(bar.count())]
    assert text in titles, f"no tab {text!r}: {titles}"
    QTest.mouseClick(
        bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, bar.tabRect(titles.index(text)).center()
    )


def choose_menu(window: QMainWindow, menu: str, item: str) -> None:
    """Open *menu* on the menu bar with a click, then click its *item* (texts without the & of shortcuts)."""
    bar = window.menuBar()
    titles = {a.text().replace("&", ""): a for a in bar.actions()}
    assert menu in titles, f"no menu {menu!r}: {list(titles)}"
    QTest.mouseClick(
        bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, bar.actionGeometry(titles[menu]).center()
    )
    popup = titles[menu].menu()
    assert popup.isVisible(), f"the menu {menu!r} did not open"
    items = {a.text().replace("&", ""): a for a in popup.actions()}
    assert item in items, f"no {item!r} in {menu!r}: {list(items)}"
    assert items[item].isEnabled(), f"{item!r} is greyed out"
    QTest.mouseClick(
        popup, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, popup.actionGeometry(items[item]).center()
    )


def close_window(window: QWidget) -> None:
    """The window's own close button, as the window system reports it (the offscreen screen draws none)."""
    handle = window.windowHandle()
    assert handle is not None and window.isVisible()
    handle.close()


def type_text(widget: QWidget, text: str) -> None:
    """Type *text* key by key, Vietnamese letters too (as an input method delivers them: one key, its text). Each
    key goes where the keyboard sends it: the focus inside *widget* (say, the editor a table opened on the first
    key), else *widget*."""
    for char in text:
        if char.isascii():
            QTest.keyClicks(focus_in(widget), char)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click, focus_in(widget), Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier
            )


def focus_in(widget: QWidget) -> QWidget:
    """The window's focus widget when it is *widget* or inside it, else *widget*."""
    focus = widget.window().focusWidget()
    return focus if focus is not None and (focus is widget or widget.isAncestorOf(focus)) else widget


def type_into(widget: QWidget, text: str, select_all: bool = True) -> None:
    """Click into *widget*, select what is there and type *text* over it."""
    click(widget)
    if select_all:
        QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(widget, text)


def key(widget: QWidget, which: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """One key, where the keyboard sends it (see ``focus_in``)."""
    QTest.keyClick(focus_in(widget), which, modifier)


def open_combo(combo: QComboBox) -> list[str]:
    """Open an editable combo's list from the keyboard (click into its text, then F4); returns the texts it
    offers. (A press on the arrow opens it too, but headless the release lands on the new popup and closes it.)"""
    line_edit = combo.lineEdit()
    assert line_edit is not None, "only editable combos: click a plain one to open it"
    click(line_edit)
    QTest.keyClick(focus_in(combo), Qt.Key.Key_F4)
    assert combo.view().isVisible(), "the list did not open"
    return [combo.itemText(i) for i in range(combo.count())]


def pick(combo: QComboBox, text: str) -> None:
    """Choose *text* in the combo's open list with the arrow keys and Enter. (Qt ignores a click on the list for a
    double-click interval after it opened, so a quick click would depend on timing.)"""
    view = combo.view()
    assert view.isVisible(), "open the list first"
    row = [combo.itemText(i) for i in range(combo.count())].index(text)
    while view.currentIndex().row() != row:
        before = view.currentIndex().row()
        QTest.keyClick(view, Qt.Key.Key_Down if before < row else Qt.Key.Key_Up)
        assert view.currentIndex().row() != before, "the list does not move"
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert not view.isVisible() and combo.currentText() == text, "the list did not take the choice"


def new_window(qtbot: QtBot, kind: type[W], before: set[int], timeout: int = 5000) -> W:
    """The top-level window of *kind* that came up, in front, since *before* (ids of the windows seen then)."""
    found: list[W] = []

    def appeared() -> bool:
        found[:] = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible() and id(w) not in before
        ]
        return bool(found)

    qtbot.waitUntil(appeared, timeout=timeout)
    window = found[-1]
    # A person types once the window has come up in front; the window system makes it active a moment later.
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=timeout)
    return window


def windows() -> set[int]:
    return {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}


def settle(tasks: TaskRunner) -> None:
    """Let the background work that is under way finish and be shown, as time passing would (no sleep)."""
    for _ in range(2):
        assert tasks.wait(20000)
        QApplication.processEvents()


@contextmanager
def answering_modal(act: Callable[[QWidget], None]) -> Iterator[list[QWidget]]:
    """Inside the block, the input event that opens a modal dialog (which runs its own event loop) is followed
    by *act* on that dialog. The list yielded holds the dialog; leaving the block fails if none opened.
    (The input event may turn the event loop before the dialog opens: it looks again at each turn.)"""
    seen: list[QWidget] = []
    open_block = [True]

    def attempt() -> None:
        if not open_block[0] or seen:
            return
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(0, attempt)
            return
        seen.append(modal)
        try:
            act(modal)
        except BaseException:
            modal.close()  # a failed step must not leave the test waiting on the modal for ever
            raise

    QTimer.singleShot(0, attempt)
    try:
        yield seen
    finally:
        open_block[0] = False
    assert seen, "no modal dialog opened"
