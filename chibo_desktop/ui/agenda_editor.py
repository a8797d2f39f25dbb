"""The agenda of a meeting: its items, each with who presented, what was said by whom, and the conclusion.

Speakers are chosen from the members present that day (and the guests), or typed; a chosen member is linked to
the attendance line, whose ``spoke`` flag then counts who spoke. The presenter is chosen from the branch's members,
or typed (a guest): a member another has the same name as is recorded with what tells them apart, as the minutes
print it."""

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chibo_desktop.domain.meetings import AgendaItem, Opinion
from chibo_desktop.domain.text import fold
from chibo_desktop.ui.enter_key import enter_cell, enter_goes_along, is_enter
from chibo_desktop.ui.selection import enable_while_chosen


@dataclass
class _Item:
    """An agenda item while it is being edited."""

    title: str = ""
    presenter: str = ""
    content: str = ""
    conclusion: str = ""
    opinions: list[tuple[str, str, int | None]] = field(default_factory=list)  # speaker, what was said, member


Speakers = Callable[[], list[tuple[int | None, str, str]]]
NAME_ROLE = Qt.ItemDataRole.UserRole + 1  # the name the minutes record, where the list adds a year of birth
FOLDED_ROLE = Qt.ItemDataRole.UserRole + 2  # the name as listed, without tone marks and in lower case: to find it


class _FoldedCompleter(QCompleter):
    """Offers the names of a box's list that hold what is typed, tone marks and case aside, as the roster's search
    finds them ("nguyen van a" offers "Nguyễn Văn An"); the name chosen goes in as listed."""

    def __init__(self, combo: QComboBox) -> None:
        super().__init__(combo.model(), combo)
        self.setCompletionRole(FOLDED_ROLE)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    def splitPath(self, path: str) -> list[str]:
        return [fold(path)]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


