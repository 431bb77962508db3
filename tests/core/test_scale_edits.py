"""The rules of editing a verdict scale (``core.scale_edits``): pure, no store."""

from __future__ import annotations

import pytest

from workbench.core import scale_edits
from workbench.core.errors import ValidationError
from workbench.core.scale import VerdictLabel, VerdictScale


def _scale() -> VerdictScale:
    return VerdictScale(
        "Test",
        [
            VerdictLabel("True", "#2e7d32", rating=3),
            VerdictLabel("Mixture", "#f9a825", rating=2),
            VerdictLabel("False", "#c62828", rating=1),
        ],
    )


def test_a_new_scale_that_lacks_a_used_label_is_refused_and_respellings_are_found():
    new = VerdictScale("New", [VerdictLabel("TRUE"), VerdictLabel("False")])
    with pytest.raises(ValidationError, match=r"lacks labels that claims use \(Mixture: 2\)"):
        scale_edits.check_replacement(new, {"True": 1, "Mixture": 2})
    assert scale_edits.check_replacement(new, {"True": 1, "False": 4}) == {"True": "TRUE"}


def test_adding_a_label_checks_its_name_and_colour_and_clamps_its_place():
    edit = scale_edits.add_label(_scale(), VerdictLabel("  Half   True ", "#ABCDEF"), 99)
    assert [label.name for label in edit.labels] == ["True", "Mixture", "False", "Half True"]
    assert edit.labels[-1].colour == "#abcdef" and edit.action == "add label"
    with pytest.raises(ValidationError, match="already has a label called 'false'"):
        scale_edits.add_label(_scale(), VerdictLabel("false"), None)


def test_renaming_refuses_a_clash_and_does_nothing_for_the_same_name():
    edit = scale_edits.rename_label(_scale(), "mixture", "Half True")
    assert edit is not None and edit.before == {"label": "Mixture"}
    assert edit.after == {"label": "Half True"} and edit.labels[1].name == "Half True"
    assert scale_edits.rename_label(_scale(), "True", "True") is None
    with pytest.raises(ValidationError, match="already has a label called 'False'"):
        scale_edits.rename_label(_scale(), "True", "false")


def test_updating_a_label_keeps_only_real_changes_and_refuses_a_bad_rating():
    index, edit = scale_edits.update_label(_scale(), "False", colour="#C62828", rating=1)
    assert index == 2 and edit is None  # the same colour and rating: nothing to do
    index, edit = scale_edits.update_label(_scale(), "False", rating=None, description=" no ")
    assert edit is not None and edit.after == {
        "label": "False",
        "rating": None,
        "description": "no",
    }
    with pytest.raises(ValidationError, match="whole number"):
        scale_edits.update_label(_scale(), "False", rating=True)


def test_moving_and_deleting_labels():
    edit = scale_edits.move_label(_scale(), "False", -5)
    assert edit is not None and [label.name for label in edit.labels][0] == "False"
    assert edit.before == {"label": "False", "position": 2}
    assert scale_edits.move_label(_scale(), "True", 0) is None
    with pytest.raises(ValidationError, match=r"used by 2 claims \(4, 7\)"):
        scale_edits.delete_label(_scale(), "mixture", None, [4, 7])
    old, target, edit = scale_edits.delete_label(_scale(), "mixture", "false", [4, 7])
    assert (old, target) == ("Mixture", "False") and "Mixture" not in edit.labels[0].name
    assert edit.after == {"moved_to": "False", "claims": 2}
    with pytest.raises(ValidationError, match="to the label itself"):
        scale_edits.delete_label(_scale(), "Mixture", "MIXTURE", [])


def test_a_conclusion_only_scale_has_nothing_to_edit():
    scale = VerdictScale("Conclusions", [], conclusion_only=True)
    with pytest.raises(ValidationError, match="conclusion-only"):
        scale_edits.add_label(scale, VerdictLabel("True"), None)
