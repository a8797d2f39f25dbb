"""The records an exchange package carries (the fields of ``domain/exchange_format.py``, UUIDs for every
reference): dumping them at the branch, and at the upper level checking who owns them and merging them by UUID.

Merging happens in the caller's transaction: all of a package or none of it. Status events, party cards and
fund entries are append-only: they are added when new and never changed. The upper level keeps its own tree: a
unit a package names is placed once, when it is new, and never moved by a later package.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from operator import itemgetter
from typing import Any

from sqlalchemy import Boolean, bindparam, delete, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from chibo_desktop.domain.exchange_format import TABLES, Day, Fields, Flag, Moment, Ref, Rows
from chibo_desktop.domain.text import fold, name_order_key
from chibo_desktop.storage import models as m
from chibo_desktop.storage.exchange_log import subtrees as subtrees
from chibo_desktop.storage.package_fields import Record, as_carried, chunks, gather_references, plain_fields, read_plan

MODELS: dict[str, Any] = {
    "org_units": m.OrgUnit,
    "hamlets": m.Hamlet,
    "members": m.Member,
    "status_events": m.StatusEventRow,
    "party_cards": m.PartyCard,
    "meetings": m.MeetingRow,
    "funds": m.FundRow,
    "loans": m.LoanRow,
    "fund_entries": m.FundEntryRow,
    "member_reviews": m.MemberReviewRow,
    "branch_reviews": m.BranchReviewRow,
    "member_awards": m.AwardRow,
}
# Nested rows: (their path in the package, the mapped class, the column holding the parent's id).
NESTED: dict[str, tuple[Any, str]] = {
    "meetings.guests": (m.MeetingGuest, "meeting_id"),
    "meetings.agenda": (m.AgendaItemRow, "meeting_id"),
    "meetings.agenda.opinions": (m.OpinionRow, "agenda_item_id"),
    "meetings.resolutions": (m.ResolutionRow, "meeting_id"),
    "meetings.assignments": (m.AssignmentRow, "meeting_id"),
    "meetings.attendance": (m.AttendanceRow, "meeting_id"),
    "meetings.addenda": (m.AddendumRow, "meeting_id"),
    "loans.plan": (m.InstallmentRow, "loan_id"),
}
APPEND_ONLY = frozenset({"status_events", "party_cards", "fund_entries"})
IMPORT_CACHE_KIB = 64 * 1024
"""SQLite's page cache while packages are taken in (:func:`import_cache`)."""
SQLITE_CACHE_KIB = 2000
"""SQLite's own default page cache (``storage/db.py`` sets none), put back after a batch of packages."""


class MergeConflictError(Exception):
    """The package's records clash with the upper level's in a way the checks did not foresee (a unique name or
    pair taken): the transaction is rolled back. *table* names the package table."""

    def __init__(self, table: str) -> None:
        super().__init__(table)
        self.table = table


