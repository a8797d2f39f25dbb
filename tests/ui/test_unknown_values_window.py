"""The window on a file holding values this version does not know: every tab opens and says "unknown"."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import open_database
from chibo_desktop.ui.main_window import MainWindow
from chibo_desktop.ui.tasks import TaskRunner
from tests.helpers.days import CLOCK
from tests.helpers.unknown import dues_members, plant_unknown_values


@pytest.fixture
def planted(tmp_path: Path) -> Path:
    return plant_unknown_values(tmp_path)


@pytest.mark.logs_warning
def test_the_window_opens_on_unknown_values(qtbot: QtBot, planted: Path, vietnamese: None) -> None:
    """The roster, a member's history, the meetings tab, the fund tab and the dues tab all open and say "unknown"."""
    services = Services.build(open_database(planted, clock=CLOCK))
    window = MainWindow(services, TaskRunner(), "vi")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.roster_loaded, timeout=10000):
        window.show()
    assert window.roster_view.model.rowCount() > 10
    dialog = window.open_member(min(r.id for r in services.members.roster().rows))
    assert dialog is not None
    history = [dialog.history.item(row, 1).text() for row in range(dialog.history.rowCount())]
    assert "Sự kiện không rõ (phiên bản này của phần mềm không biết)" in history
    dialog.close()
    bar = window.tabs.tabBar()
    QTest.mouseClick(
        bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(window.tabs.indexOf(window.meetings_view)).center()
    )
    model = window.meetings_view.list_model
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=10000)
    kinds = {model.data(model.index(row, 1)) for row in range(model.rowCount())}
    assert "Không rõ loại" in kinds
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(window.tabs.indexOf(window.funds_view)).center())
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is window.funds_view, timeout=5000)
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(window.tabs.indexOf(window.dues_view)).center())
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is window.dues_view, timeout=5000)
    shown: set[str] = set()
    for member in dues_members(planted):
        dues = window.dues_view.open_member(member)
        for table in (dues.settings_table, dues.decision_table, dues.journal):
            shown |= {
                table.item(row, column).text()
                for row in range(table.rowCount())
                for column in range(table.columnCount())
                if table.item(row, column) is not None
            }
        dues.close()
    for label in ("Diện không rõ", "Lý do không rõ", "Dòng sổ không rõ", "Cách nộp không rõ"):
        assert label in shown, label
    window.close()
    services.db.close()


@pytest.mark.logs_warning
def test_the_log_of_changes_opens_on_a_moment_it_cannot_read(qtbot: QtBot, planted: Path, vietnamese: None) -> None:
    from chibo_desktop.ui.audit_dialog import AuditDialog
    from tests.helpers.gui import choose_menu

    services = Services.build(open_database(planted, clock=CLOCK))
    window = MainWindow(services, TaskRunner(), "vi")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.roster_loaded, timeout=10000):
        window.show()
    choose_menu(window, "Tệp", "Nhật ký thay đổi…")
    dialog = window.findChild(AuditDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 100, timeout=20000)
    assert dialog.table.item(0, 0).text() == "(không rõ thời điểm)"
    assert dialog.table.item(1, 0).text() == "22/11/2026 09:00"
    dialog.close()
    window.close()
    services.db.close()
