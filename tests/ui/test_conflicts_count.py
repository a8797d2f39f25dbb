"""At the committee window, B's package with a member A keeps is taken in through the packages window: the line of
the import, the Conflicts tab's title and its list say the same number, from the same count as ``chibo stats``."""

from pathlib import Path

from pytestqt.qtbot import QtBot

from chibo_desktop.ui.exchange_dialogs import PackagesDialog
from chibo_desktop.ui.main_window import MainWindow
from chibo_desktop.ui.tasks import TaskRunner
from tests.helpers.days import TODAY
from tests.helpers.gui import click, click_tab, settle, type_into
from tests.helpers.two_units import PASS, build_units, copy_member, write_sample_branches


def test_the_import_line_the_tab_title_and_the_list_agree(qtbot: QtBot, tmp_path: Path, vietnamese: None) -> None:
    samples = tmp_path / "samples"
    samples.mkdir()
    units = build_units(tmp_path, write_sample_branches(samples), tmp_path / "xa.sqlite")
    copy_member(units)
    tasks = TaskRunner()
    window = MainWindow(units.upper, tasks, "vi")
    qtbot.addWidget(window, before_close_func=lambda _w: settle(tasks))
    window.resize(1366, 728)
    with qtbot.waitSignals([window.roster_loaded, window.meetings_loaded], timeout=20000):
        window.show()
    view = window.conflicts_view
    assert window.tabs.tabText(window.tabs.indexOf(view)) == "Hồ sơ trùng"

    folder = tmp_path / "from_b"
    folder.mkdir()
    units.b.exchange.export(folder, passphrase=PASS)
    packages = PackagesDialog(units.upper.exchange, window.changed.emit, tasks)
    qtbot.addWidget(packages)
    packages.set_paths([folder])
    packages.show()
    qtbot.waitExposed(packages)
    type_into(packages.passphrase, PASS)
    click(packages.preview_button)
    qtbot.waitUntil(packages.import_button.isEnabled, timeout=20000)
    click(packages.import_button)
    qtbot.waitUntil(lambda: packages.table.item(0, 5).text().startswith("Đã nhập"), timeout=20000)

    line = packages.table.item(0, 5).text()
    assert "; 1 đảng viên mà chi bộ khác đang lưu chờ xem xét (thẻ Hồ sơ trùng)" in line
    assert window.tabs.tabText(window.tabs.indexOf(view)) == "Hồ sơ trùng (1)"
    click_tab(window.tabs, "Hồ sơ trùng (1)")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10000)
    stats = units.upper.stats.stats(units.upper.terms.period(str(TODAY.year)), TODAY)
    assert stats["conflicts_waiting"] == 1
    packages.close()
    window.close()
    units.close()
