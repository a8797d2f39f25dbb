"""The attendance list's model through Qt's model tester, while it is searched, marked and given reasons."""

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from chibo_desktop.domain.meetings import Mark
from chibo_desktop.domain.text import fold
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.attendance_view import MARK, REASON, AttendanceModel
from tests.helpers.days import TODAY


def test_the_attendance_model_passes_qts_model_tester(qtmodeltester: ModelTester, services: Services) -> None:
    write_demo(services.db, members=20, seed=5, today=TODAY, meeting_years=1)
    lines = services.meetings.draft_lines(TODAY)
    model = AttendanceModel(lines)
    qtmodeltester.check(model)
    assert model.rowCount() == len(lines)

    first = lines[0].name.split()[-1]
    model.find(first.lower())
    qtmodeltester.check(model)
    assert 0 < model.rowCount() < len(lines)
    assert all(fold(first) in fold(model.data(model.index(row, 0))) for row in range(model.rowCount()))

    model.set_mark(0, Mark.EXCUSED)
    assert model.flags(model.index(0, REASON)) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(model.index(0, REASON), "Ốm")
    qtmodeltester.check(model)
    assert model.data(model.index(0, REASON)) == "Ốm"
    assert model.data(model.index(0, MARK)) == "Absent with reason"

    model.find("")
    qtmodeltester.check(model)
    assert model.rowCount() == len(lines)
