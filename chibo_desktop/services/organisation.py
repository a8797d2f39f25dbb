"""This database's own setup: which level it keeps (a branch, or a committee above branches), its name, the
level above, the place name for documents, its hamlets."""

from datetime import date

from chibo_desktop.domain.dates import screen_date
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message
from chibo_desktop.domain.organisation import Level, Organisation, OrganisationSetup
from chibo_desktop.domain.rules import RuleValue
from chibo_desktop.domain.text import hidden_characters
from chibo_desktop.services.changes import Change, Topic
from chibo_desktop.storage import member_queries
from chibo_desktop.storage.db import Database


class OrganisationService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self) -> Organisation | None:
        with self._db.read() as session:
            return member_queries.load_organisation(session)

    def require(self) -> Organisation:
        organisation = self.get()
        if organisation is None:
            raise UserError(
                Message(
                    "Setup",
                    QT_TRANSLATE_NOOP(
                        "Setup", "The branch has not been set up yet. Open the app once and fill in the setup."
                    ),
                )
            )
        return organisation

    def require_own_records(self) -> Organisation:
        """The organisation, for a write to the roster, the meetings or the funds: refused at a committee, whose
        records of its branches come in their packages and are only read there."""
        organisation = self.require()
        if organisation.is_committee:
            raise UserError(
                Message(
                    "Setup",
                    QT_TRANSLATE_NOOP(
                        "Setup",
                        "This database is kept by a committee: the branches' members, meetings and funds come in "
                        "their packages and are read-only here. Changes are made at the branch and sent up again.",
                    ),
                )
            )
        return organisation

    def save(self, setup: OrganisationSetup) -> Change:
        """The first setup, or a later edit of the names and hamlets; the level is chosen once, at the first."""
        clean = setup.normalised()
        typed = {"branch_name": setup.branch_name, "upper_name": setup.upper_name, "place_name": setup.place_name}
        errors = {**clean.errors(), **hidden_characters({**typed, "hamlets": "\n".join(setup.hamlet_names)})}
        if errors:
            raise UserError(Message("Setup", QT_TRANSLATE_NOOP("Setup", "Some fields need attention.")), errors)
        with self._db.write() as session:
            current = member_queries.load_organisation(session)
            if current is not None and current.level != clean.level:
                raise UserError(
                    Message(
                        "Setup",
                        QT_TRANSLATE_NOOP(
                            "Setup",
                            "The level of a database is chosen when it is set up and cannot be changed. "
                            "For the other level, set up a new database.",
                        ),
                    ),
                    {"level": Message("Setup", QT_TRANSLATE_NOOP("Setup", "Keep the level it was set up with."))},
                )
            member_queries.save_organisation(session, clean)
            if current is None and clean.level == Level.BRANCH:
                member_queries.save_rule_value(session, self._book_start(clean.dues_from))
        return Change.of(Topic.ORGANISATION)

    def _book_start(self, dues_from: date | None) -> RuleValue:
        """The dated rule row of a new branch's dues book: from the month it is set up in the app (or the month the
        setup names), in force from today. The rule's value before today (the first months of Quy định 01-QĐ/TW, as
        the first release seeded it) stays for the databases set up before it."""
        today = self._db.clock.today()
        first = dues_from or today
        return RuleValue(
            "dues.book_start",
            first.year * 100 + first.month,
            today,
            f"Chi bộ bắt đầu ghi sổ đảng phí trong chương trình từ tháng {first.month:02d}/{first.year} "
            f"(thiết lập ngày {screen_date(today)}); các tháng trước đó ghi trên sổ giấy",
        )
