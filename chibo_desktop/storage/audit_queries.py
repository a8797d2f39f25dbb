"""Reading the audit log the triggers write (storage/audit_schema.py)."""

import json
import re
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from chibo_desktop.storage import models as m
from chibo_desktop.storage.stored_values import stored_object

AuditRecord = dict[str, Any]


def entries(session: Session, since: date | None, until: date | None, limit: int) -> list[AuditRecord]:
    """Newest first, at most *limit*, between *since* and *until* (whole days, both included)."""
    query = select(m.AuditRow).order_by(m.AuditRow.id.desc()).limit(limit)
    if since is not None:
        query = query.where(m.AuditRow.at >= since.isoformat())
    if until is not None:
        query = query.where(m.AuditRow.at < (until + timedelta(days=1)).isoformat())
    return [
        {
            "id": row.id,
            "at": row.at,
            "actor": row.actor,
            "table": row.table_name,
            "row_id": row.row_id,
            "row_uuid": row.row_uuid,
            "action": row.action,
            "old": stored_object(row.old, "audit_log.old"),
            "new": stored_object(row.new, "audit_log.new"),
        }
        for row in session.scalars(query)
    ]


# Tables whose records the log names by one of their columns: a member by name, a meeting by its date, …
NAMED: dict[str, tuple[Any, Any]] = {
    "member": (m.Member, m.Member.full_name),
    "meeting": (m.MeetingRow, m.MeetingRow.on),
    "hamlet": (m.Hamlet, m.Hamlet.name),
    "org_unit": (m.OrgUnit, m.OrgUnit.name),
    "fund": (m.FundRow, m.FundRow.name),
    "loan": (m.LoanRow, m.LoanRow.borrower),
    "agenda_item": (m.AgendaItemRow, m.AgendaItemRow.meeting_id),
    "candidate": (m.CandidateRow, m.CandidateRow.full_name),
}


def names(session: Session, table: str, ids: Iterable[int]) -> dict[int, Any]:
    """id → the naming column of those rows of *table* (one of :data:`NAMED`) that still exist."""
    model, name = NAMED[table]
    wanted = sorted(set(ids))
    found: dict[int, Any] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(dict(session.execute(select(model.id, name).where(model.id.in_(chunk))).all()))
    return found


def row_values(session: Session, table: str, ids: Iterable[int], columns: Iterable[str]) -> dict[int, dict[str, Any]]:
    """id → the *columns* (those the table has) of the rows of *table* that still exist: what an update's log
    entry, which holds only the changed columns, does not say (whose attendance, which fund)."""
    found_table = m.Base.metadata.tables.get(table)
    if found_table is None:
        return {}
    wanted_columns = [found_table.c[c] for c in columns if c in found_table.c]
    wanted = sorted(set(ids))
    if not wanted_columns or not wanted:
        return {}
    found: dict[int, dict[str, Any]] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        query = select(found_table.c.id, *wanted_columns).where(found_table.c.id.in_(chunk))
        for row in session.execute(query).mappings():
            found[row["id"]] = {c.name: row[c.name] for c in wanted_columns}
    return found


def member_names(session: Session, ids: Iterable[int]) -> dict[int, str]:
    wanted = sorted(set(ids))
    found: dict[int, str] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(session.execute(select(m.Member.id, m.Member.full_name).where(m.Member.id.in_(chunk))).all())
    return found


def meeting_dates(session: Session, ids: Iterable[int]) -> dict[int, date]:
    wanted = sorted(set(ids))
    found: dict[int, date] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(
            dict(session.execute(select(m.MeetingRow.id, m.MeetingRow.on).where(m.MeetingRow.id.in_(chunk))).all())
        )
    return found


