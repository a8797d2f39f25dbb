"""At the upper level a package taken in is logged once, as the package (who sent it, which one, how many records
of each kind it added, changed or removed), not row by row: the branch's own log of those rows travels in the
package and is kept. What a person edits at the upper level is logged field by field as before, and a refused
package leaves no trace in the log either."""

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from chibo_desktop.catalog import Catalog
from chibo_desktop.domain.audit import AuditEntry
from chibo_desktop.domain.members import MemberRecord
from chibo_desktop.domain.organisation import Level, OrganisationSetup
from chibo_desktop.exchange import schema
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage import audit_queries, audit_schema
from chibo_desktop.storage.db import open_database
from tests.helpers.databases import connect
from tests.helpers.days import CLOCK, TODAY
from tests.helpers.upper_level import World, build_world

PASS = "mat-khau-chi-bo"
VI = Catalog("vi").translate


@pytest.fixture
def upper(new_database: Callable[[str], Path | str]) -> Services:
    """The upper level, on the test's database (PostgreSQL as well, under CHIBO_TEST_PG)."""
    services = Services.build(open_database(new_database("upper"), clock=CLOCK))
    services.organisation.save(
        OrganisationSetup("Đảng ủy xã Tân Hùng", "Tỉnh ủy Cà Mau", "Tân Hùng", (), Level.COMMITTEE)
    )
    services.db.actor = "Văn phòng Đảng ủy"
    return services


def branch(tmp_path: Path) -> Services:
    db = open_database(tmp_path / "b.sqlite", clock=CLOCK)
    write_demo(db, members=20, seed=7, today=TODAY, meeting_years=1)
    return Services.build(db)


def logged(services: Services) -> int:
    with connect(services.db) as conn:
        return int(conn.execute("SELECT count(*) FROM audit_log").fetchone()[0])


def fields(entry: AuditEntry) -> dict[str, str]:
    return {c.field: c.new for c in entry.changes}


def test_a_package_is_one_entry_with_its_sender_identity_and_counts(tmp_path: Path, upper: Services) -> None:
    b = branch(tmp_path)
    upper.exchange.keys()  # the upper level's own keys (its receipts are signed), made before: logged as before
    before = logged(upper)
    sent = b.exchange.export(tmp_path, passphrase=PASS)
    report = upper.exchange.import_file(sent.path, PASS, trusted={b.exchange.keys().signing_fingerprint})
    assert report.accepted, report.reason
    members, meetings = report.counts["members"]["new"], report.counts["meetings"]["new"]
    assert members > 15 and meetings > 5

    new = upper.audit.entries()[: logged(upper) - before]
    # the package, and the branch's key registered on the way (a person's decision, logged as before): no entry
    # for any of the hundreds of rows the package brought in
    assert sorted(e.what for e in new) == ["Branch key", "Package from a unit"]
    entry = next(e for e in new if e.what == "Package from a unit")
    branch_name = b.organisation.require().branch_name
    assert (entry.actor, entry.subject, entry.action) == (
        "Văn phòng Đảng ủy",
        f"Package from a unit: {branch_name}",
        "taken in",
    )
    said = fields(entry)
    assert said["package number"] == "1" and said["file"] == sent.path.name
    assert said["package's hash (SHA-256)"] == sent.sha256
    assert said["fingerprint of the unit's key"] == b.exchange.keys().signing_fingerprint
    assert said["Member"] == f"{members} added" and said["Meeting"] == f"{meetings} added"

    # the next package, one member's phone changed at the branch: one entry saying so
    member_id = b.members.roster().rows[0].id
    record = b.members.get(member_id).record
    b.members.update(member_id, MemberRecord(**{**record.__dict__, "phone": "0912345678"}))
    second = upper.exchange.import_file(b.exchange.export(tmp_path, passphrase=PASS).path, PASS)
    assert second.accepted and second.counts["members"]["updated"] == 1
    newest = upper.audit.entries(VI)[0]
    assert (newest.what, newest.record, newest.action) == ("Gói dữ liệu của đơn vị", branch_name, "nhận vào")
    assert fields(newest)["Đảng viên"] == "sửa 1" and fields(newest)["số gói"] == "2"
    assert logged(upper) == before + 3

    # the same package again is "already imported": nothing more in the log
    again = upper.exchange.import_file(b.exchange.export(tmp_path, passphrase=PASS).path, PASS)
    assert again.accepted and logged(upper) == before + 3

    # the committee's log, package entries included, is one its own upper level accepts in the committee's package
    with upper.db.read() as session:
        carried = json.loads(audit_queries.dump_json(session))
    assert schema.check_audit(carried) == logged(upper)
    assert [e["row_uuid"] for e in carried if e["table"] == "package"] == [b.organisation.require().branch_uuid] * 2


