"""Crafted packages, as an attacker holding a branch's key (or none) would make them, thrown at an upper level that
took in branches A and B. Each one goes through the app's own import and must be refused with a Vietnamese
message, every table of the upper level's database byte for byte as it was, no receipt written."""

import copy
import json
import random
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from chibo_desktop.domain.organisation import Level, OrganisationSetup
from chibo_desktop.exchange import package
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import open_database
from tests.helpers.days import CLOCK
from tests.helpers.packages import inner, manifest_for, sealed, text
from tests.helpers.upper_level import RAW, World, build_world, fingerprint_db


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    built = build_world(tmp_path_factory.mktemp("attacks"))
    yield built
    for services in (built.upper, built.a, built.b):
        services.db.close()


DEEP = b"[" * 50_000 + b"]" * 50_000
_SPACE = random.Random(14)
# Deeper than Python's parser takes, with random white space so that it passes the unpacking caps.
NESTED = b"".join(b"[" + bytes(_SPACE.choices(b" \t\r\n", k=3)) for _ in range(2000)) + b"]" * 2000


def first(data: dict[str, Any], table: str, where: Callable[[dict[str, Any]], bool] = lambda r: True) -> Any:
    return next(r for r in data[table] if where(r))


# --- the outer layer and the manifest ---------------------------------------------------------------------


def good_inner(world: World) -> bytes:
    data = world.data()
    made = manifest_for(world.uuid_of(world.a), world.a_key, data)
    made["sequence"] = 5000 + next(world.sequence)
    return inner(made, data, world.a_key)


@pytest.mark.parametrize(
    "nonce", ["AAAAAA==", "", 7, None, "A" * 5000, ["AAAAAAAAAAAAAAAA"], {"n": 1}], ids=lambda v: repr(v)[:12]
)
def test_a_bad_nonce_in_the_header(world: World, nonce: object) -> None:
    header = {"enc": "passphrase", "kdf": "scrypt", "n": 2**15, "r": 8, "p": 1, "salt": "A" * 22 + "==", "nonce": nonce}
    message = world.refused(sealed(good_inner(world), header=header))
    assert "header" in message or "phần đầu" in message  # the field, or a header line too long to read


def test_deep_nesting_in_the_header(world: World) -> None:
    blob = package.MAGIC + b'{"enc": ' + b"[" * 2000 + b"]" * 2000 + b"}\n" + b"x" * 64
    assert "header" in world.refused(blob)


def test_other_header_tricks(world: World) -> None:
    inner_zip = good_inner(world)
    base = {
        "enc": "passphrase",
        "kdf": "scrypt",
        "n": 2**15,
        "r": 8,
        "p": 1,
        "salt": "A" * 22 + "==",
        "nonce": "A" * 16,
    }
    for header in (
        {**base, "n": 2**40},  # a key derivation that would never end
        {**base, "n": "32768"},
        {**base, "r": True},
        {**base, "salt": "@@@"},
        {**base, "extra": 1},
        {"enc": "recipient", "eph": "A" * 43 + "=", "nonce": "A" * 16},  # format 1's lock inside format 2
        {"enc": "hpke", "suite": "ROT13"},
        [],
    ):
        assert "header" in world.refused(sealed(inner_zip, header=header))  # type: ignore[arg-type]


@pytest.mark.parametrize("sequence", ["1001", [1001], 2e70, 0, -3, True, None, 10**30, 1.0], ids=lambda v: repr(v)[:12])
def test_a_sequence_that_is_not_a_number(world: World, sequence: object) -> None:
    message = world.refused(world.blob(world.data(), manifest=lambda m: {**m, "sequence": sequence}))
    assert "manifest.sequence" in message


