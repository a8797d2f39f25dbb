"""With the app's password set, the branch's private keys are sealed in the file: opened only in memory after the
password (or the recovery code) was typed, kept through a change of password and a recovery, and in the clear again
only when the password is removed."""

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from chibo_desktop.catalog import Catalog
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.organisation import OrganisationSetup
from chibo_desktop.services.access import hash_secret
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import Database, open_database
from tests.helpers.days import CLOCK

pytestmark = pytest.mark.sqlite_only  # the SQLite file itself: copies, checks, damage

VI = Catalog("vi").translate
PASSWORD = "bi-thu-2026"


def _private_keys(path: Path) -> dict[str, bytes]:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return dict(conn.execute("SELECT purpose, private FROM key_pair"))


def _reopened(db: Database) -> Services:
    """The same file opened again, as at the next start: nothing is known until the password is typed."""
    return Services.build(Database(db.path, clock=CLOCK))


def _fingerprints(services: Services) -> tuple[str, str]:
    keys = services.exchange.keys()
    return keys.signing_fingerprint, keys.encryption_fingerprint


def test_setting_the_password_seals_the_keys_and_only_the_password_opens_them(services: Services) -> None:
    before = _fingerprints(services)
    clear = _private_keys(services.db.path)
    assert [len(k) for k in clear.values()] == [32, 32]  # no password: in the clear, as the README says

    services.access.set_password(PASSWORD, PASSWORD, 10)
    sealed = _private_keys(services.db.path)
    assert all(value.startswith(b"CHK1") and len(value) == 64 for value in sealed.values())
    raw = services.db.path.read_bytes()
    assert not any(key in raw for key in clear.values())
    assert _fingerprints(services) == before  # this session knows the password

    later = _reopened(services.db)
    with pytest.raises(UserError) as locked:
        later.exchange.keys()
    assert "Cần nhập mật khẩu" in locked.value.message.render(VI)
    assert not later.access.unlock("mat-khau-sai")
    assert later.access.unlock(PASSWORD) and _fingerprints(later) == before
    later.access.lock()  # the idle lock forgets them again
    with pytest.raises(UserError):
        later.exchange.keys()
    later.db.close()


def test_a_package_signed_with_the_sealed_key_is_accepted_upstream(services: Services, tmp_path: Path) -> None:
    services.exchange.keys()
    services.access.set_password(PASSWORD, PASSWORD, 10)
    later = _reopened(services.db)
    assert later.access.unlock(PASSWORD)
    package = later.exchange.export(tmp_path, passphrase="mat-khau-goi-tin").path
    upper = Services.build(open_database(tmp_path / "upper.sqlite", clock=CLOCK))
    upper.organisation.save(OrganisationSetup("Đảng ủy xã Tân Hùng", "Tỉnh ủy Cà Mau", "Tân Hùng", ()))
    trusted = {later.exchange.keys().signing_fingerprint}  # compared by phone
    report = upper.exchange.import_file(package, "mat-khau-goi-tin", trusted=trusted)
    assert report.accepted, report.reason
    later.db.close()
    upper.db.close()


def test_a_package_locked_to_a_sealed_upper_key_opens_only_after_the_password(
    services: Services, tmp_path: Path
) -> None:
    """The upper level's own decryption key is sealed too: with the password typed its packages open; without,
    the import says so (no crash on the sealed bytes)."""
    upper = Services.build(open_database(tmp_path / "upper.sqlite", clock=CLOCK))
    upper.organisation.save(OrganisationSetup("Đảng ủy xã Tân Hùng", "Tỉnh ủy Cà Mau", "Tân Hùng", ()))
    locked_to = upper.exchange.keys().encryption_public
    upper.access.set_password(PASSWORD, PASSWORD, 10)
    package = services.exchange.export(tmp_path, recipient=locked_to).path
    trusted = {services.exchange.keys().signing_fingerprint}
    later = _reopened(upper.db)
    refused = later.exchange.import_file(package, trusted=trusted)
    assert not refused.accepted and refused.reason is not None
    assert "Cần nhập mật khẩu" in refused.reason.render(VI)
    assert later.access.unlock(PASSWORD)
    report = later.exchange.import_file(package, trusted=trusted)
    assert report.accepted, report.reason
    later.db.close()
    upper.db.close()


