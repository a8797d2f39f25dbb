"""What each record of an exchange package holds: every field once, with its type and its bounds.

This is the one declaration of the package's records. ``storage/package_records.py`` dumps and merges exactly
these fields, ``exchange/schema.py`` checks every package against them before anything is written, and
``tests/exchange/test_schema.py`` holds ``exchange/FORMAT.md`` to them. A field added here travels in the next
package; a branch on an older app still sends the fields it knows, so a new field needs a new format number.
"""

from dataclasses import dataclass
from enum import StrEnum

from chibo_desktop.domain.funds import EntryKind, FundSource, RateMethod, ScheduleKind
from chibo_desktop.domain.meetings import Mark, MeetingKind, Role
from chibo_desktop.domain.members import EventKind, Gender, Standing
from chibo_desktop.domain.review import AwardKind, Level

MAX_MONEY = 10**12  # đồng: a thousand billion, far above any branch fund, far below SQLite's 64-bit integers
MAX_COUNT = 1_000_000  # votes, sequence numbers inside a day, positions
MAX_RECORDS = 2_000_000  # records in one package, all tables together
MAX_AUDIT = 5_000_000  # entries of the audit log in one package
FIRST_DAY, LAST_DAY = "1850-01-01", "2200-12-31"


@dataclass(frozen=True)
class Text:
    """A string of at most *max_len* characters. A *name* (of a person or a unit) is one line without control,
    direction or invisible characters; other text may hold several lines when *lines* is set, never control
    characters other than tab and line breaks, never direction overrides."""

    max_len: int
    name: bool = False
    lines: bool = False
    optional: bool = False
    pattern: str = ""  # a regular expression the whole text must match


@dataclass(frozen=True)
class Whole:
    """An integer (never a float, never true/false) from *low* to *high*."""

    low: int
    high: int
    optional: bool = False


@dataclass(frozen=True)
class Choice:
    """One of a fixed set of strings (an enum's values)."""

    values: tuple[str, ...]
    optional: bool = False


@dataclass(frozen=True)
class Day:
    """A real calendar date written ``YYYY-MM-DD``, between FIRST_DAY and LAST_DAY."""

    optional: bool = False


@dataclass(frozen=True)
class Moment:
    """A time to the second written ``YYYY-MM-DDTHH:MM:SS``."""

    optional: bool = False


@dataclass(frozen=True)
class Flag:
    """true or false."""

    optional: bool = False


@dataclass(frozen=True)
class Uuid:
    """The record's own identity: a UUID in its canonical lower-case form."""

    optional: bool = False


@dataclass(frozen=True)
class Ref:
    """The UUID of a record of table *target*, stored at the upper level as *column* (its row id there)."""

    target: str
    column: str
    optional: bool = False


@dataclass(frozen=True)
class Scores:
    """A meeting's scores by rubric item as JSON text (``{"item": points}``), or empty."""

    optional: bool = False


@dataclass(frozen=True)
class Rows:
    """A list of nested records (a meeting's attendance lines, a loan's plan), at most *max_rows*."""

    fields: dict[str, "Spec"]
    max_rows: int
    optional: bool = False


@dataclass(frozen=True)
class Group:
    """One nested object holding *fields* (the manifest's branch and period)."""

    fields: dict[str, "Spec"]


Spec = Text | Whole | Choice | Day | Moment | Flag | Uuid | Ref | Scores | Rows | Group
Fields = dict[str, Spec]


def values(kind: type[StrEnum]) -> tuple[str, ...]:
    """The values a package may carry: never "unknown", which only stands for a stored value not understood."""
    return tuple(item.value for item in kind if item.value != "unknown")


def _name(max_len: int = 120) -> Text:
    return Text(max_len, name=True)


def _line(max_len: int) -> Text:
    return Text(max_len)


def _prose(max_len: int = 20_000) -> Text:
    return Text(max_len, lines=True)


