"""Killed mid-write, 200 times: the file stays sound and keeps every transaction the writer saw committed.

A separate process adds members, meetings (with their attendance) and loan repayments in a loop, reporting each
after its commit; it is killed with SIGKILL after a random number of reported commits, inside the next write. After each kill the file must pass
integrity_check and foreign_key_check, and hold everything reported.
"""

import multiprocessing
import os
import random
import signal
import sqlite3
import sys
from contextlib import closing
from pathlib import Path

import pytest

from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import open_database
from tests import crash_writer
from tests.helpers.days import CLOCK

pytestmark = pytest.mark.sqlite_only  # the SQLite file itself: copies, checks, damage

KILLS = 200


def _drain(reader: multiprocessing.connection.Connection) -> list[str]:
    lines = []
    try:
        while reader.poll(0):
            lines.append(reader.recv_bytes().decode())
    except (EOFError, OSError):  # the pipe ends where the writer was killed
        pass
    return lines


def _missing(path: Path, reported: list[str]) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        cccds = {row[0] for row in conn.execute("SELECT cccd FROM member")}
        meetings = {row[0] for row in conn.execute("SELECT id FROM meeting")}
        notes = {row[0] for row in conn.execute("SELECT note FROM fund_entry WHERE note LIKE 'crash-%'")}
    gone = []
    for line in reported:
        kind, key = line.split(" ", 1)
        found = {"member": key in cccds, "meeting": key.isdigit() and int(key) in meetings, "repay": key in notes}
        if not found[kind]:
            gone.append(line)
    return gone


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_sigkill_at_random_moments_loses_nothing_committed(tmp_path: Path) -> None:
    path = tmp_path / "chibo.sqlite"
    db = open_database(path, clock=CLOCK)
    write_demo(db, members=8, seed=11, today=crash_writer.TODAY, meeting_years=1)
    services = Services.build(db)
    with db.read() as session:
        loan_id = (
            session.connection()
            .exec_driver_sql("SELECT id FROM loan WHERE disbursed_on IS NOT NULL ORDER BY amount DESC LIMIT 1")
            .scalar_one()
        )
    services.funds.repay(loan_id, 1000, crash_writer.TODAY, "before the crashes")
    db.close()

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["tests.crash_writer"])
    rng = random.Random(2026)
    reported: list[str] = []
    interrupted = 0
    for kill in range(KILLS):
        reader, writer = context.Pipe(duplex=False)
        process = context.Process(target=crash_writer.run, args=(str(path), writer, kill * 10_000, loan_id))
        process.start()
        writer.close()
        assert reader.poll(60) and reader.recv_bytes() == b"ready"
        # Kill once the writer has reported a random number of commits (one to two rounds of member, meeting,
        # repayment): the kill then lands somewhere inside the next write, however loaded the machine is.
        lines = []
        for _ in range(rng.randrange(1, 7)):
            assert reader.poll(60), kill
            lines.append(reader.recv_bytes().decode())
        os.kill(process.pid, signal.SIGKILL)  # type: ignore[arg-type]
        process.join()
        lines += _drain(reader)
        reader.close()
        interrupted += process.exitcode == -signal.SIGKILL
        reported += lines

        with closing(sqlite3.connect(path)) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], kill
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == [], kill
        assert _missing(path, lines) == [], kill

    assert interrupted == KILLS
    assert _missing(path, reported) == []
    kinds = {line.split(" ")[0] for line in reported}
    assert kinds == {"member", "meeting", "repay"} and len(reported) > KILLS
    print(f"\n{KILLS} kills, {len(reported)} committed writes reported, all present")
