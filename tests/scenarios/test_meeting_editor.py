"""The meeting editor as a secretary meets it, driven with clicks and keys through the main window: what its
message line says after a save and after a change, the times the minutes need, finding a speaker without tone
marks, a long opinion read and typed whole."""

from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from chibo_desktop.domain.meetings import AgendaItem, Mark, MeetingRecord, Opinion
from chibo_desktop.services.wiring import Services
from tests.helpers.days import TODAY
from tests.helpers.gui import (
    answering_modal,
    click,
    click_button,
    click_row,
    click_tab,
    field,
    key,
    row_texts,
    type_into,
    type_text,
)
from tests.helpers.members import add_member
from tests.helpers.popups import watching_modals
from tests.scenarios.test_meeting_saved import open_meeting, open_window

NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]
MEETING_DAY = TODAY - timedelta(days=3)
WORDS = {
    "vi": {
        "meetings": "Sinh hoạt chi bộ",
        "general": "Thông tin chung",
        "attendance": "Điểm danh",
        "agenda": "Nội dung sinh hoạt",
        "place": "Địa điểm",
        "add_row": "Thêm dòng",
        "save": "Lưu",
        "saved": "Đã lưu.",
        "unsaved": "Có thay đổi chưa lưu.",
    },
    "en": {
        "meetings": "Meetings",
        "general": "General",
        "attendance": "Attendance list",
        "agenda": "Agenda",
        "place": "Place",
        "add_row": "Add a row",
        "save": "Save",
        "saved": "Saved.",
        "unsaved": "There are changes not saved yet.",
    },
}


@pytest.fixture
def meeting(services: Services) -> int:
    """A meeting three days ago, its times written, everyone present, one agenda item with one opinion."""
    for name in NAMES:
        add_member(services, name)
    lines = tuple(replace(line, mark=Mark.PRESENT) for line in services.meetings.draft_lines(MEETING_DAY))
    agenda = (AgendaItem("Kiểm điểm công tác tháng", opinions=(Opinion("Trần Thị Bình", "Đồng ý với báo cáo."),)),)
    record = MeetingRecord(on=MEETING_DAY, start="19:30", end="21:15", place="Nhà văn hóa ấp", agenda=agenda)
    return services.meetings.create(record, lines).ids[0]


def test_saved_is_said_only_until_the_next_change(
    qtbot: QtBot, services: Services, meeting: int, language: str
) -> None:
    words = WORDS[language]
    dialog = open_meeting(qtbot, open_window(qtbot, services, language))
    place = field(dialog, words["place"])
    type_into(place, "Hội trường ấp")
    click_button(dialog, words["save"])
    assert dialog.message.text() == words["saved"]

    type_text(place, " Tân Phú")  # a field changed after the save
    assert dialog.message.text() == words["unsaved"]
    click_button(dialog, words["save"])
    assert dialog.message.text() == words["saved"]
    assert services.meetings.get(meeting).record.place == "Hội trường ấp Tân Phú"

    click_tab(dialog.tabs, words["attendance"])  # looking at another tab is no change
    assert dialog.message.text() == words["saved"]
    table = dialog.attendance.table
    click_row(table, 0)
    key(table, Qt.Key.Key_4)  # a member marked absent without reason
    assert dialog.message.text() == words["unsaved"]
    click_button(dialog, words["save"])
    assert dialog.message.text() == words["saved"]

    click_tab(dialog.tabs, words["agenda"])  # an opinion typed over, the cell still open
    opinions = dialog.agenda_editor.opinions
    click_row(opinions, 0, 1)
    type_text(opinions, "Đề nghị bổ sung số liệu.")
    assert dialog.message.text() == words["unsaved"]
    click(dialog.agenda_editor.item_title)  # the cell handed over
    assert dialog.message.text() == words["unsaved"]


