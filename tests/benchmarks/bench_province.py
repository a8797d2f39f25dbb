"""A province on PostgreSQL beside SQLite: many communes' packages taken in, then the stats and the report.

Run: ``CHIBO_BENCH_PG=postgresql://user@host/postgres python -m tests.benchmarks.bench_province [--communes 300]
[--members 100000] [--operators 2]`` (a login that may create databases; without it only SQLite is timed).
Each commune is a demo branch with a year of meetings and sends one package, locked to the province's key (the same
key on both databases, as after ``chibo migrate-to``). The demo generator writes one commune (two: one with a member
more, so the members add up); the others are copies of its file re-keyed in SQL — every UUID, the branch's name and
place — each then given its own signing key by the app's real export, so every package is a separate, separately
signed one that the import checks in full. Timed on each database: taking every package in (one
operator), the stats of the year and the consolidated report (PDF); on PostgreSQL also the same packages taken in
by several operators at once (threads, each with its own connection), into a second database. The floor is a raw
``executemany`` of the same rows into a fresh SQLite file, as in bench_exchange.
"""

import argparse
import base64
import json
import os
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from chibo_desktop.domain.dates import parse_period
from chibo_desktop.domain.organisation import Level, OrganisationSetup
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services.printing import CONSOLIDATED
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage import exchange_log, package_records
from chibo_desktop.storage.db import open_database, server_url
from tests.benchmarks.bench_exchange import flatten
from tests.benchmarks.measure import report
from tests.helpers.days import CLOCK, TODAY

PROVINCE = OrganisationSetup("Tỉnh ủy Cà Mau", "Ban Chấp hành Trung ương", "Cà Mau", (), Level.COMMITTEE)


