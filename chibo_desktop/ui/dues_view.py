"""The dues tab: a month's collection with the keyboard alone, as fast as marking attendance.

Type a name (no tone marks needed) and Enter; then C paid in cash (everything owed through this month), T paid
online through the public-service portal, K not paid (type the reason, Enter); digits type an amount (a part, or
more to pay ahead): Enter records it as cash, Ctrl+Enter as online. Ctrl+Z undoes the member's latest entry of the
month by a reversing entry. Each mark is written at once and the cursor moves to the next member; the running
total follows. The flags on the right: three unpaid months in a year, decisions ending this month, members
reaching 50 years of Party age this year.
"""

from collections.abc import Callable
from datetime import date
from html import escape

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from chibo_desktop.domain.dues import Channel, EntryKind, month_text
from chibo_desktop.domain.dues_book import DuesFlag, FlagKind, MonthTotals
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.namesakes import Identity
from chibo_desktop.domain.rules import KEYS
from chibo_desktop.services.changes import Change, Topic
from chibo_desktop.services.dues import DuesService, DuesSheet, Posted, SheetRow
from chibo_desktop.ui.crash import show_user_error
from chibo_desktop.ui.dues_dialogs import HandoverDialog, MemberDuesDialog
from chibo_desktop.ui.dues_model import ARREARS, DUE, HOW, NAME, OWED, PAID, STATE, DuesSheetModel
from chibo_desktop.ui.form_fields import ERROR_COLOUR
from chibo_desktop.ui.i18n import translate
from chibo_desktop.ui.namesakes import told_apart
from chibo_desktop.ui.numbers import money, parse_money, percent
from chibo_desktop.ui.tasks import TaskRunner
from chibo_desktop.ui.text_table import ID_ROLE

# The columns fitted to what they show on each load, each between these widths (px); the state takes the rest.
FITTED = {NAME: (120, 220), HOW: (110, 230), DUE: (70, 110), ARREARS: (85, 120), PAID: (145, 170), OWED: (85, 120)}


