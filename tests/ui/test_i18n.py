"""The Vietnamese interface is complete, placeholders survive translation, and the language can be switched."""

import ast
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from chibo_desktop.app import Application
from chibo_desktop.catalog import Catalog
from chibo_desktop.paths import Paths
from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.i18n import LanguageSwitch
from tests.helpers.gui import choose_menu, click_tab

I18N = Path(__file__).resolve().parents[2] / "i18n"
PLACEHOLDER = re.compile(r"\{[a-z_]+(?::[^}]*)?\}")


def messages() -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(I18N / "chibo_vi.ts").getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message.find("translation"))  # type: ignore[misc]
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def text_of(translation: ET.Element) -> str:
    """The translated text; of a plural entry, its one Vietnamese form (Vietnamese has no plural forms)."""
    forms = translation.findall("numerusform")
    return " ".join(f.text or "" for f in forms) if forms else translation.text or ""


def test_every_vietnamese_entry_is_finished() -> None:
    unfinished = [source for _c, source, tr in messages() if tr.get("type") or not text_of(tr).strip()]
    assert unfinished == []


def test_english_plurals_have_both_forms() -> None:
    """Each count in a sentence ("{count} page(s)") reads "1 page", "2 pages" in English."""
    root = ET.parse(I18N / "chibo_en.ts").getroot()
    entries = [(m.findtext("source") or "", m.find("translation")) for m in root.iter("message")]
    assert len(entries) >= 10
    for source, translation in entries:
        assert translation is not None and not translation.get("type"), source
        forms = [f.text or "" for f in translation.findall("numerusform")]
        assert len(forms) == 2 and not any("(s)" in f for f in forms), source
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(forms[0])), source


def test_a_count_of_one_reads_in_the_singular_in_english(qapp: QApplication) -> None:
    switch = LanguageSwitch()
    assert switch.use("en")
    try:
        one, two = (QCoreApplication.translate("PreviewDialog", "{count} page(s)", None, n) for n in (1, 2))
        assert (one, two) == ("{count} page", "{count} pages")
        assert switch.use("vi")
        assert QCoreApplication.translate("PreviewDialog", "{count} page(s)", None, 1) == "{count} trang"
    finally:
        switch.use("en")


def test_a_catalogue_replaced_under_the_running_app_changes_nothing_on_screen(
    qapp: QApplication, tmp_path: Path
) -> None:
    """An upgrade or a rebuilt catalogue rewrites the .qm file while the app runs: the words already shown stay
    Vietnamese (a catalogue mapped from its file read the new file's bytes at the old offsets)."""
    for name in ("chibo_vi.qm", "chibo_en.qm"):
        (tmp_path / name).write_bytes((I18N / name).read_bytes())
    switch = LanguageSwitch(tmp_path)
    assert switch.use("vi")
    try:
        before = QCoreApplication.translate("PreviewDialog", "{count} page(s)", None, 1)
        assert before == "{count} trang"
        (tmp_path / "chibo_vi.qm").write_bytes((I18N / "chibo_en.qm").read_bytes())
        assert QCoreApplication.translate("PreviewDialog", "{count} page(s)", None, 1) == before
        (tmp_path / "chibo_vi.qm").write_bytes(b"")
        assert QCoreApplication.translate("PreviewDialog", "{count} page(s)", None, 1) == before
    finally:
        switch.use("en")


def test_translations_keep_every_placeholder() -> None:
    broken = [
        source
        for _c, source, tr in messages()
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text_of(tr)))
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


def _chibo(*args: str, config: Path) -> subprocess.CompletedProcess[str]:
    """``chibo *args`` in a process of its own, with the user's settings in *config* (as platformdirs finds them)."""
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root), "XDG_CONFIG_HOME": str(config)}
    return subprocess.run(
        [sys.executable, "-m", "chibo_desktop", *args], capture_output=True, text=True, env=env, cwd=root, check=False
    )


