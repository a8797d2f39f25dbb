"""The fund's journal under random sequences of postings: it always reconciles, never goes below zero, a
schedule always sums to its principal, and nothing is reversed twice."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chibo_desktop.domain.dates import Period
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.funds import (
    EntryKind,
    Fund,
    FundSource,
    FundTerms,
    Loan,
    LoanState,
    RateMethod,
    ScheduleKind,
    cash_balance,
    figures,
    installments_paid,
    lowest_balance,
    position,
    schedule,
    statement,
)
from chibo_desktop.domain.ledger import Ledger

START = date(2025, 1, 1)
FUND = Fund(1, "f", "Quỹ quay vòng", FundSource.OWN, "Thủ quỹ", FundTerms())


def make_loan(
    loan_id: int, amount: int, months: int, method: RateMethod, rate: int, kind: ScheduleKind, on: date
) -> Loan:
    return Loan(
        id=loan_id,
        uuid=str(loan_id),
        fund_id=1,
        member_id=loan_id % 5 + 1,
        borrower=f"Đảng viên {loan_id}",
        reason="Ốm đau",
        purpose="Chữa bệnh",
        amount=amount,
        term_months=months,
        rate_method=method,
        rate=rate,
        schedule_kind=kind,
        installments=schedule(amount, on, months, kind, method, rate),
        approved_on=on,
        disbursed_on=on,
    )


@given(
    amount=st.integers(min_value=1, max_value=2_000_000_000),
    months=st.integers(min_value=1, max_value=60),
    kind=st.sampled_from(list(ScheduleKind)),
    method=st.sampled_from(list(RateMethod)),
    rate=st.integers(min_value=0, max_value=300),
)
def test_a_schedule_always_sums_to_the_principal(
    amount: int, months: int, kind: ScheduleKind, method: RateMethod, rate: int
) -> None:
    plan = schedule(amount, START, months, kind, method, rate)
    assert len(plan) == months
    assert sum(i.principal for i in plan) == amount
    assert all(isinstance(i.principal, int) and isinstance(i.fee, int) and i.fee >= 0 for i in plan)
    assert [i.due for i in plan] == sorted(i.due for i in plan)


OPS = st.lists(
    st.one_of(
        st.tuples(
            st.just("capital"),
            st.sampled_from([EntryKind.CONTRIBUTION, EntryKind.CAPITAL_IN, EntryKind.CAPITAL_OUT]),
            st.integers(1, 5_000_000),
            st.integers(0, 400),
        ),
        st.tuples(
            st.just("loan"),
            st.integers(1, 3_000_000),
            st.integers(1, 24),
            st.sampled_from(list(RateMethod)),
            st.integers(0, 150),
            st.integers(0, 400),
        ),
        st.tuples(st.just("repay"), st.integers(0, 20), st.integers(1, 2_000_000), st.integers(0, 400)),
        st.tuples(st.just("write_off"), st.integers(0, 20), st.integers(0, 400)),
        st.tuples(st.just("reverse"), st.integers(0, 200), st.integers(0, 400)),
    ),
    max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(OPS)
def test_random_postings_keep_the_books_straight(ops: list[tuple[object, ...]]) -> None:
    ledger = Ledger(FUND, [], [], by="thủ quỹ")
    loans: list[Loan] = []
    reversed_ids: set[int] = set()
    for op in ops:
        before = list(ledger.entries)
        day = START + timedelta(days=int(op[-1]))  # type: ignore[call-overload]
        try:
            if op[0] == "capital":
                ledger.capital(op[1], op[2], day)  # type: ignore[arg-type]
            elif op[0] == "loan":
                _, amount, months, method, rate, _d = op
                loan = make_loan(len(loans) + 1, amount, months, method, rate, ScheduleKind.EQUAL_PRINCIPAL, day)  # type: ignore[arg-type]
                loans.append(loan)
                ledger.loans[loan.id] = loan
                ledger.disburse(loan.id, day)
            elif op[0] == "repay" and loans:
                ledger.repay(loans[int(op[1]) % len(loans)].id, op[2], day)  # type: ignore[call-overload, arg-type]
            elif op[0] == "write_off" and loans:
                ledger.write_off(loans[int(op[1]) % len(loans)].id, day, "05/QĐ-CB")  # type: ignore[call-overload]
            elif op[0] == "reverse" and ledger.entries:
                target = ledger.entries[int(op[1]) % len(ledger.entries)]  # type: ignore[call-overload]
                ledger.reverse(target.id, day)
                reversed_ids.add(target.id)
        except UserError:
            assert ledger.entries == before  # a refused posting writes nothing
        # the invariants, after every step
        assert lowest_balance(ledger.entries)[0] >= 0
        end = START + timedelta(days=500)
        for start in (START, START + timedelta(days=100), START + timedelta(days=250)):
            st_ = statement(1, ledger.entries, Period(start, end, "p"))
            assert st_.reconciles
            assert st_.closing == cash_balance(ledger.entries, end)
            assert st_.opening == cash_balance(ledger.entries, start - timedelta(days=1))
        for loan in loans:
            pos = position(loan, ledger.entries, end)
            assert pos.outstanding >= 0 and pos.overdue_principal <= pos.outstanding
        reversed_targets = [e.reverses for e in ledger.entries if e.reverses is not None]
        assert len(reversed_targets) == len(set(reversed_targets))  # nothing reversed twice
    for entry_id in reversed_ids:
        with pytest.raises(UserError):
            ledger.reverse(entry_id, START + timedelta(days=450))


def test_fee_first_then_principal_and_overdue_ageing() -> None:
    ledger = Ledger(FUND, [], [])
    ledger.capital(EntryKind.CAPITAL_IN, 50_000_000, date(2025, 1, 2))
    loan = make_loan(1, 12_000_000, 12, RateMethod.DECLINING, 70, ScheduleKind.EQUAL_PRINCIPAL, date(2025, 1, 10))
    ledger.loans[1] = loan
    ledger.disburse(1, date(2025, 1, 10))
    assert loan.installments[0].fee == 84_000  # 0,70 % of 12.000.000
    fee, principal = ledger.repay(1, 1_084_000, date(2025, 2, 10))
    assert (fee.kind, fee.amount, principal.kind, principal.amount) == (
        EntryKind.FEE,
        84_000,
        EntryKind.PRINCIPAL,
        1_000_000,
    )
    late = position(loan, ledger.entries, date(2025, 5, 20))  # March, April and May unpaid
    assert (late.outstanding, late.overdue_principal, late.days_late, late.bucket) == (
        11_000_000,
        3_000_000,
        71,
        "31-90",
    )
    f = figures([loan], ledger.entries, Period(date(2025, 1, 1), date(2025, 12, 31), "2025"), date(2025, 5, 20))
    assert (f.loans, f.amount, f.members, f.outstanding, f.par30) == (1, 12_000_000, 1, 11_000_000, 1.0)


def test_write_off_needs_a_decision_and_grants_are_not_repaid() -> None:
    ledger = Ledger(FUND, [], [])
    ledger.capital(EntryKind.CONTRIBUTION, 3_000_000, date(2025, 1, 2))
    loan = make_loan(1, 2_000_000, 6, RateMethod.NONE, 0, ScheduleKind.AT_END, date(2025, 1, 10))
    ledger.loans[1] = loan
    ledger.disburse(1, date(2025, 1, 10))
    with pytest.raises(UserError):
        ledger.write_off(1, date(2025, 9, 1), "  ")
    ledger.write_off(1, date(2025, 9, 1), "12-NQ/CB")
    assert position(loan, ledger.entries, date(2025, 9, 2)).state == LoanState.WRITTEN_OFF
    assert cash_balance(ledger.entries) == 1_000_000  # a write-off moves no cash
    with pytest.raises(UserError):
        ledger.capital(EntryKind.CAPITAL_OUT, 1_000_001, date(2025, 9, 3))  # never below zero


def test_a_disbursement_with_repayments_cannot_be_reversed_first() -> None:
    ledger = Ledger(FUND, [], [])
    ledger.capital(EntryKind.CONTRIBUTION, 5_000_000, date(2025, 1, 2))
    loan = make_loan(1, 3_000_000, 3, RateMethod.NONE, 0, ScheduleKind.EQUAL_PRINCIPAL, date(2025, 1, 10))
    ledger.loans[1] = loan
    (paid_out,) = ledger.disburse(1, date(2025, 1, 10))
    (repaid,) = ledger.repay(1, 1_000_000, date(2025, 2, 10))
    with pytest.raises(UserError) as caught:
        ledger.reverse(paid_out.id, date(2025, 2, 11))
    assert "repayments" in caught.value.message.render()
    ledger.reverse(repaid.id, date(2025, 2, 11))
    ledger.reverse(paid_out.id, date(2025, 2, 11))
    assert position(loan, ledger.entries, date(2025, 3, 1)).state == LoanState.APPROVED
    assert cash_balance(ledger.entries) == 5_000_000


def test_repayments_cover_the_installments_oldest_first_and_a_reversal_takes_back() -> None:
    ledger = Ledger(FUND, [], [])
    ledger.capital(EntryKind.CONTRIBUTION, 10_000_000, date(2025, 1, 2))
    loan = make_loan(1, 3_000_000, 3, RateMethod.NONE, 0, ScheduleKind.EQUAL_PRINCIPAL, date(2025, 1, 10))
    ledger.loans[1] = loan
    ledger.disburse(1, date(2025, 1, 10))
    ledger.repay(1, 1_000_000, date(2025, 2, 8))
    *_, late = ledger.repay(1, 1_500_000, date(2025, 3, 20))  # no fee on this loan: the principal alone

    def covered(on: date) -> list[tuple[int, date | None]]:
        return [(p.paid, p.settled_on) for p in installments_paid(loan, ledger.entries, on)]

    assert covered(date(2025, 2, 1)) == [(0, None), (0, None), (0, None)]
    assert covered(date(2025, 4, 1)) == [
        (1_000_000, date(2025, 2, 8)),
        (1_000_000, date(2025, 3, 20)),
        (500_000, None),
    ]
    ledger.reverse(late.id, date(2025, 3, 21), "ghi nhầm")  # the second repayment undone: the later two owed again
    assert covered(date(2025, 4, 1)) == [(1_000_000, date(2025, 2, 8)), (0, None), (0, None)]
    ledger.write_off(1, date(2025, 9, 1), "12-NQ/CB")
    written = installments_paid(loan, ledger.entries, date(2025, 9, 1))
    assert [(p.paid, p.settled_by) for p in written] == [
        (1_000_000, EntryKind.PRINCIPAL),
        (1_000_000, EntryKind.WRITE_OFF),
        (1_000_000, EntryKind.WRITE_OFF),
    ]
