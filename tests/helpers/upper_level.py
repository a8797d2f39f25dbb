"""An upper level that took in two branches, A and B, and a way to throw crafted packages signed by A (or by a
stranger) at it through the app's own import, checking that nothing at all was written."""

import copy
import hashlib
import itertools
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chibo_desktop.catalog import Catalog
from chibo_desktop.domain.organisation import Level, OrganisationSetup
from chibo_desktop.exchange import package
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services.exchange import ImportReport
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage import exchange_log, package_records
from chibo_desktop.storage.db import open_database
from tests.helpers.days import CLOCK, TODAY
from tests.helpers.packages import PASS, inner, manifest_for, text

VI = Catalog("vi")
RAW = "\x00raw\x00"  # a value replaced by raw JSON bytes after serialising (NaN, deep nesting …)


def fingerprint_db(path: Path) -> str:
    """A hash of every table's rows and of the schema: equal before and after means nothing was written."""
    digest = hashlib.sha256()
    with sqlite3.connect(path) as conn:
        for name, sql in conn.execute("SELECT name, sql FROM sqlite_master ORDER BY name"):
            digest.update(f"{name}\0{sql}\0".encode())
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").fetchall():
            for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid'):
                digest.update(repr(row).encode())
    return digest.hexdigest()


@dataclass
class World:
    folder: Path
    upper: Services
    a: Services
    b: Services
    a_key: package.KeyPair
    upper_public: bytes  # the key packages are locked to
    sequence: itertools.count  # type: ignore[type-arg]

    def data(self, branch: Services | None = None) -> dict[str, Any]:
        """A deep copy of a branch's records as its package carries them (A's by default)."""
        with (branch or self.a).db.read() as session:
            return copy.deepcopy(package_records.dump(session))

    def uuid_of(self, branch: Services) -> str:
        return branch.organisation.require().branch_uuid

    def blob(
        self,
        data: Any,
        key: package.KeyPair | None = None,
        sender: str | None = None,
        manifest: Callable[[dict[str, Any]], Any] | None = None,
        raw: bytes | None = None,
        audit: Any = None,
        attachments: dict[str, bytes] | None = None,
    ) -> bytes:
        """A package signed by *key* (A's) claiming to come from *sender* (A), locked to the upper level's key.
        *raw* replaces the value RAW wherever it appears in the data; *manifest* may change the manifest."""
        key = key or self.a_key
        made = manifest_for(sender or self.uuid_of(self.a), key, data if isinstance(data, dict) else {})
        made["sequence"] = 1000 + next(self.sequence)
        if manifest is not None:
            made = manifest(made)
        data_bytes = text(data)
        if raw is not None:
            data_bytes = data_bytes.replace(text(RAW), raw)
        return package.encrypt_to_recipient(inner(made, data_bytes, key, audit, attachments), self.upper_public)

    def take_in(
        self, blob: bytes, trusted: set[str] | None = None, dry_run: bool = False, passphrase: str | None = None
    ) -> ImportReport:
        path = self.folder / "stick" / "crafted.chibo"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(blob)
        try:
            return self.upper.exchange.import_file(path, passphrase, dry_run, trusted or set())
        finally:
            path.unlink()

    def refused(
        self,
        blob: bytes,
        trusted: set[str] | None = None,
        target: Services | None = None,
        passphrase: str | None = None,
    ) -> str:
        """Take *blob* in at the upper level (or *target*) through the app's path: it must be refused with a
        Vietnamese message and leave every table exactly as it was; returns the message."""
        target = target or self.upper
        before = fingerprint_db(target.db.path)
        path = self.folder / "stick" / "crafted.chibo"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(blob)
        try:
            report = target.exchange.import_file(path, passphrase, trusted=trusted or set())
            assert not report.accepted, report
            assert not path.with_suffix(".chibo-ack").exists()
        finally:
            path.unlink()
        assert report.reason is not None
        vietnamese = report.reason.render(VI)
        assert vietnamese != report.reason.render(), "the refusal has no Vietnamese translation"
        assert fingerprint_db(target.db.path) == before, "a refused package changed the database"
        return vietnamese


def build_world(folder: Path) -> World:
    branches = []
    for seed in (21, 22):
        db = open_database(folder / f"branch{seed}.sqlite", clock=CLOCK)
        write_demo(db, members=12, seed=seed, today=TODAY, meeting_years=1)
        branches.append(Services.build(db))
    a, b = branches
    upper = Services.build(open_database(folder / "upper.sqlite", clock=CLOCK))
    upper.organisation.save(OrganisationSetup("Đảng ủy xã Tân Hùng", "Tỉnh ủy Cà Mau", "Tân Hùng", (), Level.COMMITTEE))
    keys = upper.exchange.keys()
    stick = folder / "usb"
    stick.mkdir()
    for branch in (a, b):
        branch.exchange.export(stick, recipient=keys.encryption_public, with_minutes=True)
    trusted = {a.exchange.keys().signing_fingerprint, b.exchange.keys().signing_fingerprint}
    reports = upper.exchange.import_paths([stick], trusted=trusted)
    assert [r.accepted for r in reports] == [True, True], [r.reason for r in reports]
    with a.db.read() as session:
        found = exchange_log.get_key(session, "signing")
    assert found is not None
    return World(folder, upper, a, b, package.KeyPair(*found), package.unb64(keys.encryption_public), itertools.count())


__all__ = ["PASS", "RAW", "VI", "World", "build_world", "fingerprint_db"]
