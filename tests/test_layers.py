"""The one-way layers of STYLE.md: Qt only in ui/ and app.py, SQLAlchemy and Alembic only in storage/."""

import ast
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
