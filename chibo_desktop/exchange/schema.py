"""The strict check of every part of a package (header, manifest, data, audit log) against the declaration in
``domain/exchange_format.py``, done before anything is written.

Every value is checked for its type, its range or length, its characters; records have exactly their declared
fields; nothing nests deeper than declared; references point inside the package (or, checked by the caller
against the database, to records the sender owns). The first problem found is raised as a :class:`UserError`
saying where it is and what is wrong with it.
"""

import json
import math
import operator
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial
from itertools import chain, compress, repeat
from json.scanner import make_scanner
from typing import Any, NoReturn

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


_DECODER = json.JSONDecoder(parse_constant=_no_constant, object_pairs_hook=_unique_keys)  # made once, not per text


def loads(raw: bytes | str, where: str) -> Any:
    """JSON as the format allows it: UTF-8, no NaN or Infinity, no key twice in an object, no nesting deeper than
    Python's own parser can take (that one is refused, not crashed on)."""
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        if text.startswith("\ufeff"):
            raise ValueError("a byte order mark")  # as json.loads refuses it
        return _DECODER.decode(text)
    except RecursionError:
        raise MalformedError(where, TOO_DEEP) from None
    except (ValueError, TypeError):  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise MalformedError(where, NOT_JSON) from None


# --- values -------------------------------------------------------------------------------------------------
#
# Each declaration is compiled once into a test: a function of the value that returns None when it fits, or the
# problem. A nested record's test raises :class:`_NestedError` with the path below it, so that the path of a value is put
# together only when something is wrong, never for each of the hundreds of thousands of values that are right.

Problem = Message | None
Test = Callable[[Any], Problem]


class _NestedError(Exception):
    """A problem inside a nested value: the steps of its path (innermost first) and what is wrong."""

    def __init__(self, step: str, problem: Message) -> None:
        super().__init__(step)
        self.steps = [step]
        self.problem = problem

    def at(self, where: str) -> "MalformedError":
        return MalformedError(where + "".join(reversed(self.steps)), self.problem)


def _absent(value: Any, optional: bool, problem: Message) -> Problem:
    """What is wrong with a value that did not pass its test: nothing if it is an allowed null."""
    if value is None:
        return None if optional else MISSING
    return problem


def _fast_name_characters() -> "re.Pattern[str]":
    """Printable ASCII and the Latin letters and marks Vietnamese (and its neighbours) write names with, leaving
    out any character of the refused categories (the soft hyphen): a name made only of these is fine without
    looking up each character's category."""
    ranges = [(0x20, 0x7E), (0xA0, 0x24F), (0x300, 0x36F), (0x1E00, 0x1EFF)]
    allowed = [
        chr(c) for low, high in ranges for c in range(low, high + 1) if unicodedata.category(chr(c)) not in _NAME_BAD
    ]
    return re.compile(f"[{re.escape(''.join(allowed))}]*")


_NAME_BAD = _NAME_BAD_CATEGORIES
_NAME_FAST = _fast_name_characters()


def _name_ok(value: str) -> bool:
    if _NAME_FAST.fullmatch(value) is not None:
        return True
    if value.isascii():
        return _LINE_BAD.search(value) is None
    return not any(unicodedata.category(c) in _NAME_BAD for c in value)


def _text_test(spec: Text) -> Test:
    max_len, optional, name = spec.max_len, spec.optional, spec.name
    bad = (_PROSE_BAD if spec.lines else _LINE_BAD).search
    form = re.compile(spec.pattern).fullmatch if spec.pattern else None

    def text(value: Any) -> Problem:
        if type(value) is not str:
            return _absent(value, optional, NOT_TEXT)
        if len(value) > max_len:
            return _too_long(max_len)
        if name:
            if not _name_ok(value):
                return BAD_CHARACTERS
        elif bad(value) is not None:
            return BAD_CHARACTERS
        if form is not None and form(value) is None:
            return BAD_FORM
        return None

    return text


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


