"""What the app writes is for the user's eyes only: the database, its backups and their folder, the packages, the
logs (0600 files, 0700 folders), also when an earlier version had left them readable by all."""

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.days import TODAY

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes")


@pytest.fixture(autouse=True)
def _usual_umask() -> Iterator[None]:
    """As a usual login leaves it: new files readable by all (so the app's own care is what is tested)."""
    before = os.umask(0o022)
    yield
    os.umask(before)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _chibo(tmp_path: Path, *args: str) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
        env[name] = str(tmp_path / name.lower())
    done = subprocess.run(
        [sys.executable, "-m", "chibo_desktop", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


def test_the_command_line_writes_only_private_files(tmp_path: Path) -> None:
    data = tmp_path / "data" / "chibo.sqlite"
    _chibo(tmp_path, "demo", "--db", str(data), "--members", "6", "--seed", "2", "--today", TODAY.isoformat())
    assert _mode(data) == 0o600 and _mode(data.parent) == 0o700

    secret = tmp_path / "passphrase.txt"
    secret.write_text("mat-khau-usb-2026\n", encoding="utf-8")
    stick = tmp_path / "stick"
    stick.mkdir()
    _chibo(
        tmp_path,
        "backup",
        "--db",
        str(data),
        "--out",
        str(stick / "copy.chibo-backup"),
        "--passphrase-file",
        str(secret),
    )
    _chibo(tmp_path, "export", "--db", str(data), "--out", str(stick), "--passphrase-file", str(secret))
    written = sorted(stick.iterdir())
    assert len(written) == 2 and all(_mode(path) == 0o600 for path in written), [oct(_mode(p)) for p in written]

    os.chmod(data, 0o644)  # as an earlier version left it
    _chibo(tmp_path, "stats", "--db", str(data))
    assert _mode(data) == 0o600


def test_the_app_keeps_its_files_private(tmp_path: Path) -> None:
    data = tmp_path / "data" / "chibo.sqlite"
    _chibo(tmp_path, "demo", "--db", str(data), "--members", "6", "--seed", "2", "--today", TODAY.isoformat())
    os.chmod(data, 0o644)
    (data.parent / "backups").mkdir(mode=0o755)
    old_backup = data.parent / "backups" / "chibo-auto-20260101-080000.sqlite"
    old_backup.write_bytes(data.read_bytes())
    os.chmod(old_backup, 0o644)

    start = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from chibo_desktop.app import run_gui\n"
        "app = QApplication(['chibo'])\n"
        "QTimer.singleShot(0, app.quit)\n"
        "sys.exit(run_gui(database=Path(sys.argv[1]), language='vi'))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
        env[name] = str(tmp_path / name.lower())
    done = subprocess.run([sys.executable, "-c", start, str(data)], cwd=ROOT, env=env, capture_output=True, check=False)
    assert done.returncode == 0, done.stderr

    backups = data.parent / "backups"
    logs = next((tmp_path / "xdg_state_home").rglob("chibo.log"))
    assert _mode(data) == 0o600 and _mode(backups) == 0o700 and _mode(old_backup) == 0o600
    assert all(_mode(path) == 0o600 for path in backups.iterdir() if path.is_file())
    assert len([p for p in backups.iterdir() if p.name.startswith("chibo-auto-")]) >= 2  # one made on closing
    assert _mode(logs) == 0o600 and _mode(logs.parent) == 0o700
