"""The dues journal and book by hand: partial and advance payments, arrears, the three-month flag, handovers to the
upper level, reversals, and Part II's figures."""

from dataclasses import fields
from datetime import date

import pytest

from chibo_desktop.domain.dues import Category, Channel, DuesSetting, EntryKind, MonthDue, month_due
from chibo_desktop.domain.dues_book import DuesLedger, MemberMonth
from chibo_desktop.domain.errors import UserError
from tests.helpers.dues import member, rules

FEB, MAR, APR, MAY = (date(2026, m, 1) for m in (2, 3, 4, 5))
TODAY = date(2026, 11, 22)


def ledger(*members: object) -> DuesLedger:
    chosen = members or (member(1), member(2, "Trần Thị Bình", "F"))
    return DuesLedger(rules(), chosen, [], FEB, by="Thủ quỹ")  # type: ignore[arg-type]


def test_partial_payment_leaves_arrears_that_the_next_month_carries() -> None:
    book = ledger()
    book.pay(1, FEB, 5_000, Channel.CASH, date(2026, 2, 20), TODAY)
    feb = book.member_month(1, FEB)
    assert feb is not None and (feb.due.due, feb.collected, feb.owed) == (11_100, 5_000, 6_100)
    book.pay(1, MAR, 17_200, Channel.ONLINE, date(2026, 3, 25), TODAY)
    mar = book.member_month(1, MAR)
    assert mar is not None and (mar.arrears, mar.due.due, mar.collected, mar.online, mar.owed) == (
        6_100, 11_100, 17_200, 17_200, 0,
    )  # fmt: skip


def test_an_advance_pays_the_following_months() -> None:
    book = ledger()
    book.pay(1, FEB, 33_300, Channel.CASH, date(2026, 2, 5), TODAY)
    assert [book.owed(1, m) for m in (FEB, MAR, APR, MAY)] == [-22_200, -11_100, 0, 11_100]
    assert book.unpaid_months(1, 2026, APR) == []


def test_three_unpaid_months_in_a_year_not_in_a_row_raise_the_flag() -> None:
    book = ledger()
    for month in (MAR, MAY, date(2026, 7, 1), date(2026, 9, 1)):  # pays every other month
        book.pay(1, month, 11_100, Channel.CASH, month, TODAY)
    # Feb, Apr, Jun, Aug, Oct unpaid? Payments cover the oldest months first: 4 payments cover Feb–May.
    assert [m.month.month for m in book.unpaid_months(1, 2026, date(2026, 10, 1))] == [6, 7, 8, 9, 10]
    book.mark_unpaid(1, date(2026, 10, 1), "Đi làm ăn xa, hẹn tháng sau", date(2026, 10, 30), TODAY)
    assert [m.month.month for m in book.unpaid_months(1, 2026, date(2026, 10, 1))] == [6, 7, 8, 9]


def test_a_late_payment_covers_old_months_and_clears_the_flag() -> None:
    book = ledger()
    assert len(book.unpaid_months(1, 2026, MAY)) == 4
    book.pay(1, date(2026, 6, 1), 44_400, Channel.CASH, date(2026, 6, 3), TODAY)
    assert book.unpaid_months(1, 2026, MAY) == []


def test_handover_at_most_the_upper_levels_share_and_reversals_in_order() -> None:
    book = ledger()
    book.pay(1, FEB, 11_100, Channel.CASH, date(2026, 2, 10), TODAY)
    book.pay(2, FEB, 11_100, Channel.CASH, date(2026, 2, 12), TODAY)
    assert book.shares(FEB) == (6_660, 15_540)  # 30 % of 22.200 kept, the rest to the upper level
    with pytest.raises(UserError) as refused:
        book.hand_over(FEB, 15_541, Channel.CASH, date(2026, 3, 2), TODAY)
    assert "15.540" in refused.value.message.render()
    entries = list(book.entries)
    handed = book.hand_over(FEB, 15_540, Channel.CASH, date(2026, 3, 2), TODAY)[0]
    assert book.to_pay_up(FEB) == 0
    first = entries[0]
    with pytest.raises(UserError):  # the upper level would hold more than its share
        book.reverse(first.id, date(2026, 3, 5), TODAY, "ghi nhầm người")
    assert len(book.entries) == len(entries) + 1  # the refused reversal wrote nothing
    book.reverse(handed.id, date(2026, 3, 5), TODAY, "nộp lại sau")
    book.reverse(first.id, date(2026, 3, 5), TODAY, "ghi nhầm người")
    assert book.member_month(1, FEB).collected == 0  # type: ignore[union-attr]
    assert book.to_pay_up(FEB) == 11_100 - 11_100 * 30 // 100
    with pytest.raises(UserError):
        book.reverse(first.id, date(2026, 3, 6), TODAY)  # once only


