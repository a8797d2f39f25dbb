"""Reading a SQLite file with the standard library alone, for the paths that must be quick from a cold start (the
first screen, a printed meeting): SQLAlchemy and Alembic cost more to import than the whole of such a command.

Only a file that :func:`opens_without_writing` may be read this way: one whose schema is the code's head and
that this version has opened before. Anything else goes through :func:`chibo_desktop.storage.db.open_database`,
which migrates, backs up and checks. Nothing here writes.
"""

import re
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from functools import cache
from pathlib import Path

from chibo_desktop import __version__

MIGRATIONS = Path(__file__).parent / "migrations"

_REVISION = re.compile(r"^(down_revision|revision)\s*(?::[^=]*)?=\s*(.+?)\s*(?:#.*)?$", re.MULTILINE)


@cache
def revisions() -> tuple[str | None, frozenset[str]]:
    """(head, every revision) of the migrations shipped with the code, read from the migration files' own
    ``revision`` / ``down_revision`` lines: importing Alembic to learn them costs more than a start-up should.
    A chain that is not one line (a merge, a branch point) is left to Alembic itself."""
    found: dict[str, set[str]] = {}
    for script in sorted((MIGRATIONS / "versions").glob("*.py")):
        values: dict[str, str] = {m[1]: m[2] for m in _REVISION.finditer(script.read_text(encoding="utf-8"))}
        revision = values.get("revision", "").strip("'\"")
        down = values.get("down_revision", "None")
        if not revision or not re.fullmatch(r"None|(['\"])[^'\"]+\1", down):
            return alembic_revisions()
        found[revision] = set() if down == "None" else {down.strip("'\"")}
    heads = set(found) - set().union(*found.values()) if found else set()
    if len(heads) != 1:
        return alembic_revisions()
    return heads.pop(), frozenset(found)


def alembic_revisions() -> tuple[str | None, frozenset[str]]:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    scripts = ScriptDirectory.from_config(config)
    return scripts.get_current_head(), frozenset(script.revision for script in scripts.walk_revisions())


def version_number(version: str) -> int:
    """An app version as the integer SQLite keeps in the file's header (``PRAGMA user_version``): 0.1.0 → 1000."""
    major, minor, patch = (
        int("".join(c for c in part if c.isdigit()) or 0) for part in (version.split(".") + ["0"] * 3)[:3]
    )
    return major * 1_000_000 + minor * 1_000 + patch


def opens_without_writing(path: Path) -> bool:
    """True when opening *path* would write nothing to it: its schema is already the code's head and this version
    of the app has opened it before. Read with a plain read-only connection; any doubt is False."""
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            written_by = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except (sqlite3.Error, OSError, ValueError):
        return False
    head = revisions()[0]
    return revision is not None and revision[0] == head and written_by >= version_number(__version__)


def at_head(conn: sqlite3.Connection) -> bool:
    """:func:`opens_without_writing` asked through a connection already open: a reader that goes on to read the
    file opens it once instead of twice (SQLite reads the whole schema at each opening)."""
    try:
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        written_by = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except (sqlite3.Error, ValueError):
        return False
    return revision is not None and revision[0] == revisions()[0] and written_by >= version_number(__version__)


@contextmanager
def reading(path: Path, busy_ms: int = 10_000) -> Iterator[sqlite3.Connection]:
    """A read-only connection to *path* holding one read transaction for the block (one consistent view of the
    file while another process writes). Call only for a file :func:`opens_without_writing` accepted."""
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=busy_ms / 1000)) as conn:
        conn.isolation_level = None
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            conn.execute("ROLLBACK")
