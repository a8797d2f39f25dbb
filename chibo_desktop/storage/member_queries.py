"""Queries the services call inside their own transactions. They take and return plain domain objects."""

import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import asdict, fields
from typing import Any

from sqlalchemy import delete, func, insert, select, true, update
from sqlalchemy.orm import Session

from chibo_desktop.domain.members import (
    EventKind,
    Member,
    MemberRecord,
    Standing,
    StatusEvent,
)
from chibo_desktop.domain.namesakes import Identity
from chibo_desktop.domain.organisation import Hamlet, Level, Organisation, OrganisationSetup, Unit
from chibo_desktop.domain.roster import RosterEntry
from chibo_desktop.domain.rules import RuleValue
from chibo_desktop.domain.text import collation_key, fold, given_name_order_prefix, is_same_name, name_order_key
from chibo_desktop.storage import models as m
from chibo_desktop.storage.db import moment
from chibo_desktop.storage.stored_values import known, known_or_none, stored_rules

RECORD_FIELDS = tuple(f.name for f in fields(MemberRecord))


# --- organisation -------------------------------------------------------------------------------------------


def load_organisation(session: Session) -> Organisation | None:
    branch = session.scalars(select(m.OrgUnit).where(m.OrgUnit.is_self)).first()
    if branch is None:
        return None
    upper = session.get(m.OrgUnit, branch.parent_id) if branch.parent_id else None
    hamlets = session.scalars(
        select(m.Hamlet).where(m.Hamlet.org_unit_id == branch.id).order_by(m.Hamlet.position, m.Hamlet.id)
    ).all()
    level = Level.COMMITTEE if branch.kind == Level.COMMITTEE else Level.BRANCH
    units: tuple[Unit, ...] = ()
    if level == Level.COMMITTEE:
        rows = session.execute(
            select(m.OrgUnit.id, m.OrgUnit.name).where(m.OrgUnit.kind == "branch", m.OrgUnit.is_self.is_(False))
        ).all()
        units = tuple(sorted((Unit(i, n) for i, n in rows), key=lambda u: collation_key(u.name)))
    return Organisation(
        branch_id=branch.id,
        branch_uuid=branch.uuid,
        branch_name=branch.name,
        upper_name=upper.name if upper else "",
        place_name=branch.place_name,
        hamlets=tuple(Hamlet(h.id, h.name) for h in hamlets),
        level=level,
        branches=units,
    )


def save_organisation(session: Session, setup: OrganisationSetup) -> None:
    """Create this database's unit (a branch or a committee, by *setup.level*) and its upper level, or rename
    them; the level of a unit already set up stays as it is. Hamlets are added or reordered, never dropped while
    members still point at them."""
    branch = session.scalars(select(m.OrgUnit).where(m.OrgUnit.is_self)).first()
    if branch is None:
        upper = m.OrgUnit(
            name=setup.upper_name, kind="committee", place_name=setup.place_name, created_at=moment(session)
        )
        session.add(upper)
        session.flush()
        branch = m.OrgUnit(
            name=setup.branch_name,
            kind=str(setup.level),
            parent_id=upper.id,
            place_name=setup.place_name,
            is_self=True,
            created_at=moment(session),  # the day of the setup, by the app's clock (the reminders start from it)
        )
        session.add(branch)
        session.flush()
    else:
        branch.name = setup.branch_name
        branch.place_name = setup.place_name
        upper_row = session.get(m.OrgUnit, branch.parent_id) if branch.parent_id else None
        if upper_row is None:
            upper_row = m.OrgUnit(name=setup.upper_name, kind="committee", place_name=setup.place_name)
            session.add(upper_row)
            session.flush()
            branch.parent_id = upper_row.id
        upper_row.name = setup.upper_name
    existing = {
        h.name.casefold(): h for h in session.scalars(select(m.Hamlet).where(m.Hamlet.org_unit_id == branch.id))
    }
    for position, name in enumerate(setup.hamlet_names):
        row = existing.pop(name.casefold(), None)
        if row is None:
            session.add(m.Hamlet(org_unit_id=branch.id, name=name, position=position))
        else:
            row.name, row.position = name, position
    for row in existing.values():
        in_use = session.scalars(select(m.Member.id).where(m.Member.hamlet_id == row.id).limit(1)).first()
        if in_use is None:
            session.delete(row)
        else:
            row.position = len(setup.hamlet_names) + row.position


