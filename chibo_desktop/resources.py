"""Where the bundled files are: inside the package when installed from a wheel or frozen, else the checkout."""

import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _root(name: str) -> Path:
    candidates = [_PACKAGE / name, _PACKAGE.parent / name]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.insert(0, Path(frozen) / "chibo_desktop" / name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"bundled folder {name!r} not found in {candidates}")


def resource(*parts: str) -> Path:
    """A file under the top-level ``resources/`` folder (fonts, icons)."""
    return _root("resources").joinpath(*parts)


def i18n_dir() -> Path:
    """The folder with the Linguist sources (``*.ts``) and compiled catalogues (``*.qm``)."""
    return _root("i18n")
