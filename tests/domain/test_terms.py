"""Periods of any length and named terms (nhiệm kỳ): reading them, refusing what names no period, in words."""

from datetime import date

import pytest

from chibo_desktop.domain.dates import PeriodError, parse_period
from chibo_desktop.domain.terms import Term, TermDraft, target_progress


def test_a_range_of_days_in_either_form() -> None:
    iso = parse_period("2020-09-01..2025-06-30")
    assert (iso.start, iso.end, iso.label) == (date(2020, 9, 1), date(2025, 6, 30), "2020-09-01..2025-06-30")
    dmy = parse_period(" 01/09/2020 .. 30/06/2025 ")
    assert (dmy.start, dmy.end) == (iso.start, iso.end)
    assert parse_period("01/09/2020 đến 30/06/2025").end == date(2025, 6, 30)
    assert parse_period("2024-05-01 – 2024-05-01").start == date(2024, 5, 1)  # a single day is a period
    assert parse_period("2024-05").end == date(2024, 5, 31)  # a month is still a month, not a range


def test_a_range_that_ends_first_says_so() -> None:
    with pytest.raises(PeriodError) as caught:
        parse_period("2025-06-30..2020-09-01")
    assert caught.value.message.render() == (
        "The period ends (01/09/2020) before it starts (30/06/2025): put the first day first, e.g. "
        "01/09/2020..30/06/2025."
    )


def test_a_range_with_an_impossible_day_names_the_day() -> None:
    with pytest.raises(PeriodError) as caught:
        parse_period("2020-09-01..31/02/2025")
    text = caught.value.message.render()
    assert "“31/02/2025”" in text and "There is no day 31 in 02/2025" in text
    with pytest.raises(PeriodError):
        parse_period("2020..2025")  # bare numbers are not days


def test_a_term_is_a_period_named_by_its_name() -> None:
    term = Term(1, "Nhiệm kỳ 2020–2025", date(2020, 9, 1), date(2025, 6, 30), 45)
    assert term.period.label == "Nhiệm kỳ 2020–2025"
    assert term.period.contains(date(2023, 1, 1)) and not term.period.contains(date(2025, 7, 1))
    assert term.matches("nhiem ky 2020-2025") and term.matches("NHIỆM KỲ  2020—2025")
    assert not term.matches("Nhiệm kỳ 2025–2030")


def test_a_term_draft_is_checked_field_by_field() -> None:
    old = Term(1, "Nhiệm kỳ 2015–2020", date(2015, 9, 1), date(2020, 8, 31), None)
    ok = TermDraft("Nhiệm kỳ 2020–2025", date(2020, 9, 1), date(2025, 6, 30), 45).normalised()
    assert ok.errors((old,)) == {}
    assert set(TermDraft("", None, None).errors()) == {"name", "start", "end"}
    assert set(TermDraft("X", date(2025, 1, 1), date(2020, 1, 1)).errors()) == {"end"}
    overlap = TermDraft("Y", date(2020, 8, 1), date(2025, 1, 1)).errors((old,))
    assert "Nhiệm kỳ 2015–2020" in overlap["start"].render()
    assert set(TermDraft("nhiem ky 2015-2020", date(2030, 1, 1), date(2031, 1, 1)).errors((old,))) == {"name"}
    assert set(TermDraft("Z", date(2030, 1, 1), date(2031, 1, 1), -1).errors()) == {"admissions_target"}


def test_admissions_against_the_target_as_reports_say_it() -> None:
    over = target_progress(46, 40)
    assert over is not None and over.render() == "46 new members, 15% over the target of 40"
    under = target_progress(36, 40)
    assert under is not None and under.render() == "36 new members, 90% of the target of 40"
    assert target_progress(10, None) is None
