"""The user guide: F1 or Help → User guide opens it beside the main window; its contents go to a section, its find
box finds words with or without tone marks, and it follows the interface's language. Every menu, tab and button it
names is one the app shows in that language, so the guide cannot drift from the app."""

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtWidgets import QApplication, QMainWindow
from pytestqt.qtbot import QtBot

from chibo_desktop.app import Application
from chibo_desktop.domain.organisation import Level, OrganisationSetup
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import open_database
from chibo_desktop.ui.guide_window import GuideWindow, guide_file
from chibo_desktop.ui.i18n import LanguageSwitch
from tests.helpers.days import CLOCK
from tests.helpers.gui import choose_menu, click_row, close_window, key, new_window, type_into, windows

ROOT = Path(__file__).resolve().parents[2]
OFFICE = QRect(0, 0, 1366, 728)


@pytest.fixture
def opened() -> Iterator[list[Application]]:
    """The apps a test opened: each one's window closed at the end (a language switch replaces the window, so
    the first one cannot be left to qtbot, which would close it again)."""
    apps: list[Application] = []
    yield apps
    for application in apps:
        application.tasks.wait()
        if application.window is not None and shiboken6.isValid(application.window):
            application.window.close()
    LanguageSwitch().use("en")


def app_on(qtbot: QtBot, opened: list[Application], services: Services, language: str, tmp_path: Path) -> Application:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    switch = LanguageSwitch()
    switch.use(language)
    application = Application(app, services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), switch)
    opened.append(application)
    window = application.open_window()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return application


def guides() -> list[GuideWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, GuideWindow) and w.isVisible()]


def top_line(guide: GuideWindow) -> str:
    """The line of text at the top of the guide's page, as a person reads it there."""
    return guide.text.cursorForPosition(QPoint(4, 4)).block().text()


def row_of(guide: GuideWindow, title: str) -> int:
    texts = [guide.contents.item(row).text() for row in range(guide.contents.count())]
    assert title in texts, texts
    return texts.index(title)


def test_f1_and_the_help_menu_open_one_guide_that_finds_and_follows_the_language(
    qtbot: QtBot, services: Services, tmp_path: Path, opened: list[Application]
) -> None:
    application = app_on(qtbot, opened, services, "vi", tmp_path)
    window = application.window
    assert window is not None

    before = windows()
    key(window, Qt.Key.Key_F1)
    guide = new_window(qtbot, GuideWindow, before)
    assert guide.windowTitle() == "Hướng dẫn sử dụng"
    assert OFFICE.contains(guide.frameGeometry())
    assert guide.contents.item(0).text() == "1. Thiết lập lần đầu"
    assert top_line(guide) == "Hướng dẫn sử dụng Hồ sơ chi bộ"
    assert not guide.isModal()

    close_window(guide)
    assert guides() == []
    choose_menu(window, "Trợ giúp", "Hướng dẫn sử dụng")
    qtbot.waitUntil(lambda: guides() == [guide])  # the same window again, not a second one
    key(window, Qt.Key.Key_F1)
    assert guides() == [guide]

    click_row(guide.contents, row_of(guide, "6. Đảng phí"))
    qtbot.waitUntil(lambda: top_line(guide) == "6. Đảng phí")

    type_into(guide.find, "mat khau")  # no tone marks
    shown = re.fullmatch(r"(\d+)/(\d+)", guide.found.text())
    assert shown is not None, guide.found.text()
    at, count = int(shown[1]), int(shown[2])
    assert count > 3 and guide.matched_text().lower() == "mật khẩu"
    key(guide.find, Qt.Key.Key_Return)  # the next one
    assert guide.found.text() == f"{at % count + 1}/{count}"
    assert guide.matched_text().lower() == "mật khẩu"
    type_into(guide.find, "Sao lưu ra USB")  # with tone marks
    assert guide.matched_text() == "Sao lưu ra USB"
    type_into(guide.find, "khong co chu nay dau")
    assert guide.found.text() == "Không tìm thấy"

    click_row(guide.contents, row_of(guide, "9. Gửi dữ liệu lên cấp trên bằng USB"))
    qtbot.waitUntil(lambda: top_line(guide) == "9. Gửi dữ liệu lên cấp trên bằng USB")
    choose_menu(window, "Ngôn ngữ", "English")
    english = application.window
    assert english is not None and english is not window
    qtbot.waitUntil(lambda: len(guides()) == 1 and guides()[0] is not guide)
    guide = guides()[0]
    assert guide.windowTitle() == "User guide"
    assert guide.contents.item(0).text() == "1. First setup"
    assert guide.contents.currentItem().text() == "9. Sending the data to the upper level on a USB stick"
    qtbot.waitUntil(lambda: top_line(guide) == "9. Sending the data to the upper level on a USB stick")
    type_into(guide.find, "passphrase")
    assert guide.matched_text() == "passphrase" and " of " in guide.found.text()


