"""``workbench library ...`` and ``workbench eval-matching``: the fact-check library."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workbench.cli.output import print_json, warn
from workbench.core.errors import WorkbenchError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "library", help="the fact-check library: import, list, remove, stats, match, export",
        description="Your library of checked claims (the rated claims of every project you open, "
        "plus imported collections), kept in library.sqlite in the data folder.")
    p.add_argument("--library", type=Path, metavar="FILE",
                   help="use this library file instead of the data folder's")
    lib = p.add_subparsers(dest="library_command", metavar="COMMAND", required=True)

    q = lib.add_parser("import", help="import ClaimReview JSON-LD, an HTML page, Fact Check "
                       "Tools API JSON, CSV/TSV, CLEF verified claims, or a project (.fcw)")
    q.add_argument("files", type=Path, nargs="+", metavar="FILE")
    q.add_argument("--source", help="the collection's name (default: the file name)")
    q.add_argument("--format", default="auto", help="auto (default), claimreview, "
                   "factcheck-api, html, csv, tsv, clef, project")
    q.add_argument("--encoding", help="the file's encoding if not UTF-8 (e.g. cp1252)")
    q.add_argument("--map", metavar="FIELD=COLUMN,...", help="CSV columns: claim, url, title, "
                   "claimant, verdict, publisher, date, rationale, language")
    q.add_argument("--index", action="store_true",
                   help="also compute the sentence vectors now (else the window does it later)")
    q.set_defaults(func=cmd_import)

    q = lib.add_parser("list", help="the sources, or the reviews of one source")
    q.add_argument("source", nargs="?")
    q.add_argument("--limit", type=int, default=50)
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_list)

    q = lib.add_parser("remove", help="remove a source and its reviews")
    q.add_argument("source")
    q.set_defaults(func=cmd_remove)

    q = lib.add_parser("stats", help="how many reviews, sources, vectors; the file")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_stats)

    q = lib.add_parser("index", help="compute the sentence vectors still missing")
    q.set_defaults(func=cmd_index)

    q = lib.add_parser("match", help="fact-checks like a project's claims (or --text)")
    q.add_argument("project", type=Path, nargs="?")
    q.add_argument("--claim", type=int, metavar="ID", help="only this claim (database id)")
    q.add_argument("--text", help="match this text instead of a project's claims")
    q.add_argument("-k", type=int, default=5, help="matches per claim (default 5)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_match)

    q = lib.add_parser("export", help="write the library as ClaimReview JSON-LD")
    q.add_argument("-o", "--output", type=Path, required=True)
    q.add_argument("--source", help="only this source")
    q.set_defaults(func=cmd_export)

    e = sub.add_parser(
        "eval-matching", help="MAP@5, MRR, P@1 and queries/s on a CheckThat! claim-retrieval split",
        description="Match each query of QUERIES.tsv against the verified claims (by default "
        "verified_claims.docs.tsv two folders up) and score against QRELS.")
    e.add_argument("queries", type=Path)
    e.add_argument("qrels", type=Path)
    e.add_argument("--docs", type=Path, help="the verified claims (CLEF .tsv)")
    e.add_argument("--mode", choices=["hybrid", "lexical", "bm25"], default="hybrid",
                   help="hybrid: BM25 + sentence vectors, re-ranked (default); lexical: "
                   "without vectors; bm25: BM25 order alone")
    e.add_argument("--json", action="store_true")
    e.set_defaults(func=cmd_eval)


def _open(args):
    from workbench.store.library import LibraryStore

    return LibraryStore(args.library)


def _progress(label: str):
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        print(f"\r{label}: {done:,}/{total:,}", end="", file=sys.stderr, flush=True)
        if done >= total:
            print(file=sys.stderr)

    return show


def cmd_import(args) -> int:
    from workbench.library.formats import parse_mapping
    from workbench.library.importer import import_file

    mapping = parse_mapping(args.map) if args.map else None
    if args.source and len(args.files) > 1:
        raise WorkbenchError("--source names one file's collection; import the files one by one")
    with _open(args) as library:
        for path in args.files:
            report = import_file(library, path, source=args.source, fmt=args.format,
                                 encoding=args.encoding, mapping=mapping,
                                 progress=_progress(f"importing {path.name}"))
            print(report.describe())
            for problem in report.problems[:20]:
                warn(f"{path.name}: {problem}")
            if len(report.problems) > 20:
                warn(f"{path.name}: … and {len(report.problems) - 20} more problems")
        missing = library.count_missing_vectors()
        if missing and args.index:
            _index(library)
        elif missing:
            print(f"{missing:,} reviews have no sentence vector yet: matching uses BM25 for "
                  "them until the window computes them, or `workbench library index`")
    return 0


def _index(library) -> int:
    from workbench.library.matcher import Matcher

    matcher = Matcher(library)
    if matcher.embedder is None:
        warn("no sentence model (onnxruntime, tokenizers or the model file missing): "
             "matching uses BM25 alone")
        return 0
    done = matcher.index(progress=_progress("sentence vectors"))
    print(f"computed {done:,} sentence vectors")
    return done


def cmd_index(args) -> int:
    with _open(args) as library:
        _index(library)
    return 0


def cmd_list(args) -> int:
    with _open(args) as library:
        if args.source is None:
            sources = library.sources()
            if args.json:
                print_json([vars(s) for s in sources])
            elif not sources:
                print("the library is empty: `workbench library import FILE`, or open a project "
                      "with rated claims")
            for s in sources if not args.json else []:
                print(f"{s.reviews:>8,}  {s.kind:<7} {s.name}  (imported {s.imported_at})")
            return 0
        if args.source not in {s.name for s in library.sources()}:
            raise WorkbenchError(f"no source {args.source!r} in the library "
                                 "(see `workbench library list`)")
        reviews = list(library.reviews(source=args.source, limit=args.limit))
        if args.json:
            print_json([_review_json(r) for r in reviews])
            return 0
        for r in reviews:
            print(f"{r.verdict or '—':<16.16} {r.date:<10} {r.claim[:90]}")
    return 0


def _review_json(r) -> dict:
    keys = ("key", "claim", "title", "claimant", "verdict", "publisher", "date", "url",
            "rationale", "source", "imported_at", "project", "project_claim_id", "evidence")
    return {k: getattr(r, k) for k in keys}


def cmd_remove(args) -> int:
    with _open(args) as library:
        if args.source not in {s.name for s in library.sources()}:
            raise WorkbenchError(f"no source {args.source!r} in the library "
                                 "(see `workbench library list`)")
        count = library.remove_source(args.source)
    print(f"removed {args.source}: {count:,} reviews")
    return 0


def cmd_stats(args) -> int:
    with _open(args) as library:
        stats = library.stats()
    if args.json:
        print_json(stats)
        return 0
    print(f"library: {stats['path']} ({stats['size_bytes'] / 1e6:.1f} MB)")
    print(f"reviews: {stats['reviews']:,} from {stats['sources']} sources "
          f"({stats['projects']} projects)")
    print(f"sentence vectors: {stats['with_vectors']:,} of {stats['reviews']:,}")
    return 0


def cmd_match(args) -> int:
    from workbench.library.matcher import Matcher
    from workbench.library.service import MIN_SCORE
    from workbench.library.sync import project_key

    if args.k < 1:
        raise WorkbenchError("-k must be at least 1")
    if (args.project is None) == (args.text is None):
        raise WorkbenchError("give a PROJECT (optionally with --claim ID) or --text")
    items: list[tuple[int | None, str, str, str]] = []
    if args.text is not None:
        items.append((None, args.text, "", ""))
    else:
        from workbench.store import ProjectStore

        with ProjectStore.open(args.project, readonly=True) as store:
            claims = [store.claims.get(args.claim)] if args.claim is not None else store.claims.all()
            key = project_key(args.project)
            items = [(c.id, c.text, f"project:{key}#{c.id}", c.claimant) for c in claims]
    results = []
    with _open(args) as library:
        matcher = Matcher(library)
        for claim_id, text, exclude, claimant in items:
            matches = matcher.match(text, k=args.k, exclude_key=exclude, claimant=claimant,
                                    min_score=MIN_SCORE)
            results.append({"claim": claim_id, "text": text,
                            "matches": [m.to_json() for m in matches]})
    if args.json:
        print_json(results if args.text is None else results[0])
        return 0
    if not matcher.dense:
        warn("no sentence model: matched with BM25 alone")
    for item in results:
        head = f"claim {item['claim']}: " if item["claim"] is not None else ""
        print(f"{head}{item['text'][:100]}")
        if not item["matches"]:
            print("  (nothing similar in the library)")
        for m in item["matches"]:
            where = m["url"] or (f"{m['project']} claim {m['project_claim_id']}"
                                 if m["project"] else m["source"])
            meta = ", ".join(x for x in (m["publisher"], m["date"]) if x)
            mark = "*" if m["strong"] else " "
            print(f" {mark}{m['score']:.2f}  {m['verdict'] or '—'}  ({meta})  {m['claim'][:80]}"
                  f"  <{where}>")
    return 0


def cmd_export(args) -> int:
    from workbench.library.export import export_library

    with _open(args) as library:
        if args.source and args.source not in {s.name for s in library.sources()}:
            raise WorkbenchError(f"no source {args.source!r} in the library")
        count = export_library(library.reviews(source=args.source), args.output)
    print(f"wrote {args.output}: {count:,} ClaimReviews")
    return 0


def cmd_eval(args) -> int:
    from workbench.library.evaluate import evaluate, print_progress

    for path in (args.queries, args.qrels):
        if not path.exists():
            raise WorkbenchError(f"{path}: no such file")
    result = evaluate(args.queries, args.qrels, args.docs, mode=args.mode,
                      progress=print_progress if sys.stderr.isatty() else None)
    if args.json:
        print_json(result)
        return 0
    print(f"MAP@5 {result['map@5']:.4f}  MRR {result['mrr']:.4f}  P@1 {result['p@1']:.4f}  "
          f"({result['queries']} queries, {result['queries_per_second']:.1f} queries/s, "
          f"{result['mode']})")
    return 0
