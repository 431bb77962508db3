"""The comparison as one self-contained HTML page, meant for a projector.

No script, no web font, no image file: styles and the chart (SVG) are inline, so
the page opens the same on any laptop in a room without internet. Type is large
and contrast high; every participant-supplied string is escaped.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from workbench.io.files import atomic_write
from workbench.workshop.compare import ClaimResult, Comparison

MAX_CHART_CLAIMS = 25
TEXT_COLOUR_ON = {True: "#ffffff", False: "#111111"}

CSS = """
body{font-family:system-ui,"Segoe UI",Roboto,Arial,sans-serif;font-size:22px;line-height:1.4;
 color:#111;background:#fff;margin:0 auto;max-width:1500px;padding:24px 40px}
h1{font-size:40px;margin:0 0 4px}h2{font-size:30px;margin:40px 0 12px;border-bottom:3px solid #222}
.sub{color:#444;font-size:20px}
.cards{display:flex;flex-wrap:wrap;gap:16px;margin:20px 0}
.card{border:3px solid #222;border-radius:10px;padding:12px 20px;min-width:200px}
.card b{display:block;font-size:46px}.card span{font-size:18px;color:#333}
table{border-collapse:collapse;width:100%;margin:8px 0}
th,td{border:1px solid #999;padding:6px 10px;text-align:left;vertical-align:top}
th{background:#eee}td.n{text-align:right;font-variant-numeric:tabular-nums}
.chip{display:inline-block;white-space:nowrap;border-radius:6px;padding:1px 8px;margin:2px;
 font-size:18px}
.warn{background:#fff3cd;border-left:6px solid #c77c00;padding:8px 14px;margin:6px 0;
 font-size:18px}
.legend span{margin-right:18px;white-space:nowrap}.sw{display:inline-block;width:22px;height:22px;
 vertical-align:middle;margin-right:6px;border:1px solid #333}
@media print{body{font-size:14px}.card b{font-size:28px}}
"""


def _fmt(value: float | None, digits: int = 2) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 100:.0f}%"


def _dark(colour: str) -> bool:
    """Whether a #rrggbb colour needs white text on it."""
    try:
        r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    except (ValueError, IndexError):
        return False
    return 0.299 * r + 0.587 * g + 0.114 * b < 150


def _chip(label: str | None, colours: dict[str, str], empty: str = "none") -> str:
    if not label:
        return f"<span class=chip style='border:1px dashed #555'>{empty}</span>"
    colour = colours.get(label, "#9e9e9e")
    return (
        f"<span class=chip style='background:{escape(colour)};"
        f"color:{TEXT_COLOUR_ON[_dark(colour)]}'>{escape(label)}</span>"
    )


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _claim_tag(claim: ClaimResult) -> str:
    return f"#{claim.claim_id}" if claim.claim_id is not None else f"@{claim.start}"


def chart_svg(comparison: Comparison, limit: int = MAX_CHART_CLAIMS) -> str:
    """Stacked bars: for each of the most contested claims, the share of each verdict."""
    claims = comparison.claims[:limit]
    row, label_w, bar_w, top = 44, 110, 1100, 10
    height = top + row * max(len(claims), 1) + 10
    parts = [
        (
            f"<svg xmlns='http://www.w3.org/2000/svg' width='100%' viewBox='0 0 "
            f"{label_w + bar_w + 20} {height}' role='img' aria-label='Verdicts per claim'>"
        )
    ]
    for i, claim in enumerate(claims):
        y = top + i * row
        parts.append(f"<text x='0' y='{y + 28}' font-size='22'>{escape(_claim_tag(claim))}</text>")
        total = sum(claim.spread.values()) + claim.unrated
        x = float(label_w)
        for label, count in [*claim.spread.items(), ("", claim.unrated)]:
            if not count or not total:
                continue
            width = bar_w * count / total
            colour = comparison.colours.get(label, "#ffffff" if not label else "#9e9e9e")
            outline = " stroke='#222' stroke-dasharray='4 3'" if not label else ""
            stroke = (
                " stroke='#000' stroke-width='5'" if label and label == claim.key_verdict else ""
            )
            parts.append(
                f"<rect x='{x:.1f}' y='{y + 4}' width='{width:.1f}' height='{row - 10}' "
                f"fill='{escape(colour)}'{outline}{stroke}><title>{escape(label or 'not rated')}"
                f": {count}</title></rect>"
            )
            if width > 30:
                ink = TEXT_COLOUR_ON[_dark(colour)] if label else "#111"
                parts.append(
                    f"<text x='{x + width / 2:.1f}' y='{y + 28}' font-size='20' "
                    f"text-anchor='middle' fill='{ink}'>{count}</text>"
                )
            x += width
    parts.append("</svg>")
    return "".join(parts)


def _head(c: Comparison) -> list[str]:
    """The page's head, title line, warnings and the agreement cards."""
    out: list[str] = [
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>",
        "<meta name=viewport content='width=device-width,initial-scale=1'>",
        f"<title>Workshop: {escape(c.exercise.title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{escape(c.exercise.title)}</h1>",
        (
            f"<div class=sub>{len(c.participants)} participants · {len(c.claims)} claims · "
            f"{'with the key' if c.key_file else 'no key'} · "
            f"exercise {escape(c.exercise.id[:8])}</div>"
        ),
    ]
    for warning in c.warnings:
        out.append(f"<div class=warn>{escape(warning)}</div>")
    cards = [
        (_fmt(c.alpha_nominal), "Krippendorff's α (nominal)"),
        (_fmt(c.alpha_ordinal), "Krippendorff's α (ordinal)"),
        (_fmt(c.fleiss_kappa), "Fleiss' κ"),
        (_fmt(c.mean_cohen_kappa), "mean Cohen's κ"),
        (_pct(c.percent_agreement), "pairs agreeing"),
    ]
    out.append(
        "<div class=cards>"
        + "".join(f"<div class=card><b>{v}</b><span>{escape(t)}</span></div>" for v, t in cards)
        + "</div>"
    )
    return out


def _contested(c: Comparison) -> list[str]:
    """The most contested claims: legend, chart and one row per claim."""
    colours = c.colours
    out = ["<h2>Most contested claims</h2><div class=legend>"]
    out.append(
        "".join(
            f"<span><i class=sw style='background:{escape(colours.get(label, '#9e9e9e'))}'></i>"
            f"{escape(label)}</span>"
            for label in c.labels
            if any(label in x.spread for x in c.claims)
        )
    )
    out.append(
        "<span><i class=sw style='background:#fff;border-style:dashed'></i>not rated</span>"
        "<span>thick outline: the key's verdict</span></div>"
    )
    out.append(chart_svg(c))
    out.append(
        "<table><tr><th>claim</th><th>text</th><th>key</th><th>verdicts</th>"
        "<th>disagreement</th></tr>"
    )
    for claim in c.claims:
        spread = "".join(f"{_chip(label, colours)}×{n} " for label, n in claim.spread.items())
        if claim.unrated:
            spread += f"{_chip(None, colours, 'not rated')}×{claim.unrated}"
        out.append(
            f"<tr><td>{escape(_claim_tag(claim))}</td><td>{escape(_short(claim.text))}</td>"
            f"<td>{_chip(claim.key_verdict, colours) if c.key_file else ''}</td><td>{spread}</td>"
            f"<td class=n>{_pct(claim.disagreement)}</td></tr>"
        )
    out.append("</table>")
    return out


def _participants(c: Comparison) -> list[str]:
    out = [
        "<h2>Participants</h2><table><tr><th>participant</th><th>verdicts</th>"
        "<th>exact</th><th>within one step</th><th>with evidence</th>"
        "<th>with rationale</th><th>claims added</th></tr>"
    ]
    for p in c.participants:
        out.append(
            f"<tr><td>{escape(p.name)}</td><td class=n>{p.verdicts} / {p.verdicts + p.unrated}</td>"
            f"<td class=n>{_pct(p.exact)}</td><td class=n>{_pct(p.within_one)}</td>"
            f"<td class=n>{p.evidence}</td><td class=n>{p.rationales}</td>"
            f"<td class=n>{p.added}</td></tr>"
        )
    out.append("</table>")
    return out


def _confusion(c: Comparison) -> list[str]:
    """The key (rows) against the participants (columns); nothing without a key."""
    if not c.key_file:
        return []
    out = ["<h2>The key (rows) against the participants (columns)</h2><table><tr><th></th>"]
    used = [
        i
        for i, label in enumerate(c.labels)
        if any(c.confusion[i]) or any(row[i] for row in c.confusion)
    ]
    out.append("".join(f"<th>{escape(c.labels[i])}</th>" for i in used) + "</tr>")
    peak = max((v for row in c.confusion for v in row), default=0) or 1
    for i in used:
        cells = []
        for j in used:
            v = c.confusion[i][j]
            shade = int(255 - 150 * v / peak)
            bg = f"rgb({shade},{shade},255)" if i != j else f"rgb({shade},255,{shade})"
            cells.append(f"<td class=n style='background:{bg}'>{v}</td>")
        out.append(f"<tr><th>{escape(c.labels[i])}</th>{''.join(cells)}</tr>")
    out.append("</table>")
    return out


def _pairs(c: Comparison) -> list[str]:
    """Cohen's κ for each pair of participants; nothing when there is none."""
    if not c.cohen:
        return []
    out = [
        "<h2>Cohen's κ for each pair</h2><table><tr><th>pair</th><th>κ</th>"
        "<th>claims both rated</th></tr>"
    ]
    for pair in c.cohen:
        out.append(
            f"<tr><td>{escape(pair.a)} · {escape(pair.b)}</td>"
            f"<td class=n>{_fmt(pair.kappa)}</td><td class=n>{pair.claims}</td></tr>"
        )
    out.append("</table>")
    return out


def render_html(comparison: Comparison, *, anonymous: bool = False) -> str:
    c = comparison.anonymised() if anonymous else comparison
    out = [*_head(c), *_contested(c), *_participants(c), *_confusion(c), *_pairs(c)]
    out.append(
        "<p class=sub>Missing verdicts are left out, not counted as a label. "
        "α ordinal uses the scale's ordered labels only. n/a: undefined (too few "
        "verdicts, or all the same).</p></body></html>"
    )
    return "\n".join(out)


def write_report(comparison: Comparison, out: str | Path, *, anonymous: bool = False) -> Path:
    """Write the HTML report atomically (never a half-written page)."""
    out = Path(out)
    atomic_write(out, render_html(comparison, anonymous=anonymous))
    return out
