"""The one clock: everything that writes a date or a timestamp, or decides by today's date, asks this object.

The composition roots (``app.py``, ``cli.py``) build the system clock once and hand it to the database and the
services; tests hand in a fixed one, so nothing depends on the day the suite runs. No other module reads the
system clock (``tests/test_layers.py`` fails if one does).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time


@dataclass(frozen=True)
class Clock:
    """Today and now, in the computer's local time (what the secretary's wall calendar says)."""

    now: Callable[[], datetime]

    def today(self) -> date:
        return self.now().date()

    def stamp(self) -> str:
        """Now as text to the second, the way timestamps are stored (``2026-11-30T09:15:02``)."""
        return self.now().isoformat(timespec="seconds")

    @staticmethod
    def system() -> "Clock":
        """The computer's clock: for the composition roots only."""
        return Clock(datetime.now)

    @staticmethod
    def fixed(day: date | datetime) -> "Clock":
        """A clock standing still (tests, `chibo demo --today`): a date reads as 09:00 that day."""
        moment = day if isinstance(day, datetime) else datetime.combine(day, time(9, 0))
        return Clock(lambda: moment)
