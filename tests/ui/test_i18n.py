"""The Vietnamese interface is complete, placeholders survive translation, and the language can be switched."""

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from chibo_desktop.app import Application
from chibo_desktop.catalog import Catalog
from chibo_desktop.services.bundle import Services
from chibo_desktop.ui.i18n import LanguageSwitch

I18N = Path(__file__).resolve().parents[2] / "i18n"
PLACEHOLDER = re.compile(r"\{[a-z_]+(?::[^}]*)?\}")


def messages() -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(I18N / "chibo_vi.ts").getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message.find("translation"))  # type: ignore[misc]
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def test_every_vietnamese_entry_is_finished() -> None:
    unfinished = [source for _c, source, tr in messages() if tr.get("type") or not (tr.text or "").strip()]
    assert unfinished == []


def test_translations_keep_every_placeholder() -> None:
    broken = [
        source
        for _c, source, tr in messages()
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(tr.text or ""))
    ]
    assert broken == []


def test_the_linguist_file_is_up_to_date_with_the_code(tmp_path: Path) -> None:
    """Every tr()/translate() string in the code is in the .ts (run ``python i18n/update.py`` when this fails)."""
    copy = tmp_path / "check.ts"
    copy.write_bytes((I18N / "chibo_vi.ts").read_bytes())
    root = Path(__file__).resolve().parents[2]
    sources = [str(p) for p in (root / "chibo_desktop").rglob("*.py") if "migrations" not in p.parts]
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    out = subprocess.run(
        [str(lupdate), *sources, "-ts", str(copy), "-no-obsolete"], capture_output=True, text=True, check=True
    )
    assert "0 new" in out.stdout, out.stdout
    assert 'type="unfinished"' not in copy.read_text(encoding="utf-8")


def test_the_compiled_catalogue_matches_the_source(tmp_path: Path) -> None:
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run(
        [str(lrelease), str(I18N / "chibo_vi.ts"), "-qm", str(tmp_path / "x.qm")], capture_output=True, check=True
    )
    assert (tmp_path / "x.qm").read_bytes() == (I18N / "chibo_vi.qm").read_bytes()


def test_the_command_line_reads_the_same_catalogue() -> None:
    assert Catalog("vi")("Status", "Probationary") == "Dự bị"
    assert Catalog("en")("Status", "Probationary") == "Probationary"


def test_qt_standard_buttons_are_vietnamese(qtbot: QtBot, vietnamese: None) -> None:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok
        | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Save
    )
    qtbot.addWidget(box)
    texts = {
        box.button(b).text()
        for b in (
            QDialogButtonBox.StandardButton.Ok,
            QDialogButtonBox.StandardButton.Cancel,
            QDialogButtonBox.StandardButton.Save,
        )
    }
    assert texts == {"Đồng ý", "Hủy", "Lưu"}


def test_switching_language_rebuilds_the_window(qtbot: QtBot, services: Services, tmp_path: Path) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    switch = LanguageSwitch()
    switch.use("vi")
    application = Application(app, services, settings, switch)
    window = application.open_window()
    qtbot.addWidget(window)
    assert window.tabs.tabText(0) == "Đảng viên"
    application.switch_language("en")
    assert application.window is not None and application.window is not window
    qtbot.addWidget(application.window)
    assert application.window.tabs.tabText(0) == "Members"
    assert settings.value("language") == "en"
    application.tasks.wait()
    application.languages.use("en")


def test_no_translatable_text_hides_inside_an_f_string() -> None:
    """lupdate does not look inside f-strings: a tr() there is never translated."""
    root = Path(__file__).resolve().parents[2] / "chibo_desktop"
    pattern = re.compile(r"""\{(self\.tr|tr|translate|QCoreApplication\.translate)\(\s*["']""")
    hidden = [
        f"{p.name}:{n}"
        for p in root.rglob("*.py")
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert hidden == []
