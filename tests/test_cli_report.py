"""`chibo stats` and `chibo report` at a committee: a file at the code's schema is read without SQLAlchemy and left
untouched; any other is opened the usual way; both give the same figures and print the same report."""

import hashlib
import json
from pathlib import Path

import pytest

from chibo_desktop import __version__
from chibo_desktop.cli import main
from chibo_desktop.storage.plain import version_number
from tests.helpers.pdf import flat, pdf_text
from tests.helpers.rich_minutes import behind, written_by
from tests.helpers.two_units import TERM, copy_of, write_committee

pytestmark = pytest.mark.sqlite_only  # the quick path reads a file


@pytest.fixture(scope="module")
def committee_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_committee(tmp_path_factory.mktemp("committee"))


@pytest.fixture
def both(committee_file: Path, tmp_path: Path) -> tuple[Path, Path]:
    """The committee's file at the code's schema (read the quick way), and a copy an older version opened last
    (read the usual way)."""
    path = copy_of(committee_file, tmp_path / "xa.sqlite")
    return path, behind(path, tmp_path / "older.sqlite")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("period", ["2026", "2026-Q3", TERM, None])
def test_the_stats_are_the_same_both_ways(
    both: tuple[Path, Path], period: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    path, older = both
    before = digest(path)
    printed = []
    for source in (path, older):
        assert main(["stats", "--db", str(source), "--json", *(["--period", period] if period else [])]) == 0
        printed.append(json.loads(capsys.readouterr().out))
    quick, usual = printed
    assert written_by(older) == version_number(__version__)  # opened through open_database, which marks it
    assert digest(path) == before  # read only
    assert quick == usual
    assert len(quick["branches"]) == 2 and quick["conflicts_waiting"] == 1 and quick["members"]["total"] > 20
    assert ("term" in quick) == (period == TERM) and quick.get("term", {}).get("admissions_target") in (None, 12)


def test_the_report_reads_the_same_both_ways(both: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    path, older = both
    before = digest(path)
    for source, out in ((path, "quick.pdf"), (older, "usual.pdf")):
        assert main(["report", "--db", str(source), "--period", "2026", "--out", str(path.parent / out)]) == 0
        said = capsys.readouterr().out
        assert f"Đã in ra {path.parent / out}." in said
        assert "1 hồ sơ đảng viên do hai đơn vị cùng gửi đang chờ xem xét" in said
    assert digest(path) == before
    quick, usual = pdf_text(path.parent / "quick.pdf"), pdf_text(path.parent / "usual.pdf")
    assert quick == usual
    text = flat(quick)
    assert "BÁO CÁO TỔNG HỢP CÁC CHI BỘ" in text and "Toàn đảng bộ" in text and "Từ ngày 01/01/2026" in text


def test_a_period_that_is_none_is_refused_the_same_way(
    both: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path, older = both
    said = []
    for source in (path, older):
        assert main(["report", "--db", str(source), "--period", "2026-13", "--out", str(path.parent / "r.pdf")]) == 2
        said.append(capsys.readouterr().err)
    assert said[0] == said[1] and "2026-13" in said[0]
    assert not (path.parent / "r.pdf").exists()
