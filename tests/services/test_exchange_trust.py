"""What the upper level trusts a branch with, line by line of the promise: a refused package leaves even a fresh
upper level's file as it was (no key pair made, no log row), a receipt is the one the import recorded and a re-import
writes it again, the same data again rewrites no row, a bad recipient key is a message, a member moves between units
only as the branches record a transfer, and the outer layers of a crafted package are refused cleanly."""

import copy
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from chibo_desktop.catalog import Catalog
from chibo_desktop.cli import main
from chibo_desktop.domain.members import EventKind, StatusEvent
from chibo_desktop.domain.organisation import Level, OrganisationSetup
from chibo_desktop.exchange import package
from chibo_desktop.services.members import Joining, JoinKind
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import open_database
from tests.helpers.days import CLOCK
from tests.helpers.packages import PASS, inner, manifest_for, sealed, sealed_v1_to, text
from tests.helpers.upper_level import World, build_world, fingerprint_db

VI = Catalog("vi")
# What an import writes besides the records: its log line, the branch's own log as it came, the last writer's name.
EXCHANGE_BOOKKEEPING = ("import_log", "branch_audit", "audit_actor")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    built = build_world(tmp_path_factory.mktemp("trust"))
    yield built
    for services in (built.upper, built.a, built.b):
        services.db.close()


def rows_of(path: Path, skip: tuple[str, ...] = ()) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (row ids included), but those of *skip*."""
    with sqlite3.connect(path) as conn:
        tables = [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'") if t not in skip]
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall() for t in tables}


def count(path: Path, table: str) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])


# --- a refused package at an upper level that has never taken one in ---------------------------------------


def _bogus_kind(data: dict[str, Any]) -> None:
    data["status_events"][0]["kind"] = "bogus"


def _upper_levels_own_member(own: str) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        added = copy.deepcopy(data["members"][0])
        added.update(uuid="0b6f6c1e-8a58-4c53-9b3e-2f1d6a1c0e01", org_uuid=own, hamlet_uuid=None)
        data["members"].append(added)

    return change


FRESH = ["a value the format forbids", "not confirmed", "a member of the upper level's own unit", "wrong passphrase"]


@pytest.mark.parametrize("case", FRESH)
def test_a_refused_package_at_a_fresh_upper_level_writes_nothing(world: World, tmp_path: Path, case: str) -> None:
    """Refused before, during or after the merge: no key pair made, no audit row, no log of the import."""
    fresh = Services.build(open_database(tmp_path / "fresh.sqlite", clock=CLOCK))
    fresh.organisation.save(OrganisationSetup("Đảng ủy xã Tân Hồng", "Tỉnh ủy Cà Mau", "Tân Hồng", (), Level.COMMITTEE))
    own = fresh.organisation.require()
    data = world.data()
    if case == "a value the format forbids":
        _bogus_kind(data)
    if case == "a member of the upper level's own unit":
        data["org_units"].append(  # named as a branch under A, so that the schema lets it by
            {
                "uuid": own.branch_uuid,
                "name": own.branch_name,
                "kind": "branch",
                "place_name": "",
                "parent_uuid": world.uuid_of(world.a),
            }
        )
        _upper_levels_own_member(own.branch_uuid)(data)
    trusted = set() if case == "not confirmed" else {package.fingerprint(world.a_key.public)}
    blob = sealed(inner(manifest_for(world.uuid_of(world.a), world.a_key, data), data, world.a_key))
    passphrase = "mat-khau-khac" if case == "wrong passphrase" else PASS
    logged = count(fresh.db.path, "audit_log")
    message = world.refused(blob, trusted, target=fresh, passphrase=passphrase)  # the file as it was, byte for byte
    assert count(fresh.db.path, "key_pair") == 0 and count(fresh.db.path, "audit_log") == logged
    expected = {
        "a value the format forbids": "status_events[0].kind",
        "not confirmed": package.fingerprint(world.a_key.public),
        "a member of the upper level's own unit": own.branch_name,
        "wrong passphrase": "Không mở được gói",
    }[case]
    assert expected in message, message
    fresh.db.close()


def test_a_dry_run_at_a_fresh_upper_level_writes_nothing(world: World, tmp_path: Path) -> None:
    """The preview goes through the whole merge and the receipt (which needs a signing key) and throws them away."""
    fresh = Services.build(open_database(tmp_path / "fresh.sqlite", clock=CLOCK))
    fresh.organisation.save(OrganisationSetup("Đảng ủy xã Tân Hồng", "Tỉnh ủy Cà Mau", "Tân Hồng", (), Level.COMMITTEE))
    data = world.data()
    path = tmp_path / "a.chibo"
    path.write_bytes(sealed(inner(manifest_for(world.uuid_of(world.a), world.a_key, data), data, world.a_key)))
    before = fingerprint_db(fresh.db.path)
    preview = fresh.exchange.import_file(path, PASS, dry_run=True)
    assert preview.accepted and preview.new_key and preview.counts["members"]["new"] == len(data["members"])
    assert fingerprint_db(fresh.db.path) == before and count(fresh.db.path, "key_pair") == 0
    assert not path.with_suffix(".chibo-ack").exists()
    fresh.db.close()


# --- receipts -------------------------------------------------------------------------------------------------


def test_the_receipt_is_the_one_the_import_recorded_and_a_reimport_mends_it(world: World, tmp_path: Path) -> None:
    """A receipt damaged or replaced on the stick is written again, byte for byte the first one; the import is
    recorded once, and the receipt still verifies under the upper level's key."""
    stick = tmp_path / "stick"
    stick.mkdir()
    sent = world.a.exchange.export(stick, recipient=package.b64(world.upper_public))
    logged = count(world.upper.db.path, "import_log")
    first = world.upper.exchange.import_file(sent.path)
    assert first.accepted and not first.already and count(world.upper.db.path, "import_log") == logged + 1
    receipt = Path(first.receipt)
    original = receipt.read_bytes()
    payload, key = package.read_ack(original)
    assert payload["package_sha256"] == sent.sha256 and payload["sequence"] == sent.sequence
    assert package.fingerprint(key) == world.upper.exchange.keys().signing_fingerprint
    for damage in (original[:-20], b"", original.replace(b"CHIBO-ACK", b"CHIBO-ACX")):
        receipt.write_bytes(damage)
        before = rows_of(world.upper.db.path)
        again = world.upper.exchange.import_file(sent.path)
        assert again.accepted and again.already and again.receipt == str(receipt)
        assert receipt.read_bytes() == original
        assert rows_of(world.upper.db.path) == before  # a re-import writes no row, only the file
    (taken,) = world.a.exchange.import_paths([stick], trusted={package.fingerprint(key)})  # the stick back home
    assert (
        taken.accepted
        and taken.file == receipt.name
        and sorted(p.name for p in stick.iterdir()) == sorted([sent.path.name, receipt.name])
    )