def test_a_speaker_typed_without_tone_marks_is_offered_from_the_list(
    qtbot: QtBot, services: Services, meeting: int, language: str
) -> None:
    words = WORDS[language]
    dialog = open_meeting(qtbot, open_window(qtbot, services, language))
    click_tab(dialog.tabs, words["agenda"])
    agenda = dialog.agenda_editor
    click_button(agenda, words["add_row"])
    speaker = agenda.opinions.cellWidget(1, 0)
    assert isinstance(speaker, QComboBox) and speaker.lineEdit() is not None
    type_text(speaker.lineEdit(), "nguyen van a")  # no tone marks, lower case

    popup = speaker.completer().popup() if speaker.completer() is not None else None
    assert popup is not None and popup.isVisible(), "nothing is offered"
    offered = row_texts(popup, 0)
    assert offered == ["Nguyễn Văn An"]
    key(popup, Qt.Key.Key_Down)
    key(popup, Qt.Key.Key_Return)
    assert speaker.currentText() == "Nguyễn Văn An"
    click_row(agenda.opinions, 1, 1)
    type_text(agenda.opinions, "Nhất trí.")
    key(agenda.opinions, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: agenda.opinions.state() != QAbstractItemView.State.EditingState)  # Qt commits next turn
    click_button(dialog, words["save"])

    stored = services.meetings.get(meeting)
    said = [(o.speaker, o.summary) for item in stored.record.agenda for o in item.opinions]
    assert said == [("Trần Thị Bình", "Đồng ý với báo cáo."), ("Nguyễn Văn An", "Nhất trí.")]
    assert sorted(line.name for line in stored.lines if line.spoke) == ["Nguyễn Văn An", "Trần Thị Bình"]


TIMES = {
    "vi": {
        "approve": "Thông qua biên bản",
        "confirm": "Thông qua và khóa",
        "hint": "giờ:phút",
        "saved": "Đã lưu. Trước khi thông qua biên bản, ghi giờ bắt đầu và giờ kết thúc buổi sinh hoạt.",
        "missing": "Biên bản phải ghi giờ bắt đầu và giờ kết thúc buổi sinh hoạt: ghi vào thẻ Thông tin chung, rồi "
        "bấm Thông qua biên bản lần nữa.",
        "start": "Ghi giờ bắt đầu, ví dụ 19:30.",
        "end": "Ghi giờ kết thúc, ví dụ 21:15.",
    },
    "en": {
        "approve": "Approve the minutes",
        "confirm": "Approve and lock",
        "hint": "hh:mm",
        "saved": "Saved. Before the minutes are approved, write the times the meeting started and ended.",
        "missing": "The minutes must state when the meeting started and ended: write both times on the General "
        "tab, then click Approve the minutes again.",
        "start": "Write the time it started, e.g. 19:30.",
        "end": "Write the time it ended, e.g. 21:15.",
    },
}


def test_asking_to_approve_is_no_change(qtbot: QtBot, services: Services, meeting: int, language: str) -> None:
    """The approval's question, open over the editor, is not a change to the meeting: the line still says saved,
    while it asks and once it was cancelled."""
    words = WORDS[language]
    dialog = open_meeting(qtbot, open_window(qtbot, services, language))
    type_into(field(dialog, words["place"]), "Hội trường ấp")
    click_button(dialog, words["save"])
    assert dialog.message.text() == words["saved"]
    while_asked: list[str] = []

    def cancel(confirm: QWidget) -> None:
        qtbot.wait(50)  # what the click on the editor's button set going has run
        while_asked.append(dialog.message.text())
        key(confirm, Qt.Key.Key_Escape)

    with answering_modal(cancel):
        click_button(dialog, TIMES[language]["approve"])
    assert while_asked == [words["saved"]]
    qtbot.wait(50)
    assert dialog.message.text() == words["saved"] and not services.meetings.get(meeting).locked


@pytest.fixture
def without_times(services: Services) -> int:
    """A meeting saved as a draft during the meeting: no start or end time yet."""
    for name in NAMES:
        add_member(services, name)
    record = MeetingRecord(on=MEETING_DAY, place="Nhà văn hóa ấp")
    return services.meetings.create(record, services.meetings.draft_lines(MEETING_DAY)).ids[0]


