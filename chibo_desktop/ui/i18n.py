"""Installing the interface language and translating messages from the Qt-free layers."""

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from chibo_desktop.domain.i18n import Message
from chibo_desktop.resources import i18n_dir

VIETNAMESE = QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def render(message: Message) -> str:
    """A domain message in the interface language, with its placeholders filled."""
    return message.render(translate)


class LanguageSwitch:
    """Owns the installed translator; ``use("vi")`` or ``use("en")`` swaps it."""

    def __init__(self) -> None:
        self._translator: QTranslator | None = None
        self.language = "en"

    def use(self, language: str) -> bool:
        app = QCoreApplication.instance()
        assert app is not None
        if self._translator is not None:
            app.removeTranslator(self._translator)
            self._translator = None
        self.language = "en"
        if language == "en":
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
            return True
        translator = QTranslator(app)
        if not translator.load(str(i18n_dir() / f"chibo_{language}.qm")):
            return False
        app.installTranslator(translator)
        self._translator = translator
        self.language = language
        QLocale.setDefault(VIETNAMESE)
        return True