def test_deep_nesting_in_the_manifest_data_and_audit(world: World) -> None:
    data = world.data()
    made = text({**manifest_for(world.uuid_of(world.a), world.a_key, data), "format": 2, "parts": {}})
    nested = made.replace(b'"period":{', b'"period":' + b"[" * 2000 + b"]" * 2000 + b',"x":{')
    blob = package.encrypt_to_recipient(inner(nested, data, world.a_key), world.upper_public)
    assert "manifest" in world.refused(blob)
    assert "data" in world.refused(world.blob(NESTED))
    assert "quá lớn" in world.refused(world.blob(DEEP))  # so deep it unpacks far too large for its size
    first(data, "members")["full_name"] = RAW
    assert "lồng nhau quá sâu" in world.refused(world.blob(data, raw=NESTED))  # Python's parser refuses it
    assert "members[0].full_name" in world.refused(world.blob(data, raw=b"[" * 50 + b"]" * 50))  # the schema does
    first(data, "members")["full_name"] = "Nguyễn Văn A"
    assert "audit" in world.refused(world.blob(data, audit=NESTED))
    entry = {"at": "2026-11-22T09:00:00", "actor": "x", "table": "member", "row_uuid": None, "action": "update"}
    old = json.dumps({"full_name": "A"})
    assert "audit[0].new" in world.refused(world.blob(data, audit=[{**entry, "old": old, "new": "[" * 3000}]))


def test_the_branch_uuid_in_the_manifest(world: World) -> None:
    data = world.data()
    as_int = world.blob(data, manifest=lambda m: {**m, "branch": {**m["branch"], "uuid": 12345}})
    assert "manifest.branch.uuid" in world.refused(as_int)
    stranger = "0b6f6c1e-8a58-4c53-9b3e-2f1d6a1c0aff"  # a branch that is not in the data
    assert "manifest.branch.uuid" in world.refused(world.blob(data, sender=stranger))


def test_counts_that_do_not_match_and_a_missing_table(world: World) -> None:
    data = world.data()
    assert "manifest.counts" in world.refused(
        world.blob(data, manifest=lambda m: {**m, "counts": {**m["counts"], "members": 1}})
    )
    del data["loans"]
    assert "data.loans" in world.refused(world.blob(data))


# --- values -----------------------------------------------------------------------------------------------


def _set(table: str, field: str, value: Any, where: Callable[[dict[str, Any]], bool] = lambda r: True) -> Any:
    def change(data: dict[str, Any]) -> None:
        first(data, table, where)[field] = value

    return change


VALUES: list[tuple[str, Callable[[dict[str, Any]], None], str | None, str]] = [
    ("NaN amount", _set("fund_entries", "amount", RAW), "NaN", "data"),
    ("Infinity amount", _set("fund_entries", "amount", RAW), "1e999", "fund_entries[0].amount"),
    ("huge amount", _set("fund_entries", "amount", 10**30), None, "fund_entries[0].amount"),
    ("float amount", _set("loans", "amount", 1.5e6), None, "loans[0].amount"),
    (
        "negative contribution",
        _set("fund_entries", "amount", -500_000, lambda e: e["kind"] == "contribution"),
        None,
        ".amount",
    ),
    ("integer date", _set("fund_entries", "on", 20240101), None, "fund_entries[0].on"),
    ("impossible date", _set("members", "date_of_birth", "1970-02-30"), None, "members[0].date_of_birth"),
    ("bogus meeting kind", _set("meetings", "kind", "party"), None, "meetings[0].kind"),
    ("bogus status kind", _set("status_events", "kind", "bogus"), None, "status_events[0].kind"),
    ("gender X", _set("members", "gender", "X"), None, "members[0].gender"),
    ("rate abc", _set("funds", "rate", "abc"), None, "funds[0].rate"),
    ("rate as a float", _set("loans", "rate", 0.7), None, "loans[0].rate"),
    ("100,000-character name", _set("members", "full_name", "A" * 100_000), None, "members[0].full_name"),
    ("NUL in a name", _set("members", "full_name", "Nguyễn\x00Văn"), None, "members[0].full_name"),
    ("RLO in a name", _set("members", "full_name", "\u202eNguyễn Văn"), None, "members[0].full_name"),
    ("zero-width in a name", _set("members", "full_name", "Nguyễn\u200bVăn"), None, "members[0].full_name"),
    (
        "RLO in a unit's name",
        _set("org_units", "name", "Chi bộ \u202e1", lambda u: u["kind"] == "branch"),
        None,
        ".name",
    ),
    ("an extra field", _set("members", "is_self", True), None, "members[0]"),
    ("a UUID that is an int", _set("members", "uuid", 17), None, "members[0].uuid"),
    ("a loan plan as a dict", _set("loans", "plan", {"1": 100}), None, "loans[0].plan"),
    ("flag as 1", _set("funds", "grant", 1), None, "funds[0].grant"),
    ("scores nested deeply", _set("meetings", "scores_json", "[" * 5000 + "]" * 5000), None, "meetings[0].scores_json"),
    ("time of day 25:99", _set("meetings", "start", "25:99"), None, "meetings[0].start"),
]


