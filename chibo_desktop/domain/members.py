"""A member's record, its validation, and the status that follows from dated events.

Status is never stored as a field: it is derived from the member's events as of a date, so that history
is kept and any past day can be answered ("who belonged to the branch on 10/06/2024?").
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from enum import StrEnum

from chibo_desktop.domain.dates import add_years
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message, messages
from chibo_desktop.domain.text import hidden_characters as typed_hidden_characters
from chibo_desktop.domain.text import nfc


class Gender(StrEnum):
    MALE = "M"
    FEMALE = "F"


GENDER_LABELS = {
    Gender.MALE: QT_TRANSLATE_NOOP("Member", "Male"),
    Gender.FEMALE: QT_TRANSLATE_NOOP("Member", "Female"),
}


@dataclass(frozen=True)
class MemberRecord:
    """The fields a branch keeps about a member (the biography form and register 7-HSĐV, in part)."""

    full_name: str = ""
    birth_name: str = ""
    gender: str = ""
    date_of_birth: date | None = None
    place_of_birth: str = ""
    home_town: str = ""
    residence: str = ""
    ethnicity: str = "Kinh"
    religion: str = ""
    cccd: str = ""
    phone: str = ""
    occupation: str = ""
    general_education: str = ""
    professional_level: str = ""
    political_theory: str = ""
    foreign_language: str = ""
    informatics: str = ""
    admission_date: date | None = None
    admission_decision_no: str = ""
    admission_decision_date: date | None = None
    official_date: date | None = None
    official_decision_no: str = ""
    card_number: str = ""
    biography_no: str = ""
    badge_no: str = ""
    badge_date: date | None = None
    party_position: str = ""
    government_position: str = ""
    hamlet_id: int | None = None

    def normalised(self) -> "MemberRecord":
        """The same record with every text NFC-normalised and trimmed, as it must be stored."""
        changes = {f.name: nfc(getattr(self, f.name)) for f in fields(self) if isinstance(getattr(self, f.name), str)}
        changes["cccd"] = re.sub(r"[\s.\-]", "", changes.get("cccd", ""))
        return MemberRecord(**{**{f.name: getattr(self, f.name) for f in fields(self)}, **changes})


TEXT_FIELDS = tuple(f.name for f in fields(MemberRecord) if f.type == "str" or f.type is str)
DATE_FIELDS = tuple(f.name for f in fields(MemberRecord) if f.name.endswith("date") or f.name == "date_of_birth")

_CCCD = re.compile(r"^\d{12}$")
_PHONE = re.compile(r"^\+?\d{9,12}$")


_msg = messages("Validation")


CccdCodes = dict[str, tuple[str, int]]  # digit 4 of a CCCD → (gender, first year of the century of birth)


def cccd_codes(value: object) -> CccdCodes:
    """The rule "cccd.century_gender" as stored ({"0": ["M", 1900], …}); entries that do not fit are left out, so
    a slip in the rules screen weakens the check instead of breaking every form."""
    codes: CccdCodes = {}
    if isinstance(value, dict):
        for digit, meaning in value.items():
            if (
                isinstance(digit, str)
                and len(digit) == 1
                and digit.isdigit()
                and isinstance(meaning, list)
                and len(meaning) == 2
                and meaning[0] in (Gender.MALE, Gender.FEMALE)
                and isinstance(meaning[1], int)
            ):
                codes[digit] = (str(meaning[0]), meaning[1])
    return codes


_CCCD_GENDER = {
    (Gender.MALE, Gender.FEMALE): QT_TRANSLATE_NOOP(
        "Validation",
        "Digit 4 of the ID number is {digit}, which is given to men; this member is a woman. "
        "Check the ID number and the gender.",
    ),
    (Gender.FEMALE, Gender.MALE): QT_TRANSLATE_NOOP(
        "Validation",
        "Digit 4 of the ID number is {digit}, which is given to women; this member is a man. "
        "Check the ID number and the gender.",
    ),
}


def cccd_problem(record: MemberRecord, codes: CccdCodes) -> Message | None:
    """A 12-digit ID number whose digit 4 (gender and century of birth) or digits 5–6 (the year of birth's last
    two digits) contradict the record's gender and date of birth; ``None`` when they agree or cannot be told."""
    if not _CCCD.match(record.cccd) or record.cccd[3] not in codes:
        return None
    digit = record.cccd[3]
    gender, century = codes[digit]
    if record.gender in (Gender.MALE, Gender.FEMALE) and record.gender != gender:
        return _msg(_CCCD_GENDER[(Gender(gender), Gender(record.gender))], digit=digit)
    birth = record.date_of_birth
    if birth is None:
        return None
    if not century <= birth.year < century + 100:
        return _msg(
            QT_TRANSLATE_NOOP(
                "Validation",
                "Digit 4 of the ID number is {digit}, which is given to people born {start}–{end}; this member was "
                "born in {year}. Check the ID number and the date of birth.",
            ),
            digit=digit,
            start=century,
            end=century + 99,
            year=birth.year,
        )
    if record.cccd[4:6] != f"{birth.year % 100:02d}":
        return _msg(
            QT_TRANSLATE_NOOP(
                "Validation",
                "Digits 5 and 6 of the ID number are {digits}, the last two digits of the year of birth; this member "
                "was born in {year}. Check the ID number and the date of birth.",
            ),
            digits=record.cccd[4:6],
            year=birth.year,
        )
    return None


