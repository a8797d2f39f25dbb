"""Roster files from elsewhere, damaged or made to harm: each is refused with a Vietnamese message saying what is
wrong and what to do, in bounded time and memory, and nothing is written."""

import tracemalloc
from pathlib import Path

import pytest

from chibo_desktop.catalog import Catalog
from chibo_desktop.domain.errors import UserError
from chibo_desktop.services.roster_io import RowStatus
from chibo_desktop.services.wiring import Services
from tests.helpers.databases import connect
from tests.helpers.workbooks import LAUGHS, SHEET, good_workbook, pack, parts, sheet_with, write

VI = Catalog("vi").translate
ROW = ["Nguyễn Văn Bền", "04/03/1980", "Nam", "19/05/2010", "20/05/2011"]


def refusal(services: Services, path: Path) -> str:
    with pytest.raises(UserError) as caught:
        services.roster_io.preview(path)
    with connect(services.db) as conn:
        assert conn.execute("SELECT count(*) FROM member").fetchone()[0] == 0
    return caught.value.message.render(VI)


def test_a_good_workbook_is_read(services: Services, tmp_path: Path) -> None:
    preview = services.roster_io.preview(write(tmp_path / "ds.xlsx", good_workbook([ROW])))
    assert [(r.full_name, r.status) for r in preview.rows] == [("Nguyễn Văn Bền", RowStatus.NEW)]


def test_a_workbook_without_its_sheet_part(services: Services, tmp_path: Path) -> None:
    found = parts(good_workbook([ROW]))
    del found[SHEET]
    text = refusal(services, write(tmp_path / "ds.xlsx", pack(found)))
    assert "không có trang tính" in text and "ds.xlsx" in text


def test_an_inline_string_bomb_is_refused_before_it_is_unpacked(services: Services, tmp_path: Path) -> None:
    bomb = b'<row r="9"><c r="A9" t="inlineStr"><is><t>' + b"A" * (400 * 2**20) + b"</t></is></c></row>"
    path = write(tmp_path / "bom.xlsx", sheet_with(good_workbook([ROW]), bomb))
    assert path.stat().st_size < 2 * 2**20
    tracemalloc.start()
    try:
        text = refusal(services, path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "giải nén" in text and "64 MB" in text
    assert peak < 20 * 2**20


def test_a_long_cell_within_the_part_cap_is_refused_too(services: Services, tmp_path: Path) -> None:
    long_cell = b'<row r="3"><c r="A3" t="inlineStr"><is><t>' + b"A" * 40_000 + b"</t></is></c></row>"
    text = refusal(services, write(tmp_path / "dai.xlsx", sheet_with(good_workbook([ROW]), long_cell)))
    assert "32767 ký tự" in text and "dòng 3" in text


def test_entity_expansion_is_refused(services: Services, tmp_path: Path) -> None:
    laughs = b'<row r="3"><c r="A3" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
    text = refusal(services, write(tmp_path / "cuoi.xlsx", sheet_with(good_workbook([ROW]), laughs, LAUGHS)))
    assert "DOCTYPE" in text and "cuoi.xlsx" in text


def test_entity_expansion_is_refused_by_openpyxl_on_its_own(tmp_path: Path) -> None:
    """The second line of defence: openpyxl parses through defusedxml, so a part that slipped past the check
    would still not expand."""
    from defusedxml import DefusedXmlException
    from openpyxl import load_workbook

    laughs = b'<row r="3"><c r="A3" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
    path = write(tmp_path / "cuoi.xlsx", sheet_with(good_workbook([ROW]), laughs, LAUGHS))
    with pytest.raises(Exception) as caught:  # noqa: B017 - openpyxl wraps it in a ValueError of its own
        load_workbook(path, read_only=True)
    chain = [caught.value, caught.value.__cause__, caught.value.__context__]
    assert any(isinstance(error, DefusedXmlException) for error in chain)


@pytest.mark.parametrize(
    ("name", "mangle"),
    [
        ("cut.xlsx", lambda good: good[: len(good) // 2]),
        ("empty.xlsx", lambda good: b""),
        ("text.xlsx", lambda good: "Họ và tên\nNguyễn Văn Bền\n".encode()),
        ("wrong-xml.xlsx", lambda good: pack({**parts(good), SHEET: b"<worksheet><sheetData><row"})),
        ("no-workbook.xlsx", lambda good: pack({k: v for k, v in parts(good).items() if k != "xl/workbook.xml"})),
        ("twice.xlsx", lambda good: pack([*parts(good).items(), (SHEET, parts(good)[SHEET])])),
        ("deep.xlsx", lambda good: pack({**parts(good), "xl/styles.xml": b"<a>" * 5000 + b"</a>" * 5000})),
        ("wide.xlsx", lambda good: sheet_with(good, b'<row r="3">' + b"<c/>" * 20_000 + b"</row>")),
        ("far.xlsx", lambda good: sheet_with(good, b'<row r="99999999"><c t="inlineStr"><is><t>x</t></is></c></row>')),
        ("bad-row.xlsx", lambda good: sheet_with(good, b'<row r="x"><c/></row>')),
        ("bad-cell.xlsx", lambda good: sheet_with(good, b'<row r="4"><c r="ZZZZZZ4"><v>1</v></c></row>')),
    ],
)
def test_a_damaged_workbook_says_so(services: Services, tmp_path: Path, name: str, mangle: object) -> None:
    text = refusal(services, write(tmp_path / name, mangle(good_workbook([ROW]))))  # type: ignore[operator]
    assert name in text and ("hỏng" in text or "không đọc được" in text), text


def test_a_csv_cell_over_the_limit(services: Services, tmp_path: Path) -> None:
    for size in (40_000, 200_000):  # under and over the csv module's own limit of 128 KB
        path = tmp_path / f"ds-{size}.csv"
        path.write_text(f"Họ và tên,Ngày sinh\nNguyễn Văn Bền,04/03/1980\n{'A' * size},01/01/1980\n", encoding="utf-8")
        text = refusal(services, path)
        assert "32767 ký tự" in text and "dòng 3" in text


def test_a_csv_larger_than_a_roster_can_be(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "lon.csv"
    with open(path, "wb") as handle:
        handle.write("Họ và tên,Ngày sinh\n".encode())
        handle.truncate(51 * 2**20)  # sparse: no need to write 51 MB
    assert "50 MB" in refusal(services, path)
