"""Building and reading exchange packages (see FORMAT.md): sign, hash, zip, encrypt — and the reverse, with every
check done before anything is parsed. Errors a user can act on are :class:`UserError` with a plain message."""

import base64
import hashlib
import io
import json
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message
from chibo_desktop.files import replace_atomically

FORMAT_VERSION = 1
MAGIC = b"CHIBO-PKG 1\n"
MAX_FILE = 200 * 1024 * 1024
MAX_ENTRIES = 5_000
MAX_ENTRY = 100 * 1024 * 1024
MAX_RATIO = 100
SCRYPT = {"n": 2**15, "r": 8, "p": 1}


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
    key = Ed25519PrivateKey.generate()
    return KeyPair(
        key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()),
        key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw),
    )


def new_encryption_key() -> KeyPair:
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


def _canonical(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def build(manifest: dict[str, Any], data: dict[str, Any], attachments: dict[str, bytes], signing: KeyPair) -> bytes:
    """The inner zip: data and attachments hashed into the manifest, the manifest signed."""
    data_bytes = _canonical(data)
    parts = {"data.json": hashlib.sha256(data_bytes).hexdigest()}
    for name, content in attachments.items():
        parts[name] = hashlib.sha256(content).hexdigest()
    manifest = {**manifest, "format": FORMAT_VERSION, "parts": parts}
    manifest_bytes = _canonical(manifest)
    signature = Ed25519PrivateKey.from_private_bytes(signing.private).sign(manifest_bytes)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", manifest_bytes)
        archive.writestr("signature", signature)
        archive.writestr("data.json", data_bytes)
        for name, content in attachments.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def encrypt_with_passphrase(inner: bytes, passphrase: str) -> bytes:
    salt, nonce = os.urandom(16), os.urandom(12)
    key = Scrypt(salt=salt, length=32, **SCRYPT).derive(passphrase.encode("utf-8"))
    header = (
        _canonical({"enc": "passphrase", "kdf": "scrypt", **SCRYPT, "salt": b64(salt), "nonce": b64(nonce)}) + b"\n"
    )
    return MAGIC + header + AESGCM(key).encrypt(nonce, inner, header)


def _shared_key(private: X25519PrivateKey, public: bytes) -> bytes:
    shared = private.exchange(X25519PublicKey.from_public_bytes(public))
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"chibo-pkg-1").derive(shared)


def encrypt_to_recipient(inner: bytes, recipient_public: bytes) -> bytes:
    ephemeral = X25519PrivateKey.generate()
    nonce = os.urandom(12)
    eph_public = ephemeral.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    header = _canonical({"enc": "recipient", "eph": b64(eph_public), "nonce": b64(nonce)}) + b"\n"
    return MAGIC + header + AESGCM(_shared_key(ephemeral, recipient_public)).encrypt(nonce, inner, header)


# --- reading ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Opened:
    """A package that passed every check: its manifest, its data, its attachments, the key that signed it."""

    manifest: dict[str, Any]
    data: dict[str, Any]
    attachments: dict[str, bytes]
    public_key: bytes
    sha256: str  # of the whole file, to spot the same package twice


def decrypt(blob: bytes, passphrase: str | None = None, recipient: KeyPair | None = None) -> bytes:
    if len(blob) > MAX_FILE:
        raise _refuse(
            QT_TRANSLATE_NOOP("Exchange", "The file is larger than a package can be ({size} MB)."),
            size=MAX_FILE // 2**20,
        )
    if not blob.startswith(MAGIC):
        raise _refuse(QT_TRANSLATE_NOOP("Exchange", "This is not a chibo package, or it is damaged at the start."))
    end = blob.find(b"\n", len(MAGIC))
    if end < 0 or end - len(MAGIC) > 4096:
        raise _refuse(QT_TRANSLATE_NOOP("Exchange", "The package is damaged (its header cannot be read)."))
    header_bytes = blob[len(MAGIC) : end + 1]
    try:
        header = json.loads(header_bytes)
        nonce = unb64(header["nonce"])
        if header["enc"] == "passphrase":
            if not passphrase:
                raise _refuse(QT_TRANSLATE_NOOP("Exchange", "This package is locked with a passphrase: enter it."))
            if (header["n"], header["r"], header["p"]) != (SCRYPT["n"], SCRYPT["r"], SCRYPT["p"]):
                raise _refuse(QT_TRANSLATE_NOOP("Exchange", "The package is damaged (its header cannot be read)."))
            key = Scrypt(salt=unb64(header["salt"]), length=32, **SCRYPT).derive(passphrase.encode("utf-8"))
        elif header["enc"] == "recipient":
            if recipient is None:
                raise _refuse(
                    QT_TRANSLATE_NOOP(
                        "Exchange",
                        "This package is locked for an upper level's key, which this database does not have.",
                    )
                )
            key = _shared_key(X25519PrivateKey.from_private_bytes(recipient.private), unb64(header["eph"]))
        else:
            raise _refuse(QT_TRANSLATE_NOOP("Exchange", "The package is damaged (its header cannot be read)."))
    except UserError:
        raise
    except (ValueError, KeyError, TypeError) as error:
        raise _refuse(QT_TRANSLATE_NOOP("Exchange", "The package is damaged (its header cannot be read).")) from error
    try:
        return AESGCM(key).decrypt(nonce, blob[end + 1 :], header_bytes)
    except InvalidTag:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "Exchange",
                "The package cannot be opened: the passphrase or key is wrong, or the file was changed or cut short on the way.",
            )
        ) from None


