"""The window's first screen read with sqlite3 alone (storage/plain_roster.py, services/first_screen.py) is what the
roster service reads through the ORM, field for field: the members with their events, the rows, counts and
reminders, a large roster's index and its rows, searches and orders, the terms, the holidays and the rules. A file
that must be opened the usual way is left to it."""

from datetime import date
from pathlib import Path

import pytest

from chibo_desktop.domain.dates import add_months
from chibo_desktop.domain.members import EventKind, MemberRecord, StatusEvent
from chibo_desktop.domain.organisation import Level, OrganisationSetup
from chibo_desktop.domain.terms import TermDraft
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services.access import AccessService
from chibo_desktop.services.first_screen import PlainRoster, first_period, read_first_screen
from chibo_desktop.services.members import MemberService
from chibo_desktop.services.roster_data import Roster, RosterOverview
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage import member_queries, plain_roster, term_queries
from chibo_desktop.storage.db import open_database
from chibo_desktop.storage.plain import reading
from tests.helpers.days import CLOCK, TODAY
from tests.helpers.members import add_member
from tests.helpers.rich_minutes import behind

pytestmark = pytest.mark.sqlite_only  # the quick path reads a file


@pytest.fixture
def rich(tmp_path: Path) -> Path:
    """A sample branch with every kind of history the demo writes (transfers, attachments, exemptions, absences,
    deaths), a probationary member, a member without a hamlet, names with the LIKE pattern's own characters, two
    terms, a rule changed and a public holiday added."""
    path = tmp_path / "branch.sqlite"
    db = open_database(path, tmp_path / "backups", clock=CLOCK)
    try:
        write_demo(db, members=150, seed=3, today=TODAY, meeting_years=0)
        services = Services.build(db)
        services.members.add(
            MemberRecord(
                full_name="Lê Thị Dự_Bị %",
                gender="F",
                date_of_birth=date(1995, 6, 7),
                admission_date=add_months(TODAY, -11),
                cccd="079195000123",
            )
        )
        elder = services.members.add(
            MemberRecord(
                full_name="Nguyễn Văn Ất", gender="M", date_of_birth=date(1950, 1, 2), admission_date=date(1976, 2, 3)
            )
        ).ids[0]
        services.members.add_event(elder, StatusEvent(EventKind.DECEASED, date(TODAY.year, 2, 1)))
        services.members.add_event(
            add_member(services, "Trần Văn Bính"),
            StatusEvent(EventKind.AWAY, date(TODAY.year, 1, 5), end_date=date(TODAY.year + 1, 1, 5), note="Đi xa"),
        )
        services.terms.save(TermDraft("Nhiệm kỳ 2020–2025", date(2020, 7, 1), date(2025, 6, 30), 12))
        services.terms.save(TermDraft("Nhiệm kỳ 2025–2030", date(2025, 7, 1), date(2030, 6, 30), None, "Đại hội"))
        services.rules.set_value("probation.months", "13", date(TODAY.year, 1, 1), "thử")
        services.holidays.save(date(TODAY.year, 9, 3), "Nghỉ bù")
    finally:
        db.close()
    return path


def test_the_roster_reads_as_the_orm_reads_it(rich: Path) -> None:
    services = Services.build(open_database(rich, clock=CLOCK))
    organisation = services.organisation.require()
    try:
        with services.db.read() as session:
            orm_roster = member_queries.load_roster(session)
            some = [entry.id for entry, _search in orm_roster[::7]]
            orm_some = member_queries.load_roster(session, ids=some)
            orm_index = list(member_queries.roster_index_rows(session))
            orm_places = member_queries.place_names(session)
            orm_terms = term_queries.load_terms(session, organisation.branch_id)
            orm_holidays = term_queries.holiday_days(session)
            orm_rules = member_queries.load_rules(session)
            orm_count = member_queries.member_count(session)
            orm_matching = {
                words: member_queries.ids_matching(session, words.split())
                for words in ("nguyen thi", "du_bi %", "le", "079195", "zzz")
            }
            orm_orders = {c: member_queries.ids_ordered_by(session, c) for c in sorted(plain_roster.ORDERED_COLUMNS)}
        with reading(rich) as conn:
            assert plain_roster.load_roster(conn) == orm_roster
            assert plain_roster.load_roster(conn, some) == orm_some
            assert list(plain_roster.roster_index_rows(conn)) == orm_index
            assert plain_roster.place_names(conn) == orm_places
            assert plain_roster.load_terms(conn, organisation.branch_id) == orm_terms
            assert plain_roster.holiday_days(conn) == orm_holidays
            assert plain_roster.load_rules(conn) == orm_rules
            assert plain_roster.member_count(conn) == orm_count
            assert {w: plain_roster.ids_matching(conn, w.split()) for w in orm_matching} == orm_matching
            assert {c: plain_roster.ids_ordered_by(conn, c) for c in orm_orders} == orm_orders
        # the roster is as rich as the first screen gets, so every part of it was compared above
        kinds = {event.kind for entry, _search in orm_roster for event in entry.events}
        assert kinds >= {EventKind.TRANSFERRED_IN, EventKind.EXEMPTED, EventKind.AWAY, EventKind.DECEASED}
        assert any(entry.record.hamlet_id is None for entry, _search in orm_roster)
        assert len(orm_terms) == 2 and len(orm_matching["du_bi %"]) == 1 and orm_matching["zzz"] == set()
    finally:
        services.db.close()


