"""A log record at WARNING or above fails the test that made it, unless the test says it expects one."""

import logging
from pathlib import Path

import pytest

from tests.helpers.logfail import WarningsLogged

ROOT = Path(__file__).resolve().parents[1]


def test_a_warning_in_the_log_fails_the_test(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    pytester.makeini("[pytest]\nmarkers =\n    logs_warning: expected\n")
    pytester.makepyfile(
        """
        import logging
        import threading

        import pytest

        def test_quiet():
            logging.getLogger("chibo").info("all is well")

        def test_warns():
            logging.getLogger("chibo").warning("the disk is nearly full")

        def test_warns_from_a_worker_thread():
            worker = threading.Thread(target=lambda: logging.getLogger("chibo").error("lost"))
            worker.start()
            worker.join()

        @pytest.mark.logs_warning
        def test_expects_it():
            logging.getLogger("chibo").warning("expected")

        def test_checks_it(caplog):
            logging.getLogger("chibo").warning("checked")
            assert "checked" in caplog.text
        """
    )
    result = pytester.runpytest_subprocess("-p", "tests.helpers.logfail", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=3, failed=2)
    result.stdout.fnmatch_lines(["*WARNING chibo: the disk is nearly full*", "*ERROR chibo: lost*"])


def test_this_suite_runs_with_the_check() -> None:
    assert any(isinstance(h, WarningsLogged) for h in logging.getLogger().handlers)
