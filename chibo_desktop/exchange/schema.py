"""The strict check of every part of a package (header, manifest, data, audit log) against the declaration in
``domain/exchange_format.py``, done before anything is written.

Every value is checked for its type, its range or length, its characters; records have exactly their declared
fields; nothing nests deeper than declared; references point inside the package (or, checked by the caller
against the database, to records the sender owns). The first problem found is raised as a :class:`UserError`
saying where it is and what is wrong with it.
"""

import json
import math
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.exchange_format import (
    AUDIT_ENTRY,
    DUES_MEMBER_MONTH,
    DUES_MONTH,
    FIRST_DAY,
    HEX64,
    LAST_DAY,
    MANIFEST,
    MANIFEST_OPTIONAL,
    MAX_AUDIT,
    MAX_DUES_ROWS,
    MAX_RECORDS,
    SINCE_FORMAT,
    TABLES,
    Choice,
    Day,
    Fields,
    Flag,
    Group,
    Moment,
    Ref,
    Rows,
    Scores,
    Spec,
    Text,
    Uuid,
    Whole,
    tables_of,
)
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message, messages
from chibo_desktop.domain.text import LINE_REFUSED, NAME_REFUSED_CATEGORIES, PROSE_REFUSED

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}")
_LINE_BAD, _PROSE_BAD = LINE_REFUSED, PROSE_REFUSED  # the rule typed text is held to as well (domain/text.py)
_NAME_BAD_CATEGORIES = NAME_REFUSED_CATEGORIES  # controls, format (bidi, zero-width) …
MAX_SCORES = 4_000
MINUTES = re.compile(r"minutes/([0-9a-f-]{36})\.pdf")


_msg = messages("Exchange")


MISSING = _msg(QT_TRANSLATE_NOOP("Exchange", "a field is missing"))
NOT_TEXT = _msg(QT_TRANSLATE_NOOP("Exchange", "it must be text"))
BAD_CHARACTERS = _msg(QT_TRANSLATE_NOOP("Exchange", "it holds control, direction or invisible characters"))
BAD_FORM = _msg(QT_TRANSLATE_NOOP("Exchange", "it does not have the expected form"))
NOT_CHOICE = _msg(QT_TRANSLATE_NOOP("Exchange", "it is not one of the allowed values"))
NOT_DAY = _msg(QT_TRANSLATE_NOOP("Exchange", "it must be a real date written YYYY-MM-DD"))
NOT_MOMENT = _msg(QT_TRANSLATE_NOOP("Exchange", "it must be a time written YYYY-MM-DDTHH:MM:SS"))
NOT_FLAG = _msg(QT_TRANSLATE_NOOP("Exchange", "it must be true or false"))
NOT_UUID = _msg(QT_TRANSLATE_NOOP("Exchange", "it must be a UUID"))
NOT_RECORD = _msg(QT_TRANSLATE_NOOP("Exchange", "it must be a record with named fields"))
NOT_SCORES = _msg(QT_TRANSLATE_NOOP("Exchange", "it must be empty or a list of scores"))
TWICE = _msg(QT_TRANSLATE_NOOP("Exchange", "the same record appears twice"))
DANGLING = _msg(QT_TRANSLATE_NOOP("Exchange", "it refers to a record that is not in the package"))
NOT_JSON = _msg(QT_TRANSLATE_NOOP("Exchange", "it is not valid JSON text"))
TOO_DEEP = _msg(QT_TRANSLATE_NOOP("Exchange", "it is nested too deeply"))
COUNTS_DIFFER = _msg(QT_TRANSLATE_NOOP("Exchange", "the counts do not match the records"))
NOT_SENDER = _msg(QT_TRANSLATE_NOOP("Exchange", "the sending branch is not among its units"))
NOT_BELOW = _msg(QT_TRANSLATE_NOOP("Exchange", "the unit is not under the sending branch"))
NOT_PDF = _msg(QT_TRANSLATE_NOOP("Exchange", "it is not a PDF file"))


def _too_long(limit: int) -> Message:
    return _msg(QT_TRANSLATE_NOOP("Exchange", "it is longer than {count} characters"), count=limit)


def _out_of_range(low: int, high: int) -> Message:
    return _msg(QT_TRANSLATE_NOOP("Exchange", "it must be a whole number from {low} to {high}"), low=low, high=high)


def _extra(name: object) -> Message:
    shown = ascii(name)[:40]  # whatever the sender put there: short, and nothing that could reorder the text
    return _msg(QT_TRANSLATE_NOOP("Exchange", "it holds a field that does not belong there ({name})"), name=shown)


