"""The kept figures a package leaves, row for row: each year's meetings and absences as that year's meetings alone
give them (the unit's meetings are read once for all its years), and the same rows as a committee working them out
from scratch on first use."""

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from chibo_desktop.domain.clock import Clock
from chibo_desktop.domain.dates import parse_period
from chibo_desktop.domain.organisation import Level, OrganisationSetup
from chibo_desktop.domain.unit_figures import absences, meeting_json
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage import meeting_queries
from chibo_desktop.storage.db import open_database
from tests.helpers.databases import connect
from tests.helpers.days import TODAY

PASS = "mat-khau-chi-bo"
COMMITTEE = OrganisationSetup("Đảng ủy xã Tân Hùng", "Tỉnh ủy Cà Mau", "Tân Hùng", (), Level.COMMITTEE)


def _kept(upper: Services) -> list[tuple[Any, ...]]:
    with connect(upper.db) as conn:
        return [
            tuple(row)
            for row in conn.execute(
                "SELECT org_unit_id, topic, day, ref, figures FROM unit_figures ORDER BY org_unit_id, topic, day, ref"
            ).fetchall()
        ]


def _one_year_at_a_time(upper: Services, unit: int, years: range) -> tuple[dict[int, Any], dict[int, Any]]:
    """Meeting id → its figures and year → its absences, each year worked out from that year's meetings alone,
    read with the lines of the members absent in that year only."""
    meetings: dict[int, Any] = {}
    absent: dict[int, Any] = {}
    with upper.db.read() as session:
        for year in years:
            found = [
                m for _u, m in meeting_queries.meeting_figures(session, date(year, 1, 1), date(year, 12, 31), [unit])
            ]
            meetings.update({m.id: meeting_json(m) for m in found})
            lines = {m.id: [(li.member_id, li.name, li.role, li.mark) for li in m.lines] for m in found}
            absent[year] = absences(found, lines)
    return meetings, absent


def test_a_package_keeps_each_years_figures_as_that_year_alone_gives_them_and_as_a_first_use_does(
    tmp_path: Path, new_database: Callable[[str], Path | str]
) -> None:
    branch_db = open_database(tmp_path / "branch.sqlite", clock=Clock.fixed(TODAY))
    write_demo(branch_db, members=14, seed=61, today=TODAY, meeting_years=3)
    branch = Services.build(branch_db)
    upper = Services.build(open_database(new_database("committee"), clock=Clock.fixed(TODAY)))
    upper.organisation.save(COMMITTEE)
    sent = branch.exchange.export(tmp_path, passphrase=PASS).path
    report = upper.exchange.import_file(sent, PASS, trusted={branch.exchange.keys().signing_fingerprint})
    assert report.accepted, report.reason

    kept = _kept(upper)
    (unit,) = {row[0] for row in kept if row[1] == "absences"}
    years = [row[3] for row in kept if row[1] == "absences"]
    assert years == list(range(min(years), max(years) + 1)) and len(years) == 3
    meetings, absent = _one_year_at_a_time(upper, unit, range(min(years), max(years) + 1))
    assert {row[3]: json.loads(row[4]) for row in kept if row[1] == "meeting"} == meetings
    assert {row[3]: json.loads(row[4]) for row in kept if row[1] == "absences"} == absent
    # not alike by chance: someone absent in one year is in another year's meetings without being kept there
    by_year = {year: {line[0] for line in lines} for year, lines in absent.items()}
    assert all(by_year.values())
    assert any(by_year[a] - by_year[b] for a in by_year for b in by_year)

    with connect(upper.db) as conn:  # as a file taken in by an older version: worked out on first use
        conn.execute("DELETE FROM unit_figures")
    upper.stats.stats(parse_period(str(TODAY.year)), TODAY)
    assert _kept(upper) == kept
