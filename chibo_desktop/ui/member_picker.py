"""Choosing one member among up to 100,000 with the keyboard: type part of the name (tone marks and case ignored),
pick it from the list that comes up with the arrow keys and Enter. The names arrive in the background
(``load``): the window never waits for them, and the box says it is loading meanwhile."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractProxyModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from chibo_desktop.domain.text import fold
from chibo_desktop.ui.tasks import TaskRunner

ParentIndex = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
SHOWN = 60  # names listed at most while typing: type more to narrow them


Prepared = tuple[list[int | None], list[str], list[str]]  # ids, names and folded names, the blank choice first


def _prepare(blank: str, members: list[tuple[int, str]]) -> Prepared:
    """What the box lists, with each name folded for the search: 0.8 s for 100,000 names, done off the GUI
    thread when the names are read in the background."""
    return (
        [None, *(member_id for member_id, _name in members)],
        [blank, *(name for _id, name in members)],
        ["", *(fold(name) for _id, name in members)],
    )


class _Names(QAbstractListModel):
    """Every member to choose from, after a first blank choice; set at once (not one ``addItem`` each)."""

    def __init__(self, blank: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.blank = blank
        self.ids: list[int | None] = [None]
        self.names: list[str] = [blank]
        self.folded: list[str] = [""]

    def set_members(self, prepared: Prepared) -> None:
        self.beginResetModel()
        self.ids, self.names, self.folded = prepared
        self.endResetModel()

    def rowCount(self, parent: ParentIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self.names)

    def data(self, index: ParentIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.names[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return self.ids[index.row()]
        return None


class _Matches(QAbstractProxyModel):
    """The names that hold every word typed, in name order, at most ``SHOWN``: what the list under the box offers.
    A proxy of the names, so that the box takes the very member picked, not the first of the same name."""

    def __init__(self, names: _Names, parent: Any = None) -> None:
        super().__init__(parent)
        self._names = names
        self._rows: list[int] = []
        self.setSourceModel(names)

    def narrow(self, text: str) -> None:
        words = fold(text).split()
        found: list[int] = []
        if words:
            for row, folded in enumerate(self._names.folded):
                if all(word in folded for word in words):
                    found.append(row)
                    if len(found) == SHOWN:
                        break
        self.beginResetModel()
        self._rows = found
        self.endResetModel()

    def rowCount(self, parent: ParentIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ParentIndex = ROOT) -> int:
        return 0 if parent.isValid() else 1

    def index(self, row: int, column: int, parent: ParentIndex = ROOT) -> QModelIndex:
        if parent.isValid() or not (0 <= row < len(self._rows)) or column != 0:
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, child: ParentIndex = ROOT) -> QModelIndex:  # type: ignore[override]
        return QModelIndex()

    def mapToSource(self, proxy: ParentIndex) -> QModelIndex:
        if not proxy.isValid() or proxy.row() >= len(self._rows):
            return QModelIndex()
        return self._names.index(self._rows[proxy.row()], 0)

    def mapFromSource(self, source: ParentIndex) -> QModelIndex:
        if not source.isValid() or source.row() not in self._rows:
            return QModelIndex()
        return self.createIndex(self._rows.index(source.row()), 0)


class MemberPicker(QComboBox):
    """A member, chosen by typing part of the name. ``member_id()`` is the member whose name the box shows (None
    for the blank choice, or while what is typed names no one)."""

    def __init__(self, blank: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # as wide as a long name, never measured over 100,000 names
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(28)
        self._names = _Names(blank, self)
        self.setModel(self._names)
        self._matches = _Matches(self._names, self)
        completer = QCompleter(self._matches, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        self.lineEdit().textEdited.connect(self._typed)
        self._ready_text = self.tr("Type part of the name (no tone marks needed)")
        self.lineEdit().setPlaceholderText(self._ready_text)

    def set_members(self, members: list[tuple[int, str]]) -> None:
        """The members to choose from, in name order (the choice made so far is kept if still there)."""
        self._show(_prepare(self._names.blank, members))

    def _show(self, prepared: Prepared) -> None:
        chosen = self.member_id()
        self._names.set_members(prepared)
        row = self._names.ids.index(chosen) if chosen in self._names.ids else 0
        self.setCurrentIndex(row)
        self.setEnabled(True)
        self.lineEdit().setPlaceholderText(self._ready_text)

    def load(self, members: Callable[[], list[tuple[int, str]]], tasks: TaskRunner) -> None:
        """Read the members in the background; until they arrive the box says it is loading them."""
        self.setEnabled(False)
        self.lineEdit().setPlaceholderText(self.tr("Loading the members…"))
        blank = self._names.blank
        tasks.run(
            "members for " + str(id(self)),
            lambda: _prepare(blank, members()),
            self._show,
            self._not_loaded,
            owner=self,
        )

    def _not_loaded(self, error: BaseException) -> None:
        self.setEnabled(True)
        self.lineEdit().setPlaceholderText(self._ready_text)
        raise error

    def _typed(self, text: str) -> None:
        self._matches.narrow(text)
        completer = self.completer()
        if self._matches.rowCount():
            completer.complete()
        else:
            completer.popup().hide()

    def member_id(self) -> int | None:
        row = self.currentIndex()
        if row < 0 or self.currentText() != self._names.names[row]:
            return None
        return self._names.ids[row]
