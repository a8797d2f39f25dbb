"""The composition root: start-up in one readable function, and the objects it wires together."""

import faulthandler
import logging
import logging.handlers
import os
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING

# What the window's first screen needs is loaded before Qt: once PySide6 is imported it reads the source file of
# every module imported after it (its check for `from __feature__ import`). SQLAlchemy, the mapped classes and the
# services are not among them: a file at the code's head has its roster painted first (services/first_screen.py),
# and they load right after (``MainWindow.services``); any other file loads them before the window.
from chibo_desktop import __version__
from chibo_desktop.catalog import DEFAULT_LANGUAGE, LANGUAGE_KEY, LANGUAGES
from chibo_desktop.domain.clock import Clock
from chibo_desktop.domain.errors import UserError
from chibo_desktop.files import database_files, make_private, private_files
from chibo_desktop.paths import Paths
from chibo_desktop.resources import resource
from chibo_desktop.services import backups
from chibo_desktop.services.first_screen import FirstScreen, read_first_screen
from chibo_desktop.storage.errors import NOT_A_FILE, StorageError
from chibo_desktop.storage.location import is_server
from chibo_desktop.storage.lock import InstanceLock
from chibo_desktop.storage.plain import opens_without_writing

# isort: split
from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from chibo_desktop.ui import file_dialogs
from chibo_desktop.ui.access_dialogs import IdleLock, UnlockDialog
from chibo_desktop.ui.backup_dialogs import describe, tell_restored
from chibo_desktop.ui.crash import CrashHook, show_user_error
from chibo_desktop.ui.i18n import LanguageSwitch, render
from chibo_desktop.ui.main_window import MainWindow, Starting
from chibo_desktop.ui.setup_dialog import SetupDialog
from chibo_desktop.ui.stick_reminder import StickReminder
from chibo_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from chibo_desktop.services.wiring import Services

log = logging.getLogger("chibo_desktop")
BACKGROUND_CHECK_BYTES = 48 * 2**20
"""From this size on, the file's check for damage runs after the window shows: quick_check took 0.33 s on a 39 MB
file and 7.5 s on a 1.85 GB one here, and a start should not wait for it (the file is written only once it passes)."""
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


def _ask(title: str, text: str) -> bool:
    answer = QMessageBox.question(None, title, text)
    return answer == QMessageBox.StandardButton.Yes


def _tell(title: str, text: str) -> None:
    QMessageBox.critical(None, title, text)


def recover_if_damaged(
    path: Path,
    folder: Path,
    clock: Clock,
    ask: Callable[[str, str], bool] = _ask,
    tell: Callable[[str, str], None] = _tell,
) -> bool:
    """Check the file before anything opens it. A damaged file is never opened as if it were fine: the user
    is offered the newest good backup (the damaged file is kept aside), or the app stops. True: go on."""
    if not path.exists() or path.stat().st_size == 0:
        return True
    return offer_recovery(backups.check(path), path, folder, clock, ask, tell)


def offer_recovery(
    found: backups.Check,
    path: Path,
    folder: Path,
    clock: Clock,
    ask: Callable[[str, str], bool] = _ask,
    tell: Callable[[str, str], None] = _tell,
) -> bool:
    """What :func:`recover_if_damaged` does once the check of *path* (closed) has given *found*."""
    if found.ok:
        return True
    log.error("the data file failed its check: %s", "; ".join(found.problems[:5]))
    title = QCoreApplication.translate("Startup", "The data file is damaged")
    newest = backups.newest_good(folder)
    if newest is None:
        tell(
            title,
            QCoreApplication.translate(
                "Startup",
                "The data file {path} is damaged and there is no good backup of it in {folder}. The app will not "
                "open it, so nothing more is lost. If you keep a backup on a USB stick, start the app with that "
                'stick plugged in and run: chibo restore --db "{path}" <the backup file>; otherwise ask for help, '
                "and keep the damaged file.",
            ).format(path=path, folder=folder),
        )
        return False
    if not ask(
        title,
        QCoreApplication.translate(
            "Startup",
            "The data file {path} is damaged ({problem}).\n\nThe newest good backup is:\n{backup}\n\nRestore it? "
            "Whatever was entered after it will have to be entered again. The damaged file is kept in the backup "
            "folder, not deleted.",
        ).format(path=path, problem=found.problems[0], backup=describe(newest)),
    ):
        return False
    backups.restore(newest.path, path, folder, clock)
    return True


