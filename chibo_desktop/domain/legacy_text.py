"""Vietnamese text in the legacy 8-bit encodings a secretary inherits: TCVN3 (TCVN 5712:1993, the ABC fonts
.VnTime, .VnArial …) and VNI (VNI Windows, the VNI-Times fonts), read into Unicode NFC.

Such bytes decode "successfully" as cp1258 or cp1252 into garbage ("NguyÔn V¨n", "Nguyeãn Vaên"): a decode that
succeeds proves nothing. The encoding is told by the letters: each reading of the text is split into words, and
the share of words that are Vietnamese syllables (an onset, a vowel group Vietnamese has, a coda, at most one tone)
decides. When TCVN3 and VNI both read the text as Vietnamese and differ, nobody can tell which was meant: the
caller refuses and asks for the file in Unicode.

The tables are written here from the published definitions (no maintained Python package carries them):

* TCVN3 — TCVN 5712:1993, table VN1 (the ABC fonts use its subset VN3: the lowercase letters at 0xB5–0xFE and the
  seven base capitals Ă Â Ê Ô Ơ Ư Đ at 0xA1–0xA7; a capital with a tone mark is written in the "H" font, .VnTimeH,
  with the lowercase code). VN1 also places the capitals with tone marks at 0x80–0x9F, in the gaps of the
  lowercase block and on a few C0 control codes, and the five tone marks as combining characters at 0xB0–0xB4.
* VNI Windows — a letter is its base letter followed by one byte for its marks (circumflex, breve, tone, or a
  combination): "a" + "ø" is "à", "a" + "á" is "ấ"; ơ, ư, đ, the toned i and ỵ are single bytes. Capitals use the
  modifier bytes 0x20 lower ("A" + "Ø" is "À").
"""

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum


class LegacyEncoding(StrEnum):
    TCVN3 = "tcvn3"
    VNI = "vni"


LEGACY_NAMES = {LegacyEncoding.TCVN3: "TCVN3 (ABC, .VnTime)", LegacyEncoding.VNI: "VNI (VNI-Times)"}

# --- TCVN 5712:1993 (VN1) ----------------------------------------------------------------------------------
# Byte → letter, written by rows of the published code table. Bytes not listed are ASCII (0x00–0x7F) or
# unassigned.
_TCVN_CONTROLS = {
    0x01: "Ú", 0x02: "Ụ", 0x04: "Ừ", 0x05: "Ử", 0x06: "Ữ",
    0x11: "Ứ", 0x12: "Ự", 0x13: "Ỳ", 0x14: "Ỷ", 0x15: "Ỹ", 0x16: "Ý", 0x17: "Ỵ",
}  # fmt: skip
_TCVN_HIGH = (
    # 0x80–0x8F
    "ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨ"
    # 0x90–0x9F
    "ÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ"
    # 0xA0–0xAF: no-break space, the base letters with their marks, then Ằ
    "\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ"
    # 0xB0–0xBF: the five tone marks (combining: grave, hook, tilde, acute, dot), then a's tones and ă's
    "\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ"
    # 0xC0–0xCF
    "ẮẦẨẪẤỀặầẩẫấậèỂẻẽ"
    # 0xD0–0xDF
    "éẹềểễếệìỉỄẾỒĩíịò"
    # 0xE0–0xEF
    "Ổỏõóọồổỗốộờởỡớợù"
    # 0xF0–0xFF
    "ỖủũúụừửữứựỳỷỹýỵỐ"
)
TCVN3_TABLE: dict[int, str] = {**_TCVN_CONTROLS, **{0x80 + i: ch for i, ch in enumerate(_TCVN_HIGH)}}
_TCVN3_REVERSE = {ch: byte for byte, ch in TCVN3_TABLE.items()}

