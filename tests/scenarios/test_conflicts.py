"""At the commune's committee, a member B sent while A keeps it waits in the Conflicts tab; the operator compares
the two versions and takes B's with real clicks, and the member moves to B (the log says who decided)."""

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from chibo_desktop.ui.main_window import MainWindow
from chibo_desktop.ui.tasks import TaskRunner
from tests.helpers.databases import connect
from tests.helpers.gui import click_button, click_row, click_tab, find_button, row_texts
from tests.helpers.popups import answer, on_next_modal
from tests.helpers.two_units import build_units, copy_member, write_sample_branches


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
