"""Carrying data to the upper level on a USB stick, and taking branches' packages in there."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStorageInfo, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chibo_desktop.domain.errors import UserError
from chibo_desktop.services.changes import Change
from chibo_desktop.services.exchange import ExchangeService, ExportResult, ImportReport
from chibo_desktop.ui import file_dialogs
from chibo_desktop.ui.form_fields import message_label
from chibo_desktop.ui.i18n import render
from chibo_desktop.ui.numbers import number
from chibo_desktop.ui.progress import run_with_progress
from chibo_desktop.ui.tasks import TaskRunner


def drives() -> list[tuple[str, str]]:
    """(label, path) of mounted volumes other than the system one, offered first: USB sticks, memory cards."""
    out = []
    for volume in QStorageInfo.mountedVolumes():
        path = volume.rootPath()
        if not volume.isValid() or not volume.isReady() or volume.isReadOnly() or volume.isRoot():
            continue
        if path.startswith(("/proc", "/sys", "/dev", "/run", "/snap", "/boot")) or path.upper().startswith("C:"):
            continue
        name = volume.displayName() or path
        free = QCoreApplication.translate("Exchange", "{name} ({megabytes} MB free)")
        out.append((free.format(name=name, megabytes=number(volume.bytesAvailable() // 2**20)), path))
    return out


class ExportDialog(QDialog):
    def __init__(self, exchange: ExchangeService, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._exchange = exchange
        self._tasks = tasks
        self.result: ExportResult | None = None
        self.setWindowTitle(self.tr("Send the data to the upper level"))
        self.resize(640, 360)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.folder = QComboBox()
        self.folder.setEditable(True)
        for label, path in drives():
            self.folder.addItem(label, path)
        choose = QPushButton(self.tr("Choose a folder…"))
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        form.addRow(self.tr("Write to"), row)
        label = form.labelForField(row)
        if isinstance(label, QLabel):
            label.setBuddy(self.folder)  # the label names the field, for the keyboard and screen readers
        self.by_passphrase = QRadioButton(self.tr("Lock with a passphrase (tell it to the upper level separately)"))
        self.by_key = QRadioButton(self.tr("Lock with the upper level's key"))
        self.by_passphrase.setChecked(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.key = QLineEdit()
        self.key.setPlaceholderText(self.tr("paste the key shown by the upper level's app"))
        form.addRow(self.by_passphrase)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(self.tr("Repeat it"), self.repeat)
        form.addRow(self.by_key)
        form.addRow(self.tr("Upper level's key"), self.key)
        remembered = exchange.last_recipient()
        if remembered:  # the key the last package was locked to: pasted once, offered every month after
            self.by_key.setChecked(True)
            self.key.setText(remembered)
        self.with_minutes = QCheckBox(self.tr("Also carry the approved minutes as PDFs"))
        form.addRow(self.with_minutes)
        last = exchange.last_receipt()
        # after a receipt a package carries only what changed since: every record again when the upper level asks
        self.whole = QCheckBox(self.tr("Send every record (only when the upper level asks for it)"))
        self.whole.setVisible(last is not None)
        form.addRow(self.whole)
        self.receipt = QLabel(
            self.tr("The upper level confirmed package {sequence}: {upper} received it on {date}.").format(
                sequence=last[0], upper=last[2], date="/".join(reversed(last[1].split("-")))
            )
            if last
            else self.tr("No receipt from the upper level yet.")
        )
        if remembered and remembered == exchange.receipt_lock():
            self.receipt.setText(
                self.receipt.text()
                + "\n"
                + self.tr("Its receipt brought its key, chosen above: no passphrase is needed.")
            )
        self.receipt.setObjectName("receipt")
        layout.addWidget(self.receipt)
        self.message = message_label()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = QPushButton(self.tr("Write the package"))
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._told_missing = False  # the message names what is missing: it follows the fields as they are filled
        self.folder.currentTextChanged.connect(self._recheck)
        for line in (self.passphrase, self.repeat, self.key):
            line.textChanged.connect(self._recheck)
        self.by_passphrase.toggled.connect(self._recheck)

    def _choose(self) -> None:
        picked = file_dialogs.folder(self, file_dialogs.Kind.STICK, self.tr("Write to"))
        if picked is not None:
            chosen = str(picked)
            self.folder.insertItem(0, chosen, chosen)
            self.folder.setCurrentIndex(0)

    def target(self) -> Path | None:
        """The folder chosen, or None while none is (an empty path would be the folder the app started in)."""
        text = self.folder.currentText().strip()
        index = self.folder.currentIndex()
        if index >= 0 and text == self.folder.itemText(index) and self.folder.itemData(index):
            text = self.folder.itemData(index)  # a drive offered: its label is not its path
        return Path(text) if text else None

    def missing(self) -> list[str]:
        """What still has to be filled in before the package can be written, each said as what to do."""
        problems = []
        if self.target() is None:
            problems.append(
                self.tr("Choose where to write the package: the USB stick, or a folder (Choose a folder…).")
            )
        if self.by_passphrase.isChecked():
            if not self.passphrase.text():
                problems.append(self.tr("Type a passphrase (at least 8 characters), then type it again below."))
            elif len(self.passphrase.text()) < 8:
                problems.append(self.tr("The passphrase needs at least 8 characters."))
            elif not self.repeat.text():
                problems.append(self.tr("Type the passphrase again in “Repeat it”."))
            elif self.passphrase.text() != self.repeat.text():
                problems.append(self.tr("The two passphrases differ. Type them again."))
        elif not self.key.text().strip():
            problems.append(self.tr("Paste the upper level's key (shown by the app there), or lock with a passphrase."))
        return problems

    def _recheck(self) -> None:
        if self._told_missing:
            self._tell_missing(self.missing())

    def _tell_missing(self, problems: list[str]) -> None:
        self._told_missing = bool(problems)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText("\n".join(problems))

    def export(self) -> None:
        problems = self.missing()
        if problems:
            self._tell_missing(problems)
            return
        passphrase = self.passphrase.text() if self.by_passphrase.isChecked() else None
        key = self.key.text() if self.by_key.isChecked() else None
        folder = self.target()
        assert folder is not None
        with_minutes = self.with_minutes.isChecked()
        whole = self.whole.isChecked()
        self.export_button.setEnabled(False)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Writing and checking…"))
        self.job, self.progress = run_with_progress(
            self,
            self._tasks,
            "export",
            self.tr("Send the data to the upper level"),
            lambda percent: self.tr("Writing the package… {percent}%").format(percent=percent),
            100,
            lambda report: self._exchange.export(folder, passphrase, key, with_minutes, report, whole),
            self._done,
            self._failed,
        )

    def _done(self, result: ExportResult) -> None:
        self.result = result
        self.export_button.setEnabled(True)
        self.message.setStyleSheet("color: #1b5e20;")
        text = self.tr(
            "Wrote {name} (package {sequence}) and read it back: done, the drive can be removed safely."
        ).format(name=result.path.name, sequence=result.sequence)
        if result.since is not None:
            text += "\n" + self.tr(
                "It carries what changed since package {since}, which the upper level confirmed: {records}."
            ).format(since=result.since, records=self._records(result.records))
        self.message.setText(text)

    def _records(self, count: int) -> str:
        return self.tr("%n changed record(s)", "", count)

    def _failed(self, error: BaseException) -> None:
        self.export_button.setEnabled(True)
        if not isinstance(error, UserError):
            raise error
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(render(error.message))


class PackagesDialog(QDialog):
    """Import at the upper level: a preview of every package (nothing written), then the import. At a branch
    (*committee* False) the same dialog takes in the upper level's receipt, and speaks of that."""

    def __init__(
        self,
        exchange: ExchangeService,
        on_change: Callable[[Change], None],
        tasks: TaskRunner,
        parent: QWidget | None = None,
        committee: bool = True,
    ) -> None:
        super().__init__(parent)
        self._exchange = exchange
        self._on_change = on_change
        self._tasks = tasks
        self.committee = committee
        self.paths: list[Path] = []
        self.reports: list[ImportReport] = []
        self.setWindowTitle(self.title())
        self.resize(1100, 520)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        pick_files = QPushButton(
            self.tr("Choose packages or receipts…") if committee else self.tr("Choose the receipt…")
        )
        pick_folder = QPushButton(
            self.tr("Choose a folder (a stick with many branches)…")
            if committee
            else self.tr("Choose a folder (the stick)…")
        )
        pick_files.clicked.connect(self._pick_files)
        pick_folder.clicked.connect(self._pick_folder)
        row.addWidget(pick_files)
        row.addWidget(pick_folder)
        row.addStretch(1)
        form = QFormLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        if committee:  # typed before the pick, which checks at once; a receipt is signed, not locked
            form.addRow(self.tr("Passphrase (if the branch used one)"), self.passphrase)
            layout.addLayout(form)
        else:
            self.passphrase.hide()
        layout.addLayout(row)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("File"),
                self.tr("Branch") if committee else self.tr("From"),
                self.tr("Package"),
                self.tr("Key fingerprint"),
                self.tr("New / updated / unchanged"),
                self.tr("Result"),
            ]
        )
        self.table.setColumnHidden(4, not committee)  # a receipt adds no records
        header = self.table.horizontalHeader()
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)  # the result is read in full, wrapped
        self.table.setColumnWidth(0, 220)  # file names are long: shortened in the middle, whole in the tooltip
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table)
        self.note = QLabel(
            self.tr(
                "A branch's first package registers its key: before importing, you will be asked to compare its fingerprint with the branch by phone."
            )
            if committee
            else self.tr(
                "The upper level's receipt confirms which package it took in. The first one registers the upper level's key: before it is recorded, you will be asked to compare its fingerprint with the upper level by phone."
            )
        )
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.preview_button = QPushButton(self.tr("Check (nothing is written)"))
        self.import_button = QPushButton(self.tr("Import") if committee else self.tr("Record the receipt"))
        self.import_button.setEnabled(False)
        for button in (self.preview_button, self.import_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.preview_button.clicked.connect(lambda: self.run(dry_run=True))
        self.import_button.clicked.connect(lambda: self.run(dry_run=False))
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def title(self) -> str:
        return (
            self.tr("Take in the branches' packages")
            if self.committee
            else self.tr("Take in the upper level's receipt")
        )

    def _pick_files(self) -> None:
        chosen = file_dialogs.open_files(
            self,
            file_dialogs.Kind.STICK,
            self.tr("Choose packages or receipts…") if self.committee else self.tr("Choose the receipt…"),
            self.tr("Packages and receipts (*.chibo *.chibo-ack);;Packages (*.chibo);;Receipts (*.chibo-ack)")
            if self.committee
            else self.tr("Receipts (*.chibo-ack);;Packages and receipts (*.chibo *.chibo-ack)"),
        )
        if chosen:
            self.set_paths(chosen)
            self.run(dry_run=True)  # checked at once: an empty list after a pick looks as if it failed

    def _pick_folder(self) -> None:
        chosen = file_dialogs.folder(
            self,
            file_dialogs.Kind.STICK,
            self.tr("Choose a folder (a stick with many branches)…")
            if self.committee
            else self.tr("Choose a folder (the stick)…"),
        )
        if chosen is not None:
            self.set_paths([chosen])
            self.run(dry_run=True)

    def set_paths(self, paths: list[Path]) -> None:
        """Take *paths* (files, or folders to look in): each file is listed at once as not checked yet."""
        self.paths = paths
        self.reports = []
        self.import_button.setEnabled(False)
        files = self._exchange.package_files(paths, receipts_only=not self.committee)
        self.table.setRowCount(len(files))
        for row, path in enumerate(files):
            for column, text in enumerate((path.name, "", "", "", "", self.tr("Not checked yet"))):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)

    def confirmed_keys(self) -> set[str]:
        """Ask, for each key seen for the first time in the check, whether its fingerprint matches the one the
        branch (or the upper level, for a receipt) reads out on the phone; the fingerprints confirmed."""
        confirmed: set[str] = set()
        for r in self.reports:
            if not (r.new_key and r.accepted and not r.already) or r.fingerprint in confirmed:
                continue
            if r.file.endswith(".chibo-ack"):
                text = self.tr(
                    "This is the first receipt from {sender}. Call the upper level and compare its key's fingerprint character by character:\n\n{fingerprint}\n\nDoes it match?"
                )
            else:
                text = self.tr(
                    "This is the first package from {sender}. Call the branch and compare its key's fingerprint character by character:\n\n{fingerprint}\n\nDoes it match?"
                )
            box = QMessageBox(
                QMessageBox.Icon.Question,
                self.tr("Compare the key's fingerprint"),
                text.format(sender=r.branch, fingerprint=r.fingerprint),
                QMessageBox.StandardButton.NoButton,
                self,
            )
            box.setObjectName("compare_fingerprint")
            matches = box.addButton(self.tr("It matches: import"), QMessageBox.ButtonRole.YesRole)
            matches.setObjectName("matches")
            differs = box.addButton(self.tr("It differs: do not import"), QMessageBox.ButtonRole.NoRole)
            differs.setObjectName("differs")
            box.setDefaultButton(differs)
            box.exec()
            if box.clickedButton() is matches:
                confirmed.add(r.fingerprint)
        return confirmed

    def run(self, dry_run: bool) -> None:
        passphrase = self.passphrase.text() or None
        paths = list(self.paths)
        trusted = set() if dry_run else self.confirmed_keys()
        self.preview_button.setEnabled(False)
        self.import_button.setEnabled(False)
        files = self._exchange.package_files(
            paths, receipts_only=not self.committee
        )  # listed once: the count for the window, the list for the job
        total = len(files)
        self.job, self.progress = run_with_progress(
            self,
            self._tasks,
            "import",
            self.title(),
            lambda done: self.tr("Checking package {done} of {total}…").format(done=done + 1, total=total),
            total,
            lambda report: self._exchange.import_paths(files, passphrase, dry_run, report, trusted),
            lambda r: self.show_reports(r, dry_run),
            self._failed,
        )

    def _failed(self, error: BaseException) -> None:
        self.preview_button.setEnabled(True)
        raise error

    def show_reports(self, reports: list[ImportReport], dry_run: bool) -> None:
        self.reports = reports
        self.table.setRowCount(len(reports))
        for row, r in enumerate(reports):
            records = [c for table, c in r.counts.items() if table != "conflicts"]  # the review list is no record
            totals = [sum(c.get(k, 0) for c in records) for k in ("new", "updated", "unchanged")]
            if not r.accepted or (r.reason is not None and r.file.endswith(".chibo-ack")):
                result = render(r.reason) if r.reason else ""
            elif r.already:
                result = self.tr("Already imported: nothing changed.")
            else:
                result = (self.tr("Ready to import") if dry_run else self.tr("Imported")) + (
                    self.tr("; a package is missing before this one") if r.gap else ""
                )
                if r.conflicts:
                    result += self.tr(
                        "; {count} member(s) that another branch keeps wait for review (tab Conflicts)", "", r.conflicts
                    ).format(count=r.conflicts)
            if r.accepted and not dry_run and r.receipt:  # written beside the package, for the branch to take in
                result += self.tr("; the branch's receipt is written beside it: {name}").format(
                    name=Path(r.receipt).name
                )
            new_key = r.new_key and r.accepted and dry_run  # once imported, the key is registered: nothing to compare
            fingerprint = r.fingerprint + (self.tr(" (new: compare by phone)") if new_key else "")
            counted = "" if r.file.endswith(".chibo-ack") else " / ".join(map(str, totals))  # a receipt adds nothing
            for column, text in enumerate((r.file, r.branch, str(r.sequence or ""), fingerprint, counted, result)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self.preview_button.setEnabled(True)
        self.import_button.setEnabled(dry_run and any(r.accepted and not r.already for r in reports))
        if not dry_run:
            self._on_change(self._exchange.changed())


class KeysDialog(QDialog):
    """This computer's fingerprints, and at a committee the key branches lock their packages to (to copy and send).
    A branch shows its signing fingerprint alone: what the upper level compares by phone with its first package."""

    def __init__(self, exchange: ExchangeService, parent: QWidget | None = None, committee: bool = True) -> None:
        super().__init__(parent)
        keys = exchange.keys()
        self.setWindowTitle(self.tr("This computer's keys"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        form.addRow(self.tr("Signing key fingerprint"), QLabel(keys.signing_fingerprint))
        self.key = QLineEdit(keys.encryption_public)
        self.key.setReadOnly(True)
        # the whole key in view: it is read out or compared, not only copied
        self.key.setMinimumWidth(self.key.fontMetrics().horizontalAdvance(keys.encryption_public) + 24)
        self.message = message_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        if committee:
            form.addRow(self.tr("Key for branches to lock packages to"), self.key)
            form.addRow(self.tr("Its fingerprint"), QLabel(keys.encryption_fingerprint))
            copy = QPushButton(self.tr("Copy the key"))
            copy.clicked.connect(self._copy)
            buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        else:
            self.key.hide()
            note = QLabel(
                self.tr(
                    "The upper level compares this fingerprint with you by phone when it takes in your first package."
                )
            )
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addWidget(self.message)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _copy(self) -> None:
        QApplication.clipboard().setText(self.key.text())
        self.message.setStyleSheet("color: #1b5e20;")
        self.message.setText(
            self.tr("Key copied. Send it to the branches: they paste it in “Upper level's key” when sending.")
        )
        self.adjustSize()  # the two lines of the message below the form, without squeezing it
