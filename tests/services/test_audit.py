"""The audit log: every change with who made it, old and new values; nothing for a change that did not happen;
it travels to the upper level and prints."""

import json
import re
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from chibo_desktop.catalog import Catalog
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.funds import EntryKind, FundSource, RateMethod, ScheduleKind
from chibo_desktop.domain.meetings import Mark, MeetingKind, Role
from chibo_desktop.domain.members import EventKind, MemberRecord, Standing, StatusEvent
from chibo_desktop.domain.organisation import Level, OrganisationSetup
from chibo_desktop.reports.audit_pdf import audit_pdf
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services import documents
from chibo_desktop.services.audit_words import COLUMNS, TABLES
from chibo_desktop.services.exchange import ImportReport
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage import audit_schema
from chibo_desktop.storage.db import open_database
from tests.helpers.databases import connect
from tests.helpers.days import CLOCK, TODAY
from tests.helpers.members import add_member

VI = Catalog("vi").translate


def test_a_change_is_logged_with_who_when_and_the_old_and_new_value(services: Services) -> None:
    services.db.actor = "Bí thư Lê Văn Tư"
    member_id = add_member(services, "Nguyễn Thị Bích")
    member = services.members.get(member_id)
    services.members.update(member_id, MemberRecord(**{**member.record.__dict__, "phone": "0912345678"}))

    newest = services.audit.entries(VI)[0]
    assert (newest.actor, newest.what, newest.record, newest.action) == (
        "Bí thư Lê Văn Tư",
        "Đảng viên",
        "Nguyễn Thị Bích",
        "sửa",
    )
    assert [(c.field, c.old, c.new) for c in newest.changes] == [("số điện thoại", "", "0912345678")]
    added = [e for e in services.audit.entries(VI) if e.action == "thêm" and e.what == "Đảng viên"]
    assert len(added) == 1 and ("ngày sinh", "", "04/03/1980") in [(c.field, c.old, c.new) for c in added[0].changes]


def test_a_refused_change_leaves_no_trace(services: Services) -> None:
    member_id = add_member(services, "Nguyễn Thị Bích")
    before = len(services.audit.entries())
    with pytest.raises(UserError):
        services.members.add_event(member_id, StatusEvent(EventKind.ADMITTED, date(2012, 1, 1)))
    saving_nothing = services.members.get(member_id)
    services.members.update(member_id, saving_nothing.record)  # saved unchanged: not a change
    assert len(services.audit.entries()) == before


def test_search_and_dates_narrow_the_log(services: Services) -> None:
    add_member(services, "Nguyễn Thị Bích")
    add_member(services, "Trần Văn Hùng")
    found = services.audit.entries(VI, search="TRẦN văn")
    assert found and all(e.record == "Trần Văn Hùng" for e in found)
    assert services.audit.entries(VI, since=date(2099, 1, 1)) == []


def test_the_triggers_cover_every_column_the_tables_have_now(services: Services) -> None:
    """A migration that adds a column must reinstall the table's triggers, or the new column goes unlogged."""
    with services.db.engine.connect() as conn:
        if services.db.server:  # one function per table behind its three triggers
            functions = dict(
                conn.exec_driver_sql(
                    "SELECT proname, pg_get_functiondef(oid) FROM pg_proc WHERE left(proname, 6) = 'audit_'"
                ).all()
            )
            triggers = dict(
                conn.exec_driver_sql(
                    "SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal"
                ).all()
            )
            for table in audit_schema.AUDITED:
                expected = audit_schema.pg_function_sql(table, audit_schema.columns_of(conn, table))
                body = expected.split("$audit$")[1]
                assert body in functions[f"audit_{table}"], table
                for action in ("insert", "update", "delete"):  # each skips the rows of a package's merge
                    assert "chibo.merging" in triggers[f"audit_{table}_{action}"], table
            return
        stored = dict(conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all())
        for table in audit_schema.AUDITED:
            expected = audit_schema.trigger_sql(table, audit_schema.columns_of(conn, table), merge_unlogged=True)
            for action, sql in zip(("insert", "update", "delete"), expected, strict=True):
                assert stored[f"audit_{table}_{action}"] == sql, table