def hidden_characters(record: MemberRecord) -> dict[str, Message]:
    """Field name → the hidden or control character the user's text holds (check the record as typed, before
    :meth:`MemberRecord.normalised` would drop it unseen)."""
    return typed_hidden_characters({name: getattr(record, name) for name in TEXT_FIELDS})


def validate_member(
    record: MemberRecord, today: date, min_age: int, cccd: CccdCodes | None = None
) -> dict[str, Message]:
    """Field name → what is wrong with it, in words a secretary understands. Empty when all is well. *cccd*, the
    rule that reads gender and year of birth out of an ID number, checks the number against the record."""
    errors: dict[str, Message] = {}
    r = record
    if not r.full_name:
        errors["full_name"] = _msg(QT_TRANSLATE_NOOP("Validation", "Enter the member's full name."))
    elif any(ch.isdigit() for ch in r.full_name):
        errors["full_name"] = _msg(QT_TRANSLATE_NOOP("Validation", "A name cannot contain digits."))
    if r.gender not in (Gender.MALE, Gender.FEMALE):
        errors["gender"] = _msg(QT_TRANSLATE_NOOP("Validation", "Choose male or female."))
    if r.date_of_birth is None:
        errors["date_of_birth"] = _msg(QT_TRANSLATE_NOOP("Validation", "Enter the date of birth."))
    if r.admission_date is None:
        errors["admission_date"] = _msg(QT_TRANSLATE_NOOP("Validation", "Enter the date of the admission ceremony."))
    if r.cccd and not _CCCD.match(r.cccd):
        errors["cccd"] = _msg(
            QT_TRANSLATE_NOOP("Validation", "The ID number (CCCD) must be exactly 12 digits; you typed {count}."),
            count=len(r.cccd),
        )
    elif r.cccd and cccd:
        problem = cccd_problem(r, cccd)
        if problem is not None:
            errors["cccd"] = problem
    if r.phone and not _PHONE.match(re.sub(r"[\s.\-]", "", r.phone)):
        errors["phone"] = _msg(QT_TRANSLATE_NOOP("Validation", "A phone number has 9 to 12 digits."))

    for name in DATE_FIELDS:
        value = getattr(r, name)
        if value is not None and value > today:
            errors.setdefault(name, _msg(QT_TRANSLATE_NOOP("Validation", "This date is in the future.")))

    birth = r.date_of_birth
    if birth is not None:
        for name in ("admission_date", "admission_decision_date", "official_date", "badge_date"):
            value = getattr(r, name)
            if value is not None and value <= birth:
                errors.setdefault(
                    name, _msg(QT_TRANSLATE_NOOP("Validation", "This date must come after the date of birth."))
                )
        if r.admission_date is not None and "admission_date" not in errors:
            if r.admission_date < add_years(birth, min_age):
                errors["admission_date"] = _msg(
                    QT_TRANSLATE_NOOP("Validation", "A member must be at least {age} years old when admitted."),
                    age=min_age,
                )
    if r.admission_date is not None and r.official_date is not None and "official_date" not in errors:
        if r.official_date <= r.admission_date:
            errors["official_date"] = _msg(
                QT_TRANSLATE_NOOP("Validation", "The official date must come after the admission ceremony.")
            )
    if r.official_date is not None and r.admission_date is None and "admission_date" not in errors:
        errors["admission_date"] = _msg(
            QT_TRANSLATE_NOOP("Validation", "An official member needs the date of the admission ceremony.")
        )
    return errors