def _scores_problem(value: Any) -> Problem:
    if type(value) is not str:
        return NOT_TEXT
    if value == "":
        return None
    if len(value) > MAX_SCORES:
        return _too_long(MAX_SCORES)
    try:
        scores = loads(value, "")
    except MalformedError as error:
        return error.problem
    if type(scores) is not dict or len(scores) > 100:
        return NOT_SCORES
    for key, points in scores.items():
        if len(key) > 200 or _LINE_BAD.search(key) is not None:
            return NOT_SCORES
        if type(points) is not int or not 0 <= points <= 1000:
            return NOT_SCORES
    return None


def _test(spec: Spec) -> Test:
    """The test of a value declared by *spec*."""
    if isinstance(spec, Group):
        record = _record_test(spec.fields)
        return lambda value: MISSING if value is None else record(value)
    optional = spec.optional
    if isinstance(spec, Text):
        return _text_test(spec)
    if isinstance(spec, Whole):
        low, high = spec.low, spec.high

        def whole(value: Any) -> Problem:
            if type(value) is int and low <= value <= high:
                return None
            return _absent(value, optional, _out_of_range(low, high))

        return whole
    if isinstance(spec, Choice):
        allowed = frozenset(spec.values)

        def choice(value: Any) -> Problem:
            if type(value) is str and value in allowed:
                return None
            return _absent(value, optional, NOT_CHOICE)

        return choice
    if isinstance(spec, Uuid | Ref):
        form = _UUID.fullmatch

        def uuid(value: Any) -> Problem:
            if type(value) is str and len(value) == 36 and form(value) is not None:
                return None
            return _absent(value, optional, NOT_UUID)

        return uuid
    if isinstance(spec, Day):
        return lambda value: None if _is_day(value) else _absent(value, optional, NOT_DAY)
    if isinstance(spec, Moment):
        return lambda value: None if _is_moment(value) else _absent(value, optional, NOT_MOMENT)
    if isinstance(spec, Flag):
        return lambda value: None if type(value) is bool else _absent(value, optional, NOT_FLAG)
    if isinstance(spec, Scores):
        return lambda value: _absent(value, optional, NOT_TEXT) if value is None else _scores_problem(value)
    return _rows_test(spec)


def _rows_test(spec: Rows) -> Test:
    record, max_rows, optional = _record_test(spec.fields), spec.max_rows, spec.optional

    def rows(value: Any) -> Problem:
        if type(value) is not list or len(value) > max_rows:
            return _absent(value, optional, _rows(max_rows))
        for n, row in enumerate(value):
            try:
                problem = record(row)
            except _NestedError as bad:
                bad.steps.append(f"[{n}]")
                raise
            if problem is not None:
                raise _NestedError(f"[{n}]", problem)
        return None

    return rows


def _fits(spec: Spec, n: int, names: dict[str, Any]) -> str | None:
    """A Python expression true of a value ``v`` that the test of *spec* passes (its constants put in *names*
    under numbered names), or None where the test itself is to be called: nested rows and records, scores."""
    if isinstance(spec, Text):
        names[f"bad{n}"] = (_PROSE_BAD if spec.lines else _LINE_BAD).search
        names[f"form{n}"] = re.compile(spec.pattern).fullmatch if spec.pattern else None
        fits = f"type(v) is str and len(v) <= {spec.max_len:d}"
        fits += " and _name_ok(v)" if spec.name else f" and bad{n}(v) is None"
        if spec.pattern:
            fits += f" and form{n}(v) is not None"
    elif isinstance(spec, Whole):
        names[f"low{n}"], names[f"high{n}"] = spec.low, spec.high
        fits = f"type(v) is int and low{n} <= v <= high{n}"
    elif isinstance(spec, Choice):
        names[f"allowed{n}"] = frozenset(spec.values)
        fits = f"type(v) is str and v in allowed{n}"
    elif isinstance(spec, Uuid | Ref):
        fits = "type(v) is str and len(v) == 36 and _uuid(v) is not None"
    elif isinstance(spec, Day):
        fits = "_is_day(v)"
    elif isinstance(spec, Moment):
        fits = "_is_moment(v)"
    elif isinstance(spec, Flag):
        fits = "type(v) is bool"
    else:
        return None
    return f"v is None or ({fits})" if spec.optional else fits


