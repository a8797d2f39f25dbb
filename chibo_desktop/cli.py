"""The ``chibo`` command: opens the app, or runs one job for scripts and the upper level's IT staff.

Exit codes: 0 done; 1 done, but something was refused (an import row, a check); 2 bad input or a user error.
"""

import argparse
import gc
import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from chibo_desktop import __version__
from chibo_desktop.catalog import Catalog, saved_language
from chibo_desktop.domain.clock import Clock
from chibo_desktop.domain.dates import Period, screen_time
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message
from chibo_desktop.files import database_files, make_private, private_files
from chibo_desktop.paths import Paths, backups_beside
from chibo_desktop.services.gc_pause import paused_gc

if TYPE_CHECKING:
    from chibo_desktop.services.wiring import Services
from chibo_desktop.storage.location import is_server

Location = Path | str  # a data file, or a postgresql://user@host/dbname address


def _location(text: str) -> Location:
    """``--db``: a PostgreSQL address stays text (a Path would fold its //); anything else is a file's path."""
    return text if is_server(text) else Path(text)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chibo",
        description="chibo-desktop: hồ sơ chi bộ (Party branch records)",
        epilog="Without a command, chibo opens the window on the app's own data file (in the user data folder) "
        "unless --db names another. Every command works only on the database --db names, given before or after "
        "the command's name: a command never picks a file by itself.",
    )
    parser.add_argument("--version", action="version", version=f"chibo-desktop {__version__}")
    parser.add_argument(
        "--db",
        type=_location,
        metavar="FILE|URL",
        help="the database file, or postgresql://user@host/dbname. The window opens the app's own file in the user "
        "data folder when it is not given; a command needs it (here or after the command's name)",
    )
    parser.add_argument("--demo", action="store_true", help="open a sample branch instead of your own data")
    parser.add_argument(
        "--lang",
        choices=("vi", "en"),
        help="the language of the window and the commands' messages (default: the one last chosen in the window's "
        "Language menu; Vietnamese until one is chosen)",
    )
    commands = parser.add_subparsers(dest="command")
    database = argparse.ArgumentParser(add_help=False)  # every command names the database it works on
    database.add_argument(
        "--db",
        type=_location,
        dest="cmd_db",
        metavar="FILE|URL",
        help="required: the database file, or a committee's PostgreSQL database: postgresql://user@host/dbname (no "
        "default: the command works on no file you did not name; it may also come before the command's name)",
    )
    database.add_argument(
        "--password-file",
        type=Path,
        metavar="FILE",
        help="the app's password, when it has one (- reads stdin; otherwise it is asked for at the terminal)",
    )

    demo = commands.add_parser("demo", parents=[database], help="write a sample branch into a new database")
    demo.add_argument("--members", type=int, default=60)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument(
        "--today", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD", help="the day the sample is built on"
    )

    init = commands.add_parser(
        "init", parents=[database], help="set up a new database: a branch, or a committee above branches"
    )
    init.add_argument("--level", default="", metavar="branch|committee", help="branch (chi bộ) or committee (đảng ủy)")
    init.add_argument("--name", default="", help="e.g. “Chi bộ ấp Te Te 1” or “Đảng ủy xã Tân Hùng”")
    init.add_argument("--upper", default="", help="the level it reports to, e.g. “Đảng ủy xã Tân Hùng”")
    init.add_argument("--place", default="", help="the place name before the date on documents, e.g. “Tân Hùng”")
    init.add_argument("--cell", action="append", default=[], help="a hamlet or Party cell of a branch (repeat it)")

    funds = commands.add_parser("funds", help="the loan funds").add_subparsers(dest="funds_command", required=True)
    fl = funds.add_parser("list", parents=[database], help="list funds with their ids and balances")
    fl.add_argument("--json", action="store_true", help="print JSON (the only format for now)")

    members = commands.add_parser("members", help="import or export the roster").add_subparsers(
        dest="members_command", required=True
    )
    imp = members.add_parser(
        "import", parents=[database], help="import members from .xlsx or .csv (preview with --dry-run)"
    )
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true")
    imp.add_argument(
        "--create-cells", action="store_true", help="add the cells (hamlets) the file names that the setup lacks"
    )
    exp = members.add_parser("export", parents=[database], help="export the roster to .xlsx")
    exp.add_argument("--out", type=Path, required=True)

    meetings = commands.add_parser("meetings", help="the branch's meetings").add_subparsers(
        dest="meetings_command", required=True
    )
    ml = meetings.add_parser("list", parents=[database], help="list meetings (to find their ids)")
    ml.add_argument("--year", type=int)
    ml.add_argument("--json", action="store_true", help="print JSON (the only format for now)")

    export = commands.add_parser("export", parents=[database], help="write the package for the upper level")
    export.add_argument("--out", type=Path, required=True, help="a folder, e.g. the USB stick")
    export.add_argument("--with-minutes", action="store_true", help="also carry the approved minutes as PDFs")
    export.add_argument(
        "--every-record",
        action="store_true",
        help="carry every record, not only those changed since the package the upper level acknowledged (when it "
        "asks for it)",
    )
    lock = export.add_mutually_exclusive_group()
    lock.add_argument("--passphrase-file", type=Path)
    lock.add_argument(
        "--recipient",
        help="the upper level's key (chibo keys show, on its computer); without this or a passphrase, the key its "
        "receipts brought",
    )
    imp_pkg = commands.add_parser("import", parents=[database], help="take in branches' packages (files or folders)")
    imp_pkg.add_argument("paths", type=Path, nargs="+")
    imp_pkg.add_argument("--dry-run", action="store_true")
    imp_pkg.add_argument("--passphrase-file", type=Path)
    imp_pkg.add_argument(
        "--trust",
        action="append",
        default=[],
        metavar="FINGERPRINT",
        help="a new branch's (or the upper level's) key fingerprint, once compared by phone; repeat for several",
    )
    conflicts = commands.add_parser(
        "conflicts", help="members sent by two units, waiting for the upper level's decision"
    ).add_subparsers(dest="conflicts_command", required=True)
    cl = conflicts.add_parser("list", parents=[database], help="the members waiting for review, with both versions")
    cl.add_argument("--all", action="store_true", help="also those decided, with who decided and when")
    cl.add_argument("--json", action="store_true", help="print JSON (the only format for now)")
    cr = conflicts.add_parser("resolve", parents=[database], help="keep the stored version, or take the sent one")
    cr.add_argument("id", type=int, help="the entry's id (see: chibo conflicts list)")
    decision = cr.add_mutually_exclusive_group(required=True)
    decision.add_argument("--keep", action="store_true", help="keep the version stored here; the sent one is set aside")
    decision.add_argument(
        "--take", action="store_true", help="take the sent version: the member moves to the unit that sent it"
    )
    keys = commands.add_parser("keys", help="this database's keys").add_subparsers(dest="keys_command", required=True)
    keys.add_parser("show", parents=[database], help="the fingerprints, and the key branches lock their packages to")

    report = commands.add_parser("report", parents=[database], help="the upper level's report per branch and in total")
    report.add_argument(
        "--period", required=True, help="2024, 2024-Q2, 2024-05, a range 2020-09-01..2025-06-30 or a term's name"
    )
    report.add_argument("--out", type=Path, required=True, help="FILE.pdf or FILE.xlsx")

    printing = commands.add_parser("print", help="print a document to PDF").add_subparsers(
        dest="print_command", required=True
    )
    pr = printing.add_parser("minutes", parents=[database], help="the minutes of one meeting")
    pr.add_argument("--meeting", type=int, required=True, help="the meeting's id (see: chibo meetings list)")
    pr.add_argument("--out", type=Path, required=True)
    pb = printing.add_parser("blank-minutes", parents=[database], help="the form to write on during a meeting")
    pb.add_argument("--date", required=True, help="the meeting's date, YYYY-MM-DD")
    pb.add_argument("--out", type=Path, required=True)
    py = printing.add_parser(
        "minutes-book", parents=[database], help="all minutes of a year, with a cover and contents"
    )
    py.add_argument("--year", type=int, required=True)
    py.add_argument("--out", type=Path, required=True)
    pg = printing.add_parser("register", parents=[database], help="the attendance register of a year")
    pg.add_argument("--year", type=int, required=True)
    pg.add_argument("--out", type=Path, required=True)
    pa = printing.add_parser("addendum", parents=[database], help="the addendum page of approved minutes")
    pa.add_argument("--meeting", type=int, required=True)
    pa.add_argument("--out", type=Path, required=True)
    pf = printing.add_parser("fund", parents=[database], help="a fund's statement for a period")
    pf.add_argument("--fund", type=int, required=True)
    pf.add_argument("--from", dest="date_from", required=True, help="YYYY-MM-DD")
    pf.add_argument("--to", dest="date_to", required=True, help="YYYY-MM-DD")
    pf.add_argument("--out", type=Path, required=True)
    pl = printing.add_parser("ledger", parents=[database], help="a member's loan ledger")
    pl.add_argument("--member", type=int, required=True)
    pl.add_argument("--out", type=Path, required=True)
    pm = printing.add_parser("members", parents=[database], help="the member list (register 7-HSĐV columns)")
    pm.add_argument("--out", type=Path, required=True)
    pd = printing.add_parser("dues-book", parents=[database], help="the dues book of a year (.pdf or .xlsx)")
    pd.add_argument("--year", type=int, required=True)
    pd.add_argument("--out", type=Path, required=True, metavar="FILE.pdf|FILE.xlsx")
    pdr = printing.add_parser("dues-receipt", parents=[database], help="a member's dues receipt for a year")
    pdr.add_argument("--member", type=int, required=True)
    pdr.add_argument("--year", type=int, required=True)
    pdr.add_argument("--out", type=Path, required=True)
    prv = printing.add_parser("review", parents=[database], help="the branch's summary of a year's review")
    prv.add_argument("--year", type=int, required=True)
    prv.add_argument("--out", type=Path, required=True)
    pmr = printing.add_parser(
        "member-review", parents=[database], help="a member's record of reviews, commendations and discipline"
    )
    pmr.add_argument("--member", type=int, required=True)
    pmr.add_argument("--out", type=Path, required=True)

    backup = commands.add_parser(
        "backup", parents=[database], help="copy the database safely to a file, locked with a passphrase"
    )
    backup.add_argument("--out", type=Path, required=True, metavar="FILE")
    backup.add_argument(
        "--passphrase-file", type=Path, metavar="FILE", help="the passphrase (at least 8 characters; - reads stdin)"
    )
    restore = commands.add_parser(
        "restore", parents=[database], help="replace the database with a backup (the current file is kept)"
    )
    restore.add_argument("file", type=Path, metavar="BACKUP")
    restore.add_argument(
        "--other-branch", action="store_true", help="restore it even though it is a backup of another branch"
    )
    restore.add_argument(
        "--passphrase-file", type=Path, metavar="FILE", help="the passphrase of a locked backup (- reads stdin)"
    )
    check = commands.add_parser("check", parents=[database], help="check the database for damage (exit 1 if damaged)")
    check.add_argument("--full", action="store_true", help="the slower, complete integrity check")
    move = commands.add_parser(
        "migrate-to",
        parents=[database],
        help="move a committee's data file to a new, empty PostgreSQL database, checked record by record",
    )
    move.add_argument("target", type=_location, metavar="postgresql://user@host/dbname")

    selftest = commands.add_parser(
        "selftest", parents=[database], help="open the database headless and print one meeting's minutes (installers)"
    )
    selftest.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")

    stats = commands.add_parser("stats", parents=[database], help="the branch's figures for a period")
    stats.add_argument(
        "--period",
        default=None,
        help="2024, 2024-Q2, 2024-05, a range 2020-09-01..2025-06-30 or a term's name (default: this year)",
    )
    stats.add_argument("--json", action="store_true", help="print JSON (the only format for now)")
    return parser


