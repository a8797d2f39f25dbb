"""Numbers and money on screen and in documents, in the language they are read in: Vietnamese style in documents
and the Vietnamese interface (1.391; 744.000.000 đ; 70,5%), English style in the English interface (1,391;
744,000,000 đ; 70.5%). Each function takes the language ("vi" or "en", as ``catalog.LANGUAGES``); Vietnamese when
none is given, so documents (always Vietnamese) need not say it. The window passes its own language through
``ui/numbers.py``; a message renders a :class:`Number` in the language it is shown in.

Babel writes them (vi_VN, en_US). It is imported on the first number written, not with this module: a command or a
window that never writes one does not pay for Babel and its locale data."""

from dataclasses import dataclass

LOCALES = {"vi": "vi_VN", "en": "en_US"}
DOCUMENTS = "vi"  # the language of every printed document
# A negative amount's sign, on screen and on paper alike: the minus sign (U+2212), as wide as the plus and the digits'
# height, where the hyphen Babel writes is short and easily taken for a dash. Segoe UI and the bundled Liberation
# Serif both draw it, and a PDF's text gives it back as written.
MINUS = "\u2212"


def _locale(language: str) -> str:
    return LOCALES.get(language, LOCALES[DOCUMENTS])


def number(value: int, language: str = DOCUMENTS) -> str:
    """1391 → "1.391" ("1,391" in English); -12500 → "−12.500", with the minus sign (``MINUS``). Below a thousand a
    whole number is its digits, as Babel writes it: a small branch's first screen (its counts) then does not wait
    for Babel and its locale data."""
    if value < 0:
        return MINUS + number(-value, language)
    if type(value) is int and value < 1000:
        return str(value)
    from babel.numbers import format_decimal

    return str(format_decimal(value, locale=_locale(language)))


def money(amount: int, language: str = DOCUMENTS) -> str:
    """Whole đồng, never a float: 744000000 → "744.000.000 đ" ("744,000,000 đ" in English); -15900 → "−15.900 đ"."""
    if not isinstance(amount, int):
        raise TypeError("money is whole đồng in an int")
    return f"{number(amount, language)} đ"


def percent(numerator: int, denominator: int, language: str = DOCUMENTS) -> str:
    """70,5% with one decimal (70.5% in English); an empty denominator gives "–" rather than a division by zero."""
    if denominator == 0:
        return "–"
    return share(numerator / denominator, language)


def share(fraction: float, language: str = DOCUMENTS) -> str:
    """A fraction as a percentage with one decimal: 0.705 → "70,5%" ("70.5%" in English)."""
    from babel.numbers import format_percent

    return str(format_percent(fraction, format="#,##0.0%", locale=_locale(language)))


def decimal(value: float, places: int, language: str = DOCUMENTS) -> str:
    """*value* with exactly *places* decimals: 0.7, 2 → "0,70" ("0.70" in English)."""
    from babel.numbers import format_decimal

    pattern = "#,##0." + "0" * places if places else "#,##0"
    return str(format_decimal(value, format=pattern, locale=_locale(language)))


@dataclass(frozen=True)
class Number:
    """A whole number in a message ("This fund lends at most {amount} đồng."), written when the message is shown,
    in its language: "1.500.000" on the Vietnamese screen, "1,500,000" on the English one."""

    value: int

    def written(self, language: str) -> str:
        return number(self.value, language)


def parse_money(text: str) -> int:
    """Whole đồng from what people type: "1.500.000", "1,500,000", "1 500 000", "1500000", "1.500.000 đ";
    ``ValueError`` for anything else. A dot or a comma counts only between groups of three digits, in either
    language (a screen in English may be given a Vietnamese figure, and there is no smaller unit than the đồng):
    "1,5" or "1.50" is refused, never read as 15 or 150."""
    cleaned = text.strip().lower().removesuffix("đồng").removesuffix("đ").removesuffix("vnd").strip()
    cleaned = cleaned.replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    if cleaned.isascii() and cleaned.isdigit():
        return int(cleaned)
    for separator in ".,":
        groups = cleaned.split(separator)
        if (
            len(groups) > 1
            and all(g.isascii() and g.isdigit() for g in groups)
            and 1 <= len(groups[0]) <= 3
            and all(len(g) == 3 for g in groups[1:])
        ):
            return int("".join(groups))
    raise ValueError(text)


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
