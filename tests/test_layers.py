"""The one-way layers of STYLE.md: Qt only in ui/ and app.py, SQLAlchemy and Alembic only in storage/."""

import ast
import os
import re
import subprocess
import sys
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


def module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph(root: Path) -> dict[str, set[str]]:
    """Module → the modules of the same package it imports, anywhere in the file (an import inside a function
    still ties the two modules together: that is how the last cycle hid)."""
    modules = {module_name(root, path): path for path in root.rglob("*.py") if "migrations" not in path.parts}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                    base = ".".join([*anchor, base] if base else anchor)
                targets = [
                    f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names
                ]
            graph[name].update(t for t in targets if t in modules and t != name)
    return graph


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycle_in_the_package() -> None:
    assert import_cycles(import_graph(PACKAGE)) == []


def test_the_cycle_check_sees_a_cycle_through_a_function_level_import(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "wiring.py").write_text("def build():\n    from pkg import documents\n")
    (package / "documents.py").write_text("from pkg.wiring import build\n")
    (package / "alone.py").write_text("from . import documents\n")
    assert import_cycles(import_graph(package)) == [["pkg.documents", "pkg.wiring"]]


HEAVY = ("alembic", "reportlab", "openpyxl", "cryptography", "pypdfium2", "holidays", "babel")
"""Loaded only by the commands and actions that use them (the holidays package by the migration that seeds the
holidays, babel for the first number written): together they cost a start about a second."""


def loaded_by(*modules: str) -> set[str]:
    """The top-level packages a fresh interpreter holds after importing *modules* (nothing else run)."""
    code = "import sys\n" + "".join(f"import {m}\n" for m in modules) + "print(' '.join(sorted(sys.modules)))"
    root = PACKAGE.parent
    env = {**os.environ, "PYTHONPATH": str(root), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=root, check=True)
    return {name.split(".")[0] for name in done.stdout.split()}


def test_starting_the_cli_and_the_window_loads_no_heavy_library() -> None:
    """`chibo …` and the main window start without Alembic (needed only when the file is behind the code),
    reportlab, openpyxl, cryptography or PDFium (needed only when printing, reading a workbook, or making or
    opening a package or a locked backup)."""
    assert loaded_by("chibo_desktop.cli") & set(HEAVY) == set()
    assert loaded_by("chibo_desktop.app", "chibo_desktop.ui.main_window") & set(HEAVY) == set()


LOADED_WHEN_USED = (
    "chibo_desktop.services.exchange",
    "chibo_desktop.services.stats",
    "chibo_desktop.services.unit_figures",
    "chibo_desktop.services.audit",
    "chibo_desktop.services.roster_io",
)
"""Services made when first used (``Services`` in services/wiring.py): the window shows, and a meeting's minutes
print, without them."""


def modules_loaded_by(*modules: str) -> list[str]:
    """Every module a fresh interpreter holds after importing *modules*, in the order they were loaded."""
    code = "import sys\n" + "".join(f"import {m}\n" for m in modules) + "print(' '.join(sys.modules))"
    root = PACKAGE.parent
    env = {**os.environ, "PYTHONPATH": str(root), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=root, check=True)
    return done.stdout.split()


def test_the_window_and_the_printing_table_load_no_service_they_do_not_use() -> None:
    window = modules_loaded_by("chibo_desktop.app", "chibo_desktop.ui.main_window")
    printing = modules_loaded_by("chibo_desktop.services.wiring", "chibo_desktop.services.printing")
    assert set(LOADED_WHEN_USED) & set(window) == set()
    assert set(LOADED_WHEN_USED) & set(printing) == set()


LOADED_WHEN_SHOWN = (
    "chibo_desktop.ui.meetings_view",
    "chibo_desktop.ui.funds_view",
    "chibo_desktop.ui.dues_view",
    "chibo_desktop.ui.branch_dues_view",
    "chibo_desktop.ui.review_view",
    "chibo_desktop.ui.admissions_view",
    "chibo_desktop.ui.conflicts_view",
    "chibo_desktop.ui.charts_view",
    "chibo_desktop.ui.meeting_dialog",
    "chibo_desktop.ui.member_dialog",
    "chibo_desktop.ui.rules_dialog",
    "chibo_desktop.ui.terms_dialog",
    "chibo_desktop.services.meetings",
    "chibo_desktop.services.funds",
    "chibo_desktop.services.dues",
    "chibo_desktop.services.review",
    "chibo_desktop.services.admissions",
    "chibo_desktop.services.conflicts",
    "chibo_desktop.services.printing",
)
"""The tabs after the roster and the reminders, and the dialogs, are loaded when first shown (``MainWindow._tab``),
the services the roster does not use and the table of documents when first used (``Services``, ``PrintActions``):
the window and its roster show without them."""


