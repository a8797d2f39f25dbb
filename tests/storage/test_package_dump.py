"""What the export reads for a package: the records, read with plain queries, are those the merge's reader sees
(dates, times, flags and references alike), and the log's JSON and the records' JSON, which SQLite writes itself,
are the same bytes Python writes for them."""

import json
from collections import defaultdict
from pathlib import Path

from chibo_desktop.domain.exchange_format import TABLES
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.storage import audit_queries, package_json, package_records
from chibo_desktop.storage.db import Database, open_database
from chibo_desktop.storage.package_fields import add_references, gather_references
from tests.helpers.databases import connect
from tests.helpers.days import CLOCK, TODAY
from tests.helpers.rich_minutes import rich_file

# What a note may hold and JSON must escape: quotes, a backslash, tabs and line breaks, control characters that
# the checks refuse in names but the log keeps as typed, Vietnamese, and a character beyond the BMP.
AWKWARD = 'Ghi "chú" \\ đảng\tviên\r\nhết \x01\x1f\x7f \u2028 😀 /'


NESTED_OF_MEETINGS = ("guests", "agenda", "resolutions", "assignments", "attendance", "addenda")


def _canonical(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def test_the_records_read_for_a_package_are_those_the_merge_reads(db: Database) -> None:
    write_demo(db, members=12, seed=5, today=TODAY, meeting_years=1)
    with connect(db) as conn:
        conn.execute("UPDATE status_event SET note = ? WHERE id = (SELECT min(id) FROM status_event)", (AWKWARD,))
    with db.read() as session:
        dumped = package_records.dump(session)
        ids = package_records.uuid_maps(session)
        expected = {
            table: [record for _id, _parent, record in package_records._rows(session, table, ids)] for table in dumped
        }
    assert _canonical(dumped) == _canonical(expected)  # true/false stay flags, not 1/0; times to the second
    attendance = [line for meeting in dumped["meetings"] for line in meeting["attendance"]]
    assert attendance and {type(line["spoke"]) for line in attendance} == {bool}
    assert all(type(line["member_uuid"]) is str for line in attendance)
    assert AWKWARD in {event["note"] for event in dumped["status_events"]}


def test_the_log_as_json_is_the_same_bytes_python_writes(db: Database) -> None:
    write_demo(db, members=6, seed=7, today=TODAY, meeting_years=1)
    with connect(db) as conn:
        conn.execute("UPDATE status_event SET note = ? WHERE id = (SELECT min(id) FROM status_event)", (AWKWARD,))
    with db.read() as session:
        entries = audit_queries.dump(session)
        whole = audit_queries.dump_json(session)
        last = audit_queries.last_id(session)
        tail = audit_queries.dump_json(session, last - 3)
        none = audit_queries.dump_json(session, last)
    assert any(json.loads(entry["new"] or "{}").get("note") == AWKWARD for entry in entries)
    assert whole == _canonical(entries).encode("utf-8")
    assert json.loads(tail) == entries[-3:] and tail == _canonical(entries[-3:]).encode("utf-8")
    assert none == b"[]"


def test_the_records_as_json_written_by_sqlite_are_the_same_bytes_python_writes(tmp_path: Path) -> None:
    path, _meeting = rich_file(tmp_path)  # guests, opinions, votes, assignments, addenda; funds and loans too
    db = open_database(path, tmp_path / "backups", clock=CLOCK)
    with connect(db) as conn:
        conn.execute("UPDATE status_event SET note = ? WHERE id = (SELECT min(id) FROM status_event)", (AWKWARD,))
        conn.execute("UPDATE meeting SET topic = ? WHERE id = (SELECT max(id) FROM meeting)", (AWKWARD,))
        conn.execute("UPDATE opinion SET summary = ? WHERE id = (SELECT min(id) FROM opinion)", (AWKWARD,))
    with db.read() as session:
        dumped = package_records.dump(session)
        as_sqlite_has_it = package_json.assemble(package_json.record_texts(session))
        parsed_again = package_json.assemble(package_json.record_texts(session, reparse=True))  # for a SQLite
        # that drops JSON in subqueries
    db.close()
    nested = {
        kind: [row for record in dumped[table] for row in record[kind]]
        for table, kind in [("meetings", k) for k in NESTED_OF_MEETINGS] + [("loans", "plan")]
    }
    assert all(nested.values()), [kind for kind, rows in nested.items() if not rows]
    assert [row for rows in nested["agenda"] for row in rows["opinions"]]
    assert all(dumped[table] for table in ("members", "meetings", "funds", "loans", "fund_entries"))
    assert AWKWARD in {meeting["topic"] for meeting in dumped["meetings"]}
    expected = _canonical(dumped).encode("utf-8")
    assert as_sqlite_has_it == expected and parsed_again == expected


def test_the_references_gathered_a_level_at_a_time_are_those_of_each_record(db: Database) -> None:
    """The merge learns the row ids of what a package refers to from package_fields.gather_references, which walks
    the records a level of nested rows at a time: the same UUIDs, table by table, as add_references record by
    record (members named by attendance lines, loans by fund entries, none for a reference left empty)."""
    write_demo(db, members=12, seed=5, today=TODAY, meeting_years=1)
    with db.read() as session:
        dumped = package_records.dump(session)
    by_record: dict[str, set[str]] = defaultdict(set)
    at_once: dict[str, set[str]] = defaultdict(set)
    for table, fields in TABLES.items():
        for record in dumped[table]:
            add_references(fields, record, by_record)
        gather_references(fields, dumped[table], at_once)
    assert {t: u for t, u in at_once.items() if u} == dict(by_record)
    assert len(by_record["members"]) >= 12 and None not in set().union(*at_once.values())
    assert by_record["loans"] and by_record["funds"]


def test_a_record_s_text_is_the_one_python_writes_in_the_package_s_order(tmp_path: Path) -> None:
    """The export keeps a digest of each record's text, read apart: the same text, in the same order, as the
    Python way writes (the way a committee on PostgreSQL takes)."""
    path, _meeting = rich_file(tmp_path)
    db = open_database(path, tmp_path / "backups", clock=CLOCK)
    with db.read() as session:
        texts = package_json.record_texts(session)
        dumped = package_records.dump(session)
    db.close()
    assert texts == {t: [(str(r["uuid"]), package_json.package_text(r)) for r in rs] for t, rs in dumped.items()}
