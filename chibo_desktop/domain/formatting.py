"""Numbers and money on screen and in documents, Vietnamese style: 1.391; 744.000.000 đ; 70,5%.

Babel writes them (vi_VN). It is imported on the first number written, not with this module: a command or a
window that never writes one does not pay for Babel and its locale data."""

LOCALE = "vi_VN"


def number(value: int) -> str:
    """1391 → "1.391". Below a thousand a whole number is its digits, as Babel writes it: a small branch's first
    screen (its counts) then does not wait for Babel and its locale data."""
    if type(value) is int and 0 <= value < 1000:
        return str(value)
    from babel.numbers import format_decimal

    return str(format_decimal(value, locale=LOCALE))


def money(amount: int) -> str:
    """Whole đồng, never a float: 744000000 → "744.000.000 đ"."""
    if not isinstance(amount, int):
        raise TypeError("money is whole đồng in an int")
    return f"{number(amount)} đ"


def percent(numerator: int, denominator: int) -> str:
    """70,5% with one decimal; an empty denominator gives "–" rather than a division by zero."""
    if denominator == 0:
        return "–"
    from babel.numbers import format_percent

    return str(format_percent(numerator / denominator, format="#,##0.0%", locale=LOCALE))


def parse_money(text: str) -> int:
    """Whole đồng from what people type: "1.500.000", "1 500 000", "1500000", "1.500.000 đ"; ``ValueError`` for
    anything else, decimals included (there is no smaller unit than the đồng)."""
    cleaned = text.strip().lower().removesuffix("đồng").removesuffix("đ").removesuffix("vnd").strip()
    cleaned = cleaned.replace(".", "").replace(" ", "").replace("\u00a0", "")
    if not cleaned.isdigit():
        raise ValueError(text)
    return int(cleaned)


_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_GROUPS = ("", " nghìn", " triệu", " tỷ")


def _three(value: int, full: bool) -> str:
    """0–999 read aloud; *full* when a higher group precedes it ("không trăm lẻ năm")."""
    hundreds, rest = divmod(value, 100)
    tens, units = divmod(rest, 10)
    words = []
    if hundreds or full:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and words:
            words.append("lẻ")
    elif tens == 1:
        words.append("mười")
    else:
        words += [_DIGITS[tens], "mươi"]
    if units:
        if units == 1 and tens >= 2:
            words.append("mốt")
        elif units == 5 and tens >= 1:
            words.append("lăm")
        else:
            words.append(_DIGITS[units])
    return " ".join(words)


def words(value: int) -> str:
    """A whole number read aloud in Vietnamese, as receipts write it: 1005000 → "một triệu không trăm lẻ năm
    nghìn"; thousands of billions are "nghìn tỷ"."""
    if value == 0:
        return "không"
    if value < 0:
        return "âm " + words(-value)
    billions, below = divmod(value, 1_000_000_000)
    parts = []
    if billions:
        parts.append(words(billions) + " tỷ")
    groups = [(below // 1_000_000) % 1000, (below // 1000) % 1000, below % 1000]
    for position, group in enumerate(groups):
        if group == 0:
            continue
        higher = bool(parts)
        parts.append(_three(group, higher) + _GROUPS[2 - position])
    return " ".join(parts)


def money_in_words(amount: int) -> str:
    """ "Mười lăm nghìn chín trăm đồng": the amount in words, capitalised, for receipts."""
    text = words(amount) + " đồng"
    return text[0].upper() + text[1:]
