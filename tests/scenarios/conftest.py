"""What the scenarios share besides tests/helpers: the interface language, one test run in each."""

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from chibo_desktop.ui.i18n import LanguageSwitch


@pytest.fixture(params=["vi", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """Vietnamese, then English: the translation installed for the test, English put back after it."""
    switch = LanguageSwitch()
    assert switch.use(request.param)
    yield request.param
    switch.use("en")
