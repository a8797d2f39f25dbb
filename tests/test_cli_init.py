"""``chibo init`` sets up a database for IT staff and scripts; ``chibo funds list`` gives funds with their ids."""

import json
import sqlite3
from pathlib import Path

import pytest

from chibo_desktop.cli import main
from chibo_desktop.domain.organisation import Level
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import open_database
from tests.helpers.days import CLOCK, TODAY


def _organisation(path: Path) -> tuple[str, str, str, str, list[str]]:
    organisation = Services.build(open_database(path, clock=CLOCK)).organisation.require()
    return (
        organisation.level.value,
        organisation.branch_name,
        organisation.upper_name,
        organisation.place_name,
        [h.name for h in organisation.hamlets],
    )


def test_init_sets_up_a_branch_with_its_cells(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "chibo.sqlite"
    argv = ["init", "--db", str(path), "--level", "branch", "--name", "Chi bộ ấp Te Te 1"]
    argv += ["--upper", "Đảng ủy xã Tân Hùng", "--place", "Tân Hùng", "--cell", "Tổ 1", "--cell", "Tổ 2"]
    assert main(argv) == 0
    assert "Đã thiết lập" in capsys.readouterr().out
    assert _organisation(path) == ("branch", "Chi bộ ấp Te Te 1", "Đảng ủy xã Tân Hùng", "Tân Hùng", ["Tổ 1", "Tổ 2"])


def test_init_sets_up_a_committee(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "xa.sqlite"
    argv = ["init", "--db", str(path), "--level", "committee", "--name", "Đảng ủy xã Tân Hùng"]
    assert main([*argv, "--upper", "Tỉnh ủy Cà Mau", "--place", "Tân Hùng"]) == 0
    out = capsys.readouterr().out
    assert "Đảng ủy xã Tân Hùng" in out and "Tỉnh ủy Cà Mau" in out
    assert _organisation(path)[:3] == (Level.COMMITTEE.value, "Đảng ủy xã Tân Hùng", "Tỉnh ủy Cà Mau")


def test_init_refuses_bad_input_in_vietnamese_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "chibo.sqlite"
    base = ["init", "--db", str(path), "--name", "Chi bộ ấp Sáu", "--upper", "Đảng ủy xã Tân Hùng"]
    assert main([*base, "--level", "chi-bo", "--place", "Tân Hùng"]) == 2
    assert "“chi-bo” không phải là một cấp" in capsys.readouterr().err
    assert main([*base, "--level", "branch"]) == 2  # no --place
    err = capsys.readouterr().err
    assert "--place" in err and "nhập địa danh" in err
    assert main([*base[:-4], "--level", "committee", "--upper", "Tỉnh ủy", "--place", "X", "--cell", "Tổ 1"]) == 2
    assert "--cell" in capsys.readouterr().err
    assert not path.exists()


def test_init_refuses_to_overwrite_a_database_already_set_up(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "chibo.sqlite"
    argv = ["init", "--db", str(path), "--level", "branch", "--name", "Chi bộ ấp Sáu"]
    argv += ["--upper", "Đảng ủy xã Tân Hùng", "--place", "Tân Hùng"]
    assert main(argv) == 0
    again = ["init", "--db", str(path), "--level", "committee", "--name", "Đảng ủy xã Khác"]
    assert main([*again, "--upper", "Tỉnh ủy", "--place", "Khác"]) == 2
    err = capsys.readouterr().err
    assert "đã được thiết lập" in err and "Chi bộ ấp Sáu" in err
    assert _organisation(path)[:2] == ("branch", "Chi bộ ấp Sáu")


def test_funds_list_gives_ids_and_balances(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(path), "--members", "40", "--seed", "2", "--today", TODAY.isoformat()]) == 0
    capsys.readouterr()
    assert main(["funds", "list", "--db", str(path), "--json"]) == 0
    funds = json.loads(capsys.readouterr().out)
    with sqlite3.connect(path) as conn:
        stored = dict(conn.execute("SELECT id, name FROM fund"))
        cash = dict(
            conn.execute(
                "SELECT fund_id, sum(CASE WHEN kind IN ('capital_out', 'disbursement') THEN -amount "
                "WHEN kind = 'write_off' THEN 0 ELSE amount END * CASE WHEN reverses_id IS NULL THEN 1 ELSE -1 END) "
                "FROM fund_entry GROUP BY fund_id"
            )
        )
    assert {f["id"]: f["name"] for f in funds} == stored and len(funds) >= 2
    for fund in funds:
        assert set(fund) >= {"id", "name", "branch", "source", "balance", "outstanding", "active_loans", "overdue"}
        assert fund["balance"] == cash.get(fund["id"], 0)
        assert fund["branch"] == "Chi bộ ấp Sáu"


def test_funds_list_needs_a_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["funds", "list", "--db", str(tmp_path / "nope.sqlite"), "--json"]) == 2
    assert "Không có tệp dữ liệu" in capsys.readouterr().err
