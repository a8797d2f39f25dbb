"""Copies of the live database through SQLite's backup API: a file copy would miss what is still in the WAL."""

import sqlite3
from datetime import datetime
from pathlib import Path

from chibo_desktop.files import replace_atomically


def backup_file(source: Path, destination: Path) -> Path:
    """Write a consistent copy of *source* to *destination*, flushed to disk and renamed into place."""
    destination.parent.mkdir(parents=True, exist_ok=True)

    def write(temporary: Path) -> None:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(temporary)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()

    return replace_atomically(destination, write)


def backup_before_migration(source: Path, backup_dir: Path, revision: str | None) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    name = f"{source.stem}-before-migration-{revision or 'empty'}-{stamp}.sqlite"
    return backup_file(source, backup_dir / name)
