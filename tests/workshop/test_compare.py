"""Comparing participants' files: figures worked out by hand, refusals, matching by span."""

from __future__ import annotations

import shutil
from fractions import Fraction

import pytest

from workbench.core.errors import WorkbenchError
from workbench.core.models import Claim, Origin
from workbench.presets import load_preset
from workbench.store import ProjectStore
from workbench.workshop.collect import ExerciseMismatchError
from workbench.workshop.compare import compare_files

from .conftest import SENTENCES, TEXT

KEY = ["True", "Mostly False", "False", "Mixture"]
ANA = ["True", "Mostly False", "False", "Mixture"]
BEN = ["Mostly True", "Mostly False", "Mixture", None]
CLEO = ["True", "Unproven", "False", "False"]


@pytest.fixture
def room(workshop):
    key = workshop.key(KEY)
    exercise = workshop.exercise(key)
    files = [
        workshop.participant(exercise, "Ana", ANA, rationale=True, evidence=True),
        workshop.participant(exercise, "Ben", BEN),
        workshop.participant(exercise, "Cleo", CLEO),
    ]
    with ProjectStore.open(files[1]) as store:  # Ben adds a claim of his own
        start = TEXT.index(SENTENCES[5])
        store.claims.add(
            Claim(article_id=1, start=start, end=start + 20, quote="", origin=Origin.MANUAL)
        )
    return key, exercise, files


def test_agreement_figures_match_the_hand_worked_values(room):
    key, _exercise, files = room
    result = compare_files(files, key)
    # Nominal alpha: coincidences T-T 1, T-MT 2, MF-MF 1, MF-U 2, F-F 1, F-Mx 4;
    # n = 11, marginals 2,1,2,1,3,2 -> D_e ∝ (121 - 23)/10 = 9.8, D_o ∝ 8 -> 1 - 8/9.8 = 9/49
    assert result.alpha_nominal == pytest.approx(9 / 49, abs=1e-12)
    # Fleiss: P_i = 1/3, 1/3, 1/3, 0 -> P̄ = 1/4; P_e = 23/121 -> kappa = 29/392
    assert result.fleiss_kappa == pytest.approx(float(Fraction(29, 392)), abs=1e-12)
    assert result.percent_agreement == pytest.approx(0.25, abs=1e-12)
    pairs = {(p.a, p.b): (p.kappa, p.claims) for p in result.cohen}
    assert set(pairs) == {("Ana", "Ben"), ("Ana", "Cleo"), ("Ben", "Cleo")}
    assert pairs["Ana", "Ben"][1] == 3 and pairs["Ana", "Cleo"][1] == 4
    # Ana/Cleo: agree on 2 of 4; Ana T,MF,F,Mx, Cleo T,U,F,F -> p_e = (1·1 + 1·2)/16 = 3/16
    assert pairs["Ana", "Cleo"][0] == pytest.approx((0.5 - 3 / 16) / (1 - 3 / 16), abs=1e-12)


def test_each_participant_against_the_key(room):
    key, _exercise, files = room
    people = {p.name: p for p in compare_files(files, key).participants}
    ana, ben, cleo = people["Ana"], people["Ben"], people["Cleo"]
    assert (ana.verdicts, ana.compared, ana.exact, ana.within_one) == (4, 4, 1.0, 1.0)
    assert (ana.evidence, ana.rationales, ana.added) == (4, 4, 0)
    # Ben: T->MT (one step), MF->MF, F->Mx (two steps), Mixture unrated
    assert (ben.verdicts, ben.unrated, ben.compared) == (3, 1, 3)
    assert ben.exact == pytest.approx(1 / 3) and ben.within_one == pytest.approx(2 / 3)
    assert (ben.evidence, ben.rationales, ben.added) == (0, 0, 1)
    # Cleo: "Unproven" is outside the order, so never "within one step"
    assert cleo.exact == pytest.approx(0.5) and cleo.within_one == pytest.approx(0.5)


def test_claims_most_contested_first_with_spread_and_key(room):
    key, _exercise, files = room
    result = compare_files(files, key)
    # claim 4 has 100% disagreement; then the 2/3 ones by ordinal spread: 3 (2 steps), 1, 2
    assert [c.claim_id for c in result.claims] == [4, 3, 1, 2]
    top = result.claims[0]
    assert top.key_verdict == "Mixture" and top.verdicts == {
        "Ana": "Mixture",
        "Ben": None,
        "Cleo": "False",
    }
    assert (top.rated, top.unrated, top.disagreement, top.ordinal_range) == (2, 1, 1.0, 2)
    first = next(c for c in result.claims if c.claim_id == 1)
    assert first.spread == {"True": 2, "Mostly True": 1}
    assert first.majority == ["True"] and first.key_agreement == pytest.approx(2 / 3)


def test_confusion_matrix_key_rows_participant_columns(room):
    key, _exercise, files = room
    result = compare_files(files, key)
    cells = {
        (result.labels[i], result.labels[j]): n
        for i, row in enumerate(result.confusion)
        for j, n in enumerate(row)
        if n
    }
    assert cells == {
        ("True", "True"): 2,
        ("True", "Mostly True"): 1,
        ("Mostly False", "Mostly False"): 2,
        ("Mostly False", "Unproven"): 1,
        ("False", "False"): 2,
        ("False", "Mixture"): 1,
        ("Mixture", "Mixture"): 1,
        ("Mixture", "False"): 1,
    }
    assert sum(map(sum, result.confusion)) == sum(p.compared for p in result.participants)


