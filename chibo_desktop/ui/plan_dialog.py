"""The year's plan of thematic topics, registered at the start of the year; each shows the meeting that held it."""

from collections.abc import Callable

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

from chibo_desktop.domain.errors import UserError
from chibo_desktop.services.changes import Change
from chibo_desktop.services.meetings import MeetingService
from chibo_desktop.ui.editor import EditorDialog
from chibo_desktop.ui.form_fields import FieldErrors, message_label
from chibo_desktop.ui.i18n import render


class PlanDialog(EditorDialog):
    """Ctrl+S (or Apply) adds the topic typed; closing with a topic typed but not added asks first."""

    def __init__(
        self, meetings: MeetingService, year: int, on_change: Callable[[Change], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._meetings = meetings
        self._year = year
        self._on_change = on_change
        self.setWindowTitle(self.tr("Thematic plan for {year}").format(year=year))
        self.resize(760, 480)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Quarter"), self.tr("Topic"), self.tr("Held")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table)
        form = QFormLayout()
        layout.addLayout(form)
        self.errors = FieldErrors()
        self.quarter = QComboBox()
        self.quarter.addItem(self.tr("Any time in the year"), None)
        for q in range(1, 5):
            self.quarter.addItem(self.tr("Quarter {q}").format(q=q), q)
        self.title = QLineEdit()
        self.errors.add_row(form, self.tr("Quarter"), self.quarter, "quarter")
        self.errors.add_row(form, self.tr("New topic"), self.title, "title")
        self.message = message_label()
        layout.addWidget(self.message)
        layout.addWidget(
            QLabel(self.tr("A thematic meeting is linked to its topic in the meeting's “From the year's plan” field."))
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.add)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()
        self.track_changes()

    def refresh(self) -> None:
        topics = self._meetings.topics(self._year)
        self.table.setRowCount(len(topics))
        for row, (_id, quarter, title, held) in enumerate(topics):
            texts = (str(quarter) if quarter else "", title, self.tr("yes") if held else "")
            for column, text in enumerate(texts):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def save(self) -> bool:
        return self.add()

    def add(self) -> bool:
        self.message.clear()
        try:
            change = self._meetings.add_topic(self._year, self.quarter.currentData(), self.title.text())
        except UserError as error:
            self.message.setText(render(error.message))
            self.errors.show(error.field_errors)
            return False
        self._on_change(change)
        self.title.clear()
        self.errors.clear()
        self.refresh()
        self.track_changes()
        return True
