"""The amount due for a month, by hand: each category and region, rule changes on their dates, decisions, ages."""

from datetime import date

import pytest

from chibo_desktop.domain.dates import add_months
from chibo_desktop.domain.dues import (
    Category,
    Decision,
    DecisionKind,
    DecisionReason,
    DuesCalculator,
    DuesMember,
    DuesSetting,
    ExemptMark,
    retirement_date,
    retirement_months,
    round_amount,
    rule_problem,
)
from chibo_desktop.domain.members import EventKind, PartyAge, StatusEvent
from chibo_desktop.domain.rules import RuleValue
from tests.helpers.dues import OLD_RATES, member, rules

MARCH = date(2026, 3, 1)


def setting(
    category: Category, base: int = 0, region: int | None = None, since: date = date(2026, 2, 1), **more: int
) -> tuple[DuesSetting, ...]:
    return (DuesSetting(1, since, category, base, region, **more),)


def due(m: DuesMember, month: date = MARCH, *more: RuleValue) -> int:
    return DuesCalculator(rules(*more)).due(m, month).due


@pytest.mark.parametrize(
    ("base", "expected"),
    [(8_450_000, 84_500), (6_234_567, 62_300), (6_235_000, 62_400), (4_960_000, 49_600)],
)
def test_one_percent_of_the_social_insurance_salary(base: int, expected: int) -> None:
    # 6.234.567 × 1 % = 62.345,67 → 62.300; 6.235.000 × 1 % = 62.350 → 62.400 (half up)
    assert due(member(1, settings=setting(Category.SALARY, base))) == expected


@pytest.mark.parametrize(("base", "expected"), [(5_120_000, 25_600), (4_333_333, 21_700), (3_010_000, 15_100)])
def test_half_a_percent_of_the_pension(base: int, expected: int) -> None:
    # 4.333.333 × 0,5 % = 21.666,665 → 21.700; 3.010.000 × 0,5 % = 15.050 → 15.100
    assert due(member(1, settings=setting(Category.PENSION, base))) == expected


def test_students_pay_five_thousand() -> None:
    assert due(member(1, settings=setting(Category.STUDENT, 9_999_999))) == 5_000


@pytest.mark.parametrize(
    ("region", "working", "retired"),
    [
        (1, 15_900, 10_600),  # 5.310.000 × 0,3 % = 15.930; × 0,2 % = 10.620
        (2, 14_200, 9_500),  # 4.730.000: 14.190; 9.460
        (3, 12_400, 8_300),  # 4.140.000: 12.420; 8.280
        (4, 11_100, 7_400),  # 3.700.000: 11.100; 7.400
    ],
)
def test_other_members_by_region_and_retirement_age(region: int, working: int, retired: int) -> None:
    young = member(1, born=date(1980, 3, 4), settings=setting(Category.OTHER, region=region))
    old = member(2, born=date(1950, 3, 4), settings=setting(Category.OTHER, region=region))
    assert due(young) == working
    assert due(old) == retired


def test_the_branch_region_applies_when_the_member_has_none() -> None:
    nobody_set = member(1)  # no settings at all: "other", in the branch's region (IV as seeded)
    assert due(nobody_set) == 11_100
    assert due(nobody_set, MARCH, RuleValue("dues.region", 1, date(2026, 3, 1))) == 15_900


@pytest.mark.parametrize(
    ("region", "working", "retired"),
    [(1, 26_600, 15_900), (2, 23_700, 14_200), (3, 20_700, 12_400), (4, 18_500, 11_100)],
)
def test_2028_raises_the_rate_of_other_members(region: int, working: int, retired: int) -> None:
    # 0,5 %: 26.550 → 26.600, 23.650 → 23.700, 20.700, 18.500; retired 0,3 %: 15.930 → 15.900 …
    young = member(1, settings=setting(Category.OTHER, region=region))
    old = member(2, born=date(1950, 3, 4), settings=setting(Category.OTHER, region=region))
    assert due(young, date(2027, 12, 1)) == {1: 15_900, 2: 14_200, 3: 12_400, 4: 11_100}[region]
    assert due(young, date(2028, 1, 1)) == working
    assert due(old, date(2028, 1, 1)) == retired


def test_january_2026_under_the_old_rule_only_if_the_branch_kept_one() -> None:
    other = member(1)
    calc = DuesCalculator(rules())
    january = calc.due(other, date(2026, 1, 1))
    assert (january.due, january.no_rate) == (0, True)  # nothing is due before the first rate row
    kept = rules(RuleValue("dues.rates", OLD_RATES, date(2011, 4, 1)))
    assert DuesCalculator(kept).due(other, date(2026, 1, 1)).due == 3_000
    assert DuesCalculator(kept).due(other, date(2026, 2, 1)).due == 11_100


