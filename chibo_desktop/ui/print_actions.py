"""The window's print and export actions: each document is built in the background, then previewed, saved as a
PDF or printed; a workbook is written straight to the file chosen.

Which data, renderer, page and file name each document uses is decided in `services/printing.py`; this object
only asks the user what to print (a meeting, a day, a period) and shows the result. It is its own QObject, with
its own translation context, rather than a mixin of the window (lupdate does not see a mixin's context).
"""

import shutil
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMainWindow, QMessageBox, QProgressDialog, QWidget

from chibo_desktop.domain.dates import Period, parse_date, screen_date
from chibo_desktop.domain.errors import UserError
from chibo_desktop.reports.api import BookCancelledError
from chibo_desktop.ui import file_dialogs
from chibo_desktop.ui.form_fields import BAD_DATE
from chibo_desktop.ui.i18n import render, translate
from chibo_desktop.ui.progress import run_with_progress
from chibo_desktop.ui.tasks import Job, TaskRunner

if TYPE_CHECKING:
    from chibo_desktop.services.printing import DocumentKind
    from chibo_desktop.services.wiring import Services
    from chibo_desktop.ui.print_preview import PreviewDialog


def printing() -> ModuleType:
    """The table of documents (services/printing.py), loaded at the first print: it brings every document's data
    module with it, which the window does not need to show."""
    from chibo_desktop.services import printing as table

    return table


R = TypeVar("R")