def test_the_window_loads_its_later_tabs_and_its_dialogs_when_first_shown() -> None:
    window = modules_loaded_by("chibo_desktop.app", "chibo_desktop.ui.main_window")
    assert set(LOADED_WHEN_SHOWN) & set(window) == set()
    assert "chibo_desktop.ui.roster_view" in window  # the check sees what the window does load


DATABASE_LAYER = ("sqlalchemy", "alembic", "chibo_desktop.storage.db", "chibo_desktop.storage.models")
SERVICES_ON_IT = ("chibo_desktop.services.wiring", "chibo_desktop.services.members", "chibo_desktop.services.rules")


def test_the_app_and_the_window_load_no_database_layer_and_the_rest_before_qt() -> None:
    """The window paints its first screen before SQLAlchemy, our mapped classes and the services on them are loaded
    (services/first_screen.py): the app and the window import none of them. What they do import is loaded before
    PySide6, which reads the source of every module imported after it (its check for `from __feature__ import`)."""
    loaded = modules_loaded_by("chibo_desktop.app", "chibo_desktop.ui.main_window")
    assert [m for m in loaded if m.split(".")[0] in DATABASE_LAYER or m in DATABASE_LAYER + SERVICES_ON_IT] == []
    assert loaded.index("chibo_desktop.services.first_screen") < loaded.index("PySide6")
    assert loaded.index("chibo_desktop.services.backups") < loaded.index("PySide6")


LAUNCH = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from chibo_desktop import app as chibo_app

WATCHED = ("sqlalchemy", "chibo_desktop.storage.models", "chibo_desktop.services.members")
open_window = chibo_app.Application.open_window

def opened(self):
    window = open_window(self)

    def shown():
        model = window.roster_view.model
        first = model.data(model.index(0, 0))
        print("painted", model.rowCount(), first, *[m for m in WATCHED if m in sys.modules], sep="|", flush=True)
        QApplication.instance().quit()

    window.roster_view.rows_shown.connect(shown)
    return window

chibo_app.Application.open_window = opened
sys.exit(chibo_app.run_gui(database=Path(sys.argv[1]), language="vi"))
"""


def launched(path: Path, home: Path) -> list[str]:
    """Launch the app on *path* in a fresh interpreter; what it printed when the roster's rows were first on the
    screen: their number, the first name, and which of SQLAlchemy, the mapped classes and the roster service were
    loaded by then."""
    root = PACKAGE.parent
    env = {**os.environ, "PYTHONPATH": str(root), "QT_QPA_PLATFORM": "offscreen"}
    for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
        env[name] = str(home / name.lower())
    done = subprocess.run(
        [sys.executable, "-c", LAUNCH, str(path)], capture_output=True, text=True, env=env, cwd=root, check=False
    )
    assert done.returncode == 0, done.stderr
    line = next(line for line in done.stdout.splitlines() if line.startswith("painted|"))
    return line.split("|")[1:]


def test_launching_on_a_file_at_head_paints_the_roster_before_loading_the_orm(tmp_path: Path) -> None:
    """A file at the code's schema, last opened by this version and without a password has its roster painted with
    sqlite3 alone; SQLAlchemy, the mapped classes and the services load after (README, "A sixth pass"). A file an
    older version opened last goes the usual way: the same rows, with them loaded first."""
    from tests.helpers.rich_minutes import behind, rich_file

    path, _meeting = rich_file(tmp_path)
    older = behind(path, tmp_path / "older.sqlite")
    quick = launched(path, tmp_path / "quick")
    usual = launched(older, tmp_path / "usual")
    assert quick[:2] == usual[:2] and int(quick[0]) > 30 and quick[1]
    assert quick[2:] == []
    assert usual[2:] == ["sqlalchemy", "chibo_desktop.storage.models", "chibo_desktop.services.members"]


def test_the_cli_starts_without_the_database_layer() -> None:
    """The command line parses its arguments before SQLAlchemy or Qt is loaded: `chibo --help` is instant."""
    assert loaded_by("chibo_desktop.cli") & {"sqlalchemy", "PySide6"} == set()


def loaded_by_command(*args: str) -> set[str]:
    """Every module a fresh interpreter holds after running ``chibo *args`` as the process's own command."""
    code = (
        "import sys\nfrom chibo_desktop.cli import main\n"
        f"sys.argv = ['chibo', *{list(args)!r}]\nassert main() == 0\nprint(' '.join(sys.modules))"
    )
    root = PACKAGE.parent
    env = {**os.environ, "PYTHONPATH": str(root), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=root, check=True)
    return set(done.stdout.splitlines()[-1].split())  # the line the command printed comes before


