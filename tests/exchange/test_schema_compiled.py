"""The compiled check says what the declaration says. Beside it, the check as the format first wrote it — each value
interpreted against its declaration, one at a time — and both are given the same records, right and wrong: they
must refuse the same ones, at the same place, for the same reason. The same for the package's links (UUIDs once,
references inside the package or listed, records of branches only), checked first on whole sets."""

import re
import unicodedata
from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chibo_desktop.domain.exchange_format import (
    AUDIT_ENTRY,
    DUES_MEMBER_MONTH,
    FIRST_DAY,
    LAST_DAY,
    MANIFEST,
    RECEIPT,
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
)
from chibo_desktop.domain.text import LINE_REFUSED, NAME_REFUSED_CATEGORIES, PROSE_REFUSED
from chibo_desktop.exchange import schema

CHECKS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- the check as first written ------------------------------------------------------------------------------

_LINE_BAD, _PROSE_BAD = LINE_REFUSED, PROSE_REFUSED  # the one rule for typed and sent text (domain/text.py)
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _name_ok(value: str) -> bool:
    if value.isascii():
        return _LINE_BAD.search(value) is None
    return not any(unicodedata.category(c) in NAME_REFUSED_CATEGORIES for c in value)


def _day(value: Any) -> bool:
    if type(value) is not str or len(value) != 10 or re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) is None:
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return FIRST_DAY <= value <= LAST_DAY


def _moment(value: Any) -> bool:
    if (
        type(value) is not str
        or len(value) != 19
        or re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}", value) is None
    ):
        return False
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return FIRST_DAY <= value[:10] <= LAST_DAY


def _scores(value: Any, where: str) -> None:
    if type(value) is not str:
        raise schema.MalformedError(where, schema.NOT_TEXT)
    if value == "":
        return
    if len(value) > schema.MAX_SCORES:
        raise schema.MalformedError(where, schema._too_long(schema.MAX_SCORES))
    scores = schema.loads(value, where)
    if type(scores) is not dict or len(scores) > 100:
        raise schema.MalformedError(where, schema.NOT_SCORES)
    for key, points in scores.items():
        if len(key) > 200 or _LINE_BAD.search(key) is not None:
            raise schema.MalformedError(where, schema.NOT_SCORES)
        if type(points) is not int or not 0 <= points <= 1000:
            raise schema.MalformedError(where, schema.NOT_SCORES)


def reference_value(value: Any, spec: Spec, where: str) -> None:
    bad = schema.MalformedError
    if value is None:
        if isinstance(spec, Group) or not spec.optional:
            raise bad(where, schema.MISSING)
        return
    if isinstance(spec, Text):
        if type(value) is not str:
            raise bad(where, schema.NOT_TEXT)
        if len(value) > spec.max_len:
            raise bad(where, schema._too_long(spec.max_len))
        if spec.name:
            if not _name_ok(value):
                raise bad(where, schema.BAD_CHARACTERS)
        elif (_PROSE_BAD if spec.lines else _LINE_BAD).search(value) is not None:
            raise bad(where, schema.BAD_CHARACTERS)
        if spec.pattern and re.fullmatch(spec.pattern, value) is None:
            raise bad(where, schema.BAD_FORM)
    elif isinstance(spec, Whole):
        if type(value) is not int or not spec.low <= value <= spec.high:
            raise bad(where, schema._out_of_range(spec.low, spec.high))
    elif isinstance(spec, Choice):
        if type(value) is not str or value not in spec.values:
            raise bad(where, schema.NOT_CHOICE)
    elif isinstance(spec, Uuid | Ref):
        if type(value) is not str or len(value) != 36 or _UUID.fullmatch(value) is None:
            raise bad(where, schema.NOT_UUID)
    elif isinstance(spec, Day):
        if not _day(value):
            raise bad(where, schema.NOT_DAY)
    elif isinstance(spec, Moment):
        if not _moment(value):
            raise bad(where, schema.NOT_MOMENT)
    elif isinstance(spec, Flag):
        if type(value) is not bool:
            raise bad(where, schema.NOT_FLAG)
    elif isinstance(spec, Scores):
        _scores(value, where)
    elif isinstance(spec, Rows):
        if type(value) is not list or len(value) > spec.max_rows:
            raise bad(where, schema._rows(spec.max_rows))
        for n, row in enumerate(value):
            reference_record(row, spec.fields, f"{where}[{n}]")
    else:
        reference_record(value, spec.fields, where)


