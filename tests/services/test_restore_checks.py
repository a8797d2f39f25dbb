"""Before a backup replaces anything it must be built exactly as the app's own migrations build a file of its
revision (nothing extra, nothing missing), and a backup of another branch is restored only when the user says so."""

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from chibo_desktop.catalog import Catalog
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.organisation import OrganisationSetup
from chibo_desktop.services import backups
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import Database, open_database
from tests.helpers.days import CLOCK
from tests.helpers.members import add_member

# Refused and altered files are logged at WARNING on purpose: these tests expect it.
pytestmark = [pytest.mark.logs_warning, pytest.mark.sqlite_only]  # the SQLite file itself

VI = Catalog("vi").translate
EVIL = (
    "CREATE TRIGGER zz_evil_member AFTER INSERT ON member BEGIN "
    "UPDATE member SET full_name = 'Kẻ lạ' WHERE id = NEW.id; END"
)


def _alter(path: Path, *statements: str) -> None:
    with closing(sqlite3.connect(path)) as conn:
        for statement in statements:
            conn.execute(statement)
        conn.commit()


def _state(folder: Path) -> dict[str, str]:
    """Every file under *folder* with its hash: what "nothing changed" means."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()
    }


@pytest.fixture
def copy(services: Services) -> Path:
    add_member(services, "Nguyễn Thị Bích")
    made = services.backups.backup_now()
    services.db.close()
    return made


def test_the_apps_own_backups_are_built_as_the_app_builds_them(copy: Path) -> None:
    info = backups.inspect(copy)
    assert info.revision == Database.head_revision() and info.altered == () and info.restorable


def test_a_file_of_an_older_revision_is_compared_with_that_revision(tmp_path: Path) -> None:
    old = Database(tmp_path / "old.sqlite", clock=CLOCK)
    old.upgrade("0005")
    old.close()
    info = backups.inspect(tmp_path / "old.sqlite")
    assert info.revision == "0005" and info.altered == ()
    _alter(tmp_path / "old.sqlite", "CREATE INDEX ix_spy ON member (cccd)")
    assert backups.inspect(tmp_path / "old.sqlite").altered == ("extra index ix_spy",)


def test_a_backup_with_an_extra_trigger_is_refused_and_nothing_changes(
    services: Services, copy: Path, tmp_path: Path
) -> None:
    _alter(copy, EVIL)
    info = backups.inspect(copy)
    assert info.check.ok and not info.restorable and info.altered == ("extra trigger zz_evil_member",)
    before = _state(tmp_path)
    with pytest.raises(UserError) as refused:
        backups.restore(copy, services.db.path, services.backups.folder, CLOCK)
    text = refused.value.message.render(VI)
    assert "zz_evil_member" in text and "Chưa có gì thay đổi" in text
    assert _state(tmp_path) == before
    with closing(sqlite3.connect(services.db.path)) as conn:
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'zz_evil_member'").fetchone() == (0,)


@pytest.mark.parametrize(
    ("statements", "expected"),
    [
        (["DROP INDEX ix_status_event_member_id"], "missing index ix_status_event_member_id"),
        (["CREATE VIEW v_names AS SELECT full_name, cccd FROM member"], "extra view v_names"),
        (["CREATE TABLE notes (text TEXT)"], "extra table notes"),
        (["DROP TRIGGER audit_member_update"], "missing trigger audit_member_update"),
        (
            [
                "DROP TRIGGER audit_app_lock_update",
                "CREATE TRIGGER audit_app_lock_update AFTER UPDATE ON app_lock BEGIN SELECT 1; END",
            ],
            "altered trigger audit_app_lock_update",
        ),
        (["ALTER TABLE member ADD COLUMN note TEXT"], "altered table member"),
    ],
)
def test_anything_extra_missing_or_altered_is_refused(
    services: Services, copy: Path, statements: list[str], expected: str
) -> None:
    _alter(copy, *statements)
    assert expected in backups.inspect(copy).altered
    with pytest.raises(UserError):
        backups.restore(copy, services.db.path, services.backups.folder, CLOCK)


def test_the_newest_good_backup_at_start_skips_an_altered_one(services: Services, copy: Path) -> None:
    newer = services.backups.folder / "chibo-auto-20991231-235959.sqlite"
    newer.write_bytes(copy.read_bytes())
    _alter(newer, EVIL)
    found = backups.newest_good(services.backups.folder)
    assert found is not None and found.path == copy


def _other_branch(tmp_path: Path) -> Path:
    other = Services.build(open_database(tmp_path / "other" / "chibo.sqlite", clock=CLOCK))
    other.organisation.save(OrganisationSetup("Chi bộ ấp Bảy", "Đảng bộ xã Tân Hùng", "Tân Hùng", ("Tổ 1",)))
    add_member(other, "Trần Văn Hùng")
    add_member(other, "Lê Văn Tám")
    made = other.backups.backup_now()
    other.db.close()
    return made


def test_a_backup_of_another_branch_asks_first(services: Services, copy: Path, tmp_path: Path) -> None:
    foreign = _other_branch(tmp_path)
    info = backups.inspect(foreign)
    assert info.restorable and info.branch == "Chi bộ ấp Bảy"
    assert backups.other_branch(info, backups.inspect(services.db.path).branch_uuid)
    assert not backups.other_branch(backups.inspect(copy), backups.inspect(services.db.path).branch_uuid)
    before = _state(services.db.path.parent)
    with pytest.raises(backups.OtherBranchError) as asked:
        backups.restore(foreign, services.db.path, services.backups.folder, CLOCK)
    assert "Chi bộ ấp Bảy" in asked.value.message.render(VI) and "Chi bộ ấp Sáu" in asked.value.message.render(VI)
    assert _state(services.db.path.parent) == before

    restored = backups.restore(foreign, services.db.path, services.backups.folder, CLOCK, other_branch_ok=True)
    assert restored.info.members == 2 and backups.inspect(services.db.path).branch == "Chi bộ ấp Bảy"


def test_a_database_not_yet_set_up_takes_any_branchs_backup(db: Database, tmp_path: Path) -> None:
    foreign = _other_branch(tmp_path)
    db.close()
    restored = backups.restore(foreign, db.path, tmp_path / "backups", CLOCK)
    assert restored.info.branch == "Chi bộ ấp Bảy"


def test_a_locked_backup_from_a_stick_needs_its_passphrase(services: Services, tmp_path: Path) -> None:
    add_member(services, "Nguyễn Thị Bích")
    stick = tmp_path / "stick"
    stick.mkdir()
    locked = services.backups.backup_to(stick, "Chi bộ ấp Sáu", "mat-khau-usb-2026")
    add_member(services, "Trần Văn Hùng")  # after the backup
    services.db.close()
    live, folder = services.db.path, services.backups.folder
    before = _state(live.parent)
    with pytest.raises(backups.PassphraseNeededError):
        backups.restore(locked, live, folder, CLOCK)
    with pytest.raises(UserError) as wrong:
        backups.restore(locked, live, folder, CLOCK, passphrase="mat-khau-sai-2026")
    assert "Mật khẩu không đúng" in wrong.value.message.render(VI)
    assert _state(live.parent) == before

    restored = backups.restore(locked, live, folder, CLOCK, passphrase="mat-khau-usb-2026")
    assert restored.info.members == 1 and backups.inspect(live).members == 1
    assert list(backups.staging(folder).iterdir()) == []  # the opened copy is not left behind
