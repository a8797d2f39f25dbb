"""Every way a package can be wrong is refused with its own message by the one function that opens packages."""

import contextlib
import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chibo_desktop.domain.errors import UserError
from chibo_desktop.domain.exchange_format import tables_of
from chibo_desktop.exchange import package, schema
from tests.helpers.packages import PASS, inner, manifest_for, sealed, sealed_v1_to, zipped

KEY = package.new_signing_key()
BRANCH = "0b6f6c1e-8a58-4c53-9b3e-2f1d6a1c0a01"
COMMITTEE = "0b6f6c1e-8a58-4c53-9b3e-2f1d6a1c0a02"
EMPTY: dict[str, Any] = {table: [] for table in schema.TABLES}
DATA: dict[str, Any] = {
    **EMPTY,
    "org_units": [
        {"uuid": COMMITTEE, "name": "Đảng ủy xã Tân Hùng", "kind": "committee", "place_name": "", "parent_uuid": None},
        {"uuid": BRANCH, "name": "Chi bộ ấp Sáu", "kind": "branch", "place_name": "Tân Hùng", "parent_uuid": COMMITTEE},
    ],
}
MANIFEST = manifest_for(BRANCH, KEY, DATA)


def older(version: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """The data and manifest of a package of an earlier *version*: without the tables that came later."""
    data = {table: DATA[table] for table in tables_of(version)}
    return data, manifest_for(BRANCH, KEY, data, version=version)


def nobody(_uuid: str) -> bytes | None:
    return None


def refused(blob: bytes, registered: bytes | None = None, passphrase: str = PASS) -> str:
    with pytest.raises(UserError) as caught:
        package.open_package(blob, lambda _uuid: registered, passphrase)
    return caught.value.message.render()


GOOD = package.encrypt_with_passphrase(package.build(MANIFEST, DATA, {}, KEY), PASS)


def test_a_good_package_opens() -> None:
    opened = package.open_package(GOOD, nobody, PASS)
    assert opened.manifest["branch"]["name"] == "Chi bộ ấp Sáu" and opened.data == DATA
    assert opened.manifest["format"] == 3 and GOOD.startswith(b"CHIBO-PKG 3\n")
    assert opened.public_key == KEY.public and opened.links.units == {BRANCH}


def test_to_the_upper_levels_key_with_hpke() -> None:
    upper = package.new_encryption_key()
    blob = package.encrypt_to_recipient(package.build(MANIFEST, DATA, {}, KEY), upper.public)
    assert b'"enc":"hpke"' in blob.split(b"\n")[1]
    assert package.open_package(blob, nobody, recipient=upper).data == DATA
    assert "key" in refused(blob, passphrase="")
    other = package.new_encryption_key()
    with pytest.raises(UserError) as caught:
        package.open_package(blob, nobody, recipient=other)
    assert "passphrase or key is wrong" in caught.value.message.render()


def test_format_1_is_still_read() -> None:
    """Branches on an older app still send format 1: to the upper level's key, or with a passphrase."""
    upper = package.new_encryption_key()
    old = inner(*reversed(older(1)), KEY, version=1)
    assert package.open_package(sealed_v1_to(old, upper.public), nobody, recipient=upper).data == DATA
    assert package.open_package(sealed(old, version=1), nobody, PASS).manifest["format"] == 1


def test_format_2_is_read_without_the_reviews_and_may_not_carry_them() -> None:
    """A branch on the app before the yearly review sends format 2: its reviews are read as none."""
    data, manifest = older(2)
    assert "member_reviews" not in data
    opened = package.open_package(sealed(inner(manifest, data, KEY, version=2), version=2), nobody, PASS)
    assert opened.data["member_reviews"] == [] and opened.data["member_awards"] == []
    assert "_reviews" in refused(sealed(inner(manifest, DATA, KEY, version=2), version=2))
    assert "member_reviews" in refused(sealed(inner(manifest, data, KEY, version=3), version=3))


def test_the_format_must_match_its_envelope() -> None:
    data, manifest = older(1)
    assert "manifest.format" in refused(sealed(inner(manifest, data, KEY, version=1), version=2))
    data, manifest = older(2)
    assert "manifest.format" in refused(sealed(inner(manifest, data, KEY, version=2), version=1))


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
    assert "other than the one registered" in refused(GOOD, registered=other.public)


def unzipped(inner_zip: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(inner_zip)) as archive:
        return [(name, archive.read(name)) for name in archive.namelist()]


def test_a_forged_manifest_fails_its_signature() -> None:
    parts = unzipped(inner(MANIFEST, DATA, KEY))
    parts[0] = ("manifest.json", parts[0][1].replace("Chi bộ".encode(), "Chi Bộ".encode()))
    assert "signature does not match" in refused(sealed(zipped(parts)))


def test_a_newer_format() -> None:
    newer = package.FORMAT_VERSION + 1
    assert "newer version" in refused(sealed(inner(MANIFEST, DATA, KEY, version=newer)))


@pytest.mark.parametrize("name", ["../evil.json", "/etc/passwd", "C:\\x.pdf", "minutes/../../x.pdf", "notes.txt"])
def test_unexpected_or_escaping_names(name: str) -> None:
    assert "unexpected file" in refused(sealed(inner(MANIFEST, DATA, KEY, attachments={name: b"x"})))


def test_duplicate_names() -> None:
    parts = unzipped(inner(MANIFEST, DATA, KEY))
    with pytest.warns(UserWarning):
        blob = sealed(zipped(parts + [("data.json", b"{}")]))
    assert "same name" in refused(blob)


def test_a_compression_bomb() -> None:
    minutes = {f"minutes/{BRANCH}.pdf": b"\0" * 5_000_000}
    assert "unpacks far too large" in refused(sealed(inner(MANIFEST, DATA, KEY, attachments=minutes)))


def test_malformed_data() -> None:
    broken = {**DATA, "members": [{"uuid": "m-1", "full_name": 3}]}
    assert "members[0]" in refused(sealed(inner(manifest_for(BRANCH, KEY, broken), broken, KEY)))
    fund = {
        "uuid": "0b6f6c1e-8a58-4c53-9b3e-2f1d6a1c0a03",
        "org_uuid": BRANCH,
        "name": "Quỹ",
        "source": "own",
        "custodian": "",
        "max_loan": 10.5,
        "term_months": 12,
        "rate_method": "none",
        "rate": 0,
        "schedule_kind": "equal_principal",
        "grant": False,
    }
    floats = {**DATA, "funds": [fund]}
    message = refused(sealed(inner(manifest_for(BRANCH, KEY, floats), floats, KEY)))
    assert "funds[0].max_loan" in message and "whole number from 0 to 1000000000000" in message


@settings(max_examples=120, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, len(GOOD) - 1), st.integers(1, 255)), min_size=1, max_size=6), st.integers(0, 40)
)
def test_fuzzed_bytes_never_crash(flips: list[tuple[int, int]], cut: int) -> None:
    blob = bytearray(GOOD)
    for position, value in flips:
        blob[position] ^= value
    with contextlib.suppress(UserError):  # refused with a message: the only acceptable failure
        package.open_package(bytes(blob[: len(blob) - cut]), nobody, PASS)


def test_a_stick_that_keeps_other_bytes_than_it_was_given_is_caught(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The write reads the file back from the stick: one byte changed on the way refuses the package."""
    blob = bytes(range(256)) * 64
    assert Path(package.write_safely(str(tmp_path), "good.chibo", blob)).read_bytes() == blob
    honest = Path.write_bytes

    def one_byte_off(path: Path, data: bytes) -> int:  # a stick that flips a bit while it says all is written
        return honest(path, data[:100] + bytes([data[100] ^ 1]) + data[101:])

    monkeypatch.setattr(Path, "write_bytes", one_byte_off)
    with pytest.raises(UserError) as refused:
        package.write_safely(str(tmp_path), "bad.chibo", blob)
    assert "does not read back as written" in refused.value.message.text