def test_json_shape_and_anonymous_names(room):
    key, _exercise, files = room
    result = compare_files(files, key)
    data = result.to_dict()
    assert set(data) >= {"krippendorff_alpha", "fleiss_kappa", "claims", "participants"}
    assert set(data["krippendorff_alpha"]) == {"nominal", "ordinal"}
    hidden = result.anonymised().to_dict()
    text = repr(hidden)
    assert "Ana" not in text and "Cleo" not in text and "Participant 3" in text
    assert hidden["krippendorff_alpha"] == data["krippendorff_alpha"]


def test_without_key_there_is_agreement_but_no_accuracy(room):
    _key, _exercise, files = room
    result = compare_files(files)
    assert result.alpha_nominal == pytest.approx(9 / 49)
    assert all(p.exact is None for p in result.participants)
    assert any("no key" in w for w in result.warnings)


def test_a_file_of_another_exercise_is_refused(room, workshop):
    key, _exercise, files = room
    other = workshop.exercise(key, name="other.fcw")  # same key, packed again: another exercise
    stray = workshop.participant(other, "Dan", KEY)
    with pytest.raises(ExerciseMismatchError, match="dan.fcw belongs to another exercise"):
        compare_files([*files, stray], key)
    with pytest.raises(ExerciseMismatchError, match="not a workshop exercise"):
        compare_files([*files, key])


def test_unreadable_files_are_skipped_with_a_warning(room, tmp_path):
    key, _exercise, files = room
    junk = tmp_path / "junk.fcw"
    junk.write_text("not a project")
    result = compare_files([files[0], junk, tmp_path / "missing.fcw", files[1], files[0]], key)
    assert [p.name for p in result.participants] == ["Ana", "Ben"]
    assert any("junk.fcw" in w and "skipped" in w for w in result.warnings)
    assert any("missing.fcw" in w for w in result.warnings)
    assert any("given twice" in w for w in result.warnings)
    with pytest.raises(WorkbenchError, match="none of the participant files"):
        compare_files([junk])


def test_a_key_of_another_article_is_refused(room, workshop, tmp_path):
    _key, _exercise, files = room

    def setup(store):
        from workbench.core.models import Article

        store.articles.add(Article(title="Other", text="Another article entirely."))

    other = tmp_path / "other_key.fcw"
    ProjectStore.create(other, scale=load_preset(), setup=setup).close()
    with pytest.raises(ExerciseMismatchError, match="not the key"):
        compare_files(files, other)


def test_unnamed_and_same_named_participants_stay_apart(workshop):
    exercise = workshop.exercise(workshop.key(KEY))
    first = workshop.participant(exercise, "Ana", ANA)
    second = workshop.folder / "ana_again.fcw"
    shutil.copy2(first, second)
    anon = workshop.participant(exercise, None, BEN)
    result = compare_files([first, second, anon])
    assert [p.name for p in result.participants] == ["Ana", "Ana (2)", "anon"]
    assert not result.participants[2].named


def add_claim(path, start, end, verdict):
    with ProjectStore.open(path) as store:
        claim = store.claims.add(
            Claim(article_id=1, start=start, end=end, quote="", origin=Origin.MANUAL)
        )
        if verdict:
            store.claims.set_verdict(claim.id, verdict)


def test_no_claims_exercise_matches_claims_by_overlapping_spans(workshop):
    key = workshop.key(["True", "False", "Mixture"])
    exercise = workshop.exercise(key, keep_claims=False)
    spans = [(TEXT.index(s), TEXT.index(s) + len(s)) for s in SENTENCES]
    ana = workshop.participant(exercise, "Ana", [])
    ben = workshop.participant(exercise, "Ben", [])
    add_claim(ana, spans[0][0], spans[0][1], "True")  # exactly the key's span
    add_claim(ana, spans[1][0] + 4, spans[1][1] - 1, "False")  # a little shorter
    add_claim(ana, spans[4][0], spans[4][1], "Mixture")  # not in the key
    add_claim(ben, spans[0][0] + 4, spans[0][1], "Mostly True")
    add_claim(ben, spans[4][0] + 10, spans[4][1] + 5, "False")  # overlaps Ana's extra claim
    result = compare_files([ana, ben], key)
    by_start = {c.start: c for c in result.claims}
    assert set(by_start) == {spans[0][0], spans[1][0], spans[2][0], spans[4][0]}
    first = by_start[spans[0][0]]
    assert first.claim_id == 1 and first.verdicts == {"Ana": "True", "Ben": "Mostly True"}
    assert by_start[spans[1][0]].verdicts == {"Ana": "False", "Ben": None}
    missed = by_start[spans[2][0]]
    assert (missed.found_by, missed.rated, missed.key_verdict) == (0, 0, "Mixture")
    extra = by_start[spans[4][0]]
    assert extra.claim_id is None and extra.key_verdict is None and extra.found_by == 2
    assert extra.end == spans[4][1] + 5
    people = {p.name: p for p in result.participants}
    assert people["Ana"].exact == 1.0 and people["Ana"].compared == 2
    assert people["Ben"].exact == 0.0 and people["Ben"].within_one == 1.0
