"""The committee's Party dues tab: each branch's dues for a year as its packages reported them — what was due and
collected, the collection ratio, what it paid up to the committee, and members who have not paid."""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chibo_desktop.domain.dates import Period
from chibo_desktop.services.changes import Change, Topic
from chibo_desktop.services.dues import BranchDuesLine, DuesService
from chibo_desktop.ui.numbers import number, percent
from chibo_desktop.ui.tasks import TaskRunner


class BranchDuesWidget(QWidget):
    """Read only: the branches' dues are theirs; a new package brings the new figures."""

    def __init__(
        self,
        dues: DuesService,
        tasks: TaskRunner,
        today: Callable[[], date],
        failed: Callable[[BaseException], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._dues = dues
        self._tasks = tasks
        self._failed = failed
        self.lines: tuple[BranchDuesLine, ...] | None = None
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today().year)
        self.year.valueChanged.connect(lambda _year: self.refresh())
        self.note = QLabel(
            self.tr("The branches' Party dues as their newest packages reported them, up to this month.")
        )
        self.note.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year:")))
        top.addWidget(self.year)
        top.addWidget(self.note, 1)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Branch"),
                self.tr("Due (đ)"),
                self.tr("Collected (đ)"),
                self.tr("Collection ratio"),
                self.tr("Paid up to the committee (đ)"),
                self.tr("Members who have not paid"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 6):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def shown(self) -> None:
        """The tab came to the front: load it the first time (an idle window reads nothing it does not show)."""
        if self.lines is None:
            self.refresh()

    def refresh(self) -> None:
        year = self.year.value()
        period = Period(date(year, 1, 1), date(year, 12, 31), str(year))
        self._tasks.run("branch-dues", lambda: self._dues.branches(period), self.show_lines, self._failed, owner=self)

    def on_change(self, change: Change) -> None:
        """A package taken in brings new figures; reload only if the tab was loaded already."""
        if self.lines is not None and Topic.MEMBERS in change.topics:
            self.refresh()

    def show_lines(self, lines: tuple[BranchDuesLine, ...]) -> None:
        self.lines = lines
        self.table.setRowCount(len(lines) + (1 if lines else 0))
        for row, line in enumerate(lines):
            self._fill(row, line.name, line.due, line.collected, line.ratio, line.paid_up, line.members_unpaid)
        if lines:
            due, collected = sum(line.due for line in lines), sum(line.collected for line in lines)
            self._fill(
                len(lines),
                self.tr("All branches"),
                due,
                collected,
                collected / due if due else None,
                sum(line.paid_up for line in lines),
                sum(line.members_unpaid for line in lines),
            )
            for column in range(6):
                item = self.table.item(len(lines), column)
                font = item.font()
                font.setBold(True)
                item.setFont(font)

    def _fill(
        self, row: int, name: str, due: int, collected: int, ratio: float | None, paid_up: int, unpaid: int
    ) -> None:
        texts = [
            name,
            number(due),
            number(collected),
            "–" if ratio is None else percent(round(ratio * 1000), 1000),
            number(paid_up),
            str(unpaid),
        ]
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            if column:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, item)
