"""Working days: Monday to Friday, less the public holidays (Tết by the lunar calendar, 30/4, 1/5, 2/9 …, and the
substitute days the government announces). The holidays are dated rows the user can edit; the ``holidays``
package gives their first values, in Vietnamese."""

from datetime import date

SEED_YEARS = range(1990, 2046)  # back to the oldest probation a roster still asks about, and two decades ahead
SEED_SOURCE = "seed"


def published_holidays(years: range = SEED_YEARS) -> list[tuple[date, str]]:
    """Vietnam's public holidays of *years* as the ``holidays`` package knows them (names in Vietnamese). The
    package is loaded here, by the one migration that seeds the rows: its import costs a start 30-50 ms."""
    import holidays

    found = holidays.country_holidays("VN", years=list(years), language="vi")
    return sorted((day, str(name)) for day, name in found.items())


def working_days_between(start: date, end: date, off: frozenset[date] = frozenset()) -> int:
    """Working days after *start* up to and including *end* (0 when *end* is not after *start*)."""
    count = 0
    day = start.toordinal() + 1
    while day <= end.toordinal():
        current = date.fromordinal(day)
        if current.weekday() < 5 and current not in off:
            count += 1
        day += 1
    return count
