"""A record as an exchange package carries it (the fields of ``domain/exchange_format.py``), in the small pieces
that both the merge of a package (``package_records.py``) and the review list of members sent by two units
(``member_conflicts.py``) read it with: its plain fields, the UUIDs it refers to, a stored value as the package
writes it, and UUIDs read a chunk at a time."""

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from chibo_desktop.domain.exchange_format import Day, Fields, Moment, Ref, Rows

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


@dataclass(frozen=True)
class Plan:
    """How a record of some *fields* is read, worked out once per declaration instead of testing every field's
    kind for every record: the plain fields with the conversion from the package's text (None: kept as it is),
    the references it stores in a column (not a unit's parent: the merge places units itself), every reference,
    and the nested rows."""

    fields: Fields
    plain: tuple[tuple[str, Callable[[str], Any] | None], ...]
    stored_refs: tuple[tuple[str, str, str], ...]  # (name, column, target table)
    refs: tuple[tuple[str, str], ...]  # (name, target table)
    nested: tuple[tuple[str, Fields], ...]


_PLANS: dict[int, Plan] = {}


def read_plan(fields: Fields) -> Plan:
    """The :class:`Plan` of *fields* (a declaration of ``domain/exchange_format.py``), kept by identity."""
    found = _PLANS.get(id(fields))
    if found is not None and found.fields is fields:
        return found
    plain: list[tuple[str, Callable[[str], Any] | None]] = []
    for name, spec in fields.items():
        if isinstance(spec, Day):
            plain.append((name, date.fromisoformat))
        elif isinstance(spec, Moment):
            plain.append((name, datetime.fromisoformat))
        elif not isinstance(spec, Ref | Rows):
            plain.append((name, None))
    refs = [(name, spec) for name, spec in fields.items() if isinstance(spec, Ref)]
    made = Plan(
        fields,
        tuple(plain),
        tuple((name, spec.column, spec.target) for name, spec in refs if spec.column != "parent_id"),
        tuple((name, spec.target) for name, spec in refs),
        tuple((name, spec.fields) for name, spec in fields.items() if isinstance(spec, Rows)),
    )
    _PLANS[id(fields)] = made
    return made


def add_references(fields: Fields, record: Record, wanted: dict[str, set[str]]) -> None:
    """Add the UUIDs *record* (and its nested rows) refers to, by table."""
    read = read_plan(fields)
    for name, target in read.refs:
        uuid = record[name]
        if uuid is not None:
            wanted[target].add(uuid)
    for name, nested in read.nested:
        for child in record[name]:
            add_references(nested, child, wanted)


def gather_references(fields: Fields, records: list[Record], wanted: dict[str, set[str]]) -> None:
    """Add the UUIDs *records* (and their nested rows) refer to, by table, as :func:`add_references` does for each
    of them, a level of nested rows at a time: a package's meetings carry tens of thousands of attendance lines,
    each naming a member, and a call per line cost the merge more than the sets."""
    read = read_plan(fields)
    for name, target in read.refs:
        found = wanted[target]
        found.update(record[name] for record in records)
        found.discard(None)
    for name, nested in read.nested:
        rows = [row for record in records for row in record[name]]
        if rows:
            gather_references(nested, rows, wanted)


def row_count(fields: Fields, records: list[Record]) -> int:
    """How many rows *records* are with their nested rows, counted a level at a time."""
    count = len(records)
    for name, nested in read_plan(fields).nested:
        rows = [row for record in records for row in record[name]]
        if rows:
            count += row_count(nested, rows)
    return count


def references(fields: Fields, record: Record) -> list[tuple[str, str]]:
    """(table, UUID) of every record *record* (and its nested rows) refers to."""
    wanted: dict[str, set[str]] = defaultdict(set)
    add_references(fields, record, wanted)
    return [(table, uuid) for table, uuids in wanted.items() for uuid in uuids]
