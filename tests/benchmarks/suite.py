"""Every benchmark at the scales the issues name, one command:

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.benchmarks.suite

Each runs in a process of its own and prints its times beside floors measured in the same run; the suite adds
each process's peak memory beside the peak of a process that only opens a bare PySide6 window, and the machine.
Nothing is asserted: these are measurements, not tests.
"""

import os
import platform
import subprocess
import sys
import time

BENCHMARKS = [
    ("roster, 100,000 members", ["tests.benchmarks.bench_roster", "--members", "100000"]),
    ("start: the command line and a print, whole processes", ["tests.benchmarks.bench_start"]),
    ("cold start, 300 members", ["tests.benchmarks.bench_cold_start", "--members", "300"]),
    ("cold start, 100,000 members", ["tests.benchmarks.bench_cold_start", "--members", "100000"]),
    ("attendance register, 300 and 10,000 members", ["tests.benchmarks.bench_register"]),
    ("documents, a 300-member year book", ["tests.benchmarks.bench_documents"]),
    ("dues, a 300-member branch's year", ["tests.benchmarks.bench_dues"]),
    ("exchange, 81 branches", ["tests.benchmarks.bench_exchange", "--branches", "81"]),
    ("the committee's figures, 81 branches", ["tests.benchmarks.bench_committee", "--branches", "81"]),
]
BARE = (
    "import sys\nfrom PySide6.QtWidgets import QApplication, QWidget\n"
    "app = QApplication(sys.argv)\nw = QWidget()\nw.show()\napp.processEvents()\n"
)


def run(args: list[str]) -> tuple[int, float, float, str]:
    """(exit code, seconds, peak RSS in MB, what it printed)."""
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, *args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert process.stdout is not None
    out = process.stdout.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    return os.waitstatus_to_exitcode(status), time.perf_counter() - start, usage.ru_maxrss / 1024, out


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30 if hasattr(os, "sysconf") else 0
    import PySide6

    return (
        f"{os.cpu_count()} cores, {cpu}, {memory:.0f} GiB, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, PySide6 {PySide6.__version__}"
    )


def main() -> int:
    print(f"machine: {machine()}\n")
    _code, _seconds, floor_rss, _out = run(["-c", BARE])
    failed = 0
    for title, args in BENCHMARKS:
        code, seconds, rss, out = run(["-m", *args])
        lines = [line for line in out.splitlines() if "propagateSizeHints" not in line]
        print(f"== {title} ({seconds:.0f} s in all)")
        print("\n".join(lines).strip())
        print(
            f"{'memory: the benchmark process (peak RSS)':<48} {rss:>9.1f} MB   floor {floor_rss:>8.1f} MB  "
            f"×{rss / floor_rss:>6.1f}   (a process showing a bare PySide6 window)\n"
        )
        failed += code != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
