"""Shared fixtures: a real SQLite file through the real migrations, services on a fixed day, and Qt set up
headless with the Vietnamese translation installed (the default language of the app)."""

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from chibo_desktop.domain.organisation import OrganisationSetup  # noqa: E402
from chibo_desktop.services.bundle import Services  # noqa: E402
from chibo_desktop.storage.db import Database, open_database  # noqa: E402

TODAY = date(2026, 11, 22)
SETUP = OrganisationSetup(
    branch_name="Chi bộ ấp Sáu",
    upper_name="Đảng bộ xã Tân Hùng",
    place_name="Tân Hùng",
    hamlet_names=("Tổ 1", "Tổ 2", "Tổ 3"),
)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "chibo.sqlite", tmp_path / "backups")
    yield database
    database.close()


@pytest.fixture
def services(db: Database) -> Services:
    built = Services.build(db, today=lambda: TODAY)
    built.organisation.save(SETUP)
    return built


@pytest.fixture
def vietnamese(qapp: object) -> Iterator[None]:
    from chibo_desktop.ui.i18n import LanguageSwitch

    switch = LanguageSwitch()
    assert switch.use("vi")
    yield
    switch.use("en")
