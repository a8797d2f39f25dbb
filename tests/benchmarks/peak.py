"""Run a module or a piece of code, and write the process's own peak memory (VmHWM, in kB) to a file at exit:

    python -m tests.benchmarks.peak OUT -m chibo_desktop --help
    python -m tests.benchmarks.peak OUT -c "import sys; ..." ARG...

The peak RSS that ``wait4`` reports for a child is no use here: Linux carries the parent's high-water mark across
``fork`` and ``exec``, so every process started by a benchmark that has built a large database would "peak" at
the benchmark's own size. VmHWM belongs to the program the process runs, from its ``exec`` on.
"""

import atexit
import runpy
import sys
from pathlib import Path


def peak_kb() -> int:
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def main() -> None:
    out, kind, target, *rest = sys.argv[1:]
    atexit.register(lambda: Path(out).write_text(str(peak_kb()), encoding="ascii"))
    if kind == "-m":
        sys.argv = [target, *rest]
        runpy.run_module(target, run_name="__main__", alter_sys=True)
    else:
        sys.argv = ["-c", *rest]
        exec(compile(target, "<string>", "exec"), {"__name__": "__main__"})  # noqa: S102 - the benchmark's own code


if __name__ == "__main__":
    main()