# --- VNI Windows ---------------------------------------------------------------------------------------------
# The modifier byte after a base letter, for lowercase; a capital takes the byte 0x20 lower. Keys: (letter mark,
# tone), with marks "" (none), "^" (circumflex), "(" (breve), "+" (horn, on o and u) and tones "" `, ?, ~, ', .
_TONES = ("", "`", "?", "~", "'", ".")
_VNI_TONE = {"`": 0xF8, "'": 0xF9, "?": 0xFB, "~": 0xF5, ".": 0xEF}
_VNI_CIRCUMFLEX = {"": 0xE2, "`": 0xE0, "'": 0xE1, "?": 0xE5, "~": 0xE3, ".": 0xE4}
_VNI_BREVE = {"": 0xEA, "`": 0xE8, "'": 0xE9, "?": 0xFA, "~": 0xFC, ".": 0xEB}
# Letters that are one byte in VNI (lowercase; the capital is 0x20 lower): ơ ư đ, i with a tone, ỵ.
_VNI_SINGLE = {"ơ": 0xF4, "ư": 0xF6, "đ": 0xF1, "ì": 0xEC, "í": 0xED, "ỉ": 0xE6, "ĩ": 0xF3, "ị": 0xF2, "ỵ": 0xEE}

_TONE_MARKS = {"\u0300": "`", "\u0309": "?", "\u0303": "~", "\u0301": "'", "\u0323": "."}
_TONE_CHARS = {v: k for k, v in _TONE_MARKS.items()}
_LETTER_MARKS = {"\u0302": "^", "\u0306": "(", "\u031b": "+"}
_LETTER_CHARS = {v: k for k, v in _LETTER_MARKS.items()}


def _compose(base: str, mark: str, tone: str) -> str:
    return unicodedata.normalize("NFC", base + (_LETTER_CHARS[mark] if mark else "") + _TONE_CHARS.get(tone, ""))


def _split(letter: str) -> tuple[str, str, str]:
    """(base letter, letter mark, tone) of a Vietnamese letter: "ậ" → ("a", "^", ".")."""
    parts = unicodedata.normalize("NFD", letter)
    base, mark, tone = parts[0], "", ""
    for ch in parts[1:]:
        if ch in _TONE_MARKS:
            tone = _TONE_MARKS[ch]
        elif ch in _LETTER_MARKS:
            mark = _LETTER_MARKS[ch]
    return base, mark, tone


def _vni_lower(base: str, mark: str, tone: str) -> str:
    """The VNI text of a lowercase letter with a letter mark and a tone."""
    letter = _compose(base, mark, tone)
    if letter in _VNI_SINGLE:
        return chr(_VNI_SINGLE[letter])
    if mark == "+":  # ơ, ư: their own byte, then the tone's
        return chr(_VNI_SINGLE[_compose(base, mark, "")]) + (chr(_VNI_TONE[tone]) if tone else "")
    if mark == "^":
        return base + chr(_VNI_CIRCUMFLEX[tone])
    if mark == "(":
        return base + chr(_VNI_BREVE[tone])
    return base + chr(_VNI_TONE[tone])


def _vni_table() -> dict[str, str]:
    """Every Vietnamese letter that VNI writes with more than its ASCII base → its VNI text (as cp1252 chars)."""
    out: dict[str, str] = {"đ": chr(_VNI_SINGLE["đ"]), "Đ": chr(_VNI_SINGLE["đ"] - 0x20)}
    marks = {"a": ("", "^", "("), "e": ("", "^"), "i": ("",), "o": ("", "^", "+"), "u": ("", "+"), "y": ("",)}
    for base, letter_marks in marks.items():
        for mark in letter_marks:
            for tone in _TONES:
                if mark or tone:
                    code = _vni_lower(base, mark, tone)
                    out[_compose(base, mark, tone)] = code
                    out[_compose(base.upper(), mark, tone)] = "".join(
                        c.upper() if c.isascii() else chr(ord(c) - 0x20) for c in code
                    )
    return out


VNI_TABLE: dict[str, str] = _vni_table()
_VNI_SINGLES = {code: letter for letter, code in VNI_TABLE.items() if len(code) == 1}
_VNI_PAIRS = {code: letter for letter, code in VNI_TABLE.items() if len(code) == 2}

