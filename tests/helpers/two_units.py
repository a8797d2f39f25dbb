"""Two branches, A and B, taken in at an upper level on the test's database, and B recording one of A's members
as transferred in under the UUID of A's record (as a copied file carries it): a member sent by two units."""

import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from chibo_desktop.catalog import Catalog
from chibo_desktop.domain.members import MemberRecord
from chibo_desktop.domain.organisation import Level, OrganisationSetup
from chibo_desktop.domain.terms import TermDraft
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services.exchange import ImportReport
from chibo_desktop.services.members import Joining, JoinKind
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import open_database
from tests.helpers.databases import connect
from tests.helpers.days import CLOCK, TODAY

PASS = "mat-khau-chi-bo"
VI = Catalog("vi")


def write_sample_branches(folder: Path) -> Path:
    """Two sample branches in *folder*, written once (a module's fixture) and copied for each test."""
    for name, seed in (("a", 21), ("b", 22)):
        db = open_database(folder / f"{name}.sqlite", clock=CLOCK)
        write_demo(db, members=12, seed=seed, today=TODAY, meeting_years=1)
        db.close()
    return folder


@dataclass
class Units:
    upper: Services
    a: Services
    b: Services
    stick: Path

    def send(self, branch: Services) -> Path:
        return branch.exchange.export(self.stick, passphrase=PASS).path

    def take_in(self, path: Path) -> ImportReport:
        trusted = {self.a.exchange.keys().signing_fingerprint, self.b.exchange.keys().signing_fingerprint}
        report = self.upper.exchange.import_file(path, PASS, trusted=trusted)
        assert report.accepted, report.reason.render(VI) if report.reason else report
        return report

    def close(self) -> None:
        for services in (self.upper, self.a, self.b):
            services.db.close()


def build_units(tmp_path: Path, sample_branches: Path, location: Path | str) -> Units:
    """A and B (copies of the sample branches) taken in at an upper level on the database at *location*."""
    branches = []
    for name in ("a", "b"):
        shutil.copyfile(sample_branches / f"{name}.sqlite", tmp_path / f"{name}.sqlite")
        branches.append(Services.build(open_database(tmp_path / f"{name}.sqlite", clock=CLOCK)))
    upper = Services.build(open_database(location, clock=CLOCK))
    upper.organisation.save(OrganisationSetup("Đảng ủy xã Tân Hùng", "Tỉnh ủy Cà Mau", "Tân Hùng", (), Level.COMMITTEE))
    stick = tmp_path / "stick"
    stick.mkdir()
    built = Units(upper, branches[0], branches[1], stick)
    for branch in branches:
        built.take_in(built.send(branch))
    return built


def copy_member(units: Units) -> tuple[str, MemberRecord, str, int]:
    """At B: A's official member recorded as transferred in, under the UUID of A's record, and listed present at
    B's newest meeting. Returns the UUID, A's record, the UUID of B's meeting and the member's id at B."""
    moving = next(r for r in units.a.members.roster().rows if r.status == "official")
    record = units.a.members.get(moving.id).record
    with connect(units.a.db) as conn:
        (uuid,) = conn.execute("SELECT uuid FROM member WHERE id = ?", (moving.id,)).fetchone()
    added = units.b.members.add(record, Joining(kind=JoinKind.TRANSFERRED_IN, on=TODAY, decision_no="9-QĐ/ĐU"))
    with connect(units.b.db) as conn:
        conn.execute("UPDATE member SET uuid = ? WHERE id = ?", (uuid, added.ids[0]))
        meeting_id, meeting_uuid = conn.execute('SELECT id, uuid FROM meeting ORDER BY "on" DESC, id DESC').fetchone()
        conn.execute(
            "INSERT INTO attendance (uuid, meeting_id, member_id, name, role, mark, reason, spoke) "
            "VALUES ('6f1c3a52-2d0e-4b8e-9a51-7c2f0d4e8b11', ?, ?, ?, 'official', 'present', '', 0)",
            (meeting_id, added.ids[0], record.full_name),
        )
    return uuid, record, meeting_uuid, added.ids[0]


TERM = "Nhiệm kỳ 2020–2025"


def write_committee(folder: Path) -> Path:
    """A commune's committee with A and B taken in, a member sent by both waiting for review, a term and a rule
    changed from a past day, in *folder*: its file (written once by a module's fixture, copied for each test)."""
    units = build_units(folder, write_sample_branches(folder / "samples"), folder / "xa.sqlite")
    copy_member(units)
    units.take_in(units.send(units.b))
    units.upper.terms.save(TermDraft(TERM, date(2020, 9, 1), date(2025, 8, 31), 12))
    units.upper.rules.set_value("meeting.quality_bar_percent", "90", date(2026, 3, 1))
    units.close()
    return folder / "xa.sqlite"


def copy_of(path: Path, target: Path) -> Path:
    """A consistent copy of the database at *path* (with what its write-ahead log holds)."""
    with closing(sqlite3.connect(path)) as source, closing(sqlite3.connect(target)) as copy:
        source.backup(copy)
    return target
