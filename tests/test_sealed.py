"""Files locked with a passphrase (backups on a stick): they open only with the passphrase, whole and unchanged;
a wrong passphrase, a changed byte, moved or dropped chunks and a cut-short file are each refused in Vietnamese."""

import os
from pathlib import Path

import pytest

from chibo_desktop import sealed
from chibo_desktop.catalog import Catalog
from chibo_desktop.domain.errors import UserError

VI = Catalog("vi").translate
PASS = "mat-khau-usb-2026"
TAG, CHUNK = sealed.TAG, sealed.CHUNK


def _sealed(tmp_path: Path, content: bytes) -> Path:
    plain = tmp_path / "plain.bin"
    plain.write_bytes(content)
    return sealed.seal_file(plain, tmp_path / "copy.chibo-backup", PASS)


def _refusal(path: Path, passphrase: str = PASS) -> str:
    with pytest.raises(UserError) as refused:
        sealed.unsealed_digest(path, passphrase)
    return refused.value.message.render(VI)


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK + 5])
def test_what_is_sealed_opens_whole(tmp_path: Path, size: int) -> None:
    content = os.urandom(size)
    locked = _sealed(tmp_path, content)
    assert sealed.is_sealed(locked)
    if size >= 64:
        assert content[:64] not in locked.read_bytes()
    opened = sealed.unseal_file(locked, tmp_path / "opened.bin", PASS)
    assert opened.read_bytes() == content
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_nothing_readable_without_the_passphrase(tmp_path: Path) -> None:
    content = "Nguyễn Thị Bích 094170001111 ".encode() * 2000
    locked = _sealed(tmp_path, content)
    raw = locked.read_bytes()
    assert b"094170001111" not in raw and "Bích".encode() not in raw
    assert "Mật khẩu không đúng" in _refusal(locked, "mat-khau-khac-2026")


def test_a_short_passphrase_is_refused(tmp_path: Path) -> None:
    (tmp_path / "plain.bin").write_bytes(b"x")
    with pytest.raises(UserError) as refused:
        sealed.seal_file(tmp_path / "plain.bin", tmp_path / "copy.chibo-backup", "1234567")
    assert "ít nhất 8 ký tự" in refused.value.message.render(VI)
    assert not (tmp_path / "copy.chibo-backup").exists()


def _body(path: Path) -> tuple[bytes, bytes]:
    raw = path.read_bytes()
    end = raw.index(b"\n", len(sealed.MAGIC)) + 1
    return raw[:end], raw[end:]


@pytest.mark.parametrize(
    "tamper",
    [
        lambda body: body[: CHUNK + TAG],  # cut at a chunk's end: the last one is missing
        lambda body: body[:-1],  # cut inside the last chunk
        lambda body: body[: CHUNK + TAG] + body[2 * (CHUNK + TAG) :],  # a chunk dropped
        lambda body: body[CHUNK + TAG : 2 * (CHUNK + TAG)] + body[: CHUNK + TAG] + body[2 * (CHUNK + TAG) :],  # moved
        lambda body: body[: CHUNK + 100] + bytes([body[CHUNK + 100] ^ 1]) + body[CHUNK + 101 :],  # a bit flipped
    ],
)
def test_a_changed_or_cut_copy_is_refused(tmp_path: Path, tamper: object) -> None:
    locked = _sealed(tmp_path, os.urandom(2 * CHUNK + 500))
    header, body = _body(locked)
    locked.write_bytes(header + tamper(body))  # type: ignore[operator]
    text = _refusal(locked)
    assert "bị hỏng" in text
    with pytest.raises(UserError):
        sealed.unseal_file(locked, tmp_path / "opened.bin", PASS)
    assert not (tmp_path / "opened.bin").exists()  # nothing half-opened is left


def test_a_changed_header_is_refused(tmp_path: Path) -> None:
    locked = _sealed(tmp_path, b"du lieu")
    header, body = _body(locked)
    heavier = header.replace(b'"n": 32768', b'"n": 1048576')  # a crafted cost: refused, not computed
    locked.write_bytes(heavier + body)
    assert "phần đầu" in _refusal(locked)
    locked.write_bytes(b"SQLite format 3\x00" + body)
    assert "không phải bản sao lưu có khóa" in _refusal(locked)
