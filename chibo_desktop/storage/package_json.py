"""The package's ``data.json`` written by SQLite's JSON functions: the same bytes as the canonical JSON of
``package_records.dump`` (keys sorted, no spaces, UTF-8), without turning every row into Python values and then
into text again.

A branch's export carries every record it keeps. Read into Python dictionaries and written out by ``json``, they
cost the export twice what SQLite takes to write their text in one statement, the way ``audit_queries.dump_json``
writes the log. Other databases (a committee on PostgreSQL) take the Python way. ``tests/storage/
test_package_json.py`` holds the two to the same bytes."""

import json
from functools import cache
from typing import Any

from sqlalchemy.orm import Session

from chibo_desktop.domain.exchange_format import TABLES, Fields, Flag, Moment, Ref, Rows
from chibo_desktop.storage.package_fields import Record
from chibo_desktop.storage.package_records import MODELS, NESTED, dump


def _table(path: str) -> str:
    model = NESTED[path][0] if path in NESTED else MODELS[path]
    return str(model.__tablename__)


def _list_sql(path: str, fields: Fields, parent: str | None, wrap: bool) -> str:
    """The ``SELECT`` of the JSON list of the rows of *path* (``meetings``, ``meetings.agenda.opinions``), of all
    of them or of those under the row the alias *parent* reads. Each row as ``package_records.dump`` writes it:
    keys in sorted order, days as their ISO text (as SQLite keeps them), moments to the second with a ``T``, flags
    as true/false, references as the UUID of the row they point at, nested rows as lists in the order they were
    written. The rows are read in their order by a subquery, and the list is made of its columns: a JSON value
    taken through a subquery's column would lose its being JSON and be written as a string. A nested list is a
    scalar subquery, which keeps it on the SQLite this was written on; *wrap* parses it again with ``json()``
    for one that would not (see :func:`_keeps_json`)."""
    depth = path.count(".")
    row, read = f"t{depth}", f"s{depth}"
    columns = [f"{row}.id AS id"]
    joins: list[str] = []
    pairs: list[str] = []
    for name in sorted(fields):
        spec = fields[name]
        value = f'{read}."{name}"'
        if isinstance(spec, Ref):
            target = f"{row}_r{len(joins)}"
            joins.append(f' LEFT JOIN "{_table(spec.target)}" {target} ON {target}.id = {row}."{spec.column}"')
            columns.append(f'{target}.uuid AS "{name}"')
        elif isinstance(spec, Rows):
            nested = _list_sql(f"{path}.{name}", spec.fields, read, wrap)
            value = f"json(({nested}))" if wrap else f"({nested})"
        else:
            columns.append(f'{row}."{name}" AS "{name}"')
            if isinstance(spec, Flag):
                value = f"CASE WHEN {value} IS NULL THEN NULL WHEN {value} THEN json('true') ELSE json('false') END"
            elif isinstance(spec, Moment):
                value = f"CASE WHEN {value} IS NULL THEN NULL ELSE substr({value}, 1, 10) || 'T' || substr({value}, 12, 8) END"
        pairs.append(f"'{name}', {value}")
    where = f' WHERE {row}."{NESTED[path][1]}" = {parent}.id' if parent is not None else ""
    order = f"{row}.number, {row}.id" if path == "loans.plan" else f"{row}.id"
    return (
        f"SELECT json_group_array(json_object({', '.join(pairs)}))"
        f' FROM (SELECT {", ".join(columns)} FROM "{_table(path)}" {row}{"".join(joins)}{where} ORDER BY {order}) {read}'
    )


@cache
def _data_sql(wrap: bool) -> str:
    tables = []
    for table in sorted(TABLES):
        found = f"({_list_sql(table, TABLES[table], None, wrap)})"
        tables.append(f"'{table}', {f'json({found})' if wrap else found}")
    return f"SELECT CAST(json_object({', '.join(tables)}) AS BLOB)"


def _keeps_json(cursor: Any) -> bool:
    """Whether this SQLite keeps a JSON value JSON through a scalar subquery (3.40 does); if not, each nested list
    is parsed again (about twice the time)."""
    found = cursor.execute("SELECT json_object('a', (SELECT json_array()))").fetchone()[0]
    return bool(found == '{"a":[]}')


def carried_records(session: Session) -> tuple[bytes, dict[str, list[Record]]]:
    """(``data.json``, the records it holds): on SQLite the text written by SQLite, then read by the C parser
    for the export's own check and counts (a third of the time of reading the records into Python and writing
    them out); on another database the canonical JSON of ``package_records.dump``."""
    written = dump_json(session)
    if written is None:
        records = dump(session)
        return json.dumps(records, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8"), records
    return written, json.loads(written)


def dump_json(session: Session, reparse: bool | None = None) -> bytes | None:
    """``data.json`` as SQLite writes it, or None on another database. *reparse*: whether each nested list is
    parsed again on its way up (None: as this SQLite needs, see :func:`_keeps_json`)."""
    if session.get_bind().dialect.name != "sqlite":
        return None
    cursor = session.connection().connection.cursor()  # the driver's own cursor: one value, no result processing
    try:
        wrap = not _keeps_json(cursor) if reparse is None else reparse
        (written,) = cursor.execute(_data_sql(wrap)).fetchone()
        return bytes(written)
    finally:
        cursor.close()
