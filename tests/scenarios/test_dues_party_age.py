"""The dues tab counts Party age from the admission decision (DOMAIN.md), while the roster shows the ceremony as
"Ngày vào Đảng": where the tab uses Party age (the 50-years exemption) it says which date it counts from. Its list
tells two members of the same name apart as the printed book does."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.dues_model import HOW, NAME
from chibo_desktop.ui.i18n import LanguageSwitch
from chibo_desktop.ui.main_window import MainWindow
from chibo_desktop.ui.tasks import TaskRunner
from tests.helpers.gui import click_tab, find_row, row_texts
from tests.helpers.members import add_member

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing")


def open_dues(qtbot: QtBot, services: Services, language: str) -> MainWindow:
    assert LanguageSwitch().use(language)
    window = MainWindow(services, TaskRunner(), language)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.roster_loaded, timeout=10000):
        window.show()
    with qtbot.waitSignal(window.dues_view.loaded, timeout=10000):
        click_tab(window.tabs, "Đảng phí" if language == "vi" else "Party dues")
    return window


@pytest.mark.parametrize(
    ("language", "flag", "tip"),
    [
        (
            "vi",
            "Sơn Văn Ri: đủ 50 năm tuổi Đảng ngày 05/10/2026 (tính từ ngày quyết định kết nạp): miễn đóng từ tháng 10/2026.",
            "Tuổi Đảng tính từ ngày quyết định kết nạp.",
        ),
        (
            "en",
            "Sơn Văn Ri: reaches 50 years of Party age on 05/10/2026 (counted from the admission decision): exempt from 10/2026.",
            "Party age counts from the date of the admission decision.",
        ),
    ],
)
def test_the_fifty_years_exemption_says_it_counts_from_the_admission_decision(
    qtbot: QtBot, services: Services, language: str, flag: str, tip: str
) -> None:
    # decided on 05/10/1976, admitted at a ceremony in 1977: by the ceremony the 50 years would come only in 2027
    add_member(
        services,
        "Sơn Văn Ri",
        date_of_birth=date(1950, 2, 5),
        admission_decision_date=date(1976, 10, 5),
        admission_date=date(1977, 1, 15),
        official_date=date(1978, 1, 15),
    )
    add_member(services, "Trần Thị Bình")
    window = open_dues(qtbot, services, language)
    dues = window.dues_view
    assert flag in dues.flags.toPlainText().splitlines()
    row = find_row(dues.table, NAME, lambda name: name == "Sơn Văn Ri")
    assert tip in dues.table.model().index(row, HOW).data(Qt.ItemDataRole.ToolTipRole)
    other = find_row(dues.table, NAME, lambda name: name == "Trần Thị Bình")
    assert tip not in dues.table.model().index(other, HOW).data(Qt.ItemDataRole.ToolTipRole)


def test_two_members_of_the_same_name_are_told_apart_on_the_collection_list(
    qtbot: QtBot, services: Services, vietnamese: None
) -> None:
    add_member(services, "Nguyễn Văn An", date_of_birth=date(1968, 2, 1))
    add_member(services, "Nguyễn Văn An", date_of_birth=date(1975, 9, 9))
    add_member(services, "Trần Thị Bình")
    window = open_dues(qtbot, services, "vi")
    assert sorted(row_texts(window.dues_view.table, NAME)) == [
        "Nguyễn Văn An (sinh 1968)",
        "Nguyễn Văn An (sinh 1975)",
        "Trần Thị Bình",
    ]
    flagged = window.dues_view.flags.toPlainText()  # nobody paid this year: each is flagged, under the same names
    assert "Nguyễn Văn An (sinh 1968): không đóng" in flagged and "Nguyễn Văn An (sinh 1975): không đóng" in flagged
    assert "Trần Thị Bình: không đóng" in flagged
