"""What every benchmark prints: our time beside a floor measured in the same run, and the ratio."""

import statistics
import time
from collections.abc import Callable


def timed(fn: Callable[[], object], repeat: int = 3) -> float:
    """Median wall time of *fn* in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(name: str, ours: float, floor: float, floor_name: str) -> None:
    print(f"{name:<48} {ours * 1000:>9.1f} ms   floor {floor * 1000:>8.1f} ms  ×{ours / floor:>6.1f}   ({floor_name})")
