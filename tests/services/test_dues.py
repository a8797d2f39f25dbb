"""Dues through the services on a real database with the seeded rules: settings, the month's sheet, payments,
corrections, handovers, decisions, flags, figures; a refused entry writes nothing, not even to the audit log."""

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chibo_desktop.domain.dates import parse_period
from chibo_desktop.domain.dues import Category, Channel, DecisionKind, DecisionReason, EntryKind
from chibo_desktop.domain.dues_book import FlagKind
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.members import EventKind, MemberRecord, StatusEvent
from chibo_desktop.domain.organisation import Level, OrganisationSetup
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import Database, open_database
from tests.helpers.databases import connect
from tests.helpers.days import CLOCK
from tests.helpers.members import add_member

MARCH = date(2026, 3, 1)


def add_veteran(services: Services, name: str, admitted: date) -> int:
    record = MemberRecord(
        full_name=name,
        gender="M",
        date_of_birth=date(1950, 3, 4),
        admission_date=admitted,
        official_date=admitted.replace(year=admitted.year + 1),
    )
    return services.members.add(record).ids[0]


def counts(services: Services) -> tuple[int, int]:
    with connect(services.db) as conn:
        entries = conn.execute("SELECT count(*) FROM dues_entry").fetchone()[0]
        logged = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    return entries, logged


def test_the_seeded_rules_give_the_hand_computed_amounts(services: Services) -> None:
    salaried = add_member(services, "Nguyễn Văn An")
    pensioner = add_member(services, "Trần Văn Bảy")
    student = add_member(services, "Lê Thị Cúc")
    farmer = add_member(services, "Phạm Văn Dũng")
    services.dues.save_setting(salaried, date(2026, 2, 1), Category.SALARY, 8_450_000, None)
    services.dues.save_setting(pensioner, date(2026, 2, 1), Category.PENSION, 5_120_000, None)
    services.dues.save_setting(student, date(2026, 2, 1), Category.STUDENT, 0, None)
    services.dues.save_setting(farmer, date(2026, 2, 1), Category.OTHER, 0, 3)
    sheet = services.dues.sheet(MARCH)
    dues = {row.name: row.month.due.due for row in sheet.rows}
    assert dues == {"Nguyễn Văn An": 84_500, "Trần Văn Bảy": 25_600, "Lê Thị Cúc": 5_000, "Phạm Văn Dũng": 12_400}
    assert sheet.totals.due == 84_500 + 25_600 + 5_000 + 12_400
    assert services.dues.sheet(date(2026, 1, 1)).totals.due == 0  # the book starts in February


def test_collect_a_month_correct_it_and_hand_over(services: Services) -> None:
    an = add_member(services, "Nguyễn Văn An")
    binh = add_member(services, "Trần Thị Bình")
    services.dues.pay_owed(an, MARCH, Channel.CASH)  # February and March: 22.200
    services.dues.pay(binh, MARCH, 5_000, Channel.ONLINE)
    sheet = services.dues.sheet(MARCH)
    rows = {r.name: r.month for r in sheet.rows}
    assert (rows["Nguyễn Văn An"].collected, rows["Nguyễn Văn An"].owed) == (22_200, 0)
    assert (rows["Trần Thị Bình"].collected, rows["Trần Thị Bình"].owed, rows["Trần Thị Bình"].online) == (
        5_000, 17_200, 5_000,
    )  # fmt: skip
    wrong = services.dues.last_entry(binh, MARCH)
    assert wrong is not None and wrong.amount == 5_000
    services.dues.reverse(wrong.id, "Ghi nhầm")
    rows = {r.name: r.month for r in services.dues.sheet(MARCH).rows}
    assert (rows["Trần Thị Bình"].collected, rows["Trần Thị Bình"].owed) == (0, 22_200)
    with pytest.raises(UserError):
        services.dues.reverse(wrong.id)
    services.dues.hand_over(MARCH, 15_540, Channel.CASH)  # 70 % of 22.200
    assert services.dues.sheet(MARCH).totals.to_pay_up == 0
    journal = services.dues.journal(2026)
    assert [e.kind for e in journal] == [EntryKind.PAYMENT, EntryKind.PAYMENT, EntryKind.PAYMENT, EntryKind.HANDOVER]
    assert journal[2].reverses == wrong.id and journal[2].note == "Ghi nhầm"


def test_a_refused_entry_writes_nothing_not_even_to_the_log(services: Services) -> None:
    an = add_member(services, "Nguyễn Văn An")
    services.dues.pay_owed(an, MARCH, Channel.CASH)  # February and March: 22.200
    before = counts(services)
    for attempt in (
        lambda: services.dues.pay(an, MARCH, 0, Channel.CASH),
        lambda: services.dues.pay(an, date(2026, 12, 1), 1_000, Channel.CASH),
        lambda: services.dues.hand_over(MARCH, 16_000, Channel.CASH),  # the upper level's share is 15.540
        lambda: services.dues.pay_owed(an, MARCH, Channel.CASH),  # owes nothing more
        lambda: services.dues.mark_unpaid(an, MARCH, "Ốm"),  # paid in March
        lambda: services.dues.reverse(999),
    ):
        with pytest.raises(UserError):
            attempt()
    assert counts(services) == before


