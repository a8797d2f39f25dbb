"""Restoring a backup from the window: each copy says what it holds against the data open now, the copy written to a
USB stick is offered beside the automatic ones, a copy that holds less asks first and names what would be lost, and
the app says afterwards what it did."""

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from chibo_desktop.app import Application
from chibo_desktop.domain.clock import Clock
from chibo_desktop.domain.meetings import MeetingRecord
from chibo_desktop.services import backups
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import open_database
from chibo_desktop.ui.backup_dialogs import RestoreDialog, StickPassphraseDialog
from chibo_desktop.ui.i18n import LanguageSwitch
from chibo_desktop.ui.main_window import MainWindow
from tests.helpers.branch import SETUP
from tests.helpers.days import CLOCK
from tests.helpers.gui import answering_modal, choose_menu, click, click_button, click_row, key, row_texts, type_text
from tests.helpers.members import add_member
from tests.helpers.popups import answer, on_next_modal

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")  # offscreen

COLUMNS = {"taken": 0, "where": 1, "members": 3, "meetings": 4, "last_meeting": 5, "compared": 6, "state": 7}
STICK_PASSPHRASE = "mat-khau-usb-2026"


class Wall:
    """The office's clock, moved on by the test from one day's work to the next."""

    def __init__(self, at: datetime) -> None:
        self.at = at
        self.clock = Clock(lambda: self.at)


@pytest.fixture
def vietnamese() -> Iterator[LanguageSwitch]:
    switch = LanguageSwitch()  # the window rebuilds itself through it
    assert switch.use("vi")
    yield switch
    switch.use("en")  # its translator would outlive the test


def _application(services: Services, tmp_path: Path, switch: LanguageSwitch) -> Application:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return Application(app, services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), switch)


def _open_restore(qtbot: QtBot, application: Application) -> RestoreDialog:
    window = application.window
    assert window is not None
    choose_menu(window, "Tệp", "Khôi phục từ bản sao lưu…")
    dialog = window.findChild(RestoreDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.table.rowCount() >= 1, timeout=5000)
    return dialog


def _column(dialog: RestoreDialog, name: str) -> list[str]:
    return row_texts(dialog.table, COLUMNS[name])


def _close(application: Application) -> None:
    application.tasks.wait()
    application.daily.stop()
    application.services.db.close()


def test_restoring_a_copy_that_holds_less_names_what_would_be_lost_and_asks(
    qtbot: QtBot, tmp_path: Path, vietnamese: LanguageSwitch
) -> None:
    services = Services.build(open_database(tmp_path / "chibo.sqlite", tmp_path / "backups", clock=CLOCK))
    services.organisation.save(SETUP)
    add_member(services, "Nguyễn Thị Bích")
    taken = services.backups.backup_now()
    add_member(services, "Trần Văn Hùng")
    application = _application(services, tmp_path, vietnamese)
    first = application.open_window()  # replaced (and deleted) by the restore, so not handed to qtbot
    qtbot.waitUntil(lambda: first.roster_view.model.rowCount() == 2)

    dialog = _open_restore(qtbot, application)
    assert "Dữ liệu đang mở: 2 đảng viên" in dialog.now.text()
    assert _column(dialog, "members") == ["1"] and _column(dialog, "compared") == ["thiếu 1 đảng viên"]
    click_row(dialog.table, 0)
    assert "Khôi phục bản này sẽ làm mất: 1 đảng viên: Trần Văn Hùng" in dialog.preview.text()
    asked: list[str] = []

    def say_no(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box.text() + "\n" + box.informativeText())
        answer(box, "Không khôi phục")

    handled = on_next_modal(say_no, QMessageBox)
    click_button(dialog, "Khôi phục")
    qtbot.waitUntil(lambda: bool(handled))
    when = backups.inspect(taken).taken_at.strftime("%d/%m/%Y %H:%M")
    assert f"Bản sao lưu lúc {when} có ít hơn dữ liệu đang mở." in asked[0]
    assert "• 1 đảng viên: Trần Văn Hùng" in asked[0] and "được giữ lại" in asked[0]
    assert application.window is first and backups.inspect(services.db.path).members == 2  # nothing restored
    qtbot.waitUntil(dialog.restore_button.isEnabled)  # it may be asked again

    told: list[str] = []

    def say_yes(box: QWidget) -> None:
        def tell(done: QWidget) -> None:
            assert isinstance(done, QMessageBox)
            told.append(done.text() + "\n" + done.informativeText())
            answer(done, "Đồng ý")

        on_next_modal(tell, QMessageBox)  # the word after the restore, in the new window
        answer(box, "Vẫn khôi phục")

    on_next_modal(say_yes, QMessageBox)
    click_button(dialog, "Khôi phục")
    qtbot.waitUntil(lambda: bool(told), timeout=10000)
    restored = application.window
    assert restored is not None and restored is not first
    qtbot.addWidget(restored)
    qtbot.waitUntil(lambda: restored.roster_view.model.rowCount() == 1)
    assert "Đã khôi phục" in told[0] and when in told[0] and "1 đảng viên" in told[0]
    kept = [p for p in application.services.backups.folder.iterdir() if "before-restore" in p.name]
    assert len(kept) == 1 and kept[0].name in told[0]
    _close(application)


