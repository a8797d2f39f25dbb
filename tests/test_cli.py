"""The ``chibo`` command as scripts use it: exit codes, JSON keys, files written."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from chibo_desktop.cli import main
from tests.helpers.days import CLOCK, TODAY

MEMBER_KEYS = {"total", "official", "probationary", "women", "ethnic_minority", "admitted_in_period", "exempted"}


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(path), "--members", "80", "--seed", "3", "--today", TODAY.isoformat()]) == 0
    return path


def test_version_runs_as_a_module() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "chibo_desktop", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip().startswith("chibo-desktop ")


def test_stats_json_has_the_documented_keys(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["stats", "--db", str(demo_db), "--period", "2025-Q2", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data["members"]) >= MEMBER_KEYS
    assert data["period"] == {"label": "2025-Q2", "from": "2025-04-01", "to": "2025-06-30"}
    members = data["members"]
    assert members["official"] + members["probationary"] == members["total"] > 50


def test_stats_refuses_a_bad_period_in_vietnamese(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--db", str(demo_db), "--period", "quý 2", "--json"]) == 2
    assert "không phải là một kỳ báo cáo" in capsys.readouterr().err


def test_a_missing_database_is_a_plain_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--db", str(tmp_path / "nope.sqlite"), "--json"]) == 2
    assert "Không có tệp dữ liệu" in capsys.readouterr().err
    assert not (tmp_path / "nope.sqlite").exists()


def test_demo_refuses_to_overwrite(demo_db: Path) -> None:
    assert main(["demo", "--db", str(demo_db)]) == 2


def test_import_dry_run_then_real_with_exit_codes(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wb = Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.append(["Họ và tên", "Giới tính", "Ngày sinh", "Ngày vào Đảng"])
    sheet.append(["Kim Thị Sô Phi", "Nữ", "03/03/1990", "19/05/2015"])
    sheet.append(["Kim Thị Sô Phi", "Nữ", "03/03/1990", "19/05/2015"])
    path = tmp_path / "new.xlsx"
    wb.save(path)
    capsys.readouterr()
    assert main(["members", "import", "--db", str(demo_db), str(path), "--dry-run"]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out) == {"new": 1, "new_cell": 0, "duplicate": 1, "error": 0}
    assert "new.xlsx:3" in captured.err
    assert main(["members", "import", "--db", str(demo_db), str(path)]) == 1
    assert json.loads(capsys.readouterr().out)["imported"] == 1


def test_import_offers_the_new_cells_once_and_adds_them_when_asked(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wb = Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.append(["Họ và tên", "Ngày, tháng, năm sinh", "Nam, nữ, dân tộc, tôn giáo", "Ngày vào Đảng", "Tổ đảng"])
    sheet.append(["Kim Thị Sô Phi", "03/03/1990", "Nữ, Khmer, Phật giáo", "19/05/2015", "Tổ Mười Hai"])
    sheet.append(["Thạch Văn Rơ", "04/04/1991", "Nam, Khmer, Phật giáo", "19/05/2016", "Tổ Mười Hai"])
    path = tmp_path / "new-cell.xlsx"
    wb.save(path)
    capsys.readouterr()
    assert main(["members", "import", "--db", str(demo_db), str(path)]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out)["imported"] == 0
    assert captured.err.count("Tổ Mười Hai") == 1 and "--create-cells" in captured.err  # one line, not one a row
    assert main(["members", "import", "--db", str(demo_db), str(path), "--create-cells"]) == 0
    assert json.loads(capsys.readouterr().out)["imported"] == 2


def test_export_and_print(demo_db: Path, tmp_path: Path) -> None:
    assert main(["members", "export", "--db", str(demo_db), "--out", str(tmp_path / "ds.xlsx")]) == 0
    assert (tmp_path / "ds.xlsx").stat().st_size > 5000
    assert main(["print", "members", "--db", str(demo_db), "--out", str(tmp_path / "ds.pdf")]) == 0
    assert (tmp_path / "ds.pdf").read_bytes().startswith(b"%PDF")


MEETING_KEYS = {
    "held",
    "regular",
    "thematic",
    "attendance_ratio",
    "guest_attendances",
    "below_threshold",
    "assigned_members",
}


def test_stats_json_has_meetings_and_flags(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["stats", "--db", str(demo_db), "--period", "2025", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data["meetings"]) >= MEETING_KEYS
    meetings = data["meetings"]
    assert meetings["held"] >= 11 and 0.5 < meetings["attendance_ratio"] <= 1
    assert meetings["present"] <= meetings["required"]
    assert {flag["kind"] for flag in data["flags"]} <= {"removal_proposal", "consecutive_absence"}
    assert all(isinstance(flag["member_id"], int) for flag in data["flags"])


def test_meetings_list_gives_ids(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["meetings", "list", "--db", str(demo_db), "--year", "2025", "--json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    assert listing and all(item["date"].startswith("2025-") for item in listing)
    assert {"id", "kind", "approved", "present", "required"} <= set(listing[0])


LOAN_KEYS = {"funds", "loans_disbursed", "amount_disbursed", "members_helped", "outstanding", "overdue_amount", "par30"}


def test_stats_json_has_loans_and_the_fund_prints(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["stats", "--db", str(demo_db), "--period", "2025", "--json"]) == 0
    loans = json.loads(capsys.readouterr().out)["loans"]
    assert set(loans) >= LOAN_KEYS
    assert loans["funds"] == 3 and loans["loans_disbursed"] >= 1 and loans["amount_disbursed"] > 0
    assert isinstance(loans["outstanding"], int) and loans["overdue_amount"] <= loans["outstanding"]
    out = tmp_path / "quy.pdf"
    assert (
        main(
            [
                "print",
                "fund",
                "--db",
                str(demo_db),
                "--fund",
                "1",
                "--from",
                "2025-01-01",
                "--to",
                "2025-12-31",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    assert out.read_bytes().startswith(b"%PDF")


def test_export_import_and_keys_with_exit_codes(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from chibo_desktop.domain.organisation import OrganisationSetup
    from chibo_desktop.services.wiring import Services
    from chibo_desktop.storage.db import open_database

    upper_db = tmp_path / "upper.sqlite"
    upper = Services.build(open_database(upper_db, clock=CLOCK))
    upper.organisation.save(OrganisationSetup("Đảng ủy xã Tân Hùng", "Tỉnh ủy Cà Mau", "Tân Hùng", ()))
    upper.db.close()
    capsys.readouterr()
    assert main(["keys", "show", "--db", str(upper_db)]) == 0
    key = json.loads(capsys.readouterr().out)["encryption_key"]
    usb = tmp_path / "usb"
    usb.mkdir()
    assert main(["export", "--db", str(demo_db), "--out", str(usb)]) == 2  # no lock chosen
    assert "khóa gói" in capsys.readouterr().err
    assert main(["export", "--db", str(demo_db), "--out", str(usb), "--recipient", key]) == 0
    assert "có thể rút ổ an toàn" in capsys.readouterr().out
    assert main(["import", "--db", str(upper_db), str(usb), "--dry-run"]) == 0
    preview = json.loads(capsys.readouterr().out.splitlines()[0])
    assert preview["counts"]["members"]["new"] > 50 and preview["new_key"] is True
    assert main(["import", "--db", str(upper_db), str(usb)]) == 1  # a new branch's key: compare it first
    err = capsys.readouterr().err
    assert preview["fingerprint"] in err and f'--trust "{preview["fingerprint"]}"' in err
    assert main(["import", "--db", str(upper_db), str(usb), "--trust", preview["fingerprint"].lower()]) == 0
    capsys.readouterr()
    broken = usb / "broken.chibo"
    broken.write_bytes(next(usb.glob("*.chibo")).read_bytes()[:-10])
    assert main(["import", "--db", str(upper_db), str(broken)]) == 1
    assert "bị cắt cụt" in capsys.readouterr().err


def test_check_backup_and_restore_from_the_command_line(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.helpers.damage import scribble_over_table

    copy = tmp_path / "stick" / "chibo-copy.sqlite"
    copy.parent.mkdir()
    assert main(["check", "--db", str(demo_db)]) == 0
    secret = tmp_path / "passphrase.txt"
    secret.write_text("mat-khau-usb-2026\n", encoding="utf-8")
    assert main(["backup", "--db", str(demo_db), "--out", str(copy)]) == 2  # no terminal to type it in
    assert "--passphrase-file" in capsys.readouterr().err and not copy.exists()
    assert main(["backup", "--db", str(demo_db), "--out", str(copy), "--passphrase-file", str(secret)]) == 0
    assert "Đã sao lưu" in capsys.readouterr().out
    assert copy.read_bytes().startswith(b"CHIBO-SEALED 1\n")

    scribble_over_table(demo_db)
    assert main(["check", "--db", str(demo_db)]) == 1
    assert "bị hỏng" in capsys.readouterr().err
    again = ["backup", "--db", str(demo_db), "--out", str(tmp_path / "again.sqlite"), "--passphrase-file", str(secret)]
    assert main(again) == 2
    assert not (tmp_path / "again.sqlite").exists()

    assert main(["restore", "--db", str(demo_db), str(copy)]) == 2  # locked: the passphrase is asked for
    assert main(["restore", "--db", str(demo_db), str(copy), "--passphrase-file", str(secret)]) == 0
    out = capsys.readouterr().out
    assert "83 đảng viên" in out and "damaged" in out  # the sample adds two attached members and one admitted
    assert main(["check", "--db", str(demo_db), "--full"]) == 0


def test_a_writing_command_is_refused_while_the_app_has_the_file(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from chibo_desktop.storage.lock import InstanceLock

    with InstanceLock(demo_db) as app:
        assert app.acquire()
        assert main(["restore", "--db", str(demo_db), str(demo_db)]) == 2
        assert "Chương trình đang mở" in capsys.readouterr().err
        assert main(["check", "--db", str(demo_db)]) == 0  # reading is fine beside the app


def test_selftest_prints_the_minutes_through_the_window(tmp_path: Path) -> None:
    """What the installer build runs inside the frozen app."""
    out = tmp_path / "bien-ban.pdf"
    done = subprocess.run(  # a process of its own, as in the installer: it installs its own translator
        [sys.executable, "-m", "chibo_desktop", "selftest", "--db", str(tmp_path / "chibo.sqlite"), "--out", str(out)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    from pypdf import PdfReader

    text = PdfReader(out).pages[0].extract_text()
    assert "BIÊN BẢN" in text and "CHI BỘ ẤP SÁU" in text


@pytest.mark.logs_warning  # the altered backup is logged as it is refused
def test_restore_refuses_an_altered_backup_and_asks_for_another_branchs(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3
    from contextlib import closing

    from chibo_desktop.services import backups

    altered = tmp_path / "altered.sqlite"
    backups.copy_to(demo_db, altered)
    with closing(sqlite3.connect(altered)) as conn:
        conn.execute("CREATE TRIGGER zz_evil_member AFTER INSERT ON member BEGIN SELECT 1; END")
        conn.commit()
    capsys.readouterr()
    assert main(["restore", "--db", str(demo_db), str(altered)]) == 2
    assert "zz_evil_member" in capsys.readouterr().err

    other = tmp_path / "other.sqlite"
    assert main(["demo", "--db", str(other), "--members", "5", "--seed", "9", "--today", TODAY.isoformat()]) == 0
    secret = tmp_path / "passphrase.txt"
    secret.write_text("mat-khau-usb-2026\n", encoding="utf-8")
    copy = tmp_path / "other-copy.chibo-backup"
    assert main(["backup", "--db", str(other), "--out", str(copy), "--passphrase-file", str(secret)]) == 0
    capsys.readouterr()
    before = branch_of(demo_db)
    assert main(["restore", "--db", str(demo_db), str(copy), "--passphrase-file", str(secret)]) == 2
    assert branch_of(demo_db) == before
    err = capsys.readouterr().err
    assert "--other-branch" in err and "Chưa có gì thay đổi" in err
    assert main(["restore", "--db", str(demo_db), str(copy), "--other-branch", "--passphrase-file", str(secret)]) == 0
    assert "đảng viên" in capsys.readouterr().out
    assert branch_of(demo_db) == branch_of(other) != before


def branch_of(path: Path) -> str | None:
    from chibo_desktop.services import backups

    return backups.inspect(path).branch_uuid


def test_a_protected_database_is_read_only_with_its_password(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from chibo_desktop.services.wiring import Services
    from chibo_desktop.storage.db import Database

    services = Services.build(Database(demo_db, clock=CLOCK))
    fingerprint = services.exchange.keys().signing_fingerprint
    services.access.set_password("bi-thu-2026", "bi-thu-2026", 10)
    services.db.close()
    right, wrong = tmp_path / "right.txt", tmp_path / "wrong.txt"
    right.write_text("bi-thu-2026\n", encoding="utf-8")
    wrong.write_text("bi-thu-2025\n", encoding="utf-8")
    capsys.readouterr()

    for command in (["stats", "--json"], ["keys", "show"], ["members", "export", "--out", str(tmp_path / "x.xlsx")]):
        assert main([*command, "--db", str(demo_db)]) == 2  # no terminal here to type it in
        assert "--password-file" in capsys.readouterr().err
        assert main([*command, "--db", str(demo_db), "--password-file", str(wrong)]) == 2
        assert "không phải mật khẩu" in capsys.readouterr().err
    assert not (tmp_path / "x.xlsx").exists()
    stick = tmp_path / "copy.chibo-backup"
    assert main(["backup", "--db", str(demo_db), "--out", str(stick), "--passphrase-file", str(right)]) == 2
    assert not stick.exists()

    assert main(["keys", "show", "--db", str(demo_db), "--password-file", str(right)]) == 0
    assert json.loads(capsys.readouterr().out)["signing_fingerprint"] == fingerprint
    assert main(["stats", "--json", "--db", str(demo_db), "--password-file", str(right)]) == 0
    done = subprocess.run(  # a script hands it over on standard input
        [sys.executable, "-m", "chibo_desktop", "keys", "show", "--db", str(demo_db), "--password-file", "-"],
        input="bi-thu-2026\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and json.loads(done.stdout)["signing_fingerprint"] == fingerprint


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal")
def test_the_password_is_asked_at_the_terminal(demo_db: Path) -> None:
    import os
    import pty

    from chibo_desktop.services.wiring import Services
    from chibo_desktop.storage.db import Database

    services = Services.build(Database(demo_db, clock=CLOCK))
    fingerprint = services.exchange.keys().signing_fingerprint
    services.access.set_password("bi-thu-2026", "bi-thu-2026", 10)
    services.db.close()
    pid, terminal = pty.fork()
    if pid == 0:  # the child: chibo, on a terminal of its own
        os.execv(sys.executable, [sys.executable, "-m", "chibo_desktop", "keys", "show", "--db", str(demo_db)])
    seen = b""
    while b"password" not in seen.lower() and "mật khẩu".encode() not in seen.lower():
        seen += os.read(terminal, 1024)  # waits for the prompt
    os.write(terminal, b"bi-thu-2026\n")
    while True:
        try:
            chunk = os.read(terminal, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    _pid, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert fingerprint.encode() in seen and b"bi-thu-2026" not in seen  # typed without echo


DUES_KEYS = {"due", "collected", "collection_ratio", "members_paid", "members_unpaid", "paid_to_upper", "exempt"}


def test_stats_json_has_dues_and_the_dues_book_prints(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["stats", "--db", str(demo_db), "--period", "2026-Q2", "--json"]) == 0
    dues = json.loads(capsys.readouterr().out)["dues"]
    assert set(dues) == DUES_KEYS
    assert dues["due"] > dues["collected"] > 0 and 0 < dues["collection_ratio"] < 1
    assert dues["members_paid"] > dues["members_unpaid"] > 0 and dues["paid_to_upper"] > 0
    pdf, xlsx, receipt = tmp_path / "so.pdf", tmp_path / "so.xlsx", tmp_path / "bien-lai.pdf"
    assert main(["print", "dues-book", "--db", str(demo_db), "--year", "2026", "--out", str(pdf)]) == 0
    assert main(["print", "dues-book", "--db", str(demo_db), "--year", "2026", "--out", str(xlsx)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF") and xlsx.read_bytes().startswith(b"PK")
    assert (
        main(["print", "dues-receipt", "--db", str(demo_db), "--member", "1", "--year", "2026", "--out", str(receipt)])
        == 0
    )
    assert receipt.read_bytes().startswith(b"%PDF")
    assert (
        main(
            ["print", "dues-receipt", "--db", str(demo_db), "--member", "9999", "--year", "2026", "--out", str(receipt)]
        )
        == 2
    )
    assert "Không có đảng viên nào mang mã 9999" in capsys.readouterr().err


def _saved_language(home: Path, language: str) -> None:
    """The settings file as the window leaves it after a choice in its Language menu (Qt's INI format)."""
    folder = home / "chibo-desktop"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "settings.ini").write_text(f"[General]\nlanguage={language}\n", encoding="utf-8")


