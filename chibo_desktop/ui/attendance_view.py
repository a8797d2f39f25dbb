"""Marking attendance with the keyboard alone: everyone is present by default; type to find a member; one
key per state (in Vietnamese C có mặt, M muộn, P vắng có lý do, K vắng không lý do, T công tác; in English P, L,
E, U, D; 1–5 in both), then the cursor moves to the next member. An absence with reason opens its reason for typing;
Enter after it moves on too. In a list narrowed to a name, past the last member it shows the cursor goes back to the
search box, its name selected, so that the next member's name is typed over it."""

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from chibo_desktop.domain.meetings import ENTRY_KEYS, MARK_LABELS, AttendanceLine, Mark, Role, count_attendance
from chibo_desktop.domain.members import STATUS_LABELS, Status
from chibo_desktop.domain.text import fold
from chibo_desktop.ui.enter_key import on_enter_in_cells
from chibo_desktop.ui.i18n import translate
from chibo_desktop.ui.numbers import percent

ROOT = QModelIndex()
DIGIT_KEYS = {
    Qt.Key.Key_1: Mark.PRESENT,
    Qt.Key.Key_2: Mark.LATE,
    Qt.Key.Key_3: Mark.EXCUSED,
    Qt.Key.Key_4: Mark.UNEXCUSED,
    Qt.Key.Key_5: Mark.DUTY,
}


def entry_keys() -> dict[Qt.Key, Mark]:
    """The keys that mark attendance: the letters of the interface language (C M P K T in Vietnamese), and 1–5."""
    letters = {Qt.Key(ord(translate("AttendanceKey", key).upper())): mark for mark, key in ENTRY_KEYS.items()}
    return {**letters, **DIGIT_KEYS}


COLOURS = {
    Mark.LATE: "#fff8e1",
    Mark.EXCUSED: "#fff4e5",
    Mark.UNEXCUSED: "#fdecea",
    Mark.EXEMPTED: "#eeeeee",
    Mark.AWAY: "#eeeeee",
    Mark.DUTY: "#eeeeee",
}
ROLE_LABELS = {  # the roster's status words, context "Status"
    Role.OFFICIAL: STATUS_LABELS[Status.OFFICIAL],
    Role.PROBATIONARY: STATUS_LABELS[Status.PROBATIONARY],
    Role.ATTACHED: STATUS_LABELS[Status.ATTACHED],
    Role.UNKNOWN: QT_TRANSLATE_NOOP("Status", "Unknown"),
}
NAME, ROLE, MARK, REASON = range(4)


class AttendanceModel(QAbstractTableModel):
    changed = Signal()

    def __init__(
        self, lines: Sequence[AttendanceLine], parent: QObject | None = None, shown: Mapping[int, str] | None = None
    ) -> None:
        """*shown* gives, by member, a name told apart from another of the same name on the list."""
        super().__init__(parent)
        self._lines = list(lines)
        self._shown = dict(shown or {})
        self._folded = [fold(line.name) for line in self._lines]
        self._visible = list(range(len(self._lines)))
        self.read_only = False

    def lines(self) -> tuple[AttendanceLine, ...]:
        return tuple(self._lines)

    def find(self, text: str) -> None:
        words = fold(text).split()
        self.beginResetModel()
        self._visible = [i for i, name in enumerate(self._folded) if all(w in name for w in words)]
        self.endResetModel()

    def line(self, row: int) -> AttendanceLine:
        return self._lines[self._visible[row]]

    def set_mark(self, row: int, mark: Mark) -> None:
        if self.read_only:
            return
        index = self._visible[row]
        line = self._lines[index]
        self._lines[index] = replace(line, mark=mark, reason=line.reason if mark == Mark.EXCUSED else "")
        self.dataChanged.emit(self.index(row, 0), self.index(row, REASON))
        self.changed.emit()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else 4

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self.line(index.row())
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == NAME:
                return self._shown.get(line.member_id, line.name)
            if column == ROLE:
                return translate("Status", ROLE_LABELS[line.role])
            if column == MARK:
                return translate("Meeting", MARK_LABELS[line.mark])
            return line.reason
        if role == Qt.ItemDataRole.BackgroundRole and line.mark in COLOURS:
            return QBrush(QColor(COLOURS[line.mark]))
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if (
            index.isValid()
            and index.column() == REASON
            and not self.read_only
            and self.line(index.row()).mark == Mark.EXCUSED
        ):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != REASON or self.read_only:
            return False
        position = self._visible[index.row()]
        self._lines[position] = replace(self._lines[position], reason=str(value))
        self.dataChanged.emit(index, index)
        self.changed.emit()
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(self._visible[section] + 1)
        return (self.tr("Full name"), self.tr("Member"), self.tr("Present or absent"), self.tr("Reason"))[section]