@pytest.mark.parametrize(("name", "change", "raw", "where"), VALUES, ids=[v[0] for v in VALUES])
def test_a_value_the_format_forbids(
    world: World, name: str, change: Callable[[dict[str, Any]], None], raw: str | None, where: str
) -> None:
    data = world.data()
    change(data)
    message = world.refused(world.blob(data, raw=raw.encode() if raw else None))
    assert where in message, message


def test_a_dict_attendance_mark_and_floats_in_a_loan_plan(world: World) -> None:
    data = world.data()
    meeting = first(data, "meetings", lambda m: m["attendance"])
    meeting["attendance"][0]["mark"] = {"present": True}
    assert ".attendance[0].mark" in world.refused(world.blob(data))
    data = world.data()
    loan = first(data, "loans", lambda x: x["plan"])
    loan["plan"][0]["principal"] = 250_000.5
    assert ".plan[0].principal" in world.refused(world.blob(data))


def test_the_same_uuid_twice_and_a_reference_to_nothing(world: World) -> None:
    data = world.data()
    data["members"].append(copy.deepcopy(data["members"][0]))
    data["members"][-1]["full_name"] = "Người Thứ Hai"
    assert "members[" in world.refused(world.blob(data))
    data = world.data()
    first(data, "status_events")["member_uuid"] = "0b6f6c1e-8a58-4c53-9b3e-2f1d6a1c0abc"
    assert "không có trong gói" in world.refused(world.blob(data))


def test_minutes_for_a_meeting_not_in_the_package_or_not_a_pdf(world: World) -> None:
    data = world.data()
    b_meeting = first(world.data(world.b), "meetings")["uuid"]
    planted = {f"minutes/{b_meeting}.pdf": b"%PDF-1.4 planted minutes"}
    assert "minutes/" in world.refused(world.blob(data, attachments=planted))
    own = first(data, "meetings")["uuid"]
    assert "minutes/" in world.refused(world.blob(data, attachments={f"minutes/{own}.pdf": b"MZ not a pdf"}))


# --- ownership: branch A writing branch B's records --------------------------------------------------------


def test_a_overwrites_bs_members(world: World) -> None:
    """B's member sent as A's is not written over B's record: it waits for review (a dry run here, so that A's
    later packages stay in order), and the rest of A's package comes in."""
    data = world.data()
    theirs = first(world.data(world.b), "members")
    data["members"].append({**theirs, "org_uuid": world.uuid_of(world.a), "hamlet_uuid": None, "full_name": "Đổi Tên"})
    before = fingerprint_db(world.upper.db.path)
    preview = world.take_in(world.blob(data), dry_run=True)
    assert preview.accepted and preview.conflicts == 1 and "updated" not in preview.counts["members"], preview
    assert fingerprint_db(world.upper.db.path) == before
    # a status event of B's member, sent by A without the member, is still B's record: refused whole
    data = world.data()
    data["status_events"].append({**first(world.data(world.b), "status_events"), "note": "đổi"})
    assert world.b.organisation.require().branch_name in world.refused(world.blob(data))


def test_a_renames_and_moves_bs_unit(world: World) -> None:
    data = world.data()
    theirs = first(world.data(world.b), "org_units", lambda u: u["uuid"] == world.uuid_of(world.b))
    data["org_units"].append({**theirs, "name": "Chi bộ bị chiếm", "parent_uuid": world.uuid_of(world.a)})
    assert world.b.organisation.require().branch_name in world.refused(world.blob(data))


