from datetime import date

import pytest

from chibo_desktop.domain.dates import Period, parse_period
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.funds import (
    EntryKind,
    FundSource,
    FundTerms,
    Installment,
    LoanState,
    RateMethod,
    ScheduleKind,
)
from chibo_desktop.domain.meetings import MeetingRecord
from chibo_desktop.domain.members import MemberRecord
from chibo_desktop.services.documents import ledger_data
from chibo_desktop.services.funds import LoanRequest
from chibo_desktop.services.wiring import Services
from tests.helpers.databases import connect


@pytest.fixture
def fund(services: Services) -> tuple[Services, int, int]:
    member = services.members.add(
        MemberRecord(
            full_name="Thạch Sa Ly",
            gender="F",
            date_of_birth=date(1980, 1, 1),
            admission_date=date(2005, 5, 19),
            official_date=date(2006, 6, 1),
        )
    ).ids[0]
    terms = FundTerms(max_loan=20_000_000, term_months=12, rate_method=RateMethod.DECLINING, rate=70)
    fund_id = services.funds.save_fund(
        None, "Vốn ủy thác Hội Nông dân", FundSource.MASS_ORGANISATION, "Đ/c Phan Thu Mai", terms
    ).ids[0]
    services.funds.capital(fund_id, EntryKind.CAPITAL_IN, 50_000_000, date(2025, 1, 5), note="Hội Nông dân xã ủy thác")
    return services, fund_id, member


def request(fund_id: int, member: int, **changes: object) -> LoanRequest:
    values: dict[str, object] = dict(
        fund_id=fund_id,
        member_id=member,
        reason="Chồng bệnh nặng",
        purpose="Nuôi bò",
        amount=12_000_000,
        term_months=12,
        rate_method=RateMethod.DECLINING,
        rate=70,
        schedule_kind=ScheduleKind.EQUAL_PRINCIPAL,
        approved_on=date(2025, 2, 1),
        decision_no="03-NQ/CB",
        disburse_on=date(2025, 2, 3),
    )
    values.update(changes)
    return LoanRequest(**values)  # type: ignore[arg-type]


def entry_rows(services: Services) -> int:
    with connect(services.db) as conn:
        return int(conn.execute("SELECT count(*) FROM fund_entry").fetchone()[0])


def test_a_loan_is_granted_paid_out_repaid_fee_first_and_reversed(fund: tuple[Services, int, int]) -> None:
    services, fund_id, member = fund
    loan_id = services.funds.grant_loan(request(fund_id, member)).ids[0]
    _fund, loans, entries = services.funds.book(fund_id)
    assert loans[0].disbursed_on == date(2025, 2, 3) and sum(i.principal for i in loans[0].installments) == 12_000_000
    services.funds.repay(loan_id, 1_084_000, date(2025, 3, 3))
    services.funds.repay(loan_id, 1_077_000, date(2025, 4, 3))
    _fund, _loans, entries = services.funds.book(fund_id)
    split = [(e.kind, e.amount) for e in entries if e.kind in (EntryKind.FEE, EntryKind.PRINCIPAL)]
    assert split == [
        (EntryKind.FEE, 84_000),
        (EntryKind.PRINCIPAL, 1_000_000),
        (EntryKind.FEE, 77_000),
        (EntryKind.PRINCIPAL, 1_000_000),
    ]
    second_fee = [e for e in entries if e.kind == EntryKind.FEE][1]
    services.funds.reverse(fund_id, second_fee.id, date(2025, 4, 4), "Ghi nhầm số tiền")
    with pytest.raises(UserError):
        services.funds.reverse(fund_id, second_fee.id, date(2025, 4, 4))
    assert entry_rows(services) == 1 + 1 + 4 + 2  # nothing deleted: the two reversing lines are added
    st = services.funds.statement(fund_id, parse_period("2025"))
    assert (st.opening, st.capital_in, st.disbursed, st.repaid, st.fees) == (
        0,
        50_000_000,
        12_000_000,
        1_000_000,
        84_000,
    )
    assert st.closing == 50_000_000 - 12_000_000 + 1_000_000 + 84_000 and st.reconciles


def test_refusals_write_nothing(fund: tuple[Services, int, int]) -> None:
    services, fund_id, member = fund
    with pytest.raises(UserError) as caught:
        services.funds.grant_loan(request(fund_id, member, amount=25_000_000, decision_no="", reason=""))
    assert set(caught.value.field_errors) == {"amount", "decision_no", "reason"}
    with pytest.raises(UserError):
        services.funds.capital(fund_id, EntryKind.CAPITAL_OUT, 50_000_001, date(2025, 3, 1))  # more than the fund holds
    with pytest.raises(UserError):
        plan = (Installment(date(2025, 6, 1), 5_000_000, 0),)
        services.funds.grant_loan(request(fund_id, member, installments=plan))
    assert entry_rows(services) == 1
    assert services.funds.positions(fund_id) == []


