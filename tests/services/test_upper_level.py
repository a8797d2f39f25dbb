"""A database set up as a committee: its level is stored and kept, it only reads the branches' records, and a
branch has "sent for a period" when its package's data reaches the period's end, whenever it was taken in."""

from datetime import date
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config

from chibo_desktop.domain.clock import Clock
from chibo_desktop.domain.dates import parse_period
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.funds import EntryKind, FundSource, FundTerms
from chibo_desktop.domain.meetings import MeetingRecord
from chibo_desktop.domain.organisation import Level, OrganisationSetup
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import MIGRATIONS, open_database
from tests.helpers.databases import connect
from tests.helpers.days import CLOCK, TODAY
from tests.helpers.members import add_member
from tests.helpers.pdf import flat, pdf_text

PASS = "mat-khau-chi-bo"
COMMITTEE = OrganisationSetup("Đảng ủy xã Tân Hùng", "Tỉnh ủy Cà Mau", "Tân Hùng", (), Level.COMMITTEE)


def _branch_on(tmp_path: Path, day: date, seed: int) -> Services:
    db = open_database(tmp_path / f"b{seed}.sqlite", clock=Clock.fixed(day))
    write_demo(db, members=12, seed=seed, today=day, meeting_years=1)
    return Services.build(db)


def _committee(tmp_path: Path, day: date = TODAY) -> Services:
    services = Services.build(open_database(tmp_path / "committee.sqlite", clock=Clock.fixed(day)))
    services.organisation.save(COMMITTEE)
    return services


def _rows(services: Services, sql: str) -> list[tuple[object, ...]]:
    with connect(services.db) as conn:
        return list(conn.execute(sql))


def test_sent_in_the_period_means_the_data_reaches_its_end(tmp_path: Path) -> None:
    late = _branch_on(tmp_path, date(2026, 7, 3), 1)  # made after Q2 ended, taken in on 10/07
    early = _branch_on(tmp_path, date(2026, 5, 15), 2)  # made in the middle of Q2, taken in the next day
    late_file = late.exchange.export(tmp_path, passphrase=PASS).path
    early_file = early.exchange.export(tmp_path, passphrase=PASS).path
    trusted = {late.exchange.keys().signing_fingerprint, early.exchange.keys().signing_fingerprint}  # by phone
    assert _committee(tmp_path, date(2026, 5, 16)).exchange.import_file(early_file, PASS, trusted=trusted).accepted
    upper = _committee(tmp_path, date(2026, 7, 10))
    assert upper.exchange.import_file(late_file, PASS, trusted=trusted).accepted

    def sent(period: str) -> dict[str, bool]:
        stats = upper.stats.stats(parse_period(period), date(2026, 7, 10))
        return {b["name"]: b["sent_in_period"] for b in stats["branches"]}  # type: ignore[union-attr]

    late_name, early_name = late.organisation.require().branch_name, early.organisation.require().branch_name
    assert sent("2026-Q2") == {late_name: True, early_name: False}
    assert sent("2026-04") == {late_name: True, early_name: True}
    assert sent("2026-07") == {late_name: False, early_name: False}
    assert sent("2026-04-01..2026-05-15") == {late_name: True, early_name: True}  # any range: its last day
    assert sent("2026-04-01..2026-05-16") == {late_name: True, early_name: False}
    stats = upper.stats.stats(parse_period("2026-Q2"), date(2026, 7, 10))
    by_name = {b["name"]: b for b in stats["branches"]}  # type: ignore[union-attr]
    assert by_name[late_name]["covers_to"] == "2026-07-03" and by_name[early_name]["covers_to"] == "2026-05-15"


def test_the_committee_only_reads_the_branches_records(tmp_path: Path) -> None:
    branch = _branch_on(tmp_path, TODAY, 3)
    upper = _committee(tmp_path)
    trusted = {branch.exchange.keys().signing_fingerprint}  # compared by phone
    assert upper.exchange.import_file(
        branch.exchange.export(tmp_path, passphrase=PASS).path, PASS, trusted=trusted
    ).accepted
    organisation = upper.organisation.require()
    assert organisation.is_committee
    assert [b.name for b in organisation.branches] == [branch.organisation.require().branch_name]
    member_id = upper.members.roster().rows[0].id
    record = upper.members.get(member_id).record
    fund_id = upper.funds.funds()[0].fund.id
    before = _rows(upper, "SELECT count(*) FROM audit_log")
    attempts = (
        lambda: add_member(upper, "Lê Văn Tám"),
        lambda: upper.members.update(member_id, record),
        lambda: upper.meetings.create(MeetingRecord(on=TODAY)),
        lambda: upper.funds.save_fund(None, "Quỹ mới", FundSource.OWN, "", FundTerms()),
        lambda: upper.funds.capital(fund_id, EntryKind.CONTRIBUTION, 1_000_000, TODAY),
    )
    for attempt in attempts:
        with pytest.raises(UserError) as raised:
            attempt()
        assert "read-only here" in raised.value.message.render()
    assert _rows(upper, "SELECT count(*) FROM audit_log") == before


