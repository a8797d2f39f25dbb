"""Copies of the live database through SQLite's backup API (a file copy would miss what is still in the WAL),
the automatic rotation, checking a file before trusting it, and restoring one."""

import logging
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from chibo_desktop.domain.retention import Retention
from chibo_desktop.files import replace_atomically

log = logging.getLogger(__name__)

AUTO_PREFIX = "chibo-auto-"
STAMP = "%Y%m%d-%H%M%S"
SUFFIX = ".sqlite"


def open_untrusted(path: Path) -> sqlite3.Connection:
    """Read-only, with the schema untrusted and every cell's size checked: for files we did not just write."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    for pragma in ("trusted_schema=OFF", "cell_size_check=ON", "mmap_size=0"):
        conn.execute(f"PRAGMA {pragma}")
    return conn


class CopyCancelledError(Exception):
    """The user cancelled a copy; nothing was written (the partial file is removed)."""


def backup_file(source: Path, destination: Path, report: Callable[[int], bool] | None = None) -> Path:
    """Write a consistent copy of *source* to *destination*, flushed to disk and renamed into place.

    With *report*, it is called with the percentage copied so far and the copy stops (``CopyCancelledError``)
    when it returns False."""
    destination.parent.mkdir(parents=True, exist_ok=True)

    def progress(_status: int, remaining: int, total: int) -> None:
        if report is not None and not report(100 * (total - remaining) // max(total, 1)):
            raise CopyCancelledError()

    def write(temporary: Path) -> None:
        temporary.unlink(missing_ok=True)
        source_conn = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        with closing(source_conn) as src, closing(sqlite3.connect(temporary)) as dst:
            if report is None:
                src.backup(dst)
            else:
                src.backup(dst, pages=256, progress=progress)
            dst.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file

    return replace_atomically(destination, write)


def remove_stray_parts(folder: Path, suffixes: tuple[str, ...] = (SUFFIX,)) -> int:
    """Remove what a copy killed halfway left in *folder*: the ``….sqlite.part`` of
    :func:`~chibo_desktop.files.replace_atomically` and SQLite's journal beside it. Called only by whoever is
    about to write backups there (the app holding the database's lock, or a backup to that folder), so none of
    them is being written. Returns how many files were removed."""
    removed = 0
    if not folder.is_dir():
        return 0
    for path in [found for suffix in suffixes for found in folder.glob(f"*{suffix}.part*")]:
        if path.name.endswith((".part", ".part-journal", ".part-wal", ".part-shm")):
            try:
                path.unlink()
                removed += 1
            except OSError as error:
                log.warning("could not remove a stray temporary file in %s: %s", folder, error.strerror)
    if removed:
        log.info("removed %d temporary files left by an interrupted copy in %s", removed, folder)
    return removed


def backup_before_migration(source: Path, backup_dir: Path, revision: str | None, now: datetime) -> Path:
    stamp = now.strftime(STAMP)
    name = f"{source.stem}-before-migration-{revision or 'empty'}-{stamp}{SUFFIX}"
    return backup_file(source, backup_dir / name)


# --- checking -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Check:
    """What SQLite found wrong with a file; empty when it is sound. The lines name pages, tables and row ids,
    never the data in them."""

    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_file(path: Path, full: bool = False) -> Check:
    """``quick_check`` (or the slower ``integrity_check``) and ``foreign_key_check`` on *path*, read-only."""
    if not path.is_file():
        return Check(("the file does not exist",))
    try:
        with closing(open_untrusted(path)) as conn:
            pragma = "integrity_check" if full else "quick_check"
            found = [str(row[0]) for row in conn.execute(f"PRAGMA {pragma}")]
            problems = [line for line in found if line != "ok"]
            for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check"):
                problems.append(f"{table} row {rowid}: refers to a missing row of {parent}")
            return Check(tuple(problems))
    except sqlite3.DatabaseError as error:
        return Check((str(error),))


# --- what a backup holds ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    branch: str | None
    members: int
    meetings: int
    loans: int
    revision: str | None
    check: Check
    branch_uuid: str | None = None
    altered: tuple[str, ...] = ()  # how its schema differs from the app's own at its revision (see schema_reference)

    @property
    def restorable(self) -> bool:
        """Sound, made by this app (a revision it knows was checked by the caller), built as the app builds it."""
        return self.check.ok and self.revision is not None and not self.altered


def taken_at(path: Path) -> datetime:
    """The time in the file's name when it has one, else the time the file was last written."""
    tail = path.stem[-len("20260101-000000") :]
    try:
        return datetime.strptime(tail, STAMP)
    except ValueError:
        return datetime.fromtimestamp(path.stat().st_mtime)


def _count(conn: sqlite3.Connection, sql: str) -> int:
    try:
        return int(conn.execute(sql).fetchone()[0])
    except sqlite3.Error:
        return 0


def inspect(path: Path) -> BackupInfo:
    """Date, branch and counts of a backup, for the user to look at before restoring it."""
    check = check_file(path)
    branch = branch_uuid = revision = None
    members = meetings = loans = 0
    if check.ok:
        with closing(open_untrusted(path)) as conn:
            try:
                row = conn.execute("SELECT name, uuid FROM org_unit WHERE is_self = 1").fetchone()
                if row:
                    branch, branch_uuid = (None if value is None else str(value) for value in row)
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = str(row[0]) if row and row[0] is not None else None
            except sqlite3.Error:
                pass
            own = "org_unit_id IN (SELECT id FROM org_unit WHERE is_self = 1)"
            members = _count(conn, f"SELECT count(*) FROM member WHERE {own}")
            meetings = _count(conn, "SELECT count(*) FROM meeting")
            loans = _count(conn, "SELECT count(*) FROM loan")
    return BackupInfo(path, taken_at(path), branch, members, meetings, loans, revision, check, branch_uuid)


# --- the automatic rotation ---------------------------------------------------------------------------------


def auto_backups(folder: Path) -> list[tuple[datetime, Path]]:
    """The automatic backups in *folder*, newest first."""
    found = []
    for path in folder.glob(f"{AUTO_PREFIX}*{SUFFIX}"):
        try:
            found.append((datetime.strptime(path.stem.removeprefix(AUTO_PREFIX), STAMP), path))
        except ValueError:
            continue
    return sorted(found, reverse=True)


def take_auto_backup(source: Path, folder: Path, now: datetime, retention: Retention | None = None) -> Path:
    """A backup named by *now*, then the rotation: older automatic backups outside *retention* are removed."""
    made = backup_file(source, folder / f"{AUTO_PREFIX}{now.strftime(STAMP)}{SUFFIX}")
    found = auto_backups(folder)
    keep = (retention or Retention()).keep(stamp for stamp, _path in found)
    for stamp, path in found:
        if stamp not in keep:
            path.unlink(missing_ok=True)
    return made


# --- restoring ----------------------------------------------------------------------------------------------


def _companions(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def restore_file(backup: Path, live: Path, backups: Path, now: datetime) -> Path | None:
    """Make *live* hold what *backup* holds. The current file is first kept: copied to *backups* when it is
    sound, moved aside whole (with its WAL) when it is damaged. Returns where the current file was kept.

    The copy goes through the backup API into the live file, so a crash halfway leaves the old file whole.
    The caller has closed every connection to *live* and has checked *backup*.
    """
    kept: Path | None = None
    stamp = now.strftime(STAMP)
    if live.exists():
        if check_file(live).ok:
            kept = backup_file(live, backups / f"{live.stem}-before-restore-{stamp}{SUFFIX}")
        else:
            backups.mkdir(parents=True, exist_ok=True)
            kept = backups / f"{live.stem}-damaged-{stamp}{SUFFIX}"
            for part, aside in zip(_companions(live), _companions(kept), strict=True):
                if part.exists():
                    part.replace(aside)
    with closing(open_untrusted(backup)) as src, closing(sqlite3.connect(live)) as dst:
        src.backup(dst)
    log.info("restored %s from %s; the previous file is kept as %s", live, backup, kept)
    return kept
