"""A record as an exchange package carries it (the fields of ``domain/exchange_format.py``), in the small pieces
that both the merge of a package (``package_records.py``) and the review list of members sent by two units
(``member_conflicts.py``) read it with: its plain fields, the UUIDs it refers to, a stored value as the package
writes it, and UUIDs read a chunk at a time."""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Any

from chibo_desktop.domain.exchange_format import Fields, Ref, Rows

Record = dict[str, Any]
CHUNK = 500  # values bound to one ``IN (…)``: far below SQLite's and PostgreSQL's limits on parameters


def as_carried(value: Any) -> Any:
    """A stored value as the package writes it: a moment or a day in ISO form, anything else as it is."""
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def plain_fields(fields: Fields) -> list[str]:
    """The fields stored as they are (no reference, no nested rows)."""
    return [name for name, spec in fields.items() if not isinstance(spec, Ref | Rows)]


def chunks(values: Iterable[Any]) -> Iterator[list[Any]]:
    """*values* in lists of at most ``CHUNK``, for queries that bind them."""
    items = list(values)
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def add_references(fields: Fields, record: Record, wanted: dict[str, set[str]]) -> None:
    """Add the UUIDs *record* (and its nested rows) refers to, by table."""
    for name, spec in fields.items():
        if isinstance(spec, Ref):
            if record[name] is not None:
                wanted[spec.target].add(record[name])
        elif isinstance(spec, Rows):
            for child in record[name]:
                add_references(spec.fields, child, wanted)


def references(fields: Fields, record: Record) -> list[tuple[str, str]]:
    """(table, UUID) of every record *record* (and its nested rows) refers to."""
    wanted: dict[str, set[str]] = defaultdict(set)
    add_references(fields, record, wanted)
    return [(table, uuid) for table, uuids in wanted.items() for uuid in uuids]