class EventKind(StrEnum):
    ADMITTED = "admitted"
    RECOGNISED_OFFICIAL = "recognised_official"
    TRANSFERRED_IN = "transferred_in"
    TRANSFERRED_OUT = "transferred_out"
    ATTACHED_IN = "attached_in"
    ATTACHMENT_ENDED = "attachment_ended"
    AWAY = "away"
    RETURNED = "returned"
    EXEMPTED = "exempted"
    EXEMPTION_ENDED = "exemption_ended"
    SUSPENDED = "suspended"
    SUSPENSION_LIFTED = "suspension_lifted"
    DECEASED = "deceased"
    REMOVED = "removed"
    EXPELLED = "expelled"
    RESIGNED = "resigned"
    UNKNOWN = "unknown"  # read from a stored value this version does not know; never written


EVENT_LABELS: dict[EventKind, str] = {
    EventKind.ADMITTED: QT_TRANSLATE_NOOP("Event", "Admitted (probationary)"),
    EventKind.RECOGNISED_OFFICIAL: QT_TRANSLATE_NOOP("Event", "Recognised as official"),
    EventKind.TRANSFERRED_IN: QT_TRANSLATE_NOOP("Event", "Transferred in"),
    EventKind.TRANSFERRED_OUT: QT_TRANSLATE_NOOP("Event", "Transferred out"),
    EventKind.ATTACHED_IN: QT_TRANSLATE_NOOP("Event", "Temporarily attached here"),
    EventKind.ATTACHMENT_ENDED: QT_TRANSLATE_NOOP("Event", "Temporary attachment ended"),
    EventKind.AWAY: QT_TRANSLATE_NOOP("Event", "Temporarily away"),
    EventKind.RETURNED: QT_TRANSLATE_NOOP("Event", "Returned from temporary absence"),
    EventKind.EXEMPTED: QT_TRANSLATE_NOOP("Event", "Exempted from work and activities"),
    EventKind.EXEMPTION_ENDED: QT_TRANSLATE_NOOP("Event", "Exemption ended"),
    EventKind.SUSPENDED: QT_TRANSLATE_NOOP("Event", "Suspended"),
    EventKind.SUSPENSION_LIFTED: QT_TRANSLATE_NOOP("Event", "Suspension lifted"),
    EventKind.DECEASED: QT_TRANSLATE_NOOP("Event", "Deceased"),
    EventKind.REMOVED: QT_TRANSLATE_NOOP("Event", "Removed from the Party"),
    EventKind.EXPELLED: QT_TRANSLATE_NOOP("Event", "Expelled"),
    EventKind.RESIGNED: QT_TRANSLATE_NOOP("Event", "Left the Party at own request"),
    EventKind.UNKNOWN: QT_TRANSLATE_NOOP("Event", "Unknown event (not known to this version of the app)"),
}

ENDING_KINDS = frozenset(
    {EventKind.TRANSFERRED_OUT, EventKind.DECEASED, EventKind.REMOVED, EventKind.EXPELLED, EventKind.RESIGNED}
)
# Events whose end date matters (an exemption "until 31/12/2026").
KINDS_WITH_END = frozenset({EventKind.EXEMPTED, EventKind.AWAY, EventKind.ATTACHED_IN, EventKind.SUSPENDED})
# Events that say whether the member arrives as official or probationary.
KINDS_WITH_STANDING = frozenset({EventKind.TRANSFERRED_IN, EventKind.ATTACHED_IN})


class Standing(StrEnum):
    PROBATIONARY = "probationary"
    OFFICIAL = "official"


@dataclass(frozen=True)
class StatusEvent:
    kind: EventKind
    on: date
    end_date: date | None = None
    decision_no: str = ""
    note: str = ""
    standing: Standing | None = None
    id: int | None = None
    seq: int = 0  # order among events of the same day


class Status(StrEnum):
    """The one status shown in the roster, most telling first."""

    OFFICIAL = "official"
    PROBATIONARY = "probationary"
    ATTACHED = "attached"
    AWAY = "away"
    EXEMPTED = "exempted"
    SUSPENDED = "suspended"
    FORMER = "former"


