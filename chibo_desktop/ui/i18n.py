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
    """Swaps the app's one translator: ``use("vi")`` or ``use("en")``. The translator installed is the same for
    every switch (a class attribute), so a switch made later replaces, never stacks on, one made earlier."""

    _installed: QTranslator | None = None

    def __init__(self) -> None:
        self.language = "en"

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
            if translator.load(str(i18n_dir() / "chibo_en.qm")):
                app.installTranslator(translator)
                LanguageSwitch._installed = translator
            return True
        if not translator.load(str(i18n_dir() / f"chibo_{language}.qm")):
            return False
        app.installTranslator(translator)
        LanguageSwitch._installed = translator
        self.language = language
        QLocale.setDefault(VIETNAMESE)
        return True
