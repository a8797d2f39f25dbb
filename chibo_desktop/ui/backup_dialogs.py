"""Copying the data to a drive the user picks, and choosing a backup to restore after looking at what it holds."""

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
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

from chibo_desktop.domain.dates import screen_time
from chibo_desktop.domain.errors import UserError
from chibo_desktop.services import backups
from chibo_desktop.services.backups import BackupInfo, CopyCancelledError
from chibo_desktop.ui import file_dialogs
from chibo_desktop.ui.form_fields import message_label
from chibo_desktop.ui.i18n import render
from chibo_desktop.ui.progress import run_with_progress
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
    return QCoreApplication.translate(
        "Backups", "{when} — {branch}: {members} members, {meetings} meetings, {loans} loans."
    ).format(
        when=screen_time(info.taken_at),
        branch=info.branch or "?",
        members=info.members,
        meetings=info.meetings,
        loans=info.loans,
    )


class RestoreDialog(QDialog):
    """The backups in the backup folder, newest first, or any backup file; ``chosen`` carries the one to restore
    after the user has seen what it holds and confirmed."""

    chosen = Signal(object, bool)  # the backup's path; whether the user accepted that it is another branch's

    def __init__(
        self,
        load: Callable[[], list[BackupInfo]],
        tasks: TaskRunner,
        parent: QWidget | None = None,
        current_branch: tuple[str, str] | None = None,
        folder: Path | None = None,
    ) -> None:
        """*current_branch* is the (UUID, name) of the branch whose data is open, to warn before restoring a
        backup of another one; a locked backup from a stick is opened into the staging area of *folder* (the
        backup folder) and removed when the dialog closes."""
        super().__init__(parent)
        self._current = current_branch
        self._folder = folder
        self._origin: dict[Path, Path] = {}  # opened copy of a locked backup → the file on the stick
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.resize(760, 420)
        self._tasks = tasks
        self._infos: list[BackupInfo] = []
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
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Taken"), self.tr("Branch"), self.tr("Members"), self.tr("Meetings"), self.tr("State")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.itemSelectionChanged.connect(self._selected)
        layout.addWidget(self.table)
        self.preview = QLabel(self.tr("Looking at the backups…"), wordWrap=True)
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

    def _loaded(self, infos: list[BackupInfo]) -> None:
        self._infos = list(infos)
        self.table.setRowCount(0)
        for info in self._infos:
            self._add_row(info)
        self.table.resizeColumnsToContents()
        if not self._infos:
            self.preview.setText(self.tr("There is no backup in the backup folder yet. Choose a backup file."))
        else:
            self.preview.setText(self.tr("Choose a backup to see what it holds."))

    def _add_row(self, info: BackupInfo) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        state = self.tr("sound") if info.restorable else self.tr("damaged") if not info.check.ok else self.tr("altered")
        cells = (screen_time(info.taken_at), info.branch or "", str(info.members), str(info.meetings))
        for column, text in enumerate((*cells, state)):
            item = QTableWidgetItem(text)
            if column in (2, 3):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, item)

    def current(self) -> BackupInfo | None:
        row = self.table.currentRow()
        return self._infos[row] if 0 <= row < len(self._infos) else None

    def _selected(self) -> None:
        info = self.current()
        self.message.clear()
        if info is None:
            self.restore_button.setEnabled(False)
            return
        self.preview.setText(describe(info) + "\n" + str(self._origin.get(info.path, info.path)))
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
            if self._folder is None:
                return
            passphrase, given = QInputDialog.getText(
                self,
                self.tr("A locked backup"),
                self.tr("This backup is locked. Type the passphrase given when it was written:"),
                QLineEdit.EchoMode.Password,
            )
            if not given:
                return
            folder = self._folder
            self.preview.setText(self.tr("Opening the locked backup…"))
            self._tasks.run(
                "backups-pick",
                lambda: self._unsealed(picked, backups.unseal(picked, passphrase, folder)),
                self._picked,
                self._failed,
                owner=self,
            )
            return
        self.preview.setText(self.tr("Looking at the backups…"))
        self._tasks.run("backups-pick", lambda: backups.inspect(picked), self._picked, self._failed, owner=self)

    def _unsealed(self, origin: Path, plain: Path) -> BackupInfo:
        """In the background: what the opened copy of a locked backup holds; the copy is removed on closing."""
        self._origin[plain] = origin
        return backups.inspect(plain)

    def done(self, result: int) -> None:
        super().done(result)
        for plain in self._origin:
            plain.unlink(missing_ok=True)
        self._origin.clear()

    def _picked(self, info: BackupInfo) -> None:
        """A backup from elsewhere, checked in the background (a big file takes seconds), first in the list."""
        self._infos.insert(0, info)
        self._loaded(self._infos)
        self.table.selectRow(0)

    def confirm(self) -> bool:
        """Ask before replacing the data, naming the backup; ``chosen`` carries it when the user agrees."""
        info = self.current()
        if info is None or not info.restorable:
            return False
        other = self._current is not None and backups.other_branch(info, self._current[0])
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
        else:
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Restore from a backup"), "", parent=self)
            box.setText(self.tr("Go back to the backup of {summary}").format(summary=describe(info)))
            box.setInformativeText(
                self.tr(
                    "File: {path}\n\nEverything entered after {when} will no longer show. The data file as it is now "
                    "is kept first, as a backup in the backup folder, so this restore can itself be undone."
                ).format(path=self._origin.get(info.path, info.path), when=screen_time(info.taken_at))
            )
            restore = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(restore)
            box.exec()
            if box.clickedButton() is not restore:
                return False
        self.chosen.emit(info.path, other)
        self.accept()
        return True


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
