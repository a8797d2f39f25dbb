"""A large roster, as the user meets it: the screen holds ids and reads rows as they scroll into view, and the
search, filters, sorting, selection, counts and reminders behave as on a small one. The threshold is lowered so
that a sample branch counts as large; the same steps on the small roster's snapshot must give the same screen."""

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QAbstractItemModelTester, QTest
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from chibo_desktop.domain.members import MemberRecord
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services.members import MemberService
from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.main_window import MainWindow
from chibo_desktop.ui.member_dialog import MemberDialog
from chibo_desktop.ui.tasks import TaskRunner
from tests.helpers.busy_workers import BusyWorkers
from tests.helpers.days import TODAY
from tests.helpers.gui import click, click_row, double_click_row, new_window, pick, row_texts, settle, windows


def _window(qtbot: QtBot, services: Services, lazy_from: int) -> MainWindow:
    members = MemberService(services.db, services.rules, services.organisation, services.clock, lazy_from=lazy_from)
    tasks = TaskRunner()
    w = MainWindow(replace(services, members=members), tasks, "vi")
    qtbot.addWidget(w, before_close_func=lambda _w: settle(tasks))  # its tabs' loads end with the test
    w.resize(1280, 700)
    with qtbot.waitSignal(w.roster_loaded, timeout=60000):  # a limit, not a measure: the machine may be busy
        w.show()
    return w


def _screen(w: MainWindow) -> list[list[str]]:
    model = w.roster_view.model
    return [[model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())]


def _counts(w: MainWindow) -> dict[str, str]:
    return {key: label.text() for key, label in w.roster_view.counts.values.items()}


def _search(qtbot: QtBot, w: MainWindow, text: str) -> None:
    w.roster_view.search.selectAll()
    qtbot.keyClicks(w.roster_view.search, text) if text else qtbot.keyClick(w.roster_view.search, Qt.Key.Key_Delete)
    qtbot.keyClick(w.roster_view.search, Qt.Key.Key_Return)


def _choose(combo: QComboBox, text: str) -> None:
    click(combo)
    pick(combo, text)


def _sort_by(w: MainWindow, column: int) -> None:
    header = w.roster_view.table.horizontalHeader()
    centre = QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) // 2, header.height() // 2)
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)


@pytest.fixture
def branch(services: Services) -> Services:
    write_demo(services.db, members=150, seed=5, today=TODAY)
    services.members.add(
        MemberRecord(
            full_name="Nguyễn Thị Bích", gender="F", date_of_birth=date(1970, 2, 5), admission_date=date(1995, 5, 19)
        )
    )
    return services


