"""Temporal expressions: newsfacts' date step against gold TIMEX3, with dateparser as baseline.

    .venv/bin/python benchmarks/bench_timex.py                 # TE3 platinum + MEANTIME (test)
    .venv/bin/python benchmarks/bench_timex.py --sets tbaq     # development set (TimeBank+AQUAINT)
    .venv/bin/python benchmarks/bench_timex.py --sets newsdev newsdev2 newsdev3 newsdev4 \
        realbiz realtech realfelix   # our own sets: written (timex_dev*) and real leads (timex_real)
    .venv/bin/python benchmarks/bench_timex.py --sets tbaq --errors 500 --kinds value
                                          # also print errors (document and DCT with each)

Each document's DCT is the publication date. The date step runs with `vague_references` on, as
TIMEX3 annotates "now", "recently" and "for weeks", and with `timeml_extents` on, as TimeML marks
a clock time and its day apart ("5 p.m." on "April 13"); `--project-conventions` scores the
records' own settings, which leave vague references out and keep "8am on Tuesday" as one
(corpus/README.md). Scores (percent):
- strict span F1: the system span equals a gold span exactly;
- relaxed span F1: the spans overlap (one-to-one);
- value F1: the spans overlap and the values are equal (TempEval-3's value F1 is computed the
  same way: attribute correctness over the relaxed matches, as F1).
MEANTIME is scored on its annotated prefix only (token sentences 0-5), text rebuilt from its
tokens. The documents run through the product's pipeline (`build_pipeline`: its tokenizer, and a
line break ends a sentence) with the date step the only fact component. Speed is the date step
alone (the base spaCy model runs beforehand, untimed):
documents per second over the set. The baseline is `dateparser.search.search_dates` over each
whole document with the DCT as RELATIVE_BASE (its values are days: YYYY-MM-DD).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import re
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

MEANTIME_SENTENCES = 6


@dataclass
class Gold:
    start: int
    end: int
    type: str
    value: str
    text: str


@dataclass
class Document:
    name: str
    text: str
    dct: dt.date | None
    timexes: list[Gold] = field(default_factory=list)


def _parse_dct(value: str | None) -> dt.date | None:
    if not value:
        return None
    for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%Y%m%d"):
        try:
            return dt.datetime.strptime(value[:10], fmt).date()
        except ValueError:
            continue
    return None


def load_tml(path: Path) -> Document:
    root = ET.parse(path).getroot()
    dct = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = _parse_dct(timex.get("value"))
            break
    text_element = root.find("TEXT")
    pieces: list[str] = []
    timexes: list[Gold] = []

    def walk(element: ET.Element) -> None:
        start = sum(len(piece) for piece in pieces)
        if element.text:
            pieces.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                pieces.append(child.tail)
        if element.tag == "TIMEX3" and element is not text_element:
            end = sum(len(piece) for piece in pieces)
            timexes.append(Gold(start, end, element.get("type", ""), element.get("value", ""),
                                "".join(pieces)[start:end]))

    walk(text_element)
    return Document(path.stem, "".join(pieces), dct, timexes)


# MEANTIME stores Penn Treebank tokens; the text is rebuilt the way it was written ("March 1,
# 2008", "Boeing's", "US$40"), as the pipeline meets news, not pre-tokenised text.
_PTB_QUOTES = {"``": "\u201c", "''": "\u201d"}
_NO_SPACE_BEFORE = {",", ".", ":", ";", "%", ")", "]", "?", "!", "...", "\u201d",
                    "'s", "'", "n't", "'ve", "'ll", "'re", "'d", "'m"}
_NO_SPACE_AFTER = {"(", "[", "$", "US$", "#", "\u201c"}


def _glued(previous: str, word: str) -> bool:
    """No space between two tokens as written: "Boeing's", "US$40", "(LIFFE)"."""
    return word in _NO_SPACE_BEFORE or previous in _NO_SPACE_AFTER


def load_meantime(path: Path) -> Document:
    root = ET.parse(path).getroot()
    offsets: dict[str, tuple[int, int]] = {}
    parts: list[str] = []
    position, sentence = 0, None
    for token in root.iter("token"):
        number = int(token.get("sentence"))
        if number >= MEANTIME_SENTENCES:
            continue
        word = _PTB_QUOTES.get(token.text or "", token.text or "")
        if sentence is not None:
            if number != sentence:
                separator = "\n"
            elif _glued(parts[-1], word):
                separator = ""
            else:
                separator = " "
            parts.append(separator)
            position += len(separator)
        sentence = number
        offsets[token.get("t_id")] = (position, position + len(word))
        parts.append(word)
        position += len(word)
    text = "".join(parts)
    dct, timexes = None, []
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = _parse_dct(timex.get("value"))
        anchors = [offsets[a.get("t_id")] for a in timex.findall("token_anchor")
                   if a.get("t_id") in offsets]
        if not anchors:
            continue
        start, end = min(a[0] for a in anchors), max(a[1] for a in anchors)
        timexes.append(Gold(start, end, timex.get("type", ""), timex.get("value", ""),
                            text[start:end]))
    return Document(path.stem, text, dct, timexes)


# Real news leads (the shared data's BBC and Felix articles) annotated in stand-off: the texts
# stay in the shared data directory and only offsets and values live in benchmarks/timex_real/.
REAL_SETS = {"realbiz": "bbcbiz", "realtech": "bbctech", "realfelix": "felix",
             "realbiz2": "bbcbiz2", "realpol": "bbcpol", "realfelix2": "felix2",
             "realbiz3": "bbcbiz3", "realtech2": "bbctech2", "realbiz4": "bbcbiz4",
             "realpol2": "bbcpol2", "realbiz5": "bbcbiz5", "realent": "bbcent",
             "realbiz6": "bbcbiz6", "realtech3": "bbctech3", "realbiz7": "bbcbiz7",
             "realbiz8": "bbcbiz8", "realtech4": "bbctech4",
             "realbiz9": "bbcbiz9", "realtopic": "bbctopic",
             "realbiz10": "bbcbiz10", "realtech5": "bbctech5",
             "realbiz11": "bbcbiz11", "realtech6": "bbctech6",
             "realbiz12": "bbcbiz12", "realtech7": "bbctech7",
             "realreu": "reuters", "realreu2": "reuters2", "realreu3": "reuters3",
             "realpol3": "bbcpol3", "realpol4": "bbcpol4", "realent2": "bbcent2",
             "realpn": "polnear", "realpn2": "polnear2",
             "realpn3": "polnear3", "realpn4": "polnear4",
             "realpn5": "polnear5", "realpn6": "polnear6",
             "realpn7": "polnear7", "realpn8": "polnear8",
             "realtech8": "bbctech8", "realfelix3": "felix3",
             "realpol5": "bbcpol5", "realfelix4": "felix4",
             "realfelix5": "felix5", "realfelix6": "felix6", "realfelix7": "felix7",
             "realfelix8": "felix8", "realfelix9": "felix9",
             "realfelix10": "felix10", "realpn9": "polnear9",
             "realfelix11": "felix11", "realpn10": "polnear10", "realsport": "bbcsport",
             "realfelix12": "felix12", "realsport2": "bbcsport2"}
LEAD_PARAGRAPHS = 3


def lead_excerpt(path: Path) -> tuple[str, dt.date | None]:
    """The headline and the first paragraphs of a shared-data article, one per line, and its date.

    BBC files are a headline line, a blank line and paragraphs (no date); Felix files are YAML
    front matter (`title`, `date`) and a Markdown body. This is the text the stand-off offsets of
    benchmarks/timex_real/ count in.
    """
    import yaml

    raw = path.read_bytes().decode("utf-8", errors="replace").replace("\r\n", "\n")
    dct = None
    if raw.startswith("---"):
        _, front, body = raw.split("---", 2)
        meta = yaml.safe_load(front) or {}
        headline = " ".join(str(meta.get("title", "")).split())
        dct = _parse_dct(str(meta.get("date", "")))
    else:
        headline, _, body = raw.partition("\n")
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", body) if p.strip()]
    return "\n".join([headline.strip(), *paragraphs[:LEAD_PARAGRAPHS]]), dct


CONLL_SENTENCES = 5
_DATELINE = re.compile(r"\b(\d{4}-\d\d-\d\d)$")


def _join_tokens(words: list[str]) -> str:
    """Penn-style tokens joined as written; CoNLL's straight quotes alternate open and close."""
    parts: list[str] = []
    quote_open = False
    for word in words:
        if word == '"':
            word = "\u201d" if quote_open else "\u201c"
            quote_open = not quote_open
        if parts and not _glued(parts[-1], word):
            parts.append(" ")
        parts.append(word)
    return "".join(parts)