def reference_record(record: Any, fields: Fields, where: str) -> None:
    if type(record) is not dict:
        raise schema.MalformedError(where, schema.NOT_RECORD)
    if record.keys() != fields.keys():
        missing = [name for name in fields if name not in record]
        if missing:
            raise schema.MalformedError(f"{where}.{missing[0]}", schema.MISSING)
        raise schema.MalformedError(where, schema._extra(next(name for name in record if name not in fields)))
    for name, spec in fields.items():
        reference_value(record[name], spec, f"{where}.{name}")


# --- values, right and (now and then) wrong ------------------------------------------------------------------

UUIDS = ["0b6f6c1e-8a58-4c53-9b3e-2f1d6a1c0a0" + str(n) for n in range(6)]
wrong = st.one_of(
    st.none(),
    st.integers(-3, 3),
    st.booleans(),
    st.floats(allow_nan=False),
    st.text(max_size=4),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=2),
    st.sampled_from(["\x00", "\u202e", "\u200b", "\u00ad", "\n", "a\tb", "Nguyễn\u2028", "\ud800", "ǅ", "\u00a0x"]),
)


def right(spec: Spec, depth: int) -> st.SearchStrategy[Any]:
    if isinstance(spec, Text):
        if spec.pattern:
            return st.from_regex(spec.pattern, fullmatch=True).filter(lambda v: len(v) <= spec.max_len)
        names = ["Nguyễn Thị Ngọc Bích", "Đặng Đức", "H'Hen Niê", "Lâm Thị Sa Phol", "", "a" * spec.max_len]
        return st.one_of(st.sampled_from(names), st.text(max_size=6), st.just("dòng 1\ndòng 2\tcột"))
    if isinstance(spec, Whole):
        return st.one_of(st.sampled_from([spec.low, spec.high, spec.low - 1, spec.high + 1]), st.integers())
    if isinstance(spec, Choice):
        return st.sampled_from(spec.values)
    if isinstance(spec, Uuid | Ref):
        return st.sampled_from([*UUIDS, UUIDS[0].upper(), UUIDS[0][:-1]])
    if isinstance(spec, Day):
        return st.one_of(st.dates().map(date.isoformat), st.sampled_from(["2024-02-30", "2024-2-3"]))
    if isinstance(spec, Moment):
        return st.one_of(st.datetimes().map(lambda d: d.isoformat(timespec="seconds")), st.just("2024-01-01T25:00:00"))
    if isinstance(spec, Flag):
        return st.booleans()
    if isinstance(spec, Scores):
        return st.sampled_from(["", '{"a": 1}', '{"a": 1.5}', "{", '{"a": 1, "a": 2}', "[1]", '{"\\n": 3}'])
    if isinstance(spec, Rows):
        if depth > 2:
            return st.just([])
        return st.lists(record(spec.fields, depth + 1), max_size=2)
    return record(spec.fields, depth + 1)


def value(spec: Spec, depth: int) -> st.SearchStrategy[Any]:
    return st.one_of(right(spec, depth), right(spec, depth), right(spec, depth), wrong)


@st.composite
def record(draw: st.DrawFn, fields: Fields, depth: int = 0) -> dict[str, Any]:
    made = {name: draw(value(spec, depth)) for name, spec in fields.items()}
    change = draw(st.sampled_from(["none"] * 8 + ["drop", "add"]))
    if change == "drop" and made:
        made.pop(draw(st.sampled_from(sorted(made))))
    elif change == "add":
        made[draw(st.text(max_size=3))] = 1
    return made


DECLARED: dict[str, Fields] = {
    **TABLES,
    "audit": AUDIT_ENTRY,
    "dues": DUES_MEMBER_MONTH,
    "receipt": RECEIPT,
    "manifest": {**MANIFEST, "counts": Group({t: Whole(0, 10) for t in TABLES})},
}


def outcome(check: Any, *args: Any) -> tuple[str, str] | None:
    try:
        check(*args)
    except schema.MalformedError as error:
        return error.where, error.problem.render()
    return None


@CHECKS
@given(st.data())
def test_the_compiled_check_refuses_what_the_declaration_refuses_at_the_same_place(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(sorted(DECLARED)))
    fields = DECLARED[name]
    made = data.draw(st.one_of(record(fields), wrong))
    assert outcome(schema.check_record, made, fields, name) == outcome(reference_record, made, fields, name)


