"""Carrying the branch's data to the upper level, and taking branches' packages in there.

Export: every record with its UUID, signed with the branch's Ed25519 key (made the first time), encrypted with a
passphrase or to the upper level's key, written to the chosen folder safely and read back. Import: decrypt,
check caps, signature and hashes, then the schema, then preview the counts, then one transaction per package.
"""

import hashlib
import json
import logging
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from chibo_desktop import __version__
from chibo_desktop.domain.clock import Clock
from chibo_desktop.domain.dates import screen_date
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.exchange_format import TABLES
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message, messages
from chibo_desktop.domain.text import slug
from chibo_desktop.exchange import package, schema
from chibo_desktop.services import unit_figures
from chibo_desktop.services.access import AccessService
from chibo_desktop.services.changes import Change, Topic
from chibo_desktop.services.folders import require_folder
from chibo_desktop.services.gc_pause import collector_off
from chibo_desktop.services.organisation import OrganisationService
from chibo_desktop.services.received import Received, ReceivedBranch
from chibo_desktop.storage import (
    audit_queries,
    audit_schema,
    dues_queries,
    exchange_log,
    member_conflicts,
    package_json,
    package_records,
)
from chibo_desktop.storage.db import Database, Session, moment
from chibo_desktop.storage.package_fields import row_count

log = logging.getLogger(__name__)
_msg = messages("Exchange")


@dataclass(frozen=True)
class Keys:
    signing_fingerprint: str
    encryption_public: str  # base64, what a branch passes as --recipient
    encryption_fingerprint: str


@dataclass(frozen=True)
class ExportResult:
    path: Path
    sequence: int
    size: int
    sha256: str
    since: int | None = None  # the acknowledged package it builds on (it carries what changed since), or None
    records: int = 0  # the records it carries besides the units and hamlets


@dataclass(frozen=True)
class ImportReport:
    """What importing one file did (or would do, in a dry run)."""

    file: str
    accepted: bool
    reason: Message | None = None
    branch: str = ""
    fingerprint: str = ""
    new_key: bool = False
    sequence: int = 0
    gap: bool = False
    already: bool = False
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    receipt: str = ""  # the receipt written beside the package, for the branch
    unconfirmed: bool = False  # refused only because nobody confirmed the new key's fingerprint yet
    conflicts: int = 0  # members held here for another unit, set aside for review (new or brought up to date)


class _DiscardDryRunError(Exception):
    """Raised inside a dry run's transaction to throw its work away."""


class _UnconfirmedKeyError(UserError):
    """A first package or receipt whose key's fingerprint the operator has not confirmed."""


# What a refused record is, named in the refusal (the package's tables).
RECORD_KINDS = {
    "org_units": QT_TRANSLATE_NOOP("Exchange", "a unit"),
    "hamlets": QT_TRANSLATE_NOOP("Exchange", "a hamlet or cell"),
    "members": QT_TRANSLATE_NOOP("Exchange", "a member"),
    "status_events": QT_TRANSLATE_NOOP("Exchange", "a member's status event"),
    "party_cards": QT_TRANSLATE_NOOP("Exchange", "a party card number"),
    "meetings": QT_TRANSLATE_NOOP("Exchange", "a meeting or a line of its minutes"),
    "funds": QT_TRANSLATE_NOOP("Exchange", "a fund"),
    "loans": QT_TRANSLATE_NOOP("Exchange", "a loan"),
    "fund_entries": QT_TRANSLATE_NOOP("Exchange", "a fund entry"),
    "member_reviews": QT_TRANSLATE_NOOP("Exchange", "a member's yearly review"),
    "branch_reviews": QT_TRANSLATE_NOOP("Exchange", "a branch's yearly rating"),
    "member_awards": QT_TRANSLATE_NOOP("Exchange", "a commendation or discipline"),
}


def normal_fingerprint(text: str) -> str:
    """A fingerprint as typed or pasted ("abcd ef01 …", "ABCDEF01…") in the form :func:`package.fingerprint`
    prints it."""
    plain = "".join(text.split()).upper()
    return " ".join(plain[i : i + 4] for i in range(0, len(plain), 4))


