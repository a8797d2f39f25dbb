"""The agenda of a meeting: its items, each with who presented, what was said by whom, and the conclusion."""

from dataclasses import dataclass, field

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chibo_desktop.domain.meetings import AgendaItem, Opinion
from chibo_desktop.ui.selection import enable_while_chosen


@dataclass
class _Item:
    """An agenda item while it is being edited."""

    title: str = ""
    presenter: str = ""
    content: str = ""
    conclusion: str = ""
    opinions: list[tuple[str, str]] = field(default_factory=list)


def _cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text().strip() if item is not None else ""


class AgendaEditor(QWidget):
    def __init__(self, agenda: tuple[AgendaItem, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._read_only = False
        outer = QHBoxLayout(self)
        left = QVBoxLayout()
        self.items: list[_Item] = [
            _Item(i.title, i.presenter, i.content, i.conclusion, [(o.speaker, o.summary) for o in i.opinions])
            for i in agenda
        ]
        self.item_list = QListWidget()
        self.item_list.addItems([i.title for i in self.items])
        left.addWidget(self.item_list)
        row = QHBoxLayout()
        add = QPushButton(self.tr("Add an item"))
        remove = QPushButton(self.tr("Remove the item"))
        add.clicked.connect(lambda: self.add_item())
        remove.clicked.connect(self._remove_item)
        self._gates = [enable_while_chosen(self.item_list, remove, allowed=lambda: not self._read_only)]
        row.addWidget(add)
        row.addWidget(remove)
        left.addLayout(row)
        outer.addLayout(left, 1)
        form_holder = QWidget()
        form = QFormLayout(form_holder)
        self.item_title = QLineEdit()
        self.item_presenter = QLineEdit()
        self.item_content = QPlainTextEdit()
        self.item_conclusion = QPlainTextEdit()
        self.opinions = QTableWidget(0, 2)
        self.opinions.setHorizontalHeaderLabels([self.tr("Speaker"), self.tr("Opinion")])
        self.opinions.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.opinions.verticalHeader().hide()
        self.opinions.setColumnWidth(0, 180)
        opinions_holder = QWidget()
        box = QVBoxLayout(opinions_holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.opinions)
        buttons = QHBoxLayout()
        add_row = QPushButton(self.tr("Add a row"))
        remove_row = QPushButton(self.tr("Remove the row"))
        add_row.clicked.connect(self._add_opinion)
        remove_row.clicked.connect(
            lambda: self.opinions.removeRow(self.opinions.currentRow()) if self.opinions.currentRow() >= 0 else None
        )
        self._gates.append(enable_while_chosen(self.opinions, remove_row, allowed=lambda: not self._read_only))
        buttons.addWidget(add_row)
        buttons.addWidget(remove_row)
        buttons.addStretch(1)
        box.addLayout(buttons)
        form.addRow(self.tr("Item"), self.item_title)
        form.addRow(self.tr("Presented by"), self.item_presenter)
        form.addRow(self.tr("What was presented"), self.item_content)
        form.addRow(self.tr("Who spoke and what they said"), opinions_holder)
        form.addRow(self.tr("The chair's conclusion"), self.item_conclusion)
        outer.addWidget(form_holder, 2)
        self._current = -1
        self.item_list.currentRowChanged.connect(self._show_item)
        self.item_title.textEdited.connect(
            lambda text: self.item_list.item(self._current).setText(text) if self._current >= 0 else None
        )
        self._form_enabled(False)
        if self.items:
            self.item_list.setCurrentRow(0)

    def _add_opinion(self) -> None:
        row = self.opinions.rowCount()
        self.opinions.insertRow(row)
        for column in range(2):
            self.opinions.setItem(row, column, QTableWidgetItem(""))

    def _form_enabled(self, enabled: bool) -> None:
        for widget in (self.item_title, self.item_presenter, self.item_content, self.item_conclusion, self.opinions):
            widget.setEnabled(enabled and not self._read_only)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self._form_enabled(not read_only)
        for gate in self._gates:
            gate()

    def store(self) -> None:
        """Keep what is typed in the form in the current item."""
        if 0 <= self._current < len(self.items):
            item = self.items[self._current]
            item.title = self.item_title.text().strip()
            item.presenter = self.item_presenter.text().strip()
            item.content = self.item_content.toPlainText().strip()
            item.conclusion = self.item_conclusion.toPlainText().strip()
            item.opinions = [
                (_cell(self.opinions, r, 0), _cell(self.opinions, r, 1))
                for r in range(self.opinions.rowCount())
                if _cell(self.opinions, r, 0) or _cell(self.opinions, r, 1)
            ]

    def _show_item(self, row: int) -> None:
        self.store()
        self._current = row
        self._form_enabled(row >= 0)
        if row < 0:
            return
        item = self.items[row]
        self.item_title.setText(item.title)
        self.item_presenter.setText(item.presenter)
        self.item_content.setPlainText(item.content)
        self.item_conclusion.setPlainText(item.conclusion)
        self.opinions.setRowCount(0)
        for speaker, summary in item.opinions:
            self._add_opinion()
            self.opinions.item(self.opinions.rowCount() - 1, 0).setText(speaker)
            self.opinions.item(self.opinions.rowCount() - 1, 1).setText(summary)

    def add_item(self, title: str = "") -> None:
        self.store()
        self.items.append(_Item(title=title or self.tr("New item")))
        self.item_list.addItem(self.items[-1].title)
        self.item_list.setCurrentRow(len(self.items) - 1)
        self.item_title.setFocus()
        self.item_title.selectAll()

    def _remove_item(self) -> None:
        row = self.item_list.currentRow()
        if row >= 0:
            self._current = -1
            del self.items[row]
            self.item_list.takeItem(row)

    def agenda(self) -> tuple[AgendaItem, ...]:
        self.store()
        return tuple(
            AgendaItem(i.title, i.presenter, i.content, tuple(Opinion(s, t) for s, t in i.opinions), i.conclusion)
            for i in self.items
            if i.title
        )
