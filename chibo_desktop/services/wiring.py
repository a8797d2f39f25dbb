"""All services on one database, wired once: the GUI's composition root and the CLI both build this."""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from platformdirs import PlatformDirs

from chibo_desktop.domain.clock import Clock
from chibo_desktop.services import printing
from chibo_desktop.services.access import AccessService
from chibo_desktop.services.admissions import AdmissionService
from chibo_desktop.services.audit import AuditService
from chibo_desktop.services.backups import BackupService
from chibo_desktop.services.conflicts import ConflictService
from chibo_desktop.services.dues import DuesService
from chibo_desktop.services.exchange import ExchangeService
from chibo_desktop.services.funds import FundService
from chibo_desktop.services.meetings import MeetingService
from chibo_desktop.services.members import MemberService
from chibo_desktop.services.organisation import OrganisationService
from chibo_desktop.services.printing import Printer
from chibo_desktop.services.review import ReviewService
from chibo_desktop.services.roster_io import RosterIO
from chibo_desktop.services.rules import RulesService
from chibo_desktop.services.stats import StatsService
from chibo_desktop.services.terms import TermService
from chibo_desktop.services.working_days import HolidayService
from chibo_desktop.storage.db import Database


def backup_folder(db: Database) -> Path:
    """Beside the data file; a server's database has no file beside it: this user's data folder then (the
    server's own backups are its administrator's, through pg_dump)."""
    if db.server:
        return Path(PlatformDirs("chibo-desktop", appauthor=False).user_data_dir) / "backups"
    return db.path.parent / "backups"


@dataclass(frozen=True)
class Services:
    db: Database
    clock: Clock
    organisation: OrganisationService
    rules: RulesService
    members: MemberService
    meetings: MeetingService
    funds: FundService
    dues: DuesService
    review: ReviewService
    admissions: AdmissionService
    exchange: ExchangeService
    roster_io: RosterIO
    stats: StatsService
    backups: BackupService
    audit: AuditService
    access: AccessService
    printer: Printer
    terms: TermService
    holidays: HolidayService
    conflicts: ConflictService

    @staticmethod
    def build(db: Database) -> "Services":
        """The services on *db*, reading the day from the database's clock (one clock for every write)."""
        clock = db.clock
        organisation = OrganisationService(db)
        rules = RulesService(db)
        members = MemberService(db, rules, organisation, clock)
        meetings = MeetingService(db, rules, organisation, clock)
        funds = FundService(db, organisation, clock)
        dues = DuesService(db, organisation, clock)
        review = ReviewService(db, rules, members, meetings, dues, organisation, clock)

        def minutes_pdf(meeting_id: int) -> bytes:
            """The approved minutes a package carries. The printer is made last (its report of all branches
            needs the stats, which need the exchange); a package is only ever made after that."""
            return printer.pdf_bytes(printing.MINUTES, meeting_id)

        access = AccessService(db)
        exchange = ExchangeService(db, organisation, clock, minutes_pdf, access, dues.package_figures)
        stats = StatsService(members, meetings, funds, organisation, exchange, dues, review, rules)
        audit = AuditService(db)
        printer = Printer(organisation, rules, members, meetings, funds, dues, stats, audit, clock, review)
        return Services(
            db=db,
            clock=clock,
            organisation=organisation,
            rules=rules,
            members=members,
            meetings=meetings,
            funds=funds,
            dues=dues,
            review=review,
            admissions=AdmissionService(db, rules, members, organisation, clock),
            exchange=exchange,
            roster_io=RosterIO(db, members, organisation),
            stats=stats,
            backups=BackupService(db, backup_folder(db)),
            audit=audit,
            printer=printer,
            access=access,
            terms=TermService(db, organisation),
            holidays=HolidayService(db),
            conflicts=ConflictService(db),
        )

    def today(self) -> date:
        return self.clock.today()