def open_services(location: Path | str, folder: Path | None, clock: Clock) -> "Services":
    """The file (or server) opened the usual way — migrated if behind, checked, marked as opened by this version —
    and the services on it. SQLAlchemy, the mapped classes and the services are loaded here, when first needed."""
    from chibo_desktop.services.wiring import Services
    from chibo_desktop.storage.db import open_database

    return Services.build(open_database(location, folder, clock))


def first_run_setup(services: "Services") -> bool:
    """On an empty database, the setup dialog asks who keeps it before any window opens. False: it was
    cancelled, and the app stops."""
    if services.organisation.get() is not None:
        return True
    dialog = SetupDialog(services.organisation, lambda _change: None)
    return bool(dialog.exec())


class Application:
    """Owns the language switch and the main window, so the window can be rebuilt in another language."""

    def __init__(
        self,
        qt_app: QApplication,
        services: "Services | Starting",
        settings: QSettings,
        languages: LanguageSwitch,
        loaded: Callable[[], None] | None = None,
    ) -> None:
        """*languages* is the switch whose translator is already installed: one switch, one translator. From a
        :class:`Starting` the window paints its first screen before the services exist; *loaded* runs once they
        do (the check of the file, the day's backup)."""
        self.qt_app = qt_app
        self._services: Services | None = None
        self._starting: Starting | None = None
        self._loaded = loaded
        if isinstance(services, Starting):
            self._starting = services
        else:
            self._services = services
        self.settings = settings
        file_dialogs.remember_in(settings)  # pickers open where the user last chose, from one run to the next
        self.languages = languages
        self.tasks = TaskRunner()
        self.window: MainWindow | None = None
        self.daily = QTimer()
        self.daily.setInterval(3600 * 1000)  # the app may stay open for days: a backup a day all the same
        self.daily.timeout.connect(self.backup_if_due)
        self.daily.start()
        # watches the app's input once armed (a file read for its first screen has no password: not armed)
        self.idle_lock = IdleLock(lambda: self.services.access, self.close_window, self._starting is None)

    @property
    def services(self) -> "Services":
        """The services of the file open; from a first screen, the window's once loaded (loading them if not)."""
        if self._services is None:
            assert self.window is not None
            self._services = self.window.services
        return self._services

    @services.setter
    def services(self, services: "Services") -> None:
        self._services = services

    @property
    def services_loaded(self) -> bool:
        return self._services is not None

    def open_window(self) -> MainWindow:
        old = self.window
        starting, self._starting = self._starting, None
        self.window = MainWindow(starting or self.services, self.tasks, self.languages.language)
        self.window.language_requested.connect(self.switch_language)
        self.window.restore_requested.connect(self.restore)
        self.window.access_changed.connect(self.idle_lock.restart)
        if starting is None:
            if not self.services.db.server:  # a server's database is not carried away on a stick
                self._remind_of_sticks(self.window, self.services.db.path, self.services.clock)
        else:  # a file's first screen
            self._remind_of_sticks(self.window, starting.screen.path, starting.clock)
            self.window.services_ready.connect(self._services_ready)
        if old is not None:
            self.window.setGeometry(old.geometry())
            old.close()
            old.deleteLater()
        self.window.show()
        return self.window

    def forget_loaded(self) -> None:
        """What was to run once the services are loaded is not wanted any more (the app is closing)."""
        self._loaded = None

    def _remind_of_sticks(self, window: MainWindow, path: Path, clock: Clock) -> None:
        reminder = StickReminder(self.settings, path, clock, window.backup.run)
        window.statusBar().addPermanentWidget(reminder)
        window.file_menu.insertAction(window.restore_action, reminder.days_action)
        window.backup.finished.connect(reminder.copied)
        self.reminder = reminder

    def _services_ready(self, services: "Services") -> None:
        """The window started from a first screen has loaded its services: what the usual start did before it."""
        self._services = services
        loaded, self._loaded = self._loaded, None
        if loaded is not None:
            loaded()

    def close_window(self) -> None:
        if self.window is not None:
            self.window.close()

    def backup_if_due(self) -> None:
        """Today's automatic backup, in the background; a failure is logged and said in the status bar."""
        service = self.services.backups

        def failed(error: BaseException) -> None:
            log.warning("automatic backup failed: %s", error)
            if self.window is not None and isinstance(error, UserError):
                self.window.statusBar().showMessage(render(error.message), 30000)

        self.tasks.run("backup-daily", service.backup_if_due, lambda _path: None, failed)

    def check_in_background(self, folder: Path) -> None:
        """The check for damage of a large file, run after the window shows; until it passes nothing is written
        (``Database.hold_writes``). A damaged file stops everything as the check at start does: the same message,
        the offer of the newest good backup, or the app quits (exit code 2)."""
        db = self.services.db
        db.hold_writes()
        path = db.path

        def checked(found: backups.Check) -> None:
            if found.ok:
                log.info("the data file passed its check")
                self.services.db.release_writes()
                self.backup_if_due()
                return
            self.tasks.wait()
            if self.window is not None:
                self.window.hide()
            self.services.db.close()
            if not offer_recovery(found, path, folder, self.services.clock):
                self.window = None
                QApplication.exit(2)
                return
            self.services = open_services(path, folder, self.services.clock)
            self.open_window()
            self.backup_if_due()

        def failed(error: BaseException) -> None:
            checked(backups.Check((str(error),)))

        self.tasks.run("check", lambda: backups.check(path), checked, failed)

    def backup_on_close(self) -> Path | None:
        try:
            return self.services.backups.backup_now()
        except UserError as error:
            log.warning("backup on closing failed: %s", error)
            show_user_error(None, error)
            return None

    def restore(self, backup: Path, other_branch_ok: bool = False) -> bool:
        """Close the file, restore *backup* over it (the current file is kept first), open it again.
        *other_branch_ok*: the user accepted that the backup holds another branch's records."""
        self.tasks.wait()
        db = self.services.db
        if db.server:
            show_user_error(self.window, StorageError(NOT_A_FILE, db.name))
            return False
        path, folder = db.path, self.services.backups.folder
        db.close()
        restored: backups.Restored | None = None
        try:
            restored = backups.restore(backup, path, folder, db.clock, other_branch_ok)
        except UserError as error:
            show_user_error(self.window, error)
        finally:
            self.services = open_services(path, folder, db.clock)
            self.open_window()
        if self.services.access.protected() and not self.idle_lock.lock_now():  # its password opens its keys
            return False
        if restored is None:
            return False
        assert self.window is not None
        tell_restored(self.window, restored)
        return True

    def switch_language(self, language: str) -> None:
        """The window again in *language*, on the tab the user was looking at, with the member chosen on the roster
        still chosen (and scrolled to) once the new window's roster is in."""
        if language != self.languages.language and self.languages.use(language):
            self.settings.setValue(LANGUAGE_KEY, language)
            self.settings.sync()  # on disk now: the command line speaks the same language (catalog.saved_language)
            shown = self.window.tabs.currentIndex() if self.window is not None else 0
            chosen = self.window.roster_view.selected_member() if self.window is not None else None
            guide = self.window.guide_open() if self.window is not None else None
            window = self.open_window()
            window.tabs.setCurrentIndex(shown)
            if chosen is not None:
                window.roster_view.choose(chosen)
            if guide is not None:  # the guide open beside it comes back in the new language, at the same section
                window.show_guide(*guide)