STATUS_LABELS: dict[Status, str] = {
    Status.OFFICIAL: QT_TRANSLATE_NOOP("Status", "Official"),
    Status.PROBATIONARY: QT_TRANSLATE_NOOP("Status", "Probationary"),
    Status.ATTACHED: QT_TRANSLATE_NOOP("Status", "Temporarily attached"),
    Status.AWAY: QT_TRANSLATE_NOOP("Status", "Temporarily away"),
    Status.EXEMPTED: QT_TRANSLATE_NOOP("Status", "Exempted"),
    Status.SUSPENDED: QT_TRANSLATE_NOOP("Status", "Suspended"),
    Status.FORMER: QT_TRANSLATE_NOOP("Status", "No longer in the branch"),
}


@dataclass(frozen=True)
class MemberState:
    """Where a member stands on one day, derived from the events up to that day."""

    belongs: bool = False  # listed in the branch that day (own or attached)
    own: bool = False  # counted in the branch's own number (not a temporary attachment)
    standing: Standing | None = None
    exempted: bool = False
    away: bool = False
    suspended: bool = False
    ended_by: EventKind | None = None

    @property
    def status(self) -> Status:
        if not self.belongs:
            return Status.FORMER
        if self.suspended:
            return Status.SUSPENDED
        if self.exempted:
            return Status.EXEMPTED
        if self.away:
            return Status.AWAY
        if not self.own:
            return Status.ATTACHED
        return Status.PROBATIONARY if self.standing == Standing.PROBATIONARY else Status.OFFICIAL


def ordered(events: Iterable[StatusEvent]) -> list[StatusEvent]:
    return sorted(events, key=lambda e: (e.on, e.seq, e.id or 0))


def _active(since: bool, until: date | None, on: date) -> bool:
    return since and (until is None or on <= until)


def state_on(events: Sequence[StatusEvent], on: date) -> MemberState:
    """The member's state on *on*; *events* in any order."""
    return state_in_order(ordered(events), on)


def state_in_order(history: Sequence[StatusEvent], on: date) -> MemberState:
    """:func:`state_on` of events already :func:`ordered`: for the states of one member on many days, sorted once."""
    belongs = own = False
    standing: Standing | None = None
    ended: EventKind | None = None
    exempt, exempt_until = False, None
    away, away_until = False, None
    suspended, suspended_until = False, None
    attach_until: date | None = None
    for e in history:
        if e.on > on:
            break
        k = e.kind
        if k == EventKind.ADMITTED:
            belongs, own, standing, ended = True, True, Standing.PROBATIONARY, None
        elif k == EventKind.RECOGNISED_OFFICIAL:
            standing = Standing.OFFICIAL
        elif k == EventKind.TRANSFERRED_IN:
            belongs, own, ended, attach_until = True, True, None, None
            standing = e.standing or standing or Standing.OFFICIAL
        elif k == EventKind.ATTACHED_IN:
            if not own:
                belongs, ended, attach_until = True, None, e.end_date
                standing = e.standing or standing or Standing.OFFICIAL
        elif k == EventKind.ATTACHMENT_ENDED:
            if not own:
                belongs = False
        elif k == EventKind.AWAY:
            away, away_until = True, e.end_date
        elif k == EventKind.RETURNED:
            away = False
        elif k == EventKind.EXEMPTED:
            exempt, exempt_until = True, e.end_date
        elif k == EventKind.EXEMPTION_ENDED:
            exempt = False
        elif k == EventKind.SUSPENDED:
            suspended, suspended_until = True, e.end_date
        elif k == EventKind.SUSPENSION_LIFTED:
            suspended = False
        elif k in ENDING_KINDS:
            belongs, own, ended = False, False, k
            exempt = away = suspended = False
    if belongs and not own and attach_until is not None and on > attach_until:
        belongs = False
    return MemberState(
        belongs=belongs,
        own=own and belongs,
        standing=standing if belongs else None,
        exempted=belongs and _active(exempt, exempt_until, on),
        away=belongs and _active(away, away_until, on),
        suspended=belongs and _active(suspended, suspended_until, on),
        ended_by=ended,
    )


