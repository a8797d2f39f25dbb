"""The roster's readers build members' events and records without their dataclasses' ``__init__`` (for speed at
100,000 members): what they build must equal, field for field, what a member's own page reads."""

from datetime import date

from sqlalchemy import update

from chibo_desktop.domain.members import MemberRecord
from chibo_desktop.domain.namesakes import Identity
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage import member_queries
from chibo_desktop.storage import models as m
from chibo_desktop.storage.db import Database
from tests.helpers.days import TODAY
from tests.helpers.members import add_member


def test_the_roster_and_the_counts_read_each_member_as_the_member_page_does(db: Database) -> None:
    write_demo(db, members=40, seed=5, today=TODAY, meeting_years=0)
    with db.read() as session:
        roster = [entry for entry, _search in member_queries.load_roster(session)]
        counted = {entry.id: entry for entry in member_queries.load_counted(session, (0, 10**9))}
        pages = {entry.id: member_queries.get_member(session, entry.id) for entry in roster}
    assert len(roster) == len(counted) >= 40
    blank = MemberRecord()
    for entry in roster:
        page = pages[entry.id]
        assert page is not None
        assert entry.events == page.events and entry.record == page.record
        assert counted[entry.id].events == page.events
        kept = {name: getattr(page.record, name) for name in member_queries.COUNTED_FIELDS}
        assert counted[entry.id].record == MemberRecord(**kept)
        assert vars(counted[entry.id].record).keys() == vars(blank).keys()
        assert (counted[entry.id].hamlet, counted[entry.id].branch) == (entry.hamlet, entry.branch) != ("", "")


def test_namesakes_are_every_member_of_a_shared_name_in_the_same_branch(services: Services) -> None:
    elder = add_member(services, "Nguyễn Văn An", date_of_birth=date(1960, 4, 2))
    younger = add_member(services, "Nguyễn Văn An", date_of_birth=date(1985, 8, 30), card_number="01-000456")
    binh = add_member(services, "Trần Thị Bình")
    with services.db.read() as session:
        found = member_queries.namesakes(session, [younger, binh])  # the elder An is not asked for
    assert sorted(found, key=lambda i: i.id) == [
        Identity(elder, "Nguyễn Văn An", date(1960, 4, 2)),
        Identity(younger, "Nguyễn Văn An", date(1985, 8, 30), "01-000456"),
    ]
    with services.db.read() as session:
        assert member_queries.namesakes(session, [binh]) == []
        assert member_queries.namesakes(session, []) == []
    with services.db.write() as session:  # at a committee: the same name in two branches is not a namesake
        other = m.OrgUnit(name="Chi bộ ấp Bảy", kind="branch")
        session.add(other)
        session.flush()
        session.execute(update(m.Member).where(m.Member.id == younger).values(org_unit_id=other.id))
    with services.db.read() as session:
        assert member_queries.namesakes(session, [elder, younger]) == []
