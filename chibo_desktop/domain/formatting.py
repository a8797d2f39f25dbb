"""Numbers and money on screen and in documents, Vietnamese style: 1.391; 744.000.000 đ; 70,5%."""

from babel.numbers import format_decimal, format_percent

LOCALE = "vi_VN"


def number(value: int) -> str:
    return format_decimal(value, locale=LOCALE)


def money(amount: int) -> str:
    """Whole đồng, never a float: 744000000 → "744.000.000 đ"."""
    if not isinstance(amount, int):
        raise TypeError("money is whole đồng in an int")
    return f"{format_decimal(amount, locale=LOCALE)} đ"


def percent(numerator: int, denominator: int) -> str:
    """70,5% with one decimal; an empty denominator gives "–" rather than a division by zero."""
    if denominator == 0:
        return "–"
    return format_percent(numerator / denominator, format="#,##0.0%", locale=LOCALE)


def parse_money(text: str) -> int:
    """Whole đồng from what people type: "1.500.000", "1 500 000", "1500000", "1.500.000 đ"; ``ValueError`` for
    anything else, decimals included (there is no smaller unit than the đồng)."""
    cleaned = text.strip().lower().removesuffix("đồng").removesuffix("đ").removesuffix("vnd").strip()
    cleaned = cleaned.replace(".", "").replace(" ", "").replace("\u00a0", "")
    if not cleaned.isdigit():
        raise ValueError(text)
    return int(cleaned)