def _admin(url: str, statement: str) -> None:
    engine = create_engine(server_url(url), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(statement)
    engine.dispose()


def _server(url: str, name: str) -> str:
    _admin(url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    _admin(url, f"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0")
    return url.rsplit("/", 1)[0] + "/" + name


def _province(location: Path | str, keys: tuple[bytes, bytes] | None) -> Services:
    services = Services.build(open_database(location, clock=CLOCK))
    services.organisation.save(PROVINCE)
    if keys is not None:  # the province's key the communes locked their packages to
        with services.db.write() as session:
            exchange_log.set_key(session, "encryption", *keys)
    return services


def _template(folder: Path, members: int) -> Path:
    """A commune written by the demo generator, its file checkpointed so that a plain copy carries all of it."""
    path = folder / f"template-{members}.sqlite"
    db = open_database(path, clock=CLOCK)
    write_demo(db, members=members, seed=1, today=TODAY, meeting_years=1)
    db.close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def _rekey(path: Path, n: int) -> None:
    """Make the copied commune *path* the *n*th: every UUID gets the commune's number as its first group (UUIDs
    stay unique: the rest is the template's random part), the branch a name and place of its own, and no keys (the
    export makes its own). The audit triggers are set aside meanwhile, so the re-keying leaves no history."""
    prefix = f"{n + 1:08x}"
    conn = sqlite3.connect(path)
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    for name, _sql in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        columns = {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')}
        for column in columns & {"uuid", "row_uuid", "meeting_uuid", "member_uuid"}:
            conn.execute(f'UPDATE "{table}" SET {column} = ? || substr({column}, 9)', (prefix,))
    conn.execute(
        "UPDATE org_unit SET name = ?, place_name = ? WHERE is_self", (f"Chi bộ xã số {n + 1}", f"Xã số {n + 1}")
    )
    conn.execute("DELETE FROM key_pair")
    for _name, sql in triggers:
        conn.execute(sql)
    conn.commit()
    conn.close()


def _cpu() -> float:
    """CPU seconds of this process so far (user + system, all its threads)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


@dataclass
class TakeIn:
    """How long taking every package in took: wall and CPU seconds (this process's, and the server's when it is a
    local PostgreSQL), and with one operator each package's wall time in the order they came."""

    wall: float
    cpu: float
    server_cpu: float | None
    each: list[float]


def _server_cpu(province: Services) -> float | None:
    """CPU seconds the local PostgreSQL server has used so far (the postmaster, the backends it has reaped and
    those alive), read from /proc; None on SQLite or a server on another machine."""
    if not province.db.server:
        return None
    with province.db.read() as session:
        backend = int(session.execute(text("SELECT pg_backend_pid()")).scalar_one())
    try:
        postmaster = int(Path(f"/proc/{backend}/stat").read_text().rsplit(")", 1)[1].split()[1])
        ticks = os.sysconf("SC_CLK_TCK")
        total = 0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            pid = int(stat.parent.name)
            if pid == postmaster:
                total += sum(int(f) for f in fields[11:15])  # utime stime cutime cstime
            elif int(fields[1]) == postmaster:
                total += int(fields[11]) + int(fields[12])
        return total / ticks
    except (OSError, ValueError, IndexError):
        return None


def _take_in(province: Services, files: list[Path], trusted: set[str], operators: int, location: Path | str) -> TakeIn:
    server_before = _server_cpu(province)
    cpu_before = _cpu()
    start = time.perf_counter()
    each: list[float] = []
    if operators == 1:
        reports = []
        for path in files:
            began = time.perf_counter()
            reports.append(province.exchange.import_file(path, None, trusted=trusted))
            each.append(time.perf_counter() - began)
    else:
        desks = [Services.build(open_database(location, clock=CLOCK)) for _ in range(operators)]
        with ThreadPoolExecutor(operators) as pool:
            reports = list(
                pool.map(
                    lambda job: desks[job[0] % operators].exchange.import_file(job[1], None, trusted=trusted),
                    enumerate(files),
                )
            )
        for desk in desks:
            desk.db.close()
    took = time.perf_counter() - start
    cpu = _cpu() - cpu_before
    server_after = _server_cpu(province)
    refused = [r.reason for r in reports if not r.accepted]
    assert not refused, refused[:3]
    server = server_after - server_before if server_before is not None and server_after is not None else None
    return TakeIn(took, cpu, server, each)


def _figures(province: Services, folder: Path, label: str) -> tuple[float, float, int]:
    year = parse_period(str(TODAY.year))
    start = time.perf_counter()
    stats = province.stats.stats(year, TODAY)
    stats_time = time.perf_counter() - start
    start = time.perf_counter()
    province.printer.write(CONSOLIDATED, year, folder / f"report-{label}.pdf")
    report_time = time.perf_counter() - start
    return stats_time, report_time, int(stats["members"]["total"])  # type: ignore[index]


def _build(folder: Path, communes: int, members: int) -> dict[str, Any]:
    """Build the communes and their packages in *folder*/usb, and the floor; what a later run needs to take the
    same packages in again (the province's key, the communes' fingerprints, the floor) goes to setup.json."""
    usb = folder / "usb"
    usb.mkdir()
    first = _province(folder / "keys.sqlite", None)
    keys = first.exchange.keys()
    with first.db.read() as session:
        found = exchange_log.get_key(session, "encryption")
    assert found is not None
    first.db.close()

    start = time.perf_counter()
    per_commune, extra = divmod(members, communes)
    templates = {size: _template(folder, size) for size in {per_commune, per_commune + 1}}
    trusted: list[str] = []
    all_rows: dict[str, list[tuple[object, ...]]] = {}
    for n in range(communes):
        path = folder / f"c{n}.sqlite"
        shutil.copyfile(templates[per_commune + (n < extra)], path)
        _rekey(path, n)
        db = open_database(path, clock=CLOCK)
        commune = Services.build(db)
        commune.exchange.export(usb, recipient=keys.encryption_public)
        trusted.append(commune.exchange.keys().signing_fingerprint)
        with db.read() as session:
            for table, records in package_records.dump(session).items():
                all_rows.setdefault(table, []).extend(flatten(records))
        db.close()
        path.unlink()
    size = sum(p.stat().st_size for p in usb.glob("*.chibo"))
    print(f"built and exported {communes} communes in {time.perf_counter() - start:.0f} s: {size / 1e6:.1f} MB")

    start = time.perf_counter()
    raw = sqlite3.connect(folder / "raw.sqlite")
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=FULL")
    for table, rows in all_rows.items():
        if rows:
            width = max(len(r) for r in rows)
            raw.execute(f"CREATE TABLE {table} ({', '.join(f'c{i}' for i in range(width))})")
            raw.executemany(
                f"INSERT INTO {table} VALUES ({', '.join('?' * width)})", [r + (None,) * (width - len(r)) for r in rows]
            )
    raw.commit()
    raw.close()
    setup = {
        "key": [base64.b64encode(part).decode() for part in found],
        "trusted": trusted,
        "floor": time.perf_counter() - start,
        "records": sum(len(r) for r in all_rows.values()),
    }
    (folder / "raw.sqlite").unlink()
    (folder / "setup.json").write_text(json.dumps(setup))
    return setup


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--communes", type=int, default=300)
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--operators", type=int, default=2)
    parser.add_argument("--folder", type=Path, help="build here, or take in the packages a run built here before")
    parser.add_argument("--places", default="sqlite,pg,operators", help="which of sqlite, pg, operators to time")
    parser.add_argument("--figures", default="sqlite,pg,operators", help="where to time the stats and the report")
    args = parser.parse_args()
    server = os.environ.get("CHIBO_BENCH_PG", "")
    folder = args.folder or Path(tempfile.mkdtemp(prefix="chibo-province-"))
    folder.mkdir(parents=True, exist_ok=True)
    if (folder / "setup.json").exists():
        setup = json.loads((folder / "setup.json").read_text())
        print(f"the packages built before in {folder}")
    else:
        setup = _build(folder, args.communes, args.members)
    files = sorted((folder / "usb").glob("*.chibo"))
    found = tuple(base64.b64decode(part) for part in setup["key"])
    trusted = set(setup["trusted"])
    floor, records = setup["floor"], setup["records"]
    wanted = set(args.places.split(","))

    places: list[tuple[str, str, Path | str, int]] = []  # (name in --places, label, database, operators)
    if "sqlite" in wanted:
        sqlite_file = folder / "province-sqlite.sqlite"
        sqlite_file.unlink(missing_ok=True)
        places.append(("sqlite", "SQLite", sqlite_file, 1))
    if server and "pg" in wanted:
        places.append(("pg", "PostgreSQL", _server(server, "chibo_bench_province"), 1))
    if server and "operators" in wanted and args.operators > 1:
        places.append(
            (
                "operators",
                f"PostgreSQL, {args.operators} operators",
                _server(server, "chibo_bench_operators"),
                args.operators,
            )
        )
    print(f"{len(files)} packages, {records:,} records; floor (raw executemany into SQLite): {floor:.1f} s", flush=True)
    taken: list[tuple[str, str, Services]] = []
    for place, label, location, operators in places:  # every place's import first, then the figures on each
        province = _province(location, (found[0], found[1]))
        took = _take_in(province, files, trusted, operators, location)
        taken.append((place, label, province))
        print(f"\n== {label}")
        report("take in every package", took.wall, floor, "raw executemany of the same rows")
        print(f"{'':<48} {len(files) / took.wall:>9.2f} packages/s   {records / took.wall:,.0f} records/s")
        server_cpu = "" if took.server_cpu is None else f", the server {took.server_cpu:.0f} s"
        print(f"{'':<48} CPU: this process {took.cpu:.0f} s{server_cpu}")
        if took.each:
            tenth = max(1, len(took.each) // 10)
            first_ms, last_ms = (1000 * sum(part) / tenth for part in (took.each[:tenth], took.each[-tenth:]))
            print(f"{'':<48} a package: first {tenth} {first_ms:.0f} ms each, last {tenth} {last_ms:.0f} ms each")
        sys.stdout.flush()
    for place, label, province in taken:
        if place in set(args.figures.split(",")):
            cpu_before = _cpu()
            stats_time, report_time, members = _figures(province, folder, place)
            print(f"\n== {label}: {members:,} members listed")
            print(f"{'stats of the year (all communes)':<48} {stats_time * 1000:>9.1f} ms")
            print(f"{'consolidated report (PDF)':<48} {report_time * 1000:>9.1f} ms")
            print(f"{'':<48} CPU of both: this process {_cpu() - cpu_before:.0f} s", flush=True)
        province.db.close()
    if server:
        for name in ("chibo_bench_province", "chibo_bench_operators"):
            _admin(server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
