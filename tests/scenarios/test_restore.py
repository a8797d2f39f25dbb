"""Restoring a backup from the window: the app asks first, naming the backup, and says afterwards what it did."""

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from chibo_desktop.app import Application
from chibo_desktop.services import backups
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import open_database
from chibo_desktop.ui.backup_dialogs import RestoreDialog
from chibo_desktop.ui.i18n import LanguageSwitch
from tests.helpers.branch import SETUP
from tests.helpers.days import CLOCK
from tests.helpers.gui import choose_menu, click_button, click_row
from tests.helpers.members import add_member
from tests.helpers.popups import answer, on_next_modal


def _open_restore(qtbot: QtBot, application: Application) -> RestoreDialog:
    window = application.window
    assert window is not None
    choose_menu(window, "Tệp", "Khôi phục từ bản sao lưu…")
    dialog = window.findChild(RestoreDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.table.rowCount() >= 1, timeout=5000)
    return dialog


def test_restoring_asks_first_and_then_says_what_was_restored(qtbot: QtBot, tmp_path: Path) -> None:
    services = Services.build(open_database(tmp_path / "chibo.sqlite", tmp_path / "backups", clock=CLOCK))
    services.organisation.save(SETUP)
    add_member(services, "Nguyễn Thị Bích")
    taken = services.backups.backup_now()
    add_member(services, "Trần Văn Hùng")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    switch = LanguageSwitch()  # the window rebuilds itself through it
    assert switch.use("vi")
    try:
        _restore_twice(
            qtbot,
            tmp_path,
            services,
            taken,
            Application(app, services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), switch),
        )
    finally:
        switch.use("en")  # its translator would outlive the test


def _restore_twice(qtbot: QtBot, tmp_path: Path, services: Services, taken: Path, application: Application) -> None:
    first = application.open_window()  # replaced (and deleted) by the restore, so not handed to qtbot
    qtbot.waitUntil(lambda: first.roster_view.model.rowCount() == 2)

    dialog = _open_restore(qtbot, application)
    click_row(dialog.table, 0)
    asked: list[str] = []

    def say_no(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box.text() + "\n" + box.informativeText())
        answer(box, "Hủy")

    handled = on_next_modal(say_no, QMessageBox)
    click_button(dialog, "Khôi phục")
    qtbot.waitUntil(lambda: bool(handled))
    when = backups.inspect(taken).taken_at.strftime("%d/%m/%Y %H:%M")
    assert when in asked[0] and "1 đảng viên" in asked[0] and "được giữ lại" in asked[0]
    assert application.window is first and backups.inspect(services.db.path).members == 2  # nothing restored

    told: list[str] = []

    def say_yes(box: QWidget) -> None:
        def tell(done: QWidget) -> None:
            assert isinstance(done, QMessageBox)
            told.append(done.text() + "\n" + done.informativeText())
            answer(done, "Đồng ý")

        on_next_modal(tell, QMessageBox)  # the word after the restore, in the new window
        answer(box, "Khôi phục")

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
    application.tasks.wait()
    application.services.db.close()
