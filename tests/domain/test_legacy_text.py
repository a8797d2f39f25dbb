"""TCVN3 (ABC, .VnTime) and VNI: every Vietnamese letter, lower and upper case, both ways; and telling them
apart from Unicode and from each other by the letters."""

import unicodedata

import pytest

from chibo_desktop.domain.legacy_text import (
    VIETNAMESE_LETTERS,
    LegacyEncoding,
    Reading,
    convert,
    decode_tcvn3,
    decode_vni,
    detect,
    encode_tcvn3,
    encode_vni,
    is_syllable,
)

TONES = "\u0300\u0301\u0309\u0303\u0323"  # huyền, sắc, hỏi, ngã, nặng
# Every vowel Vietnamese writes, with no tone and with each of the five, then đ: built from the marks, not the table.
VOWELS = [unicodedata.normalize("NFC", v + t) for v in "aăâeêioôơuưy" for t in ("", *TONES)]
EVERY_LETTER = [c for c in VOWELS if not c.isascii()] + ["đ"]


def test_the_alphabet_has_every_letter_and_only_those() -> None:
    assert len(EVERY_LETTER) == 67 and sorted(EVERY_LETTER) == list(VIETNAMESE_LETTERS)


@pytest.mark.parametrize("letter", [c for v in VOWELS + ["đ", "d"] for c in (v, v.upper())])
def test_every_letter_round_trips_through_tcvn3(letter: str) -> None:
    code = encode_tcvn3(letter)
    assert decode_tcvn3(code) == letter
    assert len(code) == 1  # one byte each in TCVN 5712 (VN1)


@pytest.mark.parametrize("letter", [c for v in VOWELS + ["đ", "d"] for c in (v, v.upper())])
def test_every_letter_round_trips_through_vni(letter: str) -> None:
    code = encode_vni(letter)
    assert decode_vni(code) == letter
    assert code.encode("cp1252")  # VNI is Windows-1252 bytes: every code has them


def test_the_published_examples() -> None:
    """The issue's garbage and the VNI fonts' classic sample, each read back into the name it was."""
    assert decode_tcvn3("NguyÔn V¨n".encode("cp1252")) == "Nguyễn Văn"
    assert decode_vni("Xin chaøo caùc baïn") == "Xin chào các bạn"
    assert encode_vni("Đảng Cộng sản Việt Nam") == "Ñaûng Coäng saûn Vieät Nam"
    assert encode_tcvn3("Đảng viên") == b"\xa7\xb6ng vi\xaan"


def test_whole_names_round_trip_both_ways() -> None:
    names = "Nguyễn Thị Ngọc Bích, Trần Văn Hùng, Lê Thị Ửng, Phạm Đức Ượng, THẠCH SA LY, Ỷ Lan, ĐÀO DUY TỪ"
    assert decode_tcvn3(encode_tcvn3(names)) == names
    assert decode_vni(encode_vni(names)) == names


def test_capitals_typed_in_the_capital_font_come_back_as_capitals() -> None:
    """.VnTimeH draws the lowercase codes as capitals: "NGUYÔN V¡N" is NGUYỄN VĂN, not NGUYễN."""
    assert decode_tcvn3("NGUYÔN V¨N HïNG".encode("cp1252")) == "NGUYỄN VĂN HÙNG"


def test_vni_capitals_with_either_modifier() -> None:
    assert decode_vni("NGUYEÃN") == "NGUYỄN" and decode_vni("NGUYEãN") == "NGUYỄN"


def test_syllables() -> None:
    assert all(is_syllable(w) for w in ("Nguyễn", "nghiêng", "GIÀ", "khuya", "Ượng", "quốc", "gì"))
    assert not any(is_syllable(w) for w in ("NguyÔn", "V¨n", "Nguyeãn", "Vaên", "Müller", "baïn", "aáb"))


def test_detect_tells_the_encodings_and_unicode_apart() -> None:
    tcvn3 = [encode_tcvn3(n).decode("cp1252") for n in ("Nguyễn Văn Bền", "Lê Thị Hoa", "Thạch Sa Ly")]
    vni = [encode_vni(n) for n in ("Nguyễn Văn Bền", "Lê Thị Hoa", "Thạch Sa Ly")]
    assert detect(tcvn3) == Reading(LegacyEncoding.TCVN3)
    assert detect(vni) == Reading(LegacyEncoding.VNI)
    assert detect(["Nguyễn Văn Bền", "Lê Thị Hoa"]) == Reading(None)  # Unicode stays as it is
    assert detect(["Mô tả", "José Müller"]) == Reading(None)  # Latin letters that are not a legacy font either
    assert detect(["John Smith"]) == Reading(None)


def test_text_that_reads_as_vietnamese_both_ways_is_ambiguous() -> None:
    """ "Cö Tö" is "Cử Tử" in TCVN3 and "Cư Tư" in VNI: both are Vietnamese, nobody can tell which was typed."""
    assert decode_tcvn3("Cö Tö".encode("cp1252")) == "Cử Tử" and decode_vni("Cö Tö") == "Cư Tư"
    assert detect(["Cö Tö"]) == Reading(None, ambiguous=True)


def test_convert_leaves_unicode_cells_beside_legacy_ones() -> None:
    assert convert("Ngày sinh", LegacyEncoding.TCVN3) == "Ngày sinh"  # a heading typed in Unicode
    assert convert("Lª ThÞ Hoa", LegacyEncoding.TCVN3) == "Lê Thị Hoa"
    assert convert("Leâ Thò Hoa", LegacyEncoding.VNI) == "Lê Thị Hoa"