def test_the_commands_speak_the_language_chosen_in_the_window(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    missing = str(tmp_path / "nope.sqlite")
    assert main(["stats", "--db", missing]) == 2  # nothing saved yet: Vietnamese
    assert "Không có tệp dữ liệu" in capsys.readouterr().err
    _saved_language(tmp_path / "config", "en")
    assert main(["stats", "--db", missing]) == 2
    assert capsys.readouterr().err.startswith("There is no database at ")
    assert main(["members", "export", "--db", str(demo_db), "--out", str(tmp_path / "roster.xlsx")]) == 0
    assert capsys.readouterr().out.startswith("Exported 83 members to ")
    assert main(["--lang", "vi", "stats", "--db", missing]) == 2  # --lang says otherwise
    assert "Không có tệp dữ liệu" in capsys.readouterr().err
    _saved_language(tmp_path / "config", "fr")  # not one of the app's languages: the default
    assert main(["stats", "--db", missing]) == 2
    assert "Không có tệp dữ liệu" in capsys.readouterr().err


def test_the_help_says_which_use_the_apps_own_file_and_which_need_db(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    top = " ".join(capsys.readouterr().out.split())
    assert "(default: the user data folder)" not in top
    assert "Without a command, chibo opens the window on the app's own data file" in top
    assert "Every command works only on the database --db names, given before or after the command's name" in top
    for command in (["stats"], ["print", "minutes"], ["demo"]):
        with pytest.raises(SystemExit):
            main([*command, "--help"])
        assert "--db FILE|URL required: the database file" in " ".join(capsys.readouterr().out.split())


def test_a_command_without_db_says_what_to_type(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    own = tmp_path / "data" / "chibo-desktop" / "chibo.sqlite"
    assert main(["stats", "--json"]) == 2
    said = capsys.readouterr()
    assert said.out == "" and "“chibo stats” cần biết làm việc trên dữ liệu nào" in said.err
    assert f'chibo stats --db "{own}"' in said.err
    assert main(["--lang", "en", "print", "minutes", "--meeting", "1", "--out", str(tmp_path / "m.pdf")]) == 2
    said = capsys.readouterr()
    assert f'chibo print minutes --db "{own}"' in said.err and said.err.startswith("“chibo print minutes” needs")
    assert not own.exists() and not (tmp_path / "m.pdf").exists()
    assert main(["--db", str(demo_db), "stats", "--json"]) == 0  # --db before the command's name is the same
    assert json.loads(capsys.readouterr().out)["members"]["total"] > 50
