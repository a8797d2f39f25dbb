"""The audit log's triggers: every insert, change and delete on the branch's tables writes a row to
``audit_log`` inside the same transaction, whatever code path made it (ORM, bulk insert, merge of a package).

Who made the change is read from ``audit_actor``, which :meth:`Database.write` sets at the start of every
write transaction (writers are serialised by BEGIN IMMEDIATE, so the row belongs to the one writing).
A migration that changes an audited table's columns calls :func:`install` again for it; a test compares the
triggers with the mapped tables so a forgotten column cannot slip by.

Rows a package's merge brings in at the upper level are not logged one by one (from migration ``package_audit``
on): the package carries the branch's own log of them, which the upper level keeps, and the merge writes one entry
for the package instead (:func:`log_package`). The merge marks its span with :func:`merge_unlogged` — on SQLite the
``merging`` flag of the ``audit_actor`` row, on PostgreSQL the transaction's setting ``chibo.merging`` — and the
triggers skip a row while it is set. On SQLite the insert triggers of a large package's merge are also dropped for
its span and made again from their stored text at its end (a trigger that skips a row still costs the insert about
its own time; see TRIGGERS_ASIDE_FROM).
All of it lives inside the import's transaction: a failed merge rolls the flag and the triggers back with
everything else, and a person's edit, in any other transaction, is logged as before.

On PostgreSQL the same table list and the same rules (kept and secret columns, a blob by its size, an update
logging only the columns that changed, no row for an update that changed nothing) make one PL/pgSQL function per
table, called by its three triggers. Who writes and when come from the transaction's settings ``chibo.actor``
and ``chibo.at`` (:meth:`Database.write`), so writers do not queue on the ``audit_actor`` row.
"""

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import text

AUDITED = (
    "org_unit", "hamlet", "member", "party_card", "status_event", "rule_value", "thematic_topic", "meeting",
    "meeting_guest", "agenda_item", "opinion", "resolution", "assignment", "attendance", "meeting_addendum", "fund",
    "loan", "loan_installment", "fund_entry", "key_pair", "branch_key", "app_lock", "dues_setting", "dues_decision",
    "dues_entry", "term", "public_holiday", "member_review", "branch_review", "member_award", "candidate",
    "candidate_step", "member_conflict",
)  # fmt: skip
DERIVED = {
    "id",
    "search_text",
    "name_key",
    "updated_at",
    "created_at",
}  # the row id is row_id; the rest recomputed or stamped
SECRET = {
    "private",
    "password_hash",
    "recovery_hash",
    "key_wrap",
    "key_wrap_recovery",
}  # never copied, not even into the log
# The moment of the write, by the app's clock: Database.write() stores it beside the actor. Migrations 0008 and
# 0009 ran before that column existed and read SQLite's own clock (kept as they were, so old files upgrade alike).
ROW_TIME = "COALESCE((SELECT at FROM audit_actor WHERE id = 1), strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))"
SQLITE_ROW_TIME = "strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')"
# From migration package_audit on, a row is logged unless a package's merge is writing it (merge_unlogged). Written
# so that a missing flag (no audit_actor row) still logs.
SQLITE_LOGGING = "(SELECT merging FROM audit_actor WHERE id = 1) IS NOT 1"
PG_LOGGING = "current_setting('chibo.merging', true) IS DISTINCT FROM 'on'"
PACKAGE = "package"
"""The audit log's ``table_name`` of the one entry a package's merge writes (:func:`log_package`)."""


def _is_blob(kind: str) -> bool:
    return "BLOB" in kind.upper() or kind.upper() == "BYTEA"


def _value(ref: str, column: str, kind: str) -> str:
    """A column's value for the JSON: a blob is shown by its size only."""
    return f'length({ref}."{column}")' if _is_blob(kind) else f'{ref}."{column}"'