def test_refused_entries_leave_the_journal_as_it_was() -> None:
    book = ledger()
    for attempt in (
        lambda: book.pay(1, FEB, 0, Channel.CASH, FEB, TODAY),
        lambda: book.pay(1, date(2026, 1, 1), 1_000, Channel.CASH, date(2026, 1, 5), TODAY),  # before the book
        lambda: book.pay(1, date(2026, 12, 1), 1_000, Channel.CASH, date(2026, 11, 22), TODAY),  # month not begun
        lambda: book.pay(1, MAR, 1_000, Channel.CASH, date(2026, 2, 27), TODAY),  # dated before its month
        lambda: book.pay(99, MAR, 1_000, Channel.CASH, MAR, TODAY),
        lambda: book.hand_over(MAR, 1, Channel.CASH, MAR, TODAY),
    ):
        with pytest.raises(UserError):
            attempt()
    assert book.entries == []


def test_a_member_away_pays_where_they_are() -> None:
    from chibo_desktop.domain.members import EventKind, StatusEvent

    away = member(3, events=(StatusEvent(EventKind.AWAY, date(2026, 1, 10)),))
    book = ledger(away)
    with pytest.raises(UserError) as refused:
        book.pay(3, MAR, 11_100, Channel.CASH, MAR, TODAY)
    assert "temporarily away" in refused.value.message.render()


def test_not_paid_with_a_reason_is_replaced_not_doubled() -> None:
    book = ledger()
    book.mark_unpaid(1, MAR, "Ốm", date(2026, 3, 28), TODAY)
    book.mark_unpaid(1, MAR, "Ốm nằm viện", date(2026, 3, 29), TODAY)
    assert book.member_month(1, MAR).unpaid_reason == "Ốm nằm viện"  # type: ignore[union-attr]
    notes = [e for e in book.entries if e.kind == EntryKind.UNPAID]
    assert len(notes) == 3 and notes[1].reverses == notes[0].id
    book.pay(1, MAR, 11_100, Channel.CASH, date(2026, 3, 30), TODAY)
    with pytest.raises(UserError):
        book.mark_unpaid(1, MAR, "", date(2026, 3, 30), TODAY)


def test_part_two_by_hand() -> None:
    salaried = member(4, "Phạm Văn Cường", settings=(DuesSetting(4, FEB, Category.SALARY, 8_000_000),))
    book = ledger(member(1), member(2, "Trần Thị Bình", "F"), salaried)
    book.pay(1, MAR, 11_100, Channel.CASH, date(2026, 3, 10), TODAY)
    book.pay(4, MAR, 80_000, Channel.ONLINE, date(2026, 3, 11), TODAY)
    book.pay(4, MAR, 80_000, Channel.ONLINE, date(2026, 3, 11), TODAY)  # April ahead
    book.hand_over(MAR, 100_000, Channel.CASH, date(2026, 4, 2), TODAY)
    year = book.book(2026)
    march = year.by_month[MAR]
    assert (march.members, march.exempt, march.unpaid) == (3, 0, 1)  # Bình paid nothing in March
    assert (march.due, march.collected, march.online) == (11_100 * 2 + 80_000, 171_100, 160_000)
    assert (march.kept, march.upper) == (51_330, 119_770)
    assert (march.paid_up, march.to_pay_up) == (100_000, 19_770)
    q1 = next(t for t in year.part_two if t.label == "Q1")
    assert q1.label == "Q1" and q1.collected == 171_100 and q1.due == 2 * (11_100 * 2 + 80_000)
    whole = year.part_two[-1]
    assert whole.collected == sum(t.collected for t in year.by_month.values())
    assert [m.name for m in year.members] == ["Nguyễn Văn An", "Trần Thị Bình", "Phạm Văn Cường"]


def test_the_months_a_ledger_works_out_equal_those_the_dataclasses_make_field_for_field() -> None:
    """The ledger builds MonthDue and MemberMonth without their dataclass constructors (see dues.month_due): each
    equals the object the constructor makes from the same fields, and carries no field the class lacks."""
    book = ledger()
    book.pay(1, FEB, 5_000, Channel.ONLINE, date(2026, 2, 20), TODAY)
    months = book.member_months(1, MAY)
    assert [mm.month for mm in months] == [FEB, MAR, APR, MAY]
    for mm in months:
        assert set(vars(mm)) == {f.name for f in fields(MemberMonth)}
        assert set(vars(mm.due)) == {f.name for f in fields(MonthDue)}
        assert mm.due == MonthDue(**{f.name: getattr(mm.due, f.name) for f in fields(MonthDue)})
        assert mm == MemberMonth(**{f.name: getattr(mm, f.name) for f in fields(MemberMonth)})
    assert (months[0].collected, months[0].online, months[1].arrears) == (5_000, 5_000, 6_100)
    assert month_due(FEB, True, Category.OTHER, 0, 0, 0, no_rate=True) == MonthDue(
        FEB, True, Category.OTHER, 0, 0, 0, no_rate=True
    )
