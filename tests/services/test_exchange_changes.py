"""After the upper level acknowledged a package, the next one carries only the records that changed since (a
meeting whole when a line of it changed), and the upper level ends with the same records as from a package of
everything. A package that builds on one the upper level never took in is refused with what to do."""

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from chibo_desktop.catalog import Catalog
from chibo_desktop.cli import main
from chibo_desktop.domain.organisation import Level, OrganisationSetup
from chibo_desktop.exchange import package
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage import package_records
from chibo_desktop.storage.db import open_database
from tests.helpers.databases import connect
from tests.helpers.days import CLOCK, TODAY

PASS = "mat-khau-chi-bo"


def branch(tmp_path: Path, seed: int) -> Services:
    db = open_database(tmp_path / f"b{seed}.sqlite", clock=CLOCK)
    write_demo(db, members=10, seed=seed, today=TODAY, meeting_years=1)
    return Services.build(db)


def committee(path: Path | str) -> Services:
    services = Services.build(open_database(path, clock=CLOCK))
    services.organisation.save(
        OrganisationSetup("Đảng ủy xã Tân Hùng", "Tỉnh ủy Cà Mau", "Tân Hùng", (), Level.COMMITTEE)
    )
    return services


@pytest.fixture
def upper(new_database: Callable[[str], Path | str]) -> Services:
    """The upper level, on the test's database (PostgreSQL as well, under CHIBO_TEST_PG)."""
    return committee(new_database("upper"))


def carried(path: Path) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]:
    """(the manifest, data.json) of a package locked with PASS."""
    opened = package.open_package(path.read_bytes(), lambda _uuid: None, PASS)
    return opened.manifest, opened.data


def acknowledged(b: Services, upper: Services, stick: Path) -> Path:
    """The branch's first package, taken in by the upper level, its receipt taken in by the branch."""
    first = b.exchange.export(stick, passphrase=PASS)
    report = upper.exchange.import_file(first.path, PASS, trusted={b.exchange.keys().signing_fingerprint})
    assert report.accepted, report.reason
    trusted = {upper.exchange.keys().signing_fingerprint}
    assert b.exchange.import_receipt(Path(report.receipt), trusted=trusted).accepted
    return first.path


def records_of(services: Services, unit_uuid: str) -> dict[str, list[dict[str, Any]]]:
    """Every record the database holds for the branch, as a package writes them."""
    with services.db.read() as session:
        dumped = package_records.dump(session)
    units = {u["uuid"] for u in dumped["org_units"] if u["uuid"] == unit_uuid}
    return {
        table: sorted((r for r in rows if r.get("org_unit_uuid", unit_uuid) in units), key=lambda r: r["uuid"])
        for table, rows in dumped.items()
        if table != "org_units"
    }


def test_the_next_package_carries_only_what_changed_and_the_upper_level_ends_the_same(
    tmp_path: Path, upper: Services
) -> None:
    b = branch(tmp_path, 51)
    stick = tmp_path / "stick"
    stick.mkdir()
    first_path = acknowledged(b, upper, stick)
    _manifest, everything = carried(first_path)
    member = b.members.roster().rows[0]
    b.members.update(member.id, replace(b.members.get(member.id).record, phone="0912345678"))
    with connect(b.db) as conn:  # one attendance line of one meeting changed (as the attendance screen writes it)
        meeting_id, meeting_uuid = conn.execute(
            "SELECT m.id, m.uuid FROM meeting m JOIN attendance a ON a.meeting_id = m.id ORDER BY m.id LIMIT 1"
        ).fetchone()
        conn.execute(
            "UPDATE attendance SET reason = 'ốm, có giấy'"
            " WHERE id = (SELECT min(id) FROM attendance WHERE meeting_id = ?)",
            (meeting_id,),
        )

    second = b.exchange.export(stick, passphrase=PASS)
    manifest, data = carried(second.path)
    assert second.since == 1 and manifest["since"] == 1 and second.records == 2
    with connect(b.db) as conn:
        member_uuid = conn.execute("SELECT uuid FROM member WHERE id = ?", (member.id,)).fetchone()[0]
    assert [r["uuid"] for r in data["members"]] == [member_uuid]
    assert [r["uuid"] for r in data["meetings"]] == [meeting_uuid]
    assert len(data["meetings"][0]["attendance"]) == len(
        next(m for m in everything["meetings"] if m["uuid"] == meeting_uuid)["attendance"]
    )  # the meeting whole, with every line
    assert not any(data[t] for t in ("status_events", "party_cards", "fund_entries", "loans", "member_reviews"))
    assert len(data["org_units"]) == len(everything["org_units"]) and len(data["hamlets"]) == len(everything["hamlets"])
    assert second.size < first_path.stat().st_size / 3

    report = upper.exchange.import_file(second.path, PASS)
    assert report.accepted, report.reason
    assert report.counts["members"] == {"updated": 1}
    unit = b.organisation.require().branch_uuid
    assert records_of(upper, unit) == records_of(b, unit)  # as a package of everything would leave it
    with connect(upper.db) as conn:
        assert conn.execute("SELECT count(*) FROM attendance WHERE reason = 'ốm, có giấy'").fetchone()[0] == 1


