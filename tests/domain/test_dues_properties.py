"""Random sequences of payments, "not paid" notes, handovers and reversals: the book always reconciles (Part I's
totals = Part II = the journal), nothing is negative, and a refused entry leaves the journal as it was."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from chibo_desktop.domain.dues import Category, Channel, Decision, DecisionKind, DecisionReason, DuesSetting, EntryKind
from chibo_desktop.domain.dues_book import DuesLedger
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.members import EventKind, StatusEvent
from tests.helpers.dues import member, rules

TODAY = date(2026, 11, 22)
MONTHS = [date(2026, m, 1) for m in range(1, 12)]  # January is before the book: always refused
MEMBERS = (
    member(1, "Nguyễn Văn An"),
    member(2, "Trần Thị Bình", "F", settings=(DuesSetting(2, date(2026, 2, 1), Category.SALARY, 7_345_000),)),
    member(3, "Lê Văn Cường", born=date(1950, 1, 1), admitted=date(1976, 6, 15)),  # exempt from June
    member(
        4,
        "Phạm Thị Dung",
        "F",
        decisions=(Decision(4, DecisionKind.REDUCE, 50, DecisionReason.HARDSHIP, date(2026, 3, 1), date(2026, 8, 1)),),
    ),
    member(5, "Võ Văn Em", events=(StatusEvent(EventKind.AWAY, date(2026, 5, 3), date(2026, 7, 31)),)),
    member(6, "Huỳnh Thị Giang", "F", settings=(DuesSetting(6, date(2026, 2, 1), Category.STUDENT),)),
)

MONTH = st.integers(0, len(MONTHS) - 1)
OPS = st.lists(
    st.one_of(
        st.tuples(st.just("pay"), st.integers(0, 7), MONTH, st.integers(-500, 60_000), st.booleans()),
        st.tuples(st.just("owed"), st.integers(1, 6), MONTH),
        st.tuples(st.just("unpaid"), st.integers(1, 6), MONTH, st.sampled_from(["", "Ốm", "Đi làm xa"])),
        st.tuples(st.just("hand_over"), MONTH, st.integers(-10, 120_000)),
        st.tuples(st.just("reverse"), st.integers(0, 60)),
    ),
    max_size=40,
)


def check(ledger: DuesLedger) -> None:
    book = ledger.book(2026)
    for month in book.months:
        part_one = [mm for rows in book.part_one.values() for mm in rows if mm.month == month]
        totals = book.by_month[month]
        journal = sum(e.signed for e in ledger.entries if e.kind == EntryKind.PAYMENT and e.month == month)
        handed = sum(e.signed for e in ledger.entries if e.kind == EntryKind.HANDOVER and e.month == month)
        assert sum(mm.collected for mm in part_one) == totals.collected == journal
        assert sum(mm.due.due for mm in part_one) == totals.due
        assert sum(mm.online for mm in part_one) == totals.online
        assert totals.paid_up == handed
        assert totals.kept + totals.upper == totals.collected
        for value in (totals.due, totals.collected, totals.online, totals.kept, totals.upper, totals.paid_up):
            assert value >= 0
        assert totals.to_pay_up >= 0
        for mm in part_one:
            assert mm.collected >= 0 and mm.due.due >= 0 and mm.online <= mm.collected
            assert mm.owed == mm.arrears + mm.due.due - mm.collected
    year = book.part_two[-1]
    assert year.collected == sum(t.collected for t in book.by_month.values())
    assert year.paid_up == sum(t.paid_up for t in book.by_month.values())
    quarters = [row for row in book.part_two if row.label.startswith("Q")]
    assert sum(q.collected for q in quarters) == year.collected and sum(q.due for q in quarters) == year.due
    assert all(e.amount >= 0 for e in ledger.entries)


@settings(max_examples=150, deadline=None)
@given(OPS)
def test_random_dues_postings_keep_the_book_straight(ops: list[tuple[object, ...]]) -> None:
    ledger = DuesLedger(rules(), MEMBERS, [], date(2026, 2, 1), by="Thủ quỹ")
    for op in ops:
        before = list(ledger.entries)
        try:
            if op[0] == "pay":
                _, who, month, amount, online = op
                channel = Channel.ONLINE if online else Channel.CASH
                day = MONTHS[month]  # type: ignore[index]
                ledger.pay(who, day, amount, channel, day, TODAY)  # type: ignore[arg-type]
            elif op[0] == "owed":
                _, who, month = op
                day = MONTHS[month]  # type: ignore[index]
                owed = ledger.owed(who, day)  # type: ignore[arg-type]
                ledger.pay(who, day, owed, Channel.CASH, day, TODAY)  # type: ignore[arg-type]
            elif op[0] == "unpaid":
                _, who, month, reason = op
                day = MONTHS[month]  # type: ignore[index]
                ledger.mark_unpaid(who, day, reason, day, TODAY)  # type: ignore[arg-type]
            elif op[0] == "hand_over":
                _, month, amount = op
                day = MONTHS[month]  # type: ignore[index]
                ledger.hand_over(day, amount, Channel.CASH, day, TODAY)  # type: ignore[arg-type]
            else:
                ids = [e.id for e in ledger.entries]
                if ids:
                    ledger.reverse(ids[op[1] % len(ids)], TODAY, TODAY, "sửa")  # type: ignore[operator]
        except UserError:
            assert ledger.entries == before  # a refused entry writes nothing
        check(ledger)
