"""Keeping the data: automatic backups in a rotation, a copy to a folder the user picks, and restoring one.

Restoring replaces the file the app has open, so it is a function on paths rather than a method of the
services bound to that file: the caller closes the database, restores, and opens it again.
"""

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from chibo_desktop.domain.clock import Clock
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, messages
from chibo_desktop.domain.retention import Retention
from chibo_desktop.domain.text import slug
from chibo_desktop.services.folders import require_folder
from chibo_desktop.storage import database_copies
from chibo_desktop.storage.database_copies import BackupInfo, Check, CopyCancelledError, Loss
from chibo_desktop.storage.errors import DAMAGED, StorageError, classify

if TYPE_CHECKING:  # the check at start and the tidying need no SQLAlchemy: the window's first screen comes before it
    from chibo_desktop.storage.db import Database

log = logging.getLogger(__name__)
T = TypeVar("T")

__all__ = [
    "BackupInfo",
    "BackupService",
    "Check",
    "Choice",
    "CopyCancelledError",
    "Listing",
    "Loss",
    "Origin",
    "OtherBranchError",
    "PassphraseNeededError",
    "Restored",
    "check",
    "inspect",
    "other_branch",
    "restore",
]


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
        raise _unreadable(target)
    return target


SEALED_SUFFIX = ".chibo-backup"
STAGING = "staging"  # under the backup folder: plain copies on their way to or from a stick, removed after use


def staging(folder: Path) -> Path:
    return folder / STAGING


