"""A structure-aware fuzzer of packages: take a branch's valid package, replace one value anywhere (a record's
field, a nested row's, the manifest's, the header's, an audit entry's, a whole record or table) with a wrong type,
an out-of-range value or a deep nesting, sign it with the branch's key and throw it at the upper level through the
app's own import. Every one must be refused with a message, write nothing, and raise nothing."""

import copy
import hashlib
import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chibo_desktop.domain.exchange_format import (
    AUDIT_ENTRY,
    MANIFEST,
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
from chibo_desktop.exchange import package
from tests.helpers.packages import inner, manifest_for, sealed, text
from tests.helpers.upper_level import RAW, World, build_world

FUZZ = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
Path_ = tuple[Any, ...]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    built = build_world(tmp_path_factory.mktemp("fuzz"))
    yield built
    for services in (built.upper, built.a, built.b):
        services.db.close()


class Raw(bytes):
    """JSON text put in place of a value as it is (deep nesting, NaN)."""


def nesting(depth: int) -> Raw:
    return Raw(b"[" * depth + b"]" * depth)


anything_else = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.integers(2, 40).map(nesting),
    st.sampled_from([Raw(b"NaN"), Raw(b"Infinity"), Raw(b"1e999"), Raw(b"-0.0")]),
)


def invalid(spec: Spec | str) -> st.SearchStrategy[Any]:
    """Values that *spec* must refuse."""
    none = st.nothing() if getattr(spec, "optional", False) else st.just(None)
    if spec == "record" or isinstance(spec, Group):
        return st.one_of(st.just(None), st.integers(), st.text(max_size=5), st.lists(st.integers(), max_size=2))
    if spec == "table":
        return st.one_of(st.just(None), st.integers(), st.dictionaries(st.text(max_size=3), st.integers()))
    if isinstance(spec, Text):
        bad = ["\x00", "\u202e"] + (["\u200b", "\ufeff", "\n", "\u00ad"] if spec.name else [])
        too_long = st.integers(1, 30).map(lambda n: "a" * (spec.max_len + n))
        with_bad = st.tuples(st.text(max_size=5), st.sampled_from(bad)).map(lambda t: t[0] + t[1])
        wrong = st.one_of(anything_else.filter(lambda v: not isinstance(v, str)), none)
        return st.one_of(too_long, with_bad, wrong)
    if isinstance(spec, Whole):
        outside = st.one_of(
            st.integers(1, 2**70).map(lambda n: spec.low - n), st.integers(1, 2**70).map(lambda n: spec.high + n)
        )
        return st.one_of(
            outside,
            st.just(str(spec.low)),
            st.floats(allow_nan=False).filter(lambda f: not f.is_integer()),
            st.just(float(spec.low)),
            st.booleans(),
            st.integers(2, 40).map(nesting),
            st.sampled_from([Raw(b"NaN"), Raw(b"1e999")]),
            none,
        )
    if isinstance(spec, Choice):
        return st.one_of(
            st.text(max_size=12).filter(lambda v: v not in spec.values),
            st.integers(),
            st.dictionaries(st.sampled_from(list(spec.values)), st.booleans(), min_size=1, max_size=1),
            none,
        )
    if isinstance(spec, Day | Moment):
        return st.one_of(
            st.integers(),
            st.sampled_from(["2024-02-30", "24-1-1", "1700-01-01", "2024-13-01", "2024-01-01T25:00:00", "hôm qua"]),
            st.dates().map(lambda d: d.strftime("%d/%m/%Y")),
            none,
        )
    if isinstance(spec, Flag):
        return st.one_of(st.sampled_from([0, 1, "true", "false", 0.0]), none)
    if isinstance(spec, Uuid):
        return st.one_of(
            st.integers(), st.just("not-a-uuid"), st.uuids().map(lambda u: str(u).upper()), st.just(""), none
        )
    if isinstance(spec, Ref):  # a well-formed UUID of nothing, here or in the package, is refused too
        return st.one_of(st.integers(), st.just("x"), st.uuids().map(str), none)
    if isinstance(spec, Scores):
        return st.one_of(st.integers(), st.sampled_from(["{", '{"a": 1.5}', '{"a": -1}', "[1]", '{"a": "b"}']), none)
    if isinstance(spec, Rows):
        return st.one_of(st.integers(), st.text(max_size=3), st.just({"a": 1}), st.just([1]), none)
    raise AssertionError(spec)


def slots(fields: Fields, value: dict[str, Any], path: Path_) -> Iterator[tuple[Path_, Spec | str]]:
    """(path, spec) of every value of *value* (and of its first nested rows)."""
    for name, spec in fields.items():
        yield (*path, name), spec
        if isinstance(spec, Rows) and value[name]:
            yield (*path, name, 0), "record"
            yield from slots(spec.fields, value[name][0], (*path, name, 0))
        elif isinstance(spec, Group):
            yield from slots(spec.fields, value[name], (*path, name))