def test_a_plan_is_edited_before_the_money_is_paid_out_only(fund: tuple[Services, int, int]) -> None:
    services, fund_id, member = fund
    loan_id = services.funds.grant_loan(
        request(
            fund_id, member, disburse_on=None, schedule_kind=ScheduleKind.AT_END, rate_method=RateMethod.NONE, rate=0
        )
    ).ids[0]
    new_plan = (Installment(date(2025, 8, 1), 6_000_000, 0), Installment(date(2026, 2, 1), 6_000_000, 0))
    services.funds.update_plan(loan_id, new_plan)
    services.funds.disburse(loan_id, date(2025, 2, 5))
    assert services.funds.positions(fund_id)[0].loan.installments == new_plan
    with pytest.raises(UserError):
        services.funds.update_plan(loan_id, new_plan)


def test_overdue_par30_and_the_published_figures(fund: tuple[Services, int, int]) -> None:
    services, fund_id, member = fund
    loan_id = services.funds.grant_loan(request(fund_id, member)).ids[0]
    services.funds.repay(loan_id, 1_084_000, date(2025, 3, 3))
    late = services.funds.overdue(date(2025, 6, 20))
    assert [(p.loan.borrower, p.overdue_principal, p.days_late, p.bucket) for p in late] == [
        ("Thạch Sa Ly", 3_000_000, 78, "31-90")
    ]
    stats = services.stats.stats(parse_period("2025-06"), date(2025, 6, 20))["loans"]
    assert stats == {
        "funds": 1,
        "loans_disbursed": 0,
        "amount_disbursed": 0,
        "members_helped": 0,
        "outstanding": 11_000_000,
        "overdue_amount": 3_000_000,
        "par30": 1.0,
        "ageing": {"31-90": 11_000_000},
    }
    year = services.funds.figures(Period(date(2025, 1, 1), date(2025, 12, 31), "2025"))
    assert (year.loans, year.amount, year.members) == (1, 12_000_000, 1)
    services.funds.write_off(loan_id, date(2025, 7, 1), "07-NQ/CB")
    assert services.funds.positions(fund_id, date(2025, 7, 2))[0].state == LoanState.WRITTEN_OFF


def test_a_plan_that_does_not_add_up_is_refused_with_its_total(fund: tuple[Services, int, int]) -> None:
    services, fund_id, member = fund
    loan_id = services.funds.grant_loan(request(fund_id, member, disburse_on=None)).ids[0]
    before = services.funds.positions(fund_id)[0].loan.installments
    with pytest.raises(UserError) as caught:
        services.funds.update_plan(loan_id, (Installment(date(2025, 8, 1), 5_000_000, 0),))
    assert "5.000.000 đồng" in str(caught.value)
    assert services.funds.positions(fund_id)[0].loan.installments == before


def test_hidden_characters_in_the_funds_dues_setup_terms_and_topics_are_refused_and_nothing_is_written(
    fund: tuple[Services, int, int],
) -> None:
    """Every form whose text goes to the upper level says which character is hidden instead of dropping it unseen;
    the log of changes, which sees every write to those tables, gains nothing."""
    from chibo_desktop.domain.dues import Channel, DecisionKind, DecisionReason
    from chibo_desktop.domain.organisation import OrganisationSetup
    from chibo_desktop.domain.terms import TermDraft

    services, fund_id, member = fund
    logged = len(services.audit.entries(limit=100_000))
    refusals = {
        "custodian": lambda: services.funds.save_fund(None, "Quỹ mới", FundSource.OWN, "Lê\x00 Văn Tư", FundTerms()),
        "purpose": lambda: services.funds.grant_loan(request(fund_id, member, purpose="Nuôi\u200b bò")),
        "note": lambda: services.funds.capital(fund_id, EntryKind.CONTRIBUTION, 1_000, date(2025, 1, 6), note="\x07"),
        "decision_no": lambda: services.dues.add_decision(
            member,
            DecisionKind.EXEMPT,
            100,
            DecisionReason.SERIOUS_ILLNESS,
            date(2026, 3, 1),
            date(2026, 5, 1),
            "12\u202e-QĐ",
            date(2026, 2, 20),
        ),  # fmt: skip
        "hamlets": lambda: services.organisation.save(
            OrganisationSetup("Chi bộ ấp Sáu", "Đảng bộ xã Tân Hùng", "Tân Hùng", ("Tổ 1", "Tổ\ufeff 2"))
        ),
        "name": lambda: services.terms.save(TermDraft("Nhiệm kỳ\x00 2025–2030", date(2025, 7, 1), date(2030, 6, 30))),
        "title": lambda: services.meetings.add_topic(2026, 1, "Học tập\u2066 Nghị quyết"),
    }
    for field, refused in refusals.items():
        with pytest.raises(UserError) as caught:
            refused()
        assert "hidden or control character (U+" in caught.value.field_errors[field].render(), field
    with pytest.raises(UserError) as caught:
        services.dues.pay(member, date(2026, 3, 1), 10_000, Channel.CASH, note="Nộp\x1b thay")
    assert "(U+001B)" in caught.value.message.render()
    assert len(services.audit.entries(limit=100_000)) == logged


