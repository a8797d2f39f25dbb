"""The consolidated report says how many members sent by two units wait for the upper level's review, as a reader
of the printed page sees it (on SQLite and PostgreSQL)."""

from collections.abc import Callable
from pathlib import Path

from chibo_desktop.domain.dates import parse_period
from chibo_desktop.services.printing import CONSOLIDATED
from tests.helpers.days import TODAY
from tests.helpers.pdf import flat, pdf_text
from tests.helpers.two_units import build_units, copy_member, write_sample_branches


def test_the_consolidated_report_counts_the_members_waiting_for_review(
    tmp_path: Path, new_database: Callable[[str], Path | str]
) -> None:
    samples = tmp_path / "samples"
    samples.mkdir()
    units = build_units(tmp_path, write_sample_branches(samples), new_database("upper"))
    try:
        period = parse_period(str(TODAY.year))
        none = units.upper.printer.write(CONSOLIDATED, period, tmp_path / "truoc.pdf")
        assert "trùng giữa các đơn vị: không có hồ sơ nào đang chờ xem xét." in flat(pdf_text(none))
        copy_member(units)
        units.take_in(units.send(units.b))
        one = units.upper.printer.write(CONSOLIDATED, period, tmp_path / "sau.pdf")
        assert "Hồ sơ đảng viên trùng giữa các đơn vị: 1 hồ sơ đang chờ xem xét." in flat(pdf_text(one))
    finally:
        units.close()
