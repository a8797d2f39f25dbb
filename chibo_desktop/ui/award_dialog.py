"""Recording a commendation or a disciplinary measure on a member: its form, the decision and its date."""

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message
from chibo_desktop.domain.review import AWARD_LABELS, Award, AwardKind
from chibo_desktop.services.changes import Change
from chibo_desktop.services.review import ReviewService
from chibo_desktop.ui.editor import EditorDialog
from chibo_desktop.ui.form_fields import DateField, FieldErrors, date_problem, message_label
from chibo_desktop.ui.i18n import render, translate


class AwardDialog(EditorDialog):
    def __init__(
        self,
        review: ReviewService,
        member_id: int,
        member_name: str,
        on_change: Callable[[Change], None],
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._review = review
        self._member_id = member_id
        self._on_change = on_change
        self.setWindowTitle(self.tr("Commendation or discipline"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{member_name}</b>"))
        form = QFormLayout()
        layout.addLayout(form)
        self.errors = FieldErrors()
        self.kind = QComboBox()
        for kind, label in AWARD_LABELS.items():
            self.kind.addItem(translate("Review", label), kind.value)
        self.form = QLineEdit()
        self.form.setPlaceholderText(self.tr("e.g. Giấy khen, Khiển trách"))
        self.on = DateField()
        self.on.set_value(today)
        self.decision_no = QLineEdit()
        self.decision_no.setPlaceholderText(self.tr("e.g. 125-QĐ/ĐU"))
        self.issuer = QLineEdit()
        self.note = QLineEdit()
        self.errors.add_row(form, self.tr("&Kind"), self.kind, "kind")
        self.errors.add_row(form, self.tr("&Form"), self.form, "form")
        self.errors.add_row(form, self.tr("&Date of the decision"), self.on, "on")
        self.errors.add_row(form, self.tr("Decision &number"), self.decision_no, "decision_no")
        self.errors.add_row(form, self.tr("Decided &by"), self.issuer, "issuer")
        self.errors.add_row(form, self.tr("No&te"), self.note, "note")
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
            self.errors.show({"on": Message("Review", QT_TRANSLATE_NOOP("Review", "Write the date of the decision."))})
            return False
        award = Award(
            self._member_id,
            AwardKind(self.kind.currentData()),
            self.form.text(),
            on,
            self.decision_no.text(),
            self.issuer.text(),
            self.note.text(),
        )
        try:
            change = self._review.add_award(award)
        except UserError as error:
            self.message.setText(render(error.message))
            self.errors.show(error.field_errors)
            return False
        self._on_change(change)
        self.accept()
        return True
