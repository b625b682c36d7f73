"""PER / ORG / LOC precision, recall and F1 on CoNLL-2003 for the base spaCy model alone and for
newsfacts' entity component, side by side in one run (span-level exact match).

    .venv/bin/python benchmarks/bench_conll.py                 # test split (report)
    .venv/bin/python benchmarks/bench_conll.py --split dev     # dev split (tuning)
    .venv/bin/python benchmarks/bench_conll.py --split dev --cache /tmp/conll_dev.spacy
        # the base parse saved once and reused: quick reruns while changing the entity rules

Each CoNLL document is parsed once from its gold tokens; the base entities are scored, then the
newsfacts_entities component runs on the same Doc and its corrected entities are scored.
Labels: PERSON->PER, ORG->ORG, GPE/LOC/FAC->LOC, everything else->MISC (reported apart, for
information: newsfacts does not aim at MISC). The time the component adds to the parse is printed.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from spacy.tokens import Doc, DocBin

from newsfacts import entities  # noqa: F401  (registers the component factory)
from newsfacts.pipeline import load_base

REPO = Path(__file__).resolve().parents[1]
SPLITS = {"test": "test.txt", "dev": "dev.txt"}
LABEL_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
TYPES = ("PER", "ORG", "LOC", "MISC")


def read_conll(path: Path) -> list[tuple[list[str], set]]:
    """Documents as (tokens, gold spans {(start, end, type)})."""
    documents, words, tags = [], [], []

    def flush():
        if words:
            documents.append((list(words), spans_from_iob(tags)))
        words.clear()
        tags.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            flush()
            continue
        if not line.strip():
            continue
        parts = line.split()
        words.append(parts[0])
        tags.append(parts[-1])
    flush()
    return documents


def spans_from_iob(tags: list[str]) -> set:
    spans, start, label = set(), None, None
    for i, tag in enumerate([*tags, "O"]):
        if tag == "O" or tag.startswith("B-") or (tag.startswith("I-") and tag[2:] != label):
            if start is not None:
                spans.add((start, i, label))
            start, label = (i, tag[2:]) if tag != "O" else (None, None)
    return spans


def predicted(doc: Doc) -> set:
    return {(e.start, e.end, LABEL_MAP.get(e.label_, "MISC")) for e in doc.ents
            if e.label_ not in {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY",
                                "PERCENT"}}


def score(tally: Counter, gold: set, pred: set, system: str) -> None:
    for kind in TYPES:
        g = {s for s in gold if s[2] == kind}
        p = {s for s in pred if s[2] == kind}
        tally[system, kind, "tp"] += len(g & p)
        tally[system, kind, "fp"] += len(p - g)
        tally[system, kind, "fn"] += len(g - p)


def prf(tally: Counter, system: str, kind: str) -> tuple[float, float, float]:
    tp, fp, fn = (tally[system, kind, x] for x in ("tp", "fp", "fn"))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--split", choices=sorted(SPLITS), default="test")
    parser.add_argument("--model", default=None)
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--cache", type=Path, default=None,
                        help="a DocBin of the base parses: read if it exists, else written")
    args = parser.parse_args()

    documents = read_conll(args.data / "ner" / "conll2003" / SPLITS[args.split])[: args.limit]
    nlp = load_base(args.model)
    component = nlp.add_pipe("newsfacts_entities", last=True)
    base_names = [name for name in nlp.pipe_names if name != "newsfacts_entities"]
    tally: Counter = Counter()
    base_seconds = ours_seconds = 0.0
    cached = list(DocBin().from_disk(args.cache).get_docs(nlp.vocab)) if (
        args.cache and args.cache.is_file()) else None
    if cached is not None and len(cached) < len(documents):
        raise SystemExit(f"{args.cache}: {len(cached)} documents, fewer than the split's")
    parsed = DocBin(store_user_data=True)
    for index, (words, gold) in enumerate(documents):
        started = time.perf_counter()
        if cached is not None:
            doc = cached[index]
        else:
            doc = Doc(nlp.vocab, words=words)
            for name in base_names:
                doc = nlp.get_pipe(name)(doc)
            parsed.add(doc)
        base_seconds += time.perf_counter() - started
        score(tally, gold, predicted(doc), "base")
        started = time.perf_counter()
        doc = component(doc)
        ours_seconds += time.perf_counter() - started
        score(tally, gold, predicted(doc), "newsfacts")

    if args.cache and cached is None:
        parsed.to_disk(args.cache)
    print(f"CoNLL-2003 {args.split}: {len(documents)} documents, "
          f"{sum(len(w) for w, _ in documents)} tokens, model {nlp.meta.get('name')}")
    print(f"{'type':5} | {'base P':>7} {'R':>6} {'F1':>6} | {'newsfacts P':>11} {'R':>6} {'F1':>6}"
          f" | {'dF1':>6}")
    for kind in TYPES:
        base, ours = prf(tally, "base", kind), prf(tally, "newsfacts", kind)
        note = "  (not a newsfacts target)" if kind == "MISC" else ""
        print(f"{kind:5} | {base[0]:7.3f} {base[1]:6.3f} {base[2]:6.3f} | {ours[0]:11.3f} "
              f"{ours[1]:6.3f} {ours[2]:6.3f} | {ours[2] - base[2]:+6.3f}{note}")
    if cached:
        print(f"time: newsfacts_entities {ours_seconds:.1f}s (base parses read from the cache)")
    else:
        print(f"time: base parse {base_seconds:.1f}s, newsfacts_entities {ours_seconds:.1f}s "
              f"(+{100 * ours_seconds / base_seconds:.1f}%)")


if __name__ == "__main__":
    main()