def conll_excerpt(path: Path, number: int) -> tuple[str, dt.date]:
    """Document `number` (0-based) of a CoNLL-2003 file: its headline and the first sentences
    after the dateline, one per line, and the dateline's date.

    Reuters stories of August 1996 as CoNLL-2003 keeps them, one token per line; the text is
    rebuilt as MEANTIME's is ("Boeing's", "$1.2 million").
    """
    documents: list[list[list[str]]] = []
    sentence: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            documents.append([])
        elif line.strip():
            sentence.append(line.split()[0])
        elif sentence:
            documents[-1].append(sentence)
            sentence = []
    if sentence:
        documents[-1].append(sentence)
    sentences = documents[number]
    dateline = next(i for i, words in enumerate(sentences[:4]) if _DATELINE.search(words[-1]))
    dct = dt.date.fromisoformat(sentences[dateline][-1])
    lines = [sentences[0], *sentences[dateline + 1:dateline + 1 + CONLL_SENTENCES]]
    return "\n".join(_join_tokens(words) for words in lines), dct


def load_real(name: str, data: Path) -> list[Document]:
    documents = []
    path = REPO / "benchmarks" / "timex_real" / f"{REAL_SETS[name]}.jsonl"
    for line in path.read_text().splitlines():
        record = json.loads(line)
        source, _, number = record["source"].partition("#")
        if number:
            text, _ = conll_excerpt(data / source, int(number))
        else:
            text, _ = lead_excerpt(data / source)
        if hashlib.sha1(text.encode()).hexdigest() != record["sha1"]:
            raise SystemExit(f"{record['source']}: text differs from the one annotated")
        dct = dt.date.fromisoformat(record["dct"])
        timexes = [Gold(t["start"], t["end"], t["type"], t["value"], text[t["start"]:t["end"]])
                   for t in record["timexes"]]
        documents.append(Document(Path(record["source"]).stem, text, dct, timexes))
    return documents


