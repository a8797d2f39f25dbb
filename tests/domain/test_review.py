"""The yearly review's rules on hand-built cases: the bands, the cap, who is not rated."""

from datetime import date

from chibo_desktop.domain.members import EventKind, StatusEvent
from chibo_desktop.domain.review import (
    Level,
    MemberReview,
    NotRated,
    ReviewRules,
    attached_on_review,
    cap_check,
    count_levels,
    level_for_points,
    not_rated_reason,
    on_review,
    review_problems,
)
from chibo_desktop.domain.rules import KEYS

RULES = ReviewRules.from_values(
    KEYS["review.bands"].default, KEYS["review.excellent_cap_percent"].default, KEYS["review.not_rated"].default
)
ADMITTED = StatusEvent(EventKind.ADMITTED, date(2015, 3, 2))


def test_points_fall_in_the_bands_of_quy_dinh_366() -> None:
    assert level_for_points(100, RULES) == Level.EXCELLENT
    assert level_for_points(90, RULES) == Level.EXCELLENT
    assert level_for_points(89, RULES) == Level.GOOD
    assert level_for_points(70, RULES) == Level.GOOD
    assert level_for_points(69, RULES) == Level.COMPLETED
    assert level_for_points(50, RULES) == Level.COMPLETED
    assert level_for_points(49, RULES) == Level.NOT_COMPLETED
    assert level_for_points(0, RULES) == Level.NOT_COMPLETED


def test_bands_changed_by_the_branch_are_the_ones_used() -> None:
    stricter = ReviewRules.from_values({"excellent": 95, "good": 75, "completed": 50}, 20, {})
    assert level_for_points(92, stricter) == Level.GOOD
    assert level_for_points(72, stricter) == Level.COMPLETED


def test_excellent_may_be_at_most_a_fifth_of_good() -> None:
    ten_good = [Level.GOOD] * 10
    assert not cap_check([*ten_good, Level.EXCELLENT, Level.EXCELLENT], RULES).exceeded
    check = cap_check([*ten_good, Level.EXCELLENT, Level.EXCELLENT, Level.EXCELLENT], RULES)
    assert check.exceeded and check.allowed == 2 and check.excellent == 3
    # fewer than five "good": not even one "excellent" fits under 20 %
    assert cap_check([Level.GOOD] * 4 + [Level.EXCELLENT], RULES).exceeded
    assert not cap_check([Level.GOOD] * 5 + [Level.EXCELLENT], RULES).exceeded


def test_exempted_suspended_and_newly_admitted_are_not_rated() -> None:
    exempted = [ADMITTED, StatusEvent(EventKind.EXEMPTED, date(2026, 3, 1))]
    assert not_rated_reason(exempted, None, 2026, RULES) == NotRated.EXEMPTED
    ended = [*exempted, StatusEvent(EventKind.EXEMPTION_ENDED, date(2026, 9, 1))]
    assert not_rated_reason(ended, None, 2026, RULES) is None
    suspended = [ADMITTED, StatusEvent(EventKind.SUSPENDED, date(2026, 10, 1))]
    assert not_rated_reason(suspended, None, 2026, RULES) == NotRated.SUSPENDED
    july = [StatusEvent(EventKind.ADMITTED, date(2026, 7, 1))]
    assert not_rated_reason(july, None, 2026, RULES) == NotRated.NEWLY_ADMITTED  # 6 months reach 01/01/2027
    june = [StatusEvent(EventKind.ADMITTED, date(2026, 6, 30))]
    assert not_rated_reason(june, None, 2026, RULES) is None
    attached = [StatusEvent(EventKind.ATTACHED_IN, date(2026, 2, 1))]
    assert not on_review(attached, 2026) and attached_on_review(attached, 2026)  # the home branch reviews them
    assert on_review(june, 2026) and not attached_on_review(june, 2026)


def test_the_list_of_who_is_not_rated_is_the_rules() -> None:
    rules = ReviewRules.from_values(KEYS["review.bands"].default, 20, {"exempted": False, "admitted_months": 0})
    exempted = [ADMITTED, StatusEvent(EventKind.EXEMPTED, date(2026, 3, 1))]
    assert not_rated_reason(exempted, None, 2026, rules) is None
    assert not_rated_reason([StatusEvent(EventKind.ADMITTED, date(2026, 11, 1))], None, 2026, rules) is None


def test_counts_and_percentages_are_of_the_members_rated() -> None:
    counts, rated, undecided = count_levels([Level.GOOD, Level.GOOD, Level.GOOD, Level.EXCELLENT, None])
    assert (rated, undecided) == (4, 1)
    by = {c.level: (c.count, c.percent) for c in counts}
    assert by[Level.GOOD] == (3, 75.0) and by[Level.EXCELLENT] == (1, 25.0) and by[Level.COMPLETED] == (0, 0.0)


def test_a_review_as_typed_is_checked() -> None:
    assert "points" in review_problems(MemberReview(1, 2026, points=101))
    assert "votes_for" in review_problems(MemberReview(1, 2026, votes_for=12, votes_total=10))
    assert review_problems(MemberReview(1, 2026, points=88, votes_for=10, votes_total=10)) == {}
    assert MemberReview(1, 2026, proposed_level=Level.GOOD, final_level=Level.EXCELLENT).result == Level.EXCELLENT
    assert MemberReview(1, 2026, proposed_level=Level.GOOD).result == Level.GOOD