@CHECKS
@given(st.data())
def test_each_value_alone(data: st.DataObject) -> None:
    """Every field of a declaration, each given a value of its own, right or wrong."""
    fields = DECLARED[data.draw(st.sampled_from(sorted(DECLARED)))]
    for spec in fields.values():
        given_value = data.draw(value(spec, 0))
        assert outcome(schema.check_value, given_value, spec, "x") == outcome(reference_value, given_value, spec, "x")
        alone = {"field": spec}  # the record's own code for it, which looks at the value without calling its test
        assert outcome(schema.check_record, {"field": given_value}, alone, "x") == outcome(
            reference_record, {"field": given_value}, alone, "x"
        )


def test_a_name_of_the_fast_characters_has_none_of_the_refused_ones() -> None:
    """Names made only of the characters checked without looking up each one's category: none of those
    characters is of a refused category."""
    fast = [chr(c) for c in range(0x110000) if schema._NAME_FAST.fullmatch(chr(c))]
    assert len(fast) > 800 and "ễ" in fast and "Đ" in fast
    assert not [c for c in fast if unicodedata.category(c) in schema._NAME_BAD_CATEGORIES]


# --- links ---------------------------------------------------------------------------------------------------


def reference_links(data: dict[str, Any], sender: str | None) -> schema.Links:
    """The links as first written: every record walked in order."""
    links = schema.Links(sender or "")
    for table, fields in TABLES.items():
        seen: set[str] = set()
        nested: dict[str, set[str]] = {}
        for n, one in enumerate(data[table]):
            if one["uuid"] in seen:
                raise schema.MalformedError(f"{table}[{n}].uuid", schema.TWICE)
            seen.add(one["uuid"])
            for kind, uuid in schema._nested_uuids(one, fields, table):
                kind_seen = nested.setdefault(kind, set())
                if uuid in kind_seen:
                    raise schema.MalformedError(f"{table}[{n}] ({kind})", schema.TWICE)
                kind_seen.add(uuid)
        links.uuids[table] = seen
    units = {u["uuid"]: u for u in data["org_units"]}
    branches = {uuid for uuid, u in units.items() if u["kind"] == "branch"}
    if sender is not None:
        if sender not in units:
            raise schema.MalformedError("manifest.branch.uuid", schema.NOT_SENDER)
        branches.add(sender)
        for n, unit in enumerate(data["org_units"]):
            if unit["kind"] == "branch" and not schema._under(unit["uuid"], sender, units):
                raise schema.MalformedError(f"org_units[{n}]", schema.NOT_BELOW)
    links.units = branches
    for table, fields in TABLES.items():
        for n, one in enumerate(data[table]):
            for target, uuid, where in schema._refs(one, fields, f"{table}[{n}]"):
                if uuid in links.uuids[target]:
                    if target == "org_units" and not where.endswith("parent_uuid") and uuid not in branches:
                        raise schema.MalformedError(where, schema.NOT_BELOW)
                    continue
                if target == "org_units":
                    raise schema.MalformedError(where, schema.DANGLING)
                links.outside.setdefault(target, set()).add(uuid)
    schema._check_unique_pairs(data)
    return links


NESTED_UUIDS = [f"1c6f6c1e-8a58-4c53-9b3e-2f1d6a1c0a{n:02d}" for n in range(40)]


@st.composite
def linked(draw: st.DrawFn, fields: Fields, depth: int = 0) -> dict[str, Any]:
    """A record of the right shape whose references are drawn from a few UUIDs (some of them nowhere), its nested
    rows' own UUIDs from more (now and then one twice)."""
    made: dict[str, Any] = {}
    for name, spec in fields.items():
        if isinstance(spec, Uuid) and depth > 0:
            made[name] = draw(st.sampled_from(NESTED_UUIDS))
        elif isinstance(spec, Uuid | Ref):
            made[name] = draw(st.sampled_from(UUIDS + ([None] if spec.optional else [])))
        elif isinstance(spec, Rows):
            made[name] = draw(st.lists(linked(spec.fields, depth + 1), max_size=2 if depth < 2 else 0))
        else:
            made[name] = draw(right(spec, depth))
    return made


