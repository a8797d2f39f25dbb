"""A committee's figures read with sqlite3 alone (storage/plain_figures.py) are what the ORM reads, field for field,
and the stats worked out from them are the same; a file that must be opened the usual way is left to it."""

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from chibo_desktop.domain.dates import parse_period
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.rules import RuleBook
from chibo_desktop.services.committee_figures import quick_stats
from chibo_desktop.services.received import Received
from chibo_desktop.services.unit_figures import UnitFigures
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage import member_queries, plain_figures
from chibo_desktop.storage.db import open_database
from chibo_desktop.storage.plain import reading
from tests.helpers.days import CLOCK, TODAY
from tests.helpers.two_units import TERM, copy_of, write_committee

pytestmark = pytest.mark.sqlite_only  # the quick path reads a file

PERIODS = ("2026", "2026-Q2", "2026-03", "2026-02-15..2026-09-30", "2020-01-01..2026-11-22", "2025", "2027", TERM)


@pytest.fixture(scope="module")
def committee_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_committee(tmp_path_factory.mktemp("committee"))


@pytest.fixture
def committee(committee_file: Path, tmp_path: Path) -> Iterator[tuple[Path, Services]]:
    path = copy_of(committee_file, tmp_path / "xa.sqlite")
    services = Services.build(open_database(path, clock=CLOCK))
    yield path, services
    services.db.close()


@pytest.mark.parametrize("text", PERIODS)
def test_the_kept_figures_read_as_the_orm_reads_them(committee: tuple[Path, Services], text: str) -> None:
    path, services = committee
    period = services.terms.period(text)
    on = min(period.end, TODAY)
    received = Received(services.db).branches()
    with reading(path) as conn:
        plain = plain_figures.kept_figures(conn, period, on)
        assert plain_figures.received_branches(conn) == received
        assert plain_figures.missing(conn, [u for b in received for u in b.units]) == []
    orm = UnitFigures(services.db).kept([u for b in received for u in b.units], period, on)
    assert plain == orm
    assert plain is not None and len(plain.units) == 2 and plain.dues and plain.review
    if text == "2026":  # so that every part of it was compared above
        assert (
            all(plain.meetings.values()) and plain.absences and all(loans for loans, _lines, _n in plain.loans.values())
        )


def test_the_branches_the_terms_the_rules_and_the_waiting_count_read_as_the_orm_reads_them(
    committee: tuple[Path, Services],
) -> None:
    path, services = committee
    with services.db.read() as session:
        orm_rules = member_queries.load_rules(session)
    with reading(path) as conn:
        received = plain_figures.received_branches(conn)
        assert received == Received(services.db).branches()
        assert [len(b.units) for b in received] == [1, 1] and all(b.received_on and b.covers_to for b in received)
        assert plain_figures.conflicts_waiting(conn) == Received(services.db).conflicts_waiting() == 1
        unit = services.organisation.require()
        assert plain_figures.terms(conn, unit.branch_id) == services.terms.terms()
        assert plain_figures.rules(conn) == orm_rules
    assert len(RuleBook(orm_rules).history("meeting.quality_bar_percent")) == 2


@pytest.mark.parametrize("text", PERIODS)
def test_the_stats_worked_out_both_ways_are_the_same(committee: tuple[Path, Services], text: str) -> None:
    path, services = committee
    quick = quick_stats(path, text, TODAY)
    assert quick is not None
    period = services.terms.period(text)
    assert quick.period == period and quick.organisation == services.organisation.require()
    assert quick.term == services.terms.term_of(period) and (quick.term is not None) == (text == TERM)
    assert quick.stats == services.stats.stats(period, TODAY)
    assert quick.conflicts_waiting == 1 and len(quick.stats["branches"]) == 2  # type: ignore[arg-type]


def test_a_period_that_is_none_is_refused_in_words_as_the_usual_way_refuses_it(
    committee: tuple[Path, Services],
) -> None:
    path, services = committee
    with pytest.raises(UserError) as usual:
        services.terms.period("2026-13")
    with pytest.raises(UserError) as quick:
        quick_stats(path, "2026-13", TODAY)
    assert quick.value.message == usual.value.message


def test_figures_still_to_work_out_are_left_to_the_usual_way(committee: tuple[Path, Services]) -> None:
    """A unit whose figures were kept in an older form, or a review year not kept, is worked out from the records
    (and kept) by the usual way: the quick way does not read the file then."""
    path, services = committee
    assert quick_stats(path, "2012", TODAY) is None  # a review more than ten years back: from the records
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("UPDATE unit_figures SET ref = ref - 1 WHERE topic = 'basis' AND id = (SELECT min(id) "
                     "FROM unit_figures WHERE topic = 'basis')")  # fmt: skip
    assert quick_stats(path, "2026", TODAY) is None
    expected = services.stats.stats(parse_period("2026"), TODAY)  # works the unit out again, and keeps it
    quick = quick_stats(path, "2026", TODAY)
    assert quick is not None and quick.stats == expected


def test_a_file_guarded_by_a_password_or_a_branch_s_file_is_left_to_the_usual_way(
    committee: tuple[Path, Services],
) -> None:
    path, services = committee
    services.access.set_password("mat-khau-dai-du", "mat-khau-dai-du", 10)
    assert quick_stats(path, "2026", TODAY) is None
    services.access.remove_password("mat-khau-dai-du")
    assert quick_stats(path, "2026", TODAY) is not None
    with closing(sqlite3.connect(path)) as conn, conn:  # a branch's stats are its records' (the usual way)
        conn.execute("UPDATE org_unit SET kind = 'branch' WHERE is_self = 1")
    assert quick_stats(path, "2026", TODAY) is None