def test_the_commands_speak_the_language_last_chosen_in_the_window(
    qtbot: QtBot, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """English chosen in the window's Language menu: ``chibo`` answers in English too, unless ``--lang vi``."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    config = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    missing = str(tmp_path / "nope.sqlite")
    assert "Không có tệp dữ liệu" in _chibo("stats", "--db", missing, config=config).stderr  # nothing chosen yet

    switch = LanguageSwitch()
    switch.use("vi")
    settings = QSettings(str(Paths.default().settings), QSettings.Format.IniFormat)  # where the app keeps them
    application = Application(app, services, settings, switch)
    window = application.open_window()
    qtbot.addWidget(window)
    choose_menu(window, "Ngôn ngữ", "English")
    assert application.window is not None
    qtbot.addWidget(application.window)

    assert _chibo("stats", "--db", missing, config=config).stderr.startswith("There is no database at ")
    roster = str(tmp_path / "r.xlsx")
    exported = _chibo("members", "export", "--db", services.db.name, "--out", roster, config=config)
    assert exported.returncode == 0 and exported.stdout.startswith("Exported 0 members to "), exported.stderr
    assert "Không có tệp dữ liệu" in _chibo("--lang", "vi", "stats", "--db", missing, config=config).stderr
    application.tasks.wait()
    application.languages.use("en")


def test_switching_language_stays_on_the_tab_in_view(qtbot: QtBot, services: Services, tmp_path: Path) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    switch = LanguageSwitch()
    switch.use("vi")
    application = Application(app, services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), switch)
    window = application.open_window()
    qtbot.addWidget(window)
    click_tab(window.tabs, "Đảng phí")
    choose_menu(window, "Ngôn ngữ", "English")
    english = application.window
    assert english is not None and english is not window
    qtbot.addWidget(english)
    assert english.tabs.tabText(english.tabs.currentIndex()) == "Party dues"
    assert english.tabs.currentWidget().isVisible()
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


TEXT_SETTERS = {
    "setText", "setWindowTitle", "setPlaceholderText", "setToolTip", "setStatusTip", "addTab", "setTabText", "addMenu",
    "setLabelText", "showMessage", "setHorizontalHeaderLabels", "setVerticalHeaderLabels", "setSpecialValueText",
    "setSuffix", "setPrefix", "addButton", "setTitle", "setInformativeText", "addItem", "addItems", "setHeaderLabels",
    "information", "warning", "critical", "question", "about", "QLabel", "QPushButton", "QAction", "QCheckBox",
    "QRadioButton", "QGroupBox", "QToolBar", "QProgressDialog", "QMessageBox",
}  # fmt: skip
NOT_WORDS = re.compile(r"^(</?\w+/?>|[\w.-]+\.(xlsx|pdf|csv|sqlite)|[A-Z0-9-]+|[\w-]*-)$")  # markup, file names, codes


def _untranslated(node: ast.AST) -> list[str]:
    """String literals with letters in an argument, unless the argument goes through tr()/translate()."""
    for inner in ast.walk(node):
        if isinstance(inner, ast.Call):
            name = inner.func.attr if isinstance(inner.func, ast.Attribute) else getattr(inner.func, "id", "")
            if name in ("tr", "translate", "QT_TRANSLATE_NOOP", "render"):
                return []
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        texts = [node.value]
    elif isinstance(node, ast.JoinedStr):
        texts = [v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
    elif isinstance(node, ast.List | ast.Tuple):
        return [text for element in node.elts for text in _untranslated(element)]
    else:
        texts = []
    return [t for t in texts if any(c.isalpha() for c in t) and not NOT_WORDS.match(t.strip())]


def _bare_texts(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        receiver = func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else ""
        if name in TEXT_SETTERS and receiver != "log":
            found += [(node.lineno, text) for arg in node.args for text in _untranslated(arg)]
    return found


def test_every_visible_text_goes_through_the_translator() -> None:
    """A literal handed straight to a label, button, title or message box would stay English (or Vietnamese) in
    both languages; lupdate never sees it."""
    root = Path(__file__).resolve().parents[2] / "chibo_desktop"
    found = [
        f"{path.name}:{line}: {text!r}"
        for path in [*(root / "ui").rglob("*.py"), root / "app.py"]
        for line, text in _bare_texts(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert found == []


def test_the_visible_text_check_sees_a_bare_literal() -> None:
    sample = ast.parse('label.setText("Save the member")\nlabel.setText(self.tr("Save"))\nQLabel(f"Total {n}")')
    assert [text for _line, text in _bare_texts(sample)] == ["Save the member", "Total "]
