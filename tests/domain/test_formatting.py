"""Numbers and percentages are written as Babel writes them for Vietnamese, without loading Babel."""

import random

from babel.numbers import format_decimal, format_percent

from chibo_desktop.domain.formatting import money, number, percent


def babel_percent(numerator: int, denominator: int) -> str:
    return format_percent(numerator / denominator, format="#,##0.0%", locale="vi_VN")


def test_every_share_of_up_to_400_is_written_as_babel_writes_it() -> None:
    differ = [
        (n, d, percent(n, d), babel_percent(n, d))
        for d in range(1, 401)
        for n in range(0, d + 1)
        if percent(n, d) != babel_percent(n, d)
    ]
    assert differ == []


def test_large_negative_and_odd_ratios_too() -> None:
    cases = [(n, d) for d in (1, 3, 7, 8, 16, 40, 80, 160, 2000, 99_991) for n in range(-50, 0)]
    cases += [(n, d) for d in (1, 3, 7, 1000) for n in (10, 11, 123, 1001, 123_457, 10**9, 10**15)]
    cases += [(0, -5), (1, -8), (-1, 2_000_000), (1, 2_000_000), (5, 1_000_000), (1, 3 * 10**12)]
    assert [percent(n, d) for n, d in cases] == [babel_percent(n, d) for n, d in cases]
    assert (percent(36, 39), percent(3, 4), percent(0, 5), percent(1, 0)) == ("92,3%", "75,0%", "0,0%", "–")
    assert percent(1234, 100) == "1.234,0%" and percent(1, 8) == "12,5%" and percent(1, 16) == "6,2%"


def test_numbers_and_money_keep_their_dots() -> None:
    assert (number(1391), money(744_000_000), number(-12_500)) == ("1.391", "744.000.000 đ", "-12.500")


def test_whole_numbers_are_written_as_babel_writes_them_without_loading_it() -> None:
    chosen = random.Random(16)
    values = [0, 1, -1, 999, 1000, -1000, 1391, 744_000_000, 10**12, -(10**15)]
    values += [chosen.randint(-(10**13), 10**13) for _ in range(2000)]
    assert [number(v) for v in values] == [format_decimal(v, locale="vi_VN") for v in values]
    assert money(-15_900) == "-15.900 đ"