def test_an_edit_at_the_upper_level_is_still_logged_field_by_field(tmp_path: Path, upper: Services) -> None:
    b = branch(tmp_path)
    sent = b.exchange.export(tmp_path, passphrase=PASS)
    assert upper.exchange.import_file(sent.path, PASS, trusted={b.exchange.keys().signing_fingerprint}).accepted
    layout = (
        '{"top_mm": 25, "bottom_mm": 20, "left_mm": 30, "right_mm": 15, "body_pt": 13, "party_pt": 15, "title_pt": 15}'
    )
    upper.rules.set_value("document.layout", layout, date(2026, 1, 1), "Lề trên rộng hơn")
    newest = upper.audit.entries(VI)[0]
    assert (newest.actor, newest.what, newest.action) == ("Văn phòng Đảng ủy", "Quy định", "thêm")
    assert next(c.new for c in newest.changes if c.field == "giá trị").startswith("lề trên 25 mm")


def test_a_package_refused_by_the_upper_level_writes_nothing_in_the_log(tmp_path: Path, upper: Services) -> None:
    b = branch(tmp_path)
    trusted = {b.exchange.keys().signing_fingerprint}
    first = b.exchange.export(tmp_path, passphrase=PASS)
    second = b.exchange.export(tmp_path, passphrase=PASS)
    assert upper.exchange.import_file(second.path, PASS, trusted=trusted).accepted
    before, entries = logged(upper), upper.audit.entries()
    older = upper.exchange.import_file(first.path, PASS, trusted=trusted)
    assert not older.accepted and logged(upper) == before and upper.audit.entries() == entries


@pytest.mark.logs_warning  # the clash is logged for whoever supports the app
def test_a_package_refused_halfway_through_its_merge_leaves_no_trace(tmp_path: Path) -> None:
    """The merge had already written the unit's new name and a member's when a member's yearly review clashed with
    the one kept here (another record for the same member and year): all of it is rolled back, the marker that
    keeps the merge's rows out of the log included, so a person's next edit is logged."""
    world: World = build_world(tmp_path)
    data = world.data()
    data["org_units"][0]["name"] = "Tên mới của chi bộ"
    data["members"][0]["full_name"] = "Tên Mới Của Đảng Viên"
    assert data["member_reviews"]
    data["member_reviews"][0]["uuid"] = "3c1f8e2a-5b7d-4e9a-8c6f-1d2e3f4a5b6c"
    assert "trùng" in world.refused(world.blob(data))  # every table as it was, the log and its marker too
    world.upper.rules.set_value("meeting.quality_bar_percent", "60", date(2026, 1, 1), "")
    assert world.upper.audit.entries()[0].what == "Rule"


def test_the_triggers_are_the_same_after_a_package_and_log_the_next_new_row(tmp_path: Path, upper: Services) -> None:
    """After a package the triggers are what they were, and a row added at the upper level is logged."""
    if upper.db.server:
        pytest.skip("PostgreSQL's triggers skip the merge's rows by the transaction's setting")

    def triggers() -> dict[str, str]:
        with connect(upper.db) as conn:
            return dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall())

    before = triggers()
    assert sum(name.endswith("_insert") for name in before) > 20
    b = branch(tmp_path)
    sent = b.exchange.export(tmp_path, passphrase=PASS)
    report = upper.exchange.import_file(sent.path, PASS, trusted={b.exchange.keys().signing_fingerprint})
    assert report.accepted and report.counts["members"]["new"] > 15
    assert triggers() == before
    logged_before = logged(upper)
    upper.rules.set_value("meeting.quality_bar_percent", "60", date(2026, 1, 1), "")  # a new rule row
    assert logged(upper) == logged_before + 1
    assert upper.audit.entries()[0].what == "Rule"


def test_a_large_merge_sets_the_insert_triggers_aside_and_a_failed_one_keeps_them(upper: Services) -> None:
    """From TRIGGERS_ASIDE_FROM rows a package's merge drops the insert triggers for its span (on SQLite): a row it
    writes is not logged, the triggers are back as they were after it, and a merge that fails inside the block
    leaves them in place."""
    if upper.db.server:
        pytest.skip("PostgreSQL's triggers skip the merge's rows by the transaction's setting")

    def triggers() -> dict[str, str]:
        with connect(upper.db) as conn:
            return dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall())

    before, logged_before = triggers(), logged(upper)
    insert_rule = text(
        "INSERT INTO rule_value (key, valid_from, value_json, note) VALUES ('x.y', '2026-01-01', '1', '')"
    )
    with upper.db.write() as session, audit_schema.merge_unlogged(session, audit_schema.TRIGGERS_ASIDE_FROM):
        inside = session.execute(text("SELECT count(*) FROM sqlite_master WHERE name LIKE 'audit%insert'"))
        assert inside.scalar_one() == 0
        session.execute(insert_rule)
    assert triggers() == before and logged(upper) == logged_before  # the merge's row, unlogged

    aside = audit_schema.merge_unlogged
    with pytest.raises(RuntimeError), upper.db.write() as session, aside(session, audit_schema.TRIGGERS_ASIDE_FROM):
        raise RuntimeError("the merge failed")
    assert triggers() == before
    upper.rules.set_value("meeting.quality_bar_percent", "60", date(2026, 1, 1), "")
    assert logged(upper) == logged_before + 1
