"""The collection screen's item model passes Qt's model tester, and search narrows it without tone marks."""

from datetime import date

from pytestqt.modeltest import ModelTester

from chibo_desktop.domain.dues import Channel
from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.dues_model import NAME, PAID, DuesSheetModel
from tests.helpers.members import add_member


def test_the_sheet_model(qtmodeltester: ModelTester, services: Services, vietnamese: None) -> None:
    for name in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Bình"):
        add_member(services, name)
    november = date(2026, 11, 1)
    model = DuesSheetModel()
    model.set_rows(services.dues.sheet(november).rows)
    qtmodeltester.check(model)
    assert [model.data(model.index(r, NAME)) for r in range(model.rowCount())] == [
        "Nguyễn Văn An", "Lê Văn Bình", "Trần Thị Bình",
    ]  # fmt: skip
    model.find("binh")
    assert model.rowCount() == 2
    qtmodeltester.check(model)
    binh = model.row_at(1).member_id
    posted = services.dues.pay(binh, november, 5_000, Channel.CASH)
    model.replace(binh, posted.row(binh, november))
    assert model.data(model.index(1, PAID)) == "5.000 đ"