def _phase(report: Callable[[int], bool] | None, start: int, end: int) -> Callable[[int], bool] | None:
    """*report* for one step of a longer job, the step's 0–100 % mapped onto start–end %."""
    if report is None:
        return None
    return lambda percent: report(start + (end - start) * percent // 100)


def seal_to(
    source: Path, target: Path, passphrase: str, folder: Path, report: Callable[[int], bool] | None = None
) -> Path:
    """A copy of the live database *source* locked with *passphrase*, written whole to *target* (a stick) and read
    back. The plain copy is made and checked in the staging folder under *folder* (the local backup folder, never
    the stick) and removed afterwards. *report(percent)*: as :func:`copy_to`."""
    from chibo_desktop import sealed

    sealed.check_passphrase(passphrase)
    work = staging(folder)
    plain = work / f"{target.name}.sqlite"
    try:
        copy_to(source, plain, _phase(report, 0, 40))
        held = database_copies.contents(plain)
        expected = sealed.file_digest(plain)
        _copy(lambda: sealed.seal_file(plain, target, passphrase, _phase(report, 40, 80)), target)
        try:
            read_back = sealed.unsealed_digest(target, passphrase, _phase(report, 80, 100))
        except UserError:
            read_back = b""
        if read_back != expected:
            target.unlink(missing_ok=True)  # a copy that does not read back is no backup
            raise _unreadable(target)
    except sealed.SealCancelledError:
        target.unlink(missing_ok=True)
        raise CopyCancelledError() from None
    finally:
        plain.unlink(missing_ok=True)
    try:
        database_copies.remember_copy(folder, target, replace(held, taken_at=database_copies.taken_at(target)))
    except OSError as error:  # the copy is there and sound; only the restore window will not offer it by itself
        log.warning("could not note the copy written to %s: %s", target.parent, error.strerror)
    return target


def _unreadable(target: Path) -> UserError:
    return UserError(
        _msg(
            QT_TRANSLATE_NOOP(
                "Backup",
                "The copy written to {path} could not be read back whole. The drive may be failing: "
                "use another drive and keep this one out of use.",
            ),
            path=str(target),
        )
    )


def unseal(source: Path, passphrase: str, folder: Path, report: Callable[[int], bool] | None = None) -> Path:
    """The plain copy of the locked backup *source*, in the staging folder under *folder*, for looking at and
    restoring; the caller removes it (and a start removes any left over)."""
    from chibo_desktop import sealed

    plain = staging(folder) / f"{source.stem}{database_copies.SUFFIX}"
    plain.parent.mkdir(parents=True, exist_ok=True)
    try:
        _copy(lambda: sealed.unseal_file(source, plain, passphrase, report), plain)
    except sealed.SealCancelledError:
        raise CopyCancelledError() from None
    written = source.stat()
    os.utime(plain, (written.st_atime, written.st_mtime))  # "taken at" of a name without a stamp: the stick's file
    return plain


def remove_stray_copies(folder: Path) -> int:
    """Before a copy to *folder* (a stick): remove what an interrupted copy to it left."""
    return database_copies.remove_stray_parts(folder, (database_copies.SUFFIX, SEALED_SUFFIX))


def is_sealed(path: Path) -> bool:
    from chibo_desktop import sealed

    return sealed.is_sealed(path)


def check(path: Path, full: bool = False) -> Check:
    return database_copies.check_file(path, full)


def inspect(path: Path) -> BackupInfo:
    """What *path* holds, whether it is sound, and whether it is built exactly as this app builds a file of its
    revision (``altered`` says where it is not)."""
    from chibo_desktop.storage import schema_reference
    from chibo_desktop.storage.db import Database

    info = database_copies.inspect(path)
    if info.check.ok and info.revision in Database.known_revisions():
        altered = schema_reference.compare_file(path, info.revision)
        if altered:
            log.warning(
                "%s differs from the app's schema of revision %s: %s", path, info.revision, "; ".join(altered[:5])
            )
        info = replace(info, altered=altered)
    return info


def other_branch(info: BackupInfo, live_branch_uuid: str | None) -> bool:
    """Whether *info* holds another branch's records than the database whose branch is *live_branch_uuid*
    (a database not yet set up, or a backup without a branch, is nobody's)."""
    return bool(info.branch_uuid and live_branch_uuid and info.branch_uuid != live_branch_uuid)


class OtherBranchError(UserError):
    """The backup holds another branch's records; restoring it needs the user's say-so."""

    def __init__(self, path: Path, theirs: str, ours: str) -> None:
        super().__init__(
            _msg(
                QT_TRANSLATE_NOOP(
                    "Backup",
                    "{path} is a backup of “{theirs}”, not of “{ours}” whose data is here now. Nothing was changed.",
                ),
                path=str(path),
                theirs=theirs,
                ours=ours,
            )
        )
        self.theirs, self.ours = theirs, ours


class Origin(StrEnum):
    """Where a backup comes from, as the restore window names it."""

    AUTOMATIC = "automatic"  # the daily copy, and the one taken when the app closes
    BEFORE_MIGRATION = "before_migration"
    BEFORE_RESTORE = "before_restore"
    DAMAGED = "damaged"  # a damaged data file moved aside
    ELSEWHERE = "elsewhere"  # written by the app to a USB stick or another folder (locked), and remembered
    PICKED = "picked"  # a file the user chose


def origin_of(info: BackupInfo) -> Origin:
    if info.locked:
        return Origin.ELSEWHERE
    name = info.path.name
    if name.startswith(database_copies.AUTO_PREFIX):
        return Origin.AUTOMATIC
    for marker, origin in (
        ("-before-migration-", Origin.BEFORE_MIGRATION),
        ("-before-restore-", Origin.BEFORE_RESTORE),
        ("-damaged-", Origin.DAMAGED),
    ):
        if marker in name:
            return origin
    return Origin.PICKED


@dataclass(frozen=True)
class Choice:
    """A backup offered for restoring: what it holds, where it comes from, and what restoring it would take away
    from the data open now (None when that cannot be told: a copy that cannot be restored, or no data open)."""

    info: BackupInfo
    origin: Origin
    loss: Loss | None


@dataclass(frozen=True)
class Listing:
    """The restore window's list: what the data open now holds, and the backups newest first."""

    now: BackupInfo | None
    choices: list[Choice]


class BackupService:
    def __init__(
        self, db: "Database", folder: Path, clock: Clock | None = None, retention: Retention | None = None
    ) -> None:
        """*folder* holds the automatic backups (and the copies kept before a migration or a restore); their
        names and the rotation follow *clock* (the database's by default)."""
        self._db = db
        self.folder = folder
        self._now = (clock or db.clock).now
        self._retention = retention or Retention()

    def backup_now(self) -> Path:
        """An automatic backup, then the rotation (7 daily, 4 weekly, 12 monthly)."""
        database_copies.remove_stray_parts(self.folder)
        path = _copy(
            lambda: database_copies.take_auto_backup(self._db.path, self.folder, self._now(), self._retention),
            self.folder,
        )
        log.info("automatic backup written to %s", path)
        return path

    def backup_if_due(self) -> Path | None:
        """An automatic backup when there is none yet today. A server's database is backed up by its
        administrator (pg_dump, see :func:`dump`), not copied at every start of the app: None."""
        if self._db.server:
            return None
        found = database_copies.auto_backups(self.folder) if self.folder.exists() else []
        if found and found[0][0].date() == self._now().date():
            return None
        return self.backup_now()

    def backup_to(
        self, folder: Path, branch_name: str, passphrase: str, report: Callable[[int], bool] | None = None
    ) -> Path:
        """A copy in a folder the user chose (a second drive, a USB stick), locked with *passphrase* (it leaves the
        computer: whoever finds the stick must not read the roster), read back and checked."""
        from chibo_desktop import sealed

        sealed.check_passphrase(passphrase)
        require_folder(folder)
        remove_stray_copies(folder)
        target = folder / f"chibo-{slug(branch_name)}-{self._now().strftime(database_copies.STAMP)}{SEALED_SUFFIX}"
        seal_to(self._db.path, target, passphrase, self.folder, report)
        log.info("locked backup copied to %s", target)
        return target

    def backups(self) -> list[BackupInfo]:
        """Every backup in the backup folder (automatic and the ones kept before a migration or a restore),
        newest first."""
        if not self.folder.exists():
            return []
        found = [inspect(path) for path in self.folder.glob(f"*{database_copies.SUFFIX}")]
        return sorted(found, key=lambda info: info.taken_at, reverse=True)

    def listing(self) -> Listing:
        """The backups in the backup folder and the locked copies the app wrote elsewhere that are still there,
        newest first, each with what restoring it would take away from the data open now."""
        now = self._present()
        infos = self.backups() + database_copies.remembered_copies(self.folder)
        infos.sort(key=lambda info: info.taken_at, reverse=True)
        return Listing(None if now is None else now.info, [_choice(info, now, origin_of(info)) for info in infos])

    def choice(self, path: Path, origin: Origin = Origin.PICKED) -> Choice:
        """A backup file (a locked one already opened into the staging folder), checked and compared with the data
        open now."""
        return _choice(inspect(path), self._present(), origin)

    def _present(self) -> database_copies.Present | None:
        """The data open now (None for a server's database, which is not restored from here)."""
        return None if self._db.server else database_copies.present(self._db.path)


def _choice(info: BackupInfo, now: database_copies.Present | None, origin: Origin) -> Choice:
    if now is None or not info.restorable:
        return Choice(info, origin, None)
    if info.locked:
        return Choice(info, origin, database_copies.counted_loss(info, now.info))
    return Choice(info, origin, database_copies.loss(info, now))


def tidy(folder: Path) -> int:
    """At start, with the database's lock held: remove the temporary files of a copy that was interrupted, and
    the plain copies left in the staging folder by a copy to or from a stick."""
    removed = database_copies.remove_stray_parts(folder)
    work = staging(folder)
    if work.is_dir():
        for path in work.iterdir():
            if path.is_file():
                path.unlink(missing_ok=True)
                removed += 1
    return removed


def newest_good(folder: Path) -> BackupInfo | None:
    """The newest backup in *folder* that passes the checks, for a start-up that found the file damaged."""
    if not folder.exists():
        return None
    candidates = sorted(folder.glob(f"*{database_copies.SUFFIX}"), key=database_copies.taken_at, reverse=True)
    from chibo_desktop.storage.db import Database

    for path in candidates:  # newest first; each is checked only when the newer ones failed
        info = inspect(path)
        if info.restorable and info.revision in Database.known_revisions():
            return info
    return None


@dataclass(frozen=True)
class Restored:
    info: BackupInfo
    kept: Path | None  # where the file that was replaced is now


class PassphraseNeededError(UserError):
    """The backup is locked with a passphrase and none (or an empty one) was given."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            _msg(
                QT_TRANSLATE_NOOP(
                    "Backup",
                    "{path} is a locked backup: type the passphrase given when it was written. Nothing was changed.",
                ),
                path=str(path),
            )
        )


def restore(
    source: Path,
    live: Path,
    folder: Path,
    clock: Clock,
    other_branch_ok: bool = False,
    passphrase: str | None = None,
) -> Restored:
    """Replace the (closed) database at *live* with the backup *source*, after keeping the current file in
    *folder*; the restored file is then brought to the current schema and checked.

    A locked backup (from a stick) is opened with *passphrase* into the staging folder first. A backup that is not
    built as the app builds its files is refused; one of another branch than *live* holds raises
    :class:`OtherBranchError` unless *other_branch_ok* (the user was asked)."""
    from chibo_desktop import sealed

    if not sealed.is_sealed(source):
        return _restore(source, live, folder, clock, other_branch_ok)
    if not passphrase:
        raise PassphraseNeededError(source)
    plain = unseal(source, passphrase, folder)
    try:
        return _restore(plain, live, folder, clock, other_branch_ok)
    finally:
        plain.unlink(missing_ok=True)


def _restore(source: Path, live: Path, folder: Path, clock: Clock, other_branch_ok: bool) -> Restored:
    info = inspect(source)
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
    from chibo_desktop.storage.db import Database, open_database

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
    if info.altered:
        raise UserError(
            _msg(
                QT_TRANSLATE_NOOP(
                    "Backup",
                    "{path} is not built the way this app builds its data ({difference}): it may have been altered "
                    "to harm the records. Nothing was changed; choose another backup.",
                ),
                path=str(source),
                difference=", ".join(line.rsplit(" ", 1)[-1] for line in info.altered[:3]),
            )
        )
    if live.resolve() == source.resolve():
        raise UserError(_msg(QT_TRANSLATE_NOOP("Backup", "That is the data file itself, not a backup of it.")))
    if live.exists() and not other_branch_ok:
        current = database_copies.inspect(live)
        if other_branch(info, current.branch_uuid):
            raise OtherBranchError(source, info.branch or "?", current.branch or "?")
    kept = _copy(lambda: database_copies.restore_file(source, live, folder, clock.now()), live)
    open_database(live, folder, clock).close()  # an older backup is migrated now, after its own copy is kept
    if not database_copies.check_file(live).ok:
        raise StorageError(DAMAGED, live)
    return Restored(info, kept)
