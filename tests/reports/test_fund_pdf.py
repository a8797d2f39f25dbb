import unicodedata
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from chibo_desktop.domain.dates import parse_period
from chibo_desktop.domain.documents import DocumentHeader, LedgerData
from chibo_desktop.domain.funds import EntryKind, FundSource, FundTerms, RateMethod, ScheduleKind
from chibo_desktop.domain.members import MemberRecord
from chibo_desktop.reports.fonts import missing_glyphs
from chibo_desktop.reports.fund_pdf import ledger_pdf, statement_pdf
from chibo_desktop.services.documents import fund_period
from chibo_desktop.services.funds import LoanRequest
from chibo_desktop.services.printing import FUND_STATEMENT, LEDGER, FundPeriod
from chibo_desktop.services.wiring import Services
from tests.helpers.days import TODAY
from tests.helpers.pdf import flat, pdf_text


def test_statement_and_ledger_for_open_disclosure(services: Services, tmp_path: Path) -> None:
    member = services.members.add(
        MemberRecord(
            full_name="Danh Thị Mơl",
            gender="F",
            date_of_birth=date(1980, 1, 1),
            admission_date=date(2005, 5, 19),
            official_date=date(2006, 6, 1),
        )
    ).ids[0]
    fund_id = services.funds.save_fund(
        None, "Quỹ quay vòng vốn chi bộ", FundSource.OWN, "Đ/c Phan Thu Mai", FundTerms(max_loan=5_000_000)
    ).ids[0]
    services.funds.capital(fund_id, EntryKind.CONTRIBUTION, 6_000_000, date(2025, 1, 3), member, "Đóng góp")
    loan_id = services.funds.grant_loan(
        LoanRequest(
            fund_id,
            member,
            "Nhà bị sạt lở",
            "Sửa nhà",
            3_000_000,
            3,
            RateMethod.NONE,
            0,
            ScheduleKind.EQUAL_PRINCIPAL,
            date(2025, 2, 1),
            decision_no="04-NQ/CB",
            disburse_on=date(2025, 2, 2),
        )
    ).ids[0]
    services.funds.repay(loan_id, 1_000_000, date(2025, 3, 2))
    services.members.add(
        MemberRecord(
            full_name="Lê Văn Tám",
            gender="M",
            date_of_birth=date(1970, 1, 1),
            admission_date=date(1995, 5, 19),
            official_date=date(1996, 6, 1),
            party_position="Bí thư chi bộ",
        )
    )
    out = statement_pdf(
        services.printer.data(FUND_STATEMENT, FundPeriod(fund_id, parse_period("2025"))), tmp_path / "quy.pdf"
    )
    text = flat(pdf_text(out))
    for expected in (
        "BÁO CÁO TÌNH HÌNH QUỸ CỦA CHI BỘ ẤP SÁU",
        "Quỹ quay vòng vốn chi bộ",
        "Từ ngày 01/01/2025 đến ngày 31/12/2025",
        "Số dư đầu kỳ 0",
        "Đảng viên, nhà hảo tâm đóng góp 6.000.000",
        "Giải ngân cho vay, hỗ trợ 3.000.000",
        "Thu nợ gốc 1.000.000",
        "Số dư cuối kỳ 4.000.000",
        "Trong kỳ: 1 lượt vay, 3.000.000 đồng, 1 đảng viên được hỗ trợ.",
        "Danh Thị Mơl 3.000.000 02/02/2025 1.000.000 2.000.000",
        "NGƯỜI QUẢN LÝ QUỸ",
    ):
        assert expected in text, expected
    last = flat(unicodedata.normalize("NFC", PdfReader(out).pages[-1].extract_text()))
    assert "NGƯỜI QUẢN LÝ QUỸ T/M CHI BỘ BÍ THƯ" in last  # titles, as the minutes sign
    assert last.count("(Ký, ghi rõ họ tên)") == 2
    assert last.endswith("Phan Thu Mai Lê Văn Tám")  # the custodian (no "Đ/c") and the branch secretary
    assert "không cân đối" not in text
    ledger = ledger_pdf(services.printer.data(LEDGER, member), tmp_path / "so.pdf")
    text = flat(pdf_text(ledger))
    assert "SỔ THEO DÕI VAY VỐN" in text and "Đảng viên: Danh Thị Mơl" in text
    assert "02/02/2025 Giải ngân 3.000.000" in text and "02/03/2025 Trả nợ gốc 1.000.000" in text
    assert "— Nhà bị sạt lở; mục đích vay: Sửa nhà" in text
    # where the loan stands, without working it out from the lines: the two later installments are past due
    assert (
        f"Đến ngày {TODAY:%d/%m/%Y}: đã trả gốc 1.000.000 đồng; còn nợ gốc 2.000.000 đồng, trong đó quá hạn "
        "2.000.000 đồng." in text
    )
    # each installment says what the repayments covered of it: the first paid on 02/03, the two later ones owed
    assert "Kỳ Hạn trả Gốc Lãi, phí Gốc đã trả" in text
    assert "1 02/03/2025 1.000.000 0 trả đủ ngày 02/03/2025 2 02/04/2025" in text  # on its day: nothing more
    assert "2 02/04/2025 1.000.000 0 quá hạn" in text and "3 02/05/2025 1.000.000 0 quá hạn" in text
    services.funds.repay(loan_id, 1_500_000, date(2025, 4, 3))  # the second whole, half of the third
    text = flat(pdf_text(ledger_pdf(services.printer.data(LEDGER, member), tmp_path / "so2.pdf")))
    assert "2 02/04/2025 1.000.000 0 trả đủ ngày 03/04/2025 (chậm 1 ngày)" in text
    assert "3 02/05/2025 1.000.000 0 đã trả 500.000, còn 500.000, quá hạn" in text
    signed = flat(unicodedata.normalize("NFC", PdfReader(ledger).pages[-1].extract_text()))
    assert signed.endswith("Danh Thị Mơl Phan Thu Mai")  # the borrower, and the fund's manager (no "Đ/c")
    assert missing_glyphs(pdf_text(out) + pdf_text(ledger)) == set()


