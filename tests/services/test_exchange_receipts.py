"""Receipts and re-imports: a receipt counts only under the upper level's confirmed key, a lost one is written
again, the same data twice changes nothing (not even the log), and an unexpected failure leaks no names."""

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from chibo_desktop.catalog import Catalog
from chibo_desktop.cli import main
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.organisation import Level, OrganisationSetup
from chibo_desktop.exchange import package
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import open_database
from tests.helpers.databases import connect
from tests.helpers.days import CLOCK, TODAY

PASS = "mat-khau-chi-bo"
VI = Catalog("vi")


def branch(tmp_path: Path, seed: int) -> Services:
    db = open_database(tmp_path / f"b{seed}.sqlite", clock=CLOCK)
    write_demo(db, members=10, seed=seed, today=TODAY, meeting_years=1)
    return Services.build(db)


@pytest.fixture
def upper(new_database: Callable[[str], Path | str]) -> Services:
    """The upper level, on the test's database (PostgreSQL as well, under CHIBO_TEST_PG)."""
    services = Services.build(open_database(new_database("upper"), clock=CLOCK))
    services.organisation.save(
        OrganisationSetup("Đảng ủy xã Tân Hùng", "Tỉnh ủy Cà Mau", "Tân Hùng", (), Level.COMMITTEE)
    )
    return services


def count(services: Services, table: str) -> int:
    with connect(services.db) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_a_forged_receipt_is_not_recorded_and_does_not_block_the_real_one(tmp_path: Path, upper: Services) -> None:
    b = branch(tmp_path, 31)
    stick = tmp_path / "stick"
    stick.mkdir()
    sent = b.exchange.export(stick, passphrase=PASS)
    real = upper.exchange.import_file(sent.path, PASS, trusted={b.exchange.keys().signing_fingerprint})
    assert real.accepted and real.receipt
    real_bytes = Path(real.receipt).read_bytes()
    forger = package.new_signing_key()
    forged = package.make_ack(
        {
            "branch_uuid": b.organisation.require().branch_uuid,
            "sequence": 1,
            "package_sha256": sent.sha256,
            "received_on": "2026-11-20",
            "upper": "Đảng ủy xã Giả",
        },
        forger,
    )
    Path(real.receipt).write_bytes(forged)
    first = b.exchange.import_receipt(Path(real.receipt))  # nobody has compared a fingerprint yet
    assert not first.accepted and first.unconfirmed and first.fingerprint == package.fingerprint(forger.public)
    assert b.exchange.last_receipt() is None and count(b, "branch_key") == 0
    Path(real.receipt).write_bytes(real_bytes)
    upper_fingerprint = upper.exchange.keys().signing_fingerprint
    assert b.exchange.import_receipt(Path(real.receipt), trusted={upper_fingerprint}).accepted
    assert b.exchange.last_receipt() == (1, "2026-11-22", "Đảng ủy xã Tân Hùng")
    Path(real.receipt).write_bytes(forged)  # now the upper level's key is known: the forgery is plainly refused
    again = b.exchange.import_receipt(Path(real.receipt), trusted={package.fingerprint(forger.public)})
    assert not again.accepted and again.reason is not None and "khóa khác" in again.reason.render(VI)
    assert b.exchange.last_receipt() == (1, "2026-11-22", "Đảng ủy xã Tân Hùng")


def test_a_lost_receipt_is_written_again_by_a_reimport(tmp_path: Path, upper: Services) -> None:
    b = branch(tmp_path, 32)
    sent = b.exchange.export(tmp_path, passphrase=PASS)
    first = upper.exchange.import_file(sent.path, PASS, trusted={b.exchange.keys().signing_fingerprint})
    receipt = Path(first.receipt)
    original = receipt.read_bytes()
    receipt.unlink()  # the import was killed after its commit, before the receipt reached the stick
    again = upper.exchange.import_file(sent.path, PASS)
    assert again.accepted and again.already and receipt.read_bytes() == original
    assert upper.exchange.import_file(sent.path, PASS).receipt == str(receipt)  # still one receipt, not a copy
    assert sorted(p.name for p in tmp_path.glob("*.chibo-ack")) == [receipt.name]


