"""Installing the interface language and translating messages from the Qt-free layers."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from chibo_desktop.domain.i18n import Message
from chibo_desktop.resources import i18n_dir

VIETNAMESE = QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def screen_language() -> str:
    """The interface language, as the language switch set Qt's default locale: "vi" or "en"."""
    return "vi" if QLocale().language() == QLocale.Language.Vietnamese else "en"


def render(message: Message) -> str:
    """A domain message in the interface language, with its placeholders filled (numbers as that language writes
    them)."""
    return message.render(translate, screen_language())


class LanguageSwitch:
    """Swaps the app's one translator: ``use("vi")`` or ``use("en")``. The translator installed is the same for
    every switch (a class attribute), so a switch made later replaces, never stacks on, one made earlier.

    A catalogue is read into memory, not mapped from its file: a translator reads its file as it was mapped, so a
    file replaced under a running app (an upgrade, a rebuilt catalogue) left it reading another file's offsets (half
    its words in English, or a crash in the middle of painting a table). The bytes stay referenced here for as long
    as any translator made from them lives (Qt does not copy them)."""

    _installed: QTranslator | None = None
    _catalogues: dict[Path, bytes] = {}  # shared by every switch: each file read once

    def __init__(self, folder: Path | None = None) -> None:
        self.language = "en"
        self._folder = folder or i18n_dir()

    def _load(self, translator: QTranslator, name: str) -> bool:
        path = self._folder / name
        data = LanguageSwitch._catalogues.get(path)
        if data is None:
            try:
                data = path.read_bytes()
            except OSError:
                return False
            LanguageSwitch._catalogues[path] = data
        return translator.load(data)

    def use(self, language: str) -> bool:
        app = QCoreApplication.instance()
        assert app is not None
        if LanguageSwitch._installed is not None:
            app.removeTranslator(LanguageSwitch._installed)
            LanguageSwitch._installed = None
        self.language = "en"
        translator = QTranslator(app)
        if language == "en":  # the code's own strings, with only their plural forms translated ("1 page", "2 pages")
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
            if self._load(translator, "chibo_en.qm"):
                app.installTranslator(translator)
                LanguageSwitch._installed = translator
            return True
        if not self._load(translator, f"chibo_{language}.qm"):
            return False
        app.installTranslator(translator)
        LanguageSwitch._installed = translator
        self.language = language
        QLocale.setDefault(VIETNAMESE)
        return True
