"""A file locked with a passphrase, for copies that leave the computer (a backup on a USB stick).

The same scheme as a package locked with a passphrase (exchange/FORMAT.md): scrypt (N=2^15, r=8, p=1) turns the
passphrase into an AES-256-GCM key. A database can be gigabytes, so it is sealed in chunks of 1 MiB, each with its
own tag (the STREAM construction): the nonce is a random prefix, the chunk's number and a flag on the last chunk,
and every chunk is bound to the header. A chunk changed, moved, dropped or a file cut short fails to open; a wrong
passphrase fails on the first chunk. Nothing but the header is readable without the passphrase.

    CHIBO-SEALED 1\n
    {"kdf": "scrypt", "n": 32768, "r": 8, "p": 1, "salt": …, "nonce": …, "chunk": 1048576}\n
    chunk 0 ‖ tag, chunk 1 ‖ tag, …, last chunk (possibly empty) ‖ tag
"""

import base64
import hashlib
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message
from chibo_desktop.files import replace_atomically

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"CHIBO-SEALED 1\n"
SCRYPT = {"n": 2**15, "r": 8, "p": 1}
CHUNK = 1 << 20
TAG = 16
MIN_PASSPHRASE = 8
MAX_HEADER = 4096

Report = Callable[[int], bool]


class SealCancelledError(Exception):
    """The user cancelled; nothing was written."""


def _refuse(text: str, **args: object) -> UserError:
    return UserError(Message("Sealed", text, dict(args)))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def check_passphrase(passphrase: str) -> None:
    """The rule packages follow too: at least 8 characters."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise _refuse(
            QT_TRANSLATE_NOOP("Sealed", "A passphrase needs at least {count} characters."), count=MIN_PASSPHRASE
        )


def _key(salt: bytes, passphrase: str, n: int = SCRYPT["n"], r: int = SCRYPT["r"], p: int = SCRYPT["p"]) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt  # loaded when a backup is sealed or opened

    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def _nonce(prefix: bytes, number: int, last: bool) -> bytes:
    return prefix + number.to_bytes(4, "big") + (b"\x01" if last else b"\x00")


def is_sealed(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def _chunks(handle: BinaryIO, size: int) -> Iterator[tuple[bytes, bool]]:
    """The chunks of *handle*, each with whether it is the last (there is always at least one)."""
    current = handle.read(size)
    while True:
        following = handle.read(size)
        yield current, not following
        if not following:
            return
        current = following


def seal_file(source: Path, target: Path, passphrase: str, report: Report | None = None) -> Path:
    """Write *source* sealed with *passphrase* to *target* (whole or not at all). *report(percent)* follows the
    work; when it returns False nothing is written (``SealCancelledError``)."""
    check_passphrase(passphrase)
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, prefix = os.urandom(16), os.urandom(7)
    key = AESGCM(_key(salt, passphrase))
    header = (
        MAGIC
        + json.dumps(
            {"kdf": "scrypt", **SCRYPT, "salt": _b64(salt), "nonce": _b64(prefix), "chunk": CHUNK}, sort_keys=True
        ).encode("ascii")
        + b"\n"
    )
    total = max(source.stat().st_size, 1)

    def write(temporary: Path) -> None:
        with open(source, "rb") as plain, open(temporary, "wb") as out:
            out.write(header)
            for number, (chunk, last) in enumerate(_chunks(plain, CHUNK)):
                out.write(key.encrypt(_nonce(prefix, number, last), chunk, header))
                if report is not None and not report(min(100, 100 * (number + 1) * CHUNK // total)):
                    raise SealCancelledError()

    return replace_atomically(target, write)


def _opened(handle: BinaryIO, passphrase: str) -> tuple[bytes, "AESGCM", bytes, int]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    start = handle.read(len(MAGIC))
    if start != MAGIC:
        raise _refuse(QT_TRANSLATE_NOOP("Sealed", "This is not a locked backup of this app, or it is damaged."))
    line = handle.readline(MAX_HEADER)
    try:
        fields = json.loads(line)
        salt = base64.b64decode(fields["salt"], validate=True)
        prefix = base64.b64decode(fields["nonce"], validate=True)
        n, r, p, chunk = (int(fields[name]) for name in ("n", "r", "p", "chunk"))
        if fields["kdf"] != "scrypt" or len(prefix) != 7 or len(salt) < 16 or (n, r, p) != tuple(SCRYPT.values()):
            raise ValueError("header")
        if not 1 << 12 <= chunk <= 1 << 24:
            raise ValueError("chunk")
    except (ValueError, KeyError, TypeError):
        raise _refuse(
            QT_TRANSLATE_NOOP("Sealed", "The locked backup is damaged (its header cannot be read).")
        ) from None
    return start + line, AESGCM(_key(salt, passphrase, n, r, p)), prefix, chunk


def _plain_chunks(source: Path, passphrase: str, report: Report | None) -> Iterator[bytes]:
    from cryptography.exceptions import InvalidTag

    total = max(source.stat().st_size, 1)
    with open(source, "rb") as handle:
        header, key, prefix, chunk = _opened(handle, passphrase)
        for number, (sealed, last) in enumerate(_chunks(handle, chunk + TAG)):
            try:
                yield key.decrypt(_nonce(prefix, number, last), sealed, header)
            except InvalidTag:
                if number == 0:
                    raise _refuse(
                        QT_TRANSLATE_NOOP(
                            "Sealed",
                            "The passphrase is not right (or the locked backup is damaged). Type it again: it is the "
                            "one given when the backup was written.",
                        )
                    ) from None
                raise _refuse(
                    QT_TRANSLATE_NOOP(
                        "Sealed",
                        "The locked backup is damaged or cut short after {size} MB. Use another copy.",
                    ),
                    size=number * chunk // 2**20,
                ) from None
            if report is not None and not report(min(100, 100 * (number + 1) * (chunk + TAG) // total)):
                raise SealCancelledError()


def unseal_file(source: Path, target: Path, passphrase: str, report: Report | None = None) -> Path:
    """Write what *source* holds, checked chunk by chunk, to *target* (whole or not at all)."""

    def write(temporary: Path) -> None:
        with open(temporary, "wb") as out:
            for plain in _plain_chunks(source, passphrase, report):
                out.write(plain)

    return replace_atomically(target, write)


def unsealed_digest(source: Path, passphrase: str, report: Report | None = None) -> bytes:
    """SHA-256 of what *source* holds, for reading a sealed copy back without writing it anywhere."""
    digest = hashlib.sha256()
    for plain in _plain_chunks(source, passphrase, report):
        digest.update(plain)
    return digest.digest()


def file_digest(path: Path) -> bytes:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(CHUNK):
            digest.update(block)
    return digest.digest()
