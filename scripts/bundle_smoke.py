"""Smoke-test the one-folder app as a user's machine would run it: no Python, no network.

    python scripts/bundle_smoke.py APP

APP is the folder ``scripts/bundle.py`` built (on macOS the ``.app``). Each command
runs the bundled program with an empty environment (as ``env -i``: no PATH, so no
Python to find; no PYTHONPATH, no venv), only HOME pointing at a temporary folder
(on Windows the two variables Windows itself needs), and, on Linux where
``unshare`` can, in a network namespace of its own with no network at all. It checks
``--version``, ``extract`` on the sample article shipped inside the app, ``new`` +
``info --json``, an HTML import (trafilatura, lxml), ``open --screenshot`` to a PNG
(offscreen; on Linux also on a real X server when ``xvfb-run`` is there; on Windows
and macOS with the system's own window platform) and ``workshop kit``.
The script itself may run on any Python 3.9+: it uses the standard library only.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TIMEOUT = 600
SEED_NAME = "000_d19ec3c93edcc5fb.txt"
ARTICLE_HTML = """<!DOCTYPE html><html><head><title>Budget news</title>
<meta property="og:title" content="City budget grows"></head><body>
<nav><a href="/">Home</a> | <a href="/sport">Sport</a></nav>
<article><h1>City budget grows</h1>
<p>The city council approved a budget of 2.4 billion euros on Tuesday, the mayor said.</p>
<p>According to the finance office, spending on schools rose by 12 percent since 2020.</p>
<p>Critics argued that the police budget doubled in five years.</p></article>
<footer>Copyright 2024. Cookie settings.</footer></body></html>
"""


class Failed(Exception):
    pass


def programs(app: Path) -> tuple[Path, str]:
    """(the command-line program, the system) of a built app."""
    if (app / "Contents" / "MacOS" / "workbench").is_file():
        return app / "Contents" / "MacOS" / "workbench", "macos"
    if (app / "workbench.exe").is_file():
        return app / "workbench.exe", "windows"
    if (app / "workbench").is_file():
        return app / "workbench", "linux"
    raise Failed(f"{app}: no workbench program in it")


def network_cutter() -> list[str]:
    """A command prefix that runs a program without network (Linux), or []."""
    if not sys.platform.startswith("linux") or not shutil.which("unshare"):
        return []
    for prefix in (["unshare", "--net"], ["unshare", "--map-root-user", "--net"]):
        try:
            done = subprocess.run([*prefix, "true"], capture_output=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if done.returncode == 0:
            return prefix
    return []


class Runner:
    def __init__(self, program: Path, system: str, home: Path, cut: list[str]) -> None:
        self.program, self.system, self.home, self.cut = program, system, home, cut

    def env(self, empty: bool = False) -> dict[str, str]:
        if self.system == "windows":
            # Windows cannot start a process's networking or crypto without these two.
            env = {k: os.environ[k] for k in ("SYSTEMROOT", "WINDIR") if k in os.environ}
            # platformdirs asks Windows for AppData, not the environment: keep the
            # runner's profile clean by pointing the data folder at the temporary one.
            if not empty:
                env["WORKBENCH_DATA_DIR"] = str(self.home / "data")
            return env
        return {} if empty else {"HOME": str(self.home)}

    def run(
        self,
        *args: str,
        empty: bool = False,
        prefix: list[str] | None = None,
        env: dict[str, str] | None = None,
    ) -> subprocess.CompletedProcess:
        command = [*(self.cut if prefix is None else prefix), str(self.program), *args]
        started = time.perf_counter()
        done = subprocess.run(
            command,
            env=self.env(empty) if env is None else env,
            cwd=self.home,
            capture_output=True,
            timeout=TIMEOUT,
            # bytes, decoded below: the app writes UTF-8, whatever this process's locale
        )
        seconds = time.perf_counter() - started
        out = done.stdout.decode("utf-8", "replace")
        err = done.stderr.decode("utf-8", "replace")
        shown = " ".join(args)
        if done.returncode != 0:
            raise Failed(
                f"`workbench {shown}` exited {done.returncode}\n{out[-2000:]}\n{err[-3000:]}"
            )
        print(f"  ok  workbench {shown}  ({seconds:.1f} s)", flush=True)
        return subprocess.CompletedProcess(command, 0, out, err)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise Failed(f"{path.name}: not a PNG")
    return struct.unpack(">II", data[16:24])


def check_screenshot(path: Path) -> None:
    width, height = png_size(path)
    if (width, height) != (1400, 900) or path.stat().st_size < 20_000:
        raise Failed(f"{path.name}: {width}x{height}, {path.stat().st_size} bytes: not the window")


def smoke(app: Path) -> None:
    program, system = programs(app)
    cut = network_cutter()
    print(
        f"smoke test of {app} ({system}); network: "
        f"{'cut (' + ' '.join(cut) + ')' if cut else 'not cut here (the commands need none)'}"
    )
    seeds = sorted(app.rglob(f"seeds/{SEED_NAME}"))
    if not seeds:
        raise Failed(f"the sample article {SEED_NAME} is not in the app")
    seed = seeds[0]
    with tempfile.TemporaryDirectory(prefix="workbench-smoke-") as tmp:
        home = Path(tmp)
        run = Runner(program, system, home, cut)

        version = run.run("--version", empty=True).stdout
        for needed in (
            "Fact-Check Workbench",
            "one-folder app",
            "Qt:",
            "spaCy:",
            "English pipeline:    en_core_web_sm",
        ):
            if needed not in version:
                raise Failed(f"--version lacks {needed!r}:\n{version}")
        model_line = next(line for line in version.splitlines() if "claim model:" in line)
        if "trained" not in model_line or str(app.resolve()) not in model_line:
            raise Failed(f"the claim model is not the app's own: {model_line}")
        print("      " + "\n      ".join(version.splitlines()))

        listed = json.loads(run.run("extract", str(seed), "--json").stdout)["claims"]
        reasons = " ".join(" ".join(c["reasons"]) for c in listed)
        if len(listed) < 5 or "names a person" not in reasons:
            raise Failed(f"extract listed {len(listed)} claims; reasons: {reasons[:300]}")

        # Markdown is read by markdown-it-py: it must be in the app.
        notes = home / "notes.md"
        notes.write_text(
            "# Budget\n\nThe minister said on **Monday** that spending rose by 4.2% in 2024.\n",
            encoding="utf-8",
        )
        text = json.loads(run.run("extract", str(notes), "--json", "--all").stdout)
        if "4.2%" not in json.dumps(text) or "**" in json.dumps(text):
            raise Failed(f"the Markdown article was not read as text: {str(text)[:300]}")

        project = home / "smoke.fcw"
        run.run("new", str(project), "--article", str(seed), "--scale", "politifact")
        info = json.loads(run.run("info", str(project), "--json").stdout)
        if "politifact" not in info["scale"].lower() or info["claims"] < 5:
            raise Failed(f"info: scale {info['scale']}, {info['claims']} claims")
        labels = [
            x["name"] for x in json.loads(run.run("scale", str(project), "--json").stdout)["labels"]
        ]
        if "Pants on Fire" not in labels:
            raise Failed(f"the politifact scale's labels: {labels}")

        page = home / "budget.html"
        page.write_text(ARTICLE_HTML, encoding="utf-8")
        imported = run.run("import", str(project), str(page)).stdout
        if "City budget grows" not in imported:
            raise Failed(f"import: {imported}")

        shot = home / "window.png"
        run.run("open", str(project), "--screenshot", str(shot))
        check_screenshot(shot)
        xvfb = shutil.which("xvfb-run") if system == "linux" else None
        if xvfb:
            # A real X server: the xcb platform plugin and its libraries. The program
            # still gets an empty environment, but for the display xvfb-run made.
            shot_x = home / "window-x11.png"
            inner = (
                f'exec env -i HOME="{home}" DISPLAY="$DISPLAY" XAUTHORITY="$XAUTHORITY" '
                f'"{program}" open "{project}" --screenshot "{shot_x}"'
            )
            done = subprocess.run(
                [xvfb, "-a", "sh", "-c", inner], capture_output=True, timeout=TIMEOUT, cwd=home
            )
            if done.returncode != 0:
                raise Failed(f"open on X11 exited {done.returncode}: {done.stderr[-2000:]!r}")
            check_screenshot(shot_x)
            print("  ok  workbench open --screenshot on a real X server (xvfb-run)")

        exercise = home / "exercise.fcw"
        run.run("workshop", "pack", str(project), "-o", str(exercise))
        kit = home / "kit"
        run.run("workshop", "kit", str(exercise), "-o", str(kit))
        apps = list(kit.glob("App for */*"))
        if (
            len(apps) != 1
            or not (kit / "START HERE.pdf").is_file()
            or not (kit / exercise.name).is_file()
        ):
            raise Failed(f"kit: {sorted(p.name for p in kit.rglob('*'))[:20]}")
        kit_program, _ = programs(apps[0])
        done = subprocess.run(
            [str(kit_program), "--version"],
            env=run.env(empty=True),
            capture_output=True,
            timeout=TIMEOUT,
        )
        if done.returncode != 0:
            raise Failed("the app copied into the kit does not start")
        print("  ok  the app copied into the kit starts")


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    started = time.perf_counter()
    try:
        smoke(Path(sys.argv[1]).resolve())
    except (Failed, subprocess.TimeoutExpired, OSError, ValueError, KeyError) as exc:
        print(f"SMOKE TEST FAILED: {exc}", file=sys.stderr)
        return 1
    print(f"smoke test passed ({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
