"""The yearly review travels to the upper level in the package (format 3): each branch's figures there are the
branch's own, and a branch cannot write another's reviews, commendations or rating."""

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from chibo_desktop.domain.dates import parse_period
from chibo_desktop.domain.organisation import Level, OrganisationSetup
from chibo_desktop.sample.branch import write_demo
from chibo_desktop.services import printing
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage import dues_queries
from chibo_desktop.storage.db import open_database
from tests.helpers.days import CLOCK, TODAY
from tests.helpers.pdf import pdf_text
from tests.helpers.upper_level import PASS, World, build_world

COMMITTEE = OrganisationSetup("Đảng ủy xã Tân Hùng", "Tỉnh ủy Cà Mau", "Tân Hùng", (), Level.COMMITTEE)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    built = build_world(tmp_path_factory.mktemp("review-exchange"))
    yield built
    for services in (built.upper, built.a, built.b):
        services.db.close()


def test_the_upper_level_has_each_branchs_review(world: World) -> None:
    period = parse_period(str(TODAY.year - 1))
    upper = world.upper.stats.stats(period, TODAY)
    by_name: dict[str, Any] = {b["name"]: b["review"] for b in upper["branches"]}  # type: ignore[attr-defined]
    for branch in (world.a, world.b):
        own = branch.stats.stats(period, TODAY)["review"]
        assert own["rated"] > 0 and own["branch_level"] == "good"  # type: ignore[index]
        there = by_name[branch.organisation.require().branch_name]
        for key in ("to_review", "rated", "by_level", "final_by_level", "branch_level", "commendations"):
            assert there[key] == own[key], key  # type: ignore[index]


def first(data: dict[str, Any], table: str) -> Any:
    return data[table][0]


def test_a_cannot_write_bs_reviews_awards_or_rating(world: World) -> None:
    theirs = world.data(world.b)
    b_member = first(theirs, "members")["uuid"]
    for table, record in (
        ("member_reviews", {**first(theirs, "member_reviews"), "note": "Sửa của chi bộ khác"}),
        ("member_awards", {**first(theirs, "member_awards"), "form": "Cảnh cáo"}),
        ("branch_reviews", {**first(theirs, "branch_reviews"), "org_uuid": world.uuid_of(world.a), "year": 1999}),
        (
            "member_reviews",
            {
                **first(world.data(), "member_reviews"),
                "uuid": "6f1d2c3b-0000-4000-8000-000000000001",
                "member_uuid": b_member,
                "year": 1999,
            },
        ),
    ):
        data = world.data()
        data[table].append(record)
        assert world.b.organisation.require().branch_name in world.refused(world.blob(data)), table


def test_one_review_per_member_and_year(world: World) -> None:
    data = world.data()
    review = first(data, "member_reviews")
    data["member_reviews"].append({**review, "uuid": "6f1d2c3b-0000-4000-8000-000000000002"})
    assert "member_reviews" in world.refused(world.blob(data))
    data = world.data()
    data["branch_reviews"].append({**first(data, "branch_reviews"), "uuid": "6f1d2c3b-0000-4000-8000-000000000003"})
    assert "branch_reviews" in world.refused(world.blob(data))


def test_a_branch_elsewhere_cannot_rate_a_unit_it_does_not_carry(world: World) -> None:
    data = world.data()
    data["branch_reviews"].append({**first(world.data(world.b), "branch_reviews"), "year": 1999})
    assert "branch_reviews" in world.refused(world.blob(data))


def test_the_consolidated_report_prints_each_branchs_review(world: World, tmp_path: Path) -> None:
    period = parse_period(str(TODAY.year - 1))
    data = world.upper.printer.data(printing.CONSOLIDATED, period)
    own = world.a.stats.stats(period, TODAY)["review"]
    row = next(r for r in data.review_rows if r[0] == world.a.organisation.require().branch_name)
    good = own["by_level"]["good"]  # type: ignore[index]
    assert row[1] == str(own["to_review"]) and row[5].startswith(f"{good} (")  # type: ignore[index]
    assert row[8] == "Hoàn thành tốt"
    text = " ".join(pdf_text(world.upper.printer.write_into(printing.CONSOLIDATED, period, tmp_path)).split())
    assert f"Kết quả đánh giá, xếp loại đảng viên năm {TODAY.year - 1}" in text


def test_the_upper_level_counts_each_members_unpaid_dues_as_the_branch_does(world: World) -> None:
    """The review's dues column at the committee comes from the branches' dues figures, not from its own empty
    book (which read every received member as owing every month)."""
    upper = _unpaid_by_uuid(world.upper)
    compared = 0
    for branch in (world.a, world.b):
        own = _unpaid_by_uuid(branch)
        ledger = branch.dues.ledger()
        with branch.db.read() as session:
            uuids = dues_queries.member_uuids(session)
        excused = {  # a reason recorded for not paying stays at the branch: those members are not compared
            uuids[member_id]
            for member_id in ledger.members
            if any(mm.unpaid_reason for mm in ledger.member_months(member_id, TODAY))
        }
        for member_uuid, months in own.items():
            if member_uuid not in excused:
                assert upper.get(member_uuid, 0) == months, member_uuid
                compared += 1
    counts = set(upper.values())
    assert compared >= 10 and 0 in counts and len(counts) > 1, counts  # some paid up, some did not


def _unpaid_by_uuid(services: Services) -> dict[str, int]:
    facts = services.review.facts(TODAY.year)
    with services.db.read() as session:
        uuids = dues_queries.member_uuids(session)
    return {uuids[member_id]: f.unpaid_months for member_id, f in facts.items() if member_id in uuids}


def test_the_upper_level_leaves_the_branchs_attached_members_out_of_its_review_as_the_branch_does(
    tmp_path: Path, new_database: Callable[[str], Path | str]
) -> None:
    """Members temporarily attached to a branch are reviewed by their home branch: the committee's kept figures of
    the branch's review, after its package is taken in, are the branch's own, without them."""
    branch = Services.build(open_database(tmp_path / "branch.sqlite", clock=CLOCK))
    write_demo(branch.db, members=60, seed=5, today=TODAY, meeting_years=1)
    upper = Services.build(open_database(new_database("committee"), clock=CLOCK))
    upper.organisation.save(COMMITTEE)
    try:
        sheet = branch.review.sheet(TODAY.year)
        assert len(sheet.attached) == 2  # the sample's two members temporarily attached, still there on 31/12
        attached = {row.id for row in branch.members.roster().rows if row.status == "attached"}
        assert len(attached) == 2 and attached.isdisjoint(line.member_id for line in sheet.rated + sheet.not_rated)
        sent = branch.exchange.export(tmp_path, passphrase=PASS).path
        report = upper.exchange.import_file(sent, PASS, trusted={branch.exchange.keys().signing_fingerprint})
        assert report.accepted, report.reason

        period = parse_period(str(TODAY.year))
        own = branch.stats.stats(period, TODAY)["review"]
        assert own["to_review"] + own["not_rated"] == len(sheet.rated) + len(sheet.not_rated)  # type: ignore[index]
        assert "attached" not in own["not_rated_by_reason"]  # type: ignore[index]
        (there,) = upper.stats.stats(period, TODAY)["branches"]  # type: ignore[misc]
        assert there["review"] == own
        assert upper.stats.stats(period, TODAY)["review"] == own  # the committee's total of its one branch
    finally:
        branch.db.close()
        upper.db.close()
