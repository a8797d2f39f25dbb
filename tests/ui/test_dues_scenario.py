"""A month's dues collection in the real window, by keyboard alone, with real input events: find a member without
tone marks, mark paid in cash, online, a part, not paid with a reason; undo a mistaken entry; then the printed book
says what the screen said."""

from datetime import date

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from chibo_desktop.domain.dues import Category, Channel
from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.dues_model import NAME, OWED, PAID, STATE
from chibo_desktop.ui.main_window import MainWindow
from chibo_desktop.ui.tasks import TaskRunner
from tests.helpers.gui import answering_modal, click_button, click_tab, key, type_into, type_text
from tests.helpers.members import add_member


def line(w: MainWindow, name: str) -> dict[int, str]:
    """What the collection screen shows for *name*, column by column."""
    model = w.dues_view.model
    for row in range(model.rowCount()):
        if model.data(model.index(row, NAME)) == name:
            return {column: model.data(model.index(row, column)) for column in (NAME, PAID, OWED, STATE)}
    raise AssertionError(f"{name} is not on the screen")


def find(w: MainWindow, toneless: str) -> None:
    """Type a name without tone marks in the search box and go to the list with Enter."""
    type_into(w.dues_view.search, toneless)
    key(w.dues_view.search, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is w.dues_view.table


def test_a_month_of_dues_by_keyboard_a_correction_and_the_printed_book(
    qtbot: QtBot, services: Services, vietnamese: None
) -> None:
    an = add_member(services, "Nguyễn Văn An")
    binh = add_member(services, "Trần Thị Bình")
    add_member(services, "Lê Văn Cường")
    add_member(services, "Phạm Văn Dũng")
    services.dues.save_setting(binh, date(2026, 2, 1), Category.SALARY, 8_450_000, None)
    services.dues.pay(an, date(2026, 10, 1), 9 * 11_100, Channel.CASH)  # both paid up to October
    services.dues.pay(binh, date(2026, 10, 1), 9 * 84_500, Channel.CASH)
    w = MainWindow(services, TaskRunner(), "vi")
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.roster_loaded, timeout=10000):
        w.show()
    with qtbot.waitSignal(w.dues_view.loaded, timeout=10000):
        click_tab(w.tabs, "Đảng phí")
    table, entry = w.dues_view.table, w.dues_view.entry

    find(w, "an")  # Nguyễn Văn An: November's 11.100 in cash
    key(table, Qt.Key.Key_C)
    assert line(w, "Nguyễn Văn An")[PAID] == "11.100 đ" and line(w, "Nguyễn Văn An")[STATE] == "Đã đóng đủ"

    find(w, "tran thi binh")  # Bình: 1 % of 8.450.000, online through the public-service portal
    key(table, Qt.Key.Key_T)
    assert line(w, "Trần Thị Bình")[PAID] == "84.500 đ (trực tuyến)" and line(w, "Trần Thị Bình")[OWED] == "0 đ"

    find(w, "cuong")  # Cường: a part, typed as an amount straight on the list
    type_text(table, "5")
    assert QApplication.focusWidget() is entry and entry.text() == "5"
    type_text(entry, "000")
    key(entry, Qt.Key.Key_Return)
    assert line(w, "Lê Văn Cường")[PAID] == "5.000 đ" and line(w, "Lê Văn Cường")[STATE] == "Đóng một phần"
    assert QApplication.focusWidget() is table

    find(w, "dung")  # Dũng: not paid, with the reason
    key(table, Qt.Key.Key_K)
    assert QApplication.focusWidget() is entry
    type_text(entry, "Ốm nằm viện")
    key(entry, Qt.Key.Key_Return)
    assert line(w, "Phạm Văn Dũng")[STATE] == "Không đóng: Ốm nằm viện"

    # Cường's 5.000 was a mistake: Ctrl+Z undoes it by a reversing entry, after saying what and asking why.
    find(w, "cuong")
    asked: list[str] = []

    def give_the_reason(dialog: QWidget) -> None:
        asked.extend(label.text() for label in dialog.findChildren(QLabel))
        box = dialog.findChild(QLineEdit)
        assert box is not None
        type_text(box, "Ghi nhầm người")
        key(box, Qt.Key.Key_Return)

    with answering_modal(give_the_reason):
        key(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert any("đã đóng 5.000 đ" in text and "Lê Văn Cường" in text for text in asked)
    assert line(w, "Lê Văn Cường")[PAID] == "" and line(w, "Lê Văn Cường")[STATE] == "Chưa đóng"
    assert w.dues_view.totals.text().startswith("11/2026: đã thu 95.600 đ")  # 11.100 + 84.500; 5.000 undone

    with qtbot.waitSignal(w.printing.preview_ready, timeout=30000) as signal:
        click_button(w.dues_view, "In sổ đảng phí…")
    text = " ".join(page.extract_text() for page in PdfReader(signal.args[0].pdf).pages)
    assert "SỔ THU, NỘP ĐẢNG PHÍ NĂM 2026" in text and "Tháng 11/2026" in text
    assert "95.600" in text and "không đóng: Ốm nằm viện" in text and "đóng qua Cổng DVC" in text
    journal = services.dues.journal(2026)
    assert [e.note for e in journal if e.reverses is not None] == ["Ghi nhầm người"]