def run_gui(
    database: Path | str | None = None,
    demo: bool = False,
    language: str | None = None,
    check_in_background_from: int = BACKGROUND_CHECK_BYTES,
) -> int:
    """Start the app: paths → logging → Qt and language (every dialog needs them) → crash hook → database
    (checked, backed up, then migrated) → first-run setup → main window. A file of *check_in_background_from*
    bytes or more that opens without being written to is checked after the window shows. Every file it makes is
    the user's alone.

    *database* may be a committee's ``postgresql://user@host/dbname`` (or the settings' ``database`` value, when no
    --db is given): then several operators work on it at once, and its backups are its administrator's."""
    with private_files():
        return _run_gui(database, demo, language, check_in_background_from)


def _run_gui(database: Path | str | None, demo: bool, language: str | None, check_in_background_from: int) -> int:
    clock = Clock.system()
    paths = Paths.default(None if isinstance(database, str) else database)
    log_file = setup_logging(paths.logs)
    setup_faulthandler(paths.logs)
    log.info("chibo-desktop %s starting", __version__)

    qt_app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(qt_app, QApplication)
    qt_app.setApplicationName("chibo-desktop")
    qt_app.setApplicationVersion(__version__)
    qt_app.setWindowIcon(QIcon(str(resource("icons", "chibo.png"))))  # every window and the taskbar
    paths.config.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(paths.settings), QSettings.Format.IniFormat)
    chosen = language or str(settings.value(LANGUAGE_KEY, DEFAULT_LANGUAGE))
    switch = LanguageSwitch()
    switch.use(chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE)

    hook = CrashHook(str(log_file))
    hook.install()

    if database is None and is_server(settings.value("database", "")):
        database = str(settings.value("database"))
    if isinstance(database, str) and not demo:
        return _run_on_server(qt_app, database, clock, settings, switch)
    db_path = paths.demo_database if demo else paths.database
    lock = InstanceLock(db_path)
    if not lock.acquire():
        QMessageBox.information(
            None,
            QCoreApplication.translate("Startup", "The app is already open"),
            QCoreApplication.translate(
                "Startup",
                "The branch's records ({path}) are already open in another window of the app. Use that window: "
                "two windows writing to the same records could lose changes.",
            ).format(path=db_path),
        )
        return 0
    backups.tidy(paths.backups)  # a backup killed halfway left its temporary file
    make_private(*database_files(db_path), paths.backups, backups.staging(paths.backups), paths.logs)
    large = db_path.exists() and db_path.stat().st_size >= max(1, check_in_background_from)
    check_later = large and opens_without_writing(db_path)
    if not check_later and not recover_if_damaged(db_path, paths.backups, clock):
        return 2
    screen = None if demo else read_first_screen(db_path, clock.today())
    if screen is not None:  # at the code's head, opened by this version, no password: the roster first
        code = _first_screen_window(qt_app, screen, paths.backups, clock, settings, switch, check_later)
        lock.release()
        return code
    from chibo_desktop.services.wiring import Services
    from chibo_desktop.storage.db import open_database

    try:
        db = open_database(db_path, paths.backups, clock)
        if demo and Services.build(db).organisation.get() is None:
            from chibo_desktop.sample.branch import write_demo

            write_demo(db, members=120, seed=7)
    except Exception as error:  # a locked, unreadable or damaged file: say so, keep the file as it is
        cannot_open(db_path, error)
        return 2
    services = Services.build(db)
    if check_later and services.access.protected():  # its password may seal the keys again (a write): check first
        check_later = False
        db.close()
        if not recover_if_damaged(db_path, paths.backups, clock):
            return 2
        services = Services.build(open_database(db_path, paths.backups, clock))
    code = _main_window(qt_app, services, settings, switch, paths.backups if check_later else None)
    lock.release()
    return code


