"""Register benchmark: the year grid of a 300-member branch and of a 10,000-member database.

Run: ``QT_QPA_PLATFORM=offscreen python -m tests.benchmarks.bench_register``. Prints our time beside a floor
measured in the same run: the raw SQL that fetches the same attendance rows. Not a test: nothing asserts a time.
"""

import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication

from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import open_database
from chibo_desktop.ui.main_window import MainWindow
from chibo_desktop.ui.meetings_view import MeetingsWidget
from chibo_desktop.ui.tasks import TaskRunner
from tests.benchmarks.measure import report, timed
from tests.helpers.days import CLOCK, TODAY

YEAR = 2025


def run(members: int, app: QApplication) -> None:
    path = Path(tempfile.mkdtemp(prefix="chibo-bench-")) / "bench.sqlite"
    start = time.perf_counter()
    db = open_database(path, clock=CLOCK)
    write_demo(db, members=members, seed=5, today=TODAY)
    services = Services.build(db)
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT count(*) FROM attendance").fetchone()[0]
        meetings = conn.execute("SELECT count(*) FROM meeting").fetchone()[0]
    print(
        f"\n{members:,} members: {meetings} meetings, {rows:,} attendance rows, built in {time.perf_counter() - start:.1f} s"
    )

    def raw() -> None:
        with sqlite3.connect(path) as conn:
            conn.execute(
                'SELECT a.meeting_id, a.member_id, a.name, a.role, a.mark, a.reason, m."on", m.kind '
                'FROM attendance a JOIN meeting m ON m.id = a.meeting_id WHERE m."on" BETWEEN ? AND ?',
                (f"{YEAR}-01-01", f"{YEAR}-12-31"),
            ).fetchall()

    floor = timed(raw)
    report(
        f"register of {YEAR} (grid, warnings, summaries)",
        timed(lambda: services.meetings.register(YEAR)),
        floor,
        "raw SELECT of the year's rows",
    )
    report(
        f"meetings tab of {YEAR} (list + register)",
        timed(lambda: services.meetings.year_view(YEAR)),
        floor,
        "raw SELECT of the year's rows",
    )
    items, register = services.meetings.year_view(YEAR)
    widget = MeetingsWidget(
        lambda _i: None, lambda: None, lambda _y: None, lambda _m: None, TODAY, services.meetings, TaskRunner(), print
    )
    widget.resize(1280, 760)
    widget.show()
    widget.inner.setCurrentIndex(1)

    def show() -> None:
        widget.show_year(items, register)
        app.processEvents()
        widget.grab()

    report("show the grid on the GUI thread (+ paint)", timed(show), floor, "raw SELECT of the year's rows")
    widget.close()

    # No visible pause: the longest gap between 5 ms timer ticks while the real window loads the tab.
    window = MainWindow(services, TaskRunner(), "vi")
    window.meetings_view.year.blockSignals(True)
    window.meetings_view.year.setValue(YEAR)
    window.meetings_view.year.blockSignals(False)
    clock = QElapsedTimer()
    clock.start()
    gaps: list[int] = []
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    done: list[bool] = []
    window.meetings_loaded.connect(lambda: done.append(True))
    window.show()
    while not done or not window.tasks.wait(0):  # let the window's first loads (roster, this year) finish
        app.processEvents()
        time.sleep(0.001)
    app.processEvents()
    done.clear()
    last[0] = clock.elapsed()
    timer.start()
    window.meetings_view.refresh()
    while not done:
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    print(f"{'longest GUI stall while the tab loads':<48} {max(gaps):>9.1f} ms   (5 ms timer; a blink is ~100 ms)")
    window.tasks.wait()
    window.close()
    db.close()


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    for members in (300, 10_000):
        run(members, app)
    return 0


if __name__ == "__main__":
    sys.exit(main())