def trigger_sql(
    table: str, columns: list[tuple[str, str]], row_time: str = ROW_TIME, merge_unlogged: bool = False
) -> list[str]:
    """The three triggers of *table*, given its (name, declared type) columns; with *merge_unlogged* (migrations
    from package_audit on) they skip the rows a package's merge writes."""
    kept = [(name, kind) for name, kind in columns if name not in DERIVED and name not in SECRET]
    names = [name for name, _kind in kept]
    has_uuid = "uuid" in names

    def obj(ref: str) -> str:
        pairs = ", ".join(f"'{name}', {_value(ref, name, kind)}" for name, kind in kept)
        return f"json_object({pairs})"

    def row(ref: str, action: str, old: str, new: str) -> str:
        row_uuid = f"{ref}.uuid" if has_uuid else "NULL"
        return (
            "INSERT INTO audit_log (at, actor, table_name, row_id, row_uuid, action, old, new) VALUES ("
            f"{row_time}, (SELECT name FROM audit_actor WHERE id = 1), '{table}', "
            f"{ref}.rowid, {row_uuid}, '{action}', {old}, {new});"
        )

    changed = " OR ".join(f'OLD."{name}" IS NOT NEW."{name}"' for name in names)
    diff = " UNION ALL ".join(
        f"SELECT '{name}' AS k, {_value('OLD', name, kind)} AS o, {_value('NEW', name, kind)} AS n "
        f'WHERE OLD."{name}" IS NOT NEW."{name}"'
        for name, kind in kept
    )
    old_changed = f"(SELECT json_group_object(k, o) FROM ({diff}))"
    new_changed = f"(SELECT json_group_object(k, n) FROM ({diff}))"
    when = f"WHEN {SQLITE_LOGGING} " if merge_unlogged else ""
    when_changed = f"WHEN ({changed}) AND {SQLITE_LOGGING}" if merge_unlogged else f"WHEN {changed}"
    return [
        f"CREATE TRIGGER audit_{table}_insert AFTER INSERT ON {table} {when}BEGIN "
        + row("NEW", "insert", "NULL", obj("NEW"))
        + " END",
        f"CREATE TRIGGER audit_{table}_update AFTER UPDATE ON {table} {when_changed} BEGIN "
        + row("NEW", "update", old_changed, new_changed)
        + " END",
        f"CREATE TRIGGER audit_{table}_delete AFTER DELETE ON {table} {when}BEGIN "
        + row("OLD", "delete", obj("OLD"), "NULL")
        + " END",
    ]


PG_ACTOR = "COALESCE(NULLIF(current_setting('chibo.actor', true), ''), (SELECT name FROM audit_actor WHERE id = 1))"
PG_ROW_TIME = (
    "COALESCE(NULLIF(current_setting('chibo.at', true), ''), (SELECT at FROM audit_actor WHERE id = 1), "
    "to_char(localtimestamp, 'YYYY-MM-DD\"T\"HH24:MI:SS'))"
)


def _pg_value(ref: str, column: str, kind: str) -> str:
    """As :func:`_value`, in the JSON SQLite would have written: a blob by its size, a boolean as 0 or 1."""
    if _is_blob(kind):
        return f'octet_length({ref}."{column}")'
    if kind.upper() == "BOOLEAN":
        return f'{ref}."{column}"::int'
    return f'{ref}."{column}"'


