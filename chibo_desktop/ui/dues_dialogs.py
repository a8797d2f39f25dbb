"""Dialogs of the dues: a member's dues settings and exemption or reduction decisions, and paying up to the upper
level (with the month's handovers, which can be undone by a reversing entry)."""

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chibo_desktop.domain.dates import screen_date
from chibo_desktop.domain.dues import (
    CATEGORY_LABELS,
    CHANNEL_LABELS,
    ENTRY_LABELS,
    REASON_LABELS,
    REGION_NAMES,
    Category,
    Channel,
    DecisionKind,
    DecisionReason,
    EntryKind,
    live_entries,
    month_start,
    month_text,
    parse_month,
)
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message
from chibo_desktop.services.changes import Change
from chibo_desktop.services.dues import DuesService, MemberDues
from chibo_desktop.ui.editor import EditorDialog, form_state
from chibo_desktop.ui.form_fields import BAD_DATE, DateField, FieldErrors, message_label
from chibo_desktop.ui.i18n import render, translate
from chibo_desktop.ui.numbers import money, number, parse_money
from chibo_desktop.ui.screen import fit_to_screen

BAD_MONTH = Message("Dues", QT_TRANSLATE_NOOP("Dues", "Write the month as mm/yyyy, for example 02/2026."))
BAD_MONEY = Message("Dues", QT_TRANSLATE_NOOP("Dues", "Write a whole number of đồng, for example 1,500,000."))


def _table(headings: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headings))
    table.setHorizontalHeaderLabels(headings)
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    table.setRowCount(len(rows))
    for row, texts in enumerate(rows):
        for column, text in enumerate(texts):
            table.setItem(row, column, QTableWidgetItem(text))


def _money_or_zero(text: str) -> int:
    return parse_money(text) if text.strip() else 0


