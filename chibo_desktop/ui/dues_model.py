"""The item model of the dues collection screen: one line per member for the chosen month, narrowed by a search
without tone marks, a line redrawn after each write."""

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from chibo_desktop.domain.dues import REGION_NAMES, Category, ExemptMark
from chibo_desktop.domain.namesakes import Identity
from chibo_desktop.domain.text import fold
from chibo_desktop.services.dues import SheetRow
from chibo_desktop.ui.namesakes import told_apart
from chibo_desktop.ui.numbers import money
from chibo_desktop.ui.text_table import ID_ROLE

ROOT = QModelIndex()
NAME, HOW, DUE, ARREARS, PAID, OWED, STATE = range(7)
COLOURS = {"unpaid": "#fdecea", "partial": "#fff8e1", "exempt": "#eeeeee", "reason": "#fff4e5"}


class DuesSheetModel(QAbstractTableModel):
    """The month's lines; search narrows what is visible, a write redraws one line."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SheetRow] = []
        self._names: dict[int, str] = {}  # two of the same name told apart by their year of birth
        self._folded: list[str] = []
        self._visible: list[int] = []

    def set_rows(self, rows: tuple[SheetRow, ...], query: str = "") -> None:
        self.beginResetModel()
        self._rows = list(rows)
        identities = {r.member_id: Identity(r.member_id, r.name, r.born) for r in self._rows}
        self._names = dict(told_apart([(r.member_id, r.name) for r in self._rows], lambda _ids: identities))
        self._folded = [fold(r.name) for r in self._rows]
        self._visible = self._matching(query)
        self.endResetModel()

    def _matching(self, query: str) -> list[int]:
        words = fold(query).split()
        return [i for i, name in enumerate(self._folded) if all(w in name for w in words)]

    def find(self, query: str) -> None:
        self.beginResetModel()
        self._visible = self._matching(query)
        self.endResetModel()

    def row_at(self, row: int) -> SheetRow:
        return self._rows[self._visible[row]]

    def replace(self, member_id: int, new: SheetRow | None) -> None:
        for position, old in enumerate(self._rows):
            if old.member_id == member_id and new is not None:
                self._rows[position] = new
                if position in self._visible:
                    shown = self._visible.index(position)
                    self.dataChanged.emit(self.index(shown, 0), self.index(shown, STATE))
                return

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else 7

    def _how(self, row: SheetRow) -> str:
        due = row.month.due
        if due.category == Category.SALARY:
            text = self.tr("Salary {amount}").format(amount=money(due.base))
        elif due.category == Category.PENSION:
            text = self.tr("Pension {amount}").format(amount=money(due.base))
        elif due.category == Category.STUDENT:
            text = self.tr("Student")
        elif due.retired:
            text = self.tr("Other, retired, region {region}").format(region=REGION_NAMES.get(due.region, ""))
        else:
            text = self.tr("Other, region {region}").format(region=REGION_NAMES.get(due.region, ""))
        if due.mark == ExemptMark.PARTY_AGE:
            text += self.tr(" · exempt (Party age)")
        elif due.mark == ExemptMark.DECISION:
            text += self.tr(" · exempt by decision")
        elif due.mark == ExemptMark.REDUCED:
            text += self.tr(" · reduced {percent}%").format(percent=due.reduction)
        if due.pledged:
            text += self.tr(" · pays more by choice")
        return text

    def _state(self, row: SheetRow) -> str:
        m = row.month
        if not m.due.listed:
            return self.tr("Not paying here this month")
        if m.due.no_rate:
            return self.tr("No rate in force")
        if m.owed <= 0 and m.due.due == 0 and m.arrears <= 0:
            return self.tr("Nothing due")
        if m.owed <= 0:
            return self.tr("Paid in full") if m.owed == 0 else self.tr("Paid ahead")
        if m.collected > 0:
            return self.tr("Paid in part")
        if m.unpaid_reason is not None:
            return (
                self.tr("Not paid: {reason}").format(reason=m.unpaid_reason)
                if m.unpaid_reason
                else self.tr("Not paid, no reason given")
            )
        return self.tr("Not paid yet")

    def _colour(self, row: SheetRow) -> str | None:
        m = row.month
        if m.due.exempt:
            return COLOURS["exempt"]
        if m.owed <= 0 or not m.due.listed:
            return None
        if m.collected > 0:
            return COLOURS["partial"]
        return COLOURS["reason"] if m.unpaid_reason else COLOURS["unpaid"]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        m = row.month
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                return self._names.get(row.member_id, row.name)
            if column == HOW:
                return self._how(row)
            if column == DUE:
                return "—" if m.due.no_rate else money(m.due.due)
            if column == ARREARS:
                if m.arrears < 0:
                    return self.tr("paid ahead {amount}").format(amount=money(-m.arrears))
                return money(m.arrears) if m.arrears else ""
            if column == PAID:
                if not m.collected:
                    return ""
                return money(m.collected) + (self.tr(" (online)") if m.online == m.collected else "")
            if column == OWED:
                if m.owed < 0:
                    return self.tr("paid ahead {amount}").format(amount=money(-m.owed))
                return money(m.owed)
            return self._state(row)
        if role == Qt.ItemDataRole.ToolTipRole and column in (HOW, STATE):
            if column == STATE:
                return self._state(row)
            if m.due.mark == ExemptMark.PARTY_AGE:  # the roster shows the ceremony: say which date counts here
                return self._how(row) + "\n" + self.tr("Party age counts from the date of the admission decision.")
            return self._how(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (DUE, ARREARS, PAID, OWED):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = self._colour(row)
            return QBrush(QColor(colour)) if colour else None
        if role == ID_ROLE:
            return row.member_id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(self._visible[section] + 1)
        return (
            self.tr("Full name"),
            self.tr("How it is worked out"),
            self.tr("Due"),
            self.tr("Owed before"),
            self.tr("Paid"),
            self.tr("Still owed"),
            self.tr("State"),
        )[section]
