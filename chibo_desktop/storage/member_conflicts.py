"""Members sent by two units: at the upper level, a member record a package carries whose UUID this database holds
for another unit (a transfer recorded at both ends with the same UUID, a copied file) is neither written over the
other unit's record nor a reason to refuse the package. It is set aside in ``member_conflict`` with both versions,
together with every record of the package that refers to it (its status events, party cards, reviews, awards; the
meetings that list it, the loans and fund entries that name it, and what refers to those), so that none of them is
attached to the other unit's record. The upper level's operator then keeps the stored version, or takes the sent
one, which moves the member to the sending unit and brings in the records that waited with it.

Only a unit whose key is registered, below this database's own unit, may set a member aside, and only a member of
another unit below this one: everything else is refused as before (``package_records.foreign_record``).
"""

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from chibo_desktop.domain.exchange_format import TABLES
from chibo_desktop.storage import models as m
from chibo_desktop.storage.package_fields import Record, as_carried, chunks, plain_fields, references
from chibo_desktop.storage.package_records import merge_records, org_id, self_unit, subtree

# Records that refer to nothing a package could set aside.
_NEVER_HELD = frozenset({"org_units", "hamlets", "members"})


@dataclass(frozen=True)
class SetAside:
    """A package split in two: *data*, what the merge may write, and for each member UUID held here for another
    unit, the unit holding it, the record sent, and the records of the package that refer to it (by table)."""

    data: dict[str, list[Record]]
    owners: dict[str, int] = field(default_factory=dict)
    sent: dict[str, Record] = field(default_factory=dict)
    held: dict[str, dict[str, list[Record]]] = field(default_factory=dict)


def _member_units(session: Session, uuids: Iterable[str]) -> dict[str, int]:
    """Member UUID → the unit it belongs to here, for those of *uuids* this database holds."""
    found: dict[str, int] = {}
    for chunk in chunks(uuids):
        found.update(session.execute(select(m.Member.uuid, m.Member.org_unit_id).where(m.Member.uuid.in_(chunk))).all())
    return found


def set_aside(session: Session, data: dict[str, list[Record]], sender: str, registered: bool) -> SetAside:
    """The members of *data* this database holds for a unit outside the sender's part of the tree, and the records
    that refer to them, taken out of the package. Nothing is set aside for a sender without a registered key, or one
    that is not below this database's own unit, nor a member of this database's own unit: the ownership check then
    refuses the package as it always did."""
    own = self_unit(session)
    sender_id = org_id(session, sender)
    if not registered or own is None or sender_id is None or sender_id == own:
        return SetAside(data)
    below = set(subtree(session, own)) - {own}
    if sender_id not in below:
        return SetAside(data)
    allowed = set(subtree(session, sender_id))
    owners = {
        uuid: unit
        for uuid, unit in _member_units(session, (r["uuid"] for r in data["members"])).items()
        if unit not in allowed and unit in below
    }
    if not owners:
        return SetAside(data)
    # which set-aside members each record reaches, through its own references and those of the records it names
    reach: dict[tuple[str, str], set[str]] = {("members", uuid): {uuid} for uuid in owners}
    refs = {
        (table, r["uuid"]): references(TABLES[table], r)
        for table in TABLES
        if table not in _NEVER_HELD
        for r in data[table]
    }
    changed = True
    while changed:
        changed = False
        for key, pointed in refs.items():
            found = set().union(*(reach.get(ref, set()) for ref in pointed)) if pointed else set()
            if found and not found <= reach.get(key, set()):
                reach.setdefault(key, set()).update(found)
                changed = True
    kept = {table: [r for r in records if (table, r["uuid"]) not in reach] for table, records in data.items()}
    held: dict[str, dict[str, list[Record]]] = {uuid: {} for uuid in owners}
    for table in TABLES:
        if table in _NEVER_HELD:
            continue
        for record in data[table]:
            for uuid in reach.get((table, record["uuid"]), ()):
                held[uuid].setdefault(table, []).append(record)
    sent = {r["uuid"]: r for r in data["members"] if r["uuid"] in owners}
    return SetAside(kept, owners, sent, held)


def member_record(session: Session, uuid: str) -> Record:
    """The member *uuid* as a package would carry it."""
    t = m.Member.__table__
    plain = plain_fields(TABLES["members"])
    row = session.execute(
        select(*(t.c[name] for name in plain), m.OrgUnit.uuid.label("org_uuid"), m.Hamlet.uuid.label("hamlet_uuid"))
        .join(m.OrgUnit, m.OrgUnit.id == t.c.org_unit_id)
        .outerjoin(m.Hamlet, m.Hamlet.id == t.c.hamlet_id)
        .where(t.c.uuid == uuid)
    ).one()
    values = row._mapping
    return {name: as_carried(values[name]) for name in (*plain, "org_uuid", "hamlet_uuid")}


