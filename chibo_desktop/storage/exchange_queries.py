"""Records as the exchange package carries them (UUIDs for every reference), and merging them in by UUID.

Merging happens in the caller's transaction: all of a package or none of it. Status events, party cards and
fund entries are append-only: they are added when new and never changed.
"""

from collections import Counter
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from chibo_desktop.domain.text import fold
from chibo_desktop.storage import models as m
from chibo_desktop.storage.db import moment

Record = dict[str, Any]
MEMBER_FIELDS = (
    "full_name", "birth_name", "gender", "date_of_birth", "place_of_birth", "home_town", "residence", "ethnicity",
    "religion", "cccd", "phone", "occupation", "general_education", "professional_level", "political_theory",
    "foreign_language", "informatics", "admission_date", "admission_decision_no", "admission_decision_date",
    "official_date", "official_decision_no", "card_number", "biography_no", "badge_no", "badge_date",
    "party_position", "government_position",
)  # fmt: skip
EVENT_FIELDS = ("kind", "on", "end_date", "decision_no", "note", "standing", "seq")
MEETING_FIELDS = ("kind", "on", "start", "end", "place", "topic", "number", "scores_json", "approved_on")
FUND_FIELDS = (
    "name",
    "source",
    "custodian",
    "max_loan",
    "term_months",
    "rate_method",
    "rate",
    "schedule_kind",
    "grant",
)
LOAN_FIELDS = (
    "borrower", "reason", "purpose", "amount", "term_months", "rate_method", "rate", "schedule_kind", "approved_on",
    "decision_no", "approved_by", "disbursed_on", "grant",
)  # fmt: skip
ENTRY_FIELDS = ("kind", "amount", "on", "batch", "note", "decision_no", "created_by")
DATE_FIELDS = {
    "date_of_birth", "admission_date", "admission_decision_date", "official_date", "badge_date", "on", "end_date",
    "recorded_on", "approved_on", "due", "disbursed_on",
}  # fmt: skip


