"""Numbers on screen in the interface language: "1.391", "744.000.000 đ", "70,5%" in Vietnamese, "1,391",
"744,000,000 đ", "70.5%" in English (``domain/formatting`` writes them; documents stay Vietnamese whatever the
screen's language). Widgets write numbers through this module, never ``domain/formatting`` directly
(``tests/ui/test_numbers.py`` checks it)."""

from chibo_desktop.domain import formatting
from chibo_desktop.domain.formatting import parse_money
from chibo_desktop.ui.i18n import screen_language

__all__ = ["decimal", "money", "number", "parse_money", "percent", "screen_language", "share"]


def number(value: int) -> str:
    return formatting.number(value, screen_language())


def money(amount: int) -> str:
    return formatting.money(amount, screen_language())


def percent(numerator: int, denominator: int) -> str:
    return formatting.percent(numerator, denominator, screen_language())


def share(fraction: float) -> str:
    return formatting.share(fraction, screen_language())


def decimal(value: float, places: int) -> str:
    return formatting.decimal(value, places, screen_language())
