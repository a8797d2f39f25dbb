"""The branch's audit log in a package: its entries are looked at a few thousand at a time, their *old* and *new*
texts read by one call of the parser over all of them joined. Whatever the texts, the log is refused as the
format says, entry by entry, and the message names the first problem's place (``audit[12].old``)."""

import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chibo_desktop.domain.exchange_format import AUDIT_ENTRY, MAX_AUDIT, TABLES
from chibo_desktop.exchange import schema
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.storage import audit_queries, package_records
from chibo_desktop.storage.db import open_database
from tests.exchange.test_schema_compiled import outcome, reference_record
from tests.helpers.days import CLOCK, TODAY

# --- the log as the format says it, entry by entry -------------------------------------------------------------


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    if len({key for key, _value in pairs}) != len(pairs):
        raise ValueError("a key twice")
    return dict(pairs)


def _constant(name: str) -> Any:
    raise ValueError(name)


def reference_side(text: str, where: str) -> None:
    """JSON text of one flat object: text, 64-bit whole numbers, finite numbers or null, under keys of at most 64
    characters; no NaN or Infinity, no key twice."""
    try:
        value = json.loads(text, object_pairs_hook=_unique, parse_constant=_constant)
    except RecursionError:
        raise schema.MalformedError(where, schema.TOO_DEEP) from None
    except ValueError:
        raise schema.MalformedError(where, schema.NOT_JSON) from None
    if type(value) is not dict:
        raise schema.MalformedError(where, schema.NOT_RECORD)
    for key, found in value.items():
        if len(key) > 64:
            raise schema.MalformedError(where, schema.NOT_RECORD)
        if found is None or type(found) is str:
            continue
        if type(found) is int and -(2**63) <= found < 2**63:
            continue
        if type(found) is float and math.isfinite(found):
            continue
        raise schema.MalformedError(where, schema.NOT_RECORD)


def reference_audit(entries: Any) -> None:
    if type(entries) is not list or len(entries) > MAX_AUDIT:
        raise schema.MalformedError("audit", schema._rows(MAX_AUDIT))
    for n, entry in enumerate(entries):
        reference_record(entry, AUDIT_ENTRY, f"audit[{n}]")
        for side in ("old", "new"):
            if entry[side] is not None:
                reference_side(entry[side], f"audit[{n}].{side}")


# --- entries, right and wrong ------------------------------------------------------------------------------------

ENTRY = {
    "at": "2026-11-22T09:00:00",
    "actor": "Nguyễn Văn Bí thư",
    "table": "members",
    "row_uuid": "0b6f6c1e-8a58-4c53-9b3e-2f1d6a1c0a01",
    "action": "update",
    "old": '{"full_name":"Nguyễn Văn A","phone":""}',
    "new": '{"full_name":"Nguyễn Văn Á","phone":"0912345678"}',
}
GOOD_TEXTS = [
    "{}",
    '{"a":1}',
    '{"a":-9223372036854775808,"b":9223372036854775807}',
    '{"a":1.5,"b":null,"c":"x"}',
    '{"note":"dòng 1\\ndòng 2 \\"trích\\" \\u2028","k":"}{,"}',
    ' {"a": 1} ',  # spaces around: the format's JSON allows them
    '{"a":1}\n',
    '{"' + "k" * 64 + '":1}',
    '{"a":"\\ud800"}',  # an escape: the text itself holds no lone surrogate
]
BAD_TEXTS = [
    '{"a":1,"a":2}',
    '{"a":1,"b":{"a":1,"a":1}}',
    '{"a":NaN}',
    '{"a":-Infinity}',
    '{"a":1e999}',
    '{"a":9223372036854775808}',
    '{"a":true}',
    '{"a":[1]}',
    '{"a":{"b":1}}',
    '{"' + "k" * 65 + '":1}',
    "[1]",
    "1",
    '"{}"',
    "",
    "{",
    '{"a":1},{"b":2}',  # two objects
    '{"a":"x\ny"}',  # a line break inside a string
    "\ufeff{}",
    "[" * 3000 + "]" * 3000,
]


def entry(n: int, old: str | None = ENTRY["old"], new: str | None = ENTRY["new"], **changes: Any) -> dict[str, Any]:
    return {**ENTRY, "row_uuid": f"0b6f6c1e-8a58-4c53-9b3e-{n:012x}", "old": old, "new": new, **changes}


def where(entries: list[Any]) -> str | None:
    """The place the log is refused at, checked against the reference on the way."""
    found = outcome(schema.check_audit, entries)
    assert found == outcome(reference_audit, entries)
    return found[0] if found is not None else None


@pytest.mark.parametrize("text", GOOD_TEXTS)
def test_right_texts_pass(text: str) -> None:
    assert where([entry(0), entry(1, old=text), entry(2, new=text)]) is None


