"""The rules the Party changes (probation length, badge milestones …), each value with its start date."""

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chibo_desktop.domain.dates import screen_date
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.rules import KEYS, format_rule_value
from chibo_desktop.services.changes import Change
from chibo_desktop.services.rules import RulesService
from chibo_desktop.ui.editor import EditorDialog
from chibo_desktop.ui.form_fields import BAD_DATE, DateField, FieldErrors, date_problem, message_label
from chibo_desktop.ui.i18n import render, translate


class RulesDialog(EditorDialog):
    """Ctrl+S (or Apply) adds the value typed; closing with a value typed but not added asks first."""

    def __init__(
        self, rules: RulesService, on_change: Callable[[Change], None], today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._rules = rules
        self._on_change = on_change
        self.setWindowTitle(self.tr("Rules and thresholds"))
        self.resize(980, 560)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Every value applies from its own date; older values stay in force for earlier dates."))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Rule"), self.tr("Value"), self.tr("From"), self.tr("Note")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 170)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table)
        form = QFormLayout()
        layout.addLayout(form)
        self.errors = FieldErrors()
        self.key = QComboBox()
        for key, spec in KEYS.items():
            self.key.addItem(translate("Rules", spec.label), key)
        self.value = QLineEdit()
        self.valid_from = DateField()
        self.valid_from.set_value(today)
        self.note = QLineEdit()
        self.errors.add_row(form, self.tr("Rule"), self.key, "key")
        self.errors.add_row(form, self.tr("New value"), self.value, "value")
        self.errors.add_row(form, self.tr("Applies from"), self.valid_from, "valid_from")
        self.errors.add_row(form, self.tr("Source or note"), self.note, "note")
        self.message = message_label()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.add_value)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()
        self.track_changes()

    def refresh(self) -> None:
        book = self._rules.book()
        rows = [(key, v) for key in KEYS for v in book.history(key)]
        self.table.setRowCount(len(rows))
        for row, (key, value) in enumerate(rows):
            spec = KEYS[key]
            for column, text in enumerate(
                (
                    translate("Rules", spec.label),
                    format_rule_value(spec.kind, value.value),
                    screen_date(value.valid_from),
                    value.note,
                )
            ):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)

    def save(self) -> bool:
        return self.add_value()

    def add_value(self) -> bool:
        self.message.clear()
        self.errors.clear()
        try:
            valid_from = self.valid_from.value()
        except ValueError as error:
            self.errors.show({"valid_from": date_problem(error)})
            return False
        if valid_from is None:
            self.errors.show({"valid_from": BAD_DATE})
            return False
        try:
            change = self._rules.set_value(self.key.currentData(), self.value.text(), valid_from, self.note.text())
        except UserError as error:
            self.message.setText(render(error.message))
            self.errors.show(error.field_errors)
            return False
        self._on_change(change)
        self.value.clear()
        self.refresh()
        self.track_changes()
        return True
