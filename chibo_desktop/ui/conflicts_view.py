"""The committee's tab of members sent by two units (services/conflicts.py): the list waiting for a decision, the
two versions of the chosen one side by side, and the two decisions — keep the stored version, or take the sent
one (the member then moves to the unit that sent it)."""

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from chibo_desktop.domain.dates import screen_time
from chibo_desktop.domain.errors import UserError
from chibo_desktop.services.changes import Change, Topic
from chibo_desktop.services.conflicts import Conflict, ConflictService
from chibo_desktop.ui.i18n import translate
from chibo_desktop.ui.selection import enable_while_chosen, on_selection
from chibo_desktop.ui.tasks import TaskRunner
from chibo_desktop.ui.text_table import ID_ROLE, TextTableModel, fit_columns, list_view


class ConflictsWidget(QWidget):
    """``count_changed(n)``: how many wait, for the tab's title."""

    count_changed = Signal(int)

    def __init__(
        self,
        conflicts: ConflictService,
        changed: Callable[[Change], None],
        tasks: TaskRunner,
        failed: Callable[[BaseException], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._conflicts = conflicts
        self._changed = changed
        self._tasks = tasks
        self._failed = failed
        self.shown_conflicts: tuple[Conflict, ...] | None = None
        note = QLabel(
            self.tr(
                "A unit sent a member this database keeps for another unit (a transfer recorded at both ends, or a "
                "copied file). The stored record was not written over, and the sending unit's records that name the "
                "member wait with it. Compare the two versions, then keep the stored one or take the sent one."
            )
        )
        note.setWordWrap(True)
        self.model = TextTableModel(
            [
                self.tr("Member (as sent)"),
                self.tr("Sent by"),
                self.tr("Kept here for"),
                self.tr("Package"),
                self.tr("Records waiting with it"),
                self.tr("Received"),
            ],
            self,
            right_aligned=(3, 4),
        )
        self.table = list_view(self.model)
        self.versions = TextTableModel([self.tr("Field"), self.tr("Stored version"), self.tr("Sent version")], self)
        self.versions_table = list_view(self.versions)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.keep_button = QPushButton(self.tr("&Keep the stored version"))
        self.take_button = QPushButton(self.tr("&Take the sent version"))
        self.keep_button.clicked.connect(lambda: self.decide(take=False))
        self.take_button.clicked.connect(lambda: self.decide(take=True))
        enable_while_chosen(self.table, self.keep_button, self.take_button)
        on_selection(self.table, self._show_versions)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.take_button)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 3)
        layout.addWidget(QLabel(self.tr("The two versions of the chosen member (only the fields that differ):")))
        layout.addWidget(self.versions_table, 2)
        layout.addLayout(buttons)

    def shown(self) -> None:
        """The tab came to the front: load it the first time (an idle window reads nothing it does not show)."""
        if self.shown_conflicts is None:
            self.refresh()

    def refresh(self) -> None:
        # a few rows: on the quick lane, not behind a large committee's roster and meetings loading meanwhile
        self._tasks.run(
            "conflicts", self._conflicts.conflicts, self.show_conflicts, self._failed, owner=self, quick=True
        )

    def on_change(self, change: Change) -> None:
        """A package taken in may add or update entries: reload if loaded, else only count them for the title."""
        if Topic.MEMBERS not in change.topics:
            return
        if self.shown_conflicts is not None:
            self.refresh()
        else:
            self.recount()

    def recount(self) -> None:
        """Tell the tab's title how many wait (ConflictService.waiting_count, the count the stats give too)."""
        self.count_changed.emit(self._conflicts.waiting_count())

    def show_conflicts(self, conflicts: tuple[Conflict, ...]) -> None:
        self.shown_conflicts = conflicts
        self.model.set_rows(
            [
                (
                    c.id,
                    (c.sent_name, c.sent_unit, c.stored_unit, str(c.sequence), str(c.held), screen_time(c.received_at)),
                    False,
                )
                for c in conflicts
            ]
        )
        fit_columns(self.table)
        self.count_changed.emit(len(conflicts))

    def chosen(self) -> Conflict | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.shown_conflicts is None:
            return None
        wanted = int(rows[0].data(ID_ROLE))
        return next((c for c in self.shown_conflicts if c.id == wanted), None)

    def _show_versions(self) -> None:
        conflict = self.chosen()
        if conflict is None:
            self.versions.set_rows([])
            if self.shown_conflicts is None:  # an empty list not read yet says nothing about what waits
                self.summary.setText(self.tr("Loading the members waiting for review…"))
            elif not self.shown_conflicts:
                self.summary.setText(self.tr("Nothing is waiting for review."))
            else:
                self.summary.setText(self.tr("Choose a member."))
            return
        self.versions.set_rows(
            [(0, (translate("Audit", d.field), d.stored, d.sent), False) for d in conflict.differences]
            or [(0, (self.tr("(no difference but the unit)"), "", ""), False)]
        )
        fit_columns(self.versions_table)
        self.summary.setText(
            self.tr("Stored for {stored}: {stored_name}. Sent by {sent} in its package {sequence}.").format(
                stored=conflict.stored_unit,
                stored_name=conflict.stored_name,
                sent=conflict.sent_unit,
                sequence=conflict.sequence,
            )
        )

    def decide(self, take: bool) -> None:
        conflict = self.chosen()
        if conflict is None:
            return
        if take:
            title = self.tr("Take the sent version?")
            question = self.tr(
                "{name} will belong to {sent}, with the record it sent and its {held} records that waited; "
                "{stored} no longer keeps the member. Go on?"
            ).format(name=conflict.sent_name, sent=conflict.sent_unit, held=conflict.held, stored=conflict.stored_unit)
        else:
            title = self.tr("Keep the stored version?")
            question = self.tr(
                "{name} stays as {stored} keeps the member; the version {sent} sent and its {held} records that "
                "waited are set aside. Go on?"
            ).format(
                name=conflict.stored_name, stored=conflict.stored_unit, sent=conflict.sent_unit, held=conflict.held
            )
        answer = QMessageBox.question(
            self, title, question, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            change = self._conflicts.resolve(conflict.id, take)
        except UserError as error:
            self._failed(error)
            return
        self._changed(change)  # the roster and meetings move; this tab reloads on it
