"""A read-only table model over rows of display strings, each row tied to a member id.

For lists that can run into thousands of rows (reminders at the upper level): the view asks only for the
cells it paints, instead of one widget item per cell.
"""

from collections.abc import Collection, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QTableView

from chibo_desktop.ui.form_fields import ERROR_COLOUR

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROOT = QModelIndex()


class TextTableModel(QAbstractTableModel):
    def __init__(self, headings: Sequence[str], parent: Any = None, right_aligned: Collection[int] = ()) -> None:
        """*right_aligned*: the columns of amounts and counts, which read best lined up on the right."""
        super().__init__(parent)
        self._headings = list(headings)
        self._right = frozenset(right_aligned)
        self._rows: list[tuple[int, tuple[str, ...], bool]] = []

    def set_rows(self, rows: Sequence[tuple[int, Sequence[str], bool]]) -> None:
        """Rows of (member id, cell texts, highlighted)."""
        self.beginResetModel()
        self._rows = [(member_id, tuple(texts), flagged) for member_id, texts, flagged in rows]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._headings)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        member_id, texts, flagged = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return texts[index.column()]
        if role == ID_ROLE:
            return member_id
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self._right:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ForegroundRole and flagged:
            return QBrush(QColor(ERROR_COLOUR))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headings[section]
        return None


def fit_columns(view: QTableView) -> None:
    """Columns as wide as their cells, and never narrower than their heading's longest line."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    metrics = header.fontMetrics()
    model = view.model()
    for section in range(header.count()):
        text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
        need = max((metrics.horizontalAdvance(line) for line in text.splitlines()), default=0) + 12
        if header.sectionSize(section) < need:
            header.resizeSection(section, need)


def list_view(model: QAbstractTableModel) -> QTableView:
    """A read-only list over *model*: whole rows chosen one at a time, no row numbers, the last column filling."""
    table = QTableView()
    table.setModel(model)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    fit_columns(table)  # the headings' widths until the rows come in
    return table
