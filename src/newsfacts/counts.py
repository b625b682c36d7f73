"""Counts: numbers that count something, with their hedging, the counted noun phrase, the
organisation or place they belong to, breakdowns (`part_of`) and consistency checks.

Word lists and qualifier effects are data (models/count_words.json). The counted noun is read
from the dependency parse (the noun a number modifies, climbing noun compounds: "11 day case
procedures" counts procedures), with a surface fallback for poor parses. Numbers inside dates
(doc._.dates, or the base model's TIME / MONEY / PERCENT / ORDINAL entities) are never counts;
a DATE entity only vetoes a number whose counted noun is a time unit or that looks like a year,
because the small model labels "11 day case procedures" and "between 20 and 30 staff" as DATE.

Area totals ("around 450 patients across Notts" against 380 at one trust + 71 at another) are a
heuristic: a hedged count in a sentence with a total marker ("in total", "across", ...) is
checked against the sum of the other counts of the article that have a compatible head (see
`compatible_heads`), are not part of a breakdown, are not vague ("hundreds of"), are smaller
than the total and belong to some organisation or place. No gazetteer containment test is made
yet: being in the same article is taken as being inside the area.

Not counted (rules in count_words.json): fraction numerators ("two thirds"), a number above one
before a singular noun (a modifier: "the 169,000 figure", "a 400m race"), years and capitalised
number words before a name ("the 1966 World Cup", "the Six Nations"), currencies and measures,
numbers inside link addresses, rates ("eight people per thousand"), proportions ("Eight out of 10
voters"), scores and formats ("3-1", "2 v 2"), addresses ("10 Princes Gardens").

Elliptic counts, whose counted noun is not written after the number (`_anaphoric`, word lists in
count_words.json, see its ellipsis_note), take in this order: vote sides ("304 for, 225 against",
"voted 272-219": votes); the noun of a list item before a colon ("nurses: 3,400"); the previous
count of the sentence when a cue lies between ("Unison's 800,000 workers, the GMB's 70,000",
"from 33 candidates to 72", "only about 200 were found"); "the number of X" in the sentence or
the one before ("The number of civil servants rose to 520,000"); a collective noun ("reduce its
workforce by 1,920": jobs, "staff numbers by 150"); the plural subject of a change verb
("Admissions rose to 5,400"); the last count of the previous sentence after from/to/by/than or
"it was" ("In Wales it was just over 59,000"). "another N" / "a further N" / "N more" look two
sentences back; "The 12" repeats an earlier count of the same value; a bare number joined by
to/and/or to the next count takes its noun ("from 155,000 to 110,000 staff"). Ages ("Stephen
Illingworth, 58,", "pension age to 65") and time nouns never lend a noun.
A count "at both major Nottingham hospitals" belongs to the hospitals' operator when every
hospital of the article in that place has the same one (`_described_hospitals_operator`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from newsfacts.assets import load_json_asset
from newsfacts.doctext import doc_text
from newsfacts.records import ConsistencyCheck, Count

ASSET = "count_words.json"

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_SCALED = re.compile(r"^(\d+(?:\.\d+)?)(m|bn|k|mn)$", re.IGNORECASE)
_YEARLIKE = re.compile(r"^(1[89]|20)\d\d$")
_NP_MODIFIER_POS = {"ADJ", "NOUN", "PROPN", "PUNCT", "VERB", "ADV", "PART", "CCONJ"}
_HYPHENS = {"-", "–", "—"}
# a mis-tagged noun ("procedures" as VBZ) still shows its role in the parse
_NOMINAL_DEPS = {"dobj", "nsubj", "nsubjpass", "pobj", "attr", "appos", "conj", "ROOT"}
_QUOTES = "\"“”"
_PLURAL_ACRONYM = re.compile(r"^[A-Z][A-Z&]*[A-Z]s$")


@dataclass
class _Core:
    """A number as written, before its counted noun is known."""

    start: int  # token indices, end exclusive
    end: int
    value: float
    step: float  # the place of the last significant digit, for hedges read as rounding
    vague: dict | None = None
    high_value: float | None = None  # the upper end of a range
    qualifier: str | None = None
    qualifier_start: int | None = None


@dataclass
class _Found:
    core: _Core
    unit_start: int
    unit_end: int
    head: str
    text_end: int  # token index, end exclusive
    head_token: Token | None
    inherited: _Found | None = None
    count: Count | None = None
    locus: str | None = None
    parts: list = field(default_factory=list)


def _number_value(text: str, words: dict, scales: dict) -> float | None:
    lower = text.lower()
    if _DIGITS.match(text):
        return float(text.replace(",", ""))
    if lower in words:
        return float(words[lower])
    if lower in scales:
        return float(scales[lower])
    return None


def _int_if_whole(x: float) -> float | int:
    return int(x) if float(x).is_integer() else x


def _step_of(text: str, scale: float = 1.0) -> float:
    """10**k for the last significant digit of a written number: "450" -> 10, "1.2" -> 0.1."""
    digits = text.replace(",", "")
    if "." in digits:
        return scale * 10 ** -len(digits.split(".")[1])
    stripped = digits.rstrip("0")
    return scale * 10 ** (len(digits) - len(stripped)) if stripped else scale


class CountExtractor:
    def __init__(self, nlp: Language, words: dict | None = None):
        self.words = words if words is not None else load_json_asset(ASSET)
        w = self.words
        self.number_words = w["number_words"]
        self.scale_words = w["scale_words"]
        self.vague = w["vague_quantities"]
        self.qualifiers = w["qualifiers"]
        self.excluded_units = set(w["excluded_unit_nouns"])
        self.time_compounds = set(w["time_unit_compounds"])
        self.phone_numbers = set(w["phone_numbers"])
        self.phone_context = set(w["phone_context"])
        self.phone_nouns = set(w["phone_nouns"])
        self.result_nouns = set(w["result_nouns"])
        self.range_connectors = set(w["range_connectors"])
        self.elliptic_cues = set(w["elliptic_cues"])
        self.breakdown_cues = w["breakdown_cues"]
        self.total_markers = w["total_markers"]
        self.place_preps = set(w["place_prepositions"])
        self.pronouns = set(w["pronoun_subjects"])
        self.head_group = {head: i for i, group in enumerate(w["compatible_heads"]) for head in group}
        self.fractions = w["fraction_prefixes"]
        self.non_count_words = set(w["non_count_number_words"])
        self.fraction_nouns = set(w["fraction_nouns"])
        self.invariant_plurals = set(w["invariant_plural_nouns"])
        self.hospital_nouns = set(w["described_hospital_nouns"])
        self.further_cues = w["further_cues"]
        self.more_cues = set(w["more_cues"])
        self.number_nouns = set(w["number_nouns"])
        self.number_participle_head = w["number_participle_head"]
        self.collective_heads = w["collective_heads"]
        self.reduction_heads = w["reduction_heads"]
        self.reduction_preps = set(w["reduction_preps"])
        self.vote_words = set(w["vote_words"])
        self.vote_sides = w["vote_sides"]
        self.vote_head = w["vote_head"]
        self.ellipsis_vetoes = set(w["ellipsis_vetoes"])
        self.age_words = set(w["age_words"])
        self.cross_sentence_cues = set(w["cross_sentence_cues"])
        self.street_words = set(w["street_words"])
        self.label_exceptions = set(w["label_exceptions"])
        self.proportion_bases = set(w["proportion_bases"])
        self.label_nouns = set(w["label_nouns"])
        self.change_verbs = set(w["change_verbs"])
        self.non_count_subjects = set(w["non_count_subjects"])
        self.strength_suffixes = set(w["strength_suffixes"])
        self.approximate_suffixes = set(w["approximate_suffixes"])
        self.rate_words = set(w["rate_words"])
        self.vague_noun_senses = set(w["vague_noun_senses"])
        # Matchers are built once: they are the only per-token work besides the parse itself.
        self.qualifier_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.qualifier_matcher.add("QUALIFIER", [nlp.make_doc(q) for q in self.qualifiers])
        self.vague_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.vague_matcher.add("VAGUE", [nlp.make_doc(q) for q in self.vague])
        self.fraction_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.fraction_matcher.add("FRACTION", [nlp.make_doc(q) for q in self.fractions if q != "a"])
        try:  # the entities component may expose a resolver; fall back to our own overlap test
            from newsfacts.entities import entity_for_span
        except ImportError:
            entity_for_span = None
        self.entity_for_span = entity_for_span

    # -- numbers -------------------------------------------------------------------------
    def _cores(self, doc: Doc) -> list[_Core]:
        cores: list[_Core] = []
        taken: set[int] = set()
        for _, start, end in sorted(self.vague_matcher(doc), key=lambda m: (m[1], -m[2])):
            if any(i in taken for i in range(start, end)):
                continue
            phrase = " ".join(doc[start:end].text.lower().split())
            if phrase in self.vague_noun_senses and start > 0 and (
                    doc[start - 1].pos_ in ("DET", "ADJ", "PRON") or doc[start - 1].tag_ == "PRP$"):
                continue  # "full scores of the test": the noun, not a quantity
            spec = self.vague[phrase]
            cores.append(_Core(start, end, spec["value"], 1, vague=spec))
            taken.update(range(start, end))
        fractions = {start: (end, doc[start:end].text.lower()) for _, start, end in self.fraction_matcher(doc)}
        i = 0
        n = len(doc)
        while i < n:
            if i in taken:
                i += 1
                continue
            core = self._number_run(doc, i, fractions)
            if core is None:
                i += 1
                continue
            if core.end < n and doc[core.end].text == "+" and not doc[core.end - 1].whitespace_:
                core.qualifier = "plus"  # "800+ students"
                core.end += 1
            elif core.end + 1 < n and doc[core.end].text in _HYPHENS and not doc[core.end - 1].whitespace_ \
                    and doc[core.end + 1].lower_ in self.approximate_suffixes:
                core.qualifier = doc[core.end + 1].lower_  # "60-ish events"
                core.end += 2
            cores.append(core)
            taken.update(range(core.start, core.end))
            i = core.end
        cores.sort(key=lambda c: c.start)
        for core in cores:  # "a dozen or so protesters"
            if core.end + 1 < n and doc[core.end].lower_ == "or" and doc[core.end + 1].lower_ == "so":
                if core.vague is None:
                    core.qualifier = "or so"
                core.end += 2
        return self._merge_ranges(doc, cores)

    def _number_run(self, doc: Doc, i: int, fractions: dict) -> _Core | None:
        tok = doc[i]
        scaled = _SCALED.match(tok.text)
        if scaled:
            mult = self.scale_words[scaled.group(2).lower()]
            return _Core(i, i + 1, float(scaled.group(1)) * mult, _step_of(scaled.group(1), mult))
        fraction = 1.0
        start = i
        if i in fractions:  # "a quarter of a million", "half a million"
            end, phrase = fractions[i]
            if end < len(doc) and doc[end].lower_ in self.scale_words and doc[end].lower_ != "hundred":
                fraction = self.fractions[" ".join(phrase.split())]
                i = end
            else:
                return None
        elif tok.lower_ == "a" and i + 1 < len(doc) and doc[i + 1].lower_ in ("hundred", "thousand", "million"):
            i += 1
        first = _number_value(doc[i].text, self.number_words, self.scale_words)
        if first is None:
            return None
        if doc[i].lower_ in self.scale_words and start == i:
            return None  # a bare "million" or "m" is not a number by itself
        # Word and digit runs: "two hundred and fifty", "twenty-one", "1.2 million".
        total, current = 0.0, first
        step_text = doc[i].text
        j = i + 1
        last_scale = 1.0 if doc[i].lower_ not in self.scale_words else current
        while j < len(doc):
            t = doc[j]
            lower = t.lower_
            if lower in self.scale_words and not _DIGITS.match(t.text) and lower not in ("k",):
                if lower in ("m", "bn", "mn") and t.whitespace_ == "" and j > i:
                    pass
                scale = self.scale_words[lower]
                if scale == 100:
                    current *= 100
                else:
                    total += current * scale
                    current = 0.0
                last_scale = scale
                j += 1
                continue
            if lower in self.number_words and not _DIGITS.match(doc[j - 1].text):
                value = self.number_words[lower]
                prev = doc[j - 1].lower_
                if prev in self.number_words and self.number_words[prev] >= 20 and value < 10:
                    current += value
                    j += 1
                    continue
            if lower == "and" and j + 3 < len(doc) and doc[j + 1].lower_ == "a" and doc[j + 2].lower_ == "half" \
                    and doc[j + 3].lower_ in self.scale_words:  # "two and a half million"
                current += 0.5
                j += 3
                continue
            if (lower in _HYPHENS or lower == "and") and j + 1 < len(doc):
                nxt = doc[j + 1].lower_
                prev = doc[j - 1].lower_
                if lower in _HYPHENS and prev in self.number_words and nxt in self.number_words \
                        and self.number_words[prev] >= 20 and self.number_words[nxt] < 10:
                    current += self.number_words[nxt]
                    j += 2
                    continue
                if lower == "and" and prev in ("hundred", "thousand") and nxt in self.number_words:
                    current += self.number_words[nxt]
                    j += 2
                    continue
            break
        value = (total + current) * fraction
        step = _step_of(step_text, last_scale if last_scale > 1 else 1.0) if _DIGITS.match(step_text) else 1.0
        if fraction != 1.0:
            step = value
        return _Core(start, j, value, step)

    def _merge_ranges(self, doc: Doc, cores: list[_Core]) -> list[_Core]:
        merged: list[_Core] = []
        k = 0
        while k < len(cores):
            core = cores[k]
            nxt = cores[k + 1] if k + 1 < len(cores) else None
            if nxt and core.vague is None and nxt.vague is None and nxt.start == core.end + 1:
                link = doc[core.end].lower_
                between = core.start > 0 and doc[core.start - 1].lower_ == "between" and link == "and"
                change = core.start > 0 and doc[core.start - 1].lower_ == "from" and link == "to"
                if change or (link == "to" and nxt.value < core.value):  # "fell from 785 to 708": two counts
                    merged.append(core)
                    k += 1
                    continue
                vote = link in _HYPHENS and nxt.value < core.value and self._names_a_vote(doc[core.start].sent)
                if vote:  # "MPs voted 272-219": two counts of votes, not a score
                    merged.append(core)
                    k += 1
                    continue
                if link in self.range_connectors or between:
                    if nxt.value > core.value:
                        merged.append(_Core(core.start - 1 if between else core.start, nxt.end,
                                            core.value, core.step, high_value=nxt.value,
                                            qualifier="between" if between else None))
                    # "2-1", "3-3": scores and results, never counts
                    k += 2
                    continue
            merged.append(core)
            k += 1
        return merged

    # -- exclusions --------------------------------------------------------------------------
    def _excluded(self, doc: Doc, core: _Core, date_spans: list[tuple[int, int]], head: Token | None) -> bool:
        first, last = doc[core.start], doc[core.end - 1]
        if core.vague is None:
            if first.ent_type_ in ("MONEY", "PERCENT", "ORDINAL", "TIME") \
                    or last.ent_type_ in ("MONEY", "PERCENT", "ORDINAL"):
                return True
            if core.start > 0 and (doc[core.start - 1].is_currency or doc[core.start - 1].text in "£$€"):
                return True
            if first.text[:1] in "£$€":
                return True
        nxt = doc[core.end] if core.end < len(doc) else None
        if nxt is not None and (nxt.text in ("%",) or nxt.lower_ in ("per", "percent")):
            return True
        if nxt is not None and nxt.lower_ in ("v", "v.", "vs", "vs.", "versus") \
                or core.start > 1 and doc[core.start - 1].lower_ in ("v", "v.", "vs", "vs.", "versus") \
                and doc[core.start - 2].like_num:
            return True  # "a 2 v 2 debate": a format or score
        if core.start > 0 and doc[core.start - 1].lower_ == "per":
            return True  # the base of a rate: "seven doctors per 10,000 people"
        if core.high_value is not None and _YEARLIKE.match(first.text) and _YEARLIKE.match(last.text):
            return True  # "between 2015 and 2018"
        if core.end - core.start == 1 and core.vague is None:
            text = first.text
            if _YEARLIKE.match(text) and (first.ent_type_ == "DATE" or head is None
                                          or (nxt is not None and nxt.is_title)):
                return True  # "the 2002 Winter Olympics"
            if text in self.phone_numbers:
                prev = doc[core.start - 1].lower_ if core.start > 0 else ""
                if prev in self.phone_context or (nxt is not None and nxt.lower_ in self.phone_nouns):
                    return True
            if first.lower_ == "one" and nxt is not None and nxt.lower_ == "of":
                return True
        if core.vague is None and core.end - core.start == 1 and first.lower_ in self.non_count_words:
            return True
        # a capitalised number word inside a sentence, before a capitalised word: a name ("the Six Nations")
        if first.is_alpha and first.is_title and nxt is not None and nxt.is_title and core.start > first.sent.start \
                and not doc[core.start - 1].is_punct:
            return True
        if _in_url(doc, first):
            return True
        # labels: "Year 11 pupils", "Section 114 notice", "category one calls"
        if core.vague is None and (self._labelled(doc, core.start) or (
                self._label_list(doc, core.start) and not (nxt is not None and nxt.tag_ == "NNS"))):
            return True
        # adjectives: "eight-bed ward", "four-wheel drive", "two-thirds"
        if core.vague is None and core.high_value is None and nxt is not None and nxt.text in _HYPHENS \
                and not first.whitespace_ and core.end + 1 < len(doc) and doc[core.end + 1].is_alpha:
            return True
        # "one in five patients": a ratio
        if nxt is not None and nxt.lower_ == "in" and core.end + 1 < len(doc) and doc[core.end + 1].like_num \
                and not _YEARLIKE.match(doc[core.end + 1].text):  # "just 37 in 2019" is no ratio
            return True
        # "Eight out of 10 voters": a proportion
        if nxt is not None and nxt.lower_ == "out" and core.end + 2 < len(doc) and doc[core.end + 1].lower_ == "of" \
                and _number_value(doc[core.end + 2].text, self.number_words, self.scale_words) in self.proportion_bases:
            return True
        if core.start >= 3 and doc[core.start - 1].lower_ == "of" and doc[core.start - 2].lower_ == "out" \
                and _number_value(doc[core.start - 3].text, self.number_words, self.scale_words) is not None \
                and core.value in self.proportion_bases:
            return True
        if core.start >= 2 and doc[core.start - 1].lower_ == "in" and doc[core.start - 2].like_num \
                and doc[core.start - 2].lower_ not in ("hundred", "thousand", "million"):
            return True
        if head is not None and core.high_value is None and head.lower_ in self.result_nouns \
                and any(t.text in _HYPHENS for t in doc[core.end:head.i]):
            return True
        # a number claimed by the dates component counts only if its counted noun lies outside
        for s, e in date_spans:
            if first.idx < e and last.idx + len(last) > s:
                if head is None or head.idx < e or head.lower_ in self.excluded_units:
                    return True
        return False

    def _labelled(self, doc: Doc, start: int) -> bool:
        label = doc[start - 1] if start > 0 else None
        if label is not None and label.ent_type_ in ("GPE", "LOC") and start > 1 and doc[start - 2].lower_ == "in":
            return False  # "and in Scotland 53,000": a place, not a label
        if label is not None and label.lower_ in self.label_exceptions:
            return False  # "a record 1,180 students"
        if label is None or label.pos_ not in ("NOUN", "PROPN") or label.tag_ == "NNS" or not label.whitespace_:
            return False
        if label.is_title:
            return True
        if label.ent_type_ in ("DATE", "TIME") or label.lower_ in self.excluded_units:
            return False  # "Last year 185,000 people"
        if label.lower_ in self.label_nouns:
            return True
        k = start  # "take into account 21 aspects": a plural noun after the number makes it a count
        while k < len(doc) and (doc[k].like_num or doc[k].lower_ in self.number_words
                                or doc[k].lower_ in self.scale_words):
            k += 1
        while k < len(doc) and doc[k].pos_ == "ADJ":
            k += 1
        return not (k < len(doc) and doc[k].tag_ == "NNS")

    def _label_list(self, doc: Doc, start: int, depth: int = 0) -> bool:
        """"Year One, Two, and Four": numbers listed after a labelled number are labels too."""
        k = start - 1
        while k >= 0 and doc[k].lower_ in (",", "and", "or", "&"):
            k -= 1
        if k == start - 1 or k < 1 or depth > 6:
            return False
        if not (_DIGITS.match(doc[k].text) or doc[k].lower_ in self.number_words):
            return False
        return self._labelled(doc, k) or self._label_list(doc, k, depth + 1)

    def _time_unit_modifier(self, doc: Doc, core: _Core, head: Token) -> bool:
        """"72-hour walkout", "a 34-year-old man", "24 hour strike": the number measures time."""
        j = core.end
        if j < len(doc) and doc[j].text in _HYPHENS:
            j += 1
        if j >= len(doc) or j > head.i:
            return False
        word = doc[j]
        if word.lower_ not in self.excluded_units:
            return False
        pair = f"{word.lower_} {doc[j + 1].lower_}" if j + 1 < len(doc) else ""
        return pair not in self.time_compounds

    # -- the counted noun ------------------------------------------------------------------
    def _counted(self, doc: Doc, core: _Core) -> tuple[int, int, Token, int] | None:
        """(unit start, unit end, head token, text end) or None when nothing is counted."""
        j = core.end
        if core.vague is not None and doc[core.end - 1].lower_ == "of":
            if j < len(doc) and doc[j].lower_ == "others":
                return j, j + 1, doc[j], j + 1  # "hundreds of others": elided, see _find
            return self._noun_phrase_from(doc, j)
        if j < len(doc) and doc[j].lower_ == "of":
            return self._noun_phrase_from(doc, j + 1)
        if j + 1 < len(doc) and doc[j].lower_ == "out" and doc[j + 1].lower_ == "of":  # "four out of five"
            return self._noun_phrase_from(doc, j + 2)
        head = None
        for t in doc[core.start:core.end]:
            h = t.head
            if h.i >= core.end and (h.pos_ == "NOUN" or h.tag_ == "NNPS" or h.dep_ == "compound") \
                    and t.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "dep"):
                head = h
                break
        if head is not None:
            while head.dep_ == "compound" and head.head.i > head.i and (
                    head.head.pos_ in ("NOUN", "PROPN") or head.head.dep_ in _NOMINAL_DEPS):
                head = head.head
            between = doc[core.end:head.i]
            # "two 15-year-old boys": a hyphenated age or size inside the noun phrase
            if all((t.pos_ in _NP_MODIFIER_POS or t.like_num and t.i + 1 < len(doc) and doc[t.i + 1].text in _HYPHENS)
                   and t.text not in ",;:" and t.lower_ not in ("and", "or")
                   for t in between) and head.i - core.end <= 6:
                return core.end, head.i + 1, head, head.i + 1
        return self._surface_noun_phrase(doc, core.end)

    def _surface_noun_phrase(self, doc: Doc, j: int) -> tuple[int, int, Token, int] | None:
        k = j
        last_noun = None
        while k < len(doc) and k - j < 8:
            t = doc[k]
            # "87 planned operations": a verb form before any noun is a modifier
            nxt_noun = last_noun is None and k + 1 < len(doc) and doc[k + 1].pos_ == "NOUN"
            if last_noun is not None and t.tag_ in ("VBG", "VBN", "VBD"):
                break  # "1.7m people needing care": the participle starts a post-modifier
            if t.pos_ == "NUM" and last_noun is None and k > j and not t.like_num \
                    and re.search(r"[A-Za-z]", t.text) and re.search(r"\d", t.text):
                k += 1  # a model name: "50 of its forthcoming 7E7 planes"
                continue
            if t.pos_ not in ("NOUN", "PROPN") and _PLURAL_ACRONYM.match(t.text):
                last_noun = t  # "four of the nine A&Es", tagged as a foreign word
                k += 1
                continue
            if t.pos_ == "PROPN" and last_noun is not None and last_noun.tag_ == "NNS":
                break  # "six of the sectors Imperial is below": a new subject starts
            if t.pos_ in ("NOUN", "PROPN") or (t.pos_ in ("ADJ", "VERB") and (
                    t.tag_ in ("JJ", "VBN", "VBG", "JJR") or nxt_noun)):
                if t.pos_ in ("NOUN", "PROPN"):
                    last_noun = t
                k += 1
                continue
            if t.text in _HYPHENS and last_noun is None and k > j:
                k += 1
                continue
            if t.text in _HYPHENS and last_noun is not None and not t.whitespace_ and not doc[k - 1].whitespace_ \
                    and k + 2 < len(doc) and doc[k + 1].is_alpha and doc[k + 2].pos_ == "NOUN":
                last_noun = None  # "hundreds of gown-wearing graduands"
                k += 1
                continue
            if t.like_num and k > j and doc[k - 1].pos_ == "NOUN":  # "category one calls"
                k += 1
                continue
            if t.pos_ == "CCONJ" and k > j and doc[k - 1].pos_ == "PROPN" and k + 1 < len(doc) \
                    and doc[k + 1].pos_ == "PROPN":  # "Unison and Unite members"
                k += 1
                continue
            if t.pos_ == "CCONJ" and k > j and doc[k - 1].tag_ == "NN" and k + 2 < len(doc) \
                    and doc[k + 1].pos_ == "NOUN" and doc[k + 2].pos_ == "NOUN":
                k += 1  # "300,000 council and housing association tenants": coordinated modifiers
                continue
            if t.pos_ == "CCONJ" and last_noun is None and k > j and doc[k - 1].pos_ == "ADJ" \
                    and k + 1 < len(doc) and doc[k + 1].pos_ in ("ADJ", "NOUN"):
                k += 1  # "900,000 military and civilian staff": coordinated adjectives
                continue
            break
        if last_noun is None or last_noun.pos_ != "NOUN" and last_noun.tag_ != "NNPS" \
                and not _PLURAL_ACRONYM.match(last_noun.text) \
                or last_noun.ent_type_ in ("PERSON", "GPE", "DATE", "TIME"):
            return None
        return j, last_noun.i + 1, last_noun, last_noun.i + 1

    def _noun_phrase_from(self, doc: Doc, j: int) -> tuple[int, int, Token, int] | None:
        """The phrase after "of": skip determiners and possessors ("the trust's junior doctors")."""
        k = j
        start = j
        while k < len(doc) and k - j < 8:
            t = doc[k]
            if t.pos_ == "DET" or t.tag_ in ("PRP$", "POS") or t.lower_ in ("'s", "’s") \
                    or (t.like_num and all(doc[x].pos_ == "ADJ" for x in range(start, k))):  # "their last 7 matches"
                start = k + 1
            elif t.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or t.tag_ in ("VBN",) or t.text in _HYPHENS \
                    or _PLURAL_ACRONYM.match(t.text):
                pass
            elif t.pos_ == "ADV" and k + 1 < len(doc) and doc[k + 1].pos_ == "ADJ" and start == k:
                start = k + 1  # "two of the most controversial sites"
            elif t.pos_ == "PRON":
                if k == start:  # "of them", "of those": no noun here
                    return None
                break  # "thousands of responses we received": a relative clause follows
            else:
                break
            k += 1
        found = self._surface_noun_phrase(doc, start)
        if found is None:
            return None
        _, unit_end, head, _ = found
        # keep "Unison and Unite members" whole: proper-noun coordination before the head
        return start, unit_end, head, unit_end

    def _strength(self, doc: Doc, core: _Core) -> _Found | None:
        """"a 19-strong panel": the number counts the members of the group named after it."""
        j = core.end
        if core.vague is not None or j + 2 >= len(doc) or doc[j].text not in _HYPHENS \
                or doc[j + 1].lower_ not in self.strength_suffixes:
            return None
        k = j + 2
        while k < len(doc) and k - j < 5 and doc[k].pos_ in ("ADJ", "NOUN", "PROPN"):
            # the last noun of the group, unless the next one is a verb read as a noun ("majority cut to 14")
            if doc[k].pos_ == "NOUN" and (k + 1 == len(doc) or doc[k + 1].pos_ != "NOUN"
                                         or k + 2 < len(doc) and doc[k + 2].lower_ in ("to", "by")):
                head = self.collective_heads.get(doc[k].lower_, _head_text(doc, doc[k]))
                return _Found(core, j + 2, k + 1, head, k + 1, doc[k])
            k += 1
        return None

    def _predicate(self, doc: Doc, core: _Core) -> _Found | None:
        """"31,500 were permanent patches": the number is the subject, the noun its predicate."""
        number = doc[core.end - 1]
        verb = number.head
        if number.dep_ != "nsubj" or verb.lemma_ != "be":
            return None
        for attr in verb.children:
            if attr.dep_ == "attr" and attr.pos_ == "NOUN" and attr.i > verb.i:
                start = attr.i
                while start > verb.i + 1 and (doc[start - 1].pos_ in ("ADJ", "NOUN")
                                              or doc[start - 1].tag_ in ("VBN", "JJ")
                                              or doc[start - 1].text in _HYPHENS):
                    start -= 1
                if attr.lower_ in self.excluded_units:
                    return None
                return _Found(core, start, attr.i + 1, _head_text(doc, attr), core.end, None)
        return None

    def _anaphoric(self, doc: Doc, core: _Core, previous: list[_Found]) -> _Found | None:
        """A number whose counted noun is elided: "around 8,900 of them", "17 of those arrested",
        "just 37 in 2019", "310 in adult care", "from 33 candidates to 72", "20 more", "a further
        28", "The 12 affected", "the number of civil servants rose to 520,000", "its workforce by
        1,920", "voted by 229 to 206" (see ellipsis_note in count_words.json)."""
        j = core.end
        of_at = j - 1 if core.vague is not None and doc[j - 1].lower_ == "of" else j
        if of_at + 1 < len(doc) and doc[of_at].lower_ == "of" \
                and doc[of_at + 1].lower_ in ("them", "those", "these", "others", "whom", "which"):
            p = of_at + 1
            if doc[p].lower_ == "those" and p + 1 < len(doc) and doc[p + 1].tag_ in ("VBN", "NNS", "NN"):
                head = doc[p + 1]
                return _Found(core, head.i, head.i + 1, head.text, head.i + 1, head)
            ante = self._antecedent(doc, core, previous, 1)
            if ante is not None:
                return _Found(core, ante.unit_start, ante.unit_end, ante.head, p + 1, None, inherited=ante)
            return None
        if core.vague is not None and not core.vague.get("bare"):
            return None
        if of_at + 1 < len(doc) and doc[of_at].lower_ == "of" and doc[of_at + 1].pos_ == "PRON":
            return None  # "the two of us", "1,063 of you": people, with no count to lend a noun
        start = core.qualifier_start if core.qualifier_start is not None else core.start
        if start > 0 and doc[start - 1].lower_ in self.ellipsis_vetoes \
                or any(t.lower_ in self.age_words for t in doc[max(doc[start].sent.start, start - 8):start]):
            return None  # "aged 58", "the pension age to 65"
        if start > 1 and doc[start - 1].text in ",(" and doc[start - 2].pos_ == "PROPN" \
                and (j == len(doc) or doc[j].text in ",)"):
            return None  # "Stephen Illingworth, 58, said": an age
        nxt = doc[j] if j < len(doc) else None
        more = nxt is not None and nxt.lower_ in self.more_cues
        before = doc[max(0, start - 2):start].text.lower()
        further = any(before == cue or before.endswith(" " + cue) for cue in self.further_cues)
        if more or further:  # "the option to buy 20 more", "a further 28"
            ante = self._antecedent(doc, core, previous, 2)
            if ante is not None:
                return _Found(core, ante.unit_start, ante.unit_end, ante.head, j + 1 if more else j, None,
                              inherited=ante)
        if start > 0 and doc[start - 1].lower_ == "the" and core.vague is None:
            same = [f for f in previous if f.core.value == core.value and f.core.vague is None]
            if same:  # "The 12 affected by the ruling", after "12 men"
                ante = same[-1]
                return _Found(core, ante.unit_start, ante.unit_end, ante.head, j, None, inherited=ante)
        if nxt is not None and nxt.lower_ in self.excluded_units:
            return None  # "between 22 and 24 weeks"
        text_end = j
        if nxt is not None and nxt.pos_ == "ADJ" and (j + 1 == len(doc) or doc[j + 1].is_punct
                                                      or doc[j + 1].pos_ == "CCONJ"):
            text_end = j + 1  # "there are 27 unfilled,": a predicative adjective
        elif nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") and nxt.ent_type_ != "DATE":
            return None
        if j + 1 < len(doc) and doc[j].lower_ in self.rate_words \
                and doc[j + 1].lower_ in self.excluded_units:
            return None  # "its A&E sees 300 a day": a flow, not the stock counted before
        side = self._vote_head(doc, core, start)
        if side is not None:  # "13 for, 9 against, 6 abstentions": votes before any parallel count
            return _Found(core, side[1], side[2], side[0], text_end, None)
        colon = self._colon_head(doc, start)
        if colon is not None:  # "doctors: 1,100; nurses: 3,400": each item names its own noun
            return _Found(core, colon[1], colon[2], colon[0], text_end, None)
        found = self._parallel(doc, core, previous, text_end)
        if found is not None:
            return found
        head = self._number_of_head(doc, start) \
            or self._collective_head(doc, start) or self._subject_head(doc, core)
        if head is None:
            return self._previous_sentence(doc, core, start, previous, text_end)
        head_text, unit_start, unit_end = head
        return _Found(core, unit_start, unit_end, head_text, text_end, None)

    def _previous_sentence(self, doc: Doc, core: _Core, start: int, previous: list[_Found],
                           text_end: int) -> _Found | None:
        """"The rise, from 189,000 last year", "In Wales it was just over 59,000": a bare number
        after a change preposition, or the predicate of "it was", with no count before it in its
        sentence, takes the noun of the last count of the sentence before."""
        ante = self._antecedent(doc, core, previous, 1)
        if ante is None or doc[ante.core.start].sent.start == doc[core.start].sent.start or core.vague is not None:
            return None
        prev = doc[start - 1] if start > 0 else None
        number = doc[core.end - 1]
        it_was = number.dep_ == "attr" and number.head.lemma_ == "be" and any(
            c.dep_ == "nsubj" and c.lower_ in ("it", "they", "this") for c in number.head.children)
        if not it_was and (prev is None or prev.lower_ not in self.cross_sentence_cues):
            return None
        if core.end + 1 < len(doc) and doc[core.end].lower_ in ("to", "and", "or") \
                and any(t.like_num for t in doc[core.end + 1:core.end + 4]):
            return None  # "from 155,000 to 110,000 staff": the next count lends its noun
        return _Found(core, ante.unit_start, ante.unit_end, ante.head, text_end, None, inherited=ante)

    def _antecedent(self, doc: Doc, core: _Core, previous: list[_Found], back: int) -> _Found | None:
        """The last count before `core` in its sentence or the `back` sentences before it."""
        if not previous:
            return None
        ante = previous[-1]
        sent = doc[core.start].sent
        first = sent.start
        for _ in range(back):
            if first == 0:
                break
            first = doc[first - 1].sent.start
        return ante if ante.core.start >= first else None

    def _parallel(self, doc: Doc, core: _Core, previous: list[_Found], text_end: int) -> _Found | None:
        """The previous count of the sentence, with a cue between ("Unison's 800,000 workers,
        the GMB's 70,000", "from 33 candidates to 72") or the number as the subject of a verb."""
        if not previous or core.vague is not None and not core.vague.get("bare"):
            return None
        ante = previous[-1]
        if doc[core.start].sent.start != doc[ante.core.start].sent.start:
            return None
        gap = doc[ante.text_end:core.start]
        number = doc[core.end - 1]
        subject = number.dep_ in ("nsubj", "nsubjpass") and number.head.pos_ in ("VERB", "AUX") \
            and number.head.i > number.i and number.head.lemma_ != "be"
        if not subject and not any(t.lower_ in self.elliptic_cues or t.text in self.elliptic_cues for t in gap) \
                and not (ante.inherited is not None and ante.core.start > 0):
            return None
        return _Found(core, ante.unit_start, ante.unit_end, ante.head, text_end, None, inherited=ante)

    def _names_a_vote(self, sent: Span) -> bool:
        return any(t.lower_ in self.vote_words for t in sent)

    def _vote_head(self, doc: Doc, core: _Core, start: int) -> tuple[str, int, int] | None:
        """"voted by 229 to 206", "304 for, 225 against": votes, in a sentence about a vote."""
        sent = doc[core.start].sent
        if not self._names_a_vote(sent) and not {"for", "against"} <= {
                t.lower_ for t in sent if t.i > sent.start and doc[t.i - 1].like_num}:
            return None  # a vote is named, or "N for ... M against" is written
        after = doc[core.end:min(len(doc), core.end + 2)].text.lower()
        side = any(after == s or after.startswith(s + " ") or after.startswith(s + ",") for s in self.vote_sides)
        by_to = core.end + 1 < len(doc) and (doc[core.end].lower_ == "to" or doc[core.end].text in _HYPHENS) \
            and doc[core.end + 1].like_num  # "voted by 229 to 206", "voted 272-219"
        second = start > 1 and (doc[start - 1].lower_ == "to" or doc[start - 1].text in _HYPHENS) \
            and doc[start - 2].like_num
        if side or by_to or second:
            return self.vote_head, core.end, core.end
        return None

    def _number_of_head(self, doc: Doc, start: int) -> tuple[str, int, int] | None:
        """"The number of civil servants rose to more than 520,000", "the number waiting ... fell
        from 7,613": the noun of "the number of X" in the sentence or the one before."""
        sent = doc[start].sent
        spans = [doc[sent.start:start]]
        if sent.start > 0:
            spans.insert(0, doc[doc[sent.start - 1].sent.start:sent.start])
        for span in reversed(spans):
            for t in reversed(list(span)):
                if t.lower_ not in self.number_nouns or t.i == 0 or t.i + 1 >= len(doc):
                    continue
                d = t.i - 1
                while d > 0 and doc[d].pos_ == "ADJ" and t.i - d < 4:  # "the previous highest number of X"
                    d -= 1
                det = doc[d]
                if det.lower_ not in ("the", "its", "their", "our", "his", "her") and det.tag_ != "POS":
                    continue
                after = doc[t.i + 1]
                if after.lower_ == "of":
                    phrase = self._noun_phrase_from(doc, t.i + 2)
                    if phrase is not None:
                        unit_start, unit_end, head, _ = phrase
                        return _head_text(doc, head), unit_start, unit_end
                elif after.tag_ in ("VBG", "VBN") and t.i + 1 < start:
                    return self.number_participle_head, t.i, t.i + 1
        return None

    def _subject_head(self, doc: Doc, core: _Core) -> tuple[str, int, int] | None:
        """"Admissions rose to 5,400", "Redundancies totalled 1,200": the plural subject of a
        change verb."""
        node = doc[core.end - 1]
        if node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.lower_ in ("to", "at", "by", "from"):
            node = node.head
        elif node.dep_ not in ("dobj", "attr", "npadvmod", "nummod"):
            return None
        verb = node.head
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in self.change_verbs:
            return None
        for child in verb.children:
            if child.dep_ != "nsubj" or child.pos_ != "NOUN":
                continue
            if child.tag_ == "NNS" and child.lower_ not in self.non_count_subjects \
                    and child.lower_ not in self.excluded_units:
                return _head_text(doc, child), child.i, child.i + 1
            noun = doc[child.i - 1] if child.i > 0 else child
            if child.lower_ in self.number_nouns and noun.dep_ == "compound" and noun.head.i == child.i \
                    and noun.pos_ in ("NOUN", "PROPN") and not noun.ent_type_:
                # "police numbers fell by 1,132"; a capital opening the sentence is no name
                text = noun.lower_ if noun.is_sent_start else _head_text(doc, noun)
                return text, noun.i, noun.i + 1
        return None

    def _colon_head(self, doc: Doc, start: int) -> tuple[str, int, int] | None:
        """"nurses: 3,400", "Jobs lost: 2,000 in Wales": a list item or heading before a colon."""
        if start < 2 or doc[start - 1].text != ":":
            return None
        for t in reversed(doc[max(0, start - 4):start - 1]):
            if t.text in ":;,|" or t.is_sent_start and t.i < start - 4:
                break
            if t.pos_ == "NOUN" and t.tag_ == "NNS" and t.lower_ not in self.non_count_subjects \
                    and t.lower_ not in self.excluded_units:
                return _head_text(doc, t), t.i, t.i + 1
        return None

    def _collective_head(self, doc: Doc, start: int) -> tuple[str, int, int] | None:
        """"reduce its workforce by 1,920" (jobs), "a population of 70,000" (people)."""
        if start == 0:
            return None
        prep = doc[start - 1].lower_
        if prep not in self.reduction_preps and prep != "of":
            return None
        if start > 2 and doc[start - 2].lower_ in self.number_nouns and doc[start - 3].pos_ == "NOUN":
            noun = doc[start - 3]  # "boost police numbers by 10,000", "staff numbers by around 150"
            return _head_text(doc, noun), noun.i, noun.i + 1
        for t in reversed(doc[max(doc[start].sent.start, start - 6):start - 1]):
            noun = t.lower_
            if prep in self.reduction_preps and noun in self.reduction_heads:
                return self.reduction_heads[noun], t.i, t.i + 1
            if prep == "of" and noun in self.collective_heads and t.i == start - 2:
                return self.collective_heads[noun], t.i, t.i + 1
        return None

    # -- links -------------------------------------------------------------------------------
    def _resolve(self, doc: Doc, start: int, end: int, want: tuple[str, ...]) -> tuple[str, str] | None:
        if start >= end:
            return None
        if self.entity_for_span is not None:
            try:
                found = self.entity_for_span(doc, start, end)
            except Exception:  # a resolver bug must not lose the counts
                found = None
            if found and found[0] in want:
                return found
        pools = []
        if "organisation" in want:
            pools.append(("organisation", doc._.organisations or []))
        if "place" in want:
            pools.append(("place", doc._.places or []))
        for kind, pool in pools:
            for entity in pool:
                for mention in entity.mentions:
                    if mention.start < end and mention.end > start:
                        return kind, entity.id
        return None

    def _subject_org(self, doc: Doc, token: Token, sentence_orgs: dict, exclude: tuple[int, int]) -> str | None:
        node = token
        seen = 0
        while seen < 12:
            seen += 1
            for child in node.children:
                inside = child.left_edge.i <= exclude[0] <= child.right_edge.i
                if child.dep_ in ("nsubj", "nsubjpass") and not inside:
                    if child.lower_ in self.pronouns or child.pos_ == "PRON":
                        if child.lower_ in ("this", "these", "that"):
                            continue
                        prior = self._previous_org(doc, child, sentence_orgs)
                        if prior:
                            return prior
                        continue
                    span = doc[child.left_edge.i:child.right_edge.i + 1]
                    head_end = doc[child.i].idx + len(doc[child.i])
                    hit = self._resolve(doc, doc[child.left_edge.i].idx, head_end, ("organisation",)) \
                        or self._resolve(doc, span.start_char, span.end_char, ("organisation",))
                    if hit:
                        return hit[1]
            if node.head.i == node.i:
                break
            node = node.head
        return None

    def _previous_org(self, doc: Doc, pronoun: Token, sentence_orgs: dict) -> str | None:
        sent = pronoun.sent
        # earlier in the same sentence ("The trust ... said it had cancelled"), then earlier ones
        head = pronoun.head
        while head.head.i != head.i:
            head = head.head
            for child in head.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.i < pronoun.i and child.pos_ != "PRON":
                    hit = self._resolve(doc, doc[child.left_edge.i].idx,
                                        doc[child.right_edge.i].idx + len(doc[child.right_edge.i]),
                                        ("organisation",))
                    if hit:
                        return hit[1]
        for start in sorted((s for s in sentence_orgs if s < sent.start), reverse=True)[:2]:
            if sentence_orgs[start]:
                return sentence_orgs[start]
        return None

    def _sentence_subject_org(self, doc: Doc, sent: Span) -> str | None:
        root = sent.root
        for child in root.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ != "PRON":
                hit = self._resolve(doc, doc[child.left_edge.i].idx,
                                    doc[child.right_edge.i].idx + len(doc[child.right_edge.i]), ("organisation",))
                if hit:
                    return hit[1]
        return None

    def _place_and_locus(self, doc: Doc, found: _Found) -> tuple[str | None, str | None, str | None]:
        """(place id, organisation id, locus text) from "across Notts", "at both Nottingham
        hospitals" or a place inside the counted phrase ("Nottinghamshire patients")."""
        unit = doc[found.unit_start:found.unit_end]
        hit = self._resolve(doc, unit.start_char, unit.end_char - len(doc[found.unit_end - 1]) - 1, ("place",)) \
            if found.unit_end - found.unit_start > 1 else None
        place = hit[1] if hit else None
        org = None
        locus = None
        anchor = found.head_token or doc[found.core.start]
        clause = anchor
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        for prep in clause.subtree:
            if prep.dep_ != "prep" or prep.lower_ not in self.place_preps or prep.i < found.core.start:
                continue
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            if not objs:
                continue
            span = doc[objs[0].left_edge.i:objs[0].right_edge.i + 1]
            resolved = self._resolve(doc, span.start_char, span.end_char, ("place", "organisation"))
            if org is None and objs[0].lower_ in self.hospital_nouns and (resolved is None or resolved[0] == "place"):
                org = _described_hospitals_operator(doc, span, objs[0], resolved[1] if resolved else None)
            if resolved and resolved[0] == "place" and place is None:
                place = resolved[1]
            elif resolved and resolved[0] == "organisation" and org is None:
                org = resolved[1]
            if locus is None and any(t.pos_ == "PROPN" for t in span):
                locus = span.text
        return place, org, locus

    # -- the component -----------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        doc._.counts = []
        doc._.consistency = []
        date_spans = [(d.start, d.end) for d in (doc._.dates or [])]
        found_all: list[_Found] = []
        pending: list[_Core] = []
        quals = {}
        for _, start, end in self.qualifier_matcher(doc):
            if end not in quals or start < quals[end][0]:
                quals[end] = (start, doc[start:end].text)
        for core in self._cores(doc):
            if core.start in quals and core.qualifier is None:
                core.qualifier_start, core.qualifier = quals[core.start]
            found, bare = self._find(doc, core, date_spans, found_all)
            if found is not None:
                found_all.append(found)
            elif bare:
                pending.append(core)
        found_all.extend(self._forward(doc, pending, found_all))
        found_all.sort(key=lambda f: f.core.start)
        counts = self._build(doc, found_all)
        doc._.counts = counts
        doc._.consistency = self._breakdowns(doc, found_all) + self._exact_breakdowns(doc, found_all) \
            + self._area_totals(doc, found_all)
        return doc

    @staticmethod
    def _forward(doc: Doc, pending: list[_Core], found_all: list[_Found]) -> list[_Found]:
        """"from 155,000 to 110,000 staff", "1,200 or 1,300 nurses": a bare number joined to the
        next count takes its counted noun."""
        added = []
        for core in pending:
            nxt = next((f for f in found_all if f.core.start >= core.end), None)
            if nxt is None or nxt.core.vague is not None:
                continue
            start = nxt.core.qualifier_start if nxt.core.qualifier_start is not None else nxt.core.start
            gap = doc[core.end:start]
            joins = [t for t in gap if t.lower_ in ("to", "and", "or", ",") or t.text in _HYPHENS]
            # "two white and five ethnic minority women": adjectives of the first number's own
            adjectives = [t for t in gap if t.pos_ == "ADJ"] if any(t.lower_ in ("and", "or") for t in joins) else []
            if 1 <= len(gap) <= 3 and joins and len(joins) + len(adjectives) == len(gap):
                added.append(_Found(core, nxt.unit_start, nxt.unit_end, nxt.head, core.end, None))
        return added

    def _find(self, doc: Doc, core: _Core, date_spans, previous: list[_Found]) -> tuple[_Found | None, bool]:
        """The count a number makes, if any; and whether it is bare (nothing counted after it,
        not excluded), so that, making no count, it may take the noun of the next (_forward).
        _counted and _excluded (without a head) are worked out once here for both."""
        strength = self._strength(doc, core)
        if strength is not None:
            return strength, False
        counted = self._counted(doc, core)
        more = core.end < len(doc) and doc[core.end].lower_ in self.more_cues and (
            core.end + 1 == len(doc) or doc[core.end + 1].pos_ not in ("NOUN", "PROPN", "ADJ", "NUM")
            and doc[core.end + 1].tag_ not in ("VBN", "VBG"))
        excluded = (more or counted is None) and self._excluded(doc, core, date_spans, None)
        bare = counted is None and not excluded
        if more and not excluded:
            found = self._anaphoric(doc, core, previous)  # "the option to buy 20 more"
            if found is not None or doc[core.end].lower_ != "others":
                return found, bare
        if counted is None:
            if excluded:
                return None, False
            return self._predicate(doc, core) or self._anaphoric(doc, core, previous), bare
        return self._find_counted(doc, core, date_spans, previous, counted), False

    def _find_counted(self, doc: Doc, core: _Core, date_spans, previous: list[_Found],
                      counted: tuple[int, int, Token, int]) -> _Found | None:
        """The count a number makes with the noun phrase _counted found after it."""
        unit_start, unit_end, head, text_end = counted
        if head.is_title and head.lower_ in self.street_words and head.i > core.end and doc[core.end].is_title:
            return None  # an address: "10 Princes Gardens"
        # a singular noun before another noun is a modifier: "day case procedures"
        while head.tag_ == "NN" and head.i + 2 < len(doc) and head.i + 1 - core.end < 6:
            if doc[head.i + 1].pos_ == "NOUN":
                head = doc[head.i + 1]
            elif doc[head.i + 1].like_num and doc[head.i + 2].pos_ == "NOUN":  # "category one calls"
                head = doc[head.i + 2]
            elif doc[head.i + 1].pos_ == "CCONJ" and doc[head.i + 2].pos_ in ("NOUN", "PROPN") \
                    and head.i + 3 < len(doc) and doc[head.i + 3].pos_ in ("NOUN", "PROPN"):
                k = head.i + 3  # "council and housing association tenants": coordinated modifiers
                while k + 1 < len(doc) and k - head.i < 6 and doc[k + 1].pos_ in ("NOUN", "PROPN"):
                    k += 1
                if doc[k].pos_ != "NOUN":
                    break
                head = doc[k]
            else:
                break
            unit_end = text_end = head.i + 1
        if head.lower_ in ("them", "those", "these"):
            return self._anaphoric(doc, core, previous)
        if head.lower_ == "others":  # "hundreds of others": the previous count's noun, else "others"
            found = self._anaphoric(doc, core, previous)
            if found is not None:
                return found
        if head.i + 2 < len(doc) and doc[head.i + 1].lower_ == "per" and (
                doc[head.i + 2].like_num or doc[head.i + 2].lower_ in self.scale_words):
            return None  # a rate: "eight people per thousand"
        if self._in_dates(head, date_spans) and not self._in_dates(doc[core.start], date_spans):
            # "down from 311,764 last month": the noun belongs to a date, the number stands alone
            return self._anaphoric(doc, core, previous)
        if self._not_counted_noun(core, head):
            return None
        if self._excluded(doc, core, date_spans, head):
            return None
        if head.lower_ in self.excluded_units or head.lemma_.lower() in self.excluded_units:
            return None
        if self._time_unit_modifier(doc, core, head):
            return None
        # coordination without its own number: "about 2,700 appointments and operations"
        for child in head.children:
            if child.dep_ == "conj" and child.i > head.i and child.pos_ == "NOUN" \
                    and not any(t.like_num or t.pos_ == "DET" for t in doc[head.i + 1:child.i + 1]) \
                    and child.i - head.i <= 4 and not any(t.text in ",;:" for t in doc[head.i + 1:child.i]) \
                    and not any(c.dep_ == "nummod" for c in child.children):
                unit_end = text_end = child.i + 1
        # an "of" complement belongs to the counted phrase: "19 counts of fraud", "members of Unite"
        if text_end == head.i + 1 and head.i + 2 < len(doc) and doc[head.i + 1].lower_ == "of" \
                and doc[head.i + 2].pos_ not in ("PRON", "NUM") and not doc[head.i + 2].like_num:
            complement = self._noun_phrase_from(doc, head.i + 2)
            if complement is None and doc[head.i + 2].pos_ == "PROPN":
                complement = (head.i + 2, head.i + 3, doc[head.i + 2], head.i + 3)
            if complement is not None:
                _, end, inner, _ = complement
                while end < len(doc) and doc[end].pos_ == "PROPN":
                    end += 1
                unit_end = text_end = end
        head_text = _head_text(doc, head)
        return _Found(core, unit_start, unit_end, head_text, text_end, head)

    @staticmethod
    def _in_dates(token: Token, date_spans) -> bool:
        return any(token.idx < e and token.idx + len(token) > s for s, e in date_spans)

    def _not_counted_noun(self, core: _Core, head: Token) -> bool:
        """Fractions ("two thirds"), and a number above one before a singular noun: a modifier
        ("the 169,000 figure", "a 400m race") or part of a name ("Three Gorges Dam")."""
        lower = head.lower_
        if lower in self.fraction_nouns:
            return True
        if core.vague is not None or core.value == 1 or lower in self.invariant_plurals:
            return False
        return head.tag_ in ("NN", "NNP") and not lower.endswith("s")

    def _bounds(self, core: _Core) -> tuple[float | None, float | None, bool]:
        value = core.value
        if core.vague is not None:
            return core.vague.get("low"), core.vague.get("high"), bool(core.vague.get("approximate", True))
        if core.high_value is not None:
            return value, core.high_value, True
        spec = self.qualifiers.get(" ".join((core.qualifier or "").lower().split()))
        if spec is None:
            return value, value, False
        bound = spec["bound"]
        unit = 1 if float(value).is_integer() else core.step
        if bound == "rounded":
            half = core.step / 2
            low = value - half
            high = value + half - unit if unit >= 1 else value + half
            return math.ceil(low) if unit >= 1 else low, high, True
        if bound == "exact":
            return value, value, bool(spec["approximate"])
        if bound == "low_strict":
            return value + unit, None, True
        if bound == "low":
            return value, None, True
        if bound == "high":
            return None, value, True
        if bound == "high_strict":
            return None, value - unit, True
        return None, None, bool(spec["approximate"])

    def _build(self, doc: Doc, found_all: list[_Found]) -> list[Count]:
        sentence_orgs: dict[int, str | None] = {}
        for sent in doc.sents:
            sentence_orgs[sent.start] = self._sentence_subject_org(doc, sent)
        counts = []
        for n, found in enumerate(found_all, start=1):
            core = found.core
            start_tok = core.qualifier_start if core.qualifier_start is not None else core.start
            start = doc[start_tok].idx
            last = doc[found.text_end - 1]
            end = last.idx + len(last)
            unit_span = doc[found.unit_start:found.unit_end]
            low, high, approximate = self._bounds(core)
            anchor = found.head_token or doc[core.start]
            org = self._subject_org(doc, anchor, sentence_orgs, (start_tok, found.text_end))
            place, pp_org, locus = self._place_and_locus(doc, found)
            org = org or pp_org
            if found.inherited is not None and found.inherited.count is not None:
                org = org or found.inherited.count.organisation
            qualifier = core.qualifier.lower() if core.qualifier else None
            if core.vague is not None:
                qualifier = doc[core.start:core.end].text.lower()
            found.locus = locus or org or place
            found.count = Count(
                id=f"c{n}", text=doc_text(doc)[start:end], start=start, end=end,
                value=_int_if_whole(core.value),
                low=None if low is None else _int_if_whole(low),
                high=None if high is None else _int_if_whole(high),
                approximate=approximate, qualifier=qualifier,
                unit=unit_span.text if found.inherited is None else found.inherited.count.unit,
                head=found.head, organisation=org, place=place, sentence=doc[core.start].sent.text.strip())
            counts.append(found.count)
        return counts

    # -- part_of and consistency -------------------------------------------------------------
    def _breakdowns(self, doc: Doc, found_all: list[_Found]) -> list[ConsistencyCheck]:
        checks = []
        cue_words = {c for c in self.breakdown_cues if " " not in c}
        i = 0
        while i < len(found_all):
            total = found_all[i]
            parts = []
            j = i + 1
            total_sent = doc[total.core.start].sent
            while j < len(found_all):
                cand = found_all[j]
                sent = doc[cand.core.start].sent
                gap = doc[total.text_end:cand.core.start]
                if not parts:
                    same = sent.start == total_sent.start
                    next_sent = sent.start == total_sent.end or (sent.start > total_sent.end and
                                                                 all(not s for s in [gap.text.strip() == ""]) and False)
                    if not (same or next_sent):
                        break
                    colon = same and (any(t.text in (":", "–", "—") for t in gap)
                                      or doc[max(0, total.core.start - 2):total.core.start].text.lower() == "of the")
                    cue = any(t.lower_ in cue_words for t in gap) or "of which" in gap.text.lower()
                    following = next_sent and (cue or ":" in gap.text)
                    if not ((same and (colon or cue)) or following):
                        break
                    if next_sent and any(f.core.start < cand.core.start and doc[f.core.start].sent.start == sent.start
                                         for f in found_all[i + 1:j]):
                        break
                else:
                    prev = parts[-1]
                    between = doc[prev.text_end:cand.core.start]
                    if doc[cand.core.start].sent.start != doc[prev.core.start].sent.start or \
                            len(between) > 8 or not any(t.text == "," or t.lower_ in ("and", "or") for t in between):
                        break
                parts.append(cand)
                j += 1
            if len(parts) >= 2 and total.core.vague is None and all(p.core.value < total.core.value for p in parts):
                for part in parts:
                    part.count.part_of = total.count.id
                    if part.count.organisation is None:
                        part.count.organisation = total.count.organisation
                total.parts = parts
                actual = sum(p.core.value for p in parts)
                low = total.count.low if total.count.low is not None else total.count.value
                high = total.count.high if total.count.high is not None else total.count.value
                ok = low <= actual <= high
                names = " + ".join(_fmt(p.core.value) for p in parts)
                note = (f"{names} = {_fmt(actual)}: the parts "
                        + ("add up to" if ok else "do not add up to")
                        + f" the whole, {total.count.text!r} ({_fmt(total.core.value)})")
                checks.append(ConsistencyCheck(kind="breakdown", counts=[total.count.id, *(p.count.id for p in parts)],
                                               expected=_int_if_whole(total.core.value), actual=_int_if_whole(actual),
                                               ok=ok, note=note))
                i = j
                continue
            i += 1
        return checks

    def _exact_breakdowns(self, doc: Doc, found_all: list[_Found]) -> list[ConsistencyCheck]:
        """"ABN Amro is to cut 2,850 jobs. [...] About 1,100 jobs will go in investment banking while
        1,200 and 550 will go in IT and human resources": the counts of the next sentence with
        counts (at most two on), all of the same noun and with no cue, are a breakdown only when
        they add up to the total exactly."""
        checks = []
        in_use = {id(f) for f in found_all if f.parts or (f.count is not None and f.count.part_of)}
        for i, total in enumerate(found_all):
            if id(total) in in_use or total.core.vague is not None or total.core.high_value is not None:
                continue
            sent = doc[total.core.start].sent
            parts = []
            for _ in range(2):  # the next sentence with counts, at most two sentences on
                if sent.end >= len(doc):
                    break
                sent = doc[sent.end].sent
                parts = [f for f in found_all[i + 1:] if doc[f.core.start].sent.start == sent.start]
                if parts:
                    break
            if len(parts) < 2 or any(id(f) in in_use or f.core.vague is not None or f.head != total.head
                                     for f in parts):
                continue
            actual = sum(f.core.value for f in parts)
            if actual != total.core.value:
                continue
            for part in parts:
                part.count.part_of = total.count.id
                in_use.add(id(part))
            total.parts = parts
            in_use.add(id(total))
            names = " + ".join(_fmt(p.core.value) for p in parts)
            checks.append(ConsistencyCheck(
                kind="breakdown", counts=[total.count.id, *(p.count.id for p in parts)],
                expected=_int_if_whole(total.core.value), actual=_int_if_whole(actual), ok=True,
                note=f"{names} = {_fmt(actual)}: the parts add up to the whole, {total.count.text!r} "
                     f"({_fmt(total.core.value)})"))
        return checks

    def _area_part(self, f: _Found, total: _Found, group: int) -> bool:
        """A count that can be one area's share of `total`: a definite or hedged figure (not a
        bound like "more than"), of a compatible head, for some organisation or place."""
        c = f.count
        if f is total or c.part_of is not None or f.core.vague is not None or f.locus is None:
            return False
        if f.core.qualifier is not None:
            spec = self.qualifiers.get(" ".join(f.core.qualifier.lower().split()))
            if spec is None or spec["bound"] not in ("rounded", "exact"):
                return False
        return (self.head_group.get(c.head.lower()) == group and c.value < total.count.value
                and c.sentence != total.count.sentence)

    def _area_totals(self, doc: Doc, found_all: list[_Found]) -> list[ConsistencyCheck]:
        checks = []
        markers = [m.lower() for m in self.total_markers]
        for total in found_all:
            c = total.count
            if not c.approximate or total.core.vague is not None or c.part_of or c.low is None or c.high is None:
                continue
            sentence = c.sentence.lower()
            if not any(re.search(rf"\b{re.escape(m)}\b", sentence) for m in markers):
                continue
            group = self.head_group.get(c.head.lower())
            if group is None:
                continue
            parts = [f for f in found_all if self._area_part(f, total, group)]
            loci = {}
            for f in parts:
                loci.setdefault(f.locus, f)  # one count per organisation or place: no double counting
            parts = list(loci.values())
            if len(parts) < 2:
                continue
            actual = sum(f.core.value for f in parts)
            ok = c.low <= actual <= c.high
            entity_names = {e.id: e.name for e in [*(doc._.organisations or []), *(doc._.places or [])]}
            names = " + ".join(f"{_fmt(f.core.value)} ({entity_names.get(f.locus, f.locus)})" for f in parts)
            note = (f"{names} = {_fmt(actual)}, " + ("consistent" if ok else "NOT consistent")
                    + f" with {c.text!r} read as {_fmt(c.low)}..{_fmt(c.high)}")
            checks.append(ConsistencyCheck(kind="total", counts=[c.id, *(f.count.id for f in parts)],
                                           expected=_int_if_whole(c.value), actual=_int_if_whole(actual), ok=ok,
                                           note=note))
        return checks