UUID = Uuid()
MONEY = Whole(0, MAX_MONEY)
COUNT = Whole(0, MAX_COUNT)
TERM = Whole(1, 120)  # months, as the fund and loan forms allow
RATE = Whole(0, 1000)  # hundredths of a percent a month: 0 to 10 %
TIME_OF_DAY = Text(5, pattern=r"(?:[01]\d|2[0-3]):[0-5]\d|")

TABLES: dict[str, Fields] = {
    "org_units": {
        "uuid": UUID,
        "name": _name(200),
        "kind": Choice(("branch", "committee")),
        "place_name": _line(100),
        "parent_uuid": Ref("org_units", "parent_id", optional=True),
    },
    "hamlets": {
        "uuid": UUID,
        "org_uuid": Ref("org_units", "org_unit_id"),
        "name": _name(100),
        "position": COUNT,
    },
    "members": {
        "uuid": UUID,
        "org_uuid": Ref("org_units", "org_unit_id"),
        "hamlet_uuid": Ref("hamlets", "hamlet_id", optional=True),
        "full_name": _name(),
        "birth_name": _name(),
        "gender": Choice(values(Gender)),
        "date_of_birth": Day(optional=True),
        "place_of_birth": _line(200),
        "home_town": _line(200),
        "residence": _line(200),
        "ethnicity": _line(50),
        "religion": _line(50),
        "cccd": Text(12, pattern=r"\d{12}|"),
        "phone": _line(20),
        "occupation": _line(100),
        "general_education": _line(20),
        "professional_level": _line(100),
        "political_theory": _line(50),
        "foreign_language": _line(100),
        "informatics": _line(100),
        "admission_date": Day(optional=True),
        "admission_decision_no": _line(50),
        "admission_decision_date": Day(optional=True),
        "official_date": Day(optional=True),
        "official_decision_no": _line(50),
        "card_number": _line(30),
        "biography_no": _line(30),
        "badge_no": _line(30),
        "badge_date": Day(optional=True),
        "party_position": _line(100),
        "government_position": _line(200),
    },
    "status_events": {
        "uuid": UUID,
        "member_uuid": Ref("members", "member_id"),
        "kind": Choice(values(EventKind)),
        "on": Day(),
        "end_date": Day(optional=True),
        "decision_no": _line(50),
        "note": _prose(),
        "standing": Choice(values(Standing), optional=True),
        "seq": COUNT,
    },
    "party_cards": {
        "uuid": UUID,
        "member_uuid": Ref("members", "member_id"),
        "number": _line(30),
        "recorded_on": Day(optional=True),
        "note": _prose(),
    },
    "meetings": {
        "uuid": UUID,
        "org_uuid": Ref("org_units", "org_unit_id"),
        "kind": Choice(values(MeetingKind)),
        "on": Day(),
        "start": TIME_OF_DAY,
        "end": TIME_OF_DAY,
        "place": _line(200),
        "topic": _prose(),
        "number": _line(30),
        "scores_json": Scores(),
        "approved_on": Day(optional=True),
        "chair_uuid": Ref("members", "chair_id", optional=True),
        "secretary_uuid": Ref("members", "secretary_id", optional=True),
        "guests": Rows(
            {
                "uuid": UUID,
                "position_no": COUNT,
                "name": _name(),
                "position": _line(200),
                "unit": _line(200),
            },
            1_000,
        ),
        "agenda": Rows(
            {
                "uuid": UUID,
                "position_no": COUNT,
                "title": _prose(),
                "presenter": _name(),
                "content": _prose(200_000),
                "conclusion": _prose(200_000),
                "opinions": Rows(
                    {
                        "uuid": UUID,
                        "position_no": COUNT,
                        "speaker": _name(),
                        "summary": _prose(),
                        "member_uuid": Ref("members", "member_id", optional=True),
                    },
                    1_000,
                ),
            },
            1_000,
        ),
        "resolutions": Rows(
            {
                "uuid": UUID,
                "position_no": COUNT,
                "text": _prose(),
                "votes_for": COUNT,
                "votes_against": COUNT,
                "votes_abstain": COUNT,
                "entitled": COUNT,
            },
            1_000,
        ),
        "assignments": Rows(
            {
                "uuid": UUID,
                "name": _name(),
                "task": _prose(),
                "due": Day(optional=True),
                "member_uuid": Ref("members", "member_id"),
            },
            10_000,
        ),
        "attendance": Rows(
            {
                "uuid": UUID,
                "name": _name(),
                "role": Choice(values(Role)),
                "mark": Choice(values(Mark)),
                "reason": _prose(),
                "spoke": Flag(),
                "member_uuid": Ref("members", "member_id"),
            },
            100_000,
        ),
        "addenda": Rows({"uuid": UUID, "on": Day(), "reason": _prose(), "text": _prose(200_000)}, 1_000),
    },
    "funds": {
        "uuid": UUID,
        "org_uuid": Ref("org_units", "org_unit_id"),
        "name": _name(200),
        "source": Choice(values(FundSource)),
        "custodian": _name(),
        "max_loan": MONEY,
        "term_months": TERM,
        "rate_method": Choice(values(RateMethod)),
        "rate": RATE,
        "schedule_kind": Choice(values(ScheduleKind)),
        "grant": Flag(),
    },
    "loans": {
        "uuid": UUID,
        "fund_uuid": Ref("funds", "fund_id"),
        "member_uuid": Ref("members", "member_id"),
        "meeting_uuid": Ref("meetings", "meeting_id", optional=True),
        "borrower": _name(),
        "reason": _prose(),
        "purpose": _prose(),
        "amount": MONEY,
        "term_months": TERM,
        "rate_method": Choice(values(RateMethod)),
        "rate": RATE,
        "schedule_kind": Choice(values(ScheduleKind)),
        "approved_on": Day(),
        "decision_no": _line(50),
        "approved_by": _name(),
        "disbursed_on": Day(optional=True),
        "grant": Flag(),
        "plan": Rows({"number": Whole(1, 1_200), "due": Day(), "principal": MONEY, "fee": MONEY}, 1_200),
    },
    "fund_entries": {
        "uuid": UUID,
        "fund_uuid": Ref("funds", "fund_id"),
        "loan_uuid": Ref("loans", "loan_id", optional=True),
        "member_uuid": Ref("members", "member_id", optional=True),
        "reverses_uuid": Ref("fund_entries", "reverses_id", optional=True),
        "kind": Choice(values(EntryKind)),
        "amount": MONEY,
        "on": Day(),
        "batch": _line(32),
        "note": _prose(),
        "decision_no": _line(50),
        "created_by": _name(),
        "created_at": Moment(optional=True),
    },
    "member_reviews": {
        "uuid": UUID,
        "member_uuid": Ref("members", "member_id"),
        "year": Whole(1900, 2200),
        "self_level": Choice(values(Level), optional=True),
        "points": Whole(0, 100, optional=True),
        "proposed_level": Choice(values(Level), optional=True),
        "votes_for": Whole(0, MAX_COUNT, optional=True),
        "votes_total": Whole(0, MAX_COUNT, optional=True),
        "final_level": Choice(values(Level), optional=True),
        "note": _prose(),
    },
    "branch_reviews": {
        "uuid": UUID,
        "org_uuid": Ref("org_units", "org_unit_id"),
        "year": Whole(1900, 2200),
        "level": Choice(values(Level), optional=True),
        "decision_no": _line(50),
        "decided_on": Day(optional=True),
        "note": _prose(),
    },
    "member_awards": {
        "uuid": UUID,
        "member_uuid": Ref("members", "member_id"),
        "kind": Choice(values(AwardKind)),
        "form": _line(200),
        "on": Day(),
        "decision_no": _line(50),
        "issuer": _line(200),
        "note": _prose(),
    },
}
# Tables a package of an earlier format does not have (read as empty): the format that brought each.
SINCE_FORMAT: dict[str, int] = {"member_reviews": 3, "branch_reviews": 3, "member_awards": 3}