def cannot_open(path: Path, error: Exception) -> None:
    """Why the data file could not be opened, in the user's words (nothing was changed)."""
    if isinstance(error, UserError):
        show_user_error(None, error)
        return
    log.error("could not open the database %s", path, exc_info=error)
    QMessageBox.critical(
        None,
        QCoreApplication.translate("Startup", "Cannot open the data file"),
        QCoreApplication.translate(
            "Startup",
            "The data file {path} could not be opened: {reason}\n\nNothing was changed. Close other copies of the app and try again; if it still fails, restore a backup.",
        ).format(path=path, reason=error),
    )


def _first_screen_window(
    qt_app: QApplication,
    screen: FirstScreen,
    folder: Path,
    clock: Clock,
    settings: QSettings,
    switch: LanguageSwitch,
    check_later: bool,
) -> int:
    """The main window painted from *screen* (read with sqlite3 alone) before the services: they load right after
    the first paint (open_database as the usual start opens it), then the file's check of a large file or the
    day's backup, as :func:`_main_window` does. The file has no password and is set up: nothing to unlock or ask."""

    def load() -> "Services":
        try:
            return open_services(screen.path, folder, clock)
        except Exception as error:  # as the usual start: say why, change nothing, stop
            cannot_open(screen.path, error)
            logging.shutdown()
            os._exit(2)  # the window was only read from: nothing to save, nothing half-written

    def loaded() -> None:
        if check_later:
            app.check_in_background(folder)  # then the day's backup, of a file known to be sound
        else:
            app.backup_if_due()

    starting = Starting(screen, str(screen.path), clock, load)
    app = Application(qt_app, starting, settings, switch, loaded)
    app.open_window()
    code = qt_app.exec()
    app.tasks.wait()
    if not app.services_loaded:  # closed before they were loaded: opened now for the backup on closing, as usual
        if check_later:  # a large file is backed up only once checked, and it was not
            return code
        app.forget_loaded()
    if not app.services.db.writes_held:  # unchecked or damaged: no backup
        app.backup_on_close()
    app.services.db.close()
    return code