def _keys_problem(value: dict[str, Any], fields: Fields) -> Problem:
    """What is wrong with a record whose fields are not exactly *fields*: the first missing one, or one too many."""
    missing = [name for name in fields if name not in value]
    if missing:
        raise _NestedError(f".{missing[0]}", MISSING)
    return _extra(next(name for name in value if name not in fields))


def _record_test(fields: Fields) -> Test:
    """The test of a record with exactly *fields*, each fitting its spec, in their order.

    Written out as the source of one function (as ``dataclasses`` writes ``__init__``) from the declaration alone:
    each field is looked at with the plain condition its value passes, and only a value that fails it goes
    through its kind's test above, which says what is wrong."""
    names: dict[str, Any] = {
        "fields": fields,
        "expected": frozenset(fields),
        "_keys_problem": _keys_problem,
        "_NestedError": _NestedError,
        "NOT_RECORD": NOT_RECORD,
        "_name_ok": _name_ok,
        "_uuid": _UUID.fullmatch,
        "_is_day": _is_day,
        "_is_moment": _is_moment,
    }
    source = [
        "def record(value):",
        "    if type(value) is not dict:",
        "        return NOT_RECORD",
        "    if value.keys() != expected:",
        "        return _keys_problem(value, fields)",
    ]
    for n, (name, spec) in enumerate(fields.items()):
        names[f"test{n}"] = _test(spec)
        step = f".{name}"
        fits = _fits(spec, n, names)
        if fits is not None:
            source += [
                f"    v = value[{name!r}]",
                f"    if not ({fits}):",
                f"        p = test{n}(v)",
                "        if p is not None:",
                f"            raise _NestedError({step!r}, p)",
            ]
        else:
            source += [
                "    try:",
                f"        p = test{n}(value[{name!r}])",
                "    except _NestedError as bad:",
                f"        bad.steps.append({step!r})",
                "        raise",
                "    if p is not None:",
                f"        raise _NestedError({step!r}, p)",
            ]
    source.append("    return None")
    exec("\n".join(source), names)  # made from the declaration, never from a package
    test: Test = names["record"]
    return test


_COMPILED: dict[int, tuple[object, Test]] = {}  # id of a declaration → (the declaration, kept alive; its test)


def _compiled(declared: Spec | Fields) -> Test:
    found = _COMPILED.get(id(declared))
    if found is not None and found[0] is declared:
        return found[1]
    test = _record_test(declared) if isinstance(declared, dict) else _test(declared)
    if len(_COMPILED) > 1_000:  # declarations made on the fly (a test's); the format's own stay few
        _COMPILED.clear()
    _COMPILED[id(declared)] = (declared, test)
    return test


def _run(test: Test, value: Any, where: str) -> None:
    try:
        problem = test(value)
    except _NestedError as bad:
        raise bad.at(where) from None
    if problem is not None:
        raise MalformedError(where, problem)


def check_value(value: Any, spec: Spec, where: str) -> None:
    """Raise :class:`MalformedError` unless *value* fits *spec*."""
    _run(_compiled(spec), value, where)


def check_record(record: Any, fields: Fields, where: str) -> None:
    """*record* is an object with exactly *fields*, each fitting its spec."""
    _run(_compiled(fields), record, where)


def _check_records(records: list[Any], fields: Fields, name: str) -> None:
    """Each of *records* (a list) against *fields*; *name*[n] says where. Checked first column by column (see
    :func:`_columns_test`); only when that does not pass are the records walked one by one, to name the first
    problem."""
    if _columns_compiled(fields)(records):
        return
    test = _compiled(fields)
    n = 0
    try:
        for n, record in enumerate(records):
            problem = test(record)
            if problem is not None:
                raise MalformedError(f"{name}[{n}]", problem)
    except _NestedError as bad:
        raise bad.at(f"{name}[{n}]") from None


