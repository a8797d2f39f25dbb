"""The user guide (Help → User guide, F1): the contents on the left, the text on the right, a find box above.

The text is a resource file in the interface's language (``resources/guide/vi.html``, ``en.html``): each section is
an ``<h2 id="…">`` heading, listed in the contents in its order. The find box ignores tone marks and case (the same
folding as the roster's search), marks every match and moves to the next one with Enter.
"""

import re
from dataclasses import dataclass

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from chibo_desktop.domain.text import fold
from chibo_desktop.resources import resource
from chibo_desktop.ui.screen import fit_to_screen

_SECTION = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")

STYLE = """
body { font-size: 11pt; }
h1 { font-size: 16pt; }
h2 { font-size: 14pt; margin-top: 18px; }
h3 { font-size: 12pt; margin-top: 12px; }
p, li { margin-top: 3px; margin-bottom: 3px; }
.menu, .tab, .ui { font-weight: bold; }
.note { color: #5a4500; }
"""


@dataclass(frozen=True)
class Section:
    anchor: str
    title: str


def guide_file(language: str) -> str:
    """The guide's HTML in *language* ("vi" or "en"; Vietnamese for any other)."""
    name = "en.html" if language == "en" else "vi.html"
    return resource("guide", name).read_text(encoding="utf-8")


def sections(html: str) -> list[Section]:
    """The guide's sections, in order: each ``<h2 id="…">``."""
    return [Section(anchor, " ".join(_TAG.sub("", title).split())) for anchor, title in _SECTION.findall(html)]


def _folded(text: str) -> str:
    """*text* folded as the search folds it, one character for one (the positions stay those of the document)."""
    out = []
    for char in text:
        plain = fold(char)
        out.append(plain if len(plain) == 1 else char)
    return "".join(out)


