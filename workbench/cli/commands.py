"""The command table: each command's name, the module that implements it, its one-line help.

``workbench --help`` is built from this table alone, so it imports nothing of the
app beyond this package: a command's module (and what it needs: the store, requests,
numpy, spaCy's helpers) is imported only when that command runs or its own
``--help`` is asked for. A module's ``register(subparsers)`` adds its commands with
the help written here (``help_of``), so the two cannot disagree.

The commands of one module sit together, in the order ``--help`` lists them.
"""

from __future__ import annotations

COMMANDS: dict[str, tuple[str, str]] = {
    "new": ("workbench.cli.project", "create a project from an article file and detect its claims"),
    "info": (
        "workbench.cli.project",
        "summarise a project: articles, claims by status and verdict, evidence",
    ),
    "open": ("workbench.cli.project", "open a project in the window"),
    "history": ("workbench.cli.project", "show the project's change log, newest first"),
    "search": ("workbench.cli.project", "full-text search over claims, rationales and evidence"),
    "extract": ("workbench.cli.claims", "list the check-worthy claims of an article file"),
    "eval-claims": (
        "workbench.cli.claims",
        "measure claim detection on a labelled CheckThat! TSV file",
    ),
    "eval-news": ("workbench.cli.news", "measure the claim list on labelled news pages"),
    "import": (
        "workbench.cli.imports",
        "add an article (.txt, .md, .html, .docx or a URL) to a project",
    ),
    "verdict": ("workbench.cli.verdicts", "rate a claim: label, rationale, status"),
    "scale": ("workbench.cli.verdicts", "show or edit the project's verdict scale"),
    "settings": (
        "workbench.cli.verdicts",
        "show or change publishing settings and the checks before done",
    ),
    "export": (
        "workbench.cli.export",
        "export a project (claimreview, csv, html, json, markdown, pdf)",
    ),
    "evidence": (
        "workbench.cli.evidence",
        "attach evidence URLs to claims, list them, set fetch limits",
    ),
    "fetch": ("workbench.cli.evidence", "capture every pending or failed evidence URL"),
    "workshop": (
        "workbench.cli.workshop",
        "hand out an exercise, compare the participants' files, merge their work",
    ),
    "library": (
        "workbench.cli.library",
        "the fact-check library: import, list, remove, stats, match, export",
    ),
    "eval-matching": (
        "workbench.cli.library",
        "MAP@5, MRR, P@1 and queries/s on a CheckThat! claim-retrieval split",
    ),
}

# Modules that add sub-commands, in the order their commands appear in --help.
COMMAND_MODULES: list[str] = list(dict.fromkeys(module for module, _ in COMMANDS.values()))


def help_of(command: str) -> str:
    """The one-line help of ``command``, as ``workbench --help`` lists it."""
    return COMMANDS[command][1]


def module_of(command: str) -> str | None:
    """The module that implements ``command``, or None for a name that is not a command."""
    entry = COMMANDS.get(command)
    return entry[0] if entry else None


def command_in(args: list[str]) -> str | None:
    """The command named on a command line: its first argument that is not an option
    (the top-level parser's only options, ``-h`` and ``--version``, take no value)."""
    for arg in args:
        if arg == "--":
            continue
        if not arg.startswith("-"):
            return arg
    return None
