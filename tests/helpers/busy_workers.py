"""Every worker thread of the shared pool kept busy until ``release()``, as while a large committee's roster,
meetings and fund are still loading, or on a machine busy with other work: the background tasks started
meanwhile on that pool wait their turn."""

import threading

from PySide6.QtCore import QThreadPool


class BusyWorkers:
    def __init__(self) -> None:
        self._go = threading.Event()
        pool = QThreadPool.globalInstance()
        for _ in range(pool.maxThreadCount()):
            pool.start(self._go.wait)

    def release(self) -> None:
        self._go.set()