# --- the same data again --------------------------------------------------------------------------------------


def test_the_same_data_again_rewrites_no_row(world: World, tmp_path: Path) -> None:
    """Every record, nested row and loan instalment keeps its row (same id, same values) and the log of changes
    does not grow: only the import's own bookkeeping changes."""
    stick = tmp_path / "again"
    stick.mkdir()
    before = rows_of(world.upper.db.path, EXCHANGE_BOOKKEEPING)
    assert before["loan_installment"] and before["attendance"] and before["agenda_item"]
    sent = world.a.exchange.export(stick, recipient=package.b64(world.upper_public), with_minutes=True)
    report = world.upper.exchange.import_file(sent.path)
    assert report.accepted and not report.already, report.reason
    assert all(not c.get("new") and not c.get("updated") and not c.get("removed") for c in report.counts.values())
    assert rows_of(world.upper.db.path, EXCHANGE_BOOKKEEPING) == before


# --- the key a branch locks its package to -------------------------------------------------------------------


@pytest.mark.parametrize(
    "key",
    [
        package.b64(bytes(32)),  # all zeros
        package.b64(bytes([1]) + bytes(31)),  # the point of order 1 … no shared secret either
        package.b64(bytes.fromhex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800")),  # order 8
        package.b64(bytes(31)),  # a byte short
        "không phải khóa",
        "A" * 5000,
        " ",
    ],
    ids=["zeros", "one", "order 8", "short", "words", "long", "blank"],
)
def test_a_recipient_key_that_is_no_key_is_a_message(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str], key: str
) -> None:
    out = tmp_path / "usb"
    out.mkdir()
    capsys.readouterr()
    code = main(["export", "--db", str(world.a.db.path), "--out", str(out), "--recipient", key])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert "không phải khóa" in err, err
    assert list(out.iterdir()) == []


# --- a member who moves to another branch --------------------------------------------------------------------


