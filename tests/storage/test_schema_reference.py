"""The schema each revision's migrations build is what a restore compares a backup with, so it must never change
once a revision is out: a backup made by an earlier copy of the app would be refused as altered. A change to an old
migration, or to code it calls (audit_schema's trigger SQL), shows here first."""

import hashlib
import json

import pytest

from chibo_desktop.storage import schema_reference
from chibo_desktop.storage.db import Database

# sha256 (first 16 hex digits) of each revision's objects; a new revision adds its line once it is released
RELEASED = {
    "0001": "43f7fbf53f8fefd9",
    "0002": "33dc734d34272ccc",
    "0003": "33dc734d34272ccc",  # rules seeded as data: no change of schema
    "0004": "28c1cd1785226e34",
    "0005": "7e80660202bcac5e",
    "0006": "0f78bb0a478a915f",
    "0007": "f4a1d1ec547d5551",
    "0008": "a3d0cd1eff5ea566",
    "0009": "7ad2fd7b2afb3cf6",
    "0010": "abcfabbf4b2b93ac",
    "0011": "1b33e880bde0e2b5",
    "0012": "1b33e880bde0e2b5",  # the CCCD rule is a dated rule value: data, not schema
    "0013": "b7fc8ed548e73368",
}


def _fingerprint(revision: str) -> str:
    objects = sorted(schema_reference.reference(revision).items())
    return hashlib.sha256(json.dumps(objects).encode()).hexdigest()[:16]


def test_every_released_revision_still_builds_the_same_schema() -> None:
    assert set(RELEASED) <= Database.known_revisions()
    changed = {revision for revision, expected in RELEASED.items() if _fingerprint(revision) != expected}
    assert changed == set(), "these revisions now build another schema; old backups would be refused"


@pytest.mark.sqlite_only  # the reference is SQLite's schema
def test_the_live_file_at_head_matches_its_reference(db: Database) -> None:
    import sqlite3
    from contextlib import closing

    head = Database.head_revision()
    assert head is not None
    with closing(sqlite3.connect(db.path)) as conn:
        assert schema_reference.differences(conn, head) == ()