class AttendanceView(QWidget):
    """The list with its search box and live counts; ``away_required`` follows the branch's rule."""

    def __init__(
        self,
        lines: Sequence[AttendanceLine],
        away_required: bool,
        parent: QWidget | None = None,
        shown: Mapping[int, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.away_required = away_required
        self.model = AttendanceModel(lines, self, shown)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("attendance_search")
        self.search.setPlaceholderText(self.tr("Type a name to find the member (tone marks not needed), then Enter"))
        self.search.setClearButtonEnabled(True)
        top.addWidget(self.search, 1)
        layout.addLayout(top)
        self._keys = entry_keys()
        letter = {mark: translate("AttendanceKey", key) for mark, key in ENTRY_KEYS.items()}
        help_text = QLabel(
            self.tr(
                "Keys: {present} or 1 present · {late} or 2 late · {excused} or 3 absent with reason (then type the "
                "reason, Enter) · {unexcused} or 4 absent without reason · {duty} or 5 special duty"
            ).format(
                present=letter[Mark.PRESENT],
                late=letter[Mark.LATE],
                excused=letter[Mark.EXCUSED],
                unexcused=letter[Mark.UNEXCUSED],
                duty=letter[Mark.DUTY],
            )
        )
        help_text.setObjectName("attendance_keys")
        help_text.setWordWrap(True)
        layout.addWidget(help_text)
        self.table = QTableView()
        self.table.setObjectName("attendance_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.table.horizontalHeader().setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(NAME, 220)
        self.table.setColumnWidth(ROLE, 130)
        self.table.setColumnWidth(MARK, 230)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.installEventFilter(self)
        on_enter_in_cells(self.table, self._reason_written)  # never the dialog's Save
        layout.addWidget(self.table)
        self.counts = QLabel()
        self.counts.setObjectName("attendance_counts")
        self.counts.setWordWrap(True)
        layout.addWidget(self.counts)
        self.search.textChanged.connect(self._find)
        self.search.installEventFilter(self)  # Enter goes to the list, never to the dialog's default button
        self.model.changed.connect(self.update_counts)
        self.update_counts()
        if self.model.rowCount():
            self.table.selectRow(0)

    def _find(self, text: str) -> None:
        self.model.find(text)
        if self.model.rowCount():
            self.table.selectRow(0)

    def _to_table(self) -> None:
        self.table.setFocus()
        if self.model.rowCount():
            self.table.selectRow(max(0, self.table.currentIndex().row()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down):
                self._to_table()
                return True
        if watched is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            mark = self._keys.get(Qt.Key(event.key()))
            if mark is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                self.mark_current(mark)
                return True
            if event.key() == Qt.Key.Key_Slash or (
                event.key() == Qt.Key.Key_F and event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                self.search.setFocus()
                self.search.selectAll()
                return True
        return super().eventFilter(watched, event)

    def mark_current(self, mark: Mark) -> None:
        row = self.table.currentIndex().row()
        if row < 0 or self.model.read_only:
            return
        self.model.set_mark(row, mark)
        if mark == Mark.EXCUSED:
            index = self.model.index(row, REASON)
            self.table.setCurrentIndex(index)
            self.table.edit(index)
            return
        self._go_on(row)

    def _reason_written(self, index: QModelIndex) -> None:
        """The reason typed and Enter: on to the next member, as after any other mark."""
        self._go_on(index.row())

    def _go_on(self, row: int) -> None:
        """After a member's mark: down to the next member listed. Past the last one of a list narrowed to a name
        (usually the only one), back to the search box with that name selected: someone marking the list by name
        types the next name over it, and meanwhile sees the member just marked, with the mark."""
        if row + 1 < self.model.rowCount():
            self.table.selectRow(row + 1)
        elif self.search.text().strip():
            self.search.setFocus(Qt.FocusReason.OtherFocusReason)
            self.search.selectAll()

    def update_counts(self) -> None:
        c = count_attendance(self.model.lines(), self.away_required)
        self.counts.setText(
            self.tr(
                "Present {present} of {required} required ({ratio}); late {late}; absent with reason {excused}, "
                "without reason {unexcused}; not required: exempted {exempted}, away {away}, special duty {duty}; "
                "temporarily attached present {attached}."
            ).format(
                present=c.present,
                required=c.required,
                ratio=percent(c.present, c.required),
                late=c.late,
                excused=c.excused,
                unexcused=c.unexcused,
                exempted=c.exempted,
                away=c.away,
                duty=c.duty,
                attached=c.present_attached,
            )
        )

    def set_read_only(self, read_only: bool) -> None:
        self.model.read_only = read_only
