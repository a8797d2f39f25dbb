"""The opening of a package at the upper level, apart from the rest of the import: processor time per package.

Run on the packages a run of the exchange benchmark kept:
``python -m tests.benchmarks.bench_exchange --branches 20 --members 2500 --keep`` prints its folder, then
``python -m tests.benchmarks.bench_package_open FOLDER [--repeat 2] [--import]``. Prints, per package (medians):
the whole :func:`package.open_package`; its part after the decryption (the passphrase's scrypt, fixed by the
format, left out), split into the zip, the hashes, each part's JSON text read and each part's checks; with
``--import``, the whole import of all the packages into a fresh committee, per package. Processor times: on a
shared machine the wall times stretch with the others' load. To compare two versions, run each in turn, a few
times, with this repository's copy of each first on the path.
"""

import argparse
import hashlib
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from chibo_desktop.exchange import package, schema
from tests.benchmarks.bench_exchange import PASS, committee


def nobody(_uuid: str) -> bytes | None:
    return None


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path, help="a folder bench_exchange --keep left (its packages are in usb/)")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--import", dest="whole", action="store_true", help="also time the whole import")
    args = parser.parse_args()
    blobs = [path.read_bytes() for path in sorted((args.folder / "usb").glob("*.chibo"))]
    if not blobs:
        print(f"no packages in {args.folder / 'usb'}")
        return 1
    spent: dict[str, list[float]] = {}

    def timed(name: str, fn: Callable[..., Any], *args: Any) -> Any:
        cpu = time.process_time()
        result = fn(*args)
        spent.setdefault(name, []).append(time.process_time() - cpu)
        return result

    inners = [package.decrypt(blob, PASS)[1] for blob in blobs]
    for _ in range(args.repeat):
        for blob, inner in zip(blobs, inners, strict=True):
            timed("open_package, whole", package.open_package, blob, nobody, PASS)
            cpu = time.process_time()
            manifest_bytes, _signature, parts = timed("  zip", package.read_inner, inner)
            timed("  hashes", lambda found: [hashlib.sha256(p).hexdigest() for p in found.values()], parts)
            manifest = schema.loads(manifest_bytes, "manifest")
            schema.check_manifest(manifest)
            data = timed("  data.json read", schema.loads, parts["data.json"], "data")
            timed("  data.json checked", schema.check_data, data, manifest)
            if "audit.json" in parts:
                log = timed("  audit.json read", schema.loads, parts["audit.json"], "audit")
                timed("  audit.json checked", schema.check_audit, log)
            if "dues.json" in parts:
                dues = timed("  dues.json read", schema.loads, parts["dues.json"], "dues")
                members = {record["uuid"] for record in data["members"]}
                timed("  dues.json checked", schema.check_dues, dues, members)
            spent.setdefault("after the decryption", []).append(time.process_time() - cpu)
    print(f"{len(blobs)} packages, each opened {args.repeat} times: processor time per package (median)")
    for name, times in spent.items():
        print(f"  {name:<26} {statistics.median(times) * 1000:7.1f} ms")
    if args.whole:
        trusted = {package.fingerprint(package.open_package(blob, nobody, PASS).public_key) for blob in blobs}
        with tempfile.TemporaryDirectory() as scratch:
            upper = committee(Path(scratch) / "upper.sqlite")
            cpu = time.process_time()
            reports = upper.exchange.import_paths([args.folder / "usb"], PASS, trusted=trusted)
            whole = time.process_time() - cpu
        assert all(r.accepted for r in reports), [r.reason for r in reports if not r.accepted]
        print(f"  the whole import, into a fresh committee: {whole / len(blobs) * 1000:.0f} ms a package")
    return 0


if __name__ == "__main__":
    sys.exit(main())