# newsdev: general news; newsdev2 to newsdev4: business, technology and market news (newsdev4:
# leads only, as MEANTIME annotates only the first sentences of each article).
OWN_SETS = {"newsdev": "timex_dev", "newsdev2": "timex_dev2", "newsdev3": "timex_dev3",
            "newsdev4": "timex_dev4"}


def load_set(name: str, data: Path) -> list[Document]:
    if name == "te3":
        return [load_tml(p) for p in sorted((data / "timex/te3-platinum").glob("*.tml"))]
    if name == "meantime":
        folder = data / "timex/meantime-english/intra-doc_annotation"
        return [load_meantime(p) for p in sorted(folder.glob("*/*.xml"))]
    if name == "tbaq":
        folder = data / "temporal/tbaq_cleaned"
        return [load_tml(p) for p in sorted(folder.glob("*/*.tml"))]
    if name in REAL_SETS:
        return load_real(name, data)
    if name in OWN_SETS:
        # Our own Wikinews-style articles, hand-annotated per NewsReader (their README.md).
        return [load_tml(p) for p in sorted((REPO / "benchmarks" / OWN_SETS[name]).glob("*.tml"))]
    raise SystemExit(f"unknown set {name!r}: use te3, meantime, tbaq or one of {sorted(OWN_SETS | REAL_SETS)}")


@dataclass
class Predicted:
    start: int
    end: int
    value: str | None
    text: str


