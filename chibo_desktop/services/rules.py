"""Rule values with their dates: read them as a RuleBook, add a new value from a date."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from chibo_desktop.domain.dates import screen_date
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message
from chibo_desktop.domain.rule_shapes import rule_problem
from chibo_desktop.domain.rules import KEYS, RuleBook, RuleValue, parse_rule_value
from chibo_desktop.domain.text import nfc
from chibo_desktop.services.changes import Change, Topic
from chibo_desktop.storage import member_queries
from chibo_desktop.storage.db import Database


class RulesService:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._held: RuleBook | None = None

    def book(self) -> RuleBook:
        held = self._held
        if held is not None:
            return held
        with self._db.read() as session:
            return RuleBook(member_queries.load_rules(session))

    @contextmanager
    def held(self) -> Iterator[None]:
        """Read the rules once for the work inside (the figures of 81 branches ask for them hundreds of times);
        nothing inside may change a rule."""
        self._held = self.book()
        try:
            yield
        finally:
            self._held = None

    def set_value(self, key: str, text: str, valid_from: date, note: str = "") -> Change:
        """Record *text* as the value of *key* from *valid_from*; earlier values stay in force before it."""
        if key not in KEYS:
            raise UserError(Message("Rules", QT_TRANSLATE_NOOP("Rules", "Unknown setting: {key}."), {"key": key}))
        kind = KEYS[key].kind
        try:
            value = parse_rule_value(kind, text)
        except ValueError:
            hints = {
                "int": QT_TRANSLATE_NOOP("Rules", "“{text}” is not a valid value here. Write a whole number."),
                "int_list": QT_TRANSLATE_NOOP(
                    "Rules", "“{text}” is not a valid value here. Use whole numbers separated by commas."
                ),
                "str_list": QT_TRANSLATE_NOOP(
                    "Rules", "“{text}” is not a valid value here. Separate the names by commas."
                ),
                "bool": QT_TRANSLATE_NOOP("Rules", "“{text}” is not a valid value here. Write có or không."),
                "month": QT_TRANSLATE_NOOP(
                    "Rules", "“{text}” is not a valid value here. Write the month as mm/yyyy, for example 11/2026."
                ),
                "json": QT_TRANSLATE_NOOP(
                    "Rules", "“{text}” is not a valid value here. Keep the form of the current value."
                ),
            }
            raise UserError(
                Message("Rules", hints[kind], {"text": text}),
                {"value": Message("Rules", QT_TRANSLATE_NOOP("Rules", "Not a valid value."))},
            ) from None
        problem = rule_problem(key, value)
        if problem is not None:
            raise UserError(
                Message("Rules", problem), {"value": Message("Rules", QT_TRANSLATE_NOOP("Rules", "Not a valid value."))}
            )
        book = self.book()
        history = book.history(key)
        same_day = any(v.valid_from == valid_from for v in history)
        if history and not same_day and book.get(key, valid_from) == value:
            # a row clicked and applied unchanged would add the same value again (a note is changed on its own row)
            raise UserError(
                Message(
                    "Rules",
                    QT_TRANSLATE_NOOP(
                        "Rules",
                        "This rule already has this value on {date}: nothing was added. Type the new value, or the day it applies from.",
                    ),
                    {"date": screen_date(valid_from)},
                ),
                {"value": Message("Rules", QT_TRANSLATE_NOOP("Rules", "The same as the value in force."))},
            )
        with self._db.write() as session:
            member_queries.save_rule_value(session, RuleValue(key, value, valid_from, nfc(note)))
        return Change.of(Topic.RULES)
