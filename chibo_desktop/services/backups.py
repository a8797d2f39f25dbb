"""Keeping the data: automatic backups in a rotation, a copy to a folder the user picks, and restoring one.

Restoring replaces the file the app has open, so it is a function on paths rather than a method of the
services bound to that file: the caller closes the database, restores, and opens it again.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from chibo_desktop.domain.clock import Clock
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, messages
from chibo_desktop.domain.retention import Retention
from chibo_desktop.domain.text import slug
from chibo_desktop.services.folders import require_folder
from chibo_desktop.storage import database_copies
from chibo_desktop.storage.database_copies import BackupInfo, Check, CopyCancelledError
from chibo_desktop.storage.db import Database, open_database
from chibo_desktop.storage.errors import DAMAGED, StorageError, classify

log = logging.getLogger(__name__)
T = TypeVar("T")

__all__ = ["BackupInfo", "BackupService", "Check", "CopyCancelledError", "Restored", "check", "inspect", "restore"]


_msg = messages("Backup")


def _copy(action: Callable[[], T], target: Path) -> T:
    """Run a copy, turning a full, read-only or vanished target into a message the user can act on."""
    try:
        return action()
    except OSError as error:
        kind = classify(error)
        if kind is None:
            raise
        raise StorageError(kind, target) from error


def copy_to(source: Path, target: Path, report: Callable[[int], bool] | None = None) -> Path:
    """A backup of *source* written whole to *target*, then read back and checked. *report(percent)* follows
    the copy; when it returns False the copy stops (``CopyCancelledError``) and nothing is left behind."""
    if not database_copies.check_file(source).ok:
        raise UserError(
            _msg(
                QT_TRANSLATE_NOOP(
                    "Backup", "{path} is damaged; a copy of it would be no backup. Restore a backup instead."
                ),
                path=str(source),
            )
        )
    _copy(lambda: database_copies.backup_file(source, target, report), target)
    if not database_copies.check_file(target).ok:
        raise UserError(
            _msg(
                QT_TRANSLATE_NOOP(
                    "Backup",
                    "The copy written to {path} could not be read back whole. The drive may be failing: "
                    "use another drive and keep this one out of use.",
                ),
                path=str(target),
            )
        )
    return target


def check(path: Path, full: bool = False) -> Check:
    return database_copies.check_file(path, full)


def inspect(path: Path) -> BackupInfo:
    return database_copies.inspect(path)


class BackupService:
    def __init__(
        self, db: Database, folder: Path, clock: Clock | None = None, retention: Retention | None = None
    ) -> None:
        """*folder* holds the automatic backups (and the copies kept before a migration or a restore); their
        names and the rotation follow *clock* (the database's by default)."""
        self._db = db
        self.folder = folder
        self._now = (clock or db.clock).now
        self._retention = retention or Retention()

    def backup_now(self) -> Path:
        """An automatic backup, then the rotation (7 daily, 4 weekly, 12 monthly)."""
        path = _copy(
            lambda: database_copies.take_auto_backup(self._db.path, self.folder, self._now(), self._retention),
            self.folder,
        )
        log.info("automatic backup written to %s", path)
        return path

    def backup_if_due(self) -> Path | None:
        """An automatic backup when there is none yet today."""
        found = database_copies.auto_backups(self.folder) if self.folder.exists() else []
        if found and found[0][0].date() == self._now().date():
            return None
        return self.backup_now()

    def backup_to(self, folder: Path, branch_name: str, report: Callable[[int], bool] | None = None) -> Path:
        """A copy in a folder the user chose (a second drive, a USB stick), read back and checked."""
        require_folder(folder)
        target = (
            folder / f"chibo-{slug(branch_name)}-{self._now().strftime(database_copies.STAMP)}{database_copies.SUFFIX}"
        )
        copy_to(self._db.path, target, report)
        log.info("backup copied to %s", target)
        return target

    def backups(self) -> list[BackupInfo]:
        """Every backup in the backup folder (automatic and the ones kept before a migration or a restore),
        newest first."""
        if not self.folder.exists():
            return []
        found = [database_copies.inspect(path) for path in self.folder.glob(f"*{database_copies.SUFFIX}")]
        return sorted(found, key=lambda info: info.taken_at, reverse=True)


def newest_good(folder: Path) -> BackupInfo | None:
    """The newest backup in *folder* that passes the checks, for a start-up that found the file damaged."""
    if not folder.exists():
        return None
    candidates = sorted(folder.glob(f"*{database_copies.SUFFIX}"), key=database_copies.taken_at, reverse=True)
    for path in candidates:  # newest first; each is checked only when the newer ones failed
        info = database_copies.inspect(path)
        if info.check.ok and info.revision is not None:
            return info
    return None


@dataclass(frozen=True)
class Restored:
    info: BackupInfo
    kept: Path | None  # where the file that was replaced is now


def restore(source: Path, live: Path, folder: Path, clock: Clock) -> Restored:
    """Replace the (closed) database at *live* with the backup *source*, after keeping the current file in
    *folder*; the restored file is then brought to the current schema and checked."""
    info = database_copies.inspect(source)
    if not info.check.ok or info.revision is None:
        raise UserError(
            _msg(
                QT_TRANSLATE_NOOP(
                    "Backup",
                    "{path} is not a sound backup of this app ({problem}). Nothing was changed; choose another backup.",
                ),
                path=str(source),
                problem=(info.check.problems or ("no data",))[0],
            )
        )
    if info.revision not in Database.known_revisions():
        raise UserError(
            _msg(
                QT_TRANSLATE_NOOP(
                    "Backup",
                    "{path} was made by a newer version of the app. Nothing was changed; update the app first.",
                ),
                path=str(source),
            )
        )
    if live.resolve() == source.resolve():
        raise UserError(_msg(QT_TRANSLATE_NOOP("Backup", "That is the data file itself, not a backup of it.")))
    kept = _copy(lambda: database_copies.restore_file(source, live, folder, clock.now()), live)
    open_database(live, folder, clock).close()  # an older backup is migrated now, after its own copy is kept
    if not database_copies.check_file(live).ok:
        raise StorageError(DAMAGED, live)
    return Restored(info, kept)
