"""Confirming the approval of the minutes: the attendance against the bar in force that day, and the day the
branch approved them (the meeting's own day unless changed). Nothing is locked until the secretary confirms."""

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from chibo_desktop.domain.dates import screen_date
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message
from chibo_desktop.services.changes import Change
from chibo_desktop.services.meetings import MeetingService
from chibo_desktop.ui.form_fields import ERROR_COLOUR, DateField, FieldErrors, date_problem
from chibo_desktop.ui.numbers import percent

NO_DATE = Message("Meeting", QT_TRANSLATE_NOOP("Meeting", "Enter the day the minutes were approved."))


class ApproveDialog(QDialog):
    """After ``exec()`` returns Accepted, ``change`` holds what the approval wrote."""

    def __init__(self, meetings: MeetingService, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._meetings = meetings
        self._meeting_id = meeting_id
        self.change: Change | None = None
        facts = meetings.approval_facts(meeting_id)
        self.setWindowTitle(self.tr("Approve the minutes"))
        layout = QVBoxLayout(self)
        self.attendance = QLabel(
            self.tr("Meeting of {date}: {present}/{required} members present ({ratio}).").format(
                date=screen_date(facts.meeting_on),
                present=facts.present,
                required=facts.required,
                ratio=percent(facts.present, facts.required),
            )
        )
        self.attendance.setObjectName("approval_attendance")
        layout.addWidget(self.attendance)
        self.warning = QLabel(
            self.tr(
                "Attendance is below the bar of {bar}% set in the rules: this meeting will count as below the bar."
            ).format(bar=facts.bar_percent)
        )
        self.warning.setObjectName("approval_warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
        self.warning.setVisible(facts.below_bar)
        layout.addWidget(self.warning)
        form = QFormLayout()
        self.errors = FieldErrors()
        self.approved_on = DateField()
        self.approved_on.setObjectName("approved_on")
        self.approved_on.set_value(facts.meeting_on)
        self.errors.add_row(form, self.tr("Approved on"), self.approved_on, "approved_on")
        layout.addLayout(form)
        hint = QLabel(
            self.tr(
                "Usually the day of the meeting, when the minutes are read out and approved. "
                "After approval the meeting cannot be changed; corrections go in an addendum."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.approve_button = QPushButton(self.tr("Approve and lock"))
        self.approve_button.setObjectName("confirm_approval")
        buttons.addButton(self.approve_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.approve_button.clicked.connect(self._approve)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _approve(self) -> None:
        try:
            on = self.approved_on.value()
        except ValueError as error:
            self.errors.show({"approved_on": date_problem(error)})  # "31/11/2026" has no such day, and says so
            return
        if on is None:
            self.errors.show({"approved_on": NO_DATE})
            return
        try:
            self.change = self._meetings.approve(self._meeting_id, on)
        except UserError as error:
            self.errors.show(error.field_errors or {"approved_on": error.message})
            return
        self.accept()
