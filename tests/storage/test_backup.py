"""Backups, the rotation, checking and restoring, on real database files."""

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from chibo_desktop.domain.clock import Clock
from chibo_desktop.services import backups
from chibo_desktop.services.backups import BackupService
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.database_copies import auto_backups
from chibo_desktop.storage.errors import StorageError
from tests.helpers.damage import orphan_event, scribble_over_table
from tests.helpers.days import CLOCK
from tests.helpers.members import add_member

pytestmark = pytest.mark.sqlite_only  # the SQLite file itself: copies, checks, damage

PASS = "mat-khau-usb-2026"


def test_a_backup_holds_what_was_committed_even_while_it_sits_in_the_wal(services: Services, tmp_path: Path) -> None:
    add_member(services, "Nguyễn Thị Bích")
    service = BackupService(services.db, tmp_path / "auto", Clock(lambda: datetime(2026, 11, 22, 17, 30)))
    path = service.backup_now()
    info = backups.inspect(path)
    assert info.check.ok
    assert (info.branch, info.members, info.taken_at) == ("Chi bộ ấp Sáu", 1, datetime(2026, 11, 22, 17, 30))


def test_daily_backups_rotate_down_to_7_daily_4_weekly_12_monthly(services: Services, tmp_path: Path) -> None:
    clock = [datetime(2025, 11, 1, 17, 0)]
    service = BackupService(services.db, tmp_path / "auto", Clock(lambda: clock[0]))
    for _ in range(400):
        service.backup_if_due()
        service.backup_if_due()  # a second start on the same day adds nothing
        clock[0] += timedelta(days=1)
    kept = auto_backups(tmp_path / "auto")
    assert 12 + 7 <= len(kept) <= 7 + 4 + 12
    assert kept[0][0] == clock[0] - timedelta(days=1)


def test_backup_to_a_folder_the_user_picks_is_read_back(services: Services, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    service = BackupService(services.db, tmp_path / "auto", Clock(lambda: datetime(2026, 11, 22, 9, 5)))
    path = service.backup_to(stick, "Chi bộ ấp Sáu", PASS)
    assert path.name == "chibo-chi-bo-ap-sau-20261122-090500.chibo-backup"
    assert backups.is_sealed(path) and not backups.check(path).ok  # locked: not readable as SQLite
    assert list(stick.iterdir()) == [path] and list((tmp_path / "auto" / "staging").iterdir()) == []
    with pytest.raises(Exception, match="không tồn tại|does not exist"):
        service.backup_to(tmp_path / "unplugged", "Chi bộ ấp Sáu", PASS)


def test_restore_brings_back_the_backup_and_keeps_the_current_file(services: Services) -> None:
    live, folder = services.db.path, services.backups.folder
    add_member(services, "Nguyễn Thị Bích")
    copy = services.backups.backup_now()
    add_member(services, "Trần Văn Hùng")  # made after the backup: the restore takes it away ...
    services.db.close()

    restored = backups.restore(copy, live, folder, CLOCK)
    assert restored.info.members == 1
    assert backups.inspect(live).members == 1
    assert restored.kept is not None and backups.inspect(restored.kept).members == 2  # ... but it is kept


def test_restoring_over_a_damaged_file_moves_the_damaged_one_aside(services: Services, tmp_path: Path) -> None:
    live = services.db.path
    add_member(services, "Nguyễn Thị Bích")
    copy = services.backups.backup_now()
    services.db.close()
    scribble_over_table(live)
    assert not backups.check(live).ok

    found = backups.newest_good(tmp_path / "backups")
    assert found is not None and found.path == copy
    restored = backups.restore(found.path, live, tmp_path / "backups", CLOCK)
    assert backups.check(live).ok and backups.inspect(live).members == 1
    assert restored.kept is not None and "damaged" in restored.kept.name and restored.kept.exists()


def test_a_damaged_backup_is_refused_and_nothing_changes(services: Services, tmp_path: Path) -> None:
    add_member(services, "Nguyễn Thị Bích")
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is not a database" * 100)
    services.db.close()
    with pytest.raises(Exception, match="bad.sqlite"):
        backups.restore(bad, services.db.path, tmp_path / "backups", CLOCK)
    assert backups.inspect(services.db.path).members == 1


def test_check_finds_damaged_pages_and_broken_links(services: Services) -> None:
    add_member(services, "Nguyễn Thị Bích")
    path = services.db.path
    services.db.close()
    assert backups.check(path).ok
    orphan_event(path)
    found = backups.check(path)
    assert not found.ok and "status_event" in found.problems[0]
    scribble_over_table(path)
    assert not backups.check(path).ok


def test_a_full_backup_folder_is_a_plain_message_and_leaves_no_part_file(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    stick = tmp_path / "stick"
    stick.mkdir()
    real_fsync = os.fsync

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(StorageError) as raised:
        BackupService(services.db, tmp_path / "auto").backup_to(stick, "Chi bộ", PASS)
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert "đầy" in raised.value.message.render(_vi()) or "full" in str(raised.value)
    assert list(stick.iterdir()) == []


def _vi():  # type: ignore[no-untyped-def]
    from chibo_desktop.catalog import Catalog

    return Catalog("vi").translate


def test_a_cancelled_copy_leaves_nothing_on_the_stick(services: Services, tmp_path: Path) -> None:
    add_member(services, "Nguyễn Thị Bích")
    stick = tmp_path / "stick"
    stick.mkdir()
    seen: list[int] = []

    def cancel_at_once(percent: int) -> bool:
        seen.append(percent)
        return False

    with pytest.raises(backups.CopyCancelledError):
        services.backups.backup_to(stick, "Chi bộ ấp Sáu", PASS, cancel_at_once)
    assert seen and list(stick.iterdir()) == []
    made = services.backups.backup_to(stick, "Chi bộ ấp Sáu", PASS, lambda _percent: True)
    opened = backups.unseal(made, PASS, services.backups.folder)
    assert backups.inspect(opened).members == 1
