"""Funds and loans for the sample branch, like the Tân Hùng report: the branch's revolving capital (interest-free
emergency loans), capital entrusted by the Farmers' Association (0,70 %/month on the declining balance, 36
months), a small grant fund for poor members; most borrowers repay on time, a few fall behind."""

import random
from datetime import date, timedelta

from chibo_desktop.domain.clock import Clock
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.funds import EntryKind, FundSource, FundTerms, RateMethod, ScheduleKind, schedule
from chibo_desktop.domain.ledger import Ledger
from chibo_desktop.services.funds import FundService, LoanRequest
from chibo_desktop.services.organisation import OrganisationService
from chibo_desktop.storage import fund_queries, member_queries
from chibo_desktop.storage.db import Database

REASONS = [
    ("Chồng bị tai nạn lao động", "Mua con giống"),
    ("Nhà bị sạt lở", "Sửa nhà"),
    ("Con đi học đại học", "Đóng học phí"),
    ("Bệnh phải điều trị dài ngày", "Chữa bệnh"),
    ("Mất mùa do hạn mặn", "Mua giống lúa, phân bón"),
    ("Hộ cận nghèo", "Nuôi heo"),
]


def write_demo_funds(db: Database, seed: int, today: date) -> int:
    """Returns how many loans were written."""
    rng = random.Random(seed * 104729 + 3)
    service = FundService(db, OrganisationService(db), Clock.fixed(today), user=lambda: "Thủ quỹ (dữ liệu mẫu)")
    with db.read() as session:
        loaded = member_queries.load_roster(session)
    members = [
        e
        for e, _s in loaded
        if e.events and e.record.admission_date and e.record.admission_date < today - timedelta(days=800)
    ]
    if not members:
        return 0
    start = date(today.year - 2, 1, 8)
    revolving = service.save_fund(
        None,
        "Quỹ quay vòng vốn chi bộ",
        FundSource.OWN,
        "Đ/c Phan Thu Mai (Phó Bí thư)",
        FundTerms(
            max_loan=10_000_000,
            term_months=12,
            rate_method=RateMethod.NONE,
            rate=0,
            schedule=ScheduleKind.EQUAL_PRINCIPAL,
        ),
    ).ids[0]
    farmers = service.save_fund(
        None,
        "Vốn ủy thác Hội Nông dân xã",
        FundSource.MASS_ORGANISATION,
        "Đ/c Nguyễn Công Ẩn (Chi hội trưởng)",
        FundTerms(
            max_loan=50_000_000,
            term_months=36,
            rate_method=RateMethod.DECLINING,
            rate=70,
            schedule=ScheduleKind.EQUAL_PRINCIPAL,
        ),
    ).ids[0]
    grants = service.save_fund(
        None,
        "Quỹ hỗ trợ đảng viên nghèo",
        FundSource.POOR_MEMBERS,
        "Đ/c Phan Thu Mai",
        FundTerms(max_loan=3_000_000, term_months=1, grant=True),
    ).ids[0]
    for member in rng.sample(members, k=min(40, len(members))):
        service.capital(
            revolving,
            EntryKind.CONTRIBUTION,
            rng.choice([200_000, 300_000, 500_000]),
            start,
            member.id,
            "Đóng góp xây dựng quỹ",
        )
    service.capital(revolving, EntryKind.CONTRIBUTION, 8_000_000, start, None, "Trích từ quỹ chi bộ")
    service.capital(
        farmers, EntryKind.CAPITAL_IN, 200_000_000, start, None, "Hội Nông dân xã ủy thác theo hợp đồng số 05/HĐ"
    )
    service.capital(grants, EntryKind.CONTRIBUTION, 9_000_000, start, None, "Mạnh thường quân ủng hộ")

    plans = [(revolving, rng.choice([3_000_000, 5_000_000, 8_000_000]), 12, RateMethod.NONE, 0) for _ in range(9)]
    plans += [(farmers, rng.choice([30_000_000, 50_000_000]), 36, RateMethod.DECLINING, 70) for _ in range(4)]
    plans += [(grants, rng.choice([1_500_000, 2_000_000, 3_000_000]), 1, RateMethod.NONE, 0) for _ in range(3)]
    written = 0
    repayments: list[tuple[date, int, int, int]] = []  # (day, fund, loan, amount), posted together below
    for n, (fund_id, amount, months, method, rate) in enumerate(plans):
        borrower = rng.choice(members)
        approved = start + timedelta(days=25 + n * 35 + rng.randrange(0, 10))
        if approved > today - timedelta(days=20):
            continue
        reason, purpose = rng.choice(REASONS)
        try:
            loan_id = service.grant_loan(
                LoanRequest(
                    fund_id=fund_id,
                    member_id=borrower.id,
                    reason=reason,
                    purpose=purpose,
                    amount=amount,
                    term_months=months,
                    rate_method=method,
                    rate=rate,
                    schedule_kind=ScheduleKind.EQUAL_PRINCIPAL,
                    approved_on=approved,
                    decision_no=f"{n + 3:02d}-NQ/CB",
                    approved_by="Chi bộ",
                    disburse_on=approved + timedelta(days=2),
                )
            ).ids[0]
        except UserError:
            continue  # not enough cash at that moment: the branch waits, as it would
        written += 1
        if fund_id == grants:
            continue
        late_from = rng.randrange(3, months) if rng.random() < 0.25 else None
        disbursed = approved + timedelta(days=2)
        for number, installment in enumerate(
            schedule(amount, disbursed, months, ScheduleKind.EQUAL_PRINCIPAL, method, rate), start=1
        ):
            if installment.due > today or (late_from is not None and number >= late_from):
                break
            paid_on = min(today, installment.due + timedelta(days=rng.randrange(0, 6)))
            repayments.append((paid_on, fund_id, loan_id, installment.principal + installment.fee))
    # One ledger per fund, the same rules as the service, one transaction: the demo stays quick.
    with db.write() as session:
        ledgers = {}
        for fund in fund_queries.funds(session):
            loans = fund_queries.loans(session, fund.id)
            ledgers[fund.id] = Ledger(fund, loans, fund_queries.entries(session, fund.id), by="Thủ quỹ (dữ liệu mẫu)")
        new = []
        for paid_on, fund_id, loan_id, amount in sorted(repayments):
            new.extend(ledgers[fund_id].repay(loan_id, amount, paid_on, "Trả theo kỳ"))
        fund_queries.insert_entries(session, new)
    return written
