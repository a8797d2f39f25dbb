"""The sample branch shows every warning the register can give, so a newcomer sees them."""

from chibo_desktop.domain.register import FlagKind
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services.wiring import Services
from tests.helpers.days import TODAY


def test_the_demo_shows_every_register_warning(services: Services) -> None:
    write_demo(services.db, members=150, seed=4, today=TODAY)
    registers = [services.meetings.register(year) for year in (2024, 2025, 2026)]
    assert all(r.whole_year.held >= 10 for r in registers)
    kinds = {flag.kind for r in registers for flag in r.warnings.flags}
    assert kinds == {FlagKind.REMOVAL_PROPOSAL, FlagKind.CONSECUTIVE_ABSENCE}
    assert any(r.warnings.months_without_regular for r in registers)
    assert any(r.warnings.quarters_without_thematic for r in registers)
    assert any(r.warnings.below_bar for r in registers)
    exempted = [
        line
        for r in registers
        for row in r.grid.rows
        for cells in row.cells
        for line in cells
        if line.value == "exempted"
    ]
    assert exempted  # exempted members appear as not required
    assert all(0.5 < (r.whole_year.average_ratio or 0) <= 1 for r in registers)
