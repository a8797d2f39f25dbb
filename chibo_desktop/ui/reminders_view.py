"""Reminders a secretary acts on: probation ending or overdue, and Party-badge milestones in a year."""

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from chibo_desktop.domain.dates import screen_date
from chibo_desktop.domain.namesakes import Identity
from chibo_desktop.domain.roster import BadgeMilestone, ProbationReminder, ProbationStage
from chibo_desktop.services.roster_data import Roster, RosterOverview
from chibo_desktop.ui.namesakes import told_apart
from chibo_desktop.ui.tasks import TaskRunner
from chibo_desktop.ui.text_table import ID_ROLE, TextTableModel

if TYPE_CHECKING:  # the window paints its first screen before the services are loaded
    from chibo_desktop.services.members import MemberService


class RemindersWidget(QWidget):
    """The reminders follow the roster they are computed from (``show_overview``, from the roster tab); another
    year's badge milestones are computed here, in the background."""

    def __init__(
        self,
        open_member: Callable[[int], None],
        today: date,
        members: "MemberService | Callable[[], MemberService]",
        tasks: TaskRunner,
        failed: Callable[[BaseException], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._open_member = open_member
        self._members = members if callable(members) else lambda: members
        self._tasks = tasks
        self._failed = failed
        self._roster: Roster | None = None
        layout = QVBoxLayout(self)
        self.counting = QLabel()
        self.counting.setObjectName("counting")
        self.counting.setWordWrap(True)
        self.counting.hide()
        layout.addWidget(self.counting)

        box = QGroupBox(self.tr("Probationary members to consider for official status"))
        inner = QVBoxLayout(box)
        self.probation = TextTableModel(
            [
                self.tr("Full name"),
                self.tr("Admitted"),
                self.tr("Probation ends"),
                self.tr("Consider by"),
                self.tr("What to do"),
            ],
            self,
        )
        self.probation_table = self._table(self.probation)
        inner.addWidget(self.probation_table)
        layout.addWidget(box, 1)

        box = QGroupBox(self.tr("Party badge milestones"))
        inner = QVBoxLayout(box)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Year")))
        self.year = QSpinBox()
        self.year.setRange(1950, 2200)
        self.year.setValue(today.year)
        self.year.valueChanged.connect(self._rebadge)
        row.addWidget(self.year)
        row.addStretch(1)
        inner.addLayout(row)
        self.badges = TextTableModel(
            [
                self.tr("Full name"),
                self.tr("Years of Party age"),
                self.tr("Reached on"),
                self.tr("Party age counted from"),
            ],
            self,
        )
        self.badge_table = self._table(self.badges)
        inner.addWidget(self.badge_table)
        layout.addWidget(box, 1)

    def _table(self, model: TextTableModel) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setResizeContentsPrecision(60)  # size columns from the first rows, not thousands
        table.doubleClicked.connect(self._open)
        table.resizeColumnsToContents()  # each heading whole even while the list is empty
        return table

    def _open(self, index: QModelIndex) -> None:
        self._open_member(int(index.data(ID_ROLE)))

    def show_counting(self) -> None:
        """A large roster's reminders are worked out after its rows show: none listed until they are."""
        self.counting.setText(self.tr("Working out the reminders from every member's records…"))
        self.counting.show()
        self.probation.set_rows([])
        self.badges.set_rows([])
        self.probation_table.resizeColumnsToContents()
        self.badge_table.resizeColumnsToContents()

    def show_failed(self) -> None:
        """A large roster's count failed: no reminders, and why."""
        self.counting.setText(
            self.tr(
                "The reminders could not be worked out because the members could not be counted: see the message "
                "on the Members tab."
            )
        )
        self.counting.show()
        self.probation.set_rows([])
        self.badges.set_rows([])

    def show_overview(self, overview: RosterOverview) -> None:
        self.counting.hide()
        self._roster = overview.roster
        self.show_probation(overview.probation)
        if overview.badge_year == self.year.value():
            self.show_badges(overview.badges)
        else:  # another year chosen while they were worked out
            self.badges.set_rows([])
            self._rebadge(self.year.value())

    def _rebadge(self, year: int) -> None:
        roster, members = self._roster, self._members()
        if roster is not None:
            self._tasks.run("badges", lambda: members.badge_milestones(roster, year), self.show_badges, self._failed)

    def show_probation(self, reminders: Sequence[ProbationReminder]) -> None:
        stages = {
            ProbationStage.DUE_SOON: self.tr("Probation ends soon: prepare the papers"),
            ProbationStage.TO_CONSIDER: self.tr("Consider recognition now"),
            ProbationStage.OVERDUE: self.tr("Overdue: the 30-working-day window has passed"),
            ProbationStage.LONG_OVER: self.tr(
                "Probation ended long ago with no outcome recorded: record the recognition, or what happened "
                "instead, in the member's history"
            ),
        }
        names = _told_apart(reminders)
        self.probation.set_rows(
            [
                (
                    r.member_id,
                    (
                        names[r.member_id],
                        screen_date(r.admitted_on),
                        screen_date(r.probation_ends),
                        screen_date(r.deadline),
                        stages[r.stage],
                    ),
                    r.stage in (ProbationStage.OVERDUE, ProbationStage.LONG_OVER),
                )
                for r in reminders
            ]
        )
        self.probation_table.resizeColumnsToContents()

    def show_badges(self, milestones: Sequence[BadgeMilestone]) -> None:
        names = _told_apart(milestones)
        self.badges.set_rows(
            [
                (
                    b.member_id,
                    (names[b.member_id], str(b.years), screen_date(b.reached_on), screen_date(b.admitted_on)),
                    False,
                )
                for b in milestones
            ]
        )
        self.badge_table.resizeColumnsToContents()


def _told_apart(listed: Sequence[ProbationReminder | BadgeMilestone]) -> dict[int, str]:
    """Each one's name as a table shows it: two of the same name told apart by their year of birth."""
    identities = {r.member_id: Identity(r.member_id, r.name, r.born, r.card) for r in listed}
    return dict(told_apart([(r.member_id, r.name) for r in listed], lambda _ids: identities))
