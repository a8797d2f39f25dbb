"""`chibo stats` and `chibo report` over any range of days and over a named term: a member who borrowed from two
funds in two years of the term is one member helped; a bad range is refused in Vietnamese."""

import json
from datetime import date
from pathlib import Path

import pytest

from chibo_desktop.cli import main
from chibo_desktop.domain.funds import EntryKind, FundSource, FundTerms, RateMethod, ScheduleKind
from chibo_desktop.domain.members import MemberRecord
from chibo_desktop.domain.terms import TermDraft
from chibo_desktop.services.funds import LoanRequest
from chibo_desktop.services.members import Joining, JoinKind
from chibo_desktop.services.wiring import Services
from tests.helpers.members import add_member


def _fund(services: Services, name: str) -> int:
    terms = FundTerms(max_loan=20_000_000, term_months=12, rate_method=RateMethod.NONE, rate=0)
    fund_id = services.funds.save_fund(None, name, FundSource.OWN, "Đ/c Phan Thu Mai", terms).ids[0]
    services.funds.capital(fund_id, EntryKind.CAPITAL_IN, 50_000_000, date(2020, 10, 1))
    return fund_id


def _lend(services: Services, fund_id: int, member_id: int, on: date) -> None:
    services.funds.grant_loan(
        LoanRequest(
            fund_id=fund_id,
            member_id=member_id,
            reason="Mất mùa",
            purpose="Giống lúa",
            amount=5_000_000,
            term_months=12,
            rate_method=RateMethod.NONE,
            rate=0,
            schedule_kind=ScheduleKind.AT_END,
            approved_on=on,
            decision_no="01-NQ/CB",
            disburse_on=on,
        )
    )


@pytest.fixture
def term_branch(services: Services) -> Path:
    """Two funds; Bích borrows from the first in 2021 and from the second in 2023, Hùng once in 2024, and Tư in
    2025 after the term ended."""
    bich, hung, tu = (add_member(services, n) for n in ("Nguyễn Thị Bích", "Trần Văn Hùng", "Lê Văn Tư"))
    first, second = _fund(services, "Quỹ quay vòng ấp Sáu"), _fund(services, "Vốn Hội Nông dân ủy thác")
    _lend(services, first, bich, date(2021, 3, 1))
    _lend(services, second, bich, date(2023, 4, 1))
    _lend(services, first, hung, date(2024, 5, 2))
    _lend(services, second, tu, date(2025, 7, 1))
    services.terms.save(TermDraft("Nhiệm kỳ 2020–2025", date(2020, 9, 1), date(2025, 6, 30), 45))
    admitted_here = MemberRecord(
        full_name="Danh Thị Mới", gender="F", date_of_birth=date(1998, 1, 1), admission_date=date(2022, 5, 19)
    )
    services.members.add(admitted_here)
    elsewhere = MemberRecord(
        full_name="Lâm Văn Đến", gender="M", date_of_birth=date(1990, 1, 1), admission_date=date(2021, 3, 26),
        official_date=date(2022, 3, 26),
    )  # fmt: skip
    services.members.add(elsewhere, Joining(JoinKind.TRANSFERRED_IN, date(2023, 8, 1), note="Đảng bộ xã Tân Phú"))
    return services.db.path


def _stats(path: Path, period: str, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    capsys.readouterr()
    assert main(["stats", "--db", str(path), "--period", period, "--json"]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_a_member_who_borrowed_from_two_funds_in_two_years_is_helped_once(
    term_branch: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _stats(term_branch, "2020-09-01..2025-06-30", capsys)
    assert data["period"] == {"label": "2020-09-01..2025-06-30", "from": "2020-09-01", "to": "2025-06-30"}
    loans = data["loans"]
    assert isinstance(loans, dict)
    assert (loans["loans_disbursed"], loans["members_helped"], loans["amount_disbursed"]) == (3, 2, 15_000_000)
    by_year = [_stats(term_branch, str(y), capsys)["loans"] for y in range(2020, 2026)]
    assert sum(y["members_helped"] for y in by_year) == 4  # type: ignore[index]  # what adding years up gave


def test_the_term_by_its_name_gives_the_same_figures(term_branch: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _stats(term_branch, "nhiem ky 2020-2025", capsys)
    assert data["period"] == {"label": "Nhiệm kỳ 2020–2025", "from": "2020-09-01", "to": "2025-06-30"}
    assert data["loans"]["members_helped"] == 2  # type: ignore[index]
    # admitted in the term: the member admitted here; not the one admitted elsewhere and transferred in
    assert data["members"]["admitted_in_period"] == 1  # type: ignore[index]
    assert data["term"] == {"name": "Nhiệm kỳ 2020–2025", "admissions_target": 45}
    assert "term" not in _stats(term_branch, "2021", capsys)


def test_a_range_that_ends_before_it_starts_is_refused_in_vietnamese(
    term_branch: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["stats", "--db", str(term_branch), "--period", "2025-06-30..2020-09-01", "--json"]) == 2
    err = capsys.readouterr().err
    assert "kết thúc (01/09/2020) trước khi bắt đầu (30/06/2025)" in err
    assert main(["stats", "--db", str(term_branch), "--period", "2020-09-01..31/02/2025", "--json"]) == 2
    assert "Tháng 02/2025 không có ngày 31" in capsys.readouterr().err


def test_the_report_takes_a_term_by_its_name(term_branch: Path, tmp_path: Path) -> None:
    from tests.helpers.pdf import flat, pdf_text

    out = tmp_path / "bao-cao.pdf"
    assert main(["report", "--db", str(term_branch), "--period", "Nhiệm kỳ 2020–2025", "--out", str(out)]) == 0
    assert "Từ ngày 01/09/2020 đến ngày 30/06/2025" in flat(pdf_text(out))