class DuesWidget(QWidget):
    """The month's collection. Printing and the workbook are the window's (*print_book(year)*,
    *export_book(year)*, *print_receipt(member id, year)*: see ``ui/print_actions.py``)."""

    loaded = Signal()
    marked = Signal()

    def __init__(
        self,
        dues: DuesService,
        on_change: Callable[[Change], None],
        tasks: TaskRunner,
        today: Callable[[], date],
        print_book: Callable[[int], object],
        export_book: Callable[[int], object],
        print_receipt: Callable[[int, int], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._dues = dues
        self._on_change = on_change
        self._tasks = tasks
        self._today = today
        self._print_book = print_book
        self._export_book = export_book
        self._print_receipt = print_receipt
        self._own: list[Change] = []  # changes this screen posted and already shows
        self._dialogs: list[QWidget] = []
        self.read_only = False
        self.sheet: DuesSheet | None = None
        self._pending_key: tuple[int, str] | None = None  # (member id, "amount" | "reason") of the box below
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month")))
        self.month = QComboBox()
        self.month.setObjectName("dues_month")
        names = (
            self.tr("January"), self.tr("February"), self.tr("March"), self.tr("April"), self.tr("May"),
            self.tr("June"), self.tr("July"), self.tr("August"), self.tr("September"), self.tr("October"),
            self.tr("November"), self.tr("December"),
        )  # fmt: skip
        for number, name in enumerate(names, start=1):
            self.month.addItem(name, number)
        self.year = QSpinBox()
        self.year.setObjectName("dues_year")
        self.year.setRange(2000, 2200)
        now = today()
        self.month.setCurrentIndex(now.month - 1)
        self.year.setValue(now.year)
        top.addWidget(self.month)
        top.addWidget(self.year)
        self.search = QLineEdit()
        self.search.setObjectName("dues_search")
        self.search.setPlaceholderText(self.tr("Type a name to find the member (tone marks not needed), then Enter"))
        self.search.setClearButtonEnabled(True)
        top.addWidget(self.search, 1)
        layout.addLayout(top)
        self.help = QLabel(
            self.tr(
                "Keys: C paid in cash (all owed) · T paid online · K not paid (then type the reason, Enter) · "
                "digits: an amount, Enter cash, Ctrl+Enter online · Ctrl+Z undo the member's last entry · / search"
            )
        )
        self.help.setWordWrap(True)
        layout.addWidget(self.help)
        self.book_note = QLabel()
        self.book_note.setObjectName("dues_book_start")
        self.book_note.setWordWrap(True)
        layout.addWidget(self.book_note)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        box = QVBoxLayout(left)
        box.setContentsMargins(0, 0, 0, 0)
        self.model = DuesSheetModel(self)
        self.table = QTableView()
        self.table.setObjectName("dues_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(STATE, QHeaderView.ResizeMode.Stretch)
        for column, (low, _high) in FITTED.items():  # until the month is loaded: wide enough for the headings
            self.table.setColumnWidth(column, max(low, header.sectionSizeHint(column)))
        self.table.installEventFilter(self)
        self.table.doubleClicked.connect(lambda index: self.open_member(int(index.data(ID_ROLE))))
        box.addWidget(self.table)
        entry = QHBoxLayout()
        self.entry_label = QLabel(self.tr("Amount"))
        entry.addWidget(self.entry_label)
        self.entry = QLineEdit()
        self.entry.setObjectName("dues_entry")
        self.entry.installEventFilter(self)
        self.entry.setEnabled(False)
        entry.addWidget(self.entry, 1)
        self.entry_hint = QLabel()
        entry.addWidget(self.entry_hint)
        box.addLayout(entry)
        self.totals = QLabel()
        self.totals.setObjectName("dues_totals")
        self.totals.setWordWrap(True)
        box.addWidget(self.totals)
        splitter.addWidget(left)

        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("To look at (click a name for the member's dues)"))
        heading.setWordWrap(True)  # else its one long line holds the panel wide and cuts the table's last column
        side.addWidget(heading)
        self.flags = QTextBrowser()
        self.flags.setObjectName("dues_flags")
        self.flags.setOpenLinks(False)
        self.flags.anchorClicked.connect(lambda url: self.open_member(int(url.toString().removeprefix("member:"))))
        side.addWidget(self.flags)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1040, 260])
        layout.addWidget(splitter, 1)

        bar = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("member", self.tr("Member's dues settings…"), self.open_selected),
            ("undo", self.tr("Undo the last entry…"), self.undo_current),
            ("hand_over", self.tr("Pay up to the upper level…"), self.hand_over),
            ("book", self.tr("Print the dues book…"), self.print_book),
            ("export", self.tr("Dues book to Excel…"), self.export_book),
            ("receipt", self.tr("Receipt…"), self.print_receipt),
        ):
            button = QPushButton(text)
            button.setObjectName(f"dues_{key}")
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            bar.addWidget(button)
            self.buttons[key] = button
        bar.addStretch(1)
        layout.addLayout(bar)

        self.search.textChanged.connect(self._find)
        self.search.installEventFilter(self)
        self.month.currentIndexChanged.connect(lambda _i: self.refresh())
        self.year.valueChanged.connect(lambda _y: self.refresh())
        self._set_entry_mode(None)

    # --- loading ------------------------------------------------------------------------------------------

    def chosen_month(self) -> date:
        return date(self.year.value(), int(self.month.currentData()), 1)

    def refresh(self) -> None:
        dues, month = self._dues, self.chosen_month()
        self._tasks.run("dues", lambda: dues.sheet(month), self.show_sheet, self._failed, owner=self)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            show_user_error(self, error)
            return
        raise error

    def show_sheet(self, sheet: DuesSheet) -> None:
        current = self._current_member()
        self.sheet = sheet
        self.model.set_rows(sheet.rows, self.search.text())
        self._fit_columns()
        self._show_book_start(sheet.start)
        self._show_totals(sheet.totals)
        self._show_flags(sheet.flags)
        self._select_member(current)
        self.loaded.emit()

    def _fit_columns(self) -> None:
        """The columns as wide as what they show (within bounds), so that the state, stretched over the rest, is
        read whole at 1366 px (its full text is also the cell's tooltip)."""
        for column, (low, high) in FITTED.items():
            self.table.resizeColumnToContents(column)
            self.table.setColumnWidth(column, min(max(self.table.columnWidth(column), low), high))
        self.table.resizeRowsToContents()  # a state longer than its column wraps to a second line

    def _show_book_start(self, start: date) -> None:
        where = self.tr("To change it: File → Rules and thresholds, “{rule}”.").format(
            rule=translate("Rules", KEYS["dues.book_start"].label)
        )
        if self.chosen_month() < start:
            text = self.tr(
                "The dues book is kept in the app from {start}; {month} was before it (on paper), so nothing is due "
                "or recorded here."
            )
        else:
            text = self.tr(
                "The dues book is kept in the app from {start}; the months before it were collected on paper and "
                "count for no arrears here."
            )
        self.book_note.setText(
            text.format(start=month_text(start), month=month_text(self.chosen_month())) + " " + where
        )

    def _show_totals(self, t: MonthTotals) -> None:
        self.totals.setText(
            self.tr(
                "{month}: collected {collected} of {due} due ({ratio}), of which online {online}; {members} paying "
                "here, {exempt} exempt, {unpaid} not paid yet. Kept by the branch {kept}; to the upper level {upper}, "
                "paid up {paid_up}, still to pay up {to_pay_up}."
            ).format(
                month=month_text(self.chosen_month()),
                collected=money(t.collected),
                due=money(t.due),
                ratio=percent(t.collected, t.due),
                online=money(t.online),
                members=t.members,
                exempt=t.exempt,
                unpaid=t.unpaid,
                kept=money(t.kept),
                upper=money(t.upper),
                paid_up=money(t.paid_up),
                to_pay_up=money(t.to_pay_up),
            )
        )

    def _show_flags(self, flags: tuple[DuesFlag, ...]) -> None:
        self.flag_texts = []
        items = []
        identities = {f.member_id: Identity(f.member_id, f.name, f.born) for f in flags}
        names = dict(told_apart([(f.member_id, f.name) for f in flags], lambda _ids: identities))
        for f in flags:
            name = names[f.member_id]
            if f.kind == FlagKind.REMOVAL_PROPOSAL:
                text = self.tr(
                    "no dues for {count} months this year without reason (months {months}): the branch may propose "
                    "removal; the upper level decides."
                ).format(count=f.count, months=", ".join(str(m.month) for m in f.months))
            elif f.kind == FlagKind.DECISION_ENDS:
                text = self.tr("the exemption or reduction ends with {month}.").format(month=month_text(f.months[0]))
            else:
                text = self.tr(
                    "reaches {years} years of Party age on {date} (counted from the admission decision): exempt "
                    "from {month}."
                ).format(years=f.count, date=f.on.strftime("%d/%m/%Y") if f.on else "", month=month_text(f.months[0]))
            self.flag_texts.append(f"{name}: {text}")
            colour = f" style='color:{ERROR_COLOUR}'" if f.kind == FlagKind.REMOVAL_PROPOSAL else ""
            items.append(
                f"<li{colour}><a href='member:{f.member_id}' style='text-decoration: none; font-weight: bold'>{escape(name)}</a>: {escape(text)}</li>"
            )
        self.flags.setHtml(
            f"<ul style='margin-left:-20px'>{''.join(items)}</ul>" if items else "<p>" + self.tr("Nothing.") + "</p>"
        )

    def set_read_only(self, read_only: bool) -> None:
        """At a committee the dues are its branches': shown, never posted."""
        self.read_only = read_only
        for key in ("undo", "hand_over"):
            self.buttons[key].setVisible(not read_only)

    # --- keys -----------------------------------------------------------------------------------------------

    def _find(self, text: str) -> None:
        self.model.find(text)
        self.table.resizeRowsToContents()
        if self.model.rowCount():
            self.table.selectRow(0)

    def _current(self) -> SheetRow | None:
        row = self.table.currentIndex().row()
        return self.model.row_at(row) if 0 <= row < self.model.rowCount() else None

    def _current_member(self) -> int | None:
        current = self._current()
        return current.member_id if current else None

    def _select_member(self, member_id: int | None) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).member_id == member_id:
                self.table.selectRow(row)
                return
        if self.model.rowCount():
            self.table.selectRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key, mods = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if watched is self.search and (enter or key == Qt.Key.Key_Down):
            self.table.setFocus()
            if self.model.rowCount():
                self.table.selectRow(max(0, self.table.currentIndex().row()))
            return True
        if watched is self.entry:
            if enter:
                control = bool(mods & Qt.KeyboardModifier.ControlModifier)
                self._finish_entry(Channel.ONLINE if control else Channel.CASH)
                return True
            if key == Qt.Key.Key_Escape:
                self._set_entry_mode(None)
                self.table.setFocus()
                return True
            return super().eventFilter(watched, event)
        if watched is self.table:
            if key == Qt.Key.Key_Slash or (key == Qt.Key.Key_F and mods == Qt.KeyboardModifier.ControlModifier):
                self.search.setFocus()
                self.search.selectAll()
                return True
            if key == Qt.Key.Key_Z and mods == Qt.KeyboardModifier.ControlModifier:
                self.undo_current()
                return True
            if mods not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier) or self.read_only:
                return super().eventFilter(watched, event)
            if key == Qt.Key.Key_C:
                self._pay_owed(Channel.CASH)
                return True
            if key == Qt.Key.Key_T:
                self._pay_owed(Channel.ONLINE)
                return True
            if key == Qt.Key.Key_K:
                self._start_entry("reason", "")
                return True
            if Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
                self._start_entry("amount", event.text())
                return True
        return super().eventFilter(watched, event)

    def _set_entry_mode(self, mode: str | None) -> None:
        self.entry.clear()
        self.entry.setEnabled(mode is not None)
        if mode == "reason":
            self.entry_label.setText(self.tr("Reason for not paying"))
            self.entry_hint.setText(self.tr("Enter: record · Esc: cancel"))
        else:
            self.entry_label.setText(self.tr("Amount"))
            self.entry_hint.setText(
                self.tr("Enter: cash · Ctrl+Enter: online · Esc: cancel")
                if mode
                else self.tr("Type digits in the list")
            )
        if mode is None:
            self._pending_key = None

    def _start_entry(self, mode: str, first: str) -> None:
        current = self._current()
        if current is None:
            return
        self._set_entry_mode(mode)
        self._pending_key = (current.member_id, mode)
        self.entry.setText(first)
        self.entry.setFocus()

    def _finish_entry(self, channel: Channel) -> None:
        if self._pending_key is None:
            return
        member_id, mode = self._pending_key
        text = self.entry.text()
        month = self.chosen_month()
        if mode == "amount":
            try:
                amount = parse_money(text)
            except ValueError:
                self.entry_hint.setText(self.tr("Write a whole number of đồng, for example 15,000."))
                return
            done = self._post(lambda: self._dues.pay(member_id, month, amount, channel))
        else:
            done = self._post(lambda: self._dues.mark_unpaid(member_id, month, text))
        if done:
            self._set_entry_mode(None)
            self.table.setFocus()
            self._next()

    def _pay_owed(self, channel: Channel) -> None:
        current = self._current()
        if current is None:
            return
        member_id, month = current.member_id, self.chosen_month()
        if self._post(lambda: self._dues.pay_owed(member_id, month, channel)):
            self._next()

    def _next(self) -> None:
        row = self.table.currentIndex().row()
        if row + 1 < self.model.rowCount():
            self.table.selectRow(row + 1)

    def _post(self, action: Callable[[], Posted]) -> bool:
        """Write, then redraw the member's line and the month's figures from the journal as it now stands."""
        try:
            posted = action()
        except UserError as error:
            show_user_error(self, error)
            self.table.setFocus()
            return False
        month = self.chosen_month()
        for member_id in posted.change.ids:
            self.model.replace(member_id, posted.row(member_id, month))
        self.table.resizeRowsToContents()
        self._show_totals(posted.totals(month))
        self._own.append(posted.change)
        self._on_change(posted.change)
        dues, year = self._dues, month.year
        self._tasks.run(
            "dues-flags", lambda: tuple(dues.flags(year)), self._show_flags, self._failed, owner=self
        )  # the flags follow in the background
        self.marked.emit()
        return True

    def undo_current(self) -> None:
        """Reverse the chosen member's latest entry of the month, after saying what it is and asking why."""
        current = self._current()
        if current is None or self.read_only:
            return
        member_id, month = current.member_id, self.chosen_month()
        entry = self._dues.last_entry(member_id, month)
        if entry is None:
            QMessageBox.information(
                self,
                self.tr("Undo an entry"),
                self.tr("{name} has no entry in {month} to undo.").format(name=current.name, month=month_text(month)),
            )
            return
        what = (
            self.tr("not paid ({reason})").format(reason=entry.note or "—")
            if entry.kind == EntryKind.UNPAID
            else self.tr("paid {amount} on {date}").format(
                amount=money(entry.amount), date=entry.on.strftime("%d/%m/%Y")
            )
        )
        try:
            self._dues.check_reverse(entry.id)
        except UserError as error:  # refused before the reason is typed, not after
            show_user_error(self, error)
            self.table.setFocus()
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Undo an entry"),
            self.tr(
                "Undo “{what}” of {name} in {month}? The entry stays in the journal and a reversing entry is "
                "added.\nWhy is it undone?"
            ).format(what=what, name=current.name, month=month_text(month)),
        )
        if ok:
            self._post(lambda: self._dues.reverse(entry.id, reason))
            self.table.setFocus()

    def shown(self) -> None:
        """The tab came to the front: load it the first time (an idle window reads nothing it does not show)."""
        if self.sheet is None:
            self.refresh()

    def on_change(self, change: Change) -> None:
        """Reload after a change made elsewhere (a dialog, the roster, the rules); lines this screen wrote itself are
        already redrawn."""
        if change in self._own:
            self._own.remove(change)
            return
        if change.topics & {Topic.DUES, Topic.MEMBERS, Topic.RULES, Topic.ORGANISATION} and self.sheet is not None:
            self.refresh()

    def _open(self, dialog: QWidget) -> QWidget:
        self._dialogs = [d for d in self._dialogs if d.isVisible()] + [dialog]
        dialog.show()
        return dialog

    def open_member(self, member_id: int) -> MemberDuesDialog:
        dialog = MemberDuesDialog(self._dues, member_id, self._on_change, self._today(), self.read_only, self)
        self._open(dialog)
        return dialog

    def open_selected(self) -> MemberDuesDialog | None:
        member_id = self._current_member()
        return self.open_member(member_id) if member_id is not None else None

    def hand_over(self) -> HandoverDialog:
        dialog = HandoverDialog(self._dues, self.chosen_month(), self._on_change, self._today(), self)
        self._open(dialog)
        return dialog

    def print_book(self) -> object:
        return self._print_book(self.year.value())

    def print_receipt(self) -> object:
        member_id = self._current_member()
        return self._print_receipt(member_id, self.year.value()) if member_id is not None else None

    def export_book(self) -> object:
        return self._export_book(self.year.value())