def _rows(limit: int) -> Message:
    return _msg(QT_TRANSLATE_NOOP("Exchange", "it must be a list of at most {count} records"), count=limit)


class MalformedError(UserError):
    """A part of the package that does not follow the format: *where* names the value, *problem* what is wrong."""

    def __init__(self, where: str, problem: Message) -> None:
        super().__init__(
            _msg(
                QT_TRANSLATE_NOOP(
                    "Exchange",
                    "The package was refused: its {where} is not as the format requires ({problem}). Nothing was written. Ask the sender to write the package again with the app.",
                ),
                where=where,
                problem=problem,
            )
        )
        self.where = where
        self.problem = problem


# --- JSON ---------------------------------------------------------------------------------------------------


def _no_constant(name: str) -> Any:
    raise ValueError(name)  # NaN, Infinity, -Infinity: not JSON numbers


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        raise ValueError("a key appears twice in one object")
    return found


def loads(raw: bytes | str, where: str) -> Any:
    """JSON as the format allows it: UTF-8, no NaN or Infinity, no key twice in an object, no nesting deeper than
    Python's own parser can take (that one is refused, not crashed on)."""
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        return json.loads(text, parse_constant=_no_constant, object_pairs_hook=_unique_keys)
    except RecursionError:
        raise MalformedError(where, TOO_DEEP) from None
    except (ValueError, TypeError):  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise MalformedError(where, NOT_JSON) from None


# --- values -------------------------------------------------------------------------------------------------


def _name_ok(value: str) -> bool:
    if value.isascii():
        return _LINE_BAD.search(value) is None
    return not any(unicodedata.category(c) in _NAME_BAD_CATEGORIES for c in value)


def _check_text(value: Any, spec: Text, where: str) -> None:
    if type(value) is not str:
        raise MalformedError(where, NOT_TEXT)
    if len(value) > spec.max_len:
        raise MalformedError(where, _too_long(spec.max_len))
    if spec.name:
        if not _name_ok(value):
            raise MalformedError(where, BAD_CHARACTERS)
    elif (_PROSE_BAD if spec.lines else _LINE_BAD).search(value) is not None:
        raise MalformedError(where, BAD_CHARACTERS)
    if spec.pattern and re.fullmatch(spec.pattern, value) is None:
        raise MalformedError(where, BAD_FORM)


def _is_day(value: Any) -> bool:
    if type(value) is not str or len(value) != 10 or _DAY.fullmatch(value) is None:
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return FIRST_DAY <= value <= LAST_DAY


def _is_moment(value: Any) -> bool:
    if type(value) is not str or len(value) != 19 or _MOMENT.fullmatch(value) is None:
        return False
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return FIRST_DAY <= value[:10] <= LAST_DAY


def _check_scores(value: Any, where: str) -> None:
    if type(value) is not str:
        raise MalformedError(where, NOT_TEXT)
    if value == "":
        return
    if len(value) > MAX_SCORES:
        raise MalformedError(where, _too_long(MAX_SCORES))
    scores = loads(value, where)
    if type(scores) is not dict or len(scores) > 100:
        raise MalformedError(where, NOT_SCORES)
    for key, points in scores.items():
        if len(key) > 200 or _LINE_BAD.search(key) is not None:
            raise MalformedError(where, NOT_SCORES)
        if type(points) is not int or not 0 <= points <= 1000:
            raise MalformedError(where, NOT_SCORES)


def check_value(value: Any, spec: Spec, where: str) -> None:
    """Raise :class:`MalformedError` unless *value* fits *spec*."""
    if value is None:
        if isinstance(spec, Group) or not spec.optional:
            raise MalformedError(where, MISSING)
        return
    if isinstance(spec, Text):
        _check_text(value, spec, where)
    elif isinstance(spec, Whole):
        if type(value) is not int or not spec.low <= value <= spec.high:
            raise MalformedError(where, _out_of_range(spec.low, spec.high))
    elif isinstance(spec, Choice):
        if type(value) is not str or value not in spec.values:
            raise MalformedError(where, NOT_CHOICE)
    elif isinstance(spec, Uuid | Ref):
        if type(value) is not str or len(value) != 36 or _UUID.fullmatch(value) is None:
            raise MalformedError(where, NOT_UUID)
    elif isinstance(spec, Day):
        if not _is_day(value):
            raise MalformedError(where, NOT_DAY)
    elif isinstance(spec, Moment):
        if not _is_moment(value):
            raise MalformedError(where, NOT_MOMENT)
    elif isinstance(spec, Flag):
        if type(value) is not bool:
            raise MalformedError(where, NOT_FLAG)
    elif isinstance(spec, Scores):
        _check_scores(value, where)
    elif isinstance(spec, Rows):
        if type(value) is not list or len(value) > spec.max_rows:
            raise MalformedError(where, _rows(spec.max_rows))
        for n, row in enumerate(value):
            check_record(row, spec.fields, f"{where}[{n}]")
    else:
        check_record(value, spec.fields, where)


