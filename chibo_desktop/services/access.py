"""An optional password on opening the app, with a lock after idle minutes and a recovery code.

Only argon2id hashes are stored (salted, 64 MiB, 3 passes), never the password or the code. The password keeps
people out of the app on a shared office computer, and it seals the branch's private keys (the one that signs its
packages and the one that opens packages locked for it): they are encrypted (AES-256-GCM) with a random data key,
and the data key is stored twice, sealed with a key derived (argon2id, its own salt) from the password and from
the recovery code. The keys are opened only in memory, after the password or the code was typed. The roster
itself is not encrypted, so a forgotten password and a lost code never cost the data (README: "If the password is
lost"); they cost the keys, which are made again.
"""

import base64
import hmac
import logging
import os
import secrets
import unicodedata
from typing import TYPE_CHECKING

from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.i18n import QT_TRANSLATE_NOOP, Message, messages
from chibo_desktop.storage.access_queries import get_lock, key_rows
from chibo_desktop.storage.db import Database

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

log = logging.getLogger(__name__)

MIN_LENGTH = 6
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read off paper without doubt
MEMORY_KIB, PASSES, LANES = 65536, 3, 4


_msg = messages("Access")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4))


def _kdf(salt: bytes, memory: int, passes: int, lanes: int) -> "Argon2id":
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id  # loaded when a password is used

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


WRAP = "$argon2id-aes256gcm$v=19"
WRAP_CONTEXT = b"chibo-desktop data key"
SEALED_KEY = b"CHK1"  # a private key sealed with the data key: magic, nonce (12), ciphertext with its tag


def wrap_key(data_key: bytes, secret: str) -> str:
    """*data_key* sealed with a key derived from *secret*: ``$argon2id-aes256gcm$v=19$m=…,t=…,p=…$salt$nonce$box``."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(16), os.urandom(12)
    sealing = _kdf(salt, MEMORY_KIB, PASSES, LANES).derive(_normal(secret))
    box = AESGCM(sealing).encrypt(nonce, data_key, WRAP_CONTEXT)
    return f"{WRAP}$m={MEMORY_KIB},t={PASSES},p={LANES}${_b64(salt)}${_b64(nonce)}${_b64(box)}"


def unwrap_key(stored: str, secret: str) -> bytes | None:
    """The data key in *stored*, or None when *secret* does not open it."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        _empty, name, _version, params, salt, nonce, box = stored.split("$")
        settings = dict(part.split("=") for part in params.split(","))
        if name != "argon2id-aes256gcm":
            return None
        sealing = _kdf(_unb64(salt), int(settings["m"]), int(settings["t"]), int(settings["p"])).derive(_normal(secret))
        return AESGCM(sealing).decrypt(_unb64(nonce), _unb64(box), WRAP_CONTEXT)
    except (ValueError, KeyError, InvalidTag):
        return None


def seal_private(data_key: bytes, purpose: str, private: bytes) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(12)
    return SEALED_KEY + nonce + AESGCM(data_key).encrypt(nonce, private, purpose.encode("utf-8"))


def open_private(data_key: bytes, purpose: str, stored: bytes) -> bytes | None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        return AESGCM(data_key).decrypt(stored[4:16], stored[16:], purpose.encode("utf-8"))
    except (InvalidTag, ValueError):
        return None


def is_sealed_private(stored: bytes) -> bool:
    return stored.startswith(SEALED_KEY)


def new_recovery_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(16))
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


def _clean_code(code: str) -> str:
    plain = "".join(c for c in code.upper() if c.isalnum())
    return "-".join(plain[i : i + 4] for i in range(0, len(plain), 4))


