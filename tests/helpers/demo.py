"""The sample branch (``chibo --demo``) in a main window, as a person opens it."""

from pytestqt.qtbot import QtBot

from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.main_window import MainWindow
from chibo_desktop.ui.tasks import TaskRunner
from tests.helpers.days import TODAY


def demo_window(qtbot: QtBot, services: Services, language: str = "vi", members: int = 60) -> MainWindow:
    """Writes the sample branch into *services*' database, opens the window and waits until its lists are in."""
    write_demo(services.db, members=members, seed=7, today=TODAY)
    window = MainWindow(services, TaskRunner(), language)
    qtbot.addWidget(window)
    with qtbot.waitSignals([window.roster_loaded, window.meetings_loaded, window.funds_view.loaded], timeout=20000):
        window.show()
    return window