# --- the guide names what the app shows --------------------------------------------------------------------


class Named(HTMLParser):
    """What the guide names, by section: menu paths (``class="menu"``), tabs (``"tab"``) and buttons or fields
    (``"ui"``)."""

    def __init__(self) -> None:
        super().__init__()
        self.section = ""
        self.found: list[tuple[str, str, str]] = []  # (section, kind, text)
        self._kind: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "h2":
            self.section = found.get("id") or ""
        if tag == "span" and found.get("class") in ("menu", "tab", "ui"):
            self._kind, self._text = found["class"], ""

    def handle_data(self, data: str) -> None:
        if self._kind is not None:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._kind is not None:
            self.found.append((self.section, self._kind, " ".join(self._text.split())))
            self._kind = None


def named(language: str) -> list[tuple[str, str, str]]:
    parser = Named()
    parser.feed(guide_file(language))
    return parser.found


def plain(text: str) -> str:
    return text.replace("&", "")


def menu_paths(window: QMainWindow) -> set[str]:
    """Every "Menu → Item" the window's menu bar offers (hidden items left out)."""
    paths = set()
    for menu in window.menuBar().actions():
        for item in menu.menu().actions():
            if not item.isSeparator() and item.isVisible():
                paths.add(f"{plain(menu.text())} → {plain(item.text())}")
    return paths


def tab_titles(window: QMainWindow) -> set[str]:
    tabs = window.tabs
    return {plain(tabs.tabText(i)).split(" (")[0] for i in range(tabs.count()) if tabs.isTabVisible(i)}


def interface_words(language: str) -> set[str]:
    """Every text the interface can show in *language*: the catalogue's sources (English) or translations."""
    root = ET.parse(ROOT / "i18n" / "chibo_vi.ts").getroot()
    words = set()
    for message in root.iter("message"):
        text = message.findtext("source") if language == "en" else message.findtext("translation")
        if text:
            words.add(" ".join(plain(text).split()))
    return words


@pytest.fixture
def committee(tmp_path: Path) -> Services:
    from tests.helpers.databases import migrated_copy

    db = open_database(migrated_copy(tmp_path / "committee.sqlite"), tmp_path / "committee-backups", clock=CLOCK)
    built = Services.build(db)
    built.organisation.save(OrganisationSetup("Đảng ủy xã Tân Hùng", "Tỉnh ủy Cà Mau", "Tân Hùng", (), Level.COMMITTEE))
    return built


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_menu_tab_and_button_the_guide_names_is_in_the_app(
    qtbot: QtBot, services: Services, committee: Services, language: str, tmp_path: Path, opened: list[Application]
) -> None:
    branch_app = app_on(qtbot, opened, services, language, tmp_path / "branch")
    committee_app = app_on(qtbot, opened, committee, language, tmp_path / "committee")
    assert branch_app.window is not None and committee_app.window is not None
    words = interface_words(language)
    missing = []
    found = named(language)
    assert {kind for _s, kind, _t in found} == {"menu", "tab", "ui"}
    for section, kind, text in found:
        window = committee_app.window if section == "committee" else branch_app.window
        if kind == "menu" and text not in menu_paths(window):
            missing.append(f"{section}: menu {text!r}")
        elif kind == "tab" and text not in tab_titles(window):
            missing.append(f"{section}: tab {text!r}")
        elif kind == "ui" and text not in words:
            missing.append(f"{section}: {text!r} is no text of the interface")
    assert missing == []


@pytest.mark.parametrize("language", ["vi", "en"])
def test_both_guides_have_the_same_sections(language: str) -> None:
    ids = re.findall(r'<h2 id="([^"]+)"', guide_file(language))
    assert ids == re.findall(r'<h2 id="([^"]+)"', guide_file("vi"))
    assert len(ids) == len(set(ids)) >= 11
