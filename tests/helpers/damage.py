"""Ways a data file gets hurt, done to real files for the tests."""

import sqlite3
from contextlib import closing
from pathlib import Path


def settle(path: Path) -> None:
    """Move everything from the WAL into the main file, so the bytes on disk are the whole database."""
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def scribble_over_table(path: Path, table: str = "member") -> None:
    """Overwrite the first page of *table*'s b-tree with noise, as a bad sector or a torn write would."""
    settle(path)
    with closing(sqlite3.connect(path)) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    with open(path, "r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(bytes((i * 37 + 11) % 251 for i in range(page_size)))


def orphan_event(path: Path) -> None:
    """A status event pointing at a member who does not exist: damage that integrity_check alone misses."""
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA foreign_keys=OFF")
        columns = [row[1] for row in conn.execute("PRAGMA table_info(status_event)")]
        row = conn.execute("SELECT * FROM status_event LIMIT 1").fetchone()
        values = dict(zip(columns, row, strict=True))
        values.update(id=None, member_id=999_999)
        if "uuid" in values:
            values["uuid"] = "00000000-0000-4000-8000-000000000001"
        names = ", ".join(f'"{name}"' for name in values)
        conn.execute(
            f"INSERT INTO status_event ({names}) VALUES ({', '.join('?' * len(values))})", list(values.values())
        )
        conn.commit()
