import sqlite3
from pathlib import Path

import pytest

from chibo_desktop.storage.db import Database, open_database
from tests.helpers.databases import connect
from tests.helpers.days import CLOCK


def test_a_new_file_is_migrated_to_head_with_the_rules_seeded(db: Database) -> None:
    assert db.current_revision() == Database.head_revision()
    with connect(db) as conn:
        keys = {row[0] for row in conn.execute("SELECT key FROM rule_value")}
    assert {"probation.months", "badge.milestones", "ethnicity.majority"} <= keys


@pytest.mark.sqlite_only  # SQLite's pragmas
def test_pragmas_are_in_force(db: Database) -> None:
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_foreign_keys_are_enforced(db: Database) -> None:
    import pytest
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), db.write() as session:
        session.connection().exec_driver_sql(
            'INSERT INTO status_event (uuid, member_id, kind, "on", decision_no, note, seq) '
            "VALUES ('u', 999, 'admitted', '2020-01-01', '', '', 0)"
        )


def test_a_failed_write_leaves_nothing_behind(db: Database) -> None:
    import pytest

    with pytest.raises(RuntimeError), db.write() as session:
        session.connection().exec_driver_sql(
            "INSERT INTO org_unit (uuid, name, kind, place_name, is_self) VALUES ('a', 'X', 'branch', '', false)"
        )
        raise RuntimeError("power cut")
    with connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM org_unit").fetchone()[0] == 0


def test_the_file_is_backed_up_before_a_pending_migration(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as conn:  # a file with data that predates the schema
        conn.execute("CREATE TABLE notes (text TEXT)")
        conn.execute("INSERT INTO notes VALUES ('biên bản tháng 5')")
    database = open_database(path, tmp_path / "backups", clock=CLOCK)
    database.close()
    copies = list((tmp_path / "backups").glob("old-before-migration-*.sqlite"))
    assert len(copies) == 1
    with sqlite3.connect(copies[0]) as conn:
        assert conn.execute("SELECT text FROM notes").fetchone()[0] == "biên bản tháng 5"
        assert conn.execute("SELECT name FROM sqlite_master WHERE name='member'").fetchone() is None


def test_opening_an_up_to_date_file_makes_no_backup(tmp_path: Path) -> None:
    open_database(tmp_path / "a.sqlite", tmp_path / "backups", clock=CLOCK).close()
    open_database(tmp_path / "a.sqlite", tmp_path / "backups", clock=CLOCK).close()
    assert not (tmp_path / "backups").exists() or list((tmp_path / "backups").iterdir()) == []


def test_the_code_s_head_is_read_from_the_migration_files_as_alembic_reads_it() -> None:
    """The start reads the head from the files' own lines instead of loading Alembic: both must agree."""
    from chibo_desktop.storage.plain import alembic_revisions as _alembic_revisions

    assert (Database.head_revision(), Database.known_revisions()) == (
        _alembic_revisions()[0],
        set(_alembic_revisions()[1]),
    )


@pytest.mark.sqlite_only  # it reads the file's header
def test_an_up_to_date_file_opens_without_a_write(db: Database, tmp_path: Path) -> None:
    from chibo_desktop.storage.db import opens_without_writing

    assert opens_without_writing(db.path)
    with sqlite3.connect(db.path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0013'")
    assert not opens_without_writing(db.path)  # a migration would run: its check cannot wait
    assert not opens_without_writing(tmp_path / "none.sqlite")


def test_held_writes_are_refused_with_a_message_and_write_nothing(db: Database) -> None:
    import pytest

    from chibo_desktop.storage.errors import CHECKING, StorageError

    db.hold_writes()
    with pytest.raises(StorageError) as refused, db.write() as session:
        session.connection().exec_driver_sql(
            "INSERT INTO org_unit (uuid, name, kind, place_name, is_self) VALUES ('a', 'X', 'branch', '', 0)"
        )
    assert refused.value.kind == CHECKING
    db.release_writes()
    with db.read() as session:
        assert session.connection().exec_driver_sql("SELECT count(*) FROM org_unit WHERE uuid = 'a'").scalar() == 0


def test_the_roster_order_migration_fills_the_name_key_of_existing_members(tmp_path: Path) -> None:
    """A file from before the column: its members get their key, so the large roster reads them in name order."""
    from chibo_desktop.domain.text import name_order_key
    from chibo_desktop.services.wiring import Services
    from tests.helpers.branch import SETUP
    from tests.helpers.members import add_member

    db = open_database(tmp_path / "old.sqlite", clock=CLOCK)
    services = Services.build(db)
    services.organisation.save(SETUP)
    for name in ("Trần Văn Bình", "Nguyễn Thị An", "Lê Ánh"):
        add_member(services, name)
    from alembic import command

    from chibo_desktop.storage.db import _alembic_config

    with db.engine.begin() as conn:
        command.downgrade(_alembic_config(conn), "review_admissions")
    with sqlite3.connect(db.path) as conn:
        assert "name_key" not in {row[1] for row in conn.execute("PRAGMA table_info(member)")}
    db.upgrade()
    with sqlite3.connect(db.path) as conn:
        keys = dict(conn.execute("SELECT full_name, name_key FROM member").fetchall())
        audited = conn.execute("SELECT count(*) FROM audit_log WHERE table_name = 'member'").fetchone()[0]
    assert keys == {name: name_order_key(name) for name in keys} and len(keys) == 3
    assert audited == 3  # the three additions; filling a derived column is not a change the log shows
    db.close()