def _open_existing(path: Location, clock: Clock, password_file: Path | None, tr: Catalog) -> "Services":
    """The services on the database at *path*, its keys opened with the app's password when it has one (asked
    for at the terminal, or read from *password_file*): without it nothing of the data is read."""
    from chibo_desktop.services.wiring import Services
    from chibo_desktop.storage.db import open_database

    if isinstance(path, str):
        return _unlocked(Services.build(open_database(path, clock=clock)), path, password_file, tr)
    if not path.exists():
        raise UserError(
            Message(
                "Cli",
                QT_TRANSLATE_NOOP(
                    "Cli", "There is no database at {path}. Check the path, or create one with “chibo demo”."
                ),
                {"path": str(path)},
            )
        )
    paths = Paths.default(path)
    make_private(*database_files(paths.database), paths.backups)
    return _unlocked(Services.build(open_database(paths.database, paths.backups, clock)), path, password_file, tr)


def _print_minutes_quickly(args: argparse.Namespace, tr: Catalog, clock: Clock) -> int | None:
    """`chibo print minutes` from a file read without SQLAlchemy (a third of the whole command to import): None
    when it is another command, or a file to open the usual way (see ``services/minutes_document.py``)."""
    if args.command != "print" or args.print_command != "minutes" or not isinstance(args.cmd_db, Path):
        return None
    from chibo_desktop.services.minutes_document import print_minutes

    if not args.cmd_db.exists():
        return None
    database = args.cmd_db.resolve()
    make_private(*database_files(database), backups_beside(database))  # as _open_existing does
    if not print_minutes(database, args.meeting, args.out, clock):
        return None
    print(tr.translate("Cli", "Printed the minutes to {path}.").format(path=args.out))
    return 0