class PrintActions(QObject):
    """``preview_ready(dialog)`` once a document is on screen; ``print_finished`` when a job ends without one
    (cancelled, failed, or a workbook written)."""

    preview_ready = Signal(object)
    print_finished = Signal()

    def __init__(
        self,
        services: "Services | Callable[[], Services]",
        tasks: TaskRunner,
        window: QMainWindow,
        show: Callable[[QWidget], None],
        failed: Callable[[BaseException], None],
        selected_meeting: Callable[[], int | None],
        meetings_year: Callable[[], int],
        charts_year: Callable[[], int],
    ) -> None:
        super().__init__(window)
        self._services = services if callable(services) else lambda: services  # loaded after the window's first paint
        self.tasks = tasks
        self.window = window
        self._show = show
        self._failed = failed
        self._selected_meeting = selected_meeting
        self._meetings_year = meetings_year
        self._charts_year = charts_year
        self.last_preview: PreviewDialog | None = None
        self.progress_window: QProgressDialog | None = None

        def action(text: str, slot: Callable[[], object], shortcut: QKeySequence.StandardKey | None = None) -> QAction:
            made = QAction(text, window)
            made.triggered.connect(lambda _checked=False: slot())
            if shortcut is not None:
                made.setShortcut(shortcut)
            return made

        self.print_members_action = action(
            self.tr("&Print member list…"), self.print_members, QKeySequence.StandardKey.Print
        )
        self.export_members_action = action(self.tr("&Export roster to Excel…"), self.export_members)
        self.chosen_minutes_action = action(self.tr("&Minutes of the chosen meeting…"), self.print_minutes)
        self.dues_book_action = action(self.tr("&Dues book of the year…"), self.print_dues_book)
        self.print_menu = [
            self.chosen_minutes_action,
            action(self.tr("&Blank minutes form…"), self.print_blank_form),
            action(self.tr("Minutes &book of the year…"), self.print_book),
            action(self.tr("Attendance &register of the year…"), self.print_register),
            self.dues_book_action,
            self.print_members_action,
        ]
        self.consolidated_actions = [
            action(self.tr("&Report of all branches…"), self.print_consolidated),
            action(self.tr("Report of all branches to &Excel…"), self.export_consolidated),
        ]

    @property
    def services(self) -> "Services":
        return self._services()

    def _status(self, text: str, timeout: int = 0) -> None:
        self.window.statusBar().showMessage(text, timeout)

    # --- the one way a document reaches the screen ---------------------------------------------------------

    def _preview(
        self,
        kind: "DocumentKind[R, Any]",
        chosen: R,
        title: str,
        progress: tuple[Callable[[int], str], int] | None = None,
    ) -> Job:
        """Build *kind* in the background into a temporary folder under its own file name, then preview it.

        With *progress* = (label of step n, steps), a progress window with Cancel follows the build. The folder
        goes when the preview closes (or the build fails): saving and printing copy from it while it is open."""
        folder = Path(tempfile.mkdtemp(prefix="chibo-print-"))

        def remove_folder() -> None:
            shutil.rmtree(folder, ignore_errors=True)

        def failed(error: BaseException) -> None:
            remove_folder()
            self._print_failed(error)

        printer = self.services.printer
        self._status(self.tr("Preparing {title}…").format(title=title))

        def done(path: Path) -> None:
            self.window.statusBar().clearMessage()
            from chibo_desktop.ui.print_preview import PreviewDialog

            self.last_preview = PreviewDialog(path, title, path.name, self.tasks, self.window)
            self.last_preview.finished.connect(remove_folder)
            self.last_preview.saved.connect(
                lambda saved: self._status(self.tr("Saved {path}.").format(path=saved), 10000)
            )
            self._show(self.last_preview)
            self.preview_ready.emit(self.last_preview)

        if progress is None:
            return self.tasks.run(
                f"print-{kind.key}",
                lambda: printer.write_into(kind, chosen, folder),
                done,
                failed,
                owner=self.window,
            )
        label, total = progress
        job, self.progress_window = run_with_progress(
            self.window,
            self.tasks,
            f"print-{kind.key}",
            title,
            label,
            total,
            lambda report: printer.write_into(kind, chosen, folder, report),
            done,
            failed,
        )
        return job

    def _print_failed(self, error: BaseException) -> None:
        self.window.statusBar().clearMessage()
        self.print_finished.emit()
        if isinstance(error, BookCancelledError):
            self._status(self.tr("Cancelled; nothing was written."), 10000)
            return
        self._failed(error)

    # --- the documents -------------------------------------------------------------------------------------

    def print_members(self) -> Job:
        return self._preview(printing().MEMBERS, self.services.today(), self.tr("Member list"))

    def print_minutes(self, meeting_id: int | None = None) -> Job | None:
        meeting_id = meeting_id if meeting_id is not None else self._selected_meeting()
        if meeting_id is None:
            QMessageBox.information(
                self.window, self.tr("Print the minutes"), self.tr("Choose a meeting in the list first.")
            )
            return None
        return self._preview(printing().MINUTES, meeting_id, self.tr("Minutes"))

    def print_blank_form(self, on: date | None = None) -> Job | None:
        if on is None:
            text, ok = QInputDialog.getText(
                self.window,
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
                QMessageBox.warning(self.window, self.tr("Blank minutes form"), render(BAD_DATE))
                return None
        return self._preview(printing().BLANK_MINUTES, on, self.tr("Blank minutes form"))

    def print_register(self, year: int | None = None) -> Job:
        chosen = year or self._meetings_year()
        return self._preview(printing().REGISTER, chosen, self.tr("Attendance register {year}").format(year=chosen))

    def print_book(self, year: int | None = None) -> Job:
        """The year's minutes book, with progress and a Cancel button."""
        chosen = year or self._meetings_year()
        total = max(1, len(self.services.meetings.list_meetings(chosen)))

        def label(done: int) -> str:
            return self.tr("Laying out minutes {done} of {total}…").format(done=done, total=total)

        title = self.tr("Minutes book {year}").format(year=chosen)
        return self._preview(printing().MINUTES_BOOK, chosen, title, (label, total))

    def print_dues_book(self, year: int | None = None) -> Job:
        """The year's dues book (Part I month by month, then Part II), with progress by month and Cancel."""
        chosen = year or self.services.today().year
        from chibo_desktop.domain.dues import book_start

        start = book_start(self.services.rules.book(), self.services.today())
        this_month = self.services.today().replace(day=1)
        total = 1 + sum(1 for m in range(1, 13) if start <= date(chosen, m, 1) <= this_month)

        def label(done: int) -> str:
            return self.tr("Laying out part {done} of {total} of the dues book…").format(done=done, total=total)

        title = self.tr("Dues book {year}").format(year=chosen)
        return self._preview(printing().DUES_BOOK, chosen, title, (label, total))

    def print_dues_receipt(self, member_id: int, year: int) -> Job:
        return self._preview(
            printing().DUES_RECEIPT, printing().DuesReceiptChoice(member_id, year), self.tr("Dues receipt")
        )

    def export_dues_book(self, year: int, path: Path | None = None) -> Job | None:
        """The year's dues book as a workbook, written in the background to the file chosen."""
        if path is None:
            picked = file_dialogs.save_file(
                self.window,
                file_dialogs.Kind.DOCUMENTS,
                self.tr("Dues book to Excel"),
                f"so-thu-nop-dang-phi-{year}.xlsx",
                self.tr("Excel workbook (*.xlsx)"),
            )
            if picked is None:
                return None
            path = picked.with_suffix(".xlsx")
        printer, target = self.services.printer, path

        def done(saved: Path) -> None:
            self._status(self.tr("Saved {path}.").format(path=saved), 10000)
            self.print_finished.emit()

        return self.tasks.run("export-dues", lambda: printer.dues_workbook(year, target), done, self._print_failed)

    def print_fund(self, fund_id: int, year: int | Period) -> Job:
        """The statement of a year (up to today), or of a whole period such as a term."""
        from chibo_desktop.services.documents import fund_period

        if isinstance(year, Period):
            chosen, title = (
                printing().FundPeriod(fund_id, year),
                self.tr("Fund statement, {period}").format(period=year.label),
            )
        else:
            chosen = printing().FundPeriod(fund_id, fund_period(year, self.services.today()))
            title = self.tr("Fund statement {year}").format(year=year)
        return self._preview(printing().FUND_STATEMENT, chosen, title)

    def print_ledger(self, member_id: int) -> Job:
        return self._preview(printing().LEDGER, member_id, self.tr("Loan ledger"))

    def print_review(self, year: int) -> Job:
        return self._preview(printing().REVIEW, year, self.tr("Yearly review {year}").format(year=year))

    def print_member_review(self, member_id: int) -> Job:
        return self._preview(printing().MEMBER_REVIEW, member_id, self.tr("Member's record of reviews"))

    def print_charts(self, year: int | None = None) -> Job:
        chosen = year or self._charts_year()
        return self._preview(printing().CHARTS, chosen, self.tr("Charts {year}").format(year=chosen))

    def print_audit(self, since: date | None = None, until: date | None = None, search: str = "") -> Job:
        """The log printed in Vietnamese, like every document, whatever the screen's language."""
        return self._preview(
            printing().AUDIT_LOG, printing().AuditChoice(since, until, search), self.tr("Log of changes")
        )

    # --- the report of all branches (at the upper level) ------------------------------------------------------

    def _report_period(self, period_text: str | None) -> Period | None:
        """The period of the report of all branches: given, or asked for (this year by default)."""
        if period_text is None:
            terms = ", ".join(t.name for t in self.services.terms.terms())
            period_text, ok = QInputDialog.getText(
                self.window,
                self.tr("Report of all branches"),
                self.tr("Period (2026, 2026-Q2, 2026-05, a range 01/09/2020..30/06/2025 or a term's name):")
                + (self.tr("\nTerms set up: {names}").format(names=terms) if terms else ""),
                text=str(self.services.today().year),
            )
            if not ok:
                return None
        try:
            return self.services.terms.period(period_text)
        except UserError as error:
            QMessageBox.warning(self.window, self.tr("Report of all branches"), render(error.message))
            return None

    def _branch_step(self) -> tuple[Callable[[int], str], int]:
        """The steps of the report of all branches: the units whose figures are worked out first (on a file's
        first use, ~10 s at 10,000 members), then one per branch."""
        total = len(self.services.stats.received())
        first = self.services.stats.to_work_out()

        def label(done: int) -> str:
            if done < first:
                text = self.tr("Preparing the branches' figures for their first use: {done} of {total} units…")
                return text.format(done=done + 1, total=first)
            return self.tr("Adding up branch {done} of {total}…").format(done=done - first + 1, total=total)

        return label, first + total

    def print_consolidated(self, period_text: str | None = None) -> Job | None:
        """The figures of every branch and the total, for a year, quarter or month."""
        period = self._report_period(period_text)
        if period is None:
            return None
        title = self.tr("Report of all branches")
        return self._preview(printing().CONSOLIDATED, period, title, self._branch_step())

    def export_consolidated(self, period_text: str | None = None, path: Path | None = None) -> Job | None:
        """The same report as a workbook, for those who add up further in Excel."""
        period = self._report_period(period_text)
        if period is None:
            return None
        if path is None:
            chosen = file_dialogs.save_file(
                self.window,
                file_dialogs.Kind.DOCUMENTS,
                self.tr("Report of all branches"),
                printing().workbook_name(period),
                self.tr("Excel workbook (*.xlsx)"),
            )
            if chosen is None:
                return None
            path = chosen.with_suffix(".xlsx")
        printer, target = self.services.printer, path

        def done(saved: Path) -> None:
            self._status(self.tr("Saved {path}.").format(path=saved), 10000)
            self.print_finished.emit()

        label, total = self._branch_step()
        job, self.progress_window = run_with_progress(
            self.window,
            self.tasks,
            "export-consolidated",
            self.tr("Report of all branches"),
            label,
            total,
            lambda report: printer.consolidated_workbook(period, target, report),
            done,
            self._print_failed,
        )
        return job

    # --- the roster as a workbook ---------------------------------------------------------------------------

    def export_members(self) -> None:
        chosen = file_dialogs.save_file(
            self.window,
            file_dialogs.Kind.DOCUMENTS,
            self.tr("Export roster"),
            "danh-sach-dang-vien.xlsx",
            self.tr("Excel workbook (*.xlsx)"),
        )
        if chosen is None:
            return
        path = chosen.with_suffix(".xlsx")
        roster_io = self.services.roster_io
        self.tasks.run(
            "export",
            lambda: roster_io.export_xlsx(path, translate=translate),
            lambda count: self._status(
                self.tr("Exported {count} member(s) to {path}.", "", count).format(count=count, path=path), 10000
            ),
            self._failed,
        )
