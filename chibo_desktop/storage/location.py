"""Where the live database may not live: a network share, a cloud-synced folder, a removable drive.

SQLite's locking and WAL need a local disk (sqlite.org: "use a local disk"); a cloud client (OneDrive, Google
Drive, Dropbox) copies the file while it is written and brings back conflicting copies; a USB stick is pulled out.
The app refuses to open its records there and says where to keep them. Copies (backups, packages) may go anywhere.
"""

import os
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path, PureWindowsPath


class Unsafe(StrEnum):
    NETWORK = "network"
    CLOUD = "cloud"
    REMOVABLE = "removable"


# Folder names the cloud clients create (and the environment variables OneDrive sets on Windows).
CLOUD_FOLDERS = ("onedrive", "google drive", "googledrive", "my drive", "dropbox", "icloud drive", "iclouddrive")
CLOUD_VARIABLES = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")
NETWORK_FILESYSTEMS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "sshfs", "fuse.sshfs", "9p", "afs", "ceph", "glusterfs"}

# GetDriveTypeW's answers
DRIVE_REMOVABLE, DRIVE_REMOTE = 2, 4


def _windows_drive_type(root: str) -> int:
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined]


def _posix_filesystem(path: Path) -> tuple[str, str]:
    """(mount point, file system type) of the mount holding *path*, from /proc/mounts."""
    best = ("/", "")
    try:
        lines = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return best
    text = str(path)
    for line in lines:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount = parts[1].replace("\\040", " ")
        inside = text == mount or text.startswith(mount.rstrip("/") + "/")
        if inside and len(mount) >= len(best[0]):
            best = (mount, parts[2])
    return best


def check_location(
    path: Path,
    windows: bool = sys.platform == "win32",
    drive_type: Callable[[str], int] | None = None,
    environ: dict[str, str] | None = None,
) -> Unsafe | None:
    """Why *path* is no place for the live database, or None when it is on a local disk.

    *windows*, *drive_type* and *environ* stand for this computer; tests pass others."""
    env = os.environ if environ is None else environ
    text = str(path)
    if windows:
        win = PureWindowsPath(text)
        if text.startswith(("\\\\", "//")) or win.drive.startswith("\\\\"):
            return Unsafe.NETWORK
        for variable in CLOUD_VARIABLES:
            folder = env.get(variable)
            if folder and text.lower().startswith(folder.lower().rstrip("\\") + "\\"):
                return Unsafe.CLOUD
        if any(part.lower() in CLOUD_FOLDERS for part in win.parts[1:]):
            return Unsafe.CLOUD
        if win.drive:
            kind = (drive_type or _windows_drive_type)(win.drive + "\\")
            if kind == DRIVE_REMOTE:
                return Unsafe.NETWORK
            if kind == DRIVE_REMOVABLE:
                return Unsafe.REMOVABLE
        return None
    posix = Path(text)
    if any(part.lower() in CLOUD_FOLDERS for part in posix.parts[1:]):
        return Unsafe.CLOUD
    mount, filesystem = _posix_filesystem(posix.resolve() if posix.exists() else posix)
    if filesystem in NETWORK_FILESYSTEMS:
        return Unsafe.NETWORK
    if mount.startswith(("/media/", "/run/media/")) or text.startswith(("/media/", "/run/media/")):
        return Unsafe.REMOVABLE
    return None


SERVER_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def is_server(location: object) -> bool:
    """Whether *location* names a PostgreSQL database rather than a SQLite file (told without loading the
    database layer: the command line asks before it knows which command runs)."""
    return isinstance(location, str) and location.lower().startswith(SERVER_SCHEMES)
