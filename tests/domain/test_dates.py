from datetime import date

import pytest

from chibo_desktop.domain.dates import (
    ImpossibleDateError,
    add_months,
    add_working_days,
    date_problem,
    document_date,
    parse_date,
    parse_period,
)


@pytest.mark.parametrize("text", ["05/02/1970", "5-2-1970", "5.2.1970", " 5/2/1970 ", "1970-02-05", 25604])
def test_reads_the_ways_people_write_a_date(text: object) -> None:
    assert parse_date(text) == date(1970, 2, 5)


@pytest.mark.parametrize("text", ["31/02/1990", "hôm qua", "1970/13/01"])
def test_refuses_what_is_not_a_date(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text)


def test_document_date_has_leading_zeros_for_small_days_and_months_one_and_two() -> None:
    assert document_date(date(2024, 2, 5)) == "ngày 05 tháng 02 năm 2024"
    assert document_date(date(2024, 1, 15)) == "ngày 15 tháng 01 năm 2024"
    assert document_date(date(2024, 6, 10)) == "ngày 10 tháng 6 năm 2024"
    assert document_date(date(2024, 12, 3)) == "ngày 03 tháng 12 năm 2024"


def test_periods() -> None:
    q2 = parse_period("2024-Q2")
    assert (q2.start, q2.end) == (date(2024, 4, 1), date(2024, 6, 30))
    may = parse_period("2024-05")
    assert (may.start, may.end) == (date(2024, 5, 1), date(2024, 5, 31))
    assert parse_period("2024").end == date(2024, 12, 31)
    with pytest.raises(ValueError):
        parse_period("2024-13")


def test_month_arithmetic_clips_to_month_end() -> None:
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2025, 12, 1), 12) == date(2026, 12, 1)


def test_working_days_skip_weekends() -> None:
    friday = date(2026, 11, 20)
    assert add_working_days(friday, 1) == date(2026, 11, 23)  # Monday
    assert add_working_days(friday, 5) == date(2026, 11, 27)
    assert add_working_days(friday, 1, frozenset({date(2026, 11, 23)})) == date(2026, 11, 24)


def test_a_date_that_does_not_exist_is_told_apart_from_a_badly_written_one() -> None:
    with pytest.raises(ImpossibleDateError) as no_day:
        parse_date("31/02/1975")
    assert date_problem(no_day.value).render() == "There is no day 31 in 02/1975 (that month has 28 days)."
    with pytest.raises(ImpossibleDateError) as leap:
        parse_date("2024-02-30")
    assert "has 29 days" in date_problem(leap.value).render()
    with pytest.raises(ImpossibleDateError) as month_first:
        parse_date("12/25/1980")
    assert date_problem(month_first.value).render().startswith("There is no month 25. Write the day first")
    with pytest.raises(ImpossibleDateError) as early:
        parse_date("05/02/0197")
    assert "0197" not in date_problem(early.value).render() and "197" in date_problem(early.value).render()
    with pytest.raises(ValueError) as scrawl:
        parse_date("5 tháng 2")
    assert date_problem(scrawl.value).render() == "Write the date as dd/mm/yyyy, for example 05/02/1970."
    assert parse_date("29/02/2024") == date(2024, 2, 29)