def test_the_first_screen_is_the_roster_services_first_overview(rich: Path) -> None:
    services = Services.build(open_database(rich, clock=CLOCK))
    period, year = first_period(TODAY)
    try:
        expected = services.members.first_overview(period, year)
        choices = services.terms.choices(TODAY)
        organisation = services.organisation.require()
    finally:
        services.db.close()
    screen = read_first_screen(rich, TODAY)
    assert screen is not None
    assert isinstance(expected, RosterOverview)
    assert screen.first == expected
    assert screen.organisation == organisation
    assert list(screen.terms) == choices
    # what a user sees of it: the rows, the figures, the reminders of both kinds
    assert len(expected.roster.rows) > 150 and expected.counts.total > 100 and expected.counts.away >= 1
    assert expected.probation and expected.badges


def test_a_large_rosters_index_rows_searches_and_orders_read_as_the_service_reads_them(rich: Path) -> None:
    db = open_database(rich, clock=CLOCK)
    services = Services.build(db)
    large = MemberService(db, services.rules, services.organisation, CLOCK, lazy_from=10)
    period, year = first_period(TODAY)
    try:
        expected = large.first_overview(period, year)
        assert isinstance(expected, Roster) and expected.index is not None
        ids = list(expected.index.ids[5:40])
        expected_rows = large.rows(ids, TODAY)
        matching = large.ids_matching("Nguyễn thị")
        ordered = large.ids_ordered_by("admission_date")
    finally:
        db.close()
    screen = read_first_screen(rich, TODAY, lazy_from=10)
    assert screen is not None
    assert screen.first == expected
    plain = PlainRoster(rich)
    assert plain.rows(ids, TODAY) == expected_rows and len(expected_rows) == 35
    assert plain.ids_matching("Nguyễn thị") == matching and matching
    assert plain.ids_ordered_by("admission_date") == ordered


def test_a_file_that_must_open_the_usual_way_is_left_to_it(rich: Path, tmp_path: Path) -> None:
    assert read_first_screen(behind(rich, tmp_path / "older.sqlite"), TODAY) is None
    assert read_first_screen(tmp_path / "missing.sqlite", TODAY) is None
    (tmp_path / "not.sqlite").write_bytes(b"not a database at all" * 100)
    assert read_first_screen(tmp_path / "not.sqlite", TODAY) is None
    db = open_database(rich, clock=CLOCK)
    try:
        AccessService(db).set_password("mật khẩu dài 123", "mật khẩu dài 123", 0)
    finally:
        db.close()
    assert read_first_screen(rich, TODAY) is None  # its password opens its keys on the way in


def test_a_committee_and_an_empty_file_open_the_usual_way(tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite"
    open_database(empty, clock=CLOCK).close()
    assert read_first_screen(empty, TODAY) is None  # the setup dialog comes first
    committee = tmp_path / "committee.sqlite"
    db = open_database(committee, clock=CLOCK)
    try:
        Services.build(db).organisation.save(
            OrganisationSetup("Đảng ủy xã Tân Hùng", "Huyện ủy", "xã Tân Hùng", (), Level.COMMITTEE)
        )
    finally:
        db.close()
    assert read_first_screen(committee, TODAY) is None