def test_a_new_password_and_the_recovery_code_keep_the_keys(services: Services) -> None:
    before = _fingerprints(services)
    code = services.access.set_password(PASSWORD, PASSWORD, 10)
    services.access.set_password("mat-khau-moi", "mat-khau-moi", 10, current=PASSWORD)
    changed = _reopened(services.db)
    assert changed.access.unlock("mat-khau-moi") and _fingerprints(changed) == before
    changed.db.close()

    newest_code = services.access.set_password("mat-khau-ba", "mat-khau-ba", 10, current="mat-khau-moi")
    assert newest_code != code
    forgotten = _reopened(services.db)  # the password is forgotten; the code written down is at hand
    forgotten.access.recover(newest_code, "mat-khau-bon", "mat-khau-bon")
    assert _fingerprints(forgotten) == before
    forgotten.db.close()
    again = _reopened(services.db)
    assert again.access.unlock("mat-khau-bon") and _fingerprints(again) == before
    again.db.close()


def test_removing_the_password_puts_the_keys_back_in_the_clear(services: Services) -> None:
    before = _fingerprints(services)
    services.access.set_password(PASSWORD, PASSWORD, 10)
    later = _reopened(services.db)
    later.access.remove_password(PASSWORD)
    assert [len(k) for k in _private_keys(services.db.path).values()] == [32, 32]
    assert _fingerprints(_reopened(services.db)) == before
    later.db.close()


def test_a_password_set_before_keys_were_sealed_seals_them_at_the_next_unlock(services: Services) -> None:
    before = _fingerprints(services)
    with closing(sqlite3.connect(services.db.path)) as conn:  # as a file of the previous version left it
        conn.execute("UPDATE app_lock SET password_hash = ?, recovery_hash = ?", (hash_secret(PASSWORD), "x"))
        conn.commit()
    later = _reopened(services.db)
    assert later.access.unlock(PASSWORD)
    code = later.access.take_new_code()
    assert code is not None and later.access.take_new_code() is None
    assert all(value.startswith(b"CHK1") for value in _private_keys(services.db.path).values())
    later.db.close()
    recovered = _reopened(services.db)
    recovered.access.recover(code, "mat-khau-moi", "mat-khau-moi")
    assert _fingerprints(recovered) == before
    recovered.db.close()


def test_a_password_removed_by_hand_leaves_the_keys_unusable_until_they_are_removed(services: Services) -> None:
    before = _fingerprints(services)
    services.access.set_password(PASSWORD, PASSWORD, 10)
    with closing(sqlite3.connect(services.db.path)) as conn:  # both password and code lost: the README's way out
        conn.execute("UPDATE app_lock SET password_hash = NULL, recovery_hash = NULL")
        conn.commit()
    later = _reopened(services.db)
    with pytest.raises(UserError) as lost:
        later.exchange.keys()
    assert "README" in lost.value.message.render(VI)
    with closing(sqlite3.connect(services.db.path)) as conn:
        conn.execute("DELETE FROM key_pair")
        conn.commit()
    assert _fingerprints(later) != before  # new keys; the upper level confirms the new fingerprint
    later.db.close()


def test_the_log_never_holds_the_wrapped_key(services: Services) -> None:
    services.access.set_password(PASSWORD, PASSWORD, 10)
    with closing(sqlite3.connect(services.db.path)) as conn:
        logged = " ".join(str(row) for row in conn.execute("SELECT old, new FROM audit_log"))
    assert "argon2" not in logged and "key_wrap" not in logged


def test_what_the_app_overwrites_is_wiped_from_the_file(services: Services) -> None:
    """A key sealed in place must not stay readable in a free block of the page it left. SQLite leaves removed bytes
    in the file unless ``secure_delete`` is on: Debian's library turns it on by default, Python's own on Windows does
    not, so the app turns it on for every connection it opens."""
    with services.db.read() as session:
        assert session.connection().exec_driver_sql("PRAGMA secure_delete").scalar() == 1
