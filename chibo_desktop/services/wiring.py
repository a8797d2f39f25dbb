"""All services on one database, wired once: the GUI's composition root and the CLI both build this."""

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import PlatformDirs

from chibo_desktop.domain.clock import Clock
from chibo_desktop.services.access import AccessService
from chibo_desktop.services.members import MemberService
from chibo_desktop.services.organisation import OrganisationService
from chibo_desktop.services.rules import RulesService
from chibo_desktop.services.terms import TermService
from chibo_desktop.storage.db import Database

if TYPE_CHECKING:
    from chibo_desktop.services.admissions import AdmissionService
    from chibo_desktop.services.audit import AuditService
    from chibo_desktop.services.backups import BackupService
    from chibo_desktop.services.conflicts import ConflictService
    from chibo_desktop.services.dues import DuesService
    from chibo_desktop.services.exchange import ExchangeService
    from chibo_desktop.services.funds import FundService
    from chibo_desktop.services.meetings import MeetingService
    from chibo_desktop.services.printing import Printer
    from chibo_desktop.services.review import ReviewService
    from chibo_desktop.services.roster_io import RosterIO
    from chibo_desktop.services.stats import StatsService
    from chibo_desktop.services.working_days import HolidayService


def backup_folder(db: Database) -> Path:
    """Beside the data file; a server's database has no file beside it: this user's data folder then (the
    server's own backups are its administrator's, through pg_dump)."""
    if db.server:
        return Path(PlatformDirs("chibo-desktop", appauthor=False).user_data_dir) / "backups"
    return db.path.parent / "backups"


@dataclass(frozen=True)
class Services:
    """The services a screen or a command needs from the start are made at once; the meetings, the fund, the dues,
    the review, the admissions, the backups, the holidays, the conflicts, the printing table, the exchange, the
    stats, the log of changes and the roster files are made (and their modules loaded) when first used: the roster
    shows without them, most commands never touch most of them, and loading them all cost a start about 0.15 s."""

    db: Database
    clock: Clock
    organisation: OrganisationService
    rules: RulesService
    members: MemberService
    access: AccessService
    terms: TermService

    @staticmethod
    def build(db: Database) -> "Services":
        """The services on *db*, reading the day from the database's clock (one clock for every write)."""
        clock = db.clock
        organisation = OrganisationService(db)
        rules = RulesService(db)
        return Services(
            db=db,
            clock=clock,
            organisation=organisation,
            rules=rules,
            members=MemberService(db, rules, organisation, clock),
            access=AccessService(db),
            terms=TermService(db, organisation),
        )

    @cached_property
    def meetings(self) -> "MeetingService":
        from chibo_desktop.services.meetings import MeetingService

        return MeetingService(self.db, self.rules, self.organisation, self.clock)

    @cached_property
    def funds(self) -> "FundService":
        from chibo_desktop.services.funds import FundService

        return FundService(self.db, self.organisation, self.clock)

    @cached_property
    def dues(self) -> "DuesService":
        from chibo_desktop.services.dues import DuesService

        return DuesService(self.db, self.organisation, self.clock)

    @cached_property
    def review(self) -> "ReviewService":
        from chibo_desktop.services.review import ReviewService

        return ReviewService(self.db, self.rules, self.members, self.meetings, self.dues, self.organisation, self.clock)

    @cached_property
    def admissions(self) -> "AdmissionService":
        from chibo_desktop.services.admissions import AdmissionService

        return AdmissionService(self.db, self.rules, self.members, self.organisation, self.clock)

    @cached_property
    def backups(self) -> "BackupService":
        from chibo_desktop.services.backups import BackupService

        return BackupService(self.db, backup_folder(self.db))

    @cached_property
    def holidays(self) -> "HolidayService":
        from chibo_desktop.services.working_days import HolidayService

        return HolidayService(self.db)

    @cached_property
    def conflicts(self) -> "ConflictService":
        from chibo_desktop.services.conflicts import ConflictService

        return ConflictService(self.db)

    @cached_property
    def exchange(self) -> "ExchangeService":
        from chibo_desktop.services.exchange import ExchangeService

        return ExchangeService(
            self.db, self.organisation, self.clock, self._minutes_pdf, self.access, self.dues.package_figures
        )

    def _minutes_pdf(self, meeting_id: int) -> bytes:
        """The approved minutes a package carries."""
        from chibo_desktop.services import printing

        return self.printer.pdf_bytes(printing.MINUTES, meeting_id)

    @cached_property
    def stats(self) -> "StatsService":
        from chibo_desktop.services.received import Received
        from chibo_desktop.services.stats import StatsService
        from chibo_desktop.services.unit_figures import UnitFigures

        return StatsService(
            self.members,
            self.meetings,
            self.funds,
            self.organisation,
            Received(self.db),
            self.dues,
            self.review,
            UnitFigures(self.db),
            self.rules,
        )

    @cached_property
    def audit(self) -> "AuditService":
        from chibo_desktop.services.audit import AuditService

        return AuditService(self.db)

    @cached_property
    def printer(self) -> "Printer":
        from chibo_desktop.services.printing import Printer

        return Printer(
            self.organisation,
            self.rules,
            self.members,
            self.meetings,
            self.funds,
            self.dues,
            lambda: self.stats,
            lambda: self.audit,
            self.clock,
            self.review,
        )

    @cached_property
    def roster_io(self) -> "RosterIO":
        from chibo_desktop.services.roster_io import RosterIO

        return RosterIO(self.db, self.members, self.organisation)

    def today(self) -> date:
        return self.clock.today()
