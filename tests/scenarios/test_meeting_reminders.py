"""The meetings tab's warnings of months without a regular meeting and quarters without a thematic one start where
the branch's records in the app start: a branch set up in December is not told it missed January to November."""

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from chibo_desktop.domain.clock import Clock
from chibo_desktop.domain.meetings import MeetingKind, MeetingRecord
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import open_database
from chibo_desktop.ui.main_window import MainWindow
from chibo_desktop.ui.tasks import TaskRunner
from tests.helpers.branch import SETUP
from tests.helpers.gui import click_tab, key
from tests.helpers.members import add_member

SHOWN = {
    "vi": (
        "Sinh hoạt chi bộ",
        "Sổ theo dõi sinh hoạt",
        "Không sinh hoạt thường kỳ",
        "Không sinh hoạt chuyên đề quý: 4.",
    ),
    "en": ("Meetings", "Attendance register", "No regular meeting", "No thematic meeting in quarter: 4."),
}


class Wall:
    """The office's clock, moved on by the test from the day of the setup to the day the register is read."""

    def __init__(self, at: datetime) -> None:
        self.at = at
        self.clock = Clock(lambda: self.at)


def test_a_branch_set_up_in_december_is_warned_only_from_december(qtbot: QtBot, tmp_path: Path, language: str) -> None:
    """Set up on 05/12/2026 with one regular meeting in December; read in January, the year 2026 lacks only
    December's thematic meeting (its quarter began before the setup, but ends after it). November and before are
    not the app's to judge."""
    wall = Wall(datetime(2026, 12, 5, 8, 0))
    services = Services.build(open_database(tmp_path / "chibo.sqlite", tmp_path / "backups", clock=wall.clock))
    services.organisation.save(SETUP)
    for name in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"):
        add_member(services, name)
    on = date(2026, 12, 18)
    services.meetings.create(MeetingRecord(on=on, kind=MeetingKind.REGULAR), services.meetings.draft_lines(on))
    wall.at = datetime(2027, 1, 15, 9, 0)

    window = MainWindow(services, TaskRunner(), language)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.meetings_loaded, timeout=10000):
        window.show()
    tab, register, no_regular, only_december = SHOWN[language]
    click_tab(window.tabs, tab)
    view = window.meetings_view
    with qtbot.waitSignal(view.loaded, timeout=10000):
        key(view.year, Qt.Key.Key_Down)  # 2027 → 2026
    assert view.year.text() == "2026"
    click_tab(view.inner, register)
    shown = view.warnings.toPlainText()
    assert no_regular not in shown, shown
    assert only_december in shown, shown
