"""What every benchmark prints: our time beside a floor measured in the same run, and the ratio."""

import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


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


def launch_env(folder: Path, **extra: str) -> dict[str, str]:
    """The environment of a launched process (ours and the floors alike): this repository first on the path, the
    user folders inside *folder*, and Python's compiled modules kept in *folder* too. An installed app carries its
    modules compiled; without the cache (``PYTHONDONTWRITEBYTECODE``, as set in some shells) every launch compiled
    our ~100 modules again, a sixth of a second that no user pays, while the floors' libraries came compiled."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    root = str(Path(__file__).resolve().parents[2])
    return {
        **env,
        "PYTHONPATH": root + os.pathsep + env.get("PYTHONPATH", ""),
        "PYTHONPYCACHEPREFIX": str(folder / "pycache"),
        "XDG_CONFIG_HOME": str(folder / "config"),
        "XDG_STATE_HOME": str(folder / "state"),
        **extra,
    }


@contextmanager
def scratch_folder(keep: bool) -> Iterator[Path]:
    """A folder for the files a benchmark builds (gigabytes at 81 branches): removed at the end, unless *keep*
    (then its path is printed, to reuse what was built)."""
    folder = Path(tempfile.mkdtemp(prefix="chibo-bench-"))
    try:
        yield folder
    finally:
        if keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
