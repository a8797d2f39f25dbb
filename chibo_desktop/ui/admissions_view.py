"""Admissions: the candidates (quần chúng ưu tú) with their steps, the steps that are late, and the dialogs to add
a candidate and record the next step; the ceremony makes the candidate a probationary member."""

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QItemSelection, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from chibo_desktop.domain.admissions import STEP_DETAILS, STEP_LABELS, STEPS, Candidate, Step, StepEvent
from chibo_desktop.domain.dates import screen_date
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message
from chibo_desktop.domain.members import GENDER_LABELS, Gender
from chibo_desktop.domain.organisation import Hamlet
from chibo_desktop.services.admissions import AdmissionService, AdmissionsOverview
from chibo_desktop.services.changes import Change, Topic
from chibo_desktop.ui.editor import EditorDialog
from chibo_desktop.ui.form_fields import DateField, FieldErrors, date_problem, message_label
from chibo_desktop.ui.i18n import render, translate
from chibo_desktop.ui.tasks import TaskRunner
from chibo_desktop.ui.text_table import ID_ROLE, TextTableModel, fit_columns, list_view


def step_label(step: Step) -> str:
    return translate("Admissions", STEP_LABELS[step])


class AdmissionsWidget(QWidget):
    loaded = Signal()

    def __init__(
        self,
        admissions: AdmissionService,
        on_change: Callable[[Change], None],
        tasks: TaskRunner,
        today: Callable[[], date],
        failed: Callable[[BaseException], None],
        show: Callable[[QWidget], None],
        hamlets: Callable[[], Sequence[Hamlet]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._admissions = admissions
        self._on_change = on_change
        self._tasks = tasks
        self._today = today
        self._failed = failed
        self._show = show
        self._hamlets = hamlets
        self._overview: AdmissionsOverview | None = None
        self._chosen_id: int | None = None
        self._stale = True
        self._read_only = False
        self.last_dialog: QWidget | None = None
        layout = QVBoxLayout(self)

        box = QGroupBox(self.tr("Steps that are late or due soon"))
        inner = QVBoxLayout(box)
        self.late = TextTableModel(
            [self.tr("Full name"), self.tr("Next step"), self.tr("Due by"), self.tr("What to do")], self
        )
        self.late_table = list_view(self.late)
        inner.addWidget(self.late_table)
        layout.addWidget(box, 1)

        body = QHBoxLayout()
        layout.addLayout(body, 3)
        box = QGroupBox(self.tr("Candidates"))
        inner = QVBoxLayout(box)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&New candidate…"))
        self.new_button.clicked.connect(self.new_candidate)
        self.step_button = QPushButton(self.tr("Record the ne&xt step…"))
        self.step_button.clicked.connect(self.record_step)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.step_button)
        buttons.addStretch(1)
        inner.addLayout(buttons)
        self.model = TextTableModel(
            [
                self.tr("Full name"),
                self.tr("Born"),
                self.tr("Steps\ndone"),
                self.tr("Next step"),
                self.tr("Latest\nstep on"),
            ],
            self,
        )
        self.table = list_view(self.model)
        self.table.selectionModel().selectionChanged.connect(self._chosen)
        self.table.doubleClicked.connect(lambda _index: self.record_step())
        inner.addWidget(self.table)
        body.addWidget(box, 3)
        box = QGroupBox(self.tr("Steps of the chosen candidate"))
        inner = QVBoxLayout(box)
        self.steps = TextTableModel([self.tr("Step"), self.tr("Date"), self.tr("Details")], self)
        self.steps_table = list_view(self.steps)
        inner.addWidget(self.steps_table)
        body.addWidget(box, 2)
        self.step_button.setEnabled(False)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.new_button.setEnabled(not read_only)
        self._enable()

    def shown(self) -> None:
        if self._stale:
            self.refresh()

    def on_change(self, change: Change) -> None:
        if change.topics & {Topic.ADMISSIONS, Topic.RULES, Topic.ORGANISATION}:
            self._stale = True
            if self.isVisible():
                self.refresh()

    def refresh(self) -> None:
        self._stale = False
        admissions = self._admissions
        self._tasks.run("admissions", admissions.overview, self.show_overview, self._failed, owner=self)

    def show_overview(self, overview: AdmissionsOverview) -> None:
        self._overview = overview
        self.late.set_rows(
            [
                (
                    r.candidate_id,
                    (
                        r.name,
                        step_label(r.step),
                        screen_date(r.due),
                        self.tr("Late: do it now") if r.overdue else self.tr("Due soon"),
                    ),
                    r.overdue,
                )
                for r in overview.late
            ]
        )
        rows = []
        for c in overview.candidates:
            last = c.last
            if c.member_id is not None:
                next_text = self.tr("Admitted: now a probationary member")
            else:
                next_text = step_label(c.next_step) if c.next_step else ""
            rows.append(
                (
                    c.id,
                    (
                        c.full_name,
                        screen_date(c.date_of_birth),
                        f"{len(c.steps)}/{len(STEPS)}",
                        next_text,
                        screen_date(last.on) if last else "",
                    ),
                    False,
                )
            )
        self.model.set_rows(rows)
        fit_columns(self.table)
        fit_columns(self.late_table)
        chosen = self._chosen_id
        self._chosen_id = None
        if chosen is not None:
            for row in range(self.model.rowCount()):
                if self.model.index(row, 0).data(ID_ROLE) == chosen:
                    self.table.selectionModel().blockSignals(True)
                    self.table.selectRow(row)
                    self.table.selectionModel().blockSignals(False)
                    self._chosen_id = chosen
        self._show_steps()
        self.loaded.emit()

    def _candidate(self) -> Candidate | None:
        if self._overview is None or self._chosen_id is None:
            return None
        return next((c for c in self._overview.candidates if c.id == self._chosen_id), None)

    def _chosen(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        self._chosen_id = int(indexes[0].data(ID_ROLE)) if indexes else None
        self._show_steps()

    def _show_steps(self) -> None:
        c = self._candidate()
        steps = sorted(c.steps, key=lambda s: STEPS.index(s.step)) if c else []
        self.steps.set_rows(
            [(i, (step_label(s.step), screen_date(s.on), s.detail), False) for i, s in enumerate(steps)]
        )
        fit_columns(self.steps_table)
        self._enable()

    def _enable(self) -> None:
        c = self._candidate()
        self.step_button.setEnabled(
            not self._read_only and c is not None and c.member_id is None and c.next_step is not None
        )

    def new_candidate(self) -> "CandidateDialog":
        dialog = CandidateDialog(self._admissions, self._on_change, self._hamlets(), self._today(), self)
        self.last_dialog = dialog
        self._show(dialog)
        return dialog

    def record_step(self) -> "StepDialog | None":
        c = self._candidate()
        if c is None or c.member_id is not None or c.next_step is None or self._read_only:
            return None
        dialog = StepDialog(self._admissions, c, self._on_change, self._today(), self)
        self.last_dialog = dialog
        self._show(dialog)
        return dialog


class CandidateDialog(EditorDialog):
    def __init__(
        self,
        admissions: AdmissionService,
        on_change: Callable[[Change], None],
        hamlets: Sequence[Hamlet],
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._admissions = admissions
        self._on_change = on_change
        self.setWindowTitle(self.tr("New candidate for admission"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.errors = FieldErrors()
        self.full_name = QLineEdit()
        self.gender = QComboBox()
        self.gender.addItem("", "")
        for gender in (Gender.MALE, Gender.FEMALE):
            self.gender.addItem(translate("Member", GENDER_LABELS[gender]), gender.value)
        self.date_of_birth = DateField()
        self.hamlet = QComboBox()
        self.hamlet.addItem("", 0)
        for hamlet in hamlets:
            self.hamlet.addItem(hamlet.name, hamlet.id)
        self.ethnicity = QLineEdit("Kinh")
        self.religion = QLineEdit()
        self.residence = QLineEdit()
        self.occupation = QLineEdit()
        self.note = QLineEdit()
        self.errors.add_row(form, self.tr("&Full name"), self.full_name, "full_name")
        self.errors.add_row(form, self.tr("&Gender"), self.gender, "gender")
        self.errors.add_row(form, self.tr("Date of &birth"), self.date_of_birth, "date_of_birth")
        self.errors.add_row(form, self.tr("&Cell"), self.hamlet, "hamlet_id")
        self.errors.add_row(form, self.tr("&Ethnicity"), self.ethnicity, "ethnicity")
        self.errors.add_row(form, self.tr("&Religion"), self.religion, "religion")
        self.errors.add_row(form, self.tr("Re&sidence"), self.residence, "residence")
        self.errors.add_row(form, self.tr("&Occupation"), self.occupation, "occupation")
        self.errors.add_row(form, self.tr("No&te"), self.note, "note")
        self.message = message_label()
        layout.addWidget(self.message)
        buttons = self.save_buttons()
        layout.addWidget(buttons)
        self.track_changes()

    def save(self) -> bool:
        self.message.clear()
        try:
            born = self.date_of_birth.value()
        except ValueError as error:
            self.errors.show({"date_of_birth": date_problem(error)})
            return False
        candidate = Candidate(
            0,
            self.full_name.text(),
            str(self.gender.currentData()),
            born,
            int(self.hamlet.currentData()) or None,
            self.ethnicity.text(),
            self.religion.text(),
            self.residence.text(),
            self.occupation.text(),
            self.note.text(),
        )
        try:
            change = self._admissions.add(candidate)
        except UserError as error:
            self.message.setText(render(error.message))
            self.errors.show(error.field_errors)
            return False
        self._on_change(change)
        self.accept()
        return True


class StepDialog(EditorDialog):
    """The candidate's next step: its date, details and a note. The ceremony says it makes the member."""

    def __init__(
        self,
        admissions: AdmissionService,
        candidate: Candidate,
        on_change: Callable[[Change], None],
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        assert candidate.next_step is not None
        self._admissions = admissions
        self._candidate = candidate
        self._step = candidate.next_step
        self._on_change = on_change
        self.setWindowTitle(self.tr("Record a step to admission"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{candidate.full_name}</b>"))
        layout.addWidget(QLabel(step_label(self._step)))
        if self._step == Step.CEREMONY:
            warning = QLabel(
                self.tr("Saving the ceremony lists {name} as a probationary member from that day.").format(
                    name=candidate.full_name
                )
            )
            warning.setWordWrap(True)
            layout.addWidget(warning)
        form = QFormLayout()
        layout.addLayout(form)
        self.errors = FieldErrors()
        self.on = DateField()
        self.on.set_value(today)
        self.detail = QLineEdit()
        self.detail.setPlaceholderText(translate("Admissions", STEP_DETAILS[self._step]))
        self.note = QLineEdit()
        self.errors.add_row(form, self.tr("&Date"), self.on, "on")
        self.errors.add_row(form, self.tr("De&tails"), self.detail, "detail")
        self.errors.add_row(form, self.tr("&Note"), self.note, "note")
        self.message = message_label()
        layout.addWidget(self.message)
        buttons = self.save_buttons()
        layout.addWidget(buttons)
        self.track_changes()

    def save(self) -> bool:
        self.message.clear()
        try:
            on = self.on.value()
        except ValueError as error:
            self.errors.show({"on": date_problem(error)})
            return False
        if on is None:
            self.errors.show(
                {"on": Message("Admissions", QT_TRANSLATE_NOOP("Admissions", "Write the date of the step."))}
            )
            return False
        try:
            change = self._admissions.record_step(
                self._candidate.id, StepEvent(self._step, on, self.detail.text(), self.note.text())
            )
        except UserError as error:
            self.message.setText(render(error.message))
            self.errors.show(error.field_errors)
            return False
        self._on_change(change)
        self.accept()
        return True
