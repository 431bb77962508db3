"""``workbench eval-matching``: MAP@5, MRR and P@1 on a CheckThat! claim-retrieval split.

The verified claims (``verified_claims.docs.tsv``) are imported into a library of
their own, kept in the cache folder's ``eval-matching/`` (named by the file's hash),
so their sentence vectors are computed once; then each query is matched
exactly as the window matches a claim (``Matcher.match``).
"""

from __future__ import annotations

import hashlib
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.core.errors import WorkbenchError
from workbench.core.models import stored_id

if TYPE_CHECKING:
    from workbench.library.matcher import Matcher
    from workbench.store.library import LibraryStore


def read_queries(path: Path) -> dict[str, str]:
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise WorkbenchError(f"{Path(path).name}: cannot be read ({exc})") from None
    queries = {}
    for line in lines[1:]:
        if "\t" in line:
            qid, text = line.split("\t", 1)
            queries[qid.strip()] = text
    if not queries:
        raise WorkbenchError(
            f"{Path(path).name}: no queries (expected a header, then ID<TAB>TEXT lines)"
        )
    return queries


def read_qrels(path: Path) -> dict[str, set[str]]:
    """TREC qrels: ``query 0 document relevance``."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise WorkbenchError(f"{Path(path).name}: cannot be read ({exc})") from None
    relevant: dict[str, set[str]] = {}
    for number, line in enumerate(lines, start=1):
        parts = line.split()
        if not parts:
            continue
        if len(parts) != 4:
            raise WorkbenchError(
                f"{Path(path).name}: line {number} is not 'QUERY 0 DOCUMENT RELEVANCE'"
            )
        if parts[3] != "0":
            relevant.setdefault(parts[0], set()).add(parts[2])
    return relevant


def average_precision(ranked: list[str], relevant: set[str], k: int = 5) -> float:
    hits, total = 0, 0.0
    for position, doc in enumerate(ranked[:k], start=1):
        if doc in relevant:
            hits += 1
            total += hits / position
    return total / min(len(relevant), k) if relevant else 0.0


def reciprocal_rank(ranked: list[str], relevant: set[str]) -> float:
    return next((1.0 / p for p, doc in enumerate(ranked, start=1) if doc in relevant), 0.0)


def eval_library(docs: Path) -> LibraryStore:
    """The cached library holding ``docs`` (imported on first use)."""
    from workbench import paths
    from workbench.library.importer import import_file
    from workbench.store.library import LibraryStore

    digest = hashlib.sha256(Path(docs).read_bytes()).hexdigest()[:16]
    folder = paths.cache_dir() / "eval-matching"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{digest}.sqlite"
    library = LibraryStore(path)
    if library.stats()["reviews"] == 0:
        import_file(library, docs, fmt="clef")
    return library


def _docs_path(queries_path: Path, docs_path: Path | None) -> Path:
    """The verified claims: given, or ``verified_claims.docs.tsv`` beside the split's folder."""
    return (
        Path(docs_path)
        if docs_path
        else Path(queries_path).resolve().parent.parent / "verified_claims.docs.tsv"
    )


def _matcher(
    library: LibraryStore, mode: str, progress: Callable[[str, int, int], None] | None
) -> tuple[Matcher, str]:
    """The matcher for ``mode`` (hybrid falls back to lexical without an embedder), with the
    library's missing vectors computed; and the mode actually used."""
    from workbench.library.matcher import Matcher

    matcher = Matcher(library, embedder=None) if mode != "hybrid" else Matcher(library)
    if mode == "hybrid" and matcher.embedder is None:
        mode = "lexical"
    if matcher.embedder is not None and library.count_missing_vectors(matcher.embedder.model_id):
        matcher.index(progress=(lambda d, t: progress("vectors", d, t)) if progress else None)
    return matcher, mode


def _ranked(
    library: LibraryStore, matcher: Matcher, mode: str, text: str, doc_of: dict[int, str]
) -> list[str]:
    """The document ids found for a query, best first (``doc_of`` caches id -> document)."""
    from workbench.library.matcher import BM25_DEPTH, BM25_WEIGHTS
    from workbench.library.text import fts_query

    if mode == "bm25":
        ids = [i for i, _s in library.bm25(fts_query(text), BM25_DEPTH, BM25_WEIGHTS)]
    else:
        ids = [stored_id(m.review.id) for m in matcher.match(text, k=BM25_DEPTH)]
    missing = [i for i in ids if i not in doc_of]
    if missing:
        for id_, review in library.reviews_by_id(missing).items():
            doc_of[id_] = review.key.split(":", 1)[-1]
    return [doc_of[i] for i in ids if i in doc_of]


def evaluate(
    queries_path: Path,
    qrels_path: Path,
    docs_path: Path | None = None,
    *,
    mode: str = "hybrid",
    library: LibraryStore | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> dict:
    """Score every query that has a judgement; returns the figures as a dict."""
    queries = read_queries(queries_path)
    qrels = read_qrels(qrels_path)
    judged = [q for q in queries if q in qrels]
    if not judged:
        raise WorkbenchError("no query of the queries file has a judgement in the qrels file")
    docs_path = _docs_path(queries_path, docs_path)
    if library is None and not docs_path.exists():
        raise WorkbenchError(f"{docs_path}: no such file (give the verified claims with --docs)")
    own = library is None
    if library is None:
        library = eval_library(docs_path)
    try:
        matcher, mode = _matcher(library, mode, progress)
        doc_of: dict[int, str] = {}
        ap, rr, p1 = [], [], []
        started = time.perf_counter()
        for number, qid in enumerate(judged, start=1):
            ranked = _ranked(library, matcher, mode, queries[qid], doc_of)
            relevant = qrels[qid]
            ap.append(average_precision(ranked, relevant))
            rr.append(reciprocal_rank(ranked, relevant))
            p1.append(1.0 if ranked[:1] and ranked[0] in relevant else 0.0)
            if progress and number % 20 == 0:
                progress("queries", number, len(judged))
        elapsed = time.perf_counter() - started
    finally:
        if own:
            library.close()
    n = len(judged)
    return {
        "map@5": sum(ap) / n,
        "mrr": sum(rr) / n,
        "p@1": sum(p1) / n,
        "queries": n,
        "queries_per_second": n / elapsed if elapsed > 0 else 0.0,
        "mode": mode,
        "library": library.path.name,
    }


def print_progress(what: str, done: int, total: int) -> None:
    print(
        f"\r{what}: {done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True
    )
