"""A branch file holding values this version does not know (an older package, a restored backup, a newer app)."""

import sqlite3
from pathlib import Path

from chibo_desktop.sample.branch import write_demo
from chibo_desktop.storage.db import open_database
from tests.helpers.days import CLOCK, TODAY

BOGUS = [
    'INSERT INTO status_event (uuid, member_id, kind, "on", decision_no, note, standing, seq) '
    "VALUES ('0b6f6c1e-8a58-4c53-9b3e-2f1d6a1c0d01', (SELECT min(id) FROM member), 'bogus', '2026-03-01', '', '', 'sideways', 0)",
    "UPDATE meeting SET kind = 'bogus' WHERE id = (SELECT min(id) FROM meeting)",
    "UPDATE attendance SET mark = 'bogus' WHERE id = (SELECT min(id) FROM attendance)",
    "UPDATE attendance SET role = 'bogus' WHERE id = (SELECT max(id) FROM attendance)",
    "UPDATE fund_entry SET kind = 'bogus' WHERE id = (SELECT min(id) FROM fund_entry WHERE kind = 'contribution')",
    "UPDATE fund SET source = 'bogus', rate_method = 'bogus', schedule_kind = 'bogus' WHERE id = (SELECT min(id) FROM fund)",
    "UPDATE loan SET rate_method = 'bogus', schedule_kind = 'bogus' WHERE id = (SELECT min(id) FROM loan)",
    "UPDATE member SET gender = 'X' WHERE id = (SELECT max(id) FROM member)",
]


def plant_unknown_values(tmp_path: Path, word: str = "bogus") -> Path:
    """A 20-member sample branch with *word*, a value this version does not know, planted in each kind of stored
    row. The app logs each unknown value once per run: a test that reads the log plants a word of its own."""
    path = tmp_path / "branch.sqlite"
    db = open_database(path, clock=CLOCK)
    write_demo(db, members=20, seed=41, today=TODAY, meeting_years=1)
    db.close()
    with sqlite3.connect(path) as conn:
        for sql in BOGUS:
            assert conn.execute(sql.replace("'bogus'", f"'{word}'")).rowcount == 1, sql
    return path
