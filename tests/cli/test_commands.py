"""The command table (``workbench/cli/commands.py``): ``workbench --help`` comes from it
alone, and it agrees with what the command modules register."""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys

import pytest

from workbench.cli import build_parser
from workbench.cli.commands import COMMAND_MODULES, COMMANDS, command_in, help_of, module_of

HEAVY = ["sqlite_utils", "numpy", "requests", "spacy", "trafilatura", "PySide6"]


def _registered(module: str) -> dict[str, str | None]:
    """The commands ``module`` adds, in order, with their one-line help."""
    sub = argparse.ArgumentParser().add_subparsers()
    importlib.import_module(module).register(sub)
    return {action.dest: action.help for action in sub._choices_actions}


@pytest.mark.parametrize("module", COMMAND_MODULES)
def test_each_module_registers_exactly_its_commands_of_the_table(module):
    expected = {name: help_of(name) for name, (owner, _) in COMMANDS.items() if owner == module}
    registered = _registered(module)
    assert list(registered) == list(expected)
    assert registered == expected


def test_a_modules_commands_sit_together_in_the_table():
    modules = [module for module, _ in COMMANDS.values()]
    runs = [m for i, m in enumerate(modules) if i == 0 or modules[i - 1] != m]
    assert runs == COMMAND_MODULES


def test_top_level_help_from_the_table_is_the_help_of_every_module_loaded():
    light = build_parser().format_help()
    full = build_parser(COMMANDS).format_help()
    assert light == full
    for name in COMMANDS:
        assert name in light


def test_loading_one_command_keeps_every_other_command_and_the_order():
    parser = build_parser(["info"])
    choices = parser._subparsers._group_actions[0].choices
    assert list(choices) == list(COMMANDS)
    assert parser.format_help() == build_parser().format_help()
    args = parser.parse_args(["info", "x.fcw", "--json"])
    assert args.json and args.func.__module__ == "workbench.cli.project"


def test_export_help_names_every_format():
    from workbench.io.export import formats

    listed = help_of("export").split("(", 1)[1].rstrip(")").split(", ")
    assert sorted(listed) == sorted(formats())


def test_top_level_help_imports_no_command_module():
    """``workbench --help`` (and an unknown command's error) import none of the command
    modules, nor what they need."""
    code = (
        "import sys\n"
        "from workbench.cli import main\n"
        "for argv in (['--help'], ['no-such-command']):\n"
        "    try:\n"
        "        main(argv)\n"
        "    except SystemExit:\n"
        "        pass\n"
        f"loaded = [m for m in {COMMAND_MODULES + HEAVY!r} if m in sys.modules]\n"
        "print('LOADED', loaded, file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "usage: workbench" in result.stdout
    assert "invalid choice: 'no-such-command'" in result.stderr
    assert "LOADED []" in result.stderr, result.stderr


def test_a_command_loads_only_its_own_module():
    code = (
        "import sys\n"
        "from workbench.cli import main\n"
        "try:\n"
        "    main(['verdict', '--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print('LOADED', [m for m in {COMMAND_MODULES!r} if m in sys.modules], file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "usage: workbench verdict" in result.stdout
    assert "LOADED ['workbench.cli.verdicts']" in result.stderr, result.stderr


@pytest.mark.parametrize(
    "argv, command",
    [
        ([], None),
        (["--help"], None),
        (["--version"], None),
        (["new", "p.fcw", "--article", "a.txt"], "new"),
        (["-h", "library", "match"], "library"),
        (["--", "info", "p.fcw"], "info"),
        (["nonsense"], "nonsense"),
    ],
)
def test_command_in(argv, command):
    assert command_in(argv) == command


def test_module_of():
    assert module_of("eval-matching") == "workbench.cli.library"
    assert module_of("nonsense") is None
