"""The public holidays: a dated table seeded from the ``holidays`` package, which the user may correct (a
substitute day the government moved, a local holiday). Working days are counted without them."""

from datetime import date

from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, messages
from chibo_desktop.domain.text import nfc
from chibo_desktop.services.changes import Change, Topic
from chibo_desktop.storage import term_queries
from chibo_desktop.storage.db import Database

_msg = messages("Holiday")


class HolidayService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def days(self) -> frozenset[date]:
        """Every holiday in the table, for counting working days."""
        with self._db.read() as session:
            return term_queries.holiday_days(session)

    def year(self, year: int) -> list[tuple[date, str, bool]]:
        """(day, name, seeded from the package) of *year*, in date order."""
        with self._db.read() as session:
            return term_queries.load_holidays(session, date(year, 1, 1), date(year, 12, 31))

    def save(self, on: date | None, name: str) -> Change:
        clean = nfc(name)
        errors = {}
        if on is None:
            errors["on"] = _msg(QT_TRANSLATE_NOOP("Holiday", "Write the day off as dd/mm/yyyy."))
        if not clean:
            errors["name"] = _msg(QT_TRANSLATE_NOOP("Holiday", "Name the holiday, e.g. Nghỉ bù Quốc khánh."))
        if errors or on is None:
            raise UserError(
                _msg(QT_TRANSLATE_NOOP("Holiday", "The holiday was not saved: some fields need attention.")), errors
            )
        with self._db.write() as session:
            term_queries.save_holiday(session, on, clean[:200])
        return Change.of(Topic.HOLIDAYS)

    def delete(self, on: date) -> Change:
        with self._db.write() as session:
            term_queries.delete_holiday(session, on)
        return Change.of(Topic.HOLIDAYS)
