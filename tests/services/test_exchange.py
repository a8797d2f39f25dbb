"""Branches exported and imported at the upper level: the figures add up, twice changes nothing, a package
from the wrong key or an older one is refused, and a refusal writes nothing."""

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from chibo_desktop.domain.dates import parse_period
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.organisation import Level, OrganisationSetup
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import open_database
from tests.helpers.databases import connect
from tests.helpers.days import CLOCK, TODAY

PASS = "mat-khau-chi-bo"


def branch(tmp_path: Path, seed: int) -> Services:
    db = open_database(tmp_path / f"b{seed}.sqlite", clock=CLOCK)
    write_demo(db, members=30, seed=seed, today=TODAY, meeting_years=1)
    return Services.build(db)


@pytest.fixture
def upper(new_database: Callable[[str], Path | str]) -> Services:
    """The upper level, on the test's database (PostgreSQL as well, under CHIBO_TEST_PG)."""
    services = Services.build(open_database(new_database("upper"), clock=CLOCK))
    services.organisation.save(
        OrganisationSetup("Đảng ủy xã Tân Hùng", "Tỉnh ủy Cà Mau", "Tân Hùng", (), Level.COMMITTEE)
    )
    return services


def fingerprints(*branches: Services) -> set[str]:
    """What the operator confirmed after comparing each branch's key by phone."""
    return {b.exchange.keys().signing_fingerprint for b in branches}


def rows(services: Services, table: str) -> int:
    with connect(services.db) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_three_branches_add_up_at_the_upper_level(tmp_path: Path, upper: Services) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    branches = [branch(tmp_path, seed) for seed in (1, 2, 3)]
    for b in branches:
        result = b.exchange.export(usb, passphrase=PASS)
        assert result.path.exists() and result.sequence == 1
    reports = upper.exchange.import_paths([usb], PASS, trusted=fingerprints(*branches))
    assert [r.accepted for r in reports] == [True, True, True] and all(r.new_key for r in reports)
    period = parse_period("2026")
    ours = upper.stats.stats(period, TODAY)
    theirs = [b.stats.stats(period, TODAY) for b in branches]
    for section, keys in (
        (
            "members",
            ("total", "official", "probationary", "women", "ethnic_minority", "admitted_in_period", "exempted"),
        ),
        (
            "meetings",
            (
                "held",
                "regular",
                "thematic",
                "present",
                "required",
                "guest_attendances",
                "below_threshold",
                "assigned_members",
            ),
        ),
        ("loans", ("funds", "loans_disbursed", "amount_disbursed", "members_helped", "outstanding", "overdue_amount")),
    ):
        for key in keys:
            assert ours[section][key] == sum(t[section][key] for t in theirs), (section, key)  # type: ignore[index]
    again = upper.exchange.import_paths([usb], PASS)
    assert all(r.already for r in again)
    assert rows(upper, "member") == sum(rows(b, "member") for b in branches)
    per_branch = {row["name"]: row for row in ours["branches"]}  # type: ignore[union-attr]
    for b, t in zip(branches, theirs, strict=True):
        name = b.organisation.require().branch_name
        assert per_branch[name]["members"] == t["members"]
        assert per_branch[name]["meetings"]["held"] == t["meetings"]["held"]  # type: ignore[index]
        assert per_branch[name]["loans"]["amount_disbursed"] == t["loans"]["amount_disbursed"]  # type: ignore[index]
        assert per_branch[name]["sent_in_period"] is False  # the year has not ended: no data reaches 31/12
    third_quarter = {row["name"]: row for row in upper.stats.stats(parse_period("2026-Q3"), TODAY)["branches"]}  # type: ignore[union-attr]
    assert all(row["sent_in_period"] for row in third_quarter.values())


