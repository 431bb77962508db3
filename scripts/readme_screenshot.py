"""Make the README's screenshots: the sample article, part-checked, in the window.

Builds a project from the sample article with the command line, rates a few claims,
attaches sources served by a local web server (no internet needed), captures them
with ``workbench fetch``; then renders the real window at 1280x720 and 1920x1080,
and zoomed x2 (a projector), each in the light and the dark theme, and the
workshop compare window at text size 22. Each picture comes from a fresh window
with a fresh settings folder, so it shows the layout a new user gets.

    .venv/bin/python scripts/readme_screenshot.py [OUT_DIR]   (default docs/)

Runs offscreen, or on a real (or ``xvfb-run -a``) display when there is one.
"""

from __future__ import annotations

import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORKBENCH = [sys.executable, "-m", "workbench"]
SEED = ROOT / "seeds" / "000_d19ec3c93edcc5fb.txt"

PAGES = {
    "/kcna-statement": (
        "KCNA: statement on co-operation with the Russian Federation",
        "The statement announces military co-operation but names no region and no troop numbers.",
    ),
    "/pentagon-briefing": (
        "Pentagon press briefing, transcript",
        "Asked about North Korean troops, the spokesperson described them as cannon fodder.",
    ),
}

# name, (width, height), theme, zoom steps (5 steps = x2)
SHOTS = [
    ("window-1280x720-light", (1280, 720), "light", 0),
    ("window-1280x720-dark", (1280, 720), "dark", 0),
    ("window-1920x1080-light", (1920, 1080), "light", 0),
    ("window-1920x1080-dark", (1920, 1080), "dark", 0),
    ("window-zoom2-light", (1920, 1080), "light", 5),
    ("window-zoom2-dark", (1920, 1080), "dark", 5),
]


