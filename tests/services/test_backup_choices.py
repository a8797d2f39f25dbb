"""What the restore window is given to show: every backup with what it holds and what restoring it would take away
from the data open now, and the locked copies the app wrote to a stick, offered while they are still there."""

import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

from chibo_desktop.domain.clock import Clock
from chibo_desktop.domain.meetings import MeetingRecord
from chibo_desktop.services import backups
from chibo_desktop.services.backups import Origin
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import open_database
from tests.helpers.branch import SETUP
from tests.helpers.members import add_member

pytestmark = pytest.mark.sqlite_only  # copies of the SQLite file itself

PASS = "mat-khau-usb-2026"


class Wall:
    """The office's clock, moved on by the test."""

    def __init__(self, at: datetime) -> None:
        self.at = at
        self.clock = Clock(lambda: self.at)


def _branch(tmp_path: Path, wall: Wall) -> Services:
    services = Services.build(open_database(tmp_path / "chibo.sqlite", tmp_path / "backups", clock=wall.clock))
    services.organisation.save(SETUP)
    return services


def test_each_backup_says_what_it_holds_and_what_restoring_it_would_take_away(tmp_path: Path) -> None:
    wall = Wall(datetime(2026, 11, 2, 8, 0))
    services = _branch(tmp_path, wall)
    empty = services.backups.backup_now()
    wall.at = datetime(2026, 11, 5, 19, 0)
    add_member(services, "Nguyễn Thị Bích")
    services.meetings.create(MeetingRecord(on=date(2026, 11, 5)))
    wall.at = datetime(2026, 11, 6, 8, 0)
    one = services.backups.backup_now()

    listing = services.backups.listing()
    assert listing.now is not None and (listing.now.members, listing.now.meetings) == (1, 1)
    assert listing.now.latest_meeting == date(2026, 11, 5) and listing.now.last_change == datetime(2026, 11, 5, 19)
    by_path = {choice.info.path: choice for choice in listing.choices}
    assert [choice.info.path for choice in listing.choices] == [one, empty]  # newest first
    assert by_path[one].origin == Origin.AUTOMATIC and by_path[one].loss is not None
    assert not by_path[one].loss.anything
    lost = by_path[empty].loss
    assert lost is not None and lost.anything and lost.exact
    assert (lost.members, lost.names, lost.meetings, lost.meeting_days) == (
        1,
        ("Nguyễn Thị Bích",),
        1,
        (date(2026, 11, 5),),
    )
    assert lost.changed_since == datetime(2026, 11, 2, 8, 0) and lost.latest_change == datetime(2026, 11, 5, 19, 0)
    services.db.close()


def test_a_member_entered_after_a_restore_counts_as_lost_even_where_the_backup_holds_more(tmp_path: Path) -> None:
    """Told apart by their UUIDs, not by counts: the copy kept before a restore holds three members against the two
    open now, yet one of the two was entered after the restore and is not in it."""
    wall = Wall(datetime(2026, 11, 2, 8, 0))
    services = _branch(tmp_path, wall)
    add_member(services, "Nguyễn Thị Bích")
    early = services.backups.backup_now()
    wall.at = datetime(2026, 11, 3, 8, 0)
    add_member(services, "Trần Văn Hùng")
    add_member(services, "Lê Thị Mai")
    live, folder = services.db.path, services.backups.folder
    services.db.close()
    wall.at = datetime(2026, 11, 4, 8, 0)
    kept = backups.restore(early, live, folder, wall.clock).kept
    assert kept is not None
    services = Services.build(open_database(live, folder, clock=wall.clock))
    wall.at = datetime(2026, 11, 4, 9, 0)
    add_member(services, "Võ Thị Thu")

    by_path = {choice.info.path: choice for choice in services.backups.listing().choices}
    before_restore = by_path[kept]
    assert before_restore.origin == Origin.BEFORE_RESTORE and before_restore.info.members == 3
    assert before_restore.loss is not None and before_restore.loss.names == ("Võ Thị Thu",)
    services.db.close()


def test_a_copy_written_to_a_stick_is_offered_while_it_is_there(tmp_path: Path) -> None:
    wall = Wall(datetime(2026, 11, 30, 10, 0))
    services = _branch(tmp_path, wall)
    add_member(services, "Nguyễn Thị Bích")
    services.meetings.create(MeetingRecord(on=date(2026, 11, 25)))
    stick = tmp_path / "usb"
    stick.mkdir()
    locked = services.backups.backup_to(stick, "Chi bộ ấp Sáu", PASS)

    def offered() -> list[backups.Choice]:
        return [c for c in services.backups.listing().choices if c.origin == Origin.ELSEWHERE]

    (choice,) = offered()
    assert choice.info.path == locked.resolve() and choice.info.locked and choice.info.restorable
    assert choice.info.taken_at == datetime(2026, 11, 30, 10, 0)
    assert (choice.info.branch, choice.info.members, choice.info.meetings) == ("Chi bộ ấp Sáu", 1, 1)
    assert choice.info.latest_meeting == date(2026, 11, 25)
    assert choice.loss is not None and not choice.loss.anything

    wall.at = datetime(2026, 11, 30, 11, 0)
    add_member(services, "Trần Văn Hùng")  # after the copy: told from the counts noted, without opening it
    (choice,) = offered()
    assert choice.loss is not None and (choice.loss.members, choice.loss.names, choice.loss.exact) == (1, (), False)
    plain = backups.unseal(locked, PASS, services.backups.folder)  # as the window does once given the passphrase
    opened = services.backups.choice(plain, Origin.ELSEWHERE)
    assert opened.loss is not None and (opened.loss.names, opened.loss.exact) == (("Trần Văn Hùng",), True)
    plain.unlink()

    pulled = tmp_path / "elsewhere"
    pulled.mkdir()
    shutil.move(locked, pulled / locked.name)  # the stick is out
    assert offered() == []
    shutil.move(pulled / locked.name, locked)  # and back in
    assert len(offered()) == 1
    locked.write_bytes(b"another file under the same name")
    assert offered() == []
    services.db.close()
