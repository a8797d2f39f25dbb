"""Where the file pickers open: in the user's Documents folder the first time (not the folder the program was
started from, which on Windows is the install folder), then where the user last chose for the same kind of file,
from one run to the next; PDFs and the USB stick each keep their own folder."""

import gc
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from chibo_desktop.app import Application
from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.i18n import LanguageSwitch
from chibo_desktop.ui.main_window import MainWindow
from chibo_desktop.ui.print_preview import PreviewDialog
from tests.helpers.gui import answering_modal, choose_menu, click, find_button, key
from tests.helpers.members import add_member


def note_folder_then(seen: list[str], path: Path | None) -> Callable[[QWidget], None]:
    """Read the folder the picker shows, then paste *path* into its name box and press Enter (None: Escape)."""

    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        seen.append(dialog.directory().absolutePath())
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        if path is None:
            key(name, Qt.Key.Key_Escape)
            return
        click(name)
        QApplication.clipboard().setText(str(path))
        key(name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        key(name, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        key(name, Qt.Key.Key_Return)

    return act


def print_preview(qtbot: QtBot, window: MainWindow) -> PreviewDialog:
    with qtbot.waitSignal(window.printing.preview_ready, timeout=30000) as ready:
        choose_menu(window, "In", "In danh sách đảng viên…")
    preview = ready.args[0]
    assert isinstance(preview, PreviewDialog)
    qtbot.waitUntil(lambda: preview.info.text().endswith("trang"), timeout=30000)
    return preview


def test_pickers_open_in_documents_then_where_the_user_last_chose(
    qtbot: QtBot, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    documents = home / "Documents"
    documents.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))  # the secretary's own folders, on a fresh computer
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.chdir(tmp_path)  # the folder the program was started from: never offered
    files = tmp_path / "ho-so-chi-bo"
    files.mkdir()
    add_member(services, "Nguyễn Văn An")
    # Qt objects left by earlier tests are freed here, on the GUI thread, and no collection runs in a worker
    # thread during this test (one freeing Qt objects there warned of a timer stopped from another thread, or
    # crashed, in full runs of the suite).
    gc.collect()
    gc.disable()
    qt_app = QApplication.instance()
    assert isinstance(qt_app, QApplication)
    switch = LanguageSwitch()
    switch.use("vi")
    settings_file = str(tmp_path / "settings.ini")
    runs: list[Application] = []
    try:
        runs.append(Application(qt_app, services, QSettings(settings_file, QSettings.Format.IniFormat), switch))
        window = runs[-1].open_window()
        preview = print_preview(qtbot, window)
        seen: list[str] = []
        with answering_modal(note_folder_then(seen, files / "danh-sach.pdf")):
            click(find_button(preview, "Lưu thành PDF…"))
        assert (files / "danh-sach.pdf").exists()
        with answering_modal(note_folder_then(seen, None)):
            click(find_button(preview, "Lưu thành PDF…"))
        assert seen == [str(documents), str(files)]  # Documents first, then where the last PDF went

        stick_seen: list[str] = []
        with answering_modal(note_folder_then(stick_seen, None)):
            choose_menu(window, "Tệp", "Sao lưu ra thư mục hoặc USB…")
        assert stick_seen == [str(documents)]  # the stick keeps its own folder: none chosen yet
        preview.close()

        # The next day's run: the PDF picker still opens where the last PDF went.
        runs.append(Application(qt_app, services, QSettings(settings_file, QSettings.Format.IniFormat), switch))
        window = runs[-1].open_window()
        preview = print_preview(qtbot, window)
        with answering_modal(note_folder_then(seen, None)):
            click(find_button(preview, "Lưu thành PDF…"))
        assert seen[-1] == str(files)
        preview.close()
    finally:
        gc.enable()
        for run in runs:
            run.tasks.wait()
            run.daily.stop()
            if run.window is not None:
                run.window.close()
        switch.use("en")
