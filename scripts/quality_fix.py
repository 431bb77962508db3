"""Two mechanical helps for the format/lint pass that ruff does not do itself.

    .venv/bin/python scripts/quality_fix.py wordlists FILE...   # before `ruff format`
    .venv/bin/python scripts/quality_fix.py long-strings FILE...  # after it, for E501

``wordlists``: a module-level set, list or tuple of more than 8 string literals written
over several lines (a word list: ``SAY = {"say", "says", ...}``) is wrapped in
``# fmt: off`` / ``# fmt: on``, so the formatter keeps it as laid out instead of one
word per line. Files that already have ``# fmt: off`` are left alone.

``long-strings``: a line over 100 characters that is one string literal (a regular
expression, a message) is split at a ``|`` or a space into two adjacent literals, which
Python joins back at compile time. A split is kept only if the file's syntax tree is
unchanged, so the program is the same. Lines it cannot split are left for a person.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

LIMIT = 100
_LITERAL = re.compile(
    r"^(?P<indent>\s*)(?P<lead>(?:\+\s*)?)(?P<prefix>[rRbu]{0,2})(?P<q>\"|')"
    r"(?P<body>.*?)(?P=q)(?P<tail>.*)$"
)


def _is_wordlist(value: ast.expr) -> bool:
    node = value
    if (
        isinstance(node, ast.Call)
        and node.args
        and isinstance(node.func, ast.Name)
        and node.func.id in ("frozenset", "set", "tuple")
    ):
        node = node.args[0]
    if isinstance(node, ast.BinOp):  # BASE | {...}
        node = node.right
    if isinstance(node, ast.Set | ast.List | ast.Tuple):
        return len(node.elts) > 8 and all(
            isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts
        )
    return False


def guard_wordlists(path: Path) -> int:
    source = path.read_text(encoding="utf-8")
    if "# fmt: off" in source:
        return 0
    spans = [
        (node.lineno, node.end_lineno)
        for node in ast.parse(source).body
        if isinstance(node, ast.Assign | ast.AnnAssign)
        and node.value is not None
        and node.end_lineno is not None
        and node.end_lineno > node.lineno
        and _is_wordlist(node.value)
    ]
    lines = source.splitlines(keepends=True)
    for start, end in reversed(spans):
        lines.insert(end, "# fmt: on\n")
        lines.insert(start - 1, "# fmt: off\n")
    if spans:
        path.write_text("".join(lines), encoding="utf-8")
    return len(spans)


def _split(line: str) -> list[str] | None:
    match = _LITERAL.match(line.rstrip("\n"))
    if not match:
        return None
    indent, lead, prefix, quote, body, tail = match.group(
        "indent", "lead", "prefix", "q", "body", "tail"
    )
    room = LIMIT - len(indent) - len(lead) - len(prefix) - 2
    cuts = [i for i, c in enumerate(body) if c == "|" and 10 < i <= room] or [
        i for i, c in enumerate(body) if c == " " and 10 < i <= room
    ]
    if not cuts:
        return None
    cut = cuts[-1]
    return [
        f"{indent}{lead}{prefix}{quote}{body[:cut]}{quote}\n",
        f"{indent}{' ' * len(lead)}{prefix}{quote}{body[cut:]}{quote}{tail}\n",
    ]


def split_long_strings(path: Path) -> int:
    source = path.read_text(encoding="utf-8")
    tree = ast.dump(ast.parse(source))
    lines = source.splitlines(keepends=True)
    splits = 0
    changed = True
    while changed:
        changed = False
        for i, line in enumerate(lines):
            if len(line.rstrip("\n")) <= LIMIT or not (parts := _split(line)):
                continue
            trial = lines[:i] + parts + lines[i + 1 :]
            try:
                same = ast.dump(ast.parse("".join(trial))) == tree
            except SyntaxError:
                same = False
            if same:
                lines, changed, splits = trial, True, splits + 1
                break
    if splits:
        path.write_text("".join(lines), encoding="utf-8")
    return splits


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in ("wordlists", "long-strings"):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    fix = guard_wordlists if argv[0] == "wordlists" else split_long_strings
    for name in argv[1:]:
        if not (name.endswith(".py") and Path(name).is_file()):
            continue  # e.g. the summary line of a piped `ruff check`
        if count := fix(Path(name)):
            print(f"{name}: {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
