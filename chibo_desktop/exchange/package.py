"""Building and reading exchange packages (see FORMAT.md): sign, hash, zip, encrypt — and the reverse, with every
check done before anything is written. :func:`open_package` is the one way a package is opened. Errors a user can
act on are :class:`UserError` with a plain message.

Branches write format 2 (HPKE, RFC 9180, to the upper level's key; or a passphrase); format 1 (a hand-made
X25519 + HKDF, whose key derivation bound neither the ephemeral nor the recipient key) is still read.
"""

import base64
import hashlib
import io
import json
import os
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.exchange_format import KEY32, RECEIPT, RECEIPT_OPTIONAL, UUID
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message
from chibo_desktop.exchange import schema
from chibo_desktop.files import replace_atomically

if TYPE_CHECKING:
    from cryptography.hazmat.primitives import hpke
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

FORMAT_VERSION = 3
MAGICS = {1: b"CHIBO-PKG 1\n", 2: b"CHIBO-PKG 2\n", 3: b"CHIBO-PKG 3\n"}
MAGIC = MAGICS[FORMAT_VERSION]


def _hpke() -> "hpke.Suite":
    """The HPKE suite of format 2 (cryptography is loaded when a package is made or opened, not at start-up)."""
    from cryptography.hazmat.primitives import hpke

    return hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)


MAX_FILE = 200 * 1024 * 1024
MAX_ENTRIES = 5_000
MAX_ENTRY = 100 * 1024 * 1024
MAX_RATIO = 100
SCRYPT = {"n": 2**15, "r": 8, "p": 1}
COMPRESS_LEVEL = 3


def _refuse(text: str, **args: object) -> UserError:
    return UserError(Message("Exchange", text, dict(args)))


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


# --- keys -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyPair:
    private: bytes  # raw 32 bytes
    public: bytes  # raw 32 bytes


def new_signing_key() -> KeyPair:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    return KeyPair(
        key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()),
        key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw),
    )


def new_encryption_key() -> KeyPair:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    key = X25519PrivateKey.generate()
    return KeyPair(
        key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()),
        key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw),
    )


def fingerprint(public: bytes) -> str:
    """A short fingerprint to read out by phone: 4 groups of 4 hex digits of the key's SHA-256."""
    digest = hashlib.sha256(public).hexdigest().upper()
    return " ".join(digest[i : i + 4] for i in range(0, 16, 4))


# --- building ---------------------------------------------------------------------------------------------


