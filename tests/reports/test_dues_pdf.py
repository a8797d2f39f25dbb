"""The printed dues book, its workbook and a receipt: the text read back from the PDF carries the figures."""

from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from chibo_desktop.domain.dues import Category, Channel, DecisionKind, DecisionReason
from chibo_desktop.reports.dues_pdf import book_pdf, receipt_pdf
from chibo_desktop.services import dues_documents
from chibo_desktop.services.wiring import Services
from tests.helpers.days import TODAY
from tests.helpers.members import add_member


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def branch(services: Services) -> dict[str, int]:
    ids = {
        "an": add_member(services, "Nguyễn Văn An"),
        "binh": add_member(services, "Trần Thị Bình"),
        "cuong": add_member(services, "Lê Văn Cường"),
    }
    services.dues.save_setting(ids["binh"], date(2026, 2, 1), Category.SALARY, 8_450_000, None)
    services.dues.add_decision(
        ids["cuong"], DecisionKind.REDUCE, 50, DecisionReason.POOR_HOUSEHOLD, date(2026, 3, 1),
        date(2026, 6, 1), "12-QĐ/ĐU", date(2026, 2, 27),
    )  # fmt: skip
    services.dues.pay(ids["an"], date(2026, 3, 1), 22_200, Channel.CASH)  # February and March
    services.dues.pay(ids["binh"], date(2026, 3, 1), 169_000, Channel.ONLINE)
    services.dues.pay(ids["cuong"], date(2026, 3, 1), 5_000, Channel.CASH)  # part of 16.700
    services.dues.hand_over(date(2026, 3, 1), 100_000)
    return ids


def test_the_book_prints_both_parts_with_their_figures(services: Services, tmp_path: Path) -> None:
    branch(services)
    data = dues_documents.book_data(services.dues.ledger(), services.organisation, 2026, TODAY)
    out = book_pdf(data, tmp_path / "so-dang-phi.pdf")
    text = text_of(out)
    assert "SỔ THU, NỘP ĐẢNG PHÍ NĂM 2026" in text and "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "PHẦN I" in text and "PHẦN II" in text and "Tháng 3/2026" in text and "Tháng 11/2026" in text
    assert [p.title for p in data.months][-1] == "Tháng 11/2026"  # December has not begun on the day printed
    march = next(p for p in data.months if p.title == "Tháng 3/2026")
    lines = {line.name: line for line in march.lines}
    assert (lines["Trần Thị Bình"].due, lines["Trần Thị Bình"].collected) == (84_500, 169_000)
    assert (lines["Lê Văn Cường"].mark, lines["Lê Văn Cường"].due, lines["Lê Văn Cường"].owed) == (
        "Giảm 50%", 5_600, 11_100 + 5_600 - 5_000,
    )  # fmt: skip
    assert march.total.collected == 196_200
    assert "Giảm 50%" in text and "169.000" in text and "196.200" in text and "đóng qua Cổng DVC" in text
    q1 = next(t for t in data.totals if t.label == "Quý I")
    assert (q1.collected, q1.kept, q1.upper, q1.paid_up) == (196_200, 58_860, 137_340, 100_000)
    assert "Quý I" in text and "58.860" in text and "137.340" in text and "37.340" in text
    assert "Chi bộ được giữ lại 30%" in text


def test_the_book_as_a_workbook(services: Services, tmp_path: Path) -> None:
    branch(services)
    data = dues_documents.book_data(services.dues.ledger(), services.organisation, 2026, TODAY)
    out = dues_documents.write_book_xlsx(data, tmp_path / "so-dang-phi.xlsx")
    workbook = load_workbook(out)
    part_one, part_two = workbook.worksheets
    rows = list(part_one.iter_rows(values_only=True))
    assert rows[0][:3] == ("Tháng", "TT", "Họ và tên")
    binh = next(r for r in rows if r[0] == "Tháng 3/2026" and r[2] == "Trần Thị Bình")
    assert binh[4:8] == (8_450_000, 84_500, 84_500, 169_000)  # base, due, owed from February, paid
    totals = {r[0]: r for r in part_two.iter_rows(values_only=True)}
    assert totals["Quý I"][5:9] == (196_200, 58_860, 137_340, 100_000)


