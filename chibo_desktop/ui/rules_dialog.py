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
from chibo_desktop.domain.rule_shapes import rule_problem
from chibo_desktop.domain.rules import KEYS, RuleValue, format_rule_value, parse_rule_value
from chibo_desktop.services.audit_words import rule_value_words
from chibo_desktop.services.changes import Change
from chibo_desktop.services.rules import RulesService
from chibo_desktop.ui.editor import EditorDialog
from chibo_desktop.ui.form_fields import BAD_DATE, DateField, FieldErrors, date_problem, message_label
from chibo_desktop.ui.i18n import render, screen_language, translate


def one_line(text: str, limit: int = 50) -> str:
    """A long note in one line of the table (the whole of it is the cell's tooltip)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


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
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 340)
        self.table.setColumnWidth(1, 360)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.currentCellChanged.connect(lambda row, _column, _old_row, _old_column: self._load_row(row))
        layout.addWidget(self.table)
        self._rows: list[tuple[str, RuleValue]] = []
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
        # what the value typed means, in words, as it is typed: the rules made of parts are typed in their
        # stored form ({"step": 100, "mode": "nearest"}), which few can read
        self.meaning = QLabel()
        self.meaning.setWordWrap(True)
        form.addRow("", self.meaning)
        self.value.textChanged.connect(lambda _text: self._show_meaning())
        self.key.currentIndexChanged.connect(lambda _index: self._show_meaning())
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
        self._rows = [(key, v) for key in KEYS for v in book.history(key)]
        blocked = self.table.blockSignals(True)  # filling the table is not a click on a row
        self.table.setRowCount(len(self._rows))
        for row, (key, value) in enumerate(self._rows):
            spec = KEYS[key]
            words = rule_value_words(key, value.value, translate, screen_language())
            words = words[:1].upper() + words[1:]
            for column, text in enumerate(
                (translate("Rules", spec.label), words, screen_date(value.valid_from), one_line(value.note))
            ):
                item = QTableWidgetItem(text)
                item.setToolTip(value.note if column == 3 else text)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self.table.blockSignals(blocked)

    def _load_row(self, row: int) -> None:
        """A click on a row puts its rule in the form below, with its value as it is typed, ready to change (what
        was typed in the form and not added yet is kept: the rule is chosen, the typed value stays)."""
        if not 0 <= row < len(self._rows):
            return
        key, value = self._rows[row]
        untouched = not self.has_changes()
        self.key.setCurrentIndex(self.key.findData(key))
        if not self.value.text() or untouched:
            self.value.setText(self.typed_form(key, value.value))
        if untouched:
            self.track_changes()

    def _show_meaning(self) -> None:
        key, text = self.key.currentData(), self.value.text().strip()
        if not text or key not in KEYS:
            self.meaning.setText("")
            return
        try:
            value = parse_rule_value(KEYS[key].kind, text)
        except ValueError:
            value = None
        if value is None or rule_problem(key, value) is not None:
            self.meaning.setStyleSheet("color: #b00020;")
            self.meaning.setText(
                self.tr("Not a value of this rule yet: keep the form of the value shown in the table.")
            )
            return
        words = rule_value_words(key, value, translate, screen_language())
        self.meaning.setStyleSheet("color: #455a64;")
        self.meaning.setText(self.tr("Means: {words}").format(words=words[:1].upper() + words[1:]))

    @staticmethod
    def typed_form(key: str, value: object) -> str:
        """The value as it is typed in the box (what the box reads back): yes or no in the user's language."""
        spec = KEYS[key]
        if spec.kind == "bool" and isinstance(value, bool):
            return rule_value_words(key, value, translate, screen_language())
        return format_rule_value(spec.kind, value)

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
