"""The roster's readers build members' events and records without their dataclasses' ``__init__`` (for speed at
100,000 members): what they build must equal, field for field, what a member's own page reads."""

from chibo_desktop.domain.members import MemberRecord
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.storage import member_queries
from chibo_desktop.storage.db import Database
from tests.helpers.days import TODAY


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
