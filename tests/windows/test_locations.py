"""The live database is refused on a network drive, in a synced cloud folder and on a removable drive, with a
message that says where to keep it; a file made by a newer app says which version to install and is left alone.
These run everywhere, and in the Windows job under the Windows Python (real drive letters, real GetDriveTypeW)."""

import sqlite3
import sys
from contextlib import closing
from pathlib import Path

import pytest

from chibo_desktop.storage.db import open_database, version_text
from chibo_desktop.storage.errors import CLOUD_PLACE, NEWER_FILE, StorageError
from chibo_desktop.storage.location import DRIVE_REMOTE, DRIVE_REMOVABLE, Unsafe, check_location
from tests.helpers.days import CLOCK

FIXED = 3  # GetDriveTypeW: a local disk


@pytest.mark.parametrize(
    ("path", "drive", "found"),
    [
        (r"C:\Users\Lan\AppData\Local\chibo-desktop", FIXED, None),
        (r"C:\Users\Lan\Tài liệu\Hồ sơ chi bộ", FIXED, None),
        (r"\\may-chu\chia-se\chibo", FIXED, Unsafe.NETWORK),
        (r"H:\chibo", DRIVE_REMOTE, Unsafe.NETWORK),
        (r"E:\chibo", DRIVE_REMOVABLE, Unsafe.REMOVABLE),
        (r"C:\Users\Lan\OneDrive\chibo", FIXED, Unsafe.CLOUD),
        (r"C:\Users\Lan\OneDrive - UBND xa\chibo", FIXED, Unsafe.CLOUD),
        (r"G:\My Drive\chibo", FIXED, Unsafe.CLOUD),
        (r"C:\Users\Lan\Dropbox\chibo", FIXED, Unsafe.CLOUD),
    ],
)
def test_windows_places(path: str, drive: int, found: Unsafe | None) -> None:
    environ = {"OneDriveCommercial": r"C:\Users\Lan\OneDrive - UBND xa"}
    assert check_location(Path(path), windows=True, drive_type=lambda _root: drive, environ=environ) == found


def test_a_local_folder_here_is_fine(tmp_path: Path) -> None:
    assert check_location(tmp_path) is None


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX path")
def test_a_stick_mounted_under_media_is_removable() -> None:
    assert check_location(Path("/media/lan/USB DISK/chibo"), windows=False) == Unsafe.REMOVABLE


def test_the_app_refuses_to_open_its_records_in_a_synced_folder(tmp_path: Path) -> None:
    folder = tmp_path / "Dropbox" / "chibo"
    with pytest.raises(StorageError) as refused:
        open_database(folder / "chibo.sqlite", clock=CLOCK)
    assert refused.value.kind == CLOUD_PLACE
    assert not folder.exists()  # nothing was created there


def test_a_file_from_a_newer_app_names_the_version_and_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "Hồ sơ" / "chibo.sqlite"
    open_database(path, clock=CLOCK).close()
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099'")
        conn.execute("PRAGMA user_version = 2003004")
        conn.commit()
    before = path.read_bytes()
    backups = tmp_path / "backups"
    with pytest.raises(StorageError) as refused:
        open_database(path, backups, clock=CLOCK)
    assert refused.value.kind == NEWER_FILE
    assert refused.value.message.args["version"] == "2.3.4" == version_text(2003004)
    assert path.read_bytes() == before and not backups.exists()  # no backup written, nothing changed


def test_the_file_remembers_the_newest_app_that_opened_it(tmp_path: Path) -> None:
    from chibo_desktop import __version__
    from chibo_desktop.storage.db import version_number

    db = open_database(tmp_path / "chibo.sqlite", clock=CLOCK)
    assert version_text(db.written_by()) == version_text(version_number(__version__))
    db.close()


def test_backup_and_restore_by_command_in_a_vietnamese_folder(tmp_path: Path) -> None:
    """Under Windows an open file cannot be replaced: restore writes into the closed file through SQLite."""
    from chibo_desktop.cli import main

    folder = tmp_path / "Hồ sơ chi bộ"
    database, copy = folder / "chibo.sqlite", folder / "bản sao.sqlite"
    assert main(["demo", "--db", str(database), "--members", "12", "--today", "2026-11-22"]) == 0
    secret = folder / "mật khẩu.txt"
    secret.write_text("mat-khau-usb-2026\n", encoding="utf-8")
    assert main(["backup", "--db", str(database), "--out", str(copy), "--passphrase-file", str(secret)]) == 0
    with closing(sqlite3.connect(database)) as conn:
        conn.execute("DELETE FROM status_event")
        conn.execute("DELETE FROM member")
        conn.commit()
    assert main(["restore", "--db", str(database), str(copy), "--passphrase-file", str(secret)]) == 0
    with closing(sqlite3.connect(database)) as conn:
        assert conn.execute("SELECT count(*) FROM member").fetchone()[0] >= 12
