import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chibo_desktop.domain.text import (
    collation_key,
    fold,
    hidden_character,
    matches,
    name_order_key,
    name_sort_key,
    nfc,
    split_name,
)


def test_fold_drops_tones_letter_marks_and_case() -> None:
    assert fold("Nguyễn Thị Ngọc BÍCH") == "nguyen thi ngoc bich"
    assert fold("Đặng Đức") == "dang duc"


def test_search_matches_without_tone_marks() -> None:
    haystack = fold("Nguyễn Thị Bích Tổ 2 12345678")
    assert matches("nguyen thi bich", haystack)
    assert matches("BICH to 2", haystack)
    assert not matches("nguyen van bich", haystack)


def test_nfc_composes_decomposed_input_and_collapses_spaces() -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn  Thị ")
    assert decomposed != "Nguyễn  Thị "
    assert nfc(decomposed) == "Nguyễn Thị"
    assert unicodedata.is_normalized("NFC", nfc(decomposed))


def test_nfc_drops_control_direction_and_invisible_characters() -> None:
    assert nfc("Nguyễn\u200b Văn\u202e A\x00\u00ad\ufeff") == "Nguyễn Văn A"
    assert nfc("Trần\u00a0Thị\tB\nC") == "Trần Thị B C"


def test_vietnamese_alphabet_and_tone_order() -> None:
    words = ["Đức", "Dung", "Ân", "Ăn", "Ạnh", "Ánh", "Ãnh", "Ảnh", "Ành", "Anh", "Ưng", "Uy", "Ơn", "Ôn", "On"]
    assert sorted(words, key=collation_key) == [
        "Anh",
        "Ành",
        "Ảnh",
        "Ãnh",
        "Ánh",
        "Ạnh",
        "Ăn",
        "Ân",
        "Dung",
        "Đức",
        "On",
        "Ôn",
        "Ơn",
        "Uy",
        "Ưng",
    ]


def test_names_sort_by_given_name_then_the_rest() -> None:
    names = ["Trần Văn Bình", "Nguyễn Thị An", "Lê Bình", "Đỗ Ánh", "Phạm Anh"]
    assert sorted(names, key=name_sort_key) == ["Nguyễn Thị An", "Phạm Anh", "Đỗ Ánh", "Lê Bình", "Trần Văn Bình"]
    assert split_name("Nguyễn Thị Ngọc Bích") == ("Nguyễn Thị Ngọc", "Bích")


def test_the_stored_name_key_orders_names_as_the_roster_does_in_python_and_in_sqlite() -> None:
    import sqlite3

    names = [
        "Nguyễn Văn An", "Trần Thị Ánh", "Lê Anh", "Phạm Văn Anh", "Đỗ Đức", "Ngô Dung", "An", "", "Lý Thị Ảnh",
        "Hồ Ãnh", "Võ Ạnh", "Mai Ăn", "Mai 3", "Kim 한", "Ô 2b", "Lê Thị Ân", "Nguyễn An", "nguyễn an",
    ]  # fmt: skip
    expected = sorted(names, key=name_sort_key)
    assert sorted(names, key=name_order_key) == expected
    with sqlite3.connect(":memory:") as conn:
        conn.execute("CREATE TABLE t (k TEXT, n TEXT)")
        conn.executemany("INSERT INTO t VALUES (?, ?)", [(name_order_key(n), n) for n in names])
        assert [n for (n,) in conn.execute("SELECT n FROM t ORDER BY k")] == expected


PASTED = list("aăĐễ 1\t\n\r\x00\x0b\x0c\x1f\x7f\x85\xad\u200b\u200d\u202e\u2028\u2066\ufeff\ue000\ud800")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.one_of(st.sampled_from(PASTED), st.characters(exclude_categories=())), max_size=30))
def test_typed_text_that_passes_the_check_can_travel(text: str) -> None:
    """The check the forms and the roster import make (hidden_character) and the exchange schema's own check agree:
    what a form accepts is never refused in the package, as a name, a line or the minutes' paragraphs."""
    from chibo_desktop.domain.exchange_format import Text
    from chibo_desktop.exchange.schema import MalformedError, check_value

    for spec in (Text(1000, name=True), Text(1000)):
        check_value(nfc(text), spec, "test")  # one-line text as stored always travels…
    if hidden_character(text) is not None:  # …and what storing it would drop, the form refuses first
        assert len(nfc(text).replace(" ", "")) < len(unicodedata.normalize("NFC", "".join(text.split())))
    if hidden_character(text, lines=True) is None:
        check_value(text, Text(1000, lines=True), "test")
    else:
        with pytest.raises(MalformedError):
            check_value(text, Text(1000, lines=True), "test")
