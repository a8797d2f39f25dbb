"""Exchange benchmark: many branches exported, then imported at the upper level.

Run: ``python -m tests.benchmarks.bench_exchange [--branches 81] [--members 10073] [--years 5]``. The floor is a raw
``executemany`` of the same rows (one flat table per kind of record) into a fresh SQLite file, in the same run.
"""

import argparse
import json
import os
import sqlite3
import sys
import time
from dataclasses import replace
from pathlib import Path

from chibo_desktop.domain.dates import parse_period
from chibo_desktop.domain.organisation import OrganisationSetup
from chibo_desktop.exchange import package
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage import package_records
from chibo_desktop.storage.db import open_database
from tests.benchmarks.measure import report, scratch_folder
from tests.helpers.days import CLOCK, TODAY

PASS = "mat-khau-chi-bo"


def flatten(records: list[dict[str, object]]) -> list[tuple[object, ...]]:
    return [
        tuple(json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for v in r.values())
        for r in records
    ]


def build_branches(folder: Path, count: int, members: int, years: int) -> tuple[list[Services], Path]:
    """*count* demo branches sharing *members* between them, each with *years* of meetings, and an empty stick."""
    usb = folder / "usb"
    usb.mkdir()
    per_branch = members // count
    branches = []
    for n in range(count):
        db = open_database(folder / f"b{n}.sqlite", clock=CLOCK)
        write_demo(
            db, members=per_branch + (1 if n < members % count else 0), seed=n + 1, today=TODAY, meeting_years=years
        )
        branches.append(Services.build(db))
    return branches, usb


def committee(path: Path) -> Services:
    upper = Services.build(open_database(path, clock=CLOCK))
    upper.organisation.save(OrganisationSetup("Đảng ủy xã Tân Hùng", "Tỉnh ủy Cà Mau", "Tân Hùng", ()))
    return upper


def key_derivations(count: int) -> float:
    """The processor time of *count* derivations of a package's key from the passphrase, with the format's scrypt
    costs (fixed: they protect a lost stick), as each export does once: the part of the export no code here can
    make cheaper."""
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    cpu = time.process_time()
    for _ in range(count):
        Scrypt(salt=os.urandom(16), length=32, **package.SCRYPT).derive(PASS.encode("utf-8"))
    return time.process_time() - cpu


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--branches", type=int, default=81)
    parser.add_argument("--members", type=int, default=10_073)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="keep the files it made (their folder is printed)")
    args = parser.parse_args()
    with scratch_folder(args.keep) as folder:
        return measure(args, folder)


