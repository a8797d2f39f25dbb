"""Marking user-visible text in layers that cannot import Qt.

``QT_TRANSLATE_NOOP(context, text)`` returns *text* unchanged; Qt's ``lupdate`` finds the call by its
name and puts the string into ``i18n/*.ts``. The UI translates it with
``QCoreApplication.translate(context, text)``; the command line through
:mod:`chibo_desktop.catalog`. Placeholders use ``str.format`` names: ``{field}``.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from chibo_desktop.domain.formatting import DOCUMENTS, Number

Translate = Callable[[str, str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class Message:
    """A translatable message with its context and its ``str.format`` arguments. An argument that is itself a
    message is rendered in the same language (a refusal naming what was wrong)."""

    context: str
    text: str
    args: dict[str, Any] = field(default_factory=dict)

    def render(self, translate: Translate | None = None, language: str = DOCUMENTS) -> str:
        """The message translated by *translate*, its :class:`Number` arguments written as *language* writes
        numbers (the language *translate* gives: the window's ``render`` and the command line pass both)."""
        source = translate(self.context, self.text) if translate else self.text
        args = {k: _argument(v, translate, language) for k, v in self.args.items()}
        return source.format(**args)


def _argument(value: Any, translate: Translate | None, language: str) -> Any:
    if isinstance(value, Message):
        return value.render(translate, language)
    if isinstance(value, Number):
        return value.written(language)
    return value


def messages(context: str) -> Callable[..., Message]:
    """Messages of one translation context: ``_msg = messages("Fund")``, then
    ``_msg(QT_TRANSLATE_NOOP("Fund", "… {amount} …"), amount=…)``. lupdate reads the context from the
    ``QT_TRANSLATE_NOOP`` beside each text, so the two must name the same one."""

    def message(text: str, **args: object) -> Message:
        return Message(context, text, dict(args))

    return message
