"""Cost of the newsfacts components on top of the bare spaCy parse.

    python benchmarks/bench_entities_speed.py [--data ../shared/data] [--n 200] [--repeat 2]

Reads the first N BBC articles (news/bbc_2225, sorted paths), parses them once with the base model
alone (docs kept), then times each newsfacts component on copies of those parsed docs. Prints the
seconds per component and the ratio of (all components) / (bare parse). Best of --repeat runs.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from spacy.tokens import Doc

from newsfacts.pipeline import build_pipeline

REPO = Path(__file__).resolve().parents[1]
COMPONENTS = ("newsfacts_entities", "newsfacts_dates", "newsfacts_counts", "newsfacts_quotes")


def read_texts(data: Path, n: int) -> list[str]:
    paths = sorted((data / "news" / "bbc_2225").glob("*/*.txt"))[:n]
    texts = []
    for path in paths:
        body = path.read_text(encoding="utf-8", errors="replace").split("\n", 2)
        texts.append(body[2] if len(body) > 2 else body[-1])
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    texts = read_texts(args.data, args.n)
    nlp = build_pipeline()
    ours = [name for name in COMPONENTS if name in nlp.pipe_names]
    base_times, comp_times = [], {name: [] for name in ours}
    for _ in range(args.repeat):
        start = time.perf_counter()
        with nlp.select_pipes(disable=ours):
            parsed = list(nlp.pipe(texts))
        base_times.append(time.perf_counter() - start)
        docs = [Doc(nlp.vocab).from_bytes(d.to_bytes()) for d in parsed]
        for doc in docs:
            doc._.published = None
        for name in ours:
            component = nlp.get_pipe(name)
            start = time.perf_counter()
            for doc in docs:
                component(doc)
            comp_times[name].append(time.perf_counter() - start)
    base = min(base_times)
    print(f"{len(texts)} articles; bare spaCy parse {base:.2f}s")
    total = 0.0
    for name in ours:
        best = min(comp_times[name])
        total += best
        print(f"  {name:22s} {best:6.2f}s  {100 * best / base:5.1f}% of the parse")
    print(f"  all newsfacts components {total:6.2f}s  {100 * total / base:5.1f}% of the parse")


if __name__ == "__main__":
    main()