def _figures_quickly(args: argparse.Namespace, tr: Catalog, clock: Clock) -> int | None:
    """`chibo stats` and `chibo report` (PDF) at a committee, from a file read without SQLAlchemy (a third of either
    command to import and map): None when it is another command, a workbook, or a file to open the usual way (see
    ``services/committee_figures.quick_stats``)."""
    if args.command not in ("stats", "report") or not isinstance(args.cmd_db, Path) or not args.cmd_db.exists():
        return None
    if args.command == "report" and args.out.suffix.lower() == ".xlsx":
        return None
    from chibo_desktop.services.committee_figures import quick_stats, term_json

    database = args.cmd_db.resolve()
    make_private(*database_files(database), backups_beside(database))  # as _open_existing does
    found = quick_stats(database, args.period, clock.today())
    if found is None:
        return None
    if args.command == "stats":
        term = term_json(found.term)
        result = found.stats if term is None else {**found.stats, "term": term}
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    from chibo_desktop.reports.consolidated import consolidated_pdf
    from chibo_desktop.services.consolidated_document import consolidated_of

    consolidated_pdf(consolidated_of(found.stats, found.organisation, found.period, clock.today()), args.out)
    print(tr.translate("Cli", "Printed {path}.").format(path=args.out))
    _say_count_waiting(found.conflicts_waiting, tr)
    return 0


def _unlocked(services: "Services", path: Location, password_file: Path | None, tr: Catalog) -> "Services":
    if services.access.protected():
        password = _secret(password_file, tr.translate("Cli", "The app's password: "))
        if not services.access.unlock(password):
            services.db.close()
            raise UserError(
                Message(
                    "Cli",
                    QT_TRANSLATE_NOOP(
                        "Cli",
                        "That is not the app's password for {path}. Nothing was read. (A forgotten password is "
                        "replaced in the app with the recovery code.)",
                    ),
                    {"path": str(path)},
                )
            )
        code = services.access.take_new_code()
        if code is not None:
            print(
                tr.translate(
                    "Cli",
                    "The branch's keys are now sealed with the password. Write down the new recovery code and keep "
                    "it in the branch's safe: {code}",
                ).format(code=code),
                file=sys.stderr,
            )
    return services


