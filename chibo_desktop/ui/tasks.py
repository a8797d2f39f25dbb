"""Running slow work (loading 100,000 members, an import preview, a PDF) off the GUI thread.

``run_task(fn, on_done, on_error)`` calls *fn* in the thread pool and delivers the result back on the GUI
thread. Only one result per key is delivered: a newer task with the same key makes older ones stale, so a
slow early load never overwrites a later one.
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    done = Signal(int, object)
    failed = Signal(int, object)


class TaskRunner(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool.globalInstance()
        self._relay = _Relay()
        self._relay.done.connect(self._deliver_done)
        self._relay.failed.connect(self._deliver_failed)
        self._serial = 0
        self._pending: dict[int, tuple[str, Callable[[Any], None], Callable[[BaseException], None]]] = {}
        self._latest: dict[str, int] = {}

    def run(
        self,
        key: str,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        self._serial += 1
        serial = self._serial
        self._pending[serial] = (key, on_done, on_error)
        self._latest[key] = serial
        relay = self._relay

        class Job(QRunnable):
            def run(self) -> None:
                try:
                    result = work()
                except BaseException as error:  # delivered to on_error on the GUI thread
                    relay.failed.emit(serial, error)
                else:
                    relay.done.emit(serial, result)

        self._pool.start(Job())

    def _take(self, serial: int) -> tuple[str, Callable[[Any], None], Callable[[BaseException], None]] | None:
        entry = self._pending.pop(serial, None)
        if entry is None or self._latest.get(entry[0]) != serial:
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

    def wait(self, msecs: int = 30000) -> bool:
        """For tests and shutdown: wait until the pool is idle."""
        return self._pool.waitForDone(msecs)
