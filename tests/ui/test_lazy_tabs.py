"""The tabs after the roster and the reminders are built when first shown; until then the window does for them
what the user can see: a committee's conflicts tab counts the members waiting in its title."""

from pathlib import Path

from pytestqt.qtbot import QtBot

from chibo_desktop.ui.main_window import MainWindow
from chibo_desktop.ui.tasks import TaskRunner
from tests.helpers.two_units import build_units, copy_member, write_sample_branches


def test_the_conflicts_title_counts_a_package_taken_in_before_the_tab_was_ever_shown(
    qtbot: QtBot, tmp_path: Path, vietnamese: None
) -> None:
    samples = tmp_path / "samples"
    samples.mkdir()
    units = build_units(tmp_path, write_sample_branches(samples), tmp_path / "xa.sqlite")
    copy_member(units)
    window = MainWindow(units.upper, TaskRunner(), "vi")
    qtbot.addWidget(window)
    with qtbot.waitSignals([window.roster_loaded, window.meetings_loaded], timeout=20000):
        window.show()
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count()) if window.tabs.isTabVisible(i)]
    assert "Hồ sơ trùng" in titles

    units.take_in(units.send(units.b))  # what the packages dialog does, then it tells the window what changed
    window.changed.emit(units.upper.exchange.changed())

    titles = [window.tabs.tabText(i) for i in range(window.tabs.count()) if window.tabs.isTabVisible(i)]
    assert "Hồ sơ trùng (1)" in titles
    units.close()
