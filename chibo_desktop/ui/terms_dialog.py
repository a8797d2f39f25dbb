"""The branch's terms (nhiệm kỳ) in its setup: each with its dates and the congress resolution's target for
admissions, shown with the admissions so far. A term then serves as a period wherever one is chosen."""

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chibo_desktop.domain.dates import Period, screen_date
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message
from chibo_desktop.domain.terms import Term, TermDraft, target_progress
from chibo_desktop.services.changes import Change
from chibo_desktop.services.terms import TermService
from chibo_desktop.ui.editor import EditorDialog
from chibo_desktop.ui.form_fields import DateField, FieldErrors, date_problem, message_label
from chibo_desktop.ui.i18n import render


class TermsDialog(EditorDialog):
    """Pick a term in the list to change it, or "New term" to add one; Ctrl+S saves the form."""

    def __init__(
        self,
        terms: TermService,
        admitted: Callable[[Period], int],
        on_change: Callable[[Change], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._terms = terms
        self._admitted = admitted
        self._on_change = on_change
        self._shown: tuple[Term, ...] = ()
        self._editing: int | None = None
        self.setWindowTitle(self.tr("Terms (nhiệm kỳ)"))
        self.resize(820, 560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "A term runs from one congress of the branch to the next. Its name can be chosen as a period in "
                "the figures and reports, and its target for new members is compared with the admissions."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Term"), self.tr("From"), self.tr("To"), self.tr("Admissions against the target")]
        )
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._picked)
        layout.addWidget(self.table, 1)
        self.form_title = QLabel()
        self.form_title.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.form_title)
        form = QFormLayout()
        layout.addLayout(form)
        self.errors = FieldErrors()
        self.name = QLineEdit()
        self.name.setObjectName("term_name")
        self.name.setPlaceholderText(self.tr("e.g. Nhiệm kỳ 2020–2025"))
        self.start = DateField()
        self.start.setObjectName("term_start")
        self.end = DateField()
        self.end.setObjectName("term_end")
        self.target = QLineEdit()
        self.target.setObjectName("term_target")
        self.target.setPlaceholderText(self.tr("e.g. 40 (leave empty if the resolution set none)"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("e.g. Nghị quyết Đại hội Chi bộ lần thứ X"))
        self.errors.add_row(form, self.tr("Name"), self.name, "name")
        self.errors.add_row(form, self.tr("First day (the congress)"), self.start, "start")
        self.errors.add_row(form, self.tr("Last day"), self.end, "end")
        self.errors.add_row(form, self.tr("Target: new members over the term"), self.target, "admissions_target")
        self.errors.add_row(form, self.tr("Note"), self.note, "note")
        self.message = message_label()
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New term"))
        self.new_button.clicked.connect(self.new_term)
        self.save_button = QPushButton(self.tr("Save the term"))
        self.save_button.setObjectName("save_term")
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton(self.tr("Delete the term"))
        self.delete_button.clicked.connect(self.delete)
        for button in (self.new_button, self.save_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()
        self.start_new()

    def refresh(self) -> None:
        self._shown = tuple(reversed(self._terms.terms()))  # the newest first
        self.table.blockSignals(True)
        self.table.setRowCount(len(self._shown))
        for row, term in enumerate(self._shown):
            admitted = self._admitted(term.period)
            progress = target_progress(admitted, term.admissions_target)
            texts = (
                term.name,
                screen_date(term.start),
                screen_date(term.end),
                render(progress)
                if progress
                else self.tr("{admitted} new member(s) (no target set)", "", admitted).format(admitted=admitted),
            )
            for column, text in enumerate(texts):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.blockSignals(False)

    def _may_drop_typed(self) -> bool:
        """Whether the form may be replaced: nothing typed since it was filled, or the user says to drop it."""
        if not self.has_changes():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Drop what was typed?"),
            self.tr("The term in the form has changes that are not saved. Drop them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def _select(self, term_id: int | None) -> None:
        """Show *term_id* selected again (or none), without picking it."""
        self.table.blockSignals(True)
        self.table.selectionModel().blockSignals(True)
        self.table.clearSelection()
        for row, term in enumerate(self._shown):
            if term.id == term_id:
                self.table.selectRow(row)
        self.table.selectionModel().blockSignals(False)
        self.table.blockSignals(False)

    def _picked(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        if not self._may_drop_typed():
            self._select(self._editing)
            return
        term = self._shown[rows[0].row()]
        self._editing = term.id
        self.form_title.setText(self.tr("Change “{name}”").format(name=term.name))
        self.name.setText(term.name)
        self.start.set_value(term.start)
        self.end.set_value(term.end)
        self.target.setText("" if term.admissions_target is None else str(term.admissions_target))
        self.note.setText(term.note)
        self.delete_button.setEnabled(True)
        self.errors.clear()
        self.message.clear()
        self.track_changes()

    def new_term(self) -> None:
        """The "New term" button: an empty form, once what was typed may be dropped."""
        if self._may_drop_typed():
            self.start_new()

    def start_new(self) -> None:
        self._editing = None
        self._select(None)
        self.form_title.setText(self.tr("New term"))
        for field in (self.name, self.start, self.end, self.target, self.note):
            field.clear()
        self.delete_button.setEnabled(False)
        self.errors.clear()
        self.message.clear()
        self.track_changes()

    def _draft(self) -> TermDraft | None:
        """The form as a draft; ``None`` (with the fields marked) when a date or the target cannot be read."""
        problems: dict[str, Message] = {}
        days = {}
        for field, widget in (("start", self.start), ("end", self.end)):
            try:
                days[field] = widget.value()
            except ValueError as error:
                problems[field] = date_problem(error)
        target_text = self.target.text().strip().replace(".", "")
        target = int(target_text) if target_text.isdigit() else None
        if target_text and target is None:
            problems["admissions_target"] = Message(
                "Term",
                QT_TRANSLATE_NOOP("Term", "The target is a number of new members, 0 or more (or leave it empty)."),
            )
        if problems:
            self.errors.show(problems)
            self.message.setText(self.tr("The term was not saved: some fields need attention."))
            return None
        return TermDraft(self.name.text(), days.get("start"), days.get("end"), target, self.note.text())

    def save(self) -> bool:
        self.message.clear()
        draft = self._draft()
        if draft is None:
            return False
        try:
            change = self._terms.save(draft, self._editing)
        except UserError as error:
            self.message.setText(render(error.message))
            self.errors.show(error.field_errors)
            return False
        self._on_change(change)
        self.refresh()
        self.start_new()
        return True

    def delete(self) -> None:
        if self._editing is None:
            return
        name = next((t.name for t in self._shown if t.id == self._editing), "")
        answer = QMessageBox.question(
            self,
            self.tr("Delete the term?"),
            self.tr("Delete “{name}”? Its dates and target are removed; the members, meetings and loans stay.").format(
                name=name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        change = self._terms.delete(self._editing)
        self._on_change(change)
        self.refresh()
        self.start_new()