# --- columns ------------------------------------------------------------------------------------------------
#
# A list of records of one declaration is checked first a column at a time: each field's values taken out of every
# record at once and looked at together with the interpreter's own loops (map, set, min and max, one regular
# expression over the values joined). A column passes only values its field's test passes, never more; when a
# column does not pass (a problem, or only a value this quick look cannot vouch for), the records are walked one by
# one as before, which finds the first problem and names its place. A good package is never walked value by value.

ColumnsTest = Callable[[list[Any]], bool]
_NONE = type(None)
_not_none = partial(operator.is_not, None)
_TEXT = frozenset({str})
_TIME = r"T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]"
_MOMENT_COLUMN = re.compile(f"[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}{_TIME}(?:\\n[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}{_TIME})*")
_first_ten = operator.itemgetter(slice(0, 10))


def _present(values: list[Any], kinds: set[type], allowed: frozenset[type], optional: bool) -> list[Any] | None:
    """*values* (whose types are *kinds*) without their nulls, if each is of one of the *allowed* types or null
    where *optional*; None otherwise."""
    if not kinds <= (allowed | {_NONE} if optional else allowed):
        return None
    return list(filter(_not_none, values)) if _NONE in kinds else values


def _uuids(found: list[str]) -> bool:
    """Whether each of *found* is a UUID in canonical form: 36 characters, the four dashes in their places, the
    32 others lower-case hexadecimal digits (looked at for all of them together, by slices and one conversion)."""
    if set(map(len, found)) != {36}:
        return False
    joined, count = "".join(found), len(found)
    if any(joined[at::36] != "-" * count for at in (8, 13, 18, 23)):
        return False
    digits = joined.replace("-", "")
    try:  # bytes.fromhex skips white space: then it makes fewer bytes; it takes upper-case digits: lower() finds them
        return len(bytes.fromhex(digits)) == 16 * count and digits == digits.lower()
    except ValueError:
        return False


def _each_fits(found: list[str], form: "re.Pattern[str]", width: int) -> bool:
    """Whether each of *found* is *width* characters of *form*, a pattern of one value followed by any number of
    line breaks and values, none of which holds a line break: the values joined by line breaks fit it, and are as
    long as that many values (so no value holds a line break of its own)."""
    joined = "\n".join(found)
    return len(joined) == len(found) * (width + 1) - 1 and form.fullmatch(joined) is not None


def _text_column(spec: Text) -> ColumnsTest:
    max_len, optional, name = spec.max_len, spec.optional, spec.name
    bad = (_PROSE_BAD if spec.lines else _LINE_BAD).search  # one character at a time: joined as apart
    form = re.compile(spec.pattern).fullmatch if spec.pattern else None

    def texts(values: list[Any]) -> bool:
        found = _present(values, set(map(type, values)), _TEXT, optional)
        if not found:
            return found is not None
        if max(map(len, found)) > max_len:
            return False
        if name:
            # the quick characters are one class repeated: the values joined are made of them when each is
            if _NAME_FAST.fullmatch("".join(found)) is None and not all(map(_name_ok, set(found))):
                return False
        else:
            joined = "".join(found)
            # every character either rule refuses, isprintable() refuses too (and line breaks, tabs: the search decides)
            if not joined.isprintable() and bad(joined) is not None:
                return False
        return form is None or all(map(form, set(found)))

    return texts