def test_a_member_moves_only_as_the_branches_record_it(world: World, tmp_path: Path) -> None:
    """B cannot take A's member by sending A's record as its own: the record waits for the upper level's review
    (tests/services/test_member_conflicts.py) and A's is not written over; the transfer as the branches record it
    (an event "transferred out" at A, a new record "transferred in" at B) comes in, and A's record stays A's."""
    a_uuid, b_uuid = world.uuid_of(world.a), world.uuid_of(world.b)
    moving = next(r for r in world.a.members.roster().rows if r.status == "official")
    with sqlite3.connect(world.a.db.path) as conn:
        (moving_uuid,) = conn.execute("SELECT uuid FROM member WHERE id = ?", (moving.id,)).fetchone()
    theirs = next(r for r in world.data()["members"] if r["uuid"] == moving_uuid)
    data = world.data(world.b)
    data["members"].append({**theirs, "org_uuid": b_uuid, "hamlet_uuid": None})
    blob = world.blob(data, key=_signing_key(world.b), sender=b_uuid)
    before = fingerprint_db(world.upper.db.path)
    preview = world.take_in(blob, dry_run=True)  # what it would do, written nowhere: B's next packages stay in order
    assert preview.accepted and preview.conflicts == 1, preview.reason
    assert preview.counts["conflicts"] == {"new": 1} and "updated" not in preview.counts["members"]
    assert fingerprint_db(world.upper.db.path) == before

    on = CLOCK.today()
    record = world.a.members.get(moving.id).record
    world.b.members.add(record, Joining(kind=JoinKind.TRANSFERRED_IN, on=on, decision_no="9-QĐ/ĐU"))
    world.a.members.add_event(moving.id, StatusEvent(EventKind.TRANSFERRED_OUT, on, decision_no="9-QĐ/ĐU"))
    stick = tmp_path / "moved"
    stick.mkdir()
    for branch in (world.a, world.b):
        branch.exchange.export(stick, recipient=package.b64(world.upper_public))
    reports = world.upper.exchange.import_paths([stick])
    assert [r.accepted for r in reports] == [True, True], [r.reason for r in reports]
    with sqlite3.connect(world.upper.db.path) as conn:
        units = conn.execute(
            "SELECT u.uuid, m.uuid FROM member m JOIN org_unit u ON u.id = m.org_unit_id WHERE m.cccd = ?",
            (record.cccd,),
        ).fetchall()
        events = conn.execute(
            "SELECT e.kind FROM status_event e JOIN member m ON m.id = e.member_id WHERE m.cccd = ? ORDER BY e.kind",
            (record.cccd,),
        ).fetchall()
    assert (
        record.cccd
        and (a_uuid, moving_uuid) in units
        and len(units) == 2
        and {u for u, _m in units} == {a_uuid, b_uuid}
    )
    assert ("transferred_in",) in events and ("transferred_out",) in events


def _signing_key(branch: Services) -> package.KeyPair:
    from chibo_desktop.storage import exchange_log

    with branch.db.read() as session:
        found = exchange_log.get_key(session, "signing")
    assert found is not None
    return package.KeyPair(*found)


# --- the outer layers of a crafted package --------------------------------------------------------------------


def _hpke_header(world: World) -> bytes:
    good = package.encrypt_to_recipient(b"x", world.upper_public)
    return good[: good.index(b"\n", len(package.MAGIC)) + 1]


def _v1(header: dict[str, Any], body: bytes) -> bytes:
    return package.MAGICS[1] + text(header) + b"\n" + body


NONCE = package.b64(bytes(12))
OUTER: list[tuple[str, Callable[[World], bytes], str]] = [
    ("HPKE, no body", lambda w: _hpke_header(w), "mở được gói"),
    ("HPKE, 10 bytes", lambda w: _hpke_header(w) + b"x" * 10, "mở được gói"),
    ("HPKE, a zero key", lambda w: _hpke_header(w) + bytes(32) + os.urandom(64), "mở được gói"),
    ("HPKE, noise", lambda w: _hpke_header(w) + os.urandom(4096), "mở được gói"),
    (
        "format 1, a zero ephemeral key",
        lambda w: _v1({"enc": "recipient", "eph": package.b64(bytes(32)), "nonce": NONCE}, os.urandom(64)),
        "mở được gói",
    ),
    (
        "format 1, a short ephemeral key",
        lambda w: _v1({"enc": "recipient", "eph": "AAAA", "nonce": NONCE}, os.urandom(64)),
        "header.eph",
    ),
    (
        "format 1, a 4-byte nonce",
        lambda w: _v1({"enc": "recipient", "eph": package.b64(os.urandom(32)), "nonce": "AAAAAA=="}, os.urandom(64)),
        "header.nonce",
    ),
    (
        "format 1, an empty nonce",
        lambda w: _v1({"enc": "recipient", "eph": package.b64(os.urandom(32)), "nonce": ""}, os.urandom(64)),
        "header.nonce",
    ),
    (
        "format 1, another branch's package for another key",
        lambda w: sealed_v1_to(b"PK not a zip", package.new_encryption_key().public),
        "mở được gói",
    ),
    ("a header line with a BOM", lambda w: package.MAGIC + b'\xef\xbb\xbf{"enc":"hpke"}\n' + os.urandom(64), "header"),
    (
        "a header with a key twice",
        lambda w: package.MAGIC + b'{"enc":"hpke","enc":"hpke"}\n' + os.urandom(64),
        "header",
    ),
]


@pytest.mark.parametrize(("name", "build", "expected"), OUTER, ids=[o[0] for o in OUTER])
def test_the_outer_layer_of_a_crafted_package(
    world: World, name: str, build: Callable[[World], bytes], expected: str
) -> None:
    assert expected in world.refused(build(world))
