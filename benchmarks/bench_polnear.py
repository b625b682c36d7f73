"""Direct and mixed quotes on PolNeAR: newsfacts against textacy's `direct_quotations`.

    .venv/bin/python benchmarks/bench_polnear.py                 # the test split, all articles
    .venv/bin/python benchmarks/bench_polnear.py --split dev --limit 40

Gold: one annotation file per article (the alphabetically first annotator), every attribution
relation whose content contains a double quotation mark (direct or mixed quotes; a quote split
by "he said" is one relation with several content pieces). Identical contents count once.

Matching rule: a predicted quote (its content without the outer marks) matches a gold content
when their character overlap is at least 50% of the predicted span or at least 50% of the gold
content. Precision = predictions that match some gold / predictions; recall = gold contents
matched by some prediction / gold contents. Speaker right: over matched pairs whose gold has a
Source, the predicted speaker as written (or its resolved name) shares a word with the gold
Source ("She" ~ "she", "Mr Trump" ~ "Donald Trump"); pairs whose gold Source is a bare relative
pronoun ("who", "which", "that") are left out of the speaker figure for both systems, and so are
pairs whose gold Source has no word that could name anyone: an annotation slip that marks the cue
verb itself ("said") as the Source, where no prediction could ever be counted right.

newsfacts predictions are its `direct` and `partial` quotes from the full pipeline. textacy is
run paragraph by paragraph (a paragraph = one non-empty line) on the same parse, so both see
identical tokens, tags and dependencies. Develop on train and dev; report on test only.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
QUOTE_CHARS = "\"“”"
STRIP = "\"“”‘’' \n\t"
_WORD = re.compile(r"[a-z0-9]+")
RELATIVE = {"who", "which", "that", "whom"}  # a bare relative pronoun names no one: not scored
_NOT_NAMES = {"the", "a", "an", "of", "mr", "mrs", "ms", "dr", "sen", "gov", "rep", "and", "for",
              "s", "who", "said", "to", "in"}


@dataclass
class Gold:
    pieces: list[tuple[int, int]]
    source: str | None


@dataclass
class Prediction:
    start: int
    end: int
    speaker: list[str]


def parse_ann(path: Path, text: str) -> list[Gold]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    relations = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T") and "\t" in line:
            ident, info = line.split("\t")[:2]
            kind, _, offsets = info.partition(" ")
            pieces = []
            for piece in offsets.split(";"):
                start, end = piece.split()
                pieces.append((int(start), int(end)))
            spans[ident] = (kind, pieces)
        elif line.startswith("E") and "\t" in line:
            roles = dict(part.split(":", 1) for part in line.split("\t")[1].split())
            relations.append(roles)
    golds, seen = [], set()
    for roles in relations:
        content = spans.get(roles.get("Content", ""))
        if content is None:
            continue
        pieces = content[1]
        if not any(c in text[s:e] for s, e in pieces for c in QUOTE_CHARS) and not any(
                "''" in text[s:e] or "``" in text[s:e] for s, e in pieces):
            continue
        key = tuple(pieces)
        if key in seen:
            continue
        seen.add(key)
        source = spans.get(roles.get("Source", ""))
        source_text = " ".join(text[s:e] for s, e in source[1]) if source else None
        golds.append(Gold(pieces, source_text))
    return golds


def strip_marks(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in STRIP:
        start += 1
    while end > start and text[end - 1] in STRIP:
        end -= 1
    return start, end


def overlap(pred: Prediction, gold: Gold) -> bool:
    shared = sum(max(0, min(pred.end, e) - max(pred.start, s)) for s, e in gold.pieces)
    gold_len = sum(e - s for s, e in gold.pieces)
    return shared > 0 and (shared >= 0.5 * (pred.end - pred.start) or shared >= 0.5 * gold_len)


def words(texts: list[str]) -> set[str]:
    return {w for t in texts if t for w in _WORD.findall(t.lower()) if w not in _NOT_NAMES}


def scorable(source: str | None) -> bool:
    """A gold Source that names someone: not a bare relative pronoun, not just the cue verb."""
    return bool(source) and source.strip().lower() not in RELATIVE and bool(words([source]))


@dataclass
class Score:
    predicted: int = 0
    correct: int = 0
    gold: int = 0
    found: int = 0
    with_source: int = 0
    speaker_right: int = 0

    def add(self, preds: list[Prediction], golds: list[Gold]) -> None:
        self.predicted += len(preds)
        self.gold += len(golds)
        matched_gold = set()
        for pred in preds:
            hits = [i for i, g in enumerate(golds) if overlap(pred, g)]
            if not hits:
                continue
            self.correct += 1
            best = hits[0]
            matched_gold.update(hits)
            if scorable(golds[best].source):
                self.with_source += 1
                if words(pred.speaker) & words([golds[best].source]):
                    self.speaker_right += 1
        self.found += len(matched_gold)

    def row(self, name: str) -> str:
        p = self.correct / self.predicted if self.predicted else 0.0
        r = self.found / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        s = self.speaker_right / self.with_source if self.with_source else 0.0
        return (f"{name:<10} {p:>9.3f} {r:>7.3f} {f:>6.3f} {s:>13.1%}   "
                f"(pred {self.predicted}, gold {self.gold}, speaker pairs {self.with_source})")


def newsfacts_predictions(doc) -> list[Prediction]:
    out = []
    for q in doc._.quotes or []:
        if q.kind == "indirect":
            continue
        start, end = strip_marks(doc.text, q.start, q.end)
        speaker = [q.speaker.text, q.speaker.name or ""] if q.speaker else []
        out.append(Prediction(start, end, speaker))
    return out


def textacy_predictions(doc, direct_quotations) -> list[Prediction]:
    out = []
    offset = 0
    for line in doc.text.split("\n"):
        start_char, offset = offset, offset + len(line) + 1
        if not line.strip():
            continue
        span = doc.char_span(start_char, start_char + len(line), alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        para = span.as_doc()
        base = span.start_char
        try:
            triples = list(direct_quotations(para))
        except ValueError:  # textacy bails out of a paragraph with an unclosed quotation
            continue
        for triple in triples:
            start = base + triple.content[0].idx
            last = triple.content[-1]
            start, end = strip_marks(doc.text, start, base + last.idx + len(last))
            out.append(Prediction(start, end, [" ".join(t.text for t in triple.speaker)]))
    return out


def show_errors(doc, preds: list[Prediction], golds: list[Gold]) -> None:
    text = doc.text
    for pred in preds:
        hits = [g for g in golds if overlap(pred, g)]
        if not hits:
            print(f"  FP  {text[pred.start:pred.end][:90]!r}  <- {pred.speaker}")
        elif scorable(hits[0].source) and not words(pred.speaker) & words([hits[0].source]):
            print(f"  SPK {text[pred.start:pred.end][:60]!r}  {pred.speaker} != {hits[0].source!r}")
    for gold in golds:
        if not any(overlap(p, gold) for p in preds):
            s, e = gold.pieces[0]
            print(f"  FN  {text[s:e][:90]!r}  <- {gold.source!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO / ".." / "shared" / "data")
    parser.add_argument("--split", default="test", choices=("train", "dev", "test"))
    parser.add_argument("--limit", type=int, default=None, help="at most N articles")
    parser.add_argument("--model", default=None)
    parser.add_argument("--show", action="store_true",
                        help="print newsfacts' unmatched predictions and missed gold (dev/train)")
    args = parser.parse_args(argv)

    root = args.data / "quotes" / "polnear" / args.split
    if not root.is_dir():
        print(f"no PolNeAR {args.split} split at {root}", file=sys.stderr)
        return 2
    from textacy.extract.triples import direct_quotations

    from newsfacts.pipeline import build_pipeline

    nlp = build_pipeline(args.model)
    quotes_pipe = nlp.get_pipe("newsfacts_quotes")
    anns = sorted((root / "attributions").glob("*.ann"))
    articles = []
    for text_path in sorted((root / "text").glob("*.txt")):
        mine = [a for a in anns if a.name.startswith(text_path.stem + "_")]
        if mine:
            articles.append((text_path, mine[0]))
    if args.limit:
        articles = articles[: args.limit]

    ours, theirs = Score(), Score()
    parse_s = quotes_s = textacy_s = 0.0
    texts = [p.read_text(encoding="utf-8") for p, _ in articles]
    t0 = time.perf_counter()
    with nlp.select_pipes(disable=["newsfacts_quotes"]):
        docs = list(nlp.pipe(texts, batch_size=16))
    parse_s = time.perf_counter() - t0
    for (_, ann_path), text, doc in zip(articles, texts, docs, strict=True):
        golds = parse_ann(ann_path, text)
        t0 = time.perf_counter()
        quotes_pipe(doc)
        quotes_s += time.perf_counter() - t0
        ours.add(newsfacts_predictions(doc), golds)
        if args.show:
            show_errors(doc, newsfacts_predictions(doc), golds)
        t0 = time.perf_counter()
        theirs.add(textacy_predictions(doc, direct_quotations), golds)
        textacy_s += time.perf_counter() - t0

    print(f"PolNeAR {args.split}: {len(articles)} articles, direct and mixed quotes "
          "(match: overlap >= 50% of either span, outer marks stripped)")
    print(f"{'system':<10} {'precision':>9} {'recall':>7} {'F1':>6} {'speaker right':>13}")
    print(ours.row("newsfacts"))
    print(theirs.row("textacy"))
    print(f"time: parse (base model + other newsfacts components) {parse_s:.1f}s, "
          f"newsfacts quotes {quotes_s:.2f}s ({quotes_s / parse_s:.1%} of the parse), "
          f"textacy {textacy_s:.2f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