def test_nothing_changed_carries_no_record_and_every_record_when_asked(tmp_path: Path, upper: Services) -> None:
    b = branch(tmp_path, 52)
    stick = tmp_path / "stick"
    stick.mkdir()
    first_path = acknowledged(b, upper, stick)
    _m, everything = carried(first_path)
    quiet = b.exchange.export(stick, passphrase=PASS)
    _m, data = carried(quiet.path)
    assert quiet.records == 0 and not data["members"] and not data["meetings"]
    assert upper.exchange.import_file(quiet.path, PASS).accepted
    whole = b.exchange.export(stick, passphrase=PASS, whole=True)
    manifest, data = carried(whole.path)
    assert whole.since is None and "since" not in manifest
    assert {t: len(r) for t, r in data.items()} == {t: len(r) for t, r in everything.items()}
    assert upper.exchange.import_file(whole.path, PASS).accepted


def test_a_package_building_on_one_not_taken_in_is_refused_with_what_to_do(
    tmp_path: Path, upper: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    b = branch(tmp_path, 53)
    stick = tmp_path / "stick"
    stick.mkdir()
    acknowledged(b, upper, stick)
    member = b.members.roster().rows[1]
    b.members.update(member.id, replace(b.members.get(member.id).record, phone="0987654321"))
    changes = b.exchange.export(stick, passphrase=PASS)
    other = committee(tmp_path / "other.sqlite")  # an upper level that never took the first package in
    fingerprint = {b.exchange.keys().signing_fingerprint}
    refused = other.exchange.import_file(changes.path, PASS, trusted=fingerprint)
    assert not refused.accepted and refused.reason is not None
    said = refused.reason.render(Catalog("vi"), "vi")
    assert "số 1" in said and "Gửi toàn bộ hồ sơ" in said, said
    with connect(other.db) as conn:
        assert conn.execute("SELECT count(*) FROM member").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM import_log").fetchone()[0] == 0

    b.db.close()  # the branch writes every record again, from the command line
    database = str(tmp_path / "b53.sqlite")
    passphrase = tmp_path / "pass.txt"
    passphrase.write_text(PASS)
    assert (
        main(["export", "--db", database, "--out", str(stick), "--passphrase-file", str(passphrase), "--every-record"])
        == 0
    )
    whole = max(stick.glob("*.chibo"), key=lambda p: p.name)
    taken = other.exchange.import_file(whole, PASS, trusted=fingerprint)
    assert taken.accepted, taken.reason
    with connect(other.db) as conn:
        assert conn.execute("SELECT count(*) FROM member WHERE phone = '0987654321'").fetchone()[0] == 1


def test_the_minutes_of_a_meeting_sent_before_travel_with_a_package_of_changes(tmp_path: Path, upper: Services) -> None:
    b = branch(tmp_path, 54)
    stick = tmp_path / "stick"
    stick.mkdir()
    acknowledged(b, upper, stick)
    with_minutes = b.exchange.export(stick, passphrase=PASS, with_minutes=True)
    opened = package.open_package(with_minutes.path.read_bytes(), lambda _uuid: None, PASS)
    assert not opened.data["meetings"] and any(name.startswith("minutes/") for name in opened.attachments)
    report = upper.exchange.import_file(with_minutes.path, PASS)
    assert report.accepted, report.reason
    assert report.counts["minutes_pdf"]["new"] == sum(1 for n in opened.attachments if n.startswith("minutes/"))


def test_a_package_lost_on_the_way_is_covered_by_the_next(tmp_path: Path, upper: Services) -> None:
    """Package 2 never reached the upper level; package 3 builds on the acknowledged package 1 too, so it brings
    2's change as well, and nothing is reported missing."""
    b = branch(tmp_path, 55)
    stick = tmp_path / "stick"
    stick.mkdir()
    acknowledged(b, upper, stick)
    rows = b.members.roster().rows
    b.members.update(rows[0].id, replace(b.members.get(rows[0].id).record, phone="0911111111"))
    lost = b.exchange.export(stick, passphrase=PASS)
    lost.path.unlink()
    b.members.update(rows[1].id, replace(b.members.get(rows[1].id).record, phone="0922222222"))
    third = b.exchange.export(stick, passphrase=PASS)
    assert (third.sequence, third.since, third.records) == (3, 1, 2)
    report = upper.exchange.import_file(third.path, PASS)
    assert report.accepted and not report.gap, report.reason
    with connect(upper.db) as conn:
        phones = {row[0] for row in conn.execute("SELECT phone FROM member")}
    assert {"0911111111", "0922222222"} <= phones