def check_new_event(events: Sequence[StatusEvent], new: StatusEvent) -> Message | None:
    """Why *new* cannot follow the member's history, or ``None`` when it can.

    Only events after every existing one are accepted: history is appended, never rewritten.
    """

    def msg(text: str) -> Message:
        return Message("Event", text)

    if new.kind == EventKind.UNKNOWN:
        return msg(QT_TRANSLATE_NOOP("Event", "Choose the kind of event."))
    history = ordered(events)
    if history and new.on < history[-1].on:
        return msg(QT_TRANSLATE_NOOP("Event", "The date is before the member's latest recorded event."))
    if new.end_date is not None and new.end_date < new.on:
        return msg(QT_TRANSLATE_NOOP("Event", "The end date is before the start date."))
    before = state_on(history, new.on)
    k = new.kind
    if k in (EventKind.ADMITTED, EventKind.TRANSFERRED_IN, EventKind.ATTACHED_IN):
        if before.own or (before.belongs and k == EventKind.ATTACHED_IN):
            return msg(QT_TRANSLATE_NOOP("Event", "The member already belongs to the branch on that date."))
        if k == EventKind.ADMITTED and any(e.kind == EventKind.ADMITTED for e in history):
            if before.ended_by not in (EventKind.REMOVED, EventKind.RESIGNED, EventKind.EXPELLED):
                return msg(QT_TRANSLATE_NOOP("Event", "The member has already been admitted."))
        return None
    if not before.belongs:
        return msg(QT_TRANSLATE_NOOP("Event", "The member does not belong to the branch on that date."))
    if k == EventKind.RECOGNISED_OFFICIAL and before.standing != Standing.PROBATIONARY:
        return msg(QT_TRANSLATE_NOOP("Event", "Only a probationary member can be recognised as official."))
    if k == EventKind.ATTACHMENT_ENDED and before.own:
        return msg(QT_TRANSLATE_NOOP("Event", "The member is not temporarily attached here."))
    pairs = {
        EventKind.RETURNED: before.away,
        EventKind.EXEMPTION_ENDED: before.exempted,
        EventKind.SUSPENSION_LIFTED: before.suspended,
    }
    if k in pairs and not pairs[k]:
        return msg(QT_TRANSLATE_NOOP("Event", "There is nothing to end on that date."))
    starts = {EventKind.AWAY: before.away, EventKind.EXEMPTED: before.exempted, EventKind.SUSPENDED: before.suspended}
    if k in starts and starts[k]:
        return msg(QT_TRANSLATE_NOOP("Event", "The member is already in that state on that date."))
    return None


@dataclass(frozen=True)
class PartyAge:
    start: date
    inactive_days: int = 0

    def years_on(self, on: date) -> int:
        """Full years of Party age on *on*."""
        years = 0
        while self.milestone_date(years + 1) <= on:
            years += 1
        return years

    def milestone_date(self, years: int) -> date:
        return add_years(self.start, years) + timedelta(days=self.inactive_days)


def party_age(record: MemberRecord, events: Sequence[StatusEvent]) -> PartyAge | None:
    """Party age counts from the admission decision date, minus the time spent suspended or out of the Party."""
    start = record.admission_decision_date or record.admission_date
    if start is None:
        return None
    inactive = 0
    gap_start: date | None = None
    for e in ordered(events):
        if e.kind == EventKind.SUSPENDED:
            gap_start = e.on
            if e.end_date is not None:
                inactive += (e.end_date - e.on).days
                gap_start = None
        elif e.kind == EventKind.SUSPENSION_LIFTED and gap_start is not None:
            inactive += (e.on - gap_start).days
            gap_start = None
        elif e.kind in (EventKind.REMOVED, EventKind.RESIGNED, EventKind.EXPELLED):
            gap_start = e.on
        elif e.kind == EventKind.ADMITTED and gap_start is not None and e.on > start:
            inactive += (e.on - gap_start).days
            gap_start = None
    return PartyAge(start=start, inactive_days=inactive)


@dataclass(frozen=True)
class Member:
    """A member as the services hand it out: the record, its id, and its events."""

    id: int
    uuid: str
    record: MemberRecord
    events: tuple[StatusEvent, ...] = field(default_factory=tuple)
    card_history: tuple[tuple[str, date | None], ...] = ()
    has_photo: bool = False
    branch: str = ""  # the unit that keeps the record
    hamlet: str = ""  # the name of its hamlet or cell (which, at a committee, is one of a branch's)

    def state(self, on: date) -> MemberState:
        return state_on(self.events, on)