def test_the_statement_printed_from_the_app_runs_from_new_year_to_today() -> None:
    this_year = fund_period(TODAY.year, TODAY)
    assert (this_year.start, this_year.end) == (date(TODAY.year, 1, 1), TODAY)
    last_year = fund_period(TODAY.year - 1, TODAY)
    assert (last_year.start, last_year.end) == (date(TODAY.year - 1, 1, 1), date(TODAY.year - 1, 12, 31))


def test_a_ledger_page_never_holds_the_balance_and_signatures_alone(tmp_path: Path) -> None:
    """Ledgers of every length from one page to three: the page that signs holds the last repayments with the
    balance line, and every repayment is printed once."""
    header = DocumentHeader("ĐẢNG BỘ XÃ TÂN HÙNG", "CHI BỘ ẤP SÁU", "Tân Hùng", date(2025, 12, 1))
    plan = tuple((str(k), f"02/{k:02d}/2025", "100.000", "0", "trả đủ") for k in range(1, 4))
    pages_seen = set()
    for count in range(8, 70, 3):
        entries = tuple(
            (f"{1 + n % 28:02d}/{1 + n // 28:02d}/2025", f"Trả nợ gốc lần {n + 1}", "100.000", "") for n in range(count)
        )
        data = LedgerData(
            header,
            "Danh Thị Mơl",
            (("Khoản vay 1 — Sửa nhà", plan, entries, "Đến ngày 01/12/2025: còn nợ gốc 0 đồng."),),
        )
        out = ledger_pdf(data, tmp_path / f"so-{count}.pdf")
        pages = [flat(unicodedata.normalize("NFC", p.extract_text())) for p in PdfReader(out).pages]
        pages_seen.add(len(pages))
        text = " ".join(pages)
        for n in range(count):
            assert text.count(f"Trả nợ gốc lần {n + 1} ") == 1, (count, n)
        signing = next(p for p in pages if "NGƯỜI VAY" in p)
        assert "Đến ngày 01/12/2025" in signing, count  # the balance line signed under
        assert signing.count("Trả nợ gốc lần") >= 2, (count, signing)  # not the balance and signatures alone
    assert pages_seen >= {1, 2, 3}
