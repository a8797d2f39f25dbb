"""The declaration of the package's fields is the one FORMAT.md describes, and the checks hold every value to it."""

import re
from pathlib import Path
from typing import Any

import pytest

from chibo_desktop.domain.exchange_format import TABLES, Choice, Day, Text, Whole
from chibo_desktop.exchange import schema
from tests.helpers.format_doc import sections

FORMAT = Path(__file__).resolve().parents[2] / "chibo_desktop" / "exchange" / "FORMAT.md"


def documented() -> dict[str, list[str]]:
    """Heading → the field rows of the table under it, as FORMAT.md has them."""
    found: dict[str, list[str]] = {}
    heading = None
    for line in FORMAT.read_text(encoding="utf-8").splitlines():
        if line.startswith("### "):
            heading = line[4:]
            found[heading] = []
        elif heading is not None and line.startswith("| `"):
            found[heading].append(line)
    return found


def test_format_md_describes_every_field_as_declared() -> None:
    expected = sections()
    assert documented() == expected, "run `python -m tests.helpers.format_doc` and paste the tables into FORMAT.md"
    assert {h.removeprefix("data.json: ") for h in expected if h.startswith("data.json")} == set(TABLES)


def test_the_document_check_sees_a_difference() -> None:
    expected = sections()
    changed = {**expected, "data.json: members": expected["data.json: members"][:-1]}
    assert documented() != changed


def problem(value: Any, spec: Any) -> str | None:
    try:
        schema.check_value(value, spec, "x")
    except schema.MalformedError as error:
        return error.problem.render()
    return None


NAME = Text(120, name=True)


@pytest.mark.parametrize(
    "name", ["Nguyễn Thị Ngọc Bích", "Đặng Đức", "Lâm Thị Sa Phol", "H'Hen Niê", "Nguyễn Văn A (con)"]
)
def test_real_names_pass(name: str) -> None:
    assert problem(name, NAME) is None


@pytest.mark.parametrize(
    "name",
    [
        "Nguyễn\x00Văn",  # NUL
        "\u202eNguyễn Văn",  # right-to-left override
        "Nguyễn\u200bVăn",  # zero-width space
        "Nguyễn\u2066Văn\u2069",  # isolates
        "Nguyễn\u00adVăn",  # soft hyphen
        "Nguyễn\nVăn",
        "Nguyễn\ud800",  # a lone surrogate (JSON can carry one)
        "\ufeffNguyễn",
    ],
)
def test_names_with_control_direction_or_invisible_characters_are_refused(name: str) -> None:
    assert problem(name, NAME) == "it holds control, direction or invisible characters"


def test_text_lengths_lines_and_patterns() -> None:
    assert problem("x" * 121, NAME) == "it is longer than 120 characters"
    assert problem("x" * 100_000, NAME) == "it is longer than 120 characters"
    assert problem("dòng 1\ndòng 2\tcột", Text(200, lines=True)) is None
    assert problem("dòng 1\ndòng 2", Text(200)) is not None
    assert problem("a\u202eb", Text(200, lines=True)) is not None
    assert problem("0123456789012", TABLES["members"]["cccd"]) is not None
    assert problem("012345678901", TABLES["members"]["cccd"]) is None and problem("", TABLES["members"]["cccd"]) is None
    assert problem(3, NAME) == "it must be text"


def test_integers_are_integers_in_range() -> None:
    money = TABLES["fund_entries"]["amount"]
    for value in (-1, 10**12 + 1, 2**70, 1.0, 1.5, True, "100", None, [1], {"a": 1}):
        assert problem(value, money) is not None, value
    assert problem(0, money) is None and problem(10**12, money) is None
    assert problem(5, Whole(1, 3)) == "it must be a whole number from 1 to 3"


def test_dates_choices_and_flags() -> None:
    for value in ("2024-02-30", "24-02-03", "2024-2-3", 20240203, "2024-02-03T00:00:00", "1700-01-01", " 2024-02-03"):
        assert problem(value, Day()) is not None, value
    assert problem("2024-02-29", Day()) is None
    kind = TABLES["status_events"]["kind"]
    assert isinstance(kind, Choice) and problem("bogus", kind) == "it is not one of the allowed values"
    assert problem({"present": 1}, TABLES["meetings"]["kind"]) is not None
    assert problem("X", TABLES["members"]["gender"]) is not None
    assert problem(1, TABLES["funds"]["grant"]) == "it must be true or false"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b'{"a": NaN}', "it is not valid JSON text"),
        (b'{"a": Infinity}', "it is not valid JSON text"),
        (b'{"a": 1, "a": 2}', "it is not valid JSON text"),
        (b"[" * 100_000 + b"]" * 100_000, "it is nested too deeply"),
        (b'{"a": "\xff"}', "it is not valid JSON text"),
        (b"1" * 5000, "it is not valid JSON text"),  # more digits than Python converts
    ],
)
def test_json_the_format_does_not_allow(raw: bytes, expected: str) -> None:
    with pytest.raises(schema.MalformedError) as caught:
        schema.loads(raw, "data")
    assert caught.value.problem.render() == expected


def test_records_have_exactly_their_fields() -> None:
    fields = {"uuid": TABLES["hamlets"]["uuid"], "position": Whole(0, 9)}
    uuid = "0b6f6c1e-8a58-4c53-9b3e-2f1d6a1c0a01"
    schema.check_record({"uuid": uuid, "position": 1}, fields, "h")
    with pytest.raises(schema.MalformedError) as missing:
        schema.check_record({"uuid": uuid}, fields, "h")
    assert missing.value.where == "h.position"
    with pytest.raises(schema.MalformedError) as extra:
        schema.check_record({"uuid": uuid, "position": 1, "\u202eevil" * 50: 1}, fields, "h")
    shown = extra.value.problem.render()
    assert "\u202e" not in shown and len(re.findall(r"\\u202e", shown)) < 10
