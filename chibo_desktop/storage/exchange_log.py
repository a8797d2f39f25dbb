"""The exchange's own records: this database's keys, the packages it wrote and took in, the keys registered for
the units it exchanges with (its branches below, the upper level above), and the receipts it received."""

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from chibo_desktop.storage import models as m
from chibo_desktop.storage.db import moment

# --- this database's keys -----------------------------------------------------------------------------------


def get_key(session: Session, purpose: str) -> tuple[bytes, bytes] | None:
    row = session.scalars(select(m.KeyRow).where(m.KeyRow.purpose == purpose)).first()
    return (row.private, row.public) if row else None


def set_key(session: Session, purpose: str, private: bytes, public: bytes) -> None:
    session.add(m.KeyRow(purpose=purpose, private=private, public=public))


# --- keys of the units this database exchanges with ---------------------------------------------------------


def unit_key(session: Session, org_unit_id: int) -> bytes | None:
    """The signing key registered for a unit: a branch below (its first package, once its fingerprint was
    confirmed) or the upper level above (its first receipt, likewise)."""
    return session.scalars(select(m.BranchKeyRow.public).where(m.BranchKeyRow.org_unit_id == org_unit_id)).first()


def register_unit_key(session: Session, org_unit_id: int, public: bytes) -> None:
    session.add(m.BranchKeyRow(org_unit_id=org_unit_id, public=public))


def upper_unit(session: Session) -> int | None:
    """The unit above this database's own (the committee its packages go to)."""
    return session.scalars(select(m.OrgUnit.parent_id).where(m.OrgUnit.is_self)).first()


# --- packages written ---------------------------------------------------------------------------------------


def last_export(session: Session) -> tuple[int, str | None]:
    row = session.scalars(select(m.ExportRow).order_by(m.ExportRow.sequence.desc())).first()
    return (row.sequence, row.sha256) if row else (0, None)


def record_export(
    session: Session,
    sequence: int,
    file_name: str,
    sha256: str,
    audit_upto: int | None = None,
    recipient: str | None = None,
    record_digests: bytes | None = None,
) -> None:
    """A package written. *record_digests*: the digests of every record held when it was written, kept while a
    later package may build on it; those of packages before the newest acknowledged one are dropped."""
    session.add(
        m.ExportRow(
            sequence=sequence,
            file_name=file_name,
            sha256=sha256,
            audit_upto=audit_upto,
            recipient=recipient,
            record_digests=record_digests,
        )
    )
    acked = session.scalars(select(func.max(m.AckRow.sequence))).first()
    if acked is not None:
        session.execute(
            update(m.ExportRow)
            .where(m.ExportRow.sequence < acked, m.ExportRow.record_digests.is_not(None))
            .values(record_digests=None)
        )


def acknowledged_digests(session: Session) -> tuple[int, bytes] | None:
    """(the sequence, the record digests) of the newest package the upper level acknowledged, which the next
    package can build on; None when none was acknowledged, or it was written before packages kept digests."""
    acked = session.scalars(select(func.max(m.AckRow.sequence))).first()
    if acked is None:
        return None
    found = session.scalars(select(m.ExportRow.record_digests).where(m.ExportRow.sequence == acked)).first()
    return (acked, found) if found is not None else None


def last_recipient(session: Session) -> str | None:
    """The upper level's key (base64) to lock the next package to: the one its newest receipt carrying a key
    brought (signed by it), else the one the newest package was locked to; None when neither (a passphrase)."""
    sent = receipt_lock(session)
    if sent is not None:
        return sent
    return session.scalars(select(m.ExportRow.recipient).order_by(m.ExportRow.sequence.desc())).first()


def receipt_lock(session: Session) -> str | None:
    """The upper level's encryption key (base64) its newest receipt carrying one brought, or None."""
    return session.scalars(
        select(m.AckRow.upper_lock).where(m.AckRow.upper_lock.is_not(None)).order_by(m.AckRow.sequence.desc())
    ).first()


def acknowledged_audit(session: Session) -> int | None:
    """The last audit entry the newest package the upper level acknowledged carried (None: no such package, or
    one from before packages recorded it)."""
    acked = session.scalars(select(m.AckRow.sequence).order_by(m.AckRow.sequence.desc())).first()
    if acked is None:
        return None
    return session.scalars(select(m.ExportRow.audit_upto).where(m.ExportRow.sequence == acked)).first()


def export_by_hash(session: Session, sha256: str) -> int | None:
    """The sequence of this database's package with that hash, if it wrote one."""
    return session.scalars(select(m.ExportRow.sequence).where(m.ExportRow.sha256 == sha256)).first()


def exported_names(session: Session) -> set[str]:
    return set(session.scalars(select(m.ExportRow.file_name)))


# --- packages taken in --------------------------------------------------------------------------------------


