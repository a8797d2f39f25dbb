"""Form pieces shared by the dialogs: a date field that reads Vietnamese dates, and errors beside fields (marked
on their tab, gone once put right)."""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QTabWidget, QVBoxLayout, QWidget

from chibo_desktop.domain.dates import BAD_DATE, date_problem, parse_date, screen_date
from chibo_desktop.domain.i18n import Message
from chibo_desktop.ui.i18n import render

ERROR_COLOUR = "#b00020"
TAB_MARK = "⚠ "  # before the title of a tab that holds a field with an error
__all__ = ["BAD_DATE", "ERROR_COLOUR", "TAB_MARK", "DateField", "FieldErrors", "date_problem", "message_label"]


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
        """The date typed, ``None`` if empty; ``ValueError`` if it cannot be read (:func:`date_problem` says
        why in words)."""
        text = self.text().strip()
        if not text:
            return None
        parsed = parse_date(text)
        if parsed is None:
            raise ValueError(text)
        return parsed

    def set_value(self, value: date | None) -> None:
        self.setText(screen_date(value))


class FieldErrors:
    """Red labels under form fields; ``show`` fills them from a field → message map.

    A message goes as soon as its field is edited into something right: *recheck* says what is still wrong
    (without it, editing a field puts its message away). With *tabs*, a tab that holds a field with a message
    has its title marked, so an error on a tab not shown is not missed. *summary*, the line under the form, is
    cleared when the last message goes."""

    def __init__(
        self,
        tabs: QTabWidget | None = None,
        recheck: Callable[[], dict[str, Message]] | None = None,
        summary: QLabel | None = None,
    ) -> None:
        self._labels: dict[str, QLabel] = {}
        self._widgets: dict[str, QWidget] = {}
        self.tabs = tabs
        self.recheck = recheck
        self.summary = summary

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
        self._follow_edits(widget, field)
        return holder

    def _follow_edits(self, widget: QWidget, field: str) -> None:
        """Edits by the user only (not text set by the dialog itself) may put a message away."""
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(lambda _text: self._edited(field))
        elif isinstance(widget, QComboBox):
            widget.activated.connect(lambda _index: self._edited(field))
            if widget.isEditable() and widget.lineEdit() is not None:
                widget.lineEdit().textEdited.connect(lambda _text: self._edited(field))

    def _shown(self) -> list[str]:
        return [field for field, label in self._labels.items() if not label.isHidden()]

    def _edited(self, field: str) -> None:
        shown = self._shown()
        if not shown:
            return
        if self.recheck is None:
            still: set[str] = set(shown) - {field}
        else:
            still = set(self.recheck())
        for name in shown:
            if name not in still:
                self._labels[name].clear()
                self._labels[name].hide()
        if self.summary is not None and not self._shown():
            self.summary.clear()
        self._mark_tabs()

    def clear(self) -> None:
        for label in self._labels.values():
            label.clear()
            label.hide()
        self._mark_tabs()

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
        self._mark_tabs()
        return first

    def _mark_tabs(self) -> None:
        if self.tabs is None:
            return
        wrong = [self._widgets[field] for field in self._shown()]
        bar = self.tabs.tabBar()
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            title = self.tabs.tabText(index).removeprefix(TAB_MARK)
            if any(page.isAncestorOf(widget) for widget in wrong):
                self.tabs.setTabText(index, TAB_MARK + title)
                bar.setTabTextColor(index, QColor(ERROR_COLOUR))
                self.tabs.setTabToolTip(
                    index, QCoreApplication.translate("Forms", "Some fields on this tab need attention.")
                )
            elif self.tabs.tabText(index) != title:
                self.tabs.setTabText(index, title)
                bar.setTabTextColor(index, QColor())
                self.tabs.setTabToolTip(index, "")

    def text(self, field: str) -> str:
        label = self._labels.get(field)
        return label.text() if label is not None and label.isVisible() else ""

    def visible_text(self, field: str) -> str:
        """The message shown for *field*, whether or not the dialog itself is on screen (for tests)."""
        label = self._labels.get(field)
        return label.text() if label is not None and not label.isHidden() else ""
