"""Small helpers shared by the command modules."""

from __future__ import annotations

import json
import sys


def print_json(value) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def warn(message: str) -> None:
    print(f"workbench: warning: {message}", file=sys.stderr)


def print_notices(txn) -> None:
    """What a command's transaction wants the user to know (a done claim moved back...)."""
    for notice in getattr(txn, "notices", []) or []:
        print(f"note: {notice}")
