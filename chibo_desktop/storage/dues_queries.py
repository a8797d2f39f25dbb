"""Dues queries: members' settings and decisions, and the journal, read and written as domain objects.

Journal lines are only ever inserted; nothing here updates or deletes one.
"""

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import case, delete, func, insert, select
from sqlalchemy.orm import Session

from chibo_desktop.domain.dues import (
    Category,
    Channel,
    Decision,
    DecisionKind,
    DecisionReason,
    DuesEntry,
    DuesSetting,
    EntryKind,
)
from chibo_desktop.domain.unit_figures import BranchDuesFigures as BranchDuesFigures
from chibo_desktop.storage import models as m
from chibo_desktop.storage.db import moment
from chibo_desktop.storage.models import new_uuid
from chibo_desktop.storage.stored_values import known


def _member_ids(org_units: Sequence[int]) -> Any:
    return select(m.Member.id).where(m.Member.org_unit_id.in_(list(org_units)))


def settings(session: Session, org_units: Sequence[int] | None = None) -> dict[int, list[DuesSetting]]:
    t = m.DuesSettingRow.__table__
    query = select(
        t.c.member_id, t.c.valid_from, t.c.category, t.c.base, t.c.region, t.c.pledged, t.c.note, t.c.id
    ).order_by(t.c.member_id, t.c.valid_from)
    if org_units is not None:
        query = query.where(t.c.member_id.in_(_member_ids(org_units)))
    out: dict[int, list[DuesSetting]] = defaultdict(list)
    for member_id, valid_from, category, base, region, pledged, note, row_id in session.execute(query):
        out[member_id].append(
            DuesSetting(
                member_id,
                valid_from,
                known(Category, category, "dues_setting.category"),
                base,
                region,
                pledged,
                note,
                row_id,
            )
        )
    return out


def save_setting(session: Session, setting: DuesSetting) -> int:
    """A member's settings from a month; settings saved for the same month are replaced (not yet in force twice)."""
    session.execute(
        delete(m.DuesSettingRow).where(
            m.DuesSettingRow.member_id == setting.member_id, m.DuesSettingRow.valid_from == setting.valid_from
        )
    )
    row = m.DuesSettingRow(
        member_id=setting.member_id,
        valid_from=setting.valid_from,
        category=setting.category.value,
        base=setting.base,
        region=setting.region,
        pledged=setting.pledged,
        note=setting.note,
        created_at=moment(session),
    )
    session.add(row)
    session.flush()
    return row.id


def _decision(r: m.DuesDecisionRow) -> Decision:
    return Decision(
        r.member_id,
        known(DecisionKind, r.kind, "dues_decision.kind"),
        r.percent,
        known(DecisionReason, r.reason, "dues_decision.reason"),
        r.start,
        r.end,
        r.decision_no,
        r.decided_on,
        r.note,
        r.id,
    )


def decisions(session: Session, org_units: Sequence[int] | None = None) -> dict[int, list[Decision]]:
    query = select(m.DuesDecisionRow).order_by(m.DuesDecisionRow.member_id, m.DuesDecisionRow.start)
    if org_units is not None:
        query = query.where(m.DuesDecisionRow.member_id.in_(_member_ids(org_units)))
    out: dict[int, list[Decision]] = defaultdict(list)
    for r in session.scalars(query):
        out[r.member_id].append(_decision(r))
    return out


def add_decision(session: Session, decision: Decision) -> int:
    row = m.DuesDecisionRow(
        member_id=decision.member_id,
        kind=decision.kind.value,
        percent=decision.percent,
        reason=decision.reason.value,
        start=decision.start,
        end=decision.end,
        decision_no=decision.decision_no,
        decided_on=decision.decided_on,
        note=decision.note,
        created_at=moment(session),
    )
    session.add(row)
    session.flush()
    return row.id


def decision(session: Session, decision_id: int) -> Decision | None:
    row = session.get(m.DuesDecisionRow, decision_id)
    return _decision(row) if row else None


def end_decision(session: Session, decision_id: int, last_month: date) -> None:
    row = session.get(m.DuesDecisionRow, decision_id)
    assert row is not None
    row.end = last_month