def canonical(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def build(
    manifest: dict[str, Any], data: dict[str, Any] | bytes, attachments: dict[str, bytes], signing: KeyPair
) -> bytes:
    """The inner zip: data.json (the records, or their canonical JSON already written) and attachments hashed into
    the manifest, the manifest signed."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    data_bytes = data if isinstance(data, bytes) else canonical(data)
    parts = {"data.json": hashlib.sha256(data_bytes).hexdigest()}
    for name, content in attachments.items():
        parts[name] = hashlib.sha256(content).hexdigest()
    manifest = {**manifest, "format": FORMAT_VERSION, "parts": parts}
    manifest_bytes = canonical(manifest)
    signature = Ed25519PrivateKey.from_private_bytes(signing.private).sign(manifest_bytes)
    buffer = io.BytesIO()
    # deflate's fastest levels: a third of the time of its default for a file a sixth larger (the audit log's JSON
    # text compresses well either way)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL) as archive:
        archive.writestr("manifest.json", manifest_bytes)
        archive.writestr("signature", signature)
        archive.writestr("data.json", data_bytes)
        for name, content in attachments.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def encrypt_with_passphrase(inner: bytes, passphrase: str) -> bytes:
    """Format 2 locked with a passphrase: scrypt, then AES-256-GCM over the zip with the magic and header line as
    associated data."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    salt, nonce = os.urandom(16), os.urandom(12)
    key = Scrypt(salt=salt, length=32, **SCRYPT).derive(passphrase.encode("utf-8"))
    header = canonical({"enc": "passphrase", "kdf": "scrypt", **SCRYPT, "salt": b64(salt), "nonce": b64(nonce)}) + b"\n"
    return MAGIC + header + AESGCM(key).encrypt(nonce, inner, MAGIC + header)


def usable_recipient(public: bytes) -> bool:
    """Whether *public* is an X25519 key a package can be locked to (not a low-order point such as all zeros)."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

    try:
        X25519PrivateKey.generate().exchange(X25519PublicKey.from_public_bytes(public))
    except ValueError:
        return False
    return True


def encrypt_to_recipient(inner: bytes, recipient_public: bytes) -> bytes:
    """Format 2 locked to the upper level's X25519 key with HPKE (base mode): the header line is HPKE's *info*,
    the body HPKE's encapsulated key followed by the ciphertext."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

    header = canonical({"enc": "hpke", "suite": schema.HPKE_SUITE}) + b"\n"
    return (
        MAGIC
        + header
        + _hpke().encrypt(inner, X25519PublicKey.from_public_bytes(recipient_public), info=MAGIC + header)
    )


def _shared_key(private: "X25519PrivateKey", public: bytes) -> bytes:
    """Format 1's key for a recipient (read only)."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    shared = private.exchange(X25519PublicKey.from_public_bytes(public))
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"chibo-pkg-1").derive(shared)


# --- reading ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Opened:
    """A package that passed every check: its manifest, its data, its attachments, the key that signed it, and
    what its records refer to (to check against the database before anything is written)."""

    manifest: dict[str, Any]
    data: dict[str, Any]
    attachments: dict[str, bytes]
    public_key: bytes
    sha256: str  # of the whole file, to spot the same package twice
    links: schema.Links
    audit: bytes | None = None  # audit.json as it came, checked
    audit_entries: int = 0
    dues: dict[str, list[dict[str, Any]]] | None = None  # dues.json, checked (None: the package has none)


def _damaged_header() -> UserError:
    return _refuse(QT_TRANSLATE_NOOP("Exchange", "The package is damaged (its header cannot be read)."))


def _cannot_open() -> UserError:
    return _refuse(
        QT_TRANSLATE_NOOP(
            "Exchange",
            "The package cannot be opened: the passphrase or key is wrong, or the file was changed or cut short on the way.",
        )
    )


def decrypt(blob: bytes, passphrase: str | None = None, recipient: KeyPair | None = None) -> tuple[int, bytes]:
    """(format, the inner zip) of a package file: format 1 (X25519 + HKDF, or a passphrase) or format 2 (HPKE,
    or a passphrase). The header is checked strictly before any key is derived."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    if len(blob) > MAX_FILE:
        raise _refuse(
            QT_TRANSLATE_NOOP("Exchange", "The file is larger than a package can be ({size} MB)."),
            size=MAX_FILE // 2**20,
        )
    version = next((v for v, magic in MAGICS.items() if blob.startswith(magic)), None)
    if version is None:
        raise _refuse(QT_TRANSLATE_NOOP("Exchange", "This is not a chibo package, or it is damaged at the start."))
    magic = MAGICS[version]
    end = blob.find(b"\n", len(magic))
    if end < 0 or end - len(magic) > 4096:
        raise _damaged_header()
    header_bytes = blob[len(magic) : end + 1]
    header = schema.loads(header_bytes, "header")
    enc = schema.check_header(header, version)
    body = blob[end + 1 :]
    if enc == "passphrase":
        if not passphrase:
            raise _refuse(QT_TRANSLATE_NOOP("Exchange", "This package is locked with a passphrase: enter it."))
        key = Scrypt(salt=unb64(header["salt"]), length=32, **SCRYPT).derive(passphrase.encode("utf-8"))
        associated = header_bytes if version == 1 else magic + header_bytes
        try:
            return version, AESGCM(key).decrypt(unb64(header["nonce"]), body, associated)
        except InvalidTag:
            raise _cannot_open() from None
    if recipient is None:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "Exchange", "This package is locked for an upper level's key, which this database does not have."
            )
        )
    private = X25519PrivateKey.from_private_bytes(recipient.private)
    try:
        if enc == "hpke":
            return version, _hpke().decrypt(body, private, info=magic + header_bytes)
        key = _shared_key(private, unb64(header["eph"]))
        return version, AESGCM(key).decrypt(unb64(header["nonce"]), body, header_bytes)
    except (InvalidTag, ValueError):  # ValueError: an ephemeral key that is no point of the curve
        raise _cannot_open() from None


ALLOWED = ("manifest.json", "signature", "data.json", "audit.json", "dues.json")


def _safe_name(name: str) -> bool:
    return name in ALLOWED or schema.MINUTES.fullmatch(name) is not None


