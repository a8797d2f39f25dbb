"""The roster: add and edit members, record status events, and compute what the roster screen shows."""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from chibo_desktop.domain.clock import Clock
from chibo_desktop.domain.dates import Period
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message
from chibo_desktop.domain.members import (
    EventKind,
    Member,
    MemberRecord,
    MemberState,
    Standing,
    StatusEvent,
    cccd_codes,
    check_new_event,
    state_on,
    validate_member,
)
from chibo_desktop.domain.roster import (
    BadgeMilestone,
    ProbationReminder,
    RosterCounts,
    RosterEntry,
    RosterRow,
    badge_milestones,
    count_roster,
    probation_reminders,
)
from chibo_desktop.domain.rules import RuleBook
from chibo_desktop.domain.text import collation_key, name_sort_key, nfc
from chibo_desktop.services.changes import Change, Topic
from chibo_desktop.services.gc_pause import paused_gc
from chibo_desktop.services.organisation import OrganisationService
from chibo_desktop.services.rules import RulesService
from chibo_desktop.storage import member_queries, term_queries
from chibo_desktop.storage.db import Database


class JoinKind(StrEnum):
    """How a new member came to be listed in this branch."""

    ADMITTED = "admitted"  # admitted by this branch: events follow the admission and official dates
    TRANSFERRED_IN = "transferred_in"
    ATTACHED_IN = "attached_in"


@dataclass(frozen=True)
class Joining:
    kind: JoinKind = JoinKind.ADMITTED
    on: date | None = None  # the transfer or attachment date; unused when admitted here
    decision_no: str = ""
    until: date | None = None  # end of a temporary attachment
    note: str = ""  # e.g. where the member came from


@dataclass(frozen=True)
class Roster:
    """A snapshot of the roster on one day: rows for the screen (in Vietnamese name order), entries and states
    for counts and reminders."""

    on: date
    rows: tuple[RosterRow, ...]
    entries: tuple[tuple[RosterEntry, MemberState], ...]
    ethnicities: tuple[str, ...] = ()


@dataclass(frozen=True)
class RosterOverview:
    """Everything the roster and reminders screens show, computed together off the GUI thread."""

    roster: Roster
    counts: RosterCounts
    probation: tuple[ProbationReminder, ...]
    badges: tuple[BadgeMilestone, ...]


def _fields_message() -> Message:
    return Message(
        "Validation", QT_TRANSLATE_NOOP("Validation", "Some fields need attention; see the messages beside them.")
    )


def _row(entry: RosterEntry, state: MemberState, search: str) -> RosterRow:
    r = entry.record
    return RosterRow(
        id=entry.id,
        full_name=r.full_name,
        gender=r.gender,
        date_of_birth=r.date_of_birth,
        hamlet=entry.hamlet,
        hamlet_id=r.hamlet_id,
        ethnicity=r.ethnicity,
        card_number=r.card_number,
        cccd=r.cccd,
        admission_date=r.admission_date,
        official_date=r.official_date,
        status=state.status.value,
        search=search,
        sort_key=name_sort_key(r.full_name),
        unit_id=entry.unit_id,
        branch=entry.branch,
    )


def initial_events(record: MemberRecord, joining: Joining) -> list[StatusEvent]:
    """The first events of a new member, from the record's dates and how the member joined."""
    if joining.kind == JoinKind.ADMITTED:
        assert record.admission_date is not None
        events = [StatusEvent(EventKind.ADMITTED, record.admission_date, decision_no=record.admission_decision_no)]
        if record.official_date:
            events.append(
                StatusEvent(
                    EventKind.RECOGNISED_OFFICIAL, record.official_date, decision_no=record.official_decision_no
                )
            )
        return events
    standing = (
        Standing.OFFICIAL
        if record.official_date and joining.on and record.official_date <= joining.on
        else Standing.PROBATIONARY
    )
    kind = EventKind.TRANSFERRED_IN if joining.kind == JoinKind.TRANSFERRED_IN else EventKind.ATTACHED_IN
    assert joining.on is not None
    events = [
        StatusEvent(
            kind,
            joining.on,
            end_date=joining.until,
            decision_no=nfc(joining.decision_no),
            note=nfc(joining.note),
            standing=standing,
        )
    ]
    if standing == Standing.PROBATIONARY and record.official_date and record.official_date > joining.on:
        events.append(
            StatusEvent(EventKind.RECOGNISED_OFFICIAL, record.official_date, decision_no=record.official_decision_no)
        )
    return events


