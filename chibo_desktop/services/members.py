"""The roster: add and edit members, record status events, and compute what the roster screen shows."""

from collections.abc import Iterator, Sequence
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
    hidden_characters,
    state_on,
    validate_member,
)
from chibo_desktop.domain.namesakes import Identity
from chibo_desktop.domain.roster import (
    BadgeMilestone,
    ProbationReminder,
    RosterCounts,
    RosterEntry,
    RosterIndex,
    RosterRow,
    add_counts,
    badge_milestones,
    count_roster,
    probation_reminder,
    probation_reminders,
    probation_warning,
)
from chibo_desktop.domain.rules import RuleBook
from chibo_desktop.domain.text import fold, nfc
from chibo_desktop.domain.text import hidden_characters as typed_hidden_characters
from chibo_desktop.services.changes import Change, Topic
from chibo_desktop.services.gc_pause import paused_gc
from chibo_desktop.services.organisation import OrganisationService
from chibo_desktop.services.roster_data import (
    LAZY_FROM,
    Roster,
    RosterOverview,
    ethnicity_choices,
    index_of,
    overview_of,
    roster_of,
    roster_row,
)
from chibo_desktop.services.rules import RulesService
from chibo_desktop.storage import member_queries, term_queries
from chibo_desktop.storage.db import Database

CHUNK = 2_000
"""A large roster's counts and reminders are computed CHUNK ids at a time (``LAZY_FROM``, services/roster_data.py)."""


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