def test_the_level_is_chosen_once(tmp_path: Path, services: Services) -> None:
    with pytest.raises(UserError) as raised:
        services.organisation.save(
            OrganisationSetup("Chi bộ ấp Sáu", "Đảng bộ xã Tân Hùng", "Tân Hùng", (), Level.COMMITTEE)
        )
    assert "cannot be changed" in raised.value.message.render()
    assert services.organisation.require().level == Level.BRANCH
    upper = _committee(tmp_path)
    upper.organisation.save(
        OrganisationSetup("Đảng ủy phường Tân Hùng", "Tỉnh ủy Cà Mau", "Tân Hùng", (), Level.COMMITTEE)
    )
    assert upper.organisation.require().branch_name == "Đảng ủy phường Tân Hùng"
    with pytest.raises(UserError) as cells:
        upper.organisation.save(
            OrganisationSetup("Đảng ủy xã Tân Hùng", "Tỉnh ủy", "Tân Hùng", ("Tổ 1",), Level.COMMITTEE)
        )
    assert "hamlets" in cells.value.field_errors


def test_a_branch_still_keeps_its_own_records(services: Services) -> None:
    add_member(services, "Nguyễn Thị Ngọc Bích")
    organisation = services.organisation.require()
    assert organisation.level == Level.BRANCH and not organisation.is_committee and organisation.branches == ()
    assert [r.full_name for r in services.members.roster().rows] == ["Nguyễn Thị Ngọc Bích"]


def test_an_older_upper_level_database_becomes_a_committee_when_migrated(tmp_path: Path) -> None:
    """Before the level was asked, a commune set itself up as a branch; having taken in packages tells it apart."""
    branch = _branch_on(tmp_path, date(2026, 10, 5), 4)
    package = branch.exchange.export(tmp_path, passphrase=PASS).path
    upper = Services.build(open_database(tmp_path / "old.sqlite", clock=CLOCK))
    upper.organisation.save(OrganisationSetup("Đảng ủy xã Tân Hùng", "Tỉnh ủy Cà Mau", "Tân Hùng", ()))
    assert upper.exchange.import_file(package, PASS, trusted={branch.exchange.keys().signing_fingerprint}).accepted
    plain = Services.build(open_database(tmp_path / "plain.sqlite", clock=CLOCK))
    plain.organisation.save(OrganisationSetup("Chi bộ ấp Sáu", "Đảng bộ xã Tân Hùng", "Tân Hùng", ()))
    for services in (upper, plain):
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with services.db.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0010")
        with services.db.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
    assert upper.organisation.require().level == Level.COMMITTEE
    assert plain.organisation.require().level == Level.BRANCH
    assert _rows(upper, "SELECT covers_to FROM import_log") == [("2026-10-05",)]


def test_the_upper_levels_attendance_is_the_member_share_of_all_its_branches(tmp_path: Path) -> None:
    """The total is Σ present ÷ Σ required over every branch's meetings, not the mean of their ratios; the report
    of all branches prints both, labelled, with the members helped beside the loans."""
    from chibo_desktop.domain.formatting import percent
    from chibo_desktop.services import documents

    branches = [_branch_on(tmp_path, TODAY, seed) for seed in (5, 6)]
    files = [b.exchange.export(tmp_path, passphrase=PASS).path for b in branches]
    trusted = {b.exchange.keys().signing_fingerprint for b in branches}
    upper = _committee(tmp_path)
    for file in files:
        assert upper.exchange.import_file(file, PASS, trusted=trusted).accepted
    period = parse_period(f"{TODAY.year}-01-01..{TODAY.isoformat()}")
    stats = upper.stats.stats(period, TODAY)
    own = [b["meetings"] for b in stats["branches"]]  # type: ignore[union-attr]
    present, required = sum(m["present"] for m in own), sum(m["required"] for m in own)
    total = stats["meetings"]
    assert isinstance(total, dict) and (total["present"], total["required"]) == (present, required) and required
    assert total["attendance_member_share"] == round(present / required, 4)
    data = documents.consolidated_data(upper.stats, upper.organisation, period, TODAY)
    share = data.headings.index("Tỷ lệ dự theo lượt đảng viên")
    mean = data.headings.index("Bình quân tỷ lệ các buổi")
    helped = data.headings.index("Đảng viên được vay")
    assert data.total[mean] == "–" and data.total[share] == percent(present, required)
    assert data.total[helped] == str(sum(b["loans"]["members_helped"] for b in stats["branches"]))  # type: ignore[union-attr]
    assert all(row[mean] != "–" for row in data.rows)


