"""Documents printed from the window, read back from the preview's PDF."""

import unicodedata
from datetime import date

from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from chibo_desktop.domain.funds import EntryKind, FundSource, FundTerms
from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.main_window import MainWindow
from chibo_desktop.ui.tasks import TaskRunner
from tests.helpers.days import TODAY
from tests.helpers.gui import click_button, click_row, click_tab
from tests.helpers.members import add_member


def test_the_fund_statement_runs_to_today_and_is_signed_by_name(
    qtbot: QtBot, services: Services, vietnamese: None
) -> None:
    secretary = add_member(services, "Lê Văn Tám", party_position="Bí thư chi bộ")
    fund_id = services.funds.save_fund(
        None, "Quỹ quay vòng vốn chi bộ", FundSource.OWN, "Phan Thu Mai", FundTerms(max_loan=5_000_000)
    ).ids[0]
    services.funds.capital(fund_id, EntryKind.CONTRIBUTION, 6_000_000, date(TODAY.year, 1, 3), secretary, "Góp")
    window = MainWindow(services, TaskRunner(), "vi")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.meetings_loaded, timeout=10000):
        window.show()
    click_tab(window.tabs, "Quỹ hỗ trợ vay vốn")
    funds = window.funds_view.fund_table
    qtbot.waitUntil(lambda: funds.model().rowCount() == 1)
    click_row(funds, 0)
    with qtbot.waitSignal(window.printing.preview_ready, timeout=20000) as ready:
        click_button(window.funds_view, "In báo cáo quỹ…")
    pages = [
        " ".join(unicodedata.normalize("NFC", p.extract_text()).split()) for p in PdfReader(ready.args[0].pdf).pages
    ]
    text = " ".join(pages)
    assert "BÁO CÁO TÌNH HÌNH QUỸ CỦA CHI BỘ ẤP SÁU" in text
    assert f"Từ ngày 01/01/{TODAY.year} đến ngày {TODAY:%d/%m/%Y}" in text  # today, not 31/12
    assert "T/M CHI BỘ BÍ THƯ" in pages[-1] and pages[-1].endswith("Phan Thu Mai Lê Văn Tám")

    preview = ready.args[0]
    click_button(preview, "Đóng")  # the preview's copy is temporary: closing it leaves nothing in the temp folder
    assert not preview.pdf.exists() and not preview.pdf.parent.exists()
