"""A committee on PostgreSQL through the ``chibo`` command: moving its file there record by record, pg_dump
backups, and the steps that only make sense on a file saying so. Runs under CHIBO_TEST_PG only."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from chibo_desktop.catalog import Catalog
from chibo_desktop.cli import main
from chibo_desktop.domain.dates import parse_period
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.organisation import Level, OrganisationSetup
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage import server
from chibo_desktop.storage.db import open_database
from tests.helpers.databases import SERVER, connect, drop_server, server_copy
from tests.helpers.days import CLOCK, TODAY

pytestmark = pytest.mark.skipif(not SERVER, reason="needs CHIBO_TEST_PG")
PASS = "mat-khau-chi-bo"
VI = Catalog("vi")


@pytest.fixture
def empty_server() -> Iterator[str]:
    location = server_copy()
    yield location
    drop_server(location)


def _committee_file(folder: Path) -> tuple[Path, Path]:
    """A commune committee's SQLite file that took in two branches; and the first branch's package."""
    upper = Services.build(open_database(folder / "committee.sqlite", clock=CLOCK))
    upper.organisation.save(OrganisationSetup("Đảng ủy xã Tân Hùng", "Tỉnh ủy Cà Mau", "Tân Hùng", (), Level.COMMITTEE))
    first: Path | None = None
    for seed in (51, 52):
        branch = Services.build(open_database(folder / f"b{seed}.sqlite", clock=CLOCK))
        write_demo(branch.db, members=20, seed=seed, today=TODAY, meeting_years=1)
        made = branch.exchange.export(folder, passphrase=PASS, with_minutes=True).path
        trusted = {branch.exchange.keys().signing_fingerprint}
        assert upper.exchange.import_file(made, PASS, trusted=trusted).accepted
        first = first or made
        branch.db.close()
    upper.db.close()
    assert first is not None
    return folder / "committee.sqlite", first


def _tables(location: Path | str) -> dict[str, int]:
    db = open_database(location, clock=CLOCK)
    try:
        with connect(db) as conn:
            names = ["member", "meeting", "attendance", "loan", "fund_entry", "audit_log", "import_log", "minutes_pdf"]
            return {name: conn.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in names}  # type: ignore[index]
    finally:
        db.close()


def test_migrate_to_moves_every_record_and_the_server_carries_on(
    empty_server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, package = _committee_file(tmp_path)
    before = _tables(path)
    assert main(["--lang", "en", "migrate-to", "--db", str(path), empty_server]) == 0
    assert "compared every one of them" in capsys.readouterr().out
    # the log: the migrations' seeds, the keys, and one entry per package taken in (not one per record it brought)
    assert _tables(empty_server) == before and before["member"] >= 40 and before["audit_log"] > 20

    moved = Services.build(open_database(empty_server, clock=CLOCK))
    kept = Services.build(open_database(path, clock=CLOCK))
    try:
        year = parse_period(str(TODAY.year))
        assert moved.stats.stats(year, TODAY) == kept.stats.stats(year, TODAY)
        assert [r.full_name for r in moved.members.roster().rows] == [r.full_name for r in kept.members.roster().rows]
        again = moved.exchange.import_file(package, PASS)  # the keys and the import log came along
        assert again.accepted and again.already
        moved.db.actor = "Văn phòng Tỉnh ủy"
        moved.organisation.save(
            OrganisationSetup("Đảng ủy xã Tân Hùng", "Tỉnh ủy Cà Mau", "Tân Hùng mới", (), Level.COMMITTEE)
        )
        newest = moved.audit.entries()[0]  # new rows go on after the moved ones: the sequences came along too
        assert newest.actor == "Văn phòng Tỉnh ủy" and _tables(empty_server)["audit_log"] > before["audit_log"]
    finally:
        moved.db.close()
        kept.db.close()


def test_migrate_to_a_database_in_use_changes_nothing(
    empty_server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _package = _committee_file(tmp_path)
    setup = ["--name", "Đảng ủy xã Khác", "--upper", "Tỉnh ủy Cà Mau", "--place", "Khác"]
    assert main(["init", "--db", empty_server, "--level", "committee", *setup]) == 0
    capsys.readouterr()
    before = _tables(empty_server)
    assert main(["migrate-to", "--db", str(path), empty_server]) == 2
    assert empty_server.rsplit("/", 1)[-1] in capsys.readouterr().err
    assert _tables(empty_server) == before


def test_backup_is_a_pg_dump_and_restore_points_to_the_dba(
    empty_server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "en", "demo", "--db", empty_server, "--members", "15", "--today", TODAY.isoformat()]) == 0
    out = tmp_path / "tinh.dump"
    assert main(["--lang", "en", "backup", "--db", empty_server, "--out", str(out)]) == 0
    assert out.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format, which pg_restore reads
    assert main(["restore", "--db", empty_server, str(out)]) == 2
    assert "pg_restore" in capsys.readouterr().err
    assert main(["--lang", "en", "check", "--db", empty_server]) == 0
    db = open_database(empty_server, clock=CLOCK)
    try:
        with pytest.raises(UserError) as caught:
            server.dump(db, tmp_path / "x.dump", tool="pg_dump-not-installed-here")
        assert "pg_dump" in caught.value.message.render(VI) and not (tmp_path / "x.dump").exists()
        copies = Services.build(db).backups
        assert copies.backup_if_due() is None  # the server's backups are its administrator's
        with pytest.raises(UserError) as caught:
            copies.backup_now()
        assert "PostgreSQL" in caught.value.message.render(VI)
    finally:
        db.close()


@pytest.mark.logs_warning
def test_a_server_that_does_not_answer_is_said_in_words(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--db", "postgresql://nobody@127.0.0.1:1/none"]) == 2
    err = capsys.readouterr().err
    assert "postgresql://nobody@127.0.0.1:1/none" in err and "máy chủ" in err.lower() and "Traceback" not in err