def _fields_message() -> Message:
    return Message(
        "Validation", QT_TRANSLATE_NOOP("Validation", "Some fields need attention; see the messages beside them.")
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
    def __init__(
        self,
        db: Database,
        rules: RulesService,
        organisation: OrganisationService,
        clock: Clock,
        lazy_from: int = LAZY_FROM,
    ) -> None:
        """From *lazy_from* members the roster is read as an index (:meth:`overview`)."""
        self._db = db
        self._lazy_from = lazy_from
        self._rules = rules
        self._organisation = organisation
        self._clock = clock
        self._today = clock.today

    # --- reading ------------------------------------------------------------------------------------------

    def roster(self, on: date | None = None, org_units: Sequence[int] | None = None) -> Roster:
        """All members (of one branch, at the upper level) with their state on *on* (today by default)."""
        day = on or self._today()
        with paused_gc(), self._db.read() as session:
            loaded = member_queries.load_roster(session, org_units)
        return roster_of(loaded, day)

    def states(self, on: date) -> Roster:
        """Every member with their state on *on*, for counting: no screen rows, no order."""
        with paused_gc():
            with self._db.read() as session:
                loaded = member_queries.load_roster(session, None)
            entries = tuple((entry, state_on(entry.events, on)) for entry, _search in loaded)
        return Roster(on, (), entries, ())

    def overview(self, period: Period, badge_year: int) -> RosterOverview:
        """The roster today with its counts for *period*, probation reminders and badge milestones of *badge_year*.
        From ``lazy_from`` members the roster is an index (``Roster.index``) and the rest is computed in parts."""
        first = self.first_overview(period, badge_year)
        return first if isinstance(first, RosterOverview) else self.counted_overview(first, period, badge_year)

    def first_overview(self, period: Period, badge_year: int) -> RosterOverview | Roster:
        """What the roster screen can show first: below ``lazy_from`` members the whole overview (quick); from
        there the roster's index alone, its members' states not yet worked out (``RosterIndex.statuses`` is
        ``None``), for :meth:`counted_overview` to complete while the rows are already on the screen."""
        with self._db.read() as session:
            large = member_queries.member_count(session) >= self._lazy_from
        if large:
            day = self._today()
            index = self._index(day)
            return Roster(day, (), (), ethnicity_choices(index), index)
        return overview_of(self.roster(), period, badge_year, self._rules.book(), self._holidays())

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
        if roster.index is not None:
            counts = RosterCounts()
            for part in self._parts(roster.on):
                counts = add_counts(counts, count_roster(part, roster.on, period, majority))
            return counts
        return count_roster(roster.entries, roster.on, period, majority)

    def probation_reminders(self, roster: Roster) -> list[ProbationReminder]:
        holidays = self._holidays()
        if roster.index is not None:
            book = self._rules.book()
            found = [r for part in self._parts(roster.on) for r in probation_reminders(part, roster.on, book, holidays)]
            return sorted(found, key=lambda r: r.probation_ends)
        return probation_reminders(roster.entries, roster.on, self._rules.book(), holidays)

    def _holidays(self) -> frozenset[date]:
        with self._db.read() as session:
            return term_queries.holiday_days(session)

    def badge_milestones(self, roster: Roster, year: int) -> list[BadgeMilestone]:
        if roster.index is not None:
            book = self._rules.book()
            found = [b for part in self._parts(roster.on) for b in badge_milestones(part, year, book)]
            return sorted(found, key=lambda b: (-b.years, b.reached_on))
        return badge_milestones(roster.entries, year, self._rules.book())

    # --- a large roster, a part at a time -----------------------------------------------------------------

    def _parts(self, day: date) -> Iterator[list[tuple[RosterEntry, MemberState]]]:
        """Every member with their state on *day*, CHUNK ids at a time: what the counts and reminders read."""
        with self._db.read() as session:
            bounds = member_queries.member_id_bounds(session)
        if bounds is None:
            return
        for low in range(bounds[0], bounds[1] + 1, CHUNK):
            with paused_gc(), self._db.read() as session:
                loaded = member_queries.load_counted(session, (low, low + CHUNK - 1))
            yield [(entry, state_on(entry.events, day)) for entry in loaded]

    def counted_overview(self, roster: Roster, period: Period, badge_year: int) -> RosterOverview:
        """A large roster's counts, reminders and its members' states (the slow part: every member's events, a
        part at a time), with *roster*'s index completed by the states."""
        assert roster.index is not None
        day = roster.on
        book = self._rules.book()
        majority = book.get("ethnicity.majority", day)
        counts = RosterCounts()
        probation: list[ProbationReminder] = []
        badges: list[BadgeMilestone] = []
        statuses: dict[int, str] = {}
        holidays = self._holidays()
        for part in self._parts(day):
            counts = add_counts(counts, count_roster(part, day, period, majority))
            probation += probation_reminders(part, day, book, holidays)
            badges += badge_milestones(part, badge_year, book)
            statuses.update((entry.id, state.status.value) for entry, state in part)
        index = replace(roster.index, statuses=tuple(statuses.get(member_id, "") for member_id in roster.index.ids))
        return RosterOverview(
            roster=replace(roster, index=index),
            counts=counts,
            probation=tuple(sorted(probation, key=lambda r: r.probation_ends)),
            badges=tuple(sorted(badges, key=lambda b: (-b.years, b.reached_on))),
            period=period,
            badge_year=badge_year,
        )

    def _statuses(self, day: date) -> dict[int, str]:
        """Every member's status on *day*, by id."""
        return {entry.id: state.status.value for part in self._parts(day) for entry, state in part}

    def _index(self, day: date) -> RosterIndex:
        """The roster's index on *day*, its members' states not yet worked out."""
        with self._db.read() as session:
            hamlet_names, unit_names = member_queries.place_names(session)
            return index_of(day, member_queries.roster_index_rows(session), hamlet_names, unit_names)

    def rows(self, ids: Sequence[int], on: date) -> list[RosterRow]:
        """The screen's rows of the members of *ids* (as many as fit a screen or two), their state on *on*."""
        with self._db.read() as session:
            loaded = member_queries.load_roster(session, ids=ids)
        return [roster_row(entry, state_on(entry.events, on), search) for entry, search in loaded]

    def ids_matching(self, text: str) -> set[int]:
        """Members whose name, birth name, hamlet, card or ID number holds every word of *text* (tones and case
        ignored), searched in SQLite."""
        with self._db.read() as session:
            return member_queries.ids_matching(session, fold(text).split())

    def ids_ordered_by(self, column: str) -> list[int]:
        with self._db.read() as session:
            return member_queries.ids_ordered_by(session, column)

    def listed_names(self, roster: Roster) -> list[tuple[int, str]]:
        """(id, name) of the members listed in the branch on the roster's day, in name order."""
        if roster.index is None:
            return [(row.id, row.full_name) for row in roster.rows if row.status != "former"]
        index = roster.index
        if index.statuses is None:  # not worked out yet: wait for them here
            known = self._statuses(roster.on)
            statuses: Sequence[str] = [known.get(member_id, "") for member_id in index.ids]
        else:
            statuses = index.statuses
        listed = [member_id for member_id, status in zip(index.ids, statuses, strict=True) if status != "former"]
        with self._db.read() as session:
            return member_queries.names_in_order(session, listed)

    def identities(self, member_ids: Sequence[int]) -> dict[int, Identity]:
        """What tells these members apart from others of the same name in a list (date of birth, card number)."""
        with self._db.read() as session:
            return member_queries.identities(session, member_ids)

    def namesakes(self, member_ids: Sequence[int]) -> list[Identity]:
        """Every member of the branch who shares the name of one of *member_ids* with another member, listed or
        not (see ``domain/namesakes``): none in a branch where no two members share a name."""
        with self._db.read() as session:
            return member_queries.namesakes(session, member_ids)

    def same_name(self, full_name: str) -> list[Identity]:
        """The members the branch already has under *full_name* as written, whatever the case, with what tells them
        apart: a new member of that name may be one of them entered twice."""
        branch = self._organisation.require_own_records()
        with self._db.read() as session:
            return member_queries.same_name(session, branch.branch_id, full_name)

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
        errors = {**validate_member(clean, today, min_age, codes), **hidden_characters(record)}
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

    def probation_warning(
        self, record: MemberRecord, events: Sequence[StatusEvent] | None = None, joining: Joining | None = None
    ) -> Message | None:
        """What the member form warns of, beside the mistakes :meth:`validate` finds, without refusing the record:
        a probation long over with nothing recorded since. *events*: a kept member's history (the record's official
        date does not make the member official; the event does); for a new member, the events *record* and
        *joining* would give it."""
        today = self._today()
        clean = record.normalised()
        if events is None:
            joining = joining or Joining()
            if clean.admission_date is None or (joining.kind != JoinKind.ADMITTED and joining.on is None):
                return None
            history = tuple(initial_events(clean, joining))
        else:
            history = tuple(events)
        entry = RosterEntry(0, clean, history)
        state = state_on(history, today)
        found = probation_reminder(entry, state, today, self._rules.book(), self._holidays())
        return probation_warning(found, saved=events is not None)

    def add(self, record: MemberRecord, joining: Joining = Joining()) -> Change:
        self._organisation.require_own_records()
        clean = record.normalised()
        errors = self.validate(record, joining)  # as typed: a character normalising would drop is refused
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
        errors = self.validate(record)  # as typed: a character normalising would drop is refused
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
        hidden = typed_hidden_characters({"decision_no": event.decision_no, "note": event.note})
        if hidden:
            raise UserError(next(iter(hidden.values())), hidden)
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
