"""A branch writes its package to a stick through the dialog; the upper level checks, then imports it."""

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from chibo_desktop.domain.organisation import OrganisationSetup
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services.changes import Change
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import open_database
from chibo_desktop.ui.exchange_dialogs import ExportDialog, KeysDialog, PackagesDialog
from chibo_desktop.ui.tasks import TaskRunner
from tests.helpers.days import CLOCK, TODAY
from tests.helpers.pdf import flat, pdf_text


def click(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())


def answer_fingerprint(button: str, seen: list[str]) -> None:
    """When the question about a new key comes up, note its text and click *button* ("matches" or "differs")."""

    def act() -> None:
        box = QApplication.activeModalWidget()
        if box is None or box.objectName() != "compare_fingerprint":
            QTimer.singleShot(20, act)
            return
        seen.append(box.findChild(QWidget, "qt_msgbox_label").text())  # type: ignore[union-attr, attr-defined]
        found = box.findChild(QAbstractButton, button)
        assert found is not None
        click(found)

    QTimer.singleShot(0, act)


def test_send_and_take_in_a_package(qtbot: QtBot, tmp_path: Path, vietnamese: None) -> None:
    today = TODAY
    branch_db = open_database(tmp_path / "branch.sqlite", clock=CLOCK)
    write_demo(branch_db, members=25, seed=8, today=today, meeting_years=1)
    branch = Services.build(branch_db)
    upper = Services.build(open_database(tmp_path / "upper.sqlite", clock=CLOCK))
    upper.organisation.save(OrganisationSetup("Đảng ủy xã Tân Hùng", "Tỉnh ủy Cà Mau", "Tân Hùng", ()))
    stick = tmp_path / "usb"
    stick.mkdir()
    tasks = TaskRunner()

    keys = KeysDialog(upper.exchange)
    qtbot.addWidget(keys)
    export = ExportDialog(branch.exchange, tasks)
    qtbot.addWidget(export)
    export.folder.setEditText(str(stick))
    export.by_key.setChecked(True)
    export.key.setText(keys.key.text())
    export.export_button.click()
    qtbot.waitUntil(lambda: export.result is not None, timeout=10000)
    assert "có thể rút ổ an toàn" in export.message.text()

    changes: list[Change] = []
    packages = PackagesDialog(upper.exchange, changes.append, tasks)
    qtbot.addWidget(packages)
    packages.set_paths([stick])
    packages.preview_button.click()
    qtbot.waitUntil(lambda: packages.table.item(0, 5).text() == "Sẵn sàng nhập", timeout=10000)
    assert "so sánh qua điện thoại" in packages.table.item(0, 3).text()
    assert upper.members.roster().rows == ()  # the check wrote nothing

    questions: list[str] = []
    answer_fingerprint("differs", questions)  # the secretary reads out other characters: nothing is taken in
    click(packages.import_button)
    qtbot.waitUntil(lambda: bool(changes), timeout=10000)
    fingerprint = branch.exchange.keys().signing_fingerprint
    assert fingerprint in questions[0] and "gói đầu tiên" in questions[0]
    assert "so sánh từng ký tự" in packages.table.item(0, 5).text()
    assert upper.members.roster().rows == ()

    click(packages.preview_button)
    qtbot.waitUntil(lambda: packages.import_button.isEnabled(), timeout=10000)
    answer_fingerprint("matches", questions)
    changes.clear()
    click(packages.import_button)
    qtbot.waitUntil(lambda: bool(changes), timeout=10000)
    receipt_name = next(stick.glob("*.chibo-ack")).name
    assert packages.table.item(0, 5).text() == f"Đã nhập; đã ghi giấy báo nhận cho chi bộ bên cạnh gói: {receipt_name}"
    assert "so sánh" not in packages.table.item(0, 3).text()  # registered now: nothing left to compare
    assert len(upper.members.roster().rows) == len(branch.members.roster().rows)

    # Another branch's package travels on the same stick: it is not for this branch, and is not listed to it.
    other_db = open_database(tmp_path / "other.sqlite", clock=CLOCK)
    write_demo(other_db, members=6, seed=9, today=today, meeting_years=1)
    other = Services.build(other_db)
    other.exchange.export(stick, passphrase="mat-khau-chi-bo")
    other.db.close()

    # The stick comes back: the branch takes in the receipt once it has compared the upper level's fingerprint.
    receipts = PackagesDialog(branch.exchange, changes.append, tasks, committee=False)
    qtbot.addWidget(receipts)
    receipts.set_paths([stick])
    click(receipts.preview_button)
    qtbot.waitUntil(lambda: receipts.import_button.isEnabled(), timeout=10000)
    assert receipts.table.rowCount() == 1  # the receipt alone, not the other branch's package
    assert receipts.table.item(0, 0).text().endswith(".chibo-ack") and branch.exchange.last_receipt() is None
    answer_fingerprint("matches", questions)
    changes.clear()
    click(receipts.import_button)
    qtbot.waitUntil(lambda: bool(changes), timeout=10000)
    assert upper.exchange.keys().signing_fingerprint in questions[-1] and "giấy báo nhận đầu tiên" in questions[-1]
    assert receipts.table.item(0, 5).text() == "Gói số 1 đã được Đảng ủy xã Tân Hùng nhận ngày 22/11/2026."
    assert branch.exchange.last_receipt() == (1, "2026-11-22", "Đảng ủy xã Tân Hùng")