def tables_of(version: int) -> tuple[str, ...]:
    """The tables of ``data.json`` (and of the manifest's counts) in a package of format *version*."""
    return tuple(t for t in TABLES if SINCE_FORMAT.get(t, 1) <= version)


# The branch's audit log as it travels (audit.json): one entry per change, oldest first. *old* and *new* are
# JSON text of the changed columns (a flat object), or null.
AUDIT_ENTRY: Fields = {
    "at": Moment(),
    "actor": Text(200),
    "table": Text(40, pattern=r"[a-z][a-z_]*"),
    "row_uuid": Uuid(optional=True),
    "action": Choice(("insert", "update", "delete")),
    "old": Text(400_000, lines=True, optional=True),
    "new": Text(400_000, lines=True, optional=True),
}

# dues.json: the branch's dues book as figures, from the start of the book to the month it was made. *months*: what
# was paid up to the upper level each month; *members*: each member's months (owed: still owed, or below zero paid
# ahead, at the month's end; listed: paying at this branch then).
SIGNED_MONEY = Whole(-MAX_MONEY, MAX_MONEY)
DUES_MONTH: Fields = {"month": Day(), "paid_up": SIGNED_MONEY}
DUES_MEMBER_MONTH: Fields = {
    "member_uuid": Uuid(),
    "month": Day(),
    "due": MONEY,
    "collected": SIGNED_MONEY,
    "owed": SIGNED_MONEY,
    "listed": Flag(),
    "exempt": Flag(),
}
MAX_DUES_ROWS = 5_000_000  # member-months in one package

