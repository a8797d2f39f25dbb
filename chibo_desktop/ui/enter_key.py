"""Enter in a table of a form: what was typed in the cell is kept and the cursor goes on, never to the form's
Save button. A secretary typing Vietnamese ends each line with Enter; in a form of many fields that must not save
the whole record half typed (the editors' own rule for fields is in :mod:`chibo_desktop.ui.editor`)."""

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QApplication, QComboBox, QTableWidget, QWidget

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def is_enter(event: QEvent) -> bool:
    """A plain Enter (Return, or Enter on the keypad): not Ctrl+Enter, which a form may give another meaning."""
    return (
        event.type() == QEvent.Type.KeyPress
        and isinstance(event, QKeyEvent)
        and event.key() in ENTER_KEYS
        and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    )


class _EnterInCells(QObject):
    """Calls *go_on* with the cell where Enter was pressed: once the cell's editor has handed over what was typed,
    or at once from a box set in the cell (a name to choose). The key goes no further."""

    def __init__(self, view: QAbstractItemView, go_on: Callable[[QModelIndex], None]) -> None:
        super().__init__(view)
        self._view = view
        self._viewport = view.viewport()
        self._go_on = go_on
        delegates = [view.itemDelegate()] + [view.itemDelegateForColumn(c) for c in range(view.model().columnCount())]
        for delegate in {id(d): d for d in delegates if d is not None}.values():  # a column's own, set before
            delegate.closeEditor.connect(self._closed)
        self._viewport.installEventFilter(self)  # Enter that a cell's editor or box did not take comes here

    def _closed(self, _editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        # the delegate closes an editor with this hint on Enter alone (Tab, Escape and a click elsewhere give others),
        # after the view has stored the text: the cell is still the current one
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache and self._view.currentIndex().isValid():
            self._go_on(self._view.currentIndex())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not is_enter(event) or watched is not self._viewport:  # (the view may be going: nothing asked of it)
            return super().eventFilter(watched, event)
        focus = QApplication.focusWidget()
        cell = table_cell(focus) if focus is not None else None
        if cell is not None and cell.view is self._view and cell.box:
            self._go_on(cell.index)
        return True  # from an editor: the delegate stores the text next, then calls _closed


@dataclass(frozen=True)
class TableCell:
    view: QAbstractItemView
    index: QModelIndex
    box: bool  # a box set in the cell, which stays; otherwise the cell's own editor, which closes with the edit
    widget: QWidget  # the box or the editor itself (the widget asked about may be inside it)


def table_cell(widget: QWidget) -> TableCell | None:
    """The table cell that *widget* is in, if any: a box set in the cell (a name to choose), or the editor the
    table opened for typing in it (while open, and while it is closing)."""
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        view = parent.parentWidget()
        if isinstance(view, QAbstractItemView) and view.viewport() is parent:
            index = view.indexAt(child.geometry().center())
            box = view.indexWidget(index) is child and view.isPersistentEditorOpen(index)
            return TableCell(view, index, box, child)
        child, parent = parent, parent.parentWidget()
    return None


def hand_over_typing(widget: QWidget | None) -> None:
    """If *widget* (the focus) is in the editor a table opened for typing in a cell, the table takes what was
    typed and the editor closes, as a click elsewhere would do: a save that reads the table then finds it. A box
    set in a cell (a name to choose) holds its choice itself, and stays."""
    cell = table_cell(widget) if widget is not None else None
    if cell is None or cell.box or not cell.index.isValid():
        return
    delegate = cell.view.itemDelegateForIndex(cell.index)
    delegate.commitData.emit(cell.widget)
    delegate.closeEditor.emit(cell.widget, QAbstractItemDelegate.EndEditHint.NoHint)  # NoHint: not Enter's going on


def on_enter_in_cells(view: QAbstractItemView, go_on: Callable[[QModelIndex], None]) -> None:
    """Enter in a cell of *view* calls *go_on(cell)* instead of reaching the dialog's default button."""
    _EnterInCells(view, go_on)


def enter_goes_along(table: QTableWidget, at_end: Callable[[], bool] | None = None) -> None:
    """Enter in a cell of *table* keeps what was typed and goes on, as Tab does: to the next cell of the row, then
    to the first of the next row. After the last cell, *at_end* may add a row (it returns whether it did), and the
    cursor goes on into it; otherwise the cursor stays in the table."""

    def go_on(index: QModelIndex) -> None:
        row, column = index.row(), index.column() + 1
        if column >= table.columnCount():
            row, column = row + 1, 0
        if row >= table.rowCount() and (at_end is None or not at_end() or row >= table.rowCount()):
            return
        enter_cell(table, row, column)

    on_enter_in_cells(table, go_on)


def enter_cell(table: QTableWidget, row: int, column: int) -> None:
    """Put the cursor in a cell for typing: the box set in it, or the cell's own editor. After "Add a row", the new
    row's first cell: the keys typed next go into it, not to the button (where a space would add another row)."""
    table.setCurrentCell(row, column)
    box = table.cellWidget(row, column)
    if box is None:
        table.edit(table.model().index(row, column))
        return
    box.setFocus(Qt.FocusReason.TabFocusReason)
    if isinstance(box, QComboBox) and box.lineEdit() is not None:
        box.lineEdit().selectAll()
