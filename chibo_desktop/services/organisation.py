"""The branch's own setup: its name, the level above, the place name for documents, its hamlets."""

from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message
from chibo_desktop.domain.organisation import Organisation, OrganisationSetup
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

    def save(self, setup: OrganisationSetup) -> Change:
        clean = setup.normalised()
        errors = clean.errors()
        if errors:
            raise UserError(Message("Setup", QT_TRANSLATE_NOOP("Setup", "Some fields need attention.")), errors)
        with self._db.write() as session:
            member_queries.save_organisation(session, clean)
        return Change.of(Topic.ORGANISATION)
