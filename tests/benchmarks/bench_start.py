"""Whole processes, each beside a floor launched in the same run: the command line's start, and `chibo print
minutes` of a 300-member branch's meeting. Each figure is the median of *--runs* launches (wall time, and the CPU
time the process used); the peak RSS is the largest of them.

Every process, the floors too, is started through ``tests.benchmarks.peak`` (a few milliseconds), from the
repository's root.

- `chibo --help`: the CLI's start (its import and the parsing of the arguments, before any command's own work),
  beside `python -c pass`.
- `chibo print minutes` (2 pages): the whole process (start, open the file, read the meeting, lay out, write the
  PDF), beside a process that only imports reportlab, registers the same font and sets the same text (extracted
  back from our PDF) as one paragraph a line. The file is written by this version at the code's schema, so the
  print reads it with sqlite3 alone (storage/plain_minutes.py), as it reads a branch's own file every day.

    python -m tests.benchmarks.bench_start [--runs 5]
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from chibo_desktop.resources import resource
from tests.benchmarks.measure import launch_env

REPORTLAB_ONLY = """
import sys
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate
from xml.sax.saxutils import escape

regular, bold, text, out = sys.argv[1:5]
pdfmetrics.registerFont(TTFont("Serif", regular))
pdfmetrics.registerFont(TTFont("Serif-Bold", bold))
style = ParagraphStyle("body", fontName="Serif", fontSize=14, leading=18)
lines = [line for line in open(text, encoding="utf-8").read().splitlines() if line.strip()]
SimpleDocTemplate(out, pagesize=A4).build([Paragraph(escape(line), style) for line in lines])
"""


def launch(args: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak RSS in MB) of one process, which must succeed. It runs through
    ``tests.benchmarks.peak``, which reports the program's own peak (see there why not ``wait4``'s)."""
    with tempfile.NamedTemporaryFile(suffix=".peak") as peak:
        start = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.benchmarks.peak", peak.name, *args],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
        )
        assert process.stderr is not None
        errors = process.stderr.read()
        _pid, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"{args[:3]} failed: {errors.decode(errors='replace')[-800:]}")
        return elapsed, usage.ru_utime + usage.ru_stime, int(Path(peak.name).read_text() or 0) / 1024


def measured(args: list[str], env: dict[str, str], runs: int) -> tuple[float, float, float]:
    launch(args, env)  # warm the disk cache and compile the modules: every run then starts alike
    found = [launch(args, env) for _ in range(runs)]
    return (
        statistics.median(f[0] for f in found),
        statistics.median(f[1] for f in found),
        max(f[2] for f in found),
    )


def line(name: str, ours: tuple[float, float, float], floor: tuple[float, float, float], floor_name: str) -> None:
    for what, index, unit, scale in (("", 0, "ms", 1000), (" (CPU)", 1, "ms", 1000), (" (peak RSS)", 2, "MB", 1)):
        label = f"{name}{what}"
        print(
            f"{label:<48} {ours[index] * scale:>9.1f} {unit}   floor {floor[index] * scale:>8.1f} {unit}  "
            f"×{ours[index] / floor[index]:>6.1f}   ({floor_name})"
        )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="chibo-bench-"))
    env = launch_env(folder)

    ours = measured(["-m", "chibo_desktop", "--help"], env, args.runs)
    floor = measured(["-c", "pass"], env, args.runs)
    line("`chibo --help`: the CLI's start", ours, floor, "python -c pass")

    from pypdf import PdfReader

    from chibo_desktop.sample.branch import write_demo
    from chibo_desktop.services.wiring import Services
    from chibo_desktop.storage.db import open_database
    from tests.helpers.days import CLOCK, TODAY

    path = folder / "chibo.sqlite"
    db = open_database(path, folder / "backups", clock=CLOCK)
    write_demo(db, members=300, seed=9, today=TODAY, meeting_years=1)
    meeting = Services.build(db).meetings.list_meetings(TODAY.year)[0].id
    db.close()
    out = folder / "minutes.pdf"
    print_args = ["-m", "chibo_desktop", "print", "minutes", "--db", str(path), "--meeting", str(meeting)]
    ours = measured([*print_args, "--out", str(out)], env, args.runs)
    reader = PdfReader(out)
    text = folder / "minutes.txt"
    text.write_text("\n".join(page.extract_text() for page in reader.pages), encoding="utf-8")
    regular, bold = (str(resource("fonts", f"LiberationSerif-{face}.ttf")) for face in ("Regular", "Bold"))
    floor = measured(["-c", REPORTLAB_ONLY, regular, bold, str(text), str(folder / "floor.pdf")], env, args.runs)
    line(f"`chibo print minutes` ({len(reader.pages)} pages)", ours, floor, "reportlab only, same text and font")
    return 0


if __name__ == "__main__":
    sys.exit(main())
