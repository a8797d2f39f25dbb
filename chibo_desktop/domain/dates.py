"""Dates the Vietnamese way: reading what people type or paste, writing what documents print."""

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message

_DMY = re.compile(r"^\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?\s*$")
_EXCEL_EPOCH = date(1899, 12, 30)
EARLIEST_YEAR = 1900  # no member, meeting or decision is older; an earlier year is a typing slip


class ImpossibleDateError(ValueError):
    """Written the right way round, but no such day: 31/02/1975, 05/13/1980, 05/02/0197."""

    def __init__(self, text: str, day: int, month: int, year: int) -> None:
        super().__init__(text)
        self.day, self.month, self.year = day, month, year


def _day(text: str, year: int, month: int, day: int) -> date:
    if not 1 <= month <= 12 or year < EARLIEST_YEAR or not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise ImpossibleDateError(text, day, month, year)
    return date(year, month, day)


def _msg(text: str, **args: object) -> Message:
    return Message("Validation", text, dict(args))


BAD_DATE = _msg(QT_TRANSLATE_NOOP("Validation", "Write the date as dd/mm/yyyy, for example 05/02/1970."))


def date_problem(error: ValueError) -> Message:
    """What is wrong with a date that could not be read, in words: the month has no such day, there is no such
    month, the year is too early — or, when it is none of these, the form to write it in."""
    if not isinstance(error, ImpossibleDateError):
        return BAD_DATE
    if not 1 <= error.month <= 12:
        return _msg(
            QT_TRANSLATE_NOOP(
                "Validation",
                "There is no month {month}. Write the day first, then the month: dd/mm/yyyy, for example 05/02/1970.",
            ),
            month=error.month,
        )
    if error.year < EARLIEST_YEAR:
        return _msg(
            QT_TRANSLATE_NOOP("Validation", "The year {year} is too early: check it (all four digits, e.g. 1970)."),
            year=error.year,
        )
    return _msg(
        QT_TRANSLATE_NOOP("Validation", "There is no day {day} in {month}/{year} (that month has {days} days)."),
        day=error.day,
        month=f"{error.month:02d}",
        year=error.year,
        days=calendar.monthrange(error.year, error.month)[1],
    )


# Month labels of screens (registers, charts) in the interface language: "Jan" in English, "T1" (tháng 1) in
# Vietnamese. Printed documents write their own Vietnamese.
MONTH_LABELS = (
    QT_TRANSLATE_NOOP("Month", "Jan"),
    QT_TRANSLATE_NOOP("Month", "Feb"),
    QT_TRANSLATE_NOOP("Month", "Mar"),
    QT_TRANSLATE_NOOP("Month", "Apr"),
    QT_TRANSLATE_NOOP("Month", "May"),
    QT_TRANSLATE_NOOP("Month", "Jun"),
    QT_TRANSLATE_NOOP("Month", "Jul"),
    QT_TRANSLATE_NOOP("Month", "Aug"),
    QT_TRANSLATE_NOOP("Month", "Sep"),
    QT_TRANSLATE_NOOP("Month", "Oct"),
    QT_TRANSLATE_NOOP("Month", "Nov"),
    QT_TRANSLATE_NOOP("Month", "Dec"),
)


def parse_date(value: object) -> date | None:
    """A date from a cell or a typed text: 05/02/1970, 5-2-1970, 5.2.1970, 1970-02-05, an Excel serial.

    Day first always (Vietnamese order). Empty input gives ``None``; anything unreadable raises ``ValueError``,
    and digits that name no day (31/02/1975) its subclass :class:`ImpossibleDateError`.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 2958466:
            return _EXCEL_EPOCH + timedelta(days=int(value))
        raise ValueError(str(value))
    text = str(value).strip()
    if not text:
        return None
    m = _DMY.match(text)
    if m:
        return _day(text, int(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = _ISO.match(text)
    if m:
        return _day(text, int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if text.isdigit():
        return parse_date(int(text))
    raise ValueError(text)


def screen_date(value: date | None) -> str:
    """10/06/2024: the on-screen form."""
    return value.strftime("%d/%m/%Y") if value else ""


def screen_time(value: datetime, seconds: bool = False) -> str:
    """10/06/2024 19:30 (with seconds: 19:30:05): a moment on screen, in a log or a message."""
    return f"{screen_date(value)} {value.strftime('%H:%M:%S' if seconds else '%H:%M')}"


def document_date(value: date) -> str:
    """ "ngày 05 tháng 02 năm 2024": days below 10 and the months 1 and 2 take a leading zero."""
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"


def add_months(start: date, months: int) -> date:
    """The same day *months* later, clipped to the month's end (31/01 + 1 month → 28 or 29/02)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def add_years(start: date, years: int) -> date:
    return add_months(start, 12 * years)