VIETNAMESE_LETTERS = tuple(sorted(letter for letter in VNI_TABLE if letter.islower()))
"""The 67 lowercase letters beyond ASCII that Vietnamese writes (à … ỵ, ă, â, ê, ô, ơ, ư, đ); with their capitals,
134."""


# --- reading and writing -----------------------------------------------------------------------------------


def decode_tcvn3(data: bytes) -> str:
    """TCVN3 bytes → Unicode NFC. A word typed in a capital font (.VnTimeH) arrives with lowercase codes among
    its capitals ("NGUYÔN" for NGUYỄN): a word whose plain letters are all capitals is put in capitals."""
    text = "".join(TCVN3_TABLE.get(b, chr(b)) if b >= 0x80 or b in TCVN3_TABLE else chr(b) for b in data)
    text = unicodedata.normalize("NFC", text)
    return _WORD.sub(_capital_font, text)


def _capital_font(match: re.Match[str]) -> str:
    word = match.group(0)
    plain = [c for c in word if c.isascii() and c.isalpha()]
    if len(plain) >= 2 and all(c.isupper() for c in plain) and any(c.islower() for c in word):
        return word.upper()
    return word


def encode_tcvn3(text: str) -> bytes:
    """Unicode → TCVN3 (VN1) bytes; ``ValueError`` for a character TCVN3 has no code for."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ch in _TCVN3_REVERSE:
            out.append(_TCVN3_REVERSE[ch])
        elif ord(ch) < 0x80 and ord(ch) not in TCVN3_TABLE:
            out.append(ord(ch))
        else:
            raise ValueError(f"TCVN3 has no code for {ch!r}")
    return bytes(out)


def decode_vni(chars: str) -> str:
    """VNI text, as its bytes read in Windows-1252 (a CSV's bytes decoded so, or an .xlsx cell typed in a VNI
    font) → Unicode NFC. A base letter takes the modifier after it in either case; the base decides the case."""
    out: list[str] = []
    i = 0
    while i < len(chars):
        pair = chars[i : i + 2]
        letter = _VNI_PAIRS.get(pair)
        if letter is None and len(pair) == 2 and 0xC0 <= ord(pair[1]) <= 0xFF:
            # a capital base with a lowercase modifier (or the other way round): the base decides the case
            flipped = chr(ord(pair[1]) ^ 0x20)
            letter = _VNI_PAIRS.get(pair[0] + flipped)
        if letter is not None:
            out.append(letter)
            i += 2
            continue
        out.append(_VNI_SINGLES.get(chars[i], chars[i]))
        i += 1
    return unicodedata.normalize("NFC", "".join(out))


def encode_vni(text: str) -> str:
    """Unicode → VNI text (as Windows-1252 characters; ``.encode("cp1252")`` gives the bytes)."""
    return "".join(VNI_TABLE.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


def as_bytes(text: str) -> bytes | None:
    """The 8-bit codes behind *text* when it was typed in a legacy font and stored as Windows characters (an
    .xlsx cell): each character's Windows-1252 byte (or Windows-1258's, or Latin-1's for C1 controls). ``None``
    when a character has no such byte — then it is real Unicode, not a legacy font."""
    out = bytearray()
    for ch in text:
        for codec in ("cp1252", "cp1258", "latin-1"):
            try:
                out += ch.encode(codec)
                break
            except UnicodeEncodeError:
                continue
        else:
            return None
    return bytes(out)


# --- telling the encodings apart ----------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+")
_ONSET = "ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx]"
_NUCLEI = [
    "a",
    "ă",
    "â",
    "e",
    "ê",
    "i",
    "o",
    "ô",
    "ơ",
    "u",
    "ư",
    "y",
    "ai",
    "ao",
    "au",
    "ay",
    "âu",
    "ây",
    "eo",
    "êu",
    "ia",
    "iê",
    "iu",
    "oa",
    "oă",
    "oe",
    "oi",
    "ôi",
    "ơi",
    "ua",
    "uâ",
    "uê",
    "ui",
    "uô",
    "uơ",
    "uy",
    "ưa",
    "ưi",
    "ươ",
    "ưu",
    "yê",
    "iêu",
    "yêu",
    "oai",
    "oay",
    "oeo",
    "uây",
    "uôi",
    "uya",
    "uyê",
    "uyu",
    "ươi",
    "ươu",
]
_CODA = "ch|nh|ng|[cmnpt]"
_ALPHABET = frozenset("aăâbcdđeêghiklmnoôơpqrstuưvxy")
_SYLLABLE = re.compile(rf"^(?:{_ONSET})?(?:{'|'.join(sorted(_NUCLEI, key=len, reverse=True))})(?:{_CODA})?$")


def is_syllable(word: str) -> bool:
    """Whether *word* (NFC) can be a Vietnamese syllable: lower case, Title case or all capitals; an onset, a vowel
    group Vietnamese has, a coda; one tone mark at most."""
    if not (word.islower() or word.isupper() or (word[:1].isupper() and word[1:].islower())):
        return False
    plain, tones = [], 0
    for ch in word.lower():
        parts = unicodedata.normalize("NFD", ch)
        if any(c not in _TONE_MARKS and c not in _LETTER_MARKS for c in parts[1:]):
            return False  # a mark Vietnamese does not use (ü, ï, å …)
        base, mark, tone = _split(ch)
        tones += bool(tone)
        letter = _compose(base, mark, "") if mark else base
        if letter not in _ALPHABET:
            return False
        plain.append(letter)
    return tones <= 1 and bool(_SYLLABLE.match("".join(plain)))


def vietnamese_share(text: str) -> tuple[int, int]:
    """(words that are syllables, words) among the words of *text* that hold a letter beyond ASCII."""
    words = [w for w in _WORD.findall(unicodedata.normalize("NFC", text)) if not w.isascii()]
    return sum(is_syllable(w) for w in words), len(words)


@dataclass(frozen=True)
class Reading:
    """What the text was found to be: ``encoding`` None when it is read as it is (Unicode, or not Vietnamese at
    all); ``ambiguous`` when TCVN3 and VNI both read it as Vietnamese, differently."""

    encoding: LegacyEncoding | None
    ambiguous: bool = False


def _score(text: str) -> float:
    good, total = vietnamese_share(text)
    return good / total if total else 0.0


def _readings(raw: bytes) -> dict[LegacyEncoding, str]:
    return {LegacyEncoding.TCVN3: decode_tcvn3(raw), LegacyEncoding.VNI: decode_vni(raw.decode("cp1252", "replace"))}


def detect(texts: list[str]) -> Reading:
    """Which encoding *texts* (a file's cells, or its whole text as Windows characters) were written in.

    A legacy reading is chosen when it makes clearly more words Vietnamese than the text as it stands, and more
    than the other legacy reading; when both legacy readings do so about equally and read differently, the
    answer is ambiguous."""
    # Only text that a legacy font could have made: beyond ASCII, and every character a Windows byte (a cell
    # holding "ọ" or "ễ" was typed in Unicode, and says nothing about the others).
    candidates = [t for t in texts if t and not t.isascii() and as_bytes(t) is not None]
    if not candidates:
        return Reading(None)
    joined = "\n".join(candidates)
    as_is = _score(joined)
    raw = as_bytes(joined)
    assert raw is not None
    readings = _readings(raw)
    scores = {encoding: _score(text) for encoding, text in readings.items()}
    best = max(scores, key=lambda e: scores[e])
    if scores[best] < max(0.5, as_is + 0.2):
        return Reading(None)
    other = next(e for e in scores if e != best)
    if scores[other] >= scores[best] - 0.1 and readings[other] != readings[best]:
        return Reading(None, ambiguous=True)
    return Reading(best)


def convert(text: str, encoding: LegacyEncoding) -> str:
    """*text* (a cell as Windows characters) read in *encoding*, the file's, unless that makes it less Vietnamese
    than it is (a heading typed in Unicode, "Ngày sinh", beside names typed in .VnTime)."""
    raw = as_bytes(text)
    if raw is None or text.isascii():
        return text
    converted = _readings(raw)[encoding]
    return converted if _score(converted) >= _score(text) else text