def test_the_report_of_all_branches_in_the_app(qtbot: QtBot, tmp_path: Path, vietnamese: None) -> None:
    from chibo_desktop.ui.main_window import MainWindow

    today = TODAY
    branch_db = open_database(tmp_path / "branch.sqlite", clock=CLOCK)
    write_demo(branch_db, members=20, seed=12, today=today, meeting_years=1)
    branch = Services.build(branch_db)
    upper = Services.build(open_database(tmp_path / "upper.sqlite", clock=CLOCK))
    upper.organisation.save(OrganisationSetup("Đảng ủy xã Tân Hùng", "Tỉnh ủy Cà Mau", "Tân Hùng", ()))
    sent = branch.exchange.export(tmp_path, passphrase="mat-khau-chi-bo").path
    trusted = {branch.exchange.keys().signing_fingerprint}  # compared by phone
    assert upper.exchange.import_file(sent, "mat-khau-chi-bo", trusted=trusted).accepted
    window = MainWindow(upper, TaskRunner(), "vi")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.printing.preview_ready, timeout=20000) as signal:
        window.printing.print_consolidated("2026")
    text = flat(pdf_text(signal.args[0].pdf))  # the whole report: the packages are spoken of under its 2nd table
    assert "BÁO CÁO TỔNG HỢP CÁC CHI BỘ" in text and branch.organisation.require().branch_name in text
    name = branch.organisation.require().branch_name  # its data reaches 22/11: the year is not over
    assert f"Chưa gửi dữ liệu đến ngày cuối kỳ (31/12/2026): {name}." in text


def test_the_report_of_all_branches_to_excel(qtbot: QtBot, tmp_path: Path, vietnamese: None) -> None:
    from openpyxl import load_workbook

    from chibo_desktop.ui.main_window import MainWindow

    today = TODAY
    branch_db = open_database(tmp_path / "branch.sqlite", clock=CLOCK)
    write_demo(branch_db, members=20, seed=15, today=today, meeting_years=1)
    branch = Services.build(branch_db)
    upper = Services.build(open_database(tmp_path / "upper.sqlite", clock=CLOCK))
    upper.organisation.save(OrganisationSetup("Đảng ủy xã Tân Hùng", "Tỉnh ủy Cà Mau", "Tân Hùng", ()))
    sent = branch.exchange.export(tmp_path, passphrase="mat-khau-chi-bo").path
    trusted = {branch.exchange.keys().signing_fingerprint}  # compared by phone
    assert upper.exchange.import_file(sent, "mat-khau-chi-bo", trusted=trusted).accepted
    window = MainWindow(upper, TaskRunner(), "vi")
    qtbot.addWidget(window)
    target = tmp_path / "tong-hop.xlsx"
    with qtbot.waitSignal(window.printing.print_finished, timeout=20000):
        window.printing.export_consolidated("2026-Q4", target)
    sheet = load_workbook(target).active
    assert sheet is not None and sheet["A1"].value == "Chi bộ" and sheet["A3"].value == "Toàn đảng bộ"
    assert sheet["A2"].value == branch.organisation.require().branch_name


def test_the_first_use_of_a_committee_file_shows_its_figures_being_prepared(
    qtbot: QtBot, tmp_path: Path, vietnamese: None
) -> None:
    """A file taken in by an older version keeps no figures of its branches: the report's progress window says at
    once that they are being prepared (about ten seconds at 10,000 members), then counts the branches."""
    from pypdf import PdfReader

    from chibo_desktop.ui.main_window import MainWindow
    from tests.helpers.databases import connect

    branch_db = open_database(tmp_path / "branch.sqlite", clock=CLOCK)
    write_demo(branch_db, members=20, seed=16, today=TODAY, meeting_years=1)
    branch = Services.build(branch_db)
    upper = Services.build(open_database(tmp_path / "upper.sqlite", clock=CLOCK))
    upper.organisation.save(OrganisationSetup("Đảng ủy xã Tân Hùng", "Tỉnh ủy Cà Mau", "Tân Hùng", ()))
    sent = branch.exchange.export(tmp_path, passphrase="mat-khau-chi-bo").path
    trusted = {branch.exchange.keys().signing_fingerprint}
    assert upper.exchange.import_file(sent, "mat-khau-chi-bo", trusted=trusted).accepted
    with connect(upper.db) as conn:  # as an older version left it
        conn.execute("DELETE FROM unit_figures")
    window = MainWindow(upper, TaskRunner(), "vi")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.printing.preview_ready, timeout=20000) as signal:
        window.printing.print_consolidated("2026")
        progress = window.printing.progress_window
        assert progress.labelText() == "Đang chuẩn bị số liệu các chi bộ cho lần dùng đầu tiên: đơn vị 1/1…"
        assert progress.maximum() == 2  # the unit worked out, then the branch added up
    text = " ".join(PdfReader(signal.args[0].pdf).pages[0].extract_text().split())
    assert branch.organisation.require().branch_name in text
    signal.args[0].close()
    with qtbot.waitSignal(window.printing.preview_ready, timeout=20000):
        window.printing.print_consolidated("2026")  # kept now: straight to the branches
        assert window.printing.progress_window.labelText() == "Đang cộng chi bộ 1/1…"
        assert window.printing.progress_window.maximum() == 1


