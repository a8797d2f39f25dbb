"""Copies of the live database through SQLite's backup API (a file copy would miss what is still in the WAL),
the automatic rotation, checking a file before trusting it, and restoring one."""

import json
import logging
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from chibo_desktop.domain.retention import Retention
from chibo_desktop.domain.text import name_sort_key
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
    latest_meeting: date | None = None  # the day of its newest meeting
    last_change: datetime | None = None  # its newest change in the audit log, by the app's clock
    # a copy locked with a passphrase that the app wrote elsewhere (a USB stick): what it held is what the app
    # recorded when writing it; it is opened, checked and compared again before it replaces anything
    locked: bool = False

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


def _value(conn: sqlite3.Connection, sql: str) -> str | None:
    try:
        row = conn.execute(sql).fetchone()
    except sqlite3.Error:
        return None
    return None if row is None or row[0] is None else str(row[0])


def _day(text: str | None) -> date | None:
    try:
        return None if text is None else date.fromisoformat(text[:10])
    except ValueError:
        return None


def _moment(text: str | None) -> datetime | None:
    try:
        return None if text is None else datetime.fromisoformat(text)
    except ValueError:
        return None


def _contents(conn: sqlite3.Connection, path: Path, check: Check) -> BackupInfo:
    """What the file open on *conn* holds. Members are counted in every unit (a committee keeps its branches'),
    so that the counts say what a restore would bring back or take away."""
    branch = branch_uuid = None
    try:
        row = conn.execute("SELECT name, uuid FROM org_unit WHERE is_self = 1").fetchone()
        if row:
            branch, branch_uuid = (None if value is None else str(value) for value in row)
    except sqlite3.Error:
        pass
    return BackupInfo(
        path,
        taken_at(path),
        branch,
        _count(conn, "SELECT count(*) FROM member"),
        _count(conn, "SELECT count(*) FROM meeting"),
        _count(conn, "SELECT count(*) FROM loan"),
        _value(conn, "SELECT version_num FROM alembic_version"),
        check,
        branch_uuid,
        latest_meeting=_day(_value(conn, 'SELECT max("on") FROM meeting')),
        # the newest row, not the latest time: the rows the first migrations wrote bear SQLite's clock
        last_change=_moment(_value(conn, "SELECT at FROM audit_log ORDER BY id DESC LIMIT 1")),
    )


def inspect(path: Path) -> BackupInfo:
    """Date, branch and counts of a backup, for the user to look at before restoring it."""
    check = check_file(path)
    if not check.ok:
        return BackupInfo(path, taken_at(path), None, 0, 0, 0, None, check)
    with closing(open_untrusted(path)) as conn:
        return _contents(conn, path, check)


@contextmanager
def _reading(path: Path) -> Iterator[sqlite3.Connection]:
    """:func:`open_untrusted` holding one read transaction: one consistent view of a file another connection of
    the app may be writing (the data open now)."""
    with closing(open_untrusted(path)) as conn:
        conn.isolation_level = None
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            conn.execute("ROLLBACK")


def contents(path: Path) -> BackupInfo:
    """What *path* holds, without checking it for damage first: the data open now (checked at start), or a copy
    just written and checked."""
    with _reading(path) as conn:
        return _contents(conn, path, Check(()))


# --- what a restore would take away -------------------------------------------------------------------------


@dataclass(frozen=True)
class Loss:
    """What the data open now holds that a backup does not: what would no longer show after restoring it.

    Members, meetings and loans are told apart by their UUIDs (kept from one copy to the next), so a member added
    since the backup counts even when another left the list. ``exact`` is False for a locked copy not yet opened:
    the counts are then the differences from what the app recorded when writing it, without names."""

    members: int = 0
    meetings: int = 0
    loans: int = 0
    names: tuple[str, ...] = ()  # the members', in Vietnamese name order
    meeting_days: tuple[date, ...] = ()  # in order
    borrowers: tuple[str, ...] = ()
    changed_since: datetime | None = None  # set when the data open now was changed after the backup's newest change
    latest_change: datetime | None = None  # the newest change of the data open now
    exact: bool = True

    @property
    def anything(self) -> bool:
        return bool(self.members or self.meetings or self.loans or self.changed_since)


def _changes_after(backup: BackupInfo, now: BackupInfo) -> tuple[datetime | None, datetime | None]:
    if now.last_change is None:
        return None, None
    since = backup.last_change or backup.taken_at
    return (since if now.last_change > since else None), now.last_change


def counted_loss(backup: BackupInfo, now: BackupInfo) -> Loss:
    """The loss told from the counts alone, for a copy whose records cannot be read yet (locked)."""
    since, latest = _changes_after(backup, now)
    return Loss(
        members=max(0, now.members - backup.members),
        meetings=max(0, now.meetings - backup.meetings),
        loans=max(0, now.loans - backup.loans),
        changed_since=since,
        latest_change=latest,
        exact=False,
    )