def test_the_same_data_again_rewrites_nothing(tmp_path: Path, upper: Services) -> None:
    b = branch(tmp_path, 33)
    trusted = {b.exchange.keys().signing_fingerprint}
    assert upper.exchange.import_file(b.exchange.export(tmp_path, passphrase=PASS).path, PASS, trusted=trusted).accepted
    logged, plans = count(upper, "audit_log"), count(upper, "loan_installment")
    with connect(upper.db) as conn:
        ids = conn.execute("SELECT id FROM loan_installment ORDER BY id").fetchall()
    assert plans > 0
    second = upper.exchange.import_file(b.exchange.export(tmp_path, passphrase=PASS).path, PASS)
    assert second.accepted and not second.already and second.sequence == 2
    assert all(set(c) <= {"unchanged", "new", "entries"} and not c.get("new") for c in second.counts.values())
    assert count(upper, "audit_log") == logged and count(upper, "loan_installment") == plans
    with connect(upper.db) as conn:
        assert conn.execute("SELECT id FROM loan_installment ORDER BY id").fetchall() == ids


def test_an_all_zero_recipient_key_is_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    b = branch(tmp_path, 34)
    zero = package.b64(bytes(32))
    with pytest.raises(UserError) as raised:
        b.exchange.export(tmp_path, recipient=zero)
    assert "không phải khóa" in raised.value.message.render(VI)
    b.db.close()
    assert main(["export", "--db", str(tmp_path / "b34.sqlite"), "--out", str(tmp_path), "--recipient", zero]) == 2
    err = capsys.readouterr().err
    assert "không phải khóa" in err and "Traceback" not in err
    assert list(tmp_path.glob("*.chibo")) == []


@pytest.mark.sqlite_only  # the broken trigger is written in SQLite's words
def test_an_unexpected_error_during_an_import_leaks_no_names(
    tmp_path: Path, upper: Services, caplog: pytest.LogCaptureFixture
) -> None:
    """A fault nobody foresaw (here a broken trigger) is reported as a refusal; the log has ids, not names."""
    b = branch(tmp_path, 35)
    sent = b.exchange.export(tmp_path, passphrase=PASS)
    with connect(upper.db) as conn:
        conn.execute(
            "CREATE TRIGGER zz_broken AFTER INSERT ON member BEGIN INSERT INTO no_such_table VALUES (NEW.full_name); END"
        )
    names = [r.full_name for r in b.members.roster().rows]
    with caplog.at_level(logging.INFO):
        (report,) = upper.exchange.import_paths([sent.path], PASS, trusted={b.exchange.keys().signing_fingerprint})
    assert not report.accepted and report.reason is not None and "lỗi" in report.reason.render(VI)
    formatter = logging.Formatter()
    logged = "\n".join(
        r.getMessage() + (formatter.formatException(r.exc_info) if r.exc_info else "") for r in caplog.records
    )
    assert "no_such_table" in logged  # the fault is there for whoever reads the log …
    assert not [name for name in names if name in logged]  # … but no member's name
    assert count(upper, "member") == 0


def test_a_hamlet_removed_and_added_again_at_the_branch(tmp_path: Path, upper: Services) -> None:
    """The branch drops an unused cell and later adds one of the same name (a new record): the next package
    replaces it at the upper level instead of clashing with the old one."""
    b = branch(tmp_path, 36)
    found = b.organisation.require()
    names = tuple(h.name for h in found.hamlets)

    def cells(*chosen: str) -> None:
        b.organisation.save(
            OrganisationSetup(found.branch_name, found.upper_name, found.place_name, chosen, found.level)
        )

    cells(*names, "Tổ 9")
    trusted = {b.exchange.keys().signing_fingerprint}
    assert upper.exchange.import_file(b.exchange.export(tmp_path, passphrase=PASS).path, PASS, trusted=trusted).accepted
    cells(*names)  # unused: removed at the branch
    cells(*names, "Tổ 9")  # a new cell of the same name, with a new UUID
    report = upper.exchange.import_file(b.exchange.export(tmp_path, passphrase=PASS).path, PASS)
    assert report.accepted, report.reason
    assert report.counts["hamlets"] == {"removed": 1, "new": 1, "unchanged": len(names)}
    with connect(upper.db) as conn:
        assert conn.execute("SELECT count(*) FROM hamlet WHERE name = 'Tổ 9'").fetchone() == (1,)