def _writes(args: argparse.Namespace) -> bool:
    """Whether the command changes the database, and so must not run beside an open app."""
    if args.command in ("demo", "init", "import", "export", "keys", "restore"):
        return True
    if args.command == "conflicts":
        return bool(args.conflicts_command == "resolve")
    return args.command == "members" and args.members_command == "import"


def _refuse_second_writer(path: Path) -> UserError:
    return UserError(
        Message(
            "Cli",
            QT_TRANSLATE_NOOP(
                "Cli", "The app has {path} open. Close it first: only one program may change the data at a time."
            ),
            {"path": str(path)},
        )
    )


def run_command(args: argparse.Namespace, tr: Catalog, clock: Clock) -> int:
    """A file is written by one program at a time; a server's database by several operators at once (what must
    not interleave takes a row lock there, see storage/package_records.py)."""
    from chibo_desktop.storage.lock import InstanceLock

    if _writes(args) and not isinstance(args.cmd_db, str):
        lock = InstanceLock(args.cmd_db.resolve())
        if not lock.acquire():
            raise _refuse_second_writer(args.cmd_db)
        with lock:
            return _run(args, tr, clock)
    return _run(args, tr, clock)


def _run(args: argparse.Namespace, tr: Catalog, clock: Clock) -> int:
    from chibo_desktop.storage.db import open_database

    if isinstance(args.cmd_db, str) and args.command in ("check", "backup", "restore", "migrate-to"):
        return _keep_server(args, tr, clock)
    if args.command in ("check", "backup", "restore"):
        return _keep(args, tr, clock)
    if args.command == "migrate-to":
        return _migrate_to(args, tr, clock)
    if args.command == "demo":
        path: Location = args.cmd_db
        if isinstance(path, str):
            return _demo_on_server(args, tr, clock)
        if path.exists() and path.stat().st_size > 0:
            raise UserError(
                Message(
                    "Cli",
                    QT_TRANSLATE_NOOP("Cli", "{path} already exists; the sample is only written into a new file."),
                    {"path": str(path)},
                )
            )
        from chibo_desktop.sample.branch import write_demo

        paths = Paths.default(path)
        sample = open_database(paths.database, paths.backups, clock)
        try:
            written = write_demo(sample, members=args.members, seed=args.seed, today=args.today)
        finally:
            sample.close()
        print(
            tr.translate("Cli", "Wrote a sample branch with {count} members to {path}.").format(
                count=written, path=path
            )
        )
        return 0

    if args.command == "init":
        return _init(args, tr, clock)
    services = _open_existing(args.cmd_db, clock, args.password_file, tr)
    try:
        if args.command in ("stats", "report"):  # read-only figures, then the process ends: see gc_pause
            with paused_gc():
                return _on_database(args, tr, services)
        return _on_database(args, tr, services)
    finally:
        services.db.close()  # Windows will not let anything replace a file that is still open


def _on_database(args: argparse.Namespace, tr: Catalog, services: "Services") -> int:
    if args.command == "funds" and args.funds_command == "list":
        listing = [
            {
                "id": s.fund.id,
                "name": s.fund.name,
                "branch": s.branch,
                "source": s.fund.source.value,
                "custodian": s.fund.custodian,
                "balance": s.balance,
                "outstanding": s.outstanding,
                "active_loans": s.active_loans,
                "overdue": s.overdue,
            }
            for s in services.funds.funds()
        ]
        print(json.dumps(listing, ensure_ascii=False, indent=2))
        return 0
    if args.command == "members" and args.members_command == "import":
        from chibo_desktop.services.roster_io import RowStatus

        preview = services.roster_io.preview(args.file)
        for row in preview.rows:
            if row.status in (RowStatus.DUPLICATE, RowStatus.ERROR):
                reasons = "; ".join(m.render(tr, tr.language) for m in row.reasons)
                label = (
                    tr.translate("Cli", "duplicate")
                    if row.status == RowStatus.DUPLICATE
                    else tr.translate("Cli", "error")
                )
                print(f"{args.file.name}:{row.line}: {label}: {row.full_name}: {reasons}", file=sys.stderr)
        waiting = preview.count(RowStatus.NEW_CELL)
        if preview.new_hamlets:  # one line for the cells, not one error per row
            text = (
                QT_TRANSLATE_NOOP("Cli", "Cells added to the setup: {cells}.")
                if args.create_cells
                else QT_TRANSLATE_NOOP(
                    "Cli",
                    "Cells not in the setup: {cells}. Their {count} new members were not imported; run again with "
                    "--create-cells to add the cells, or correct the file.",
                )
            )
            print(
                tr.translate("Cli", text).format(cells=", ".join(preview.new_hamlets), count=waiting),
                file=sys.stderr,
            )
        counts = {s.value: preview.count(s) for s in RowStatus}
        if not args.dry_run:
            change = services.roster_io.commit(preview, create_cells=args.create_cells)
            counts["imported"] = len(change.ids)
        print(json.dumps(counts, ensure_ascii=False))
        return 1 if preview.refused or (waiting and not args.create_cells) else 0
    if args.command == "members" and args.members_command == "export":
        count = services.roster_io.export_xlsx(args.out, translate=tr)
        print(tr.translate("Cli", "Exported {count} members to {path}.").format(count=count, path=args.out))
        return 0
    if args.command == "print":
        return _print(args, services, tr)
    if args.command == "report":
        from chibo_desktop.services.printing import CONSOLIDATED

        period = services.terms.period(args.period)
        if args.out.suffix.lower() == ".xlsx":
            services.printer.consolidated_workbook(period, args.out)
        else:
            services.printer.write(CONSOLIDATED, period, args.out)
        print(tr.translate("Cli", "Printed {path}.").format(path=args.out))
        _say_waiting(services, tr)
        return 0
    if args.command == "conflicts":
        return _conflicts(args, services, tr)
    if args.command in ("export", "import", "keys"):
        return _exchange(args, services, tr)
    if args.command == "meetings" and args.meetings_command == "list":
        items = services.meetings.list_meetings(args.year)
        listing = [
            {
                "id": item.id,
                "date": item.on.isoformat(),
                "kind": item.kind.value,
                "topic": item.topic,
                "approved": item.locked,
                "present": item.present,
                "required": item.required,
            }
            for item in items
        ]
        print(json.dumps(listing, ensure_ascii=False, indent=2))
        return 0
    if args.command == "stats":
        period = services.terms.period(args.period or str(services.today().year))
        result = services.stats.stats(period, services.today())
        term = services.terms.term_of(period)
        if term is not None:  # the period is a term: its target for admissions, beside the admissions counted
            result["term"] = {"name": term.name, "admissions_target": term.admissions_target}
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    raise AssertionError(args.command)