def add_working_days(start: date, days: int, holidays: frozenset[date] = frozenset()) -> date:
    """The date *days* working days (Monday–Friday, not a listed holiday) after *start*."""
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if current.weekday() < 5 and current not in holidays:
            remaining -= 1
    return current


@dataclass(frozen=True)
class Period:
    """A reporting period, inclusive at both ends: a year, a quarter, a month, any range of days, or a named term
    (nhiệm kỳ), whose label is its name."""

    start: date
    end: date
    label: str

    def contains(self, day: date | None) -> bool:
        return day is not None and self.start <= day <= self.end


_PERIOD = re.compile(r"^(\d{4})(?:-(?:Q([1-4])|(\d{1,2})))?$", re.IGNORECASE)


_RANGE = re.compile(r"^\s*(.+?)\s*(?:\.\.|…|\s[–—-]\s|\s+đến\s+|\s+to\s+)\s*(.+?)\s*$", re.IGNORECASE)


class PeriodError(ValueError):
    """A period that cannot be read, with what is wrong in words (``message``)."""

    def __init__(self, text: str, message: Message) -> None:
        super().__init__(text)
        self.message = message


PERIOD_FORMS = QT_TRANSLATE_NOOP(
    "Validation",
    "Write a year (2024), a quarter (2024-Q2), a month (2024-05), a range of days (2020-09-01..2025-06-30 or "
    "01/09/2020..30/06/2025) or the name of a term set up in Nhiệm kỳ.",
)


def range_period(start: date, end: date, label: str = "") -> Period:
    """Any range of days: the end may not come before the start. The label defaults to the range itself."""
    if end < start:
        raise PeriodError(
            f"{start}..{end}",
            _msg(
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "The period ends ({end}) before it starts ({start}): put the first day first, e.g. "
                    "01/09/2020..30/06/2025.",
                ),
                start=screen_date(start),
                end=screen_date(end),
            ),
        )
    return Period(start, end, label or f"{start.isoformat()}..{end.isoformat()}")


def _range(text: str, first: str, last: str) -> Period:
    days: list[date] = []
    for which, part in (
        (QT_TRANSLATE_NOOP("Validation", "first"), first),
        (QT_TRANSLATE_NOOP("Validation", "last"), last),
    ):
        try:
            day = parse_date(part)
        except ValueError as error:
            raise PeriodError(
                text,
                _msg(
                    QT_TRANSLATE_NOOP(
                        "Validation", "The {which} day of the period, “{part}”, is not a date: {problem}"
                    ),
                    which=Message("Validation", which),
                    part=part,
                    problem=date_problem(error),
                ),
            ) from None
        if day is None or part.isdigit():  # a bare number is an Excel serial in a cell, not a typed day
            raise PeriodError(text, _msg(PERIOD_FORMS))
        days.append(day)
    return range_period(days[0], days[1])


def parse_period(text: str) -> Period:
    """ "2024", "2024-Q2", "2024-05" or a range of days "2020-09-01..2025-06-30" (also "01/09/2020..30/06/2025",
    "… đến …"); ``ValueError`` otherwise — :class:`PeriodError`, with a message in words, for a range that names
    no day or ends before it starts."""
    m = _RANGE.match(text)
    if m:
        return _range(text, m.group(1), m.group(2))
    m = _PERIOD.match(text.strip())
    if not m:
        raise ValueError(text)
    year = int(m.group(1))
    if m.group(2):
        quarter = int(m.group(2))
        start = date(year, 3 * quarter - 2, 1)
        end = add_months(start, 3) - timedelta(days=1)
        return Period(start, end, f"{year}-Q{quarter}")
    if m.group(3):
        month = int(m.group(3))
        if not 1 <= month <= 12:
            raise ValueError(text)
        start = date(year, month, 1)
        return Period(start, add_months(start, 1) - timedelta(days=1), f"{year}-{month:02d}")
    return Period(date(year, 1, 1), date(year, 12, 31), str(year))
