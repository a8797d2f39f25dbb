"""Every way a package can be wrong is refused with its own message, before anything is parsed."""

import io
import json
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chibo_desktop.domain.errors import UserError
from chibo_desktop.exchange import package, schema

KEY = package.new_signing_key()
EMPTY = {table: [] for table in schema.TABLES}
MANIFEST = {"branch": {"uuid": "b-1", "name": "Chi bộ ấp Sáu", "public_key": package.b64(KEY.public)}, "sequence": 1}
PASS = "mat-khau-chi-bo"


def sealed(inner: bytes) -> bytes:
    return package.encrypt_with_passphrase(inner, PASS)


def crafted(entries: list[tuple[str, bytes]], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in entries:
            archive.writestr(name, content)
    return buffer.getvalue()


def signed_parts(manifest: dict[str, object], data: dict[str, object]) -> list[tuple[str, bytes]]:
    data_bytes = json.dumps(data).encode()
    import hashlib

    manifest = {**manifest, "parts": {"data.json": hashlib.sha256(data_bytes).hexdigest()}}
    manifest_bytes = json.dumps(manifest).encode()
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    signature = Ed25519PrivateKey.from_private_bytes(KEY.private).sign(manifest_bytes)
    return [("manifest.json", manifest_bytes), ("signature", signature), ("data.json", data_bytes)]


def refused(blob: bytes, registered: bytes | None = None, passphrase: str = PASS) -> str:
    with pytest.raises(UserError) as caught:
        opened = package.open_package(blob, registered, passphrase)
        schema.check(opened.data)
    return caught.value.message.render()


GOOD = sealed(package.build(MANIFEST, EMPTY, {}, KEY))


def test_a_good_package_opens() -> None:
    opened = package.open_package(GOOD, None, PASS)
    assert opened.manifest["branch"]["name"] == "Chi bộ ấp Sáu" and opened.data == EMPTY
    assert opened.public_key == KEY.public


def test_to_the_upper_levels_key() -> None:
    upper = package.new_encryption_key()
    blob = package.encrypt_to_recipient(package.build(MANIFEST, EMPTY, {}, KEY), upper.public)
    assert package.open_package(blob, None, recipient=upper).data == EMPTY
    assert "key" in refused(blob, passphrase="")


def test_a_changed_byte_and_a_truncated_file() -> None:
    changed = bytearray(GOOD)
    changed[len(changed) // 2] ^= 1
    assert "changed or cut short" in refused(bytes(changed))
    assert "changed or cut short" in refused(GOOD[:-40])
    assert "not a chibo package" in refused(b"PK\x03\x04" + GOOD)


def test_a_wrong_passphrase() -> None:
    assert "passphrase or key is wrong" in refused(GOOD, passphrase="sai-mat-khau")


def test_a_package_signed_by_another_key_than_the_registered_one() -> None:
    other = package.new_signing_key()
    assert "another" in refused(GOOD, registered=other.public) or "other than" in refused(GOOD, registered=other.public)


def test_a_forged_manifest_fails_its_signature() -> None:
    parts = signed_parts({**MANIFEST, "format": 1}, EMPTY)
    parts[0] = ("manifest.json", parts[0][1].replace(b"Chi b", b"Chi B"))
    assert "signature does not match" in refused(sealed(crafted(parts)))


def test_a_newer_format() -> None:
    assert "newer version" in refused(sealed(crafted(signed_parts({**MANIFEST, "format": 2}, EMPTY))))


@pytest.mark.parametrize("name", ["../evil.json", "/etc/passwd", "C:\\x.pdf", "minutes/../../x.pdf", "notes.txt"])
def test_unexpected_or_escaping_names(name: str) -> None:
    parts = signed_parts({**MANIFEST, "format": 1}, EMPTY) + [(name, b"x")]
    assert "unexpected file" in refused(sealed(crafted(parts)))


def test_duplicate_names() -> None:
    parts = signed_parts({**MANIFEST, "format": 1}, EMPTY)
    with pytest.warns(UserWarning):
        blob = sealed(crafted(parts + [("data.json", b"{}")]))
    assert "same name" in refused(blob)


def test_a_compression_bomb() -> None:
    parts = signed_parts({**MANIFEST, "format": 1}, EMPTY) + [("minutes/abc.pdf", b"\0" * 5_000_000)]
    assert "unpacks far too large" in refused(sealed(crafted(parts)))


def test_malformed_data() -> None:
    broken = {**EMPTY, "members": [{"uuid": "m-1", "full_name": 3}]}
    assert "malformed" in refused(sealed(package.build(MANIFEST, broken, {}, KEY)))
    floats = {**EMPTY, "funds": [{"uuid": "f", "org_uuid": "o", "name": "Q", "max_loan": 10, "rate": 0, "x": 1.5}]}
    assert "whole đồng" in refused(sealed(package.build(MANIFEST, floats, {}, KEY)))


@settings(max_examples=120, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, len(GOOD) - 1), st.integers(1, 255)), min_size=1, max_size=6), st.integers(0, 40)
)
def test_fuzzed_bytes_never_crash(flips: list[tuple[int, int]], cut: int) -> None:
    blob = bytearray(GOOD)
    for position, value in flips:
        blob[position] ^= value
    try:
        opened = package.open_package(bytes(blob[: len(blob) - cut]), None, PASS)
        schema.check(opened.data)
    except UserError:
        pass  # refused with a message: the only acceptable failure
