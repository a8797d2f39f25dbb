"""The package's ``data.json`` written by SQLite's JSON functions, a record at a time: the same bytes as the
canonical JSON of ``package_records.dump`` (keys sorted, no spaces, UTF-8), without turning every row into Python
values and then into text again. Each record's text is kept apart so that the export can take a digest of it and
carry only the records whose text changed since the package the upper level acknowledged.

A branch's export carries every record it keeps. Read into Python dictionaries and written out by ``json``, they
cost the export twice what SQLite takes to write their text in one statement, the way ``audit_queries.dump_json``
writes the log. Other databases (a committee on PostgreSQL) take the Python way. ``tests/storage/
test_package_json.py`` holds the two to the same bytes."""

import hashlib
import json
import zlib
from functools import cache
from typing import Any

from sqlalchemy.orm import Session

from chibo_desktop.domain.exchange_format import TABLES, Fields, Flag, Moment, Ref, Rows
from chibo_desktop.storage.package_records import MODELS, NESTED, dump


def _table(path: str) -> str:
    model = NESTED[path][0] if path in NESTED else MODELS[path]
    return str(model.__tablename__)


def _rows_sql(path: str, fields: Fields, parent: str | None, wrap: bool) -> tuple[str, str]:
    """(the ``json_object`` of one row of *path* (``meetings``, ``meetings.agenda.opinions``), the subquery it
    reads the rows from, in their order), of all of them or of those under the row the alias *parent* reads. Each
    row as ``package_records.dump`` writes it: keys in sorted order, days as their ISO text (as SQLite keeps them),
    moments to the second with a ``T``, flags as true/false, references as the UUID of the row they point at,
    nested rows as lists in the order they were written. The rows are read in their order by a subquery, and the
    object is made of its columns: a JSON value taken through a subquery's column would lose its being JSON and
    be written as a string. A nested list is a scalar subquery, which keeps it on the SQLite this was written on;
    *wrap* parses it again with ``json()`` for one that would not (see :func:`_keeps_json`)."""
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
    source = f'(SELECT {", ".join(columns)} FROM "{_table(path)}" {row}{"".join(joins)}{where} ORDER BY {order}) {read}'
    return f"json_object({', '.join(pairs)})", source


def _list_sql(path: str, fields: Fields, parent: str | None, wrap: bool) -> str:
    """The ``SELECT`` of the JSON list of the rows of *path* (see :func:`_rows_sql`)."""
    row, source = _rows_sql(path, fields, parent, wrap)
    return f"SELECT json_group_array({row}) FROM {source}"


@cache
def _records_sql(table: str, wrap: bool) -> str:
    """The ``SELECT`` of (UUID, JSON text) of each record of a package's *table*, in the package's order."""
    row, source = _rows_sql(table, TABLES[table], None, wrap)
    return f"SELECT s0.uuid, CAST({row} AS BLOB) FROM {source}"


def _keeps_json(cursor: Any) -> bool:
    """Whether this SQLite keeps a JSON value JSON through a scalar subquery (3.40 does); if not, each nested list
    is parsed again (about twice the time)."""
    found = cursor.execute("SELECT json_object('a', (SELECT json_array()))").fetchone()[0]
    return bool(found == '{"a":[]}')


def record_texts(session: Session, reparse: bool | None = None) -> dict[str, list[tuple[str, bytes]]]:
    """Every record of each package table as (its UUID, its JSON text as ``data.json`` holds it), in the package's
    order: on SQLite as SQLite writes it, on another database as Python does. The export keeps a digest of each,
    to carry next time only the records that changed (:func:`assemble` writes ``data.json`` of those chosen)."""
    if session.get_bind().dialect.name != "sqlite":
        return {table: [(str(r["uuid"]), package_text(r)) for r in records] for table, records in dump(session).items()}
    cursor = session.connection().connection.cursor()  # the driver's own cursor: no result processing
    try:
        wrap = not _keeps_json(cursor) if reparse is None else reparse
        return {table: [(u, bytes(t)) for u, t in cursor.execute(_records_sql(table, wrap))] for table in TABLES}
    finally:
        cursor.close()


def package_text(value: Any) -> bytes:
    """The canonical JSON of *value* (keys sorted, no spaces, UTF-8), as ``data.json`` is written."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def assemble(texts: dict[str, list[tuple[str, bytes]]]) -> bytes:
    """``data.json`` of the records given as :func:`record_texts` returns them: the same bytes as the canonical
    JSON of the same records."""
    return (
        b"{" + b",".join(b'"%s":[%s]' % (t.encode(), b",".join(x for _u, x in texts[t])) for t in sorted(texts)) + b"}"
    )


# Always carried whole, even by a package that carries only what changed: the merge places the package's units
# from them, and removes a hamlet its units' package no longer carries (the branch removed it).
WHOLE = ("org_units", "hamlets")
Digests = dict[str, dict[str, str]]  # table → UUID → digest of the record's text


def record_digests(texts: dict[str, list[tuple[str, bytes]]]) -> Digests:
    """A digest of each record's text (96 bits of BLAKE2b: the same text, the same digest, on any machine)."""
    return {t: {u: hashlib.blake2b(x, digest_size=12).hexdigest() for u, x in rows} for t, rows in texts.items()}


def pack_digests(digests: Digests) -> bytes:
    return zlib.compress(package_text(digests))


def unpack_digests(packed: bytes) -> Digests:
    found = json.loads(zlib.decompress(packed))
    assert type(found) is dict
    return found


def changed_since(
    texts: dict[str, list[tuple[str, bytes]]], digests: Digests, base: Digests
) -> dict[str, list[tuple[str, bytes]]]:
    """The records whose text is not the one *base* holds a digest of (new, or changed since, nested rows
    included), and the :data:`WHOLE` tables."""
    return {
        t: rows if t in WHOLE else [(u, x) for u, x in rows if base.get(t, {}).get(u) != digests[t][u]]
        for t, rows in texts.items()
    }
