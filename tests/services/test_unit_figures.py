"""The figures a committee keeps per branch (``unit_figures``) give each branch's figures as the branch itself
works them out from its records: after a second package replaces records, after a rule or a dues setting changes
a past month, and when a file taken in before the figures were kept is read for the first time."""

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from chibo_desktop.domain.clock import Clock
from chibo_desktop.domain.dates import parse_period
from chibo_desktop.domain.dues import Category
from chibo_desktop.domain.meetings import Mark, MeetingRecord
from chibo_desktop.domain.members import EventKind, MemberRecord, StatusEvent
from chibo_desktop.domain.organisation import Level, OrganisationSetup
from chibo_desktop.domain.review import Level as ReviewLevel
from chibo_desktop.domain.review import MemberReview
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import open_database
from tests.helpers.databases import connect
from tests.helpers.days import TODAY
from tests.helpers.two_units import build_units, copy_member, write_sample_branches

PASS = "mat-khau-chi-bo"
COMMITTEE = OrganisationSetup("Đảng ủy xã Tân Hùng", "Tỉnh ủy Cà Mau", "Tân Hùng", (), Level.COMMITTEE)
FIGURES = ("members", "meetings", "flags", "loans", "dues", "review")
OUTSIDE_THE_DUES_BOOK = ("2025", "2012", "2041")
PERIODS = ("2026", "2026-Q2", "2026-03", "2026-02-15..2026-09-30", "2020-01-01..2026-11-22", "2025")


def _branch(tmp_path: Path, seed: int) -> Services:
    db = open_database(tmp_path / f"b{seed}.sqlite", clock=Clock.fixed(TODAY))
    write_demo(db, members=12, seed=seed, today=TODAY, meeting_years=2)
    return Services.build(db)


def _committee(location: Path | str) -> Services:
    """The committee on the test's backend (``new_database``: SQLite, and PostgreSQL too with CHIBO_TEST_PG)."""
    services = Services.build(open_database(location, clock=Clock.fixed(TODAY)))
    services.organisation.save(COMMITTEE)
    return services


def _send(branch: Services, upper: Services, tmp_path: Path) -> None:
    trusted = {branch.exchange.keys().signing_fingerprint}
    report = upper.exchange.import_file(branch.exchange.export(tmp_path, passphrase=PASS).path, PASS, trusted=trusted)
    assert report.accepted, report.reason


def _comparable(figures: dict[str, Any], period: str) -> dict[str, object]:
    """The figures to compare: a flag names the member by the id of the database it is read in, and the dues of a
    year outside the dues book (it starts in 2026) are the consolidation's own matter: a branch counts none (0)
    where the committee says none were reported (None)."""
    out = {k: figures[k] for k in FIGURES if not (k == "dues" and period in OUTSIDE_THE_DUES_BOOK)}
    out["flags"] = [{k: v for k, v in flag.items() if k != "member_id"} for flag in figures["flags"]]
    return out


def _as_committee_sees(upper: Services, period: str) -> dict[str, dict[str, object]]:
    stats = upper.stats.stats(parse_period(period), TODAY)
    return {b["name"]: _comparable(b, period) for b in stats["branches"]}  # type: ignore[union-attr]


def _as_branches_see(branches: list[Services], period: str) -> dict[str, dict[str, object]]:
    own = {b.organisation.require().branch_name: b.stats.stats(parse_period(period), TODAY) for b in branches}
    return {name: _comparable(s, period) for name, s in own.items()}


def _kept_rows(upper: Services) -> int:
    with connect(upper.db) as conn:
        return int(conn.execute("SELECT count(*) FROM unit_figures").fetchone()[0])


def test_a_second_package_replaces_the_kept_figures_of_its_branch(
    tmp_path: Path, new_database: Callable[[str], Path | str]
) -> None:
    branches = [_branch(tmp_path, seed) for seed in (51, 52)]
    upper = _committee(new_database("committee"))
    for b in branches:
        _send(b, upper, tmp_path)
    before = _as_committee_sees(upper, "2026")
    changed = branches[0]
    name = changed.organisation.require().branch_name
    # a new member admitted in March, exempted from April to June; meetings in May and July at which two others
    # are absent without reason; a review of the year
    record = MemberRecord(
        full_name="Thạch Thị Sa Rươl",
        gender="F",
        date_of_birth=date(1995, 8, 1),
        ethnicity="Khmer",
        admission_date=date(2026, 3, 3),
    )
    new = changed.members.add(record).ids[0]
    changed.members.add_event(new, StatusEvent(EventKind.EXEMPTED, date(2026, 4, 1), end_date=date(2026, 6, 30)))
    for day in (date(2026, 5, 12), date(2026, 7, 14)):
        lines = changed.meetings.draft_lines(day)
        lines = tuple(
            replace(li, mark=Mark.UNEXCUSED) if li.member_id != new and n < 2 else li for n, li in enumerate(lines)
        )
        changed.meetings.create(MeetingRecord(on=day), lines)
    someone = next(li.member_id for li in changed.meetings.draft_lines(date(2026, 11, 1)) if li.member_id != new)
    changed.review.save(MemberReview(someone, 2026, proposed_level=ReviewLevel.EXCELLENT))
    _send(changed, upper, tmp_path)
    after = _as_committee_sees(upper, "2026")
    assert after[name]["members"]["total"] == before[name]["members"]["total"] + 1  # type: ignore[index]
    assert after[name]["meetings"]["held"] == before[name]["meetings"]["held"] + 2  # type: ignore[index]
    for period in PERIODS:
        assert _as_committee_sees(upper, period) == _as_branches_see(branches, period), period