def import_cache(session: Session, wide: bool = True) -> None:
    """On SQLite, widen the connection's page cache for taking packages in (or put it back, *wide* False). The
    merge inserts by random UUIDs into unique indexes that grow with every branch taken in: with SQLite's default
    2 MB most of those inserts read their pages from the file again, and a package at a committee of 77 branches
    cost a third more than the first one. 64 MB keeps the indexes' pages of some hundred branches; the pages are
    only taken as they are read, and given back when the batch is done. PostgreSQL keeps its own buffers."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB if wide else SQLITE_CACHE_KIB}"))


def _in_chunks(session: Session, query: Any, column: Any, values: Iterable[Any]) -> Iterator[Any]:
    """The rows of *query* whose *column* is one of *values*, ``CHUNK`` values a statement. The statement is built
    once with an expanding parameter: a list of values written into each statement costs a bound parameter made
    and checked per value, for every chunk."""
    statement = query.where(column.in_(bindparam("chunk", expanding=True)))
    for chunk in chunks(values):
        yield from session.execute(statement, {"chunk": chunk})


def _plain_in_chunks(session: Session, query: Any, column: Any, values: Iterable[Any]) -> Iterator[Any]:
    """As :func:`_in_chunks`, for queries of UUIDs and row ids only (text and whole numbers, which the driver gives
    as they are): the statement compiled once, each chunk bound and read by the driver itself. A package's merge
    looks up tens of thousands of UUIDs, and SQLAlchemy's work per bound value and per row cost more than SQLite's."""
    connection = session.connection()
    dialect = connection.dialect
    compiled = query.where(column.in_(bindparam("chunk", expanding=True))).compile(dialect=dialect)
    sql = compiled.string
    expanding = "(__[POSTCOMPILE_chunk])"
    assert sql.count(expanding) == 1 and list(compiled.params) == ["chunk"], sql  # nothing else to bind
    mark = "?" if dialect.paramstyle == "qmark" else "%s"
    cursor = connection.connection.cursor()
    try:
        for chunk in chunks(values):
            cursor.execute(sql.replace(expanding, f"({', '.join([mark] * len(chunk))})"), chunk)
            yield from cursor.fetchall()
    finally:
        cursor.close()


# --- the organisation tree ----------------------------------------------------------------------------------


def org_id(session: Session, uuid: str) -> int | None:
    return session.scalars(select(m.OrgUnit.id).where(m.OrgUnit.uuid == uuid)).first()


def self_unit(session: Session) -> int | None:
    """The org unit this database stands for: its own branch, or the committee it keeps if it has no branch."""
    return session.scalars(select(m.OrgUnit.id).where(m.OrgUnit.is_self)).first()


def parent_unit(session: Session, unit_id: int) -> int | None:
    return session.scalars(select(m.OrgUnit.parent_id).where(m.OrgUnit.id == unit_id)).first()


def unit_name(session: Session, unit_id: int) -> str:
    return session.scalars(select(m.OrgUnit.name).where(m.OrgUnit.id == unit_id)).first() or ""


def subtree(session: Session, unit_id: int) -> list[int]:
    """*unit_id* and every unit below it, read level by level through the parent index (a province's few hundred
    units are never all read to find one commune's branches)."""
    found, level, seen = [unit_id], [unit_id], {unit_id}
    while level:
        below: list[int] = []
        for chunk in chunks(level):
            below.extend(session.scalars(select(m.OrgUnit.id).where(m.OrgUnit.parent_id.in_(chunk))))
        level = [unit for unit in below if unit not in seen]
        seen.update(level)
        found.extend(level)
    return found


def is_below(session: Session, unit_id: int, upper_id: int) -> bool:
    """Whether *unit_id* hangs somewhere under *upper_id* (not the unit itself), walking up its few parents."""
    seen = {unit_id}
    current = parent_unit(session, unit_id)
    while current is not None and current not in seen:
        if current == upper_id:
            return True
        seen.add(current)
        current = parent_unit(session, current)
    return False


# --- dumping ------------------------------------------------------------------------------------------------


def uuid_maps(session: Session) -> dict[str, dict[int, str]]:
    """Row id → UUID of every table a reference can point at."""
    return {table: dict(session.execute(select(model.id, model.uuid)).all()) for table, model in MODELS.items()}


def dump(session: Session) -> dict[str, list[Record]]:
    """Every record of this database as the package carries it, references as UUIDs. Read with one plain query
    per kind of row (references joined to their UUIDs in SQL, the driver's values turned into the format's by
    hand): the branch's export reads every row, and SQLAlchemy's statements and value processing cost it more
    than the reading itself."""
    return {table: [record for _id, _parent, record in _dump_rows(session, table)] for table in TABLES}


@dataclass(frozen=True)
class _DumpPlan:
    """How one kind of row is read for :func:`dump`: the query, then the fields its columns fill in order
    (followed by the row's id and its parent's), and those whose values need turning into the format's."""

    sql: str
    names: tuple[str, ...]
    days: tuple[str, ...]
    moments: tuple[str, ...]
    flags: tuple[str, ...]
    nested: tuple[str, ...]


@cache
def _dump_plan(path: str) -> _DumpPlan:
    fields = _fields(path)
    model, parent_column = NESTED[path] if path in NESTED else (MODELS[path], None)
    columns: list[str] = []
    joins: list[str] = []
    for name, spec in fields.items():
        if isinstance(spec, Ref):
            alias = f"r{len(joins)}"
            joins.append(f' LEFT JOIN "{MODELS[spec.target].__tablename__}" {alias} ON {alias}.id = t."{spec.column}"')
            columns.append(f"{alias}.uuid")
        elif not isinstance(spec, Rows):
            columns.append(f't."{name}"')
    columns += ["t.id", f't."{parent_column}"' if parent_column is not None else "NULL"]
    order = "t.number, t.id" if path == "loans.plan" else "t.id"
    return _DumpPlan(
        f'SELECT {", ".join(columns)} FROM "{model.__tablename__}" t{"".join(joins)} ORDER BY {order}',
        tuple(name for name, spec in fields.items() if not isinstance(spec, Rows)),
        tuple(name for name, spec in fields.items() if isinstance(spec, Day)),
        tuple(name for name, spec in fields.items() if isinstance(spec, Moment)),
        tuple(name for name, spec in fields.items() if isinstance(spec, Flag)),
        tuple(name for name, spec in fields.items() if isinstance(spec, Rows)),
    )


def _dump_rows(session: Session, path: str) -> list[tuple[int, int | None, Record]]:
    """(row id, parent row id, record) of every row of the table at *path*, each with its nested rows, in the
    order they were written. SQLite hands dates and times over as the text SQLAlchemy stored
    (``2026-05-01``, ``2026-05-01 08:30:00.000000``) and flags as 0 or 1; PostgreSQL as dates, times and
    booleans: both become the format's text and true/false."""
    plan = _dump_plan(path)
    width = len(plan.names)
    out: list[tuple[int, int | None, Record]] = []
    cursor = session.connection().connection.cursor()  # the driver's own rows: no result processing
    try:
        cursor.execute(plan.sql)
        rows = cursor.fetchall()
    finally:
        cursor.close()
    for row in rows:
        record = dict(zip(plan.names, row, strict=False))
        for name in plan.days:
            value = record[name]
            if value is not None and type(value) is not str:
                record[name] = value.isoformat()
        for name in plan.moments:
            value = record[name]
            if value is not None:
                record[name] = (
                    f"{value[:10]}T{value[11:19]}" if type(value) is str else value.isoformat(timespec="seconds")
                )
        for name in plan.flags:
            value = record[name]
            if value is not None:
                record[name] = bool(value)
        out.append((row[width], row[width + 1], record))
    for nested in plan.nested:
        grouped: dict[int | None, list[Record]] = defaultdict(list)
        for _id, parent, child in _dump_rows(session, f"{path}.{nested}"):
            grouped[parent].append(child)
        for row_id, _parent, record in out:
            record[nested] = grouped.get(row_id, [])
    return out


def _rows(
    session: Session, path: str, ids: dict[str, dict[int, str]], parents: list[int] | None = None
) -> list[tuple[int, int | None, Record]]:
    """(row id, parent row id, record) of the table at *path* (``meetings`` or ``meetings.agenda.opinions``) —
    all its rows, or those under *parents* — each with its nested rows, in the order they were written."""
    fields = _fields(path)
    model, parent_column = NESTED[path] if path in NESTED else (MODELS[path], None)
    t = model.__table__
    plain = plain_fields(fields)
    refs = [(name, spec) for name, spec in fields.items() if isinstance(spec, Ref)]
    columns = [t.c.id, *(t.c[name] for name in plain), *(t.c[spec.column] for _name, spec in refs)]
    if parent_column is not None:
        columns.append(t.c[parent_column].label("parent_of_row"))
    query = select(*columns).order_by(t.c.number if path == "loans.plan" else t.c.id)
    found: list[Any] = []
    if parents is None:
        found = list(session.execute(query))
    else:
        found.extend(_in_chunks(session, query, t.c[parent_column], parents))
    out: list[tuple[int, int | None, Record]] = []
    for row in found:
        values = row._mapping
        record: Record = {name: as_carried(values[name]) for name in plain}
        for name, spec in refs:
            value = values[spec.column]
            record[name] = ids[spec.target].get(value) if value is not None else None
        out.append((values["id"], values["parent_of_row"] if parent_column is not None else None, record))
    for nested in (name for name, spec in fields.items() if isinstance(spec, Rows)):
        grouped: dict[int | None, list[Record]] = defaultdict(list)
        below = None if parents is None else [row_id for row_id, _parent, _record in out]
        for _id, parent, child in _rows(session, f"{path}.{nested}", ids, below):
            grouped[parent].append(child)
        for row_id, _parent, record in out:
            record[nested] = grouped.get(row_id, [])
    return out


def _fields(path: str) -> Fields:
    table, *nested = path.split(".")
    fields = TABLES[table]
    for name in nested:
        spec = fields[name]
        assert isinstance(spec, Rows)
        fields = spec.fields
    return fields


def approved_meetings(session: Session) -> list[tuple[int, str]]:
    """(id, uuid) of the approved meetings, whose printed minutes may travel in the package."""
    rows = session.execute(
        select(m.MeetingRow.id, m.MeetingRow.uuid).where(m.MeetingRow.approved_on.is_not(None))
    ).all()
    return [(row[0], row[1]) for row in rows]


# --- who owns what ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Foreign:
    """A record of the package (in *table*) that the sender may not write: the upper level holds it for the unit
    *owner*; or, with *owner* None, a reference to a record that is neither in the package nor here."""

    table: str
    owner: str | None


def _owners(session: Session, table: str, uuids: Iterable[str]) -> dict[str, int]:
    """UUID → the unit that owns the record here, for those of *uuids* this database holds."""
    model = MODELS[table]
    if table == "org_units":
        query = select(m.OrgUnit.uuid, m.OrgUnit.id)
    elif table in ("status_events", "party_cards", "member_reviews", "member_awards"):
        query = select(model.uuid, m.Member.org_unit_id).join(m.Member, m.Member.id == model.member_id)
    elif table in ("loans", "fund_entries"):
        query = select(model.uuid, m.FundRow.org_unit_id).join(m.FundRow, m.FundRow.id == model.fund_id)
    else:
        query = select(model.uuid, model.org_unit_id)
    return {uuid: unit for uuid, unit in _plain_in_chunks(session, query, model.uuid, uuids)}


def _nested_meetings(session: Session, path: str, uuids: Iterable[str]) -> dict[str, tuple[str, int]]:
    """Nested row UUID → (UUID, unit) of the meeting it belongs to here."""
    model, _column = NESTED[path]
    query = select(model.uuid, m.MeetingRow.uuid, m.MeetingRow.org_unit_id)
    if path == "meetings.agenda.opinions":
        query = query.join(m.AgendaItemRow, m.AgendaItemRow.id == model.agenda_item_id).join(
            m.MeetingRow, m.MeetingRow.id == m.AgendaItemRow.meeting_id
        )
    else:
        query = query.join(m.MeetingRow, m.MeetingRow.id == model.meeting_id)
    return {uuid: (meeting, unit) for uuid, meeting, unit in _plain_in_chunks(session, query, model.uuid, uuids)}


def _package_nested(data: dict[str, list[Record]]) -> dict[str, dict[str, str]]:
    """Path → {nested row UUID: UUID of the meeting carrying it} in the package."""
    out: dict[str, dict[str, str]] = defaultdict(dict)
    below: dict[str, list[tuple[str, str, Fields]]] = {}  # path → (name, path, fields) of its rows with UUIDs

    def walk(path: str, fields: Fields, record: Record, meeting: str) -> None:
        kinds = below.get(path)
        if kinds is None:
            kinds = below[path] = [
                (name, f"{path}.{name}", spec.fields)
                for name, spec in fields.items()
                if isinstance(spec, Rows) and "uuid" in spec.fields
            ]
        for name, nested, nested_fields in kinds:
            rows = record[name]
            if not rows:
                continue
            carried = out[nested]
            for row in rows:
                carried[row["uuid"]] = meeting
                walk(nested, nested_fields, row, meeting)

    for meeting in data["meetings"]:
        walk("meetings", TABLES["meetings"], meeting, meeting["uuid"])
    return out


def foreign_record(
    session: Session,
    data: dict[str, list[Record]],
    sender: str,
    registered: bool,
    outside: dict[str, set[str]],
) -> Foreign | None:
    """The first record of the package that the sending unit may not write here, or None.

    The sender may write only records of its own unit and the units under it, as this database knows its tree:
    a record whose UUID is already held for another unit, or a reference to one, is foreign. A sender without a
    registered key (a first package) owns nothing here yet, so any UUID already present is foreign; and nothing
    ever writes this database's own unit or the units above it."""
    own = self_unit(session)
    sender_id = org_id(session, sender)
    allowed: set[int] = set()
    if sender_id is not None:
        if not registered or own is None or not is_below(session, sender_id, own):
            return Foreign("org_units", unit_name(session, sender_id))
        allowed = set(subtree(session, sender_id))

    def first_foreign(table: str, uuids: Iterable[str]) -> Foreign | None:
        for _uuid, unit in _owners(session, table, uuids).items():
            if unit not in allowed:
                return Foreign(table, unit_name(session, unit))
        return None

    for table in TABLES:
        # every unit counts, even a committee the package only names (and never writes): its UUID must not be
        # one this database keeps for another unit either
        found = first_foreign(table, (r["uuid"] for r in data[table]))
        if found is not None:
            return found
    for path, carried in _package_nested(data).items():
        for uuid, (meeting, unit) in _nested_meetings(session, path, carried).items():
            if carried[uuid] != meeting:
                return Foreign("meetings", unit_name(session, unit))
    for table, uuids in outside.items():
        held = _owners(session, table, uuids)
        if len(held) < len(uuids):
            return Foreign(table, None)
        found = first_foreign(table, uuids)
        if found is not None:
            return found
    return None


# --- merging ------------------------------------------------------------------------------------------------


class _Merge:
    """Brings records in by UUID and counts per table what happened: new / updated / unchanged / conflicts.

    A table's records are compared in sets: the stored rows of the package's UUIDs are read in chunks, new ones
    inserted in one ``executemany``, changed ones updated in another; a meeting's or a loan's nested rows are
    compared for all the package's parents at once and rewritten only for those that differ."""

    def __init__(self, session: Session, data: dict[str, list[Record]]) -> None:
        self.session = session
        self.counts: dict[str, Counter[str]] = {}
        self.ids: dict[str, dict[str, int]] = {table: {} for table in MODELS}
        self.uuids: dict[str, dict[int, str]] = {table: {} for table in MODELS}
        wanted: dict[str, set[str]] = defaultdict(set)
        for table, fields in TABLES.items():
            wanted[table].update(record["uuid"] for record in data[table])
            gather_references(fields, data[table], wanted)
        for table, uuids in wanted.items():
            self.learn(table, uuids)

    def learn(self, table: str, uuids: Iterable[str]) -> None:
        """Remember the row ids of those of *uuids* stored here."""
        model = MODELS[table]
        ids, uuids_of = self.ids[table], self.uuids[table]
        query = select(model.id, model.uuid)
        for row_id, uuid in _plain_in_chunks(self.session, query, model.uuid, [u for u in uuids if u not in ids]):
            ids[uuid] = row_id
            uuids_of[row_id] = uuid

    def note(self, table: str, outcome: str, times: int = 1) -> None:
        self.counts.setdefault(table, Counter())[outcome] += times

    def ref(self, table: str, uuid: str | None) -> int | None:
        if uuid is None:
            return None
        found = self.ids[table].get(uuid)
        if found is None:
            raise _UnresolvedError(table)
        return found

    def values(self, fields: Fields, record: Record) -> dict[str, Any]:
        """The columns of *record*: plain values converted, references turned into this database's row ids."""
        converted: dict[str, Any] = _converter(fields)(record, self.ids)
        return converted

    def upsert(self, table: str, values: dict[str, Any]) -> tuple[Any, str]:
        """The row of *values*' UUID, added or brought up to date, one at a time (the few units of a package)."""
        model = MODELS[table]
        uuid = values["uuid"]
        row = self.session.scalars(select(model).where(model.uuid == uuid)).first()
        if row is None:
            row = model(**values)
            self.session.add(row)
            self.session.flush()
            self.ids[table][uuid] = row.id
            self.uuids[table][row.id] = uuid
            self.note(table, "new")
            return row, "new"
        changed = {k: v for k, v in values.items() if getattr(row, k) != v}
        if not changed:
            self.note(table, "unchanged")
            return row, "unchanged"
        for k, v in changed.items():
            setattr(row, k, v)
        self.note(table, "updated")
        return row, "updated"

    def table(self, table: str, records: list[Record]) -> None:
        """Bring in the records of *table*. Records whose references point at records of the same table that are
        new (a reversal and the entry it reverses) come in a later round, once those have their row ids."""
        fields = TABLES[table]
        pending = records
        while pending:
            ready: list[tuple[Record, dict[str, Any]]] = []
            waiting: list[Record] = []
            for record in pending:
                try:
                    values = self.values(fields, record)
                except _UnresolvedError as error:
                    if error.table != table:
                        raise MergeConflictError(error.table) from None  # the checks before the merge prevent it
                    waiting.append(record)
                    continue
                if table == "members":
                    values["search_text"] = fold(
                        " ".join(str(values.get(k) or "") for k in ("full_name", "birth_name", "card_number", "cccd"))
                    )
                    values["name_key"] = name_order_key(str(values.get("full_name") or ""))
                ready.append((record, values))
            if not ready:
                raise MergeConflictError(table)
            self._bring_in(table, ready)
            pending = waiting

    def _bring_in(self, table: str, ready: list[tuple[Record, dict[str, Any]]]) -> None:
        model = MODELS[table]
        t = model.__table__
        keys = list(ready[0][1])
        stored: dict[str, tuple[int, dict[str, Any]]] = {}
        query = select(t.c.id, *(t.c[k] for k in keys))
        learnt = self.ids[table]  # every UUID of the package's records that is stored here was learnt at the start
        held = [values["uuid"] for _record, values in ready if values["uuid"] in learnt]
        for row in _in_chunks(self.session, query, t.c.uuid, held):
            found = row._mapping
            stored[found["uuid"]] = (found["id"], {k: found[k] for k in keys})
        new: list[tuple[Record, dict[str, Any]]] = []
        changed: list[dict[str, Any]] = []
        kept: list[tuple[int, str, Record]] = []  # (row id, outcome, record) of rows already here
        for record, values in ready:
            here = stored.get(values["uuid"])
            if here is None:
                new.append((record, values))
                continue
            row_id, columns = here
            if columns == values:
                self.note(table, "unchanged")
                kept.append((row_id, "unchanged", record))
            elif table in APPEND_ONLY:
                self.note(table, "conflicts")
            else:
                changed.append({"row_id": row_id, **values})
                self.note(table, "updated")
                kept.append((row_id, "updated", record))
        if changed:
            update = t.update().where(t.c.id == bindparam("row_id")).values({k: bindparam(k) for k in keys})
            self.session.execute(update, changed)
        if new:
            _insert(self.session, t, [values for _record, values in new])
            self.learn(table, (values["uuid"] for _record, values in new))
            self.note(table, "new", len(new))
        if any(isinstance(spec, Rows) for spec in TABLES[table].values()):
            self._insert_nested(table, [(self.ids[table][values["uuid"]], record) for record, values in new])
            self._compare_nested(table, kept)

    def _compare_nested(self, path: str, kept: list[tuple[int, str, Record]]) -> None:
        """Rewrite the nested rows of the stored parents whose nested rows differ from the package's; an unchanged
        record whose nested rows changed counts as updated."""
        if not kept:
            return
        names = [name for name, spec in _fields(path).items() if isinstance(spec, Rows)]
        parents = [row_id for row_id, _outcome, _record in kept]
        stored: dict[int, dict[str, list[Record]]] = {row_id: {name: [] for name in names} for row_id in parents}
        for name in names:
            for _id, parent, child in _rows(self.session, f"{path}.{name}", self.uuids, parents):
                assert parent is not None
                stored[parent][name].append(child)
        differ: list[tuple[int, Record]] = []
        for row_id, outcome, record in kept:
            if stored[row_id] != {name: record[name] for name in names}:
                if outcome == "unchanged":
                    self.counts[path]["unchanged"] -= 1
                    self.note(path, "updated")
                differ.append((row_id, record))
        if not differ:
            return
        for name in names:
            model, column = NESTED[f"{path}.{name}"]
            for chunk in chunks(row_id for row_id, _record in differ):
                self.session.execute(delete(model).where(model.__table__.c[column].in_(chunk)))
        self._insert_nested(path, differ)

    def _insert_nested(self, path: str, parents: list[tuple[int, Record]]) -> None:
        """Insert the nested rows of each (parent row id, record), level by level."""
        if not parents:
            return
        for name, spec in _fields(path).items():
            if not isinstance(spec, Rows):
                continue
            child_path = f"{path}.{name}"
            model, column = NESTED[child_path]
            convert, ids_here = _converter(spec.fields), self.ids
            rows = []
            for parent_id, record in parents:
                for child in record[name]:
                    values = convert(child, ids_here)
                    values[column] = parent_id
                    rows.append(values)
            if not rows:
                continue
            _insert(self.session, model.__table__, rows)
            if any(isinstance(s, Rows) for s in spec.fields.values()):
                children = [child for _parent_id, record in parents for child in record[name]]
                query = select(model.id, model.uuid)
                ids = {
                    uuid: row_id
                    for row_id, uuid in _plain_in_chunks(self.session, query, model.uuid, (c["uuid"] for c in children))
                }
                self._insert_nested(child_path, [(ids[child["uuid"]], child) for child in children])


_CONVERTERS: dict[int, tuple[Fields, Any]] = {}


def _converter(fields: Fields) -> Any:
    """``convert(record, ids)``: the columns of a record of *fields* — plain values converted from the package's
    text, references turned into row ids through *ids* (table → UUID → id), :class:`_UnresolvedError` for one not
    found. Written out as the source of one function from the declaration (as ``exchange/schema.py`` writes its
    checks): the merge converts every record and nested row of a package, and a loop over the plan cost more."""
    found = _CONVERTERS.get(id(fields))
    if found is not None and found[0] is fields:
        return found[1]
    read = read_plan(fields)
    names: dict[str, Any] = {"_UnresolvedError": _UnresolvedError}
    source = ["def convert(record, ids):", "    out = {}"]
    for n, (name, convert) in enumerate(read.plain):
        if convert is None:
            source.append(f"    out[{name!r}] = record[{name!r}]")
        else:
            names[f"convert{n}"] = convert
            source += [f"    v = record[{name!r}]", f"    out[{name!r}] = None if v is None else convert{n}(v)"]
    for name, column, target in read.stored_refs:
        source += [
            f"    v = record[{name!r}]",
            "    if v is None:",
            f"        out[{column!r}] = None",
            "    else:",
            f"        found = ids[{target!r}].get(v)",
            "        if found is None:",
            f"            raise _UnresolvedError({target!r})",
            f"        out[{column!r}] = found",
        ]
    source.append("    return out")
    exec("\n".join(source), names)  # made from the declaration, never from a package
    _CONVERTERS[id(fields)] = (fields, names["convert"])
    return names["convert"]


@dataclass(frozen=True)
class _InsertPlan:
    """How the merge inserts rows of some columns into one table (:func:`_insert`), worked out once."""

    sql: str
    processors: tuple[tuple[int, Any], ...]  # (position, the column type's conversion for the driver)
    defaults: tuple[Any, ...]  # the values of the columns the rows do not carry (their models' defaults)


@cache
def _insert_plan(table: Any, keys: tuple[str, ...], dialect: Any) -> _InsertPlan:
    columns = [table.c[key] for key in keys]
    missing = [c for c in table.columns if c.name not in keys and c.default is not None and c.default.is_scalar]
    names = ", ".join(f'"{c.name}"' for c in [*columns, *missing])
    mark = "?" if dialect.paramstyle == "qmark" else "%s"
    processors = []
    for position, column in enumerate(columns):
        if isinstance(column.type, Boolean) and dialect.name == "sqlite":
            continue  # the driver stores True and False as 1 and 0 itself, as the type's conversion would
        processor = column.type._cached_bind_processor(dialect)
        if processor is not None:
            processors.append((position, processor))
    return _InsertPlan(
        f'INSERT INTO "{table.name}" ({names}) VALUES ({", ".join([mark] * (len(columns) + len(missing)))})',
        tuple(processors),
        tuple(c.default.arg for c in missing),
    )


def _insert(session: Session, table: Any, rows: list[dict[str, Any]]) -> None:
    """Insert *rows* (dicts of the same columns, as the merge makes them) with one ``executemany`` of the driver:
    the values go through each column type's own conversion for the driver (dates and times as SQLAlchemy stores
    them, flags), the columns they do not carry take their models' defaults, as SQLAlchemy's insert would, but
    without its work for every row and value (a tenth of a package's import). A clash is the same
    ``IntegrityError``."""
    connection = session.connection()
    keys = tuple(rows[0])
    plan = _insert_plan(table, keys, connection.dialect)
    processors, defaults = plan.processors, plan.defaults
    read = itemgetter(*keys) if len(keys) > 1 else lambda row: (row[keys[0]],)
    if not processors:
        params: list[tuple[Any, ...]] = [(*read(row), *defaults) for row in rows]
    else:
        params = []
        for row in rows:
            values = list(read(row))
            for position, processor in processors:
                value = values[position]
                if value is not None:
                    values[position] = processor(value)
            params.append((*values, *defaults))
    connection.exec_driver_sql(plan.sql, params)


class _UnresolvedError(Exception):
    """A reference to a record of *table* that is neither here nor (yet) brought in."""

    def __init__(self, table: str) -> None:
        super().__init__(table)
        self.table = table


def merge(session: Session, data: dict[str, list[Record]], sender: str, parent_id: int) -> dict[str, dict[str, int]]:
    """Bring in a package whose records :func:`foreign_record` found the sender may write. A new sending unit
    hangs under *parent_id* (this database's own unit), new units below it under their parent in the package;
    units already here keep their place. Returns the counts per table."""
    g = _Merge(session, data)
    try:
        _merge_units(g, data, sender, parent_id)
        _drop_removed_hamlets(g, data, sender)
        for table in TABLES:
            if table != "org_units" and data[table]:
                g.table(table, data[table])
        session.flush()
    except _UnresolvedError as error:
        raise MergeConflictError(error.table) from None
    except IntegrityError as error:
        raise MergeConflictError(_table_of(error)) from None
    return {table: dict(counter) for table, counter in g.counts.items()}


def merge_records(session: Session, bundle: dict[str, list[Record]]) -> None:
    """Bring in *bundle* (records of the format's tables, every table present; its units are not written) by UUID,
    as :func:`merge` brings in a package's: for records that waited and are let in later (``member_conflicts``)."""
    g = _Merge(session, bundle)
    for table in TABLES:
        if table != "org_units" and bundle[table]:
            g.table(table, bundle[table])
    session.flush()


def _drop_removed_hamlets(g: _Merge, data: dict[str, list[Record]], sender: str) -> None:
    """A hamlet of the package's units that the package no longer carries was removed at the branch (which only
    removes unused ones): remove it here too, so that a new one of the same name can come in. Members still
    pointing at it here lose the link until their own record, later in the package, sets it again."""
    written = [u["uuid"] for u in data["org_units"] if u["kind"] == "branch" or u["uuid"] == sender]
    units = [g.ids["org_units"][uuid] for uuid in written]  # all placed by _merge_units
    carried = {h["uuid"] for h in data["hamlets"]}
    for chunk in chunks(units):
        for row in g.session.scalars(select(m.Hamlet).where(m.Hamlet.org_unit_id.in_(chunk))).all():
            if row.uuid not in carried:
                g.session.delete(row)
                g.ids["hamlets"].pop(row.uuid, None)
                g.uuids["hamlets"].pop(row.id, None)
                g.note("hamlets", "removed")
    g.session.flush()


def _table_of(error: IntegrityError) -> str:
    text = str(error.orig)
    return next((t for t, model in MODELS.items() if f" {model.__tablename__}." in text), "")


def _merge_units(g: _Merge, data: dict[str, list[Record]], sender: str, parent_id: int) -> None:
    """The sending unit (a branch, or a committee sending its branches' records) and the branches below it,
    parents before children; other committees a package names are never taken."""
    units = {u["uuid"]: u for u in data["org_units"] if u["kind"] == "branch" or u["uuid"] == sender}
    fields = TABLES["org_units"]
    placed: set[str] = set()
    pending = [sender]
    children: dict[str, list[str]] = defaultdict(list)
    for uuid, unit in units.items():
        if uuid != sender and unit["parent_uuid"] is not None:
            children[unit["parent_uuid"]].append(uuid)
    while pending:
        uuid = pending.pop()
        if uuid in placed:
            continue
        placed.add(uuid)
        unit = units[uuid]
        values = {**g.values(fields, unit), "kind": "committee" if unit["kind"] == "committee" else "branch"}
        existing = g.ids["org_units"].get(uuid)
        if existing is None:
            values["parent_id"] = parent_id if uuid == sender else g.ref("org_units", unit["parent_uuid"])
            values["is_self"] = False
        g.upsert("org_units", values)
        pending.extend(children.get(uuid, []))


def store_minutes(session: Session, attachments: dict[str, bytes]) -> int:
    """Keep received minutes PDFs (``minutes/<uuid>.pdf``, of meetings the package carries); one already kept is
    left as it was."""
    kept = 0
    for name, content in attachments.items():
        if not name.startswith("minutes/"):
            continue
        meeting_uuid = name.removeprefix("minutes/").removesuffix(".pdf")
        if (
            session.scalars(select(m.MinutesPdfRow.id).where(m.MinutesPdfRow.meeting_uuid == meeting_uuid)).first()
            is None
        ):
            session.add(m.MinutesPdfRow(meeting_uuid=meeting_uuid, content=content))
            kept += 1
    return kept