def check_record(record: Any, fields: Fields, where: str) -> None:
    """*record* is an object with exactly *fields*, each fitting its spec."""
    if type(record) is not dict:
        raise MalformedError(where, NOT_RECORD)
    if record.keys() != fields.keys():
        missing = [name for name in fields if name not in record]
        if missing:
            raise MalformedError(f"{where}.{missing[0]}", MISSING)
        raise MalformedError(where, _extra(next(name for name in record if name not in fields)))
    for name, spec in fields.items():
        check_value(record[name], spec, f"{where}.{name}")


# --- the parts ------------------------------------------------------------------------------------------------


def _format(manifest: Any) -> int:
    """The format a manifest declares, for the tables it must count (its value is checked with the rest)."""
    declared = manifest.get("format") if type(manifest) is dict else None
    return declared if type(declared) is int and 1 <= declared <= max(SINCE_FORMAT.values()) else 1


def check_manifest(manifest: Any) -> None:
    """The signed manifest: its declared fields, one count per table, one hash per part."""
    if type(manifest) is not dict:
        raise MalformedError("manifest", NOT_RECORD)
    fields = {**MANIFEST, "counts": Group({t: Whole(0, MAX_RECORDS) for t in tables_of(_format(manifest))})}
    parts = manifest.get("parts")
    optional = {k: spec for k, spec in MANIFEST_OPTIONAL.items() if k in manifest}
    check_record({k: v for k, v in manifest.items() if k != "parts"}, {**fields, **optional}, "manifest")
    if type(parts) is not dict or len(parts) > 5_000:
        raise MalformedError("manifest.parts", NOT_RECORD)
    for name, digest in parts.items():
        if name not in ("data.json", "audit.json", "dues.json") and MINUTES.fullmatch(name) is None:
            raise MalformedError("manifest.parts", _extra(name))
        check_value(digest, HEX64, f"manifest.parts.{ascii(name)[1:-1]}")
    if "data.json" not in parts:
        raise MalformedError("manifest.parts.data.json", MISSING)


def check_dues(dues: Any, members: set[str]) -> dict[str, list[dict[str, Any]]]:
    """The branch's dues figures (dues.json): its months and its members' months, each member one of the package's
    *members* (UUIDs), each month a first day, each member's month once."""
    if type(dues) is not dict:
        raise MalformedError("dues", NOT_RECORD)
    check_record(
        dues, {"months": Rows(DUES_MONTH, MAX_DUES_ROWS), "members": Rows(DUES_MEMBER_MONTH, MAX_DUES_ROWS)}, "dues"
    )
    seen: set[tuple[str, ...]] = set()
    for table in ("months", "members"):
        for n, row in enumerate(dues[table]):
            where = f"dues.{table}[{n}]"
            if not row["month"].endswith("-01"):
                raise MalformedError(f"{where}.month", BAD_FORM)
            if table == "members" and row["member_uuid"] not in members:
                raise MalformedError(f"{where}.member_uuid", DANGLING)
            key = (table, row.get("member_uuid", ""), row["month"])
            if key in seen:
                raise MalformedError(where, TWICE)
            seen.add(key)
    return dues


def check_audit(entries: Any) -> int:
    """The branch's audit log: a list of entries whose *old* and *new* are JSON text of one flat object. Returns
    how many entries it holds."""
    if type(entries) is not list or len(entries) > MAX_AUDIT:
        raise MalformedError("audit", _rows(MAX_AUDIT))
    for n, entry in enumerate(entries):
        where = f"audit[{n}]"
        check_record(entry, AUDIT_ENTRY, where)
        for side in ("old", "new"):
            if entry[side] is None:
                continue
            values = loads(entry[side], f"{where}.{side}")
            if type(values) is not dict:
                raise MalformedError(f"{where}.{side}", NOT_RECORD)
            for key, value in values.items():
                if len(key) > 64 or not (
                    value is None
                    or type(value) is str
                    or (type(value) is int and -(2**63) <= value < 2**63)
                    or (type(value) is float and math.isfinite(value))
                ):
                    raise MalformedError(f"{where}.{side}", NOT_RECORD)
    return len(entries)


