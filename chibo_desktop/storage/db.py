"""Opening the database: a SQLite file (a branch, the default) or a PostgreSQL server (a province's committee,
``postgresql://user@host/dbname``); pragmas, transactions, migrations.

Python 3.11's sqlite3 opens transactions on its own and breaks SAVEPOINT and transactional DDL; we switch
that off and emit BEGIN ourselves (BEGIN IMMEDIATE for writers, so a second writer waits instead of
failing halfway). Foreign keys are enforced, the journal is WAL and every commit is synced.

On PostgreSQL several operators write at once: who writes, and when, travel to the audit triggers as settings
local to the transaction (``chibo.actor``, ``chibo.at``) instead of the one ``audit_actor`` row, whose lock
would otherwise make every writer wait for every other.
"""

import getpass
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker

from chibo_desktop import __version__
from chibo_desktop.domain.clock import Clock
from chibo_desktop.storage.database_copies import backup_before_migration
from chibo_desktop.storage.errors import (
    BAD_ADDRESS,
    CHECKING,
    CLOUD_PLACE,
    NETWORK_PLACE,
    NEWER_FILE,
    NO_DRIVER,
    NOT_A_FILE,
    REMOVABLE_PLACE,
    SERVER_UNREACHABLE,
    VANISHED,
    StorageError,
    classify,
)
from chibo_desktop.storage.location import Unsafe, check_location, is_server
from chibo_desktop.storage.plain import MIGRATIONS, opens_without_writing, revisions, version_number

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

__all__ = ["Database", "Session", "is_server", "moment", "open_database", "opens_without_writing", "version_number"]


def server_url(location: str) -> str:
    """The SQLAlchemy URL of a ``postgresql://`` location, through psycopg 3."""
    rest = location.split("://", 1)[1]
    return f"postgresql+psycopg://{rest}"


def shown(location: str) -> str:
    """A server location as it may be shown or logged: without its password."""
    return make_url(server_url(location)).render_as_string(hide_password=True).replace("+psycopg", "", 1)


def _make_server_engine(location: str) -> Engine:
    try:
        engine = create_engine(server_url(location), hide_parameters=True, pool_pre_ping=True)
    except ModuleNotFoundError:
        raise StorageError(NO_DRIVER, shown(location)) from None
    except ArgumentError:
        raise StorageError(BAD_ADDRESS, location) from None

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        with dbapi_conn.cursor() as cursor:  # one clock for the audit log whatever the server's time zone
            cursor.execute("SET TIME ZONE 'UTC'")
        dbapi_conn.commit()

    return engine


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


def _alembic_config(connection: Any = None) -> "Config":
    from alembic.config import Config

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
def _plain_errors(path: object) -> Iterator[None]:
    """SQLite's and the disk's errors about the file, and a server that does not answer, become a StorageError
    the user can act on."""
    try:
        yield
    except (DBAPIError, OSError) as error:
        cause: BaseException = error.orig if isinstance(error, DBAPIError) and error.orig is not None else error
        server = isinstance(path, str)
        kind = _server_kind(error) if server else classify(cause)
        if kind is None:
            raise
        log.warning("storage error on the data file: %s", cause)
        raise StorageError(kind, path) from error


def _server_kind(error: BaseException) -> str | None:
    """A PostgreSQL server that cannot be reached or refuses the login; anything else is a bug."""
    if isinstance(error, DBAPIError) and error.connection_invalidated:
        return SERVER_UNREACHABLE
    name = type(getattr(error, "orig", None) or error).__name__
    return SERVER_UNREACHABLE if name in ("OperationalError", "InterfaceError") else None


