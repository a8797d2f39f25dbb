"""Nothing a person must read is cut off at the office size (1366×728), in English, the longer language: the
reminders' headings while their lists are empty, and a two-line error under the meeting form with its agenda."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QScrollArea, QTableView
from pytestqt.qtbot import QtBot

from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.i18n import LanguageSwitch
from chibo_desktop.ui.reminders_view import RemindersWidget
from chibo_desktop.ui.tasks import TaskRunner
from tests.helpers.days import TODAY
from tests.helpers.gui import click, click_button, click_tab, key, type_text
from tests.ui.test_meeting_dialog import branch, open_dialog  # noqa: F401  (the branch fixture)


def _headings_whole(table: QTableView) -> list[str]:
    header = table.horizontalHeader()
    model = table.model()
    cut = []
    for column in range(model.columnCount()):
        text = str(model.headerData(column, Qt.Orientation.Horizontal))
        if header.sectionSize(column) < header.fontMetrics().horizontalAdvance(text) + 8:
            cut.append(text)
    return cut


def test_the_reminders_headings_are_whole_while_the_lists_are_empty(qtbot: QtBot, services: Services) -> None:
    assert LanguageSwitch().use("en")
    tasks = TaskRunner()
    reminders = RemindersWidget(lambda _id: None, TODAY, services.members, tasks, lambda error: None)
    qtbot.addWidget(reminders)
    reminders.resize(1366, 650)
    reminders.show()
    reminders.show_counting()  # a large roster: nothing listed until its members are counted
    assert reminders.badges.rowCount() == 0
    assert "Years of Party age" in [str(reminders.badges.headerData(c, Qt.Orientation.Horizontal)) for c in range(4)]
    assert _headings_whole(reminders.badge_table) == [] and _headings_whole(reminders.probation_table) == []


def test_a_two_line_error_in_english_leaves_the_agenda_whole(qtbot: QtBot, branch: Services) -> None:  # noqa: F811
    assert LanguageSwitch().use("en")
    dialog = open_dialog(qtbot, branch, [])
    dialog.show()
    click_tab(dialog.tabs, "Agenda")
    agenda = dialog.agenda_editor
    click_button(agenda, "Add an item")
    type_text(agenda.item_title, "Report")
    QApplication.clipboard().setText("Bao cao\x0btinh hinh")
    click(agenda.item_content)
    key(agenda.item_content, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    click_button(dialog, "Save")
    dialog.track_changes()  # the dialog closes at the end without asking
    QApplication.processEvents()  # the layout made again for the message, as the screen then shows it
    message = dialog.message
    assert message.text().startswith("Agenda item 1:")
    assert message.height() >= message.heightForWidth(message.width()) > message.fontMetrics().lineSpacing()
    area = dialog.tabs.currentWidget()
    assert isinstance(area, QScrollArea) and area.isAncestorOf(agenda)
    assert not area.horizontalScrollBar().isVisible() and not area.verticalScrollBar().isVisible()
    viewport = area.viewport().rect()
    for button in agenda.findChildren(QPushButton):
        corner = button.mapTo(area.viewport(), button.rect().bottomRight())
        assert viewport.contains(corner), button.text()
    assert dialog.frameGeometry().height() <= 728
