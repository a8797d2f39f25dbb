"""A roster typed in TCVN3 (.VnTime) or VNI: read into Unicode, with the names shown converted in the preview and
imported so; text that reads both ways is refused in Vietnamese and nothing is written."""

import io
from pathlib import Path

import pytest
from openpyxl import Workbook

from chibo_desktop.catalog import Catalog
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.legacy_text import LegacyEncoding, encode_tcvn3, encode_vni
from chibo_desktop.services.roster_io import RowStatus
from chibo_desktop.services.wiring import Services
from tests.helpers.databases import connect

VI = Catalog("vi").translate
HEADINGS = ["Họ và tên", "Ngày sinh", "Giới tính", "Ngày vào Đảng", "Ngày chính thức", "Dân tộc"]
ROWS = [
    ["Nguyễn Văn Bền", "04/03/1980", "Nam", "19/05/2010", "20/05/2011", "Kinh"],
    ["Lê Thị Ửng", "05/06/1975", "Nữ", "03/02/2001", "03/02/2002", "Kinh"],
    ["Thạch Thị Sa Ly", "07/08/1990", "Nữ", "02/09/2015", "02/09/2016", "Khmer"],
]
NAMES = [r[0] for r in ROWS]


def _csv(rows: list[list[str]]) -> str:
    return "\r\n".join(",".join(r) for r in [HEADINGS, *rows]) + "\r\n"


def _members(services: Services) -> list[str]:
    with connect(services.db) as conn:
        return sorted(r[0] for r in conn.execute("SELECT full_name FROM member").fetchall())


def test_a_tcvn3_csv_is_read_in_unicode_and_imported_so(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "danh-sach.csv"
    path.write_bytes(encode_tcvn3(_csv(ROWS)))
    assert "NguyÔn V¨n" in path.read_bytes().decode("cp1258")  # what the app used to import without a word
    preview = services.roster_io.preview(path)
    assert preview.legacy == LegacyEncoding.TCVN3
    assert [(r.full_name, r.ethnicity, r.status) for r in preview.rows] == [
        (name, ethnicity, RowStatus.NEW) for name, ethnicity in zip(NAMES, ["Kinh", "Kinh", "Khmer"], strict=True)
    ]
    services.roster_io.commit(preview)
    assert _members(services) == sorted(NAMES)


def test_a_vni_workbook_is_read_cell_by_cell(services: Services, tmp_path: Path) -> None:
    """Headings typed in Unicode, names typed in VNI-Times: the names are converted, the headings left alone."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADINGS)
    for row in ROWS:
        sheet.append([encode_vni(row[0]), *row[1:]])
    out = io.BytesIO()
    book.save(out)
    path = tmp_path / "ds.xlsx"
    path.write_bytes(out.getvalue())
    preview = services.roster_io.preview(path)
    assert preview.legacy == LegacyEncoding.VNI
    assert [r.full_name for r in preview.rows] == NAMES


def test_unicode_files_are_not_touched(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    path.write_text(_csv(ROWS), encoding="utf-8-sig")
    preview = services.roster_io.preview(path)
    assert preview.legacy is None and [r.full_name for r in preview.rows] == NAMES


def test_text_that_reads_both_ways_is_refused_and_nothing_is_written(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    lines = [
        "Ho va ten,Ngay sinh,Gioi tinh,Ngay vao Dang,Ngay chinh thuc",
        "Cử Tử,04/03/1980,Nam,19/05/2010,20/05/2011",
    ]
    path.write_bytes(encode_tcvn3("\r\n".join(lines)))  # "Cö Tö": "Cử Tử" in TCVN3, "Cư Tư" in VNI
    with pytest.raises(UserError) as caught:
        services.roster_io.preview(path)
    text = caught.value.message.render(VI)
    assert "TCVN3" in text and "VNI" in text and "ds.csv" in text and "Unicode" in text
    assert _members(services) == []