def _out(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _in(key: str, value: Any) -> Any:
    return date.fromisoformat(value) if key in DATE_FIELDS and isinstance(value, str) else value


def _row(obj: Any, fields: tuple[str, ...]) -> Record:
    return {f: _out(getattr(obj, f)) for f in fields}


def uuid_maps(session: Session) -> dict[str, dict[int, str]]:
    return {
        "member": dict(session.execute(select(m.Member.id, m.Member.uuid)).all()),
        "meeting": dict(session.execute(select(m.MeetingRow.id, m.MeetingRow.uuid)).all()),
        "fund": dict(session.execute(select(m.FundRow.id, m.FundRow.uuid)).all()),
        "loan": dict(session.execute(select(m.LoanRow.id, m.LoanRow.uuid)).all()),
        "entry": dict(session.execute(select(m.FundEntryRow.id, m.FundEntryRow.uuid)).all()),
        "hamlet": dict(session.execute(select(m.Hamlet.id, m.Hamlet.uuid)).all()),
        "org": dict(session.execute(select(m.OrgUnit.id, m.OrgUnit.uuid)).all()),
    }


def dump(session: Session, since: date | None = None) -> dict[str, list[Record]]:
    """Every record of this database, references as UUIDs. (The whole history travels: *since* is reserved.)"""
    ids = uuid_maps(session)

    def u(kind: str, value: int | None) -> str | None:
        return ids[kind].get(value) if value is not None else None

    data: dict[str, list[Record]] = {}
    data["org_units"] = [
        {
            "uuid": o.uuid,
            "name": o.name,
            "kind": o.kind,
            "place_name": o.place_name,
            "parent_uuid": u("org", o.parent_id),
        }
        for o in session.scalars(select(m.OrgUnit))
    ]
    data["hamlets"] = [
        {"uuid": h.uuid, "org_uuid": u("org", h.org_unit_id), "name": h.name, "position": h.position}
        for h in session.scalars(select(m.Hamlet))
    ]
    data["members"] = [
        {
            "uuid": x.uuid,
            "org_uuid": u("org", x.org_unit_id),
            "hamlet_uuid": u("hamlet", x.hamlet_id),
            **_row(x, MEMBER_FIELDS),
        }
        for x in session.scalars(select(m.Member))
    ]
    data["status_events"] = [
        {
            "uuid": e.uuid,
            "member_uuid": u("member", e.member_id),
            **_row(e, EVENT_FIELDS),
        }
        for e in session.scalars(select(m.StatusEventRow))
    ]
    data["party_cards"] = [
        {"uuid": c.uuid, "member_uuid": u("member", c.member_id), **_row(c, ("number", "recorded_on", "note"))}
        for c in session.scalars(select(m.PartyCard))
    ]
    meetings = []
    for row in session.scalars(select(m.MeetingRow)):
        mid = row.id
        record = {
            "uuid": row.uuid,
            "org_uuid": u("org", row.org_unit_id),
            **_row(row, MEETING_FIELDS),
            "chair_uuid": u("member", row.chair_id),
            "secretary_uuid": u("member", row.secretary_id),
            "guests": [
                _row(g, ("uuid", "position_no", "name", "position", "unit"))
                for g in session.scalars(select(m.MeetingGuest).where(m.MeetingGuest.meeting_id == mid))
            ],
            "agenda": [
                {
                    **_row(a, ("uuid", "position_no", "title", "presenter", "content", "conclusion")),
                    "opinions": [
                        {
                            **_row(o, ("uuid", "position_no", "speaker", "summary")),
                            "member_uuid": u("member", o.member_id),
                        }
                        for o in session.scalars(select(m.OpinionRow).where(m.OpinionRow.agenda_item_id == a.id))
                    ],
                }
                for a in session.scalars(select(m.AgendaItemRow).where(m.AgendaItemRow.meeting_id == mid))
            ],
            "resolutions": [
                _row(r, ("uuid", "position_no", "text", "votes_for", "votes_against", "votes_abstain", "entitled"))
                for r in session.scalars(select(m.ResolutionRow).where(m.ResolutionRow.meeting_id == mid))
            ],
            "assignments": [
                {**_row(a, ("uuid", "name", "task", "due")), "member_uuid": u("member", a.member_id)}
                for a in session.scalars(select(m.AssignmentRow).where(m.AssignmentRow.meeting_id == mid))
            ],
            "attendance": [
                {
                    **_row(a, ("uuid", "name", "role", "mark", "reason", "spoke")),
                    "member_uuid": u("member", a.member_id),
                }
                for a in session.scalars(select(m.AttendanceRow).where(m.AttendanceRow.meeting_id == mid))
            ],
            "addenda": [
                _row(a, ("uuid", "on", "reason", "text"))
                for a in session.scalars(select(m.AddendumRow).where(m.AddendumRow.meeting_id == mid))
            ],
        }
        meetings.append(record)
    data["meetings"] = meetings
    data["funds"] = [
        {
            "uuid": f.uuid,
            "org_uuid": u("org", f.org_unit_id),
            **_row(
                f,
                FUND_FIELDS,
            ),
        }
        for f in session.scalars(select(m.FundRow))
    ]
    data["loans"] = [
        {
            "uuid": x.uuid,
            "fund_uuid": u("fund", x.fund_id),
            "member_uuid": u("member", x.member_id),
            "meeting_uuid": u("meeting", x.meeting_id),
            **_row(
                x,
                LOAN_FIELDS,
            ),
            "plan": [
                _row(i, ("number", "due", "principal", "fee"))
                for i in session.scalars(
                    select(m.InstallmentRow).where(m.InstallmentRow.loan_id == x.id).order_by(m.InstallmentRow.number)
                )
            ],
        }
        for x in session.scalars(select(m.LoanRow))
    ]
    data["fund_entries"] = [
        {
            "uuid": e.uuid,
            "fund_uuid": u("fund", e.fund_id),
            "loan_uuid": u("loan", e.loan_id),
            "member_uuid": u("member", e.member_id),
            "reverses_uuid": u("entry", e.reverses_id),
            **_row(e, ("kind", "amount", "on", "batch", "note", "decision_no", "created_by", "created_at")),
        }
        for e in session.scalars(select(m.FundEntryRow))
    ]
    return data


class _Merge:
    """Counts what a merge did: per table, new / updated / unchanged / conflicts."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.counts: dict[str, Counter[str]] = {}
        self.ids: dict[str, dict[str, int]] = {k: {v: i for i, v in d.items()} for k, d in uuid_maps(session).items()}

    def note(self, table: str, outcome: str) -> None:
        self.counts.setdefault(table, Counter())[outcome] += 1

    def ref(self, kind: str, uuid: str | None) -> int | None:
        if uuid is None:
            return None
        found = self.ids[kind].get(uuid)
        if found is None:
            raise ValueError(f"{kind} {uuid} is referenced but not in the package")
        return found

    def upsert(
        self, table: str, model: Any, kind: str | None, uuid: str, values: Record, append_only: bool = False
    ) -> Any:
        values = {k: _in(k, v) for k, v in values.items()}
        row = self.session.scalars(select(model).where(model.uuid == uuid)).first()
        if row is None:
            row = model(uuid=uuid, **values)
            self.session.add(row)
            self.session.flush()
            if kind:
                self.ids[kind][uuid] = row.id
            self.note(table, "new")
            return row
        changed = {k: v for k, v in values.items() if getattr(row, k) != v}
        if not changed or append_only:
            self.note(table, "unchanged" if not changed else "conflicts")
            return row
        for k, v in changed.items():
            setattr(row, k, v)
        self.note(table, "updated")
        return row


def merge(
    session: Session, data: dict[str, list[Record]], parent_id: int, sender: str | None = None
) -> dict[str, dict[str, int]]:
    """Bring a branch's records in; the branch's org unit hangs under *parent_id*. Returns the counts.

    *sender* is the UUID of the unit that made the package: a committee's package carries its own unit (of kind
    "committee") with its branches below it; of the other committees in a package, none is taken."""
    g = _Merge(session)
    # Branch units keep their place in the tree: a unit whose parent travels in the package hangs under it (a
    # commune's package carries its branches); the others hang under this database's own unit.
    units = {o["uuid"]: o for o in data["org_units"] if o["kind"] == "branch" or o["uuid"] == sender}
    placed: set[str] = set()
    while len(placed) < len(units):
        progress = False
        for uuid, o in units.items():
            if uuid in placed or (o["parent_uuid"] in units and o["parent_uuid"] not in placed):
                continue
            parent = g.ref("org", o["parent_uuid"]) if o["parent_uuid"] in units else parent_id
            g.upsert(
                "org_units",
                m.OrgUnit,
                "org",
                uuid,
                {
                    "name": o["name"],
                    "kind": "committee" if o["kind"] == "committee" else "branch",
                    "place_name": o["place_name"],
                    "parent_id": parent,
                    "is_self": False,
                },
            )
            placed.add(uuid)
            progress = True
        if not progress:
            raise ValueError("the organisation tree in the package has a loop")
    for h in data["hamlets"]:
        g.upsert(
            "hamlets",
            m.Hamlet,
            "hamlet",
            h["uuid"],
            {"org_unit_id": g.ref("org", h["org_uuid"]), "name": h["name"], "position": h["position"]},
        )
    for x in data["members"]:
        values = {f: x[f] for f in MEMBER_FIELDS}
        values.update(org_unit_id=g.ref("org", x["org_uuid"]), hamlet_id=g.ref("hamlet", x["hamlet_uuid"]))
        values["search_text"] = fold(
            " ".join(str(values.get(k) or "") for k in ("full_name", "birth_name", "card_number", "cccd"))
        )
        g.upsert("members", m.Member, "member", x["uuid"], values)
    for e in data["status_events"]:
        values = {k: e[k] for k in EVENT_FIELDS}
        values["member_id"] = g.ref("member", e["member_uuid"])
        g.upsert("status_events", m.StatusEventRow, None, e["uuid"], values, append_only=True)
    for c in data["party_cards"]:
        g.upsert(
            "party_cards",
            m.PartyCard,
            None,
            c["uuid"],
            {
                "member_id": g.ref("member", c["member_uuid"]),
                "number": c["number"],
                "recorded_on": c["recorded_on"],
                "note": c["note"],
            },
            append_only=True,
        )
    for x in data["meetings"]:
        values = {k: x[k] for k in MEETING_FIELDS}
        values.update(
            org_unit_id=g.ref("org", x["org_uuid"]),
            chair_id=g.ref("member", x["chair_uuid"]),
            secretary_id=g.ref("member", x["secretary_uuid"]),
        )
        before = Counter(g.counts.get("meetings", Counter()))
        row = g.upsert("meetings", m.MeetingRow, "meeting", x["uuid"], values)
        outcome = next(k for k, v in g.counts["meetings"].items() if v != before.get(k, 0))
        if outcome in ("new", "updated") or _children_differ(session, row.id, x):
            if outcome == "unchanged":
                g.counts["meetings"]["unchanged"] -= 1
                g.note("meetings", "updated")
            _replace_children(session, g, row.id, x)
    for f in data["funds"]:
        values = {k: f[k] for k in FUND_FIELDS}
        values["org_unit_id"] = g.ref("org", f["org_uuid"])
        g.upsert("funds", m.FundRow, "fund", f["uuid"], values)
    for x in data["loans"]:
        values = {k: x[k] for k in LOAN_FIELDS}
        values.update(
            fund_id=g.ref("fund", x["fund_uuid"]),
            member_id=g.ref("member", x["member_uuid"]),
            meeting_id=g.ref("meeting", x["meeting_uuid"]),
        )
        row = g.upsert("loans", m.LoanRow, "loan", x["uuid"], values)
        session.execute(delete(m.InstallmentRow).where(m.InstallmentRow.loan_id == row.id))
        for i in x["plan"]:
            session.add(m.InstallmentRow(loan_id=row.id, **{k: _in(k, v) for k, v in i.items()}))
    for e in sorted(data["fund_entries"], key=lambda e: e["reverses_uuid"] is not None):
        values = {k: e[k] for k in ENTRY_FIELDS}
        values.update(
            fund_id=g.ref("fund", e["fund_uuid"]),
            loan_id=g.ref("loan", e["loan_uuid"]),
            member_id=g.ref("member", e["member_uuid"]),
            reverses_id=g.ref("entry", e["reverses_uuid"]),
            created_at=datetime.fromisoformat(e["created_at"]) if e["created_at"] else None,
        )
        g.upsert("fund_entries", m.FundEntryRow, "entry", e["uuid"], values, append_only=True)
    session.flush()
    return {table: dict(counter) for table, counter in g.counts.items()}


def _children_differ(session: Session, meeting_id: int, record: Record) -> bool:
    stored = {
        a.uuid: (a.mark, a.reason)
        for a in session.scalars(select(m.AttendanceRow).where(m.AttendanceRow.meeting_id == meeting_id))
    }
    incoming = {a["uuid"]: (a["mark"], a["reason"]) for a in record["attendance"]}
    addenda = {a.uuid for a in session.scalars(select(m.AddendumRow).where(m.AddendumRow.meeting_id == meeting_id))}
    return stored != incoming or addenda != {a["uuid"] for a in record["addenda"]}


def _replace_children(session: Session, g: _Merge, meeting_id: int, x: Record) -> None:
    for table in (m.MeetingGuest, m.AgendaItemRow, m.ResolutionRow, m.AssignmentRow, m.AttendanceRow, m.AddendumRow):
        session.execute(delete(table).where(table.meeting_id == meeting_id))
    session.flush()
    for guest in x["guests"]:
        session.add(m.MeetingGuest(meeting_id=meeting_id, **guest))
    for item in x["agenda"]:
        opinions = item["opinions"]
        row = m.AgendaItemRow(meeting_id=meeting_id, **{k: v for k, v in item.items() if k != "opinions"})
        session.add(row)
        session.flush()
        for o in opinions:
            session.add(
                m.OpinionRow(
                    agenda_item_id=row.id,
                    member_id=g.ref("member", o["member_uuid"]),
                    **{k: v for k, v in o.items() if k != "member_uuid"},
                )
            )
    for r in x["resolutions"]:
        session.add(m.ResolutionRow(meeting_id=meeting_id, **r))
    for a in x["assignments"]:
        session.add(
            m.AssignmentRow(
                meeting_id=meeting_id,
                member_id=g.ref("member", a["member_uuid"]),
                **{k: _in(k, v) for k, v in a.items() if k != "member_uuid"},
            )
        )
    for a in x["attendance"]:
        session.add(
            m.AttendanceRow(
                meeting_id=meeting_id,
                member_id=g.ref("member", a["member_uuid"]),
                **{k: v for k, v in a.items() if k != "member_uuid"},
            )
        )
    for a in x["addenda"]:
        session.add(m.AddendumRow(meeting_id=meeting_id, **{k: _in(k, v) for k, v in a.items()}))


# --- keys and logs ----------------------------------------------------------------------------------------


def get_key(session: Session, purpose: str) -> tuple[bytes, bytes] | None:
    row = session.scalars(select(m.KeyRow).where(m.KeyRow.purpose == purpose)).first()
    return (row.private, row.public) if row else None


def set_key(session: Session, purpose: str, private: bytes, public: bytes) -> None:
    session.add(m.KeyRow(purpose=purpose, private=private, public=public))


def last_export(session: Session) -> tuple[int, str | None]:
    row = session.scalars(select(m.ExportRow).order_by(m.ExportRow.sequence.desc())).first()
    return (row.sequence, row.sha256) if row else (0, None)


def record_export(session: Session, sequence: int, file_name: str, sha256: str) -> None:
    session.add(m.ExportRow(sequence=sequence, file_name=file_name, sha256=sha256))


def org_id(session: Session, uuid: str) -> int | None:
    return session.scalars(select(m.OrgUnit.id).where(m.OrgUnit.uuid == uuid)).first()


def branch_key(session: Session, org_unit_id: int) -> bytes | None:
    return session.scalars(select(m.BranchKeyRow.public).where(m.BranchKeyRow.org_unit_id == org_unit_id)).first()


def register_branch_key(session: Session, org_unit_id: int, public: bytes) -> None:
    session.add(m.BranchKeyRow(org_unit_id=org_unit_id, public=public))


def imported(session: Session, sha256: str) -> bool:
    return session.scalars(select(m.ImportRow.id).where(m.ImportRow.sha256 == sha256)).first() is not None


def last_import(session: Session, org_unit_id: int) -> int:
    row = session.scalars(
        select(m.ImportRow).where(m.ImportRow.org_unit_id == org_unit_id).order_by(m.ImportRow.sequence.desc())
    ).first()
    return row.sequence if row else 0


def record_import(
    session: Session, org_unit_id: int, sequence: int, sha256: str, created_at: str, covers_to: date | None
) -> None:
    session.add(
        m.ImportRow(
            org_unit_id=org_unit_id,
            sequence=sequence,
            sha256=sha256,
            created_at_branch=created_at,
            covers_to=covers_to,
            imported_at=moment(session),
        )
    )


def self_unit(session: Session) -> int | None:
    """The org unit this database stands for: its own branch, or the committee it keeps if it has no branch."""
    return session.scalars(select(m.OrgUnit.id).where(m.OrgUnit.is_self)).first()


def received_branches(session: Session) -> list[tuple[int, str, str, int, datetime | None, date | None]]:
    """(id, uuid, name, last sequence, last imported at, last day its data covers) of the units (branches, or
    committees below this one) whose packages this database took in."""
    rows = session.execute(
        select(m.OrgUnit.id, m.OrgUnit.uuid, m.OrgUnit.name).where(m.OrgUnit.is_self.is_(False))
    ).all()
    out = []
    for unit_id, uuid, name in rows:
        last = session.scalars(
            select(m.ImportRow).where(m.ImportRow.org_unit_id == unit_id).order_by(m.ImportRow.sequence.desc())
        ).first()
        if last is not None:
            out.append((unit_id, uuid, name, last.sequence, last.imported_at, last.covers_to))
    return sorted(out, key=lambda r: r[2])


def export_by_hash(session: Session, sha256: str) -> int | None:
    """The sequence of this database's package with that hash, if it wrote one."""
    return session.scalars(select(m.ExportRow.sequence).where(m.ExportRow.sha256 == sha256)).first()