def read_inner(inner: bytes) -> tuple[bytes, bytes, dict[str, bytes]]:
    """(manifest bytes, signature, other parts) from the zip, with every cap checked before reading a byte."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(inner))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise _refuse(QT_TRANSLATE_NOOP("Exchange", "The package is damaged (its contents cannot be read).")) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ENTRIES:
            raise _refuse(QT_TRANSLATE_NOOP("Exchange", "The package holds too many files."))
        names = [info.filename for info in infos]
        if len(names) != len(set(names)):
            raise _refuse(QT_TRANSLATE_NOOP("Exchange", "The package holds two files with the same name."))
        for info in infos:
            if not _safe_name(info.filename):
                raise _refuse(
                    QT_TRANSLATE_NOOP("Exchange", "The package holds an unexpected file: {name}."),
                    name=info.filename[:80],
                )
            if info.file_size > MAX_ENTRY or info.file_size > MAX_RATIO * max(info.compress_size, 1) + 1024:
                raise _refuse(QT_TRANSLATE_NOOP("Exchange", "The package holds a file that unpacks far too large."))
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) or info.flag_bits & 0x1:
                raise _refuse(QT_TRANSLATE_NOOP("Exchange", "The package is damaged (its contents cannot be read)."))
        if not {"manifest.json", "signature", "data.json"} <= set(names):
            raise _refuse(QT_TRANSLATE_NOOP("Exchange", "The package is incomplete."))
        parts: dict[str, bytes] = {}
        try:
            for info in infos:
                with archive.open(info) as handle:
                    content = handle.read(info.file_size + 1)
                if len(content) != info.file_size:
                    raise _refuse(
                        QT_TRANSLATE_NOOP("Exchange", "The package is damaged (its contents cannot be read).")
                    )
                parts[info.filename] = content
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError, zlib.error) as error:
            raise _refuse(
                QT_TRANSLATE_NOOP("Exchange", "The package is damaged (its contents cannot be read).")
            ) from error
    return parts.pop("manifest.json"), parts.pop("signature"), parts


def open_package(
    blob: bytes,
    registered_key: Callable[[str], bytes | None],
    passphrase: str | None = None,
    recipient: KeyPair | None = None,
) -> Opened:
    """The one way to open a package, checked whole before anything is written: decrypt, unpack with caps, the
    manifest's signature against the key registered for the branch it names (*registered_key(uuid)*, None for a
    branch not seen before), every hash, then every part against the schema. :class:`UserError` says why not."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    version, inner = decrypt(blob, passphrase, recipient)
    manifest_bytes, signature, parts = read_inner(inner)
    manifest = schema.loads(manifest_bytes, "manifest")
    branch_uuid, claimed_key = _claimed(manifest)
    registered = registered_key(branch_uuid)
    if registered is not None and claimed_key != registered:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "Exchange",
                "The package is signed with a key other than the one registered for this branch. It was refused; call the branch to check.",
            )
        )
    try:
        Ed25519PublicKey.from_public_bytes(claimed_key).verify(signature, manifest_bytes)
    except (InvalidSignature, ValueError):
        raise _refuse(
            QT_TRANSLATE_NOOP("Exchange", "The package's signature does not match: it was changed after it was made.")
        ) from None
    declared = manifest.get("format")
    if type(declared) is int and declared > FORMAT_VERSION:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "Exchange",
                "The package was made by a newer version of the app (format {version}). Update the app to read it.",
            ),
            version=declared,
        )
    schema.check_manifest(manifest)
    if manifest["format"] != version:
        raise schema.MalformedError("manifest.format", schema.NOT_CHOICE)
    declared_parts = manifest["parts"]
    if set(declared_parts) != set(parts):
        raise _refuse(QT_TRANSLATE_NOOP("Exchange", "The package's contents do not match its manifest."))
    for name, content in parts.items():
        if hashlib.sha256(content).hexdigest() != declared_parts[name]:
            raise _refuse(QT_TRANSLATE_NOOP("Exchange", "The package's contents do not match its manifest."))
    data = schema.loads(parts.pop("data.json"), "data")
    links = schema.check_data(data, manifest)
    audit = parts.pop("audit.json", None)
    entries = 0
    if audit is not None:
        entries = schema.check_audit(schema.loads(audit, "audit"))
    dues = None
    if "dues.json" in parts:
        members = None if "since" in manifest else {record["uuid"] for record in data["members"]}
        dues = schema.check_dues(schema.loads(parts.pop("dues.json"), "dues"), members)
    schema.check_minutes(parts, links, "since" not in manifest)
    return Opened(manifest, data, parts, claimed_key, hashlib.sha256(blob).hexdigest(), links, audit, entries, dues)


