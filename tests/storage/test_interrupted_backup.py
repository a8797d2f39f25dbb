"""A backup killed halfway (SIGKILL, in a process of its own) leaves a temporary file as big as the copy so far;
the next start, or the next backup to the same folder, removes it."""

import os
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest

from chibo_desktop.domain.clock import Clock
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services import backups
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import open_database
from tests.helpers.days import CLOCK, TODAY

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL"),
    pytest.mark.sqlite_only,
]  # the SQLite file itself


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
        env[name] = str(tmp_path / name.lower())
    return env


@pytest.fixture
def branch(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "chibo.sqlite"
    db = open_database(path, clock=CLOCK)
    write_demo(db, members=150, seed=4, today=TODAY)
    db.close()
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA page_count").fetchone()[0] > 2 * 256  # more than the first step copies
    return path


def _kill_mid_copy(source: Path, target: Path, tmp_path: Path) -> Path:
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.backup_writer", str(source), str(target)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=_env(tmp_path),
    )
    assert process.stdout is not None
    assert process.stdout.readline() == "copying\n"  # the copy is under way: kill it there
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    part = target.with_name(target.name + ".part")
    assert part.exists() and not target.exists()
    return part


def test_the_next_start_removes_what_a_killed_backup_left(branch: Path, tmp_path: Path) -> None:
    folder = branch.parent / "backups"
    part = _kill_mid_copy(branch, folder / "chibo-auto-20261129-210000.sqlite", tmp_path)

    start = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from chibo_desktop.app import run_gui\n"
        "app = QApplication(['chibo'])\n"
        "QTimer.singleShot(0, app.quit)  # close as soon as the window is up\n"
        "sys.exit(run_gui(database=Path(sys.argv[1]), language='vi'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", start, str(branch)], cwd=ROOT, env=_env(tmp_path), capture_output=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert not part.exists()
    assert [p for p in folder.iterdir() if ".part" in p.name] == []
    kept = [p for p in folder.iterdir() if p.name.startswith("chibo-auto-")]  # the backup made on closing
    assert len(kept) == 1 and backups.check(kept[0]).ok


def test_the_next_backup_to_the_stick_removes_what_a_killed_one_left(branch: Path, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    part = _kill_mid_copy(branch, stick / "chibo-chi-bo-20261129-210000.chibo-backup", tmp_path)
    db = open_database(branch, clock=CLOCK)
    services = Services.build(db)
    service = backups.BackupService(db, tmp_path / "auto", Clock(lambda: datetime(2026, 11, 30, 8, 0)))
    made = service.backup_to(stick, services.organisation.require().branch_name, "mat-khau-usb-2026")
    db.close()
    assert not part.exists()
    assert sorted(p.name for p in stick.iterdir()) == [made.name]
