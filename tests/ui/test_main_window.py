"""The roster screen end to end: find a member without tone marks, record an event, see the counts move."""

from datetime import date
from pathlib import Path

from openpyxl import Workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from chibo_desktop.domain.members import EventKind, MemberRecord
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.main_window import MainWindow
from chibo_desktop.ui.roster_model import ID_ROLE
from chibo_desktop.ui.tasks import TaskRunner
from tests.helpers.days import TODAY


def window(qtbot: QtBot, services: Services) -> MainWindow:
    w = MainWindow(services, TaskRunner(), "vi")
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.roster_loaded, timeout=10000):
        w.show()
    return w


def reload(qtbot: QtBot, w: MainWindow, action: object) -> None:
    with qtbot.waitSignal(w.roster_loaded, timeout=10000):
        action()  # type: ignore[operator]


def visible_names(w: MainWindow) -> list[str]:
    model = w.roster_view.model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def test_find_a_member_by_a_toneless_search(qtbot: QtBot, services: Services, vietnamese: None) -> None:
    write_demo(services.db, members=60, seed=2, today=TODAY)
    services.members.add(
        MemberRecord(
            full_name="Nguyễn Thị Bích", gender="F", date_of_birth=date(1970, 2, 5), admission_date=date(1995, 5, 19)
        )
    )
    w = window(qtbot, services)
    assert w.roster_view.model.rowCount() > 50
    qtbot.keyClicks(w.roster_view.search, "nguyen thi bich")
    qtbot.keyClick(w.roster_view.search, Qt.Key.Key_Return)
    assert "Nguyễn Thị Bích" in visible_names(w)
    assert all("Bích" in name for name in visible_names(w))
    assert w.roster_view.shown.text().startswith("Đang hiện")


def test_recording_an_event_changes_the_counts(qtbot: QtBot, services: Services, vietnamese: None) -> None:
    services.members.add(
        MemberRecord(
            full_name="Thạch Thị Sa Ly",
            gender="F",
            ethnicity="Khmer",
            date_of_birth=date(1960, 2, 5),
            admission_date=date(1990, 5, 19),
            official_date=date(1991, 6, 1),
        )
    )
    w = window(qtbot, services)
    counts = w.roster_view.counts.values
    assert (counts["total"].text(), counts["exempted"].text(), counts["ethnic_minority"].text()) == ("1", "0", "1")
    member_id = w.roster_view.model.data(w.roster_view.model.index(0, 0), ID_ROLE)
    member_dialog = w.open_member(member_id)
    assert member_dialog is not None
    event_dialog = member_dialog.open_event_dialog()
    event_dialog.select_kind(EventKind.EXEMPTED)
    event_dialog.on.setText("01/10/2026")
    event_dialog.note.setPlainText("Tuổi cao, sức yếu")
    reload(qtbot, w, event_dialog.save)
    assert counts["exempted"].text() == "1"
    assert member_dialog.history.rowCount() == 3
    assert member_dialog.history.item(2, 1).text() == "Miễn công tác và sinh hoạt đảng"
    status_column = 8
    assert w.roster_view.model.data(w.roster_view.model.index(0, status_column)) == "Miễn sinh hoạt"


def test_import_with_good_duplicate_and_broken_rows(
    qtbot: QtBot, services: Services, vietnamese: None, tmp_path: Path
) -> None:
    services.members.add(
        MemberRecord(
            full_name="Lê Văn Tám",
            gender="M",
            cccd="094070009999",
            date_of_birth=date(1970, 1, 1),
            admission_date=date(1995, 1, 1),
        )
    )
    wb = Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.append(["Họ và tên", "Giới tính", "Ngày sinh", "Số CCCD", "Ngày vào Đảng"])
    sheet.append(["Võ Thị Sáu", "Nữ", "05/02/1972", "094172001111", "03/02/1995"])
    sheet.append(["Lê Văn Tám", "Nam", "01/01/1970", "094070009999", "01/01/1995"])
    sheet.append(["Đỗ Văn Bảy", "Nam", "ba mươi", "", "01/01/1995"])
    path = tmp_path / "ds.xlsx"
    wb.save(path)
    w = window(qtbot, services)
    d = w.import_members(path)
    assert d is not None
    qtbot.waitUntil(lambda: d.preview is not None, timeout=10000)
    assert [d.table.item(row, 8).text() for row in range(3)] == ["mới", "trùng", "lỗi"]
    assert "ba mươi" in d.table.item(2, 9).text()
    assert d.import_button.text() == "Nhập 1 đảng viên mới"
    reload(qtbot, w, lambda: qtbot.mouseClick(d.import_button, Qt.MouseButton.LeftButton))
    assert sorted(visible_names(w)) == ["Lê Văn Tám", "Võ Thị Sáu"]
    assert w.roster_view.counts.values["total"].text() == "2"


def test_reminders_and_counts_for_another_period(qtbot: QtBot, services: Services, vietnamese: None) -> None:
    services.members.add(
        MemberRecord(
            full_name="Danh Thị Mơl", gender="F", date_of_birth=date(1990, 2, 5), admission_date=date(2025, 11, 3)
        )
    )
    services.members.add(
        MemberRecord(
            full_name="Sơn Văn Ri",
            gender="M",
            date_of_birth=date(1950, 2, 5),
            admission_date=date(1977, 3, 26),
            official_date=date(1978, 4, 1),
        )
    )
    w = window(qtbot, services)
    probation = w.reminders.probation
    assert probation.rowCount() == 1
    assert probation.data(probation.index(0, 0)) == "Danh Thị Mơl"
    assert probation.data(probation.index(0, 4)) == "Cần xét công nhận chính thức"
    badges = w.reminders.badges
    assert badges.rowCount() == 0  # Sơn Văn Ri reaches 50 years in 2027
    w.reminders.year.setValue(2027)
    qtbot.waitUntil(lambda: badges.rowCount() == 1, timeout=5000)
    assert badges.data(badges.index(0, 1)) == "50"
    admitted = w.roster_view.counts.values["admitted_in_period"]
    assert admitted.text() == "0"  # admitted in 2025, the panel starts on this year (2026)
    w.roster_view.counts.period.setCurrentIndex(1)  # last year
    qtbot.waitUntil(lambda: admitted.text() == "1", timeout=5000)


def test_each_tab_reloads_only_for_what_it_shows(qtbot: QtBot, services: Services, vietnamese: None) -> None:
    from chibo_desktop.domain.funds import FundSource, FundTerms

    w = window(qtbot, services)
    assert w.loading.text() == ""
    fund = services.funds.save_fund(None, "Quỹ quay vòng vốn", FundSource.OWN, "Đ/c Mai", FundTerms(max_loan=5_000_000))
    w.changed.emit(fund)
    assert w.loading.text() == ""  # a fund moved: the roster is not loaded again
    member = services.members.add(
        MemberRecord(
            full_name="Võ Thị Sáu", gender="F", date_of_birth=date(1972, 2, 5), admission_date=date(1995, 2, 3)
        )
    )
    with qtbot.waitSignal(w.roster_loaded, timeout=10000):
        w.changed.emit(member)
        assert w.loading.text() == "Đang tải danh sách…"
    assert visible_names(w) == ["Võ Thị Sáu"]
    assert w.loading.text() == ""
