"""Crafting packages byte by byte, as an attacker (or an older app) would: any manifest, any data, any header,
signed with any key, sealed as format 1 or 2. Tests feed them to the app's one way of opening a package."""

import hashlib
import io
import json
import os
import zipfile
from typing import Any

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from chibo_desktop.domain.exchange_format import tables_of
from chibo_desktop.exchange import package

PASS = "mat-khau-chi-bo"


def text(value: Any) -> bytes:
    """JSON as the app writes it; a value that is already bytes is taken as it is (NaN, 10,000 brackets …)."""
    if isinstance(value, bytes):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def zipped(entries: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries:
            archive.writestr(name, content)
    return buffer.getvalue()


def manifest_for(
    branch_uuid: str,
    key: package.KeyPair,
    data: dict[str, Any],
    sequence: int = 1,
    version: int = package.FORMAT_VERSION,
) -> dict[str, Any]:
    """A manifest as the app writes it (without format and parts, which :func:`inner` adds), counting the tables
    of format *version*."""
    return {
        "app_version": "0.1.0",
        "created_at": "2026-11-22T09:00:00",
        "branch": {
            "uuid": branch_uuid,
            "name": "Chi bộ ấp Sáu",
            "upper": "Đảng ủy xã Tân Hùng",
            "public_key": package.b64(key.public),
        },
        "period": {"from": None, "to": "2026-11-22"},
        "sequence": sequence,
        "previous_sha256": None,
        "counts": {table: len(data.get(table, [])) if isinstance(data, dict) else 0 for table in tables_of(version)},
    }


def inner(
    manifest: dict[str, Any] | bytes,
    data: Any,
    key: package.KeyPair,
    audit: Any = None,
    attachments: dict[str, bytes] | None = None,
    version: int = package.FORMAT_VERSION,
) -> bytes:
    """The signed inner zip: every part hashed into the manifest (unless the manifest is given as bytes)."""
    parts = {"data.json": text(data)}
    if audit is not None:
        parts["audit.json"] = text(audit)
    parts.update(attachments or {})
    if not isinstance(manifest, bytes):
        manifest = text(
            {
                "format": version,
                **manifest,
                "parts": {name: hashlib.sha256(content).hexdigest() for name, content in parts.items()},
            }
        )
    signature = Ed25519PrivateKey.from_private_bytes(key.private).sign(manifest)
    return zipped([("manifest.json", manifest), ("signature", signature), *parts.items()])


def _given(header: Any, name: str, size: int) -> bytes | None:
    """The salt or nonce a crafted header names, if it is one."""
    try:
        found = json.loads(header)[name] if isinstance(header, bytes) else header[name]
        value = package.unb64(found)
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    return value if len(value) == size else None


def sealed(
    inner_zip: bytes, passphrase: str = PASS, version: int = package.FORMAT_VERSION, header: Any = None
) -> bytes:
    """Locked with a passphrase, as format *version*; *header* (an object, or the line's JSON as bytes) replaces
    the header line, and its salt and nonce are used when they are real ones."""
    salt = _given(header, "salt", 16) or os.urandom(16)
    nonce = _given(header, "nonce", 12) or os.urandom(12)
    magic = package.MAGICS[version]
    real = {
        "enc": "passphrase",
        "kdf": "scrypt",
        **package.SCRYPT,
        "salt": package.b64(salt),
        "nonce": package.b64(nonce),
    }
    line = text(header if header is not None else real) + b"\n"
    key = Scrypt(salt=salt, length=32, **package.SCRYPT).derive(passphrase.encode("utf-8"))
    associated = line if version == 1 else magic + line
    return magic + line + AESGCM(key).encrypt(nonce, inner_zip, associated)


def sealed_v1_to(inner_zip: bytes, recipient_public: bytes) -> bytes:
    """Format 1 locked to a recipient's key: X25519 + HKDF + AES-GCM, as the app wrote it before HPKE."""
    ephemeral = X25519PrivateKey.generate()
    nonce = os.urandom(12)
    eph = ephemeral.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    line = text({"enc": "recipient", "eph": package.b64(eph), "nonce": package.b64(nonce)}) + b"\n"
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"chibo-pkg-1").derive(shared)
    return package.MAGICS[1] + line + AESGCM(key).encrypt(nonce, inner_zip, line)
