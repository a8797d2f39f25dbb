"""The upper level's review list of members sent by two units (storage/member_conflicts.py): what waits, and the
operator's decision — keep the stored version, or take the sent one — recorded in the log of changes."""

from dataclasses import dataclass
from datetime import date, datetime

from chibo_desktop.domain.dates import screen_date
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, messages
from chibo_desktop.services.audit_words import column
from chibo_desktop.services.changes import Change, Topic
from chibo_desktop.storage import exchange_log, figures_queries, member_conflicts, package_records
from chibo_desktop.storage.db import Database, moment
from chibo_desktop.storage.package_records import MergeConflictError

_msg = messages("Conflicts")
# The fields a difference is not shown for: the unit is a column of its own, the rest is bookkeeping.
_NOT_COMPARED = frozenset({"uuid", "org_uuid", "photo"})


@dataclass(frozen=True)
class Difference:
    field: str  # its label, to translate in the context "Audit"
    stored: str
    sent: str


@dataclass(frozen=True)
class Conflict:
    """One member sent by a unit while this database holds it for another."""

    id: int
    member_uuid: str
    stored_name: str
    stored_unit: str
    sent_name: str
    sent_unit: str
    sequence: int  # the sending unit's package that brought it (the newest, if several did)
    received_at: datetime
    differences: tuple[Difference, ...]
    held: int  # how many of the sending unit's records wait with it
    state: str  # waiting, kept, taken
    resolved_at: datetime | None
    resolved_by: str


def _shown(name: str, value: object, hamlets: dict[str, str]) -> str:
    if value is None:
        return ""
    if name == "hamlet_uuid":
        return hamlets.get(str(value), "")
    if name.endswith("date") or name == "date_of_birth":
        try:
            return screen_date(date.fromisoformat(str(value)))
        except ValueError:
            return str(value)
    return str(value)


class ConflictService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def waiting_count(self) -> int:
        """How many members sent by two units wait for a decision: the one count the tab's title, ``chibo stats``,
        the report of all branches and the command line's note after an import show."""
        with self._db.read() as session:
            return exchange_log.conflicts_waiting(session)  # the one count: services/received.py reads it too

    def conflicts(self, waiting_only: bool = True) -> tuple[Conflict, ...]:
        """The review list, oldest first."""
        with self._db.read() as session:
            found = member_conflicts.entries(session, waiting_only)
            hamlets = member_conflicts.hamlet_names(session)
        out = []
        for e in found:
            differences = []
            for name, sent in e.sent.items():
                stored = e.stored.get(name)
                if name in _NOT_COMPARED or stored == sent:
                    continue
                described = column("member", "hamlet_id" if name == "hamlet_uuid" else name)
                label = described.label if described is not None else name
                differences.append(Difference(label, _shown(name, stored, hamlets), _shown(name, sent, hamlets)))
            out.append(
                Conflict(
                    e.id,
                    e.member_uuid,
                    str(e.stored.get("full_name", "")),
                    e.stored_unit,
                    str(e.sent.get("full_name", "")),
                    e.sent_unit,
                    e.sequence,
                    e.received_at,
                    tuple(differences),
                    sum(e.held.values()),
                    e.state,
                    e.resolved_at,
                    e.resolved_by,
                )
            )
        return tuple(out)

    def resolve(self, conflict_id: int, take: bool) -> Change:
        """Keep the stored version (*take* False) or take the sent one: the member then belongs to the sending
        unit, with the sent record and the records that waited with it. Who decided, and when, is logged."""
        try:
            with self._db.write() as session:
                units = figures_queries.conflict_units(session, conflict_id)
                member_conflicts.resolve(session, conflict_id, take, moment(session), self._db.actor)
                if take:  # the member and the records that waited with it moved: both units' kept figures change
                    from chibo_desktop.services import unit_figures  # loaded with the stats, not with the window

                    moved = package_records.subtrees(session, units)
                    unit_figures.refresh(
                        session, [u for found in moved.values() for u in found], self._db.clock.today()
                    )
        except member_conflicts.NotWaitingError:
            raise UserError(
                _msg(
                    QT_TRANSLATE_NOOP(
                        "Conflicts", "This conflict was decided already (or is not in the list). Nothing was changed."
                    )
                )
            ) from None
        except MergeConflictError:
            raise UserError(
                _msg(
                    QT_TRANSLATE_NOOP(
                        "Conflicts",
                        "The sent records refer to records that are no longer here. Nothing was changed; take in the "
                        "sending unit's newest package, then decide again.",
                    )
                )
            ) from None
        return Change(frozenset({Topic.MEMBERS, Topic.MEETINGS, Topic.FUNDS}))