class _OpinionEditor(QPlainTextEdit):
    """What a speaker said, typed in lines that wrap at the cell's width (the row grows to show them). Enter hands
    it to the table and goes on, as in every cell; Shift+Enter starts a new line."""

    def __init__(self, delegate: "_OpinionDelegate", parent: QWidget) -> None:
        super().__init__(parent)
        self._delegate = delegate
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTabChangesFocus(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if is_enter(event):
            self._delegate.commitData.emit(self)
            self._delegate.closeEditor.emit(self, QAbstractItemDelegate.EndEditHint.SubmitModelCache)
            return
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.insertPlainText("\n")  # a line break, not the separator Qt would put (which the upper level refuses)
            return
        super().keyPressEvent(event)


class _OpinionDelegate(QStyledItemDelegate):
    """The opinion's cell: a text of several lines, its row as tall as its wrapped text, and taller while typed
    in (at least three lines, growing with the text), so that a long opinion is read and typed whole."""

    LINES_WHILE_TYPING = 3

    def __init__(self, table: QTableWidget) -> None:
        super().__init__(table)
        self._table = table
        self._typing: tuple[QPersistentModelIndex, _OpinionEditor] | None = None

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        editor = _OpinionEditor(self, parent)
        kept = QPersistentModelIndex(index)
        self._typing = (kept, editor)
        editor.textChanged.connect(lambda: self._grow(kept, editor))
        editor.destroyed.connect(self._gone)
        return editor

    def _gone(self) -> None:
        self._typing = None

    def _grow(self, kept: QPersistentModelIndex, editor: QWidget) -> None:
        """The row as tall as what is being typed, at once (the view's own relayout would wait a turn), the editor
        over the whole cell and in sight."""
        if not kept.isValid():
            return
        index = QModelIndex(kept)
        self._table.resizeRowToContents(index.row())
        self._table.scrollTo(index)
        editor.setGeometry(self._table.visualRect(index))

    def destroyEditor(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if self._typing is not None and self._typing[1] is editor:
            self._typing = None
            self.sizeHintChanged.emit(QModelIndex(index))  # back to the height of the text alone
        super().destroyEditor(editor, index)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            editor.selectAll()  # a key typed replaces it, as in the other cells; a click places the cursor

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        if isinstance(editor, QPlainTextEdit):
            model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        editor.setGeometry(option.rect)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        if self._typing is None or QModelIndex(self._typing[0]) != QModelIndex(index):
            return hint
        editor = self._typing[1]
        metrics = editor.fontMetrics()
        margin = 2 * int(editor.document().documentMargin()) + 2
        width = max(1, self._table.columnWidth(index.column()) - margin)
        text = editor.toPlainText() or " "
        wrapped = metrics.boundingRect(QRect(0, 0, width, 1 << 20), Qt.TextFlag.TextWordWrap, text).height()
        lines = max(wrapped, self.LINES_WHILE_TYPING * metrics.lineSpacing()) + metrics.lineSpacing()
        return QSize(hint.width(), max(hint.height(), lines + margin))


def _cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text().strip() if item is not None else ""


def _offer_people(
    combo: QComboBox, people: list[tuple[int | None, str, str]], typed: str, key: object, role: int
) -> None:
    """Fill an editable box with *people* (member id, the name the minutes record, the name as listed) after an
    empty choice; the one whose data under *role* is *key* is chosen, else *typed* stays in it as typed."""
    combo.clear()
    combo.addItem("", None)
    for person, name, shown in people:
        combo.addItem(shown, person)
        combo.setItemData(combo.count() - 1, name, NAME_ROLE)
        combo.setItemData(combo.count() - 1, fold(shown), FOLDED_ROLE)
    if not isinstance(combo.completer(), _FoldedCompleter):
        combo.setCompleter(_FoldedCompleter(combo))
    chosen = combo.findData(key, role) if key not in (None, "") else -1
    if chosen > 0:
        combo.setCurrentIndex(chosen)
    else:
        combo.setCurrentIndex(0)
        combo.setEditText(typed)


def _chosen_person(combo: QComboBox) -> tuple[str, int | None]:
    """The name the minutes record of what a box of :func:`_offer_people` holds, and the member when one was chosen
    from its list (not typed over)."""
    text = combo.currentText().strip()
    index = combo.currentIndex()
    if index > 0 and combo.itemText(index) == text:
        return str(combo.itemData(index, NAME_ROLE)), combo.itemData(index)
    return text, None


class _FillingLayout(QHBoxLayout):
    """The editor takes the height its tab gives it, scrolling only below its minimum: without this, its wrapped
    labels would make its scroll area ask for the editor's full preferred height and scroll on an office screen."""

    def hasHeightForWidth(self) -> bool:
        return False


class AgendaEditor(QWidget):
    """*speakers()* gives the people who may speak, as (member id or ``None`` for a guest, name, name as listed:
    the same, or told apart from another of the same name); *presenters()* the members who may present an item, as
    (member id, the name the minutes record, name as listed)."""

    def __init__(
        self,
        agenda: tuple[AgendaItem, ...],
        speakers: Speakers = list,
        parent: QWidget | None = None,
        presenters: Speakers = list,
    ) -> None:
        super().__init__(parent)
        self._read_only = False
        self._speakers = speakers
        self._presenters = presenters
        outer = _FillingLayout(self)
        left = QVBoxLayout()
        self.items: list[_Item] = [
            _Item(
                i.title, i.presenter, i.content, i.conclusion, [(o.speaker, o.summary, o.member_id) for o in i.opinions]
            )
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
        self.item_title.setPlaceholderText(self.tr("New item"))  # a hint, not text to type after
        self.item_presenter = QComboBox()
        self.item_presenter.setEditable(True)  # a guest's name is typed
        self.item_presenter.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.item_content = QPlainTextEdit()
        self.item_conclusion = QPlainTextEdit()
        self.opinions = QTableWidget(0, 2)
        self.opinions.setHorizontalHeaderLabels([self.tr("Speaker"), self.tr("Opinion")])
        self.opinions.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.opinions.verticalHeader().hide()
        self.opinions.setColumnWidth(0, 190)
        # what was said wraps in its cell, whose row grows to show it all, and is typed over several lines
        self.opinions.setItemDelegateForColumn(1, _OpinionDelegate(self.opinions))
        self.opinions.setWordWrap(True)
        self.opinions.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.opinions.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)  # tall rows scroll smoothly
        self.opinions.setMinimumHeight(self.opinions.fontMetrics().lineSpacing() * 13)  # a few opinions in sight
        opinions_holder = QWidget()
        box = QVBoxLayout(opinions_holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.opinions)
        buttons = QHBoxLayout()
        add_row = QPushButton(self.tr("Add a row"))
        remove_row = QPushButton(self.tr("Remove the row"))
        add_row.clicked.connect(self._add_opinion_and_type)
        remove_row.clicked.connect(self._remove_opinion)
        self._gates.append(enable_while_chosen(self.opinions, remove_row, allowed=lambda: not self._read_only))
        # Enter: from the speaker to what was said, then to the next opinion's speaker (a new row after the last)
        enter_goes_along(self.opinions, at_end=self._next_opinion)
        buttons.addWidget(add_row)
        buttons.addWidget(remove_row)
        buttons.addStretch(1)
        box.addLayout(buttons)
        for text, input_ in (
            (self.tr("Item"), self.item_title),
            (self.tr("Presented by"), self.item_presenter),
            (self.tr("What was presented"), self.item_content),
            (self.tr("Who spoke and what they said"), opinions_holder),
            (self.tr("The chair's conclusion"), self.item_conclusion),
        ):
            label = QLabel(text)
            label.setWordWrap(True)  # a long label takes two lines rather than the fields' width (English is longer)
            label.setBuddy(input_)
            form.addRow(label, input_)
        outer.addWidget(form_holder, 2)
        self._current = -1
        self.item_list.currentRowChanged.connect(self._show_item)
        self.item_title.textEdited.connect(
            lambda text: self.item_list.item(self._current).setText(self._shown(text)) if self._current >= 0 else None
        )
        self._form_enabled(False)
        if self.items:
            self.item_list.setCurrentRow(0)

    def _add_opinion(self, speaker: str = "", summary: str = "", member_id: int | None = None) -> None:
        row = self.opinions.rowCount()
        self.opinions.insertRow(row)
        combo = QComboBox()
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line_edit = combo.lineEdit()
        assert line_edit is not None
        line_edit.installEventFilter(self)
        _offer_people(combo, self._speakers(), speaker, member_id, Qt.ItemDataRole.UserRole)
        self.opinions.setCellWidget(row, 0, combo)
        self.opinions.setItem(row, 1, QTableWidgetItem(summary))

    def _add_opinion_and_type(self) -> None:
        self._add_opinion()
        enter_cell(self.opinions, self.opinions.rowCount() - 1, 0)

    def _next_opinion(self) -> bool:
        """After the last opinion, a row for the next one; none after an empty row (Enter again adds nothing)."""
        last = self.opinions.rowCount() - 1
        if last >= 0 and not (self._speaker(last)[0] or _cell(self.opinions, last, 1)):
            return False
        self._add_opinion()
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A speaker box taking the focus makes its row the current one (so "Remove the row" removes it)."""
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QWidget):
            box = watched.parentWidget()
            if isinstance(box, QComboBox):
                row = self.opinions.indexAt(box.geometry().center()).row()
                if row >= 0 and row != self.opinions.currentRow():
                    self.opinions.setCurrentCell(row, 0)
        return super().eventFilter(watched, event)

    def _remove_opinion(self) -> None:
        if self.opinions.currentRow() >= 0:
            self.opinions.removeRow(self.opinions.currentRow())

    def _speaker(self, row: int) -> tuple[str, int | None]:
        """The speaker's name as the minutes record it, and the member when one was chosen from the list (not typed
        over)."""
        combo = self.opinions.cellWidget(row, 0)
        return _chosen_person(combo) if isinstance(combo, QComboBox) else ("", None)

    def reload_speakers(self) -> None:
        """Offer the current list of people (the attendance may have changed); what is typed stays."""
        self.store()
        if 0 <= self._current < len(self.items):
            self._fill_presenters(self.items[self._current].presenter)
            self._fill_opinions(self.items[self._current])

    def _fill_presenters(self, presenter: str) -> None:
        """The members to choose the presenter from, *presenter* chosen among them if it is one's recorded name
        (what an older meeting typed stays as typed)."""
        _offer_people(self.item_presenter, self._presenters(), presenter, presenter, NAME_ROLE)

    def _presenter(self) -> str:
        """The presenter as the minutes record them: a chosen member's recorded name, or the text typed."""
        return _chosen_person(self.item_presenter)[0]

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
            item.presenter = self._presenter()
            item.content = self.item_content.toPlainText().strip()
            item.conclusion = self.item_conclusion.toPlainText().strip()
            item.opinions = []
            for r in range(self.opinions.rowCount()):
                speaker, member_id = self._speaker(r)
                summary = _cell(self.opinions, r, 1)
                if speaker or summary:
                    item.opinions.append((speaker, summary, member_id))

    def _show_item(self, row: int) -> None:
        self.store()
        self._current = row
        self._form_enabled(row >= 0)
        if row < 0:
            return
        item = self.items[row]
        self.item_title.setText(item.title)
        self._fill_presenters(item.presenter)
        self.item_content.setPlainText(item.content)
        self.item_conclusion.setPlainText(item.conclusion)
        self._fill_opinions(item)

    def _fill_opinions(self, item: _Item) -> None:
        self.opinions.setRowCount(0)
        for speaker, summary, member_id in item.opinions:
            self._add_opinion(speaker, summary, member_id)

    def _shown(self, title: str) -> str:
        """An item's line in the list: its title, or "New item" while it has none."""
        return title.strip() or self.tr("New item")

    def add_item(self, title: str = "") -> None:
        self.store()
        self.items.append(_Item(title=title))
        self.item_list.addItem(self._shown(title))
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
            AgendaItem(
                i.title or self.tr("New item"),  # what was typed under an item left untitled is kept, not dropped
                i.presenter,
                i.content,
                tuple(Opinion(s, t, m) for s, t, m in i.opinions),
                i.conclusion,
            )
            for i in self.items
            if i.title or i.presenter or i.content or i.opinions or i.conclusion
        )
