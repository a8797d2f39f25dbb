"""A member sent by two units at the upper level: branch B records A's member as transferred in with the UUID of
A's record (as a copied file carries it) and lists it at a meeting. B's package comes in, A's record is not
written over, and the member waits in the review list with both versions and the records of B that name it; the
operator keeps one version or the other, in the log of changes. On SQLite and PostgreSQL (CHIBO_TEST_PG)."""

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.members import MemberRecord
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import open_database
from tests.helpers.databases import connect
from tests.helpers.days import CLOCK, TODAY
from tests.helpers.two_units import PASS, VI, Units, build_units, copy_member, write_sample_branches


@pytest.fixture(scope="module")
def sample_branches(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample_branches(tmp_path_factory.mktemp("branches"))


@pytest.fixture
def units(tmp_path: Path, sample_branches: Path, new_database: Callable[[str], Path | str]) -> Iterator[Units]:
    built = build_units(tmp_path, sample_branches, new_database("upper"))
    yield built
    built.close()


def member_at_upper(units: Units, uuid: str) -> tuple[str, str, str]:
    """(unit's name, full name, phone) of the member *uuid* at the upper level."""
    with connect(units.upper.db) as conn:
        found = conn.execute(
            "SELECT u.name, m.full_name, m.phone FROM member m JOIN org_unit u ON u.id = m.org_unit_id "
            "WHERE m.uuid = ?",
            (uuid,),
        ).fetchone()
    return (str(found[0]), str(found[1]), str(found[2]))


def attendance_of(units: Units, meeting_uuid: str) -> list[str]:
    """The member UUIDs listed at the meeting *meeting_uuid* at the upper level."""
    with connect(units.upper.db) as conn:
        rows = conn.execute(
            "SELECT m.uuid FROM attendance a JOIN meeting g ON g.id = a.meeting_id JOIN member m ON m.id = a.member_id "
            "WHERE g.uuid = ?",
            (meeting_uuid,),
        ).fetchall()
    return [str(r[0]) for r in rows]


def events_of(units: Units, uuid: str) -> list[str]:
    with connect(units.upper.db) as conn:
        rows = conn.execute(
            "SELECT e.kind FROM status_event e JOIN member m ON m.id = e.member_id WHERE m.uuid = ? ORDER BY e.kind",
            (uuid,),
        ).fetchall()
    return [str(r[0]) for r in rows]


def entries(units: Units) -> int:
    with connect(units.upper.db) as conn:
        return int(conn.execute("SELECT count(*) FROM member_conflict").fetchone()[0])


def test_a_member_sent_by_two_units_waits_for_review(units: Units) -> None:
    uuid, record, meeting, _b_id = copy_member(units)
    a_name, b_name = (s.organisation.require().branch_name for s in (units.a, units.b))
    before = member_at_upper(units, uuid)
    listed_before = attendance_of(units, meeting)
    report = units.take_in(units.send(units.b))

    assert report.conflicts == 1 and report.counts["conflicts"] == {"new": 1}
    assert member_at_upper(units, uuid) == before and before[0] == a_name  # A's record as it was
    assert attendance_of(units, meeting) == listed_before  # B's meeting that names it waits with it
    assert "transferred_in" not in events_of(units, uuid)  # B's event is not hung on A's record
    (waiting,) = units.upper.conflicts.conflicts()
    assert (waiting.stored_unit, waiting.sent_unit) == (a_name, b_name)
    assert waiting.stored_name == waiting.sent_name == record.full_name
    assert waiting.held >= 3  # the transfer event, the party card, the meeting
    assert units.upper.conflicts.waiting_count() == 1
    figures = units.upper.stats.stats(units.upper.terms.period(str(TODAY.year)), TODAY)
    assert figures["conflicts_waiting"] == 1


def test_the_same_conflict_again_updates_the_waiting_entry(units: Units) -> None:
    uuid, record, _meeting, b_id = copy_member(units)
    first = units.send(units.b)
    units.take_in(first)
    again = units.upper.exchange.import_file(first, PASS)
    assert again.already and entries(units) == 1  # the same package twice: one entry

    changed = units.b.members.get(b_id).record
    units.b.members.update(b_id, MemberRecord(**{**changed.__dict__, "phone": "0912000111"}))
    later = units.take_in(units.send(units.b))
    assert later.counts["conflicts"] == {"updated": 1} and entries(units) == 1
    (waiting,) = units.upper.conflicts.conflicts()
    assert waiting.sequence == 3
    phone = next(d for d in waiting.differences if VI.translate("Audit", d.field) == "số điện thoại")
    assert phone.sent == "0912000111" and phone.stored == (record.phone or "")
    assert member_at_upper(units, uuid)[2] == (record.phone or "")


def test_keeping_the_stored_version(units: Units) -> None:
    uuid, _record, meeting, _b_id = copy_member(units)
    sent = units.send(units.b)
    units.take_in(sent)
    before = member_at_upper(units, uuid)
    (waiting,) = units.upper.conflicts.conflicts()
    units.upper.db.actor = "Trưởng ban Tổ chức"
    units.upper.conflicts.resolve(waiting.id, take=False)

    assert member_at_upper(units, uuid) == before and units.upper.conflicts.waiting_count() == 0
    assert uuid not in attendance_of(units, meeting)
    (decided,) = units.upper.conflicts.conflicts(waiting_only=False)
    assert (decided.state, decided.resolved_by) == ("kept", "Trưởng ban Tổ chức")
    with connect(units.upper.db) as conn:
        logged = conn.execute(
            "SELECT actor, new FROM audit_log WHERE table_name = 'member_conflict' AND action = 'update'"
        ).fetchall()
    assert [(actor, json.loads(new)["state"]) for actor, new in logged] == [("Trưởng ban Tổ chức", "kept")]
    with pytest.raises(UserError):
        units.upper.conflicts.resolve(waiting.id, take=True)  # decided once
    assert member_at_upper(units, uuid) == before

    units.take_in(units.send(units.b))  # the same version again: decided already
    assert units.upper.conflicts.waiting_count() == 0 and entries(units) == 1


def test_taking_the_sent_version_moves_the_member_with_what_waited(units: Units) -> None:
    uuid, record, meeting, _b_id = copy_member(units)
    units.take_in(units.send(units.b))
    b_name = units.b.organisation.require().branch_name
    (waiting,) = units.upper.conflicts.conflicts()
    units.upper.conflicts.resolve(waiting.id, take=True)

    assert member_at_upper(units, uuid)[:2] == (b_name, record.full_name)
    assert uuid in attendance_of(units, meeting)  # B's meeting came in with the line naming it
    assert "transferred_in" in events_of(units, uuid)
    assert units.upper.conflicts.waiting_count() == 0
    assert units.upper.conflicts.conflicts(waiting_only=False)[0].state == "taken"
    # B's next package writes the member as its own; A, which still lists it, now waits for review in turn
    units.take_in(units.send(units.b))
    assert units.upper.conflicts.waiting_count() == 0
    report = units.take_in(units.send(units.a))
    assert report.conflicts == 1
    (other,) = units.upper.conflicts.conflicts()
    assert (other.stored_unit, other.sent_unit) == (b_name, units.a.organisation.require().branch_name)
    assert member_at_upper(units, uuid)[0] == b_name


def test_a_first_package_may_still_not_carry_a_member_held_here(units: Units, tmp_path: Path) -> None:
    """A branch whose key is new (a copied file sent as a new branch) sets nothing aside: refused whole."""
    uuid, _record, _meeting, _b_id = copy_member(units)
    stranger = Services.build(open_database(tmp_path / "c.sqlite", clock=CLOCK))
    write_demo(stranger.db, members=5, seed=23, today=TODAY, meeting_years=1)
    with connect(units.a.db) as conn:
        (a_member,) = conn.execute("SELECT id FROM member WHERE uuid = ?", (uuid,)).fetchone()
    added = stranger.members.add(units.a.members.get(a_member).record)
    with connect(stranger.db) as conn:
        conn.execute("UPDATE member SET uuid = ? WHERE id = ?", (uuid, added.ids[0]))
    path = stranger.exchange.export(units.stick, passphrase=PASS).path
    report = units.upper.exchange.import_file(path, PASS, trusted={stranger.exchange.keys().signing_fingerprint})
    assert not report.accepted and report.reason is not None
    assert units.a.organisation.require().branch_name in report.reason.render(VI)
    assert entries(units) == 0
    stranger.db.close()


def test_every_place_that_counts_what_waits_says_the_same(units: Units) -> None:
    """The review list, its count (the tab's title and the command line), ``chibo stats``, the report of all
    branches and the import's own line agree, before and after a decision."""
    from chibo_desktop.services.printing import CONSOLIDATED

    copy_member(units)
    year = units.upper.terms.period(str(TODAY.year))

    def counted() -> tuple[int, int, object, int]:
        return (
            len(units.upper.conflicts.conflicts()),
            units.upper.conflicts.waiting_count(),
            units.upper.stats.stats(year, TODAY)["conflicts_waiting"],
            units.upper.printer.data(CONSOLIDATED, year).conflicts_waiting,
        )

    assert counted() == (0, 0, 0, 0)
    report = units.take_in(units.send(units.b))
    assert report.conflicts == 1 and counted() == (1, 1, 1, 1)
    (waiting,) = units.upper.conflicts.conflicts()
    units.upper.conflicts.resolve(waiting.id, take=False)
    assert counted() == (0, 0, 0, 0)
