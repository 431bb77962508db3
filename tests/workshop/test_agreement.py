"""Agreement coefficients against values worked out by hand and against independent code."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest

from workbench.workshop.agreement import (
    cohen_kappa,
    fleiss_kappa,
    krippendorff_alpha,
    pairwise_cohen,
    percent_agreement,
    unit_agreement,
)

# Units (claims) x raters; None = no verdict. Worked by hand below.
MISSING = [
    ["A", "A", None],  # 2 pairable values
    ["A", "B", "B"],  # 3
    ["B", None, None],  # 1: not pairable, leaves no pair
    ["A", "B", None],  # 2
    ["B", "B", "B"],  # 3
]


def test_nominal_alpha_with_missing_values_by_hand():
    # Coincidences (each unit's ordered pairs weighted 1/(m-1)):
    #   AA = 2 (unit 1), AB = BA = 1 (unit 2) + 1 (unit 4) = 2, BB = 1 (unit 2) + 3 (unit 5) = 4
    #   n_A = 4, n_B = 6, n = 10
    #   D_o ∝ AB + BA = 4;  D_e ∝ (n_A n_B + n_B n_A) / (n - 1) = 48 / 9
    #   alpha = 1 - 4 / (48/9) = 1 - 36/48 = 0.25
    assert krippendorff_alpha(MISSING) == pytest.approx(0.25, abs=1e-12)


def test_fleiss_cohen_and_percent_agreement_with_missing_values_by_hand():
    # Fleiss, claims with >= 2 verdicts: P_i = 1, 1/3, 0, 1 -> P̄ = 7/12;
    # p_A = 4/10, p_B = 6/10 -> P_e = 0.52; kappa = (7/12 - 13/25) / (12/25) = 19/144
    assert fleiss_kappa(MISSING) == pytest.approx(float(Fraction(19, 144)), abs=1e-12)
    assert percent_agreement(MISSING) == pytest.approx(7 / 12, abs=1e-12)
    # Cohen, raters 1 and 2 over units both rated (1, 2, 4, 5): AA, AB, AB, BB
    #   p_o = 2/4; rater 1: A 3/4 B 1/4; rater 2: A 1/4 B 3/4 -> p_e = 3/16 + 3/16 = 0.375
    #   kappa = (0.5 - 0.375) / 0.625 = 0.2
    rater1, rater2, rater3 = zip(*MISSING)
    assert cohen_kappa(rater1, rater2) == (pytest.approx(0.2, abs=1e-12), 4)
    # raters 2 and 3 share units 2 and 5 only: B/B twice -> one label only, undefined
    assert cohen_kappa(rater2, rater3) == (None, 2)
    assert [(i, j, n) for i, j, _k, n in pairwise_cohen([rater1, rater2, rater3])] == [
        (0, 1, 4),
        (0, 2, 2),
        (1, 2, 2),
    ]


def test_ordinal_alpha_by_hand():
    order = ["T", "M", "F"]
    units = [["T", "T"], ["T", "M"], ["F", "F"], ["M", "F"]]
    # n_T = 3, n_M = 2, n_F = 3, n = 8
    # delta²(T,M) = (3 + 2 - 5/2)² ... = (5/2)² = 6.25 ; delta²(M,F) = 6.25 ;
    # delta²(T,F) = (8 - 3)² = 25
    # D_o ∝ 2·6.25 + 2·6.25 = 25 ; D_e ∝ (2·3·2·6.25 + 2·2·3·6.25 + 2·3·3·25) / 7 = 600/7
    # alpha = 1 - 25·7/600 = 17/24
    assert krippendorff_alpha(units, order) == pytest.approx(17 / 24, abs=1e-12)
    # nominal on the same data: D_o ∝ 4, D_e ∝ (64 - 22)/7 = 6 -> alpha = 1/3
    assert krippendorff_alpha(units) == pytest.approx(1 / 3, abs=1e-12)


def test_ordinal_alpha_leaves_labels_outside_the_order_out():
    order = ["T", "M", "F"]
    units = [["T", "T", "Unproven"], ["T", "M", None], ["F", "F", "Misleading"], ["M", "F"]]
    assert krippendorff_alpha(units, order) == pytest.approx(17 / 24, abs=1e-12)
    assert krippendorff_alpha(units) != pytest.approx(17 / 24)


def test_perfect_agreement_is_one_everywhere():
    units = [["A", "A", "A"], ["B", "B", "B"], ["A", "A", None], ["C", "C", "C"]]
    assert krippendorff_alpha(units) == pytest.approx(1.0)
    assert krippendorff_alpha(units, ["A", "B", "C"]) == pytest.approx(1.0)
    assert fleiss_kappa(units) == pytest.approx(1.0)
    assert percent_agreement(units) == pytest.approx(1.0)
    for _i, _j, kappa, _n in pairwise_cohen(list(zip(*units))):
        assert kappa == pytest.approx(1.0)


def test_one_label_everywhere_is_undefined_not_a_number():
    units = [["A", "A"], ["A", "A", "A"], ["A", None]]
    assert krippendorff_alpha(units) is None
    assert fleiss_kappa(units) is None
    assert cohen_kappa(["A", "A"], ["A", "A"]) == (None, 2)
    assert percent_agreement(units) == 1.0
    assert krippendorff_alpha([["A", None], [None, "B"]]) is None  # nothing pairable
    assert unit_agreement(["A", None, None]) is None


def test_fleiss_kappa_on_fleiss_wikipedia_example():
    # 10 subjects, 14 raters, 5 categories; the published value is 0.210.
    table = [
        [0, 0, 0, 0, 14],
        [0, 2, 6, 4, 2],
        [0, 0, 3, 5, 6],
        [0, 3, 9, 2, 0],
        [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0],
        [3, 2, 6, 3, 0],
        [2, 5, 3, 2, 2],
        [6, 5, 2, 1, 0],
        [0, 2, 2, 3, 7],
    ]
    units = [[c for c, n in enumerate(row) for _ in range(n)] for row in table]
    assert fleiss_kappa(units) == pytest.approx(0.210, abs=5e-4)


def test_cohen_kappa_on_a_two_by_two_table():
    # yes/yes 20, yes/no 5, no/yes 10, no/no 15: p_o = 0.7, p_e = 0.5 -> kappa = 0.4
    a = ["y"] * 25 + ["n"] * 25
    b = ["y"] * 20 + ["n"] * 5 + ["y"] * 10 + ["n"] * 15
    kappa, n = cohen_kappa(a, b)
    assert n == 50 and kappa == pytest.approx(0.4, abs=1e-12)


def alpha_by_pairs(units, order=None):
    """A second, deliberately different alpha: enumerate value pairs, no coincidence matrix.

    D_o averages the distance over the ordered pairs of values inside each unit
    (weighted 1/(m_u - 1)); D_e over all ordered pairs of pairable values anywhere.
    """
    kept = []
    for unit in units:
        values = [v for v in unit if v is not None and (order is None or v in order)]
        if len(values) >= 2:
            kept.append(values)
    pool = [v for values in kept for v in values]
    n = len(pool)
    if order is None:

        def dist(a, b):
            return float(a != b)
    else:
        freq = {g: pool.count(g) for g in order}

        def dist(a, b):
            i, j = sorted((order.index(a), order.index(b)))
            between = sum(freq[g] for g in order[i : j + 1])
            return (between - (freq[order[i]] + freq[order[j]]) / 2) ** 2

    d_o = (
        sum(
            dist(values[i], values[j]) / (len(values) - 1)
            for values in kept
            for i in range(len(values))
            for j in range(len(values))
            if i != j
        )
        / n
    )
    d_e = sum(dist(pool[i], pool[j]) for i in range(n) for j in range(n) if i != j) / (n * (n - 1))
    return 1 - d_o / d_e


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_alpha_matches_independent_implementations_on_random_data(seed):
    krippendorff = pytest.importorskip("krippendorff")
    np = pytest.importorskip("numpy")
    rng = random.Random(seed)
    order = ["True", "Mostly True", "Mixture", "Mostly False", "False"]
    raters, claims = rng.randint(2, 8), rng.randint(5, 40)
    units = [
        [
            rng.choice(order[: rng.randint(2, 5)]) if rng.random() > 0.2 else None
            for _ in range(raters)
        ]
        for _ in range(claims)
    ]
    ours_nominal = krippendorff_alpha(units)
    ours_ordinal = krippendorff_alpha(units, order)
    assert ours_nominal == pytest.approx(alpha_by_pairs(units), abs=1e-9)
    assert ours_ordinal == pytest.approx(alpha_by_pairs(units, order), abs=1e-9)
    data = np.array(
        [[np.nan if u[r] is None else order.index(u[r]) for u in units] for r in range(raters)],
        dtype=float,
    )
    theirs_nominal = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    theirs_ordinal = krippendorff.alpha(
        reliability_data=data, level_of_measurement="ordinal", value_domain=list(range(5))
    )
    assert ours_nominal == pytest.approx(theirs_nominal, abs=1e-6)
    assert ours_ordinal == pytest.approx(theirs_ordinal, abs=1e-6)
