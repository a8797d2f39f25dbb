"""A log record at WARNING or above fails the test that made it, as a Qt warning does (qutebrowser's logfail).

A test that expects one says so: with the ``caplog`` fixture (it then owns the records, and should check them) or
with ``@pytest.mark.logs_warning``. Records from any thread count, from the test's setup to the end of its call.
Loaded by tests/conftest.py as a plugin.
"""

import logging

import pytest


class WarningsLogged(logging.Handler):
    """Keeps every record at WARNING or above, from any thread, for the test running."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


LOGGED = WarningsLogged()
logging.getLogger().addHandler(LOGGED)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> object:
    LOGGED.records.clear()
    return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> object:
    result = yield
    logged, LOGGED.records = LOGGED.records, []
    expected = "caplog" in getattr(item, "fixturenames", ()) or item.get_closest_marker("logs_warning") is not None
    if logged and not expected:
        lines = "\n".join(f"  {r.levelname} {r.name}: {r.getMessage()}" for r in logged)
        pytest.fail(f"logged at WARNING or above (mark the test logs_warning if it is expected):\n{lines}", False)
    return result