def upper_key(session: Session) -> bytes | None:
    return session.scalars(select(m.AckRow.upper_key).limit(1)).first()


def ack_recorded(session: Session, sequence: int) -> bool:
    return session.scalars(select(m.AckRow.id).where(m.AckRow.sequence == sequence)).first() is not None


def record_ack(session: Session, sequence: int, received_on: str, upper_name: str, key: bytes) -> bool:
    """False when this receipt was already recorded."""
    if ack_recorded(session, sequence):
        return False
    session.add(m.AckRow(sequence=sequence, received_on=received_on, upper_name=upper_name, upper_key=key))
    return True


def last_ack(session: Session) -> tuple[int, str, str] | None:
    row = session.scalars(select(m.AckRow).order_by(m.AckRow.sequence.desc())).first()
    return (row.sequence, row.received_on, row.upper_name) if row else None


def exported_names(session: Session) -> set[str]:
    return set(session.scalars(select(m.ExportRow.file_name)))


def subtree(session: Session, unit_id: int) -> list[int]:
    """*unit_id* and every unit below it."""
    children: dict[int | None, list[int]] = {}
    for child, parent in session.execute(select(m.OrgUnit.id, m.OrgUnit.parent_id)).all():
        children.setdefault(parent, []).append(child)
    found, stack = [], [unit_id]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(children.get(current, []))
    return found


def approved_meetings(session: Session) -> list[tuple[int, str]]:
    """(id, uuid) of the approved meetings, whose printed minutes may travel in the package."""
    rows = session.execute(
        select(m.MeetingRow.id, m.MeetingRow.uuid).where(m.MeetingRow.approved_on.is_not(None))
    ).all()
    return [(row[0], row[1]) for row in rows]


def store_minutes(session: Session, attachments: dict[str, bytes]) -> int:
    """Keep received minutes PDFs (``minutes/<uuid>.pdf``); one already kept is left as it was."""
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