def _claimed(manifest: Any) -> tuple[str, bytes]:
    """The branch UUID and signing key a manifest names, checked before the signature is."""
    branch = manifest.get("branch") if type(manifest) is dict else None
    if type(branch) is not dict:
        raise schema.MalformedError("manifest.branch", schema.MISSING)
    schema.check_value(branch.get("uuid"), UUID, "manifest.branch.uuid")
    schema.check_value(branch.get("public_key"), KEY32, "manifest.branch.public_key")
    return branch["uuid"], unb64(branch["public_key"])


def write_safely(folder: str, name: str, blob: bytes, overwrite: bool = False) -> str:
    """Write *blob* as *folder*/*name* (or *name*-2, -3 … if that exists: nothing is overwritten, unless
    *overwrite*): temporary file, flush, fsync, rename, then read it back and compare. Returns the path; raises
    :class:`UserError` if the read-back differs (a stick that lies about flushing)."""
    stem, dot, suffix = name.rpartition(".")
    target = os.path.join(folder, name)
    n = 1
    while os.path.exists(target) and not overwrite:
        n += 1
        target = os.path.join(folder, f"{stem}-{n}{dot}{suffix}")
    try:
        replace_atomically(Path(target), lambda temporary: temporary.write_bytes(blob))
        with open(target, "rb") as handle:
            written = handle.read()
    except OSError as error:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "Exchange",
                "The package could not be written to {folder}: {reason}. Check that the drive is plugged in and not full.",
            ),
            folder=folder,
            reason=error.strerror or str(error),
        ) from error
    if written != blob:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "Exchange",
                "The package on {folder} does not read back as written. Do not remove the drive yet; write it again.",
            ),
            folder=folder,
        )
    return target


# --- acknowledgements -------------------------------------------------------------------------------------

ACK_MAGIC = b"CHIBO-ACK 1\n"


def make_ack(payload: dict[str, Any], signing: KeyPair) -> bytes:
    """A receipt the upper level signs: which package of which branch it took in, and when."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    body = canonical({**payload, "upper_key": b64(signing.public)})
    signature = Ed25519PrivateKey.from_private_bytes(signing.private).sign(body)
    return ACK_MAGIC + body + b"\n" + b64(signature).encode("ascii") + b"\n"


def read_ack(blob: bytes) -> tuple[dict[str, Any], bytes]:
    """(payload, the key that signed it) of a receipt whose signature holds under the key it names; the caller
    checks that key against the upper level's registered one. :class:`UserError` otherwise."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    if len(blob) > 64 * 1024 or not blob.startswith(ACK_MAGIC):
        raise _refuse(QT_TRANSLATE_NOOP("Exchange", "This is not a receipt from the upper level, or it is damaged."))
    lines = blob[len(ACK_MAGIC) :].rstrip(b"\n").split(b"\n")
    if len(lines) != 2:
        raise _refuse(QT_TRANSLATE_NOOP("Exchange", "This is not a receipt from the upper level, or it is damaged."))
    body, signature_line = lines
    payload = schema.loads(body, "receipt")
    optional = {k: spec for k, spec in RECEIPT_OPTIONAL.items() if type(payload) is dict and k in payload}
    schema.check_record(payload, {**RECEIPT, **optional}, "receipt")
    key = unb64(payload["upper_key"])
    if "upper_lock" in payload and not usable_recipient(unb64(payload["upper_lock"])):
        raise _refuse(QT_TRANSLATE_NOOP("Exchange", "This is not a receipt from the upper level, or it is damaged."))
    try:
        signature = unb64(signature_line.decode("ascii"))
        Ed25519PublicKey.from_public_bytes(key).verify(signature, body)
    except (ValueError, InvalidSignature):  # UnicodeDecodeError and binascii.Error are ValueErrors
        raise _refuse(
            QT_TRANSLATE_NOOP("Exchange", "This is not a receipt from the upper level, or it is damaged.")
        ) from None
    return payload, key
