"""An optional password on opening the app, with a lock after idle minutes and a recovery code.

Only argon2id hashes are stored (salted, 64 MiB, 3 passes), never the password or the code. The password
keeps people out of the app on a shared office computer; it does not encrypt the file, so a forgotten
password and a lost code never cost the data (README: "If the password is lost").
"""

import base64
import hmac
import os
import secrets
import unicodedata

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message, messages
from chibo_desktop.storage.access_queries import get_lock
from chibo_desktop.storage.db import Database

MIN_LENGTH = 6
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read off paper without doubt
MEMORY_KIB, PASSES, LANES = 65536, 3, 4


_msg = messages("Access")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4))


def _kdf(salt: bytes, memory: int, passes: int, lanes: int) -> Argon2id:
    return Argon2id(salt=salt, length=32, iterations=passes, lanes=lanes, memory_cost=memory)


def _normal(secret: str) -> bytes:
    return unicodedata.normalize("NFC", secret).encode("utf-8")


def hash_secret(secret: str) -> str:
    """A PHC-style string: ``$argon2id$v=19$m=65536,t=3,p=4$<salt>$<hash>``."""
    salt = os.urandom(16)
    digest = _kdf(salt, MEMORY_KIB, PASSES, LANES).derive(_normal(secret))
    return f"$argon2id$v=19$m={MEMORY_KIB},t={PASSES},p={LANES}${_b64(salt)}${_b64(digest)}"


def verify_secret(secret: str, stored: str) -> bool:
    try:
        _empty, name, _version, params, salt, digest = stored.split("$")
        settings = dict(part.split("=") for part in params.split(","))
        if name != "argon2id":
            return False
        derived = _kdf(_unb64(salt), int(settings["m"]), int(settings["t"]), int(settings["p"])).derive(_normal(secret))
    except (ValueError, KeyError):
        return False
    return hmac.compare_digest(derived, _unb64(digest))


def new_recovery_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(16))
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


def _clean_code(code: str) -> str:
    plain = "".join(c for c in code.upper() if c.isalnum())
    return "-".join(plain[i : i + 4] for i in range(0, len(plain), 4))


class AccessService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def protected(self) -> bool:
        with self._db.read() as session:
            return get_lock(session).password_hash is not None

    def idle_minutes(self) -> int:
        """Minutes without a key or mouse press before the app locks itself; 0 means never."""
        with self._db.read() as session:
            return get_lock(session).idle_minutes

    def check(self, password: str) -> bool:
        with self._db.read() as session:
            stored = get_lock(session).password_hash
        return stored is None or verify_secret(password, stored)

    def set_password(self, new: str, repeat: str, idle_minutes: int, current: str = "") -> str:
        """Set or change the password; returns the new recovery code, to be written down. The current password
        is asked for when there is one."""
        errors = _new_password_errors(new, repeat, idle_minutes)
        if not self.check(current):
            errors["current"] = _msg(QT_TRANSLATE_NOOP("Access", "The current password is not right."))
        if errors:
            raise UserError(
                _msg(QT_TRANSLATE_NOOP("Access", "The password was not changed; see the messages.")), errors
            )
        return self._store(new, idle_minutes)

    def _store(self, new: str, idle_minutes: int) -> str:
        code = new_recovery_code()
        password_hash, recovery_hash = hash_secret(new), hash_secret(code)
        with self._db.write() as session:
            row = get_lock(session)
            row.password_hash, row.recovery_hash = password_hash, recovery_hash
            row.idle_minutes = idle_minutes
            row.changed_at = self._db.clock.stamp()
        return code

    def remove_password(self, current: str) -> None:
        if not self.check(current):
            raise UserError(
                _msg(QT_TRANSLATE_NOOP("Access", "The password was not removed.")),
                {"current": _msg(QT_TRANSLATE_NOOP("Access", "The current password is not right."))},
            )
        with self._db.write() as session:
            row = get_lock(session)
            row.password_hash = row.recovery_hash = None
            row.changed_at = self._db.clock.stamp()

    def recover(self, code: str, new: str, repeat: str) -> str:
        """A forgotten password replaced with the recovery code; returns the next code (each works once)."""
        with self._db.read() as session:
            stored = get_lock(session).recovery_hash
        if stored is None or not verify_secret(_clean_code(code), stored):
            raise UserError(
                _msg(
                    QT_TRANSLATE_NOOP(
                        "Access",
                        "That recovery code is not right. It is the code of 16 letters and digits given when the "
                        "password was set.",
                    )
                ),
                {"code": _msg(QT_TRANSLATE_NOOP("Access", "Not the right code."))},
            )
        minutes = self.idle_minutes()
        errors = _new_password_errors(new, repeat, minutes)
        if errors:
            raise UserError(
                _msg(QT_TRANSLATE_NOOP("Access", "The password was not changed; see the messages.")), errors
            )
        return self._store(new, minutes)


def _new_password_errors(new: str, repeat: str, idle_minutes: int) -> dict[str, Message]:
    errors: dict[str, Message] = {}
    if len(new) < MIN_LENGTH:
        errors["new"] = _msg(
            QT_TRANSLATE_NOOP("Access", "A password needs at least {count} characters."), count=MIN_LENGTH
        )
    elif new != repeat:
        errors["repeat"] = _msg(QT_TRANSLATE_NOOP("Access", "The two passwords are not the same."))
    if not 0 <= idle_minutes <= 240:
        errors["idle"] = _msg(QT_TRANSLATE_NOOP("Access", "Write between 0 (never) and 240 minutes."))
    return errors