# --- rules --------------------------------------------------------------------------------------------------


def load_rules(session: Session) -> list[RuleValue]:
    """The stored rule values, checked (see :func:`stored_values.stored_rules`)."""
    rows = session.scalars(select(m.RuleValueRow).order_by(m.RuleValueRow.key, m.RuleValueRow.valid_from))
    return stored_rules((r.key, r.value_json, r.valid_from, r.note) for r in rows)


def save_rule_value(session: Session, value: RuleValue) -> None:
    """A new value from a date; a value for the same key and date is replaced (it has not taken effect twice)."""
    session.execute(
        delete(m.RuleValueRow).where(m.RuleValueRow.key == value.key, m.RuleValueRow.valid_from == value.valid_from)
    )
    session.add(
        m.RuleValueRow(key=value.key, value_json=json.dumps(value.value), valid_from=value.valid_from, note=value.note)
    )


# --- members ------------------------------------------------------------------------------------------------


def _search_text(record: MemberRecord, hamlet: str) -> str:
    return fold(" ".join((record.full_name, record.birth_name, hamlet, record.card_number, record.cccd)))


def _hamlet_name(session: Session, hamlet_id: int | None) -> str:
    if hamlet_id is None:
        return ""
    row = session.get(m.Hamlet, hamlet_id)
    return row.name if row else ""


def _event_values(member_id: int, event: StatusEvent) -> dict[str, object]:
    return {
        "member_id": member_id,
        "kind": str(event.kind),
        "on": event.on,
        "end_date": event.end_date,
        "decision_no": event.decision_no,
        "note": event.note,
        "standing": str(event.standing) if event.standing else None,
        "seq": event.seq,
    }


def _event_row(member_id: int, event: StatusEvent) -> m.StatusEventRow:
    return m.StatusEventRow(**_event_values(member_id, event))


def add_member(session: Session, branch_id: int, record: MemberRecord, events: list[StatusEvent]) -> tuple[int, str]:
    row = m.Member(org_unit_id=branch_id, **asdict(record))
    row.search_text = _search_text(record, _hamlet_name(session, record.hamlet_id))
    row.name_key = name_order_key(record.full_name)
    session.add(row)
    session.flush()
    if record.card_number:
        session.add(m.PartyCard(member_id=row.id, number=record.card_number, recorded_on=moment(session).date()))
    for event in events:
        session.add(_event_row(row.id, event))
    session.flush()
    return row.id, row.uuid


def add_hamlets(session: Session, branch_id: int, names: list[str]) -> dict[str, int]:
    """New cells (hamlets) of the branch after those it has, in the order given: folded name → id. A name the
    branch already has (in any case or tone marks) keeps its cell."""
    existing = {fold(h.name): h for h in session.scalars(select(m.Hamlet).where(m.Hamlet.org_unit_id == branch_id))}
    last = max((h.position for h in existing.values()), default=-1)
    ids = {key: h.id for key, h in existing.items()}
    for name in names:
        if fold(name) in ids:
            continue
        last += 1
        row = m.Hamlet(org_unit_id=branch_id, name=name, position=last)
        session.add(row)
        session.flush()
        ids[fold(name)] = row.id
    return ids


def add_members_bulk(
    session: Session, branch_id: int, items: list[tuple[MemberRecord, list[StatusEvent]]]
) -> list[int]:
    """Many members at once (an import, the demo): the same rows as :func:`add_member`, inserted in bulk."""
    if not items:
        return []
    hamlets = {h.id: h.name for h in session.scalars(select(m.Hamlet))}
    member_rows = []
    for record, _events in items:
        values = asdict(record)
        values["org_unit_id"] = branch_id
        values["uuid"] = m.new_uuid()
        values["search_text"] = _search_text(record, hamlets.get(record.hamlet_id or -1, ""))
        values["name_key"] = name_order_key(record.full_name)
        member_rows.append(values)
    ids = list(session.scalars(insert(m.Member).returning(m.Member.id, sort_by_parameter_order=True), member_rows))
    today = moment(session).date()
    event_rows = []
    card_rows = []
    for member_id, (record, events) in zip(ids, items, strict=True):
        for event in events:
            event_rows.append({"uuid": m.new_uuid(), **_event_values(member_id, event)})
        if record.card_number:
            card_rows.append(
                {
                    "uuid": m.new_uuid(),
                    "member_id": member_id,
                    "number": record.card_number,
                    "recorded_on": today,
                    "note": "",
                }
            )
    if event_rows:
        session.execute(insert(m.StatusEventRow), event_rows)
    if card_rows:
        session.execute(insert(m.PartyCard), card_rows)
    return ids