def lock_branch(session: Session, unit_uuid: str) -> None:
    """Take a branch's packages in one at a time, other branches' beside them (several operators on one
    PostgreSQL database): its ``org_unit`` row is locked (SELECT … FOR UPDATE) until the transaction ends, so a
    second import of the same branch waits, then sees the first one's sequence and records. A branch not yet
    known has no row: a transaction-scoped advisory lock on its UUID stands in for it, so two first packages of one
    branch cannot both create it. SQLite needs neither: BEGIN IMMEDIATE already lets one writer in at a time."""
    if session.get_bind().dialect.name != "postgresql":
        return
    session.execute(select(func.pg_advisory_xact_lock(func.hashtextextended(unit_uuid, 0))))
    session.execute(select(m.OrgUnit.id).where(m.OrgUnit.uuid == unit_uuid).with_for_update())


def imported(session: Session, sha256: str) -> tuple[int, int, datetime] | None:
    """(unit, sequence, when) of the package with that hash, if this database took it in."""
    row = session.scalars(select(m.ImportRow).where(m.ImportRow.sha256 == sha256)).first()
    return (row.org_unit_id, row.sequence, row.imported_at) if row else None


def last_import(session: Session, org_unit_id: int) -> int:
    row = session.scalars(
        select(m.ImportRow).where(m.ImportRow.org_unit_id == org_unit_id).order_by(m.ImportRow.sequence.desc())
    ).first()
    return row.sequence if row else 0


def record_import(
    session: Session, org_unit_id: int, sequence: int, sha256: str, created_at: str, covers_to: date | None
) -> datetime:
    """Note the package as taken in, stamped with this transaction's moment (which the receipt repeats)."""
    at = moment(session)
    session.add(
        m.ImportRow(
            org_unit_id=org_unit_id,
            sequence=sequence,
            sha256=sha256,
            created_at_branch=created_at,
            covers_to=covers_to,
            imported_at=at,
        )
    )
    return at


def import_id(session: Session, sha256: str) -> int:
    """The row of the package with that hash among those taken in (written by :func:`record_import`)."""
    session.flush()
    return session.scalars(select(m.ImportRow.id).where(m.ImportRow.sha256 == sha256)).one()


def received_branches(session: Session) -> list[tuple[int, str, str, int, datetime | None, date | None]]:
    """(id, uuid, name, last sequence, last imported at, last day its data covers) of the units (branches, or
    committees below this one) whose packages this database took in."""
    i = m.ImportRow
    rows = session.execute(  # every package taken in, in one read: the last one of each unit wins
        select(m.OrgUnit.id, m.OrgUnit.uuid, m.OrgUnit.name, i.sequence, i.imported_at, i.covers_to)
        .join(i, i.org_unit_id == m.OrgUnit.id)
        .where(m.OrgUnit.is_self.is_(False))
        .order_by(i.sequence, i.id)
    ).all()
    last = {row[0]: (row[0], row[1], row[2], row[3], row[4], row[5]) for row in rows}
    return sorted(last.values(), key=lambda r: r[2])


# --- receipts -----------------------------------------------------------------------------------------------


def ack_recorded(session: Session, sequence: int) -> bool:
    return session.scalars(select(m.AckRow.id).where(m.AckRow.sequence == sequence)).first() is not None


def record_ack(
    session: Session, sequence: int, received_on: str, upper_name: str, key: bytes, lock: str | None = None
) -> bool:
    """False when this receipt was already recorded. *lock*: the upper level's encryption key it carried."""
    if ack_recorded(session, sequence):
        return False
    session.add(
        m.AckRow(sequence=sequence, received_on=received_on, upper_name=upper_name, upper_key=key, upper_lock=lock)
    )
    return True


def last_ack(session: Session) -> tuple[int, str, str] | None:
    row = session.scalars(select(m.AckRow).order_by(m.AckRow.sequence.desc())).first()
    return (row.sequence, row.received_on, row.upper_name) if row else None


# --- what an upper level received, as its stats read it ------------------------------------------------------


def subtrees(session: Session, unit_ids: Iterable[int]) -> dict[int, list[int]]:
    """Each of *unit_ids* → itself and every unit below it, from one read of the tree (for a list of all the
    branches received, where one query per branch would read the tree once per branch)."""
    children: dict[int | None, list[int]] = {}
    for child, parent in session.execute(select(m.OrgUnit.id, m.OrgUnit.parent_id)).all():
        children.setdefault(parent, []).append(child)
    out: dict[int, list[int]] = {}
    for unit_id in unit_ids:
        found, stack, seen = [], [unit_id], set()
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            found.append(current)
            stack.extend(children.get(current, []))
        out[unit_id] = found
    return out


def conflicts_waiting(session: Session) -> int:
    """How many members sent by two units wait for review (storage/member_conflicts)."""
    query = select(func.count()).select_from(m.MemberConflictRow).where(m.MemberConflictRow.state == "waiting")
    return int(session.execute(query).scalar_one())
