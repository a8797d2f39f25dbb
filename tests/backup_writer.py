"""A backup the test kills halfway: copies the database in steps (locked with a passphrase when TARGET is a
``.chibo-backup``, as for a stick), says "copying" after the first step and then waits on its standard input until
it is killed. Run as ``python -m tests.backup_writer SOURCE TARGET`` (see tests/storage/test_interrupted_backup.py)."""

import sys
from pathlib import Path

from chibo_desktop.sealed import seal_file
from chibo_desktop.storage.database_copies import backup_file


def main(source: str, target: str) -> None:
    def report(_percent: int) -> bool:
        print("copying", flush=True)
        sys.stdin.read()  # the test kills us here, mid-copy
        return True

    if target.endswith(".chibo-backup"):
        seal_file(Path(source), Path(target), "mat-khau-usb-2026", report)
    else:
        backup_file(Path(source), Path(target), report)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