def _described_hospitals_operator(doc: Doc, span: Span, noun: Token, place_id: str | None) -> str | None:
    """"at both major Nottingham hospitals": hospitals described, not named. When every hospital of
    the article in that place (by the gazetteer's city or county, else by the place in its name)
    has the same operator, the count belongs to that operator. The place is a recognised place in
    the description, else its proper nouns ("both Leicester hospitals", where the entities took
    "Leicester" only as part of hospital names)."""
    place = next((p for p in doc._.places or [] if p.id == place_id), None) if place_id else None
    if place is not None:
        names = {_fold(place.name), *(_fold(m.text) for m in place.mentions)}
    else:
        names = {_fold(t.text) for t in span if t.pos_ == "PROPN" and t.i < noun.i}
    if not names:
        return None
    try:
        from newsfacts.gazetteer import Gazetteer
        gazetteer = Gazetteer.load()
    except Exception:  # no gazetteer: names alone decide
        gazetteer = None
    operators = set()
    for org in doc._.organisations or []:
        if org.kind != "hospital":
            continue
        site = gazetteer.by_ods(org.ods_code) if gazetteer is not None and org.ods_code else None
        if site is not None and getattr(site, "city", None) is not None:
            inside = _fold(site.city) in names or _fold(getattr(site, "county", None) or "") in names
        else:
            words = {w for n in (org.name, *org.aliases) for w in re.findall(r"[\w'’-]+", _fold(n))}
            inside = any(name in words for name in names)
        if inside:
            operators.add(org.operator)
    return operators.pop() if len(operators) == 1 and None not in operators else None


def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split())


def _in_url(doc: Doc, token: Token) -> bool:
    """A number inside a link target or address ("(http://.../2014-02-23-strikes)")."""
    text = doc_text(doc)
    start, end = token.idx, token.idx + len(token)
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    chunk = text[start:end]
    return "/" in chunk and ("://" in chunk or "www." in chunk or "](" in chunk or chunk.count("/") >= 2)


def _head_text(doc: Doc, head: Token) -> str:
    """The head noun as written, whole when hyphenated ("call-outs"), lower-cased unless proper."""
    start = head.i
    while start >= 2 and doc[start - 1].text in _HYPHENS and not doc[start - 1].whitespace_ \
            and not doc[start - 2].whitespace_ and (doc[start - 2].is_alpha or doc[start - 2].like_num):
        start -= 2  # "call-outs", "16-year-olds"
    text = doc[start:head.i + 1].text
    return text if head.pos_ == "PROPN" else text.lower()


def _fmt(x: float | int) -> str:
    x = _int_if_whole(x)
    return f"{x:,}" if isinstance(x, int) else f"{x:g}"


@Language.factory("newsfacts_counts")
def make_counts(nlp: Language, name: str) -> CountExtractor:
    return CountExtractor(nlp)
