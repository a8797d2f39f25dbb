"""Cold start: from launching the app to a usable roster on a database of *--members* members, beside launching a
bare PySide6 window. Each launch is a new Python process (imports, Qt start-up, the start-up check of the file, the
migrations check, the window, the roster loaded in the background).

"Usable" is what a person needs to start work: the roster's rows on the screen (the first screenful read and
painted), to be scrolled, searched and opened. A large roster's counts and reminders are worked out in the
background after that; the benchmark waits for them too and reports when they arrived, then ends the process.
Memory is the process's peak RSS over all of it.

    QT_QPA_PLATFORM=offscreen python -m tests.benchmarks.bench_cold_start [--members 100000] [--runs 3] [--db FILE]

``--db FILE``: launch on FILE, building it first (with *--members*) if it does not exist yet.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from chibo_desktop.sample.branch import write_demo
from chibo_desktop.storage.db import open_database
from tests.benchmarks.measure import launch_env
from tests.helpers.days import CLOCK, TODAY

BARE = """
import sys
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv)
window = QWidget()
window.resize(1280, 760)
window.show()
QTimer.singleShot(0, lambda: (print("ready", time.process_time(), flush=True), app.quit()))
app.exec()
"""

APP = """
import sys
import time
from pathlib import Path
from chibo_desktop.services.gc_pause import paused_gc
with paused_gc():  # as `chibo` loads the app (cli._main)
    from chibo_desktop import app as chibo_app
    from chibo_desktop.ui.main_window import MainWindow
from PySide6.QtWidgets import QApplication

shown, counted = MainWindow._roster_shown, MainWindow._roster_ready
def rows_shown(self):
    shown(self)
    if not hasattr(self, "usable"):  # the first time: the rows painted, as a person sees them
        self.usable = True
        self.roster_view.table.viewport().repaint()
        print("ready", time.process_time(), self.roster_view.model.rowCount(), flush=True)
def ready(self, overview):
    counted(self, overview)
    print("counted", time.process_time(), self.roster_view.model.rowCount(), flush=True)
    QApplication.instance().quit()
MainWindow._roster_shown = rows_shown
MainWindow._roster_ready = ready
chibo_app.run_gui(database=Path(sys.argv[1]))
"""


def launch(code: str, *args: str, env: dict[str, str]) -> tuple[float, float, str, float, str]:
    """(seconds from launch to its "ready" line, peak RSS in MB, the line, seconds to its "counted" line if any,
    that line). The process runs through ``tests.benchmarks.peak``, which reports the program's own peak
    (``wait4``'s would carry this benchmark's, which has just built a large database)."""
    with tempfile.NamedTemporaryFile(suffix=".peak") as peak:
        start = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.benchmarks.peak", peak.name, "-c", code, *args],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert process.stdout is not None
        line = process.stdout.readline().strip()
        elapsed = time.perf_counter() - start
        then = process.stdout.readline().strip()
        counted = time.perf_counter() - start
        process.stdout.read()
        _pid, status, _usage = os.wait4(process.pid, 0)
        if not line.startswith("ready") or os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"the launch did not get ready: {line!r}")
        return elapsed, int(Path(peak.name).read_text() or 0) / 1024, line, counted, then


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--db", type=Path, help="launch on this file, built first if it does not exist yet")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="chibo-bench-"))
    if args.db is not None and args.db.exists():
        path = args.db
        print(f"{path} ({path.stat().st_size / 1e6:.0f} MB)\n")
    else:  # a --db not made yet is built here, for later runs to launch on
        path = args.db or folder / "chibo.sqlite"
        start = time.perf_counter()
        written = write_demo(
            open_database(path, clock=CLOCK), members=args.members, seed=11, today=TODAY, meeting_years=0
        )
        print(
            f"built {written:,} members in {time.perf_counter() - start:.1f} s ({path.stat().st_size / 1e6:.0f} MB)\n"
        )
    env = launch_env(folder, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))

    launch(BARE, env=env)  # warm the disk cache and compile the modules: every run then starts alike
    launch(APP, str(path), env=env)
    bare = [launch(BARE, env=env) for _ in range(args.runs)]
    ours = [launch(APP, str(path), env=env) for _ in range(args.runs)]
    bare_time, ours_time = statistics.median(b[0] for b in bare), statistics.median(o[0] for o in ours)
    bare_rss, ours_rss = max(b[1] for b in bare), max(o[1] for o in ours)
    rows = ours[0][2].split()[2]
    bare_cpu = statistics.median(float(b[2].split()[1]) for b in bare)
    ours_cpu = statistics.median(float(o[2].split()[1]) for o in ours)
    counted_time = statistics.median(o[3] for o in ours)
    counted_cpu = statistics.median(float(o[4].split()[1]) for o in ours)
    print(
        f"{'cold start to a usable roster (' + rows + ' rows)':<48} {ours_time * 1000:>9.1f} ms   floor "
        f"{bare_time * 1000:>8.1f} ms  ×{ours_time / bare_time:>6.1f}   (launch of a bare PySide6 window)"
    )
    print(
        f"{'the same, CPU time of the process':<48} {ours_cpu * 1000:>9.1f} ms   floor "
        f"{bare_cpu * 1000:>8.1f} ms  ×{ours_cpu / bare_cpu:>6.1f}   (the bare window's process)"
    )
    print(
        f"{'then the counts and reminders in (' + ours[0][4].split()[2] + ' rows)':<48} "
        f"{counted_time * 1000:>9.1f} ms   floor {bare_time * 1000:>8.1f} ms  ×{counted_time / bare_time:>6.1f}"
        "   (from launch; the roster usable meanwhile)"
    )
    print(
        f"{'the same, CPU time of the process':<48} {counted_cpu * 1000:>9.1f} ms   floor "
        f"{bare_cpu * 1000:>8.1f} ms  ×{counted_cpu / bare_cpu:>6.1f}   (the bare window's process)"
    )
    print(
        f"{'memory: the app process at that point (peak RSS)':<48} {ours_rss:>9.1f} MB   floor "
        f"{bare_rss:>8.1f} MB  ×{ours_rss / bare_rss:>6.1f}   (the bare window's process)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