def measure(args: argparse.Namespace, folder: Path) -> int:
    start = time.perf_counter()
    branches, usb = build_branches(folder, args.branches, args.members, args.years)
    print(f"built {args.branches} branches in {time.perf_counter() - start:.0f} s")

    start, cpu = time.perf_counter(), time.process_time()
    exported = [b.exchange.export(usb, passphrase=PASS).path for b in branches]
    export_time, export_cpu = time.perf_counter() - start, time.process_time() - cpu
    size = sum(p.stat().st_size for p in usb.iterdir())

    all_rows: dict[str, list[tuple[object, ...]]] = {}
    for b in branches:
        with b.db.read() as session:
            for table, records in package_records.dump(session).items():
                all_rows.setdefault(table, []).extend(flatten(records))
                if table == "meetings":  # the attendance lines travel inside each meeting: count them as rows too
                    lines = [line for record in records for line in record["attendance"]]  # type: ignore[attr-defined]
                    all_rows.setdefault("attendance", []).extend(flatten(lines))
    total_rows = sum(len(r) for r in all_rows.values())

    upper = committee(folder / "upper.sqlite")
    start, cpu = time.perf_counter(), time.process_time()
    trusted = {b.exchange.keys().signing_fingerprint for b in branches}  # as if compared by phone
    reports = upper.exchange.import_paths([usb], PASS, trusted=trusted)
    import_time, import_cpu = time.perf_counter() - start, time.process_time() - cpu
    assert all(r.accepted for r in reports), [r.reason for r in reports if not r.accepted]

    start, cpu = time.perf_counter(), time.process_time()
    raw = sqlite3.connect(folder / "raw.sqlite")
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=FULL")
    for table, rows in all_rows.items():
        if not rows:
            continue
        width = len(rows[0])
        raw.execute(f"CREATE TABLE {table} ({', '.join(f'c{i}' for i in range(width))})")
        raw.executemany(
            f"INSERT INTO {table} VALUES ({', '.join('?' * width)})",
            [r[:width] + (None,) * (width - len(r)) for r in rows],
        )
    raw.commit()
    raw_time, raw_cpu = time.perf_counter() - start, time.process_time() - cpu
    kdf_cpu = key_derivations(args.branches)
    again_cpu, first_size, again_size = export_again(branches, upper, exported, folder / "usb2")
    cpu = time.process_time()
    again = upper.exchange.import_paths([folder / "usb2"])  # the month after: keys known, locked to the upper's key
    again_import_cpu = time.process_time() - cpu
    assert all(r.accepted for r in again), [r.reason for r in again if not r.accepted]
    members = upper.stats.stats(parse_period(str(TODAY.year)), TODAY)["members"]
    print(
        f"{args.branches} packages, {size / 1e6:.1f} MB, {total_rows:,} records; upper level now lists {members['total']:,} members\n"
    )  # type: ignore[index]
    report(
        "export, all branches (sign, encrypt, write, read back)",
        export_time,
        raw_time,
        "raw executemany of the same rows",
    )
    report(
        "import at the upper level (all checks, merge by UUID)",
        import_time,
        raw_time,
        "raw executemany of the same rows",
    )
    # on a shared machine the wall times stretch with the load; the processor times of the same run compare better
    print(
        f"  processor time: export {export_cpu * 1000:.0f} ms (×{export_cpu / raw_cpu:.1f}), import {import_cpu * 1000:.0f} ms (×{import_cpu / raw_cpu:.1f}), floor {raw_cpu * 1000:.0f} ms"
    )
    print(
        f"  of which the passphrase's key derivation (scrypt, once a package) {kdf_cpu * 1000:.0f} ms: export without it {(export_cpu - kdf_cpu) * 1000:.0f} ms (×{(export_cpu - kdf_cpu) / raw_cpu:.1f}), import without it {(import_cpu - kdf_cpu) * 1000:.0f} ms (×{(import_cpu - kdf_cpu) / raw_cpu:.1f})"
    )
    print(
        f"  a package: export {export_cpu / args.branches * 1000:.0f} ms, import {import_cpu / args.branches * 1000:.0f} ms, floor {raw_cpu / args.branches * 1000:.1f} ms of processor time"
    )
    print(
        f"  the next export of each branch, after the receipt of its first and a change, locked to the key the receipt brought (no scrypt): {again_cpu * 1000:.0f} ms (×{again_cpu / raw_cpu:.1f}); {again_size / 1e6:.1f} MB against {first_size / 1e6:.1f} MB (what changed since the acknowledged package)"
    )
    print(
        f"  the next import of each branch's package, at the upper level that took in the first (its own key opens it): {again_import_cpu * 1000:.0f} ms (×{again_import_cpu / raw_cpu:.1f}), {again_import_cpu / args.branches * 1000:.0f} ms a package"
    )
    return 0


def export_again(branches: list[Services], upper: Services, exported: list[Path], usb: Path) -> tuple[float, int, int]:
    """Each branch takes in the receipt of its first package (the upper level's key confirmed, as by phone),
    records one change, and exports again: the package a branch sends every month from then on, which carries
    only the records changed and the log written since the acknowledged package, locked to the upper level's key
    the receipt brought. Returns the processor time of the exports and the sizes of the
    first and the second packages."""
    usb.mkdir()
    upper_key = {upper.exchange.keys().signing_fingerprint}
    for branch, path in zip(branches, exported, strict=True):
        receipt = path.with_name(path.name.removesuffix(".chibo") + ".chibo-ack")
        assert branch.exchange.import_receipt(receipt, trusted=upper_key).accepted
        member = branch.members.roster().rows[0]
        branch.members.update(member.id, replace(branch.members.get(member.id).record, phone="0912345678"))
    cpu = time.process_time()
    keys = [branch.exchange.last_recipient() for branch in branches]  # the upper level's key, brought by the receipt
    assert all(keys)
    for branch, key in zip(branches, keys, strict=True):
        branch.exchange.export(usb, recipient=key)  # as the send dialog offers it: no passphrase, no scrypt
    spent = time.process_time() - cpu
    return spent, sum(p.stat().st_size for p in exported), sum(p.stat().st_size for p in usb.iterdir())


if __name__ == "__main__":
    sys.exit(main())
