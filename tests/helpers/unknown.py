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
    # the dues book: one member's settings, decision and journal lines
    "UPDATE dues_setting SET category = 'bogus' WHERE id = (SELECT min(id) FROM dues_setting)",
    "UPDATE dues_decision SET kind = 'bogus', reason = 'bogus' WHERE id = (SELECT min(id) FROM dues_decision)",
    "UPDATE dues_entry SET kind = 'bogus' WHERE id = (SELECT min(id) FROM dues_entry WHERE kind = 'payment')",
    "UPDATE dues_entry SET channel = 'bogus' WHERE id = (SELECT max(id) FROM dues_entry WHERE kind = 'payment')",
    # JSON text that does not parse, or has another shape than this version writes (its size, which the log
    # gives, differs with the word)
    "UPDATE meeting SET scores_json = '[\"bogus\", 2]' WHERE id = (SELECT max(id) FROM meeting)",
    "UPDATE audit_log SET new = '{bogus' WHERE id = (SELECT max(id) FROM audit_log WHERE table_name = 'member')",
    "UPDATE rule_value SET value_json = '\"bogus\"' WHERE id = (SELECT max(id) FROM rule_value WHERE key = 'dues.rates')",
    "UPDATE rule_value SET value_json = '{bogus' WHERE key = 'probation.months'",
    # a rule whose value has the right type but not the inner shape its reader needs
    """UPDATE rule_value SET value_json = '{"criteria": [["bogus"]], "bands": 3}' WHERE key = 'meeting.rubric'""",
    """UPDATE rule_value SET value_json = '{"top_mm": "bogus", "body_pt": 14}' WHERE key = 'document.layout'""",
    # the log of changes: a moment and a logged date that are not dates (the newest entry, shown first)
    "UPDATE audit_log SET new = json_set(new, '$.on', 'bogus') "
    "WHERE id = (SELECT max(id) FROM audit_log WHERE table_name = 'meeting' AND action = 'insert')",
    "UPDATE audit_log SET at = 'bogus' WHERE id = (SELECT max(id) FROM audit_log)",
]
DUES_COLUMNS = (
    "dues_setting.category",
    "dues_decision.kind",
    "dues_decision.reason",
    "dues_entry.kind",
    "dues_entry.channel",
)
JSON_COLUMNS = (
    "meeting.scores_json",
    "audit_log.new",
    "rule_value dues.rates",
    "rule_value probation.months",
    "rule_value meeting.rubric",
    "rule_value document.layout",
)
AUDIT_COLUMNS = ("audit_log.at",)


def plant_unknown_values(tmp_path: Path, word: str = "bogus") -> Path:
    """A 20-member sample branch with *word*, a value this version does not know, planted in each kind of stored
    row. The app logs each unknown value once per run: a test that reads the log plants a word of its own."""
    path = tmp_path / "branch.sqlite"
    db = open_database(path, clock=CLOCK)
    write_demo(db, members=20, seed=41, today=TODAY, meeting_years=1)
    db.close()
    with sqlite3.connect(path) as conn:
        for sql in BOGUS:
            assert conn.execute(sql.replace("bogus", word)).rowcount == 1, sql
    return path


def dues_members(path: Path) -> list[int]:
    """The members whose dues settings, decisions or journal lines hold a value this version does not know."""
    known = ("salary", "pension", "student", "other", "exempt", "reduce", "payment", "handover", "unpaid")
    with sqlite3.connect(path) as conn:
        marks = ", ".join("?" * len(known))
        return sorted(
            row[0]
            for row in conn.execute(
                f"SELECT member_id FROM dues_setting WHERE category NOT IN ({marks}) "
                f"UNION SELECT member_id FROM dues_decision WHERE kind NOT IN ({marks}) "
                f"UNION SELECT member_id FROM dues_entry WHERE kind NOT IN ({marks}) OR channel NOT IN ('cash', 'online')",
                known * 3,
            )
        )