def _main_window(
    qt_app: QApplication,
    services: "Services",
    settings: QSettings,
    switch: LanguageSwitch,
    check_later_into: Path | None = None,
) -> int:
    """Unlock, first-run setup, the main window until it closes; the backup on closing (a data file's). With
    *check_later_into* (the backups folder), the file's check for damage runs once the window shows."""
    if services.access.protected() and not UnlockDialog(services.access).exec():
        services.db.close()
        return 0

    if not first_run_setup(services):
        return 0

    app = Application(qt_app, services, settings, switch)
    app.open_window()
    if check_later_into is not None:
        app.check_in_background(check_later_into)  # then the day's backup, of a file known to be sound
    else:
        app.backup_if_due()
    code = qt_app.exec()
    app.tasks.wait()
    if not app.services.db.server and not app.services.db.writes_held:  # unchecked or damaged: no backup
        app.backup_on_close()
    app.services.db.close()
    return code


def _run_on_server(
    qt_app: QApplication, location: str, clock: Clock, settings: QSettings, switch: LanguageSwitch
) -> int:
    """A committee's records on a PostgreSQL server: no file to lock, check or copy (several operators work at
    once; the server's administrator backs it up); a server that does not answer is said in words."""
    try:
        services = open_services(location, None, clock)
    except UserError as error:
        show_user_error(None, error)
        return 2
    return _main_window(qt_app, services, settings, switch)


def self_test(database: Path | str, out: Path) -> int:
    """For the installer's build: open *database* headless (writing a sample branch into it when empty), print
    one meeting's minutes through the main window's own print path, copy the PDF to *out*, quit.
    Returns 0 only when a PDF was written: proof that Qt, its plugins, the fonts, the migrations, the
    translations and reportlab all made it into the frozen bundle."""
    import shutil

    from PySide6.QtCore import QEventLoop

    from chibo_desktop.services.wiring import Services
    from chibo_desktop.storage.db import open_database

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    qt_app = QApplication.instance() or QApplication(["chibo", "-platform", os.environ["QT_QPA_PLATFORM"]])
    assert isinstance(qt_app, QApplication)
    switch = LanguageSwitch()
    switch.use(DEFAULT_LANGUAGE)
    db = open_database(database, None if isinstance(database, str) else database.parent / "backups", Clock.system())
    if Services.build(db).organisation.get() is None:
        from chibo_desktop.sample.branch import write_demo

        write_demo(db, members=30, seed=7)
    services = Services.build(db)
    meetings = [m for year in range(services.today().year, services.today().year - 4, -1)
                for m in services.meetings.list_meetings(year)]  # fmt: skip
    if not meetings:
        log.error("self-test: the sample has no meeting to print")
        return 1
    tasks = TaskRunner()
    window = MainWindow(services, tasks, switch.language)
    printed: list[Path] = []
    loop = QEventLoop()
    window.printing.preview_ready.connect(lambda dialog: (printed.append(dialog.pdf), loop.quit()))
    window.printing.print_finished.connect(loop.quit)
    QTimer.singleShot(120_000, loop.quit)
    window.printing.print_minutes(meetings[0].id)
    loop.exec()
    tasks.wait()
    if printed:
        shutil.copyfile(printed[0], out)
    window.close()
    db.close()
    ok = out.exists() and out.read_bytes()[:5] == b"%PDF-"
    print(f"self-test: {'printed ' + str(out) if ok else 'FAILED'}")
    return 0 if ok else 1
