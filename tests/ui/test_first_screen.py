"""The window's first screen, read with sqlite3 alone before the services exist (services/first_screen.py): the
user sees the same roster, figures and reminders as when the window reads them through the services, and what the
user does before the services are loaded waits for them rather than failing."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QToolBar
from pytestqt.qtbot import QtBot

from chibo_desktop.app import open_services
from chibo_desktop.services.first_screen import read_first_screen
from chibo_desktop.ui.main_window import MainWindow, Starting
from chibo_desktop.ui.member_dialog import MemberDialog
from chibo_desktop.ui.tasks import TaskRunner
from tests.helpers.days import CLOCK, TODAY
from tests.helpers.gui import click, new_window, row_texts, settle, windows
from tests.helpers.rich_minutes import rich_file

pytestmark = pytest.mark.sqlite_only  # the first screen reads a file


def _started(qtbot: QtBot, path: Path, lazy_from: int = 20_000) -> tuple[MainWindow, TaskRunner]:
    screen = read_first_screen(path, TODAY, lazy_from)
    assert screen is not None
    tasks = TaskRunner()
    window = MainWindow(Starting(screen, str(path), CLOCK, lambda: open_services(path, None, CLOCK)), tasks, "vi")
    qtbot.addWidget(window, before_close_func=lambda _w: settle(tasks))
    window.resize(1280, 700)
    return window, tasks


def _usual(qtbot: QtBot, path: Path) -> MainWindow:
    tasks = TaskRunner()
    window = MainWindow(open_services(path, None, CLOCK), tasks, "vi")
    qtbot.addWidget(window, before_close_func=lambda _w: settle(tasks))
    window.resize(1280, 700)
    with qtbot.waitSignal(window.roster_loaded, timeout=60000):  # a limit, not a measure
        window.show()
    return window


def _figures(window: MainWindow) -> dict[str, str]:
    return {key: label.text() for key, label in window.roster_view.counts.values.items()}


def _reminders(window: MainWindow) -> list[str]:
    return row_texts(window.reminders.probation_table, 0) + row_texts(window.reminders.badge_table, 0)


def test_the_first_screen_shows_what_the_services_show(qtbot: QtBot, tmp_path: Path, vietnamese: None) -> None:
    path, _meeting = rich_file(tmp_path)
    window, tasks = _started(qtbot, path)
    shown: list[tuple[list[str], dict[str, str], str]] = []
    window.roster_view.rows_shown.connect(
        lambda: shown.append(
            (row_texts(window.roster_view.table, 0), _figures(window), window.roster_view.shown.text())
        )
    )
    with qtbot.waitSignal(window.services_ready, timeout=60000):  # right after the first paint
        window.show()
    settle(tasks)
    usual = _usual(qtbot, path)
    names, figures, line = shown[0]  # as painted, before the services were loaded
    assert names == row_texts(usual.roster_view.table, 0) and len(names) > 30
    assert figures == _figures(usual) and figures["total"] not in ("", "–")
    assert line == usual.roster_view.shown.text()
    assert _reminders(window) == _reminders(usual)
    assert QApplication.overrideCursor() is None  # the busy cursor went with the loading


def test_a_click_before_the_services_are_loaded_waits_for_them(qtbot: QtBot, tmp_path: Path, vietnamese: None) -> None:
    path, _meeting = rich_file(tmp_path)
    window, _tasks = _started(qtbot, path)
    window.show()  # not painted yet: nothing has loaded the services
    before = windows()
    toolbar = window.findChild(QToolBar, "main_toolbar")
    button = toolbar.widgetForAction(window.add_member_action)
    click(button)
    dialog = new_window(qtbot, MemberDialog, before)
    assert dialog.windowTitle() and QApplication.overrideCursor() is None
    assert window.loading.text() != "Đang mở hồ sơ…"


def test_a_large_roster_shows_its_rows_then_its_figures(qtbot: QtBot, tmp_path: Path, vietnamese: None) -> None:
    path, _meeting = rich_file(tmp_path)
    window, tasks = _started(qtbot, path, lazy_from=10)
    first: list[dict[str, str]] = []
    window.roster_view.rows_shown.connect(lambda: first.append(_figures(window)) if not first else None)
    with qtbot.waitSignal(window.roster_loaded, timeout=60000):  # counted once the services are loaded
        window.show()
    settle(tasks)
    usual = _usual(qtbot, path)
    assert set(first[0].values()) == {"–"}  # the rows first, the figures being counted
    assert _figures(window) == _figures(usual)
    assert row_texts(window.roster_view.table, 0) == row_texts(usual.roster_view.table, 0)
