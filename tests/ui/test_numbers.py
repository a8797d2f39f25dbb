"""The window writes numbers in its own language: every widget goes through ``ui/numbers.py``, which follows the
language switch."""

import ast
from pathlib import Path

import chibo_desktop.ui
from chibo_desktop.ui.i18n import LanguageSwitch
from chibo_desktop.ui.numbers import money, number, parse_money, percent

WRITERS = {"number", "money", "percent", "share", "decimal"}


def test_no_widget_writes_numbers_in_the_documents_language() -> None:
    found = []
    for path in Path(chibo_desktop.ui.__file__).parent.glob("*.py"):
        if path.name == "numbers.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "chibo_desktop.domain.formatting":
                found += [f"{path.name}: {alias.name}" for alias in node.names if alias.name in WRITERS]
    assert found == []


def test_the_numbers_follow_the_language_switch(qapp: object) -> None:
    switch = LanguageSwitch()
    try:
        assert switch.use("vi")
        assert (number(12_500), money(3_000_000), percent(2, 3)) == ("12.500", "3.000.000 đ", "66,7%")
        assert switch.use("en")
        assert (number(12_500), money(3_000_000), percent(2, 3)) == ("12,500", "3,000,000 đ", "66.7%")
        assert parse_money("3,000,000") == parse_money("3.000.000") == 3_000_000
    finally:
        switch.use("en")
