"""The committee's figures at 81 branches: ``chibo stats`` and ``chibo report`` as whole processes, and the dues
consolidation of its ~10,000 members in process.

Run: ``python -m tests.benchmarks.bench_committee [--branches 81] [--members 10073] [--years 5] [--db FILE]``.
Without ``--db`` the branches are built, exported and taken in first (as in ``bench_exchange``); with it, an
existing committee database is used (a copy: the file itself is left as it was). Floors, in the same run: a
process that only opens the file with ``sqlite3`` and counts its members, and for the dues a raw ``SELECT`` of the
same sums and counts.
"""

import argparse
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

from chibo_desktop.domain.dates import parse_period
from chibo_desktop.domain.organisation import Level, OrganisationSetup
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import open_database
from tests.benchmarks.bench_exchange import PASS, build_branches
from tests.benchmarks.measure import launch_env, report, scratch_folder, timed
from tests.helpers.days import CLOCK, TODAY

FLOOR = "import sqlite3, sys\nprint(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM member').fetchone()[0])"
DUES_FLOOR = (
    "SELECT org_unit_id, sum(due), sum(collected), count(DISTINCT member_uuid) FROM branch_dues "
    "WHERE month BETWEEN ? AND ? GROUP BY org_unit_id"
)


AS_COMMITTEE = (  # what migration 0011 does to an upper level set up before the level was asked
    "UPDATE org_unit SET kind = 'committee' WHERE is_self = 1 AND kind = 'branch' AND EXISTS (SELECT 1 FROM import_log)"
)


def committee(path: Path) -> Services:
    """The commune's committee the branches report to (``bench_exchange`` sets its upper level up as a branch that
    takes packages in: such a file keeps records of its own, whose figures its stats work out again each time)."""
    upper = Services.build(open_database(path, clock=CLOCK))
    upper.organisation.save(OrganisationSetup("Đảng ủy xã Tân Hùng", "Tỉnh ủy Cà Mau", "Tân Hùng", (), Level.COMMITTEE))
    return upper


CPU: list[float] = []  # the processor time of each process run, beside its wall time (a shared machine)


def process(args: list[str], env: dict[str, str]) -> float:
    """Median wall time of a fresh interpreter running *args* (three runs, after one that compiles the modules, as
    an installed app carries them: see ``measure.launch_env``); its median processor time (user + system) goes to
    CPU."""
    used = []
    subprocess.run([sys.executable, *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)

    def run() -> None:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(
            [sys.executable, *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
        )
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        used.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)

    wall = timed(run)
    CPU.append(statistics.median(used))
    return wall


def cpu_line(name: str, ours: float, floor: float) -> None:
    print(f"  {name}: processor time {ours * 1000:.0f} ms, floor {floor * 1000:.0f} ms")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--branches", type=int, default=81)
    parser.add_argument("--members", type=int, default=10_073)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--db", type=Path, default=None, help="an existing committee database (copied first)")
    parser.add_argument("--keep", action="store_true", help="keep the files it made (their folder is printed)")
    args = parser.parse_args()
    with scratch_folder(args.keep) as folder:
        return measure(args, folder)


def measure(args: argparse.Namespace, folder: Path) -> int:
    db_path = folder / "upper.sqlite"
    if args.db is not None:  # a consistent copy, with what is still in its write-ahead log
        with closing(sqlite3.connect(args.db)) as source, closing(sqlite3.connect(db_path)) as target:
            source.backup(target)
            with target:  # a file an earlier run built as a branch taking packages in: the committee it stands for
                changed = target.execute(AS_COMMITTEE).rowcount
        if changed:
            print("the file's upper level was set up as a branch: its copy made the committee it stands for")
    else:
        start = time.perf_counter()
        branches, usb = build_branches(folder, args.branches, args.members, args.years)
        for b in branches:
            b.exchange.export(usb, passphrase=PASS)
        upper = committee(db_path)
        trusted = {b.exchange.keys().signing_fingerprint for b in branches}
        assert all(r.accepted for r in upper.exchange.import_paths([usb], PASS, trusted=trusted))
        upper.db.close()
        print(f"built and took in {args.branches} branches in {time.perf_counter() - start:.0f} s")
    upper = Services.build(open_database(db_path, clock=CLOCK))  # migrates a copy made by an older app
    period = parse_period(str(TODAY.year))
    stats = upper.stats.stats(period, TODAY)
    branches_seen = len(stats.get("branches") or [])  # type: ignore[arg-type]
    members = stats["members"]["total"]  # type: ignore[index]
    upper.db.close()
    print(f"committee: {branches_seen} branches, {members:,} members\n")

    env = launch_env(folder)
    floor = process(["-c", FLOOR, str(db_path)], env)
    cli = ["-m", "chibo_desktop"]
    year = str(TODAY.year)
    stats_time = process([*cli, "stats", "--db", str(db_path), "--period", year, "--json"], env)
    out = str(folder / "r.pdf")
    report_time = process([*cli, "report", "--db", str(db_path), "--period", year, "--out", out], env)
    start_time = process([*cli, "--help"], env)
    report("`chibo stats --json`, whole process", stats_time, floor, "a process counting the members with sqlite3")
    report("`chibo report` (PDF), whole process", report_time, floor, "a process counting the members with sqlite3")
    report("the CLI's own start (`chibo --help`)", start_time, floor, "a process counting the members with sqlite3")
    floor_cpu, stats_cpu, report_cpu, start_cpu = CPU
    cpu_line("chibo stats", stats_cpu, floor_cpu)
    cpu_line("chibo report", report_cpu, floor_cpu)
    cpu_line("chibo --help", start_cpu, floor_cpu)

    upper = Services.build(open_database(db_path, clock=CLOCK))
    started = time.process_time()
    in_process = timed(lambda: upper.stats.stats(period, TODAY))
    stats_cpu_in = (time.process_time() - started) / 3
    dues = timed(lambda: upper.dues.stats(period))
    raw = sqlite3.connect(db_path)
    first, last = f"{year}-01-01", TODAY.replace(day=1).isoformat()
    dues_floor = timed(lambda: raw.execute(DUES_FLOOR, (first, last)).fetchall())
    report("stats of all branches, in process", in_process, floor, "a process counting the members with sqlite3")
    report("dues of all branches, consolidated", dues, dues_floor, "raw SELECT of the sums per branch")
    print(f"  stats in process: processor time {stats_cpu_in * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
