"""Every document through the one table of services/printing.py: its page and its file name."""

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4

from chibo_desktop.domain.dates import parse_period
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.text import slug
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services import printing
from chibo_desktop.services.printing import AuditChoice, FundPeriod
from chibo_desktop.services.wiring import Services
from tests.helpers.days import TODAY


@pytest.fixture
def sample(services: Services) -> Services:
    write_demo(services.db, members=30, seed=4, today=TODAY, meeting_years=1)
    return services


def chosen_for(sample: Services) -> dict[str, object]:
    """Something real to print for every kind."""
    meeting = sample.meetings.list_meetings(2026)[0]
    sample.meetings.approve(meeting.id)
    sample.meetings.add_addendum(meeting.id, "Ghi nhầm giờ kết thúc", "Kết thúc lúc 21 giờ 30 phút.")
    fund = sample.funds.funds()[0].fund
    _fund, loans, _entries = sample.funds.book(fund.id)
    borrower = loans[0].member_id
    return {
        "members": TODAY,
        "minutes": meeting.id,
        "addendum": meeting.id,
        "blank-minutes": date(2026, 12, 5),
        "minutes-book": 2026,
        "register": 2026,
        "fund": FundPeriod(fund.id, parse_period("2026")),
        "ledger": borrower,
        "charts": 2026,
        "audit-log": AuditChoice(),
        "report": parse_period("2026-Q3"),
        "dues-book": 2026,
        "dues-receipt": printing.DuesReceiptChoice(borrower, 2026),
    }


def test_every_kind_prints_on_a4_the_way_the_table_says(sample: Services, tmp_path: Path) -> None:
    chosen = chosen_for(sample)
    assert sorted(chosen) == sorted(printing.KINDS)
    names = {}
    for key, kind in printing.KINDS.items():
        folder = tmp_path / key
        folder.mkdir()
        out = sample.printer.write_into(kind, chosen[key], folder)
        names[key] = out.name
        box = PdfReader(out).pages[0].mediabox
        width, height = float(box.width), float(box.height)
        expected = (A4[1], A4[0]) if kind.landscape else A4
        assert (round(width), round(height)) == (round(expected[0]), round(expected[1])), key
    meeting_day = sample.meetings.get(chosen["minutes"]).record.on  # type: ignore[arg-type]
    assert meeting_day is not None
    borrower = sample.members.get(chosen["ledger"]).record.full_name  # type: ignore[arg-type]
    fund_name = sample.funds.funds()[0].fund.name
    dues = {key: names.pop(key) for key in ("dues-book", "dues-receipt")}
    assert all(name.endswith(".pdf") and "2026" in name for name in dues.values()), dues
    assert names == {
        "members": "danh-sach-dang-vien-2026-11-22.pdf",
        "minutes": f"bien-ban-{meeting_day.isoformat()}.pdf",
        "addendum": f"phu-luc-bien-ban-{meeting_day.isoformat()}.pdf",
        "blank-minutes": "mau-bien-ban-2026-12-05.pdf",
        "minutes-book": "so-bien-ban-2026.pdf",
        "register": "so-theo-doi-sinh-hoat-2026.pdf",
        "fund": f"bao-cao-quy-{slug(fund_name)}-2026.pdf",
        "ledger": f"so-vay-{slug(borrower)}-2026-11-22.pdf",
        "charts": "bieu-do-2026.pdf",
        "audit-log": "nhat-ky-thay-doi-2026-11-22.pdf",
        "report": "bao-cao-tong-hop-2026-Q3.pdf",
    }
    assert all(name.isascii() and " " not in name for name in names.values())


def test_the_addendum_of_minutes_never_corrected_is_refused(sample: Services, tmp_path: Path) -> None:
    meeting = sample.meetings.list_meetings(2026)[0]
    with pytest.raises(UserError) as raised:
        sample.printer.write(printing.ADDENDUM, meeting.id, tmp_path / "x.pdf")
    assert raised.value.message.text == "This meeting has no addendum to print."
    assert not (tmp_path / "x.pdf").exists()


def test_the_package_carries_minutes_printed_by_the_table(sample: Services) -> None:
    meeting = sample.meetings.list_meetings(2026)[0]
    carried = sample.printer.pdf_bytes(printing.MINUTES, meeting.id)
    assert carried.startswith(b"%PDF")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(carried)).pages)
    assert "BIÊN BẢN" in text


def test_the_dues_book_as_a_workbook_and_a_receipt_for_nobody(sample: Services, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = sample.printer.dues_workbook(2026, tmp_path / "so.xlsx")
    assert [sheet.title for sheet in load_workbook(out).worksheets] == ["Phần I - Đảng viên", "Phần II - Chi bộ"]
    with pytest.raises(UserError) as raised:
        sample.printer.write(printing.DUES_RECEIPT, printing.DuesReceiptChoice(99_999, 2026), tmp_path / "x.pdf")
    assert raised.value.message.text == "There is no member with id {id}."
    assert not (tmp_path / "x.pdf").exists()
