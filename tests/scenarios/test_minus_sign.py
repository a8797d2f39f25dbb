"""A negative amount is written with one sign wherever it is read: the minus sign "−" (U+2212), in the fund's
journal on screen, in either language, and in the borrower's printed ledger, not a hyphen in one and "−" in the
other."""

import unicodedata
from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from chibo_desktop.domain.funds import EntryKind, FundSource, FundTerms, RateMethod, ScheduleKind
from chibo_desktop.services.funds import LoanRequest
from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.main_window import MainWindow
from chibo_desktop.ui.tasks import TaskRunner
from tests.helpers.days import TODAY
from tests.helpers.gui import answering_modal, click_button, click_row, click_tab, key, row_texts, settle, type_into
from tests.helpers.members import add_member

MINUS = "\u2212"
WORDS = {
    "vi": ("Quỹ hỗ trợ vay vốn", "Sổ quỹ", "Đảo bút toán…", "Các món vay", "In sổ vay của người vay…", "Đóng"),
    "en": ("Loan fund", "Journal", "Reverse the entry…", "Loans", "Print the borrower's ledger…", "Close"),
}
AMOUNTS = {"vi": ("3.000.000 đ", "1.000.000 đ"), "en": ("3,000,000 đ", "1,000,000 đ")}
AMOUNT = 2  # the journal's column of amounts


@pytest.fixture
def repaid(services: Services) -> int:
    """A loan of 3.000.000 paid out, and 1.000.000 of it repaid."""
    borrower = add_member(services, "Danh Thị Mơl")
    fund_id = services.funds.save_fund(
        None, "Quỹ quay vòng vốn chi bộ", FundSource.OWN, "Phan Thu Mai", FundTerms(max_loan=5_000_000)
    ).ids[0]
    services.funds.capital(fund_id, EntryKind.CONTRIBUTION, 6_000_000, date(TODAY.year, 1, 3), note="Góp")
    request = LoanRequest(
        fund_id,
        borrower,
        "Nhà bị sạt lở",
        "Sửa nhà",
        3_000_000,
        3,
        RateMethod.NONE,
        0,
        ScheduleKind.EQUAL_PRINCIPAL,
        date(TODAY.year, 2, 1),
        decision_no="04-NQ/CB",
        disburse_on=date(TODAY.year, 2, 2),
    )
    loan_id = services.funds.grant_loan(request).ids[0]
    services.funds.repay(loan_id, 1_000_000, date(TODAY.year, 3, 2))
    return loan_id


def test_money_out_and_a_reversal_carry_the_same_minus_on_screen_and_on_paper(
    qtbot: QtBot, services: Services, repaid: int, language: str
) -> None:
    tab, journal, reverse, loans, ledger, close = WORDS[language]
    paid_out, repayment = AMOUNTS[language]
    window = MainWindow(services, TaskRunner(), language)
    qtbot.addWidget(window, before_close_func=lambda _w: settle(window.tasks))
    with qtbot.waitSignal(window.meetings_loaded, timeout=10000):
        window.show()
    click_tab(window.tabs, tab)
    funds = window.funds_view
    qtbot.waitUntil(lambda: funds.fund_model.rowCount() == 1, timeout=10000)
    click_row(funds.fund_table, 0)
    settle(window.tasks)

    click_tab(funds.inner, journal)
    click_row(funds.entry_table, 0)  # the newest line: the repayment
    settle(window.tasks)

    def give_reason(box: QWidget) -> None:
        reason = box.findChild(QLineEdit)
        type_into(reason, "Thu trùng")
        key(reason, Qt.Key.Key_Return)

    with qtbot.waitSignal(funds.loaded, timeout=10000), answering_modal(give_reason):
        click_button(funds, reverse)
    amounts = row_texts(funds.entry_table, AMOUNT)
    assert amounts[0] == MINUS + repayment  # the reversal takes the repayment back out of the fund
    assert MINUS + paid_out in amounts  # the money paid out, the same sign
    assert not any(a.startswith("-") for a in amounts)

    click_tab(funds.inner, loans)
    click_row(funds.loan_table, 0)
    settle(window.tasks)
    with qtbot.waitSignal(window.printing.preview_ready, timeout=20000) as ready:
        click_button(funds, ledger)
    text = " ".join(
        " ".join(unicodedata.normalize("NFC", p.extract_text()).split()) for p in PdfReader(ready.args[0].pdf).pages
    )
    assert f"Đảo: Trả nợ gốc {MINUS}1.000.000" in text, text  # the document is Vietnamese in either language
    assert "-1.000.000" not in text
    click_button(ready.args[0], close)
