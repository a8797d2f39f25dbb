"""Dialogs of the loan fund: a fund and its terms, a capital entry, a loan with its plan, a repayment."""

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chibo_desktop.domain.dates import parse_date, screen_date
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.funds import (
    ENTRY_LABELS,
    SOURCE_LABELS,
    EntryKind,
    Fund,
    FundSource,
    FundTerms,
    Installment,
    LoanPosition,
    RateMethod,
    ScheduleKind,
    opening_kind,
    split_repayment,
)
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message
from chibo_desktop.services.changes import Change
from chibo_desktop.services.funds import FundService, LoanRequest
from chibo_desktop.ui.editor import EditorDialog
from chibo_desktop.ui.enter_key import enter_goes_along
from chibo_desktop.ui.form_fields import BAD_DATE, DateField, FieldErrors, date_problem, message_label
from chibo_desktop.ui.i18n import render, translate
from chibo_desktop.ui.member_picker import MemberPicker
from chibo_desktop.ui.numbers import decimal, money, number, parse_money
from chibo_desktop.ui.screen import fit_to_screen, scrolling

BAD_MONEY = Message("Fund", QT_TRANSLATE_NOOP("Fund", "Write a whole number of đồng, for example 1,500,000."))


def _rate_text(rate: int) -> str:
    """70 hundredths of a percent → "0,70" ("0.70" in English): what the rate field shows and reads back."""
    return decimal(rate / 100, 2)


def _parse_rate(text: str) -> int:
    """ "0,7" or "0.70" (% a month) → 70 hundredths of a percent."""
    value = text.strip().replace(",", ".") or "0"
    hundredths = round(float(value) * 100)
    if hundredths < 0:
        raise ValueError(text)
    return hundredths


class _Form(EditorDialog):
    """A dialog with a form, errors beside fields, a message line and Save/Cancel."""

    def __init__(self, title: str, on_change: Callable[[Change], None], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)  # room for amounts, names and the messages under them
        self._on_change = on_change
        self.layout_ = QVBoxLayout(self)
        fields = QWidget()
        self.form = QFormLayout(fields)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.layout_.addWidget(scrolling(fields))  # the form grows with its error lines
        self.message = message_label()
        self.errors = FieldErrors(summary=self.message)  # the line under the form goes with the last message

    def finish(self) -> None:
        self.layout_.addWidget(self.message)
        self.buttons = self.save_buttons()
        self.layout_.addWidget(self.buttons)
        self.track_changes()

    def save(self) -> None:  # overridden
        self.accept()

    def run(self, action: Callable[[], Change], bad: dict[str, Message] | None = None) -> bool:
        self.message.clear()
        self.errors.clear()
        self.last_error: UserError | None = None
        try:
            if bad:
                raise UserError(
                    Message(
                        "Fund", QT_TRANSLATE_NOOP("Fund", "Some fields need attention; see the messages beside them.")
                    ),
                    bad,
                )
            change = action()
        except UserError as error:
            self.last_error = error
            self.message.setText(render(error.message))
            self.errors.show(error.field_errors)
            return False
        self._on_change(change)
        self.accept()
        return True


def _money_field(bad: dict[str, Message], field: str, edit: QLineEdit) -> int:
    try:
        return parse_money(edit.text())
    except ValueError:
        bad[field] = BAD_MONEY
        return 0


def _date_field(bad: dict[str, Message], field: str, edit: DateField) -> date | None:
    try:
        value = edit.value()
    except ValueError as error:
        bad[field] = date_problem(error)
        return None
    if value is None:
        bad[field] = BAD_DATE
    return value


