"""Opening the SQLite file: pragmas, transactions, migrations.

Python 3.11's sqlite3 opens transactions on its own and breaks SAVEPOINT and transactional DDL; we switch
that off and emit BEGIN ourselves (BEGIN IMMEDIATE for writers, so a second writer waits instead of
failing halfway). Foreign keys are enforced, the journal is WAL and every commit is synced.
"""

import getpass
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from chibo_desktop import __version__
from chibo_desktop.domain.clock import Clock
from chibo_desktop.storage.database_copies import backup_before_migration
from chibo_desktop.storage.errors import (
    CLOUD_PLACE,
    NETWORK_PLACE,
    NEWER_FILE,
    REMOVABLE_PLACE,
    VANISHED,
    StorageError,
    classify,
)
from chibo_desktop.storage.location import Unsafe, check_location

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).parent / "migrations"

__all__ = ["Database", "Session", "moment", "open_database"]


def _make_engine(path: Path, busy_ms: int) -> Engine:
    # hide_parameters: an error's text names the statement, never the values bound to it (members' names and ID
    # numbers would otherwise reach the log file and the terminal)
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": busy_ms / 1000}, hide_parameters=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        # secure_delete: a deleted or overwritten value (a key before it was sealed, a removed member's CCCD) is
        # zeroed in the file, not left in a free page; Debian's SQLite does it by default, Windows Python's does not
        pragmas = (
            "foreign_keys=ON",
            "journal_mode=WAL",
            "synchronous=FULL",
            "secure_delete=ON",
            f"busy_timeout={busy_ms}",
        )
        for pragma in pragmas:
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get("immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _alembic_config(connection: Any = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name in this environment
        return "?"


@contextmanager
def _plain_errors(path: Path) -> Iterator[None]:
    """SQLite's and the disk's errors about the file become a StorageError the user can act on."""
    try:
        yield
    except (DBAPIError, OSError) as error:
        cause: BaseException = error.orig if isinstance(error, DBAPIError) and error.orig is not None else error
        kind = classify(cause)
        if kind is None:
            raise
        log.warning("storage error on the data file: %s", cause)
        raise StorageError(kind, path) from error


class Database:
    """One SQLite file. ``read()`` and ``write()`` give sessions whose transaction ends with the block."""

    def __init__(self, path: Path, busy_ms: int = 10_000, actor: str | None = None, clock: Clock | None = None) -> None:
        """*actor* names whoever writes through this object, for the audit log (the computer's user name if
        not given). *clock* stamps every write (the system clock if not given: the composition roots and the
        tests pass theirs)."""
        self.path = path
        self.actor = actor or _login_name()
        self.clock = clock or Clock.system()
        self.engine = _make_engine(path, busy_ms)
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(self.engine.execution_options(immediate=True), expire_on_commit=False)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with _plain_errors(self.path), self._read() as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction: all of it is committed at the end of the block, or none of it on an error.

        A file that vanished under an open connection would take the writes with it (on Linux the inode lives
        on until closed), so its presence is checked first."""
        if not self.path.exists():
            raise StorageError(VANISHED, self.path)
        now = self.clock.now()
        with _plain_errors(self.path), self._write() as session, session.begin():
            session.info[_MOMENT] = now
            session.execute(
                text("UPDATE audit_actor SET name = :name, at = :at WHERE id = 1"),
                {"name": self.actor, "at": now.isoformat(timespec="seconds")},
            )
            yield session

    def current_revision(self) -> str | None:
        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    @staticmethod
    def head_revision() -> str | None:
        return ScriptDirectory.from_config(_alembic_config()).get_current_head()

    @staticmethod
    def known_revisions() -> set[str]:
        """Every schema version this app can open (and bring up to date)."""
        return {script.revision for script in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}

    def upgrade(self, revision: str = "head") -> None:
        with self.engine.begin() as conn:
            command.upgrade(_alembic_config(conn), revision)

    def written_by(self) -> int:
        """The newest app version that opened this file (0 before versions were recorded)."""
        with self.engine.connect() as conn:
            return int(conn.exec_driver_sql("PRAGMA user_version").scalar_one())

    def mark_written_by(self, number: int) -> None:
        with self.engine.begin() as conn:
            conn.exec_driver_sql(f"PRAGMA user_version = {int(number)}")

    def close(self) -> None:
        self.engine.dispose()


_MOMENT = "chibo.moment"
_PLACES = {Unsafe.NETWORK: NETWORK_PLACE, Unsafe.CLOUD: CLOUD_PLACE, Unsafe.REMOVABLE: REMOVABLE_PLACE}


def moment(session: Session) -> datetime:
    """When the write transaction of *session* began, by the database's clock: every row it stamps (created,
    updated, recorded, imported, and the audit log) carries this one moment."""
    return session.info[_MOMENT]  # type: ignore[no-any-return]


def version_number(version: str) -> int:
    """An app version as the integer SQLite keeps in the file's header (``PRAGMA user_version``): 0.1.0 → 1000."""
    major, minor, patch = (
        int("".join(c for c in part if c.isdigit()) or 0) for part in (version.split(".") + ["0"] * 3)[:3]
    )
    return major * 1_000_000 + minor * 1_000 + patch


def version_text(number: int) -> str:
    return f"{number // 1_000_000}.{number // 1_000 % 1_000}.{number % 1_000}"


def open_database(path: Path, backup_dir: Path | None = None, clock: Clock | None = None) -> Database:
    """Open (or create) the database at *path* and bring its schema to the newest version.

    A file on a network drive, in a synced cloud folder or on a removable drive is refused before anything touches
    it; so is a file made by a newer version of the app (which this one cannot read), with that version's number.
    When a migration is pending on a file that already holds data, the file is first copied to *backup_dir*
    through the backup API, so a failed or unwanted migration never costs the user their records.
    """
    unsafe = check_location(path.parent)
    if unsafe is not None:
        raise StorageError(_PLACES[unsafe], path)
    with _plain_errors(path):
        path.parent.mkdir(parents=True, exist_ok=True)
        existed = path.exists() and path.stat().st_size > 0
        database = Database(path, clock=clock)
        current = database.current_revision()
        if current is not None and current not in database.known_revisions():
            written_by = database.written_by()
            database.close()
            raise StorageError(NEWER_FILE, path, version=version_text(written_by) if written_by else "?")
        head = database.head_revision()
        if current != head:
            if existed and backup_dir is not None:
                copy = backup_before_migration(path, backup_dir, current, database.clock.now())
                log.info("backed up %s to %s before migrating %s → %s", path, copy, current, head)
            database.upgrade()
        ours = version_number(__version__)
        if database.written_by() < ours:
            database.mark_written_by(ours)
        return database
