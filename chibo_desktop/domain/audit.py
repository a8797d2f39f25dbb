"""One change in the audit log, in words."""

from dataclasses import dataclass
from datetime import datetime

from chibo_desktop.domain.dates import screen_time


@dataclass(frozen=True)
class Change:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class AuditEntry:
    at: datetime | None  # None: the stored moment cannot be read (a damaged or foreign file)
    actor: str
    what: str  # the kind of record, in the chosen language
    record: str  # which one: a member's name, a meeting's date; empty for a record that has no name
    action: str
    changes: tuple[Change, ...]
    unknown_time: str = "?"  # what the log shows, in the chosen language, for a moment it cannot read

    @property
    def when(self) -> str:
        """30/11/2026 01:01: the moment as the log shows and prints it."""
        return screen_time(self.at) if self.at is not None else self.unknown_time

    @property
    def subject(self) -> str:
        """ "Đảng viên: Nguyễn Thị Bích", or only the kind of record when it has no name."""
        return f"{self.what}: {self.record}" if self.record else self.what