def test_the_log_travels_in_the_package_and_is_kept_upstairs(tmp_path: Path) -> None:
    branch = Services.build(open_database(tmp_path / "b.sqlite", clock=CLOCK))
    write_demo(branch.db, members=15, seed=4, today=TODAY, meeting_years=1)
    upper = Services.build(open_database(tmp_path / "u.sqlite", clock=CLOCK))
    upper.organisation.save(OrganisationSetup("Đảng ủy xã Tân Hùng", "Tỉnh ủy Cà Mau", "Tân Hùng", ()))
    trusted = {branch.exchange.keys().signing_fingerprint}  # compared by phone
    report = upper.exchange.import_file(
        branch.exchange.export(tmp_path, passphrase="mat-khau-chi-bo").path, "mat-khau-chi-bo", trusted=trusted
    )
    assert report.accepted, report.reason
    with connect(branch.db) as conn:
        logged = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    assert report.counts["audit"] == {"entries": logged} and logged > 100
    with connect(upper.db) as conn:
        kept = json.loads(conn.execute("SELECT content FROM branch_audit").fetchone()[0])
    assert len(kept) == logged
    assert {"at", "actor", "table", "action", "old", "new"} <= set(kept[0])


def test_after_a_receipt_the_package_carries_only_the_newer_log_and_the_upper_level_keeps_it_all(
    tmp_path: Path,
) -> None:
    branch = Services.build(open_database(tmp_path / "b.sqlite", clock=CLOCK))
    write_demo(branch.db, members=12, seed=5, today=TODAY, meeting_years=1)
    upper = Services.build(open_database(tmp_path / "u.sqlite", clock=CLOCK))
    upper.organisation.save(OrganisationSetup("Đảng ủy xã Tân Hùng", "Tỉnh ủy Cà Mau", "Tân Hùng", ()))
    trusted = {branch.exchange.keys().signing_fingerprint}

    def logged() -> list[tuple[str, str | None, str]]:
        with sqlite3.connect(branch.db.path) as conn:
            return conn.execute("SELECT table_name, row_uuid, action FROM audit_log ORDER BY id").fetchall()

    def kept() -> list[tuple[str, str | None, str]]:
        with sqlite3.connect(upper.db.path) as conn:
            content = json.loads(conn.execute("SELECT content FROM branch_audit").fetchone()[0])
        return [(e["table"], e["row_uuid"], e["action"]) for e in content]

    def send(**trust: set[str]) -> ImportReport:
        report = upper.exchange.import_file(
            branch.exchange.export(tmp_path, passphrase="mat-khau-chi-bo").path, "mat-khau-chi-bo", **trust
        )
        assert report.accepted, report.reason
        return report

    first = send(trusted=trusted)
    assert first.counts["audit"] == {"entries": len(logged())} and kept() == logged()
    add_member(branch, "Nguyễn Văn Mới")
    second = send()  # no receipt yet: the package still carries the whole log
    at_second = len(logged())
    assert second.counts["audit"] == {"entries": at_second} and kept() == logged()
    upper_key = {upper.exchange.keys().signing_fingerprint}
    assert branch.exchange.import_receipt(Path(second.receipt), trusted=upper_key).accepted
    add_member(branch, "Trần Thị Sáu")
    third = send()
    assert 0 < third.counts["audit"]["entries"] == len(logged()) - at_second < at_second
    assert kept() == logged()


def test_packages_after_a_receipt_are_smaller_and_the_upper_level_has_each_change_once(tmp_path: Path) -> None:
    """What the secretary sees on the stick and the upper level in the branch's log: once a receipt is taken in,
    the next packages leave out the log the upper level already holds, and packages that overlap (the receipt of
    the second never taken in) still leave it each change once."""
    branch = Services.build(open_database(tmp_path / "b.sqlite", clock=CLOCK))
    write_demo(branch.db, members=15, seed=4, today=TODAY, meeting_years=2)
    upper = Services.build(open_database(tmp_path / "u.sqlite", clock=CLOCK))
    upper.organisation.save(OrganisationSetup("Đảng ủy xã Tân Hùng", "Tỉnh ủy Cà Mau", "Tân Hùng", ()))
    stick = tmp_path / "usb"
    stick.mkdir()

    def send(**trust: set[str]) -> tuple[int, ImportReport]:
        written = branch.exchange.export(stick, passphrase="mat-khau-chi-bo")
        report = upper.exchange.import_file(written.path, "mat-khau-chi-bo", **trust)
        assert report.accepted, report.reason
        return written.size, report

    def logged() -> list[tuple[str, str | None, str, str | None]]:
        with sqlite3.connect(branch.db.path) as conn:
            return conn.execute("SELECT table_name, row_uuid, action, new FROM audit_log ORDER BY id").fetchall()

    def kept() -> list[tuple[str, str | None, str, str | None]]:
        with sqlite3.connect(upper.db.path) as conn:
            content = json.loads(conn.execute("SELECT content FROM branch_audit").fetchone()[0])
        return [(e["table"], e["row_uuid"], e["action"], e["new"]) for e in content]

    first_size, first = send(trusted={branch.exchange.keys().signing_fingerprint})
    assert branch.exchange.import_receipt(
        Path(first.receipt), trusted={upper.exchange.keys().signing_fingerprint}
    ).accepted
    add_member(branch, "Nguyễn Văn Mới")
    second_size, _second = send()  # its receipt is never taken in at the branch
    add_member(branch, "Trần Thị Sáu")
    third_size, third = send()  # carries the log after the first package again: the second's changes too
    assert second_size < first_size // 2 and third_size < first_size // 2
    assert 0 < third.counts["audit"]["entries"] < len(logged()) // 10
    assert kept() == logged()  # every change once, in order, the new members' included
    assert sum(1 for entry in kept() if "Trần Thị Sáu" in (entry[3] or "")) == 1


