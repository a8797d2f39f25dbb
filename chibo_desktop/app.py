"""The composition root: start-up in one readable function, and the objects it wires together."""

import faulthandler
import logging
import logging.handlers
import sys
from datetime import datetime
from pathlib import Path
from typing import IO

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from chibo_desktop import __version__
from chibo_desktop.catalog import DEFAULT_LANGUAGE, LANGUAGES
from chibo_desktop.domain.errors import UserError
from chibo_desktop.paths import Paths
from chibo_desktop.services.bundle import Services
from chibo_desktop.storage.db import open_database
from chibo_desktop.ui.crash import CrashHook, show_user_error
from chibo_desktop.ui.i18n import LanguageSwitch
from chibo_desktop.ui.main_window import MainWindow
from chibo_desktop.ui.setup_dialog import SetupDialog
from chibo_desktop.ui.tasks import TaskRunner

log = logging.getLogger("chibo_desktop")
_fault_file: IO[str] | None = None


def setup_logging(logs: Path) -> Path:
    """A rotating log file under the user log folder. Member data (names, ID numbers) is never logged."""
    logs.mkdir(parents=True, exist_ok=True)
    log_file = logs / "chibo.log"
    handler = logging.handlers.RotatingFileHandler(log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return log_file


def setup_faulthandler(logs: Path) -> None:
    """Native crashes go to faults.log; one left by the previous run is kept with a date and logged."""
    global _fault_file
    path = logs / "faults.log"
    if path.exists() and path.stat().st_size > 0:
        kept = path.with_name(f"faults-{datetime.now():%Y%m%d-%H%M%S}.log")
        path.replace(kept)
        log.warning("the previous run crashed natively; details kept in %s", kept)
    _fault_file = open(path, "w", encoding="utf-8")  # noqa: SIM115 - must stay open for the process's life
    faulthandler.enable(_fault_file)


class Application:
    """Owns the language switch and the main window, so the window can be rebuilt in another language."""

    def __init__(
        self, qt_app: QApplication, services: Services, settings: QSettings, languages: LanguageSwitch
    ) -> None:
        """*languages* is the switch whose translator is already installed: one switch, one translator."""
        self.qt_app = qt_app
        self.services = services
        self.settings = settings
        self.languages = languages
        self.tasks = TaskRunner()
        self.window: MainWindow | None = None

    def open_window(self) -> MainWindow:
        old = self.window
        self.window = MainWindow(self.services, self.tasks, self.languages.language)
        self.window.language_requested.connect(self.switch_language)
        if old is not None:
            self.window.setGeometry(old.geometry())
            old.close()
            old.deleteLater()
        self.window.show()
        return self.window

    def switch_language(self, language: str) -> None:
        if language != self.languages.language and self.languages.use(language):
            self.settings.setValue("language", language)
            self.open_window()


def run_gui(database: Path | None = None, demo: bool = False, language: str | None = None) -> int:
    """Start the app: paths → logging → Qt and language (every dialog needs them) → crash hook → database
    (backed up, then migrated) → first-run setup → main window."""
    paths = Paths.default(database)
    log_file = setup_logging(paths.logs)
    setup_faulthandler(paths.logs)
    log.info("chibo-desktop %s starting", __version__)

    qt_app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(qt_app, QApplication)
    qt_app.setApplicationName("chibo-desktop")
    qt_app.setApplicationVersion(__version__)
    paths.config.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(paths.config / "settings.ini"), QSettings.Format.IniFormat)
    chosen = language or str(settings.value("language", DEFAULT_LANGUAGE))
    switch = LanguageSwitch()
    switch.use(chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE)

    hook = CrashHook(str(log_file))
    hook.install()

    db_path = paths.demo_database if demo else paths.database
    try:
        db = open_database(db_path, paths.backups)
        if demo and Services.build(db).organisation.get() is None:
            from chibo_desktop.services.demo import write_demo

            write_demo(db, members=120, seed=7)
    except UserError as error:
        show_user_error(None, error)
        return 2
    except Exception as error:  # a locked, unreadable or damaged file: say so, keep the file as it is
        log.exception("could not open the database %s", db_path)
        QMessageBox.critical(
            None,
            qt_app.translate("Startup", "Cannot open the data file"),
            qt_app.translate(
                "Startup",
                "The data file {path} could not be opened: {reason}\n\nNothing was changed. Close other copies of the app and try again; if it still fails, restore a backup.",
            ).format(path=db_path, reason=error),
        )
        return 2
    services = Services.build(db)

    if services.organisation.get() is None:
        dialog = SetupDialog(services.organisation, lambda _change: None)
        if not dialog.exec():
            return 0

    app = Application(qt_app, services, settings, switch)
    app.open_window()
    code = qt_app.exec()
    app.tasks.wait()
    db.close()
    return code
