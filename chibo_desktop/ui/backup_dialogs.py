"""Copying the data to a drive the user picks, and choosing a backup to restore after looking at what it holds."""

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chibo_desktop.domain.dates import screen_date, screen_time
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from chibo_desktop.services import backups
from chibo_desktop.services.backups import BackupInfo, Choice, CopyCancelledError, Listing, Loss, Origin
from chibo_desktop.ui import file_dialogs
from chibo_desktop.ui.form_fields import message_label
from chibo_desktop.ui.i18n import render, translate
from chibo_desktop.ui.progress import run_with_progress
from chibo_desktop.ui.screen import fit_to_screen
from chibo_desktop.ui.tasks import Job, TaskRunner

if TYPE_CHECKING:  # the window paints its first screen before the services are loaded
    from chibo_desktop.services.backups import BackupService


def describe(info: BackupInfo) -> str:
    """One backup in words: when, which branch, how much it holds, whether it is sound."""
    if not info.check.ok:
        return QCoreApplication.translate("Backups", "{when}: damaged, cannot be restored ({problem}).").format(
            when=screen_time(info.taken_at), problem=info.check.problems[0]
        )
    if info.altered:
        return QCoreApplication.translate(
            "Backups",
            "{when}: not built the way this app builds its data ({names}); it may have been altered and cannot be "
            "restored.",
        ).format(
            when=info.taken_at.strftime("%d/%m/%Y %H:%M"),
            names=", ".join(line.rsplit(" ", 1)[-1] for line in info.altered[:3]),
        )
    text = QCoreApplication.translate("Backups", "{when} — {branch}: {held}.").format(
        when=screen_time(info.taken_at), branch=info.branch or "?", held=_held(info)
    )
    if info.latest_meeting is not None:
        text += " " + QCoreApplication.translate("Backups", "The last meeting was on {day}.").format(
            day=screen_date(info.latest_meeting)
        )
    return text


class Holdings(QObject):
    """What a copy or the data open holds: "3 members, 1 meeting, 2 loans", each noun in the form its number takes.
    A QObject for ``tr`` alone: lupdate reads plural forms only from ``self.tr(text, "", count)``."""

    def words(self, info: BackupInfo) -> str:
        return ", ".join(
            (
                self.tr("{count} member(s)", "", info.members).format(count=info.members),
                self.tr("{count} meeting(s)", "", info.meetings).format(count=info.meetings),
                self.tr("{count} loan(s)", "", info.loans).format(count=info.loans),
            )
        )


def _held(info: BackupInfo) -> str:
    return Holdings().words(info)


def describe_now(info: BackupInfo) -> str:
    """What the data open now holds, to compare the backups with."""
    text = QCoreApplication.translate("Backups", "The data open now: {held}.").format(held=_held(info))
    if info.latest_meeting is not None:
        text += " " + QCoreApplication.translate("Backups", "The last meeting was on {day}.").format(
            day=screen_date(info.latest_meeting)
        )
    if info.last_change is not None:
        text += " " + QCoreApplication.translate("Backups", "Last changed {when}.").format(
            when=screen_time(info.last_change)
        )
    return text


ORIGINS = {
    Origin.AUTOMATIC: QT_TRANSLATE_NOOP("Backups", "This computer, automatic"),
    Origin.BEFORE_MIGRATION: QT_TRANSLATE_NOOP("Backups", "This computer, before an upgrade"),
    Origin.BEFORE_RESTORE: QT_TRANSLATE_NOOP("Backups", "This computer, before a restore"),
    Origin.DAMAGED: QT_TRANSLATE_NOOP("Backups", "This computer, a damaged file kept"),
    Origin.ELSEWHERE: QT_TRANSLATE_NOOP("Backups", "Locked, in {folder}"),
    Origin.PICKED: QT_TRANSLATE_NOOP("Backups", "The file you chose"),
}
LACKING = QColor("#ffe08a")  # the amber of the USB stick reminder: look before restoring this one