def test_a_format_1_package_from_an_older_app_is_taken_in(tmp_path: Path, upper: Services) -> None:
    from chibo_desktop.domain.exchange_format import tables_of
    from chibo_desktop.storage import audit_queries, exchange_log, package_records
    from tests.helpers.packages import inner, manifest_for, sealed_v1_to

    b = branch(tmp_path, 37)
    fingerprint = b.exchange.keys().signing_fingerprint
    with b.db.read() as session:
        data = package_records.dump(session)
        audit = audit_queries.dump(session)
        found = exchange_log.get_key(session, "signing")
    assert found is not None
    key = package.KeyPair(*found)
    data = {table: data[table] for table in tables_of(1)}  # an older app sends none of the later tables
    manifest = manifest_for(b.organisation.require().branch_uuid, key, data, version=1)
    old = sealed_v1_to(
        inner(manifest, data, key, audit, version=1), package.unb64(upper.exchange.keys().encryption_public)
    )
    path = tmp_path / "old.chibo"
    path.write_bytes(old)
    report = upper.exchange.import_file(path, trusted={fingerprint})
    assert report.accepted, report.reason
    assert report.counts["members"]["new"] == len(data["members"]) and report.counts["audit"]["entries"] == len(audit)


def test_the_receipt_brings_the_upper_levels_key_and_the_next_package_needs_no_passphrase(
    tmp_path: Path, upper: Services
) -> None:
    b = branch(tmp_path, 41)
    stick = tmp_path / "stick"
    stick.mkdir()
    assert b.exchange.last_recipient() is None  # nothing to offer before any receipt: a passphrase
    first = b.exchange.export(stick, passphrase=PASS)
    report = upper.exchange.import_file(first.path, PASS, trusted={b.exchange.keys().signing_fingerprint})
    assert report.accepted and report.receipt
    upper_keys = upper.exchange.keys()
    taken = b.exchange.import_receipt(Path(report.receipt), trusted={upper_keys.signing_fingerprint})
    assert taken.accepted, taken.reason
    assert b.exchange.last_recipient() == upper_keys.encryption_public  # offered for the next package
    b.members.update(
        b.members.roster().rows[0].id,
        replace(b.members.get(b.members.roster().rows[0].id).record, phone="0912345678"),
    )
    second = b.exchange.export(stick, recipient=b.exchange.last_recipient())
    assert b'"enc":"hpke"' in second.path.read_bytes().split(b"\n", 2)[1]  # locked to the key, no scrypt
    again = upper.exchange.import_file(second.path)  # no passphrase: the upper level's own key opens it
    assert again.accepted, again.reason
    with connect(upper.db) as conn:
        phones = {row[0] for row in conn.execute("SELECT phone FROM member")}
    assert "0912345678" in phones


def test_a_receipt_with_a_damaged_key_is_refused_and_offers_nothing(tmp_path: Path, upper: Services) -> None:
    b = branch(tmp_path, 42)
    stick = tmp_path / "stick"
    stick.mkdir()
    sent = b.exchange.export(stick, passphrase=PASS)
    upper.exchange.import_file(sent.path, PASS, trusted={b.exchange.keys().signing_fingerprint})
    signing = package.new_signing_key()
    receipt = tmp_path / "forged.chibo-ack"
    receipt.write_bytes(
        package.make_ack(
            {
                "branch_uuid": b.organisation.require().branch_uuid,
                "sequence": 1,
                "package_sha256": sent.sha256,
                "received_on": "2026-11-20",
                "upper": "Đảng ủy xã Tân Hùng",
                "upper_lock": package.b64(bytes(32)),  # a low-order point: nothing could be locked to it
            },
            signing,
        )
    )
    refused = b.exchange.import_receipt(receipt, trusted={package.fingerprint(signing.public)})
    assert not refused.accepted
    assert refused.reason is not None and "receipt" in refused.reason.render(Catalog("en"), "en")
    assert b.exchange.last_recipient() is None


def test_chibo_export_without_a_lock_uses_the_key_the_receipt_brought(
    tmp_path: Path, upper: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    b = branch(tmp_path, 43)
    stick = tmp_path / "stick"
    stick.mkdir()
    b.db.close()
    database = str(tmp_path / "b43.sqlite")
    assert main(["export", "--db", database, "--out", str(stick)]) == 2  # no receipt yet: how to lock is asked
    assert "mật khẩu" in capsys.readouterr().err and list(stick.glob("*.chibo")) == []
    b = Services.build(open_database(database, clock=CLOCK))
    sent = b.exchange.export(stick, passphrase=PASS)
    report = upper.exchange.import_file(sent.path, PASS, trusted={b.exchange.keys().signing_fingerprint})
    assert b.exchange.import_receipt(Path(report.receipt), trusted={upper.exchange.keys().signing_fingerprint}).accepted
    b.db.close()
    assert main(["export", "--db", database, "--out", str(stick)]) == 0
    (second,) = (p for p in stick.glob("*.chibo") if p != sent.path)
    assert upper.exchange.import_file(second).accepted  # locked to the upper level's key: no passphrase
