"""Both interface languages, in the window at the office screen's size: months and attendance marks speak the
language of the screen, and no text is cut off on any tab."""

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QStyle,
    QStyleOptionComboBox,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QWidget,
)
from pytestqt.qtbot import QtBot

from chibo_desktop.app import Application
from chibo_desktop.domain.meetings import Mark, MeetingRecord
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.i18n import LanguageSwitch
from chibo_desktop.ui.main_window import MainWindow
from chibo_desktop.ui.meeting_dialog import MeetingDialog
from chibo_desktop.ui.member_dialog import MemberDialog
from chibo_desktop.ui.tasks import TaskRunner
from tests.helpers.days import TODAY
from tests.helpers.gui import (
    choose_menu,
    click,
    click_row,
    click_tab,
    double_click_row,
    key,
    new_window,
    row_texts,
    type_text,
    windows,
)
from tests.helpers.members import add_member

SCREEN_WIDTH, USABLE_HEIGHT = 1366, 728


def window_on(qtbot: QtBot, services: Services, language: str) -> MainWindow:
    window = MainWindow(services, TaskRunner(), language)
    qtbot.addWidget(window)
    window.resize(SCREEN_WIDTH, USABLE_HEIGHT)
    with qtbot.waitSignals([window.roster_loaded, window.meetings_loaded], timeout=20000):
        window.show()
    return window


def marked_meeting(services: Services) -> None:
    """Two weeks ago: one late, one absent with reason, one without."""
    for name in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Văn Dũng"):
        add_member(services, name)
    day = TODAY - timedelta(days=14)
    marks = {"Trần Thị Bình": Mark.LATE, "Lê Văn Cường": Mark.EXCUSED, "Phạm Văn Dũng": Mark.UNEXCUSED}
    lines = tuple(
        replace(line, mark=marks.get(line.name, line.mark), reason="Ốm" if line.name == "Lê Văn Cường" else "")
        for line in services.meetings.draft_lines(day)
    )
    services.meetings.create(MeetingRecord(on=day), lines)


EXPECTED = {
    "en": {"months": ["Jan", "Feb", "Nov", "Dec"], "marks": ["x", "L", "E", "U"]},
    "vi": {"months": ["T1", "T2", "T11", "T12"], "marks": ["x", "M", "P", "K"]},
}


def test_the_register_speaks_the_screens_language(qtbot: QtBot, services: Services, language: str) -> None:
    marked_meeting(services)
    window = window_on(qtbot, services, language)
    grid = window.meetings_view.grid_model
    months = [str(grid.headerData(m, Qt.Orientation.Horizontal)) for m in (1, 2, 11, 12)]
    assert months == EXPECTED[language]["months"]
    column = (TODAY - timedelta(days=14)).month
    marks = [str(grid.data(grid.index(row, column))) for row in range(4)]  # An, Bình, Cường, Dũng
    assert marks == EXPECTED[language]["marks"]
    legend = window.meetings_view.legend.text()
    for letter in EXPECTED[language]["marks"]:
        assert f"{letter} " in legend, letter  # every mark the grid shows is explained
    with qtbot.waitSignal(window.charts_loaded, timeout=20000):
        click_tab(window.tabs, window.tabs.tabText(window.tabs.indexOf(window.charts_view)))
    assert window.charts_view.attendance.labels[:2] == EXPECTED[language]["months"][:2]


def test_marking_attendance_takes_the_keys_its_help_names(qtbot: QtBot, services: Services, language: str) -> None:
    marked_meeting(services)
    window = window_on(qtbot, services, language)
    click_tab(window.tabs, window.tabs.tabText(2))
    before = windows()
    double_click_row(window.meetings_view.list_view, 0)
    dialog = new_window(qtbot, MeetingDialog, before)
    qtbot.addWidget(dialog)
    click_tab(dialog.tabs, dialog.tabs.tabText(1))
    table = dialog.attendance.table
    click_row(table, 0)  # Nguyễn Văn An, present
    late_key = {"en": "L", "vi": "M"}[language]
    assert f"{late_key} {'or' if language == 'en' else 'hoặc'} 2" in dialog.findChild(QLabel, "attendance_keys").text()
    type_text(table, late_key)
    assert dialog.attendance.model.lines()[0].mark == Mark.LATE
    click(dialog.buttons.button(QDialogButtonBox.StandardButton.Save))
    assert services.meetings.get(dialog_meeting(services)).lines[0].mark == Mark.LATE


def dialog_meeting(services: Services) -> int:
    return services.meetings.list_meetings(None)[0].id