@st.composite
def units(draw: st.DrawFn) -> list[dict[str, Any]]:
    """The sender (the first UUID, a branch), and units under it or elsewhere, branches or committees."""
    found = [{"uuid": UUIDS[0], "name": "Chi bộ", "kind": "branch", "place_name": "", "parent_uuid": None}]
    for uuid in draw(st.lists(st.sampled_from(UUIDS[1:]), max_size=3, unique=True)):
        parent = draw(st.sampled_from([UUIDS[0], UUIDS[0], UUIDS[0], None, *UUIDS[1:]]))
        kind = draw(st.sampled_from(["branch", "branch", "committee"]))
        found.append({"uuid": uuid, "name": "Đơn vị", "kind": kind, "place_name": "", "parent_uuid": parent})
    return found


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_links_found_on_sets_are_those_found_record_by_record(data: st.DataObject) -> None:
    package: dict[str, Any] = {}
    for table, fields in TABLES.items():
        unique = data.draw(st.sampled_from([True, True, True, True, False]))
        records = st.lists(linked(fields), max_size=3, unique_by=(lambda r: r["uuid"]) if unique else None)
        package[table] = data.draw(units() if table == "org_units" and unique else records)
    sender = data.draw(st.sampled_from([UUIDS[0], UUIDS[0], UUIDS[0], None, UUIDS[5]]))
    expected = outcome(reference_links, package, sender)
    assert outcome(schema._links, package, sender) == expected
    if expected is None:
        assert schema._links(package, sender) == reference_links(package, sender)


# --- column by column ----------------------------------------------------------------------------------------
#
# A list of records is looked at a column at a time first, and walked record by record only when that does not
# pass: whatever the list, the outcome is the reference's, record by record, at the same place.


def fitting(spec: Spec, depth: int) -> st.SearchStrategy[Any]:
    """Values the declaration allows, its edges among them."""
    if isinstance(spec, Group):
        return fitting_record(spec.fields, depth + 1)
    if isinstance(spec, Text):
        if spec.pattern:
            made = st.from_regex(spec.pattern, fullmatch=True).filter(lambda v: len(v) <= spec.max_len)
        else:
            texts = ["Nguyễn Thị Ngọc Bích", "H'Hen Niê", "", "a" * spec.max_len, "Ngô Đình Nhu (con)"]
            if spec.lines:
                texts += ["dòng 1\ndòng 2\tcột\r\n"]
            made = st.sampled_from(texts)
    elif isinstance(spec, Whole):
        made = st.one_of(st.sampled_from([spec.low, spec.high]), st.integers(spec.low, spec.high))
    elif isinstance(spec, Choice):
        made = st.sampled_from(spec.values)
    elif isinstance(spec, Uuid | Ref):
        made = st.sampled_from(UUIDS)
    elif isinstance(spec, Day):
        made = st.dates(date.fromisoformat(FIRST_DAY), date.fromisoformat(LAST_DAY)).map(date.isoformat)
    elif isinstance(spec, Moment):
        made = st.datetimes(datetime.fromisoformat(FIRST_DAY), datetime.fromisoformat(LAST_DAY + "T23:59:59")).map(
            lambda d: d.isoformat(timespec="seconds")
        )
    elif isinstance(spec, Flag):
        made = st.booleans()
    elif isinstance(spec, Scores):
        made = st.sampled_from(["", '{"a": 1}', '{"Mục 1": 1000}'])
    else:
        made = st.just([]) if depth > 2 else st.lists(fitting_record(spec.fields, depth + 1), max_size=3)
    return st.one_of(st.none(), made) if getattr(spec, "optional", False) else made


@st.composite
def fitting_record(draw: st.DrawFn, fields: Fields, depth: int = 0) -> dict[str, Any]:
    return {name: draw(fitting(spec, depth)) for name, spec in fields.items()}


def reference_records(records: list[Any], fields: Fields, name: str) -> None:
    for n, made in enumerate(records):
        reference_record(made, fields, f"{name}[{n}]")


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_records_looked_at_column_by_column_are_refused_where_the_declaration_refuses_them(
    data: st.DataObject,
) -> None:
    name = data.draw(st.sampled_from(sorted(DECLARED)))
    fields = DECLARED[name]
    made = data.draw(st.lists(st.one_of(*[fitting_record(fields)] * 6, record(fields), wrong), max_size=6))
    expected = outcome(reference_records, made, fields, name)
    assert outcome(schema._check_records, made, fields, name) == expected
    if expected is not None:  # the columns never pass a list the reference refuses
        assert not schema._columns_compiled(fields)(made)


