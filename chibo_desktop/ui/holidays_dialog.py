"""The public holidays a year has (Tết, 30/4, 1/5, 2/9 …, substitute days), as the table holds them: seeded from
the published calendar, corrected here when the government moves a day. Working days skip them."""

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chibo_desktop.domain.dates import screen_date
from chibo_desktop.domain.errors import UserError
from chibo_desktop.services.changes import Change
from chibo_desktop.services.working_days import HolidayService
from chibo_desktop.ui.editor import EditorDialog
from chibo_desktop.ui.form_fields import DateField, FieldErrors, date_problem, message_label
from chibo_desktop.ui.i18n import render


class HolidaysDialog(EditorDialog):
    def __init__(
        self, holidays: HolidayService, year: int, on_change: Callable[[Change], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._holidays = holidays
        self._on_change = on_change
        self._shown: list[tuple[date, str, bool]] = []
        self.setWindowTitle(self.tr("Public holidays"))
        self.resize(640, 600)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Days off that are not weekends. The 30 working days to consider a probationary member are counted "
                "without them. The list comes from the published calendar (Tết by the lunar calendar); add a day "
                "the government moves or adds, or remove one."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        year_row = QHBoxLayout()
        year_row.addWidget(QLabel(self.tr("Year")))
        self.year = QSpinBox()
        self.year.setRange(1990, 2100)
        self.year.setValue(year)
        self.year.valueChanged.connect(lambda _year: self.refresh())
        year_row.addWidget(self.year)
        year_row.addStretch(1)
        layout.addLayout(year_row)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Day"), self.tr("Holiday"), self.tr("Source")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        layout.addWidget(self.table, 1)
        form = QFormLayout()
        layout.addLayout(form)
        self.errors = FieldErrors()
        self.day = DateField()
        self.day.setObjectName("holiday_day")
        self.name = QLineEdit()
        self.name.setObjectName("holiday_name")
        self.name.setPlaceholderText(self.tr("e.g. Nghỉ bù Quốc khánh"))
        self.errors.add_row(form, self.tr("Day off"), self.day, "on")
        self.errors.add_row(form, self.tr("Name"), self.name, "name")
        self.message = message_label()
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add the day"))
        self.add_button.clicked.connect(self.save)
        self.remove_button = QPushButton(self.tr("Remove the chosen day"))
        self.remove_button.clicked.connect(self.remove)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()
        self.track_changes()

    def refresh(self) -> None:
        self._shown = self._holidays.year(self.year.value())
        self.table.setRowCount(len(self._shown))
        for row, (on, name, seeded) in enumerate(self._shown):
            source = self.tr("published calendar") if seeded else self.tr("entered here")
            for column, text in enumerate((screen_date(on), name, source)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(2)

    def save(self) -> bool:
        self.message.clear()
        try:
            day = self.day.value()
        except ValueError as error:
            self.errors.show({"on": date_problem(error)})
            return False
        try:
            change = self._holidays.save(day, self.name.text())
        except UserError as error:
            self.message.setText(render(error.message))
            self.errors.show(error.field_errors)
            return False
        self._on_change(change)
        if day is not None and day.year != self.year.value():
            self.year.setValue(day.year)
        self.refresh()
        self.day.clear()
        self.name.clear()
        self.errors.clear()
        self.track_changes()
        return True

    def remove(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.message.setText(self.tr("Choose a day in the list first."))
            return
        on, name, _seeded = self._shown[rows[0].row()]
        answer = QMessageBox.question(
            self,
            self.tr("Remove the day?"),
            self.tr("Remove {day} ({name}) from the holidays? It becomes a working day.").format(
                day=screen_date(on), name=name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._on_change(self._holidays.delete(on))
        self.refresh()
