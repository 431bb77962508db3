"""The helpers of the format/lint pass (scripts/quality_fix.py) keep the program the same."""

from __future__ import annotations

import ast

from scripts.quality_fix import guard_wordlists, split_long_strings

LONG_PATTERN = (
    'import re\n\nPATTERN = re.compile(\n    r"'
    + "|".join(f"word{i:02d}" for i in range(30))
    + '"\n)\n'
)


def test_long_string_lines_are_split_into_adjacent_literals(tmp_path):
    path = tmp_path / "patterns.py"
    path.write_text(LONG_PATTERN, encoding="utf-8")
    assert split_long_strings(path) >= 1
    text = path.read_text(encoding="utf-8")
    assert max(len(line) for line in text.splitlines()) <= 100
    assert ast.dump(ast.parse(text)) == ast.dump(ast.parse(LONG_PATTERN))
    namespace: dict = {}
    exec(compile(text, str(path), "exec"), namespace)
    assert namespace["PATTERN"].fullmatch("word17")
    assert namespace["PATTERN"].pattern == "|".join(f"word{i:02d}" for i in range(30))


def test_a_line_that_cannot_be_split_is_left_alone(tmp_path):
    source = 'VALUE = f"{1}' + "x" * 120 + '"\n'
    path = tmp_path / "fstring.py"
    path.write_text(source, encoding="utf-8")
    assert split_long_strings(path) == 0
    assert path.read_text(encoding="utf-8") == source


def test_word_lists_are_kept_from_the_formatter(tmp_path):
    words = ", ".join(f'"w{i}"' for i in range(12))
    source = f"SMALL = {{'a', 'b'}}\nWORDS = {{\n    {words},\n}}\nOTHER = 1\n"
    path = tmp_path / "words.py"
    path.write_text(source, encoding="utf-8")
    assert guard_wordlists(path) == 1
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[1] == "# fmt: off"
    assert text.splitlines()[5] == "# fmt: on"
    assert ast.dump(ast.parse(text)) == ast.dump(ast.parse(source))
    assert guard_wordlists(path) == 0  # already guarded
