"""Building large read-only snapshots without the cycle collector freezing the window."""

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Keep the cycle collector away from a million small, acyclic objects built at once.

    Left alone, full collections over the growing heap run in the middle of the load and, later, on the GUI
    thread, each holding the interpreter lock for hundreds of milliseconds: the window freezes. So the collector
    is paused while the objects are built, and what exists afterwards is frozen out of its scans
    (``gc.freeze``); reference counting still frees the snapshot when the next one replaces it. The cost: cyclic
    garbage that existed at that moment is no longer collected (a closed dialog or two).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()
