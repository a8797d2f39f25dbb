"""Several operators at a province's committee on one PostgreSQL database: import processes of different branches
run side by side; two of the same branch's take turns, and the second sees what the first wrote.

Runs under CHIBO_TEST_PG only (tests/helpers/databases.py). The test holds branch A's lock itself while the
processes start, so the overlap is certain rather than left to timing: B's import must finish meanwhile, both of
A's must be found waiting for the lock, and once it is let go each of them is taken in exactly once.
"""

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from chibo_desktop.domain.dates import parse_period
from chibo_desktop.domain.organisation import Level, OrganisationSetup
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage import exchange_log
from chibo_desktop.storage.db import open_database
from tests.helpers.databases import SERVER, connect, drop_server, server_copy
from tests.helpers.days import CLOCK, TODAY

pytestmark = [pytest.mark.skipif(not SERVER, reason="needs CHIBO_TEST_PG"), pytest.mark.slow]
PASS = "mat-khau-chi-bo"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def province() -> Iterator[str]:
    location = server_copy()
    upper = Services.build(open_database(location, clock=CLOCK))
    upper.organisation.save(OrganisationSetup("Đảng ủy xã Tân Hùng", "Tỉnh ủy Cà Mau", "Tân Hùng", (), Level.COMMITTEE))
    upper.db.close()
    yield location
    drop_server(location)


def _branch(folder: Path, seed: int) -> tuple[Services, Path, int]:
    db = open_database(folder / f"b{seed}.sqlite", clock=CLOCK)
    members = write_demo(db, members=25, seed=seed, today=TODAY, meeting_years=1)
    services = Services.build(db)
    out = folder / f"stick{seed}"
    out.mkdir()
    return services, services.exchange.export(out, passphrase=PASS).path, members


def _import(location: str, package: Path, fingerprint: str, secret: Path) -> "subprocess.Popen[str]":
    command = [sys.executable, "-m", "chibo_desktop", "--lang", "en", "import", "--db", location, str(package)]
    command += ["--trust", fingerprint, "--passphrase-file", str(secret)]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def _waiting_for_locks(location: str) -> int:
    upper = open_database(location, clock=CLOCK)
    try:
        with connect(upper) as conn:
            row = conn.execute("SELECT count(*) FROM pg_locks WHERE NOT granted AND locktype = 'advisory'").fetchone()
        return int(row[0]) if row else 0
    finally:
        upper.close()


def test_two_operators_import_side_by_side_and_the_same_branch_takes_turns(province: str, tmp_path: Path) -> None:
    a, a_package, a_members = _branch(tmp_path, 41)
    b, b_package, b_members = _branch(tmp_path, 42)
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASS + "\n", encoding="utf-8")
    a_uuid = a.organisation.require().branch_uuid
    a_key, b_key = a.exchange.keys().signing_fingerprint, b.exchange.keys().signing_fingerprint

    holder = open_database(province, clock=CLOCK)
    try:
        with holder.write() as session:  # a third operator is in the middle of taking in A's package
            exchange_log.lock_branch(session, a_uuid)
            first, second = _import(province, a_package, a_key, secret), _import(province, a_package, a_key, secret)
            other = _import(province, b_package, b_key, secret)
            out, err = other.communicate(timeout=300)
            assert other.returncode == 0, err  # B did not wait for A
            assert json.loads(out.splitlines()[0])["accepted"] is True
            deadline = time.monotonic() + 120  # waits for a state (both blocked on A's lock), not for a time
            while _waiting_for_locks(province) < 2 and time.monotonic() < deadline:
                time.sleep(0.05)
            assert _waiting_for_locks(province) == 2
            assert first.poll() is None and second.poll() is None
    finally:
        holder.close()
    results = []
    for process in (first, second):
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
        results.append(json.loads(out.splitlines()[0]))
    assert sorted(r["already_imported"] for r in results) == [False, True]  # the second saw the first's import
    assert all(r["accepted"] for r in results)

    upper = Services.build(open_database(province, clock=CLOCK))
    try:
        with connect(upper.db) as conn:
            imports = conn.execute("SELECT count(*) FROM import_log").fetchone()
            members = conn.execute("SELECT count(*) FROM member").fetchone()
        assert imports == (2,) and members == (a_members + b_members,)
        year = parse_period(str(TODAY.year))
        by_name = {row["name"]: row["members"] for row in upper.stats.stats(year, TODAY)["branches"]}  # type: ignore[union-attr]
        assert by_name == {
            branch.organisation.require().branch_name: branch.stats.stats(year, TODAY)["members"] for branch in (a, b)
        }
    finally:
        upper.db.close()
