"""The audit log on screen: every change with who made it and when, filtered by dates and words, printable."""

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chibo_desktop.domain.audit import AuditEntry
from chibo_desktop.services.audit import AuditService
from chibo_desktop.ui.form_fields import DateField, date_problem, message_label
from chibo_desktop.ui.i18n import render, screen_language, translate
from chibo_desktop.ui.tasks import TaskRunner

LIMIT = 5000


def change_lines(entry: AuditEntry) -> str:
    return "\n".join(f"{c.field}: {c.old} → {c.new}" if c.old else f"{c.field}: {c.new}" for c in entry.changes)


class AuditDialog(QDialog):
    def __init__(
        self,
        audit: AuditService,
        tasks: TaskRunner,
        print_log: Callable[[date | None, date | None, str], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._audit = audit
        self._tasks = tasks
        self._print = print_log
        self.setWindowTitle(self.tr("Log of changes"))
        self.resize(1100, 600)
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.since = DateField()
        self.until = DateField()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Name, field or value…"))
        show = QPushButton(self.tr("Show"))
        show.clicked.connect(self.reload)
        self.search.returnPressed.connect(self.reload)
        for label, widget in ((self.tr("From"), self.since), (self.tr("to"), self.until)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addWidget(QLabel(self.tr("Containing")))
        filters.addWidget(self.search, 1)
        filters.addWidget(show)
        layout.addLayout(filters)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("Record"), self.tr("Action"), self.tr("What changed")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in (0, 1, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)  # what changed takes the room, wrapped
        self.table.setColumnWidth(2, 300)
        layout.addWidget(self.table)
        self.summary = QLabel()
        self.message = message_label()
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        print_button = buttons.addButton(self.tr("Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        print_button.clicked.connect(self.print_log)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reload()

    def _dates(self) -> tuple[date | None, date | None] | None:
        try:
            return self.since.value(), self.until.value()
        except ValueError as error:
            self.message.setText(render(date_problem(error)))
            return None

    def reload(self) -> None:
        dates = self._dates()
        if dates is None:
            return
        self.message.clear()
        since, until = dates
        audit, needle, language = self._audit, self.search.text(), screen_language()
        self.summary.setText(self.tr("Loading…"))
        self._tasks.run(
            "audit-list",
            lambda: audit.entries(translate, since, until, needle, LIMIT, language),
            self._loaded,
            lambda error: self.message.setText(str(error)),
            owner=self,
        )

    def _loaded(self, entries: list[AuditEntry]) -> None:
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            cells = (
                entry.when,
                entry.actor,
                entry.subject,
                entry.action,
                change_lines(entry),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        shown = self.tr("{count} change(s) shown, newest first.", "", len(entries)).format(count=len(entries))
        if len(entries) >= LIMIT:
            shown += " " + self.tr("Only the newest {limit} are shown; narrow the dates to see older ones.").format(
                limit=LIMIT
            )
        self.summary.setText(shown)

    def print_log(self) -> None:
        dates = self._dates()
        if dates is not None:
            self._print(dates[0], dates[1], self.search.text())