def _text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def keep(session: Session, aside: SetAside, sender_unit: int, sha256: str, sequence: int, at: datetime) -> Counter[str]:
    """Record the package's set-aside members in the review list: a new entry for each (``new``), or the one still
    waiting for this member from this unit brought up to date (``updated``); a version the operator already
    decided to keep out, sent again as it was, adds nothing (``decided``)."""
    outcomes: Counter[str] = Counter()
    for uuid, owner in aside.owners.items():
        sent = _text(aside.sent[uuid])
        held = _text(aside.held[uuid]).encode("utf-8")
        stored = _text(member_record(session, uuid))
        entries = session.scalars(
            select(m.MemberConflictRow)
            .where(m.MemberConflictRow.member_uuid == uuid, m.MemberConflictRow.sent_unit_id == sender_unit)
            .order_by(m.MemberConflictRow.id.desc())
        ).all()
        waiting = next((e for e in entries if e.state == "waiting"), None)
        if waiting is None and entries and entries[0].state == "kept":
            if entries[0].sent_record == sent and entries[0].held == held:
                outcomes["decided"] += 1
                continue
        values = {
            "stored_unit_id": owner,
            "stored_record": stored,
            "sent_record": sent,
            "held": held,
            "package_sha256": sha256,
            "sequence": sequence,
            "received_at": at,
        }
        if waiting is None:
            session.add(m.MemberConflictRow(member_uuid=uuid, sent_unit_id=sender_unit, state="waiting", **values))
            outcomes["new"] += 1
        else:
            for name, value in values.items():
                setattr(waiting, name, value)
            outcomes["updated"] += 1
    session.flush()
    return outcomes


# --- the review list ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    id: int
    member_uuid: str
    stored_unit: str
    stored: Record
    sent_unit: str
    sent: Record
    held: dict[str, int]  # table → how many records wait with the member
    sequence: int
    received_at: datetime
    state: str
    resolved_at: datetime | None
    resolved_by: str


def entries(session: Session, waiting_only: bool = True) -> list[Entry]:
    """The review list, oldest first (the waiting entries only, unless *waiting_only* is False)."""
    names = dict(session.execute(select(m.OrgUnit.id, m.OrgUnit.name)).all())
    query = select(m.MemberConflictRow).order_by(m.MemberConflictRow.id)
    if waiting_only:
        query = query.where(m.MemberConflictRow.state == "waiting")
    out = []
    for row in session.scalars(query):
        held = json.loads(row.held)
        out.append(
            Entry(
                row.id,
                row.member_uuid,
                names.get(row.stored_unit_id, ""),
                json.loads(row.stored_record),
                names.get(row.sent_unit_id, ""),
                json.loads(row.sent_record),
                {table: len(records) for table, records in held.items() if records},
                row.sequence,
                row.received_at,
                row.state,
                row.resolved_at,
                row.resolved_by,
            )
        )
    return out


class NotWaitingError(Exception):
    """The entry is not in the list, or was decided already."""


def resolve(session: Session, entry_id: int, take: bool, at: datetime, by: str) -> str:
    """Decide one waiting entry: keep the stored version, or take the sent one (the member then belongs to the
    sending unit, its record becomes the sent version, and the records that waited with it come in — except those
    that also name a member still held here for another unit, which wait for that member's entry). Returns the
    member's UUID."""
    row = session.get(m.MemberConflictRow, entry_id)
    if row is None or row.state != "waiting":
        raise NotWaitingError(entry_id)
    if take:
        _take(session, row)
    row.state = "taken" if take else "kept"
    row.resolved_at = at
    row.resolved_by = by
    session.flush()
    return row.member_uuid


def _take(session: Session, row: m.MemberConflictRow) -> None:
    sent: Record = json.loads(row.sent_record)
    held: dict[str, list[Record]] = json.loads(row.held)
    if sent["hamlet_uuid"] is not None:
        here = session.scalars(select(m.Hamlet.id).where(m.Hamlet.uuid == sent["hamlet_uuid"])).first()
        if here is None:  # the branch removed the hamlet since
            sent = {**sent, "hamlet_uuid": None}
    bundle: dict[str, list[Record]] = {table: [] for table in TABLES}
    bundle["members"] = [sent]
    merge_records(session, bundle)
    allowed = set(subtree(session, row.sent_unit_id))
    records = {(table, r["uuid"]): r for table, rs in held.items() for r in rs}
    refs = {key: references(TABLES[key[0]], r) for key, r in records.items()}
    named = _member_units(session, {uuid for pointed in refs.values() for t, uuid in pointed if t == "members"})
    skipped = {
        key for key, pointed in refs.items() if any(t == "members" and named.get(u) not in allowed for t, u in pointed)
    }
    changed = True
    while changed:  # and what refers to a record left out
        changed = False
        for key, pointed in refs.items():
            if key not in skipped and any(ref in skipped for ref in pointed):
                skipped.add(key)
                changed = True
    bundle = {table: [] for table in TABLES}
    for table in TABLES:
        bundle[table] = [r for r in held.get(table, []) if (table, r["uuid"]) not in skipped]
    merge_records(session, bundle)
    stored = _text(member_record(session, row.member_uuid))
    for other in session.scalars(
        select(m.MemberConflictRow).where(
            m.MemberConflictRow.member_uuid == row.member_uuid,
            m.MemberConflictRow.state == "waiting",
            m.MemberConflictRow.id != row.id,
        )
    ):
        other.stored_unit_id = row.sent_unit_id
        other.stored_record = stored


def hamlet_names(session: Session) -> dict[str, str]:
    """Hamlet UUID → "its name (its unit's name)": two units' hamlets often share a name ("Tổ 1")."""
    rows = session.execute(
        select(m.Hamlet.uuid, m.Hamlet.name, m.OrgUnit.name).join(m.OrgUnit, m.OrgUnit.id == m.Hamlet.org_unit_id)
    ).all()
    return {uuid: f"{name} ({unit})" for uuid, name, unit in rows}
