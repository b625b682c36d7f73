"""Speed and memory: bare spaCy vs newsfacts vs a naive peer pipeline, side by side in one run.

    python benchmarks/bench_speed.py [--data ../shared/data] [--limit 2225] [--peer-limit 300]

Each pipeline runs in its own fresh process over the same articles of news/bbc_2225:
  (a) base   the bare base spaCy pipeline, nlp.pipe with all its components;
  (b) newsfacts  Extractor.extract_articles: the base pipeline, our components, and the records;
  (c) peer   spaCy + textacy's direct_quotations (on the parsed doc) + dateparser's search_dates.
It prints articles per second of wall-clock time and of CPU time (the steadier figure on a shared
machine), each with its ratio to (a), peak RSS, and RSS after the first tenth and at
the end of the run (memory flat means those two are close).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path


def _rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def _articles(data: Path, limit: int):
    from newsfacts.sources import Article, read_path

    files = sorted((data / "news" / "bbc_2225").glob("*/*.txt"))[:limit]
    articles = []
    for path in files:
        for item in read_path(path):
            if isinstance(item, Article):
                articles.append(item)
    return articles


def _run(kind: str, data: Path, limit: int, batch_size: int) -> dict:
    articles = _articles(data, limit)
    from newsfacts.pipeline import load_base

    if kind == "newsfacts":
        from newsfacts import Extractor

        extractor = Extractor(batch_size=batch_size)
        list(extractor.extract_articles(articles[:2]))
        process = extractor.extract_articles
    elif kind == "base":
        nlp = load_base()
        list(nlp.pipe([a.text for a in articles[:2]]))

        def process(items):
            return nlp.pipe((a.text for a in items), batch_size=batch_size)
    else:
        import dateparser.search
        from textacy.extract.triples import direct_quotations

        nlp = load_base()
        list(nlp.pipe([a.text for a in articles[:2]]))

        def process(items):
            for doc in nlp.pipe((a.text for a in items), batch_size=batch_size):
                try:
                    quotes = list(direct_quotations(doc))
                except ValueError:  # textacy gives up on a document with an unclosed quotation
                    quotes = []
                dates = dateparser.search.search_dates(doc.text, languages=["en"]) or []
                yield len(quotes), len(dates)

    tenth = max(1, len(articles) // 10)
    rss_at_tenth = None
    started, cpu_started = time.perf_counter(), time.process_time()
    for n, _ in enumerate(process(articles), start=1):
        if n == tenth:
            rss_at_tenth = _rss_mb()
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    return {"kind": kind, "articles": len(articles), "seconds": seconds, "cpu_seconds": cpu_seconds,
            "per_second": len(articles) / seconds, "per_cpu_second": len(articles) / cpu_seconds,
            "rss_tenth_mb": rss_at_tenth, "rss_end_mb": _rss_mb(),
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--limit", type=int, default=2225, help="articles for (a) and (b)")
    parser.add_argument("--peer-limit", type=int, default=300,
                        help="articles for (c), whose search_dates is slow; its rate is per article "
                             "(0 leaves the peer out)")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--child", choices=["base", "newsfacts", "peer"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not (args.data / "news" / "bbc_2225").is_dir():
        parser.error(f"{args.data}/news/bbc_2225 not found: pass --data with the shared data folder")
    if args.limit < 1 or args.peer_limit < 0:
        parser.error("--limit must be at least 1 and --peer-limit at least 0")
    if args.child:
        limit = args.peer_limit if args.child == "peer" else args.limit
        print(json.dumps(_run(args.child, args.data, limit, args.batch_size)))
        return
    results = {}
    for kind in ["base", "newsfacts"] + (["peer"] if args.peer_limit else []):
        out = subprocess.run([sys.executable, __file__, "--data", str(args.data), "--limit", str(args.limit),
                              "--peer-limit", str(args.peer_limit), "--batch-size", str(args.batch_size),
                              "--child", kind], capture_output=True, text=True, check=True)
        results[kind] = json.loads(out.stdout.strip().splitlines()[-1])
    base, base_cpu = results["base"]["per_second"], results["base"]["per_cpu_second"]
    print(f"{'pipeline':<10} {'articles':>8} {'art/s':>8} {'ratio':>6} {'art/cpu-s':>10} {'ratio':>6} "
          f"{'peak MB':>8} {'RSS@10%':>8} {'RSS end':>8}")
    for kind, r in results.items():
        print(f"{kind:<10} {r['articles']:>8} {r['per_second']:>8.1f} {r['per_second'] / base:>6.2f} "
              f"{r['per_cpu_second']:>10.1f} {r['per_cpu_second'] / base_cpu:>6.2f} "
              f"{r['peak_rss_mb']:>8.0f} {r['rss_tenth_mb']:>8.0f} {r['rss_end_mb']:>8.0f}")
    nf, nf_cpu = results["newsfacts"]["per_second"], results["newsfacts"]["per_cpu_second"]
    print(f"newsfacts / bare spaCy throughput: {nf / base:.2f} wall, {nf_cpu / base_cpu:.2f} CPU (target >= 0.85)")
    if "peer" in results:
        peer, peer_cpu = results["peer"]["per_second"], results["peer"]["per_cpu_second"]
        print(f"newsfacts / naive peer throughput: {nf / peer:.2f} wall, {nf_cpu / peer_cpu:.2f} CPU (target > 1)")


if __name__ == "__main__":
    main()
