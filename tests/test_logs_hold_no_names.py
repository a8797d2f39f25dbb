"""The logs and the terminal hold ids and counts, never what a member's record says: an unexpected error during a
write carries the statement, not the values bound to it (README: "The logs never contain names or ID numbers")."""

import logging
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from chibo_desktop.app import setup_logging
from chibo_desktop.cli import main
from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.crash import CrashHook
from tests.helpers.days import TODAY
from tests.helpers.members import add_member

# Refused and altered files are logged at WARNING on purpose: these tests expect it.
pytestmark = pytest.mark.logs_warning

NAME, CCCD = "Nguyễn Thị Bích Ngọc", "079180001234"


def _break_member_inserts(path: Path) -> None:
    """A write the code does not expect to fail, failing: the database refuses every new member."""
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TRIGGER zz_refuse BEFORE INSERT ON member BEGIN SELECT RAISE(ABORT, 'refused'); END")
        conn.commit()


def test_an_unexpected_error_in_a_write_logs_no_name(qtbot: QtBot, services: Services, tmp_path: Path) -> None:
    _break_member_inserts(services.db.path)
    log_file = setup_logging(tmp_path / "logs")
    root = logging.getLogger()
    handler = next(h for h in root.handlers if getattr(h, "baseFilename", "") == str(log_file))
    hook = CrashHook(str(log_file))
    hook.raised.disconnect()  # the dialog is modal; look at what it would show and copy
    try:
        with qtbot.waitSignal(hook.raised) as shown:
            try:
                add_member(services, NAME, cccd=CCCD)
            except Exception:
                hook.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    finally:
        root.removeHandler(handler)
        handler.close()
    logged = log_file.read_text(encoding="utf-8")
    assert "IntegrityError" in logged and "INSERT INTO member" in logged  # the error is there, for the developer
    for text in (logged, shown.args[0]):
        assert NAME not in text and CCCD not in text and "Bích" not in text


def test_an_unexpected_error_in_the_command_line_prints_no_name(tmp_path: Path) -> None:
    path = tmp_path / "chibo.sqlite"
    assert main(["demo", "--db", str(path), "--members", "5", "--seed", "2", "--today", TODAY.isoformat()]) == 0
    _break_member_inserts(path)
    roster = tmp_path / "ds.csv"
    roster.write_text(
        f"Họ và tên,Ngày sinh,Số CCCD,Giới tính,Ngày vào Đảng,Ngày chính thức\n{NAME},04/03/1980,{CCCD},Nữ,19/05/2010,20/05/2011\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "chibo_desktop", "members", "import", "--db", str(path), str(roster)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode != 0 and "IntegrityError" in done.stderr
    assert NAME not in done.stderr + done.stdout and CCCD not in done.stderr + done.stdout
