"""Translations for code that runs without Qt (the command line), read from the same Linguist files.

The GUI loads the compiled ``.qm`` through ``QTranslator``; scripts and the CLI read the ``.ts`` source with
the standard library, so both speak the same words.
"""

import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

from chibo_desktop.resources import i18n_dir

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
LANGUAGE_KEY = "language"
"""The key of the language the user chose in the window, in its settings file (``Paths.settings``)."""


def saved_language(settings: Path) -> str:
    """The language the user chose in the window, as the window saved it in *settings* (Qt's INI format: the key
    under ``[General]``), or the default language when none is saved or the file cannot be read. The command line
    reads it without Qt, so that it speaks as the window does."""
    from configparser import ConfigParser, Error  # a few milliseconds, for the commands that have no --lang

    parser = ConfigParser(delimiters=("=",), interpolation=None, strict=False)
    try:
        parser.read(settings, encoding="utf-8")
    except (Error, OSError, UnicodeDecodeError):
        return DEFAULT_LANGUAGE
    value = parser.get("General", LANGUAGE_KEY, fallback="").strip().strip('"')
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


@cache
def _load(language: str) -> dict[tuple[str, str], str]:
    if language == "en":
        return {}
    path = i18n_dir() / f"chibo_{language}.ts"
    if not path.exists():
        return {}
    table: dict[tuple[str, str], str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if translation.text:
                table[(name, source)] = translation.text
    return table


class Catalog:
    """``catalog(context, text)`` gives the translation of *text*, or *text* itself when there is none."""

    def __init__(self, language: str = DEFAULT_LANGUAGE) -> None:
        self.language = language if language in LANGUAGES else DEFAULT_LANGUAGE
        self._table = _load(self.language)

    def __call__(self, context: str, text: str) -> str:
        return self._table.get((context, text), text)

    def translate(self, context: str, text: str) -> str:
        """The same as calling the catalogue; this spelling is the one ``lupdate`` recognises."""
        return self(context, text)
