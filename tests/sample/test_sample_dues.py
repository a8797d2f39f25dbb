"""The sample branch's year of dues shows every part of the dues screens: each category, an exemption, a
reduction ending this month, arrears, payments online and ahead, a correction, handovers, and every flag."""

from datetime import date

from chibo_desktop.domain.dues import Category, DecisionKind, EntryKind
from chibo_desktop.domain.dues_book import FlagKind
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services.wiring import Services
from tests.helpers.days import TODAY


def test_the_sample_year_of_dues_shows_every_screen_and_flag(services: Services) -> None:
    write_demo(services.db, members=120, seed=1, today=TODAY, meeting_years=0)
    november = date(2026, 11, 1)
    sheet = services.dues.sheet(november)
    categories = {row.month.due.category for row in sheet.rows}
    assert categories == set(Category) - {Category.UNKNOWN}  # unknown: only ever read from a newer file
    assert {f.kind for f in sheet.flags} == set(FlagKind)
    decisions = [d for row in sheet.rows for d in services.dues.member(row.member_id).decisions]
    assert {d.kind for d in decisions} == {DecisionKind.EXEMPT, DecisionKind.REDUCE}
    assert any(row.month.arrears > 0 for row in sheet.rows)
    journal = services.dues.journal(2026)
    assert any(e.channel.value == "online" for e in journal)
    assert any(e.reverses is not None for e in journal)
    assert any(e.kind == EntryKind.UNPAID and e.note for e in journal)
    book = services.dues.book(2026)
    months = book.by_month
    assert months[date(2026, 9, 1)].paid_up > 0 and months[november].to_pay_up > 0
    assert book.part_two[-1].above_rate > 0  # a member pays more than the rate by choice
    paid_ahead = [mm for rows in book.part_one.values() for mm in rows if mm.owed < 0]
    assert paid_ahead
