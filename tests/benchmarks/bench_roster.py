"""Roster benchmark: a 100,000-member database, timed beside floors measured in the same run.

Run: ``QT_QPA_PLATFORM=offscreen python -m tests.benchmarks.bench_roster [--members N]``. Prints one row per
measure: our time, the floor's time, and the ratio. Not a test: nothing here asserts a time.

Floors: a bare PySide6 window shown and painted; the raw SQLite queries that fetch the same rows; Python's
``sorted`` on a plain string key; a raw ``LIKE`` query for a keystroke's filter.
"""

import argparse
import sqlite3
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import open_database
from chibo_desktop.ui.main_window import MainWindow
from chibo_desktop.ui.roster_model import RosterFilter
from chibo_desktop.ui.tasks import TaskRunner
from tests.benchmarks.measure import report, timed
from tests.helpers.days import CLOCK, TODAY


def peak_memory(fn: Callable[[], object]) -> tuple[int, object]:
    tracemalloc.start()
    result = fn()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak, result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=100_000)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp(prefix="chibo-bench-"))
    path = folder / "bench.sqlite"

    start = time.perf_counter()
    db = open_database(path, clock=CLOCK)
    written = write_demo(db, members=args.members, seed=11, today=TODAY, meeting_years=0)
    print(f"built {written:,} members in {time.perf_counter() - start:.1f} s ({path.stat().st_size / 1e6:.0f} MB)\n")
    services = Services.build(db)

    # --- floors -------------------------------------------------------------------------------------------
    def bare_window() -> None:
        w = QWidget()
        w.resize(1280, 760)
        w.show()
        app.processEvents()
        w.grab()
        w.close()

    window_floor = timed(bare_window)

    def raw_rows() -> list[object]:
        with sqlite3.connect(path) as conn:
            members = conn.execute("SELECT * FROM member").fetchall()
            events = conn.execute("SELECT * FROM status_event").fetchall()
        return [members, events]

    raw_floor = timed(raw_rows)

    # --- open the roster: load in the background, show, first paint ---------------------------------------
    roster = services.members.roster()

    def open_window() -> None:
        tasks = TaskRunner()
        w = MainWindow(services, tasks, "vi")
        w.show()
        loaded: list[bool] = []
        w.roster_loaded.connect(lambda _r: loaded.append(True))
        while not loaded:
            app.processEvents()
            time.sleep(0.001)
        w.grab()
        w.close()
        w.deleteLater()
        app.processEvents()

    report(
        "open the roster window (load + first paint)",
        timed(open_window),
        window_floor + raw_floor,
        "bare window + raw SELECT",
    )
    report(
        "load roster rows (service, worker thread)",
        timed(services.members.roster),
        raw_floor,
        "raw SELECT of the same rows",
    )

    # The window must not freeze while the roster loads: the longest gap between 5 ms timer ticks.
    gaps: list[float] = []
    tasks = TaskRunner()
    w = MainWindow(services, tasks, "vi")
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    done: list[bool] = []
    w.roster_loaded.connect(lambda _r: done.append(True))
    w.show()
    while not done:
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    print(f"{'longest GUI stall while loading':<44} {max(gaps):>9.1f} ms   (5 ms timer; a blink is ~100 ms)")

    # --- filter on a keystroke ------------------------------------------------------------------------------
    model = w.roster_view.model
    word = "nguyen"

    def keystrokes() -> None:
        for n in range(1, len(word) + 1):
            model.set_filter(RosterFilter(text=word[:n]))
        model.set_filter(RosterFilter())

    def raw_like() -> None:
        with sqlite3.connect(path) as conn:
            for n in range(1, len(word) + 1):
                conn.execute("SELECT id FROM member WHERE search_text LIKE ?", (f"%{word[:n]}%",)).fetchall()
            conn.execute("SELECT id FROM member").fetchall()

    report(
        "filter, per keystroke (typing 'nguyen')",
        timed(keystrokes) / (len(word) + 1),
        timed(raw_like) / (len(word) + 1),
        "raw LIKE query",
    )

    # --- sort ---------------------------------------------------------------------------------------------
    rows = roster.rows

    def sort_new_column() -> None:
        model._orders.pop(2, None)
        model.sort(2, Qt.SortOrder.AscendingOrder)  # date of birth, computed afresh
        model.sort(0, Qt.SortOrder.AscendingOrder)

    def plain_sort() -> None:
        sorted(range(len(rows)), key=lambda i: rows[i].full_name)

    report(
        "sort by a new column (Vietnamese keys)",
        timed(sort_new_column),
        timed(plain_sort),
        "sorted() on a plain str key",
    )

    def resort() -> None:
        model.sort(2, Qt.SortOrder.DescendingOrder)
        model.sort(0, Qt.SortOrder.AscendingOrder)

    report("sort again by a column seen before", timed(resort), timed(plain_sort), "sorted() on a plain str key")

    # --- memory -------------------------------------------------------------------------------------------
    ours, _ = peak_memory(services.members.roster)
    floor, _ = peak_memory(raw_rows)
    print(
        f"{'memory: roster snapshot (peak, tracemalloc)':<44} {ours / 1e6:>9.1f} MB   floor {floor / 1e6:>8.1f} MB  ×{ours / floor:>6.1f}   (raw rows)"
    )
    w.close()
    tasks.wait()
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