class FundDialog(_Form):
    """A fund and its terms. A new fund takes its opening capital too, written as the first line of its book (a
    contribution, or capital received when entrusted); capital after that goes through :class:`CapitalDialog`."""

    def __init__(
        self,
        funds: FundService,
        on_change: Callable[[Change], None],
        today: date,
        fund: Fund | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Fund") if fund else self.tr("New fund"), on_change, parent)
        self._funds = funds
        self._fund = fund
        terms = fund.terms if fund else FundTerms()
        self.name = QLineEdit(fund.name if fund else "")
        self.source = QComboBox()
        for source, label in SOURCE_LABELS.items():
            if source != FundSource.UNKNOWN:  # shown for a stored value not understood, never chosen
                self.source.addItem(translate("Fund", label), source.value)
        self.source.setCurrentIndex(max(0, self.source.findData(fund.source.value if fund else FundSource.OWN.value)))
        self.custodian = QLineEdit(fund.custodian if fund else "")
        self.opening = QLineEdit()  # these three only in a new fund's form
        self.opening.setPlaceholderText(self.tr("none yet"))
        self.opened_on = DateField()
        self.opened_on.set_value(today)
        self.opening_kind = QLabel()
        self.opening_kind.setObjectName("opening_kind")
        self.opening_kind.setWordWrap(True)
        self.opening_kind.setStyleSheet("color: #5f6368;")  # grey: how it is written, nothing to fill in
        self.grant = QCheckBox(self.tr("Support given, not lent (a grant)"))
        self.grant.setChecked(terms.grant)
        self.max_loan = QLineEdit(number(terms.max_loan) if terms.max_loan else "")
        self.max_loan.setPlaceholderText(self.tr("no maximum"))
        self.term = QSpinBox()
        self.term.setRange(1, 120)
        self.term.setValue(terms.term_months)
        self.method = QComboBox()
        self.method.addItem(self.tr("Interest-free"), RateMethod.NONE.value)
        self.method.addItem(self.tr("Monthly rate on the amount lent"), RateMethod.FLAT.value)
        self.method.addItem(self.tr("Monthly rate on the principal still owed"), RateMethod.DECLINING.value)
        self.method.setCurrentIndex(self.method.findData(terms.rate_method.value))
        self.rate = QLineEdit(_rate_text(terms.rate))
        self.schedule = QComboBox()
        self.schedule.addItem(self.tr("Equal principal every month"), ScheduleKind.EQUAL_PRINCIPAL.value)
        self.schedule.addItem(self.tr("All at the end of the term"), ScheduleKind.AT_END.value)
        self.schedule.setCurrentIndex(self.schedule.findData(terms.schedule.value))
        opening_rows = (
            [
                (self.tr("Opening capital (đồng)"), self.opening, "opening"),
                (self.tr("Date it came in"), self.opened_on, "opened_on"),
            ]
            if fund is None
            else []
        )
        for label, widget, field in (
            (self.tr("Name"), self.name, "name"),
            (self.tr("Source of the capital"), self.source, "source"),
            (self.tr("Custodian"), self.custodian, "custodian"),
            *opening_rows,
            ("", self.grant, "grant"),
            (self.tr("Largest loan (đồng)"), self.max_loan, "max_loan"),
            (self.tr("Usual term (months)"), self.term, "term_months"),
            (self.tr("Interest or fee"), self.method, "rate_method"),
            (self.tr("Rate (% a month)"), self.rate, "rate"),
            (self.tr("Repayment plan"), self.schedule, "schedule"),
        ):
            self.errors.add_row(self.form, label, widget, field)
        if fund is None:
            row, _role = self.form.getWidgetPosition(self.opened_on.parentWidget())  # the row of the date
            self.form.insertRow(row + 1, "", self.opening_kind)
            self.source.currentIndexChanged.connect(self._show_opening_kind)
            self._show_opening_kind()
            fit_to_screen(self, 520, 540)  # the whole form, with room for a message or two, without scrolling
        self.finish()

    def _show_opening_kind(self) -> None:
        kind = ENTRY_LABELS[opening_kind(FundSource(self.source.currentData()))]
        self.opening_kind.setText(
            self.tr(
                "Written as the first line of the fund's book: {kind}. Capital added later: “Capital in or out…”."
            ).format(kind=translate("Fund", kind))
        )

    def save(self) -> None:
        bad: dict[str, Message] = {}
        maximum = 0 if not self.max_loan.text().strip() else _money_field(bad, "max_loan", self.max_loan)
        opening, opened_on = 0, None
        if self._fund is None and self.opening.text().strip():
            opening = _money_field(bad, "opening", self.opening)
            opened_on = _date_field(bad, "opened_on", self.opened_on) if opening else None
        try:
            rate = _parse_rate(self.rate.text())
        except ValueError:
            rate, bad["rate"] = (
                0,
                Message("Fund", QT_TRANSLATE_NOOP("Fund", "Write the rate as a number, for example 0.7.")),
            )
        terms = FundTerms(
            max_loan=maximum,
            term_months=self.term.value(),
            rate_method=RateMethod(self.method.currentData()),
            rate=rate,
            schedule=ScheduleKind(self.schedule.currentData()),
            grant=self.grant.isChecked(),
        )
        fund_id = self._fund.id if self._fund else None
        self.run(
            lambda: self._funds.save_fund(
                fund_id,
                self.name.text(),
                FundSource(self.source.currentData()),
                self.custodian.text(),
                terms,
                opening,
                opened_on,
            ),
            bad,
        )


class CapitalDialog(_Form):
    """A contribution, or capital received from or returned to the entrusting body."""

    def __init__(
        self,
        funds: FundService,
        fund_id: int,
        members: list[tuple[int, str]],
        on_change: Callable[[Change], None],
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Capital entry"), on_change, parent)
        self._funds = funds
        self._fund_id = fund_id
        self.kind = QComboBox()
        for kind in (EntryKind.CONTRIBUTION, EntryKind.CAPITAL_IN, EntryKind.CAPITAL_OUT):
            self.kind.addItem(translate("Fund", ENTRY_LABELS[kind]), kind.value)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("1.000.000")
        self.on = DateField()
        self.on.set_value(today)
        self.member = MemberPicker(self.tr("(not a member)"))
        self.member.set_members(members)
        self.note = QLineEdit()
        for label, widget, field in (
            (self.tr("Kind"), self.kind, "kind"),
            (self.tr("Amount (đồng)"), self.amount, "amount"),
            (self.tr("Date"), self.on, "on"),
            (self.tr("Contributed by"), self.member, "member"),
            (self.tr("Note"), self.note, "note"),
        ):
            self.errors.add_row(self.form, label, widget, field)
        self.finish()

    def save(self) -> None:
        bad: dict[str, Message] = {}
        amount = _money_field(bad, "amount", self.amount)
        on = _date_field(bad, "on", self.on)
        kind = EntryKind(self.kind.currentData())
        self.run(
            lambda: self._funds.capital(
                self._fund_id, kind, amount, on or date.min, self.member.member_id(), self.note.text()
            ),
            bad,
        )


class LoanDialog(_Form):
    """A loan as the branch approved it, with its plan (generated from the terms, editable before paying out)."""

    def __init__(
        self,
        funds: FundService,
        fund: Fund,
        members: list[tuple[int, str]],
        meetings: list[tuple[int, str, date]],
        on_change: Callable[[Change], None],
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        """*meetings*: (id, label, day) of the meetings that may have approved the loan; choosing one makes its day
        the approval date."""
        super().__init__(self.tr("New loan from {fund}").format(fund=fund.name), on_change, parent)
        fit_to_screen(self, 720, 760)
        self._funds = funds
        self._fund = fund
        self._today = today
        self.member = MemberPicker()
        self.member.set_members(members)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. Nhà bị sạt lở"))
        self.purpose = QLineEdit()
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("5.000.000")
        self.term = QSpinBox()
        self.term.setRange(1, 120)
        self.term.setValue(fund.terms.term_months)
        self.rate = QLineEdit(_rate_text(fund.terms.rate))
        self.rate.setEnabled(fund.terms.rate_method != RateMethod.NONE)
        self.approved_on = DateField()
        self.approved_on.set_value(today)
        self.meeting = QComboBox()
        self.meeting.addItem(self.tr("(approved by a decision)"), None)
        self._meeting_days: dict[int, date] = {}
        for meeting_id, label, day in meetings:
            self.meeting.addItem(label, meeting_id)
            self._meeting_days[meeting_id] = day
        self.meeting.currentIndexChanged.connect(self._meeting_chosen)
        self.decision_no = QLineEdit()
        self.decision_no.setPlaceholderText(self.tr("e.g. 05-NQ/CB"))
        self.approved_by = QLineEdit()
        self.pay_now = QCheckBox(self.tr("Pay the money out now"))
        self.pay_now.setChecked(True)
        self.pay_on = DateField()
        self.pay_on.set_value(today)
        for label, widget, field in (
            (self.tr("Borrower"), self.member, "member_id"),
            (self.tr("Hardship"), self.reason, "reason"),
            (self.tr("Purpose"), self.purpose, "purpose"),
            (self.tr("Amount (đồng)"), self.amount, "amount"),
            (self.tr("Term (months)"), self.term, "term_months"),
            (self.tr("Rate (% a month)"), self.rate, "rate"),
            (self.tr("Approved at the meeting"), self.meeting, "meeting_id"),
            (self.tr("or by decision number"), self.decision_no, "decision_no"),
            (self.tr("Approved on"), self.approved_on, "approved_on"),
            (self.tr("Approved by"), self.approved_by, "approved_by"),
            (self.tr("Pay-out date"), self.pay_on, "pay_on"),
        ):
            self.errors.add_row(self.form, label, widget, field)
        self.form.insertRow(self.form.rowCount() - 1, "", self.pay_now)  # just above the pay-out date
        self.plan = QTableWidget(0, 3)
        self.plan.setHorizontalHeaderLabels([self.tr("Due"), self.tr("Principal"), self.tr("Interest or fee")])
        self.plan.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.plan.verticalHeader().hide()
        enter_goes_along(self.plan)  # Enter keeps a changed amount and goes on, never saving the loan
        self.layout_.addWidget(QLabel(self.tr("Repayment plan (the principal can be changed before paying out)")))
        self.layout_.addWidget(self.plan)
        self.plan_errors = message_label()
        self.layout_.addWidget(self.plan_errors)
        for widget in (self.amount, self.rate):
            widget.editingFinished.connect(self.make_plan)
        self.term.valueChanged.connect(self.make_plan)
        self.pay_on.editingFinished.connect(self.make_plan)
        self.finish()

    def _meeting_chosen(self) -> None:
        """A loan approved at a meeting was approved on the meeting's day: the date follows the meeting chosen and
        is not typed over; approved by a decision, it is typed."""
        day = self._meeting_days.get(self.meeting.currentData())
        if day is not None:
            self.approved_on.set_value(day)
        self.approved_on.setEnabled(day is None)  # greyed, as the rate of an interest-free fund
        self.approved_on.setToolTip(self.tr("The day of the meeting chosen above") if day is not None else "")
        self.make_plan()

    def _start(self) -> date:
        try:
            return self.pay_on.value() or self.approved_on.value() or self._today
        except ValueError:
            return self._today

    def make_plan(self) -> None:
        """Fill the plan from the amount, term and rate (the fund's method and plan kind)."""
        try:
            amount = parse_money(self.amount.text())
            rate = _parse_rate(self.rate.text()) if self.rate.isEnabled() else 0
        except ValueError:
            return
        plan = self._funds.plan(
            amount, self._start(), self.term.value(), self._fund.terms.schedule, self._fund.terms.rate_method, rate
        )
        self.plan.setRowCount(len(plan))
        for row, installment in enumerate(plan):
            for column, text in enumerate(
                (screen_date(installment.due), money(installment.principal), money(installment.fee))
            ):
                self.plan.setItem(row, column, QTableWidgetItem(text))

    def installments(self, bad: dict[str, Message]) -> tuple[Installment, ...] | None:
        rows = []
        for row in range(self.plan.rowCount()):
            texts = [(self.plan.item(row, c).text() if self.plan.item(row, c) else "") for c in range(3)]
            try:
                due = parse_date(texts[0])
                principal = parse_money(texts[1])
                fee = parse_money(texts[2] or "0")
            except ValueError:
                bad["installments"] = BAD_MONEY
                return None
            if due is None:
                bad["installments"] = BAD_DATE
                return None
            rows.append(Installment(due, principal, fee))
        return tuple(rows) or None

    def save(self) -> None:
        bad: dict[str, Message] = {}
        amount = _money_field(bad, "amount", self.amount)
        try:
            rate = _parse_rate(self.rate.text()) if self.rate.isEnabled() else 0
        except ValueError:
            rate, bad["rate"] = (
                0,
                Message("Fund", QT_TRANSLATE_NOOP("Fund", "Write the rate as a number, for example 0.7.")),
            )
        approved = _date_field(bad, "approved_on", self.approved_on)
        pay_on = _date_field(bad, "pay_on", self.pay_on) if self.pay_now.isChecked() else None
        if self.plan.rowCount() == 0:
            self.make_plan()
        plan = self.installments(bad)
        request = LoanRequest(
            fund_id=self._fund.id,
            member_id=self.member.member_id(),
            reason=self.reason.text(),
            purpose=self.purpose.text(),
            amount=amount,
            term_months=self.term.value(),
            rate_method=self._fund.terms.rate_method,
            rate=rate,
            schedule_kind=self._fund.terms.schedule,
            approved_on=approved,
            meeting_id=self.meeting.currentData(),
            decision_no=self.decision_no.text(),
            approved_by=self.approved_by.text(),
            installments=plan,
            disburse_on=pay_on,
        )
        self.plan_errors.clear()
        if not self.run(lambda: self._funds.grant_loan(request), bad) and self.last_error is not None:
            problem = self.last_error.field_errors.get("installments")
            if problem is not None:
                self.plan_errors.setText(render(problem))


class RepaymentDialog(_Form):
    """A repayment: it shows how the amount splits, fees due first, then principal."""

    def __init__(
        self,
        funds: FundService,
        loan: LoanPosition,
        on_change: Callable[[Change], None],
        today: date,
        borrower: str = "",
        parent: QWidget | None = None,
    ) -> None:
        """*borrower*: the name as the loan list shows it (told apart from a member of the same name)."""
        super().__init__(self.tr("Repayment: {name}").format(name=borrower or loan.loan.borrower), on_change, parent)
        self._funds = funds
        self._position = loan
        info = QLabel(
            self.tr("{name}: loan of {amount} approved on {day}.").format(
                name=borrower or loan.loan.borrower,
                amount=money(loan.loan.amount),
                day=screen_date(loan.loan.approved_on),
            )
            + "\n"
            + self.tr(
                "Owed: {outstanding} principal, {fees} interest or fee due. Fees due are paid first, then principal."
            ).format(outstanding=money(loan.outstanding), fees=money(loan.fees_due))
        )
        info.setObjectName("loan")
        info.setWordWrap(True)
        self.layout_.insertWidget(0, info)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(
            number(min(loan.outstanding, loan.overdue_principal or loan.outstanding) + loan.fees_due)
        )
        self.on = DateField()
        self.on.set_value(today)
        self.note = QLineEdit()
        self.split = QLabel()
        for label, widget, field in (
            (self.tr("Amount (đồng)"), self.amount, "amount"),
            (self.tr("Date"), self.on, "on"),
            (self.tr("Note"), self.note, "note"),
        ):
            self.errors.add_row(self.form, label, widget, field)
        self.form.addRow("", self.split)
        self.amount.textChanged.connect(self._show_split)
        self.finish()

    def _show_split(self) -> None:
        try:
            fee, principal = split_repayment(self._position, parse_money(self.amount.text()))
        except ValueError:
            self.split.clear()
            return
        self.split.setText(
            self.tr("{fee} interest or fee, {principal} principal").format(fee=money(fee), principal=money(principal))
        )

    def save(self) -> None:
        bad: dict[str, Message] = {}
        amount = _money_field(bad, "amount", self.amount)
        on = _date_field(bad, "on", self.on)
        loan_id = self._position.loan.id
        self.run(lambda: self._funds.repay(loan_id, amount, on or date.min, self.note.text()), bad)