@dataclass
class Links:
    """What a package's records refer to: the UUIDs of each table it carries, the units (its branch and those
    under it), and the references that point outside the package, to be checked against the database."""

    sender: str
    units: set[str] = field(default_factory=set)
    uuids: dict[str, set[str]] = field(default_factory=dict)
    outside: dict[str, set[str]] = field(default_factory=dict)


def _refs(record: dict[str, Any], fields: Fields, where: str) -> Iterator[tuple[str, str, str]]:
    """(target table, uuid, where) of every reference in *record* and its nested rows."""
    for name, spec in fields.items():
        value = record[name]
        if isinstance(spec, Ref) and value is not None:
            yield spec.target, value, f"{where}.{name}"
        elif isinstance(spec, Rows):
            for n, row in enumerate(value):
                yield from _refs(row, spec.fields, f"{where}.{name}[{n}]")


def _nested_uuids(record: dict[str, Any], fields: Fields, path: str) -> Iterator[tuple[str, str]]:
    """(kind of nested row, its uuid): meeting guests, agenda items, opinions … each kind with its own UUIDs."""
    for name, spec in fields.items():
        if isinstance(spec, Rows):
            kind = f"{path}.{name}"
            for row in record[name]:
                if "uuid" in spec.fields:
                    yield kind, row["uuid"]
                yield from _nested_uuids(row, spec.fields, kind)


def check_data(data: Any, manifest: dict[str, Any] | None = None) -> Links:
    """data.json: every table of the declaration with records of exactly their fields; UUIDs unique; every unit
    under the sending branch; references inside the package, or listed in :attr:`Links.outside`."""
    if type(data) is not dict:
        raise MalformedError("data", NOT_RECORD)
    carried = tables_of(_format(manifest)) if manifest is not None else tuple(TABLES)
    if data.keys() != set(carried):
        missing = [t for t in carried if t not in data]
        if missing:
            raise MalformedError(f"data.{missing[0]}", MISSING)
        raise MalformedError("data", _extra(next(t for t in data if t not in carried)))
    for table in TABLES:  # a package of an earlier format has none of the later tables' records
        data.setdefault(table, [])
    total = 0
    for table, fields in TABLES.items():
        records = data[table]
        if type(records) is not list:
            raise MalformedError(f"data.{table}", _rows(MAX_RECORDS))
        total += len(records)
        if total > MAX_RECORDS:
            raise MalformedError(f"data.{table}", _rows(MAX_RECORDS))
        for n, record in enumerate(records):
            check_record(record, fields, f"{table}[{n}]")
    if manifest is not None:
        counts = manifest["counts"]
        if any(counts[table] != len(data[table]) for table in carried):
            raise MalformedError("manifest.counts", COUNTS_DIFFER)
        return _links(data, manifest["branch"]["uuid"])
    return _links(data, None)


def _links(data: dict[str, Any], sender: str | None) -> Links:
    links = Links(sender or "")
    for table, fields in TABLES.items():
        seen: set[str] = set()
        nested: dict[str, set[str]] = {}
        for n, record in enumerate(data[table]):
            if record["uuid"] in seen:
                raise MalformedError(f"{table}[{n}].uuid", TWICE)
            seen.add(record["uuid"])
            for kind, uuid in _nested_uuids(record, fields, table):
                kind_seen = nested.setdefault(kind, set())
                if uuid in kind_seen:
                    raise MalformedError(f"{table}[{n}] ({kind})", TWICE)
                kind_seen.add(uuid)
        links.uuids[table] = seen
    units = {u["uuid"]: u for u in data["org_units"]}
    # The units whose records the package writes: its branches, and the sending unit itself (a committee that
    # sends its branches' records upward is one); records never belong to another committee it names.
    branches = {uuid for uuid, u in units.items() if u["kind"] == "branch"}
    if sender is not None:
        if sender not in units:
            raise MalformedError("manifest.branch.uuid", NOT_SENDER)
        branches.add(sender)
        for n, unit in enumerate(data["org_units"]):
            if unit["kind"] == "branch" and not _under(unit["uuid"], sender, units):
                raise MalformedError(f"org_units[{n}]", NOT_BELOW)
    links.units = branches
    for table, fields in TABLES.items():
        for n, record in enumerate(data[table]):
            for target, uuid, where in _refs(record, fields, f"{table}[{n}]"):
                if uuid in links.uuids[target]:
                    if target == "org_units" and not where.endswith("parent_uuid") and uuid not in branches:
                        raise MalformedError(where, NOT_BELOW)  # records belong to a branch, never to a committee
                    continue
                if target == "org_units":
                    raise MalformedError(where, DANGLING)  # a unit is always carried by the package that names it
                links.outside.setdefault(target, set()).add(uuid)
    _check_unique_pairs(data)
    return links