def test_decisions_are_checked(services: Services) -> None:
    an = add_member(services, "Nguyễn Văn An")
    decide = services.dues.add_decision
    with pytest.raises(UserError) as too_long:
        decide(an, DecisionKind.REDUCE, 50, DecisionReason.HARDSHIP, MARCH, date(2027, 3, 1), "01-QĐ", None)
    assert "13" in too_long.value.field_errors["end"].render()
    with pytest.raises(UserError) as odd:
        decide(an, DecisionKind.REDUCE, 40, DecisionReason.HARDSHIP, MARCH, date(2026, 5, 1), "01-QĐ", None)
    assert "30, 50, 70" in odd.value.field_errors["percent"].render()
    with pytest.raises(UserError):
        decide(an, DecisionKind.EXEMPT, 0, DecisionReason.SERIOUS_ILLNESS, MARCH, None, "01-QĐ", None)
    decide(an, DecisionKind.REDUCE, 50, DecisionReason.HARDSHIP, MARCH, date(2027, 2, 1), "01-QĐ", date(2026, 2, 25))
    with pytest.raises(UserError):  # overlaps
        decide(
            an, DecisionKind.EXEMPT, 100, DecisionReason.SERIOUS_ILLNESS, date(2026, 6, 1), date(2026, 7, 1), "2", None
        )
    decision = services.dues.member(an).decisions[0]
    services.dues.end_decision(decision.id, date(2026, 6, 1))
    months = {mm.month.month: mm.due.due for mm in services.dues.member(an).months}
    assert (months[2], months[3], months[6], months[7]) == (11_100, 5_600, 5_600, 11_100)
    decide(an, DecisionKind.EXEMPT, 0, DecisionReason.SOCIAL_PENSION, date(2026, 7, 1), None, "09-QĐ", None)
    assert {mm.month.month: mm.due.due for mm in services.dues.member(an).months}[11] == 0


def test_the_flags(services: Services) -> None:
    late = add_member(services, "Nguyễn Văn An")
    veteran = add_veteran(services, "Trần Văn Cựu", date(1976, 9, 2))
    reduced = add_member(services, "Lê Thị Giảm")
    services.dues.add_decision(
        reduced, DecisionKind.REDUCE, 30, DecisionReason.POOR_HOUSEHOLD, date(2026, 6, 1), date(2026, 11, 1), "3", None
    )
    for member_id in (veteran, reduced):
        services.dues.pay(member_id, date(2026, 11, 1), 200_000, Channel.CASH)
    services.dues.pay(late, date(2026, 11, 1), 11_100 * 6, Channel.CASH)  # covers February to July
    found = {(f.kind, f.name): f for f in services.dues.flags(2026)}
    removal = found[(FlagKind.REMOVAL_PROPOSAL, "Nguyễn Văn An")]
    assert removal.count == 3 and [m.month for m in removal.months] == [8, 9, 10]
    assert found[(FlagKind.DECISION_ENDS, "Lê Thị Giảm")].months == (date(2026, 11, 1),)
    assert found[(FlagKind.REACHES_EXEMPTION, "Trần Văn Cựu")].on == date(2026, 9, 2)
    assert (FlagKind.REMOVAL_PROPOSAL, "Lê Thị Giảm") not in found


def test_away_members_are_not_on_the_sheet_and_attached_members_are(services: Services) -> None:
    away = add_member(services, "Nguyễn Văn Xa")
    services.members.add_event(away, StatusEvent(EventKind.AWAY, date(2026, 2, 10), date(2026, 12, 31)))
    add_member(services, "Trần Văn Ở")
    sheet = services.dues.sheet(MARCH)
    assert [r.name for r in sheet.rows] == ["Trần Văn Ở"]
    with pytest.raises(UserError):
        services.dues.pay(away, MARCH, 11_100, Channel.CASH)


def test_stats_give_the_dues(services: Services) -> None:
    an = add_member(services, "Nguyễn Văn An")
    add_member(services, "Trần Thị Bình")
    add_veteran(services, "Lê Văn Cựu", date(1970, 1, 1))  # exempt: 50 years of Party age
    services.dues.pay(an, date(2026, 11, 1), 11_100 * 10, Channel.CASH)
    services.dues.hand_over(date(2026, 11, 1), 50_000)
    dues = services.stats.stats(parse_period("2026"), CLOCK.today())["dues"]
    assert dues == {
        "due": 11_100 * 10 * 2,
        "collected": 111_000,
        "collection_ratio": 0.5,
        "members_paid": 1,
        "members_unpaid": 1,
        "paid_to_upper": 50_000,
        "exempt": 1,
    }