def test_the_consolidated_report(tmp_path: Path, upper: Services) -> None:
    from openpyxl import load_workbook
    from pypdf import PdfReader

    from chibo_desktop.reports.consolidated import consolidated_pdf
    from chibo_desktop.services.printing import CONSOLIDATED
    from chibo_desktop.services.table_files import write_xlsx

    b = branch(tmp_path, 9)
    upper.exchange.import_file(b.exchange.export(tmp_path, passphrase=PASS).path, PASS, trusted=fingerprints(b))
    data = upper.printer.data(CONSOLIDATED, parse_period("2026"))
    name = b.organisation.require().branch_name
    assert [row[0] for row in data.rows] == [name] and data.total[0] == "Toàn đảng bộ"
    assert data.total[1] == str(
        len([r for r in b.members.roster().rows if r.status != "former" and r.status != "attached"])
    )
    assert data.not_sent == (name,)  # sent on 22/11: its data does not reach the end of 2026 yet
    assert upper.printer.data(CONSOLIDATED, parse_period("2026-Q3")).not_sent == ()
    assert data.header.branch_name == "Đảng ủy xã Tân Hùng"
    pdf = consolidated_pdf(data, tmp_path / "tonghop.pdf")
    text = " ".join(PdfReader(pdf).pages[0].extract_text().split())
    assert "BÁO CÁO TỔNG HỢP CÁC CHI BỘ" in text and name in text and "Toàn đảng bộ" in text
    workbook = tmp_path / "tonghop.xlsx"
    write_xlsx(workbook, data.headings, [*data.rows, data.total], "Tổng hợp")
    sheet = load_workbook(workbook).active
    assert sheet is not None and sheet["A2"].value == name and sheet["A3"].value == "Toàn đảng bộ"
    assert data.rows[0][-1].startswith("số 1, 22/11/2026")


def test_dry_run_counts_and_writes_nothing(tmp_path: Path, upper: Services) -> None:
    b = branch(tmp_path, 4)
    path = b.exchange.export(tmp_path, passphrase=PASS).path
    (report,) = upper.exchange.import_paths([path], PASS, dry_run=True)
    assert report.accepted and report.counts["members"]["new"] == rows(b, "member")
    assert rows(upper, "member") == 0 and rows(upper, "import_log") == 0


def test_updates_are_counted_and_an_older_package_is_refused(tmp_path: Path, upper: Services) -> None:
    b = branch(tmp_path, 5)
    first = b.exchange.export(tmp_path, passphrase=PASS).path
    member_id = b.members.roster().rows[0].id
    from dataclasses import replace

    record = b.members.get(member_id).record
    b.members.update(member_id, replace(record, phone="0912345678"))
    second = b.exchange.export(tmp_path, passphrase=PASS).path
    assert first != second  # a new file name each time; nothing overwritten
    assert upper.exchange.import_file(second, PASS, trusted=fingerprints(b)).accepted
    old = upper.exchange.import_file(first, PASS)
    assert not old.accepted and old.reason is not None and "older" in old.reason.render()


def test_a_package_from_another_key_is_refused_and_nothing_written(tmp_path: Path, upper: Services) -> None:
    b = branch(tmp_path, 6)
    assert upper.exchange.import_file(
        b.exchange.export(tmp_path, passphrase=PASS).path, PASS, trusted=fingerprints(b)
    ).accepted
    before = rows(upper, "fund_entry")
    impostor_path = tmp_path / "impostor.sqlite"
    b.db.close()
    shutil.copy(tmp_path / "b6.sqlite", impostor_path)
    with sqlite3.connect(impostor_path) as conn:
        conn.execute("DELETE FROM key_pair")
        conn.execute(
            "INSERT INTO fund_entry (uuid, fund_id, kind, amount, \"on\", batch, note, decision_no, created_by) VALUES ('0b6f6c1e-8a58-4c53-9b3e-2f1d6a1c0a09', 1, 'contribution', 1, '2026-11-20', '', '', '', '')"
        )
    impostor = Services.build(open_database(impostor_path, clock=CLOCK))
    out = tmp_path / "out"
    out.mkdir()
    report = upper.exchange.import_file(impostor.exchange.export(out, passphrase=PASS).path, PASS)
    assert not report.accepted and report.reason is not None and "key" in report.reason.render()
    assert rows(upper, "fund_entry") == before


def test_export_needs_a_lock_and_a_real_folder(tmp_path: Path) -> None:
    b = branch(tmp_path, 7)
    with pytest.raises(UserError):
        b.exchange.export(tmp_path)
    with pytest.raises(UserError):
        b.exchange.export(tmp_path / "no-such-stick", passphrase=PASS)
    with pytest.raises(UserError):
        b.exchange.export(tmp_path, recipient="không phải khóa")


