"""Writing a file so that it is either all there or not there at all, and only for the user's eyes."""

import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


def replace_atomically(target: Path, write: Callable[[Path], object]) -> Path:
    """Have *write* fill a temporary file beside *target*, flush it to disk, then rename it over *target*.

    A failure, a crash or a pulled stick leaves the old *target* (or none) and no half-written one; the temporary
    file is removed when *write* fails.
    """
    temporary = target.with_name(target.name + ".part")
    try:
        write(temporary)
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return target


@contextmanager
def private_files() -> Iterator[None]:
    """While the block runs, the files this process creates (the database and its journal, backups, packages, logs,
    printed documents) are readable by the user only (0600) and its folders open to the user only (0700). POSIX
    only: on Windows the user's own profile folder already keeps other users out."""
    if os.name != "posix":
        yield
        return
    before = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(before)


def make_private(*paths: Path) -> None:
    """Take every access by group and others away from *paths* (and from the files directly inside those that are
    folders): what an earlier version, or another program, created. Paths that are missing or belong to someone
    else are left alone."""
    if os.name != "posix":
        return
    for path in paths:
        inside = list(path.iterdir()) if path.is_dir() else []
        for each in (path, *inside):
            try:
                found = each.stat()
                if found.st_uid == os.getuid() and stat.S_IMODE(found.st_mode) & 0o077:
                    os.chmod(each, stat.S_IMODE(found.st_mode) & 0o700)
            except OSError:
                continue


def database_files(database: Path) -> tuple[Path, ...]:
    """The database and the files SQLite and the app keep beside it."""
    return (database, *(database.with_name(database.name + tail) for tail in ("-wal", "-shm", "-journal", ".lock")))
