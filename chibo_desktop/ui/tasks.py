"""Running slow work (loading 100,000 members, an import preview, a PDF) off the GUI thread.

``run(key, work, on_done, on_error)`` calls *work* in the thread pool and delivers the result back on the GUI
thread. Only one result per key is delivered: a newer task with the same key makes older ones stale, so a slow
early load never overwrites a later one. With ``on_progress``, *work* receives a ``report(n) -> bool`` callback:
each call is forwarded to the GUI thread, and it returns False once the returned :class:`Job` is cancelled.

While any task runs, the cycle collector runs only on the GUI thread (:class:`_CollectorOnGuiThread`): left to
itself it runs in whichever thread allocates when a threshold is passed, and a worker finding a closed window's
Qt objects among the garbage destroys them on the wrong thread (Qt: "QBasicTimer::stop … different thread", then
a crash).

The shared pool has one thread per core (two on the office machines), and the first loads of a large roster, its
meetings and its fund keep them busy for seconds. A short read a user is waiting to see (``quick=True``: a tab's
list of a few rows) runs on a thread of its own instead, so it never queues behind them.
"""

import contextlib
import gc
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    done = Signal(int, object)
    failed = Signal(int, object)
    progress = Signal(int, int)


def _emit(signal: Any, serial: int, value: object) -> None:
    """Deliver a result, unless the runner is gone (the app is closing): then there is no one to tell."""
    with contextlib.suppress(RuntimeError):
        signal.emit(serial, value)


class _CollectorOnGuiThread(QObject):
    """Keeps the cycle collector off while workers run, and runs it on the GUI thread instead.

    The first task started turns automatic collection off; each progress report and each task's end, delivered on
    the GUI thread, collect the generations whose thresholds were passed meanwhile (the interpreter's own rule), and
    the last task's end turns automatic collection back on, as it was. A task's end reaches this object (made on
    the GUI thread, living as long as the process) whatever became of the runner that started it. Nothing runs on
    a timer: an idle app does nothing. Code that pauses the collector itself (``services.gc_pause``) finds it off
    while tasks run and leaves it so."""

    ended = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._running = 0
        self._was_enabled = False
        self.ended.connect(self._ended)  # emitted by the workers: queued to this object's thread, the GUI thread

    def started(self) -> None:
        if self._running == 0:
            self._was_enabled = gc.isenabled()
            gc.disable()
        self._running += 1

    def _ended(self) -> None:
        self._running -= 1
        if self._running == 0 and self._was_enabled:
            gc.enable()
        self.collect_if_due()

    def collect_if_due(self) -> None:
        if not self._was_enabled or gc.isenabled():  # off by someone else's choice, or automatic again
            return
        counts, thresholds = gc.get_count(), gc.get_threshold()
        due = [g for g in range(3) if thresholds[g] and counts[g] > thresholds[g]]
        if due:
            gc.collect(max(due))


_collector: _CollectorOnGuiThread | None = None  # the process's one: made by the first task, on the GUI thread


def _collector_on_gui_thread() -> _CollectorOnGuiThread:
    global _collector
    if _collector is None:
        _collector = _CollectorOnGuiThread()
    return _collector


class Job:
    """A handle on a started task: ``cancel()`` asks it to stop at its next progress report."""

    def __init__(self) -> None:
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()


class TaskRunner(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool.globalInstance()
        self._quick = QThreadPool(self)
        self._quick.setMaxThreadCount(1)
        self._relay = _Relay()
        self._relay.done.connect(self._deliver_done)
        self._relay.failed.connect(self._deliver_failed)
        self._relay.progress.connect(self._deliver_progress)
        self._serial = 0
        self._pending: dict[int, tuple[str, Callable[[Any], None], Callable[[BaseException], None]]] = {}
        self._progress: dict[int, Callable[[int], None]] = {}
        self._latest: dict[str, int] = {}
        self._owners: dict[int, QObject] = {}

    def run(
        self,
        key: str,
        work: Callable[..., Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        on_progress: Callable[[int], None] | None = None,
        owner: QObject | None = None,
        quick: bool = False,
    ) -> Job:
        """With *owner*, nothing is delivered once that widget has been deleted (a window closed meanwhile).
        *quick*: a read of a blink that must not wait behind the long loads (see the module's docstring); quick
        tasks wait only for each other, so a slow one must not be marked quick."""
        self._serial += 1
        serial = self._serial
        self._pending[serial] = (key, on_done, on_error)
        if owner is not None:
            self._owners[serial] = owner
        self._latest[key] = serial
        relay = self._relay
        job = Job()
        if on_progress is not None:
            self._progress[serial] = on_progress

            def report(value: int) -> bool:
                _emit(relay.progress, serial, value)
                return not job.cancelled

        class Runnable(QRunnable):
            def run(self) -> None:
                try:
                    result = work(report) if on_progress is not None else work()
                except BaseException as error:  # delivered to on_error on the GUI thread
                    _emit(relay.failed, serial, error)
                else:
                    _emit(relay.done, serial, result)
                finally:
                    collector.ended.emit()

        collector = _collector_on_gui_thread()
        collector.started()
        (self._quick if quick else self._pool).start(Runnable())
        return job

    def _take(self, serial: int) -> tuple[str, Callable[[Any], None], Callable[[BaseException], None]] | None:
        entry = self._pending.pop(serial, None)
        self._progress.pop(serial, None)
        owner = self._owners.pop(serial, None)
        if entry is None or self._latest.get(entry[0]) != serial:
            return None
        if owner is not None and not shiboken6.isValid(owner):
            return None
        return entry

    def _deliver_done(self, serial: int, result: object) -> None:
        entry = self._take(serial)
        if entry:
            entry[1](result)

    def _deliver_failed(self, serial: int, error: object) -> None:
        entry = self._take(serial)
        if entry:
            assert isinstance(error, BaseException)
            entry[2](error)

    def _deliver_progress(self, serial: int, value: int) -> None:
        _collector_on_gui_thread().collect_if_due()
        callback = self._progress.get(serial)
        owner = self._owners.get(serial)
        if callback is not None and (owner is None or shiboken6.isValid(owner)):
            callback(value)

    def wait(self, msecs: int = 30000) -> bool:
        """For tests and shutdown: wait until both pools are idle."""
        return self._pool.waitForDone(msecs) and self._quick.waitForDone(msecs)
