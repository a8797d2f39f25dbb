"""`chibo conflicts list / resolve`, and the count of members waiting for review in `chibo stats` and
`chibo report`, at an upper level where branch B sent one of A's members as its own."""

import json
from pathlib import Path

import pytest

from chibo_desktop.cli import main
from tests.helpers.databases import connect
from tests.helpers.two_units import build_units, copy_member, write_sample_branches


def test_listing_and_resolving_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    samples = tmp_path / "samples"
    samples.mkdir()
    units = build_units(tmp_path, write_sample_branches(samples), tmp_path / "xa.sqlite")
    uuid, record, _meeting, _b_id = copy_member(units)
    units.take_in(units.send(units.b))
    a_name, b_name = (s.organisation.require().branch_name for s in (units.a, units.b))
    units.close()
    db = ["--db", str(tmp_path / "xa.sqlite")]
    capsys.readouterr()

    assert main(["stats", *db, "--period", "2026"]) == 0
    assert json.loads(capsys.readouterr().out)["conflicts_waiting"] == 1
    assert main(["report", *db, "--period", "2026", "--out", str(tmp_path / "tonghop.pdf")]) == 0
    assert "1 hồ sơ đảng viên do hai đơn vị cùng gửi đang chờ xem xét" in capsys.readouterr().out

    assert main(["conflicts", "list", *db]) == 0
    (entry,) = json.loads(capsys.readouterr().out)
    assert entry["member_uuid"] == uuid and entry["stored"] == {"unit": a_name, "full_name": record.full_name}
    assert entry["sent"]["unit"] == b_name and entry["state"] == "waiting"

    assert main(["conflicts", "resolve", *db, str(entry["id"]), "--take"]) == 0
    said = capsys.readouterr().out
    assert record.full_name in said and b_name in said
    assert main(["conflicts", "resolve", *db, str(entry["id"]), "--keep"]) == 2  # decided already
    assert "đã được quyết định" in capsys.readouterr().err
    assert main(["conflicts", "list", *db]) == 0 and json.loads(capsys.readouterr().out) == []
    assert main(["conflicts", "list", *db, "--all"]) == 0
    (decided,) = json.loads(capsys.readouterr().out)
    assert decided["state"] == "taken" and decided["resolved_by"]

    from chibo_desktop.storage.db import open_database
    from tests.helpers.days import CLOCK

    upper = open_database(tmp_path / "xa.sqlite", clock=CLOCK)
    with connect(upper) as conn:
        (unit,) = conn.execute(
            "SELECT u.name FROM member m JOIN org_unit u ON u.id = m.org_unit_id WHERE m.uuid = ?", (uuid,)
        ).fetchone()
    upper.close()
    assert unit == b_name


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_report_as_a_workbook_counts_the_members_waiting_for_review_as_the_pdf_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    """The workbook is the PDF's figures for Excel: the line under the table on the members sent by two units is
    there too, in the same (Vietnamese) words as the PDF whatever the language of the command."""
    from openpyxl import load_workbook

    from tests.helpers.pdf import pdf_text

    samples = tmp_path / "samples"
    samples.mkdir()
    units = build_units(tmp_path, write_sample_branches(samples), tmp_path / "xa.sqlite")
    copy_member(units)
    units.take_in(units.send(units.b))
    units.close()
    db = ["--db", str(tmp_path / "xa.sqlite"), "--period", "2026"]
    pdf, xlsx = tmp_path / "tonghop.pdf", tmp_path / "tonghop.xlsx"
    assert main(["--lang", lang, "report", *db, "--out", str(pdf)]) == 0
    assert main(["--lang", lang, "report", *db, "--out", str(xlsx)]) == 0
    capsys.readouterr()
    line = "Hồ sơ đảng viên trùng giữa các đơn vị: 1 hồ sơ đang chờ xem xét."
    assert line in " ".join(pdf_text(pdf).split())
    sheet = load_workbook(xlsx).active
    assert sheet is not None
    cells = [row[0] for row in sheet.iter_rows(values_only=True)]
    assert cells[-2:] == [None, line]
    assert cells[-3] == "Toàn đảng bộ"  # under the total, apart from the figures
