"""`chibo print minutes`: a file at the code's schema is read without SQLAlchemy and left untouched; any other is
opened the usual way; both print the same document."""

import hashlib
from pathlib import Path

import pytest

from chibo_desktop import __version__
from chibo_desktop.cli import main
from chibo_desktop.storage.plain import version_number
from tests.helpers.pdf import pdf_text
from tests.helpers.rich_minutes import behind, rich_file, written_by


def test_the_quick_way_and_the_usual_way_print_the_same_minutes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, meeting_id = rich_file(tmp_path)
    older = behind(path, tmp_path / "older.sqlite")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    for source, out in ((path, "quick.pdf"), (older, "usual.pdf")):
        args = ["print", "minutes", "--db", str(source), "--meeting", str(meeting_id), "--out", str(tmp_path / out)]
        assert main(args) == 0
        assert f"Đã in biên bản ra {tmp_path / out}." in capsys.readouterr().out
    assert written_by(older) == version_number(__version__)  # opened through open_database, which marks it
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before  # read only
    quick, usual = pdf_text(tmp_path / "quick.pdf"), pdf_text(tmp_path / "usual.pdf")
    assert quick == usual and "Thu hoạch lúa" in quick


def test_a_meeting_that_is_not_there_is_a_plain_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, meeting_id = rich_file(tmp_path)
    out = tmp_path / "bb.pdf"
    assert main(["print", "minutes", "--db", str(path), "--meeting", str(meeting_id + 1000), "--out", str(out)]) == 2
    assert "Buổi sinh hoạt này không còn trong dữ liệu" in capsys.readouterr().err
    assert not out.exists()
