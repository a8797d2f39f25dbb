"""Numbers, money and percentages as a Vietnamese reader expects them: dots between thousands, a comma before the
decimal; and as an English reader does, on the English screen."""

import pytest

from chibo_desktop.domain.formatting import Number, decimal, money, number, parse_money, percent, share
from chibo_desktop.domain.i18n import Message


def test_percentages_have_one_decimal_after_a_comma() -> None:
    assert (percent(36, 39), percent(3, 4), percent(0, 5), percent(1, 0)) == ("92,3%", "75,0%", "0,0%", "–")
    assert percent(1234, 100) == "1.234,0%" and percent(1, 8) == "12,5%" and percent(1, 16) == "6,2%"


def test_numbers_and_money_keep_their_dots() -> None:
    assert (number(1391), money(744_000_000), number(-12_500)) == ("1.391", "744.000.000 đ", "−12.500")
    assert money(-15_900) == "−15.900 đ"


def test_in_english_a_comma_between_thousands_and_a_dot_before_the_decimal() -> None:
    assert (percent(36, 39, "en"), percent(1234, 100, "en"), percent(1, 0, "en")) == ("92.3%", "1,234.0%", "–")
    assert (number(1391, "en"), money(744_000_000, "en"), money(-15_900, "en")) == (
        "1,391",
        "744,000,000 đ",
        "−15,900 đ",
    )
    assert (decimal(0.7, 2, "en"), decimal(0.7, 2), decimal(1, 0, "en"), share(0.5, "en")) == (
        "0.70",
        "0,70",
        "1",
        "50.0%",
    )


def test_an_amount_is_read_with_the_thousands_marked_either_way_but_never_a_decimal() -> None:
    for typed in (
        "1.500.000",
        "1,500,000",
        "1 500 000",
        "1500000",
        "1.500.000 đ",
        "1,500,000 đồng",
        "1\u00a0500\u00a0000",
    ):
        assert parse_money(typed) == 1_500_000, typed
    assert parse_money("15.000") == parse_money("15,000") == 15_000
    for typed in ("1,5", "1.50", "1.500,000", "1..000", "", "-5", "1.5000", "１５"):
        with pytest.raises(ValueError):
            parse_money(typed)


def test_a_number_in_a_message_is_written_in_the_language_it_is_shown_in() -> None:
    message = Message("Fund", "This fund lends at most {amount} đồng.", {"amount": Number(10_000_000)})
    assert message.render(None, "en") == "This fund lends at most 10,000,000 đồng."
    vietnamese = {("Fund", message.text): "Quỹ này cho vay tối đa {amount} đồng."}
    assert message.render(lambda c, t: vietnamese[(c, t)], "vi") == "Quỹ này cho vay tối đa 10.000.000 đồng."
