"""Refresh the Linguist sources from the code and compile them: ``python i18n/update.py``.

lupdate keeps existing translations and marks new strings unfinished; translate those in
``chibo_vi.ts`` (Qt Linguist, or any editor), then run this again to rebuild ``chibo_vi.qm``.
The test suite fails while any entry is unfinished or the .qm is older than the .ts.

English is the language of the code's strings; ``chibo_en.ts`` holds only their plural forms
(``self.tr("{count} page(s)", "", n)`` → "1 page", "2 pages"): give each new one its two forms.
"""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def sources() -> list[str]:
    return sorted(
        str(p.relative_to(ROOT)) for p in (ROOT / "chibo_desktop").rglob("*.py") if "migrations" not in p.parts
    )


def main() -> int:
    bin_dir = Path(sys.executable).parent
    lupdate = bin_dir / "pyside6-lupdate"
    lrelease = bin_dir / "pyside6-lrelease"
    for language in ("vi", "en"):
        ts = HERE / f"chibo_{language}.ts"
        subprocess.run(
            [
                str(lupdate),
                *sources(),
                "-ts",
                str(ts),
                "-target-language",
                {"vi": "vi_VN", "en": "en_US"}[language],
                *(["-pluralonly"] if language == "en" else []),
                "-no-obsolete",
                "-locations",
                "none",
            ],
            cwd=ROOT,
            check=True,
        )
        subprocess.run([str(lrelease), str(ts), "-qm", str(ts.with_suffix(".qm"))], cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
