"""The custodian's day in the funds tab of the real window, with the mouse and keyboard only: choose a fund,
click a loan, take a repayment through the dialog, click a journal line and reverse it."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.fund_dialogs import RepaymentDialog
from tests.helpers.demo import demo_window
from tests.helpers.gui import (
    answering_modal,
    click,
    click_row,
    click_tab,
    field,
    find_button,
    find_row,
    key,
    new_window,
    row_texts,
    settle,
    type_into,
    windows,
)

FUND_COLUMNS = {"cash": 2, "outstanding": 3}
LOAN_COLUMNS = {"borrower": 0, "outstanding": 4, "state": 7}
JOURNAL_COLUMNS = {"entry": 1, "amount": 2, "note": 4}


def test_repay_a_loan_and_reverse_a_journal_line(qtbot: QtBot, services: Services, vietnamese: None) -> None:
    window = demo_window(qtbot, services)
    funds = window.funds_view
    click_tab(window.tabs, "Quỹ hỗ trợ vay vốn")
    qtbot.waitUntil(lambda: funds.fund_model.rowCount() >= 2, timeout=10000)

    fund_row = find_row(funds.fund_table, 0, lambda name: name.startswith("Vốn ủy thác"))
    with qtbot.waitSignal(funds.loaded, timeout=10000):
        click_row(funds.fund_table, fund_row)
    outstanding_before = row_texts(funds.fund_table, FUND_COLUMNS["outstanding"])[fund_row]

    click_tab(funds.inner, "Các món vay")
    loan_row = find_row(funds.loan_table, LOAN_COLUMNS["state"], lambda state: state == "Đang trả nợ")
    borrower = row_texts(funds.loan_table, LOAN_COLUMNS["borrower"])[loan_row]
    owed_before = row_texts(funds.loan_table, LOAN_COLUMNS["outstanding"])[loan_row]
    click_row(funds.loan_table, loan_row)
    settle(window.tasks)  # whatever the click set off has run: the row must still be chosen
    assert funds.loan_table.selectionModel().isRowSelected(loan_row), "the clicked loan is no longer highlighted"

    before = windows()
    click(find_button(funds, "Thu nợ…"))
    dialog = new_window(qtbot, RepaymentDialog, before)
    assert borrower in dialog.windowTitle()
    amount = field(dialog, "Số tiền (đồng)")
    type_into(amount, "1000000")
    with qtbot.waitSignal(funds.loaded, timeout=10000):
        key(amount, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()

    loan_row = find_row(funds.loan_table, LOAN_COLUMNS["borrower"], lambda name: name == borrower)
    assert row_texts(funds.loan_table, LOAN_COLUMNS["outstanding"])[loan_row] != owed_before
    fund_row = find_row(funds.fund_table, 0, lambda name: name.startswith("Vốn ủy thác"))
    assert row_texts(funds.fund_table, FUND_COLUMNS["outstanding"])[fund_row] != outstanding_before

    click_tab(funds.inner, "Sổ quỹ")
    lines_before = funds.entry_model.rowCount()
    newest = row_texts(funds.entry_table, JOURNAL_COLUMNS["entry"])[0]
    assert newest.startswith("Thu nợ gốc")
    click_row(funds.entry_table, 0)
    settle(window.tasks)
    assert funds.entry_table.selectionModel().isRowSelected(0), "the clicked line is no longer highlighted"

    def give_reason(box: QWidget) -> None:
        reason = box.findChild(QLineEdit)
        type_into(reason, "Thu trùng")
        key(reason, Qt.Key.Key_Return)

    with qtbot.waitSignal(funds.loaded, timeout=10000), answering_modal(give_reason):
        click(find_button(funds, "Đảo bút toán…"))
    entries = row_texts(funds.entry_table, JOURNAL_COLUMNS["entry"])
    assert len(entries) > lines_before
    assert entries[0].startswith("Đảo: ")
    assert "Thu nợ gốc (đã đảo)" in entries
    assert row_texts(funds.entry_table, JOURNAL_COLUMNS["note"])[0] == "Thu trùng"
