"""Reading an enum stored as text. A value this version does not know (written by a newer app, taken in from a
package before packages were checked, brought back by a restored backup) is read as the enum's UNKNOWN and
logged once, so that every screen and document still opens and shows it as unknown."""

import logging
from enum import StrEnum
from typing import TypeVar

log = logging.getLogger(__name__)
E = TypeVar("E", bound=StrEnum)
_reported: set[tuple[str, str]] = set()


def known(kind: type[E], value: str | None, column: str) -> E:
    """*value* as a member of *kind*; ``kind("unknown")`` when this version does not know it."""
    try:
        return kind(value or "")
    except ValueError:
        _report(column, value)
        return kind("unknown")


def known_or_none(kind: type[E], value: str | None, column: str) -> E | None:
    """Like :func:`known` for an optional value whose enum has no UNKNOWN: None when empty or not known."""
    if not value:
        return None
    try:
        return kind(value)
    except ValueError:
        _report(column, value)
        return None


def _report(column: str, value: str | None) -> None:
    shown = repr(value)[:40]
    if (column, shown) not in _reported:
        _reported.add((column, shown))
        log.warning("%s holds %s, which this version of the app does not know; it is shown as unknown", column, shown)
