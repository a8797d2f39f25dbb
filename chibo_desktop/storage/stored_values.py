"""Reading an enum stored as text. A value this version does not know (written by a newer app, taken in from a
package before packages were checked, brought back by a restored backup) is read as the enum's UNKNOWN and
logged once, so that every screen and document still opens and shows it as unknown."""

import json
import logging
from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from chibo_desktop.domain.rule_shapes import rule_problem
from chibo_desktop.domain.rules import KEYS, RuleValue

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


def stored_json(raw: str | None, column: str) -> Any:
    """JSON text read back from *column*; None when it is empty or does not parse (logged once, like an unknown
    value): a file from a newer app or a restored backup may hold anything."""
    if not raw:
        return None
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):
        _report(column, _size(raw))
        return None


def stored_object(raw: str | None, column: str) -> dict[str, Any]:
    """Like :func:`stored_json` for a column that holds a JSON object: {} for anything else."""
    value = stored_json(raw, column)
    if value is not None and not isinstance(value, dict):
        _report(column, _size(raw))
    return value if isinstance(value, dict) else {}


def stored_scores(raw: str | None, column: str) -> dict[str, int]:
    """A meeting's scores (criterion → whole points); {} when the stored text is not that."""
    value = stored_object(raw, column)
    if all(isinstance(v, int) and not isinstance(v, bool) for v in value.values()):
        return value
    _report(column, _size(raw))
    return {}


def stored_rules(rows: Iterable[tuple[str, str, date, str]]) -> list[RuleValue]:
    """Rule values from their stored rows (key, value JSON, valid from, note). One that does not parse or does not
    fit its key (a file from a newer app, a restored backup) is left out and logged; a rule left with no value at
    all falls back to its declared default."""
    values, stored = [], set()
    for key, raw, valid_from, note in rows:
        stored.add(key)
        value = stored_json(raw, f"rule_value {key}")
        if value is None or rule_problem(key, value) is not None:
            report_unusable(f"rule_value {key}", raw)
            continue
        values.append(RuleValue(key, value, valid_from, note))
    for key in stored - {v.key for v in values}:
        declared = KEYS.get(key)
        if declared is not None:
            values.append(RuleValue(key, declared.default, declared.since, declared.source))
    return values


def report_unusable(column: str, raw: str | None) -> None:
    """Log once that stored JSON in *column* cannot be used (by its size only)."""
    _report(column, _size(raw))


def _size(raw: str | None) -> str:
    """What the log says of stored JSON it cannot use: its size only (the text may hold names)."""
    return f"a text of {len(raw or '')} characters"
