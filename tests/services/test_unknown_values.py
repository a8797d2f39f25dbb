"""Values this version does not know, already stored (by an older package, a restored backup, a newer app): every
reader shows them as unknown and logs them; nothing crashes."""

import json
import logging
import sqlite3
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from chibo_desktop.cli import main
from chibo_desktop.domain.dates import parse_period
from chibo_desktop.domain.dues import Category, Channel, DecisionKind
from chibo_desktop.domain.dues import EntryKind as DuesEntryKind
from chibo_desktop.domain.meetings import Mark, MeetingKind
from chibo_desktop.domain.members import EventKind
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import open_database
from tests.helpers.days import CLOCK, TODAY

BOGUS = [
    'INSERT INTO status_event (uuid, member_id, kind, "on", decision_no, note, standing, seq) '
    "VALUES ('0b6f6c1e-8a58-4c53-9b3e-2f1d6a1c0d01', (SELECT min(id) FROM member), 'bogus', '2026-03-01', '', '', 'sideways', 0)",
    "UPDATE meeting SET kind = 'bogus' WHERE id = (SELECT min(id) FROM meeting)",
    "UPDATE attendance SET mark = 'bogus' WHERE id = (SELECT min(id) FROM attendance)",
    "UPDATE attendance SET role = 'bogus' WHERE id = (SELECT max(id) FROM attendance)",
    "UPDATE fund_entry SET kind = 'bogus' WHERE id = (SELECT min(id) FROM fund_entry WHERE kind = 'contribution')",
    "UPDATE fund SET source = 'bogus', rate_method = 'bogus', schedule_kind = 'bogus' WHERE id = (SELECT min(id) FROM fund)",
    "UPDATE loan SET rate_method = 'bogus', schedule_kind = 'bogus' WHERE id = (SELECT min(id) FROM loan)",
    "UPDATE member SET gender = 'X' WHERE id = (SELECT max(id) FROM member)",
    # the dues book: one member's settings, decision and journal lines
    "UPDATE dues_setting SET category = 'bogus' WHERE id = (SELECT min(id) FROM dues_setting)",
    "UPDATE dues_decision SET kind = 'bogus', reason = 'bogus' WHERE id = (SELECT min(id) FROM dues_decision)",
    "UPDATE dues_entry SET kind = 'bogus' WHERE id = (SELECT min(id) FROM dues_entry WHERE kind = 'payment')",
    "UPDATE dues_entry SET channel = 'bogus' WHERE id = (SELECT max(id) FROM dues_entry WHERE kind = 'payment')",
    # JSON text that does not parse, or has another shape than this version writes
    "UPDATE meeting SET scores_json = '[1, 2]' WHERE id = (SELECT max(id) FROM meeting)",
    "UPDATE audit_log SET new = '{not json' WHERE id = (SELECT max(id) FROM audit_log WHERE table_name = 'member')",
    "UPDATE rule_value SET value_json = '\"abc\"' WHERE id = (SELECT max(id) FROM rule_value WHERE key = 'dues.rates')",
    "UPDATE rule_value SET value_json = '{12' WHERE key = 'probation.months'",
]
DUES_COLUMNS = (
    "dues_setting.category",
    "dues_decision.kind",
    "dues_decision.reason",
    "dues_entry.kind",
    "dues_entry.channel",
)


@pytest.fixture
def planted(tmp_path: Path) -> Path:
    path = tmp_path / "branch.sqlite"
    db = open_database(path, clock=CLOCK)
    write_demo(db, members=20, seed=41, today=TODAY, meeting_years=1)
    db.close()
    with sqlite3.connect(path) as conn:
        for sql in BOGUS:
            assert conn.execute(sql).rowcount == 1, sql
    return path


def test_every_reader_shows_unknown_values_and_logs_them(planted: Path, caplog: pytest.LogCaptureFixture) -> None:
    services = Services.build(open_database(planted, clock=CLOCK))
    with caplog.at_level(logging.WARNING):
        roster = services.members.roster()
        member = services.members.get(min(r.id for r in roster.rows))
        stats = services.stats.stats(parse_period("2026"), TODAY)
        meetings = services.meetings.list_meetings(None)
        first = services.meetings.get(min(m.id for m in meetings))
        funds = services.funds.funds()
        books = [services.funds.book(f.fund.id) for f in funds]
        dues = services.dues.ledger()
        dues_book = services.dues.book(2026)
        sheet = services.dues.sheet(TODAY.replace(day=1))
        members_dues = [services.dues.member(m) for m in dues.members]
        dues_stats = services.dues.stats(parse_period("2026"))
        changes = services.audit.entries()
    assert changes and services.rules.book().get("probation.months", TODAY) == 12  # the declared default
    assert Category.UNKNOWN in [s.category for d in members_dues for s in d.settings]
    assert DecisionKind.UNKNOWN in [x.kind for d in members_dues for x in d.decisions]
    assert DuesEntryKind.UNKNOWN in [e.kind for e in dues.entries]
    assert Channel.UNKNOWN in [e.channel for e in dues.entries]
    assert dues_book and sheet and dues_stats
    assert EventKind.UNKNOWN in [e.kind for e in member.events]
    assert MeetingKind.UNKNOWN in [m.kind for m in meetings] and first.record.kind == MeetingKind.UNKNOWN
    assert stats["members"]["total"] == len([r for r in roster.rows if r.status not in ("former", "attached")])
    assert any(line.mark == Mark.UNKNOWN for line in first.lines) or any(
        line.mark == Mark.UNKNOWN for m in meetings for line in services.meetings.get(m.id).lines
    )
    assert books and all(book[0].name for book in books)
    logged = " ".join(r.getMessage() for r in caplog.records)
    for column in (
        "status_event.kind",
        "meeting.kind",
        "attendance.mark",
        "attendance.role",
        "fund_entry.kind",
        *DUES_COLUMNS,
        "meeting.scores_json",
        "audit_log.new",
        "rule_value dues.rates",
        "rule_value probation.months",
    ):
        assert column in logged, column
    assert "bogus" in logged
    services.db.close()


