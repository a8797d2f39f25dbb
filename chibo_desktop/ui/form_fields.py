"""Form pieces shared by the dialogs: a date field that reads Vietnamese dates, and errors beside fields."""

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from chibo_desktop.domain.dates import parse_date, screen_date
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message
from chibo_desktop.ui.i18n import render

ERROR_COLOUR = "#b00020"
BAD_DATE = Message(
    "Validation", QT_TRANSLATE_NOOP("Validation", "Write the date as dd/mm/yyyy, for example 05/02/1970.")
)


def message_label() -> QLabel:
    """The red line under a form that says why it was not saved."""
    label = QLabel()
    label.setObjectName("message")
    label.setStyleSheet(f"color: {ERROR_COLOUR};")
    label.setWordWrap(True)
    return label


class DateField(QLineEdit):
    """A date typed as 05/02/1970, 5-2-1970 or 5.2.1970; empty means no date."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(QCoreApplication.translate("Forms", "dd/mm/yyyy"))
        self.setMaxLength(10)

    def value(self) -> date | None:
        """The date typed, ``None`` if empty; ``ValueError`` if it cannot be read."""
        text = self.text().strip()
        if not text:
            return None
        parsed = parse_date(text)
        if parsed is None or parsed.year < 1900:
            raise ValueError(text)
        return parsed

    def set_value(self, value: date | None) -> None:
        self.setText(screen_date(value))


class FieldErrors:
    """Red labels under form fields; ``show`` fills them from a field → message map."""

    def __init__(self) -> None:
        self._labels: dict[str, QLabel] = {}
        self._widgets: dict[str, QWidget] = {}

    def add_row(self, form: QFormLayout, label: str, widget: QWidget, field: str) -> QWidget:
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
        box.addWidget(widget)
        error = QLabel()
        error.setObjectName(f"error_{field}")
        error.setStyleSheet(f"color: {ERROR_COLOUR};")
        error.setWordWrap(True)
        error.hide()
        box.addWidget(error)
        form.addRow(label, holder)
        self._labels[field] = error
        self._widgets[field] = widget
        return holder

    def clear(self) -> None:
        for label in self._labels.values():
            label.clear()
            label.hide()

    def show(self, errors: dict[str, Message]) -> QWidget | None:
        """Show each message beside its field; return the first field's widget, to focus it."""
        self.clear()
        first = None
        for field, message in errors.items():
            label = self._labels.get(field)
            if label is None:
                continue
            label.setText(render(message))
            label.show()
            if first is None:
                first = self._widgets[field]
        return first

    def text(self, field: str) -> str:
        label = self._labels.get(field)
        return label.text() if label is not None and label.isVisible() else ""

    def visible_text(self, field: str) -> str:
        """The message shown for *field*, whether or not the dialog itself is on screen (for tests)."""
        label = self._labels.get(field)
        return label.text() if label is not None and not label.isHidden() else ""
