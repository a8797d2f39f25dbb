"""Importing members from a spreadsheet: a preview that shows what was read of every row and what will happen to
it, the cells the setup lacks offered once, then all new rows or none, and a word when it is done."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chibo_desktop.domain.dates import screen_date
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.legacy_text import LEGACY_NAMES
from chibo_desktop.services.changes import Change
from chibo_desktop.services.members import JoinKind
from chibo_desktop.services.roster_io import ImportPreview, ImportRow, RosterIO, RowStatus
from chibo_desktop.ui.form_fields import ERROR_COLOUR
from chibo_desktop.ui.i18n import render
from chibo_desktop.ui.progress import run_with_progress
from chibo_desktop.ui.screen import fit_to_screen
from chibo_desktop.ui.tasks import TaskRunner

COLOURS = {
    RowStatus.NEW: "#e6f4ea",
    RowStatus.NEW_CELL: "#e8f0fe",
    RowStatus.DUPLICATE: "#fff4e5",
    RowStatus.ERROR: "#fdecea",
}
DONE_COLOUR = "#1b5e20"


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
        fit_to_screen(self, 1240, 600)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self.tr("Reading the file…"))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.encoding_note = QLabel()
        self.encoding_note.setObjectName("encoding_note")
        self.encoding_note.setWordWrap(True)
        self.encoding_note.hide()
        layout.addWidget(self.encoding_note)
        cells = QHBoxLayout()
        self.new_cells = QLabel()
        self.new_cells.setWordWrap(True)
        self.create_cells = QCheckBox(self.tr("Add them to the branch's cells"))
        self.create_cells.setObjectName("create_cells")
        self.create_cells.toggled.connect(self._count)
        cells.addWidget(self.new_cells, 1)
        cells.addWidget(self.create_cells)
        layout.addLayout(cells)
        self.new_cells.hide()
        self.create_cells.hide()
        headings = [
            self.tr("Row"),
            self.tr("Full name"),
            self.tr("Born"),
            self.tr("Cell"),
            self.tr("Ethnicity"),
            self.tr("Admitted on"),
            self.tr("Official on"),
            self.tr("Status"),
            self.tr("Result"),
            self.tr("Reason"),
        ]
        self.table = QTableWidget(0, len(headings))
        self.table.setHorizontalHeaderLabels(headings)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(len(headings) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
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

    def _status(self, row: ImportRow) -> str:
        """What the member will be: official or probationary, and how they came, as the file says."""
        standing = self.tr("Official") if row.official else self.tr("Probationary")
        if row.joining.kind != JoinKind.TRANSFERRED_IN:
            return standing
        if row.joining.on is None:
            return self.tr("{standing}, transferred in").format(standing=standing)
        return self.tr("{standing}, transferred in {date}").format(standing=standing, date=screen_date(row.joining.on))

    def show_preview(self, preview: ImportPreview) -> None:
        self.preview = preview
        labels = {
            RowStatus.NEW: self.tr("new"),
            RowStatus.NEW_CELL: self.tr("new, in a new cell"),
            RowStatus.DUPLICATE: self.tr("duplicate"),
            RowStatus.ERROR: self.tr("error"),
        }
        self.table.setRowCount(len(preview.rows))
        for row, item in enumerate(preview.rows):
            brush = QBrush(QColor(COLOURS[item.status]))
            reasons = " ".join(render(m) for m in (*item.reasons, *item.notes))  # sentences, each with its stop
            cells = (
                str(item.line),
                item.full_name,
                screen_date(item.date_of_birth),
                item.hamlet,
                item.ethnicity,
                screen_date(item.admission_date),
                screen_date(item.official_date),
                self._status(item),
                labels[item.status],
                reasons,
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setBackground(brush)
                if column == 0:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, cell)
        last = self.table.columnCount() - 1
        for column in range(last):  # the reasons take the width left and wrap
            self.table.resizeColumnToContents(column)
        self.table.horizontalHeader().setSectionResizeMode(last, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        if preview.legacy is not None:
            self.encoding_note.setText(
                self.tr(
                    "The file's Vietnamese letters were typed in an old encoding, {encoding}; they have been converted "
                    "to Unicode. Check the names below before importing."
                ).format(encoding=LEGACY_NAMES[preview.legacy])
            )
            self.encoding_note.setStyleSheet("font-weight: bold;")
            self.encoding_note.show()
        if preview.new_hamlets:
            self.new_cells.setText(
                self.tr(
                    "The file names cells that the branch's setup does not have: {cells} ({count} new member(s)).",
                    "",
                    preview.count(RowStatus.NEW_CELL),
                ).format(cells=", ".join(preview.new_hamlets), count=preview.count(RowStatus.NEW_CELL))
            )
            self.new_cells.show()
            self.create_cells.show()
        self.summary.setText(
            self.tr(
                "{new} new, {duplicate} already in the roster, {error} with errors. Only the new rows are imported, "
                "all together; correct the others in the file and import it again."
            ).format(
                new=preview.count(RowStatus.NEW) + preview.count(RowStatus.NEW_CELL),
                duplicate=preview.count(RowStatus.DUPLICATE),
                error=preview.count(RowStatus.ERROR),
            )
        )
        self._count()

    def _count(self) -> None:
        """The button says how many members it writes: the rows of new cells count once the cells are added."""
        if self.preview is None:
            return
        new = self.preview.importable(self.create_cells.isChecked())
        self.import_button.setText(self.tr("Import {count} new member(s)", "", new).format(count=new))
        self.import_button.setEnabled(new > 0)

    def commit(self) -> None:
        """Write the new rows in the background, with progress and Cancel (a cancelled import writes nothing)."""
        assert self.preview is not None
        create_cells = self.create_cells.isChecked()
        preview, total = self.preview, self.preview.importable(create_cells)
        self.import_button.setEnabled(False)
        self.create_cells.setEnabled(False)

        def done(change: Change) -> None:
            self._on_change(change)
            self._done(len(change.ids), preview.new_hamlets if create_cells else ())

        def failed(error: BaseException) -> None:
            self._failed(error)
            self.import_button.setEnabled(self.job.cancelled)  # cancelled: the user may start it again
            self.create_cells.setEnabled(self.job.cancelled)

        self.job, self.progress = run_with_progress(
            self,
            self._tasks,
            "import-commit",
            self.windowTitle(),
            lambda written: self.tr("Importing {done} of {total} member(s)…", "", total).format(
                done=written, total=total
            ),
            total,
            lambda report: self._io.commit(preview, report, create_cells),
            done,
            failed,
        )

    def _done(self, count: int, cells: tuple[str, ...]) -> None:
        """Say what was done, and leave the preview on screen until the user closes it."""
        text = self.tr("Imported {count} member(s).", "", count).format(count=count)
        if cells:
            text += " " + self.tr("Cells added: {cells}.").format(cells=", ".join(cells))
        self.summary.setText(text)
        self.summary.setStyleSheet(f"color: {DONE_COLOUR}; font-weight: bold;")
        self.import_button.hide()
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
