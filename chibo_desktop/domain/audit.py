"""One change in the audit log, in words."""

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Change:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    actor: str
    what: str  # the kind of record, in the chosen language
    record: str  # which one: a member's name, a meeting's date, a number
    action: str
    changes: tuple[Change, ...]
