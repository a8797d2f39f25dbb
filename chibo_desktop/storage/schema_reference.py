"""Is a database file from elsewhere built exactly as the app's own migrations build it?

A backup is plain SQLite: whoever had it could add a trigger that rewrites members on every insert, drop a CHECK,
or plant a view, and a restore would carry it into the live file, where the app's own writes would fire it. So
before a file replaces anything, every table, index, trigger and view in it (as SQLite stores their ``CREATE``
statements) is compared with a reference: an empty file migrated to the same revision, built once per revision
and kept for the life of the process. Nothing extra and nothing missing, or the file is refused.
"""

import logging
import re
import sqlite3
import tempfile
import threading
from contextlib import closing
from pathlib import Path

from chibo_desktop.storage.database_copies import open_untrusted
from chibo_desktop.storage.db import Database

log = logging.getLogger(__name__)

Objects = dict[tuple[str, str], str]  # (type, name) → its CREATE statement, spaces collapsed


def objects(conn: sqlite3.Connection) -> Objects:
    """The schema of *conn*: SQLite's own objects (``sqlite_sequence``, statistics, automatic indexes that follow
    from a table's UNIQUE constraints) are left out; they hold no code and follow from the rest."""
    rows = conn.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite!_%' ESCAPE '!'")
    return {(str(kind), str(name)): re.sub(r"\s+", " ", str(sql or "")).strip() for kind, name, sql in rows}


_built: dict[str, Objects] = {}
_building = threading.Lock()  # alembic's op and context are process-wide: one migration at a time


def reference(revision: str) -> Objects:
    """The schema the app's migrations give an empty file at *revision* (one of ``Database.known_revisions()``),
    built once per process (the backups listed in the background may ask from two threads at once)."""
    with _building:
        if revision not in _built:
            _built[revision] = _build(revision)
        return _built[revision]


def _build(revision: str) -> Objects:
    with tempfile.TemporaryDirectory(prefix="chibo-reference-") as folder:
        path = Path(folder) / "reference.sqlite"
        database = Database(path)
        try:
            database.upgrade(revision)
        finally:
            database.close()
        with closing(sqlite3.connect(path)) as conn:
            found = objects(conn)
    log.info("built the reference schema of revision %s (%d objects)", revision, len(found))
    return found


def differences(conn: sqlite3.Connection, revision: str) -> tuple[str, ...]:
    """How the schema of *conn* differs from the app's at *revision*, one line per object (its kind and name,
    never any data); empty when they are the same."""
    theirs, ours = objects(conn), reference(revision)
    lines = [f"extra {kind} {name}" for kind, name in sorted(theirs.keys() - ours.keys())]
    lines += [f"missing {kind} {name}" for kind, name in sorted(ours.keys() - theirs.keys())]
    lines += [
        f"altered {kind} {name}"
        for kind, name in sorted(theirs.keys() & ours.keys())
        if theirs[kind, name] != ours[kind, name]
    ]
    return tuple(lines)


def compare_file(path: Path, revision: str) -> tuple[str, ...]:
    """:func:`differences` for the file at *path*, opened read-only with its schema untrusted."""
    try:
        with closing(open_untrusted(path)) as conn:
            return differences(conn, revision)
    except sqlite3.Error as error:
        return (str(error),)