def update_member(session: Session, member_id: int, record: MemberRecord) -> bool:
    """Store the edited record; a changed card number is added to the card history. False if nothing changed."""
    row = session.get(m.Member, member_id)
    if row is None:
        raise LookupError(member_id)
    before = MemberRecord(**{name: getattr(row, name) for name in RECORD_FIELDS})
    if before == record:
        return False
    for name in RECORD_FIELDS:
        setattr(row, name, getattr(record, name))
    row.search_text = _search_text(record, _hamlet_name(session, record.hamlet_id))
    row.name_key = name_order_key(record.full_name)
    row.updated_at = moment(session)
    if record.card_number and record.card_number != before.card_number:
        session.add(m.PartyCard(member_id=member_id, number=record.card_number, recorded_on=moment(session).date()))
    return True


def set_photo(session: Session, member_id: int, photo: bytes | None) -> None:
    session.execute(update(m.Member).where(m.Member.id == member_id).values(photo=photo))


def get_photo(session: Session, member_id: int) -> bytes | None:
    return session.scalars(select(m.Member.photo).where(m.Member.id == member_id)).first()


def add_event(session: Session, member_id: int, event: StatusEvent) -> int:
    seq = 1 + max(
        (
            e.seq
            for e in session.scalars(
                select(m.StatusEventRow).where(m.StatusEventRow.member_id == member_id, m.StatusEventRow.on == event.on)
            )
        ),
        default=-1,
    )
    row = _event_row(member_id, StatusEvent(**{**asdict(event), "seq": seq}))
    session.add(row)
    session.flush()
    return row.id


def _to_event(row: m.StatusEventRow) -> StatusEvent:
    return StatusEvent(
        kind=known(EventKind, row.kind, "status_event.kind"),
        on=row.on,
        end_date=row.end_date,
        decision_no=row.decision_no,
        note=row.note,
        standing=known_or_none(Standing, row.standing, "status_event.standing"),
        id=row.id,
        seq=row.seq,
    )


def get_member(session: Session, member_id: int) -> Member | None:
    row = session.get(m.Member, member_id)
    if row is None:
        return None
    record = MemberRecord(**{name: getattr(row, name) for name in RECORD_FIELDS})
    events = session.scalars(select(m.StatusEventRow).where(m.StatusEventRow.member_id == member_id)).all()
    cards = session.scalars(
        select(m.PartyCard).where(m.PartyCard.member_id == member_id).order_by(m.PartyCard.id)
    ).all()
    has_photo = (
        session.scalars(select(m.Member.id).where(m.Member.id == member_id, m.Member.photo.is_not(None))).first()
        is not None
    )
    return Member(
        id=row.id,
        uuid=row.uuid,
        record=record,
        events=tuple(_to_event(e) for e in events),
        card_history=tuple((c.number, c.recorded_on) for c in cards),
        has_photo=has_photo,
        branch=unit.name if (unit := session.get(m.OrgUnit, row.org_unit_id)) else "",
        hamlet=_hamlet_name(session, row.hamlet_id),
    )


_EVENT_KINDS = {kind.value: kind for kind in EventKind}
_STANDINGS = {standing.value: standing for standing in Standing}


def load_roster(
    session: Session,
    org_units: Sequence[int] | None = None,
    ids: Sequence[int] | None = None,
    id_range: tuple[int, int] | None = None,
) -> list[tuple[RosterEntry, str]]:
    """Every member with events and hamlet, in two queries: (entry, folded search text); or only the members of
    *ids*, or those whose id lies in *id_range* (both ends included), for a large roster read a part at a time.

    Rows are read as plain tuples and built positionally: with 100,000 members this is most of the load time.
    """
    hamlet_query = select(m.Hamlet.id, m.Hamlet.name)
    if org_units is not None:  # a province's branch: its members' hamlets and events, not the whole province's
        members = select(m.Member.hamlet_id).where(m.Member.org_unit_id.in_(list(org_units)))
        hamlet_query = hamlet_query.where(m.Hamlet.id.in_(members))
    hamlets: dict[int, str] = {i: n for i, n in session.execute(hamlet_query)}
    units: dict[int, str] = {i: n for i, n in session.execute(select(m.OrgUnit.id, m.OrgUnit.name))}
    events = _roster_events(session, ids, id_range, org_units)
    mt = m.Member.__table__
    query = select(mt.c.id, mt.c.search_text, mt.c.org_unit_id, *(mt.c[name] for name in RECORD_FIELDS))
    if org_units is not None:
        query = query.where(mt.c.org_unit_id.in_(list(org_units)))
    if ids is not None:
        query = query.where(mt.c.id.in_(list(ids)))
    if id_range is not None:
        query = query.where(mt.c.id.between(*id_range))
    out = []
    no_events: list[StatusEvent] = []
    for values in session.execute(query):
        record = MemberRecord(*values[3:])
        member_id = values[0]
        entry = RosterEntry(
            id=member_id,
            record=record,
            events=tuple(events.get(member_id, no_events)),
            hamlet=hamlets.get(record.hamlet_id or -1, ""),
            unit_id=values[2],
            branch=units.get(values[2], ""),
        )
        out.append((entry, values[1]))
    return out