ALLOWED = ("manifest.json", "signature", "data.json", "audit.json")


def _safe_name(name: str) -> bool:
    if name in ALLOWED:
        return True
    if not name.startswith("minutes/") or not name.endswith(".pdf"):
        return False
    stem = name[len("minutes/") : -len(".pdf")]
    return bool(stem) and all(c.isalnum() or c == "-" for c in stem)


def read_inner(inner: bytes) -> tuple[bytes, bytes, dict[str, bytes]]:
    """(manifest bytes, signature, other parts) from the zip, with every cap checked before reading a byte."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(inner))
    except zipfile.BadZipFile:
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
        except (zipfile.BadZipFile, OSError, EOFError) as error:
            raise _refuse(
                QT_TRANSLATE_NOOP("Exchange", "The package is damaged (its contents cannot be read).")
            ) from error
    return parts.pop("manifest.json"), parts.pop("signature"), parts


def open_package(
    blob: bytes,
    registered_key: bytes | None,
    passphrase: str | None = None,
    recipient: KeyPair | None = None,
) -> Opened:
    """Decrypt, unpack with caps, verify the signature (against *registered_key* if the branch is known) and
    every hash; only then parse the data. Raises :class:`UserError` with the reason."""
    return verify(*read_inner(decrypt(blob, passphrase, recipient)), registered_key, hashlib.sha256(blob).hexdigest())


def claimed_branch(manifest_bytes: bytes) -> str | None:
    """The branch UUID a manifest claims, to look up its registered key before the signature is checked."""
    try:
        value = json.loads(manifest_bytes)["branch"]["uuid"]
    except (ValueError, KeyError, TypeError):
        return None
    return value if isinstance(value, str) else None


def verify(
    manifest_bytes: bytes, signature: bytes, parts: dict[str, bytes], registered_key: bytes | None, file_hash: str
) -> Opened:
    try:
        manifest = json.loads(manifest_bytes)
        claimed_key = unb64(manifest["branch"]["public_key"])
        version = int(manifest["format"])
    except (ValueError, KeyError, TypeError):
        raise _refuse(QT_TRANSLATE_NOOP("Exchange", "The package is damaged (its manifest cannot be read).")) from None
    key = registered_key or claimed_key
    if registered_key is not None and claimed_key != registered_key:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "Exchange",
                "The package is signed with a key other than the one registered for this branch. It was refused; call the branch to check.",
            )
        )
    try:
        Ed25519PublicKey.from_public_bytes(key).verify(signature, manifest_bytes)
    except (InvalidSignature, ValueError):
        raise _refuse(
            QT_TRANSLATE_NOOP("Exchange", "The package's signature does not match: it was changed after it was made.")
        ) from None
    if version > FORMAT_VERSION:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "Exchange",
                "The package was made by a newer version of the app (format {version}). Update the app to read it.",
            ),
            version=version,
        )
    declared = manifest.get("parts")
    if not isinstance(declared, dict) or set(declared) != set(parts):
        raise _refuse(QT_TRANSLATE_NOOP("Exchange", "The package's contents do not match its manifest."))
    for name, content in parts.items():
        if hashlib.sha256(content).hexdigest() != declared[name]:
            raise _refuse(QT_TRANSLATE_NOOP("Exchange", "The package's contents do not match its manifest."))
    try:
        data = json.loads(parts.pop("data.json"))
    except ValueError:
        raise _refuse(QT_TRANSLATE_NOOP("Exchange", "The package's data cannot be read.")) from None
    return Opened(manifest, data, dict(parts), key, file_hash)


def write_safely(folder: str, name: str, blob: bytes) -> str:
    """Write *blob* as *folder*/*name* (or *name*-2, -3 … if that exists: nothing is overwritten): temporary file,
    flush, fsync, rename, then read it back and compare. Returns the path; raises :class:`UserError` if the
    read-back differs (a stick that lies about flushing)."""
    stem, dot, suffix = name.rpartition(".")
    target = os.path.join(folder, name)
    n = 1
    while os.path.exists(target):
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
    if hashlib.sha256(written).digest() != hashlib.sha256(blob).digest():
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
    body = _canonical({**payload, "upper_key": b64(signing.public)})
    signature = Ed25519PrivateKey.from_private_bytes(signing.private).sign(body)
    return ACK_MAGIC + body + b"\n" + b64(signature).encode("ascii") + b"\n"


def read_ack(blob: bytes, registered_upper: bytes | None) -> tuple[dict[str, Any], bytes]:
    """(payload, the upper level's key) of a receipt whose signature holds; :class:`UserError` otherwise."""
    if len(blob) > 64 * 1024 or not blob.startswith(ACK_MAGIC):
        raise _refuse(QT_TRANSLATE_NOOP("Exchange", "This is not a receipt from the upper level, or it is damaged."))
    try:
        body, signature_line = blob[len(ACK_MAGIC) :].rstrip(b"\n").split(b"\n")
        payload = json.loads(body)
        key = unb64(payload["upper_key"])
        Ed25519PublicKey.from_public_bytes(registered_upper or key).verify(unb64(signature_line.decode("ascii")), body)
    except (ValueError, KeyError, TypeError, InvalidSignature):
        raise _refuse(
            QT_TRANSLATE_NOOP("Exchange", "This is not a receipt from the upper level, or it is damaged.")
        ) from None
    if registered_upper is not None and key != registered_upper:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "Exchange", "The receipt is signed by another key than the upper level's. It was refused."
            )
        )
    return payload, key
