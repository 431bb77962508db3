"""Build the one-folder app with PyInstaller, report its size and build time, smoke-test it.

    .venv/bin/python scripts/bundle.py [--zip] [--clean] [--no-smoke]

(``bash scripts/dev.sh bundle`` sets up the venv with PyInstaller and runs this.)
The app lands in ``dist/``: ``fact-check-workbench/`` on Linux, ``Fact-Check
Workbench/`` on Windows, ``Fact-Check Workbench.app`` on macOS. ``--zip`` also
writes ``dist/fact-check-workbench-VERSION-SYSTEM-MACHINE.zip`` (links and
executable bits kept), the file to hand out or upload.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import stat
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workbench import __version__  # noqa: E402
from workbench.launch import BUNDLE_FOLDER, GUI_PROGRAM, this_system  # noqa: E402

DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
SPEC = ROOT / "packaging" / "workbench.spec"


def app_path(system: str) -> Path:
    return DIST / (f"{GUI_PROGRAM}.app" if system == "macos" else BUNDLE_FOLDER[system])


def folder_size(folder: Path) -> tuple[int, int]:
    """(bytes, files) of a folder as unpacked; links count as links, not their targets."""
    total = files = 0
    for path in folder.rglob("*"):
        info = path.lstat()
        if stat.S_ISREG(info.st_mode):
            total += info.st_size
            files += 1
    return total, files


def zip_folder(folder: Path, out: Path) -> None:
    """A zip that unpacks to ``folder`` as it is: symbolic links stay links (a macOS
    app is made of them) and programs stay executable (Info-ZIP, macOS, 7-Zip read
    both). On macOS, ``ditto`` is what Finder itself uses."""
    out.unlink(missing_ok=True)
    if sys.platform == "darwin" and shutil.which("ditto"):
        subprocess.run(["ditto", "-c", "-k", "--keepParent", str(folder), str(out)], check=True)
        return
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in sorted([folder, *folder.rglob("*")]):
            name = path.relative_to(folder.parent).as_posix()
            info = path.lstat()
            if stat.S_ISLNK(info.st_mode):
                entry = zipfile.ZipInfo(name)
                entry.create_system = 3  # Unix: the mode bits below are read
                entry.external_attr = (stat.S_IFLNK | 0o777) << 16
                archive.writestr(entry, os.readlink(path))
            elif path.is_dir():
                entry = zipfile.ZipInfo(name + "/")
                entry.create_system = 3
                entry.external_attr = (stat.S_IFDIR | 0o755) << 16 | 0x10
                archive.writestr(entry, b"")
            else:
                archive.write(path, name)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--zip", action="store_true", help="also write the zip to hand out")
    parser.add_argument("--clean", action="store_true", help="rebuild from scratch (no cache)")
    parser.add_argument("--no-smoke", action="store_true", help="skip the smoke test")
    args = parser.parse_args()

    system = this_system()
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK),
        str(SPEC),
    ]
    if args.clean:
        command.insert(3, "--clean")
    print("building:", " ".join(command), flush=True)
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True)
    seconds = time.perf_counter() - started
    app = app_path(system)
    size, files = folder_size(app)
    print(
        f"\nbuilt {app.relative_to(ROOT)} in {seconds:.0f} s "
        f"({'clean' if args.clean else 'with the build cache'})"
    )
    print(f"size unpacked: {size / 1e6:.0f} MB in {files} files")
    if args.zip:
        machine = platform.machine().lower().replace("amd64", "x86_64")
        out = DIST / f"fact-check-workbench-{__version__}-{system}-{machine}.zip"
        started = time.perf_counter()
        zip_folder(app, out)
        print(
            f"zipped: {out.relative_to(ROOT)}, {out.stat().st_size / 1e6:.0f} MB "
            f"({time.perf_counter() - started:.0f} s)"
        )
    if args.no_smoke:
        return 0
    print(flush=True)
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bundle_smoke.py"), str(app)]
    ).returncode


if __name__ == "__main__":
    sys.exit(main())
