"""Scale presets and the checks before "done": pure logic, no store."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.core.checks import DoneRules, missing_for_done
from workbench.core.errors import ValidationError
from workbench.core.models import Claim
from workbench.core.scale import VerdictLabel, VerdictScale, check_colour, conclusion_of
from workbench.presets import load_preset, preset_names


def test_every_preset_loads_and_is_valid():
    assert set(preset_names()) >= {"default", "politifact", "snopes", "check", "conclusion-only"}
    for name in preset_names():
        scale = load_preset(name)
        assert scale.name
        if not scale.conclusion_only:
            assert scale.labels and scale.rating_bounds() is not None


def test_politifact_has_six_ordered_levels_down_to_pants_on_fire():
    scale = load_preset("PolitiFact")
    assert scale.ordinal_labels() == [
        "True",
        "Mostly True",
        "Half True",
        "Mostly False",
        "False",
        "Pants on Fire",
    ]
    assert scale.rating_bounds() == (6, 1)
    assert scale.find("pants ON fire").rating == 1


def test_labels_outside_the_order_have_no_rating():
    scale = load_preset("snopes")
    outside = [label for label in scale.labels if not label.ordinal]
    assert {"Unproven", "Miscaptioned", "Labeled Satire"} <= {label.name for label in outside}
    assert all(label.rating is None for label in outside)
    check = load_preset("check")
    assert check.names() == ["Verified", "False", "Inconclusive"]


def test_conclusion_only_has_no_labels_and_refuses_one():
    scale = load_preset("conclusion-only")
    assert scale.conclusion_only and scale.labels == []
    with pytest.raises(ValidationError, match="the rationale is the verdict"):
        scale.resolve("False")
    assert conclusion_of("Wrong: the figure is 3%, not 30%. Details follow.") == (
        "Wrong: the figure is 3%, not 30%."
    )
    assert conclusion_of("") == ""


def test_unknown_preset_lists_the_presets():
    with pytest.raises(ValidationError, match="presets: .*politifact"):
        load_preset("nope")


def test_validate_refuses_duplicates_bad_colours_and_empty_names():
    with pytest.raises(ValidationError, match="two labels"):
        VerdictScale("x", [VerdictLabel("True"), VerdictLabel("TRUE")]).validate()
    with pytest.raises(ValidationError, match="#rrggbb"):
        check_colour("red")
    with pytest.raises(ValidationError, match="needs a name"):
        VerdictScale("x", [VerdictLabel("   ")]).validate()


def _claim(**fields) -> Claim:
    return Claim(article_id=1, start=0, end=5, quote="hello", **fields)


def test_missing_for_done_lists_each_missing_thing():
    scale = load_preset()
    rules = DoneRules()
    assert missing_for_done(_claim(), rules, scale) == [
        "a verdict",
        "a rationale",
        "1 evidence item",
    ]
    done = _claim(verdict="False", rationale="because", evidence_count=1)
    assert missing_for_done(done, rules, scale) == []
    afp = DoneRules(min_evidence=2)
    assert missing_for_done(done, afp, scale) == ["1 more evidence item (has 1 of 2)"]
    lax = DoneRules(require_verdict=False, require_rationale=False, min_evidence=0)
    assert missing_for_done(_claim(), lax, scale) == []


def test_conclusion_only_asks_for_the_written_conclusion():
    scale = load_preset("conclusion-only")
    missing = missing_for_done(_claim(evidence_count=1), DoneRules(), scale)
    assert missing == ["a written conclusion (this scale has no labels)"]
    assert missing_for_done(_claim(rationale="Wrong.", evidence_count=1), DoneRules(), scale) == []


def test_done_rules_from_settings_are_forgiving_but_replace_is_strict():
    assert DoneRules.from_setting(None) == DoneRules()
    assert DoneRules.from_setting({"min_evidence": "junk"}).min_evidence == 1
    assert DoneRules.from_setting({"min_evidence": 2, "require_verdict": False}) == DoneRules(
        require_verdict=False, min_evidence=2
    )
    with pytest.raises(ValidationError, match="0 to 20"):
        DoneRules().replace(min_evidence=-1)


def test_core_scale_reads_no_files():
    """The preset files are read by ``workbench.presets``; core only gets their data."""
    import ast

    import workbench.core.scale as module

    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    imported |= {
        a.name for node in ast.walk(tree) if isinstance(node, ast.Import) for a in node.names
    }
    assert not {
        name
        for name in imported
        if name and name.startswith("workbench.") and not name.startswith("workbench.core")
    }
    assert not {"json", "pathlib"} & imported
