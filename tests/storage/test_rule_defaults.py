"""A rule's default is declared once, beside its key (domain/rules.py); the migrations that seed a new database
must say the same, and the printed page's defaults must be the rule's."""

from chibo_desktop.domain.rules import KEYS, RuleValue
from chibo_desktop.reports.layout import DocumentStyle
from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.db import Database


def test_a_new_database_is_seeded_with_the_declared_defaults(db: Database) -> None:
    """What the migrations seed, before the setup (which adds a new branch's own dues book start)."""
    book = Services.build(db).rules.book()
    names = book.keys()  # a RuleBook, not a dict
    seeded = {key: book.history(key) for key in names}
    assert sorted(seeded) == sorted(KEYS)
    for key, spec in KEYS.items():
        later = [RuleValue(key, value, since, source) for since, value, source in spec.then]
        assert seeded[key] == [RuleValue(key, spec.default, spec.since, spec.source), *later], key


def test_the_attendance_bar_is_85_percent_until_the_branch_changes_it(services: Services) -> None:
    assert KEYS["meeting.quality_bar_percent"].default == 85
    assert services.meetings.rules(KEYS["meeting.quality_bar_percent"].since).bar == 0.85


def test_the_page_layout_defaults_are_the_rules(services: Services) -> None:
    assert DocumentStyle.from_setting(KEYS["document.layout"].default) == DocumentStyle()
