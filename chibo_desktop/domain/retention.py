"""Which automatic backups to keep: the newest of each of the last days, weeks and months that have one."""

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Retention:
    days: int = 7
    weeks: int = 4
    months: int = 12

    def keep(self, stamps: Iterable[datetime]) -> set[datetime]:
        """The stamps to keep: for each of the *days* newest calendar days (and *weeks* ISO weeks, *months*
        months) that have a backup, the newest backup of it. Everything else may go."""
        ordered = sorted(set(stamps), reverse=True)
        kept: set[datetime] = set()
        periods: list[tuple[int, Callable[[datetime], Hashable]]] = [
            (self.days, lambda s: s.date()),
            (self.weeks, lambda s: s.isocalendar()[:2]),
            (self.months, lambda s: (s.year, s.month)),
        ]
        for count, period in periods:
            seen: set[Hashable] = set()
            for stamp in ordered:
                key = period(stamp)
                if key not in seen:
                    if len(seen) == count:
                        break
                    seen.add(key)
                    kept.add(stamp)
        return kept