def test_a_committee_reads_and_never_posts(tmp_path: Path) -> None:
    upper = Services.build(open_database(tmp_path / "u.sqlite", clock=CLOCK))
    upper.organisation.save(OrganisationSetup("Đảng ủy xã Tân Hùng", "Tỉnh ủy Cà Mau", "Tân Hùng", (), Level.COMMITTEE))
    with pytest.raises(UserError) as refused:
        upper.dues.hand_over(MARCH, 1_000)
    assert "committee" in refused.value.message.render()
    assert upper.dues.sheet(MARCH).rows == ()


def test_typed_dues_rules_are_checked(services: Services) -> None:
    with pytest.raises(UserError):
        services.rules.set_value("dues.rates", '{"salary": {"rate": 100}}', date(2027, 1, 1))
    services.rules.set_value("dues.region", "2", date(2026, 3, 1), "Xã lên vùng II")
    an = add_member(services, "Nguyễn Văn An")
    months = {mm.month.month: mm.due.due for mm in services.dues.member(an).months}
    assert (months[2], months[3]) == (11_100, 14_200)


AMOUNTS = st.integers(-1_000, 200_000)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["pay", "hand", "rev", "unpaid"]), st.integers(2, 11), AMOUNTS), max_size=8))
def test_random_postings_on_the_database_reconcile_and_refusals_write_nothing(
    services: Services, ops: list[tuple[str, int, int]]
) -> None:
    if not services.members.roster().rows:
        add_member(services, "Nguyễn Văn An")
    member_id = services.members.roster().rows[0].id
    for kind, month_no, amount in ops:
        month = date(2026, month_no, 1)
        before = counts(services)
        try:
            if kind == "pay":
                services.dues.pay(member_id, month, amount, Channel.CASH)
            elif kind == "hand":
                services.dues.hand_over(month, amount)
            elif kind == "unpaid":
                services.dues.mark_unpaid(member_id, month, "Ốm")
            else:
                last = services.dues.last_entry(member_id, month)
                if last is not None:
                    services.dues.reverse(last.id)
        except UserError:
            assert counts(services) == before
    book = services.dues.book(2026)
    stored = sum(e.signed for e in services.dues.journal(2026) if e.kind == EntryKind.PAYMENT)
    assert sum(mm.collected for rows in book.part_one.values() for mm in rows) == book.part_two[-1].collected == stored
    assert all(t.to_pay_up >= 0 and t.collected >= 0 for t in book.part_two)


def test_a_committee_knows_no_dues_figures_yet(tmp_path: Path) -> None:
    upper = Services.build(open_database(tmp_path / "u.sqlite", clock=CLOCK))
    upper.organisation.save(OrganisationSetup("Đảng ủy xã Tân Hùng", "Tỉnh ủy Cà Mau", "Tân Hùng", (), Level.COMMITTEE))
    dues = upper.stats.stats(parse_period("2026"), CLOCK.today())["dues"]
    assert dues == dict.fromkeys(
        ("due", "collected", "collection_ratio", "members_paid", "members_unpaid", "paid_to_upper", "exempt")
    )


def test_a_new_branch_keeps_its_dues_book_from_the_month_it_is_set_up(db: Database) -> None:
    """Set up on 22/11/2026, with members from long before: November is the first month, no arrears before it, no
    flags for the months collected on paper; a committee records no dues book; a later edit changes nothing."""
    services = Services.build(db)
    services.organisation.save(OrganisationSetup("Chi bộ ấp Bảy", "Đảng ủy xã Tân Hùng", "Tân Hùng", ("Tổ 1",)))
    lan = add_member(services, "Trần Thị Lan")
    sheet = services.dues.sheet(date(2026, 11, 1))
    assert sheet.start == date(2026, 11, 1)
    assert [(row.month.arrears, row.month.owed) for row in sheet.rows] == [(0, 11_100)]
    assert services.dues.flags(2026) == []
    with pytest.raises(UserError):
        services.dues.pay(lan, date(2026, 10, 1), 11_100, Channel.CASH)
    history = services.rules.book().history("dues.book_start")
    assert [(v.value, v.valid_from) for v in history] == [(202602, date(2000, 1, 1)), (202611, date(2026, 11, 22))]
    assert "từ tháng 11/2026" in history[-1].note
    services.organisation.save(OrganisationSetup("Chi bộ ấp Bảy A", "Đảng ủy xã Tân Hùng", "Tân Hùng", ("Tổ 1",)))
    assert len(services.rules.book().history("dues.book_start")) == 2


def test_a_committee_records_no_dues_book_start(tmp_path: Path) -> None:
    upper = Services.build(open_database(tmp_path / "upper.sqlite", clock=CLOCK))
    upper.organisation.save(OrganisationSetup("Đảng ủy xã Tân Hùng", "Tỉnh ủy Cà Mau", "Tân Hùng", (), Level.COMMITTEE))
    assert [v.value for v in upper.rules.book().history("dues.book_start")] == [202602]
    upper.db.close()


def test_an_existing_branch_keeps_its_dues_book_start(services: Services) -> None:
    """The suite's branch (like every database set up before the setup recorded it) counts from 02/2026."""
    assert services.dues.sheet(date(2026, 11, 1)).start == date(2026, 2, 1)