COUNTED_FIELDS = (
    "full_name",
    "gender",
    "ethnicity",
    "admission_date",
    "admission_decision_date",
    "hamlet_id",
    "date_of_birth",
    "card_number",
)
"""What the counts and reminders read of a member's record (``domain/roster.py``: count_roster,
probation_reminders, badge_milestones and party_age; the date of birth and the card tell two reminders of the same
name apart); the rest of the record is left at its default."""


_BLANK_RECORD = dict(vars(MemberRecord()))


def _counted_record(values: dict[str, Any]) -> MemberRecord:
    """``MemberRecord(**values)``, equal to it field for field, made four times faster: a frozen dataclass sets its
    28 fields one ``object.__setattr__`` at a time, 0.7 s of processor time for 100,000 members here. (Only for a
    dataclass without ``__post_init__``, given every field: a test holds the fields of StatusEvent and MemberRecord
    to those this module sets.)"""
    record: MemberRecord = object.__new__(MemberRecord)
    vars(record).update(_BLANK_RECORD, **values)
    return record


def load_counted(session: Session, id_range: tuple[int, int]) -> list[RosterEntry]:
    """The members whose id lies in *id_range* (both ends included) with their events, hamlet and branch, and of
    their record only ``COUNTED_FIELDS``: what a large roster's counts and reminders read, a part at a time. A
    third of the columns of :func:`load_roster`, and so of its dates to parse, for the same figures."""
    hamlets = {h.id: h.name for h in session.scalars(select(m.Hamlet))}
    units: dict[int, str] = {i: n for i, n in session.execute(select(m.OrgUnit.id, m.OrgUnit.name))}
    events = _roster_events(session, None, id_range)
    mt = m.Member.__table__
    query = select(mt.c.id, mt.c.org_unit_id, *(mt.c[name] for name in COUNTED_FIELDS)).where(
        mt.c.id.between(*id_range)
    )
    no_events: list[StatusEvent] = []
    out = []
    for member_id, unit_id, full_name, gender, ethnicity, admitted, decided, hamlet_id, born, card in session.execute(
        query
    ):
        record = _counted_record(
            {
                "full_name": full_name,
                "gender": gender,
                "ethnicity": ethnicity,
                "admission_date": admitted,
                "admission_decision_date": decided,
                "hamlet_id": hamlet_id,
                "date_of_birth": born,
                "card_number": card,
            }
        )
        out.append(
            RosterEntry(
                id=member_id,
                record=record,
                events=tuple(events.get(member_id, no_events)),
                hamlet=hamlets.get(hamlet_id or -1, ""),
                unit_id=unit_id,
                branch=units.get(unit_id, ""),
            )
        )
    return out


DUES_FIELDS = ("full_name", "gender", "date_of_birth", "admission_date", "admission_decision_date")
"""What the dues read of a member's record (``services/dues.py``: the name, the retirement age, the Party age);
the rest of the record is left at its default."""


def load_dues_facts(
    session: Session, org_units: Sequence[int] | None = None
) -> list[tuple[int, MemberRecord, tuple[StatusEvent, ...]]]:
    """(id, record, events) of every member (of *org_units*), in :func:`load_roster`'s order, with only
    ``DUES_FIELDS`` of the record: what a dues ledger is built from, without the roster's other columns, hamlets
    and units (a third of the export's dues figures went to reading them)."""
    events = _roster_events(session, None, None, org_units)
    mt = m.Member.__table__
    query = select(mt.c.id, *(mt.c[name] for name in DUES_FIELDS))
    if org_units is not None:
        query = query.where(mt.c.org_unit_id.in_(list(org_units)))
    no_events: list[StatusEvent] = []
    return [
        (
            values[0],
            _counted_record(dict(zip(DUES_FIELDS, values[1:], strict=True))),
            tuple(events.get(values[0], no_events)),
        )
        for values in session.execute(query)
    ]


