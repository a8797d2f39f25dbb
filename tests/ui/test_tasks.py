"""Work in the background never destroys what the window left behind: a closed window's garbage is collected on
the GUI thread, even when a worker's allocations pass the collector's thresholds (Qt objects destroyed from another
thread crash the app)."""

import gc
import threading

from pytestqt.qtbot import QtBot

from chibo_desktop.ui.tasks import TaskRunner


class _Cycle:
    """Garbage only the cycle collector frees, noting the thread that freed it."""

    freed_on: list[str] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        _Cycle.freed_on.append(threading.current_thread().name)


def test_a_workers_allocations_leave_the_windows_garbage_to_the_gui_thread(qtbot: QtBot) -> None:
    # a task an earlier test started may end just before this one: its end is delivered through the event loop,
    # and only then is collecting automatic again
    qtbot.waitUntil(gc.isenabled, timeout=10000)
    gc.collect()
    runner = TaskRunner()
    results: list[int] = []
    _Cycle.freed_on.clear()
    release = threading.Event()

    def work() -> int:
        release.wait(10)
        kept = [[n] for n in range(200_000)]  # thousands of times the youngest generation's threshold
        return len(kept)

    runner.run("work", work, results.append, lambda error: results.append(-1))
    _Cycle()  # what a window closed meanwhile leaves for the collector
    release.set()
    qtbot.waitUntil(lambda: bool(results), timeout=10000)
    runner.wait()
    qtbot.waitUntil(gc.isenabled, timeout=10000)  # the task's end, delivered: collecting is automatic again
    assert results == [200_000]
    gc.collect()
    assert _Cycle.freed_on == [threading.main_thread().name]


def test_the_collector_is_paused_only_while_tasks_run(qtbot: QtBot) -> None:
    runner = TaskRunner()
    release = threading.Event()
    done: list[object] = []
    runner.run("a", lambda: release.wait(10), done.append, done.append)
    runner.run("b", lambda: release.wait(10), done.append, done.append)
    assert not gc.isenabled()
    release.set()
    qtbot.waitUntil(lambda: len(done) == 2, timeout=10000)
    qtbot.waitUntil(gc.isenabled, timeout=10000)
    assert done == [True, True]
