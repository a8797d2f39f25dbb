"""The yearly review travels to the upper level in the package (format 3): each branch's figures there are the
branch's own, and a branch cannot write another's reviews, commendations or rating."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from chibo_desktop.domain.dates import parse_period
from chibo_desktop.services import printing
from tests.helpers.days import TODAY
from tests.helpers.pdf import pdf_text
from tests.helpers.upper_level import World, build_world


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