def cut_off(root: QWidget) -> list[str]:
    """Every visible text on *root* that its widget is too narrow to show in full."""
    found = []
    for combo in root.findChildren(QComboBox):
        if not combo.isVisible():
            continue
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        longest = max(
            (combo.fontMetrics().boundingRect(combo.itemText(i)).width() for i in range(combo.count())), default=0
        )
        contents = QSize(longest, combo.fontMetrics().height())
        need = combo.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, contents, combo).width()
        if combo.width() < need:
            found.append(f"combo {combo.currentText()!r}: {combo.width()} < {need}")
    for button in root.findChildren(QAbstractButton):
        if button.isVisible() and button.text() and button.width() < button.sizeHint().width():
            found.append(f"button {button.text()!r}: {button.width()} < {button.sizeHint().width()}")
    for label in root.findChildren(QLabel):
        if label.isVisible() and not label.wordWrap() and label.width() < label.minimumSizeHint().width():
            found.append(f"label {label.text()[:40]!r}")
    for edit in root.findChildren(QLineEdit):
        text = edit.placeholderText()
        if edit.isVisible() and text and not edit.text():
            if edit.fontMetrics().horizontalAdvance(text) > edit.contentsRect().width() - 8:
                found.append(f"placeholder {text!r}")
    for view in root.findChildren(QTableView):
        if not view.isVisible():
            continue
        header = view.horizontalHeader()
        if header.stretchLastSection() and view.horizontalScrollBar().isVisible():
            found.append(f"table {view.objectName() or view.model().__class__.__name__} is wider than its window")
        for section in range(header.count()):
            text = str(view.model().headerData(section, Qt.Orientation.Horizontal) or "")
            need = header.fontMetrics().horizontalAdvance(text) + 8
            if not header.isSectionHidden(section) and "\n" not in text and header.sectionSize(section) < need:
                found.append(f"heading {text!r}: {header.sectionSize(section)} < {need}")
    summary = root.findChild(QTextBrowser, "register_summary")
    if summary is not None and summary.isVisible() and summary.verticalScrollBar().isVisible():
        found.append("the register's quarter and year figures need scrolling")
    return found


def test_nothing_is_cut_off_on_any_tab(qtbot: QtBot, services: Services, language: str) -> None:
    write_demo(services.db, members=120, seed=1, today=TODAY, meeting_years=1)
    window = window_on(qtbot, services, language)
    problems = []
    for index in range(window.tabs.count()):
        click_tab(window.tabs, window.tabs.tabText(index).replace("&", ""))
        page = window.tabs.widget(index)
        inner = page.findChildren(QTabWidget) or [None]
        for tabs in inner:
            for sub in range(tabs.count() if tabs else 1):
                if tabs is not None:
                    click_tab(tabs, tabs.tabText(sub).replace("&", ""))
                QApplication.processEvents()
                problems += [f"{window.tabs.tabText(index)}: {p}" for p in cut_off(page)]
    assert sorted(set(problems)) == [], "\n".join(sorted(set(problems)))


def test_switching_language_keeps_the_member_chosen_on_the_roster(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    """A member clicked on the roster, then the language switched from the menu, twice: each time the new window has
    the same member chosen, in view, and opening the chosen member opens that member."""
    write_demo(services.db, members=60, seed=7, today=TODAY)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    switch = LanguageSwitch()
    switch.use("vi")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    application = Application(app, services, settings, switch)
    window = application.open_window()  # the app closes and deletes each window it replaces: not the test's to close
    try:
        choose_and_switch(qtbot, application, window)
    finally:
        application.close_window()
        application.tasks.wait()
        application.languages.use("en")


def choose_and_switch(qtbot: QtBot, application: Application, window: MainWindow) -> None:
    window.resize(SCREEN_WIDTH, USABLE_HEIGHT)
    qtbot.waitUntil(lambda: window.roster_view.table.model().rowCount() > 45, timeout=20000)
    table = window.roster_view.table
    row = 45  # far down: the row must be scrolled to
    click_row(table, row)
    name, born = row_texts(table, 0)[row], row_texts(table, 2)[row]

    for menu, language, title in (("Ngôn ngữ", "English", "Member: {}"), ("Language", "Tiếng Việt", "Đảng viên: {}")):
        before = window
        choose_menu(window, menu, language)
        assert application.window is not None and application.window is not before
        window = application.window
        table = window.roster_view.table
        qtbot.waitUntil(lambda t=table: t.model().rowCount() > 45, timeout=20000)  # the roster is in
        chosen = [r.row() for r in table.selectionModel().selectedRows()]
        assert [(row_texts(table, 0)[r], row_texts(table, 2)[r]) for r in chosen] == [(name, born)]
        rect = table.visualRect(table.model().index(chosen[0], 0))
        assert table.viewport().rect().contains(rect.center())  # in view, not only chosen
        opened = windows()
        key(table, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
        dialog = new_window(qtbot, MemberDialog, opened)
        assert dialog.windowTitle() == title.format(name)
        key(dialog, Qt.Key.Key_Escape)
        assert not dialog.isVisible()