def _keys(conn: sqlite3.Connection, sql: str) -> dict[str, tuple[object, ...]]:
    try:
        return {str(row[0]): tuple(row[1:]) for row in conn.execute(sql)}
    except sqlite3.Error:
        return {}


_RECORDS = {
    "members": "SELECT uuid, full_name FROM member",
    "meetings": 'SELECT uuid, "on" FROM meeting',
    "loans": "SELECT uuid, borrower FROM loan",
}


@dataclass(frozen=True)
class Present:
    """The data open now, read once to be compared with every backup: what it holds, and its members, meetings and
    loans by UUID (with the name or day that says which)."""

    info: BackupInfo
    records: dict[str, dict[str, tuple[object, ...]]]


def present(live: Path) -> Present:
    with _reading(live) as conn:
        return Present(_contents(conn, live, Check(())), {kind: _keys(conn, sql) for kind, sql in _RECORDS.items()})


def loss(backup: BackupInfo, now: Present) -> Loss:
    """What restoring the (sound) *backup* over the data open *now* would take away."""
    with closing(open_untrusted(backup.path)) as conn:
        kept = {kind: set(_keys(conn, sql)) for kind, sql in _RECORDS.items()}
    gone = {kind: [v for k, v in now.records[kind].items() if k not in kept[kind]] for kind in _RECORDS}
    since, latest = _changes_after(backup, now.info)
    days = (_day(None if text is None else str(text)) for (text,) in gone["meetings"])
    return Loss(
        members=len(gone["members"]),
        meetings=len(gone["meetings"]),
        loans=len(gone["loans"]),
        names=tuple(sorted((str(name) for (name,) in gone["members"]), key=name_sort_key)),
        meeting_days=tuple(sorted(day for day in days if day is not None)),
        borrowers=tuple(sorted((str(name) for (name,) in gone["loans"]), key=name_sort_key)),
        changed_since=since,
        latest_change=latest,
    )


# --- copies written elsewhere (a USB stick), remembered -----------------------------------------------------

ELSEWHERE = "copies-elsewhere.json"  # in the backup folder
REMEMBERED = 30


def remember_copy(folder: Path, copy: Path, held: BackupInfo) -> None:
    """Note in *folder* (the backup folder) that *copy* was written elsewhere, holding what *held* says, so the
    restore window can offer it while it is still there (a locked copy cannot be read without its passphrase)."""
    record = {
        "path": str(copy.resolve()),
        "size": copy.stat().st_size,
        "taken_at": held.taken_at.isoformat(timespec="seconds"),
        "branch": held.branch,
        "branch_uuid": held.branch_uuid,
        "members": held.members,
        "meetings": held.meetings,
        "loans": held.loans,
        "revision": held.revision,
        "latest_meeting": held.latest_meeting.isoformat() if held.latest_meeting else None,
        "last_change": held.last_change.isoformat(timespec="seconds") if held.last_change else None,
    }
    kept = [entry for entry in _records(folder) if entry.get("path") != record["path"]]
    kept = [record, *kept][:REMEMBERED]
    folder.mkdir(parents=True, exist_ok=True)
    replace_atomically(
        folder / ELSEWHERE, lambda part: part.write_text(json.dumps(kept, ensure_ascii=False, indent=1), "utf-8")
    )


def _records(folder: Path) -> list[dict[str, Any]]:
    try:
        found = json.loads((folder / ELSEWHERE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError) as error:
        log.info("the list of copies written elsewhere could not be read (%s): it starts again", type(error).__name__)
        return []
    return [entry for entry in found if isinstance(entry, dict)] if isinstance(found, list) else []


def remembered_copies(folder: Path) -> list[BackupInfo]:
    """The copies written elsewhere that are still where they were written, as the app recorded them (a copy whose
    size changed is another file now, and left out)."""
    found = []
    for entry in _records(folder):
        try:
            path = Path(entry["path"])
            if not path.is_file() or path.stat().st_size != entry["size"]:
                continue
            found.append(
                BackupInfo(
                    path,
                    datetime.fromisoformat(entry["taken_at"]),
                    entry.get("branch"),
                    int(entry["members"]),
                    int(entry["meetings"]),
                    int(entry["loans"]),
                    entry.get("revision"),
                    Check(()),
                    entry.get("branch_uuid"),
                    latest_meeting=_day(entry.get("latest_meeting")),
                    last_change=_moment(entry.get("last_change")),
                    locked=True,
                )
            )
        except (KeyError, TypeError, ValueError, OSError):
            continue
    return found


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