def pg_function_sql(table: str, columns: list[tuple[str, str]]) -> str:
    """The PL/pgSQL function behind the three audit triggers of *table*, given its (name, type) columns."""
    kept = [(name, kind) for name, kind in columns if name not in DERIVED and name not in SECRET]
    names = [name for name, _kind in kept]
    has_uuid = "uuid" in names

    def obj(ref: str) -> str:  # jsonb_build_object takes at most 100 arguments: 40 columns a call, joined
        chunks = [kept[i : i + 40] for i in range(0, len(kept), 40)] or [[]]
        parts = [
            "jsonb_build_object(" + ", ".join(f"'{name}', {_pg_value(ref, name, kind)}" for name, kind in chunk) + ")"
            for chunk in chunks
        ]
        return "(" + " || ".join(parts) + ")::text"

    def row(ref: str, action: str, old: str, new: str) -> str:
        row_uuid = f"{ref}.uuid" if has_uuid else "NULL"
        return (
            "INSERT INTO audit_log (at, actor, table_name, row_id, row_uuid, action, old, new) VALUES ("
            f"{PG_ROW_TIME}, {PG_ACTOR}, '{table}', {ref}.id, {row_uuid}, '{action}', {old}, {new});"
        )

    changed = " OR ".join(f'OLD."{name}" IS DISTINCT FROM NEW."{name}"' for name in names) or "false"
    diff = " UNION ALL ".join(
        f"SELECT '{name}' AS k, to_jsonb({_pg_value('OLD', name, kind)}) AS o, "
        f"to_jsonb({_pg_value('NEW', name, kind)}) AS n "
        f'WHERE OLD."{name}" IS DISTINCT FROM NEW."{name}"'
        for name, kind in kept
    )
    old_changed = f"(SELECT jsonb_object_agg(k, o)::text FROM ({diff}) AS d)"
    new_changed = f"(SELECT jsonb_object_agg(k, n)::text FROM ({diff}) AS d)"
    return (
        f"CREATE OR REPLACE FUNCTION audit_{table}() RETURNS trigger LANGUAGE plpgsql AS $audit$\nBEGIN\n"
        f"  IF TG_OP = 'INSERT' THEN\n    {row('NEW', 'insert', 'NULL', obj('NEW'))}\n    RETURN NEW;\n"
        f"  ELSIF TG_OP = 'UPDATE' THEN\n    IF {changed} THEN\n"
        f"      {row('NEW', 'update', old_changed, new_changed)}\n    END IF;\n    RETURN NEW;\n"
        f"  ELSE\n    {row('OLD', 'delete', obj('OLD'), 'NULL')}\n    RETURN OLD;\n  END IF;\nEND\n$audit$"
    )


def is_postgresql(connection: Any) -> bool:
    return bool(connection.dialect.name == "postgresql")


def columns_of(connection: Any, table: str) -> list[tuple[str, str]]:
    """The (name, declared type) columns of *table*, in their order."""
    if is_postgresql(connection):
        rows = connection.execute(
            text(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND table_name = :table ORDER BY ordinal_position"
            ),
            {"table": table},
        )
        return [(str(r[0]), str(r[1])) for r in rows]
    return [(str(r[1]), str(r[2])) for r in connection.execute(text(f"PRAGMA table_info({table})"))]


def drop(connection: Any, tables: tuple[str, ...]) -> None:
    """Remove the audit triggers of *tables* (and on PostgreSQL their function)."""
    for table in tables:
        if is_postgresql(connection):
            if connection.execute(text("SELECT to_regclass(:t) IS NOT NULL"), {"t": table}).scalar_one():
                for action in ("insert", "update", "delete"):
                    connection.execute(text(f"DROP TRIGGER IF EXISTS audit_{table}_{action} ON {table}"))
            connection.execute(text(f"DROP FUNCTION IF EXISTS audit_{table}()"))
        else:
            for action in ("insert", "update", "delete"):
                connection.execute(text(f"DROP TRIGGER IF EXISTS audit_{table}_{action}"))


def pg_trigger_sql(table: str, action: str, merge_unlogged: bool = False) -> str:
    """One of the three PostgreSQL triggers of *table*; with *merge_unlogged* it is not even called for the rows
    a package's merge writes (the condition is the trigger's own, so the function is not run for them)."""
    when = f"WHEN ({PG_LOGGING}) " if merge_unlogged else ""
    return (
        f"CREATE TRIGGER audit_{table}_{action} AFTER {action.upper()} ON {table} "
        f"FOR EACH ROW {when}EXECUTE FUNCTION audit_{table}()"
    )