def dump(session: Session, after: int | None = None) -> list[AuditRecord]:
    """The log, oldest first, as the exchange package carries it: all of it, or the entries after id *after*."""
    query = select(
        m.AuditRow.at, m.AuditRow.actor, m.AuditRow.table_name, m.AuditRow.row_uuid, m.AuditRow.action,
        m.AuditRow.old, m.AuditRow.new,
    ).order_by(m.AuditRow.id)  # fmt: skip
    if after is not None:
        query = query.where(m.AuditRow.id > after)
    return [
        {"at": at, "actor": actor, "table": table, "row_uuid": uuid, "action": action, "old": old, "new": new}
        for at, actor, table, uuid, action, old, new in session.execute(query)
    ]


def dump_json(session: Session, after: int | None = None) -> bytes:
    """:func:`dump` as the package's ``audit.json``: canonical JSON (keys sorted, no spaces, UTF-8). On SQLite the
    text is written by SQLite's own JSON functions, whose output for these text columns is the same bytes as
    Python's: the log is the largest part of a first package, and reading each entry into Python only to write it
    out again cost the export more than all its records."""
    if session.get_bind().dialect.name != "sqlite":
        entries = dump(session, after)
        return json.dumps(entries, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    where = "" if after is None else " WHERE id > :after"
    query = text(
        "SELECT CAST(json_group_array(json_object('action', action, 'actor', actor, 'at', at, 'new', new,"
        " 'old', old, 'row_uuid', row_uuid, 'table', table_name)) AS BLOB)"
        f" FROM (SELECT * FROM audit_log{where} ORDER BY id)"
    )
    found = session.execute(query, {} if after is None else {"after": after}).scalar_one()
    return bytes(found)


def last_id(session: Session) -> int:
    """The id of the newest entry of the log (0 when it is empty)."""
    return session.scalar(select(func.max(m.AuditRow.id))) or 0


def entries_upto(session: Session, last: int) -> int:
    """How many entries the log holds up to id *last*: where a package starting after *last* begins."""
    return session.scalar(select(func.count()).select_from(m.AuditRow).where(m.AuditRow.id <= last)) or 0


def keep_branch_log(
    session: Session, org_unit_id: int, content: bytes, start: int = 0, entries: int | None = None
) -> None:
    """Keep the log a branch sent (*content*, checked: a JSON list of *entries* entries). A package carries the
    entries from number *start* of the branch's log on (0: all of it): those replace what is kept from there on, and
    the entries before stay. The usual later package starts where the kept log ends: its text is joined to the kept
    text as both came, without reading either (a log of years is megabytes)."""
    row = session.scalars(select(m.BranchAuditRow).where(m.BranchAuditRow.org_unit_id == org_unit_id)).first()
    if start == 0 or row is None:
        session.execute(delete(m.BranchAuditRow).where(m.BranchAuditRow.org_unit_id == org_unit_id))
        session.add(m.BranchAuditRow(org_unit_id=org_unit_id, content=content, entries=entries))
        return
    if entries is not None and row.entries == start:
        row.content = _joined(row.content, content)
        row.entries = start + entries
        return
    kept = json.loads(row.content)[:start] + json.loads(content)
    row.content = json.dumps(kept, ensure_ascii=False, separators=(",", ":")).encode()
    row.entries = len(kept)


def _joined(kept: bytes, more: bytes) -> bytes:
    """The JSON list of the entries of *kept* followed by those of *more*: two JSON lists as texts (checked when
    they came, so each is ``[`` … ``]`` with at most white space around)."""
    head, tail = kept.rstrip(), more.lstrip()
    if _empty_list(head):
        return more
    if _empty_list(tail):
        return kept
    return head[:-1] + b"," + tail[1:]


_EMPTY_LIST = re.compile(rb"\s*\[\s*\]\s*\Z")  # stops at the first entry of a list that has one


def _empty_list(text: bytes) -> bool:
    return _EMPTY_LIST.match(text) is not None


def branch_log(session: Session, org_unit_id: int) -> bytes | None:
    return session.scalars(select(m.BranchAuditRow.content).where(m.BranchAuditRow.org_unit_id == org_unit_id)).first()