def test_the_printed_log_is_vietnamese_and_names_the_change(services: Services, tmp_path: Path) -> None:
    member_id = add_member(services, "Nguyễn Thị Bích")
    member = services.members.get(member_id)
    services.members.update(member_id, MemberRecord(**{**member.record.__dict__, "phone": "0912345678"}))
    out = audit_pdf(
        documents.header(services.organisation, TODAY),
        services.audit.entries(VI),
        "từ đầu đến 22/11/2026",
        tmp_path / "log.pdf",
    )
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "NHẬT KÝ THAY ĐỔI DỮ LIỆU" in text and "Nguyễn Thị Bích" in text
    assert "số điện thoại: → 0912345678" in text or "0912345678" in text


CODES = {
    str(code)
    for kind in (EntryKind, FundSource, RateMethod, ScheduleKind, MeetingKind, Mark, Role, EventKind, Standing, Level)
    for code in kind
} | {"M", "F", "signing", "encryption"}
SNAKE = re.compile(r"\b[a-z]+_[a-z_]+\b")  # how tables, columns and codes are named in the database


def test_the_log_reads_in_labels_and_vietnamese_values_never_in_names_of_the_database(tmp_path: Path) -> None:
    services = Services.build(open_database(tmp_path / "d.sqlite", clock=CLOCK))
    write_demo(services.db, members=20, seed=2, today=TODAY, meeting_years=1)
    services.access.set_password("bi-thu-2026", "bi-thu-2026", 5)
    services.exchange.keys()
    entries = services.audit.entries(VI, limit=100_000)
    words = [w for e in entries for w in (e.what, e.record, e.action)]
    words += [w for e in entries for c in e.changes for w in (c.field, c.old, c.new)]
    assert len(entries) > 500
    assert [w for w in words if SNAKE.search(w) or w in CODES or w.startswith("#")] == []
    assert all(re.fullmatch(r"\d\d/\d\d/20\d\d \d\d:\d\d", e.when) for e in entries)  # 30/11/2026 01:01

    lock = next(e for e in entries if e.what == "Mật khẩu khi mở")
    assert lock.when == "22/11/2026 09:00" and lock.subject == "Mật khẩu khi mở"  # no name: only the kind
    assert ("tự khóa sau số phút không dùng (0: không khóa)", "10", "5") in [
        (c.field, c.old, c.new) for c in lock.changes
    ]
    paid_out = next(e for e in entries if ("loại", "", "Giải ngân") in [(c.field, c.old, c.new) for c in e.changes])
    assert paid_out.what == "Bút toán quỹ" and any(
        c.field == "số tiền" and c.new.endswith(" đ") for c in paid_out.changes
    )
    plan = next(e for e in entries if e.what == "Kế hoạch trả nợ")
    assert plan.record and {c.field for c in plan.changes} >= {"kỳ trả", "thời hạn", "tiền gốc"}
    meeting = next(e for e in entries if e.what == "Cuộc họp" and any(c.field == "chủ trì" for c in e.changes))
    chair = next(c.new for c in meeting.changes if c.field == "chủ trì")
    assert chair in {r.full_name for r in services.members.roster().rows}
    marked = next(e for e in entries if e.what == "Điểm danh")
    assert "cuộc họp ngày" in marked.record


