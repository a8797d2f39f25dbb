"""Reminders a secretary acts on: probation ending or overdue, and Party-badge milestones in a year."""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chibo_desktop.domain.dates import screen_date
from chibo_desktop.domain.roster import BadgeMilestone, ProbationReminder, ProbationStage
from chibo_desktop.services.members import Roster


class RemindersWidget(QWidget):
    def __init__(
        self,
        probation: Callable[[Roster], list[ProbationReminder]],
        badges: Callable[[Roster, int], list[BadgeMilestone]],
        open_member: Callable[[int], None],
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._probation = probation
        self._badges = badges
        self._open_member = open_member
        self._roster: Roster | None = None
        layout = QVBoxLayout(self)

        box = QGroupBox(self.tr("Probationary members to consider for official status"))
        inner = QVBoxLayout(box)
        self.probation_table = self._table(
            [
                self.tr("Full name"),
                self.tr("Admitted"),
                self.tr("Probation ends"),
                self.tr("Consider by"),
                self.tr("What to do"),
            ]
        )
        inner.addWidget(self.probation_table)
        layout.addWidget(box, 1)

        box = QGroupBox(self.tr("Party badge milestones"))
        inner = QVBoxLayout(box)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Year")))
        self.year = QSpinBox()
        self.year.setRange(1950, 2200)
        self.year.setValue(today.year)
        self.year.valueChanged.connect(self._fill_badges)
        row.addWidget(self.year)
        row.addStretch(1)
        inner.addLayout(row)
        self.badge_table = self._table(
            [
                self.tr("Full name"),
                self.tr("Years of Party age"),
                self.tr("Reached on"),
                self.tr("Party age counted from"),
            ]
        )
        inner.addWidget(self.badge_table)
        layout.addWidget(box, 1)

    def _table(self, headings: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headings))
        table.setHorizontalHeaderLabels(headings)
        table.horizontalHeader().setSectionResizeMode(len(headings) - 1, QHeaderView.ResizeMode.Stretch)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.cellDoubleClicked.connect(lambda row, _col: self._open(table, row))
        return table

    def _open(self, table: QTableWidget, row: int) -> None:
        item = table.item(row, 0)
        if item is not None:
            self._open_member(int(item.data(Qt.ItemDataRole.UserRole)))

    def show_roster(self, roster: Roster) -> None:
        self._roster = roster
        stages = {
            ProbationStage.DUE_SOON: self.tr("Probation ends soon: prepare the papers"),
            ProbationStage.TO_CONSIDER: self.tr("Consider recognition now"),
            ProbationStage.OVERDUE: self.tr("Overdue: the 30-working-day window has passed"),
        }
        reminders = self._probation(roster)
        self.probation_table.setRowCount(len(reminders))
        for row, r in enumerate(reminders):
            self._set_row(
                self.probation_table,
                row,
                r.member_id,
                [
                    r.name,
                    screen_date(r.admitted_on),
                    screen_date(r.probation_ends),
                    screen_date(r.deadline),
                    stages[r.stage],
                ],
            )
            if r.stage == ProbationStage.OVERDUE:
                for column in range(5):
                    item = self.probation_table.item(row, column)
                    if item is not None:
                        item.setForeground(Qt.GlobalColor.red)
        self.probation_table.resizeColumnsToContents()
        self._fill_badges()

    def _fill_badges(self) -> None:
        if self._roster is None:
            return
        milestones = self._badges(self._roster, self.year.value())
        self.badge_table.setRowCount(len(milestones))
        for row, b in enumerate(milestones):
            self._set_row(
                self.badge_table,
                row,
                b.member_id,
                [b.name, str(b.years), screen_date(b.reached_on), screen_date(b.admitted_on)],
            )
        self.badge_table.resizeColumnsToContents()

    @staticmethod
    def _set_row(table: QTableWidget, row: int, member_id: int, texts: list[str]) -> None:
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, member_id)
            table.setItem(row, column, item)
