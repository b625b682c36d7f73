"""Scoring records against hand-checked gold files (`*.facts.json`, format in corpus/README.md).

Each fact kind is scored by one-to-one matching of predicted and gold items:
- people, organisations, places: a predicted entity matches a gold one when their names or
  aliases share a normalised form (case, apostrophes, a leading "the" and spaces folded);
  organisations exclude hospitals, which are scored on their own and also need the right operator;
- counts: the spans overlap and value and head are both right;
- quotes: the gold `starts` lies at the beginning of the predicted quote and the speaker is the
  gold speaker (any of its names); direct quotes are also scored without the speaker, with the
  share of right speakers among the quotes found;
- dates: the spans overlap and the value is right; as the gold lists the same text with the same
  value once, so is it taken once from the record; gold marks a set ("every week") with the value
  "SET", which any predicted mention of type SET matches.
A hospital whose gold operator is null (the annotator did not know it) is right with any operator.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from newsfacts.extractor import Extractor
from newsfacts.records import ArticleRecord
from newsfacts.sources import Article, SourceError, parse_published, read_path

FACT_KINDS = ("people", "organisations", "hospitals", "places", "counts", "direct_quotes",
              "direct_quote_speakers", "partial_indirect_quotes", "dates")


def normalise(name: str | None) -> str:
    text = (name or "").replace("’", "'").replace("‘", "'").lower()
    text = re.sub(r"^(the)\s+", "", text.strip())
    return " ".join(text.split())


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    false_hits: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn
        self.misses += other.misses
        self.false_hits += other.false_hits

    def as_dict(self, details: bool = False) -> dict:
        out = {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
               "recall": round(self.recall, 4), "f1": round(self.f1, 4)}
        if details:
            out |= {"misses": self.misses, "false_hits": self.false_hits}
        return out


def match_one_to_one(predicted: list, gold: list, same: Callable[[object, object], bool],
                     describe_pred: Callable[[object], str], describe_gold: Callable[[object], str],
                     where: str) -> Score:
    """The largest one-to-one matching (augmenting paths): a greedy pass can give a gold item
    the prediction another gold item needed (a partial quote inside an indirect one)."""
    score = Score()
    candidates = [[i for i in range(len(predicted)) if same(predicted[i], g)] for g in gold]
    gold_of: dict[int, int] = {}  # predicted index -> gold index

    def augment(g: int, seen: set[int]) -> bool:
        for i in candidates[g]:
            if i in seen:
                continue
            seen.add(i)
            if i not in gold_of or augment(gold_of[i], seen):
                gold_of[i] = g
                return True
        return False

    matched = {g for g in range(len(gold)) if augment(g, set())}
    for g, item in enumerate(gold):
        if g not in matched:
            score.fn += 1
            score.misses.append(f"{where}: {describe_gold(item)}")
    score.tp = len(matched)
    unmatched = [i for i in range(len(predicted)) if i not in gold_of]
    score.fp = len(unmatched)
    score.false_hits += [f"{where}: {describe_pred(predicted[i])}" for i in unmatched]
    return score


class _Names:
    """Every name of every gold and predicted entity, to compare speakers and operators."""

    def __init__(self, record: ArticleRecord, gold: dict):
        self.gold: dict[str, set[str]] = {}
        for item in [*gold.get("people", []), *gold.get("organisations", []), *gold.get("hospitals", [])]:
            names = {normalise(item["name"]), *(normalise(a) for a in item.get("aliases", []))}
            self.gold[normalise(item["name"])] = names
        self.predicted: dict[str, set[str]] = {}
        for entity in [*record.people, *record.organisations]:
            self.predicted[entity.id] = _entity_names(entity)

    def gold_names(self, name: str) -> set[str]:
        return self.gold.get(normalise(name), {normalise(name)})

    def speaker_names(self, speaker) -> set[str]:
        if speaker is None:
            return set()
        names = {normalise(speaker.name)} if speaker.name else set()
        for entity_id in (speaker.person, speaker.organisation):
            names |= self.predicted.get(entity_id or "", set())
        return names


def _entity_names(entity) -> set[str]:
    names = {normalise(entity.name), *(normalise(a) for a in getattr(entity, "aliases", []))}
    names |= {normalise(m.text) for m in getattr(entity, "mentions", [])}
    return {n for n in names if n}


def _spans(text: str, needle: str) -> list[tuple[int, int]]:
    return [(m.start(), m.start() + len(needle)) for m in re.finditer(re.escape(needle), text)] if needle else []


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _starts_here(quote, text: str, starts: str) -> bool:
    """The gold opening words lie at the start of the predicted quote (give or take a mark or 'that')."""
    if starts.lower().startswith("that "):  # some gold begins reported speech at its complementiser
        starts = starts[5:]
    for s, _end in _spans(text, starts):
        if quote.start - 2 <= s <= quote.start + 8 and s < quote.end:
            return True
    return False


def score_record(record: ArticleRecord, gold: dict, where: str) -> dict[str, Score]:
    text = record.text
    names = _Names(record, gold)
    scores: dict[str, Score] = {}

    def entity_score(predicted, gold_items, kind, extra=lambda p, g: True):
        def same(p, g):
            gold_names = {normalise(g["name"]), *(normalise(a) for a in g.get("aliases", []))}
            return bool(_entity_names(p) & gold_names) and extra(p, g)
        return match_one_to_one(predicted, gold_items, same, lambda p: f"{kind} {p.name!r}",
                                lambda g: f"{kind} {g['name']!r}", where)

    scores["people"] = entity_score(record.people, gold.get("people", []), "person")
    orgs = [o for o in record.organisations if o.kind != "hospital"]
    scores["organisations"] = entity_score(orgs, gold.get("organisations", []), "organisation")
    by_id = {o.id: o for o in record.organisations}

    def operator_right(p, g):
        if not g.get("operator"):  # the annotator did not know it: any operator (or none) will do
            return True
        operator = by_id.get(p.operator or "")
        return operator is not None and bool(_entity_names(operator) & names.gold_names(g["operator"]))

    hospitals = [o for o in record.organisations if o.kind == "hospital"]
    scores["hospitals"] = entity_score(hospitals, gold.get("hospitals", []), "hospital", operator_right)
    gold_places = [{"name": p} if isinstance(p, str) else p for p in gold.get("places", [])]
    scores["places"] = entity_score(record.places, gold_places, "place")

    scores["counts"] = match_one_to_one(
        record.counts, gold.get("counts", []),
        lambda p, g: (_overlaps(p.start, p.end, _spans(text, g["text"])) and float(p.value) == float(g["value"])
                      and normalise(p.head) == normalise(g["head"])),
        lambda p: f"count {p.text!r} value={p.value} head={p.head!r}",
        lambda g: f"count {g['text']!r} value={g['value']} head={g['head']!r}", where)

    def quote_same(with_speaker):
        def same(p, g):
            if not _starts_here(p, text, g["starts"]):
                return False
            return not with_speaker or bool(names.speaker_names(p.speaker) & names.gold_names(g["speaker"]))
        return same

    def describe_quote(p):
        speaker = p.speaker.name or p.speaker.text if p.speaker else None
        return f"{p.kind} quote {p.text[:50]!r} speaker={speaker!r}"

    def describe_gold_quote(g):
        return f"{g.get('kind', 'indirect')} quote {g['starts']!r} speaker={g['speaker']!r}"

    direct = [q for q in record.quotes if q.kind == "direct"]
    gold_direct = [q for q in gold.get("quotes", []) if q.get("kind", "direct") == "direct"]
    scores["direct_quotes"] = match_one_to_one(direct, gold_direct, quote_same(False), describe_quote,
                                               describe_gold_quote, where)
    scores["direct_quote_speakers"] = match_one_to_one(direct, gold_direct, quote_same(True), describe_quote,
                                                       describe_gold_quote, where)
    others = [q for q in record.quotes if q.kind != "direct"]
    gold_others = [q for q in gold.get("quotes", []) if q.get("kind") == "partial"]
    gold_others += gold.get("indirect_quotes", [])
    scores["partial_indirect_quotes"] = match_one_to_one(others, gold_others, quote_same(True), describe_quote,
                                                         describe_gold_quote, where)

    # Gold lists the same date text with the same value once, however often it occurs.
    distinct_dates = list({(d.text, d.value): d for d in record.dates}.values())
    scores["dates"] = match_one_to_one(
        distinct_dates, gold.get("dates", []),
        lambda p, g: _overlaps(p.start, p.end, _spans(text, g["text"])) and (
            p.value == g["value"] or (g["value"] == "SET" and p.type == "SET")),
        lambda p: f"date {p.text!r} value={p.value!r}",
        lambda g: f"date {g['text']!r} value={g['value']!r}", where)
    return scores


@dataclass
class Evaluation:
    articles: int
    scores: dict[str, Score]
    speaker_accuracy: float

    def as_dict(self, details: bool = False) -> dict:
        return {"articles": self.articles, "speaker_accuracy": round(self.speaker_accuracy, 4),
                "kinds": {kind: self.scores[kind].as_dict(details) for kind in FACT_KINDS}}


def gold_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.facts.json"))


def article_for_gold(gold_path: Path, gold: dict, data_dir: Path | None) -> Article:
    """The article a gold file describes: `file` beside it, or `source` under the data folder."""
    if gold.get("source"):
        if data_dir is None:
            raise FileNotFoundError(f"{gold_path.name}: its article is in the shared data; pass --data")
        path = data_dir / gold["source"]
    else:
        path = gold_path.parent / gold["file"]
    if not path.is_file():
        raise FileNotFoundError(f"{gold_path.name}: article not found at {path}")
    try:
        (article, *_) = read_path(path)
    except SourceError as exc:
        raise ValueError(f"{path}: {exc.code}: {exc.message}") from None
    if not isinstance(article, Article):
        raise ValueError(f"{path}: {article}")
    if article.published is None and gold.get("published"):
        article.published, article.published_from = parse_published(gold["published"]), "metadata"
    return article


def evaluate_folder(folder: Path, *, data_dir: Path | None = None, extractor: Extractor | None = None,
                    on_article: Callable[[str], None] | None = None) -> Evaluation:
    extractor = extractor or Extractor()
    totals = {kind: Score() for kind in FACT_KINDS}
    paths = gold_files(folder)
    if not paths:
        raise FileNotFoundError(f"no *.facts.json gold files under {folder}")
    for gold_path in paths:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        article = article_for_gold(gold_path, gold, data_dir)
        record = extractor.extract(article)
        for kind, score in score_record(record, gold, gold_path.name.removesuffix(".facts.json")).items():
            totals[kind].add(score)
        if on_article:
            on_article(gold_path.name)
    found = totals["direct_quotes"].tp
    speaker_accuracy = totals["direct_quote_speakers"].tp / found if found else 1.0
    return Evaluation(articles=len(paths), scores=totals, speaker_accuracy=speaker_accuracy)


def render_table(evaluation: Evaluation, console, details: bool = False) -> None:
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=f"newsfacts against gold: {evaluation.articles} articles")
    for column in ("fact kind", "gold", "found", "right", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column == "fact kind" else "right")
    for kind in FACT_KINDS:
        s = evaluation.scores[kind]
        table.add_row(kind.replace("_", " "), str(s.tp + s.fn), str(s.tp + s.fp), str(s.tp),
                      f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}")
    console.print(table)
    console.print(f"direct quotes with the right speaker: {evaluation.speaker_accuracy:.1%} of those found")
    if details:
        for kind in FACT_KINDS:
            s = evaluation.scores[kind]
            for line in s.misses:
                console.print(f"[red]miss[/]  {kind}: {escape(line)}", highlight=False, soft_wrap=True)
            for line in s.false_hits:
                console.print(f"[yellow]false[/] {kind}: {escape(line)}", highlight=False, soft_wrap=True)
