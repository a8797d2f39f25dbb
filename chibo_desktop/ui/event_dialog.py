"""Recording one status event (admitted, exempted, transferred out …) for a member."""

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message
from chibo_desktop.domain.members import (
    EVENT_LABELS,
    KINDS_WITH_END,
    KINDS_WITH_STANDING,
    EventKind,
    Standing,
    StatusEvent,
)
from chibo_desktop.services.changes import Change
from chibo_desktop.services.members import MemberService
from chibo_desktop.ui.editor import EditorDialog
from chibo_desktop.ui.form_fields import DateField, FieldErrors, date_problem, message_label
from chibo_desktop.ui.i18n import render, translate


class EventDialog(EditorDialog):
    def __init__(
        self,
        members: MemberService,
        member_id: int,
        member_name: str,
        on_change: Callable[[Change], None],
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._members = members
        self._member_id = member_id
        self._on_change = on_change
        self.setWindowTitle(self.tr("Record an event"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{member_name}</b>"))
        form = QFormLayout()
        layout.addLayout(form)
        self.errors = FieldErrors()
        self.kind = QComboBox()
        for kind, label in EVENT_LABELS.items():
            if kind != EventKind.UNKNOWN:  # shown for a stored value not understood, never recorded
                self.kind.addItem(translate("Event", label), str(kind))
        self.on = DateField()
        self.on.set_value(today)
        self.end_date = DateField()
        self.standing = QComboBox()
        self.standing.addItem(translate("Status", "Official"), str(Standing.OFFICIAL))
        self.standing.addItem(translate("Status", "Probationary"), str(Standing.PROBATIONARY))
        self.decision_no = QLineEdit()
        self.decision_no.setPlaceholderText(self.tr("e.g. 125-QĐ/ĐU"))
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(70)
        self.errors.add_row(form, self.tr("Event"), self.kind, "kind")
        self.errors.add_row(form, self.tr("Date"), self.on, "on")
        self._end_row = self.errors.add_row(form, self.tr("Until (optional)"), self.end_date, "end_date")
        self._standing_row = self.errors.add_row(form, self.tr("Arrives as"), self.standing, "standing")
        self.errors.add_row(form, self.tr("Decision number"), self.decision_no, "decision_no")
        self.errors.add_row(form, self.tr("Note"), self.note, "note")
        self.message = message_label()
        layout.addWidget(self.message)
        buttons = self.save_buttons()
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.track_changes()

    def _kind_changed(self) -> None:
        kind = EventKind(self.kind.currentData())
        self._end_row.setEnabled(kind in KINDS_WITH_END)
        self._standing_row.setEnabled(kind in KINDS_WITH_STANDING)

    def select_kind(self, kind: EventKind) -> None:
        self.kind.setCurrentIndex(self.kind.findData(str(kind)))

    def save(self) -> None:
        self.message.clear()
        kind = EventKind(self.kind.currentData())
        bad = {}
        try:
            on = self.on.value()
        except ValueError as error:
            on, bad["on"] = None, date_problem(error)
        try:
            end = self.end_date.value() if kind in KINDS_WITH_END else None
        except ValueError as error:
            end, bad["end_date"] = None, date_problem(error)
        if on is None and "on" not in bad:
            bad["on"] = Message("Validation", QT_TRANSLATE_NOOP("Validation", "Enter the date of the event."))
        if bad:
            self.errors.show(bad)
            return
        assert on is not None
        event = StatusEvent(
            kind=kind,
            on=on,
            end_date=end,
            decision_no=self.decision_no.text(),
            note=self.note.toPlainText(),
            standing=Standing(self.standing.currentData()) if kind in KINDS_WITH_STANDING else None,
        )
        try:
            change = self._members.add_event(self._member_id, event)
        except UserError as error:
            self.message.setText(render(error.message))
            self.errors.show(error.field_errors)
            return
        self._on_change(change)
        self.accept()
