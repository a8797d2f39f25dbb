"""User errors: bad input the user can correct, kept apart from bugs.

A ``UserError`` carries translatable messages; the UI shows them in the user's language, the CLI prints
them. Anything that is not a ``UserError`` is a bug and goes to the crash hook.
"""

from chibo_desktop.domain.i18n import Message


class UserError(Exception):
    """Something the user can correct. ``field_errors`` maps a form field name to its message."""

    def __init__(self, message: Message, field_errors: dict[str, Message] | None = None) -> None:
        super().__init__(message.render())
        self.message = message
        self.field_errors: dict[str, Message] = dict(field_errors or {})