@CHECKS
@given(st.data())
def test_records_the_declaration_allows_pass_column_by_column(data: st.DataObject) -> None:
    """The quick look is taken for what a branch sends: never a fall back to the walk for a list of right records."""
    fields = DECLARED[data.draw(st.sampled_from(sorted(DECLARED)))]
    made = data.draw(st.lists(fitting_record(fields), max_size=5))
    reference_records(made, fields, "x")
    assert schema._columns_compiled(fields)(made)


UUID_A, UUID_B = UUIDS[0], UUIDS[1]


@pytest.mark.parametrize(
    ("spec", "values"),
    [
        (Uuid(), [UUID_A, UUID_B.upper()]),
        (Uuid(), [UUID_A, UUID_B[:8] + "x" + UUID_B[9:]]),  # a dash missing
        (Uuid(), [UUID_A, UUID_B[:-1] + "-"]),  # a dash too many
        (Uuid(), [UUID_A, UUID_B[:20] + " " + UUID_B[21:]]),  # a space among the digits
        (Uuid(), [UUID_A, UUID_B[:-1] + "g"]),
        (Uuid(), [UUID_A, UUID_B[:-1] + "٣"]),  # a digit, but not an ASCII one
        (Uuid(), [UUID_A + "\n" + UUID_B[:35], UUID_B[35:]]),  # whole UUIDs only when joined
        (Uuid(), [UUID_A[:20], UUID_A[20:] + UUID_B]),
        (Moment(), ["2024-01-01T10:00:00", "2024-01-01T24:00:00"]),
        (Moment(), ["2024-01-01T10:00:00", "2024-02-30T10:00:00"]),
        (Moment(), ["2024-01-01T10:00:00", "1849-12-31T10:00:00"]),
        (Moment(), ["2024-01-01T10:00:00", "2024-01-01T10:00:60"]),
        (Moment(), ["2024-01-01T10:00:00\n2024-01-01T10:00:00", "2024-01-01T10:00:00"]),
        (Moment(), ["2024-01-01T10:00:00", "２０２４-01-01T10:00:00"]),
        (Text(20, name=True), ["Nguyễn Văn A", "Nguyễn\u200bVăn A"]),
        (Text(20), ["dòng 1", "dòng 1\ndòng 2"]),
        (Text(20, lines=True), ["dòng 1\ndòng 2", "\x0b"]),
        (Text(12, pattern=r"\d{12}|"), ["012345678901", "01234567890"]),
        (Whole(0, 10), [0, 10, True]),
        (Whole(0, 10), [0, 11]),
        (Whole(0, 10), [0, 1.0]),
        (Choice(("a", "b")), ["a", None]),
        (Flag(), [True, 1]),
        (Day(optional=True), [None, "2024-02-29", "2023-02-29"]),
    ],
)
def test_a_column_with_one_wrong_value_does_not_pass(spec: Spec, values: list[Any]) -> None:
    fields: Fields = {"v": spec}
    made = [{"v": v} for v in values]
    assert outcome(reference_records, made, fields, "x") is not None
    assert not schema._columns_compiled(fields)(made)
    assert outcome(schema._check_records, made, fields, "x") == outcome(reference_records, made, fields, "x")


def test_records_with_a_field_missing_and_one_too_many_do_not_pass() -> None:
    fields: Fields = {"a": Whole(0, 9), "b": Whole(0, 9)}
    assert schema._columns_compiled(fields)([{"a": 1, "b": 2}, {"b": 2, "a": 1}])
    assert not schema._columns_compiled(fields)([{"a": 1, "b": 2}, {"a": 1, "c": 2}])
    assert not schema._columns_compiled(fields)([{"a": 1, "b": 2}, {"a": 1, "b": 2, "c": 3}])
    assert not schema._columns_compiled(fields)([{"a": 1, "b": 2}, [("a", 1), ("b", 2)]])


def test_every_character_text_may_not_hold_is_one_isprintable_refuses() -> None:
    """Text columns whose values joined are all printable skip the search for refused characters."""
    refused = [chr(c) for c in range(0x110000) if LINE_REFUSED.match(chr(c)) or PROSE_REFUSED.match(chr(c))]
    assert len(refused) > 2_000 and "\u202e" in refused
    assert not [c for c in refused if c.isprintable()]
