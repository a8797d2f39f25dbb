"""At the commune's committee, a member B sent while A keeps it waits in the Conflicts tab; the operator compares
the two versions and takes B's with real clicks, and the member moves to B (the log says who decided). The tab
says it is loading until its list is there, and its list comes while the roster and the meetings still load."""

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from chibo_desktop.ui.main_window import MainWindow
from chibo_desktop.ui.tasks import TaskRunner
from tests.helpers.busy_workers import BusyWorkers
from tests.helpers.databases import connect
from tests.helpers.gui import click_button, click_row, click_tab, find_button, row_texts, settle
from tests.helpers.popups import answer, on_next_modal
from tests.helpers.two_units import Units, build_units, copy_member, write_sample_branches


def test_the_committee_takes_the_sent_version_of_a_member_sent_by_two_units(
    qtbot: QtBot, tmp_path: Path, vietnamese: None
) -> None:
    samples = tmp_path / "samples"
    samples.mkdir()
    units = build_units(tmp_path, write_sample_branches(samples), tmp_path / "xa.sqlite")
    uuid, record, _meeting, _b_id = copy_member(units)
    units.take_in(units.send(units.b))
    a_name, b_name = (s.organisation.require().branch_name for s in (units.a, units.b))
    units.upper.db.actor = "Trưởng ban Tổ chức"

    window = MainWindow(units.upper, TaskRunner(), "vi")
    qtbot.addWidget(window)
    window.resize(1366, 728)
    with qtbot.waitSignals([window.roster_loaded, window.meetings_loaded], timeout=20000):
        window.show()
    qtbot.waitExposed(window)

    click_tab(window.tabs, "Hồ sơ trùng (1)")
    view = window.conflicts_view
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10000)
    assert row_texts(view.table, 0) == [record.full_name]
    assert row_texts(view.table, 1) == [b_name] and row_texts(view.table, 2) == [a_name]
    assert not find_button(view, "Nhận bản được gửi").isEnabled()  # nothing chosen yet
    click_row(view.table, 0)
    assert a_name in view.summary.text() and b_name in view.summary.text()
    assert view.versions.rowCount() >= 1

    asked: list[str] = []

    def confirm(box: QWidget) -> None:
        asked.append(box.windowTitle())
        answer(box, "Có")

    on_next_modal(confirm, QMessageBox)
    click_button(view, "Nhận bản được gửi")
    qtbot.waitUntil(lambda: view.model.rowCount() == 0, timeout=10000)
    assert asked == ["Nhận bản được gửi?"]
    assert window.tabs.tabText(window.tabs.indexOf(view)) == "Hồ sơ trùng"
    assert view.summary.text() == "Không có hồ sơ nào đang chờ xem xét."
    with connect(units.upper.db) as conn:
        (unit,) = conn.execute(
            "SELECT u.name FROM member m JOIN org_unit u ON u.id = m.org_unit_id WHERE m.uuid = ?", (uuid,)
        ).fetchone()
        (actor,) = conn.execute(
            "SELECT actor FROM audit_log WHERE table_name = 'member_conflict' AND action = 'update'"
        ).fetchone()
    assert unit == b_name and actor == "Trưởng ban Tổ chức"
    window.close()
    units.close()


def _one_waiting(tmp_path: Path) -> tuple[Units, str]:
    samples = tmp_path / "samples"
    samples.mkdir()
    units = build_units(tmp_path, write_sample_branches(samples), tmp_path / "xa.sqlite")
    _uuid, record, _meeting, _b_id = copy_member(units)
    units.take_in(units.send(units.b))
    return units, record.full_name


def test_the_conflicts_tab_says_it_is_loading_then_lists_what_waits_while_the_roster_still_loads(
    qtbot: QtBot, tmp_path: Path, vietnamese: None
) -> None:
    units, name = _one_waiting(tmp_path)
    tasks = TaskRunner()
    busy = BusyWorkers()  # a large committee: its roster, meetings and fund hold every worker for a while
    try:
        window = MainWindow(units.upper, tasks, "vi")
        qtbot.addWidget(window, before_close_func=lambda _w: settle(tasks))
        window.resize(1366, 728)
        window.show()
        qtbot.waitExposed(window)
        view = window.conflicts_view
        click_tab(window.tabs, "Hồ sơ trùng (1)")
        # the list is not read yet: the text under it must not say that nothing waits
        assert view.summary.text() == "Đang tải danh sách hồ sơ chờ xem xét…"
        assert view.model.rowCount() == 0
        qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10000)  # the roster has not loaded meanwhile
        assert window.loading.text() == "Đang tải danh sách…"
        assert row_texts(view.table, 0) == [name]
        assert view.summary.text() == "Hãy chọn một đảng viên."
        assert window.tabs.tabText(window.tabs.indexOf(view)) == "Hồ sơ trùng (1)"
    finally:
        busy.release()
    with qtbot.waitSignal(window.roster_loaded, timeout=20000):
        pass
    assert (
        view.summary.text() == "Hãy chọn một đảng viên."
        and window.tabs.tabText(window.tabs.indexOf(view)) == "Hồ sơ trùng (1)"
    )
    window.close()
    units.close()
