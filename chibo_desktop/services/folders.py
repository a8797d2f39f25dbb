"""A folder the user picked (a USB stick, a second drive) must be there before anything is written to it."""

from pathlib import Path

from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message


def require_folder(folder: Path) -> None:
    if not folder.is_dir():
        raise UserError(
            Message(
                "Folder",
                QT_TRANSLATE_NOOP(
                    "Folder", "The folder {folder} does not exist. Plug in the drive or choose another folder."
                ),
                {"folder": str(folder)},
            )
        )