INIT_OPTIONS = {"branch_name": "--name", "upper_name": "--upper", "place_name": "--place", "hamlets": "--cell"}


def _init(args: argparse.Namespace, tr: Catalog, clock: Clock) -> int:
    """Set up a new database without the app's first-run window; a database already set up is left alone."""
    from chibo_desktop.domain.organisation import LEVEL_LABELS, Level, OrganisationSetup
    from chibo_desktop.services.wiring import Services
    from chibo_desktop.storage.db import open_database

    path: Location = args.cmd_db
    try:
        level = Level(args.level.strip().lower())
    except ValueError:
        raise UserError(
            Message(
                "Cli",
                QT_TRANSLATE_NOOP(
                    "Cli", "“{text}” is not a level. Write --level branch (a chi bộ) or --level committee (a đảng ủy)."
                ),
                {"text": args.level},
            )
        ) from None
    setup = OrganisationSetup(args.name, args.upper, args.place, tuple(args.cell), level)
    errors = setup.normalised().errors()
    if errors:
        raise UserError(
            Message("Cli", QT_TRANSLATE_NOOP("Cli", "Nothing was written; correct these options:")),
            {INIT_OPTIONS[field]: message for field, message in errors.items()},
        )
    existed = isinstance(path, str) or (path.exists() and path.stat().st_size > 0)
    if existed:
        existing = open_database(path, None if isinstance(path, str) else Paths.default(path).backups, clock)
        try:
            current = Services.build(existing).organisation.get()
        finally:
            existing.close()
        if current is not None:
            raise UserError(
                Message(
                    "Cli",
                    QT_TRANSLATE_NOOP(
                        "Cli", "{path} is already set up for {name}; nothing was changed. Choose a new file name."
                    ),
                    {"path": str(path), "name": current.branch_name},
                )
            )
    if isinstance(path, str):
        services = Services.build(open_database(path, clock=clock))
    else:
        paths = Paths.default(path)
        services = Services.build(open_database(paths.database, paths.backups, clock))
    try:
        services.organisation.save(setup)
        organisation = services.organisation.require()
    finally:
        services.db.close()
    print(
        tr.translate("Cli", "Set up {path}: {level}, “{name}”, reporting to {upper}.").format(
            path=path,
            level=tr.translate("Setup", LEVEL_LABELS[organisation.level]),
            name=organisation.branch_name,
            upper=organisation.upper_name,
        )
    )
    return 0