def _column(spec: Spec) -> ColumnsTest:
    """The column test of the values of a field declared by *spec*."""
    if isinstance(spec, Group):
        records = _columns_test(spec.fields)
        return lambda values: set(map(type, values)) <= {dict} and records(values)
    optional = spec.optional
    if isinstance(spec, Text):
        return _text_column(spec)
    if isinstance(spec, Whole):
        low, high = spec.low, spec.high

        def wholes(values: list[Any]) -> bool:
            found = _present(values, set(map(type, values)), frozenset({int}), optional)  # not bool: its own type
            return found is not None and (not found or (low <= min(found) and max(found) <= high))

        return wholes
    if isinstance(spec, Choice):
        allowed = frozenset(spec.values)

        def choices(values: list[Any]) -> bool:
            found = _present(values, set(map(type, values)), _TEXT, optional)
            return found is not None and set(found) <= allowed

        return choices
    if isinstance(spec, Uuid | Ref):

        def uuids(values: list[Any]) -> bool:
            found = _present(values, set(map(type, values)), _TEXT, optional)
            return found is not None and (not found or _uuids(found))

        return uuids
    if isinstance(spec, Day):

        def days(values: list[Any]) -> bool:
            found = _present(values, set(map(type, values)), _TEXT, optional)
            return found is not None and all(map(_is_day, set(found)))

        return days
    if isinstance(spec, Moment):

        def moments(values: list[Any]) -> bool:
            found = _present(values, set(map(type, values)), _TEXT, optional)
            if not found:
                return found is not None
            # the form and the time of day at once, then each day once: a real day in range
            return _each_fits(found, _MOMENT_COLUMN, 19) and all(map(_is_day, set(map(_first_ten, found))))

        return moments
    if isinstance(spec, Flag):
        return lambda values: _present(values, set(map(type, values)), frozenset({bool}), optional) is not None
    if isinstance(spec, Scores):
        return lambda values: all(_scores_problem(value) is None if value is not None else optional for value in values)
    return _rows_column(spec)


def _rows_column(spec: Rows) -> ColumnsTest:
    records, max_rows, optional = _columns_test(spec.fields), spec.max_rows, spec.optional

    def rows(values: list[Any]) -> bool:
        found = _present(values, set(map(type, values)), frozenset({list}), optional)
        if not found:
            return found is not None
        return max(map(len, found)) <= max_rows and records(list(chain.from_iterable(found)))

    return rows


def _columns_test(fields: Fields) -> ColumnsTest:
    """Whether every one of a list of records surely passes the test of a record with exactly *fields*: each an
    object with exactly those fields, each column passing its field's column test."""
    count = len(fields)
    columns = [(operator.itemgetter(name), _column(spec)) for name, spec in fields.items()]

    def records(values: list[Any]) -> bool:
        if not values:
            return True
        if set(map(type, values)) != {dict} or set(map(len, values)) != {count}:
            return False
        try:  # as many fields as declared, and each declared one there (or KeyError): exactly the declared ones
            return all(column(list(map(value_of, values))) for value_of, column in columns)
        except KeyError:
            return False

    return records


_COLUMNS: dict[int, tuple[Fields, ColumnsTest]] = {}  # as _COMPILED


def _columns_compiled(fields: Fields) -> ColumnsTest:
    found = _COLUMNS.get(id(fields))
    if found is not None and found[0] is fields:
        return found[1]
    test = _columns_test(fields)
    if len(_COLUMNS) > 1_000:
        _COLUMNS.clear()
    _COLUMNS[id(fields)] = (fields, test)
    return test


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
    manifest_test = _record_test({**fields, **optional})  # made for this manifest, once a package: not kept
    _run(manifest_test, {k: v for k, v in manifest.items() if k != "parts"}, "manifest")
    if type(parts) is not dict or len(parts) > 5_000:
        raise MalformedError("manifest.parts", NOT_RECORD)
    for name, digest in parts.items():
        if name not in ("data.json", "audit.json", "dues.json") and MINUTES.fullmatch(name) is None:
            raise MalformedError("manifest.parts", _extra(name))
        check_value(digest, HEX64, f"manifest.parts.{ascii(name)[1:-1]}")
    if "data.json" not in parts:
        raise MalformedError("manifest.parts.data.json", MISSING)


DUES: Fields = {"months": Rows(DUES_MONTH, MAX_DUES_ROWS), "members": Rows(DUES_MEMBER_MONTH, MAX_DUES_ROWS)}


