"""The committee's consolidated report as a reader holds it: every branch's figures in its own row of each table,
under the headings, at the size of the other documents' tables (not the 8 pt of 23 columns side by side), inside
the margins, in the Party's document format."""

from pathlib import Path

import pytest
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from chibo_desktop.domain.dates import parse_period
from chibo_desktop.domain.documents import ConsolidatedData
from chibo_desktop.domain.organisation import Level, OrganisationSetup
from chibo_desktop.reports.api import DocumentStyle
from chibo_desktop.reports.fonts import SERIF
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services.printing import CONSOLIDATED
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import open_database
from tests.helpers.days import CLOCK, TODAY
from tests.helpers.pdf import flat, pdf_text, printed_lines, printed_texts

PASS = "mat-khau-chi-bo"
SEEDS = (1, 2, 3, 5)  # four sample branches with four different names


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> tuple[ConsolidatedData, Path]:
    """A commune's committee that took in four branches' packages, and its report of the year as printed from the
    window (``Printer.write``; `chibo report` prints the same, see tests/test_cli_report.py)."""
    folder = tmp_path_factory.mktemp("committee")
    stick = folder / "usb"
    stick.mkdir()
    branches = []
    for seed in SEEDS:
        db = open_database(folder / f"b{seed}.sqlite", clock=CLOCK)
        write_demo(db, members=12 + 3 * seed, seed=seed, today=TODAY, meeting_years=1)
        branches.append(Services.build(db))
        branches[-1].exchange.export(stick, passphrase=PASS)
    upper = Services.build(open_database(folder / "upper.sqlite", clock=CLOCK))
    upper.organisation.save(OrganisationSetup("Đảng ủy xã Tân Hùng", "Tỉnh ủy Cà Mau", "Tân Hùng", (), Level.COMMITTEE))
    trusted = {b.exchange.keys().signing_fingerprint for b in branches}
    assert all(r.accepted for r in upper.exchange.import_paths([stick], PASS, trusted=trusted))
    period = parse_period("2026")
    data = upper.printer.data(CONSOLIDATED, period)
    out = upper.printer.write(CONSOLIDATED, period, folder / "bao-cao-tong-hop.pdf")
    for services in (upper, *branches):
        services.db.close()
    return data, out


def test_each_branch_s_figures_are_in_its_row_of_every_table(printed: tuple[ConsolidatedData, Path]) -> None:
    data, pdf = printed
    assert len(data.rows) == len(SEEDS) and len({row[0] for row in data.rows}) == len(SEEDS)
    lines = printed_lines(pdf)
    for row in (*data.rows, data.total):
        for part in data.parts:
            figures = [row[c] for group in part.groups for c in group.columns]
            assert [v for v in (row[0], *figures) if v] in lines, (row[0], part.title)  # an empty cell draws nothing
    for row in data.review_rows:
        assert [v for v in row if v] in lines, row[0]
    text = flat(pdf_text(pdf))
    for heading in ("Đảng viên", "Sinh hoạt chi bộ", "Cho vay từ quỹ hỗ trợ đảng viên", "Đảng phí", "Tổng số"):
        assert heading in text
    assert "I. Đảng viên và sinh hoạt chi bộ" in text and "II. Quỹ hỗ trợ đảng viên" in text
    assert "III. Kết quả đánh giá, xếp loại đảng viên năm 2026" in text


def test_every_column_is_printed_once(printed: tuple[ConsolidatedData, Path]) -> None:
    data, _pdf = printed
    placed = sorted(c for part in data.parts for group in part.groups for c in group.columns)
    assert placed == list(range(1, len(data.headings)))


def test_the_type_is_as_large_as_the_other_documents_tables(printed: tuple[ConsolidatedData, Path]) -> None:
    data, pdf = printed
    texts = printed_texts(pdf)
    figures = {value for row in (*data.rows, data.total) for value in row[1:]} - {""}
    drawn = [t for t in texts if t.text in figures]
    assert len(drawn) >= sum(1 for row in (*data.rows, data.total) for value in row[1:] if value)  # each drawn
    assert min(t.size for t in drawn) >= 10.5
    assert min(t.size for t in texts) >= 10.5  # the headings and the names of the branches too


def test_the_party_document_format_on_a_landscape_page_within_its_margins(
    printed: tuple[ConsolidatedData, Path],
) -> None:
    _data, pdf = printed
    texts = printed_texts(pdf)
    style = DocumentStyle().turned()  # HD 36-HD/VPTW's margins, as the other documents
    width, _height = style.pagesize
    left, right = style.left_mm * mm, width - style.right_mm * mm
    for t in texts:
        drawn = stringWidth(t.text, f"{SERIF}-Bold" if t.bold else SERIF, t.size)
        assert left - 0.5 <= t.x and t.x + drawn <= right + 0.5, t
    first = [t for t in texts if t.page == 0]
    party = next(t for t in first if t.text == "ĐẢNG CỘNG SẢN VIỆT NAM")
    assert party.size == 15 and party.bold
    assert next(t for t in first if t.text == "ĐẢNG ỦY XÃ TÂN HÙNG").bold
    assert next(t for t in first if t.text == "BÁO CÁO TỔNG HỢP CÁC CHI BỘ").size >= 15
    # the tables reach across the page: the rightmost figure ends near the right margin
    ends = [t.x + stringWidth(t.text, SERIF, t.size) for t in texts if not t.bold and t.size == 10.5]
    assert max(ends) > right - 15 * mm
