"""Vietnamese text: NFC storage, tone-insensitive search, dictionary order.

Sorting follows the Vietnamese alphabet (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y) with tones
compared only when the letters are equal, in dictionary order: none, huyền, hỏi, ngã, sắc, nặng
(a à ả ã á ạ). This agrees with ``QCollator`` for the Vietnamese locale and works where Qt is absent
(reports, the command line).
"""

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message

_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_ORDER = {ch: i for i, ch in enumerate(_ALPHABET)}
# Combining marks that change the letter (not the tone).
_LETTER_MARKS = {
    ("a", "\u0306"): "ă",
    ("a", "\u0302"): "â",
    ("e", "\u0302"): "ê",
    ("o", "\u0302"): "ô",
    ("o", "\u031b"): "ơ",
    ("u", "\u031b"): "ư",
}
_ORDER_LETTER = dict(enumerate(_ALPHABET))
# Tone marks, in dictionary order; 0 is "no tone".
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def nfc(text: str) -> str:
    """The stored form of every one-line text: NFC, surrounding white space removed, inner runs collapsed, and
    control or invisible format characters (NUL, direction overrides, zero-width spaces, soft hyphens) dropped:
    pasted from elsewhere, they would only hide or reorder what is printed, and the upper level refuses them.
    What the user typed is checked first with :func:`hidden_character`, so that nothing is dropped unasked."""
    composed = unicodedata.normalize("NFC", text)
    if not composed.isprintable():
        composed = "".join(c for c in composed if c.isspace() or unicodedata.category(c) not in _INVISIBLE)
    return " ".join(composed.split())


_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Co"})

# What the exchange format refuses in a text (exchange/schema.py checks every package with these): one line holds
# no control character at all, several lines only tab and line breaks; neither holds a line or paragraph separator,
# a lone surrogate or a direction override; a person's or a unit's name holds no control, format (direction,
# zero-width), private-use or separator character.
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
LINE_REFUSED = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff{_BIDI}]")
PROSE_REFUSED = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff{_BIDI}]")
NAME_REFUSED_CATEGORIES = _INVISIBLE | {"Zl", "Zp"}


@dataclass(frozen=True)
class HiddenCharacter:
    position: int  # counted from 1, as a person counts the characters of the text
    code: str  # "U+0000"


def hidden_character(text: str, lines: bool = False) -> HiddenCharacter | None:
    """The first character of typed *text* that could not be stored as typed and travel to the upper level: in
    one-line text (which :func:`nfc` stores) a control, invisible format, private-use or lone surrogate
    character, white space apart (it becomes one space); in text of several *lines* (stored as typed) what
    :data:`PROSE_REFUSED` holds. None when there is none. The forms and the roster import refuse such text with
    a message, instead of dropping what the user cannot see or storing what the upper level would refuse."""
    if lines:
        found = PROSE_REFUSED.search(text)
        return HiddenCharacter(found.start() + 1, f"U+{ord(found.group()):04X}") if found else None
    if text.isprintable():
        return None
    for index, ch in enumerate(text):
        if not ch.isspace() and unicodedata.category(ch) in _INVISIBLE:
            return HiddenCharacter(index + 1, f"U+{ord(ch):04X}")
    return None


def hidden_characters(texts: Mapping[str, str]) -> dict[str, Message]:
    """Field → :func:`hidden_character_problem` of each typed one-line text (by field name) that holds one."""
    found = {name: hidden_character_problem(text) for name, text in texts.items()}
    return {name: problem for name, problem in found.items() if problem is not None}


def refuse_hidden_characters(texts: Mapping[str, str]) -> None:
    """Raise :class:`UserError` (the first problem, and each field's beside it) when a typed text holds a hidden
    character; for the forms whose other checks come later."""
    found = hidden_characters(texts)
    if found:
        raise UserError(next(iter(found.values())), found)


def hidden_character_problem(text: str, lines: bool = False) -> Message | None:
    """:func:`hidden_character` as the message a form shows beside the field."""
    found = hidden_character(text, lines)
    if found is None:
        return None
    return Message(
        "Validation",
        QT_TRANSLATE_NOOP(
            "Validation",
            "Character {position} is a hidden or control character ({code}), which the upper level refuses. "
            "Delete it (retype the words around it) and save again.",
        ),
        {"position": found.position, "code": found.code},
    )


