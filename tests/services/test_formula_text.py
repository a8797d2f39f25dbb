"""Text that a spreadsheet program could take for a formula stays text: in every workbook the app writes (the
roster export, the upper level's consolidated report) and through the roster import."""

from pathlib import Path

from openpyxl import load_workbook

from chibo_desktop.cli import main
from chibo_desktop.domain.organisation import OrganisationSetup
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services.roster_io import RowStatus
from chibo_desktop.services.table_files import write_xlsx
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import open_database
from tests.helpers.days import CLOCK, TODAY

LINK = '=HYPERLINK("http://example.invalid/x","Bấm vào đây")'
CALC = "=cmd|' /C calc'!A0"
RISKY = [LINK, CALC, "+84 912 345 678", "-1+1", "@SUM(1+1)", "\t=1+1", "\r=1+1"]


def _cells(path: Path) -> list[tuple[object, str]]:
    sheet = load_workbook(path).active
    assert sheet is not None
    return [(cell.value, cell.data_type) for row in sheet.iter_rows() for cell in row if cell.value is not None]


def test_a_workbook_writes_text_that_looks_like_a_formula_as_text(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    write_xlsx(path, ["=Tên", "Ghi chú"], [[text, f"dòng {n}"] for n, text in enumerate(RISKY)], "Danh sách")
    cells = _cells(path)
    assert all(kind == "s" for _value, kind in cells)  # no "f": nothing is a formula
    written = [value for value, _kind in cells]
    assert written[0] == "=Tên" and LINK in written and CALC in written and "@SUM(1+1)" in written
    assert "\t=1+1" in written


def test_the_roster_import_keeps_formula_text_and_the_export_writes_it_as_text(
    services: Services, tmp_path: Path
) -> None:
    roster = tmp_path / "ds.csv"
    roster.write_text(
        "Họ và tên,Ngày sinh,Giới tính,Ngày vào Đảng,Ngày chính thức,Nơi ở hiện nay,Nghề nghiệp,Quê quán\n"
        f'"{LINK.replace(chr(34), chr(34) * 2)}",04/03/1980,Nam,19/05/2010,20/05/2011,{CALC},@SUM(1+1),-1+1\n',
        encoding="utf-8",
    )
    preview = services.roster_io.preview(roster)
    assert [r.status for r in preview.rows] == [RowStatus.NEW]
    services.roster_io.commit(preview)
    (entry, _state) = services.members.roster(TODAY).entries[0]
    record = entry.record
    assert (record.full_name, record.residence, record.occupation, record.home_town) == (
        LINK,
        CALC,
        "@SUM(1+1)",
        "-1+1",
    )

    out = tmp_path / "export.xlsx"
    services.roster_io.export_xlsx(out)
    cells = dict(_cells(out))
    assert cells[LINK] == cells[CALC] == cells["@SUM(1+1)"] == cells["-1+1"] == "s"
    assert [r.status for r in services.roster_io.preview(out).rows] == [RowStatus.DUPLICATE]  # read back as text


def test_a_branch_named_like_a_formula_is_text_in_the_consolidated_report(tmp_path: Path) -> None:
    branch_db = open_database(tmp_path / "branch.sqlite", clock=CLOCK)
    write_demo(branch_db, members=12, seed=3, today=TODAY, meeting_years=1)
    branch = Services.build(branch_db)
    setup = branch.organisation.require()
    branch.organisation.save(
        OrganisationSetup(LINK, setup.upper_name, setup.place_name, tuple(h.name for h in setup.hamlets))
    )
    package = branch.exchange.export(tmp_path, passphrase="mat-khau-chi-bo").path
    trusted = {branch.exchange.keys().signing_fingerprint}  # compared by phone at first contact
    branch_db.close()
    upper_path = tmp_path / "upper.sqlite"
    upper = Services.build(open_database(upper_path, clock=CLOCK))
    upper.organisation.save(OrganisationSetup("Đảng ủy xã Tân Hùng", "Tỉnh ủy Cà Mau", "Tân Hùng", ()))
    assert upper.exchange.import_file(package, "mat-khau-chi-bo", trusted=trusted).accepted
    upper.db.close()

    out = tmp_path / "tong-hop.xlsx"
    assert main(["report", "--db", str(upper_path), "--period", str(TODAY.year), "--out", str(out)]) == 0
    cells = dict(_cells(out))
    assert cells[LINK] == "s" and "f" not in cells.values()
