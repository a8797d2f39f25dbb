from pathlib import Path

import pytest

from chibo_desktop.files import replace_atomically


def test_a_failed_write_leaves_the_old_file_and_no_part(tmp_path: Path) -> None:
    target = tmp_path / "bien-ban.pdf"
    target.write_bytes(b"old minutes")

    def fails_halfway(temporary: Path) -> None:
        temporary.write_bytes(b"half of the new")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        replace_atomically(target, fails_halfway)
    assert target.read_bytes() == b"old minutes"
    assert [p.name for p in tmp_path.iterdir()] == ["bien-ban.pdf"]


def test_a_finished_write_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "bien-ban.pdf"
    target.write_bytes(b"old minutes")
    assert replace_atomically(target, lambda temporary: temporary.write_bytes(b"new minutes")) == target
    assert target.read_bytes() == b"new minutes"
    assert [p.name for p in tmp_path.iterdir()] == ["bien-ban.pdf"]