_KINDS = {kind.value: kind for kind in EntryKind}
_CHANNELS = {channel.value: channel for channel in Channel}


def entries(session: Session, org_units: Sequence[int] | None = None) -> list[DuesEntry]:
    t = m.DuesEntryRow.__table__
    query = select(
        t.c.id, t.c.kind, t.c.month, t.c.on, t.c.amount, t.c.member_id, t.c.channel, t.c.reverses_id, t.c.note,
        t.c.created_by, t.c.batch,
    ).order_by(t.c.month, t.c.id)  # fmt: skip
    if org_units is not None:
        query = query.where(t.c.org_unit_id.in_(list(org_units)))
    return [
        DuesEntry(
            id=entry_id,
            kind=_KINDS.get(kind) or known(EntryKind, kind, "dues_entry.kind"),
            month=month,
            on=on,
            amount=amount,
            member_id=member_id,
            channel=_CHANNELS.get(channel) or known(Channel, channel, "dues_entry.channel"),
            reverses=reverses,
            note=note,
            by=by,
            batch=batch,
        )
        for entry_id, kind, month, on, amount, member_id, channel, reverses, note, by, batch in session.execute(query)
    ]


def insert_entries(session: Session, branch_id: int, new: Sequence[DuesEntry]) -> list[int]:
    """Store new journal lines in one statement (their ids from the ledger are placeholders; the database gives
    the real ones, returned in order)."""
    if not new:
        return []
    now = moment(session)
    rows = [
        {
            "uuid": new_uuid(),
            "org_unit_id": branch_id,
            "kind": e.kind.value,
            "month": e.month,
            "on": e.on,
            "amount": e.amount,
            "member_id": e.member_id,
            "channel": e.channel.value,
            "reverses_id": e.reverses,
            "batch": e.batch,
            "note": e.note,
            "created_by": e.by,
            "created_at": now,
        }
        for e in new
    ]
    statement = insert(m.DuesEntryRow).returning(m.DuesEntryRow.id, sort_by_parameter_order=True)
    return list(session.execute(statement, rows).scalars())


def data_version(session: Session) -> int:
    """A number that changes with every change to the branch's records: the audit triggers log each insert, update
    and delete of the audited tables (members, events, rules, dues …) in the same transaction. A reader that saw the
    same number saw the same data."""
    return int(session.execute(select(func.coalesce(func.max(m.AuditRow.id), 0))).scalar_one())


def member_uuids(session: Session) -> dict[int, str]:
    return dict(session.execute(select(m.Member.id, m.Member.uuid)).all())


# --- at the upper level: the branches' dues as their packages reported them --------------------------------


def keep_branch_dues(
    session: Session, org_unit_id: int, members: Sequence[dict[str, Any]], months: Sequence[dict[str, Any]]
) -> None:
    """Replace what is kept of the unit's dues by its newest package's figures (dues.json, checked)."""
    session.execute(delete(m.BranchDuesRow).where(m.BranchDuesRow.org_unit_id == org_unit_id))
    session.execute(delete(m.BranchDuesPaidUpRow).where(m.BranchDuesPaidUpRow.org_unit_id == org_unit_id))
    if members:  # the tables' own inserts: the ORM's bulk insert does work per row that these plain rows need not
        session.execute(
            insert(m.Base.metadata.tables[m.BranchDuesRow.__tablename__]),
            [
                {
                    "org_unit_id": org_unit_id,
                    "member_uuid": r["member_uuid"],
                    "month": date.fromisoformat(r["month"]),
                    "due": r["due"],
                    "collected": r["collected"],
                    "owed": r["owed"],
                    "listed": r["listed"],
                    "exempt": r["exempt"],
                }
                for r in members
            ],
        )
    if months:
        session.execute(
            insert(m.Base.metadata.tables[m.BranchDuesPaidUpRow.__tablename__]),
            [
                {"org_unit_id": org_unit_id, "month": date.fromisoformat(r["month"]), "amount": r["paid_up"]}
                for r in months
            ],
        )