def _under(unit: str, sender: str, units: dict[str, dict[str, Any]]) -> bool:
    """Whether *unit* is *sender* or hangs below it through branch units carried in the package (never through
    another committee)."""
    seen: set[str] = set()
    current: str | None = unit
    while current is not None and current not in seen:
        if current == sender:
            return True
        seen.add(current)
        parent = units.get(current)
        current = parent["parent_uuid"] if parent is not None and parent["kind"] == "branch" else None
    return False


def _check_unique_pairs(data: dict[str, Any]) -> None:
    """What the upper level's tables hold once: a hamlet's name in its unit, a member in a meeting's list, the
    reversal of an entry."""
    hamlets: set[tuple[str, str]] = set()
    for n, hamlet in enumerate(data["hamlets"]):
        key = (hamlet["org_uuid"], hamlet["name"].casefold())
        if key in hamlets:
            raise MalformedError(f"hamlets[{n}].name", TWICE)
        hamlets.add(key)
    for n, meeting in enumerate(data["meetings"]):
        listed: set[str] = set()
        for k, line in enumerate(meeting["attendance"]):
            if line["member_uuid"] in listed:
                raise MalformedError(f"meetings[{n}].attendance[{k}].member_uuid", TWICE)
            listed.add(line["member_uuid"])
    reviews: set[tuple[str, int]] = set()
    for n, review in enumerate(data["member_reviews"]):
        pair = (review["member_uuid"], review["year"])
        if pair in reviews:
            raise MalformedError(f"member_reviews[{n}].year", TWICE)
        reviews.add(pair)
    rated: set[tuple[str, int]] = set()
    for n, review in enumerate(data["branch_reviews"]):
        pair = (review["org_uuid"], review["year"])
        if pair in rated:
            raise MalformedError(f"branch_reviews[{n}].year", TWICE)
        rated.add(pair)
    reversed_: set[str] = set()
    for n, entry in enumerate(data["fund_entries"]):
        target = entry["reverses_uuid"]
        if target is not None:
            if target in reversed_:
                raise MalformedError(f"fund_entries[{n}].reverses_uuid", TWICE)
            reversed_.add(target)


def check_minutes(attachments: dict[str, bytes], links: Links) -> None:
    """Printed minutes travel only for the package's own meetings, and are PDF files."""
    for name, content in attachments.items():
        found = MINUTES.fullmatch(name)
        if found is None:
            continue
        if found.group(1) not in links.uuids["meetings"]:
            raise MalformedError(f"manifest.parts.{name}", DANGLING)
        if not content.startswith(b"%PDF-"):
            raise MalformedError(f"manifest.parts.{name}", NOT_PDF)


# --- the outer header ---------------------------------------------------------------------------------------

_B64_16 = r"[A-Za-z0-9+/]{22}=="
_B64_12 = r"[A-Za-z0-9+/]{16}"
_B64_32 = r"[A-Za-z0-9+/]{43}="
HPKE_SUITE = "DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM"
HEADERS: dict[str, Fields] = {
    "passphrase": {
        "enc": Choice(("passphrase",)),
        "kdf": Choice(("scrypt",)),
        "n": Whole(2**15, 2**15),
        "r": Whole(8, 8),
        "p": Whole(1, 1),
        "salt": Text(24, pattern=_B64_16),
        "nonce": Text(16, pattern=_B64_12),
    },
    "recipient": {"enc": Choice(("recipient",)), "eph": Text(44, pattern=_B64_32), "nonce": Text(16, pattern=_B64_12)},
    "hpke": {"enc": Choice(("hpke",)), "suite": Choice((HPKE_SUITE,))},
}
HEADERS_OF_FORMAT = {1: ("passphrase", "recipient"), 2: ("passphrase", "hpke"), 3: ("passphrase", "hpke")}


def check_header(header: Any, version: int) -> str:
    """The outer header line of a package of format *version*; returns how it is locked."""
    if type(header) is not dict:
        raise MalformedError("header", NOT_RECORD)
    enc = header.get("enc")
    if type(enc) is not str or enc not in HEADERS_OF_FORMAT[version]:
        raise MalformedError("header.enc", NOT_CHOICE)
    check_record(header, HEADERS[enc], "header")
    return enc