def _roster_events(
    session: Session,
    ids: Sequence[int] | None,
    id_range: tuple[int, int] | None,
    org_units: Sequence[int] | None = None,
) -> dict[int, list[StatusEvent]]:
    """The status events of every member (or of *ids*, or of the ids in *id_range*, or of the members of
    *org_units*: a branch's at a committee, not every branch's), by member id."""
    events: dict[int, list[StatusEvent]] = defaultdict(list)
    t = m.StatusEventRow.__table__
    query = select(
        t.c.member_id, t.c.kind, t.c.on, t.c.end_date, t.c.decision_no, t.c.note, t.c.standing, t.c.id, t.c.seq
    )
    if org_units is not None:
        query = query.where(t.c.member_id.in_(select(m.Member.id).where(m.Member.org_unit_id.in_(list(org_units)))))
    if ids is not None:
        query = query.where(t.c.member_id.in_(list(ids)))
    if id_range is not None:
        query = query.where(t.c.member_id.between(*id_range))
    for member_id, kind, on, end_date, decision_no, note, standing, event_id, seq in session.execute(query):
        event: StatusEvent = object.__new__(StatusEvent)  # StatusEvent(...) field for field: see _counted_record
        vars(event).update(
            kind=_EVENT_KINDS.get(kind) or known(EventKind, kind, "status_event.kind"),
            on=on,
            end_date=end_date,
            decision_no=decision_no,
            note=note,
            standing=_STANDINGS.get(standing) or known_or_none(Standing, standing, "status_event.standing"),
            id=event_id,
            seq=seq,
        )
        events[member_id].append(event)
    return events


def _members(org_units: Sequence[int] | None) -> Any:
    mt = m.Member.__table__
    return mt, (mt.c.org_unit_id.in_(list(org_units)) if org_units is not None else true())


def member_count(session: Session, org_units: Sequence[int] | None = None) -> int:
    mt, where = _members(org_units)
    return int(session.execute(select(func.count()).select_from(mt).where(where)).scalar_one())


def member_id_bounds(session: Session, org_units: Sequence[int] | None = None) -> tuple[int, int] | None:
    mt, where = _members(org_units)
    low, high = session.execute(select(func.min(mt.c.id), func.max(mt.c.id)).where(where)).one()
    return None if low is None else (int(low), int(high))


def roster_index_rows(
    session: Session, org_units: Sequence[int] | None = None
) -> Iterator[tuple[int, int | None, str, str, int]]:
    """(id, hamlet id, gender, ethnicity, branch id) of every member in Vietnamese name order, read through the
    ``name_key`` index: what the roster screen of a large branch filters on, without the rows themselves."""
    mt, where = _members(org_units)
    query = select(mt.c.id, mt.c.hamlet_id, mt.c.gender, mt.c.ethnicity, mt.c.org_unit_id).where(where)
    for row in session.execute(query.order_by(mt.c.name_key, mt.c.id)):
        yield row[0], row[1], row[2], row[3], row[4]


def ids_matching(session: Session, words: Sequence[str], org_units: Sequence[int] | None = None) -> set[int]:
    """Members whose folded ``search_text`` holds every one of the folded *words*."""
    mt, where = _members(org_units)
    query = select(mt.c.id).where(where)
    for word in words:
        pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = query.where(mt.c.search_text.like(pattern, escape="\\"))
    return set(session.scalars(query))


ORDERED_COLUMNS = frozenset({"date_of_birth", "card_number", "cccd", "admission_date"})


def ids_ordered_by(session: Session, column: str, org_units: Sequence[int] | None = None) -> list[int]:
    """Every member's id ordered by *column* (one of ``ORDERED_COLUMNS``; rows without a date last, an empty
    number first), ties in name order."""
    if column not in ORDERED_COLUMNS:
        raise ValueError(column)
    mt, where = _members(org_units)
    value = mt.c[column]
    first = (value.is_(None), value) if column.endswith("date") else (value,)  # as the small roster sorts them
    query = select(mt.c.id).where(where).order_by(*first, mt.c.name_key, mt.c.id)
    return list(session.scalars(query))


