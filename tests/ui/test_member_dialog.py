"""Adding a member through the dialog, as a secretary would, on a real database."""

import sqlite3
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

from chibo_desktop.domain.members import EventKind
from chibo_desktop.services.changes import Change
from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.member_dialog import MemberDialog


def dialog(qtbot: QtBot, services: Services, changes: list[Change], member_id: int | None = None) -> MemberDialog:
    member = services.members.get(member_id) if member_id else None
    d = MemberDialog(services.members, services.organisation.require(), changes.append, services.today, member)
    qtbot.addWidget(d)
    return d


def type_into(qtbot: QtBot, d: MemberDialog, field: str, text: str) -> None:
    """Type as a Vietnamese user does: an input method (Unikey, IBus) commits each composed word.

    ``QTest.keyClicks`` cannot send letters outside Latin-1, so those go in as input-method commits."""
    widget = d.inputs[field]
    assert isinstance(widget, QLineEdit)
    widget.clear()
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def choose(d: MemberDialog, field: str, data: object) -> None:
    combo = d.inputs[field]
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(data))


def names_in_db(services: Services) -> list[str]:
    with sqlite3.connect(services.db.path) as conn:
        return [row[0] for row in conn.execute("SELECT full_name FROM member")]


def test_adding_a_member_through_the_dialog(qtbot: QtBot, services: Services, vietnamese: None) -> None:
    changes: list[Change] = []
    d = dialog(qtbot, services, changes)
    type_into(qtbot, d, "full_name", "Nguyễn Thị Bích")
    choose(d, "gender", "F")
    type_into(qtbot, d, "date_of_birth", "5-2-1970")
    type_into(qtbot, d, "cccd", "094170001234")
    type_into(qtbot, d, "admission_date", "19/05/1995")
    choose(d, "hamlet_id", services.organisation.require().hamlets[1].id)
    qtbot.mouseClick(d.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert names_in_db(services) == ["Nguyễn Thị Bích"]
    member = services.members.get(changes[0].ids[0])
    assert member.record.date_of_birth == date(1970, 2, 5)
    assert member.record.hamlet_id == services.organisation.require().hamlets[1].id
    assert [e.kind for e in member.events] == [EventKind.ADMITTED]


def test_errors_are_shown_beside_their_fields_in_vietnamese(qtbot: QtBot, services: Services, vietnamese: None) -> None:
    d = dialog(qtbot, services, [])
    type_into(qtbot, d, "full_name", "Lê Văn 3")
    type_into(qtbot, d, "cccd", "12345")
    type_into(qtbot, d, "date_of_birth", "31/02/1990")
    qtbot.mouseClick(d.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert d.errors.visible_text("cccd") == "Số CCCD phải có đúng 12 chữ số; bạn đã nhập 5 chữ số."
    assert d.errors.visible_text("full_name") == "Họ tên không được chứa chữ số."
    assert d.errors.visible_text("date_of_birth") == "Tháng 02/1990 không có ngày 31 (tháng này có 28 ngày)."
    assert d.errors.visible_text("gender") == "Hãy chọn nam hoặc nữ."
    assert d.buttons.button(QDialogButtonBox.StandardButton.Save).text() == "Lưu"
    assert names_in_db(services) == []


def test_a_photo_is_scaled_and_stored(qtbot: QtBot, services: Services, tmp_path: object) -> None:
    from pathlib import Path

    from PySide6.QtGui import QColor, QImage

    picture = Path(str(tmp_path)) / "anh.png"
    image = QImage(1200, 1600, QImage.Format.Format_RGB32)
    image.fill(QColor("steelblue"))
    image.save(str(picture))
    d = dialog(qtbot, services, [])
    type_into(qtbot, d, "full_name", "Trần Văn Hai")
    choose(d, "gender", "M")
    type_into(qtbot, d, "date_of_birth", "01/01/1960")
    type_into(qtbot, d, "admission_date", "01/01/1985")
    assert d.set_photo_file(str(picture))
    d.save()
    member_id = services.members.roster().rows[0].id
    stored = services.members.photo(member_id)
    assert stored is not None and 1000 < len(stored) < 60_000
    loaded = QImage.fromData(stored)
    assert (loaded.width(), loaded.height()) == (240, 320)
    assert not d.set_photo_file(str(picture.with_suffix(".txt")))
