"""Sending the data to the upper level, driven through the main window: the message under the form names what
is still missing and follows the fields as they are filled in."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import open_database
from chibo_desktop.ui.exchange_dialogs import ExportDialog
from tests.helpers.days import CLOCK
from tests.helpers.demo import demo_window
from tests.helpers.gui import choose_menu, click, click_button, field, key, new_window, type_into, windows

PASS = "mat-khau-chi-bo"


def test_the_message_names_what_is_missing_and_goes_once_it_is_filled_in(
    qtbot: QtBot, services: Services, tmp_path: Path, vietnamese: None
) -> None:
    window = demo_window(qtbot, services, members=8)
    before = windows()
    choose_menu(window, "Trao đổi dữ liệu", "Gửi dữ liệu lên cấp trên…")
    dialog = new_window(qtbot, ExportDialog, before)
    qtbot.addWidget(dialog)
    folder = field(dialog, "Ghi vào")
    click(folder)  # whatever drive this computer offers first: the secretary empties the field
    key(folder, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    key(folder, Qt.Key.Key_Delete)
    assert dialog.by_passphrase.isChecked()  # the way of locking is chosen already: it is not what is missing

    click_button(dialog, "Ghi gói dữ liệu")
    message = dialog.message
    assert isinstance(message, QLabel) and message.isVisible()
    assert message.text().splitlines() == [
        "Hãy chọn nơi ghi gói: ổ USB, hoặc một thư mục (Chọn thư mục…).",
        "Hãy gõ mật khẩu (ít nhất 8 ký tự), rồi gõ lại ở ô bên dưới.",
    ]

    stick = tmp_path / "usb"
    stick.mkdir()
    type_into(folder, str(stick))
    assert message.text() == "Hãy gõ mật khẩu (ít nhất 8 ký tự), rồi gõ lại ở ô bên dưới."
    type_into(field(dialog, "Mật khẩu"), PASS)
    assert message.text() == "Hãy gõ lại mật khẩu ở ô “Nhập lại”."
    type_into(field(dialog, "Nhập lại"), PASS[:-1])
    assert message.text() == "Hai lần nhập mật khẩu khác nhau. Hãy nhập lại."
    type_into(field(dialog, "Nhập lại"), PASS)
    assert message.text() == ""
    assert list(stick.iterdir()) == []  # nothing written until asked

    click_button(dialog, "Ghi gói dữ liệu")
    qtbot.waitUntil(lambda: message.text().startswith("Đã ghi"), timeout=30000)
    assert [p.suffix for p in stick.iterdir()] == [".chibo"]


def test_the_upper_levels_key_pasted_once_is_offered_the_next_month(
    qtbot: QtBot, services: Services, tmp_path: Path, vietnamese: None
) -> None:
    upper = tmp_path / "upper"
    upper.mkdir()
    upper_key = Services.build(open_database(upper / "upper.sqlite", clock=CLOCK)).exchange.keys().encryption_public
    window = demo_window(qtbot, services, members=8)
    stick = tmp_path / "usb"
    stick.mkdir()

    def send(paste: bool) -> None:
        before = windows()
        choose_menu(window, "Trao đổi dữ liệu", "Gửi dữ liệu lên cấp trên…")
        dialog = new_window(qtbot, ExportDialog, before)
        qtbot.addWidget(dialog)
        type_into(field(dialog, "Ghi vào"), str(stick))
        lock = field(dialog, "Khóa của cấp trên")
        if paste:
            assert dialog.by_passphrase.isChecked() and lock.text() == ""  # type: ignore[attr-defined]
            click(dialog.by_key)
            type_into(lock, upper_key)
        else:  # nothing typed but the stick: the key of last time is there, chosen
            assert dialog.by_key.isChecked() and lock.text() == upper_key  # type: ignore[attr-defined]
        click_button(dialog, "Ghi gói dữ liệu")
        qtbot.waitUntil(lambda: dialog.message.text().startswith("Đã ghi"), timeout=30000)
        click_button(dialog, "Đóng")

    send(paste=True)
    send(paste=False)
    assert len(list(stick.glob("*.chibo"))) == 2
    for written in stick.glob("*.chibo"):
        assert written.read_bytes().split(b"\n", 2)[1].startswith(b'{"enc":"hpke"')  # locked to the key, both