def check_dues(dues: Any, members: set[str] | None) -> dict[str, list[dict[str, Any]]]:
    """The branch's dues figures (dues.json): its months and its members' months, each member one of the package's
    *members* (UUIDs), each month a first day, each member's month once. A package that carries only the records
    that changed (*members* None) names members it does not carry; the figures are the sending unit's own either
    way (kept under it, by UUID), so they need not be members here."""
    if type(dues) is not dict:
        raise MalformedError("dues", NOT_RECORD)
    if not _columns_compiled(DUES)([dues]):
        check_record(dues, DUES, "dues")
    months: set[str] = set()
    for n, row in enumerate(dues["months"]):
        month = row["month"]
        if not month.endswith("-01"):
            raise MalformedError(f"dues.months[{n}].month", BAD_FORM)
        if month in months:
            raise MalformedError(f"dues.months[{n}]", TWICE)
        months.add(month)
    seen: set[tuple[str, str]] = set()
    for n, row in enumerate(dues["members"]):
        key = (row["member_uuid"], row["month"])
        if not key[1].endswith("-01"):
            raise MalformedError(f"dues.members[{n}].month", BAD_FORM)
        if members is not None and key[0] not in members:
            raise MalformedError(f"dues.members[{n}].member_uuid", DANGLING)
        if key in seen:
            raise MalformedError(f"dues.members[{n}]", TWICE)
        seen.add(key)
    return dues


_AUDIT_ENTRY = _record_test(AUDIT_ENTRY)
_LOWEST, _HIGHEST = -(2**63), 2**63 - 1


def _object(text: str) -> dict[str, Any] | None:
    """*text* read as one JSON object by the same parser as :func:`loads`, but without its per-call work: when
    the text is exactly one object (no space around it, nothing after it). None otherwise, or on any problem:
    then :func:`loads` reads it again and says what the problem is."""
    if not text.startswith("{"):
        return None
    try:
        value, end = _SCAN(text, 0)
    except (StopIteration, ValueError, TypeError, RecursionError):
        return None
    return value if end == len(text) and type(value) is dict else None


_SCAN: Callable[[str, int], tuple[Any, int]] = make_scanner(_DECODER)  # type: ignore[arg-type]  # as the decoder


def _side_problem(text: str) -> Problem:
    """What is wrong with an audit entry's *old* or *new*: it must be JSON text (as :func:`loads` allows it) of one
    object whose values are text, 64-bit whole numbers, finite numbers or null, under keys of at most 64
    characters."""
    values = _object(text)
    if values is None:
        try:
            values = loads(text, "")
        except MalformedError as error:
            return error.problem
    if type(values) is not dict:
        return NOT_RECORD
    for key, value in values.items():
        kind = type(value)
        if len(key) > 64:
            return NOT_RECORD
        if kind is str or value is None:
            continue
        if kind is int:
            if not _LOWEST <= value <= _HIGHEST:
                return NOT_RECORD
        elif kind is not float or not math.isfinite(value):
            return NOT_RECORD
    return None


_AUDIT_COLUMNS = _columns_test(AUDIT_ENTRY)
_AUDIT_CHUNK = 4_096  # entries looked at together: their texts are joined, then read at once
_both_sides = operator.itemgetter("old", "new")
_first_character, _last_character = operator.itemgetter(0), operator.itemgetter(-1)
_FLAT_KINDS = frozenset({str, int, float, _NONE})