def test_a_rule_from_the_middle_of_a_month_changes_the_months_after_it() -> None:
    later = {
        "salary": {"rate": 100},
        "pension": {"rate": 50},
        "student": {"amount": 6000},
        "other": {"rate": 30, "of": "minimum_wage"},
        "other_retired": {"rate": 20, "of": "minimum_wage"},
    }
    student = member(1, settings=setting(Category.STUDENT))
    changed = RuleValue("dues.rates", later, date(2026, 6, 15))
    assert due(student, date(2026, 6, 1), changed) == 5_000
    assert due(student, date(2026, 7, 1), changed) == 6_000


def test_settings_change_from_their_month() -> None:
    raised = (
        DuesSetting(1, date(2026, 2, 1), Category.SALARY, 6_000_000),
        DuesSetting(1, date(2026, 5, 1), Category.SALARY, 7_000_000),
        DuesSetting(1, date(2026, 9, 1), Category.PENSION, 5_000_000),
    )
    m = member(1, settings=raised)
    assert [due(m, date(2026, month, 1)) for month in (4, 5, 8, 9)] == [60_000, 70_000, 70_000, 25_000]


def test_a_reduction_that_ends_in_june() -> None:
    half = Decision(1, DecisionKind.REDUCE, 50, DecisionReason.HARDSHIP, date(2026, 3, 1), date(2026, 6, 1), "05-QĐ")
    m = member(1, decisions=(half,))
    months = [due(m, date(2026, month, 1)) for month in range(2, 9)]
    assert months == [11_100, 5_600, 5_600, 5_600, 5_600, 11_100, 11_100]  # 11.100 × 50 % = 5.550 → 5.600
    calc = DuesCalculator(rules())
    assert calc.due(m, date(2026, 4, 1)).mark == ExemptMark.REDUCED


@pytest.mark.parametrize(("percent", "expected"), [(30, 7_800), (50, 5_600), (70, 3_300)])
def test_reductions_of_30_50_70_percent(percent: int, expected: int) -> None:
    cut = Decision(1, DecisionKind.REDUCE, percent, DecisionReason.POOR_HOUSEHOLD, MARCH, MARCH)
    assert due(member(1, decisions=(cut,))) == expected  # 7.770 → 7.800; 5.550 → 5.600; 3.330 → 3.300


def test_an_exemption_by_decision_and_the_social_pension_without_end() -> None:
    ill = Decision(1, DecisionKind.EXEMPT, 100, DecisionReason.SERIOUS_ILLNESS, MARCH, date(2026, 8, 1))
    pension = Decision(2, DecisionKind.EXEMPT, 100, DecisionReason.SOCIAL_PENSION, MARCH, None)
    calc = DuesCalculator(rules())
    sick = calc.due(member(1, decisions=(ill,)), MARCH)
    assert (sick.due, sick.mark, sick.exempt) == (0, ExemptMark.DECISION, True)
    assert calc.due(member(1, decisions=(ill,)), date(2026, 9, 1)).due == 11_100
    assert calc.due(member(2, decisions=(pension,)), date(2030, 1, 1)).due == 0


def test_a_member_turning_50_years_of_party_age_in_june() -> None:
    veteran = member(1, born=date(1950, 1, 2), admitted=date(1976, 6, 15))
    calc = DuesCalculator(rules())
    may, june = calc.due(veteran, date(2026, 5, 1)), calc.due(veteran, date(2026, 6, 1))
    assert (may.due, may.mark) == (7_400, None)  # retired "other", region IV: 0,2 % of 3.700.000
    assert (june.due, june.mark) == (0, ExemptMark.PARTY_AGE)
    assert calc.due(veteran, date(2027, 1, 1)).due == 0


def test_party_age_counts_from_the_admission_decision_less_suspensions() -> None:
    # Admitted 15/06/1976 but suspended for a year: 50 years are reached a year later.
    m = DuesMember(
        1,
        "Lê Văn Ba",
        "M",
        date(1950, 1, 2),
        PartyAge(date(1976, 6, 15), 365),
        (StatusEvent(EventKind.ADMITTED, date(1976, 6, 15)),),
    )
    calc = DuesCalculator(rules())
    assert calc.due(m, date(2026, 6, 1)).due == 7_400
    assert calc.due(m, date(2027, 6, 1)).due == 0


def test_retirement_age_follows_the_yearly_roadmap() -> None:
    book = rules()
    rule = book.get("dues.retirement_age", date(2026, 1, 1))
    assert retirement_date(rule, "M", date(1965, 3, 10)) == date(2026, 9, 10)  # 61 years 6 months in 2026
    assert retirement_date(rule, "F", date(1969, 5, 20)) == date(2026, 5, 20)  # 57 years in 2026
    assert retirement_date(rule, "M", date(1958, 1, 1)) == date(2018, 1, 1)  # 60 before the roadmap
    assert retirement_date(rule, "F", date(1990, 1, 1)) == date(2050, 1, 1)  # 60 at the end of it
    man = member(1, born=date(1965, 3, 10))
    assert [due(man, date(2026, month, 1)) for month in (8, 9)] == [11_100, 7_400]