def branch_dues_figures(session: Session, first: date, last: date) -> dict[int, BranchDuesFigures]:
    """Unit → its dues over the months *first*..*last* (first days), for every unit that reported dues. Sums
    over the months; members exempt at the unit's last reported month up to *last*; members with something due
    in the range, paid up or not by then. Set-based: a few queries whatever the number of branches."""
    d = m.BranchDuesRow.__table__
    sums = dict(
        (unit, (due or 0, collected or 0))
        for unit, due, collected in session.execute(
            select(d.c.org_unit_id, func.sum(d.c.due), func.sum(d.c.collected))
            .where(d.c.month.between(first, last))
            .group_by(d.c.org_unit_id)
        )
    )
    p = m.BranchDuesPaidUpRow.__table__
    paid_up = dict(
        session.execute(
            select(p.c.org_unit_id, func.sum(p.c.amount))
            .where(p.c.month.between(first, last))
            .group_by(p.c.org_unit_id)
        ).all()
    )
    ends = (
        select(d.c.org_unit_id.label("unit"), func.max(d.c.month).label("month"))
        .where(d.c.month <= last)
        .group_by(d.c.org_unit_id)
        .subquery()
    )
    end = d.alias("end_row")
    exempt: dict[int, int] = dict(
        session.execute(
            select(end.c.org_unit_id, func.count())
            .join(ends, (ends.c.unit == end.c.org_unit_id) & (ends.c.month == end.c.month))
            .where(end.c.listed, end.c.exempt)
            .group_by(end.c.org_unit_id)
        ).all()
    )
    owing = (
        select(d.c.org_unit_id.label("unit"), d.c.member_uuid.label("member"))
        .where(d.c.month.between(first, last), d.c.due > 0)
        .distinct()
        .subquery()
    )
    settled = func.coalesce(end.c.owed, 0) <= 0
    counted = {
        unit: (paid or 0, total - (paid or 0))
        for unit, paid, total in session.execute(
            select(owing.c.unit, func.sum(case((settled, 1), else_=0)), func.count())
            .select_from(owing)
            .join(ends, ends.c.unit == owing.c.unit)
            .outerjoin(
                end,
                (end.c.org_unit_id == owing.c.unit)
                & (end.c.member_uuid == owing.c.member)
                & (end.c.month == ends.c.month),
            )
            .group_by(owing.c.unit)
        )
    }
    units = set(ends_units(session, last))
    return {
        unit: BranchDuesFigures(
            due=sums.get(unit, (0, 0))[0],
            collected=sums.get(unit, (0, 0))[1],
            members_paid=counted.get(unit, (0, 0))[0],
            members_unpaid=counted.get(unit, (0, 0))[1],
            paid_to_upper=paid_up.get(unit, 0) or 0,
            exempt=exempt.get(unit, 0),
        )
        for unit in units
    }


def unit_rows(
    session: Session, org_unit_id: int
) -> tuple[list[tuple[str, date, int, int, int, bool, bool]], list[tuple[date, int]]]:
    """What the unit's newest package reported: its rows (member, month, due, collected, owed, listed, exempt) and
    what it paid up each month."""
    d = m.BranchDuesRow.__table__
    rows = session.execute(
        select(d.c.member_uuid, d.c.month, d.c.due, d.c.collected, d.c.owed, d.c.listed, d.c.exempt).where(
            d.c.org_unit_id == org_unit_id
        )
    )
    p = m.BranchDuesPaidUpRow.__table__
    paid = session.execute(select(p.c.month, p.c.amount).where(p.c.org_unit_id == org_unit_id))
    return [tuple(r) for r in rows], [tuple(r) for r in paid]


def ends_units(session: Session, last: date) -> list[int]:
    """The units that reported dues for some month up to *last*."""
    d = m.BranchDuesRow.__table__
    return list(session.scalars(select(d.c.org_unit_id).where(d.c.month <= last).distinct()))


def unit_names(session: Session, unit_ids: Sequence[int]) -> dict[int, str]:
    rows = session.execute(select(m.OrgUnit.id, m.OrgUnit.name).where(m.OrgUnit.id.in_(list(unit_ids))))
    return dict(rows.all())
