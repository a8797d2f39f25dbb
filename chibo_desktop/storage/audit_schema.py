"""The audit log's triggers: every insert, change and delete on the branch's tables writes a row to
``audit_log`` inside the same transaction, whatever code path made it (ORM, bulk insert, merge of a package).

Who made the change is read from ``audit_actor``, which :meth:`Database.write` sets at the start of every
write transaction (writers are serialised by BEGIN IMMEDIATE, so the row belongs to the one writing).
A migration that changes an audited table's columns calls :func:`install` again for it; a test compares the
triggers with the mapped tables so a forgotten column cannot slip by.
"""

from typing import Any

from sqlalchemy import text

AUDITED = (
    "org_unit", "hamlet", "member", "party_card", "status_event", "rule_value", "thematic_topic", "meeting",
    "meeting_guest", "agenda_item", "opinion", "resolution", "assignment", "attendance", "meeting_addendum", "fund",
    "loan", "loan_installment", "fund_entry", "key_pair", "branch_key", "app_lock", "dues_setting", "dues_decision",
    "dues_entry",
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


def _value(ref: str, column: str, kind: str) -> str:
    """A column's value for the JSON: a blob is shown by its size only."""
    return f'length({ref}."{column}")' if "BLOB" in kind.upper() else f'{ref}."{column}"'


def trigger_sql(table: str, columns: list[tuple[str, str]], row_time: str = ROW_TIME) -> list[str]:
    """The three triggers of *table*, given its (name, declared type) columns."""
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
    return [
        f"CREATE TRIGGER audit_{table}_insert AFTER INSERT ON {table} BEGIN "
        + row("NEW", "insert", "NULL", obj("NEW"))
        + " END",
        f"CREATE TRIGGER audit_{table}_update AFTER UPDATE ON {table} WHEN {changed} BEGIN "
        + row("NEW", "update", old_changed, new_changed)
        + " END",
        f"CREATE TRIGGER audit_{table}_delete AFTER DELETE ON {table} BEGIN "
        + row("OLD", "delete", obj("OLD"), "NULL")
        + " END",
    ]


def columns_of(connection: Any, table: str) -> list[tuple[str, str]]:
    return [(str(r[1]), str(r[2])) for r in connection.execute(text(f"PRAGMA table_info({table})"))]


def install(connection: Any, tables: tuple[str, ...] = AUDITED, row_time: str = ROW_TIME) -> None:
    """(Re)create the audit triggers of *tables* from their columns as they are now."""
    for table in tables:
        for action in ("insert", "update", "delete"):
            connection.execute(text(f"DROP TRIGGER IF EXISTS audit_{table}_{action}"))
        for sql in trigger_sql(table, columns_of(connection, table), row_time):
            connection.execute(text(sql))