def data_slots(data: dict[str, Any]) -> list[tuple[Path_, Spec | str]]:
    out: list[tuple[Path_, Spec | str]] = []
    for table, fields in TABLES.items():
        out.append((("data", table), "table"))
        records = data[table]
        for index in sorted({0, len(records) - 1} if records else set()):
            out.append((("data", table, index), "record"))
            out.extend(slots(fields, records[index], ("data", table, index)))
        if table == "meetings":  # a meeting with every kind of nested row
            full = max(range(len(records)), key=lambda i: sum(bool(records[i][k]) for k in fields if k in records[i]))
            out.extend(slots(fields, records[full], ("data", table, full)))
        if table == "loans":
            with_plan = next(i for i, loan in enumerate(records) if loan["plan"])
            out.extend(slots(fields, records[with_plan], ("data", table, with_plan)))
    return out


AUDIT = [
    {
        "at": "2026-11-22T09:00:00",
        "actor": "bi-thu",
        "table": "member",
        "row_uuid": "0b6f6c1e-8a58-4c53-9b3e-2f1d6a1c0a01",
        "action": "update",
        "old": json.dumps({"phone": "0912345678"}),
        "new": json.dumps({"phone": "0987654321"}),
    }
]


def put(target: Any, path: Path_, value: Any) -> None:
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value


def other_slots(world: World) -> list[tuple[Path_, Spec | str]]:
    made = manifest_for(world.uuid_of(world.a), world.a_key, world.data())
    manifest_fields: Fields = {**MANIFEST, "counts": Group({t: Whole(0, 10**6) for t in TABLES})}
    found = [(("manifest", *p[1:]), s) for p, s in slots(manifest_fields, {**made, "format": 2}, ("x",))]
    found = [(p, s) for p, s in found if p[1] not in ("format", "branch")]  # those decide the key and version
    found += [(("audit", 0, *p[1:]), s) for p, s in slots(AUDIT_ENTRY, AUDIT[0], ("x",))]
    found += [(("audit", 0), "record"), (("audit",), "table")]
    for name, spec in {
        "nonce": Text(16),
        "salt": Text(24),
        "n": Whole(2**15, 2**15),
        "r": Whole(8, 8),
        "p": Whole(1, 1),
        "kdf": Choice(("scrypt",)),
        "enc": Choice(("passphrase",)),
    }.items():
        found.append((("header", name), spec))
    return found


@st.composite
def mutations(draw: st.DrawFn, choices: list[tuple[Path_, Spec | str]]) -> tuple[Path_, Any]:
    path, spec = draw(st.sampled_from(choices))
    return path, draw(invalid(spec))


def throw(world: World, path: Path_, value: Any) -> str:
    """Build A's package with *value* put at *path*, and take it in at the upper level (it must be refused)."""
    message = world.refused(build(world, path, value), passphrase="mat-khau-chi-bo")
    if path[0] == "header":
        assert "header" in message or "phần đầu" in message, message  # refused for the header, not the lock
    return message


def build(world: World, path: Path_ | None = None, value: Any = None) -> bytes:
    """A's package, signed by A, with *value* put at *path* (nothing changed without a path)."""
    data = world.data()
    made: dict[str, Any] = {**manifest_for(world.uuid_of(world.a), world.a_key, data), "format": package.FORMAT_VERSION}
    made["sequence"] = 100_000 + next(world.sequence)
    parts: dict[str, Any] = {"data": data, "manifest": made, "audit": copy.deepcopy(AUDIT), "header": None}
    parts["header"] = {
        "enc": "passphrase",
        "kdf": "scrypt",
        **package.SCRYPT,
        "salt": "A" * 22 + "==",
        "nonce": "A" * 16,
    }
    part, *where = path or ("header",)
    marker = RAW if isinstance(value, Raw) else value
    if path is None:
        pass
    elif where:
        put(parts[part], tuple(where), marker)
    else:
        parts[part] = marker

    def dumped(thing: Any) -> bytes:
        out = text(thing)
        return out.replace(text(RAW), bytes(value)) if isinstance(value, Raw) else out

    data_bytes, audit_bytes = dumped(parts["data"]), dumped(parts["audit"])
    hashes = {
        "data.json": hashlib.sha256(data_bytes).hexdigest(),
        "audit.json": hashlib.sha256(audit_bytes).hexdigest(),
    }
    manifest = dumped({**parts["manifest"], "parts": hashes})
    signed = inner(manifest, data_bytes, world.a_key, audit_bytes)
    if part == "header" or path is None:
        return sealed(signed, header=dumped(parts["header"]))
    return package.encrypt_to_recipient(signed, world.upper_public)


def test_the_package_before_any_change_is_taken_in(world: World) -> None:
    """The fuzzer's starting point passes every check (a dry run), so each refusal below is the change's doing."""
    report = world.take_in(build(world), dry_run=True, passphrase="mat-khau-chi-bo")
    assert report.accepted and report.counts["members"]["unchanged"] == len(world.data()["members"]), report


@FUZZ
@given(st.data())
def test_one_wrong_value_anywhere_in_the_data(world: World, data: st.DataObject) -> None:
    path, value = data.draw(mutations(data_slots(world.data())))
    assert throw(world, path, value)


@FUZZ
@given(st.data())
def test_one_wrong_value_in_the_manifest_header_or_audit_log(world: World, data: st.DataObject) -> None:
    path, value = data.draw(mutations(other_slots(world)))
    assert throw(world, path, value)
