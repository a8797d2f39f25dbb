import unicodedata
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from chibo_desktop.domain.dates import parse_period
from chibo_desktop.domain.errors import UserError
from chibo_desktop.services.roster_io import RowStatus
from chibo_desktop.services.wiring import Services
from tests.helpers.databases import connect

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
    with connect(services.db) as conn:
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
                "Lê Thị Tám",
                "Nữ",
                "01/01/1970",
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
    assert "Tổ 9" not in reasons and preview.new_hamlets == ("Tổ 9",)  # the new cell is offered once, not an error
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
    with connect(services.db) as conn:
        name = conn.execute("SELECT full_name FROM member").fetchone()[0]
    assert name == "Huỳnh Thị Ngọc Ánh" and unicodedata.is_normalized("NFC", name)


def test_a_row_with_a_hidden_or_control_character_is_refused_saying_where(services: Services, tmp_path: Path) -> None:
    """A NUL pasted into a name used to be taken in (and then stopped the package to the upper level): the row is
    refused, naming the row, the column and the character, and the rest of the file goes in."""
    from chibo_desktop.catalog import Catalog

    path = tmp_path / "ds.csv"
    path.write_text(
        "Họ và tên,Giới tính,Ngày sinh,Ngày vào Đảng,Nơi ở hiện nay\n"
        "Nguyễn\x00 Văn Bảy,Nam,01/01/1980,01/01/2005,Ấp Sáu\n"
        "Trần Thị Tám,Nữ,02/02/1982,03/03/2006,Ấp\u200b Bảy\n"
        "Lê Văn Chín,Nam,04/04/1984,05/05/2008,Ấp Sáu\n",
        encoding="utf-8",
    )
    preview = services.roster_io.preview(path)
    assert [(r.line, r.status) for r in preview.rows] == [
        (2, RowStatus.ERROR),
        (3, RowStatus.ERROR),
        (4, RowStatus.NEW),
    ]
    vi = Catalog("vi").translate
    assert [m.render(vi) for m in preview.rows[0].reasons] == [
        "Hàng 2, cột “Họ và tên”: ký tự thứ 7 là ký tự ẩn hoặc ký tự điều khiển (U+0000), cấp trên không nhận. Hãy "
        "xóa ký tự đó trong tệp (gõ lại ô này) rồi mở lại tệp."
    ]
    assert (
        "cột “Nơi ở hiện nay”" in preview.rows[1].reasons[0].render(vi)
        and "U+200B" in preview.rows[1].reasons[0].render()
    )
    change = services.roster_io.commit(preview)
    assert [services.members.get(i).record.full_name for i in change.ids] == ["Lê Văn Chín"]
    assert member_count(services) == 1
    services.exchange.export(tmp_path, passphrase="mat-khau-chi-bo")  # the branch's package still goes up


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


# The headings of the official register (sổ danh sách đảng viên, mẫu 7-HSĐV): several items in a column, one per
# line, and a row of column numbers under the headings.
REGISTER = [
    "Số TT",
    "Họ và tên\nHọ và tên khai sinh",
    "Ngày, tháng, năm sinh",
    "Nam, nữ, dân tộc, tôn giáo",
    "Quê quán",
    "Ngày vào Đảng, ngày chính thức",
    "Số thẻ đảng viên, số lý lịch đảng viên, số Huy hiệu Đảng",
    "Ngày chuyển đến, ở đảng bộ cơ sở nào đến",
    "Nơi vào Đảng",
    "Tổ đảng",
]


def register(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.append(REGISTER)
    sheet.append(list(range(1, len(REGISTER) + 1)))
    for row in rows:
        sheet.append(row)
    wb.save(path)
    return path


@pytest.fixture
def register_file(tmp_path: Path) -> Path:
    return register(
        tmp_path / "7-hsdv.xlsx",
        [
            [1, "Nguyễn Thị Bích", "05/02/1970", "Nữ\nKinh\nKhông", "Tân Hùng", "05/02/1995\n05/02/1996",
             "12345678\n012345-CM", None, "Chi bộ ấp Sáu", "Tổ 1"],
            [2, "Lâm Văn Tư", "01/03/1975", "Nam, Khmer, Phật giáo", "Tân Phú", "19/05/2000, 19/05/2001",
             "23456789", "01/06/2020\nĐảng bộ xã Tân Phú", None, "Tổ 9"],
            [3, "Danh Văn Út", datetime(1980, 10, 10), "Nam, Khmer, Phật giáo", "", "03/02/2005, 03/02/2006",
             None, None, "Chi bộ ấp Te Te, xã Tân Hùng", "Ấp Mới"],
            [4, "Trần Văn Năm", "31/02/1975", "Nam, Kinh", "", "03/02/2005, 03/02/2006", None, None, None, "Tổ 9"],
        ],
    )  # fmt: skip


def test_the_official_register_is_read_column_by_column(services: Services, register_file: Path) -> None:
    preview = services.roster_io.preview(register_file)
    assert [r.line for r in preview.rows] == [3, 4, 5, 6]  # the row of column numbers is not a member
    bich, tu, ut, nam = preview.rows
    assert (bich.status, bich.date_of_birth, bich.ethnicity, bich.hamlet) == (
        RowStatus.NEW,
        date(1970, 2, 5),
        "Kinh",
        "Tổ 1",
    )
    assert (bich.admission_date, bich.official_date) == (date(1995, 2, 5), date(1996, 2, 5))
    assert bich.record is not None and (bich.record.card_number, bich.record.biography_no) == ("12345678", "012345-CM")
    assert bich.joining.kind == "admitted"  # admitted at this branch: it says so
    assert (tu.status, tu.ethnicity, tu.joining.kind, tu.joining.on) == (
        RowStatus.NEW_CELL,
        "Khmer",
        "transferred_in",
        date(2020, 6, 1),
    )
    assert ut.joining.kind == "transferred_in" and ut.joining.on == date(2006, 2, 3)  # admitted elsewhere, no date
    assert "no date of transfer" in ut.notes[0].render()
    assert nam.status == RowStatus.ERROR
    assert nam.reasons[0].render() == "There is no day 31 in 02/1975 (that month has 28 days)."
    assert preview.new_hamlets == ("Tổ 9", "Ấp Mới")


def test_new_cells_are_added_only_when_asked_and_transfers_are_not_admissions(
    services: Services, register_file: Path
) -> None:
    preview = services.roster_io.preview(register_file)
    assert preview.importable(create_cells=False) == 1 and preview.importable(create_cells=True) == 3
    assert len(services.roster_io.commit(preview).ids) == 1  # the rows of new cells wait
    assert [h.name for h in services.organisation.require().hamlets] == ["Tổ 1", "Tổ 2", "Tổ 3"]

    again = services.roster_io.preview(register_file)
    change = services.roster_io.commit(again, create_cells=True)
    assert len(change.ids) == 2
    hamlets = {h.name: h.id for h in services.organisation.require().hamlets}
    assert list(hamlets) == ["Tổ 1", "Tổ 2", "Tổ 3", "Tổ 9", "Ấp Mới"]
    tu = services.members.get(change.ids[0])
    assert tu.record.hamlet_id == hamlets["Tổ 9"]
    assert [(e.kind, e.on, e.note) for e in tu.events] == [("transferred_in", date(2020, 6, 1), "Đảng bộ xã Tân Phú")]
    roster = services.members.roster()
    counts = services.members.counts(roster, parse_period("2000"))
    assert counts.admitted_in_period == 0  # Lâm Văn Tư was admitted in 2000, but not here
    assert services.members.counts(roster, parse_period("1995")).admitted_in_period == 1  # Nguyễn Thị Bích was
