"""The idle app does nothing: the sample branch's window, loaded and showing a fund, left alone for two seconds
runs no query, reloads no list and fires no timer but the idle lock's and the daily backup's."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QEvent, QEventLoop, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from chibo_desktop.app import Application
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.i18n import LanguageSwitch
from tests.helpers.days import TODAY
from tests.helpers.gui import click_row, click_tab, settle

IDLE_MS = 2000
MODEL_SIGNALS = (
    "modelReset",
    "layoutChanged",
    "rowsInserted",
    "rowsRemoved",
    "columnsInserted",
    "dataChanged",
    "headerDataChanged",
)


class TimerWatch(QObject):
    """Every timer of the app (a QTimer, or a single-shot call) that fires while it is installed."""

    def __init__(self, allowed: list[QTimer]) -> None:
        super().__init__()
        self.allowed = allowed
        self.fired: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Timer and watched not in self.allowed:
            kind = watched.metaObject().className()
            if isinstance(watched, QTimer) or kind == "QSingleShotTimer":
                parent = watched.parent()
                owner = parent.metaObject().className() if parent is not None else "no parent"
                self.fired.append(f"{kind} {watched.objectName()!r} of {owner}")
        return False


@pytest.fixture
def application(qtbot: QtBot, services: Services, tmp_path: Path, vietnamese: None) -> Iterator[Application]:
    write_demo(services.db, members=60, seed=7, today=TODAY)
    qt_app = QApplication.instance()
    assert isinstance(qt_app, QApplication)
    switch = LanguageSwitch()  # the language is already installed (the fixture); this one only switches
    app = Application(qt_app, services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), switch)
    yield app
    app.daily.stop()
    qt_app.removeEventFilter(app.idle_lock)
    app.tasks.wait()


def test_the_idle_window_does_nothing(qtbot: QtBot, application: Application, services: Services) -> None:
    window = application.open_window()
    qtbot.addWidget(window)
    funds = window.funds_view
    with qtbot.waitSignals([window.roster_loaded, window.meetings_loaded, funds.loaded], timeout=20000):
        pass
    click_tab(window.tabs, "Quỹ hỗ trợ vay vốn")
    qtbot.waitUntil(lambda: funds.fund_model.rowCount() >= 2, timeout=10000)
    with qtbot.waitSignal(funds.loaded, timeout=10000):
        click_row(funds.fund_table, 1)  # a fund other than the first, chosen by hand
    settle(application.tasks)
    shown = funds.fund_table.selectionModel().selectedRows()
    assert [index.row() for index in shown] == [1]

    queries: list[str] = []

    def query(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        queries.append(statement.split("\n")[0][:80])

    reloads: list[str] = []
    for model in window.findChildren(QAbstractItemModel):
        name = f"{model.metaObject().className()} {model.objectName()!r} of {type(model.parent()).__name__}"
        for signal in MODEL_SIGNALS:
            getattr(model, signal).connect(lambda *_args, name=name, signal=signal: reloads.append(f"{name}.{signal}"))
    idle = QEventLoop()
    end_of_idle = QTimer(singleShot=True, interval=IDLE_MS)
    end_of_idle.timeout.connect(idle.quit)
    timers = TimerWatch(allowed=[application.daily, application.idle_lock.timer, end_of_idle])
    qt_app = QApplication.instance()
    assert qt_app is not None
    event.listen(services.db.engine, "before_cursor_execute", query)
    qt_app.installEventFilter(timers)
    try:
        end_of_idle.start()
        idle.exec()
    finally:
        qt_app.removeEventFilter(timers)
        event.remove(services.db.engine, "before_cursor_execute", query)

    assert queries == [], f"{len(queries)} queries while idle, first {queries[:5]}"
    assert reloads == [], f"{len(reloads)} model changes while idle, first {reloads[:5]}"
    assert timers.fired == [], f"timers fired while idle: {sorted(set(timers.fired))}"
    assert [index.row() for index in funds.fund_table.selectionModel().selectedRows()] == [1]