def test_a_receipt_reads_the_amount_in_words(services: Services, tmp_path: Path) -> None:
    ids = branch(services)
    services.dues.pay(ids["an"], date(2026, 4, 1), 11_100, Channel.CASH)
    data = dues_documents.receipt_data(services.dues.ledger(), services.organisation, ids["an"], 2026, TODAY)
    text = text_of(receipt_pdf(data, tmp_path / "bien-lai.pdf"))
    assert "BIÊN LAI THU ĐẢNG PHÍ" in text and "Nguyễn Văn An" in text
    assert "33.300" in text and "Ba mươi ba nghìn ba trăm đồng" in text
    assert "NGƯỜI NỘP" in text and "NGƯỜI THU" in text


def test_the_book_reports_each_month_and_can_be_cancelled(services: Services, tmp_path: Path) -> None:
    import pytest

    from chibo_desktop.reports.book import BookCancelledError
    from chibo_desktop.reports.dues_pdf import book_steps

    branch(services)
    data = dues_documents.book_data(services.dues.ledger(), services.organisation, 2026, TODAY)
    seen: list[int] = []
    book_pdf(data, tmp_path / "so.pdf", progress=lambda n: seen.append(n) is None)
    assert seen == list(range(1, book_steps(data) + 1)) and book_steps(data) == 11  # February–November, Part II
    out = tmp_path / "huy.pdf"
    with pytest.raises(BookCancelledError):
        book_pdf(data, out, progress=lambda n: n < 3)
    assert not out.exists() and list(tmp_path.glob("huy*")) == []


def test_the_book_is_signed_by_the_secretary_and_the_receipt_by_the_payer(services: Services, tmp_path: Path) -> None:
    from chibo_desktop.services.printing import DUES_BOOK, DUES_RECEIPT, DuesReceiptChoice

    ids = branch(services)
    add_member(services, "Phạm Thị Hồng Nhung", party_position="Bí thư chi bộ")
    book = text_of(services.printer.write(DUES_BOOK, 2026, tmp_path / "so.pdf"))
    assert "T/M CHI BỘ" in book and "BÍ THƯ" in book
    assert book.rstrip().endswith("Phạm Thị Hồng Nhung")  # under the branch's signature, the last line
    receipt = text_of(services.printer.write(DUES_RECEIPT, DuesReceiptChoice(ids["an"], 2026), tmp_path / "bl.pdf"))
    assert receipt.count("Nguyễn Văn An") == 2  # the payer named above, and again under "NGƯỜI NỘP"


def test_two_members_of_the_same_name_are_told_apart_by_their_year_of_birth(services: Services, tmp_path: Path) -> None:
    branch(services)
    add_member(services, "Thạch Thol", date_of_birth=date(1968, 2, 1))
    add_member(services, "Thạch Thol", date_of_birth=date(1975, 9, 9))
    data = dues_documents.book_data(services.dues.ledger(), services.organisation, 2026, TODAY)
    names = [line.name for line in data.months[-1].lines]
    assert "Thạch Thol (sinh 1968)" in names and "Thạch Thol (sinh 1975)" in names
    assert "Nguyễn Văn An" in names  # a name no one else has is printed as it is
    assert "Thạch Thol (sinh 1968)" in text_of(book_pdf(data, tmp_path / "so.pdf"))


def test_an_amount_paid_ahead_is_printed_in_words_not_in_brackets(services: Services, tmp_path: Path) -> None:
    """Brackets read as a debt or a mistake to a secretary: the book says "đóng trước", as the screen does."""
    ids = branch(services)
    services.dues.pay(ids["an"], date(2026, 3, 2), 50_000, Channel.CASH)  # 50.000 more than March asks
    data = dues_documents.book_data(services.dues.ledger(), services.organisation, 2026, TODAY)
    text = " ".join(text_of(book_pdf(data, tmp_path / "so-dang-phi.pdf")).split())
    march = next(p for p in data.months if p.title == "Tháng 3/2026")
    assert next(line for line in march.lines if line.name == "Nguyễn Văn An").owed == -50_000
    assert "(50.000)" not in text and "(" + "38.900)" not in text
    assert "đóng trước 50.000" in text  # March's balance, and April's from the month before
    assert "đóng trước 38.900" in text  # April's balance: 50.000 less April's 11.100
    assert "ngoặc" not in text  # the legend no longer explains brackets
