"""Back at the branch, the upper level's receipt is taken in from the stick through the dialog, with clicks: the
dialog speaks of the receipt (not of branches' packages), and checks what was picked at once."""

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from chibo_desktop.domain.organisation import OrganisationSetup
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services.changes import Change
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import open_database
from chibo_desktop.ui.exchange_dialogs import ExportDialog, PackagesDialog
from chibo_desktop.ui.main_window import MainWindow
from chibo_desktop.ui.tasks import TaskRunner
from tests.helpers.days import CLOCK, TODAY
from tests.helpers.gui import (
    button_texts,
    choose_menu,
    click_button,
    field,
    find_button,
    new_window,
    type_into,
    windows,
)
from tests.helpers.popups import answer, on_next_modal, pick_in_file_dialog

PASS = "mat-khau-chi-bo"


def test_the_branch_takes_in_the_upper_levels_receipt(qtbot: QtBot, tmp_path: Path, vietnamese: None) -> None:
    branch_db = open_database(tmp_path / "branch.sqlite", clock=CLOCK)
    write_demo(branch_db, members=12, seed=3, today=TODAY, meeting_years=1)
    branch = Services.build(branch_db)
    upper = Services.build(open_database(tmp_path / "upper.sqlite", clock=CLOCK))
    upper.organisation.save(OrganisationSetup("Đảng ủy xã Tân Hùng", "Tỉnh ủy Cà Mau", "Tân Hùng", ()))
    stick = tmp_path / "usb"
    stick.mkdir()
    package = branch.exchange.export(stick, passphrase=PASS).path
    trusted = {branch.exchange.keys().signing_fingerprint}  # the upper level compared it by phone
    receipt = Path(upper.exchange.import_file(package, PASS, trusted=trusted).receipt)  # signed on the stick
    assert receipt.name.endswith(".chibo-ack")

    tasks = TaskRunner()
    window = MainWindow(branch, tasks, "vi")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.meetings_loaded, timeout=20000):
        window.show()
    exchange_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Trao đổi dữ liệu")
    offered = [a.text().replace("&", "") for a in exchange_menu.actions() if a.isVisible() and a.text()]
    assert not [t for t in offered if "tổng hợp" in t]  # the report of a committee's branches: none here
    before = windows()
    choose_menu(window, "Trao đổi dữ liệu", "Nhận giấy báo nhận của cấp trên…")
    dialog = new_window(qtbot, PackagesDialog, before)
    changes: list[Change] = []
    window.changed.connect(changes.append)
    assert dialog.windowTitle() == "Nhận giấy báo nhận của cấp trên"
    assert dialog.note.text().startswith("Giấy báo nhận của cấp trên xác nhận")
    assert dialog.table.horizontalHeaderItem(1).text() == "Nơi gửi"
    assert "chi bộ" not in " ".join([dialog.windowTitle(), dialog.note.text(), *button_texts(dialog)])

    picked = on_next_modal(pick_in_file_dialog(qtbot, str(stick), receipt.name), QFileDialog)
    click_button(dialog, "Chọn giấy báo nhận…")
    assert picked, "no file dialog opened"
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == receipt.name  # listed at once
    # checked at once, without pressing "Kiểm tra"
    qtbot.waitUntil(lambda: "Đảng ủy xã Tân Hùng" in dialog.table.item(0, 5).text(), timeout=10000)
    assert dialog.table.item(0, 1).text() == "Đảng ủy xã Tân Hùng"
    assert branch.exchange.last_receipt() is None  # the check recorded nothing
    qtbot.waitUntil(find_button(dialog, "Ghi nhận").isEnabled, timeout=2000)

    asked: list[str] = []

    def compare(box: QWidget) -> None:  # the secretary reads the fingerprint out to the upper level: it matches
        asked.append(box.findChild(QLabel, "qt_msgbox_label").text())  # type: ignore[union-attr]
        answer(box, "Khớp: nhập")

    on_next_modal(compare, QMessageBox)
    click_button(dialog, "Ghi nhận")
    qtbot.waitUntil(lambda: bool(changes), timeout=10000)
    assert asked and upper.exchange.keys().signing_fingerprint in asked[0]
    assert dialog.table.item(0, 5).text() == "Gói số 1 đã được Đảng ủy xã Tân Hùng nhận ngày 22/11/2026."
    assert branch.exchange.last_receipt() == (1, "2026-11-22", "Đảng ủy xã Tân Hùng")

    click_button(dialog, "Đóng")

    # the send dialog says so from now on, and locks the next package to the key the receipt brought: no
    # passphrase to tell by phone, no key to type
    before = windows()
    choose_menu(window, "Trao đổi dữ liệu", "Gửi dữ liệu lên cấp trên…")
    export = new_window(qtbot, ExportDialog, before)
    qtbot.addWidget(export)
    assert "Đảng ủy xã Tân Hùng" in export.receipt.text() and "22/11/2026" in export.receipt.text()
    assert export.receipt.text().endswith(
        "Giấy báo nhận đã mang theo khóa của cấp trên (đã chọn ở trên): không cần mật khẩu."
    )
    assert (
        export.by_key.isChecked()
        and field(export, "Khóa của cấp trên").text() == upper.exchange.keys().encryption_public
    )
    month_after = tmp_path / "usb2"
    month_after.mkdir()
    type_into(field(export, "Ghi vào"), str(month_after))
    click_button(export, "Ghi gói dữ liệu")
    qtbot.waitUntil(lambda: export.message.text().startswith("Đã ghi"), timeout=30000)
    # nothing changed since the package the upper level confirmed: it carries no record, and says so
    assert export.message.text().endswith(
        "Gói chỉ mang những gì thay đổi từ sau gói số 1 mà cấp trên đã xác nhận: 0 hồ sơ thay đổi."
    ), export.message.text()
    (second,) = month_after.glob("*.chibo")
    taken = upper.exchange.import_file(second)  # opened with the upper level's own key, no passphrase asked
    assert taken.accepted and taken.sequence == 2, taken.reason
    assert not taken.counts.get("members")  # no member carried: none counted as taken in

    # when the upper level asks for everything again, one tick sends every record
    again = tmp_path / "usb3"
    again.mkdir()
    click_button(export, "Gửi toàn bộ hồ sơ (chỉ khi cấp trên đề nghị)")
    type_into(field(export, "Ghi vào"), str(again))
    click_button(export, "Ghi gói dữ liệu")
    qtbot.waitUntil(
        lambda: export.message.text().startswith("Đã ghi") and "số 3" in export.message.text(), timeout=30000
    )
    assert "thay đổi từ sau" not in export.message.text()
    (third,) = again.glob("*.chibo")
    whole = upper.exchange.import_file(third)
    assert whole.accepted and whole.counts["members"] == {"unchanged": len(branch.members.roster().rows)}, whole.counts