class MemberService:
    def __init__(self, db: Database, rules: RulesService, organisation: OrganisationService, clock: Clock) -> None:
        self._db = db
        self._rules = rules
        self._organisation = organisation
        self._clock = clock
        self._today = clock.today

    # --- reading ------------------------------------------------------------------------------------------

    def roster(self, on: date | None = None, org_units: Sequence[int] | None = None) -> Roster:
        """All members (of one branch, at the upper level) with their state on *on* (today by default)."""
        day = on or self._today()
        with paused_gc():
            with self._db.read() as session:
                loaded = member_queries.load_roster(session, org_units)
            entries = [(entry, state_on(entry.events, day)) for entry, _search in loaded]
            rows = [
                _row(entry, state, search) for (entry, state), (_entry, search) in zip(entries, loaded, strict=True)
            ]
        rows.sort(key=lambda r: r.sort_key)  # done here, off the GUI thread: the screen's default order
        ethnicities = sorted({r.ethnicity for r in rows if r.ethnicity}, key=collation_key)
        return Roster(day, tuple(rows), tuple(entries), tuple(ethnicities))

    def states(self, on: date) -> Roster:
        """Every member with their state on *on*, for counting: no screen rows, no order."""
        with paused_gc():
            with self._db.read() as session:
                loaded = member_queries.load_roster(session, None)
            entries = tuple((entry, state_on(entry.events, on)) for entry, _search in loaded)
        return Roster(on, (), entries, ())

    def overview(self, period: Period, badge_year: int) -> RosterOverview:
        """The roster today with its counts for *period*, probation reminders and badge milestones of *badge_year*."""
        roster = self.roster()
        return RosterOverview(
            roster=roster,
            counts=self.counts(roster, period),
            probation=tuple(self.probation_reminders(roster)),
            badges=tuple(self.badge_milestones(roster, badge_year)),
        )

    def get(self, member_id: int) -> Member:
        with self._db.read() as session:
            member = member_queries.get_member(session, member_id)
        if member is None:
            raise UserError(Message("Member", QT_TRANSLATE_NOOP("Member", "This member no longer exists.")))
        return member

    def photo(self, member_id: int) -> bytes | None:
        with self._db.read() as session:
            return member_queries.get_photo(session, member_id)

    def counts(self, roster: Roster, period: Period) -> RosterCounts:
        majority = self._rules.book().get("ethnicity.majority", roster.on)
        return count_roster(roster.entries, roster.on, period, majority)

    def probation_reminders(self, roster: Roster) -> list[ProbationReminder]:
        with self._db.read() as session:
            holidays = term_queries.holiday_days(session)
        return probation_reminders(roster.entries, roster.on, self._rules.book(), holidays)

    def badge_milestones(self, roster: Roster, year: int) -> list[BadgeMilestone]:
        return badge_milestones(roster.entries, year, self._rules.book())

    # --- writing ------------------------------------------------------------------------------------------

    def validate(self, record: MemberRecord, joining: Joining | None = None) -> dict[str, Message]:
        """Field → message for everything wrong with *record* (and, for a new member, how they joined)."""
        today = self._today()
        rules: RuleBook = self._rules.book()
        clean = record.normalised()
        min_age = int(rules.get("admission.min_age", clean.admission_date or today))
        try:
            codes = cccd_codes(rules.get("cccd.century_gender", today))
        except KeyError:  # a database from before the rule: the number is checked for its length only
            codes = {}
        errors = validate_member(clean, today, min_age, codes)
        if joining is not None and joining.kind != JoinKind.ADMITTED:
            if joining.on is None:
                errors["joined_on"] = Message(
                    "Validation", QT_TRANSLATE_NOOP("Validation", "Enter the date the member joined this branch.")
                )
            elif joining.on > today:
                errors["joined_on"] = Message(
                    "Validation", QT_TRANSLATE_NOOP("Validation", "This date is in the future.")
                )
            elif clean.admission_date and joining.on < clean.admission_date:
                errors["joined_on"] = Message(
                    "Validation",
                    QT_TRANSLATE_NOOP(
                        "Validation", "A member cannot join the branch before being admitted to the Party."
                    ),
                )
        if clean.hamlet_id is not None:
            organisation = self._organisation.get()
            if organisation is None or clean.hamlet_id not in {h.id for h in organisation.hamlets}:
                errors["hamlet_id"] = Message(
                    "Validation", QT_TRANSLATE_NOOP("Validation", "Choose a hamlet of this branch.")
                )
        return errors

    def add(self, record: MemberRecord, joining: Joining = Joining()) -> Change:
        self._organisation.require_own_records()
        clean = record.normalised()
        errors = self.validate(clean, joining)
        if errors:
            raise UserError(_fields_message(), errors)
        branch = self._organisation.require_own_records()
        events = initial_events(clean, joining)
        with self._db.write() as session:
            member_id, _uuid = member_queries.add_member(session, branch.branch_id, clean, events)
        return Change.of(Topic.MEMBERS, member_id)

    def update(self, member_id: int, record: MemberRecord) -> Change:
        self._organisation.require_own_records()
        clean = record.normalised()
        errors = self.validate(clean)
        if errors:
            raise UserError(_fields_message(), errors)
        with self._db.write() as session:
            changed = member_queries.update_member(session, member_id, clean)
        return Change.of(Topic.MEMBERS, member_id) if changed else Change(frozenset())

    def set_photo(self, member_id: int, photo: bytes | None) -> Change:
        self._organisation.require_own_records()
        with self._db.write() as session:
            member_queries.set_photo(session, member_id, photo)
        return Change.of(Topic.MEMBERS, member_id)

    def add_event(self, member_id: int, event: StatusEvent) -> Change:
        """Append a status event; it must fit the member's history and may not lie in the future."""
        self._organisation.require_own_records()
        event = replace(event, decision_no=nfc(event.decision_no), note=nfc(event.note))
        if event.on is None:  # the dialog reads its date field first; other callers may not
            raise UserError(
                Message("Event", QT_TRANSLATE_NOOP("Event", "Write the date of the event.")),
                {
                    "on": Message(
                        "Validation",
                        QT_TRANSLATE_NOOP("Validation", "Write the date as dd/mm/yyyy, for example 05/02/1970."),
                    )
                },
            )
        if event.on > self._today():
            raise UserError(
                Message("Event", QT_TRANSLATE_NOOP("Event", "The date of the event is in the future.")),
                {"on": Message("Validation", QT_TRANSLATE_NOOP("Validation", "This date is in the future."))},
            )
        with self._db.write() as session:
            member = member_queries.get_member(session, member_id)
            if member is None:
                raise UserError(Message("Member", QT_TRANSLATE_NOOP("Member", "This member no longer exists.")))
            problem = check_new_event(member.events, event)
            if problem is not None:
                raise UserError(problem, {"on": problem})
            member_queries.add_event(session, member_id, event)
            if event.kind == EventKind.RECOGNISED_OFFICIAL and member.record.official_date is None:
                member_queries.update_member(
                    session,
                    member_id,
                    replace(
                        member.record,
                        official_date=event.on,
                        official_decision_no=event.decision_no or member.record.official_decision_no,
                    ),
                )
        return Change.of(Topic.MEMBERS, member_id)
