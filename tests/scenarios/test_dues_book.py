"""The dues book as a secretary meets it, through the real window with clicks and keys: a branch set up today
counts its dues from this month (the months before were collected on paper) and the tab says so and where to
change it; an undo the upper level's handover forbids is refused before the reason is asked; a long reason for
not paying is read whole; the rules screen reads in words and a clicked rule comes into the form."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QInputDialog, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from chibo_desktop.app import first_run_setup
from chibo_desktop.domain.dues import Channel
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import Database
from chibo_desktop.ui.dues_model import ARREARS, NAME, OWED, PAID, STATE
from chibo_desktop.ui.main_window import MainWindow
from chibo_desktop.ui.rules_dialog import RulesDialog
from chibo_desktop.ui.tasks import TaskRunner
from tests.helpers.gui import (
    answering_modal,
    choose_menu,
    click,
    click_row,
    click_tab,
    field,
    find_button,
    find_row,
    key,
    new_window,
    row_texts,
    type_into,
    type_text,
    windows,
)
from tests.helpers.members import add_member
from tests.helpers.popups import answer

NOVEMBER = date(2026, 11, 1)
BOOK_START_RULE = "Tháng đầu tiên ghi sổ đảng phí trong chương trình (các tháng trước ghi trên sổ giấy)"
RULE, VALUE = 0, 1
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing")


def open_dues(qtbot: QtBot, services: Services, language: str = "vi") -> MainWindow:
    window = MainWindow(services, TaskRunner(), language)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.roster_loaded, timeout=10000):
        window.show()
    with qtbot.waitSignal(window.dues_view.loaded, timeout=10000):
        click_tab(window.tabs, "Đảng phí" if language == "vi" else "Party dues")
    return window


def column(window: MainWindow, which: int) -> list[str]:
    return row_texts(window.dues_view.table, which)


def open_rules(qtbot: QtBot, window: MainWindow, menu: str = "Tệp", item: str = "Quy định và ngưỡng…") -> RulesDialog:
    before = windows()
    choose_menu(window, menu, item)
    return new_window(qtbot, RulesDialog, before)


def test_a_branch_set_up_today_counts_its_dues_from_this_month(qtbot: QtBot, db: Database, vietnamese: None) -> None:
    services = Services.build(db)

    def set_up(dialog: QWidget) -> None:
        type_into(field(dialog, "Tên chi bộ"), "Chi bộ ấp Bảy")
        type_into(field(dialog, "Cấp trên trực tiếp"), "Đảng ủy xã Tân Hùng")
        type_into(field(dialog, "Địa danh trên văn bản"), "Tân Hùng")
        type_into(field(dialog, "Các tổ đảng hoặc ấp"), "Tổ 1")
        click(find_button(dialog, "Lưu"))

    with answering_modal(set_up):
        assert first_run_setup(services)
    for name in ("Huỳnh Thị Ngọc Ánh", "Võ Minh Đức", "Phạm Thị Hoa"):
        add_member(services, name)
    window = open_dues(qtbot, services)

    # Set up on 22/11/2026: November is the book's first month; February to October were on paper.
    assert column(window, ARREARS) == ["", "", ""]
    assert column(window, OWED) == ["11.100 đ"] * 3
    assert window.dues_view.flags.toPlainText() == "Không có gì."  # nobody is proposed for removal
    note = window.dues_view.book_note.text()
    assert "Sổ đảng phí ghi trong chương trình từ tháng 11/2026" in note
    assert "Tệp → Quy định và ngưỡng" in note and BOOK_START_RULE in note

    # The book started on paper later than that, in fact: the rule the note names is changed where it says.
    rules = open_rules(qtbot, window)
    row = find_row(rules.table, VALUE, lambda text: text == "11/2026")
    click_row(rules.table, row, RULE)
    assert rules.key.currentText() == BOOK_START_RULE
    value = field(rules, "Giá trị mới")
    assert value.text() == "11/2026"  # type: ignore[attr-defined]
    type_into(value, "09/2026")
    with qtbot.waitSignal(window.dues_view.loaded, timeout=10000):
        click(find_button(rules, "Áp dụng"))
    assert "09/2026" in row_texts(rules.table, VALUE)
    click(find_button(rules, "Đóng"))
    assert not rules.isVisible()
    assert column(window, ARREARS) == ["22.200 đ"] * 3  # September and October, now in the book
    assert "từ tháng 09/2026" in window.dues_view.book_note.text()


def test_an_undo_the_handover_forbids_is_refused_before_the_reason_is_asked(
    qtbot: QtBot, services: Services, vietnamese: None
) -> None:
    lan = add_member(services, "Trần Thị Lan")
    hoa = add_member(services, "Phạm Thị Hoa")
    services.dues.pay(lan, NOVEMBER, 11_100, Channel.CASH)
    services.dues.pay(hoa, NOVEMBER, 11_100, Channel.CASH)
    services.dues.hand_over(NOVEMBER, services.dues.sheet(NOVEMBER).totals.to_pay_up)
    window = open_dues(qtbot, services)
    table = window.dues_view.table
    click_row(table, find_row(table, NAME, lambda name: name == "Trần Thị Lan"), NAME)

    seen: list[QWidget] = []
    said: list[str] = []

    def read_and_close(box: QWidget) -> None:
        seen.append(box)
        said.extend(label.text() for label in box.findChildren(QLabel))
        answer(box, "Đồng ý")

    with answering_modal(read_and_close):
        key(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(seen[0], QMessageBox) and not isinstance(seen[0], QInputDialog)  # no reason was asked
    assert any("Hãy đảo khoản nộp cấp trên trước" in text for text in said), said
    assert QApplication.activeModalWidget() is None
    assert not [e for e in services.dues.journal(2026) if e.reverses is not None]
    assert column(window, PAID)[column(window, NAME).index("Trần Thị Lan")] == "11.100 đ"  # still paid


def test_a_long_reason_for_not_paying_is_read_whole_at_1366_px(
    qtbot: QtBot, services: Services, vietnamese: None
) -> None:
    for name in ("Huỳnh Thị Ngọc Ánh", "Nguyễn Văn Hùng", "Lê Văn Tâm"):
        add_member(services, name)
    window = open_dues(qtbot, services)
    table = window.dues_view.table
    click_row(table, find_row(table, NAME, lambda name: name == "Lê Văn Tâm"), NAME)
    key(table, Qt.Key.Key_K)
    type_text(window.dues_view.entry, "Đang điều trị bệnh dài ngày tại bệnh viện tỉnh")
    key(window.dues_view.entry, Qt.Key.Key_Return)

    row = column(window, NAME).index("Lê Văn Tâm")
    index = table.model().index(row, STATE)
    text = index.data()
    assert text == "Không đóng: Đang điều trị bệnh dài ngày tại bệnh viện tỉnh"
    assert window.width() <= 1366
    cell = table.visualRect(index).adjusted(3, 0, -3, 0)  # less the item's margins
    painted = table.fontMetrics().boundingRect(cell, int(Qt.TextFlag.TextWordWrap), text)
    assert cell.contains(painted), f"the state is cut off: {painted} does not fit in {cell}"
    assert index.data(Qt.ItemDataRole.ToolTipRole) == text


def test_the_rules_read_in_words_and_a_clicked_rule_fills_the_form(
    qtbot: QtBot, services: Services, vietnamese: None
) -> None:
    window = open_dues(qtbot, services)
    rules = open_rules(qtbot, window)
    labels, values = row_texts(rules.table, RULE), row_texts(rules.table, VALUE)
    shown = dict(zip(labels, values, strict=True))
    assert not [v for v in values if v.startswith(("{", "[")) or v in ("True", "False")], values
    assert shown["Tính đảng viên tạm vắng vào số phải dự"] == "Không"
    assert shown["Đánh giá hằng năm: điểm thấp nhất của từng mức (thang 100)"] == (
        "Hoàn thành xuất sắc nhiệm vụ ≥ 90, Hoàn thành tốt nhiệm vụ ≥ 70, Hoàn thành nhiệm vụ ≥ 50"
    )
    assert shown["Vùng lương tối thiểu của địa bàn chi bộ (1 = vùng I … 4 = vùng IV)"] == "Vùng IV"
    assert "nearest" not in " ".join(labels) and "Làm tròn đến 100 đ gần nhất" in values
    layout = find_row(rules.table, RULE, lambda text: text.startswith("Văn bản in"))
    cell = rules.table.item(layout, VALUE)
    assert cell.text().startswith("Lề trên 20 mm, lề dưới 20 mm, lề trái 30 mm")
    assert cell.toolTip() == cell.text()

    # A click on a rule puts it, and its value as typed, in the form below.
    combo = rules.key
    assert isinstance(combo, QComboBox)
    party_age = find_row(rules.table, RULE, lambda text: text == "Số năm tuổi Đảng được miễn đóng đảng phí")
    click_row(rules.table, party_age, VALUE)
    value = field(rules, "Giá trị mới")
    assert combo.currentText() == "Số năm tuổi Đảng được miễn đóng đảng phí" and value.text() == "50"  # type: ignore[attr-defined]
    away = find_row(rules.table, RULE, lambda text: text == "Tính đảng viên tạm vắng vào số phải dự")
    click_row(rules.table, away, RULE)
    assert combo.currentText() == "Tính đảng viên tạm vắng vào số phải dự" and value.text() == "không"  # type: ignore[attr-defined]
    # A rule made of parts is typed in its stored form: the line below says what the text typed means.
    rounding = find_row(rules.table, VALUE, lambda text: text == "Làm tròn đến 100 đ gần nhất")
    click_row(rules.table, rounding, RULE)
    meaning = rules.meaning
    assert value.text().startswith("{") and meaning.text() == "Nghĩa là: Làm tròn đến 100 đ gần nhất"  # type: ignore[attr-defined]
    type_into(value, '{"step": 1000, "mode": "nearest"}')
    assert meaning.text() == "Nghĩa là: Làm tròn đến 1.000 đ gần nhất"
    type_into(value, '{"step": 1000, "mode": "gần nhất"}')
    assert meaning.text().startswith("Chưa phải giá trị của quy định này")
    click_row(rules.table, away, RULE)
    # What was typed and not added is kept when another rule is clicked.
    type_into(value, "có")
    click_row(rules.table, party_age, RULE)
    assert combo.currentText() == "Số năm tuổi Đảng được miễn đóng đảng phí" and value.text() == "có"  # type: ignore[attr-defined]
    # The value in force, clicked and applied unchanged, adds no second row: the form says why.
    rows = rules.table.rowCount()
    away = find_row(rules.table, RULE, lambda text: text == "Tính đảng viên tạm vắng vào số phải dự")
    key(value, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    key(value, Qt.Key.Key_Delete)
    click_row(rules.table, away, VALUE)
    click(find_button(rules, "Áp dụng"))
    assert rules.table.rowCount() == rows and value.text() == "không"  # type: ignore[attr-defined]
    assert rules.message.text().startswith("Quy định này đã có giá trị này vào ngày")
    assert len(services.rules.book().history("meeting.away_counts_as_required")) == 1
    click_row(rules.table, party_age, RULE)
    type_into(value, "55")
    click(find_button(rules, "Áp dụng"))
    assert "55" in row_texts(rules.table, VALUE)
    assert services.rules.book().get("dues.exempt_party_years", date(2026, 11, 22)) == 55
    click(find_button(rules, "Đóng"))
    assert not rules.isVisible()


def test_the_rules_read_in_english_too(qtbot: QtBot, services: Services) -> None:
    window = open_dues(qtbot, services, "en")
    rules = open_rules(qtbot, window, "File", "Rules and thresholds…")
    shown = dict(zip(row_texts(rules.table, RULE), row_texts(rules.table, VALUE), strict=True))
    assert shown["Count temporarily away members as required to attend"] == "No"
    assert shown["Yearly review: the lowest points of each level (out of 100)"].startswith(
        "Excellently completed duties ≥ 90"
    )
    assert shown["First month of the dues book kept in the app (earlier months were on paper)"] == "02/2026"
    click(find_button(rules, "Close"))