def test_the_large_roster_shows_what_the_small_one_shows(qtbot: QtBot, branch: Services, vietnamese: None) -> None:
    small = _window(qtbot, branch, lazy_from=10**9)
    large = _window(qtbot, branch, lazy_from=0)
    QAbstractItemModelTester(large.roster_view.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert large.roster_view.roster is not None and large.roster_view.roster.index is not None
    assert small.roster_view.roster is not None and small.roster_view.roster.index is None
    assert _screen(large) == _screen(small) and len(_screen(large)) > 100
    assert _counts(large) == _counts(small) and _counts(large)["total"] != "–"
    assert large.roster_view.shown.text() == small.roster_view.shown.text()
    for table in ("probation_table", "badge_table"):
        assert row_texts(getattr(large.reminders, table), 0) == row_texts(getattr(small.reminders, table), 0)
    assert large.member_choices() == small.member_choices() and len(large.member_choices()) > 100

    for w in (small, large):  # typed without tone marks
        _search(qtbot, w, "nguyen thi")
    assert _screen(large) == _screen(small) and 0 < len(_screen(large)) < 100
    assert all("Nguyễn" in row[0] and "Thị" in row[0] for row in _screen(large))
    for w in (small, large):
        _choose(w.roster_view.gender, "Nữ")
    assert _screen(large) == _screen(small) and {row[1] for row in _screen(large)} == {"Nữ"}
    for w in (small, large):
        _search(qtbot, w, "")
        _choose(w.roster_view.gender, w.roster_view.gender.itemText(0))  # both genders
        _choose(w.roster_view.status, "Tất cả, kể cả đã chuyển đi")
    assert _screen(large) == _screen(small) and len(_screen(large)) > 100
    for column in (*range(1, 9), 3):  # each column, then one again: the other way round
        for w in (small, large):
            _sort_by(w, column)
        assert _screen(large) == _screen(small), column


def test_rows_are_read_as_they_scroll_into_view(qtbot: QtBot, branch: Services, vietnamese: None) -> None:
    w = _window(qtbot, branch, lazy_from=0)
    statements: list[str] = []
    event.listen(branch.db.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    table = w.roster_view.table
    last = w.roster_view.model.rowCount() - 1
    click_row(table, last)  # scrolled to the bottom, as a person would
    table.viewport().repaint()  # what the person then sees
    assert any("FROM member" in s for s in statements)  # the rows at the bottom were read only now
    statements.clear()
    click_row(table, last - 1)
    table.viewport().repaint()
    assert not any("FROM member" in s for s in statements)  # and are kept while they stay in view
    assert w.roster_view.selected_member() == w.roster_view.model.member_id(last - 1)


def test_the_selection_stays_on_its_member_when_the_large_roster_reloads(
    qtbot: QtBot, branch: Services, vietnamese: None
) -> None:
    w = _window(qtbot, branch, lazy_from=0)
    index = click_row(w.roster_view.table, 5)
    chosen, name = w.roster_view.selected_member(), w.roster_view.model.data(index)
    with qtbot.waitSignal(w.roster_loaded, timeout=60000):
        w.roster_view.refresh()
    assert w.roster_view.selected_member() == chosen
    rows = w.roster_view.table.selectionModel().selectedRows()
    assert [w.roster_view.model.data(r) for r in rows] == [name]


def test_a_large_roster_is_usable_before_its_counts_arrive(qtbot: QtBot, branch: Services, vietnamese: None) -> None:
    small = _window(qtbot, branch, lazy_from=10**9)
    members = MemberService(branch.db, branch.rules, branch.organisation, branch.clock, lazy_from=0)
    tasks = TaskRunner()
    w = MainWindow(replace(branch, members=members), tasks, "vi")
    busy: list[BusyWorkers] = []
    # the counting is started right after the rows show; the busy workers hold it back while the test looks
    w.roster_view.rows_shown.connect(lambda: busy or busy.append(BusyWorkers()))
    qtbot.addWidget(w, before_close_func=lambda _w: settle(tasks))
    w.resize(1280, 700)
    with qtbot.waitSignal(w.roster_view.rows_shown, timeout=60000):
        w.show()
    view = w.roster_view
    try:
        # The rows are there at once, every member listed (each row with its own state); the figures are not.
        everyone = _screen(small)
        _choose(small.roster_view.status, "Tất cả, kể cả đã chuyển đi")
        assert _screen(w) == _screen(small) and len(everyone) < len(_screen(w))
        assert "Không còn sinh hoạt tại chi bộ" in {row[8] for row in _screen(w)}
        assert set(_counts(w).values()) == {"–"}
        assert view.counts.counting.isVisible() and view.counts.counting.text() == "Đang đếm số đảng viên…"
        assert not view.status.isEnabled()
        assert "kể cả người không còn sinh hoạt tại chi bộ" in view.shown.text()
        assert w.loading.text() == "Đang đếm số đảng viên và tính các việc cần nhắc…"
        assert w.reminders.probation.rowCount() == 0 and w.reminders.badges.rowCount() == 0
        assert w.reminders.counting.isVisibleTo(w.reminders)  # the reminders tab says why it lists none yet
        assert w.member_choices() == small.member_choices()  # the fund's borrowers wait for the states

        # They can be searched and opened meanwhile.
        _search(qtbot, w, "nguyen thi bich")
        assert {row[0] for row in _screen(w)} == {"Nguyễn Thị Bích"}
        before = windows()
        double_click_row(view.table, 0)
        opened = new_window(qtbot, MemberDialog, before)
        assert opened.windowTitle() == "Đảng viên: Nguyễn Thị Bích"
        opened.close()
        _search(qtbot, w, "")
        assert view.counts.counting.isVisible()  # still counting: nothing has come in
        assert set(_counts(w).values()) == {"–"}

        # Then the figures come in, and the roster is the one a small roster shows.
        with qtbot.waitSignal(w.roster_loaded, timeout=60000):
            busy[0].release()
        _choose(small.roster_view.status, "Đang sinh hoạt tại chi bộ")
        assert _screen(w) == everyone == _screen(small)
        assert _counts(w) == _counts(small) and _counts(w)["total"] != "–"
        assert not view.counts.counting.isVisible() and view.status.isEnabled()
        assert view.shown.text() == small.roster_view.shown.text() and w.loading.text() == ""
        for name in ("probation_table", "badge_table"):
            assert row_texts(getattr(w.reminders, name), 0) == row_texts(getattr(small.reminders, name), 0)
        assert not w.reminders.counting.isVisibleTo(w.reminders)
        settle(tasks)
        assert [t.objectName() or t for t in w.findChildren(QTimer) if t.isActive()] == []  # the idle app rests
    finally:  # whatever happened, the workers go back to work before the windows close
        if busy:
            busy[0].release()
