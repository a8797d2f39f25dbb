"""The one-way layers of STYLE.md: Qt only in ui/ and app.py, SQLAlchemy and Alembic only in storage/."""

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "chibo_desktop"


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def offenders(allowed: set[str], prefixes: tuple[str, ...]) -> list[str]:
    bad = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE).as_posix()
        if any(relative == a or relative.startswith(a) for a in allowed):
            continue
        for module in imports(path):
            if module.split(".")[0] in prefixes:
                bad.append(f"{relative} imports {module}")
    return bad


def test_qt_only_in_the_ui_layer() -> None:
    assert offenders({"ui/", "app.py"}, ("PySide6", "shiboken6")) == []


def test_sqlalchemy_and_alembic_only_in_storage() -> None:
    assert offenders({"storage/"}, ("sqlalchemy", "alembic")) == []


def test_domain_imports_nothing_above_it() -> None:
    above = ("chibo_desktop.services", "chibo_desktop.storage", "chibo_desktop.ui", "chibo_desktop.reports")
    bad = [f"{p.name}: {m}" for p in (PACKAGE / "domain").rglob("*.py") for m in imports(p) if m.startswith(above)]
    assert bad == []


def test_the_checker_sees_a_violation(tmp_path: Path) -> None:
    sample = tmp_path / "x.py"
    sample.write_text("from PySide6.QtWidgets import QWidget\nimport sqlalchemy\n")
    assert imports(sample) == {"PySide6.QtWidgets", "sqlalchemy"}


CLOCK_READS = re.compile(
    r"\b(?:datetime\.(?:now|today|utcnow)|date\.today|time\.(?:time|localtime|gmtime)|QDate\.currentDate"
    r"|QDateTime\.currentDateTime|QTime\.currentTime)\b(?!\w)"
)
CLOCK_ALLOWED = {"domain/clock.py", "app.py"}  # the clock itself, and the composition root's crash-file name


def clock_readers(root: Path) -> list[str]:
    """Lines outside the one clock that read the computer's clock (a call, or the function handed on)."""
    found = []
    for path in root.rglob("*.py"):
        relative = path.relative_to(root).as_posix()
        if relative in CLOCK_ALLOWED or "migrations/versions" in relative:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if CLOCK_READS.search(code):
                found.append(f"{relative}:{number}: {line.strip()}")
    return found


def test_only_the_clock_reads_the_computers_clock() -> None:
    """Nothing may depend on the day the tests run: dates and timestamps come from the injected Clock."""
    assert clock_readers(PACKAGE) == []


def test_the_clock_check_sees_a_reader(tmp_path: Path) -> None:
    (tmp_path / "x.py").write_text("a = date.today()\nb = datetime.now\nc = 'datetime.nowhere'\n")
    assert [line.split(": ", 1)[1] for line in clock_readers(tmp_path)] == ["a = date.today()", "b = datetime.now"]