@pytest.mark.parametrize("text", BAD_TEXTS, ids=lambda t: repr(t)[:30])
@pytest.mark.parametrize("side", ["old", "new"])
def test_a_wrong_text_is_refused_at_its_entry_and_side(text: str, side: str) -> None:
    entries = [entry(n) for n in range(40)]
    entries[17] = entry(17, **{side: text})
    assert where(entries) == f"audit[17].{side}"


def test_a_key_twice_or_nan_in_an_old_text_deep_in_a_long_log() -> None:
    """Past the first few thousand entries (a second part read at once), and at the ends of a part."""
    chunk = schema._AUDIT_CHUNK
    for at in (0, chunk - 1, chunk, chunk + 2_345, 2 * chunk + 99):
        for text in ('{"full_name":"A","full_name":"B"}', '{"full_name":"A","phone":NaN}'):
            entries = [entry(n) for n in range(2 * chunk + 100)]
            entries[at] = entry(at, old=text)
            assert where(entries) == f"audit[{at}].old"


def test_the_first_problem_is_named_when_there_are_several() -> None:
    entries = [entry(n) for n in range(schema._AUDIT_CHUNK + 10)]
    entries[schema._AUDIT_CHUNK + 3] = entry(0, new='{"a":NaN}')
    entries[schema._AUDIT_CHUNK + 1] = entry(0, at="2026-02-30T09:00:00")
    entries[5] = entry(5, old=" {} ")  # right, but not for the quick look: that part is walked
    assert where(entries) == f"audit[{schema._AUDIT_CHUNK + 1}].at"


def test_the_last_entry_of_the_log() -> None:
    entries = [entry(n) for n in range(300)]
    entries[-1] = entry(299, new='{"a":1,"a":1}')
    assert where(entries) == "audit[299].new"
    entries[-1] = entry(299, new='{"a":1')
    assert where(entries) == "audit[299].new"


def test_texts_that_are_json_only_when_joined() -> None:
    """Each text begins with { and ends with }, and joined they make a list of as many objects: never taken for
    right ones."""
    split = ['{"a":[{"b":1}', '{"c":2}]}', '{"x":1},{"y":1}']  # three texts, three elements when joined
    entries = [entry(0, old=split[0], new=split[1]), entry(1, old=split[2], new=None)]
    assert where(entries) == "audit[0].old"
    inside = ['{"a":"}', '{"}']  # a joint inside a string: a line break there is refused
    assert where([entry(0, old=inside[0], new=inside[1])]) == "audit[0].old"


def test_entries_with_wrong_fields() -> None:
    for changes in (
        {"at": "2026-11-22 09:00:00"},
        {"actor": "A\u202eB"},
        {"table": "Members"},
        {"row_uuid": "0B6F6C1E-8A58-4C53-9B3E-2F1D6A1C0A01"},
        {"action": "upsert"},
        {"old": "{\x85}"},  # a control character the text may not hold, even where JSON would
        {"new": 5},
    ):
        entries = [entry(n) for n in range(10)]
        entries[4] = {**entries[4], **changes}
        field = next(iter(changes))
        assert where(entries) == f"audit[4].{field}"
    entries = [entry(n) for n in range(10)]
    del entries[6]["old"]
    assert where(entries) == "audit[6].old"
    entries[6] = [*ENTRY.items()]
    assert where(entries) == "audit[6]"
    assert where(ENTRY) == "audit"  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(*[st.sampled_from(GOOD_TEXTS + [ENTRY["new"]])] * 8, st.sampled_from(BAD_TEXTS), st.none()),
        max_size=40,
    )
)
def test_any_texts_are_refused_where_the_format_refuses_them(texts: list[str | None]) -> None:
    entries = [entry(n, old=texts[n], new=texts[-1 - n]) for n in range(len(texts))]
    where(entries)


# --- what a branch sends ------------------------------------------------------------------------------------------


def test_a_branchs_records_and_log_pass_the_quick_look(tmp_path: Path) -> None:
    """A real branch's package is never walked value by value: every table passes column by column, and its
    log's entries and texts at once."""
    db = open_database(tmp_path / "b.sqlite", clock=CLOCK)
    write_demo(db, members=20, seed=7, today=TODAY, meeting_years=1)
    with db.read() as session:
        records = package_records.dump(session)
        log = json.loads(audit_queries.dump_json(session))
    assert len(log) > 500 and sum(map(len, records.values())) > 100
    for table, fields in TABLES.items():
        assert schema._columns_compiled(fields)(records[table]), table
    assert schema._AUDIT_COLUMNS(log)
    texts = [text for e in log for text in (e["old"], e["new"]) if text is not None]
    assert schema._sides_fit(texts)
    assert schema.check_audit(log) == len(log)
