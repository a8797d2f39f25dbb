"""Documents printed from the window, read back from the preview's PDF."""

import unicodedata
from datetime import date

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from chibo_desktop.domain.funds import EntryKind, FundSource, FundTerms
from chibo_desktop.domain.meetings import MeetingRecord
from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.fund_dialogs import LoanDialog
from chibo_desktop.ui.main_window import MainWindow
from chibo_desktop.ui.tasks import TaskRunner
from tests.helpers.days import TODAY
from tests.helpers.gui import (
    click,
    click_button,
    click_row,
    click_tab,
    field,
    key,
    new_window,
    settle,
    type_into,
    windows,
)
from tests.helpers.members import add_member
from tests.helpers.popups import choose_in_combo


def test_the_fund_statement_runs_to_today_and_is_signed_by_name(
    qtbot: QtBot, services: Services, vietnamese: None
) -> None:
    secretary = add_member(services, "Lê Văn Tám", party_position="Bí thư chi bộ")
    fund_id = services.funds.save_fund(
        None, "Quỹ quay vòng vốn chi bộ", FundSource.OWN, "Phan Thu Mai", FundTerms(max_loan=5_000_000)
    ).ids[0]
    services.funds.capital(fund_id, EntryKind.CONTRIBUTION, 6_000_000, date(TODAY.year, 1, 3), secretary, "Góp")
    window = MainWindow(services, TaskRunner(), "vi")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.meetings_loaded, timeout=10000):
        window.show()
    click_tab(window.tabs, "Quỹ hỗ trợ vay vốn")
    funds = window.funds_view.fund_table
    qtbot.waitUntil(lambda: funds.model().rowCount() == 1)
    click_row(funds, 0)
    with qtbot.waitSignal(window.printing.preview_ready, timeout=20000) as ready:
        click_button(window.funds_view, "In báo cáo quỹ…")
    pages = [
        " ".join(unicodedata.normalize("NFC", p.extract_text()).split()) for p in PdfReader(ready.args[0].pdf).pages
    ]
    text = " ".join(pages)
    assert "BÁO CÁO TÌNH HÌNH QUỸ CỦA CHI BỘ ẤP SÁU" in text
    assert f"Từ ngày 01/01/{TODAY.year} đến ngày {TODAY:%d/%m/%Y}" in text  # today, not 31/12
    assert "T/M CHI BỘ BÍ THƯ" in pages[-1] and pages[-1].endswith("Phan Thu Mai Lê Văn Tám")

    preview = ready.args[0]
    click_button(preview, "Đóng")  # the preview's copy is temporary: closing it leaves nothing in the temp folder
    assert not preview.pdf.exists() and not preview.pdf.parent.exists()


def test_a_loan_approved_at_a_meeting_is_printed_as_approved_on_the_meetings_day(
    qtbot: QtBot, services: Services, vietnamese: None
) -> None:
    """The meeting of 15/11 approved the loan; the secretary enters it on 22/11 (the app's today). Choosing the
    meeting in the loan form makes its day the approval date, and the borrower's ledger prints that day."""
    add_member(services, "Danh Thị Mơl")
    fund_id = services.funds.save_fund(
        None, "Quỹ quay vòng vốn chi bộ", FundSource.OWN, "Phan Thu Mai", FundTerms(max_loan=5_000_000)
    ).ids[0]
    services.funds.capital(fund_id, EntryKind.CONTRIBUTION, 6_000_000, date(TODAY.year, 1, 3), note="Góp")
    held = date(2026, 11, 15)
    assert held < TODAY
    services.meetings.create(MeetingRecord(on=held))
    window = MainWindow(services, TaskRunner(), "vi")
    qtbot.addWidget(window, before_close_func=lambda _w: settle(window.tasks))
    with qtbot.waitSignal(window.meetings_loaded, timeout=10000):
        window.show()
    click_tab(window.tabs, "Quỹ hỗ trợ vay vốn")
    funds = window.funds_view
    qtbot.waitUntil(lambda: funds.fund_model.rowCount() == 1, timeout=10000)
    click_row(funds.fund_table, 0)
    settle(window.tasks)

    before = windows()
    click_button(funds, "Cho vay…")
    loan = new_window(qtbot, LoanDialog, before)
    borrower = field(loan, "Người vay")
    assert isinstance(borrower, QComboBox)
    qtbot.waitUntil(borrower.isEnabled, timeout=10000)
    click(borrower)
    QTest.keyClicks(borrower.lineEdit(), "danh mol")
    popup = borrower.completer().popup()
    assert popup.isVisible()
    QTest.keyClick(popup, Qt.Key.Key_Down)  # the one name offered
    QTest.keyClick(popup, Qt.Key.Key_Return)
    assert borrower.currentText() == "Danh Thị Mơl"
    approved_on = field(loan, "Ngày duyệt")
    assert isinstance(approved_on, QLineEdit) and approved_on.text() == f"{TODAY:%d/%m/%Y}"  # today, at first
    meeting = field(loan, "Duyệt tại buổi sinh hoạt")
    assert isinstance(meeting, QComboBox)
    choose_in_combo(qtbot, meeting, next(t for t in open_combo_texts(meeting) if t.startswith("15/11/2026")))
    assert approved_on.text() == "15/11/2026" and not approved_on.isEnabled()  # the meeting's day, not typed over
    type_into(field(loan, "Hoàn cảnh khó khăn"), "Nhà bị sạt lở")
    type_into(field(loan, "Số tiền (đồng)"), "3000000")
    with qtbot.waitSignal(funds.loaded, timeout=10000):
        key(field(loan, "Số tiền (đồng)"), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not loan.isVisible(), loan.message.text()

    click_tab(funds.inner, "Các món vay")
    click_row(funds.loan_table, 0)
    settle(window.tasks)
    with qtbot.waitSignal(window.printing.preview_ready, timeout=20000) as ready:
        click_button(funds, "In sổ vay của người vay…")
    text = " ".join(
        " ".join(unicodedata.normalize("NFC", p.extract_text()).split()) for p in PdfReader(ready.args[0].pdf).pages
    )
    assert "Quỹ quay vòng vốn chi bộ: vay 3.000.000 đồng" in text, text
    assert "duyệt tại buổi sinh hoạt chi bộ ngày 15/11/2026" in text, text
    assert f"duyệt ngày {TODAY:%d/%m/%Y}" not in text
    click_button(ready.args[0], "Đóng")


def open_combo_texts(combo: QComboBox) -> list[str]:
    return [combo.itemText(row) for row in range(combo.count())]
