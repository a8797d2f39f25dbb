"""A committee's records on a PostgreSQL server: its backup through ``pg_dump``, and the move of a data file's
records onto the server, checked record by record.

The server's backups are its administrator's (README, "A province's committee on PostgreSQL"); ``chibo backup``
writes the same dump ``pg_dump --format=custom`` writes, which ``pg_restore`` reads back.
"""

import logging
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Table, delete, func, insert, select, text
from sqlalchemy.exc import DBAPIError

from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, messages
from chibo_desktop.storage import audit_schema
from chibo_desktop.storage.db import Database
from chibo_desktop.storage.models import Base

log = logging.getLogger(__name__)
_msg = messages("Server")
CHUNK = 2000


def dump(database: Database, target: Path, tool: str = "pg_dump") -> Path:
    """The whole server database in ``pg_dump``'s custom format at *target* (written beside it, then renamed)."""
    found = shutil.which(tool)
    if found is None:
        raise UserError(
            _msg(
                QT_TRANSLATE_NOOP(
                    "Server",
                    "pg_dump, PostgreSQL's backup program, is not installed on this computer, so no backup was "
                    "written. Install the PostgreSQL client programs (on Debian: apt-get install postgresql-client; "
                    "on Windows: the PostgreSQL installer's command line tools) or ask the server's administrator.",
                )
            )
        )
    part = target.with_name(target.name + ".part")
    url = database.engine.url.set(drivername="postgresql")
    result = subprocess.run(
        [found, "--format=custom", "--no-owner", f"--file={part}", f"--dbname={url.render_as_string(False)}"],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0 or not part.exists():
        part.unlink(missing_ok=True)
        reason = (result.stderr.strip().splitlines() or ["?"])[-1]
        log.warning("pg_dump failed: %s", reason)
        raise UserError(
            _msg(
                QT_TRANSLATE_NOOP("Server", "pg_dump could not back up {name}: {reason}. No backup was written."),
                name=database.name,
                reason=reason,
            )
        )
    part.replace(target)
    return target


@dataclass(frozen=True)
class Moved:
    tables: int
    rows: int
    counts: dict[str, int]


def _tables() -> list[Table]:
    return list(Base.metadata.sorted_tables)  # parents before children


def _key(table: Table) -> list[Any]:
    return list(table.primary_key.columns) or list(table.columns)


def _rows(conn: Any, table: Table) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in conn.execute(select(table).order_by(*_key(table)))]


def move(source: Database, target: Database, report: Callable[[str, int], None] | None = None) -> Moved:
    """Copy every record of the data file *source* (at the newest schema) into the empty server database *target*
    (at the newest schema, set up by nobody), keeping every id, then read each table back and compare it with the
    file record by record. All of it is one transaction on the server: on any difference nothing stays there.

    The audit log is copied as it is: the triggers are off while the records go in, so moving writes no history
    of its own."""
    if not target.server:
        raise UserError(_msg(QT_TRANSLATE_NOOP("Server", "The target must be a postgresql:// address.")))
    with target.engine.connect() as check:
        if check.execute(select(func.count()).select_from(Base.metadata.tables["org_unit"])).scalar_one():
            raise UserError(
                _msg(
                    QT_TRANSLATE_NOOP(
                        "Server",
                        "{name} already holds a committee's or a branch's records, so nothing was copied. Move "
                        "into a new, empty database (ask the server's administrator to create one).",
                    ),
                    name=target.name,
                )
            )
    counts: dict[str, int] = {}
    tables = _tables()
    with source.engine.connect() as src, target.engine.begin() as dst:
        for table in tables:
            if table.name in audit_schema.AUDITED:
                dst.execute(text(f"ALTER TABLE {table.name} DISABLE TRIGGER USER"))
        for table in reversed(tables):  # what the migrations seeded (rules, the lock's row, their log)
            dst.execute(delete(table))
        for table in tables:
            rows = _rows(src, table)
            names = [column.name for column in table.columns]
            for start in range(0, len(rows), CHUNK):
                chunk = [dict(zip(names, row, strict=True)) for row in rows[start : start + CHUNK]]
                try:
                    dst.execute(insert(table), chunk)
                except DBAPIError as error:
                    raise _refused(table.name, error) from None
            counts[table.name] = len(rows)
            if report is not None:
                report(table.name, len(rows))
            if "id" in table.columns and rows:
                dst.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), (SELECT max(id) FROM {table.name}))"
                    )
                )
        for table in tables:
            if table.name in audit_schema.AUDITED:
                dst.execute(text(f"ALTER TABLE {table.name} ENABLE TRIGGER USER"))
        for table in tables:  # record by record, as the server now holds them
            theirs, ours = _rows(dst, table), _rows(src, table)
            if theirs != ours:
                first = next((i for i, (a, b) in enumerate(zip(theirs, ours, strict=False)) if a != b), len(ours))
                raise UserError(
                    _msg(
                        QT_TRANSLATE_NOOP(
                            "Server",
                            "The copy of table {table} on the server differs from the file (from record {number} "
                            "on), so nothing was kept on the server. Report this to whoever supports the app.",
                        ),
                        table=table.name,
                        number=first + 1,
                    )
                )
    return Moved(len(tables), sum(counts.values()), counts)


def _refused(table: str, error: DBAPIError) -> UserError:
    reason = str(error.orig).splitlines()[0] if error.orig is not None else str(error)
    log.warning("moving table %s to the server failed: %s", table, reason)
    return UserError(
        _msg(
            QT_TRANSLATE_NOOP(
                "Server",
                "The server refused the records of table {table} ({reason}), so nothing was kept on the server. "
                "Run “chibo check” on the file, correct what it names, and try again.",
            ),
            table=table,
            reason=reason,
        )
    )
