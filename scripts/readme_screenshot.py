"""Make the README's screenshot: the sample article, part-checked, in the window.

Builds a project from the sample article with the command line, rates a few claims,
attaches sources served by a local web server (no internet needed), captures them
with ``workbench fetch``, then renders the window with ``workbench open --screenshot``.

    .venv/bin/python scripts/readme_screenshot.py [OUT.png]   (default docs/screenshot.png)
"""

from __future__ import annotations

import http.server
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
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


def run(*args: str, env: dict | None = None) -> str:
    result = subprocess.run([*WORKBENCH, *args], capture_output=True, text=True, env=env, check=True)
    return result.stdout


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshot.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "North Korea troops.fcw"
        run("new", str(project), "--article", str(SEED))
        run("evidence", "add", str(project), "--claim", "1", f"{base}/kcna-statement",
            "--stance", "context", "--note", "Official statement, 14 June")
        run("evidence", "add", str(project), "--claim", "1", f"{base}/pentagon-briefing",
            "--stance", "supports")
        run("fetch", str(project))
        run("verdict", str(project), "--claim", "1", "--label", "mostly true", "--status",
            "in_progress", "--rationale",
            "The deployment was announced; the Donetsk region is named only by unnamed officials.")
        run("verdict", str(project), "--claim", "9", "--label", "unproven", "--rationale",
            "No source for the $115 million figure.")
        run("verdict", str(project), "--claim", "6", "--label", "true")
        run("verdict", str(project), "--claim", "7", "--label", "false", "--rationale",
            "North Korean troops took part in the Vietnam war (1960s).")
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WORKBENCH_DATA_DIR": tmp}
        subprocess.run([*WORKBENCH, "open", str(project), "--screenshot", str(out)],
                       env=env, check=True)
    server.shutdown()
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
