"""'Last copy to a USB stick: 3 days ago' in the status bar, and a gentle reminder once it is too long ago.

Users of offline record-keeping apps most often lose their data to backups that silently stopped: the automatic
backups sit on the same disk as the records, so only a copy carried away protects them. The moment of the last
copy out is kept per database in the settings of this computer; after a number of days (a setting, 7 by default)
the line turns amber and offers the copy. Nothing pops up, nothing runs while the app is idle: the line is worked
out when the window opens and after each copy.
"""

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLabel, QPushButton, QWidget

from chibo_desktop.domain.clock import Clock

DEFAULT_DAYS = 7


class StickReminder(QWidget):
    def __init__(
        self,
        settings: QSettings,
        database: Path,
        clock: Clock,
        copy_now: Callable[[], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._key = f"stick_copies/{_key(database)}"
        self._clock = clock
        self.label = QLabel()
        self.copy_button = QPushButton(self.tr("Copy to a USB stick now…"))
        self.copy_button.clicked.connect(lambda _checked=False: copy_now())
        self.days_button = QPushButton(self.tr("Remind after…"))
        self.days_button.setToolTip(self.tr("After how many days without a copy to a USB stick to remind you"))
        self.days_button.clicked.connect(lambda _checked=False: self.ask_days())
        # the same question from the File menu, any day: the button shows only once reminded
        self.days_action = QAction(self.tr("USB stick &reminder…"), self)
        self.days_action.setToolTip(self.days_button.toolTip())
        self.days_action.triggered.connect(lambda _checked=False: self.ask_days())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.copy_button)
        layout.addWidget(self.days_button)
        self.show_state()

    def remind_after(self) -> int:
        return int(self._settings.value("backup/remind_after_days", DEFAULT_DAYS))

    def last_copy(self) -> datetime | None:
        value = self._settings.value(self._key)
        try:
            return datetime.fromisoformat(str(value)) if value else None
        except ValueError:
            return None

    def copied(self, path: object) -> None:
        """A copy out finished (*path* is where it went; None when it failed or was cancelled)."""
        if path is not None:
            self._settings.setValue(self._key, self._clock.stamp())
            self._settings.sync()
        self.show_state()

    def ask_days(self) -> None:
        days, ok = QInputDialog.getInt(
            self,
            self.tr("Reminder"),
            self.tr("Remind me to copy the records to a USB stick after this many days:"),
            self.remind_after(),
            1,
            90,
        )
        if ok:
            self._settings.setValue("backup/remind_after_days", days)
            self.show_state()

    def show_state(self) -> None:
        last = self.last_copy()
        limit = self.remind_after()
        if last is None:
            text, late = self.tr("Never copied to a USB stick"), True
        else:
            days = (self._clock.today() - last.date()).days
            if days <= 0:
                text = self.tr("Last copy to a USB stick: today")
            elif days == 1:
                text = self.tr("Last copy to a USB stick: yesterday")
            else:
                text = self.tr("Last copy to a USB stick: {days} day(s) ago", "", days).format(days=days)
            late = days >= limit
        self.label.setText(text)
        self.label.setStyleSheet("QLabel { background: #ffe08a; padding: 0 6px; }" if late else "")
        self.copy_button.setVisible(late)
        self.days_button.setVisible(late)  # "remind me later" once reminded: a copy just made needs none
        self.setProperty("late", late)


def _key(database: Path) -> str:
    """A settings key for *database* (QSettings keys may not hold slashes)."""
    import hashlib

    return hashlib.sha256(str(database.resolve()).encode("utf-8")).hexdigest()[:16]