def slug(text: str, empty: str = "chi-bo") -> str:
    """Plain ASCII for a file name: "Chi bộ ấp Tân Hùng" → "chi-bo-ap-tan-hung"; *empty* when nothing is left."""
    plain = unicodedata.normalize("NFD", text.lower()).replace("đ", "d")
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or empty


def fold(text: str) -> str:
    """Lower case without tone or letter marks, for search: "Nguyễn Thị Bích" → "nguyen thi bich"."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("đ", "d")


def matches(query: str, haystack_folded: str) -> bool:
    """True when every word of *query* appears in the already-folded *haystack*."""
    return all(word in haystack_folded for word in fold(query).split())


def _letters(text: str) -> list[tuple[int, int, int]]:
    """(letter order, tone, is_upper) for each letter of *text*."""
    out: list[tuple[int, int, int]] = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch):
            if not out:
                continue
            order, tone, upper = out[-1]
            if ch in _TONES:
                out[-1] = (order, _TONES[ch], upper)
            else:
                marked = _LETTER_MARKS.get((_ORDER_LETTER.get(order, ""), ch))
                if marked:
                    out[-1] = (_LETTER_ORDER[marked], tone, upper)
            continue
        low = ch.lower()
        upper = 1 if ch != low else 0
        if low in _LETTER_ORDER:
            out.append((_LETTER_ORDER[low], 0, upper))
        elif low.isspace():
            out.append((-0xE0, 0, 0))  # a space sorts before every letter and sign
        else:
            out.append((0x100 + ord(low), 0, upper))  # digits and signs after the letters
    return out


@lru_cache(maxsize=65536)
def collation_key(text: str) -> str:
    """A key that sorts strings in Vietnamese dictionary order: letters first, then tones, then case.

    The key is one flat string (letters, a separator, tones, a separator, case), so that comparing keys is a
    plain string comparison: a shorter word's separator sorts before any letter ("An" < "Anh"). Cached: a roster
    of 100,000 names holds a few thousand distinct words."""
    letters = _letters(text)
    return (
        "".join(chr(0x100 + item[0]) for item in letters)
        + "\x00"
        + "".join(chr(0x30 + item[1]) for item in letters)
        + "\x00"
        + "".join(chr(0x30 + item[2]) for item in letters)
    )


def split_name(full_name: str) -> tuple[str, str]:
    """("Nguyễn Thị Ngọc", "Bích") from "Nguyễn Thị Ngọc Bích": the given name is the last word."""
    words = full_name.split()
    if not words:
        return "", ""
    return " ".join(words[:-1]), words[-1]


@lru_cache(maxsize=65536)
def name_sort_key(full_name: str) -> tuple[str, str]:
    """Vietnamese lists sort by given name, then by the rest of the name."""
    rest, given = split_name(full_name)
    return (collation_key(given), collation_key(rest))


def name_order_key(full_name: str) -> str:
    """:func:`name_sort_key` as one string that SQLite's plain (BINARY) comparison puts in the same order, kept in
    the member table so that a large roster is read in Vietnamese name order straight from an index.

    The given name's key, a separator, the rest's key; the keys' own NUL separators become U+0001 (SQLite text
    should hold no NUL), and code points from U+D800 move up past the surrogates, which UTF-8 cannot carry: both
    keep the order, as UTF-8 bytes compare as code points do."""
    given, rest = name_sort_key(full_name)
    return _index_text(given + "\x01" + rest)


def _index_text(key: str) -> str:
    """A collation key as SQLite text in the same order: NUL separators as U+0001, code points from U+D800 moved
    past the surrogates (see :func:`name_order_key`)."""
    key = key.replace("\x00", "\x01")
    if key and max(key) >= "\ud800":
        key = "".join(chr(ord(ch) + 0x800) if ch >= "\ud800" else ch for ch in key)
    return key


def given_name_order_prefix(full_name: str) -> str:
    """The start :func:`name_order_key` gives every name with this one's given name, in any case (its letters and
    tones; the case comes after them): the range of the index where a name written otherwise in case is found."""
    return _index_text(name_sort_key(full_name)[0].rsplit("\x00", 1)[0] + "\x00")


def is_same_name(one: str, other: str) -> bool:
    """Whether two full names are the same name as written, whatever the case ("NGUYỄN VĂN AN", "Nguyễn văn An"):
    compared in their stored form (NFC, spaces collapsed), tone and letter marks counted."""
    return nfc(one).casefold() == nfc(other).casefold()
