"""Numbers read as the interface's language writes them: "66,7%" and "3.000.000 đ" on the Vietnamese screen,
"66.7%" and "3,000,000 đ" on the English one; an amount typed either way is taken; the printed documents stay
Vietnamese whatever the screen's language."""

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from chibo_desktop.domain.funds import EntryKind, FundSource, FundTerms, RateMethod, ScheduleKind
from chibo_desktop.domain.meetings import Mark, MeetingKind, MeetingRecord
from chibo_desktop.services.funds import LoanRequest
from chibo_desktop.services.printing import REGISTER
from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.fund_dialogs import RepaymentDialog
from tests.helpers.gui import (
    click,
    click_row,
    click_tab,
    field,
    find_button,
    key,
    new_window,
    row_texts,
    settle,
    type_into,
    windows,
)
from tests.helpers.members import add_member
from tests.helpers.pdf import flat, pdf_text
from tests.scenarios.test_namesakes import window_in

WORDS = {
    "vi": {
        "meetings": "Sinh hoạt chi bộ",
        "register": "Sổ theo dõi sinh hoạt",
        "funds": "Quỹ hỗ trợ vay vốn",
        "loans": "Các món vay",
        "repay": "Thu nợ…",
        "amount": "Số tiền (đồng)",
        "ratio": "66,7%",
        "lent": "3.000.000 đ",
        "typed": "1.500.000",
        "left": "1.500.000 đ",
        "statement": "Báo cáo quỹ",
        "counts": "1 lượt vay, 3.000.000 đ, 1 đảng viên được hỗ trợ;",
    },
    "en": {
        "meetings": "Meetings",
        "register": "Attendance register",
        "funds": "Loan fund",
        "loans": "Loans",
        "repay": "Repayment…",
        "amount": "Amount (đồng)",
        "ratio": "66.7%",
        "lent": "3,000,000 đ",
        "typed": "1,500,000",
        "left": "1,500,000 đ",
        "statement": "Statement",
        "counts": "1 loan paid out, 3,000,000 đ, 1 member helped;",  # one of each, said as one
    },
}
LOAN_COLUMNS = {"amount": 1, "outstanding": 4}


@pytest.mark.parametrize("language", ["vi", "en"])
def test_ratios_and_amounts_read_as_the_language_writes_them(
    qtbot: QtBot, services: Services, language: str, tmp_path: Path
) -> None:
    words = WORDS[language]
    an = add_member(services, "Nguyễn Văn An")
    add_member(services, "Trần Thị Bình")
    absent = add_member(services, "Lê Văn Tám")
    on = date(2026, 10, 14)
    lines = tuple(
        replace(line, mark=Mark.UNEXCUSED) if line.member_id == absent else line
        for line in services.meetings.draft_lines(on)
    )
    services.meetings.create(MeetingRecord(kind=MeetingKind.REGULAR, on=on, place="Hội trường ấp"), lines)
    terms = FundTerms(max_loan=10_000_000, term_months=6, rate_method=RateMethod.FLAT, rate=0)
    fund = services.funds.save_fund(None, "Quỹ quay vòng vốn chi bộ", FundSource.OWN, "Phan Thu Mai", terms).ids[0]
    services.funds.capital(fund, EntryKind.CONTRIBUTION, 5_000_000, date(2026, 1, 3), an, "Đóng góp")
    loan = LoanRequest(
        fund,
        an,
        "Nhà bị sạt lở",
        "Sửa nhà",
        3_000_000,
        6,
        RateMethod.NONE,
        0,
        ScheduleKind.EQUAL_PRINCIPAL,
        date(2026, 2, 1),
        decision_no="04-NQ/CB",
        disburse_on=date(2026, 2, 2),
    )
    services.funds.grant_loan(loan)
    window = window_in(qtbot, services, language)

    click_tab(window.tabs, words["meetings"])
    meetings = window.meetings_view
    assert row_texts(meetings.list_view, 4) == [words["ratio"]]  # 2 of 3 present
    click_tab(meetings.inner, words["register"])
    assert row_texts(meetings.grid, 14)[-1] == words["ratio"]  # the branch's year

    funds = window.funds_view
    click_tab(window.tabs, words["funds"])
    qtbot.waitUntil(lambda: funds.fund_model.rowCount() == 1, timeout=10000)
    click_row(funds.fund_table, 0)
    settle(window.tasks)
    click_tab(funds.inner, words["loans"])
    assert row_texts(funds.loan_table, LOAN_COLUMNS["amount"]) == [words["lent"]]
    click_row(funds.loan_table, 0)
    settle(window.tasks)
    before = windows()
    click(find_button(funds, words["repay"]))
    dialog = new_window(qtbot, RepaymentDialog, before)
    amount = field(dialog, words["amount"])
    type_into(amount, words["typed"])  # as the screen writes amounts
    with qtbot.waitSignal(funds.loaded, timeout=10000):
        key(amount, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    assert row_texts(funds.loan_table, LOAN_COLUMNS["outstanding"]) == [words["left"]]
    click_tab(funds.inner, words["statement"])
    assert words["counts"] in funds.statement.toPlainText()

    printed = services.printer.write_into(REGISTER, on.year, tmp_path)
    assert "66,7%" in flat(pdf_text(printed))  # the document in Vietnamese, whatever the screen's language