def install(
    connection: Any, tables: tuple[str, ...] = AUDITED, row_time: str = ROW_TIME, merge_unlogged: bool = False
) -> None:
    """(Re)create the audit triggers of *tables* from their columns as they are now. *row_time* (SQLite's
    expression for the moment) is SQLite's alone: PostgreSQL always takes the app's clock, as SQLite does from
    migration 0010 on. *merge_unlogged* (every migration from package_audit on passes it) makes the triggers
    skip the rows of a package's merge; the migrations before it built them without, and must go on doing so."""
    if is_postgresql(connection):
        drop(connection, tables)
        for table in tables:
            connection.exec_driver_sql(pg_function_sql(table, columns_of(connection, table)))
            for action in ("insert", "update", "delete"):
                connection.execute(text(pg_trigger_sql(table, action, merge_unlogged)))
        return
    for table in tables:
        for action in ("insert", "update", "delete"):
            connection.execute(text(f"DROP TRIGGER IF EXISTS audit_{table}_{action}"))
        for sql in trigger_sql(table, columns_of(connection, table), row_time, merge_unlogged):
            connection.execute(text(sql))


TRIGGERS_ASIDE_FROM = 3_000
"""The rows a merge is expected to insert (a unit's first package: all of it) from which the insert triggers are set
aside on SQLite. Making them again changes the schema, and every statement the connection had prepared is prepared
again after it: about 10 ms a package, what the triggers cost some 1,500 inserted rows (measured on 2 cores,
2026-11-30: a 127-member branch's first package, 8,200 rows of which 7,000 attendance lines, 465 → 425 ms of
processor time, its inserts 108 → 54 ms; a 10-member one, 1 year of meetings, 141 → 152 ms). A later package
inserts few rows (most come unchanged) and keeps its triggers whatever its size."""


@contextmanager
def merge_unlogged(session: Any, rows: int = 0) -> Iterator[None]:
    """The rows written inside the block are not logged by the triggers (a package's merge, which logs the package
    once with :func:`log_package`). Inside the caller's transaction: on an error the transaction is rolled back,
    the flag with it, so nothing resets it here (on PostgreSQL a failed transaction takes no statement more)."""
    if is_postgresql(session.get_bind()):
        session.execute(text("SELECT set_config('chibo.merging', 'on', true)"))
        yield
        session.execute(text("SELECT set_config('chibo.merging', '', true)"))
        return
    # On SQLite a trigger costs its table's inserts about as much as the insert itself even when its WHEN turns the
    # row away (its program is started for every row): for a merge expected to insert *rows* rows or more (TRIGGERS_ASIDE_FROM),
    # the insert triggers are set aside for the block and made again from their own text after it, inside the same
    # transaction, so that a rollback brings them back too
    connection = session.connection()
    triggers = []
    if rows >= TRIGGERS_ASIDE_FROM:
        triggers = connection.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit!_%!_insert' ESCAPE '!'"
        ).all()
    for name, _sql in triggers:
        connection.exec_driver_sql(f'DROP TRIGGER "{name}"')
    session.execute(text("UPDATE audit_actor SET merging = 1 WHERE id = 1"))
    try:
        yield
    finally:
        # after an error SQLite may have rolled the transaction back already, the triggers with it; if not, they
        # are made again here, whether the caller then rolls back (as the import does) or not
        if triggers and connection.connection.dbapi_connection.in_transaction:
            for _name, sql in triggers:
                connection.exec_driver_sql(sql)
    session.execute(text("UPDATE audit_actor SET merging = 0 WHERE id = 1"))


def log_package(session: Any, row_id: int, row_uuid: str, new: dict[str, str | int]) -> None:
    """The one entry of a package's merge: who took it in and when (as the triggers write them), *row_id* the
    package's row among those taken in, *row_uuid* the sending unit's UUID, *new* what the entry says (a flat
    object, as every entry's ``new``, so that it travels upward in the package's log like the others)."""
    on_server = is_postgresql(session.get_bind())
    at, actor = (PG_ROW_TIME, PG_ACTOR) if on_server else (ROW_TIME, "(SELECT name FROM audit_actor WHERE id = 1)")
    session.execute(
        text(
            "INSERT INTO audit_log (at, actor, table_name, row_id, row_uuid, action, old, new) VALUES ("
            f"{at}, {actor}, '{PACKAGE}', :row_id, :row_uuid, 'insert', NULL, :new)"
        ),
        {
            "row_id": row_id,
            "row_uuid": row_uuid,
            "new": json.dumps(new, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
        },
    )
