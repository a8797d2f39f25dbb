import sqlite3
import unicodedata
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from chibo_desktop.domain.errors import UserError
from chibo_desktop.services.roster_io import RowStatus
from chibo_desktop.services.wiring import Services

HEADER = [
    "STT",
    "Họ và tên",
    "Giới tính",
    "Ngày sinh",
    "Dân tộc",
    "Số CCCD",
    "Ngày vào Đảng",
    "Ngày chính thức",
    "Tổ đảng",
]


def workbook(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.append(["DANH SÁCH ĐẢNG VIÊN CHI BỘ ẤP SÁU"])  # a title row above the heading, as real files have
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    wb.save(path)
    return path


def member_count(services: Services) -> int:
    with sqlite3.connect(services.db.path) as conn:
        return int(conn.execute("SELECT count(*) FROM member").fetchone()[0])


@pytest.fixture
def mixed_file(tmp_path: Path) -> Path:
    return workbook(
        tmp_path / "ds.xlsx",
        [
            [
                1,
                "Nguyễn Thị Bích",
                "Nữ",
                datetime(1970, 2, 5),
                "Kinh",
                "094170001111",
                "05/02/1995",
                "5-2-1996",
                "Tổ 1",
            ],
            [2, "Thạch Sa Ly", "nu", "12/08/1988", "Khmer", "094188002222", 40000, None, "to 2"],
            [
                3,
                "Lê Văn Tám",
                "Nam",
                "01/01/1980",
                "Kinh",
                "094170001111",
                "01/01/2005",
                None,
                "Tổ 1",
            ],  # same CCCD as row 3
            [4, "Phạm Văn Út", "Nam", "không rõ", "Kinh", "", "01/01/2005", None, "Tổ 1"],  # unreadable date
            [
                5,
                "Trần Văn Hai",
                "Nam",
                "01/01/1980",
                "Kinh",
                "12345",
                "01/01/2005",
                None,
                "Tổ 9",
            ],  # bad CCCD, unknown cell
        ],
    )


def test_preview_marks_each_row_and_writes_nothing(services: Services, mixed_file: Path) -> None:
    preview = services.roster_io.preview(mixed_file)
    assert [(r.line, r.status) for r in preview.rows] == [
        (3, RowStatus.NEW),
        (4, RowStatus.NEW),
        (5, RowStatus.DUPLICATE),
        (6, RowStatus.ERROR),
        (7, RowStatus.ERROR),
    ]
    assert "row 3" in preview.rows[2].reasons[0].render()
    assert "không rõ" in preview.rows[3].reasons[0].render()
    reasons = " ".join(m.render() for m in preview.rows[4].reasons)
    assert "Tổ 9" in reasons
    assert member_count(services) == 0


def test_commit_writes_the_new_rows_with_dates_read_right(services: Services, mixed_file: Path) -> None:
    change = services.roster_io.commit(services.roster_io.preview(mixed_file))
    assert len(change.ids) == 2
    bich = services.members.get(change.ids[0]).record
    assert (bich.date_of_birth, bich.admission_date, bich.official_date) == (
        date(1970, 2, 5),
        date(1995, 2, 5),
        date(1996, 2, 5),
    )
    sa_ly = services.members.get(change.ids[1]).record
    assert sa_ly.gender == "F" and sa_ly.admission_date == date(2009, 7, 6)  # Excel serial 40000
    organisation = services.organisation.require()
    assert sa_ly.hamlet_id == organisation.hamlets[1].id  # "to 2" matched "Tổ 2"


def test_importing_the_same_file_again_adds_nothing(services: Services, mixed_file: Path) -> None:
    services.roster_io.commit(services.roster_io.preview(mixed_file))
    again = services.roster_io.preview(mixed_file)
    assert again.count(RowStatus.NEW) == 0
    assert again.count(RowStatus.DUPLICATE) == 3
    assert member_count(services) == 2


def test_csv_in_nfd_with_semicolons_is_read_and_stored_nfc(services: Services, tmp_path: Path) -> None:
    text = "Họ và tên;Giới tính;Ngày sinh;Ngày vào Đảng\nHuỳnh Thị Ngọc Ánh;Nữ;5.2.1970;19/05/1995\n"
    path = tmp_path / "ds.csv"
    path.write_bytes(unicodedata.normalize("NFD", text).encode("utf-8-sig"))
    services.roster_io.commit(services.roster_io.preview(path))
    with sqlite3.connect(services.db.path) as conn:
        name = conn.execute("SELECT full_name FROM member").fetchone()[0]
    assert name == "Huỳnh Thị Ngọc Ánh" and unicodedata.is_normalized("NFC", name)


def test_a_file_without_the_name_column_is_refused_plainly(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("Tên;Tuổi\nA;3\n", encoding="utf-8")
    with pytest.raises(UserError) as caught:
        services.roster_io.preview(path)
    assert "Họ và tên" in caught.value.message.render()


def test_a_roster_that_changed_after_the_preview_refuses_the_whole_import(services: Services, mixed_file: Path) -> None:
    preview = services.roster_io.preview(mixed_file)
    services.roster_io.commit(services.roster_io.preview(mixed_file))
    with pytest.raises(UserError):
        services.roster_io.commit(preview)
    assert member_count(services) == 2


def test_export_reads_back_as_all_duplicates(services: Services, mixed_file: Path, tmp_path: Path) -> None:
    services.roster_io.commit(services.roster_io.preview(mixed_file))
    out = tmp_path / "export.xlsx"
    assert services.roster_io.export_xlsx(out) == 2
    back = services.roster_io.preview(out)
    assert [r.status for r in back.rows] == [RowStatus.DUPLICATE, RowStatus.DUPLICATE]


def test_a_cancelled_import_writes_nobody(services: Services, mixed_file: Path) -> None:
    preview = services.roster_io.preview(mixed_file)
    new = preview.count(RowStatus.NEW)
    assert new > 0
    with pytest.raises(UserError):
        services.roster_io.commit(preview, report=lambda _done: False)
    assert member_count(services) == 0
    assert len(services.roster_io.commit(preview, report=lambda _done: True).ids) == new == member_count(services)
