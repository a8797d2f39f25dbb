"""Carrying the branch's data to the upper level, and taking branches' packages in there.

Export: every record with its UUID, signed with the branch's Ed25519 key (made the first time), encrypted with a
passphrase or to the upper level's key, written to the chosen folder safely and read back. Import: decrypt,
check caps, signature and hashes, then the schema, then preview the counts, then one transaction per package.
"""

import hashlib
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from chibo_desktop import __version__
from chibo_desktop.domain.clock import Clock
from chibo_desktop.domain.dates import screen_date
from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message
from chibo_desktop.exchange import package, schema
from chibo_desktop.services.changes import Change, Topic
from chibo_desktop.services.folders import require_folder
from chibo_desktop.services.organisation import OrganisationService
from chibo_desktop.storage import audit_queries, exchange_queries
from chibo_desktop.storage.db import Database, Session


def _msg(text: str, **args: object) -> Message:
    return Message("Exchange", text, dict(args))


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


@dataclass(frozen=True)
class ReceivedBranch:
    id: int
    uuid: str
    name: str
    sequence: int
    received_on: date | None
    units: tuple[int, ...] = ()  # the unit and those below it (a commune's branches)
    covers_to: date | None = None  # the last day the data of its newest package covers

    def sent_for(self, end: date) -> bool:
        """Whether the branch has sent data that reaches *end* (a period's last day), whenever it was taken in."""
        return self.covers_to is not None and self.covers_to >= end


class _DiscardDryRunError(Exception):
    """Raised inside a dry run's transaction to throw its work away."""


def _covers_to(manifest: dict[str, object]) -> date | None:
    """The last day the package's data covers: its period's "to" (the day it was made, for older packages)."""
    period = manifest.get("period")
    for text in (period.get("to") if isinstance(period, dict) else None, manifest.get("created_at")):
        try:
            return date.fromisoformat(str(text)[:10])
        except ValueError:
            continue
    return None


def slug(name: str) -> str:
    plain = unicodedata.normalize("NFD", name.lower()).replace("đ", "d")
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "chi-bo"