def _dues_members(path: Path) -> list[int]:
    """The members whose dues settings, decisions or journal lines hold a value planted above."""
    with sqlite3.connect(path) as conn:
        return sorted(
            row[0]
            for row in conn.execute(
                "SELECT member_id FROM dues_setting WHERE category = 'bogus' "
                "UNION SELECT member_id FROM dues_decision WHERE kind = 'bogus' "
                "UNION SELECT member_id FROM dues_entry WHERE kind = 'bogus' OR channel = 'bogus'"
            )
        )


@pytest.mark.logs_warning  # each unknown value is logged (once per run): the test above checks those lines
def test_the_command_line_and_the_printed_documents(
    planted: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stats", "--db", str(planted), "--period", "2026", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["members"]["total"] > 0
    assert main(["meetings", "list", "--db", str(planted), "--json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    assert "unknown" in {m["kind"] for m in listing}
    for args in (
        ["print", "members", "--out", str(tmp_path / "ds.pdf")],
        ["print", "register", "--year", "2026", "--out", str(tmp_path / "so.pdf")],
        ["print", "minutes-book", "--year", "2026", "--out", str(tmp_path / "book.pdf")],
        ["print", "minutes", "--meeting", str(min(m["id"] for m in listing)), "--out", str(tmp_path / "bb.pdf")],
        ["print", "dues-book", "--year", "2026", "--out", str(tmp_path / "dues.pdf")],
        ["print", "dues-book", "--year", "2026", "--out", str(tmp_path / "dues.xlsx")],
        [
            "print",
            "fund",
            "--fund",
            "1",
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
            "--out",
            str(tmp_path / "q.pdf"),
        ],
    ):
        assert main([args[0], args[1], "--db", str(planted), *args[2:]]) == 0, args
    for member in _dues_members(planted):
        receipt = tmp_path / f"bien-lai-{member}.pdf"
        assert (
            main(
                [
                    "print",
                    "dues-receipt",
                    "--db",
                    str(planted),
                    "--member",
                    str(member),
                    "--year",
                    "2026",
                    "--out",
                    str(receipt),
                ]
            )
            == 0
        )
    upper_report = tmp_path / "tong-hop.xlsx"
    assert main(["report", "--db", str(planted), "--period", "2026", "--out", str(upper_report)]) == 0


@pytest.mark.logs_warning
def test_the_window_opens_on_unknown_values(qtbot: QtBot, planted: Path, vietnamese: None) -> None:
    """The roster, a member's history, the meetings tab and the fund tab all open and say "unknown"."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from chibo_desktop.ui.main_window import MainWindow
    from chibo_desktop.ui.tasks import TaskRunner

    services = Services.build(open_database(planted, clock=CLOCK))
    window = MainWindow(services, TaskRunner(), "vi")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.roster_loaded, timeout=10000):
        window.show()
    assert window.roster_view.model.rowCount() > 10
    dialog = window.open_member(min(r.id for r in services.members.roster().rows))
    assert dialog is not None
    history = [dialog.history.item(row, 1).text() for row in range(dialog.history.rowCount())]
    assert "Sự kiện không rõ (phiên bản này của phần mềm không biết)" in history
    dialog.close()
    bar = window.tabs.tabBar()
    QTest.mouseClick(
        bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(window.tabs.indexOf(window.meetings_view)).center()
    )
    model = window.meetings_view.list_model
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=10000)
    kinds = {model.data(model.index(row, 1)) for row in range(model.rowCount())}
    assert "Không rõ loại" in kinds
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(window.tabs.indexOf(window.funds_view)).center())
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is window.funds_view, timeout=5000)
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(window.tabs.indexOf(window.dues_view)).center())
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is window.dues_view, timeout=5000)
    shown: set[str] = set()
    for member in _dues_members(planted):
        dues = window.dues_view.open_member(member)
        for table in (dues.settings_table, dues.decision_table, dues.journal):
            shown |= {
                table.item(row, column).text()
                for row in range(table.rowCount())
                for column in range(table.columnCount())
                if table.item(row, column) is not None
            }
        dues.close()
    for label in ("Diện không rõ", "Lý do không rõ", "Dòng sổ không rõ", "Cách nộp không rõ"):
        assert label in shown, label
    window.close()
    services.db.close()


@pytest.mark.logs_warning
def test_unknown_is_never_written(planted: Path) -> None:
    """The stand-in is for reading only: no service records an event, meeting or fund of an unknown kind."""
    from chibo_desktop.domain.errors import UserError
    from chibo_desktop.domain.funds import FundSource, FundTerms
    from chibo_desktop.domain.meetings import MeetingRecord
    from chibo_desktop.domain.members import StatusEvent

    services = Services.build(open_database(planted, clock=CLOCK))
    member = min(r.id for r in services.members.roster().rows)
    with pytest.raises(UserError):
        services.members.add_event(member, StatusEvent(EventKind.UNKNOWN, TODAY))
    assert "kind" in services.meetings.validate(MeetingRecord(kind=MeetingKind.UNKNOWN, on=TODAY), ())
    with pytest.raises(UserError) as refused:
        services.funds.save_fund(None, "Quỹ mới", FundSource.UNKNOWN, "", FundTerms())
    assert set(refused.value.field_errors) == {"source"}
    services.funds.save_fund(None, "Quỹ mới", FundSource.OWN, "", FundTerms())
    assert "Quỹ mới" in [s.fund.name for s in services.funds.funds()]
    services.db.close()