def _copy_to_stick(qtbot: QtBot, window: MainWindow, stick: Path) -> None:
    """Tệp → Sao lưu ra thư mục hoặc USB…: the stick's folder pasted into Qt's folder dialog, the passphrase typed
    twice; the word that the copy was read back, answered."""

    def lock(dialog: QWidget) -> None:
        assert isinstance(dialog, StickPassphraseDialog)
        type_text(dialog.passphrase, STICK_PASSPHRASE)
        type_text(dialog.repeat, STICK_PASSPHRASE)
        click(dialog.ok_button)

    def pick_the_stick(dialog: QWidget) -> None:
        on_next_modal(lock, StickPassphraseDialog)
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        click(name)
        QApplication.clipboard().setText(str(stick))
        key(name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        key(name, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        key(name, Qt.Key.Key_Return)

    with qtbot.waitSignal(window.backup.finished, timeout=30000), answering_modal(pick_the_stick):
        choose_menu(window, "Tệp", "Sao lưu ra thư mục hoặc USB…")
    told = [b for b in QApplication.topLevelWidgets() if isinstance(b, QMessageBox) and b.isVisible()]
    assert told and "đọc lại kiểm tra" in told[0].text()
    click(told[0].button(QMessageBox.StandardButton.Ok))


def test_a_new_branch_sees_the_empty_start_up_copy_for_what_it_is_and_finds_its_usb_copy(
    qtbot: QtBot, tmp_path: Path, vietnamese: LanguageSwitch
) -> None:
    """The branch is set up on 02/11 and the app's copy at start holds nothing yet; the members and two meetings
    are entered in November and the secretary copies the records to a USB stick on 30/11. The restore window
    offers that copy, first, saying what it holds; the start-up copy says it lacks everything, and restoring it
    asks, naming who and what would be lost, with "do not restore" as the answer Enter gives."""
    wall = Wall(datetime(2026, 11, 2, 8, 0))
    services = Services.build(open_database(tmp_path / "chibo.sqlite", tmp_path / "backups", clock=wall.clock))
    services.organisation.save(SETUP)
    services.backups.backup_if_due()  # the app's copy at the first start
    wall.at = datetime(2026, 11, 5, 19, 0)
    for name in ("Nguyễn Thị Bích", "Trần Văn Hùng", "Lê Thị Mai"):
        add_member(services, name)
    services.meetings.create(MeetingRecord(on=date(2026, 11, 5)))
    wall.at = datetime(2026, 11, 25, 21, 0)
    services.meetings.create(MeetingRecord(on=date(2026, 11, 25)))
    wall.at = datetime(2026, 11, 30, 10, 0)
    stick = tmp_path / "usb"
    stick.mkdir()

    application = _application(services, tmp_path, vietnamese)
    window = application.open_window()  # replaced (and deleted) by the restore, so not handed to qtbot
    qtbot.waitUntil(lambda: window.roster_view.model.rowCount() == 3)
    _copy_to_stick(qtbot, window, stick)
    (copy,) = stick.iterdir()

    dialog = _open_restore(qtbot, application)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2)
    assert dialog.now.text().startswith(
        "Dữ liệu đang mở: 3 đảng viên, 2 cuộc họp, 0 khoản vay. Cuộc họp gần nhất ngày 25/11/2026."
    ), dialog.now.text()
    assert _column(dialog, "taken") == ["30/11/2026 10:00", "02/11/2026 08:00"]  # the newest first: the stick's
    assert _column(dialog, "where") == [f"Có khóa, tại {stick}", "Máy này, tự động"]
    assert _column(dialog, "members") == ["3", "0"] and _column(dialog, "meetings") == ["2", "0"]
    assert _column(dialog, "last_meeting") == ["25/11/2026", ""]
    assert _column(dialog, "compared") == ["đủ như hiện nay", "thiếu 3 đảng viên, 2 cuộc họp"]
    assert _column(dialog, "state") == ["cần mật khẩu", "tốt"]

    click_row(dialog.table, 1)
    assert "02/11/2026 08:00 — Chi bộ ấp Sáu: 0 đảng viên, 0 cuộc họp, 0 khoản vay." in dialog.preview.text()
    asked: list[QMessageBox] = []
    shown: list[str] = []

    def press_enter(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box)
        shown.append(box.text() + "\n" + box.informativeText())
        key(box, Qt.Key.Key_Return)  # the answer a person gives without reading

    handled = on_next_modal(press_enter, QMessageBox)
    click_button(dialog, "Khôi phục")
    qtbot.waitUntil(lambda: bool(handled), timeout=5000)
    assert shown[0].startswith("Bản sao lưu lúc 02/11/2026 08:00 có ít hơn dữ liệu đang mở.")
    assert "• 3 đảng viên: Nguyễn Thị Bích, Trần Văn Hùng, Lê Thị Mai" in shown[0]  # by given name: Bích, Hùng, Mai
    assert "• 2 cuộc họp, họp ngày 05/11/2026, 25/11/2026" in shown[0]
    assert "• các thay đổi ghi sau 02/11/2026 08:00 (lần gần nhất lúc 25/11/2026 21:00)" in shown[0]
    assert asked[0].icon() == QMessageBox.Icon.Warning
    assert application.window is window and window.roster_view.model.rowCount() == 3  # Enter kept the data
    assert not any("before-restore" in p.name for p in services.backups.folder.iterdir())

    qtbot.waitUntil(dialog.restore_button.isEnabled)
    click_row(dialog.table, 0)
    assert str(copy) in dialog.preview.text() and "chương trình sẽ hỏi mật khẩu" in dialog.preview.text()
    question: list[str] = []
    told: list[str] = []

    def unlock(box: QWidget) -> None:
        assert isinstance(box, QInputDialog)
        field = box.findChild(QLineEdit)
        assert field is not None and field.echoMode() == QLineEdit.EchoMode.Password
        on_next_modal(go_back, QMessageBox)  # asked once the copy is opened and compared
        type_text(field, STICK_PASSPHRASE)
        key(field, Qt.Key.Key_Return)

    def go_back(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        question.append(box.text() + "\n" + box.informativeText())

        def tell(done: QWidget) -> None:
            assert isinstance(done, QMessageBox)
            told.append(done.text())
            answer(done, "Đồng ý")

        on_next_modal(tell, QMessageBox)
        answer(box, "Khôi phục")  # nothing would be lost: the plain question

    on_next_modal(unlock, QInputDialog)
    click_button(dialog, "Khôi phục")
    qtbot.waitUntil(lambda: bool(told), timeout=20000)
    assert "Quay về bản sao lưu lúc 30/11/2026 10:00 — Chi bộ ấp Sáu: 3 đảng viên, 2 cuộc họp" in question[0]
    assert str(copy) in question[0] and "Bản sao lưu có đủ mọi thứ dữ liệu đang mở có." in question[0]
    restored = application.window
    assert restored is not None and restored is not window
    qtbot.addWidget(restored)
    qtbot.waitUntil(lambda: restored.roster_view.model.rowCount() == 3)
    assert not list((application.services.backups.folder / "staging").iterdir())  # the opened copy is gone
    _close(application)
