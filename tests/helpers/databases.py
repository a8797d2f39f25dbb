"""Fresh databases without running every migration each time: one file is migrated per test run and copied.

Migrating an empty file through all the revisions takes over a second (several under wine); a copy of a file
already at the newest schema is the same file, byte for byte, in a tenth of that.

With ``CHIBO_TEST_PG=postgresql://user@host:port/postgres`` (a role that may create databases) the storage,
exchange, stats and report tests run a second time on PostgreSQL: one database is migrated per run and each test
gets its own copy of it (``CREATE DATABASE … TEMPLATE``), dropped afterwards.
"""

import itertools
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from chibo_desktop.storage.db import Database, open_database, server_url
from tests.helpers.days import CLOCK

SERVER = os.environ.get("CHIBO_TEST_PG", "")
_template: list[Path] = []
_server_template: list[str] = []
_numbers = itertools.count()


def migrated_copy(path: Path) -> Path:
    """Put a database at the newest schema (and nothing else in it) at *path*; returns *path*."""
    if not _template:
        folder = Path(tempfile.mkdtemp(prefix="chibo-template-"))
        open_database(folder / "template.sqlite", clock=CLOCK).close()
        _template.append(folder / "template.sqlite")
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(_template[0], path)
    return path


def _admin(statement: str) -> None:
    engine = create_engine(server_url(SERVER), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql(statement)
    finally:
        engine.dispose()


def _named(name: str) -> str:
    return make_url(SERVER).set(database=name).render_as_string(hide_password=False)


def server_copy() -> str:
    """A new PostgreSQL database at the newest schema (and nothing else in it); returns its address."""
    prefix = f"chibo_test_{os.getpid()}"
    if not _server_template:
        template = f"{prefix}_template"
        _admin(f"DROP DATABASE IF EXISTS {template} WITH (FORCE)")
        _admin(f"CREATE DATABASE {template} ENCODING 'UTF8' TEMPLATE template0")
        open_database(_named(template), clock=CLOCK).close()
        _server_template.append(template)
    name = f"{prefix}_{next(_numbers)}"
    _admin(f"CREATE DATABASE {name} TEMPLATE {_server_template[0]}")
    return _named(name)


def drop_server(location: str) -> None:
    _admin(f"DROP DATABASE IF EXISTS {make_url(location).database} WITH (FORCE)")


def drop_server_template() -> None:
    if _server_template:
        _admin(f"DROP DATABASE IF EXISTS {_server_template.pop()} WITH (FORCE)")


class _Cursor:
    def __init__(self, rows: list[tuple[Any, ...]]) -> None:
        self._rows = rows

    def fetchone(self) -> tuple[Any, ...] | None:
        return self._rows[0] if self._rows else None

    def fetchall(self) -> list[tuple[Any, ...]]:
        return self._rows

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return iter(self._rows)


class Rows:
    """A test's look at the rows themselves, on either database, in the sqlite3 module's manner (``?`` marks)."""

    def __init__(self, conn: Any, server: bool) -> None:
        self._conn, self._server = conn, server

    def execute(self, sql: str, params: Sequence[Any] = ()) -> _Cursor:
        if self._server:
            sql = sql.replace("?", "%s")
        result = self._conn.exec_driver_sql(sql, tuple(params)) if params else self._conn.exec_driver_sql(sql)
        return _Cursor([tuple(row) for row in result] if result.returns_rows else [])


@contextmanager
def connect(db: Database) -> Iterator[Rows]:
    """Read (or write, committed at the end of the block) the rows of *db* as a test sees them."""
    with db.engine.begin() as conn:
        yield Rows(conn, db.server)
