"""What a write changed, so that each screen can decide whether to refresh."""

from dataclasses import dataclass, field
from enum import StrEnum


class Topic(StrEnum):
    ORGANISATION = "organisation"
    MEMBERS = "members"
    RULES = "rules"
    MEETINGS = "meetings"
    FUNDS = "funds"
    DUES = "dues"
    TERMS = "terms"
    HOLIDAYS = "holidays"


@dataclass(frozen=True)
class Change:
    topics: frozenset[Topic]
    ids: tuple[int, ...] = field(default=())

    @staticmethod
    def of(topic: Topic, *ids: int) -> "Change":
        return Change(frozenset({topic}), tuple(ids))
