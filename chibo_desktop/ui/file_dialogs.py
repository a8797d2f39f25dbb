"""Every file and folder picker of the app, in one place: where each opens.

Qt's pickers open, unless told otherwise, in the folder the program was started from: on Windows that is the
install folder, where a secretary must not save anything. Here a picker opens in the user's Documents folder the
first time, then in the folder last chosen for the same kind of file: PDFs and workbooks where the last one was
saved, packages and backups on the stick last used. The folders are remembered in the settings of this computer
(so from one run to the next) once :func:`remember_in` has been given them at start; until then, for the run only.
"""

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QDir, QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


class Kind(Enum):
    """What is picked: each kind remembers its own folder."""

    DOCUMENTS = "documents"  # PDFs and workbooks the app writes
    STICK = "stick"  # packages, receipts and backups carried on a USB stick
    SPREADSHEETS = "spreadsheets"  # lists of members to import
    PHOTOS = "photos"  # members' photos


_settings: QSettings | None = None
_this_run: dict[Kind, str] = {}


def remember_in(settings: QSettings | None) -> None:
    """Keep the folders chosen in *settings* from now on (None: for this run only)."""
    global _settings
    _settings = settings
    _this_run.clear()


def documents() -> str:
    """The user's Documents folder, or the home folder where there is none."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return found if found and Path(found).is_dir() else QDir.homePath()


def start_folder(kind: Kind) -> str:
    """Where a picker of *kind* opens: the folder last chosen for that kind while it is still there (a stick
    pulled out is not), else Documents."""
    last = _this_run.get(kind)
    if last is None and _settings is not None:
        value = _settings.value(f"folders/{kind.value}")
        last = str(value) if value else None
    return last if last and Path(last).is_dir() else documents()


def chosen(kind: Kind, path: Path) -> None:
    """Remember the folder of *path* (or *path*, a folder) as the one to open next for *kind*."""
    folder = str(path if path.is_dir() else path.parent)
    _this_run[kind] = folder
    if _settings is not None:
        _settings.setValue(f"folders/{kind.value}", folder)
        _settings.sync()


def open_file(parent: QWidget | None, kind: Kind, caption: str, filters: str) -> Path | None:
    picked, _filter = QFileDialog.getOpenFileName(parent, caption, start_folder(kind), filters)
    return _keep(kind, picked)


def open_files(parent: QWidget | None, kind: Kind, caption: str, filters: str) -> list[Path]:
    picked, _filter = QFileDialog.getOpenFileNames(parent, caption, start_folder(kind), filters)
    if picked:
        chosen(kind, Path(picked[0]))
    return [Path(p) for p in picked]


def save_file(parent: QWidget | None, kind: Kind, caption: str, name: str, filters: str) -> Path | None:
    """*name*: the file name offered, in the folder where this kind was last saved."""
    suggested = str(Path(start_folder(kind)) / Path(name).name) if name else start_folder(kind)
    picked, _filter = QFileDialog.getSaveFileName(parent, caption, suggested, filters)
    return _keep(kind, picked)


def folder(parent: QWidget | None, kind: Kind, caption: str) -> Path | None:
    picked = QFileDialog.getExistingDirectory(parent, caption, start_folder(kind))
    return _keep(kind, picked)


def _keep(kind: Kind, picked: str) -> Path | None:
    if not picked:
        return None
    path = Path(picked)
    chosen(kind, path)
    return path