class Pages(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        title, text = PAGES.get(self.path, ("Not found", "No such page."))
        body = f"<html><head><title>{title}</title></head><body><p>{text}</p></body></html>"
        data = body.encode("utf-8")
        self.send_response(200 if self.path in PAGES else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args) -> None:
        pass


def run(*args: str) -> str:
    result = subprocess.run([*WORKBENCH, *args], capture_output=True, text=True, check=True)
    return result.stdout


def build(project: Path) -> None:
    """The sample article, part-checked, as a fact-checker leaves it at lunch time."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    p = str(project)
    run("new", p, "--article", str(SEED))
    run(
        "evidence",
        "add",
        p,
        "--claim",
        "1",
        f"{base}/kcna-statement",
        "--stance",
        "context",
        "--note",
        "Official statement, 14 June: no region, no numbers",
    )
    run("evidence", "add", p, "--claim", "1", f"{base}/pentagon-briefing", "--stance", "supports")
    run("fetch", p)
    run(
        "verdict",
        p,
        "--claim",
        "1",
        "--label",
        "mostly true",
        "--status",
        "in_progress",
        "--rationale",
        "The deployment was announced; the Donetsk region is named only by unnamed officials.",
    )
    run(
        "verdict",
        p,
        "--claim",
        "3",
        "--label",
        "mixture",
        "--rationale",
        "Trade with China grew; the 'middleman' role is Ponomarev's opinion.",
    )
    run(
        "verdict",
        p,
        "--claim",
        "9",
        "--label",
        "unproven",
        "--rationale",
        "No source for the $115 million figure.",
    )
    run("verdict", p, "--claim", "6", "--label", "true")
    run(
        "verdict",
        p,
        "--claim",
        "7",
        "--label",
        "false",
        "--rationale",
        "North Korean troops took part in the Vietnam war (1960s).",
    )
    server.shutdown()


def save(image, path: Path) -> None:
    """A PNG of the picture's 256 most frequent colours (a window has few more than that,
    but for the edges of letters): a third of the size, the same look."""
    from collections import Counter

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    full = image.toImage().convertToFormat(QImage.Format.Format_RGB32)
    pixels = memoryview(full.constBits()).cast("I")
    table = [colour | 0xFF000000 for colour, _ in Counter(pixels).most_common(256)]
    small = full.convertToFormat(
        QImage.Format.Format_Indexed8, table, Qt.ImageConversionFlag.ThresholdDither
    )
    small.save(str(path), "PNG")


def render(project: Path, out: Path, scratch: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from workbench.ui.app import application
    from workbench.ui.main_window import MainWindow
    from workbench.ui.theme import apply_theme

    app = application()

    def settle() -> None:
        for _ in range(10):
            app.processEvents()

    for name, size, theme, zoom in SHOTS:
        os.environ["WORKBENCH_DATA_DIR"] = str(scratch / name)  # a new user's settings
        apply_theme(app, theme)
        window = MainWindow()
        window.resize(*size)
        window.show()
        window.open_project(project)
        window.zoom(zoom)
        settle()
        window.claim_list.table.setFocus()
        window.claim_list.table.selectRow(0)
        window.say("Claim #1 rated Mostly True.")
        settle()
        save(window.grab(), out / f"{name}.png")
        print(f"wrote {out / name}.png")
        window.jobs.wait_all()
        window._close_store()
        window.hide()
        window.deleteLater()
        settle()
    render_compare(app, out, scratch, settle)
    QApplication.instance().processEvents()


def render_compare(app, out: Path, scratch: Path, settle) -> None:
    """The trainer's compare window at text size 22, in a 1280x720 window."""
    from workbench.core.models import Article, Claim
    from workbench.presets import load_preset
    from workbench.store import ProjectStore
    from workbench.ui.theme import apply_theme
    from workbench.ui.workshop_view import CompareWindow
    from workbench.workshop.exercise import pack, set_participant_name

    sentences = [
        "The city spent $4.2 million on the new bridge in 2021.",
        "Unemployment fell to 3.1 percent last year, the minister said.",
        "The river has flooded every spring since 1990.",
        "Police figures show crime fell by 12 percent.",
        "The mayor promised 500 new homes by 2025, more than any mayor before him.",
    ]
    text = "Town hall\n\n" + " ".join(sentences)
    key_verdicts = ["True", "Mostly False", "False", "Mixture", "Misleading"]
    room = {
        "Ana": ["True", "Mostly False", "False", "Mixture", "Misleading"],
        "Ben": ["Mostly True", "Mostly False", "Mixture", None, "False"],
        "Cleo": ["True", "Unproven", "False", "False", "Misleading"],
        "Dev": ["Mostly True", "Mixture", "False", "Mixture", "Mostly False"],
    }
    folder = scratch / "workshop"
    folder.mkdir()

    def setup(store):
        article = store.articles.add(Article(title="Town hall", text=text))
        for sentence, verdict in zip(sentences, key_verdicts, strict=True):
            start = text.index(sentence)
            claim = store.claims.add(
                Claim(article_id=article.id, start=start, end=start + len(sentence), quote="")
            )
            store.claims.set_verdict(claim.id, verdict, rationale="the key's reason")

    key = folder / "key.fcw"
    ProjectStore.create(key, scale=load_preset(), title="Town hall budget", setup=setup).close()
    pack(key, folder / "exercise.fcw", lock=True)
    files = []
    for name, verdicts in room.items():
        path = folder / f"{name}.fcw"
        shutil.copy2(folder / "exercise.fcw", path)
        with ProjectStore.open(path) as store:
            set_participant_name(store, name)
            for claim, verdict in zip(store.claims.all(), verdicts, strict=True):
                if verdict:
                    store.claims.set_verdict(claim.id, verdict)
        files.append(path)
    os.environ["WORKBENCH_DATA_DIR"] = str(scratch / "compare")
    apply_theme(app, "light")
    window = CompareWindow()
    window.resize(1280, 720)
    window.show()
    window.add_files(files)
    window.set_key(key)
    shown = []
    window.comparison_shown.connect(shown.append)
    window.compare()
    while not shown:
        app.processEvents()
    window.text_size.setValue(22)
    settle()
    save(window.grab(), out / "compare-22.png")
    print(f"wrote {out / 'compare-22.png'}")
    window.close()


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "North Korea troops.fcw"
        build(project)
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        render(project, out, Path(tmp))


if __name__ == "__main__":
    main()
