"""A full disk, a read-only file, a locked or vanished file: a plain message, the last committed state kept."""

import os
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from chibo_desktop.catalog import Catalog
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage import errors
from chibo_desktop.storage.db import Database
from chibo_desktop.storage.errors import StorageError
from chibo_desktop.storage.lock import InstanceLock
from tests.helpers.days import CLOCK
from tests.helpers.members import add_member

pytestmark = pytest.mark.sqlite_only  # the SQLite file itself: copies, checks, damage

VI = Catalog("vi").translate
GIVEN = ("An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Minh", "Nga", "Phúc", "Quang", "Sơn", "Tâm")


def _members(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [row[0] for row in conn.execute("SELECT full_name FROM member ORDER BY id")]


def _on_every_connection(db: Database, pragma: str) -> None:
    db.engine.dispose()

    @event.listens_for(db.engine, "connect")
    def _limit(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute(f"PRAGMA {pragma}")


def test_a_full_disk_says_so_in_vietnamese_and_keeps_what_was_saved(
    services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    add_member(services, "Nguyễn Thị Bích")
    with sqlite3.connect(services.db.path) as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    _on_every_connection(services.db, f"max_page_count={pages}")  # SQLite's own "disk full", at this size
    with pytest.raises(StorageError) as raised:
        for first in GIVEN:
            for second in GIVEN:
                add_member(services, f"Trần {first} {second}", residence="Ấp Sáu, xã Tân Hùng " * 9)
    text = raised.value.message.render(VI)
    assert "đầy" in text and str(services.db.path) in text
    assert "storage error on the data file: database or disk is full" in caplog.text  # for whoever reads the log
    saved = _members(services.db.path)
    assert saved[0] == "Nguyễn Thị Bích"
    assert all(name.startswith(("Nguyễn", "Trần")) for name in saved)  # whole members only, none half-written
    with sqlite3.connect(services.db.path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_file_that_cannot_be_written_says_so(services: Services, caplog: pytest.LogCaptureFixture) -> None:
    add_member(services, "Nguyễn Thị Bích")
    _on_every_connection(services.db, "query_only=ON")  # what SQLite answers for a read-only file or folder
    with pytest.raises(StorageError) as raised:
        add_member(services, "Trần Văn Hùng")
    assert raised.value.kind == errors.READ_ONLY
    assert "chỉ đọc" in raised.value.message.render(VI)
    assert "attempt to write a readonly database" in caplog.text
    assert _members(services.db.path) == ["Nguyễn Thị Bích"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write to a read-only folder")
@pytest.mark.logs_warning  # the storage error, logged
def test_a_read_only_folder_says_so(services: Services, tmp_path: Path) -> None:
    add_member(services, "Nguyễn Thị Bích")
    services.db.close()
    os.chmod(services.db.path, 0o444)
    try:
        reopened = Services.build(Database(services.db.path, clock=CLOCK))
        with pytest.raises(StorageError) as raised:
            add_member(reopened, "Trần Văn Hùng")
        assert raised.value.kind == errors.READ_ONLY
    finally:
        os.chmod(services.db.path, 0o644)


def test_a_file_locked_by_another_program_says_so(
    tmp_path: Path, services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    add_member(services, "Nguyễn Thị Bích")
    impatient = Services.build(Database(services.db.path, busy_ms=200, clock=CLOCK))
    holder = sqlite3.connect(services.db.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StorageError) as raised:
            add_member(impatient, "Trần Văn Hùng")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert raised.value.kind == errors.LOCKED
    assert "chương trình khác" in raised.value.message.render(VI)
    assert "database is locked" in caplog.text
    assert _members(services.db.path) == ["Nguyễn Thị Bích"]


@pytest.mark.skipif(sys.platform == "win32", reason="Windows does not let an open file be moved away")
def test_a_vanished_file_is_not_written_into_the_void(services: Services, tmp_path: Path) -> None:
    add_member(services, "Nguyễn Thị Bích")
    moved = tmp_path / "moved.sqlite"
    for suffix in ("", "-wal", "-shm"):
        source = Path(str(services.db.path) + suffix)
        if source.exists():
            source.rename(Path(str(moved) + suffix))
    with pytest.raises(StorageError) as raised:
        add_member(services, "Trần Văn Hùng")
    assert raised.value.kind == errors.VANISHED
    assert "không còn" in raised.value.message.render(VI)
    assert _members(moved) == ["Nguyễn Thị Bích"]


def test_only_one_process_holds_the_lock_and_a_killed_holder_lets_go(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "chibo.sqlite"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys,time; from pathlib import Path; from chibo_desktop.storage.lock import InstanceLock; "
            f"lock = InstanceLock(Path({str(path)!r})); assert lock.acquire(); print('held', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        assert not InstanceLock(path).acquire()
    finally:
        holder.kill()
        holder.wait()
    with InstanceLock(path) as lock:
        assert lock.acquire()