def test_every_column_of_every_logged_table_reads_in_words(services: Services) -> None:
    """A migration that adds a column to a logged table must say how it reads in the log, or hide it."""
    with services.db.engine.connect() as conn:
        for table in audit_schema.AUDITED:
            assert table in TABLES, table
            for name, _type in audit_schema.columns_of(conn, table):
                if name in audit_schema.DERIVED | audit_schema.SECRET:
                    continue
                assert name in COLUMNS.get(table, {}), f"{table}.{name} has no words in services/audit_words.py"


def test_a_rule_made_of_parts_reads_part_by_part(services: Services) -> None:
    layout = (
        '{"top_mm": 25, "bottom_mm": 20, "left_mm": 30, "right_mm": 15, "body_pt": 13, "party_pt": 15, "title_pt": 15}'
    )
    services.rules.set_value("document.layout", layout, date(2026, 1, 1), "Lề trên rộng hơn")
    newest = services.audit.entries(VI)[0]
    assert (newest.what, newest.record) == ("Quy định", "Văn bản in: lề (mm) và cỡ chữ (pt)")
    value = next(c.new for c in newest.changes if c.field == "giá trị")
    assert value.startswith("lề trên 25 mm, lề dưới 20 mm") and "top_mm" not in value
    codes = next(e for e in services.audit.entries(VI) if "CCCD" in e.record)
    assert "1: Nữ 1900–1999" in next(c.new for c in codes.changes if c.field == "giá trị")


def test_the_review_and_the_admissions_are_logged_in_words(services: Services) -> None:
    from chibo_desktop.domain.admissions import Candidate, Step, StepEvent
    from chibo_desktop.domain.review import Award, AwardKind, BranchReview, MemberReview
    from chibo_desktop.domain.review import Level as ReviewLevel

    services.db.actor = "Bí thư Lê Văn Tư"
    member_id = add_member(services, "Nguyễn Thị Bích")
    services.review.save(MemberReview(member_id, 2025, self_level=ReviewLevel.GOOD, points=82))
    services.review.save(MemberReview(member_id, 2025, self_level=ReviewLevel.GOOD, points=91))
    services.review.save_branch(BranchReview(2025, ReviewLevel.EXCELLENT, "12-QĐ/ĐU", date(2026, 1, 20)))
    services.review.add_award(Award(member_id, AwardKind.COMMENDATION, "Giấy khen", date(2026, 2, 3), "7-QĐ/ĐU"))
    candidate = services.admissions.add(Candidate(0, "Trần Thị Thu", "F", date(2000, 4, 5), residence="Ấp Sáu")).ids[0]
    services.admissions.record_step(candidate, StepEvent(Step.INTRODUCED, date(2026, 1, 10), "Đoàn Thanh niên"))

    entries = services.audit.entries(VI)
    said = [(e.what, e.record, e.action, [(c.field, c.old, c.new) for c in e.changes]) for e in entries[:6]]
    assert said[0][:3] == ("Bước kết nạp", "Trần Thị Thu", "thêm")  # the fields in the order the database keeps
    assert sorted(said[0][3]) == [
        ("bước", "", "Đoàn thể giới thiệu"),
        ("chi tiết", "", "Đoàn Thanh niên"),
        ("ngày", "", "10/01/2026"),
    ]
    assert said[1][:3] == ("Quần chúng ưu tú", "Trần Thị Thu", "thêm")
    assert ("giới tính", "", "Nữ") in said[1][3] and ("ngày sinh", "", "05/04/2000") in said[1][3]
    assert said[2][:3] == ("Khen thưởng, kỷ luật", "Nguyễn Thị Bích", "thêm")
    assert ("loại", "", "Khen thưởng") in said[2][3] and ("hình thức", "", "Giấy khen") in said[2][3]
    assert said[3][:3] == ("Xếp loại chi bộ", "năm 2025", "thêm")
    assert ("xếp loại", "", "Hoàn thành xuất sắc nhiệm vụ") in said[3][3]
    assert ("ngày quyết định", "", "20/01/2026") in said[3][3]
    assert said[4] == ("Đánh giá đảng viên", "Nguyễn Thị Bích, năm 2025", "sửa", [("điểm", "82", "91")])
    assert said[5][:3] == ("Đánh giá đảng viên", "Nguyễn Thị Bích, năm 2025", "thêm")
    assert ("tự xếp loại", "", "Hoàn thành tốt nhiệm vụ") in said[5][3] and ("điểm", "", "82") in said[5][3]
