"""Inter-rater agreement on verdicts: Krippendorff's alpha, Fleiss' and Cohen's kappa.

The data is a list of units (claims); each unit is a list with one value per rater
(participant), ``None`` where that rater gave no verdict. A missing verdict is
missing: it is neither a label nor a disagreement, it just leaves fewer pairs.

Every function returns ``None`` when the coefficient is undefined (fewer than two
verdicts on any claim, or every verdict the same label, which makes the expected
disagreement zero): a number there would mislead a room more than "n/a".

References: K. Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011),
for the coincidence matrix and the ordinal metric; J. L. Fleiss, "Measuring nominal
scale agreement among many raters" (1971), here with a per-claim number of raters;
J. Cohen, "A coefficient of agreement for nominal scales" (1960).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence

Value = Hashable
Units = Sequence[Sequence[Value | None]]


def _counts(unit: Sequence[Value | None], allowed: set | None = None) -> Counter:
    return Counter(v for v in unit if v is not None and (allowed is None or v in allowed))


def coincidences(units: Units, allowed: set | None = None) -> dict[tuple, float]:
    """Krippendorff's coincidence matrix: o[c, k] over the pairable values of each unit."""
    matrix: dict[tuple, float] = defaultdict(float)
    for unit in units:
        counts = _counts(unit, allowed)
        m = sum(counts.values())
        if m < 2:
            continue
        for c, n_c in counts.items():
            for k, n_k in counts.items():
                pairs = n_c * (n_k - 1) if c == k else n_c * n_k
                if pairs:
                    matrix[c, k] += pairs / (m - 1)
    return matrix


def krippendorff_alpha(units: Units, order: Sequence[Value] | None = None) -> float | None:
    """Alpha, nominal; or ordinal when ``order`` (best first) is given.

    For the ordinal metric only the values in ``order`` count; the others (a scale's
    labels outside the true-to-false order, such as "Unproven") are left out as missing.
    """
    allowed = set(order) if order is not None else None
    o = coincidences(units, allowed)
    marginals: dict[Value, float] = defaultdict(float)
    for (c, _k), value in o.items():
        marginals[c] += value
    n = sum(marginals.values())
    if n <= 1:
        return None
    if order is None:

        def delta(c: Value, k: Value) -> float:
            return 0.0 if c == k else 1.0
    else:
        rank = {value: i for i, value in enumerate(order)}
        freq = [marginals.get(value, 0.0) for value in order]

        def delta(c: Value, k: Value) -> float:
            lo, hi = sorted((rank[c], rank[k]))
            return (sum(freq[lo : hi + 1]) - (freq[lo] + freq[hi]) / 2) ** 2

    observed = sum(value * delta(c, k) for (c, k), value in o.items())
    values = list(marginals)
    expected = sum(marginals[c] * marginals[k] * delta(c, k) for c in values for k in values) / (
        n - 1
    )
    if expected == 0:
        return None
    return 1.0 - observed / expected


def unit_agreement(unit: Sequence[Value | None]) -> float | None:
    """The share of pairs of verdicts on one claim that agree (None under two verdicts)."""
    counts = _counts(unit)
    m = sum(counts.values())
    if m < 2:
        return None
    return sum(n * (n - 1) for n in counts.values()) / (m * (m - 1))


def percent_agreement(units: Units) -> float | None:
    """Mean over claims with two verdicts or more of the share of agreeing pairs."""
    shares = [s for s in (unit_agreement(u) for u in units) if s is not None]
    return sum(shares) / len(shares) if shares else None


def fleiss_kappa(units: Units) -> float | None:
    """Fleiss' kappa; each claim counts with the raters who rated it (at least two).

    With every rater rating every claim this is exactly Fleiss (1971). With missing
    verdicts, each claim's agreement is taken over its own raters and the label
    proportions over all verdicts given, the usual generalisation.
    """
    shares: list[float] = []
    totals: Counter = Counter()
    for unit in units:
        counts = _counts(unit)
        m = sum(counts.values())
        if m < 2:
            continue
        shares.append(sum(n * (n - 1) for n in counts.values()) / (m * (m - 1)))
        totals.update(counts)
    if not shares:
        return None
    p_bar = sum(shares) / len(shares)
    total = sum(totals.values())
    p_e = sum((n / total) ** 2 for n in totals.values())
    if p_e >= 1.0:
        return None
    return (p_bar - p_e) / (1.0 - p_e)


def cohen_kappa(a: Sequence[Value | None], b: Sequence[Value | None]) -> tuple[float | None, int]:
    """Cohen's kappa of two raters over the claims both rated, and how many those were."""
    pairs = [(x, y) for x, y in zip(a, b) if x is not None and y is not None]
    n = len(pairs)
    if n == 0:
        return None, 0
    p_o = sum(1 for x, y in pairs if x == y) / n
    count_a = Counter(x for x, _ in pairs)
    count_b = Counter(y for _, y in pairs)
    p_e = sum(count_a[v] * count_b[v] for v in count_a) / (n * n)
    if p_e >= 1.0:
        return None, n
    return (p_o - p_e) / (1.0 - p_e), n


def pairwise_cohen(
    raters: Sequence[Sequence[Value | None]],
) -> list[tuple[int, int, float | None, int]]:
    """Cohen's kappa for every pair of raters: (i, j, kappa, claims both rated), i < j."""
    result = []
    for i in range(len(raters)):
        for j in range(i + 1, len(raters)):
            kappa, n = cohen_kappa(raters[i], raters[j])
            result.append((i, j, kappa, n))
    return result
