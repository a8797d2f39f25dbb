"""Shared fixtures: a real SQLite file through the real migrations, services on a fixed day, and Qt set up
headless with the Vietnamese translation installed (the default language of the app).

A log record at WARNING or above fails the test that made it: see tests/helpers/logfail.py.
"""

import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from chibo_desktop.services.wiring import Services  # noqa: E402
from chibo_desktop.storage.db import Database, open_database  # noqa: E402
from tests.helpers.branch import SETUP  # noqa: E402
from tests.helpers.databases import (  # noqa: E402
    SERVER,
    drop_server,
    drop_server_template,
    migrated_copy,
    server_copy,
)
from tests.helpers.days import CLOCK  # noqa: E402

pytest_plugins = ["tests.helpers.logfail", "pytester"]  # pytester: tests/test_logfail.py runs a suite


OFFICE_SCREEN = Path(__file__).parent / "helpers" / "office_screen.json"


def pytest_configure(config: pytest.Config) -> None:
    """Headless, on the usual office screen: 1366×768 less a 40-pixel taskbar (the offscreen platform's screen is
    otherwise 800×800, with no taskbar), so Qt places and sizes every window as it would on the secretary's desk."""
    if os.environ["QT_QPA_PLATFORM"] == "offscreen":
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={OFFICE_SCREEN}"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--move-clock",
        metavar="YYYY-MM-DD",
        default=None,
        help="run with the computer's clock moved to that day (CI runs the date-sensitive tests so, twice)",
    )


@pytest.fixture(autouse=True, scope="session")
def _moved_clock(request: pytest.FixtureRequest) -> Iterator[None]:
    """Under --move-clock every read of the real clock (Python's, not SQLite's) answers the moved day, so a test
    that leans on the day it runs fails here first."""
    day = request.config.getoption("--move-clock")
    if day is None:
        yield
        return
    import time_machine

    with time_machine.travel(date.fromisoformat(day), tick=True):
        yield


# Run on both databases when CHIBO_TEST_PG names a PostgreSQL server (tests/helpers/databases.py); a test there
# that works on the file itself is marked sqlite_only.
BOTH_BACKENDS = ("storage", "services", "exchange", "reports")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if not SERVER or "backend" not in metafunc.fixturenames:
        return
    area = Path(str(metafunc.definition.fspath)).relative_to(Path(__file__).parent).parts[0]
    if area in BOTH_BACKENDS and metafunc.definition.get_closest_marker("sqlite_only") is None:
        metafunc.parametrize("backend", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """Which database the test runs on: "sqlite" (always), "postgresql" (besides, under CHIBO_TEST_PG)."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session", autouse=True)
def _server_template() -> Iterator[None]:
    yield
    if SERVER:
        drop_server_template()


@pytest.fixture
def new_database(tmp_path: Path, backend: str) -> Iterator[Callable[[str], Path | str]]:
    """``new_database(name)``: a fresh database at the newest schema on the test's backend, to give to
    open_database: a file in the test's folder, or a PostgreSQL database dropped after the test."""
    made: list[str] = []

    def make(name: str) -> Path | str:
        if backend == "postgresql":
            made.append(server_copy())
            return made[-1]
        return migrated_copy(tmp_path / f"{name}.sqlite")

    yield make
    for location in made:
        drop_server(location)


@pytest.fixture
def db(tmp_path: Path, new_database: Callable[[str], Path | str]) -> Iterator[Database]:
    database = open_database(new_database("chibo"), tmp_path / "backups", clock=CLOCK)
    yield database
    database.close()


@pytest.fixture
def services(db: Database) -> Services:
    built = Services.build(db)
    built.organisation.save(SETUP)
    return built


@pytest.fixture(autouse=True)
def _english_after_each_test() -> Iterator[None]:
    """Every test starts in English, the untranslated interface: a test that opened the app in Vietnamese without
    switching back (``run_gui`` refusing a second window, say) must not change what the next one reads."""
    yield
    from PySide6.QtCore import QCoreApplication

    if QCoreApplication.instance() is not None:
        from chibo_desktop.ui.i18n import LanguageSwitch

        LanguageSwitch().use("en")


@pytest.fixture(autouse=True, scope="session")
def _settings_of_the_suite(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The app's settings file (the window's language, which the command line follows too) is the suite's own, not
    the one of whoever runs it: a language chosen in their window would turn the commands' messages English."""
    before = os.environ.get("XDG_CONFIG_HOME")
    os.environ["XDG_CONFIG_HOME"] = str(tmp_path_factory.mktemp("config"))
    yield
    if before is None:
        del os.environ["XDG_CONFIG_HOME"]
    else:
        os.environ["XDG_CONFIG_HOME"] = before


@pytest.fixture(autouse=True)
def _pickers_forget_after_each_test() -> Iterator[None]:
    """The folders file pickers remember (chibo_desktop.ui.file_dialogs) do not carry over to the next test."""
    yield
    from chibo_desktop.ui import file_dialogs

    file_dialogs.remember_in(None)


@pytest.fixture
def vietnamese(qapp: object) -> Iterator[None]:
    from chibo_desktop.ui.i18n import LanguageSwitch

    switch = LanguageSwitch()
    assert switch.use("vi")
    yield
    switch.use("en")
