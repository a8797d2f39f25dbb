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


@contextmanager
def collector_off() -> Iterator[None]:
    """Keep the cycle collector out of a burst of short-lived, acyclic objects built and dropped again (an export's
    records, parsed for its own check), without freezing anything: the objects go with reference counting when the
    burst ends, and the collector then finds the heap as it was. Left on, it scans the whole heap while they are
    built — in a process that holds many files' objects (the exchange benchmark's 81 branches) a full collection
    in the middle of an export cost more than the export's records themselves."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
