"""Freeze the app into one folder, smoke-test the frozen app, and pack it.

    python installer/build.py [--skip-archive]

1. PyInstaller with installer/chibo.spec → dist/chibo/ (the app and everything it needs).
2. Smoke test: the frozen app, headless, with a temporary data folder, opens a sample database and prints one
   meeting's minutes through its main window (``chibo selftest``), and reads it back; any failure stops the build.
3. Linux: dist/chibo-desktop-<version>-linux-x86_64.tar.gz. Windows: the same folder feeds the NSIS script:

       python installer\\build.py --skip-archive
       makensis /DVERSION=<version> /DSOURCE_DIR=..\\dist\\chibo installer\\chibo.nsi

   run on Windows 10 or 11 (PyInstaller does not cross-compile), with NSIS 3 installed; the result is
   dist\\chibo-desktop-<version>-setup.exe.
"""

import argparse
import os
import platform
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"


def version() -> str:
    namespace: dict[str, str] = {}
    exec((ROOT / "chibo_desktop" / "__init__.py").read_text(encoding="utf-8"), namespace)
    return namespace["__version__"]


def freeze() -> Path:
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--distpath", str(DIST),
         "--workpath", str(ROOT / "build" / "pyinstaller"), str(ROOT / "installer" / "chibo.spec")],
        check=True, cwd=ROOT,
    )  # fmt: skip
    return DIST / "chibo"


def smoke_test(folder: Path) -> None:
    executable = folder / ("chibo.exe" if os.name == "nt" else "chibo")
    with tempfile.TemporaryDirectory(prefix="chibo-smoke-") as temporary:
        data = Path(temporary)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(data), "XDG_DATA_HOME": str(data / "data"),
               "XDG_CONFIG_HOME": str(data / "config"), "XDG_STATE_HOME": str(data / "state"),
               "LOCALAPPDATA": str(data / "local")}  # fmt: skip
        out = data / "bien-ban.pdf"
        result = subprocess.run(
            [str(executable), "selftest", "--db", str(data / "chibo.sqlite"), "--out", str(out)],
            env=env, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        print(result.stdout, result.stderr, sep="\n")
        if result.returncode != 0 or not out.exists() or out.read_bytes()[:5] != b"%PDF-":
            raise SystemExit("smoke test failed: the frozen app did not print the minutes")
        version_out = subprocess.run([str(executable), "--version"], env=env, capture_output=True, text=True)
        if not version_out.stdout.startswith("chibo-desktop "):
            raise SystemExit(f"smoke test failed: --version printed {version_out.stdout!r}")
        print(f"smoke test passed: {out.stat().st_size} bytes of minutes from the frozen app")


def archive(folder: Path) -> Path:
    machine = platform.machine().lower()
    target = DIST / f"chibo-desktop-{version()}-linux-{machine}.tar.gz"
    with tarfile.open(target, "w:gz") as tar:
        tar.add(folder, arcname=f"chibo-desktop-{version()}")
    return target


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--skip-archive", action="store_true", help="freeze and test only (the Windows steps)")
    args = parser.parse_args()
    folder = freeze()
    print(f"frozen into {folder} ({size_of(folder) / 2**20:.0f} MB)")
    smoke_test(folder)
    if not args.skip_archive and os.name != "nt":
        target = archive(folder)
        print(f"packed {target} ({target.stat().st_size / 2**20:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