class RestoreDialog(QDialog):
    """The backups in the backup folder and the locked copies the app wrote elsewhere, newest first, each with
    what it holds and what restoring it would take away; or any backup file. ``chosen`` carries the one to restore
    after the user has seen what it holds and confirmed (asked again, with what would be lost, when it holds less
    than the data open now)."""

    chosen = Signal(object, bool)  # the backup's path; whether the user accepted that it is another branch's

    COLUMNS = 8

    def __init__(
        self,
        load: Callable[[], Listing],
        look: Callable[[Path, Origin], Choice],
        tasks: TaskRunner,
        parent: QWidget | None = None,
        current_branch: tuple[str, str] | None = None,
        folder: Path | None = None,
    ) -> None:
        """*load* lists the backups against the data open now; *look* checks one backup file and compares it with
        the data open now (both run in the background). *current_branch* is the (UUID, name) of the branch whose
        data is open, to warn before restoring a backup of another one; a locked backup is opened into the staging
        area of *folder* (the backup folder) and removed when the dialog closes."""
        super().__init__(parent)
        self._current = current_branch
        self._folder = folder
        self._look = look
        self._origin: dict[Path, Path] = {}  # opened copy of a locked backup → the file on the stick
        self.setWindowTitle(self.tr("Restore from a backup"))
        fit_to_screen(self, 1080, 560)
        self._tasks = tasks
        self._choices: list[Choice] = []
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Choose the backup to go back to. The data as it is now is kept as a backup first, so a restore "
                    "can itself be undone."
                ),
                wordWrap=True,
            )
        )
        self.now = QLabel(wordWrap=True)
        layout.addWidget(self.now)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Taken"),
                self.tr("Where"),
                self.tr("Branch"),
                self.tr("Members"),
                self.tr("Meetings"),
                self.tr("Last meeting"),
                self.tr("Compared with the data open now"),
                self.tr("State"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a long folder keeps its drive and its end
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.itemSelectionChanged.connect(self._selected)
        layout.addWidget(self.table)
        self.preview = QLabel(self.tr("Looking at the backups…"), wordWrap=True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.preview)
        self.message = message_label()
        layout.addWidget(self.message)
        row = QHBoxLayout()
        other = QPushButton(self.tr("Another backup file…"))
        other.clicked.connect(lambda: self.pick_file())  # not clicked(bool): that is no path
        row.addWidget(other)
        row.addStretch()
        layout.addLayout(row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = self.buttons.addButton(self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(lambda: self.confirm())  # not clicked(bool) into an argument
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        tasks.run("backups-list", load, self._loaded, self._failed, owner=self)

    def _failed(self, error: BaseException) -> None:
        self.preview.setText("")
        self.message.setText(render(error.message) if isinstance(error, UserError) else str(error))
        choice = self.current()
        self.restore_button.setEnabled(choice is not None and choice.info.restorable)

    def _loaded(self, listing: Listing) -> None:
        if listing.now is not None:
            self.now.setText(describe_now(listing.now))
        self._show(listing.choices)
        if not self._choices:
            self.preview.setText(self.tr("There is no backup in the backup folder yet. Choose a backup file."))
        else:
            self.preview.setText(self.tr("Choose a backup to see what it holds."))

    def _show(self, choices: list[Choice]) -> None:
        self._choices = list(choices)
        self.table.setRowCount(0)
        for choice in self._choices:
            self._add_row(choice)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        header.resizeSection(1, min(header.sectionSize(1), 240))  # a long folder is elided in the middle
        header.setStretchLastSection(False)  # the last column to the table's edge again, after the resizing
        header.setStretchLastSection(True)

    def _other_branch(self, info: BackupInfo) -> bool:
        return self._current is not None and backups.other_branch(info, self._current[0])

    def _listed(self, items: tuple[str, ...], people: bool, most: int = 5) -> str:
        """A few names (*people*) or meeting days, and how many more."""
        shown = ", ".join(items[:most])
        if len(items) <= most:
            return shown
        more = self.tr("{shown} and {more} others") if people else self.tr("{shown} and {more} other meetings")
        return more.format(shown=shown, more=len(items) - most)

    def _counts(self, loss: Loss) -> list[str]:
        """How many members, meetings and loans restoring would take away (those it takes any of)."""
        return [
            text.format(count=count)
            for count, text in (
                (loss.members, self.tr("{count} member(s)", "", loss.members)),
                (loss.meetings, self.tr("{count} meeting(s)", "", loss.meetings)),
                (loss.loans, self.tr("{count} loan(s)", "", loss.loans)),
            )
            if count
        ]

    def lost_lines(self, loss: Loss) -> list[str]:
        """What restoring would take away, one line for each kind, with the names and days when they are known."""
        counts = iter(self._counts(loss))
        lines = []
        if loss.members:
            line = next(counts)
            lines.append(f"{line}: {self._listed(loss.names, people=True)}" if loss.names else line)
        if loss.meetings:
            line = next(counts)
            days = tuple(screen_date(day) for day in loss.meeting_days)
            lines.append(
                self.tr("{meetings}, held on {days}").format(meetings=line, days=self._listed(days, people=False))
                if days
                else line
            )
        if loss.loans:
            line = next(counts)
            lines.append(f"{line}: {self._listed(loss.borrowers, people=True)}" if loss.borrowers else line)
        if loss.changed_since is not None and loss.latest_change is not None:
            lines.append(
                self.tr("the changes made after {since} (the latest on {latest})").format(
                    since=screen_time(loss.changed_since), latest=screen_time(loss.latest_change)
                )
            )
        return lines

    def compared(self, choice: Choice) -> str:
        """The list's short word on a backup against the data open now."""
        loss = choice.loss
        if self._other_branch(choice.info):
            return self.tr("another branch's records")
        if loss is None:
            return ""
        counts = self._counts(loss)
        if counts:
            return self.tr("lacks {what}").format(what=", ".join(counts))
        if loss.changed_since is not None:
            return self.tr("lacks the changes after {since}").format(since=screen_time(loss.changed_since))
        return self.tr("holds all of it")

    def _add_row(self, choice: Choice) -> None:
        info = choice.info
        row = self.table.rowCount()
        self.table.insertRow(row)
        if not info.check.ok:
            state = self.tr("damaged")
        elif info.altered:
            state = self.tr("altered")
        elif info.locked:
            state = self.tr("asks its passphrase")
        else:
            state = self.tr("sound")
        origin = self._origin.get(info.path, info.path)
        where = translate("Backups", ORIGINS[choice.origin]).format(folder=origin.parent)
        restorable = info.restorable
        cells = (
            screen_time(info.taken_at),
            where,
            info.branch or "",
            str(info.members) if restorable else "",
            str(info.meetings) if restorable else "",
            screen_date(info.latest_meeting) if restorable else "",
            self.compared(choice),
            state,
        )
        lacking = choice.loss is not None and choice.loss.anything
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column in (3, 4):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column == 1:
                item.setToolTip(str(origin))
            if column == 6 and lacking:
                item.setBackground(LACKING)
            self.table.setItem(row, column, item)

    def current(self) -> Choice | None:
        row = self.table.currentRow()
        return self._choices[row] if 0 <= row < len(self._choices) else None

    def _selected(self) -> None:
        choice = self.current()
        self.message.clear()
        if choice is None:
            self.restore_button.setEnabled(False)
            return
        info = choice.info
        lines = [describe(info), str(self._origin.get(info.path, info.path))]
        if info.locked:
            lines.append(
                self.tr(
                    "Locked with a passphrase: the app asks it when restoring. The figures are those noted when the "
                    "copy was written."
                )
            )
        lost = self.lost_lines(choice.loss) if choice.loss is not None and not self._other_branch(info) else []
        if lost:
            lines.append(self.tr("Restoring it would take away: {what}.").format(what="; ".join(lost)))
        self.preview.setText("\n".join(lines))
        self.restore_button.setEnabled(info.restorable)

    def pick_file(self, path: Path | None = None) -> None:
        if path is None:
            chosen = file_dialogs.open_file(
                self,
                file_dialogs.Kind.STICK,
                self.tr("Choose a backup"),
                self.tr("Backups (*.chibo-backup *.sqlite);;All files (*)"),
            )
            if chosen is None:
                return
            path = chosen
        picked = path
        if backups.is_sealed(picked):
            self._open_locked(picked, Origin.PICKED, self._picked)
            return
        self.preview.setText(self.tr("Looking at the backups…"))
        look = self._look
        self._tasks.run("backups-pick", lambda: look(picked, Origin.PICKED), self._picked, self._failed, owner=self)

    def _open_locked(self, locked: Path, origin: Origin, then: Callable[[Choice], None]) -> bool:
        """Ask the passphrase of *locked*, open it into the staging folder in the background, then *then* with
        what it holds. False when the user did not give the passphrase."""
        if self._folder is None:
            return False
        passphrase, given = QInputDialog.getText(
            self,
            self.tr("A locked backup"),
            self.tr("This backup is locked. Type the passphrase given when it was written:"),
            QLineEdit.EchoMode.Password,
        )
        if not given:
            return False
        folder, look = self._folder, self._look

        def work() -> Choice:
            plain = backups.unseal(locked, passphrase, folder)
            self._origin[plain] = locked  # removed on closing
            return look(plain, origin)

        self.preview.setText(self.tr("Opening the locked backup…"))
        self._tasks.run("backups-pick", work, then, self._failed, owner=self)
        return True

    def done(self, result: int) -> None:
        super().done(result)
        for plain in self._origin:
            plain.unlink(missing_ok=True)
        self._origin.clear()

    def _picked(self, choice: Choice) -> None:
        """A backup from elsewhere, checked in the background (a big file takes seconds), first in the list."""
        self._show([choice, *self._choices])
        self.table.selectRow(0)

    def _refreshed(self, old: Choice, choice: Choice) -> None:
        """*choice* (opened, or compared again) in place of *old* in the list, and chosen."""
        row = next((n for n, listed in enumerate(self._choices) if listed is old), None)
        if row is None:
            self._picked(choice)
            return
        self._show(self._choices[:row] + [choice] + self._choices[row + 1 :])
        self.table.selectRow(row)

    def confirm(self) -> None:
        """Look at the chosen backup again against the data open now (opening it first if it is locked), then ask
        before replacing the data; ``chosen`` carries it when the user agrees."""
        choice = self.current()
        if choice is None or not choice.info.restorable:
            return
        info = choice.info

        def then(fresh: Choice) -> None:
            self._refreshed(choice, fresh)
            self._ask(fresh)

        self.message.clear()
        if info.locked:
            self.restore_button.setEnabled(False)
            if not self._open_locked(info.path, choice.origin, then):
                self.restore_button.setEnabled(True)
            return
        if self._other_branch(info):  # whatever it holds, all of the data open now goes: asked as such
            self._ask(choice)
            return
        self.restore_button.setEnabled(False)
        self.preview.setText(self.tr("Comparing the backup with the data open now…"))
        path, origin, look = info.path, choice.origin, self._look
        self._tasks.run("backups-compare", lambda: look(path, origin), then, self._failed, owner=self)

    def _ask(self, choice: Choice) -> bool:
        info = choice.info
        if not info.restorable:
            return False
        other = self._other_branch(info)
        if other:
            assert self._current is not None
            warning = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("A backup of another branch"),
                self.tr(
                    "This backup holds the records of another branch: “{theirs}” ({members} members), taken {when}.\n"
                    "The data open now is of “{ours}”.\n\nReplace it with the other branch's records? The data "
                    "open now is kept as a backup first."
                ).format(
                    theirs=info.branch or "?",
                    members=info.members,
                    when=screen_time(info.taken_at),
                    ours=self._current[1],
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                self,
            )
            warning.setDefaultButton(QMessageBox.StandardButton.No)
            if warning.exec() != QMessageBox.StandardButton.Yes:
                return False
        elif not self._agreed(choice):
            return False
        self.chosen.emit(info.path, other)
        self.accept()
        return True

    def _agreed(self, choice: Choice) -> bool:
        """The question before a restore: plain when nothing would be lost; a warning saying what would no longer
        show, with "do not restore" as the answer Enter gives, when the backup holds less than the data open now."""
        info, loss = choice.info, choice.loss
        path = self._origin.get(info.path, info.path)
        lost = self.lost_lines(loss) if loss is not None else []
        if not lost:
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Restore from a backup"), "", parent=self)
            box.setText(self.tr("Go back to the backup of {summary}").format(summary=describe(info)))
            box.setInformativeText(
                (
                    self.tr(
                        "File: {path}\n\nEverything entered after {when} will no longer show. The data file as it is "
                        "now is kept first, as a backup in the backup folder, so this restore can itself be undone."
                    )
                    if loss is None
                    else self.tr(
                        "File: {path}\n\nIt holds everything the data open now holds. The data file as it is now is "
                        "kept first, as a backup in the backup folder, so this restore can itself be undone."
                    )
                ).format(path=path, when=screen_time(info.taken_at))
            )
            restore = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
            box.setDefaultButton(restore)
            box.setEscapeButton(box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole))
        else:
            assert loss is not None
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Restore from a backup"), "", parent=self)
            fewer = loss.members or loss.meetings or loss.loans
            box.setText(
                (
                    self.tr("The backup of {when} holds less than the data open now.")
                    if fewer
                    else self.tr("The backup of {when} is older than the data open now.")
                ).format(when=screen_time(info.taken_at))
            )
            box.setInformativeText(
                self.tr(
                    "If it is restored, this will no longer show:\n{lost}\n\nThe data as it is now is kept first, as a "
                    "backup in the backup folder, so it can be brought back.\n\nBackup: {summary}\nFile: {path}"
                ).format(lost="\n".join(f"• {line}" for line in lost), summary=describe(info), path=path)
            )
            restore = box.addButton(self.tr("Restore anyway"), QMessageBox.ButtonRole.AcceptRole)
            keep = box.addButton(self.tr("Do not restore"), QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(keep)
            box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is restore


class StickPassphraseDialog(QDialog):
    """The passphrase that locks a backup leaving the computer: typed twice, at least 8 characters."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Back up to a folder or USB stick"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "The backup to {folder} is locked with a passphrase, so whoever finds the stick cannot read the "
                    "roster. Keep the passphrase apart from the stick (not written on it): without it the backup "
                    "cannot be restored."
                ).format(folder=folder),
                wordWrap=True,
            )
        )
        form = QFormLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Passphrase (at least 8 characters)"), self.passphrase)
        form.addRow(self.tr("The same again"), self.repeat)
        layout.addLayout(form)
        self.message = message_label()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.addButton(self.tr("Back up"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.clicked.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def _check(self) -> None:
        if len(self.passphrase.text()) < 8:
            self.message.setText(self.tr("A passphrase needs at least 8 characters."))
        elif self.passphrase.text() != self.repeat.text():
            self.message.setText(self.tr("The two passphrases differ. Type them again."))
            self.repeat.clear()
        else:
            self.accept()


def tell_restored(parent: QWidget, restored: backups.Restored) -> QMessageBox:
    """Say what a restore did, in the window that now shows the restored data (not blocking it)."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("Backups", "Restore from a backup"),
        QCoreApplication.translate("Backups", "Restored the backup of {summary}").format(
            summary=describe(restored.info)
        ),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    if restored.kept is not None:
        box.setInformativeText(
            QCoreApplication.translate(
                "Backups", "The data as it was before the restore is kept as {name} in {folder}."
            ).format(name=restored.kept.name, folder=restored.kept.parent)
        )
    box.open()
    return box


class BackupToFolder(QObject):
    """*Back up to a folder or USB stick*: a checked copy on a drive the user picks, written in the background
    with a progress window; ``finished(path)`` once it is read back (``None`` if cancelled or failed)."""

    finished = Signal(object)

    def __init__(
        self,
        backups: "BackupService | Callable[[], BackupService]",
        branch_name: Callable[[], str],
        tasks: TaskRunner,
        window: QMainWindow,
        show: Callable[[QWidget], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        super().__init__(window)
        self._backups = backups if callable(backups) else lambda: backups  # the services may load after the window
        self._branch_name = branch_name
        self._tasks = tasks
        self._window = window
        self._show = show
        self._failed = failed
        self.progress: QProgressDialog | None = None

    def run(self, folder: Path | None = None) -> Job | None:
        if folder is None:
            chosen = file_dialogs.folder(
                self._window, file_dialogs.Kind.STICK, self.tr("Back up to a folder or USB stick")
            )
            if chosen is None:
                return None
            folder = chosen
        asked = StickPassphraseDialog(folder, self._window)
        if not asked.exec():
            return None
        service, branch, target, passphrase = self._backups(), self._branch_name(), folder, asked.passphrase.text()

        def work(report: Callable[[int], bool]) -> Path:
            return service.backup_to(target, branch, passphrase, report)

        def done(path: Path) -> None:
            self._window.statusBar().showMessage(  # the name only: the folder is in the box below
                self.tr("Backed up to {name}. The drive may be removed.").format(name=path.name)
            )
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Back up to a folder or USB stick"),
                self.tr("The backup was written and read back:\n{path}\n\nThe drive may be removed.").format(path=path),
                parent=self._window,
            )
            self._show(box)
            self.finished.emit(path)

        def failed(error: BaseException) -> None:
            self.finished.emit(None)
            if isinstance(error, CopyCancelledError):
                self._window.statusBar().showMessage(self.tr("Cancelled; nothing was written."), 10000)
                return
            self._failed(error)

        job, self.progress = run_with_progress(
            self._window,
            self._tasks,
            "backup-to",
            self.tr("Back up to a folder or USB stick"),
            lambda percent: self.tr("Copying the data… {percent}%").format(percent=percent),
            100,
            work,
            done,
            failed,
        )
        return job
