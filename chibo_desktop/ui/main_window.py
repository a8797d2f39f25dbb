"""The main window: menus, the roster and reminders tabs, and the one place that refreshes after a write."""

import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QToolBar,
    QWidget,
)

from chibo_desktop import __version__
from chibo_desktop.domain.charts import ChartsData
from chibo_desktop.domain.dates import Period, parse_date, parse_period, screen_date
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.meetings import KIND_LABELS
from chibo_desktop.domain.organisation import Organisation
from chibo_desktop.reports.audit_pdf import audit_pdf
from chibo_desktop.reports.blank_form import blank_form_pdf
from chibo_desktop.reports.book import BookCancelledError, book_pdf
from chibo_desktop.reports.charts_pdf import charts_pdf
from chibo_desktop.reports.consolidated import consolidated_pdf
from chibo_desktop.reports.fund_pdf import ledger_pdf, statement_pdf
from chibo_desktop.reports.member_list import member_list_pdf
from chibo_desktop.reports.minutes import minutes_with_addenda_pdf
from chibo_desktop.reports.register_pdf import register_pdf
from chibo_desktop.services import documents
from chibo_desktop.services.backups import CopyCancelledError
from chibo_desktop.services.changes import Change, Topic
from chibo_desktop.services.meetings import MeetingListItem, Register
from chibo_desktop.services.members import Roster, RosterOverview
from chibo_desktop.services.table_files import write_xlsx
from chibo_desktop.services.wiring import Services
from chibo_desktop.ui.access_dialogs import PasswordDialog
from chibo_desktop.ui.audit_dialog import AuditDialog
from chibo_desktop.ui.backup_dialogs import RestoreDialog
from chibo_desktop.ui.charts_view import ChartsWidget
from chibo_desktop.ui.crash import show_user_error
from chibo_desktop.ui.dues_view import DuesWidget
from chibo_desktop.ui.exchange_dialogs import ExportDialog, KeysDialog, PackagesDialog
from chibo_desktop.ui.form_fields import BAD_DATE
from chibo_desktop.ui.funds_view import FundsWidget
from chibo_desktop.ui.i18n import render, translate
from chibo_desktop.ui.import_dialog import ImportDialog
from chibo_desktop.ui.meeting_dialog import MeetingDialog
from chibo_desktop.ui.meetings_view import MeetingsWidget
from chibo_desktop.ui.member_dialog import MemberDialog
from chibo_desktop.ui.plan_dialog import PlanDialog
from chibo_desktop.ui.print_preview import PreviewDialog
from chibo_desktop.ui.progress import run_with_progress
from chibo_desktop.ui.reminders_view import RemindersWidget
from chibo_desktop.ui.roster_view import RosterWidget
from chibo_desktop.ui.rules_dialog import RulesDialog
from chibo_desktop.ui.screen import fit_to_screen
from chibo_desktop.ui.selection import enable_while_chosen
from chibo_desktop.ui.setup_dialog import SetupDialog
from chibo_desktop.ui.tasks import Job, TaskRunner


