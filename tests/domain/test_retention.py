from datetime import datetime, timedelta

from chibo_desktop.domain.retention import Retention


def test_a_year_of_daily_backups_keeps_7_daily_4_weekly_12_monthly() -> None:
    start = datetime(2025, 11, 23, 17, 0)
    stamps = [start + timedelta(days=n) for n in range(365)]
    kept = Retention().keep(stamps)
    newest = stamps[-1]
    assert newest in kept
    assert {s.date() for s in stamps[-7:]} <= {s.date() for s in kept}
    assert stamps[-8] not in kept or stamps[-8].isocalendar()[:2] != stamps[-7].isocalendar()[:2]
    months = {(s.year, s.month) for s in kept}
    assert len(months) == 12
    assert len(kept) <= 7 + 4 + 12


def test_the_newest_of_a_day_is_the_one_kept() -> None:
    morning, evening = datetime(2026, 11, 22, 8), datetime(2026, 11, 22, 18)
    assert Retention().keep([morning, evening]) == {evening}


def test_a_gap_of_weeks_still_keeps_the_last_seven_days_that_have_backups() -> None:
    stamps = [datetime(2026, 1, 1) + timedelta(days=10 * n) for n in range(20)]
    kept = Retention().keep(stamps)
    assert set(stamps[-7:]) <= kept