def _keep(args: argparse.Namespace, tr: Catalog, clock: Clock) -> int:
    """check, backup and restore: they work on the file as a whole, before any service opens it."""
    from chibo_desktop.services import backups

    path: Path = args.cmd_db
    if args.command == "check":
        found = backups.check(path, full=args.full)
        if found.ok:
            print(tr.translate("Cli", "{path}: no damage found.").format(path=path))
            return 0
        print(tr.translate("Cli", "{path} is damaged:").format(path=path), file=sys.stderr)
        for problem in found.problems[:50]:
            print(f"  {problem}", file=sys.stderr)
        return 1
    paths = Paths.default(path)
    if args.command == "backup" or backups.check(path).ok:  # a damaged file is restored without its password
        _open_existing(path, clock, args.password_file, tr).db.close()  # no database, or not the password: refused
    if args.command == "backup":
        passphrase = _secret(
            args.passphrase_file,
            tr.translate("Cli", "Passphrase for the backup (at least 8 characters): "),
            tr.translate("Cli", "The same passphrase again: "),
        )
        backups.remove_stray_copies(args.out.parent)  # what an interrupted backup to the same folder left
        backups.seal_to(path, args.out, passphrase, paths.backups)
        print(
            tr.translate("Cli", "Backed up {path} to {out}, locked with the passphrase, and read it back.").format(
                path=path, out=args.out
            )
        )
        return 0
    passphrase = None
    if backups.is_sealed(args.file):
        passphrase = _secret(args.passphrase_file, tr.translate("Cli", "Passphrase of the backup: "))
    try:
        restored = backups.restore(args.file, paths.database, paths.backups, clock, args.other_branch, passphrase)
    except backups.OtherBranchError as error:
        raise UserError(
            Message(
                "Cli",
                QT_TRANSLATE_NOOP(
                    "Cli",
                    "{path} is a backup of “{theirs}”, not of “{ours}” whose data is in {db}. Nothing was changed. "
                    "To replace that data with the other branch's all the same, run the command again with "
                    "--other-branch.",
                ),
                {"path": str(args.file), "theirs": error.theirs, "ours": error.ours, "db": str(path)},
            )
        ) from None
    print(
        tr.translate("Cli", "Restored {path} from the backup of {date} ({members} members).").format(
            path=path, date=screen_time(restored.info.taken_at), members=restored.info.members
        )
    )
    if restored.kept is not None:
        print(tr.translate("Cli", "The file it replaced is kept as {kept}.").format(kept=restored.kept))
    return 0


def _keep_server(args: argparse.Namespace, tr: Catalog, clock: Clock) -> int:
    """check, backup and restore on a committee's PostgreSQL database: the server checks its own pages and keeps
    foreign keys itself; a backup is pg_dump's; a restore is the administrator's pg_restore (README)."""
    from chibo_desktop.storage import server

    location: str = args.cmd_db
    if args.command == "migrate-to":
        raise UserError(
            Message(
                "Cli",
                QT_TRANSLATE_NOOP(
                    "Cli",
                    "--db names the data file to move (a .sqlite file), and the command the PostgreSQL database to "
                    "move it to: chibo migrate-to --db FILE postgresql://user@host/dbname",
                ),
            )
        )
    if args.command == "restore":
        raise UserError(
            Message(
                "Cli",
                QT_TRANSLATE_NOOP(
                    "Cli",
                    "A committee's PostgreSQL database is restored by the server's administrator with pg_restore "
                    "(README: “A province's committee on PostgreSQL”); nothing was changed.",
                ),
            )
        )
    services = _open_existing(location, clock, args.password_file, tr)
    try:
        if args.command == "check":
            revision = services.db.current_revision()
            print(
                tr.translate(
                    "Cli",
                    "{path}: the server answers and the records are at the app's newest version ({revision}); "
                    "PostgreSQL enforces the links between records itself. Its pages are checked by its "
                    "administrator (amcheck).",
                ).format(path=services.db.name, revision=revision)
            )
            return 0
        out: Path = args.out
        server.dump(services.db, out)
        print(
            tr.translate("Cli", "Backed up {path} to {out} with pg_dump (pg_restore reads it back).").format(
                path=services.db.name, out=out
            )
        )
        return 0
    finally:
        services.db.close()


def _migrate_to(args: argparse.Namespace, tr: Catalog, clock: Clock) -> int:
    """Move the data file named by --db to the PostgreSQL database *target*, checked record by record."""
    from chibo_desktop.storage import server

    target = args.target
    if not isinstance(target, str):
        raise UserError(
            Message(
                "Cli",
                QT_TRANSLATE_NOOP("Cli", "“{text}” is not a PostgreSQL address. Write postgresql://user@host/dbname."),
                {"text": str(target)},
            )
        )
    from chibo_desktop.storage.db import open_database

    source = _open_existing(args.cmd_db, clock, args.password_file, tr)
    try:
        destination = open_database(target, clock=clock)
        try:
            moved = server.move(source.db, destination)
        finally:
            destination.close()
    finally:
        source.db.close()
    print(
        tr.translate(
            "Cli",
            "Moved {rows} records in {tables} tables from {path} to {target}, and compared every one of them "
            "with the file. Open the app with --db {target} from now on; keep the file as it is.",
        ).format(rows=moved.rows, tables=moved.tables, path=args.cmd_db, target=destination.name)
    )
    return 0


def _demo_on_server(args: argparse.Namespace, tr: Catalog, clock: Clock) -> int:
    from chibo_desktop.sample.branch import write_demo
    from chibo_desktop.services.wiring import Services
    from chibo_desktop.storage.db import open_database

    sample = open_database(args.cmd_db, clock=clock)
    try:
        if Services.build(sample).organisation.get() is not None:
            raise UserError(
                Message(
                    "Cli",
                    QT_TRANSLATE_NOOP("Cli", "{path} already exists; the sample is only written into a new file."),
                    {"path": sample.name},
                )
            )
        written = write_demo(sample, members=args.members, seed=args.seed, today=args.today)
    finally:
        sample.close()
    print(
        tr.translate("Cli", "Wrote a sample branch with {count} members to {path}.").format(
            count=written, path=sample.name
        )
    )
    return 0


