"""The charts' figures come from the register, the roster counts and the fund journal; the printed page carries
them in reportlab's charts; the tab paints the same figures."""

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from chibo_desktop.domain.dates import Period
from chibo_desktop.reports.charts_pdf import charts_pdf
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services.printing import CHARTS
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import open_database
from chibo_desktop.ui.main_window import MainWindow
from chibo_desktop.ui.tasks import TaskRunner
from tests.helpers.days import CLOCK, TODAY
from tests.helpers.members import add_member
from tests.helpers.upper_level import build_world


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Services:
    db = open_database(tmp_path_factory.mktemp("charts") / "chibo.sqlite", clock=CLOCK)
    write_demo(db, members=40, seed=7, today=TODAY)
    return Services.build(db)


def test_the_figures_agree_with_the_register_the_counts_and_the_journal(sample: Services) -> None:
    data = sample.printer.data(CHARTS, 2025)
    grid = sample.meetings.register(2025).grid
    for month in range(12):
        present, required = grid.present_per_month[month], grid.required_per_month[month]
        expected = round(100 * present / required, 1) if grid.meetings_per_month[month] else None
        assert data.attendance[month] == expected
    counts = sample.members.counts(
        sample.members.roster(date(2025, 12, 31)), Period(date(2025, 1, 1), date(2025, 12, 31), "2025")
    )
    assert dict(data.mix)["Chính thức"] == counts.official and dict(data.mix)["Nữ"] == counts.women
    fund = sample.funds.funds()[0].fund
    june = sample.funds.statement(fund.id, Period(date(2025, 1, 1), date(2025, 6, 30), "")).closing
    assert dict(data.balances)[fund.name][5] == june
    this_year = sample.printer.data(CHARTS, 2026)
    assert all(len(values) == 11 for _name, values in this_year.balances)  # up to November, today's month


def test_the_printed_charts(sample: Services, tmp_path: Path) -> None:
    data = sample.printer.data(CHARTS, 2025)
    out = charts_pdf(data, tmp_path / "bieu-do.pdf")
    reader = PdfReader(out)
    text = " ".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) == 1
    assert "BIỂU ĐỒ TÌNH HÌNH CHI BỘ NĂM 2025" in text and "T12" in text and "mức 85%" in text
    assert all(name in text for name, _values in data.balances)
    highest = max(v for v in data.attendance if v is not None)
    assert f"{highest:.0f}" in text  # the bars carry their values


def test_the_charts_tab_paints_the_year(qtbot: QtBot, sample: Services) -> None:
    window = MainWindow(sample, TaskRunner(), "en")
    qtbot.addWidget(window)
    window.charts_view.year.setValue(2025)
    with qtbot.waitSignal(window.charts_loaded, timeout=20000):
        window.tabs.setCurrentWidget(window.charts_view)
    data = sample.printer.data(CHARTS, 2025)
    assert window.charts_view.attendance.series[0][1] == list(data.attendance)
    assert window.charts_view.mix.labels[:2] == ["Official", "Probationary"]
    assert [name for name, _values in window.charts_view.balances.series] == [name for name, _v in data.balances]
    assert not window.charts_view.grab().isNull()


def test_members_without_a_hamlet_have_a_named_bar(qtbot: QtBot, tmp_path: Path) -> None:
    db = open_database(tmp_path / "chibo.sqlite", clock=CLOCK)
    write_demo(db, members=12, seed=3, today=TODAY)
    services = Services.build(db)
    add_member(services, "Lê Văn Chưa Ghi Tổ")  # no hamlet given
    data = services.printer.data(CHARTS, 2025)
    assert ("", 1) in data.by_hamlet
    text = " ".join(page.extract_text() for page in PdfReader(charts_pdf(data, tmp_path / "c.pdf")).pages)
    assert "Chưa ghi ấp / tổ đảng" in text
    window = MainWindow(services, TaskRunner(), "en")
    qtbot.addWidget(window)
    window.charts_view.year.setValue(2025)
    with qtbot.waitSignal(window.charts_loaded, timeout=20000):
        window.tabs.setCurrentWidget(window.charts_view)
    assert "No hamlet / cell recorded" in window.charts_view.mix.labels and "" not in window.charts_view.mix.labels


def test_a_committees_bars_are_its_branches_not_cells_of_the_same_name_added_up(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    world = build_world(tmp_path_factory.mktemp("charts-committee"))
    try:
        data = world.upper.printer.data(CHARTS, TODAY.year)
        names = [b.organisation.require().branch_name for b in (world.a, world.b)]
        assert [name for name, _count in data.by_hamlet] == sorted(names)
        assert sum(count for _name, count in data.by_hamlet) == dict(data.mix)["Chính thức"] + dict(data.mix)["Dự bị"]
    finally:
        for services in (world.upper, world.a, world.b):
            services.db.close()
