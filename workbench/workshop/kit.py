"""Workshop kits: one folder a trainer copies to USB sticks for a room without internet.

``workbench workshop kit EXERCISE.fcw -o FOLDER`` writes:

- ``START HERE.html`` (and ``START HERE.pdf`` where Qt can draw it): one page for
  participants: how to start the app, where their work is saved, how to hand the
  file back;
- the exercise, as a fresh compact copy (even if the trainer has it open);
- the one-folder app for each system given (by default the one for this system,
  when it has been built, or the app this command runs from), each under
  ``App for Windows``, ``App for macOS``, ``App for Linux``.

The kit is built beside FOLDER under a temporary name and renamed when complete.
No Qt here: the PDF is drawn by a function the caller passes in.
"""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.core.errors import ValidationError, WorkbenchError
from workbench.launch import BUNDLE_FOLDER, CLI_PROGRAM, GUI_PROGRAM, bundle_root, this_system
from workbench.workshop.kit_page import SYSTEM_TITLES, instructions_html

START_PAGE = "START HERE"
PdfWriter = Callable[[str, str], bytes]  # (html, title) -> PDF bytes


@dataclass
class KitApp:
    """One system's app in the kit: a folder (or a zip of one) and where it went."""

    system: str
    source: Path
    name: str  # its file or folder name in the kit
    zipped: bool = False

    @property
    def folder(self) -> str:
        return f"App for {SYSTEM_TITLES[self.system]}"


@dataclass
class Kit:
    folder: Path
    exercise: str
    title: str
    apps: list[KitApp] = field(default_factory=list)
    pdf: bool = False
    warnings: list[str] = field(default_factory=list)


def default_bundle() -> Path | None:
    """This system's app: the one this process runs from, else one built in the
    checkout's ``dist/`` by ``scripts/dev.sh bundle``; None if there is neither."""
    running = bundle_root()
    if running is not None:
        return running
    checkout = Path(__file__).resolve().parents[2]
    if not (checkout / "pyproject.toml").is_file():
        return None
    system = this_system()
    name = f"{GUI_PROGRAM}.app" if system == "macos" else BUNDLE_FOLDER[system]
    built = checkout / "dist" / name
    return built if built.is_dir() else None


