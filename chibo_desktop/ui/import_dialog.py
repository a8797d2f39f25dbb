"""Importing members from a spreadsheet: a preview that marks every row, then all new rows or none."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chibo_desktop.domain.errors import UserError
from chibo_desktop.services.changes import Change
from chibo_desktop.services.roster_io import ImportPreview, RosterIO, RowStatus
from chibo_desktop.ui.form_fields import ERROR_COLOUR
from chibo_desktop.ui.i18n import render
from chibo_desktop.ui.progress import run_with_progress
from chibo_desktop.ui.tasks import TaskRunner

COLOURS = {RowStatus.NEW: "#e6f4ea", RowStatus.DUPLICATE: "#fff4e5", RowStatus.ERROR: "#fdecea"}


class ImportDialog(QDialog):
    def __init__(
        self,
        roster_io: RosterIO,
        path: Path,
        on_change: Callable[[Change], None],
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._io = roster_io
        self._path = path
        self._on_change = on_change
        self._tasks = tasks
        self.preview: ImportPreview | None = None
        self.setWindowTitle(self.tr("Import members from {name}").format(name=path.name))
        self.resize(860, 560)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self.tr("Reading the file…"))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Full name"), self.tr("Result"), self.tr("Reason")]
        )
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setEnabled(False)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.clicked.connect(self.commit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        tasks.run("import-preview", lambda: roster_io.preview(path), self.show_preview, self._failed)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self.summary.setText(render(error.message))
            self.summary.setStyleSheet(f"color: {ERROR_COLOUR};")
            return
        raise error

    def show_preview(self, preview: ImportPreview) -> None:
        self.preview = preview
        labels = {
            RowStatus.NEW: self.tr("new"),
            RowStatus.DUPLICATE: self.tr("duplicate"),
            RowStatus.ERROR: self.tr("error"),
        }
        self.table.setRowCount(len(preview.rows))
        for row, item in enumerate(preview.rows):
            brush = QBrush(QColor(COLOURS[item.status]))
            reasons = "; ".join(render(m) for m in item.reasons)
            for column, text in enumerate((str(item.line), item.full_name, labels[item.status], reasons)):
                cell = QTableWidgetItem(text)
                cell.setBackground(brush)
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        new = preview.count(RowStatus.NEW)
        self.summary.setText(
            self.tr(
                "{new} new, {duplicate} already in the roster, {error} with errors. Only the new rows are imported, "
                "all together; correct the others in the file and import it again."
            ).format(new=new, duplicate=preview.count(RowStatus.DUPLICATE), error=preview.count(RowStatus.ERROR))
        )
        self.import_button.setText(self.tr("Import {count} new members").format(count=new))
        self.import_button.setEnabled(new > 0)

    def commit(self) -> None:
        """Write the new rows in the background, with progress and Cancel (a cancelled import writes nothing)."""
        assert self.preview is not None
        preview, total = self.preview, self.preview.count(RowStatus.NEW)
        self.import_button.setEnabled(False)

        def done(change: Change) -> None:
            self._on_change(change)
            self.accept()

        def failed(error: BaseException) -> None:
            self._failed(error)
            self.import_button.setEnabled(self.job.cancelled)  # cancelled: the user may start it again

        self.job, self.progress = run_with_progress(
            self,
            self._tasks,
            "import-commit",
            self.windowTitle(),
            lambda written: self.tr("Importing {done} of {total} members…").format(done=written, total=total),
            total,
            lambda report: self._io.commit(preview, report),
            done,
            failed,
        )
