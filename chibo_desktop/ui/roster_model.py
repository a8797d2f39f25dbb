"""The roster as a Qt table model over frozen rows.

Filtering and sorting work on index lists, not on Qt's proxy: with 100,000 members a keystroke costs one
pass over pre-folded strings, and each column's order is computed once and reused.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from chibo_desktop.domain.dates import screen_date
from chibo_desktop.domain.members import GENDER_LABELS, STATUS_LABELS, Gender, Status
from chibo_desktop.domain.roster import RosterRow
from chibo_desktop.domain.text import collation_key, fold

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ParentIndex = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()

CURRENT = "current"  # everyone listed in the branch today
FORMER = Status.FORMER.value  # a plain str: comparing to the enum member is several times slower
ALL = "all"


@dataclass(frozen=True)
class RosterFilter:
    text: str = ""
    status: str = CURRENT  # CURRENT, ALL or a Status value
    hamlet_id: int | None = None
    gender: str = ""
    ethnicity: str = ""
    unit_id: int | None = None  # one branch, at a committee

    def narrows(self, earlier: "RosterFilter") -> bool:
        """True when every row this filter keeps was also kept by *earlier* (typing further into the search)."""
        same = (self.status, self.hamlet_id, self.gender, self.ethnicity, self.unit_id) == (
            earlier.status,
            earlier.hamlet_id,
            earlier.gender,
            earlier.ethnicity,
            earlier.unit_id,
        )
        return same and fold(self.text).startswith(fold(earlier.text))


def _date_key(value: Any) -> int:
    return value.toordinal() if value else 10**7  # rows without the date go last


COLUMNS: list[tuple[str, Callable[[RosterRow], str], Callable[[RosterRow], Any]]] = [
    ("Full name", lambda r: r.full_name, lambda r: r.sort_key),
    (
        "Gender",
        lambda r: (
            QCoreApplication.translate("Member", GENDER_LABELS[Gender(r.gender)]) if r.gender in ("M", "F") else ""
        ),
        lambda r: r.gender,
    ),
    ("Date of birth", lambda r: screen_date(r.date_of_birth), lambda r: _date_key(r.date_of_birth)),
    ("Hamlet / cell", lambda r: r.hamlet, lambda r: collation_key(r.hamlet)),
    ("Ethnicity", lambda r: r.ethnicity, lambda r: collation_key(r.ethnicity)),
    ("Party card", lambda r: r.card_number, lambda r: r.card_number),
    ("ID number (CCCD)", lambda r: r.cccd, lambda r: r.cccd),
    ("Admitted", lambda r: screen_date(r.admission_date), lambda r: _date_key(r.admission_date)),
    ("Status", lambda r: QCoreApplication.translate("Status", STATUS_LABELS[Status(r.status)]), lambda r: r.status),
]
BRANCH_COLUMN: tuple[str, Callable[[RosterRow], str], Callable[[RosterRow], Any]] = (
    "Branch",
    lambda r: r.branch,
    lambda r: collation_key(r.branch),
)


class RosterModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: tuple[RosterRow, ...] = ()
        self._search: list[str] = []
        self._status: list[str] = []
        self._visible: list[int] = []
        self._filter = RosterFilter()
        self._sort_column = 0
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._orders: dict[int, list[int]] = {}
        self._columns = list(COLUMNS)

    def show_branch_column(self, shown: bool) -> None:
        """At a committee the second column names each member's branch."""
        columns = [COLUMNS[0], BRANCH_COLUMN, *COLUMNS[1:]] if shown else list(COLUMNS)
        if columns == self._columns:
            return
        self.beginResetModel()
        self._columns = columns
        self._orders = {0: self._orders[0]} if 0 in self._orders else {}
        self._sort_column = 0
        self._visible = self._compute()
        self.endResetModel()

    # --- data in ------------------------------------------------------------------------------------------

    def set_rows(self, rows: tuple[RosterRow, ...], in_name_order: bool = False) -> None:
        """Show *rows*. Rows already in name order (as the roster service delivers them) cost no sort here."""
        self.beginResetModel()
        self._rows = rows
        self._search = [r.search for r in rows]
        self._status = [r.status for r in rows]
        self._orders = {0: list(range(len(rows)))} if in_name_order else {}
        self._visible = self._compute()
        self.endResetModel()

    def set_filter(self, spec: RosterFilter) -> None:
        if spec == self._filter:
            return
        start_from = self._visible if spec.narrows(self._filter) else None
        self._filter = spec
        self.beginResetModel()
        self._visible = self._compute(start_from)
        self.endResetModel()

    @property
    def filter(self) -> RosterFilter:
        return self._filter

    def _order(self, column: int) -> list[int]:
        """Row indices sorted by *column*, ties in name order: each column sorts the name order with its own
        flat key, and Python's sort is stable."""
        if column not in self._orders:
            rows = self._rows
            if column == 0:
                self._orders[0] = sorted(range(len(rows)), key=lambda i: rows[i].sort_key)
            else:
                key = self._columns[column][2]
                self._orders[column] = sorted(self._order(0), key=lambda i: key(rows[i]))
        return self._orders[column]

    def _compute(self, start_from: list[int] | None = None) -> list[int]:
        """Visible row indices in display order. Each condition narrows the list in one pass; typing further
        into the search starts from the rows already shown."""
        rows = self._rows
        spec = self._filter
        if start_from is not None:
            visible = start_from
        else:
            visible = list(self._order(self._sort_column))
            if self._sort_order == Qt.SortOrder.DescendingOrder:
                visible.reverse()
            status = self._status
            if spec.status == CURRENT:
                visible = [i for i in visible if status[i] != FORMER]
            elif spec.status != ALL:
                wanted = str(spec.status)
                visible = [i for i in visible if status[i] == wanted]
            if spec.hamlet_id is not None:
                visible = [i for i in visible if rows[i].hamlet_id == spec.hamlet_id]
            if spec.gender:
                visible = [i for i in visible if rows[i].gender == spec.gender]
            if spec.ethnicity:
                visible = [i for i in visible if rows[i].ethnicity == spec.ethnicity]
            if spec.unit_id is not None:
                visible = [i for i in visible if rows[i].unit_id == spec.unit_id]
        search = self._search
        for word in fold(spec.text).split():
            visible = [i for i in visible if word in search[i]]
        return visible

    # --- Qt model interface -------------------------------------------------------------------------------

    def rowCount(self, parent: ParentIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: ParentIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: ParentIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[self._visible[index.row()]]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[index.column()][1](row)
        if role == ID_ROLE:
            return row.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return heading_of(self._columns[section][0])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort_column = column
        self._sort_order = order
        self._visible = self._compute()
        self.layoutChanged.emit()

    # --- helpers for the view -----------------------------------------------------------------------------

    def member_id(self, row: int) -> int:
        return self._rows[self._visible[row]].id

    def row_of(self, member_id: int) -> int | None:
        for position, index in enumerate(self._visible):
            if self._rows[index].id == member_id:
                return position
        return None


def heading_of(name: str) -> str:
    """The translated heading of the column called *name* (its English heading)."""
    if name == BRANCH_COLUMN[0]:
        return QCoreApplication.translate("RosterModel", "Branch")
    return heading([c[0] for c in COLUMNS].index(name))


def heading(section: int) -> str:
    texts = (
        QCoreApplication.translate("RosterModel", "Full name"),
        QCoreApplication.translate("RosterModel", "Gender"),
        QCoreApplication.translate("RosterModel", "Date of birth"),
        QCoreApplication.translate("RosterModel", "Hamlet / cell"),
        QCoreApplication.translate("RosterModel", "Ethnicity"),
        QCoreApplication.translate("RosterModel", "Party card"),
        QCoreApplication.translate("RosterModel", "ID number (CCCD)"),
        QCoreApplication.translate("RosterModel", "Admitted"),
        QCoreApplication.translate("RosterModel", "Status"),
    )
    return texts[section]