def _zip_system(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (OSError, zipfile.BadZipFile):
        return None
    if any(".app/Contents/MacOS/" in n for n in names):
        return "macos"
    if any(n.rsplit("/", 1)[-1] == f"{CLI_PROGRAM}.exe" for n in names):
        return "windows"
    if any(n.rsplit("/", 1)[-1] == CLI_PROGRAM for n in names):
        return "linux"
    return None


def app_system(path: Path) -> str:
    """Which system a one-folder app (or a zip of one) is for; refused if it is none."""
    system = None
    if path.is_dir():
        if (path / "Contents" / "MacOS").is_dir():
            system = "macos"
        elif (path / f"{CLI_PROGRAM}.exe").is_file():
            system = "windows"
        elif (path / CLI_PROGRAM).is_file():
            system = "linux"
    elif path.is_file() and path.suffix.lower() == ".zip":
        system = _zip_system(path)
    elif not path.exists():
        raise ValidationError(f"{path}: no such app folder")
    if system is None:
        raise ValidationError(
            f"{path}: not a Fact-Check Workbench app (a folder made by scripts/dev.sh bundle, "
            "a macOS .app, or a zip of one)"
        )
    return system


def _copy_exercise(exercise: Path, target: Path) -> str:
    """A fresh compact copy of the exercise (taken through SQLite, so work the trainer
    may still have open is included); refused if the file is not a clean exercise."""
    from workbench.store.exercise import open_memory_copy, write_compact_copy
    from workbench.workshop.exercise import exercise_of, participant_name

    store = open_memory_copy(exercise)
    try:
        found = exercise_of(store)
        if found is None:
            raise ValidationError(
                f"{exercise.name}: not a workshop exercise; make one from your project with "
                "`workbench workshop pack KEY.fcw -o EXERCISE.fcw` (a project would hand out "
                "your answers)"
            )
        name = participant_name(store)
        if name:
            raise ValidationError(
                f"{exercise.name}: this is {name}'s file, not the exercise as handed out"
            )
        write_compact_copy(store, target)
        return found.title
    finally:
        store.close()


def _copy_app(app: KitApp, kit: Path) -> None:
    folder = kit / app.folder
    folder.mkdir()
    try:
        if app.zipped:
            shutil.copy2(app.source, folder / app.name)
        else:
            # symlinks stay links: a macOS .app is made of them
            shutil.copytree(app.source, folder / app.name, symlinks=True)
    except (OSError, shutil.Error) as exc:
        hint = (
            " (a USB stick formatted FAT or exFAT cannot hold a macOS app's links: "
            "give the app as a zip)"
            if app.system == "macos"
            else ""
        )
        raise WorkbenchError(f"{app.source}: cannot be copied into the kit ({exc}){hint}") from None


def _apps(bundles: Sequence[Path] | None, warnings: list[str]) -> list[KitApp]:
    if bundles is None:
        found = default_bundle()
        if found is None:
            warnings.append(
                "no app for this system was found (build it with `bash scripts/dev.sh bundle`, "
                "or give one with --bundle): participants need the workbench installed"
            )
            return []
        bundles = [found]
    apps: list[KitApp] = []
    for path in bundles:
        path = Path(path)
        system = app_system(path)
        if any(a.system == system for a in apps):
            raise ValidationError(f"{path}: a second app for {SYSTEM_TITLES[system]}")
        apps.append(KitApp(system, path, path.name, zipped=path.is_file()))
    return apps


def make_kit(
    exercise: str | Path,
    out: str | Path,
    *,
    bundles: Sequence[Path] | None = None,
    note: str = "",
    pdf: PdfWriter | None = None,
    force: bool = False,
) -> Kit:
    """Write the kit folder ``out`` for ``exercise``; ``bundles`` None means this system's app."""
    exercise, out = Path(exercise), Path(out)
    if exercise.suffix.lower() != ".fcw":
        raise ValidationError(f"{exercise.name}: an exercise file ends in .fcw")
    if out.exists():
        earlier_kit = (out / f"{START_PAGE}.html").is_file()
        if not out.is_dir() or (any(out.iterdir()) and not (force and earlier_kit)):
            raise ValidationError(
                f"{out}: already exists; choose a new folder"
                + (" (or --force to replace this earlier kit)" if earlier_kit else "")
            )
    if not out.parent.is_dir():
        raise ValidationError(f"{out.parent}: no such folder")
    warnings: list[str] = []
    apps = _apps(bundles, warnings)
    partial = out.with_name(f".{out.name}.partial")
    shutil.rmtree(partial, ignore_errors=True)
    try:
        partial.mkdir()
        title = _copy_exercise(exercise, partial / exercise.name)
        for app in apps:
            _copy_app(app, partial)
        page: dict[str, Any] = {
            "title": title,
            "exercise": exercise.name,
            "note": note,
            "apps": [(a.system, a.folder, a.name, a.zipped) for a in apps],
        }
        html = instructions_html(**page)
        (partial / f"{START_PAGE}.html").write_bytes(html.encode("utf-8"))
        made_pdf = False
        if pdf is not None:
            try:
                printed = pdf(instructions_html(**page, printed=True), title)
                (partial / f"{START_PAGE}.pdf").write_bytes(printed)
                made_pdf = True
            except WorkbenchError as exc:
                warnings.append(f"no PDF of the instructions ({exc}); the HTML page is there")
        if out.exists():
            shutil.rmtree(out)
        partial.rename(out)
    except OSError as exc:
        shutil.rmtree(partial, ignore_errors=True)
        raise WorkbenchError(f"{out}: cannot write the kit ({exc.strerror or exc})") from None
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return Kit(out, exercise.name, title, apps, made_pdf, warnings)
