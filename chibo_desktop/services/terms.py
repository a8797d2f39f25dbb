"""The branch's terms (nhiệm kỳ), set in its setup, and the periods the user can name: a year, a quarter, a
month, any range of days, or a term by its name."""

from datetime import date

from chibo_desktop.domain.dates import Period
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, messages
from chibo_desktop.domain.terms import Term, TermDraft, period_of
from chibo_desktop.domain.text import hidden_characters
from chibo_desktop.services.changes import Change, Topic
from chibo_desktop.services.organisation import OrganisationService
from chibo_desktop.storage import term_queries
from chibo_desktop.storage.db import Database

_msg = messages("Term")


class TermService:
    def __init__(self, db: Database, organisation: OrganisationService) -> None:
        self._db = db
        self._organisation = organisation

    def terms(self) -> tuple[Term, ...]:
        """The terms set up, oldest first (none before the setup)."""
        organisation = self._organisation.get()
        if organisation is None:
            return ()
        with self._db.read() as session:
            return term_queries.load_terms(session, organisation.branch_id)

    def term_of(self, period: Period) -> Term | None:
        """The term whose dates are exactly *period*'s (so a report over a term can give its target)."""
        return next((t for t in self.terms() if (t.start, t.end) == (period.start, period.end)), None)

    def save(self, draft: TermDraft, term_id: int | None = None) -> Change:
        """Add a term, or change the one *term_id* names. Refused, field by field, when a name is missing or
        used twice, a date is missing, the term ends before it starts or overlaps another."""
        organisation = self._organisation.require()
        hidden = hidden_characters({"name": draft.name, "note": draft.note})  # as typed: nothing dropped unseen
        if hidden:
            raise UserError(
                _msg(QT_TRANSLATE_NOOP("Term", "The term was not saved: some fields need attention.")), hidden
            )
        clean = draft.normalised()
        with self._db.write() as session:
            others = tuple(t for t in term_queries.load_terms(session, organisation.branch_id) if t.id != term_id)
            errors = clean.errors(others)
            if errors:
                raise UserError(
                    _msg(QT_TRANSLATE_NOOP("Term", "The term was not saved: some fields need attention.")), errors
                )
            saved = term_queries.save_term(session, organisation.branch_id, clean, term_id)
        return Change.of(Topic.TERMS, saved)

    def delete(self, term_id: int) -> Change:
        with self._db.write() as session:
            term_queries.delete_term(session, term_id)
        return Change.of(Topic.TERMS, term_id)

    def period(self, text: str) -> Period:
        """What the user wrote as a period (see :func:`domain.terms.period_of`): ``UserError`` in words if none."""
        return period_of(text, self.terms())

    def choices(self, today: date) -> list[Period]:
        """The terms as periods, newest first, for a period chooser (a term not yet begun is left out)."""
        return [t.period for t in reversed(self.terms()) if t.start <= today]
