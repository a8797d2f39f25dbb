import random

from babel.numbers import format_decimal

from chibo_desktop.domain.formatting import LOCALE, money, number, percent


def test_numbers_are_written_as_babel_writes_them_for_vietnamese() -> None:
    chosen = random.Random(16)
    values = [0, 1, -1, 999, 1000, -1000, 1391, 744_000_000, 10**12, -(10**15)]
    values += [chosen.randint(-(10**13), 10**13) for _ in range(2000)]
    assert [number(v) for v in values] == [format_decimal(v, locale=LOCALE) for v in values]


def test_money_and_percentages_read_the_vietnamese_way() -> None:
    assert number(1391) == "1.391"
    assert money(744_000_000) == "744.000.000 đ"
    assert money(-15_900) == "-15.900 đ"
    assert percent(141, 200) == "70,5%"
    assert percent(1, 0) == "–"