HEX64 = Text(64, pattern=r"[0-9a-f]{64}")
KEY32 = Text(44, pattern=r"[A-Za-z0-9+/]{43}=")  # 32 bytes in base64
# manifest.json, the signed part. *counts* has one entry per table of TABLES; *parts* one hash per other file.
MANIFEST: Fields = {
    "format": Whole(1, 3),
    "app_version": Text(40, pattern=r"[0-9A-Za-z.+\-]+"),
    "created_at": Moment(),
    "branch": Group({"uuid": UUID, "name": _name(200), "upper": _name(200), "public_key": KEY32}),
    "period": Group({"from": Day(optional=True), "to": Day()}),
    "sequence": Whole(1, 10**9),
    "previous_sha256": Text(64, pattern=r"[0-9a-f]{64}", optional=True),
}

# Fields a manifest may leave out (packages of earlier versions do). *audit_from*: the number of entries of the
# branch's log before the first one audit.json carries (absent: it carries all of it). *since*: the sequence of the
# branch's package this one builds on (the newest the upper level acknowledged): data.json carries only the records
# new or changed after it, and every unit and hamlet (absent: every record).
MANIFEST_OPTIONAL: Fields = {"audit_from": Whole(0, 10**12), "since": Whole(1, 10**9)}

# A receipt (….chibo-ack): which package of which branch the upper level took in, and when, signed by it.
RECEIPT: Fields = {
    "branch_uuid": UUID,
    "sequence": Whole(1, 10**9),
    "package_sha256": HEX64,
    "received_on": Day(),
    "upper": _name(200),
    "upper_key": KEY32,
}

# Fields a receipt may leave out (receipts of earlier versions do). *upper_lock*: the upper level's encryption key
# (X25519, base64), so that the branch locks its next packages to it instead of a passphrase told by phone; it is
# trusted as the receipt is, through the signing key whose fingerprint the branch compared.
RECEIPT_OPTIONAL: Fields = {"upper_lock": KEY32}