class AccessService:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._data_key: bytes | None = None  # known after the password (or the code) was typed
        self._new_code: str | None = None

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

    def unlock(self, password: str) -> bool:
        """Check *password* and open the branch's keys with it. A file whose password was set before keys were
        sealed has them sealed now, with a new recovery code (see :meth:`take_new_code`)."""
        with self._db.read() as session:
            row = get_lock(session)
            stored, wrap = row.password_hash, row.key_wrap
        if stored is None:
            return True
        if not verify_secret(password, stored):
            return False
        if wrap is None:
            self._new_code = self._store(password, self.idle_minutes(), None)
            return True
        self._data_key = unwrap_key(wrap, password)
        if self._data_key is None:
            log.warning("the password is right but does not open the data key; the keys cannot be used")
        return True

    def take_new_code(self) -> str | None:
        """A recovery code made by :meth:`unlock` (once), to be shown and written down."""
        code, self._new_code = self._new_code, None
        return code

    def lock(self) -> None:
        """Forget the keys until the password is typed again (the idle lock)."""
        self._data_key = None

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
        return self._store(new, idle_minutes, self._opened_with(current))

    def _opened_with(self, current: str) -> bytes | None:
        """The data key, from memory or from the current password; None when there is none yet."""
        if self._data_key is not None:
            return self._data_key
        with self._db.read() as session:
            wrap = get_lock(session).key_wrap
        return unwrap_key(wrap, current) if wrap is not None else None

    def _store(self, new: str, idle_minutes: int, data_key: bytes | None) -> str:
        """Hash and wrap for *new* and a new code, in one transaction with sealing every key still in the clear
        (with *data_key*, or a new one when there is none)."""
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        code = new_recovery_code()
        key = data_key or AESGCM.generate_key(bit_length=256)
        password_hash, recovery_hash = hash_secret(new), hash_secret(code)
        wraps = wrap_key(key, new), wrap_key(key, code)
        with self._db.write() as session:
            row = get_lock(session)
            row.password_hash, row.recovery_hash = password_hash, recovery_hash
            row.key_wrap, row.key_wrap_recovery = wraps
            row.idle_minutes = idle_minutes
            row.changed_at = self._db.clock.stamp()
            for pair in key_rows(session):
                if not is_sealed_private(pair.private):
                    pair.private = seal_private(key, pair.purpose, pair.private)
        self._data_key = key
        return code

    def remove_password(self, current: str) -> None:
        """Remove the password; the keys are opened and stored in the clear again."""
        if not self.check(current):
            raise UserError(
                _msg(QT_TRANSLATE_NOOP("Access", "The password was not removed.")),
                {"current": _msg(QT_TRANSLATE_NOOP("Access", "The current password is not right."))},
            )
        key = self._opened_with(current)
        with self._db.write() as session:
            row = get_lock(session)
            row.password_hash = row.recovery_hash = row.key_wrap = row.key_wrap_recovery = None
            row.changed_at = self._db.clock.stamp()
            for pair in key_rows(session):
                if is_sealed_private(pair.private) and key is not None:
                    opened = open_private(key, pair.purpose, pair.private)
                    if opened is not None:
                        pair.private = opened
        self._data_key = None

    def recover(self, code: str, new: str, repeat: str) -> str:
        """A forgotten password replaced with the recovery code; returns the next code (each works once). The keys
        are opened with the code, so nothing is lost."""
        with self._db.read() as session:
            row = get_lock(session)
            stored, wrap = row.recovery_hash, row.key_wrap_recovery
        clean = _clean_code(code)
        if stored is None or not verify_secret(clean, stored):
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
        return self._store(new, minutes, unwrap_key(wrap, clean) if wrap is not None else None)

    # --- the branch's private keys, for the exchange -------------------------------------------------------

    def seal_key(self, purpose: str, private: bytes) -> bytes:
        """How a new private key is stored: sealed when there is a password (which must have been typed)."""
        if self._data_key is not None:
            return seal_private(self._data_key, purpose, private)
        if self.protected():
            raise _locked()
        return private

    def open_key(self, purpose: str, stored: bytes) -> bytes:
        """The private key *stored* for *purpose*, opened in memory."""
        if not is_sealed_private(stored):
            return stored
        if self._data_key is None and self.protected():
            raise _locked()
        opened = open_private(self._data_key, purpose, stored) if self._data_key is not None else None
        if opened is None:
            raise UserError(
                _msg(
                    QT_TRANSLATE_NOOP(
                        "Access",
                        "The branch's keys were sealed with a password that is no longer set (it was removed by "
                        "hand), so they cannot be used. Remove them as the README says under “If the password is "
                        "lost”: new ones are made, and the upper level confirms the new key's fingerprint.",
                    )
                )
            )
        return opened


def _locked() -> UserError:
    return UserError(
        _msg(
            QT_TRANSLATE_NOOP(
                "Access", "The app's password must be typed before the branch's keys can be used. Nothing was done."
            )
        )
    )


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
