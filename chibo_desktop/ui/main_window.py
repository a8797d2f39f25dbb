"""The main window: menus, the tabs, and the one signal that tells every tab what a write changed."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QToolBar,
    QWidget,
)

from chibo_desktop import __version__
from chibo_desktop.domain.clock import Clock
from chibo_desktop.domain.dates import Period, screen_date
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.meetings import KIND_LABELS
from chibo_desktop.domain.organisation import Organisation
from chibo_desktop.services.changes import Change, Topic
from chibo_desktop.services.first_screen import FirstScreen
from chibo_desktop.services.roster_data import RosterOverview
from chibo_desktop.ui import file_dialogs
from chibo_desktop.ui.access_dialogs import PasswordDialog
from chibo_desktop.ui.backup_dialogs import BackupToFolder, RestoreDialog
from chibo_desktop.ui.crash import show_user_error
from chibo_desktop.ui.i18n import translate
from chibo_desktop.ui.namesakes import told_apart
from chibo_desktop.ui.print_actions import PrintActions
from chibo_desktop.ui.reminders_view import RemindersWidget
from chibo_desktop.ui.roster_view import RosterWidget
from chibo_desktop.ui.screen import fit_to_screen
from chibo_desktop.ui.selection import enable_while_chosen
from chibo_desktop.ui.setup_dialog import SetupDialog
from chibo_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:  # the services are loaded after the first paint when the window starts from a FirstScreen
    from chibo_desktop.services.wiring import Services

if TYPE_CHECKING:  # loaded when first opened: the exchange, the log of changes, the roster files and the tabs after
    # the first two are not needed to show the window
    from chibo_desktop.ui.admissions_view import AdmissionsWidget
    from chibo_desktop.ui.audit_dialog import AuditDialog
    from chibo_desktop.ui.award_dialog import AwardDialog
    from chibo_desktop.ui.branch_dues_view import BranchDuesWidget
    from chibo_desktop.ui.charts_view import ChartsWidget
    from chibo_desktop.ui.conflicts_view import ConflictsWidget
    from chibo_desktop.ui.dues_view import DuesWidget
    from chibo_desktop.ui.exchange_dialogs import ExportDialog, KeysDialog, PackagesDialog
    from chibo_desktop.ui.funds_view import FundsWidget
    from chibo_desktop.ui.guide_window import GuideWindow
    from chibo_desktop.ui.holidays_dialog import HolidaysDialog
    from chibo_desktop.ui.import_dialog import ImportDialog
    from chibo_desktop.ui.meeting_dialog import MeetingDialog
    from chibo_desktop.ui.meetings_view import MeetingsWidget
    from chibo_desktop.ui.member_dialog import MemberDialog
    from chibo_desktop.ui.plan_dialog import PlanDialog
    from chibo_desktop.ui.review_view import ReviewWidget
    from chibo_desktop.ui.terms_dialog import TermsDialog


@dataclass(frozen=True)
class Starting:
    """A window that paints *screen* (read with ``sqlite3`` alone: ``services/first_screen.py``) before its services
    exist: *load* opens the file the usual way (``open_database``: the migrations check, the start-up check) and
    builds them, right after the first paint or as soon as anything asks for them. *name* is the file's name in the
    status bar, *clock* the one clock the services will read."""

    screen: FirstScreen
    name: str
    clock: Clock
    load: "Callable[[], Services]"


class _FirstPaint(QObject):
    """Calls *then* once, after the first paint of the widget it watches."""

    def __init__(self, watched: QWidget, then: Callable[[], None]) -> None:
        super().__init__(watched)
        self._then = then
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._then)  # after this paint is done; not at all if the window went
        return False


class MainWindow(QMainWindow):
    """``changed(Change)`` is emitted after every write; each tab decides for itself whether it must reload.

    Built from a :class:`Starting`, it shows the first screen read without SQLAlchemy and loads its services right
    after that screen is painted (``services_ready``); anything that needs them before — a menu, a tab, a double
    click — waits for them under a busy cursor, with the status bar saying the records are being opened."""

    changed = Signal(object)
    roster_loaded = Signal(object)
    meetings_loaded = Signal()
    language_requested = Signal(str)
    restore_requested = Signal(object, bool)  # the backup, and whether the user accepted it is another branch's
    access_changed = Signal()
    charts_loaded = Signal()
    services_ready = Signal(object)  # Services, once loaded after a first screen read without them

    def __init__(
        self, services: "Services | Starting", tasks: TaskRunner, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services: Services | None = None
        self._starting: Starting | None = None
        if isinstance(services, Starting):
            self._starting = services
            organisation, name, today = services.screen.organisation, services.name, services.clock.today()
        else:
            self._services = services
            organisation, name, today = services.organisation.require(), services.db.name, services.today()
        self.tasks = tasks
        self._dialogs: list[QWidget] = []
        self.setWindowTitle(self.tr("Branch records — {name}").format(name=organisation.branch_name))
        fit_to_screen(self, 1280, 760)
        self.printing = PrintActions(
            lambda: self.services,
            tasks,
            self,
            self._show,
            self._failed,
            lambda: self.meetings_view.selected_meeting(),
            lambda: self.meetings_view.year.value(),
            lambda: self.charts_view.year.value(),
        )

        self.roster_view = RosterWidget(
            self.open_member,
            today,
            lambda: self.services.members,
            tasks,
            self._failed,
            lambda: self.reminders.year.value(),
            terms=self._terms,
        )
        self.reminders = RemindersWidget(self.open_member, today, lambda: self.services.members, tasks, self._failed)
        self.roster_view.load_started.connect(lambda: self.loading.setText(self.tr("Loading the roster…")))
        self.roster_view.rows_shown.connect(self._roster_shown)
        self.roster_view.overview_loaded.connect(self._roster_ready)
        self.roster_view.counting_failed.connect(self._roster_not_counted)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.roster_view, self.tr("Members"))
        self.tabs.addTab(self.reminders, self.tr("Reminders"))
        # The other tabs are built when first shown or first asked for (an action, a print), the meetings and the loan
        # fund once the roster is complete (_prepare_tabs): until then each holds an empty page, swapped for the
        # tab's widget before it is painted. Building all eight took a start about 0.15 s of processor time, and the
        # meetings' and the fund's first reads ran beside the roster's.
        self._pages: dict[str, QWidget] = {}
        self._builders: dict[str, Callable[[], QWidget]] = {}
        for key, title, build in (
            ("meetings", self.tr("Meetings"), self._make_meetings),
            ("funds", self.tr("Loan fund"), self._make_funds),
            ("dues", self.tr("Party dues"), self._make_dues),
            ("branch_dues", self.tr("Party dues"), self._make_branch_dues),
            ("review", self.tr("Yearly review"), self._make_review),
            ("admissions", self.tr("Admissions"), self._make_admissions),
            ("conflicts", self.tr("Conflicts"), self._make_conflicts),
            ("charts", self.tr("Charts"), self._make_charts),
        ):
            self._pages[key] = QWidget()
            self._builders[key] = build
            self.tabs.addTab(self._pages[key], title)
        self.tabs.currentChanged.connect(self._tab_chosen)
        self.setCentralWidget(self.tabs)
        self.loading = QLabel(self.tr("Loading the roster…"))
        self.statusBar().addWidget(self.loading)
        self.database_name = QLabel(name)
        self.database_name.setObjectName("database_name")
        self.statusBar().addPermanentWidget(self.database_name)
        self.statusBar().messageChanged.connect(self._message_shown)
        self.backup = BackupToFolder(
            lambda: self.services.backups,
            lambda: self.services.organisation.require().branch_name,
            tasks,
            self,
            self._show,
            self._failed,
        )
        self.language = language
        self._guide: GuideWindow | None = None
        self._build_actions(language)
        self.changed.connect(self._level_changed)  # before the tabs: they reload on the level it sets
        self.changed.connect(self._count_conflicts)
        self.changed.connect(self.roster_view.on_change)  # the reminders follow the roster they are computed from
        self.fit_level(organisation)
        if self._starting is None:
            self.roster_view.refresh()
            return
        self.roster_view.show_first(self._starting.screen.first, self._starting.screen.source)
        self.loading.setText("")
        _FirstPaint(self.roster_view.table.viewport(), self._first_painted)

    # --- the services, loaded after the first paint when the window starts from a first screen ------------

    @property
    def services(self) -> "Services":
        """The services; a window started from a first screen loads them now if they are not yet."""
        if self._services is None:
            self._load_services()
        assert self._services is not None
        return self._services

    def _first_painted(self) -> None:
        """The first screen is painted: the roster says so (its signals), then the services load, once."""
        self.roster_view.first_painted()
        if self._services is None:
            QTimer.singleShot(0, self, self._load_services)

    def _load_services(self) -> None:
        starting = self._starting
        if starting is None or self._services is not None:
            return
        self._starting = None
        said = self.loading.text()
        self.loading.setText(self.tr("Opening the records…"))
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.loading.repaint()
        try:
            self._services = starting.load()
        finally:
            QApplication.restoreOverrideCursor()
            if self.loading.text() == self.tr("Opening the records…"):
                self.loading.setText(said)
        self.services_ready.emit(self._services)

    def _terms(self) -> list[Period]:
        """The terms to choose a period from: the first screen's until the services are loaded."""
        if self._services is None and self._starting is not None:
            return list(self._starting.screen.terms)
        return self.services.terms.choices(self.services.today())

    def _message_shown(self, message: str) -> None:
        """A message in the bar ("Backed up to …") would read on into the path: the path steps aside meanwhile."""
        self.database_name.setVisible(not message)

    def _action(self, text: str, slot: Callable[[], object], shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut is not None:
            action.setShortcut(shortcut)
        return action

    def _build_actions(self, language: str) -> None:
        self.add_member_action = self._action(self.tr("&New member…"), self.new_member, QKeySequence.StandardKey.New)
        self.open_member_action = self._action(self.tr("&Open member"), self.open_selected, "Ctrl+O")
        enable_while_chosen(self.roster_view.table, self.open_member_action)
        self.import_action = self._action(self.tr("&Import members…"), self.import_members, "Ctrl+I")
        setup = self._action(self.tr("Branch &setup…"), self.edit_setup)
        rules = self._action(self.tr("&Rules and thresholds…"), self.edit_rules)
        terms = self._action(self.tr("&Terms (nhiệm kỳ)…"), self.edit_terms)
        holidays = self._action(self.tr("Public &holidays…"), self.edit_holidays)
        quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        find = self._action(self.tr("&Find"), self.roster_view.search.setFocus, QKeySequence.StandardKey.Find)

        menu = self.menuBar().addMenu(self.tr("&File"))
        for action in (self.import_action, self.printing.export_members_action, self.printing.print_members_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self._action(self.tr("&Back up to a folder or USB stick…"), self.backup.run))
        self.restore_action = self._action(self.tr("Restore from a &backup…"), self.restore_backup)
        menu.addAction(self.restore_action)
        self.file_menu = menu
        menu.addAction(self._action(self.tr("&Log of changes…"), self.show_audit))
        menu.addAction(self._action(self.tr("Pass&word on opening…"), self.edit_password))
        menu.addSeparator()
        menu.addAction(setup)
        menu.addAction(terms)
        menu.addAction(rules)
        menu.addAction(holidays)
        menu.addSeparator()
        menu.addAction(quit_action)
        menu = self.menuBar().addMenu(self.tr("&Members"))
        for action in (self.add_member_action, self.open_member_action, find):
            menu.addAction(action)
        menu = self.menuBar().addMenu(self.tr("M&eetings"))
        self.new_meeting_action = self._action(self.tr("New &meeting…"), self.new_meeting, "Ctrl+M")
        menu.addAction(self.new_meeting_action)
        self.menuBar().addMenu(self.tr("&Print")).addActions(self.printing.print_menu)
        self.printing.chosen_minutes_action.setEnabled(False)  # until a meeting is chosen in its tab
        menu = self.menuBar().addMenu(self.tr("E&xchange"))
        menu.addAction(self._action(self.tr("&Send the data to the upper level…"), self.export_package))
        self.take_in_action = self._action(self.tr("&Take in the branches' packages…"), self.import_packages)
        menu.addAction(self.take_in_action)
        menu.addActions(self.printing.consolidated_actions)
        menu.addAction(self._action(self.tr("This computer's &keys…"), self.show_keys))
        menu = self.menuBar().addMenu(self.tr("&Language"))
        for code, label in (("vi", "Tiếng Việt"), ("en", "English")):
            action = QAction(label, self, checkable=True)
            action.setChecked(code == language)
            action.triggered.connect(lambda _checked=False, code=code: self.language_requested.emit(code))
            menu.addAction(action)
        menu = self.menuBar().addMenu(self.tr("&Help"))
        self.guide_action = self._action(self.tr("&User guide"), self.show_guide, "F1")
        menu.addAction(self.guide_action)
        menu.addSeparator()
        menu.addAction(self._action(self.tr("&About"), self.about))

        toolbar = QToolBar(self.tr("Main"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        for action in (
            self.add_member_action,
            self.open_member_action,
            self.import_action,
            self.printing.print_members_action,
        ):
            toolbar.addAction(action)
        self.addToolBar(toolbar)

    def fit_level(self, organisation: Organisation) -> None:
        """A branch keeps its records; a committee reads its branches': no adding, branch columns and filters."""
        committee = organisation.is_committee
        self.read_only = committee
        self._organisation = organisation
        if committee:
            self.setWindowTitle(self.tr("Records of the branches — {name}").format(name=organisation.branch_name))
        for action in (self.add_member_action, self.import_action, self.new_meeting_action):
            action.setVisible(not committee)
            action.setEnabled(not committee)
        self.roster_view.set_organisation(organisation)
        for key in self._pages:
            if key not in self._builders:  # a tab not built yet takes the level when it is
                self._fit_tab(key, self._pages[key])
        # Candidates stay at the branch: a committee has none to show.
        self.tabs.setTabVisible(self._tab_index("admissions"), not committee)
        # A committee keeps no dues book: it sees each branch's dues as the packages report them.
        self.tabs.setTabVisible(self._tab_index("dues"), not committee)
        self.tabs.setTabVisible(self._tab_index("branch_dues"), committee)
        self.printing.dues_book_action.setVisible(not committee)
        # A branch takes in only the upper level's receipt, and has no branches to report on.
        self.take_in_action.setText(
            self.tr("&Take in the branches' packages…") if committee else self.tr("&Take in the upper level's receipt…")
        )
        for action in self.printing.consolidated_actions:
            action.setVisible(committee)
        # Members sent by two units wait for the upper level's decision: a committee's tab only.
        self.tabs.setTabVisible(self._tab_index("conflicts"), committee)
        if committee:  # the same count as ConflictsWidget.recount, without building the tab before it is shown
            self._conflicts_counted(self.services.conflicts.waiting_count())

    def _fit_tab(self, key: str, tab: QWidget) -> None:
        """What :meth:`fit_level` sets on each tab that has it."""
        if key == "meetings":
            self.meetings_view.set_organisation(self._organisation)
        elif key in ("funds", "dues", "review", "admissions"):
            tab.set_read_only(self.read_only)

    # --- the tabs, each built when first used -------------------------------------------------------------

    def _tab_index(self, key: str) -> int:
        return self.tabs.indexOf(self._pages[key])

    def _tab(self, key: str) -> QWidget:
        """The tab's widget, built now if this is its first use, in the place of its empty page."""
        build = self._builders.pop(key, None)
        if build is None:
            return self._pages[key]
        tab = build()
        page = self._pages[key]
        index = self.tabs.indexOf(page)
        was_current = self.tabs.currentIndex() == index
        blocked = self.tabs.blockSignals(True)  # the same tab stays chosen: nothing to tell
        try:
            self.tabs.insertTab(index, tab, self.tabs.tabText(index))
            self.tabs.setTabVisible(index, self.tabs.isTabVisible(index + 1))
            if was_current:
                self.tabs.setCurrentIndex(index)
            self.tabs.removeTab(index + 1)
        finally:
            self.tabs.blockSignals(blocked)
        page.deleteLater()
        self._pages[key] = tab
        self._fit_tab(key, tab)
        self.changed.connect(tab.on_change)
        return tab

    def _tab_chosen(self, index: int) -> None:
        page = self.tabs.widget(index)
        key = next((key for key, tab in self._pages.items() if tab is page), None)
        if key is None:
            return
        tab = self._tab(key)
        if key in ("dues", "branch_dues", "review", "admissions", "conflicts"):
            tab.shown()  # each loads itself the first time it comes to the front

    def _prepare_tabs(self) -> None:
        """Once the roster is complete (its rows, counts and reminders), in one step: the loan fund and the meetings
        (the tab most used after the roster) are built and start reading, as they did at start before; the other
        tabs read when first shown. Not before: the fund's screen lists the members in the branch, which a large
        roster knows only once counted."""
        if {"funds", "meetings"} & self._builders.keys():
            QTimer.singleShot(0, self, lambda: (self._tab("funds"), self._tab("meetings")))

    def _count_conflicts(self, change: Change) -> None:
        """What the conflicts tab does on a change while it is not built: count the waiting ones for its title."""
        if "conflicts" in self._builders and Topic.MEMBERS in change.topics:
            self._conflicts_counted(self.services.conflicts.waiting_count())

    @property
    def meetings_view(self) -> "MeetingsWidget":
        return cast("MeetingsWidget", self._tab("meetings"))

    @property
    def funds_view(self) -> "FundsWidget":
        return cast("FundsWidget", self._tab("funds"))

    @property
    def dues_view(self) -> "DuesWidget":
        return cast("DuesWidget", self._tab("dues"))

    @property
    def branch_dues_view(self) -> "BranchDuesWidget":
        return cast("BranchDuesWidget", self._tab("branch_dues"))

    @property
    def review_view(self) -> "ReviewWidget":
        return cast("ReviewWidget", self._tab("review"))

    @property
    def admissions_view(self) -> "AdmissionsWidget":
        return cast("AdmissionsWidget", self._tab("admissions"))

    @property
    def conflicts_view(self) -> "ConflictsWidget":
        return cast("ConflictsWidget", self._tab("conflicts"))

    @property
    def charts_view(self) -> "ChartsWidget":
        return cast("ChartsWidget", self._tab("charts"))

    def _make_meetings(self) -> QWidget:
        from chibo_desktop.ui.meetings_view import MeetingsWidget

        services = self.services
        view = MeetingsWidget(
            self.open_meeting,
            self.new_meeting,
            self.edit_plan,
            self.printing.print_minutes,
            services.today(),
            services.meetings,
            self.tasks,
            self._failed,
        )
        view.loaded.connect(self.meetings_loaded)
        enable_while_chosen(view.list_view, self.printing.chosen_minutes_action)
        view.refresh()
        return view

    def _make_funds(self) -> QWidget:
        from chibo_desktop.ui.funds_view import FundsWidget

        services = self.services
        return FundsWidget(
            services.funds,
            self.member_choices,
            self.meeting_choices,
            self.changed.emit,
            self.tasks,
            services.today,
            self.printing.print_fund,
            self.printing.print_ledger,
            terms=lambda: services.terms.choices(services.today()),
        )

    def _make_dues(self) -> QWidget:
        from chibo_desktop.ui.dues_view import DuesWidget

        return DuesWidget(
            self.services.dues,
            self.changed.emit,
            self.tasks,
            self.services.today,
            self.printing.print_dues_book,
            self.printing.export_dues_book,
            self.printing.print_dues_receipt,
        )

    def _make_branch_dues(self) -> QWidget:
        from chibo_desktop.ui.branch_dues_view import BranchDuesWidget

        return BranchDuesWidget(self.services.dues, self.tasks, self.services.today, self._failed)

    def _make_review(self) -> QWidget:
        from chibo_desktop.ui.review_view import ReviewWidget

        return ReviewWidget(
            self.services.review,
            self.changed.emit,
            self.tasks,
            self.services.today,
            self._failed,
            self.printing.print_review,
            self.printing.print_member_review,
            self.add_award,
        )

    def _make_admissions(self) -> QWidget:
        from chibo_desktop.ui.admissions_view import AdmissionsWidget

        services = self.services
        return AdmissionsWidget(
            services.admissions,
            self.changed.emit,
            self.tasks,
            services.today,
            self._failed,
            self._show,
            lambda: services.organisation.require().hamlets,
        )

    def _make_conflicts(self) -> QWidget:
        from chibo_desktop.ui.conflicts_view import ConflictsWidget

        view = ConflictsWidget(self.services.conflicts, self.changed.emit, self.tasks, self._failed)
        view.count_changed.connect(self._conflicts_counted)
        return view

    def _make_charts(self) -> QWidget:
        from chibo_desktop.services import printing
        from chibo_desktop.ui.charts_view import ChartsWidget

        services = self.services
        view = ChartsWidget(
            services.today(), lambda year: services.printer.data(printing.CHARTS, year), self.tasks, self._failed
        )
        view.loaded.connect(self.charts_loaded)
        view.print_requested.connect(self.printing.print_charts)
        return view

    # --- refreshing --------------------------------------------------------------------------------------

    def _roster_shown(self) -> None:
        """The roster's rows are on the screen; a large roster's counts and reminders follow."""
        if not self.roster_view.counted:
            self.loading.setText(self.tr("Counting the members and working out the reminders…"))
            self.reminders.show_counting()

    def _roster_ready(self, overview: RosterOverview) -> None:
        self._prepare_tabs()
        self.reminders.show_overview(overview)
        self.loading.setText("")
        self.roster_loaded.emit(overview.roster)

    def _roster_not_counted(self) -> None:
        """A large roster's count failed: the members tab says why and offers to count again."""
        self.loading.setText(self.tr("The members could not be counted: see the Members tab"))
        self.reminders.show_failed()

    def _conflicts_counted(self, waiting: int) -> None:
        title = self.tr("Conflicts ({count})").format(count=waiting) if waiting else self.tr("Conflicts")
        self.tabs.setTabText(self._tab_index("conflicts"), title)

    def _failed(self, error: BaseException) -> None:
        self.loading.setText("")
        self._prepare_tabs()
        if isinstance(error, UserError):
            show_user_error(self, error)
            return
        raise error

    def _level_changed(self, change: Change) -> None:
        if Topic.ORGANISATION in change.topics:
            self.fit_level(self.services.organisation.require())

    def member_choices(self) -> list[tuple[int, str]]:
        """Members listed in the branch today, in name order, for the fund dialogs (two of the same name told
        apart)."""
        roster = self.roster_view.roster
        members = self.services.members
        return [] if roster is None else told_apart(members.listed_names(roster), members.identities)

    def meeting_choices(self) -> list[tuple[int, str, date]]:
        """The newest meetings, for the loan dialog: id, how it is listed, its day."""
        items = self.services.meetings.list_meetings(None)[:60]
        kinds = {kind: translate("Meeting", label) for kind, label in KIND_LABELS.items()}
        return [(i.id, f"{screen_date(i.on)} — {kinds[i.kind]}", i.on) for i in items]

    def new_meeting(self) -> "MeetingDialog":
        from chibo_desktop.ui.meeting_dialog import MeetingDialog

        dialog = MeetingDialog(
            self.services.meetings,
            self.changed.emit,
            self.services.today(),
            parent=self,
            on_print=self.printing.print_minutes,
        )
        dialog.approved.connect(self._told)
        self._show(dialog)
        return dialog

    def edit_plan(self, year: int) -> "PlanDialog":
        from chibo_desktop.ui.plan_dialog import PlanDialog

        dialog = PlanDialog(self.services.meetings, year, self.changed.emit, self)
        self._show(dialog)
        return dialog

    def open_meeting(self, meeting_id: int) -> "MeetingDialog | None":
        from chibo_desktop.ui.meeting_dialog import MeetingDialog

        try:
            meeting = self.services.meetings.get(meeting_id)
        except UserError as error:
            show_user_error(self, error)
            return None
        dialog = MeetingDialog(
            self.services.meetings,
            self.changed.emit,
            self.services.today(),
            meeting,
            parent=self,
            on_print=self.printing.print_minutes,
            read_only=self.read_only,
        )
        dialog.approved.connect(self._told)
        self._show(dialog)
        return dialog

    # --- actions -----------------------------------------------------------------------------------------

    def _show(self, dialog: QWidget) -> None:
        self._dialogs = [d for d in self._dialogs if d.isVisible()] + [dialog]
        dialog.show()

    def new_member(self) -> "MemberDialog":
        from chibo_desktop.ui.member_dialog import MemberDialog

        dialog = MemberDialog(
            self.services.members,
            self.services.organisation.require(),
            self.changed.emit,
            self.services.today,
            parent=self,
        )
        dialog.saved.connect(self._member_saved)
        self._show(dialog)
        return dialog

    def _told(self, message: str) -> None:
        """A job done in a window that closed on it: the status bar says so."""
        self.statusBar().showMessage(message, 10000)

    def _member_saved(self, member_id: int, message: str) -> None:
        """A member's form closes on saving: the status bar says so, naming the member, and the roster shows the
        member chosen."""
        self._told(message)
        self.roster_view.choose(member_id)

    def open_member(self, member_id: int) -> "MemberDialog | None":
        from chibo_desktop.ui.member_dialog import MemberDialog

        try:
            member = self.services.members.get(member_id)
        except UserError as error:
            show_user_error(self, error)
            return None
        dialog = MemberDialog(
            self.services.members,
            self.services.organisation.require(),
            self.changed.emit,
            self.services.today,
            member,
            parent=self,
            read_only=self.read_only,
            reviews=self.services.review.member_record(member_id),
        )
        dialog.saved.connect(self._member_saved)
        self._show(dialog)
        return dialog

    def add_award(self, member_id: int, name: str) -> "AwardDialog":
        from chibo_desktop.ui.award_dialog import AwardDialog

        dialog = AwardDialog(self.services.review, member_id, name, self.changed.emit, self.services.today(), self)
        self._show(dialog)
        return dialog

    def open_selected(self) -> None:
        member_id = self.roster_view.selected_member()
        if member_id is not None:
            self.open_member(member_id)

    def import_members(self, path: Path | None = None) -> "ImportDialog | None":
        from chibo_desktop.ui.import_dialog import ImportDialog

        if path is None:
            path = file_dialogs.open_file(
                self, file_dialogs.Kind.SPREADSHEETS, self.tr("Import members"), self.tr("Spreadsheets (*.xlsx *.csv)")
            )
            if path is None:
                return None
        dialog = ImportDialog(self.services.roster_io, path, self.changed.emit, self.tasks, self)
        self._show(dialog)
        return dialog

    def export_package(self) -> "ExportDialog":
        from chibo_desktop.ui.exchange_dialogs import ExportDialog

        dialog = ExportDialog(self.services.exchange, self.tasks, self)
        self._show(dialog)
        return dialog

    def import_packages(self) -> "PackagesDialog":
        from chibo_desktop.ui.exchange_dialogs import PackagesDialog

        committee = self.services.organisation.require().is_committee
        dialog = PackagesDialog(self.services.exchange, self.changed.emit, self.tasks, self, committee=committee)
        self._show(dialog)
        return dialog

    def show_keys(self) -> "KeysDialog":
        from chibo_desktop.ui.exchange_dialogs import KeysDialog

        committee = self.services.organisation.require().is_committee
        dialog = KeysDialog(self.services.exchange, self, committee=committee)
        self._show(dialog)
        return dialog

    # --- keeping the data ---------------------------------------------------------------------------------

    def restore_backup(self) -> RestoreDialog:
        """Choose a backup; the application closes the file, restores and reopens (see app.Application)."""
        organisation = self.services.organisation.get()
        current = (organisation.branch_uuid, organisation.branch_name) if organisation else None
        service = self.services.backups
        dialog = RestoreDialog(service.listing, service.choice, self.tasks, self, current, service.folder)
        dialog.chosen.connect(self.restore_requested.emit)
        self._show(dialog)
        return dialog

    def edit_password(self) -> PasswordDialog:
        dialog = PasswordDialog(self.services.access, self)
        dialog.accepted.connect(self.access_changed.emit)
        self._show(dialog)
        return dialog

    def show_audit(self) -> "AuditDialog":
        from chibo_desktop.ui.audit_dialog import AuditDialog

        dialog = AuditDialog(self.services.audit, self.tasks, self.printing.print_audit, self)
        self._show(dialog)
        return dialog

    def edit_setup(self) -> None:
        self._show(SetupDialog(self.services.organisation, self.changed.emit, self.services.organisation.get(), self))

    def edit_terms(self) -> "TermsDialog":
        from chibo_desktop.ui.terms_dialog import TermsDialog

        services = self.services

        def admitted(period: Period) -> int:
            roster = services.members.roster(min(period.end, services.today()))
            return services.members.counts(roster, period).admitted_in_period

        dialog = TermsDialog(services.terms, admitted, self.changed.emit, self)
        self._show(dialog)
        return dialog

    def edit_holidays(self) -> "HolidaysDialog":
        from chibo_desktop.ui.holidays_dialog import HolidaysDialog

        dialog = HolidaysDialog(self.services.holidays, self.services.today().year, self.changed.emit, self)
        self._show(dialog)
        return dialog

    def edit_rules(self) -> None:
        from chibo_desktop.ui.rules_dialog import RulesDialog

        self._show(RulesDialog(self.services.rules, self.changed.emit, self.services.today(), self))

    def show_guide(self, section: str | None = None, place: "QRect | None" = None) -> "GuideWindow":
        """The user guide, in the interface's language: one window, brought to the front when asked again; at
        *section* and *place* when given (the guide opened again after a language switch)."""
        from chibo_desktop.ui.guide_window import GuideWindow

        if self._guide is None:
            self._guide = GuideWindow(self.language, self)
        if place is not None:
            self._guide.setGeometry(place)
        self._guide.show()
        self._guide.raise_()
        self._guide.activateWindow()
        if section is not None:
            self._guide.show_section(section)
        return self._guide

    def guide_open(self) -> tuple[str | None, "QRect"] | None:
        """The section and place of the guide when it is on the screen (to open it again after a language
        switch), else None."""
        if self._guide is None or not self._guide.isVisible():
            return None
        return self._guide.current_section(), self._guide.geometry()

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About"),
            self.tr("chibo-desktop {version}\nRecords of a Party branch, kept on this computer.").format(
                version=__version__
            ),
        )