def test_the_receipt_goes_back_to_the_branch(tmp_path: Path, upper: Services) -> None:
    b = branch(tmp_path, 10)
    usb = tmp_path / "usb"
    usb.mkdir()
    sent = b.exchange.export(usb, passphrase=PASS).path
    (report,) = upper.exchange.import_paths([usb], PASS, trusted=fingerprints(b))
    assert report.accepted and report.receipt.endswith(".chibo-ack")
    (checked,) = b.exchange.import_paths([usb], PASS, dry_run=True)  # the check sees the receipt, records nothing
    assert checked.accepted and not checked.already and b.exchange.last_receipt() is None
    upper_key = upper.exchange.keys().signing_fingerprint
    results = b.exchange.import_paths([usb], PASS, trusted={upper_key})  # its own package is skipped
    receipt = next(r for r in results if r.file.endswith(".chibo-ack"))
    assert receipt.accepted and receipt.reason is not None
    assert receipt.reason.render() == "Package 1 was received by Đảng ủy xã Tân Hùng on 22/11/2026."
    assert b.exchange.last_receipt() == (1, "2026-11-22", "Đảng ủy xã Tân Hùng")
    assert b.exchange.import_receipt(Path(report.receipt)).already
    forged = tmp_path / "forged.chibo-ack"
    forged.write_bytes(Path(report.receipt).read_bytes().replace(b'"sequence":1', b'"sequence":2'))
    assert not b.exchange.import_receipt(forged).accepted
    other = branch(tmp_path, 11)
    assert not other.exchange.import_receipt(Path(report.receipt)).accepted  # not its package
    assert sent.exists()


def test_the_commune_sends_its_consolidated_package_to_the_province(tmp_path: Path, upper: Services) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    branches = [branch(tmp_path, seed) for seed in (12, 13)]
    for b in branches:
        b.exchange.export(usb, passphrase=PASS)
    assert all(r.accepted for r in upper.exchange.import_paths([usb], PASS, trusted=fingerprints(*branches)))
    province = Services.build(open_database(tmp_path / "province.sqlite", clock=CLOCK))
    province.organisation.save(OrganisationSetup("Tỉnh ủy Cà Mau", "Trung ương", "Cà Mau", (), Level.COMMITTEE))
    upward = tmp_path / "upward"
    upward.mkdir()
    (report,) = province.exchange.import_paths(
        [upper.exchange.export(upward, passphrase=PASS).path], PASS, trusted=fingerprints(upper)
    )
    assert report.accepted and report.branch == "Đảng ủy xã Tân Hùng"
    period = parse_period("2026")
    ours, commune = province.stats.stats(period, TODAY), upper.stats.stats(period, TODAY)
    assert ours["members"] == commune["members"]
    assert ours["meetings"] == commune["meetings"] and ours["loans"] == commune["loans"]
    (row,) = ours["branches"]  # type: ignore[misc]
    assert row["name"] == "Đảng ủy xã Tân Hùng" and row["members"] == commune["members"]
    with connect(province.db) as conn:
        tree = dict(
            conn.execute(
                "SELECT c.name, p.name FROM org_unit c JOIN org_unit p ON p.id = c.parent_id WHERE NOT c.is_self"
            )
        )
    for b in branches:
        assert (
            tree[b.organisation.require().branch_name] == "Đảng ủy xã Tân Hùng"
        )  # the branches stay under their commune
    assert tree["Đảng ủy xã Tân Hùng"] == "Tỉnh ủy Cà Mau"


def test_approved_minutes_travel_as_pdfs_when_chosen(tmp_path: Path, upper: Services) -> None:
    b = branch(tmp_path, 14)
    approved = sum(1 for item in b.meetings.list_meetings(None) if item.locked)
    assert approved > 3
    plain = b.exchange.export(tmp_path, passphrase=PASS)
    with_minutes = b.exchange.export(tmp_path, passphrase=PASS, with_minutes=True)
    assert with_minutes.size > plain.size + 10_000
    report = upper.exchange.import_file(with_minutes.path, PASS, trusted=fingerprints(b))
    assert report.accepted and report.counts["minutes_pdf"] == {"new": approved}
    with connect(upper.db) as conn:
        contents = [row[0] for row in conn.execute("SELECT content FROM minutes_pdf")]
    assert len(contents) == approved and all(c.startswith(b"%PDF") for c in contents)


def test_import_stops_between_packages_when_cancelled(tmp_path: Path, upper: Services) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    branches = [branch(tmp_path, seed) for seed in (1, 2, 3)]
    for b in branches:
        b.exchange.export(stick, passphrase=PASS)
    asked: list[int] = []

    def two_only(done: int) -> bool:
        asked.append(done)
        return done < 2

    reports = upper.exchange.import_paths([stick], PASS, report=two_only, trusted=fingerprints(*branches))
    assert asked == [0, 1, 2] and len(reports) == 2 and all(r.accepted for r in reports)
    assert len(upper.exchange.received_branches()) == 2  # the two taken in stay; the third waits


def test_a_cancelled_export_writes_nothing(tmp_path: Path) -> None:
    source = branch(tmp_path, 4)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(UserError) as raised:
        source.exchange.export(out, passphrase=PASS, with_minutes=True, report=lambda _percent: False)
    assert "Cancelled" in raised.value.message.text
    assert list(out.iterdir()) == [] and rows(source, "export_log") == 0