def test_retirement_dates_are_those_of_trying_every_year_from_forty() -> None:
    """retirement_date starts at the first year the roadmap's lowest age could be reached: the same days as
    trying each year from the 40th birthday, for births across the roadmap and its ends."""
    rule = rules().get("dues.retirement_age", date(2026, 1, 1))

    def tried(gender: str, birth: date) -> date | None:
        for year in range(birth.year + 40, birth.year + 90):
            reached = add_months(birth, retirement_months(rule, gender, year))
            if reached.year <= year:
                return reached
        return None

    births = [date(year, month, day) for year in range(1940, 2001, 3) for month, day in ((1, 1), (7, 31), (12, 31))]
    for gender in ("M", "F"):
        assert [retirement_date(rule, gender, b) for b in births] == [tried(gender, b) for b in births]


def test_members_away_pay_where_they_are_and_attached_members_pay_here() -> None:
    away = member(1, events=(StatusEvent(EventKind.AWAY, date(2026, 3, 10), date(2026, 5, 31)),))
    assert [due(away, date(2026, month, 1)) for month in (2, 3, 5, 6)] == [11_100, 0, 0, 11_100]
    attached = DuesMember(
        2, "Kim Văn Sơn", "M", date(1985, 1, 1), PartyAge(date(2005, 1, 1)),
        (StatusEvent(EventKind.ATTACHED_IN, date(2026, 4, 2), date(2026, 12, 31)),),
    )  # fmt: skip
    assert [due(attached, date(2026, month, 1)) for month in (3, 4)] == [0, 11_100]
    left = member(3, events=(StatusEvent(EventKind.TRANSFERRED_OUT, date(2026, 7, 20)),))
    assert [due(left, date(2026, month, 1)) for month in (6, 7)] == [11_100, 0]


def test_a_higher_amount_the_member_chose_replaces_a_lower_rate() -> None:
    generous = member(1, settings=setting(Category.OTHER, pledged=20_000))
    calc = DuesCalculator(rules())
    month = calc.due(generous, MARCH)
    assert (month.due, month.by_rule, month.pledged) == (20_000, 11_100, True)


def test_rounding_is_a_rule() -> None:
    assert round_amount(15_930, 1, 100, "nearest") == 15_900
    assert round_amount(15_950, 1, 100, "nearest") == 16_000
    assert round_amount(15_901, 1, 100, "up") == 16_000
    assert round_amount(15_999, 1, 100, "down") == 15_900
    region_one = member(1, settings=setting(Category.OTHER, region=1))
    assert due(region_one, MARCH, RuleValue("dues.rounding", {"step": 1, "mode": "nearest"}, MARCH)) == 15_930
    assert due(region_one, MARCH, RuleValue("dues.rounding", {"step": 1000, "mode": "up"}, MARCH)) == 16_000


def test_typed_rule_values_that_cannot_work_are_refused() -> None:
    assert rule_problem("dues.rates", {"salary": {"rate": 100}}) is not None
    assert rule_problem("dues.minimum_wage", {"I": 1, "II": 2, "III": 3}) is not None
    assert rule_problem("dues.minimum_wage", {"I": 1, "II": 2, "III": 3, "IV": 4}) is None
    assert rule_problem("dues.region", 5) is not None
    assert rule_problem("dues.rounding", {"step": 0}) is not None
    assert rule_problem("dues.book_start", 202613) is not None
    assert rule_problem("dues.book_start", 202601) is None
    assert rule_problem("dues.rates", "1%") is not None


def test_months_are_read_as_people_type_them() -> None:
    from chibo_desktop.domain.dues import parse_month

    assert parse_month("03/2026") == parse_month("3-2026") == parse_month("2026-03") == date(2026, 3, 1)
    assert parse_month("  ") is None
    for bad in ("13/2026", "3/26", "tháng 3", "3/2026/1"):
        with pytest.raises(ValueError):
            parse_month(bad)


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (0, "Không đồng"),
        (5_000, "Năm nghìn đồng"),
        (15_900, "Mười lăm nghìn chín trăm đồng"),
        (21_000, "Hai mươi mốt nghìn đồng"),
        (105_000, "Một trăm lẻ năm nghìn đồng"),
        (1_005_000, "Một triệu không trăm lẻ năm nghìn đồng"),
        (1_000_000, "Một triệu đồng"),
        (44_400, "Bốn mươi bốn nghìn bốn trăm đồng"),
        (2_000_015_000, "Hai tỷ không trăm mười lăm nghìn đồng"),
    ],
)
def test_amounts_in_words_for_receipts(amount: int, text: str) -> None:
    from chibo_desktop.domain.formatting import money_in_words

    assert money_in_words(amount) == text