def test_a_names_bs_unit_as_a_committee(world: World) -> None:
    """Committees a package names are never written, but their UUIDs may not be another unit's either."""
    data = world.data()
    theirs = first(world.data(world.b), "org_units", lambda u: u["uuid"] == world.uuid_of(world.b))
    data["org_units"].append({**theirs, "kind": "committee", "parent_uuid": None})
    assert world.b.organisation.require().branch_name in world.refused(world.blob(data))


def test_a_rewrites_bs_attendance_and_plants_minutes(world: World) -> None:
    theirs = first(world.data(world.b), "meetings", lambda m: m["attendance"])
    data = world.data()
    data["meetings"].append(
        {
            **theirs,
            "org_uuid": world.uuid_of(world.a),
            "attendance": [],
            "chair_uuid": None,
            "secretary_uuid": None,
            "assignments": [],
            "agenda": [],
        }
    )
    minutes = {f"minutes/{theirs['uuid']}.pdf": b"%PDF-1.4 planted"}
    assert world.b.organisation.require().branch_name in world.refused(world.blob(data, attachments=minutes))


def test_an_attendance_row_pointing_at_another_branchs_meeting(world: World) -> None:
    """A's own meeting carries a line whose UUID is a line of B's meeting: it would move B's line into A."""
    theirs = first(world.data(world.b), "meetings", lambda m: m["attendance"])["attendance"][0]
    data = world.data()
    ours = first(data, "meetings", lambda m: m["attendance"])
    ours["attendance"][0]["uuid"] = theirs["uuid"]
    assert world.b.organisation.require().branch_name in world.refused(world.blob(data))
    data = world.data()
    ours = first(data, "meetings", lambda m: m["attendance"])
    ours["attendance"][0]["member_uuid"] = theirs["member_uuid"]  # B's member listed in A's meeting
    assert world.b.organisation.require().branch_name in world.refused(world.blob(data))


def test_a_posts_into_bs_fund(world: World) -> None:
    their_fund = first(world.data(world.b), "funds")["uuid"]
    data = world.data()
    entry = copy.deepcopy(first(data, "fund_entries", lambda e: e["kind"] == "contribution"))
    entry.update(uuid="0b6f6c1e-8a58-4c53-9b3e-2f1d6a1c0b01", fund_uuid=their_fund, loan_uuid=None, member_uuid=None)
    data["fund_entries"].append(entry)
    assert world.b.organisation.require().branch_name in world.refused(world.blob(data))
    data = world.data()
    theirs = first(world.data(world.b), "funds")
    data["funds"].append({**theirs, "org_uuid": world.uuid_of(world.a), "name": "Quỹ đã đổi"})
    assert world.b.organisation.require().branch_name in world.refused(world.blob(data))


def test_bs_status_events_party_cards_loans_and_hamlets(world: World) -> None:
    theirs = world.data(world.b)
    mine = world.data()
    me = world.uuid_of(world.a)
    my_member = first(mine, "members")["uuid"]
    my_fund = first(mine, "funds")["uuid"]
    for table, record in (
        ("status_events", {**first(theirs, "status_events"), "member_uuid": my_member}),
        ("party_cards", {**first(theirs, "party_cards"), "member_uuid": my_member}),
        ("hamlets", {**first(theirs, "hamlets"), "org_uuid": me, "name": "Tổ lạ"}),
        ("loans", {**first(theirs, "loans"), "fund_uuid": my_fund, "member_uuid": my_member, "meeting_uuid": None}),
    ):
        data = world.data()
        data[table].append(record)
        assert world.b.organisation.require().branch_name in world.refused(world.blob(data)), table