def test_a_loan_approved_at_a_meeting_is_approved_on_the_meetings_day(fund: tuple[Services, int, int]) -> None:
    services, fund_id, member = fund
    meeting = services.meetings.create(MeetingRecord(on=date(2025, 1, 25))).ids[0]
    with pytest.raises(UserError) as refused:  # the day the loan was entered, not the meeting's
        services.funds.grant_loan(request(fund_id, member, meeting_id=meeting, decision_no=""))
    said = refused.value.field_errors["approved_on"].render()
    assert said == "The loan was approved at the meeting of 25/01/2025: the approval date is the day of that meeting."
    assert entry_rows(services) == 1  # nothing but the capital

    services.funds.grant_loan(request(fund_id, member, meeting_id=meeting, approved_on=date(2025, 1, 25)))
    (loan,) = services.funds.member_ledger(member)[0]
    assert (loan.approved_on, loan.meeting_id) == (date(2025, 1, 25), meeting)


def test_a_loan_saved_with_another_day_than_its_meetings_reads_as_approved_that_day(
    fund: tuple[Services, int, int],
) -> None:
    """A loan entered before the form took the meeting's day kept the day it was typed on (the app's today, by
    default): it reads, prints and is paid out as approved on the day of the meeting that approved it."""
    services, fund_id, member = fund
    meeting = services.meetings.create(MeetingRecord(on=date(2025, 1, 25))).ids[0]
    loan_id = services.funds.grant_loan(
        request(fund_id, member, meeting_id=meeting, approved_on=date(2025, 1, 25), disburse_on=None)
    ).ids[0]
    with connect(services.db) as conn:  # as an earlier version saved it: typed on 30/01, the meeting held 25/01
        conn.execute("UPDATE loan SET approved_on = ? WHERE id = ?", (date(2025, 1, 30), loan_id))
    (loan,) = services.funds.member_ledger(member)[0]
    assert loan.approved_on == date(2025, 1, 25)
    title = ledger_data(services.members, services.funds, services.organisation, member, date(2025, 2, 1)).loans[0][0]
    assert "duyệt tại buổi sinh hoạt chi bộ ngày 25/01/2025" in title, title
    services.funds.disburse(loan_id, date(2025, 1, 27))  # after the meeting, before the day typed: allowed
    assert services.funds.member_ledger(member)[0][0].disbursed_on == date(2025, 1, 27)


def test_a_new_fund_s_opening_capital_is_the_first_line_of_its_book(services: Services) -> None:
    """Written with the fund, as the capital dialog would post it: a contribution to the branch's own fund, capital
    received for capital entrusted to it; the year's statement then starts from it."""
    own = services.funds.save_fund(
        None, "Quỹ tương trợ", FundSource.OWN, "", FundTerms(), opening=20_000_000, opened_on=date(2025, 1, 5)
    ).ids[0]
    entrusted = services.funds.save_fund(
        None, "Vốn ủy thác", FundSource.UPPER_LEVEL, "", FundTerms(), opening=50_000_000, opened_on=date(2025, 2, 1)
    ).ids[0]
    none = services.funds.save_fund(None, "Quỹ chưa có vốn", FundSource.OWN, "", FundTerms()).ids[0]
    books = {fund_id: services.funds.book(fund_id)[2] for fund_id in (own, entrusted, none)}
    assert [(e.kind, e.amount, e.on) for e in books[own]] == [(EntryKind.CONTRIBUTION, 20_000_000, date(2025, 1, 5))]
    assert [(e.kind, e.amount, e.on) for e in books[entrusted]] == [
        (EntryKind.CAPITAL_IN, 50_000_000, date(2025, 2, 1))
    ]
    assert books[none] == []
    year = parse_period("2025")
    own_year, entrusted_year = services.funds.statement(own, year), services.funds.statement(entrusted, year)
    assert (own_year.opening, own_year.contributions, own_year.closing) == (0, 20_000_000, 20_000_000)
    assert (entrusted_year.capital_in, entrusted_year.closing) == (50_000_000, 50_000_000)
    assert own_year.reconciles and entrusted_year.reconciles
    assert services.funds.statement(own, parse_period("2026")).opening == 20_000_000


def test_a_new_fund_with_a_wrong_opening_capital_writes_nothing(services: Services) -> None:
    for opening, opened_on, field in ((-1, date(2025, 1, 5), "opening"), (1_000_000, None, "opened_on")):
        with pytest.raises(UserError) as caught:
            services.funds.save_fund(None, "Quỹ", FundSource.OWN, "", FundTerms(), opening=opening, opened_on=opened_on)
        assert set(caught.value.field_errors) == {field}
    assert services.funds.funds() == [] and entry_rows(services) == 0
