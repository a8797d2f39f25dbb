"""A meeting's minutes read with sqlite3 alone (storage/plain_minutes.py) are what the ORM reads, field for field;
a file that must be opened the usual way is left to it, untouched."""

import hashlib
import logging
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from chibo_desktop.domain.organisation import Level, OrganisationSetup
from chibo_desktop.domain.rules import RuleBook
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage import member_queries, plain_minutes
from chibo_desktop.storage.db import open_database
from chibo_desktop.storage.plain import reading, revisions
from tests.helpers.days import CLOCK, TODAY
from tests.helpers.rich_minutes import ON, behind, rich_file
from tests.helpers.unknown import plant_unknown_values

pytestmark = pytest.mark.sqlite_only  # the quick path reads a file

KEYS = ("meeting.away_counts_as_required", "document.layout", "probation.months")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def rich(tmp_path: Path) -> tuple[Path, int]:
    return rich_file(tmp_path)


def test_the_meeting_the_unit_and_the_rules_read_as_the_orm_reads_them(rich: tuple[Path, int]) -> None:
    path, meeting_id = rich
    services = Services.build(open_database(path, clock=CLOCK))
    services.rules.set_value("document.layout", '{"top_mm": 25, "left_mm": 32, "body_pt": 13}', ON)
    try:
        listed = [line.member_id for line in services.meetings.get(meeting_id).lines]
        with services.db.read() as session:
            orm_rules = [v for v in member_queries.load_rules(session) if v.key in KEYS]
            orm_identities = member_queries.identities(session, listed)
        with reading(path) as conn:
            meeting = plain_minutes.meeting(conn, meeting_id)
            unit = plain_minutes.organisation(conn)
            rules = plain_minutes.rule_values(conn, KEYS)
            identities = plain_minutes.identities(conn, listed)
            assert plain_minutes.meeting(conn, meeting_id + 1000) is None
        assert identities == orm_identities and len(identities) == len(set(listed)) > 30
        assert any(i.card for i in identities.values()) and all(i.born for i in identities.values())
        stored = services.meetings.get(meeting_id)
        assert meeting == stored
        assert unit == services.organisation.get()
        assert sorted(rules, key=repr) == sorted(orm_rules, key=repr)
        assert len(RuleBook(rules).history("document.layout")) == 2
        # the meeting is as rich as the minutes get, so every part of it was compared above
        assert len(stored.record.agenda) == 3 and stored.record.agenda[0].opinions[1].member_id is None
        assert stored.record.guests and stored.record.resolutions and len(stored.addenda) == 2
        assert {a.due for a in stored.record.assignments} >= {None} and stored.approved_on == ON
        assert {line.mark.value for line in stored.lines} >= {
            "excused",
            "unexcused",
            "late",
            "duty",
            "away",
            "exempted",
        }
        assert {line.role.value for line in stored.lines} >= {"official", "probationary", "attached"}
        assert any(line.spoke for line in stored.lines) and any(line.reason for line in stored.lines)
    finally:
        services.db.close()


def test_a_committee_reads_with_its_branches_in_name_order(tmp_path: Path) -> None:
    path = tmp_path / "committee.sqlite"
    services = Services.build(open_database(path, clock=CLOCK))
    services.organisation.save(
        OrganisationSetup("Đảng ủy xã Tân Hùng", "Huyện ủy Thới Bình", "Tân Hùng", (), Level.COMMITTEE)
    )
    with closing(sqlite3.connect(path)) as conn, conn:  # branches come in packages; their rows are enough here
        upper = conn.execute("SELECT id FROM org_unit WHERE is_self = 1").fetchone()[0]
        for n, name in enumerate(("Chi bộ ấp Tân Thành", "Chi bộ ấp Ánh Sáng", "Chi bộ ấp Bà Điều")):
            conn.execute(
                "INSERT INTO org_unit (uuid, name, kind, parent_id, place_name, is_self) VALUES (?, ?, 'branch', ?, '', 0)",
                (f"00000000-0000-4000-8000-00000000000{n}", name, upper),
            )
    try:
        with reading(path) as conn:
            unit = plain_minutes.organisation(conn)
        assert unit == services.organisation.get()
        assert unit is not None and unit.level == Level.COMMITTEE and unit.upper_name == "Huyện ủy Thới Bình"
        assert [b.name for b in unit.branches] == ["Chi bộ ấp Ánh Sáng", "Chi bộ ấp Bà Điều", "Chi bộ ấp Tân Thành"]
    finally:
        services.db.close()


