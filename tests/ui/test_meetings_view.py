"""The attendance register's grid model (members × months) through Qt's model tester, as it is filled and
refilled for another year."""

from pytestqt.modeltest import ModelTester

from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.meetings_view import GridModel
from tests.helpers.days import TODAY


def test_the_register_grid_passes_qts_model_tester(qtmodeltester: ModelTester, services: Services) -> None:
    write_demo(services.db, members=20, seed=5, today=TODAY, meeting_years=2)
    model = GridModel()
    qtmodeltester.check(model)  # empty, before a year is shown
    this_year = services.meetings.register(TODAY.year).grid
    model.set_grid(this_year)
    qtmodeltester.check(model)
    assert model.rowCount() == len(this_year.rows) + 1  # and the branch's month ratios
    model.set_grid(services.meetings.register(TODAY.year - 1).grid)
    qtmodeltester.check(model)
    last = model.rowCount() - 1
    assert model.data(model.index(last, 0)) == "Branch: present / required"
    first = services.meetings.register(TODAY.year - 1).grid.rows[0]
    held = [month for month, marks in enumerate(first.cells, start=1) if marks]
    assert held and set(model.data(model.index(0, held[0])).split()) <= {"x", "M", "P", "K", "m", "v", "c"}
    assert model.data(model.index(0, 13)) == f"{first.present}/{first.required}"
