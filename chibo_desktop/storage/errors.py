"""What can go wrong with the file itself (full disk, read-only folder, locked, vanished, damaged), said in
words the user can act on. Every write is one transaction, so when one of these is raised the file still
holds its last committed state."""

import errno
import sqlite3

from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message

DISK_FULL = QT_TRANSLATE_NOOP(
    "Storage",
    "The disk holding the data file {path} is full, so the change was not saved. Nothing already saved was lost. "
    "Free some space (empty the recycle bin, move old files away) and try again.",
)
READ_ONLY = QT_TRANSLATE_NOOP(
    "Storage",
    "The data file {path} or its folder cannot be written to (it is read-only), so the change was not saved. "
    "Nothing already saved was lost. Ask whoever manages this computer to allow writing there, or move the data "
    "to a folder you can write to.",
)
LOCKED = QT_TRANSLATE_NOOP(
    "Storage",
    "The data file {path} is busy in another program, so the change was not saved. Nothing already saved was "
    "lost. Close other copies of the app or other programs using the file, then try again.",
)
IO_ERROR = QT_TRANSLATE_NOOP(
    "Storage",
    "The computer could not read or write the data file {path} (the disk or drive did not answer). The change was "
    "not saved; nothing already saved was lost. Check that the drive is connected, then try again.",
)
CANNOT_OPEN = QT_TRANSLATE_NOOP(
    "Storage",
    "The data file {path} could not be opened: the folder is missing or cannot be written to. Check that the "
    "drive is connected and that you may write in that folder.",
)
DAMAGED = QT_TRANSLATE_NOOP(
    "Storage",
    "The data file {path} is damaged. Do not keep working in it: restore the newest good backup "
    "(File → Restore from a backup).",
)
CHECKING = QT_TRANSLATE_NOOP(
    "Storage",
    "The data file {path} is still being checked for damage (a large file takes a few seconds after the app "
    "opens), so the change was not saved yet. Nothing was lost; try again in a moment.",
)
VANISHED = QT_TRANSLATE_NOOP(
    "Storage",
    "The data file {path} is no longer where it was (it was moved, deleted or its drive was removed), so the "
    "change was not saved. Put the file back, or restore the newest backup, then start the app again.",
)

NETWORK_PLACE = QT_TRANSLATE_NOOP(
    "Storage",
    "The data file {path} is on a network drive. The branch's records must be kept on this computer's own disk "
    "(a network can drop halfway through a save and damage them). Keep them in the usual place "
    "(%LOCALAPPDATA%\\chibo-desktop) and copy backups to the network or a USB stick instead.",
)
CLOUD_PLACE = QT_TRANSLATE_NOOP(
    "Storage",
    "The data file {path} is in a folder that OneDrive, Google Drive or Dropbox keeps in sync. Those programs copy "
    "the file while it is being saved and can bring back an older or a conflicting copy. Keep the records in the "
    "usual place (%LOCALAPPDATA%\\chibo-desktop), outside the synced folder; a backup may go there.",
)
REMOVABLE_PLACE = QT_TRANSLATE_NOOP(
    "Storage",
    "The data file {path} is on a USB stick or another removable drive. Pulling it out while the app saves would "
    "damage the records. Keep them on this computer's own disk (the usual place is %LOCALAPPDATA%\\chibo-desktop) "
    "and use File → Back up to a USB stick to carry a copy.",
)
NEWER_FILE = QT_TRANSLATE_NOOP(
    "Storage",
    "The data file {path} was made by a newer version of the app ({version}). This version cannot read it and has "
    "changed nothing. Install chibo-desktop {version} or newer, then open the file again.",
)
# A committee's database on a PostgreSQL server ({path} is its address, without the password)
SERVER_UNREACHABLE = QT_TRANSLATE_NOOP(
    "Storage",
    "The database server {path} did not answer or refused the login, so nothing was read or saved. Check that the "
    "server is running and reachable from this computer, and that the user name, password and database name are "
    "right (ask the server's administrator), then try again.",
)
NO_DRIVER = QT_TRANSLATE_NOOP(
    "Storage",
    "This installation cannot reach a PostgreSQL database ({path}): its driver is missing. Install the app with "
    'its PostgreSQL part (pip install "chibo-desktop[postgresql]"), or open a data file instead.',
)
BAD_ADDRESS = QT_TRANSLATE_NOOP(
    "Storage",
    "“{path}” is not a database address. Write it as postgresql://user@host/database (or give a data file).",
)
NOT_A_FILE = QT_TRANSLATE_NOOP(
    "Storage",
    "The records are kept in the PostgreSQL database {path}, not in a data file, so this step (which copies, "
    "checks or replaces a file) does not apply. The server's administrator backs it up and restores it with "
    "pg_dump and pg_restore; “chibo backup” writes such a dump.",
)

_PATTERNS = (
    ("disk is full", DISK_FULL),
    ("readonly", READ_ONLY),
    ("read-only", READ_ONLY),
    ("database is locked", LOCKED),
    ("database table is locked", LOCKED),
    ("disk i/o error", IO_ERROR),
    ("unable to open database file", CANNOT_OPEN),
    ("file is not a database", DAMAGED),
    ("malformed", DAMAGED),
)


class StorageError(UserError):
    """The file could not be used as asked; ``kind`` is the message text, for tests and logs."""

    def __init__(self, kind: str, path: object, **args: object) -> None:
        super().__init__(Message("Storage", kind, {"path": str(path), **args}))
        self.kind = kind


def classify(error: BaseException) -> str | None:
    """The message for a SQLite or OS error about the file, or None when it is something else (a bug)."""
    text = str(error).lower()
    if isinstance(error, OSError) and not isinstance(error, sqlite3.Error):
        if getattr(error, "winerror", None) in (32, 33):  # Windows: another program has the file open
            return LOCKED
        if error.errno == errno.ENOSPC:
            return DISK_FULL
        if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return READ_ONLY
        if error.errno == errno.ENOENT:
            return VANISHED
        return IO_ERROR
    for pattern, kind in _PATTERNS:
        if pattern in text:
            return kind
    return None