def _sides_fit(texts: list[str]) -> bool:
    """Whether each of *texts* (the non-null *old* and *new* of some audit entries) surely passes
    :func:`_side_problem`: read by one call of the same parser, joined into one list, then looked at together.

    Each text begins with ``{`` and ends with ``}``, and they are joined by a comma and a line break. No joint
    can fall inside a string (the parser refuses a line break there), so at each joint a closing brace is followed
    by a comma and an opening brace; every object read being flat (nothing nested in it), a closing brace always
    ends an element of the list. So each joint separates two elements, and with as many elements as texts, each
    text is exactly one element, read as it would be alone (a key twice, NaN or Infinity anywhere: the whole
    reading fails). Anything else — a text with spaces around its object, one that is no object — is for the
    entries' walk to judge."""
    if not texts:
        return True
    try:
        if set(map(_first_character, texts)) != {"{"} or set(map(_last_character, texts)) != {"}"}:
            return False
        values = _DECODER.decode("[" + ",\n".join(texts) + "]")
    except (IndexError, ValueError, TypeError, RecursionError):  # IndexError: an empty text
        return False
    if len(values) != len(texts) or set(map(type, values)) != {dict}:
        return False
    keys = set(chain.from_iterable(values))
    if keys and max(map(len, keys)) > 64:
        return False
    found = list(chain.from_iterable(map(dict.values, values)))
    types = list(map(type, found))
    kinds = set(types)
    if not kinds <= _FLAT_KINDS:  # not true or false, nothing nested
        return False
    if int in kinds:
        whole = list(compress(found, map(operator.is_, types, repeat(int))))
        if min(whole) < _LOWEST or max(whole) > _HIGHEST:
            return False
    return float not in kinds or all(map(math.isfinite, compress(found, map(operator.is_, types, repeat(float)))))


def check_audit(entries: Any) -> int:
    """The branch's audit log: a list of entries whose *old* and *new* are JSON text of one flat object. Returns
    how many entries it holds. Checked a few thousand entries at a time, column by column and their texts read in
    one call (see :func:`_sides_fit`); only a part that does not pass so is walked entry by entry, to name the first
    problem."""
    if type(entries) is not list or len(entries) > MAX_AUDIT:
        raise MalformedError("audit", _rows(MAX_AUDIT))
    for start in range(0, len(entries), _AUDIT_CHUNK):
        part = entries[start : start + _AUDIT_CHUNK]
        if not _AUDIT_COLUMNS(part) or not _sides_fit(
            list(filter(_not_none, chain.from_iterable(map(_both_sides, part))))
        ):
            _walk_audit(part, start)
    return len(entries)


def _walk_audit(entries: list[Any], start: int) -> None:
    """Each of *entries* (from the log's entry *start* on) with its *old* and *new*, one by one: the first problem
    is raised, named by its place."""
    test = _AUDIT_ENTRY
    n = start
    try:
        for n, entry in enumerate(entries, start):
            problem = test(entry)
            if problem is not None:
                raise MalformedError(f"audit[{n}]", problem)
            for side in ("old", "new"):
                text = entry[side]
                if text is not None:
                    problem = _side_problem(text)
                    if problem is not None:
                        raise MalformedError(f"audit[{n}].{side}", problem)
    except _NestedError as bad:
        raise bad.at(f"audit[{n}]") from None


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
        _check_records(records, fields, table)
    if manifest is not None:
        counts = manifest["counts"]
        if any(counts[table] != len(data[table]) for table in carried):
            raise MalformedError("manifest.counts", COUNTS_DIFFER)
        return _links(data, manifest["branch"]["uuid"])
    return _links(data, None)


@dataclass(frozen=True)
class _Shape:
    """Where the records of one table (or kind of nested row) hold references and nested rows."""

    refs: tuple[tuple[str, str], ...]  # (field, target table)
    nested: tuple[tuple[str, str, bool, "_Shape"], ...]  # (field, kind of row, whether it has a uuid, its shape)


def _shape_of(fields: Fields, path: str) -> _Shape:
    return _Shape(
        tuple((name, spec.target) for name, spec in fields.items() if isinstance(spec, Ref)),
        tuple(
            (name, f"{path}.{name}", "uuid" in spec.fields, _shape_of(spec.fields, f"{path}.{name}"))
            for name, spec in fields.items()
            if isinstance(spec, Rows)
        ),
    )


_SHAPES = {table: _shape_of(fields, table) for table, fields in TABLES.items()}


_uuid_of = operator.itemgetter("uuid")