class GuideWindow(QWidget):
    """A window of its own beside the main window (not modal): one per main window, raised when asked again."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("guide")
        self.setWindowTitle(self.tr("User guide"))
        self.language = language
        html = guide_file(language)
        self.sections = sections(html)

        self.find = QLineEdit()
        self.find.setObjectName("guide_find")
        self.find.setPlaceholderText(self.tr("Find in the guide (no tone marks needed)"))
        self.find.setClearButtonEnabled(True)
        self.find.textChanged.connect(lambda _text: self._search(forward=True, fresh=True))
        self.find.returnPressed.connect(lambda: self._search(forward=True))
        previous = QShortcut(QKeySequence("Shift+Return"), self.find)
        previous.setContext(Qt.ShortcutContext.WidgetShortcut)
        previous.activated.connect(lambda: self._search(forward=False))
        self.next_button = QPushButton(self.tr("Next"))
        self.next_button.clicked.connect(lambda: self._search(forward=True))
        self.previous_button = QPushButton(self.tr("Previous"))
        self.previous_button.clicked.connect(lambda: self._search(forward=False))
        self.found = QLabel()
        self.found.setObjectName("guide_found")
        top = QHBoxLayout()
        label = QLabel(self.tr("&Find:"))
        label.setBuddy(self.find)
        top.addWidget(label)
        top.addWidget(self.find, 1)
        top.addWidget(self.previous_button)
        top.addWidget(self.next_button)
        top.addWidget(self.found)

        self.contents = QListWidget()
        self.contents.setObjectName("guide_contents")
        self.contents.setWordWrap(True)
        self.contents.setSpacing(3)
        for section in self.sections:
            item = QListWidgetItem(section.title)
            item.setData(Qt.ItemDataRole.UserRole, section.anchor)
            self.contents.addItem(item)
        self.contents.currentItemChanged.connect(self._chosen)

        self.text = QTextBrowser()
        self.text.setObjectName("guide_text")
        self.text.setOpenLinks(False)  # links inside the guide go to its own sections; there are no others
        self.text.anchorClicked.connect(self._link)
        self.text.document().setDefaultStyleSheet(STYLE)
        self.text.setHtml(html)
        self._starts = self._heading_starts()
        self._folded_text: str | None = None  # the document folded for finding: once, on the first search
        self.text.verticalScrollBar().valueChanged.connect(self._follow)

        split = QSplitter()
        split.addWidget(self.contents)
        split.addWidget(self.text)
        split.setStretchFactor(1, 1)
        split.setSizes([290, 800])
        split.setChildrenCollapsible(False)
        self.contents.setMinimumWidth(200)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self._matches: list[int] = []
        self._current = -1
        self._following = True
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self._focus_find)
        QShortcut(QKeySequence(QKeySequence.StandardKey.FindNext), self, lambda: self._search(forward=True))
        QShortcut(QKeySequence("Escape"), self, self.close)
        fit_to_screen(self, 1120, 700)

    # --- the contents ---------------------------------------------------------------------------------------

    def show_section(self, anchor: str) -> None:
        """Scroll the text to the section *anchor*, its heading at the top, and mark it in the contents."""
        for row in range(self.contents.count()):
            if self.contents.item(row).data(Qt.ItemDataRole.UserRole) == anchor:
                self.contents.setCurrentRow(row)  # → _chosen
                return

    def current_section(self) -> str | None:
        item = self.contents.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _chosen(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is None or not self._following:
            return
        self._following = False
        try:
            self.text.scrollToAnchor(str(item.data(Qt.ItemDataRole.UserRole)))
        finally:
            self._following = True

    def _link(self, url: QUrl) -> None:
        if url.hasFragment() and not url.path():
            self.show_section(url.fragment())

    def _follow(self, _value: int) -> None:
        """As the text scrolls, the contents mark the section at the top of the text."""
        if not self._following:
            return
        top = self.text.cursorForPosition(self.text.viewport().rect().topLeft()).position()
        row = self._section_at(top)
        if row is not None and row != self.contents.currentRow():
            self._following = False
            try:
                self.contents.setCurrentRow(row)
            finally:
                self._following = True

    def _section_at(self, position: int) -> int | None:
        """The row in the contents of the section that holds *position* in the document."""
        found = None
        for row, start in enumerate(self._starts):
            if start > position:
                break
            found = row
        return found

    def _heading_starts(self) -> list[int]:
        """Where each section's heading begins in the document (its ``<h2>`` blocks, in order)."""
        starts = []
        block = self.text.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() == 2:
                starts.append(block.position())
            block = block.next()
        return starts

    # --- finding --------------------------------------------------------------------------------------------

    def _focus_find(self) -> None:
        self.find.setFocus()
        self.find.selectAll()

    def _search(self, forward: bool, fresh: bool = False) -> None:
        """Mark every place the find box's words appear (tone marks and case aside) and go to the next one."""
        query = " ".join(_folded(self.find.text()).split())
        if fresh:
            self._matches = []
            self._current = -1
            if query:
                if self._folded_text is None:  # the guide never changes under its window
                    self._folded_text = _folded(self.text.document().toPlainText())
                folded = self._folded_text
                start = folded.find(query)
                while start >= 0:
                    self._matches.append(start)
                    start = folded.find(query, start + 1)
        if not self._matches:
            self.text.setExtraSelections([])
            self.found.setText(self.tr("Not found") if query else "")
            return
        if not fresh:
            step = 1 if forward else -1
            self._current = (self._current + step) % len(self._matches)
        else:  # the first match from the page in view on: a person reading a section looks there first
            top = self.text.cursorForPosition(self.text.viewport().rect().topLeft()).position()
            self._current = next((i for i, start in enumerate(self._matches) if start >= top), 0)
        self._mark(len(query))
        self.found.setText(self.tr("{current} of {count}").format(current=self._current + 1, count=len(self._matches)))

    def _mark(self, length: int) -> None:
        every = QTextCharFormat()
        every.setBackground(QColor("#fff176"))
        this = QTextCharFormat()
        this.setBackground(QColor("#ff9800"))
        selections = []
        for index, start in enumerate(self._matches):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = QTextCursor(self.text.document())
            selection.cursor.setPosition(start)
            selection.cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
            selection.format = this if index == self._current else every
            selections.append(selection)
        self.text.setExtraSelections(selections)
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self._matches[self._current])
        cursor.setPosition(self._matches[self._current] + length, QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()

    def matched_text(self) -> str:
        """The words of the match the text is on now (what a person sees marked)."""
        return self.text.textCursor().selectedText()