def place_names(session: Session) -> tuple[dict[int, str], dict[int, str]]:
    """The names of every hamlet and of every branch (org unit), by id."""
    hamlets = {i: n for i, n in session.execute(select(m.Hamlet.id, m.Hamlet.name))}
    units = {i: n for i, n in session.execute(select(m.OrgUnit.id, m.OrgUnit.name))}
    return hamlets, units


def names_in_order(session: Session, ids: Sequence[int]) -> list[tuple[int, str]]:
    """(id, full name) of the members of *ids*, in Vietnamese name order."""
    mt = m.Member.__table__
    wanted = set(ids)
    query = select(mt.c.id, mt.c.full_name).order_by(mt.c.name_key, mt.c.id)
    return [(member_id, name) for member_id, name in session.execute(query) if member_id in wanted]


def identity_keys(session: Session) -> tuple[set[str], set[tuple[str, str]]]:
    """Existing CCCD numbers and (folded name, birth date) pairs, for spotting duplicates on import."""
    cccds: set[str] = set()
    names: set[tuple[str, str]] = set()
    for cccd, name, birth in session.execute(select(m.Member.cccd, m.Member.full_name, m.Member.date_of_birth)):
        if cccd:
            cccds.add(cccd)
        names.add((fold(name), birth.isoformat() if birth else ""))
    return cccds, names


def identities(session: Session, ids: Sequence[int]) -> dict[int, Identity]:
    """What tells the members of *ids* apart from others of the same name (date of birth, Party card number)."""
    mt = m.Member.__table__
    wanted = sorted(set(ids))
    found: dict[int, Identity] = {}
    for start in range(0, len(wanted), 900):  # within SQLite's limit of parameters to a statement
        chunk = wanted[start : start + 900]
        query = select(mt.c.id, mt.c.full_name, mt.c.date_of_birth, mt.c.card_number).where(mt.c.id.in_(chunk))
        for member_id, name, born, card in session.execute(query):
            found[member_id] = Identity(member_id, name, born, card or "")
    return found


def same_name(session: Session, branch_id: int, full_name: str) -> list[Identity]:
    """The members of the branch *branch_id* whose name is *full_name* as written, whatever the case
    (:func:`~chibo_desktop.domain.text.is_same_name`), with what tells them apart, in the order they were added. Read
    from the range of the name order index that holds the given name, so a roster of any size costs a few rows."""
    mt = m.Member.__table__
    start = given_name_order_prefix(full_name)
    query = (
        select(mt.c.id, mt.c.full_name, mt.c.date_of_birth, mt.c.card_number)
        .where(mt.c.name_key >= start, mt.c.name_key < start + "\U0010ffff", mt.c.org_unit_id == branch_id)
        .order_by(mt.c.id)
    )
    return [
        Identity(member_id, name, born, card or "")
        for member_id, name, born, card in session.execute(query)
        if is_same_name(name, full_name)
    ]


def namesakes(session: Session, ids: Sequence[int]) -> list[Identity]:
    """Every member of the branch of one of *ids* who has that one's name and shares it with another member of the
    same branch (both "Nguyễn Văn An", though only one is in *ids*), with what tells them apart; none when no two
    members of a branch share a name. At a committee two branches' members of the same name are not namesakes:
    every list of its branches' records names the branch. Found through the name order index."""
    mt = m.Member.__table__
    wanted = sorted(set(ids))
    keys: set[str] = set()
    for start in range(0, len(wanted), 900):  # within SQLite's limit of parameters to a statement
        chunk = wanted[start : start + 900]
        keys.update(key for (key,) in session.execute(select(mt.c.name_key).where(mt.c.id.in_(chunk))))
    same: dict[tuple[int, str], list[Identity]] = {}
    ordered = sorted(keys)
    for start in range(0, len(ordered), 900):
        chunk_keys = ordered[start : start + 900]
        query = select(mt.c.id, mt.c.org_unit_id, mt.c.full_name, mt.c.date_of_birth, mt.c.card_number).where(
            mt.c.name_key.in_(chunk_keys)
        )
        for member_id, unit_id, name, born, card in session.execute(query):
            same.setdefault((unit_id, name), []).append(Identity(member_id, name, born, card or ""))
    return [person for alike in same.values() if len(alike) > 1 for person in alike]
