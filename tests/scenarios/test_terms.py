"""A term set up in the window (Tệp → Nhiệm kỳ…), then chosen as the period of the roster's figures: typed with
keys, saved with a click, a wrong range said in Vietnamese and nothing saved."""

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLabel, QTableWidget
from pytestqt.qtbot import QtBot

from chibo_desktop.domain.dates import Period
from chibo_desktop.domain.formatting import money
from chibo_desktop.domain.terms import TermDraft
from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.main_window import MainWindow
from chibo_desktop.ui.terms_dialog import TermsDialog
from tests.helpers.demo import demo_window
from tests.helpers.gui import (
    choose_menu,
    click,
    click_button,
    click_tab,
    new_window,
    row_texts,
    settle,
    type_into,
    windows,
)


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def _open_terms(qtbot: QtBot, window: MainWindow) -> TermsDialog:
    before = windows()
    menu, item = tr("MainWindow", "&File"), tr("MainWindow", "&Terms (nhiệm kỳ)…")
    choose_menu(window, menu.replace("&", ""), item.replace("&", ""))
    return new_window(qtbot, TermsDialog, before)


def test_a_term_typed_in_the_setup_becomes_a_period_of_the_figures(
    qtbot: QtBot, services: Services, vietnamese: None
) -> None:
    window = demo_window(qtbot, services)
    dialog = _open_terms(qtbot, window)
    assert dialog.windowTitle() == "Nhiệm kỳ"
    type_into(dialog.name, "Nhiệm kỳ 2020–2025")
    type_into(dialog.start, "30/06/2025")
    type_into(dialog.end, "01/09/2020")
    click_button(dialog, "Lưu nhiệm kỳ")
    error = dialog.findChild(QLabel, "error_end")
    assert error is not None and error.text() == "Nhiệm kỳ phải kết thúc sau ngày bắt đầu: hãy kiểm tra lại hai ngày."
    assert services.terms.terms() == ()

    type_into(dialog.start, "01/09/2020")
    type_into(dialog.end, "30/06/2025")
    type_into(dialog.target, "4")
    click_button(dialog, "Lưu nhiệm kỳ")
    (term,) = services.terms.terms()
    assert (term.start, term.end, term.admissions_target) == (date(2020, 9, 1), date(2025, 6, 30), 4)
    table = dialog.findChild(QTableWidget)
    assert table is not None and row_texts(table, 0) == ["Nhiệm kỳ 2020–2025"]
    period = Period(term.start, term.end, term.name)
    admitted = services.members.counts(services.members.roster(term.end), period).admitted_in_period
    assert admitted > 0 and row_texts(table, 3)[0].startswith(f"kết nạp {admitted} đảng viên mới, ")
    dialog.hide()

    counts = window.roster_view.counts
    choices = [counts.period.itemText(i) for i in range(counts.period.count())]
    assert choices[-1] == "Nhiệm kỳ 2020–2025"
    click(counts.period)  # the list opens; the arrow keys and Enter choose, as with any list
    view = counts.period.view()
    qtbot.waitUntil(view.isVisible)
    while view.currentIndex().row() != len(choices) - 1:
        QTest.keyClick(view, Qt.Key.Key_Down)
    QTest.keyClick(view, Qt.Key.Key_Return)
    settle(window.tasks)
    assert counts.selected_period() == period
    assert counts.values["admitted_in_period"].text() == str(admitted)


def test_a_fund_statement_over_a_whole_term(qtbot: QtBot, services: Services, vietnamese: None) -> None:
    """The funds tab's statement takes the term beside the year: the opening balance is the term's first day's."""
    services.terms.save(TermDraft("Nhiệm kỳ 2020–2025", date(2020, 9, 1), date(2025, 6, 30), 4))
    window = demo_window(qtbot, services)
    funds = window.funds_view
    click_tab(window.tabs, "Quỹ hỗ trợ vay vốn")
    click_tab(funds.inner, "Báo cáo quỹ")
    combo = funds.findChild(QComboBox, "statement_term")
    assert combo is not None and [combo.itemText(i) for i in range(combo.count())] == ["cả năm", "Nhiệm kỳ 2020–2025"]
    click(combo)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    QTest.keyClick(view, Qt.Key.Key_Down)
    with qtbot.waitSignal(funds.loaded, timeout=10000):
        QTest.keyClick(view, Qt.Key.Key_Return)
    assert not funds.year.isEnabled()  # the term's own days, not the year's
    term = services.terms.terms()[0].period
    statement = services.funds.statement(funds.fund_id, term)  # type: ignore[arg-type]
    lines = funds.statement.toPlainText().splitlines()
    opening = lines.index("Số dư đầu kỳ")
    assert lines[opening + 1] == money(statement.opening)
    assert statement.contributions > 0 and money(statement.contributions) in lines  # five years of them
    assert money(statement.closing) in lines
