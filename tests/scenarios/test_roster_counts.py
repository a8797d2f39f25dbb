"""The list under the roster counts records; the figures beside it count members. A secretary who sees "122 of 123
records" beside "120 members" is told, beside the figures, which records are not counted and why, and choosing those
in the list shows exactly them."""

import re

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from chibo_desktop.services.wiring import Services
from tests.helpers.demo import demo_window
from tests.helpers.popups import choose_in_combo

NOTE = {
    "vi": "Danh sách có {records} hồ sơ: {members} được tính là đảng viên của chi bộ; {attached} người sinh hoạt tạm "
    "thời tại đây và {former} người không còn sinh hoạt tại chi bộ (đã chuyển đi, từ trần, ra khỏi Đảng) không được "
    "tính.",
    "en": "The list holds {records} records: {members} counted as members of the branch; {attached} temporarily "
    "attached here and {former} no longer in the branch (transferred out, deceased, left the Party) are not counted.",
}
FOOTER = {"vi": r"Đang hiện (\d+) trên (\d+) hồ sơ", "en": r"Showing (\d+) of (\d+) records"}
EVERYONE = {"vi": "Tất cả, kể cả đã chuyển đi", "en": "Everyone ever listed"}
FORMER = {"vi": "Không còn sinh hoạt tại chi bộ", "en": "No longer in the branch"}
ATTACHED = {"vi": "Sinh hoạt tạm thời", "en": "Temporarily attached"}


def _label(window: object, name: str) -> QLabel:
    found = window.findChild(QLabel, name)  # type: ignore[attr-defined]
    assert found is not None, name
    return found


def _footer(window: object, language: str) -> tuple[int, int]:
    match = re.fullmatch(FOOTER[language], _label(window, "shown").text())
    assert match is not None, _label(window, "shown").text()
    return int(match[1]), int(match[2])


def test_the_figures_say_which_records_of_the_list_they_do_not_count(
    qtbot: QtBot, services: Services, language: str
) -> None:
    window = demo_window(qtbot, services, language)
    shown, records = _footer(window, language)
    members = int(_label(window, "count_total").text())
    attached = int(_label(window, "count_attached").text())
    former = records - members - attached
    assert former > 0 and attached > 0 and shown == members + attached  # the list "in the branch now"
    note = _label(window, "count_note")
    assert note.isVisible()
    assert note.text() == NOTE[language].format(records=records, members=members, attached=attached, former=former)

    roster = window.roster_view
    choose_in_combo(qtbot, roster.status, FORMER[language])
    assert _footer(window, language) == (former, records)  # exactly those the note says are not counted
    choose_in_combo(qtbot, roster.status, ATTACHED[language])
    assert _footer(window, language) == (attached, records)
    choose_in_combo(qtbot, roster.status, EVERYONE[language])
    assert _footer(window, language) == (records, records)
