"""Reading the audit log the triggers write (storage/audit_schema.py)."""

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from sqlalchemy import delete, select
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


def dump(session: Session) -> list[AuditRecord]:
    """The whole log, oldest first, as the exchange package carries it."""
    rows = session.scalars(select(m.AuditRow).order_by(m.AuditRow.id))
    return [
        {
            "at": r.at,
            "actor": r.actor,
            "table": r.table_name,
            "row_uuid": r.row_uuid,
            "action": r.action,
            "old": r.old,
            "new": r.new,
        }
        for r in rows
    ]


def keep_branch_log(session: Session, org_unit_id: int, content: bytes) -> None:
    """The log a branch sent, replacing the one from its previous package (each package carries all of it)."""
    session.execute(delete(m.BranchAuditRow).where(m.BranchAuditRow.org_unit_id == org_unit_id))
    session.add(m.BranchAuditRow(org_unit_id=org_unit_id, content=content))


def branch_log(session: Session, org_unit_id: int) -> bytes | None:
    return session.scalars(select(m.BranchAuditRow.content).where(m.BranchAuditRow.org_unit_id == org_unit_id)).first()
