"""A province on PostgreSQL beside SQLite: many communes' packages taken in, then the stats and the report.

Run: ``CHIBO_BENCH_PG=postgresql://user@host/postgres python -m tests.benchmarks.bench_province [--communes 300]
[--members 100000] [--operators 2]`` (a login that may create databases; without it only SQLite is timed).
Each commune is a demo branch with a year of meetings and sends one package, locked to the province's key (the same
key on both databases, as after ``chibo migrate-to``). Timed on each database: taking every package in (one
operator), the stats of the year and the consolidated report (PDF); on PostgreSQL also the same packages taken in
by several operators at once (threads, each with its own connection), into a second database. The floor is a raw
``executemany`` of the same rows into a fresh SQLite file, as in bench_exchange.
"""

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sqlalchemy import create_engine

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


def _take_in(province: Services, files: list[Path], trusted: set[str], operators: int, location: Path | str) -> float:
    start = time.perf_counter()
    if operators == 1:
        reports = [province.exchange.import_file(path, None, trusted=trusted) for path in files]
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
    refused = [r.reason for r in reports if not r.accepted]
    assert not refused, refused[:3]
    return took


def _figures(province: Services, folder: Path, label: str) -> tuple[float, float, int]:
    year = parse_period(str(TODAY.year))
    start = time.perf_counter()
    stats = province.stats.stats(year, TODAY)
    stats_time = time.perf_counter() - start
    start = time.perf_counter()
    province.printer.write(CONSOLIDATED, year, folder / f"report-{label}.pdf")
    report_time = time.perf_counter() - start
    return stats_time, report_time, int(stats["members"]["total"])  # type: ignore[index]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--communes", type=int, default=300)
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--operators", type=int, default=2)
    args = parser.parse_args()
    server = os.environ.get("CHIBO_BENCH_PG", "")
    folder = Path(tempfile.mkdtemp(prefix="chibo-province-"))
    usb = folder / "usb"
    usb.mkdir()

    first = _province(folder / "province.sqlite", None)
    keys = first.exchange.keys()
    with first.db.read() as session:
        found = exchange_log.get_key(session, "encryption")
    assert found is not None

    start = time.perf_counter()
    per_commune, extra = divmod(args.members, args.communes)
    trusted: set[str] = set()
    all_rows: dict[str, list[tuple[object, ...]]] = {}
    for n in range(args.communes):
        db = open_database(folder / f"c{n}.sqlite", clock=CLOCK)
        write_demo(db, members=per_commune + (n < extra), seed=n + 1, today=TODAY, meeting_years=1)
        commune = Services.build(db)
        commune.exchange.export(usb, recipient=keys.encryption_public)
        trusted.add(commune.exchange.keys().signing_fingerprint)
        with db.read() as session:
            for table, records in package_records.dump(session).items():
                all_rows.setdefault(table, []).extend(flatten(records))
        db.close()
    files = sorted(usb.iterdir())
    size = sum(p.stat().st_size for p in files)
    print(f"built and exported {args.communes} communes in {time.perf_counter() - start:.0f} s: {size / 1e6:.1f} MB")

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
    floor = time.perf_counter() - start
    records = sum(len(r) for r in all_rows.values())

    places: list[tuple[str, Path | str, int]] = [("SQLite", folder / "province.sqlite", 1)]
    if server:
        places.append(("PostgreSQL", _server(server, "chibo_bench_province"), 1))
        if args.operators > 1:
            places.append(
                (f"PostgreSQL, {args.operators} operators", _server(server, "chibo_bench_operators"), args.operators)
            )
    results = []
    for label, location, operators in places:
        province = first if label == "SQLite" else _province(location, found)
        took = _take_in(province, files, trusted, operators, location)
        stats_time, report_time, members = _figures(province, folder, label.split(",")[0])
        results.append((label, took, stats_time, report_time, members))
        province.db.close()

    print(f"{args.communes} packages, {records:,} records; floor (raw executemany into SQLite): {floor:.1f} s\n")
    for label, took, stats_time, report_time, members in results:
        print(f"== {label}: {members:,} members listed")
        report("take in every package", took, floor, "raw executemany of the same rows")
        print(f"{'':<48} {args.communes / took:>9.1f} packages/s   {records / took:,.0f} records/s")
        print(f"{'stats of the year (all communes)':<48} {stats_time * 1000:>9.1f} ms")
        print(f"{'consolidated report (PDF)':<48} {report_time * 1000:>9.1f} ms")
    if server:
        for name in ("chibo_bench_province", "chibo_bench_operators"):
            _admin(server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