class ExchangeService:
    def __init__(
        self,
        db: Database,
        organisation: OrganisationService,
        clock: Clock,
        minutes_pdf: Callable[[int], bytes] | None = None,
    ) -> None:
        """*minutes_pdf(meeting_id)* prints a meeting's minutes, for packages that carry them."""
        self._db = db
        self._organisation = organisation
        self._clock = clock
        self._today = clock.today
        self._minutes_pdf = minutes_pdf

    def _key(self, session: Session, purpose: str) -> package.KeyPair:
        found = exchange_queries.get_key(session, purpose)
        if found is None:
            pair = package.new_signing_key() if purpose == "signing" else package.new_encryption_key()
            exchange_queries.set_key(session, purpose, pair.private, pair.public)
            return pair
        return package.KeyPair(*found)

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
    ) -> ExportResult:
        """The package of everything, optionally with the approved minutes printed as PDFs. *report(percent)*
        follows the printing of the minutes; when it returns False nothing is written."""
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
                if len(recipient_key) != 32:
                    raise ValueError(recipient)
            except ValueError:
                raise UserError(
                    _msg(
                        QT_TRANSLATE_NOOP(
                            "Exchange", "That is not an upper level's key. Copy it again from “chibo keys show” there."
                        )
                    )
                ) from None
        require_folder(folder)
        organisation = self._organisation.require()
        today = self._today()
        with self._db.write() as session:
            signing = self._key(session, "signing")
            data = exchange_queries.dump(session)
            previous, previous_hash = exchange_queries.last_export(session)
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
                "counts": {table: len(records) for table, records in data.items()},
            }
            attachments: dict[str, bytes] = {
                "audit.json": json.dumps(audit_queries.dump(session), ensure_ascii=False).encode("utf-8")
            }
            if with_minutes and self._minutes_pdf is not None:
                approved = exchange_queries.approved_meetings(session)
                for done, (meeting_id, meeting_uuid) in enumerate(approved):
                    if report is not None and not report(100 * done // len(approved)):
                        raise UserError(_msg(QT_TRANSLATE_NOOP("Exchange", "Cancelled; nothing was written.")))
                    attachments[f"minutes/{meeting_uuid}.pdf"] = self._minutes_pdf(meeting_id)
            inner = package.build(manifest, data, attachments, signing)
            blob = (
                package.encrypt_to_recipient(inner, recipient_key)
                if recipient_key
                else package.encrypt_with_passphrase(inner, passphrase or "")
            )
            name = f"{slug(organisation.branch_name)}_{today.isoformat()}_{sequence:04d}.chibo"
            path = Path(package.write_safely(str(folder), name, blob))
            digest = hashlib.sha256(blob).hexdigest()
            exchange_queries.record_export(session, sequence, name, digest)
        return ExportResult(path, sequence, len(blob), digest)

    # --- import -------------------------------------------------------------------------------------------

    def import_file(self, path: Path, passphrase: str | None = None, dry_run: bool = False) -> ImportReport:
        """Check and take in one package; a refusal is a report with its reason, never an exception."""
        try:
            return self._import(path, passphrase, dry_run)
        except UserError as error:
            return ImportReport(path.name, False, error.message)

    def _import(self, path: Path, passphrase: str | None, dry_run: bool) -> ImportReport:
        try:
            size = path.stat().st_size
            if size > package.MAX_FILE:
                raise UserError(
                    _msg(
                        QT_TRANSLATE_NOOP("Exchange", "The file is larger than a package can be ({size} MB)."),
                        size=package.MAX_FILE // 2**20,
                    )
                )
            blob = path.read_bytes()
        except OSError as error:
            raise UserError(
                _msg(
                    QT_TRANSLATE_NOOP("Exchange", "The file {name} could not be read: {reason}."),
                    name=path.name,
                    reason=error.strerror or str(error),
                )
            ) from error
        with self._db.write() as session:
            recipient = self._key(session, "encryption")
        inner = package.decrypt(blob, passphrase, recipient)
        manifest_bytes, signature, parts = package.read_inner(inner)
        branch_uuid = package.claimed_branch(manifest_bytes)
        with self._db.read() as session:
            branch_id = exchange_queries.org_id(session, branch_uuid) if branch_uuid else None
            registered = exchange_queries.branch_key(session, branch_id) if branch_id else None
        opened = package.verify(manifest_bytes, signature, parts, registered, hashlib.sha256(blob).hexdigest())
        schema.check(opened.data)
        manifest = opened.manifest
        sequence = int(manifest.get("sequence", 0))
        branch = str(manifest["branch"].get("name", ""))
        report = ImportReport(
            path.name, True, None, branch, package.fingerprint(opened.public_key), registered is None, sequence
        )
        try:
            with self._db.write() as session:
                if exchange_queries.imported(session, opened.sha256):
                    return ImportReport(
                        path.name,
                        True,
                        _msg(QT_TRANSLATE_NOOP("Exchange", "Already imported: nothing changed.")),
                        branch,
                        report.fingerprint,
                        False,
                        sequence,
                        already=True,
                    )
                parent = exchange_queries.self_unit(session)
                if parent is None:
                    raise UserError(
                        _msg(
                            QT_TRANSLATE_NOOP(
                                "Exchange", "Set up this database's own organisation before importing packages."
                            )
                        )
                    )
                last = exchange_queries.last_import(session, branch_id) if branch_id else 0
                if sequence <= last:
                    raise UserError(
                        _msg(
                            QT_TRANSLATE_NOOP(
                                "Exchange",
                                "This package (number {sequence}) is older than one already imported from {branch} (number {last}). It was refused.",
                            ),
                            sequence=sequence,
                            branch=branch,
                            last=last,
                        )
                    )
                try:
                    counts = exchange_queries.merge(session, opened.data, parent, str(branch_uuid))
                except (ValueError, KeyError, TypeError) as error:
                    raise UserError(
                        _msg(
                            QT_TRANSLATE_NOOP("Exchange", "The package's data is malformed ({where}). It was refused."),
                            where=str(error)[:120],
                        )
                    ) from error
                counts["minutes_pdf"] = {"new": exchange_queries.store_minutes(session, opened.attachments)}
                unit = exchange_queries.org_id(session, str(branch_uuid))
                assert unit is not None
                if "audit.json" in opened.attachments:
                    log_bytes = opened.attachments["audit.json"]
                    try:
                        if not isinstance(json.loads(log_bytes), list):
                            raise ValueError("audit.json")
                    except ValueError as error:
                        raise UserError(
                            _msg(
                                QT_TRANSLATE_NOOP(
                                    "Exchange", "The package's data is malformed ({where}). It was refused."
                                ),
                                where="audit.json",
                            )
                        ) from error
                    audit_queries.keep_branch_log(session, unit, log_bytes)
                    counts["audit"] = {"entries": len(json.loads(log_bytes))}
                if registered is None:
                    exchange_queries.register_branch_key(session, unit, opened.public_key)
                exchange_queries.record_import(
                    session, unit, sequence, opened.sha256, str(manifest.get("created_at", "")), _covers_to(manifest)
                )
                report = ImportReport(
                    path.name,
                    True,
                    None,
                    branch,
                    report.fingerprint,
                    registered is None,
                    sequence,
                    gap=last > 0 and sequence > last + 1,
                    counts=counts,
                )
                if dry_run:
                    raise _DiscardDryRunError()
                upper = self._organisation.require()
                receipt = package.make_ack(
                    {
                        "branch_uuid": branch_uuid,
                        "sequence": sequence,
                        "package_sha256": opened.sha256,
                        "received_on": self._today().isoformat(),
                        "upper": upper.branch_name,
                    },
                    self._key(session, "signing"),
                )
        except _DiscardDryRunError:
            return report
        try:
            written = package.write_safely(str(path.parent), path.name.removesuffix(".chibo") + ".chibo-ack", receipt)
        except UserError:
            written = ""  # the import stands; the report shows that no receipt could be written
        return replace(report, receipt=written)

    def import_receipt(self, path: Path, dry_run: bool = False) -> ImportReport:
        """At the branch: a receipt from the upper level, recorded as "received by the upper level on …". A dry
        run checks it the same way and records nothing."""
        try:
            blob = path.read_bytes()
            with self._db.read() if dry_run else self._db.write() as session:
                payload, key = package.read_ack(blob, exchange_queries.upper_key(session))
                sequence = exchange_queries.export_by_hash(session, str(payload.get("package_sha256", "")))
                if sequence is None:
                    raise UserError(
                        _msg(
                            QT_TRANSLATE_NOOP("Exchange", "This receipt is for a package this database did not write.")
                        )
                    )
                if dry_run:
                    new = not exchange_queries.ack_recorded(session, sequence)
                else:
                    new = exchange_queries.record_ack(
                        session, sequence, str(payload.get("received_on", "")), str(payload.get("upper", "")), key
                    )
        except OSError as error:
            return ImportReport(
                path.name,
                False,
                _msg(
                    QT_TRANSLATE_NOOP("Exchange", "The file {name} could not be read: {reason}."),
                    name=path.name,
                    reason=error.strerror or str(error),
                ),
            )
        except UserError as error:
            return ImportReport(path.name, False, error.message)
        try:
            received = screen_date(date.fromisoformat(str(payload.get("received_on", ""))))
        except ValueError:
            received = "?"
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
        message = _msg(text, sequence=sequence, upper=payload.get("upper", ""), date=received)
        return ImportReport(
            path.name,
            True,
            message,
            str(payload.get("upper", "")),
            package.fingerprint(key),
            False,
            sequence,
            already=not new,
        )

    def last_receipt(self) -> tuple[int, str, str] | None:
        """(sequence, received on, by whom) of the newest package the upper level confirmed."""
        with self._db.read() as session:
            return exchange_queries.last_ack(session)

    def package_files(self, paths: list[Path]) -> list[Path]:
        """The files to take in: files as given, and from folders (a stick with many branches) in name order, this
        database's own packages skipped, and receipts for other databases' packages."""
        with self._db.read() as session:
            ours = exchange_queries.exported_names(session)
        files: list[Path] = []
        for path in paths:
            if not path.is_dir():
                files.append(path)
                continue
            for file in sorted([*path.glob("*.chibo"), *path.glob("*.chibo-ack")]):
                package_name = file.name.removesuffix("-ack")
                if (file.suffix == ".chibo") == (package_name in ours):
                    continue  # our own package, or a receipt meant for someone else
                files.append(file)
        return files

    def import_paths(
        self,
        paths: list[Path],
        passphrase: str | None = None,
        dry_run: bool = False,
        report: Callable[[int], bool] | None = None,
    ) -> list[ImportReport]:
        """Take in every package of :meth:`package_files`, each in its own transaction. *report(n)* is told how
        many files are done; when it returns False the rest are left for later (those done stay done)."""
        reports = []
        for done, file in enumerate(self.package_files(paths)):
            if report is not None and not report(done):
                break
            if file.suffix == ".chibo-ack":
                reports.append(self.import_receipt(file, dry_run))
            else:
                reports.append(self.import_file(file, passphrase, dry_run))
        return reports

    def received_branches(self) -> list[ReceivedBranch]:
        """The branches whose packages this database took in, with their last package."""
        with self._db.read() as session:
            rows = exchange_queries.received_branches(session)
            return [
                ReceivedBranch(
                    i, u, n, seq, at.date() if at else None, tuple(exchange_queries.subtree(session, i)), covers
                )
                for i, u, n, seq, at, covers in rows
            ]

    def changed(self) -> Change:
        return Change(frozenset({Topic.MEMBERS, Topic.MEETINGS, Topic.FUNDS}))