def test_the_keys_window_shows_the_whole_key_and_says_it_was_copied(
    qtbot: QtBot, tmp_path: Path, vietnamese: None
) -> None:
    from PySide6.QtWidgets import QApplication, QLineEdit

    from chibo_desktop.domain.organisation import Level
    from chibo_desktop.ui.main_window import MainWindow
    from tests.helpers.gui import choose_menu, click_button, new_window, windows

    upper = Services.build(open_database(tmp_path / "upper.sqlite", clock=CLOCK))
    upper.organisation.save(OrganisationSetup("Đảng ủy xã Tân Hùng", "Tỉnh ủy Cà Mau", "Tân Hùng", (), Level.COMMITTEE))
    window = MainWindow(upper, TaskRunner(), "vi")
    qtbot.addWidget(window)
    window.show()
    before = windows()
    choose_menu(window, "Trao đổi dữ liệu", "Khóa của máy này…")
    keys = new_window(qtbot, KeysDialog, before)
    shown = keys.findChild(QLineEdit)
    assert shown is not None and shown.isVisible()
    assert shown.text() == upper.exchange.keys().encryption_public
    assert shown.width() >= shown.fontMetrics().horizontalAdvance(shown.text())  # all of it in view
    click_button(keys, "Sao chép khóa")
    assert QApplication.clipboard().text() == shown.text()
    assert keys.message.text().startswith("Đã chép khóa.")
    click_button(keys, "Đóng")


def test_a_branchs_keys_window_shows_its_fingerprint_alone(qtbot: QtBot, tmp_path: Path, vietnamese: None) -> None:
    from chibo_desktop.ui.main_window import MainWindow
    from tests.helpers.gui import button_texts, choose_menu, new_window, windows

    db = open_database(tmp_path / "branch.sqlite", clock=CLOCK)
    write_demo(db, members=5, seed=4, today=TODAY, meeting_years=1)
    branch = Services.build(db)
    window = MainWindow(branch, TaskRunner(), "vi")
    qtbot.addWidget(window)
    window.show()
    before = windows()
    choose_menu(window, "Trao đổi dữ liệu", "Khóa của máy này…")
    keys = new_window(qtbot, KeysDialog, before)
    labels = [label.text() for label in keys.findChildren(QLabel) if label.isVisible()]
    assert branch.exchange.keys().signing_fingerprint in labels
    assert not [text for text in labels if "khóa gói" in text]  # nothing about branches locking packages to it
    assert "Sao chép khóa" not in button_texts(keys)


def test_the_send_and_take_in_windows_call_the_receipt_by_one_word(
    qtbot: QtBot, tmp_path: Path, vietnamese: None
) -> None:
    """The upper level's receipt (a .chibo-ack file) is "giấy báo nhận" in the window that sends the package and in
    the one that takes the receipt in, and in every Vietnamese message about it: never "biên nhận" beside it."""
    branch_db = open_database(tmp_path / "branch.sqlite", clock=CLOCK)
    write_demo(branch_db, members=5, seed=8, today=TODAY, meeting_years=1)
    branch = Services.build(branch_db)
    tasks = TaskRunner()
    send = ExportDialog(branch.exchange, tasks)
    take_in = PackagesDialog(branch.exchange, lambda _change: None, tasks, committee=False)
    for dialog in (send, take_in):
        qtbot.addWidget(dialog)
        dialog.show()

    def said(dialog: QWidget) -> str:
        texts = [dialog.windowTitle()]
        texts += [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
        texts += [button.text() for button in dialog.findChildren(QAbstractButton) if button.isVisible()]
        return " ".join(texts).replace("&", "").lower()

    assert "chưa có giấy báo nhận của cấp trên" in said(send)  # no receipt taken in yet
    assert "giấy báo nhận" in said(take_in)
    assert "biên nhận" not in said(send) + said(take_in)
    vietnamese_catalog = (Path(__file__).parents[2] / "i18n" / "chibo_vi.ts").read_text(encoding="utf-8")
    assert "biên nhận" not in vietnamese_catalog.lower()  # the refusals of a wrong receipt included