class ExchangeService:
    def __init__(
        self,
        db: Database,
        organisation: OrganisationService,
        clock: Clock,
        minutes_pdf: Callable[[int], bytes] | None = None,
        keys: AccessService | None = None,
        dues_figures: Callable[[], dict[str, list[dict[str, object]]]] | None = None,
    ) -> None:
        """*minutes_pdf(meeting_id)* prints a meeting's minutes, for packages that carry them; *keys* seals and
        opens the private keys when the app has a password; *dues_figures()* is the branch's dues.json."""
        self._dues_figures = dues_figures
        self._db = db
        self._keys = keys or AccessService(db)
        self._organisation = organisation
        self._clock = clock
        self._today = clock.today
        self._minutes_pdf = minutes_pdf

    def _key(self, session: Session, purpose: str) -> package.KeyPair:
        found = exchange_log.get_key(session, purpose)
        if found is None:
            pair = package.new_signing_key() if purpose == "signing" else package.new_encryption_key()
            exchange_log.set_key(session, purpose, self._keys.seal_key(purpose, pair.private), pair.public)
            return pair
        private, public = found
        return package.KeyPair(self._keys.open_key(purpose, private), public)

    def _public_key(self, session: Session, purpose: str) -> bytes:
        """This database's public key for *purpose* (made the first time), its private half left sealed."""
        found = exchange_log.get_key(session, purpose)
        return found[1] if found is not None else self._key(session, purpose).public

    def keys(self) -> Keys:
        """This database's keys (made the first time they are asked for)."""
        with self._db.write() as session:
            signing = self._key(session, "signing")
            encryption = self._key(session, "encryption")
        return Keys(
            package.fingerprint(signing.public), package.b64(encryption.public), package.fingerprint(encryption.public)
        )

    # --- export -------------------------------------------------------------------------------------------

    def export(
        self,
        folder: Path,
        passphrase: str | None = None,
        recipient: str | None = None,
        with_minutes: bool = False,
        report: Callable[[int], bool] | None = None,
        whole: bool = False,
    ) -> ExportResult:
        """The package of the records that changed since the newest package the upper level acknowledged (of
        every record while none was, or when *whole*), optionally with the approved minutes printed as PDFs.
        *report(percent)* follows the printing of the minutes; when it returns False nothing is written."""
        if not passphrase and not recipient:
            raise UserError(
                _msg(
                    QT_TRANSLATE_NOOP(
                        "Exchange", "Choose how to lock the package: a passphrase, or the upper level's key."
                    )
                )
            )
        if passphrase is not None and len(passphrase) < 8:
            raise UserError(_msg(QT_TRANSLATE_NOOP("Exchange", "A passphrase needs at least 8 characters.")))
        recipient_key = None
        if recipient:
            try:
                recipient_key = package.unb64(recipient.strip())
            except ValueError:
                recipient_key = b""
            if len(recipient_key) != 32 or not package.usable_recipient(recipient_key):
                raise UserError(
                    _msg(
                        QT_TRANSLATE_NOOP(
                            "Exchange", "That is not an upper level's key. Copy it again from “chibo keys show” there."
                        )
                    )
                )
        require_folder(folder)
        organisation = self._organisation.require()
        today = self._today()
        # a committee keeps no dues book of its own: its branches' dues stay with it
        with collector_off():  # every member's months, many small objects too
            dues = self._dues_figures() if self._dues_figures is not None and not organisation.is_committee else None
        with self._db.write() as session:
            signing = self._key(session, "signing")
            texts = package_json.record_texts(session)
            digests = package_json.record_digests(texts)
            base = None if whole else exchange_log.acknowledged_digests(session)
            if base is not None:  # the upper level holds every record as they were then: what changed since
                texts = package_json.changed_since(texts, digests, package_json.unpack_digests(base[1]))
            data_bytes = package_json.assemble(texts)
            with collector_off():  # the records, parsed for the check only, are many small objects: see gc_pause
                _check_own(json.loads(data_bytes))
            counts = {table: len(rows) for table, rows in texts.items()}
            previous, previous_hash = exchange_log.last_export(session)
            sequence = previous + 1
            manifest = {
                "app_version": __version__,
                "created_at": self._clock.stamp(),
                "branch": {
                    "uuid": organisation.branch_uuid,
                    "name": organisation.branch_name,
                    "upper": organisation.upper_name,
                    "public_key": package.b64(signing.public),
                },
                "period": {"from": None, "to": today.isoformat()},
                "sequence": sequence,
                "previous_sha256": previous_hash,
                "counts": counts,
            }
            if base is not None:
                manifest["since"] = base[0]
            # the log after the newest package the upper level acknowledged (it keeps what came before); all of
            # it while none was
            acknowledged = exchange_log.acknowledged_audit(session)
            audit_upto = audit_queries.last_id(session)
            if acknowledged is not None:
                manifest["audit_from"] = audit_queries.entries_upto(session, acknowledged)
            attachments: dict[str, bytes] = {"audit.json": audit_queries.dump_json(session, acknowledged)}
            if dues is not None:
                attachments["dues.json"] = package.canonical(dues)
            if with_minutes and self._minutes_pdf is not None:
                approved = package_records.approved_meetings(session)
                for done, (meeting_id, meeting_uuid) in enumerate(approved):
                    if report is not None and not report(100 * done // len(approved)):
                        raise UserError(_msg(QT_TRANSLATE_NOOP("Exchange", "Cancelled; nothing was written.")))
                    attachments[f"minutes/{meeting_uuid}.pdf"] = self._minutes_pdf(meeting_id)
            inner = package.build(manifest, data_bytes, attachments, signing)
            blob = (
                package.encrypt_to_recipient(inner, recipient_key)
                if recipient_key
                else package.encrypt_with_passphrase(inner, passphrase or "")
            )
            name = f"{slug(organisation.branch_name)}_{today.isoformat()}_{sequence:04d}.chibo"
            path = Path(package.write_safely(str(folder), name, blob))
            digest = hashlib.sha256(blob).hexdigest()
            locked_to = package.b64(recipient_key) if recipient_key else None
            exchange_log.record_export(
                session, sequence, name, digest, audit_upto, locked_to, package_json.pack_digests(digests)
            )
        carried = sum(n for table, n in counts.items() if table not in package_json.WHOLE)
        return ExportResult(path, sequence, len(blob), digest, base[0] if base is not None else None, carried)

    # --- import -------------------------------------------------------------------------------------------

    def import_file(
        self, path: Path, passphrase: str | None = None, dry_run: bool = False, trusted: Collection[str] = ()
    ) -> ImportReport:
        """Check and take in one package; a refusal is a report with its reason, never an exception. A package
        from a branch not seen before is taken in only when the operator confirmed its key's fingerprint (given
        in *trusted*); a dry run shows the fingerprint to compare."""
        with collector_off():  # a package's records are many small acyclic objects, dropped at the end: see gc_pause
            return self._import_file(path, passphrase, dry_run, trusted)

    def _import_file(self, path: Path, passphrase: str | None, dry_run: bool, trusted: Collection[str]) -> ImportReport:
        try:
            opened = package.open_package(self._read(path), self._registered_key, passphrase, self._recipient())
        except UserError as error:
            return ImportReport(path.name, False, error.message)
        manifest = opened.manifest
        registered = self._registered_key(manifest["branch"]["uuid"]) is not None
        report = ImportReport(
            path.name,
            True,
            None,
            manifest["branch"]["name"],
            package.fingerprint(opened.public_key),
            not registered,
            manifest["sequence"],
        )
        try:
            return self._take_in(path, opened, report, dry_run, {normal_fingerprint(t) for t in trusted})
        except UserError as error:
            unconfirmed = isinstance(error, _UnconfirmedKeyError)
            return replace(report, accepted=False, reason=error.message, unconfirmed=unconfirmed)

    def _read(self, path: Path) -> bytes:
        try:
            if path.stat().st_size > package.MAX_FILE:
                raise UserError(
                    _msg(
                        QT_TRANSLATE_NOOP("Exchange", "The file is larger than a package can be ({size} MB)."),
                        size=package.MAX_FILE // 2**20,
                    )
                )
            return path.read_bytes()
        except OSError as error:
            raise UserError(
                _msg(
                    QT_TRANSLATE_NOOP("Exchange", "The file {name} could not be read: {reason}."),
                    name=path.name,
                    reason=error.strerror or str(error),
                )
            ) from error

    def _recipient(self) -> package.KeyPair | None:
        """The key packages are locked to, if this database has one (reading never makes one)."""
        with self._db.read() as session:
            found = exchange_log.get_key(session, "encryption")
        if found is None:
            return None
        private, public = found
        return package.KeyPair(self._keys.open_key("encryption", private), public)  # sealed with the password

    def _registered_key(self, unit_uuid: str) -> bytes | None:
        with self._db.read() as session:
            unit = package_records.org_id(session, unit_uuid)
            return exchange_log.unit_key(session, unit) if unit is not None else None

    def _take_in(
        self, path: Path, opened: package.Opened, report: ImportReport, dry_run: bool, trusted: set[str]
    ) -> ImportReport:
        if report.new_key and not dry_run and report.fingerprint not in trusted:
            raise _UnconfirmedKeyError(
                _msg(
                    QT_TRANSLATE_NOOP(
                        "Exchange",
                        "This is the first package from {branch}. Call the branch and compare its key's fingerprint, {fingerprint}, character by character; import it only once they match.",
                    ),
                    branch=report.branch,
                    fingerprint=report.fingerprint,
                )
            )
        sender: str = opened.manifest["branch"]["uuid"]
        sequence = report.sequence
        try:
            with self._db.write() as session:
                exchange_log.lock_branch(session, sender)  # the same branch's packages one at a time
                package_records.import_cache(session)
                done = exchange_log.imported(session, opened.sha256)
                if done is not None:
                    receipt = self._receipt(session, sender, sequence, opened.sha256, done[2])
                    report = replace(
                        report,
                        reason=_msg(QT_TRANSLATE_NOOP("Exchange", "Already imported: nothing changed.")),
                        new_key=False,
                        already=True,
                    )
                else:
                    report, receipt = self._merge(session, opened, report, sender)
                if dry_run:
                    raise _DiscardDryRunError()
        except _DiscardDryRunError:
            return report
        return replace(report, receipt=self._write_receipt(path, receipt))

    def _merge(
        self, session: Session, opened: package.Opened, report: ImportReport, sender: str
    ) -> tuple[ImportReport, bytes]:
        """Check the package against this database and take it in (in the caller's transaction); the report and
        the receipt to write."""
        own = package_records.self_unit(session)
        if own is None:
            raise UserError(
                _msg(
                    QT_TRANSLATE_NOOP("Exchange", "Set up this database's own organisation before importing packages.")
                )
            )
        sequence = report.sequence
        unit = package_records.org_id(session, sender)
        last = exchange_log.last_import(session, unit) if unit is not None else 0
        if sequence <= last:
            raise UserError(
                _msg(
                    QT_TRANSLATE_NOOP(
                        "Exchange",
                        "This package (number {sequence}) is older than one already imported from {branch} (number {last}). It was refused.",
                    ),
                    sequence=sequence,
                    branch=report.branch,
                    last=last,
                )
            )
        since = opened.manifest.get("since")
        if since is not None and last < since:  # it carries only what changed after a package not taken in here
            raise UserError(_since_message(report.branch, since, last))
        # a member another unit holds here waits for review with the records naming it (storage/member_conflicts.py);
        # everything else the sender may not write refuses the package, as before
        aside = member_conflicts.set_aside(session, opened.data, sender, not report.new_key)
        foreign = package_records.foreign_record(session, aside.data, sender, not report.new_key, opened.links.outside)
        if foreign is not None:
            raise UserError(_foreign_message(foreign))
        try:
            # logged once below, as the package: its log is the branch's. A unit's first package is all new rows;
            # a later one mostly brings the same rows again, unchanged, and inserts few
            first = last == 0
            inserts = sum(row_count(fields, aside.data[table]) for table, fields in TABLES.items()) if first else 0
            with audit_schema.merge_unlogged(session, inserts):
                counts = package_records.merge(session, aside.data, sender, own)
        except package_records.MergeConflictError as error:
            log.warning("package %s clashes with the records here in %s", opened.sha256[:12], error.table)
            raise UserError(
                _msg(
                    QT_TRANSLATE_NOOP(
                        "Exchange",
                        "The package clashes with records already here ({what}). It was refused and nothing was written; call the sender to check.",
                    ),
                    what=_msg(RECORD_KINDS.get(error.table, RECORD_KINDS["org_units"])),
                )
            ) from None
        counts["minutes_pdf"] = {"new": package_records.store_minutes(session, opened.attachments)}
        unit = package_records.org_id(session, sender)
        assert unit is not None
        waiting = 0
        if aside.owners:
            outcomes = member_conflicts.keep(session, aside, unit, opened.sha256, sequence, moment(session))
            counts["conflicts"] = dict(outcomes)
            waiting = outcomes["new"] + outcomes["updated"]
        if opened.audit is not None:
            audit_queries.keep_branch_log(
                session, unit, opened.audit, opened.manifest.get("audit_from", 0), opened.audit_entries
            )
            counts["audit"] = {"entries": opened.audit_entries}
        if opened.dues is not None:
            dues_queries.keep_branch_dues(session, unit, opened.dues["members"], opened.dues["months"])
            counts["dues"] = {"entries": len(opened.dues["members"])}  # the member-months kept
        if report.new_key:
            exchange_log.register_unit_key(session, unit, opened.public_key)
        unit_figures.refresh(session, package_records.subtree(session, unit), self._today())
        covers_to = date.fromisoformat(opened.manifest["period"]["to"])  # the last day the package's data covers
        at = exchange_log.record_import(
            session, unit, sequence, opened.sha256, opened.manifest["created_at"], covers_to
        )
        if _changed(counts):
            entry = _package_entry(report, opened, counts, waiting)
            audit_schema.log_package(session, exchange_log.import_id(session, opened.sha256), sender, entry)
        receipt = self._receipt(session, sender, sequence, opened.sha256, at)
        # a package that builds on one taken in here carries everything since it: none is missing in between
        gap = last > 0 and sequence > last + 1 and since is None
        return replace(report, gap=gap, counts=counts, conflicts=waiting), receipt

    def _receipt(self, session: Session, sender: str, sequence: int, sha256: str, at: datetime) -> bytes:
        """The signed receipt of a package taken in at *at*: the same bytes each time it is made again."""
        upper = self._organisation.require()
        return package.make_ack(
            {
                "branch_uuid": sender,
                "sequence": sequence,
                "package_sha256": sha256,
                "received_on": at.date().isoformat(),
                "upper": upper.branch_name,
                # the key the branch locks its next packages to, trusted as this receipt is
                "upper_lock": package.b64(self._public_key(session, "encryption")),
            },
            self._key(session, "signing"),
        )

    @staticmethod
    def _write_receipt(path: Path, receipt: bytes) -> str:
        """The receipt beside the package, unless it is there already (a re-import writes one that went
        missing, and replaces one damaged on the way: the branch reads a receipt only under the package's own
        name). Returns its path, or "" when it could not be written (the import stands)."""
        target = path.with_name(path.name.removesuffix(".chibo") + ".chibo-ack")
        try:
            if target.exists() and target.read_bytes() == receipt:
                return str(target)
            return package.write_safely(str(path.parent), target.name, receipt, overwrite=True)
        except (UserError, OSError):
            return ""

    # --- receipts at the branch ---------------------------------------------------------------------------

    def import_receipt(self, path: Path, dry_run: bool = False, trusted: Collection[str] = ()) -> ImportReport:
        """At the branch: a receipt from the upper level, recorded as "received by the upper level on …". The
        first receipt registers the upper level's key once the operator confirmed its fingerprint (*trusted*);
        a receipt under any other key is refused and recorded nowhere."""
        try:
            payload, key = package.read_ack(self._read(path))
        except UserError as error:
            return ImportReport(path.name, False, error.message)
        upper_name: str = payload["upper"]
        fingerprint = package.fingerprint(key)
        base = ImportReport(path.name, True, None, upper_name, fingerprint, False, 0)
        try:
            with self._db.read() if dry_run else self._db.write() as session:
                own = self._organisation.require()
                upper = exchange_log.upper_unit(session)
                registered = exchange_log.unit_key(session, upper) if upper is not None else None
                if registered is not None and key != registered:
                    raise UserError(
                        _msg(
                            QT_TRANSLATE_NOOP(
                                "Exchange",
                                "The receipt is signed by another key than the upper level's. It was refused.",
                            )
                        )
                    )
                sequence = exchange_log.export_by_hash(session, payload["package_sha256"])
                if sequence is None or payload["branch_uuid"] != own.branch_uuid:
                    raise UserError(
                        _msg(
                            QT_TRANSLATE_NOOP("Exchange", "This receipt is for a package this database did not write.")
                        )
                    )
                base = replace(base, sequence=sequence, new_key=registered is None)
                if dry_run:  # the check records nothing, and asks for no fingerprint yet
                    new = not exchange_log.ack_recorded(session, sequence)
                else:
                    if registered is None:
                        if fingerprint not in {normal_fingerprint(t) for t in trusted}:
                            raise _UnconfirmedKeyError(
                                _msg(
                                    QT_TRANSLATE_NOOP(
                                        "Exchange",
                                        "This is the first receipt from {upper}. Call the upper level and compare its key's fingerprint, {fingerprint}, character by character; accept the receipt only once they match.",
                                    ),
                                    upper=upper_name,
                                    fingerprint=fingerprint,
                                )
                            )
                        assert upper is not None
                        exchange_log.register_unit_key(session, upper, key)
                    new = exchange_log.record_ack(
                        session, sequence, payload["received_on"], upper_name, key, payload.get("upper_lock")
                    )
        except UserError as error:
            unconfirmed = isinstance(error, _UnconfirmedKeyError)
            return replace(base, accepted=False, reason=error.message, unconfirmed=unconfirmed)
        if dry_run and new:
            text = QT_TRANSLATE_NOOP(
                "Exchange", "Receipt: {upper} received package {sequence} on {date}. Ready to record."
            )
        elif dry_run:
            text = QT_TRANSLATE_NOOP(
                "Exchange", "Already recorded: {upper} received package {sequence} on {date}. Nothing to do."
            )
        else:
            text = QT_TRANSLATE_NOOP("Exchange", "Package {sequence} was received by {upper} on {date}.")
        received = screen_date(date.fromisoformat(payload["received_on"]))
        return replace(base, reason=_msg(text, sequence=sequence, upper=upper_name, date=received), already=not new)

    def last_recipient(self) -> str | None:
        """The upper level's key to offer for the next package: the one its receipts carry, else the one the newest
        package was locked to; None when there is neither."""
        with self._db.read() as session:
            return exchange_log.last_recipient(session)

    def receipt_lock(self) -> str | None:
        """The upper level's key its receipts brought (signed by it), or None."""
        with self._db.read() as session:
            return exchange_log.receipt_lock(session)

    def last_receipt(self) -> tuple[int, str, str] | None:
        """(sequence, received on, by whom) of the newest package the upper level confirmed."""
        with self._db.read() as session:
            return exchange_log.last_ack(session)

    def package_files(self, paths: list[Path], receipts_only: bool = False) -> list[Path]:
        """The files to take in: files as given, and from folders (a stick with many branches) in name order, this
        database's own packages skipped, and receipts for other databases' packages (*receipts_only*: a branch
        taking in its receipt from a stick the other branches' packages travel on too, which are not for it)."""
        with self._db.read() as session:
            ours = exchange_log.exported_names(session)
        files: list[Path] = []
        for path in paths:
            if not path.is_dir():
                files.append(path)
                continue
            for file in sorted([*path.glob("*.chibo"), *path.glob("*.chibo-ack")]):
                package_name = file.name.removesuffix("-ack")
                if (file.suffix == ".chibo") == (package_name in ours) or (receipts_only and file.suffix == ".chibo"):
                    continue  # our own package, or a receipt meant for someone else
                files.append(file)
        return files

    def import_paths(
        self,
        paths: list[Path],
        passphrase: str | None = None,
        dry_run: bool = False,
        report: Callable[[int], bool] | None = None,
        trusted: Collection[str] = (),
    ) -> list[ImportReport]:
        """Take in every package and receipt of :meth:`package_files`, each in its own transaction. *report(n)*
        is told how many files are done; when it returns False the rest are left for later (those done stay
        done). A file that fails in a way nobody foresaw is reported as refused and the next one is taken."""
        try:
            return self._import_all(paths, passphrase, dry_run, report, trusted)
        finally:  # the page cache the imports widened is given back
            with self._db.read() as session:
                package_records.import_cache(session, wide=False)

    def _import_all(
        self,
        paths: list[Path],
        passphrase: str | None,
        dry_run: bool,
        report: Callable[[int], bool] | None,
        trusted: Collection[str],
    ) -> list[ImportReport]:
        reports = []
        for done, file in enumerate(self.package_files(paths)):
            if report is not None and not report(done):
                break
            try:
                if file.suffix == ".chibo-ack":
                    reports.append(self.import_receipt(file, dry_run, trusted))
                else:
                    reports.append(self.import_file(file, passphrase, dry_run, trusted))
            except Exception:
                log.exception("taking in the file number %d of the batch failed", done + 1)
                reports.append(
                    ImportReport(
                        file.name,
                        False,
                        _msg(
                            QT_TRANSLATE_NOOP(
                                "Exchange",
                                "This file could not be taken in because of an error in the app; nothing of it was written. The details are in the log.",
                            )
                        ),
                    )
                )
        return reports

    def received_branches(self) -> list[ReceivedBranch]:
        """The branches whose packages this database took in, with their last package."""
        return Received(self._db).branches()

    def changed(self) -> Change:
        return Change(frozenset({Topic.MEMBERS, Topic.MEETINGS, Topic.FUNDS}))


OUTCOMES_LOGGED = ("new", "updated", "removed", "conflicts")  # per kind of record, in the package's log entry


def _changed(counts: dict[str, dict[str, int]]) -> bool:
    """Whether the merge added, changed or removed a record (a package that changed nothing is not logged)."""
    return any(counts.get(table, {}).get(outcome) for table in package_records.MODELS for outcome in OUTCOMES_LOGGED)


def _package_entry(
    report: ImportReport, opened: package.Opened, counts: dict[str, dict[str, int]], waiting: int
) -> dict[str, str | int]:
    """What the audit log says of a package taken in: the sending unit, the package's identity, and per kind of
    record how many were added, changed or removed (flat, as every entry of the log)."""
    entry: dict[str, str | int] = {
        "unit": report.branch,
        "file": report.file,
        "sequence": report.sequence,
        "made_at": opened.manifest["created_at"],
        "fingerprint": report.fingerprint,
        "sha256": opened.sha256,
    }
    for table in package_records.MODELS:
        for outcome in OUTCOMES_LOGGED:
            if counts.get(table, {}).get(outcome):
                entry[f"{table}.{outcome}"] = counts[table][outcome]
    if waiting:
        entry["waiting"] = waiting
    return entry


def _foreign_message(foreign: package_records.Foreign) -> Message:
    what = _msg(RECORD_KINDS[foreign.table])
    if foreign.owner is None:
        return _msg(
            QT_TRANSLATE_NOOP(
                "Exchange",
                "The package refers to {what} that is neither in the package nor here. It was refused and nothing was written; call the sender to check.",
            ),
            what=what,
        )
    return _msg(
        QT_TRANSLATE_NOOP(
            "Exchange",
            "The package holds {what} that this database keeps for {unit}. A unit may send only its own records and those of the units under it: the package was refused and nothing was written. Call the sender to check.",
        ),
        what=what,
        unit=foreign.owner,
    )


def _since_message(branch: str, since: int, last: int) -> Message:
    """The refusal of a package that builds on one this database has not taken in."""
    if last == 0:
        return _msg(
            QT_TRANSLATE_NOOP(
                "Exchange",
                "This package from {branch} carries only what changed after its package number {since}, and no package from {branch} was taken in here yet. It was refused and nothing was written. Ask the branch to write a package with “Send every record” ticked, and import that one.",
            ),
            branch=branch,
            since=since,
        )
    return _msg(
        QT_TRANSLATE_NOOP(
            "Exchange",
            "This package from {branch} carries only what changed after its package number {since}, but the last package from {branch} taken in here is number {last}. It was refused and nothing was written. Ask the branch to write a package with “Send every record” ticked, and import that one (or import package number {since} first, if you have it and it opens here).",
        ),
        branch=branch,
        since=since,
        last=last,
    )


def _check_own(data: dict[str, list[dict[str, object]]]) -> None:
    """The branch's own records fit the format, so that the upper level will not refuse the package."""
    try:
        schema.check_data(data)
    except schema.MalformedError as error:
        raise UserError(
            _msg(
                QT_TRANSLATE_NOOP(
                    "Exchange",
                    "The package was not written: the record at {where} cannot travel as it is ({problem}). Correct it and write the package again.",
                ),
                where=error.where,
                problem=error.problem,
            )
        ) from None