class MemberDuesDialog(EditorDialog):
    """How one member's dues are worked out (dated), their decisions, and their journal. Two forms: Ctrl+S (or
    Save when closing) saves whichever was changed."""

    def __init__(
        self,
        dues: DuesService,
        member_id: int,
        on_change: Callable[[Change], None],
        today: date,
        read_only: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._dues = dues
        self._member_id = member_id
        self._on_change = on_change
        self._today = today
        fit_to_screen(self, 1060, 640)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("dues_member_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        columns = QHBoxLayout()
        layout.addLayout(columns, 1)

        how = self.how_box = QGroupBox(self.tr("How the dues are worked out"))
        box = QVBoxLayout(how)
        self.settings_table = _table([self.tr("From"), self.tr("Category"), self.tr("Base"), self.tr("Region")])
        box.addWidget(self.settings_table)
        form = QFormLayout()
        self.setting_errors = FieldErrors()
        self.valid_from = QLineEdit(month_text(month_start(today)))
        self.valid_from.setPlaceholderText(self.tr("mm/yyyy"))
        self.category = QComboBox()
        for category, label in CATEGORY_LABELS.items():
            if category == Category.UNKNOWN:
                continue
            self.category.addItem(translate("Dues", label), category.value)
        self.base = QLineEdit()
        self.base.setPlaceholderText(self.tr("the social-insurance salary or the pension, in đồng"))
        self.region = QComboBox()
        self.region.addItem(self.tr("The branch's region"), 0)
        for number_, name in REGION_NAMES.items():
            self.region.addItem(self.tr("Region {name}").format(name=name), number_)
        self.pledged = QLineEdit()
        self.pledged.setPlaceholderText(self.tr("empty: the rate"))
        self.setting_note = QLineEdit()
        self.setting_errors.add_row(form, self.tr("From the month"), self.valid_from, "valid_from")
        self.setting_errors.add_row(form, self.tr("Category"), self.category, "category")
        self.setting_errors.add_row(form, self.tr("Base (đồng a month)"), self.base, "base")
        self.setting_errors.add_row(form, self.tr("Minimum-wage region"), self.region, "region")
        self.setting_errors.add_row(form, self.tr("Pays by choice (đồng a month)"), self.pledged, "pledged")
        self.setting_errors.add_row(form, self.tr("Note"), self.setting_note, "note")
        box.addLayout(form)
        self.save_setting_button = QPushButton(self.tr("Save from this month"))
        self.save_setting_button.setObjectName("save_setting")
        self.save_setting_button.clicked.connect(self.save_setting)
        box.addWidget(self.save_setting_button)
        columns.addWidget(how, 1)

        decisions = self.decision_box = QGroupBox(self.tr("Exemptions and reductions (by decision)"))
        box = QVBoxLayout(decisions)
        self.decision_table = _table(
            [self.tr("From"), self.tr("To"), self.tr("Kind"), self.tr("Reason"), self.tr("Decision")]
        )
        box.addWidget(self.decision_table)
        form = QFormLayout()
        self.decision_errors = FieldErrors()
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Exempt"), f"{DecisionKind.EXEMPT.value}:100")
        self.reason = QComboBox()
        for reason, label in REASON_LABELS.items():
            if reason == DecisionReason.UNKNOWN:
                continue
            self.reason.addItem(translate("Dues", label), reason.value)
        self.start = QLineEdit(month_text(month_start(today)))
        self.start.setPlaceholderText(self.tr("mm/yyyy"))
        self.end = QLineEdit()
        self.end.setPlaceholderText(self.tr("mm/yyyy (empty only for the social pension)"))
        self.decision_no = QLineEdit()
        self.decided_on = DateField()
        self.decision_errors.add_row(form, self.tr("Exempt or reduce"), self.kind, "percent")
        self.decision_errors.add_row(form, self.tr("Reason"), self.reason, "reason")
        self.decision_errors.add_row(form, self.tr("First month"), self.start, "start")
        self.decision_errors.add_row(form, self.tr("Last month"), self.end, "end")
        self.decision_errors.add_row(form, self.tr("Decision number"), self.decision_no, "decision_no")
        self.decision_errors.add_row(form, self.tr("Decision date"), self.decided_on, "decided_on")
        box.addLayout(form)
        row = QHBoxLayout()
        self.add_decision_button = QPushButton(self.tr("Record the decision"))
        self.add_decision_button.setObjectName("add_decision")
        self.add_decision_button.clicked.connect(self.add_decision)
        self.end_decision_button = QPushButton(self.tr("End the chosen decision early…"))
        self.end_decision_button.clicked.connect(self.end_decision)
        row.addWidget(self.add_decision_button)
        row.addWidget(self.end_decision_button)
        box.addLayout(row)
        columns.addWidget(decisions, 1)

        self.journal = _table(
            [self.tr("Month"), self.tr("Date"), self.tr("Entry"), self.tr("Amount"), self.tr("How"), self.tr("Note")]
        )
        self.journal.setMaximumHeight(150)
        layout.addWidget(self.journal)
        self.message = message_label()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for widget in (self.save_setting_button, self.add_decision_button, self.end_decision_button):
            widget.setVisible(not read_only)
        self.read_only = read_only
        self.refresh()

    def refresh(self) -> None:
        data = self._dues.member(self._member_id)
        self.data = data
        self.setWindowTitle(self.tr("Party dues — {name}").format(name=data.name))
        allowed = self._dues.ledger().rules.get("dues.reduction_percents", self._today)
        current = self.kind.currentData()
        self.kind.clear()
        self.kind.addItem(self.tr("Exempt"), f"{DecisionKind.EXEMPT.value}:100")
        for percent in allowed:
            self.kind.addItem(
                self.tr("Reduce by {percent}%").format(percent=percent), f"{DecisionKind.REDUCE.value}:{percent}"
            )
        if current is not None:
            index = self.kind.findData(current)
            self.kind.setCurrentIndex(max(0, index))
        self.summary.setText(self._summary(data))
        if data.settings and not self.base.text():
            latest = data.settings[-1]
            self.category.setCurrentIndex(max(0, self.category.findData(latest.category.value)))
            self.base.setText(number(latest.base) if latest.base else "")
            self.region.setCurrentIndex(max(0, self.region.findData(latest.region or 0)))
            self.pledged.setText(number(latest.pledged) if latest.pledged else "")
        _fill(
            self.settings_table,
            [
                (
                    month_text(s.valid_from),
                    translate("Dues", CATEGORY_LABELS[s.category])
                    + (self.tr(" · pays {amount} by choice").format(amount=money(s.pledged)) if s.pledged else ""),
                    money(s.base) if s.base else "",
                    REGION_NAMES.get(s.region or 0, self.tr("the branch's")),
                )
                for s in data.settings
            ],
        )
        _fill(
            self.decision_table,
            [
                (
                    month_text(d.start),
                    month_text(d.end) if d.end else "…",
                    self.tr("Exempt")
                    if d.kind == DecisionKind.EXEMPT
                    else self.tr("−{percent}%").format(percent=d.percent),
                    translate("Dues", REASON_LABELS[d.reason]),
                    " ".join(part for part in (d.decision_no, screen_date(d.decided_on)) if part),
                )
                for d in data.decisions
            ],
        )
        standing = {e.id for e in live_entries(data.entries)}
        _fill(
            self.journal,
            [
                (
                    month_text(e.month),
                    screen_date(e.on),
                    (self.tr("Reversal: ") if e.reverses is not None else "")
                    + translate("Dues", ENTRY_LABELS[e.kind])
                    + ("" if e.id in standing or e.reverses is not None else self.tr(" (undone)")),
                    money(e.amount) if e.kind != EntryKind.UNPAID else "",
                    translate("Dues", CHANNEL_LABELS[e.channel]) if e.kind != EntryKind.UNPAID else "",
                    e.note,
                )
                for e in reversed(data.entries)
            ],
        )
        self._how_state = form_state(self.how_box)
        self._decision_state = form_state(self.decision_box)
        self.track_changes()

    def save(self) -> bool:
        """Save the form that was changed (both, if both were): the settings, or the decision."""
        if self.read_only:
            return True
        saved = True
        if form_state(self.how_box) != self._how_state:
            saved = self.save_setting() and saved
        if form_state(self.decision_box) != self._decision_state:
            saved = self.add_decision() and saved
        return saved

    def _summary(self, data: MemberDues) -> str:
        if not data.months:
            return self.tr("The dues book has not started yet.")
        last = data.months[-1]
        owed = (
            self.tr("still owes {amount}").format(amount=money(last.owed))
            if last.owed > 0
            else self.tr("has paid ahead {amount}").format(amount=money(-last.owed))
            if last.owed < 0
            else self.tr("has paid everything due")
        )
        return self.tr("{month}: due {due}; {owed}.").format(
            month=month_text(last.month), due=money(last.due.due), owed=owed
        )

    def _month(self, field: QLineEdit, name: str, bad: dict[str, Message]) -> date | None:
        try:
            return parse_month(field.text())
        except ValueError:
            bad[name] = BAD_MONTH
            return None

    def save_setting(self) -> bool:
        self.message.clear()
        bad: dict[str, Message] = {}
        valid_from = self._month(self.valid_from, "valid_from", bad)
        amounts = {}
        for name, field in (("base", self.base), ("pledged", self.pledged)):
            try:
                amounts[name] = _money_or_zero(field.text())
            except ValueError:
                bad[name] = BAD_MONEY
        if bad:
            self.setting_errors.show(bad)
            return False
        region = int(self.region.currentData()) or None
        return self._act(
            self.setting_errors,
            lambda: self._dues.save_setting(
                self._member_id,
                valid_from,
                Category(self.category.currentData()),
                amounts["base"],
                region,
                amounts["pledged"],
                self.setting_note.text(),
            ),
        )

    def add_decision(self) -> bool:
        self.message.clear()
        bad: dict[str, Message] = {}
        start = self._month(self.start, "start", bad)
        end = self._month(self.end, "end", bad)
        decided_on = None
        try:
            decided_on = self.decided_on.value()
        except ValueError:
            bad["decided_on"] = BAD_DATE
        if bad:
            self.decision_errors.show(bad)
            return False
        kind, percent = str(self.kind.currentData()).split(":")
        return self._act(
            self.decision_errors,
            lambda: self._dues.add_decision(
                self._member_id,
                DecisionKind(kind),
                int(percent),
                DecisionReason(self.reason.currentData()),
                start,
                end,
                self.decision_no.text(),
                decided_on,
            ),
        )

    def end_decision(self) -> None:
        row = self.decision_table.currentRow()
        if row < 0 or row >= len(self.data.decisions):
            self.message.setText(self.tr("Choose a decision in the list first."))
            return
        decision = self.data.decisions[row]
        text, ok = QInputDialog.getText(
            self,
            self.tr("End the decision early"),
            self.tr("Last month the decision covers (mm/yyyy):"),
            text=month_text(month_start(self._today)),
        )
        if not ok:
            return
        try:
            last = parse_month(text)
        except ValueError:
            last = None
        if last is None:
            self.message.setText(render(BAD_MONTH))
            return
        self._act(self.decision_errors, lambda: self._dues.end_decision(decision.id, last))

    def _act(self, errors: FieldErrors, action: Callable[[], Change]) -> bool:
        errors.clear()
        try:
            change = action()
        except UserError as error:
            self.message.setText(render(error.message))
            errors.show(error.field_errors)
            return False
        self._on_change(change)
        self.refresh()
        return True


class HandoverDialog(EditorDialog):
    """Paying up the upper level's share: what is still to pay up, the amount, and the month's handovers."""

    def __init__(
        self,
        dues: DuesService,
        month: date,
        on_change: Callable[[Change], None],
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._dues = dues
        self._month = month_start(month)
        self._on_change = on_change
        self.setWindowTitle(self.tr("Pay up to the upper level — {month}").format(month=month_text(month)))
        fit_to_screen(self, 760, 460)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("handover_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        form = QFormLayout()
        self.errors = FieldErrors()
        self.amount = QLineEdit()
        self.amount.setObjectName("handover_amount")
        self.channel = QComboBox()
        for channel, label in CHANNEL_LABELS.items():
            if channel == Channel.UNKNOWN:
                continue
            self.channel.addItem(translate("Dues", label), channel.value)
        self.on = DateField()
        self.on.set_value(today)
        self.note = QLineEdit()
        self.errors.add_row(form, self.tr("Amount paid up (đồng)"), self.amount, "amount")
        self.errors.add_row(form, self.tr("How"), self.channel, "channel")
        self.errors.add_row(form, self.tr("Date"), self.on, "on")
        self.errors.add_row(form, self.tr("Note"), self.note, "note")
        layout.addLayout(form)
        self.handovers = _table([self.tr("Date"), self.tr("Amount"), self.tr("How"), self.tr("Note")])
        layout.addWidget(QLabel(self.tr("Paid up in the book of this month")))
        layout.addWidget(self.handovers)
        self.message = message_label()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.undo_button = buttons.addButton(
            self.tr("Undo the chosen handover…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.undo_button.clicked.connect(self.undo)
        self.buttons = buttons
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        ledger = self._dues.ledger()
        kept, upper = ledger.shares(self._month)
        to_pay = ledger.to_pay_up(self._month)
        self.summary.setText(
            self.tr(
                "Collected in {month}: {collected}; kept by the branch {kept}; the upper level's share {upper}. "
                "Still to pay up by the end of {month}: {to_pay}."
            ).format(
                month=month_text(self._month),
                collected=money(ledger.collected_in(self._month)),
                kept=money(kept),
                upper=money(upper),
                to_pay=money(to_pay),
            )
        )
        self.amount.setText(number(to_pay) if to_pay > 0 else "")
        self._entries = [
            e for e in live_entries(ledger.entries) if e.kind == EntryKind.HANDOVER and e.month == self._month
        ]
        _fill(
            self.handovers,
            [
                (screen_date(e.on), money(e.amount), translate("Dues", CHANNEL_LABELS[e.channel]), e.note)
                for e in self._entries
            ],
        )
        self.track_changes()

    def save(self) -> bool:
        self.message.clear()
        self.errors.clear()
        bad: dict[str, Message] = {}
        try:
            amount = parse_money(self.amount.text())
        except ValueError:
            bad["amount"] = BAD_MONEY
        try:
            on = self.on.value()
        except ValueError:
            on = None
        if on is None:
            bad["on"] = BAD_DATE
        if bad:
            self.errors.show(bad)
            return False
        assert on is not None
        try:
            posted = self._dues.hand_over(
                self._month, amount, Channel(self.channel.currentData()), on, self.note.text()
            )
        except UserError as error:
            self.message.setText(render(error.message))
            self.errors.show(error.field_errors)
            return False
        self._on_change(posted.change)
        self.note.clear()
        self.refresh()
        return True

    def undo(self) -> None:
        row = self.handovers.currentRow()
        if row < 0 or row >= len(self._entries):
            self.message.setText(self.tr("Choose a handover in the list first."))
            return
        entry = self._entries[row]
        reason, ok = QInputDialog.getText(self, self.tr("Undo a handover"), self.tr("Why is it undone?"))
        if not ok:
            return
        try:
            posted = self._dues.reverse(entry.id, reason)
        except UserError as error:
            self.message.setText(render(error.message))
            return
        self._on_change(posted.change)
        self.refresh()
