"""A machine busy with other work, for the tests of what the screen shows while background work waits its turn."""

import threading

from PySide6.QtCore import QThreadPool


class BusyWorkers:
    """Every worker thread of the pool kept busy until ``release()``: the background tasks started meanwhile wait
    their turn."""

    def __init__(self) -> None:
        self._go = threading.Event()
        pool = QThreadPool.globalInstance()
        for _ in range(pool.maxThreadCount()):
            pool.start(self._go.wait)

    def release(self) -> None:
        self._go.set()
