"""Numbers, money and percentages as a Vietnamese reader expects them: dots between thousands, a comma before the
decimal."""

from chibo_desktop.domain.formatting import money, number, percent


def test_percentages_have_one_decimal_after_a_comma() -> None:
    assert (percent(36, 39), percent(3, 4), percent(0, 5), percent(1, 0)) == ("92,3%", "75,0%", "0,0%", "–")
    assert percent(1234, 100) == "1.234,0%" and percent(1, 8) == "12,5%" and percent(1, 16) == "6,2%"


def test_numbers_and_money_keep_their_dots() -> None:
    assert (number(1391), money(744_000_000), number(-12_500)) == ("1.391", "744.000.000 đ", "-12.500")
    assert money(-15_900) == "-15.900 đ"