def test_a_rule_or_dues_change_for_a_past_month_shows_at_the_committee_as_at_the_branch(
    tmp_path: Path, new_database: Callable[[str], Path | str]
) -> None:
    branches = [_branch(tmp_path, seed) for seed in (53, 54)]
    upper = _committee(new_database("committee"))
    for b in branches:
        _send(b, upper, tmp_path)
    before = _as_committee_sees(upper, "2026")
    rules = {
        "meeting.quality_bar_percent": "99",  # more meetings below the bar
        "ethnicity.majority": "Kinh, Khmer",
        "review.not_rated": '{"exempted": true, "suspended": true, "admitted_months": 60}',
    }
    for services in (*branches, upper):
        for key, value in rules.items():
            services.rules.set_value(key, value, date(2026, 2, 1))
    # a member's dues from March worked out from a higher salary: the branch's next package carries the months
    b = branches[0]
    member = next(li.member_id for li in b.meetings.draft_lines(TODAY))
    b.dues.save_setting(member, date(2026, 3, 1), Category.SALARY, 30_000_000, None)
    _send(b, upper, tmp_path)
    after = _as_committee_sees(upper, "2026")
    name = b.organisation.require().branch_name
    assert after[name]["dues"]["due"] > before[name]["dues"]["due"]  # type: ignore[index,operator]
    below = [sum(s[n]["meetings"]["below_threshold"] for n in s) for s in (before, after)]  # type: ignore[index]
    assert below[1] > below[0]
    assert after != before
    for period in PERIODS:
        assert _as_committee_sees(upper, period) == _as_branches_see(branches, period), period


def test_a_file_whose_figures_were_not_kept_has_them_worked_out_on_first_use(
    tmp_path: Path, new_database: Callable[[str], Path | str]
) -> None:
    branches = [_branch(tmp_path, seed) for seed in (55, 56)]
    upper = _committee(new_database("committee"))
    for b in branches:
        _send(b, upper, tmp_path)
    kept = _kept_rows(upper)
    with connect(upper.db) as conn:  # as a file taken in by an older version, or kept in an older form
        conn.execute("DELETE FROM unit_figures")
    assert _as_committee_sees(upper, "2026") == _as_branches_see(branches, "2026")
    assert _kept_rows(upper) == kept


@pytest.mark.parametrize("year", ["2012", "2041"])
def test_a_review_year_not_kept_is_worked_out_from_the_records(
    tmp_path: Path, new_database: Callable[[str], Path | str], year: str
) -> None:
    branches = [_branch(tmp_path, 57)]
    upper = _committee(new_database("committee"))
    _send(branches[0], upper, tmp_path)
    assert _as_committee_sees(upper, year) == _as_branches_see(branches, year)


def test_taking_the_sent_version_of_a_member_moves_it_in_the_kept_figures(
    tmp_path: Path, new_database: Callable[[str], Path | str]
) -> None:
    units = build_units(tmp_path, write_sample_branches(tmp_path / "samples"), new_database("upper"))
    copy_member(units)
    units.take_in(units.send(units.b))
    a, b = (s.organisation.require().branch_name for s in (units.a, units.b))
    before = _as_committee_sees(units.upper, "2026")
    (waiting,) = units.upper.conflicts.conflicts()
    units.upper.conflicts.resolve(waiting.id, take=True)
    after = _as_committee_sees(units.upper, "2026")
    assert after[b]["members"]["total"] == before[b]["members"]["total"] + 1  # type: ignore[index]
    assert after[a]["members"]["total"] == before[a]["members"]["total"] - 1  # type: ignore[index]
    with connect(units.upper.db) as conn:  # worked out again from the records, the same figures
        conn.execute("DELETE FROM unit_figures")
    assert _as_committee_sees(units.upper, "2026") == after
    units.close()


def test_a_member_admitted_again_in_the_period_is_one_new_admission_at_the_committee(
    tmp_path: Path, new_database: Callable[[str], Path | str]
) -> None:
    """New admissions in the period (DOMAIN.md) are counted in members, as the branch's own records count them:
    one removed from the Party in April and admitted again in September is one admission in 2026, one in each
    half of it."""
    branch = _branch(tmp_path, 58)
    upper = _committee(new_database("committee"))
    _send(branch, upper, tmp_path)
    name = branch.organisation.require().branch_name
    before = _as_committee_sees(upper, "2026")[name]["members"]["admitted_in_period"]  # type: ignore[index]
    record = MemberRecord(
        full_name="Lâm Văn Sóc", gender="M", date_of_birth=date(1990, 2, 1), admission_date=date(2026, 2, 3)
    )
    member = branch.members.add(record).ids[0]
    for event in (
        StatusEvent(EventKind.REMOVED, date(2026, 4, 10)),
        StatusEvent(EventKind.ADMITTED, date(2026, 9, 2)),
    ):
        branch.members.add_event(member, event)
    _send(branch, upper, tmp_path)
    seen = _as_committee_sees(upper, "2026")
    assert seen[name]["members"]["admitted_in_period"] == before + 1  # type: ignore[index]
    total = upper.stats.stats(parse_period("2026"), TODAY)["members"]["admitted_in_period"]  # type: ignore[index]
    assert total == before + 1
    for period in ("2026", "2026-01-01..2026-06-30", "2026-07-01..2026-12-31", "2026-05"):
        assert _as_committee_sees(upper, period) == _as_branches_see([branch], period), period
