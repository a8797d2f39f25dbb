"""Keeping the data, as the user meets it: a damaged file at start, restoring a backup, a second window."""

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from chibo_desktop.app import recover_if_damaged, run_gui
from chibo_desktop.services import backups
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import open_database
from chibo_desktop.storage.lock import InstanceLock
from chibo_desktop.ui.i18n import LanguageSwitch
from chibo_desktop.ui.main_window import MainWindow
from tests.helpers.branch import SETUP
from tests.helpers.damage import orphan_event, scribble_over_table
from tests.helpers.days import CLOCK
from tests.helpers.gui import answering_modal, click, type_text
from tests.helpers.members import add_member


def _branch(folder: Path, names: list[str]) -> Services:
    services = Services.build(open_database(folder / "chibo.sqlite", folder / "backups", clock=CLOCK))
    services.organisation.save(SETUP)
    for name in names:
        add_member(services, name)
    return services


def test_a_damaged_file_at_start_offers_the_newest_good_backup(
    tmp_path: Path, vietnamese: None, caplog: pytest.LogCaptureFixture
) -> None:
    services = _branch(tmp_path, ["Nguyễn Thị Bích", "Trần Văn Hùng"])
    services.backups.backup_now()
    path, folder = services.db.path, services.backups.folder
    services.db.close()
    scribble_over_table(path)
    asked: list[str] = []

    assert not recover_if_damaged(path, folder, CLOCK, ask=lambda _t, text: asked.append(text) is not None)
    assert "bị hỏng" in asked[0] and "2 đảng viên" in asked[0]
    assert not backups.check(path).ok  # the user said no: the file is left exactly as it was

    assert recover_if_damaged(path, folder, CLOCK, ask=lambda _t, _text: True)
    assert backups.check(path).ok and backups.inspect(path).members == 2
    assert any("damaged" in p.name for p in folder.iterdir())  # the damaged file is kept, not deleted
    assert "the data file failed its check: database disk image is malformed" in caplog.text


def test_a_damaged_file_without_a_backup_is_not_opened(
    tmp_path: Path, vietnamese: None, caplog: pytest.LogCaptureFixture
) -> None:
    services = _branch(tmp_path, ["Nguyễn Thị Bích"])
    path = services.db.path
    services.db.close()
    scribble_over_table(path)
    told: list[str] = []
    assert not recover_if_damaged(path, tmp_path / "backups", CLOCK, tell=lambda _t, text: told.append(text))
    assert "không có bản sao lưu" in told[0]
    assert "the data file failed its check" in caplog.text
    assert not backups.check(path).ok


def test_a_second_window_on_the_same_records_is_refused(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    path = tmp_path / "chibo.sqlite"
    with InstanceLock(path) as first:
        assert first.acquire()
        assert run_gui(database=path, language="vi") == 0
    assert "đang được mở" in told[0]
    assert not path.exists()  # the second copy did not even create the file
    LanguageSwitch().use("en")  # run_gui left Vietnamese installed: not for the tests after this one


def test_backing_up_to_a_stick_shows_progress_and_says_when_it_may_be_removed(
    qtbot: QtBot, services: Services, tmp_path: Path, vietnamese: None
) -> None:
    from chibo_desktop.ui.backup_dialogs import StickPassphraseDialog
    from chibo_desktop.ui.main_window import MainWindow
    from chibo_desktop.ui.tasks import TaskRunner

    add_member(services, "Nguyễn Thị Bích")
    window = MainWindow(services, TaskRunner(), "vi")
    qtbot.addWidget(window)
    stick = tmp_path / "stick"
    stick.mkdir()

    def type_passphrase(dialog: QWidget) -> None:
        assert isinstance(dialog, StickPassphraseDialog)
        type_text(dialog.passphrase, "mat-khau-usb-2026")
        type_text(dialog.repeat, "mat-khau-usb-2026")
        click(dialog.ok_button)

    with qtbot.waitSignal(window.backup.finished, timeout=20000) as finished, answering_modal(type_passphrase):
        window.backup.run(stick)
        assert window.backup.progress.labelText().startswith("Đang sao chép dữ liệu")
    path = finished.args[0]
    assert path.parent == stick and backups.is_sealed(path)
    assert backups.inspect(backups.unseal(path, "mat-khau-usb-2026", services.backups.folder)).members == 1
    assert "Có thể rút ổ đĩa ra" in window.statusBar().currentMessage()


def _start_on(path: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    """Launch the app on *path* checking the file after the window shows, as it does a large file."""
    folder = path.parent
    for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(folder / name.lower()))
    guard = QTimer()  # a check that never answers fails the test instead of hanging it
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: QApplication.exit(99))
    guard.start(60_000)
    try:
        return run_gui(database=path, language="vi", check_in_background_from=1)
    finally:
        guard.stop()  # left running, it would end some later test's event loop
        LanguageSwitch().use("en")  # run_gui left Vietnamese installed: not for the tests after this one


def test_a_large_damaged_file_shows_the_window_then_stops_with_the_same_message(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    services = _branch(tmp_path, ["Nguyễn Thị Bích"])
    path = services.db.path
    services.db.close()
    orphan_event(path)  # damage only foreign_key_check sees: the window loads the roster all the same
    told: list[tuple[str, list[str]]] = []

    def tell(_parent: object, _title: str, text: str) -> None:
        windows = [w.windowTitle() for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        told.append((text, windows))

    monkeypatch.setattr(QMessageBox, "critical", tell)
    assert _start_on(path, monkeypatch) == 2
    text, windows = told[0]
    assert "bị hỏng" in text and "không có bản sao lưu" in text  # what a damaged file says at start
    assert windows  # the main window was up before the check answered
    assert not backups.check(path).ok  # nothing was written, not even the day's backup
    assert not (tmp_path / "backups").exists() or not list((tmp_path / "backups").glob("*.sqlite"))
    assert "the data file failed its check" in caplog.text


def test_a_large_damaged_file_can_be_restored_after_the_window_showed(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    services = _branch(tmp_path, ["Nguyễn Thị Bích", "Trần Văn Hùng"])
    services.backups.backup_now()
    path = services.db.path
    services.db.close()
    orphan_event(path)
    asked: list[str] = []

    def answer_yes(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        QTimer.singleShot(0, lambda: QApplication.exit(0))  # the restored file's window: the user closes it
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    assert _start_on(path, monkeypatch) == 0
    assert "bị hỏng" in asked[0] and "2 đảng viên" in asked[0]
    assert backups.check(path).ok and backups.inspect(path).members == 2
    assert "the data file failed its check" in caplog.text