def test_a_fund_statement_printed_at_the_committee_names_the_branch(tmp_path: Path) -> None:
    from chibo_desktop.reports.fund_pdf import statement_pdf
    from chibo_desktop.services.printing import FUND_STATEMENT, FundPeriod
    from tests.helpers.pdf import flat, pdf_text

    branch = _branch_on(tmp_path, TODAY, 7)
    file = branch.exchange.export(tmp_path, passphrase=PASS).path
    upper = _committee(tmp_path)
    assert upper.exchange.import_file(file, PASS, trusted={branch.exchange.keys().signing_fingerprint}).accepted
    name = branch.organisation.require().branch_name
    fund = upper.funds.funds()[0]
    data = upper.printer.data(FUND_STATEMENT, FundPeriod(fund.fund.id, parse_period(str(TODAY.year))))
    assert (data.branch, data.header.branch_name) == (name, "Đảng ủy xã Tân Hùng")
    text = flat(pdf_text(statement_pdf(data, tmp_path / "quy.pdf")))
    assert f"BÁO CÁO TÌNH HÌNH QUỸ CỦA {name.upper()}" in text and f"{fund.fund.name} — {name}" in text


@pytest.mark.parametrize("period", ["2026", "2026-Q2", "2026-03", "2026-02-15..2026-09-30"])
def test_the_committee_sees_each_branch_s_figures_and_dues_as_the_branch_does(tmp_path: Path, period: str) -> None:
    branches = [_branch_on(tmp_path, TODAY, seed) for seed in (41, 42)]
    upper = _committee(tmp_path)
    trusted = {b.exchange.keys().signing_fingerprint for b in branches}
    for b in branches:
        report = upper.exchange.import_file(b.exchange.export(tmp_path, passphrase=PASS).path, PASS, trusted=trusted)
        assert report.accepted, report.reason
        assert report.counts["dues"]["entries"] > 0
    chosen = parse_period(period)
    stats = upper.stats.stats(chosen, TODAY)
    kept = _rows(upper, "SELECT DISTINCT topic FROM unit_figures")
    topics = {"basis", "members", "meeting", "absences", "funds", "loan", "review", "dues"}
    assert {topic for (topic,) in kept} == topics  # the committee's figures are read from these
    figures = ("members", "meetings", "flags", "loans", "dues", "review")
    seen = {b["name"]: {k: b[k] for k in figures} for b in stats["branches"]}  # type: ignore[union-attr]
    theirs = {b.organisation.require().branch_name: b.stats.stats(chosen, TODAY) for b in branches}
    assert seen == {name: {k: s[k] for k in figures} for name, s in theirs.items()}
    own = {name: s["dues"] for name, s in theirs.items()}
    assert any(d["collected"] and d["paid_to_upper"] for d in own.values())  # type: ignore[union-attr]
    total = stats["dues"]
    for key in ("due", "collected", "members_paid", "members_unpaid", "paid_to_upper", "exempt"):
        assert total[key] == sum(d[key] for d in own.values())  # type: ignore[index]


def test_the_printed_consolidated_report_shows_each_branch_s_dues(tmp_path: Path) -> None:
    from chibo_desktop.reports.consolidated import consolidated_pdf
    from chibo_desktop.services.printing import CONSOLIDATED

    b = _branch_on(tmp_path, TODAY, 43)
    upper = _committee(tmp_path)
    sent = b.exchange.export(tmp_path, passphrase=PASS).path
    assert upper.exchange.import_file(sent, PASS, trusted={b.exchange.keys().signing_fingerprint}).accepted
    own = b.stats.stats(parse_period("2026"), TODAY)["dues"]
    ratio = f"{own['collection_ratio'] * 100:.1f}".replace(".", ",") + "%"  # type: ignore[index]
    paid_up = f"{own['paid_to_upper']:,}".replace(",", ".")  # type: ignore[index]
    data = upper.printer.data(CONSOLIDATED, parse_period("2026"))
    column = {heading: n for n, heading in enumerate(data.headings)}
    (row,) = data.rows
    assert row[column["Tỷ lệ thu đảng phí"]] == ratio and row[column["Đảng phí đã nộp cấp trên"]] == paid_up
    assert data.total[column["Đảng phí đã nộp cấp trên"]] == paid_up
    text = flat(pdf_text(consolidated_pdf(data, tmp_path / "tonghop.pdf")))
    assert "Đảng phí" in text and "Tỷ lệ thu" in text and "Đã nộp cấp trên (đồng)" in text
    assert ratio in text and paid_up in text