@pytest.mark.logs_warning  # each unknown value is logged, once per run
def test_values_this_version_does_not_know_read_as_unknown_alike(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = plant_unknown_values(tmp_path, "bogus-in-plain-minutes")
    services = Services.build(open_database(path, clock=CLOCK))
    try:
        with caplog.at_level(logging.WARNING), services.db.read() as session:
            orm_rules = [v for v in member_queries.load_rules(session) if v.key in KEYS]
        ids = [m.id for m in services.meetings.list_meetings(None)]
        with reading(path) as conn:
            for meeting_id in (min(ids), max(ids)):  # the unknown kind and mark; the role and the scores
                assert plain_minutes.meeting(conn, meeting_id) == services.meetings.get(meeting_id)
            rules = plain_minutes.rule_values(conn, KEYS)
        assert sorted(rules, key=repr) == sorted(orm_rules, key=repr)
        book = RuleBook(rules)
        assert book.get("probation.months", TODAY) == 12  # the declared default, in place of the bogus value
        assert book.get("document.layout", TODAY)["top_mm"] == 20
    finally:
        services.db.close()


def test_a_file_at_head_is_read_and_left_as_it_was(rich: tuple[Path, int]) -> None:
    path, meeting_id = rich
    before = digest(path)
    source = plain_minutes.minutes_source(path, meeting_id, KEYS)
    assert source is not None and source.meeting.id == meeting_id
    assert source.organisation.branch_name and {v.key for v in source.rules} == set(KEYS)
    assert digest(path) == before


def test_files_to_open_the_usual_way_are_left_to_it(rich: tuple[Path, int], tmp_path: Path) -> None:
    path, meeting_id = rich
    older = behind(path, tmp_path / "older.sqlite")
    before = digest(older)
    assert plain_minutes.minutes_source(older, meeting_id, KEYS) is None  # an older version opened it last
    assert digest(older) == before
    assert plain_minutes.minutes_source(path, meeting_id + 1000, KEYS) is None  # no such meeting
    assert plain_minutes.minutes_source(tmp_path / "none.sqlite", meeting_id, KEYS) is None
    assert not (tmp_path / "none.sqlite").exists()
    synced = tmp_path / "Dropbox" / "branch.sqlite"  # refused by open_database, with the place to keep it
    synced.parent.mkdir()
    synced.write_bytes(path.read_bytes())
    assert plain_minutes.minutes_source(synced, meeting_id, KEYS) is None
    earlier = tmp_path / "earlier.sqlite"  # a schema behind the code's: open_database migrates it
    earlier.write_bytes(path.read_bytes())
    with closing(sqlite3.connect(earlier)) as conn, conn:
        head, every = revisions()
        conn.execute("UPDATE alembic_version SET version_num = ?", (min(every - {head}),))
    assert plain_minutes.minutes_source(earlier, meeting_id, KEYS) is None
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"not a database at all " * 200)
    assert plain_minutes.minutes_source(garbage, meeting_id, KEYS) is None
    fresh = tmp_path / "fresh.sqlite"  # not set up yet
    open_database(fresh, clock=CLOCK).close()
    assert plain_minutes.minutes_source(fresh, 1, KEYS) is None


def test_a_file_with_the_apps_password_is_left_to_the_usual_way(rich: tuple[Path, int]) -> None:
    path, meeting_id = rich
    services = Services.build(open_database(path, clock=CLOCK))
    try:
        services.access.set_password("mật khẩu chi bộ 2026", "mật khẩu chi bộ 2026", 10)
    finally:
        services.db.close()
    assert plain_minutes.minutes_source(path, meeting_id, KEYS) is None