def test_the_minutes_are_approved_only_with_their_times(
    qtbot: QtBot, services: Services, without_times: int, language: str
) -> None:
    words, said = WORDS[language], TIMES[language]
    dialog = open_meeting(qtbot, open_window(qtbot, services, language))
    start, end = dialog.start, dialog.end
    assert (start.text(), end.text()) == ("", "")
    assert (start.placeholderText(), end.placeholderText()) == (said["hint"], said["hint"])  # a hint, not a time

    type_into(field(dialog, words["place"]), "Hội trường ấp")
    click_button(dialog, words["save"])  # a draft may wait for its times: saved, and told what is still to come
    assert dialog.message.text() == said["saved"]
    assert services.meetings.get(without_times).record.place == "Hội trường ấp"

    type_into(end, "21:15")
    click_tab(dialog.tabs, words["agenda"])
    with watching_modals() as opened:
        click_button(dialog, said["approve"])
    assert opened == []  # no confirmation: the times are missing
    assert dialog.message.text() == said["missing"]
    assert dialog.errors.text("start") == said["start"] and dialog.errors.text("end") == ""
    assert dialog.tabs.currentIndex() == 0 and QApplication.focusWidget() is start  # the empty box, to type in
    assert end.text() == "21:15" and not services.meetings.get(without_times).locked

    type_text(start, "19:30")
    with answering_modal(lambda confirm: click_button(confirm, said["confirm"])):
        click_button(dialog, said["approve"])
    approved = services.meetings.get(without_times)
    assert approved.locked and (approved.record.start, approved.record.end) == ("19:30", "21:15")
    assert approved.record.place == "Hội trường ấp"


LONG_OPINION = (
    "Đề nghị chi bộ quan tâm hơn nữa đến việc vận động đảng viên đóng đảng phí đúng hạn và tham gia sinh hoạt "
    "đầy đủ, nhất là các đồng chí làm ăn xa; giao chi ủy phân công người theo dõi từng tổ."
)


def test_a_long_opinion_is_read_and_typed_whole(qtbot: QtBot, services: Services, meeting: int, language: str) -> None:
    words = WORDS[language]
    dialog = open_meeting(qtbot, open_window(qtbot, services, language))
    click_tab(dialog.tabs, words["agenda"])
    opinions = dialog.agenda_editor.opinions
    click_row(opinions, 0, 1)
    type_text(opinions, LONG_OPINION)
    key(opinions, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)  # a second paragraph on its own line
    type_text(opinions, "Nhất trí.")

    editor = QApplication.focusWidget()
    assert not isinstance(editor, QLineEdit), "one line: a long opinion scrolls sideways out of sight"
    assert isinstance(editor, QPlainTextEdit) and opinions.viewport().isAncestorOf(editor)
    start, end = editor.cursorRect(QTextCursor(editor.document())), editor.cursorRect()
    seen = editor.viewport().rect()
    assert seen.contains(start) and seen.contains(end), "part of what is typed is out of sight"

    key(opinions, Qt.Key.Key_Return)  # handed over; a row waits for the next speaker
    qtbot.waitUntil(lambda: opinions.rowCount() == 2)
    text = f"{LONG_OPINION}\nNhất trí."
    shown = opinions.item(0, 1)
    assert shown is not None and shown.text() == text
    width = opinions.columnWidth(1) - 8  # the cell's text margins
    needed = opinions.fontMetrics().boundingRect(QRect(0, 0, width, 10000), Qt.TextFlag.TextWordWrap, text)
    assert opinions.rowHeight(0) >= needed.height(), "the cell shows only the start of the opinion"

    click_button(dialog, words["save"])
    said = [o.summary for item in services.meetings.get(meeting).record.agenda for o in item.opinions]
    assert said == [text]
