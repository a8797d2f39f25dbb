"""Reading a SQLite file with the standard library alone, for the paths that must be quick from a cold start (the
first screen, a printed meeting): SQLAlchemy and Alembic cost more to import than the whole of such a command.

Only a file that :func:`opens_without_writing` may be read this way: one whose schema is the code's head and
that this version has opened before. Anything else goes through :func:`chibo_desktop.storage.db.open_database`,
which migrates, backs up and checks. Nothing here writes.
"""

import re
import sqlite3
from collections.abc import Callable, Collection, Iterator
from contextlib import closing, contextmanager
from datetime import date
from functools import cache
from pathlib import Path
from typing import TypeVar

from chibo_desktop import __version__
from chibo_desktop.domain.organisation import Hamlet, Level, Organisation, Unit
from chibo_desktop.domain.rules import RuleValue
from chibo_desktop.domain.text import collation_key
from chibo_desktop.storage.location import check_location
from chibo_desktop.storage.stored_values import stored_rules

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


T = TypeVar("T")


def quick_read(path: Path, read: Callable[[sqlite3.Connection], T | None]) -> T | None:
    """*read* on one read-only connection to *path*, when the file may be read the quick way: a local file this
    version has opened at the code's schema, without the app's password (its keys are opened, and maybe sealed, on
    the way in). None otherwise, when *read* gives None, or when SQLite cannot read the file (not a database,
    damaged, held by a writer too long): the usual way then says what it is."""
    if not path.is_file() or check_location(path.resolve().parent) is not None:
        return None
    try:
        with reading(path) as conn:
            if not at_head(conn) or protected(conn):
                return None
            return read(conn)
    except sqlite3.Error:
        return None


def day_of(text: str | None) -> date | None:
    """A stored date (ISO text, or NULL)."""
    return None if text is None else date.fromisoformat(text)


# --- what every quick reader reads (the printed minutes, the first screen) ------------------------------------


def protected(conn: sqlite3.Connection) -> bool:
    """Whether the app has a password (services/access.py): a file without the row is open to all."""
    row = conn.execute("SELECT password_hash FROM app_lock WHERE id = 1").fetchone()
    return row is not None and row[0] is not None


def organisation(conn: sqlite3.Connection) -> Organisation | None:
    branch = conn.execute(
        "SELECT id, uuid, name, kind, parent_id, place_name FROM org_unit WHERE is_self = 1"
    ).fetchone()
    if branch is None:
        return None
    branch_id, uuid, name, kind, parent_id, place_name = branch
    upper = conn.execute("SELECT name FROM org_unit WHERE id = ?", (parent_id,)).fetchone() if parent_id else None
    hamlets = conn.execute(
        "SELECT id, name FROM hamlet WHERE org_unit_id = ? ORDER BY position, id", (branch_id,)
    ).fetchall()
    level = Level.COMMITTEE if kind == Level.COMMITTEE else Level.BRANCH
    units: tuple[Unit, ...] = ()
    if level == Level.COMMITTEE:
        rows = conn.execute("SELECT id, name FROM org_unit WHERE kind = 'branch' AND is_self IS 0").fetchall()
        units = tuple(sorted((Unit(i, n) for i, n in rows), key=lambda u: collation_key(u.name)))
    return Organisation(
        branch_id=branch_id,
        branch_uuid=uuid,
        branch_name=name,
        upper_name=upper[0] if upper else "",
        place_name=place_name,
        hamlets=tuple(Hamlet(i, n) for i, n in hamlets),
        level=level,
        branches=units,
    )


def rule_values(conn: sqlite3.Connection, keys: Collection[str]) -> list[RuleValue]:
    """The stored values of the rules *keys*, checked as ``member_queries.load_rules`` checks every rule."""
    marks = ", ".join("?" * len(keys))
    rows = conn.execute(
        f"SELECT key, value_json, valid_from, note FROM rule_value WHERE key IN ({marks}) ORDER BY key, valid_from",
        tuple(keys),
    )
    return stored_rules((key, value, date.fromisoformat(valid_from), note) for key, value, valid_from, note in rows)