class MainWindow(QMainWindow):
    """``changed`` is emitted after every write; the window reloads what the change touched."""

    changed = Signal(object)
    roster_loaded = Signal(object)
    meetings_loaded = Signal()
    preview_ready = Signal(object)
    print_finished = Signal()
    language_requested = Signal(str)
    restore_requested = Signal(object)
    access_changed = Signal()
    backup_finished = Signal(object)
    charts_loaded = Signal()

    def __init__(self, services: Services, tasks: TaskRunner, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.tasks = tasks
        self.roster: Roster | None = None
        self._dialogs: list[QWidget] = []
        self.setWindowTitle(self.tr("Branch records — {name}").format(name=services.organisation.require().branch_name))
        fit_to_screen(self, 1280, 760)
        today = services.today()

        self.roster_view = RosterWidget(self.open_member, today)
        self.roster_view.counts_requested.connect(self._recount)
        self.reminders = RemindersWidget(self.open_member, today)
        self.reminders.year_changed.connect(self._rebadge)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.roster_view, self.tr("Members"))
        self.tabs.addTab(self.reminders, self.tr("Reminders"))
        self.meetings_view = MeetingsWidget(
            self.open_meeting, self.new_meeting, self.edit_plan, self.print_minutes, today
        )
        self.meetings_view.year_changed.connect(lambda _year: self.refresh_meetings())
        self.tabs.addTab(self.meetings_view, self.tr("Meetings"))
        self.funds_view = FundsWidget(
            services.funds,
            self.member_choices,
            self.meeting_choices,
            self.changed.emit,
            tasks,
            services.today,
            self.print_fund,
            self.print_ledger,
        )
        self.tabs.addTab(self.funds_view, self.tr("Loan fund"))
        self.dues_view = DuesWidget(
            services.dues,
            services.organisation,
            self.changed.emit,
            tasks,
            services.today,
            self._preview,
            lambda: documents.document_style(self.services),
        )
        self.tabs.addTab(self.dues_view, self.tr("Party dues"))
        self.tabs.currentChanged.connect(
            lambda index: (
                index == self.tabs.indexOf(self.dues_view) and self.dues_view.sheet is None and self.dues_view.refresh()
            )
        )
        self.charts_view = ChartsWidget(today)
        self.charts_view.year_changed.connect(lambda _year: self.refresh_charts())
        self.charts_view.print_requested.connect(self.print_charts)
        self.tabs.addTab(self.charts_view, self.tr("Charts"))
        self.tabs.currentChanged.connect(
            lambda index: index == self.tabs.indexOf(self.charts_view) and self.refresh_charts()
        )
        self.setCentralWidget(self.tabs)
        self.loading = QLabel(self.tr("Loading the roster…"))
        self.statusBar().addWidget(self.loading)
        self.statusBar().addPermanentWidget(QLabel(str(services.db.path)))
        self._build_actions(language)
        self.changed.connect(self.apply_change)
        self.fit_level(services.organisation.require())
        self.refresh()
        self.refresh_meetings()

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
        self.export_action = self._action(self.tr("&Export roster to Excel…"), self.export_members)
        self.print_action = self._action(
            self.tr("&Print member list…"), self.print_members, QKeySequence.StandardKey.Print
        )
        setup = self._action(self.tr("Branch &setup…"), self.edit_setup)
        rules = self._action(self.tr("&Rules and thresholds…"), self.edit_rules)
        quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        find = self._action(self.tr("&Find"), self.roster_view.search.setFocus, QKeySequence.StandardKey.Find)

        menu = self.menuBar().addMenu(self.tr("&File"))
        for action in (self.import_action, self.export_action, self.print_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self._action(self.tr("&Back up to a folder or USB stick…"), self.backup_to_folder))
        menu.addAction(self._action(self.tr("Restore from a &backup…"), self.restore_backup))
        menu.addAction(self._action(self.tr("&Log of changes…"), self.show_audit))
        menu.addAction(self._action(self.tr("Pass&word on opening…"), self.edit_password))
        menu.addSeparator()
        menu.addAction(setup)
        menu.addAction(rules)
        menu.addSeparator()
        menu.addAction(quit_action)
        menu = self.menuBar().addMenu(self.tr("&Members"))
        for action in (self.add_member_action, self.open_member_action, find):
            menu.addAction(action)
        menu = self.menuBar().addMenu(self.tr("M&eetings"))
        self.new_meeting_action = self._action(self.tr("New &meeting…"), self.new_meeting, "Ctrl+M")
        menu.addAction(self.new_meeting_action)
        menu = self.menuBar().addMenu(self.tr("&Print"))
        chosen_minutes = self._action(self.tr("&Minutes of the chosen meeting…"), self.print_minutes)
        enable_while_chosen(self.meetings_view.list_view, chosen_minutes)
        menu.addAction(chosen_minutes)
        menu.addAction(self._action(self.tr("&Blank minutes form…"), self.print_blank_form))
        menu.addAction(self._action(self.tr("Minutes &book of the year…"), self.print_book))
        menu.addAction(self._action(self.tr("Attendance &register of the year…"), self.print_register))
        self.dues_book_action = self._action(self.tr("&Dues book of the year…"), lambda: self.dues_view.print_book())
        menu.addAction(self.dues_book_action)
        menu.addAction(self.print_action)
        menu = self.menuBar().addMenu(self.tr("E&xchange"))
        menu.addAction(self._action(self.tr("&Send the data to the upper level…"), self.export_package))
        menu.addAction(self._action(self.tr("&Take in the branches' packages…"), self.import_packages))
        menu.addAction(self._action(self.tr("&Report of all branches…"), self.print_consolidated))
        menu.addAction(self._action(self.tr("Report of all branches to &Excel…"), self.export_consolidated))
        menu.addAction(self._action(self.tr("This computer's &keys…"), self.show_keys))
        menu = self.menuBar().addMenu(self.tr("&Language"))
        for code, label in (("vi", "Tiếng Việt"), ("en", "English")):
            action = QAction(label, self, checkable=True)
            action.setChecked(code == language)
            action.triggered.connect(lambda _checked=False, code=code: self.language_requested.emit(code))
            menu.addAction(action)
        menu = self.menuBar().addMenu(self.tr("&Help"))
        menu.addAction(self._action(self.tr("&About"), self.about))

        toolbar = QToolBar(self.tr("Main"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        for action in (self.add_member_action, self.open_member_action, self.import_action, self.print_action):
            toolbar.addAction(action)
        self.addToolBar(toolbar)

    def fit_level(self, organisation: Organisation) -> None:
        """A branch keeps its records; a committee reads its branches': no adding, branch columns and filters."""
        committee = organisation.is_committee
        self.read_only = committee
        if committee:
            self.setWindowTitle(self.tr("Records of the branches — {name}").format(name=organisation.branch_name))
        for action in (self.add_member_action, self.import_action, self.new_meeting_action):
            action.setVisible(not committee)
            action.setEnabled(not committee)
        self.roster_view.set_organisation(organisation)
        self.meetings_view.set_organisation(organisation)
        self.funds_view.set_read_only(committee)
        self.dues_view.set_read_only(committee)
        # The branches' dues do not travel in their packages yet: a committee has no dues book to show.
        self.tabs.setTabVisible(self.tabs.indexOf(self.dues_view), not committee)
        self.dues_book_action.setVisible(not committee)

    # --- refreshing --------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the roster, its counts and reminders in the background; the window stays usable meanwhile."""
        self.loading.setText(self.tr("Loading the roster…"))
        period = self.roster_view.counts.selected_period()
        year = self.reminders.year.value()
        members = self.services.members
        self.tasks.run("roster", lambda: members.overview(period, year), self._roster_ready, self._failed, owner=self)

    def _roster_ready(self, overview: RosterOverview) -> None:
        self.roster = overview.roster
        self.roster_view.show_roster(overview.roster, overview.counts)
        self.reminders.show_probation(overview.probation)
        self.reminders.show_badges(overview.badges)
        self.loading.setText("")
        self.roster_loaded.emit(overview.roster)

    def _recount(self) -> None:
        roster, period, members = self.roster, self.roster_view.counts.selected_period(), self.services.members
        if roster is not None:
            self.tasks.run(
                "counts", lambda: members.counts(roster, period), self.roster_view.counts.show_counts, self._failed
            )

    def _rebadge(self, year: int) -> None:
        roster, members = self.roster, self.services.members
        if roster is not None:
            self.tasks.run(
                "badges", lambda: members.badge_milestones(roster, year), self.reminders.show_badges, self._failed
            )

    def _failed(self, error: BaseException) -> None:
        self.loading.setText("")
        if isinstance(error, UserError):
            show_user_error(self, error)
            return
        raise error

    def apply_change(self, change: Change) -> None:
        if change.topics - {Topic.MEETINGS, Topic.DUES}:
            self.fit_level(self.services.organisation.require())
            self.refresh()
        if hasattr(self, "dues_view"):
            self.dues_view.apply_change(change)
        if change.topics & {Topic.MEETINGS, Topic.RULES}:
            self.refresh_meetings()
        if change.topics & {Topic.MEMBERS, Topic.ORGANISATION} and hasattr(self, "funds_view"):
            self.funds_view.refresh()

    def member_choices(self) -> list[tuple[int, str]]:
        """Members listed in the branch today, in name order, for the fund dialogs."""
        if self.roster is None:
            return []
        return [(row.id, row.full_name) for row in self.roster.rows if row.status != "former"]

    def meeting_choices(self) -> list[tuple[int, str]]:
        items = self.services.meetings.list_meetings(None)[:60]
        kinds = {kind: translate("Meeting", label) for kind, label in KIND_LABELS.items()}
        return [(i.id, f"{screen_date(i.on)} — {kinds[i.kind]}") for i in items]

    def refresh_meetings(self) -> None:
        """The chosen year's meetings and register, computed in the background."""
        year, units = self.meetings_view.year.value(), self.meetings_view.chosen_units()
        meetings = self.services.meetings
        self.tasks.run(
            "meetings",
            lambda: meetings.year_view(year, units),
            self._meetings_ready,
            self._failed,
            owner=self,
        )

    def _meetings_ready(self, result: tuple[list[MeetingListItem], Register]) -> None:
        self.meetings_view.show_year(*result)
        self.meetings_loaded.emit()

    def new_meeting(self) -> MeetingDialog:
        dialog = MeetingDialog(self.services.meetings, self.changed.emit, self.services.today(), parent=self)
        self._show(dialog)
        return dialog

    def edit_plan(self, year: int) -> PlanDialog:
        dialog = PlanDialog(self.services.meetings, year, self.changed.emit, self)
        self._show(dialog)
        return dialog

    def open_meeting(self, meeting_id: int) -> MeetingDialog | None:
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
            on_print=self.print_minutes,
            read_only=self.read_only,
        )
        self._show(dialog)
        return dialog

    # --- actions -----------------------------------------------------------------------------------------

    def _show(self, dialog: QWidget) -> None:
        self._dialogs = [d for d in self._dialogs if d.isVisible()] + [dialog]
        dialog.show()

    def new_member(self) -> MemberDialog:
        dialog = MemberDialog(
            self.services.members,
            self.services.organisation.require(),
            self.changed.emit,
            self.services.today,
            parent=self,
        )
        self._show(dialog)
        return dialog

    def open_member(self, member_id: int) -> MemberDialog | None:
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
        )
        self._show(dialog)
        return dialog

    def open_selected(self) -> None:
        member_id = self.roster_view.selected_member()
        if member_id is not None:
            self.open_member(member_id)

    def import_members(self, path: Path | None = None) -> ImportDialog | None:
        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self, self.tr("Import members"), "", self.tr("Spreadsheets (*.xlsx *.csv)")
            )
            if not chosen:
                return None
            path = Path(chosen)
        dialog = ImportDialog(self.services.roster_io, path, self.changed.emit, self.tasks, self)
        self._show(dialog)
        return dialog

    def export_members(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export roster"), "danh-sach-dang-vien.xlsx", self.tr("Excel workbook (*.xlsx)")
        )
        if not chosen:
            return
        path = Path(chosen).with_suffix(".xlsx")
        self.tasks.run(
            "export",
            lambda: self.services.roster_io.export_xlsx(path, translate=translate),
            lambda count: self.statusBar().showMessage(
                self.tr("Exported {count} members to {path}.").format(count=count, path=path), 10000
            ),
            self._failed,
        )

    # --- printing: every document is built in the background, then previewed, saved or printed ------------

    def _preview(
        self,
        key: str,
        title: str,
        suggested: str,
        build: Callable[..., Path],
        progress: tuple[Callable[[int], str], int] | None = None,
    ) -> Job:
        """Build a PDF in the background into a temporary folder, then open it in the preview.

        *build(out)* writes the file. With *progress* = (label of step n, steps), *build(out, report)* reports its
        steps to a progress window with Cancel, and stops when ``report`` returns False."""
        target = Path(tempfile.mkdtemp(prefix="chibo-print-")) / suggested
        self.statusBar().showMessage(self.tr("Preparing {title}…").format(title=title))

        def done(path: Path) -> None:
            self.statusBar().clearMessage()
            self.last_preview = PreviewDialog(path, title, suggested, self.tasks, self)
            self._show(self.last_preview)
            self.preview_ready.emit(self.last_preview)

        if progress is None:
            return self.tasks.run(key, lambda: build(target), done, self._print_failed, owner=self)
        label, total = progress
        job, self.progress_window = run_with_progress(
            self, self.tasks, key, title, label, total, lambda report: build(target, report), done, self._print_failed
        )
        return job

    def _print_failed(self, error: BaseException) -> None:
        self.statusBar().clearMessage()
        self.print_finished.emit()
        if isinstance(error, BookCancelledError):
            self.statusBar().showMessage(self.tr("Cancelled; nothing was written."), 10000)
            return
        self._failed(error)

    def print_members(self) -> Job:
        services = self.services
        return self._preview(
            "print-members",
            self.tr("Member list"),
            "danh-sach-dang-vien.pdf",
            lambda out: member_list_pdf(
                documents.member_list_data(services), out, documents.document_style(services).turned()
            ),
        )

    def print_minutes(self, meeting_id: int | None = None) -> Job | None:
        meeting_id = meeting_id if meeting_id is not None else self.meetings_view.selected_meeting()
        if meeting_id is None:
            QMessageBox.information(self, self.tr("Print the minutes"), self.tr("Choose a meeting in the list first."))
            return None
        services = self.services

        def build(out: Path) -> Path:
            return minutes_with_addenda_pdf(
                documents.minutes_data(services, meeting_id), out, documents.document_style(services)
            )

        return self._preview("print-minutes", self.tr("Minutes"), f"bien-ban-{meeting_id}.pdf", build)

    def print_blank_form(self, on: date | None = None) -> Job | None:
        if on is None:
            text, ok = QInputDialog.getText(
                self,
                self.tr("Blank minutes form"),
                self.tr("Date of the meeting (dd/mm/yyyy):"),
                text=screen_date(self.services.today()),
            )
            if not ok:
                return None
            try:
                on = parse_date(text)
            except ValueError:
                on = None
            if on is None:
                QMessageBox.warning(self, self.tr("Blank minutes form"), render(BAD_DATE))
                return None
        services, day = self.services, on
        return self._preview(
            "print-blank",
            self.tr("Blank minutes form"),
            f"mau-bien-ban-{day.isoformat()}.pdf",
            lambda out: blank_form_pdf(
                documents.blank_form_data(services, day), out, documents.document_style(services)
            ),
        )

    def print_register(self, year: int | None = None) -> Job:
        services, chosen = self.services, year or self.meetings_view.year.value()
        return self._preview(
            "print-register",
            self.tr("Attendance register {year}").format(year=chosen),
            f"so-theo-doi-{chosen}.pdf",
            lambda out: register_pdf(
                documents.register_data(services, chosen), out, documents.document_style(services).turned()
            ),
        )

    def print_fund(self, fund_id: int, year: int) -> Job:
        services, period = self.services, parse_period(str(year))
        return self._preview(
            "print-fund",
            self.tr("Fund statement {year}").format(year=year),
            f"bao-cao-quy-{fund_id}-{year}.pdf",
            lambda out: statement_pdf(
                documents.fund_statement_data(services, fund_id, period), out, documents.document_style(services)
            ),
        )

    def print_ledger(self, member_id: int) -> Job:
        services = self.services
        return self._preview(
            "print-ledger",
            self.tr("Loan ledger"),
            f"so-vay-{member_id}.pdf",
            lambda out: ledger_pdf(documents.ledger_data(services, member_id), out, documents.document_style(services)),
        )

    def _report_period(self, period_text: str | None) -> Period | None:
        """The period of the report of all branches: given, or asked for (this year by default)."""
        if period_text is None:
            period_text, ok = QInputDialog.getText(
                self,
                self.tr("Report of all branches"),
                self.tr("Period (2026, 2026-Q2 or 2026-05):"),
                text=str(self.services.today().year),
            )
            if not ok:
                return None
        try:
            return parse_period(period_text)
        except ValueError:
            QMessageBox.warning(
                self, self.tr("Report of all branches"), self.tr("Write the period as 2026, 2026-Q2 or 2026-05.")
            )
            return None

    def print_consolidated(self, period_text: str | None = None) -> Job | None:
        """At the upper level: the figures of every branch and the total, for a year, quarter or month."""
        period = self._report_period(period_text)
        if period is None:
            return None
        services = self.services
        total = len(services.exchange.received_branches())
        return self._preview(
            "print-consolidated",
            self.tr("Report of all branches"),
            f"bao-cao-tong-hop-{period.label}.pdf",
            lambda out, report: consolidated_pdf(documents.consolidated_data(services, period, report), out),
            (self._branch_step(total), total),
        )

    def _branch_step(self, total: int) -> Callable[[int], str]:
        return lambda done: self.tr("Adding up branch {done} of {total}…").format(done=done + 1, total=total)

    def export_consolidated(self, period_text: str | None = None, path: Path | None = None) -> Job | None:
        """The same report as a workbook, for those who add up further in Excel."""
        period = self._report_period(period_text)
        if period is None:
            return None
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("Report of all branches"),
                f"bao-cao-tong-hop-{period.label}.xlsx",
                self.tr("Excel workbook (*.xlsx)"),
            )
            if not chosen:
                return None
            path = Path(chosen).with_suffix(".xlsx")
        services, target = self.services, path

        def work(report: Callable[[int], bool]) -> Path:
            data = documents.consolidated_data(services, period, report)
            write_xlsx(target, data.headings, [*data.rows, data.total], "Tổng hợp")
            return target

        def done(saved: Path) -> None:
            self.statusBar().showMessage(self.tr("Saved {path}.").format(path=saved), 10000)
            self.print_finished.emit()

        total = len(services.exchange.received_branches())
        job, self.progress_window = run_with_progress(
            self,
            self.tasks,
            "export-consolidated",
            self.tr("Report of all branches"),
            self._branch_step(total),
            total,
            work,
            done,
            self._print_failed,
        )
        return job

    def print_book(self, year: int | None = None) -> Job:
        """The year's minutes book, in the background with progress and a Cancel button."""
        services, chosen = self.services, year or self.meetings_view.year.value()
        total = max(1, len(services.meetings.list_meetings(chosen)))

        def build(out: Path, report: Callable[[int], bool]) -> Path:
            return book_pdf(documents.book_data(services, chosen), out, report, documents.document_style(services))

        def label(done: int) -> str:
            return self.tr("Laying out minutes {done} of {total}…").format(done=done, total=total)

        title = self.tr("Minutes book {year}").format(year=chosen)
        return self._preview("print-book", title, f"so-bien-ban-{chosen}.pdf", build, (label, total))

    def export_package(self) -> ExportDialog:
        dialog = ExportDialog(self.services.exchange, self.tasks, self)
        self._show(dialog)
        return dialog

    def import_packages(self) -> PackagesDialog:
        dialog = PackagesDialog(self.services.exchange, self.changed.emit, self.tasks, self)
        self._show(dialog)
        return dialog

    def show_keys(self) -> KeysDialog:
        dialog = KeysDialog(self.services.exchange, self)
        self._show(dialog)
        return dialog

    # --- keeping the data ---------------------------------------------------------------------------------

    def backup_to_folder(self, folder: Path | None = None) -> Job | None:
        """A checked copy on a drive the user picks, written in the background."""
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Back up to a folder or USB stick"))
            if not chosen:
                return None
            folder = Path(chosen)
        services, target = self.services, folder

        def work(report: Callable[[int], bool]) -> Path:
            return services.backups.backup_to(target, services.organisation.require().branch_name, report)

        def done(path: Path) -> None:
            self.statusBar().showMessage(self.tr("Backed up to {path}. The drive may be removed.").format(path=path))
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Back up to a folder or USB stick"),
                self.tr("The backup was written and read back:\n{path}\n\nThe drive may be removed.").format(path=path),
                parent=self,
            )
            self._show(box)
            self.backup_finished.emit(path)

        def failed(error: BaseException) -> None:
            self.backup_finished.emit(None)
            if isinstance(error, CopyCancelledError):
                self.statusBar().showMessage(self.tr("Cancelled; nothing was written."), 10000)
                return
            self._failed(error)

        job, self.backup_progress = run_with_progress(
            self,
            self.tasks,
            "backup-to",
            self.tr("Back up to a folder or USB stick"),
            lambda percent: self.tr("Copying the data… {percent}%").format(percent=percent),
            100,
            work,
            done,
            failed,
        )
        return job

    def restore_backup(self) -> RestoreDialog:
        """Choose a backup; the application closes the file, restores and reopens (see app.Application)."""
        dialog = RestoreDialog(self.services.backups.backups, self.tasks, self)
        dialog.chosen.connect(self.restore_requested.emit)
        self._show(dialog)
        return dialog

    def edit_password(self) -> PasswordDialog:
        dialog = PasswordDialog(self.services.access, self)
        dialog.accepted.connect(self.access_changed.emit)
        self._show(dialog)
        return dialog

    def refresh_charts(self) -> Job:
        """The chosen year's figures, computed in the background, then painted."""
        services, year = self.services, self.charts_view.year.value()
        return self.tasks.run(
            "charts",
            lambda: documents.charts_data(services, year),
            self._charts_ready,
            self._failed,
            owner=self,
        )

    def _charts_ready(self, data: ChartsData) -> None:
        self.charts_view.show_data(data)
        self.charts_loaded.emit()

    def print_charts(self, year: int | None = None) -> Job:
        services, chosen = self.services, year or self.charts_view.year.value()
        return self._preview(
            "print-charts",
            self.tr("Charts {year}").format(year=chosen),
            f"bieu-do-{chosen}.pdf",
            lambda out: charts_pdf(documents.charts_data(services, chosen), out, documents.document_style(services)),
        )

    def show_audit(self) -> AuditDialog:
        dialog = AuditDialog(self.services.audit, self.tasks, self.print_audit, self)
        self._show(dialog)
        return dialog

    def print_audit(self, since: date | None = None, until: date | None = None, search: str = "") -> Job:
        """The log printed in Vietnamese, like every document, whatever the screen's language."""
        services = self.services

        def build(out: Path) -> Path:
            from chibo_desktop.catalog import Catalog

            entries = services.audit.entries(Catalog("vi").translate, since, until, search, limit=100_000)
            period = f"từ {screen_date(since) if since else 'đầu'} đến {screen_date(until or services.today())}"
            return audit_pdf(documents.header(services, services.today()), entries, period, out)

        return self._preview("print-audit", self.tr("Log of changes"), "nhat-ky-thay-doi.pdf", build)

    def edit_setup(self) -> None:
        self._show(SetupDialog(self.services.organisation, self.changed.emit, self.services.organisation.get(), self))

    def edit_rules(self) -> None:
        self._show(RulesDialog(self.services.rules, self.changed.emit, self.services.today(), self))

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About"),
            self.tr("chibo-desktop {version}\nRecords of a Party branch, kept on this computer.").format(
                version=__version__
            ),
        )