def score(golds: list[list[Gold]], predictions: list[list[Predicted]],
          names: list[str] | None = None):
    """Scores and the errors, each (kind, gold text, gold value, system, document)."""
    counts = {"gold": 0, "sys": 0, "strict": 0, "relaxed": 0, "value": 0}
    errors = []
    names = names or [""] * len(golds)
    for gold, predicted, name in zip(golds, predictions, names, strict=True):
        start = len(errors)
        counts["gold"] += len(gold)
        counts["sys"] += len(predicted)
        used: set[int] = set()
        for g in gold:
            best = None
            for index, p in enumerate(predicted):
                if index in used or p.end <= g.start or p.start >= g.end:
                    continue
                overlap = min(p.end, g.end) - max(p.start, g.start)
                if best is None or overlap > best[0]:
                    best = (overlap, index)
            if best is None:
                errors.append(("missed", g.text, g.value, None))
                continue
            used.add(best[1])
            p = predicted[best[1]]
            counts["relaxed"] += 1
            counts["strict"] += p.start == g.start and p.end == g.end
            if (p.value or "").upper() == g.value.upper():
                counts["value"] += 1
            else:
                errors.append(("value", g.text, g.value, f"{p.text!r} -> {p.value}"))
        for index, p in enumerate(predicted):
            if index not in used:
                errors.append(("spurious", p.text, None, p.value))
        errors[start:] = [(*error, name) for error in errors[start:]]

    def f1(key: str) -> float:
        precision = counts[key] / counts["sys"] if counts["sys"] else 0.0
        recall = counts[key] / counts["gold"] if counts["gold"] else 0.0
        return 200 * precision * recall / (precision + recall) if precision + recall else 0.0

    return {"value": f1("value"), "relaxed": f1("relaxed"), "strict": f1("strict"),
            "gold": counts["gold"], "sys": counts["sys"]}, errors


def run_newsfacts(documents: list[Document], vague_references: bool = True):
    from newsfacts.pipeline import COMPONENTS, build_pipeline

    # The product's pipeline (its tokenizer, a line break ending a sentence), with the date
    # step the only fact component.
    nlp = build_pipeline()
    for name in COMPONENTS:
        nlp.remove_pipe(name)
    nlp.add_pipe("newsfacts_dates", config={"vague_references": vague_references,
                                            "timeml_extents": vague_references})
    dates = nlp.get_pipe("newsfacts_dates")
    with nlp.select_pipes(disable=["newsfacts_dates"]):
        docs = list(nlp.pipe(d.text for d in documents))
    started = time.perf_counter()
    predictions = []
    for document, doc in zip(documents, docs, strict=True):
        doc._.published = document.dct
        dates(doc)
        predictions.append([Predicted(m.start, m.end, m.value, m.text) for m in doc._.dates])
    elapsed = time.perf_counter() - started
    return predictions, len(documents) / elapsed if elapsed else float("inf")


def run_dateparser(documents: list[Document]):
    from dateparser.search import search_dates

    predictions = []
    started = time.perf_counter()
    for document in documents:
        base = dt.datetime.combine(document.dct or dt.date.today(), dt.time())
        found = search_dates(document.text, languages=["en"],
                             settings={"RELATIVE_BASE": base}) or []
        cursor, spans = 0, []
        for substring, moment in found:
            start = document.text.find(substring, cursor)
            if start < 0:
                continue
            cursor = start + len(substring)
            spans.append(Predicted(start, cursor, moment.date().isoformat(), substring))
        predictions.append(spans)
    elapsed = time.perf_counter() - started
    return predictions, len(documents) / elapsed if elapsed else float("inf")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared/data")
    parser.add_argument("--sets", nargs="+", default=["te3", "meantime"])
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--errors", type=int, default=0, help="print this many errors per set")
    parser.add_argument("--kinds", nargs="+", choices=["value", "missed", "spurious"],
                        help="print only these kinds of error")
    parser.add_argument("--project-conventions", action="store_true",
                        help="leave out vague references as the records do (TIMEX3 keeps them)")
    args = parser.parse_args()

    print(f"{'set':10} {'system':12} {'docs':>5} {'gold':>5} {'sys':>5} {'value F1':>9} "
          f"{'relaxed F1':>10} {'strict F1':>9} {'docs/s':>9}")
    for name in args.sets:
        documents = load_set(name, args.data)
        golds = [d.timexes for d in documents]
        systems = [("newsfacts", lambda docs: run_newsfacts(docs, not args.project_conventions))]
        if not args.no_baseline:
            systems.append(("dateparser", run_dateparser))
        for system, runner in systems:
            predictions, speed = runner(documents)
            names = [f"{d.name} {d.dct}" for d in documents]
            scores, errors = score(golds, predictions, names)
            if args.kinds:
                errors = [e for e in errors if e[0] in args.kinds]
            print(f"{name:10} {system:12} {len(documents):5d} {scores['gold']:5d} "
                  f"{scores['sys']:5d} {scores['value']:9.1f} {scores['relaxed']:10.1f} "
                  f"{scores['strict']:9.1f} {speed:9.1f}", flush=True)
            if system == "newsfacts" and args.errors:
                for error in errors[:args.errors]:
                    print("   ", error)


if __name__ == "__main__":
    main()
