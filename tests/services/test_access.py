"""The password on opening: only hashes are stored, the recovery code works once, refusals change nothing."""

import pytest

from chibo_desktop.domain.errors import UserError
from chibo_desktop.services.access import hash_secret, verify_secret
from chibo_desktop.services.wiring import Services
from tests.helpers.databases import connect


def _stored(services: Services) -> tuple[str | None, str | None, int]:
    with connect(services.db) as conn:
        return conn.execute("SELECT password_hash, recovery_hash, idle_minutes FROM app_lock").fetchone()


def test_a_new_database_is_open_to_all(services: Services) -> None:
    assert not services.access.protected() and services.access.check("")


def test_only_an_argon2id_hash_is_stored(services: Services) -> None:
    code = services.access.set_password("mật khẩu chi bộ", "mật khẩu chi bộ", 15)
    password_hash, recovery_hash, minutes = _stored(services)
    assert password_hash is not None and password_hash.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert "mật khẩu" not in password_hash and code not in (recovery_hash or "")
    assert services.access.protected() and minutes == 15
    assert services.access.check("mật khẩu chi bộ") and not services.access.check("mat khau chi bo")


def test_changing_needs_the_current_password_and_a_refusal_changes_nothing(services: Services) -> None:
    services.access.set_password("bi-thu-2026", "bi-thu-2026", 10)
    before = _stored(services)
    with pytest.raises(UserError) as raised:
        services.access.set_password("moi-moi-moi", "moi-moi-moi", 10, current="sai")
    assert set(raised.value.field_errors) == {"current"}
    with pytest.raises(UserError) as raised:
        services.access.set_password("ngan", "ngan", 10, current="bi-thu-2026")
    assert set(raised.value.field_errors) == {"new"}
    assert _stored(services) == before


def test_the_recovery_code_sets_a_new_password_once(services: Services) -> None:
    code = services.access.set_password("bi-thu-2026", "bi-thu-2026", 10)
    with pytest.raises(UserError):
        services.access.recover(code, "ngan", "ngan")  # a bad new password: the old one still works
    assert services.access.check("bi-thu-2026")
    next_code = services.access.recover(code.lower().replace("-", " "), "mat-khau-moi", "mat-khau-moi")
    assert services.access.check("mat-khau-moi") and not services.access.check("bi-thu-2026")
    with pytest.raises(UserError):
        services.access.recover(code, "lan-nua-nua", "lan-nua-nua")  # the old code is spent
    assert next_code != code


def test_removing_the_password_needs_it(services: Services) -> None:
    services.access.set_password("bi-thu-2026", "bi-thu-2026", 10)
    with pytest.raises(UserError):
        services.access.remove_password("sai")
    services.access.remove_password("bi-thu-2026")
    assert not services.access.protected()


def test_the_log_says_the_password_changed_without_the_hash(services: Services) -> None:
    services.access.set_password("bi-thu-2026", "bi-thu-2026", 10)
    with connect(services.db) as conn:
        logged = conn.execute("SELECT new FROM audit_log WHERE table_name = 'app_lock'").fetchall()
    assert logged and all("argon2" not in (row[0] or "") for row in logged)


def test_hashes_are_salted() -> None:
    first, second = hash_secret("giống nhau"), hash_secret("giống nhau")
    assert first != second and verify_secret("giống nhau", first) and verify_secret("giống nhau", second)
    assert not verify_secret("giống nhau", "not a hash")