class Database:
    """One SQLite file, or one PostgreSQL database. ``read()`` and ``write()`` give sessions whose transaction
    ends with the block."""

    def __init__(
        self, location: Path | str, busy_ms: int = 10_000, actor: str | None = None, clock: Clock | None = None
    ) -> None:
        """*location* is the SQLite file's path or a ``postgresql://user@host/dbname`` address. *actor* names
        whoever writes through this object, for the audit log (the computer's user name if not given). *clock*
        stamps every write (the system clock if not given: the composition roots and the tests pass theirs)."""
        self.server = is_server(location)
        self._path = None if self.server else Path(location)
        self.location = location
        self.name = shown(str(location)) if self.server else str(location)
        self.actor = actor or _login_name()
        self.clock = clock or Clock.system()
        self.engine = _make_server_engine(str(location)) if self.server else _make_engine(Path(location), busy_ms)
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(self.engine.execution_options(immediate=True), expire_on_commit=False)
        self.writes_held = False

    def hold_writes(self) -> None:
        """Refuse every write (a clear message, nothing written) until :meth:`release_writes`: the file is opened
        before its check for damage has finished, and a damaged file must not be written to."""
        self.writes_held = True

    def release_writes(self) -> None:
        self.writes_held = False

    @property
    def path(self) -> Path:
        """The SQLite file. A PostgreSQL database has none: what works on the file as a whole (a copy, a restore,
        the file's check) says so in words instead."""
        if self._path is None:
            raise StorageError(NOT_A_FILE, self.name)
        return self._path

    @property
    def _where(self) -> object:
        """What an error names: the file's path, or the server's address as a str (which marks it a server)."""
        return self.name if self.server else self._path

    @contextmanager
    def read(self) -> Iterator[Session]:
        with _plain_errors(self._where), self._read() as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction: all of it is committed at the end of the block, or none of it on an error.

        A file that vanished under an open connection would take the writes with it (on Linux the inode lives
        on until closed), so its presence is checked first."""
        if self.writes_held:
            raise StorageError(CHECKING, self._where)
        if self._path is not None and not self._path.exists():
            raise StorageError(VANISHED, self._path)
        now = self.clock.now()
        stamp = {"name": self.actor, "at": now.isoformat(timespec="seconds")}
        with _plain_errors(self._where), self._write() as session, session.begin():
            session.info[_MOMENT] = now
            if self.server:
                session.execute(
                    text("SELECT set_config('chibo.actor', :name, true), set_config('chibo.at', :at, true)"), stamp
                )
            else:
                session.execute(text("UPDATE audit_actor SET name = :name, at = :at WHERE id = 1"), stamp)
            yield session

    def current_revision(self) -> str | None:
        """The schema version, read with one raw query (Alembic is loaded only when it must migrate)."""
        with _plain_errors(self._where), self.engine.connect() as conn:
            try:
                return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            except (OperationalError, ProgrammingError):  # no such table: a new, empty database
                return None

    @staticmethod
    def head_revision() -> str | None:
        return revisions()[0]

    @staticmethod
    def known_revisions() -> set[str]:
        """Every schema version this app can open (and bring up to date)."""
        return set(revisions()[1])

    def upgrade(self, revision: str = "head") -> None:
        from alembic import command

        with self.engine.begin() as conn:
            command.upgrade(_alembic_config(conn), revision)

    def written_by(self) -> int:
        """The newest app version that opened this file (0 before versions were recorded). PostgreSQL keeps it
        in the table ``app_written_by`` (made by the migration that brought PostgreSQL, on PostgreSQL only)."""
        with self.engine.connect() as conn:
            if self.server:
                found = conn.exec_driver_sql("SELECT to_regclass('app_written_by') IS NOT NULL").scalar_one()
                if not found:
                    return 0
                return int(conn.exec_driver_sql("SELECT coalesce(max(number), 0) FROM app_written_by").scalar_one())
            return int(conn.exec_driver_sql("PRAGMA user_version").scalar_one())

    def mark_written_by(self, number: int) -> None:
        with self.engine.begin() as conn:
            if self.server:
                conn.exec_driver_sql("DELETE FROM app_written_by")
                conn.exec_driver_sql(f"INSERT INTO app_written_by (number) VALUES ({int(number)})")
            else:
                conn.exec_driver_sql(f"PRAGMA user_version = {int(number)}")

    def close(self) -> None:
        self.engine.dispose()


_MOMENT = "chibo.moment"
_PLACES = {Unsafe.NETWORK: NETWORK_PLACE, Unsafe.CLOUD: CLOUD_PLACE, Unsafe.REMOVABLE: REMOVABLE_PLACE}


def moment(session: Session) -> datetime:
    """When the write transaction of *session* began, by the database's clock: every row it stamps (created,
    updated, recorded, imported, and the audit log) carries this one moment."""
    return session.info[_MOMENT]  # type: ignore[no-any-return]


def version_text(number: int) -> str:
    return f"{number // 1_000_000}.{number // 1_000 % 1_000}.{number % 1_000}"


def open_database(path: Path | str, backup_dir: Path | None = None, clock: Clock | None = None) -> Database:
    """Open (or create) the database at *path* and bring its schema to the newest version.

    A file on a network drive, in a synced cloud folder or on a removable drive is refused before anything touches
    it; so is a file made by a newer version of the app (which this one cannot read), with that version's number.
    When a migration is pending on a file that already holds data, the file is first copied to *backup_dir*
    through the backup API, so a failed or unwanted migration never costs the user their records.

    *path* may be a ``postgresql://`` address instead: the database must exist (its administrator makes it); the
    migrations run in one transaction, so a failed one leaves it as it was (its backups are the DBA's: pg_dump).
    """
    if isinstance(path, str):
        if not is_server(path):
            return open_database(Path(path), backup_dir, clock)
        return _open_server(path, clock)
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


def _open_server(location: str, clock: Clock | None) -> Database:
    database = Database(location, clock=clock)
    try:
        current = database.current_revision()
        if current is not None and current not in database.known_revisions():
            written_by = database.written_by()
            raise StorageError(NEWER_FILE, database.name, version=version_text(written_by) if written_by else "?")
        if current != database.head_revision():
            log.info("migrating %s from %s to %s", database.name, current, database.head_revision())
            with _plain_errors(database.name):
                database.upgrade()
        ours = version_number(__version__)
        if database.written_by() < ours:
            database.mark_written_by(ours)
    except BaseException:
        database.close()
        raise
    return database
