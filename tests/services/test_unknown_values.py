"""Values this version does not know, already stored (by an older package, a restored backup, a newer app): every
reader shows them as unknown and logs them; nothing crashes."""

import json
import logging
from pathlib import Path

import pytest

from chibo_desktop.cli import main
from chibo_desktop.domain.dates import parse_period
from chibo_desktop.domain.dues import Category, Channel, DecisionKind
from chibo_desktop.domain.dues import EntryKind as DuesEntryKind
from chibo_desktop.domain.meetings import Mark, MeetingKind
from chibo_desktop.domain.members import EventKind
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import open_database
from tests.helpers.days import CLOCK, TODAY
from tests.helpers.unknown import AUDIT_COLUMNS, DUES_COLUMNS, JSON_COLUMNS, dues_members, plant_unknown_values


@pytest.fixture
def planted(tmp_path: Path) -> Path:
    return plant_unknown_values(tmp_path, "bogus-in-services")


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
    assert Category.UNKNOWN in [s.category for d in members_dues for s in d.settings]
    assert DecisionKind.UNKNOWN in [x.kind for d in members_dues for x in d.decisions]
    assert DuesEntryKind.UNKNOWN in [e.kind for e in dues.entries]
    assert Channel.UNKNOWN in [e.channel for e in dues.entries]
    assert dues_book and sheet and dues_stats and changes
    assert changes[0].when == "(time unknown)" and changes[0].actor  # the rest of the entry still reads
    meeting_added = [e for e in changes if e.what == "Meeting" and e.action == "added"]
    assert ("date", "", "bogus-in-services") in {(c.field, c.old, c.new) for e in meeting_added for c in e.changes}
    assert services.rules.book().get("probation.months", TODAY) == 12  # the declared default
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
        *JSON_COLUMNS,
        *AUDIT_COLUMNS,
    ):
        assert column in logged, column
    assert "bogus" in logged
    services.db.close()


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
    for member in dues_members(planted):
        receipt = str(tmp_path / f"bien-lai-{member}.pdf")
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
                    receipt,
                ]
            )
            == 0
        )
    upper_report = tmp_path / "tong-hop.xlsx"
    assert main(["report", "--db", str(planted), "--period", "2026", "--out", str(upper_report)]) == 0


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