def test_nothing_writes_the_upper_levels_own_unit(world: World) -> None:
    own = world.upper.organisation.require()
    data = world.data()
    data["org_units"].append(
        {
            "uuid": own.branch_uuid,
            "name": own.branch_name,
            "kind": "branch",
            "place_name": "",
            "parent_uuid": world.uuid_of(world.a),
        }
    )
    member = copy.deepcopy(first(data, "members"))
    member.update(uuid="0b6f6c1e-8a58-4c53-9b3e-2f1d6a1c0b02", org_uuid=own.branch_uuid, hamlet_uuid=None)
    data["members"].append(member)
    assert own.branch_name in world.refused(world.blob(data))


def test_a_stranger_with_a_fresh_key(world: World) -> None:
    stranger = package.new_signing_key()
    fingerprint = package.fingerprint(stranger.public)
    # claiming to be A: the key registered for A does not match
    assert "khóa khác" in world.refused(world.blob(world.data(), key=stranger))
    # a new branch whose package carries one of B's members (learnt from a receipt), even once confirmed
    data = {t: [] for t in world.data()}
    unit = "0b6f6c1e-8a58-4c53-9b3e-2f1d6a1c0c01"
    data["org_units"] = [{"uuid": unit, "name": "Chi bộ lạ", "kind": "branch", "place_name": "", "parent_uuid": None}]
    member = {**first(world.data(world.b), "members"), "org_uuid": unit, "hamlet_uuid": None}
    data["members"] = [member]
    message = world.refused(world.blob(data, key=stranger, sender=unit), trusted={fingerprint})
    assert world.b.organisation.require().branch_name in message
    # a first package from an unknown key is never taken in unconfirmed
    data["members"] = []
    assert fingerprint in world.refused(world.blob(data, key=stranger, sender=unit))
    # … nor one claiming to be the upper level itself, or B (whose key is registered), confirmed or not
    own = world.upper.organisation.require().branch_uuid
    data["org_units"][0]["uuid"] = own
    assert world.upper.organisation.require().branch_name in world.refused(
        world.blob(data, key=stranger, sender=own), trusted={fingerprint}
    )


def test_a_refused_package_writes_nothing_at_a_fresh_upper_level(world: World, tmp_path: Path) -> None:
    """No key pair, no audit row, no log of the import: the file is byte for byte as it was."""
    fresh = Services.build(open_database(tmp_path / "fresh.sqlite", clock=CLOCK))
    fresh.organisation.save(OrganisationSetup("Đảng ủy xã Tân Hồng", "Tỉnh ủy Cà Mau", "Tân Hồng", (), Level.COMMITTEE))
    data = world.data()
    first(data, "status_events")["kind"] = "bogus"
    made = manifest_for(world.uuid_of(world.a), world.a_key, data)
    blob = sealed(inner(made, data, world.a_key))
    before = fingerprint_db(fresh.db.path)
    path = tmp_path / "x.chibo"
    path.write_bytes(blob)
    report = fresh.exchange.import_file(path, "mat-khau-chi-bo", trusted={package.fingerprint(world.a_key.public)})
    assert not report.accepted and fingerprint_db(fresh.db.path) == before
    with sqlite3.connect(fresh.db.path) as conn:
        assert conn.execute("SELECT count(*) FROM key_pair").fetchone() == (0,)
    fresh.db.close()


def test_a_folder_with_bad_files_then_a_good_one(world: World, tmp_path: Path) -> None:
    """Every file is reported; the bad ones stop nothing."""
    stick = tmp_path / "stick"
    stick.mkdir()
    data = world.data()
    first(data, "members")["gender"] = "X"
    (stick / "a1.chibo").write_bytes(world.blob(data))
    (stick / "a2.chibo").write_bytes(b'CHIBO-PKG 2\n{"enc":' + b"[" * 3000 + b"\n")
    (stick / "a3.chibo").write_bytes(world.blob(DEEP))
    sent = world.a.exchange.export(stick, recipient=package.b64(world.upper_public))
    (stick / sent.path.name).rename(stick / ("z-" + sent.path.name))
    reports = world.upper.exchange.import_paths([stick])
    assert [r.accepted for r in reports] == [False, False, False, True]
    assert all(r.reason is not None for r in reports[:3]) and not reports[3].already