ORM = ("sqlalchemy", "alembic", "chibo_desktop.storage.db", "chibo_desktop.storage.models")


def test_printing_minutes_from_a_file_at_head_loads_no_orm(tmp_path: Path) -> None:
    """`chibo print minutes` of a file at the code's schema, last opened by this version, reads it with sqlite3
    alone (storage/plain_minutes.py): SQLAlchemy and our mapping were a third of the command. A file an older
    version opened last goes through open_database, and loads them."""
    from tests.helpers.rich_minutes import behind, rich_file

    path, meeting_id = rich_file(tmp_path)
    older = behind(path, tmp_path / "older.sqlite")
    command = ["print", "minutes", "--meeting", str(meeting_id), "--db"]
    quick = loaded_by_command(*command, str(path), "--out", str(tmp_path / "quick.pdf"))
    usual = loaded_by_command(*command, str(older), "--out", str(tmp_path / "usual.pdf"))
    assert (tmp_path / "quick.pdf").stat().st_size > 0 and (tmp_path / "usual.pdf").stat().st_size > 0
    assert quick & set(ORM) == set()
    assert quick & {"chibo_desktop.services.wiring", "chibo_desktop.services.printing", "openpyxl"} == set()
    assert {"sqlalchemy", "chibo_desktop.storage.models"} <= usual


def test_the_committee_s_stats_and_report_from_a_file_at_head_load_no_orm(tmp_path: Path) -> None:
    """`chibo stats` and `chibo report` at a committee, on a file at the code's schema last opened by this version,
    read its kept figures with sqlite3 alone (storage/plain_figures.py): SQLAlchemy and our mapping were a third of
    either command. A file an older version opened last goes through open_database, and loads them."""
    from tests.helpers.rich_minutes import behind
    from tests.helpers.two_units import write_committee

    path = write_committee(tmp_path)
    older = behind(path, tmp_path / "older.sqlite")
    report = ["report", "--period", "2026", "--db"]
    quick = loaded_by_command(*report, str(path), "--out", str(tmp_path / "quick.pdf"))
    usual = loaded_by_command(*report, str(older), "--out", str(tmp_path / "usual.pdf"))
    stats = loaded_by_command("stats", "--json", "--db", str(path))
    assert (tmp_path / "quick.pdf").stat().st_size > 0 and (tmp_path / "usual.pdf").stat().st_size > 0
    assert (quick | stats) & set(ORM) == set()
    assert (quick | stats) & {"chibo_desktop.services.wiring", "chibo_desktop.services.printing", "openpyxl"} == set()
    assert "reportlab" not in stats
    assert {"sqlalchemy", "chibo_desktop.storage.models"} <= usual


def test_the_import_check_sees_a_heavy_library() -> None:
    assert "reportlab" in loaded_by("chibo_desktop.reports.layout") & set(HEAVY)


def test_the_tests_run_under_windows_open_no_window() -> None:
    """tests/services, tests/storage and tests/windows also run under the Windows Python in wine (the Windows
    job: installer/windows/build.sh), where Qt cannot open a window and the process dies without a word: a test
    that needs a window (pytest-qt's ``qtbot``) belongs in tests/ui."""
    tests = PACKAGE.parent / "tests"
    found = [
        str(path.relative_to(tests))
        for folder in ("services", "storage", "windows")
        for path in sorted((tests / folder).rglob("*.py"))
        if re.search(r"\bqtbot\b", path.read_text(encoding="utf-8"))
    ]
    assert found == []
