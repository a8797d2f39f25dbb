"""The roster as a Qt table model: over frozen rows, or for a large roster over ids whose rows are read as they
scroll into view (as Anki's browser table holds ids and fetches rows lazily).

Filtering and sorting work on index lists, not on Qt's proxy: with 100,000 members a keystroke costs one
pass over pre-folded strings (or one query of the folded column in SQLite), and each column's order is computed
once and reused.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from chibo_desktop.domain.dates import screen_date
from chibo_desktop.domain.members import GENDER_LABELS, STATUS_LABELS, Gender, Status
from chibo_desktop.domain.roster import RosterIndex, RosterRow
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


@dataclass(frozen=True)
class LazyRoster:
    """A large roster: its index, and how to read the rest from the database (``MemberService``)."""

    index: RosterIndex
    rows: Callable[[Sequence[int]], list[RosterRow]]  # the rows of these ids
    matching: Callable[[str], set[int]]  # the ids whose folded search text holds every word
    ordered_by: Callable[[str], list[int]]  # every id in the order of a date or number column


BLOCK = 100  # rows read at once as they scroll into view
KEPT = 3_000  # rows kept in memory at most: a few screens' worth
ORDERED_IN_SQL = {
    "Date of birth": "date_of_birth",
    "Party card": "card_number",
    "ID number (CCCD)": "cccd",
    "Admitted": "admission_date",
}


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
        self._lazy: LazyRoster | None = None
        self._kept: dict[int, RosterRow] = {}  # the large roster's rows read so far, by id

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
        self._lazy = None
        self._kept = {}
        self._rows = rows
        self._search = [r.search for r in rows]
        self._status = [r.status for r in rows]
        self._orders = {0: list(range(len(rows)))} if in_name_order else {}
        self._visible = self._compute()
        self.endResetModel()

    def set_lazy(self, lazy: LazyRoster) -> None:
        """Show a large roster: its ids in name order; rows are read in blocks as they scroll into view. Until its
        members' states are known (``index.statuses`` is ``None``) every member is shown, whatever the status
        filter, and the order by status is the name order. The rows already read are kept when only the states
        arrive (the same members on the same day)."""
        same = (
            self._lazy is not None
            and self._lazy.index.ids == lazy.index.ids
            and self._lazy.index.on == lazy.index.on
            and self._lazy.index.statuses is None
        )
        self.beginResetModel()
        self._lazy = lazy
        if not same:
            self._kept = {}
        self._rows = ()
        self._search = []
        self._status = []
        self._orders = {0: list(range(len(lazy.index)))}
        self._visible = self._compute()
        self.endResetModel()

    @property
    def size(self) -> int:
        """Every member the model holds, shown or not."""
        return len(self._lazy.index) if self._lazy is not None else len(self._rows)

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

    @property
    def sort_waits_for_states(self) -> bool:
        """Sorted by status while a large roster's members' states are not worked out yet: the rows keep their
        name order until the states arrive (``set_lazy`` then sorts them by status, the column still chosen)."""
        return (
            self._lazy is not None
            and self._lazy.index.statuses is None
            and self._columns[self._sort_column][0] == COLUMNS[-1][0]
        )

    def _order(self, column: int) -> list[int]:
        """Row indices sorted by *column*, ties in name order: each column sorts the name order with its own
        flat key, and Python's sort is stable."""
        if column not in self._orders:
            rows = self._rows
            if self._lazy is not None:
                self._orders[column] = self._lazy_order(self._lazy, self._columns[column][0])
            elif column == 0:
                self._orders[0] = sorted(range(len(rows)), key=lambda i: rows[i].sort_key)
            else:
                key = self._columns[column][2]
                self._orders[column] = sorted(self._order(0), key=lambda i: key(rows[i]))
        return self._orders[column]

    def _lazy_order(self, lazy: LazyRoster, name: str) -> list[int]:
        """Positions of the large roster by the column called *name*: dates and numbers ordered by SQLite, the
        rest sorted here on the index's few fields (ties in name order: the index is in name order)."""
        index = lazy.index
        if name in ORDERED_IN_SQL:
            position = {member_id: i for i, member_id in enumerate(index.ids)}
            return [position[m] for m in lazy.ordered_by(ORDERED_IN_SQL[name]) if m in position]
        names = index.unit_names if name == BRANCH_COLUMN[0] else index.hamlet_names
        keys: Sequence[Any] = {
            "Gender": index.genders,
            "Status": index.statuses if index.statuses is not None else [""] * len(index),
            "Ethnicity": [collation_key(e) for e in index.ethnicities],
            "Hamlet / cell": [collation_key(names.get(h, "")) if h is not None else "" for h in index.hamlet_ids],
            BRANCH_COLUMN[0]: [collation_key(names.get(u, "")) for u in index.unit_ids],
        }[name]
        return sorted(range(len(index)), key=keys.__getitem__)

    def _compute(self, start_from: list[int] | None = None) -> list[int]:
        """Visible row indices in display order. Each condition narrows the list in one pass; typing further
        into the search starts from the rows already shown."""
        if self._lazy is not None:
            return self._lazy_compute(self._lazy)
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

    def _lazy_compute(self, lazy: LazyRoster) -> list[int]:
        index, spec = lazy.index, self._filter
        visible = list(self._order(self._sort_column))
        if self._sort_order == Qt.SortOrder.DescendingOrder:
            visible.reverse()
        status = index.statuses
        if status is None:
            pass  # not known yet: everyone is shown (the screen says so)
        elif spec.status == CURRENT:
            visible = [i for i in visible if status[i] != FORMER]
        elif spec.status != ALL:
            wanted = str(spec.status)
            visible = [i for i in visible if status[i] == wanted]
        for wanted_value, values in (
            (spec.hamlet_id, index.hamlet_ids),
            (spec.gender or None, index.genders),
            (spec.ethnicity or None, index.ethnicities),
            (spec.unit_id, index.unit_ids),
        ):
            if wanted_value is not None:
                visible = [i for i in visible if values[i] == wanted_value]
        if fold(spec.text).split():
            found, ids = lazy.matching(spec.text), index.ids
            visible = [i for i in visible if ids[i] in found]
        return visible

    # --- Qt model interface -------------------------------------------------------------------------------

    def rowCount(self, parent: ParentIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: ParentIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: ParentIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == ID_ROLE:
            return self.member_id(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):  # the tip: a long hamlet, whole
            return self._columns[index.column()][1](self._row_at(index.row()))
        return None

    def _row_at(self, row: int) -> RosterRow:
        """The row shown at *row*: looked up by its place in the visible list, without a search of it."""
        position = self._visible[row]
        if self._lazy is None:
            return self._rows[position]
        ids = self._lazy.index.ids
        kept = self._kept.get(ids[position])
        if kept is not None:
            return kept
        if len(self._kept) > KEPT:
            self._kept.clear()
        start = row - row % BLOCK
        wanted = [ids[i] for i in self._visible[start : start + BLOCK]]
        self._kept.update((r.id, r) for r in self._lazy.rows(wanted))
        return self._kept[ids[position]]

    def column_names(self) -> list[str]:
        """The columns shown, by their English names (as ``COLUMNS`` calls them)."""
        return [column[0] for column in self._columns]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return heading_of(self._columns[section][0])
        if role == Qt.ItemDataRole.ToolTipRole:
            return heading_tip(self._columns[section][0])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort_column = column
        self._sort_order = order
        self._visible = self._compute()
        self.layoutChanged.emit()

    # --- helpers for the view -----------------------------------------------------------------------------

    def member_id(self, row: int) -> int:
        if self._lazy is not None:
            return self._lazy.index.ids[self._visible[row]]
        return self._rows[self._visible[row]].id

    def row_of(self, member_id: int) -> int | None:
        if self._lazy is not None:
            ids = self._lazy.index.ids
            for position, index in enumerate(self._visible):
                if ids[index] == member_id:
                    return position
            return None
        for position, index in enumerate(self._visible):
            if self._rows[index].id == member_id:
                return position
        return None


def heading_of(name: str) -> str:
    """The translated heading of the column called *name* (its English heading)."""
    if name == BRANCH_COLUMN[0]:
        return QCoreApplication.translate("RosterModel", "Branch")
    return heading([c[0] for c in COLUMNS].index(name))


def heading_tip(name: str) -> str | None:
    """What a heading shortened to save room stands for (shown when the pointer rests on it)."""
    tips = {
        "ID number (CCCD)": QCoreApplication.translate("RosterModel", "Citizen identity card number (CCCD)"),
        "Admitted": QCoreApplication.translate("RosterModel", "Date of the admission ceremony"),
    }
    return tips.get(name)


def heading(section: int) -> str:
    texts = (
        QCoreApplication.translate("RosterModel", "Full name"),
        QCoreApplication.translate("RosterModel", "Gender"),
        QCoreApplication.translate("RosterModel", "Date of birth"),
        QCoreApplication.translate("RosterModel", "Hamlet / cell"),
        QCoreApplication.translate("RosterModel", "Ethnicity"),
        QCoreApplication.translate("RosterModel", "Party card"),
        QCoreApplication.translate("RosterModel", "CCCD"),
        QCoreApplication.translate("RosterModel", "Admitted"),
        QCoreApplication.translate("RosterModel", "Status"),
    )
    return texts[section]
