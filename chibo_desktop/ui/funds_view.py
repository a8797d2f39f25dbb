"""The funds tab: the branch's funds with their cash and outstanding loans, the chosen fund's loans and journal
(with reversal), its statement, and the overdue loans of every fund by age."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from chibo_desktop.domain.dates import Period, parse_period, screen_date, screen_time
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.funds import (
    ENTRY_LABELS,
    SOURCE_LABELS,
    Entry,
    Fund,
    LoanFigures,
    LoanPosition,
    LoanState,
    Statement,
)
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from chibo_desktop.domain.namesakes import Identity
from chibo_desktop.services.changes import Change, Topic
from chibo_desktop.services.funds import FundService, FundSummary
from chibo_desktop.ui.crash import show_user_error
from chibo_desktop.ui.fund_dialogs import CapitalDialog, FundDialog, LoanDialog, RepaymentDialog
from chibo_desktop.ui.i18n import translate
from chibo_desktop.ui.namesakes import among_namesakes
from chibo_desktop.ui.numbers import money, percent
from chibo_desktop.ui.selection import on_selection
from chibo_desktop.ui.tasks import TaskRunner
from chibo_desktop.ui.text_table import ID_ROLE, TextTableModel

STATE_LABELS = {
    LoanState.APPROVED: QT_TRANSLATE_NOOP("FundsWidget", "Approved, not paid out"),
    LoanState.ACTIVE: QT_TRANSLATE_NOOP("FundsWidget", "Being repaid"),
    LoanState.CLOSED: QT_TRANSLATE_NOOP("FundsWidget", "Repaid"),
    LoanState.WRITTEN_OFF: QT_TRANSLATE_NOOP("FundsWidget", "Written off"),
    LoanState.GRANTED: QT_TRANSLATE_NOOP("FundsWidget", "Granted"),
}


@dataclass(frozen=True)
class FundsView:
    """What the tab shows, computed in the background."""

    funds: list[FundSummary]
    fund_id: int | None
    positions: list[LoanPosition]
    entries: list[Entry]
    statement: Statement | None
    figures: LoanFigures | None
    overdue: list[LoanPosition]
    names: dict[int, str]  # the members the entries name, by id
    namesakes: tuple[Identity, ...] = ()  # every member who shares a borrower's or a contributor's name


class FundsWidget(QWidget):
    loaded = Signal()

    def __init__(
        self,
        funds: FundService,
        members: Callable[[], list[tuple[int, str]]],
        meetings: Callable[[], list[tuple[int, str, date]]],
        on_change: Callable[[Change], None],
        tasks: TaskRunner,
        today: Callable[[], date],
        print_statement: Callable[[int, int | Period], object],
        print_ledger: Callable[[int], object],
        parent: QWidget | None = None,
        terms: Callable[[], list[Period]] | None = None,
    ) -> None:
        super().__init__(parent)
        self._terms = terms
        self._funds = funds
        self._members = members
        self._meetings = meetings
        self._on_change = on_change
        self._tasks = tasks
        self._today = today
        self._print_statement = print_statement
        self._print_ledger = print_ledger
        self.view: FundsView | None = None
        self._borrowers: dict[int, str] = {}  # loan id → the borrower as the list shows them
        self.fund_id: int | None = None
        self._dialogs: list[QWidget] = []
        layout = QVBoxLayout(self)

        bar = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("new_fund", self.tr("New fund…"), self.new_fund),
            ("edit_fund", self.tr("Fund terms…"), self.edit_fund),
            ("capital", self.tr("Capital in or out…"), self.capital),
            ("loan", self.tr("New loan…"), self.new_loan),
            ("repay", self.tr("Repayment…"), self.repay),
            ("disburse", self.tr("Pay out"), self.disburse),
            ("write_off", self.tr("Write off…"), self.write_off),
            ("reverse", self.tr("Reverse the entry…"), self.reverse),
            ("print", self.tr("Print the statement…"), self.print_statement),
            ("ledger", self.tr("Print the borrower's ledger…"), self.print_ledger),
        ):
            button = QPushButton(text)
            button.setObjectName(key)
            button.clicked.connect(lambda _checked=False, slot=slot: slot())  # not clicked's bool as an argument
            bar.addWidget(button)
            self.buttons[key] = button
        for keys, needed in (
            (("edit_fund", "capital", "loan", "print"), self.tr("Choose a fund first.")),
            (("repay", "write_off"), self.tr("Choose a loan that is being repaid in the list of loans.")),
            (("disburse",), self.tr("Choose an approved loan that is not paid out yet in the list of loans.")),
            (("ledger",), self.tr("Choose a loan in the list of loans.")),
            (("reverse",), self.tr("Choose a journal line that has not been reversed.")),
        ):
            for key in keys:
                self.buttons[key].setToolTip(needed)
        bar.addStretch(1)
        layout.addLayout(bar)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.fund_model = TextTableModel(
            [
                self.tr("Fund"),
                self.tr("Source"),
                self.tr("Cash"),
                self.tr("Outstanding"),
                self.tr("Loans being repaid"),
                self.tr("Overdue"),
                self.tr("Branch"),
            ],
            self,
            right_aligned=(2, 3, 4, 5),
        )
        self.fund_table = self._table(self.fund_model, stretch=1)  # the amounts stay beside their names
        self.fund_table.setColumnHidden(6, True)  # the branch: shown at a committee only
        self.fund_table.selectionModel().selectionChanged.connect(self._fund_chosen)
        splitter.addWidget(self.fund_table)
        self.inner = QTabWidget()
        self.loan_model = TextTableModel(
            [
                self.tr("Borrower"),
                self.tr("Amount"),
                self.tr("Paid out"),
                self.tr("Principal repaid"),
                self.tr("Outstanding"),
                self.tr("Overdue"),
                self.tr("Days late"),
                self.tr("State"),
            ],
            self,
            right_aligned=(1, 3, 4, 5, 6),
        )
        self.loan_table = self._table(self.loan_model)
        self.inner.addTab(self.loan_table, self.tr("Loans"))
        self.entry_model = TextTableModel(
            [
                self.tr("Date"),
                self.tr("Entry"),
                self.tr("Amount"),
                self.tr("Who"),
                self.tr("Note"),
                self.tr("Posted by"),
            ],
            self,
            right_aligned=(2,),
        )
        self.entry_table = self._table(self.entry_model)
        self.inner.addTab(self.entry_table, self.tr("Journal"))
        statement_page = QWidget()
        box = QVBoxLayout(statement_page)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Year")))
        self.year = QSpinBox()
        self.year.setRange(2000, 2200)
        self.year.setValue(today().year)
        self.year.valueChanged.connect(lambda _y: self.refresh())
        row.addWidget(self.year)
        self.term = QComboBox()  # or a whole term, from its first day to its last
        self.term.setObjectName("statement_term")
        self.term.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._term_periods: dict[str, Period] = {}
        self._fill_terms()
        self.term.currentIndexChanged.connect(self._term_chosen)
        row.addWidget(self.term)
        row.addStretch(1)
        box.addLayout(row)
        self.statement = QTextBrowser()
        self.statement.setObjectName("statement")
        box.addWidget(self.statement)
        self.inner.addTab(statement_page, self.tr("Statement"))
        self.overdue_model = TextTableModel(
            [
                self.tr("Borrower"),
                self.tr("Fund"),
                self.tr("Outstanding"),
                self.tr("Overdue"),
                self.tr("Days late"),
                self.tr("Age"),
            ],
            self,
            right_aligned=(2, 3, 4),
        )
        overdue_page = QWidget()
        box = QVBoxLayout(overdue_page)
        self.overdue_summary = QLabel()
        self.overdue_summary.setObjectName("overdue_summary")
        self.overdue_summary.setWordWrap(True)
        box.addWidget(self.overdue_summary)
        self.overdue_table = self._table(self.overdue_model)
        box.addWidget(self.overdue_table)
        self.inner.addTab(overdue_page, self.tr("Overdue"))
        splitter.addWidget(self.inner)
        splitter.setSizes([180, 480])
        layout.addWidget(splitter)
        for table in (self.loan_table, self.entry_table):
            on_selection(table, self._update_buttons)
        self.refresh()

    WRITES = ("new_fund", "edit_fund", "capital", "loan", "repay", "disburse", "write_off", "reverse")

    def set_read_only(self, read_only: bool) -> None:
        """At a committee the funds are its branches': shown with the branch's name, printed, never posted to."""
        for key in self.WRITES:
            self.buttons[key].setVisible(not read_only)
        self.fund_table.setColumnHidden(6, not read_only)

    def _table(self, model: TextTableModel, stretch: int | None = None) -> QTableView:
        """*stretch*: the column that takes the spare width (the last one if not given)."""
        table = QTableView()
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if stretch is None:
            header.setStretchLastSection(True)
        else:
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        return table

    # --- loading ------------------------------------------------------------------------------------------

    def _fill_terms(self) -> None:
        """ "The year" first, then the branch's terms (newest first); the choice kept when it is still there."""
        chosen = self.term.currentData()
        self.term.blockSignals(True)
        self.term.clear()
        self.term.addItem(self.tr("the year"), "")
        self._term_periods = {}
        for period in self._terms() if self._terms is not None else []:
            key = f"{period.start.isoformat()}..{period.end.isoformat()}"
            self._term_periods[key] = period
            self.term.addItem(period.label, key)
        self.term.setCurrentIndex(max(self.term.findData(chosen), 0))
        self.term.blockSignals(False)
        self.year.setEnabled(self.term.currentIndex() == 0)

    def _term_chosen(self) -> None:
        self.year.setEnabled(self.term.currentIndex() == 0)
        self.refresh()

    def statement_period(self) -> Period:
        """The period of the statement: the year chosen, or the whole term chosen beside it."""
        return self._term_periods.get(self.term.currentData() or "") or parse_period(str(self.year.value()))

    def on_change(self, change: Change) -> None:
        """Borrowers' names and the branch's setup show here; the tab's own writes reload it themselves."""
        if Topic.TERMS in change.topics:
            before = self.statement_period()
            self._fill_terms()
            if self.statement_period() != before:
                self.refresh()
        if change.topics & {Topic.MEMBERS, Topic.ORGANISATION}:
            self.refresh()

    def refresh(self) -> None:
        funds, fund_id, period, today = self._funds, self.fund_id, self.statement_period(), self._today()

        def work() -> FundsView:
            summaries = funds.funds()
            chosen = (
                fund_id
                if any(s.fund.id == fund_id for s in summaries)
                else (summaries[0].fund.id if summaries else None)
            )
            overdue = funds.overdue(today)
            if chosen is None:
                return FundsView(summaries, None, [], [], None, None, overdue, {}, _namesakes([], overdue, []))
            _fund, _loans, entries = funds.book(chosen)
            positions = funds.positions(chosen, today)
            return FundsView(
                summaries,
                chosen,
                positions,
                entries,
                funds.statement(chosen, period),
                funds.figures(period, chosen),
                overdue,
                funds.member_names(entries),
                _namesakes(positions, overdue, entries),
            )

        def _namesakes(
            positions: list[LoanPosition], overdue: list[LoanPosition], entries: list[Entry]
        ) -> tuple[Identity, ...]:
            named = {p.loan.member_id for p in (*positions, *overdue)}
            named.update(e.member_id for e in entries if e.member_id is not None)
            return tuple(funds.namesakes(sorted(named))) if named else ()

        self._tasks.run("funds", work, self.show_view, self._failed, owner=self)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            show_user_error(self, error)
            return
        raise error

    def show_view(self, view: FundsView) -> None:
        self.view = view
        self.fund_id = view.fund_id
        self.fund_model.set_rows(
            [
                (
                    s.fund.id,
                    (
                        s.fund.name,
                        translate("Fund", SOURCE_LABELS[s.fund.source]),
                        money(s.balance),
                        money(s.outstanding),
                        str(s.active_loans),
                        money(s.overdue),
                        s.branch,
                    ),
                    s.overdue > 0,
                )
                for s in view.funds
            ]
        )
        self._select(self.fund_table, view.fund_id)
        # read with the view: the members listed today (the dialogs' choices) need every member's state, which a
        # large committee's roster works out in the background for many seconds; the GUI thread must not wait for it
        shown = self._told_apart(view)
        names = {member_id: shown.get((member_id, name), name) for member_id, name in view.names.items()}
        borrowers = {p.loan.id: shown[(p.loan.member_id, p.loan.borrower)] for p in view.positions}
        self._borrowers = borrowers
        chosen_loan, chosen_entry = self._selected(self.loan_table), self._selected(self.entry_table)
        self.loan_model.set_rows(
            [
                (
                    p.loan.id,
                    (*p.row(money, borrowers[p.loan.id]), translate("FundsWidget", STATE_LABELS[p.state])),
                    p.days_late > 30,
                )
                for p in view.positions
            ]
        )
        reversed_ids = {e.reverses for e in view.entries if e.reverses is not None}
        self.entry_model.set_rows(
            [
                (
                    e.id,
                    (
                        screen_date(e.on),
                        (self.tr("Reversal: ") if e.reverses is not None else "")
                        + translate("Fund", ENTRY_LABELS[e.kind])
                        + (self.tr(" (reversed)") if e.id in reversed_ids else ""),
                        money(-e.amount if e.cash < 0 else e.amount),  # money out of the fund: negative
                        borrowers.get(e.loan_id or -1) or names.get(e.member_id or -1, ""),
                        e.note or e.decision_no,
                        f"{e.by} {screen_time(datetime.fromisoformat(e.at)) if e.at else ''}".strip(),
                    ),
                    e.reverses is not None or e.id in reversed_ids,
                )
                for e in reversed(view.entries)
            ]
        )
        self._select(self.loan_table, chosen_loan)
        self._select(self.entry_table, chosen_entry)
        self._update_buttons()
        self.statement.setHtml(self._statement_html(view))
        late = view.overdue
        fund_names = {s.fund.id: s.fund.name for s in view.funds}
        self.overdue_model.set_rows(
            [
                (
                    p.loan.id,
                    (
                        shown[(p.loan.member_id, p.loan.borrower)],
                        fund_names.get(p.loan.fund_id, ""),
                        money(p.outstanding),
                        money(p.overdue_principal),
                        str(p.days_late),
                        p.bucket,
                    ),
                    p.days_late > 30,
                )
                for p in late
            ]
        )
        total = sum(s.outstanding for s in view.funds)
        par30 = sum(p.outstanding for p in late if p.days_late > 30)
        buckets = {b: sum(p.outstanding for p in late if p.bucket == b) for b in ("1-30", "31-90", "91-180", "180+")}
        self.overdue_summary.setText(
            self.tr(
                "Outstanding principal by age of the oldest late payment: 1–30 days {a}; 31–90 days {b}; 91–180 days {c}; over 180 days {d}. PAR30 (outstanding of loans more than 30 days late ÷ all outstanding): {par30}."
            ).format(
                a=money(buckets["1-30"]),
                b=money(buckets["31-90"]),
                c=money(buckets["91-180"]),
                d=money(buckets["180+"]),
                par30=percent(par30, total),
            )
        )
        self.loaded.emit()

    @staticmethod
    def _told_apart(view: FundsView) -> dict[tuple[int, str], str]:
        """(member id, name as listed) → as the tab shows it: a borrower or contributor whose name another member
        has too, listed or not, told apart by the year of birth."""
        people = list(
            dict.fromkeys(
                [(p.loan.member_id, p.loan.borrower) for p in (*view.positions, *view.overdue)]
                + list(view.names.items())
            )
        )
        shown = among_namesakes(people, view.namesakes) if view.namesakes else people
        return dict(zip(people, (name for _id, name in shown), strict=True))

    def _statement_html(self, view: FundsView) -> str:
        s, f = view.statement, view.figures
        if s is None or f is None:
            return "<p>" + self.tr("No fund yet. Create one with “New fund…”.") + "</p>"
        rows = (
            (self.tr("Opening balance"), s.opening),
            (self.tr("Contributions"), s.contributions),
            (self.tr("Capital received"), s.capital_in),
            (self.tr("Capital returned"), -s.capital_out),
            (self.tr("Paid out"), -s.disbursed),
            (self.tr("Principal repaid"), s.repaid),
            (self.tr("Interest and fees"), s.fees),
            (self.tr("Closing balance"), s.closing),
        )
        body = "".join(f"<tr><td>{label}</td><td align='right'>{money(value)}</td></tr>" for label, value in rows)
        check = (
            self.tr("The statement reconciles.")
            if s.reconciles
            else self.tr("The statement does NOT reconcile — check the journal.")
        )
        loans_line = self.tr("{loans}, {amount}, {members}; written off {written}.").format(
            loans=self.tr("{count} loan(s) paid out", "", f.loans).format(count=f.loans),
            amount=money(f.amount),
            members=self.tr("{count} member(s) helped", "", f.members).format(count=f.members),
            written=money(s.written_off),
        )
        return f"<table cellpadding='4'>{body}</table><p>{check}</p><p>{loans_line}</p>"

    # --- actions ------------------------------------------------------------------------------------------

    def _fund_chosen(self) -> None:
        """Another fund was clicked: load it. Restoring the shown fund's row after a reload (``_select``) lands
        here too, and must not reload again: that would loop for as long as the app is open."""
        chosen = self._selected(self.fund_table)
        if chosen is not None and chosen != self.fund_id:
            self.fund_id = chosen
            self.refresh()

    def _select(self, table: QTableView, row_id: int | None) -> None:
        """Highlight the row of *row_id* again after a reload (its model was reset), without telling anyone."""
        model = table.model()
        selection = table.selectionModel()
        for row in range(model.rowCount()):
            if row_id is not None and model.index(row, 0).data(ID_ROLE) == row_id:
                blocked = selection.blockSignals(True)
                table.selectRow(row)
                selection.blockSignals(blocked)
                table.viewport().update()
                return

    def _update_buttons(self) -> None:
        """Each button is enabled only when what it acts on is chosen, and is in a state it can act on."""
        has_fund = self._fund() is not None
        for key in ("edit_fund", "capital", "loan", "print"):
            self.buttons[key].setEnabled(has_fund)
        loan = self._position(self._selected(self.loan_table))
        state = loan.state if loan is not None else None
        self.buttons["repay"].setEnabled(state == LoanState.ACTIVE)
        self.buttons["write_off"].setEnabled(state == LoanState.ACTIVE)
        self.buttons["disburse"].setEnabled(state == LoanState.APPROVED)
        self.buttons["ledger"].setEnabled(loan is not None)
        self.buttons["reverse"].setEnabled(self._reversible(self._selected(self.entry_table)))

    def _reversible(self, entry_id: int | None) -> bool:
        if self.view is None or entry_id is None:
            return False
        entries = self.view.entries
        entry = next((e for e in entries if e.id == entry_id), None)
        return entry is not None and entry.reverses is None and all(e.reverses != entry_id for e in entries)

    def _selected(self, table: QTableView) -> int | None:
        rows = table.selectionModel().selectedRows()
        return int(rows[0].data(ID_ROLE)) if rows else None

    def _position(self, loan_id: int | None) -> LoanPosition | None:
        if self.view is None or loan_id is None:
            return None
        return next((p for p in self.view.positions if p.loan.id == loan_id), None)

    def _changed(self, change: Change) -> None:
        self._on_change(change)
        self.refresh()

    def _open(self, dialog: QWidget) -> QWidget:
        self._dialogs = [d for d in self._dialogs if d.isVisible()] + [dialog]
        dialog.show()
        return dialog

    def _fund(self) -> Fund | None:
        if self.view is None:
            return None
        return next((s.fund for s in self.view.funds if s.fund.id == self.fund_id), None)

    def _need(self, what: object, text: str) -> bool:
        if what is None:
            QMessageBox.information(self, self.tr("Loan fund"), text)
            return False
        return True

    def new_fund(self) -> QWidget:
        return self._open(FundDialog(self._funds, self._changed, self._today(), parent=self))

    def edit_fund(self) -> QWidget | None:
        fund = self._fund()
        if not self._need(fund, self.tr("Choose a fund first.")):
            return None
        return self._open(FundDialog(self._funds, self._changed, self._today(), fund, parent=self))

    def capital(self) -> QWidget | None:
        if not self._need(self.fund_id, self.tr("Choose a fund first.")):
            return None
        assert self.fund_id is not None
        dialog = CapitalDialog(self._funds, self.fund_id, [], self._changed, self._today(), parent=self)
        dialog.member.load(self._members, self._tasks)  # 100,000 names: read while the form is already usable
        return self._open(dialog)

    def new_loan(self) -> QWidget | None:
        fund = self._fund()
        if not self._need(fund, self.tr("Choose a fund first.")):
            return None
        assert fund is not None
        dialog = LoanDialog(self._funds, fund, [], self._meetings(), self._changed, self._today(), parent=self)
        dialog.member.load(self._members, self._tasks)  # 100,000 names: read while the form is already usable
        return self._open(dialog)

    def repay(self) -> QWidget | None:
        position = self._position(self._selected(self.loan_table))
        if not self._need(position, self.tr("Choose a loan in the list first.")):
            return None
        assert position is not None
        borrower = self._borrowers.get(position.loan.id, position.loan.borrower)
        return self._open(
            RepaymentDialog(self._funds, position, self._changed, self._today(), borrower=borrower, parent=self)
        )

    def disburse(self) -> None:
        position = self._position(self._selected(self.loan_table))
        if not self._need(position, self.tr("Choose a loan in the list first.")):
            return
        assert position is not None
        self._act(lambda: self._funds.disburse(position.loan.id, self._today()))

    def write_off(self) -> None:
        position = self._position(self._selected(self.loan_table))
        if not self._need(position, self.tr("Choose a loan in the list first.")):
            return
        assert position is not None
        decision, ok = QInputDialog.getText(
            self, self.tr("Write off"), self.tr("Number of the decision that allows the write-off:")
        )
        if ok:
            self._act(lambda: self._funds.write_off(position.loan.id, self._today(), decision))

    def reverse(self) -> None:
        entry_id = self._selected(self.entry_table)
        if not self._need(entry_id, self.tr("Choose an entry in the journal first.")) or self.fund_id is None:
            return
        assert entry_id is not None
        note, ok = QInputDialog.getText(
            self,
            self.tr("Reverse the entry"),
            self.tr("Why is it reversed? (the entry stays, a reversing entry is added)"),
        )
        if not ok:
            return
        fund_id = self.fund_id
        self._act(lambda: self._funds.reverse(fund_id, entry_id, self._today(), note))

    def _act(self, action: Callable[[], Change]) -> None:
        try:
            change = action()
        except UserError as error:
            show_user_error(self, error)
            return
        self._changed(change)

    def print_statement(self) -> None:
        if self._need(self.fund_id, self.tr("Choose a fund first.")):
            assert self.fund_id is not None
            whole_term = self.term.currentIndex() > 0
            self._print_statement(self.fund_id, self.statement_period() if whole_term else self.year.value())

    def print_ledger(self) -> None:
        position = self._position(self._selected(self.loan_table))
        if self._need(position, self.tr("Choose a loan in the list first.")):
            assert position is not None
            self._print_ledger(position.loan.member_id)