def _gather(
    records: list[Any], shape: _Shape, kinds: dict[str, list[str]], refs: dict[tuple[str, str], set[str | None]]
) -> None:
    """Into *kinds*: the UUIDs of each kind of nested row below *records*; into *refs*: (field, target) → the UUIDs
    the records and their nested rows refer to."""
    for name, target in shape.refs:
        refs.setdefault((name, target), set()).update(map(operator.itemgetter(name), records))
    for name, kind, has_uuid, below in shape.nested:
        rows = list(chain.from_iterable(map(operator.itemgetter(name), records)))
        if has_uuid:
            kinds.setdefault(kind, []).extend(map(_uuid_of, rows))
        _gather(rows, below, kinds, refs)


def _links(data: dict[str, Any], sender: str | None) -> Links:
    """The package's :class:`Links`, or the first problem with them. Each check is first made on whole sets (a
    package without a problem passes in a few set operations); when one fails, the records are walked in order to
    say where the first problem is."""
    links = Links(sender or "")
    kinds: dict[str, list[str]] = {}
    refs: dict[tuple[str, str], set[str | None]] = {}
    for table in TABLES:
        records = data[table]
        uuids = list(map(_uuid_of, records))
        links.uuids[table] = set(uuids)
        table_kinds: dict[str, list[str]] = {}
        _gather(records, _SHAPES[table], table_kinds, refs)
        kinds.update(table_kinds)
        if len(links.uuids[table]) != len(uuids) or any(len(set(k)) != len(k) for k in table_kinds.values()):
            _first_twice(table, records)
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
    for (name, target), found in refs.items():
        referred = {uuid for uuid in found if uuid is not None}
        outside = referred - links.uuids[target]
        if target == "org_units":
            # a unit is always carried by the package that names it, and records belong to a branch, never to a
            # committee
            if outside or (not name.endswith("parent_uuid") and not referred <= branches):
                _first_dangling(data, links, branches)
        elif outside:
            links.outside.setdefault(target, set()).update(outside)
    _check_unique_pairs(data)
    return links


def _first_twice(table: str, records: list[dict[str, Any]]) -> NoReturn:
    """Raise for the first record of *table* whose UUID, or one of whose nested rows' UUIDs, came before."""
    fields = TABLES[table]
    seen: set[str] = set()
    nested: dict[str, set[str]] = {}
    for n, record in enumerate(records):
        if record["uuid"] in seen:
            raise MalformedError(f"{table}[{n}].uuid", TWICE)
        seen.add(record["uuid"])
        for kind, uuid in _nested_uuids(record, fields, table):
            kind_seen = nested.setdefault(kind, set())
            if uuid in kind_seen:
                raise MalformedError(f"{table}[{n}] ({kind})", TWICE)
            kind_seen.add(uuid)
    raise MalformedError(table, TWICE)  # not reached: the sets said one is there


def _first_dangling(data: dict[str, Any], links: Links, branches: set[str]) -> NoReturn:
    """Raise for the first reference to a unit that the package does not carry, or that is not a branch."""
    for table, fields in TABLES.items():
        for n, record in enumerate(data[table]):
            for target, uuid, where in _refs(record, fields, f"{table}[{n}]"):
                if target != "org_units":
                    continue
                if uuid not in links.uuids[target]:
                    raise MalformedError(where, DANGLING)
                if not where.endswith("parent_uuid") and uuid not in branches:
                    raise MalformedError(where, NOT_BELOW)
    raise MalformedError("org_units", DANGLING)  # not reached: the sets said one is there


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


def check_minutes(attachments: dict[str, bytes], links: Links, whole: bool = True) -> None:
    """Printed minutes travel only for the package's own meetings, and are PDF files. A package that carries only
    the records that changed (not *whole*) may carry the minutes of a meeting sent before: its UUID is added to
    the references outside the package, checked against the database."""
    for name, content in attachments.items():
        found = MINUTES.fullmatch(name)
        if found is None:
            continue
        if found.group(1) not in links.uuids["meetings"]:
            if whole:
                raise MalformedError(f"manifest.parts.{name}", DANGLING)
            links.outside.setdefault("meetings", set()).add(found.group(1))
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