def _secret(path: Path | None, prompt: str, again: str | None = None) -> str:
    """A passphrase or password: from *path* (its first line; ``-`` reads standard input), else typed at the
    terminal without echo (twice when *again* is given), else refused: a script must say where it is."""
    if path is not None:
        if str(path) == "-":
            return sys.stdin.readline().rstrip("\r\n")
        return _passphrase(path) or ""
    if not sys.stdin.isatty():
        raise UserError(
            Message(
                "Cli",
                QT_TRANSLATE_NOOP(
                    "Cli",
                    "This needs a passphrase or password, and there is no terminal to type it in. Give it in a file "
                    "with --password-file FILE or --passphrase-file FILE (- reads it from standard input).",
                ),
            )
        )
    import getpass

    first = getpass.getpass(prompt)
    if again is not None and getpass.getpass(again) != first:
        raise UserError(
            Message("Cli", QT_TRANSLATE_NOOP("Cli", "The two passphrases differ. Nothing was written; try again."))
        )
    return first


def _passphrase(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        return path.read_text(encoding="utf-8").strip()
    except OSError as error:
        raise UserError(
            Message(
                "Cli", QT_TRANSLATE_NOOP("Cli", "The passphrase file {path} could not be read."), {"path": str(path)}
            )
        ) from error


def _exchange(args: argparse.Namespace, services: "Services", tr: Catalog) -> int:
    if args.command == "keys":
        keys = services.exchange.keys()
        print(
            json.dumps(
                {
                    "signing_fingerprint": keys.signing_fingerprint,
                    "encryption_key": keys.encryption_public,
                    "encryption_fingerprint": keys.encryption_fingerprint,
                },
                indent=2,
            )
        )
        return 0
    if args.command == "export":
        recipient = args.recipient
        if recipient is None and args.passphrase_file is None:
            recipient = services.exchange.last_recipient()  # the key the upper level's receipts brought
        result = services.exchange.export(
            args.out, _passphrase(args.passphrase_file), recipient, args.with_minutes, whole=args.every_record
        )
        print(
            tr.translate(
                "Cli",
                "Wrote {path} (package {sequence}, {size} bytes) and read it back: done, the drive can be removed safely.",
            ).format(path=result.path, sequence=result.sequence, size=result.size)
        )
        if result.since is not None:
            print(
                tr.translate(
                    "Cli",
                    "It carries the records changed since package {since}, which the upper level confirmed: {records}.",
                ).format(since=result.since, records=result.records)
            )
        return 0
    reports = services.exchange.import_paths(
        args.paths, _passphrase(args.passphrase_file), args.dry_run, trusted=args.trust
    )
    for report in reports:
        line = {
            "file": report.file,
            "accepted": report.accepted,
            "branch": report.branch,
            "sequence": report.sequence,
            "fingerprint": report.fingerprint,
            "new_key": report.new_key,
            "gap": report.gap,
            "already_imported": report.already,
            "counts": report.counts,
            "receipt": report.receipt or None,
            "reason": report.reason.render(tr, tr.language) if report.reason else None,
        }
        print(json.dumps(line, ensure_ascii=False))
        if not report.accepted:
            print(f"{report.file}: {report.reason.render(tr, tr.language) if report.reason else ''}", file=sys.stderr)
            if report.unconfirmed:
                hint = tr.translate(
                    "Cli", 'Once the fingerprint matches, run the import again with --trust "{fingerprint}".'
                )
                print("  " + hint.format(fingerprint=report.fingerprint), file=sys.stderr)
    return 0 if reports and all(r.accepted for r in reports) else 1


def _say_waiting(services: "Services", tr: Catalog) -> None:
    from chibo_desktop.services.received import Received  # not the review's own module: only its count

    _say_count_waiting(Received(services.db).conflicts_waiting(), tr)


def _say_count_waiting(waiting: int, tr: Catalog) -> None:
    if waiting:
        print(
            tr.translate(
                "Cli", "{count} members sent by two units are waiting for review (chibo conflicts list)."
            ).format(count=waiting)
        )


def _conflicts(args: argparse.Namespace, services: "Services", tr: Catalog) -> int:
    """`chibo conflicts list | resolve ID --keep|--take`: the upper level's review of members sent by two units."""
    if args.conflicts_command == "list":
        listing = [
            {
                "id": c.id,
                "member_uuid": c.member_uuid,
                "stored": {"unit": c.stored_unit, "full_name": c.stored_name},
                "sent": {"unit": c.sent_unit, "full_name": c.sent_name, "package": c.sequence},
                "received_at": c.received_at.isoformat(timespec="seconds"),
                "differences": [
                    {"field": tr.translate("Audit", d.field), "stored": d.stored, "sent": d.sent} for d in c.differences
                ],
                "records_waiting_with_it": c.held,
                "state": c.state,
                "resolved_at": c.resolved_at.isoformat(timespec="seconds") if c.resolved_at else None,
                "resolved_by": c.resolved_by or None,
            }
            for c in services.conflicts.conflicts(waiting_only=not args.all)
        ]
        print(json.dumps(listing, ensure_ascii=False, indent=2))
        return 0
    entry = next((c for c in services.conflicts.conflicts() if c.id == args.id), None)
    services.conflicts.resolve(args.id, take=args.take)  # refuses an entry that is not waiting
    assert entry is not None
    if args.take:
        text = tr.translate("Cli", "Took the record {unit} sent: {name} now belongs to {unit}.")
        print(text.format(unit=entry.sent_unit, name=entry.sent_name))
    else:
        text = tr.translate("Cli", "Kept the record stored for {unit}: {name}; the version {sender} sent is set aside.")
        print(text.format(unit=entry.stored_unit, name=entry.stored_name, sender=entry.sent_unit))
    _say_waiting(services, tr)
    return 0


def _print(args: argparse.Namespace, services: "Services", tr: Catalog) -> int:
    """`chibo print KIND`: the arguments say which meeting, day, year or fund; `services/printing.py` the rest."""
    from chibo_desktop.services import printing

    kind = printing.KINDS[args.print_command]
    if kind is printing.MEMBERS:
        data = services.printer.data(printing.MEMBERS, services.today())
        services.printer.render(printing.MEMBERS, data, args.out)
        print(tr.translate("Cli", "Printed {count} members to {path}.").format(count=len(data.rows), path=args.out))
        return 0
    if kind is printing.DUES_BOOK and args.out.suffix.lower() == ".xlsx":
        services.printer.dues_workbook(args.year, args.out)
    else:
        services.printer.write(kind, _chosen(args), args.out)
    if kind is printing.MINUTES:
        print(tr.translate("Cli", "Printed the minutes to {path}.").format(path=args.out))
    else:
        print(tr.translate("Cli", "Printed {path}.").format(path=args.out))
    return 0


def _chosen(args: argparse.Namespace) -> object:
    """What `chibo print` was asked for: a meeting's id, a day, a year, a fund and period, a member's id."""
    from chibo_desktop.services.printing import DuesReceiptChoice, FundPeriod

    command = args.print_command
    if command in ("minutes", "addendum"):
        return args.meeting
    if command in ("minutes-book", "register", "dues-book", "review"):
        return args.year
    if command == "dues-receipt":
        return DuesReceiptChoice(args.member, args.year)
    if command in ("ledger", "member-review"):
        return args.member
    if command == "blank-minutes":
        return _day(args.date)
    if command == "fund":
        return FundPeriod(args.fund, Period(_day(args.date_from), _day(args.date_to), ""))
    raise AssertionError(command)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserError(
            Message("Cli", QT_TRANSLATE_NOOP("Cli", "“{text}” is not a date. Write it as 2024-06-10."), {"text": text})
        ) from None


def _utf8_output() -> None:
    """Vietnamese text on any Windows: a pipe or a file gets the ANSI code page (cp1252, or cp1258 on a Vietnamese
    Windows, which has no precomposed ồ), and printing a name or a path then raised UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


def main(argv: list[str] | None = None) -> int:
    """Run the command *argv* (the process's own arguments when None). Called without *argv* it is the process's
    command (the ``chibo`` script, ``python -m chibo_desktop``) and the process ends when it returns: what exists
    then is frozen out of the cycle collector's scans, which otherwise walked every object the command had loaded
    on the way out (0.2 s of processor time of a ``chibo print minutes``)."""
    try:
        return _main(argv)
    finally:
        if argv is None:
            gc.freeze()


def _name_the_database(args: argparse.Namespace) -> None:
    """Every command works on the database --db names, after the command's name or before it; none falls back on
    the app's own file (a script must say which file it changes). Missing: a message that says what to type."""
    if args.cmd_db is None:
        args.cmd_db = args.db
    if args.cmd_db is not None:
        return
    group = getattr(args, f"{args.command.replace('-', '_')}_command", None)
    command = " ".join(["chibo", args.command, *([group] if group else [])])
    raise UserError(
        Message(
            "Cli",
            QT_TRANSLATE_NOOP(
                "Cli",
                "“{command}” needs the database it works on: add --db FILE (a data file) or --db "
                "postgresql://user@host/dbname (a committee's server). The app's own data file is {path}, so for "
                'it type: {command} --db "{path}" …',
            ),
            {"command": command, "path": str(Paths.default().database)},
        )
    )


def _main(argv: list[str] | None) -> int:
    _utf8_output()
    args = _parser().parse_args(argv)
    if args.command is None:
        with paused_gc():  # the modules and classes a start loads live as long as the app: see gc_pause
            from chibo_desktop.app import run_gui

        return run_gui(database=args.db, demo=args.demo, language=args.lang)
    tr = Catalog(args.lang or saved_language(Paths.default().settings))  # as the window speaks, unless told
    try:
        _name_the_database(args)
    except UserError as error:
        print(error.message.render(tr, tr.language), file=sys.stderr)
        return 2
    if args.command == "selftest":
        from chibo_desktop.app import self_test

        return self_test(args.cmd_db, args.out)
    try:
        with private_files(), paused_gc():  # the files it writes are the user's alone; see gc_pause and main
            printed = _print_minutes_quickly(args, tr, Clock.system())
            if printed is None:
                printed = _figures_quickly(args, tr, Clock.system())
        if printed is not None:
            return printed
        with paused_gc():  # the layers (nearly) every command works through, loaded for the process's life
            from chibo_desktop.services import wiring  # noqa: F401
        with private_files():
            return run_command(args, tr, Clock.system())
    except UserError as error:
        print(error.message.render(tr, tr.language), file=sys.stderr)
        for field, message in error.field_errors.items():
            print(f"  {field}: {message.render(tr, tr.language)}", file=sys.stderr)
        return 2
