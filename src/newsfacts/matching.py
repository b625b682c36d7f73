"""A spaCy Matcher that, for each document, runs only the patterns that can match in it.

The Matcher pays for every pattern at every token it is run on, and most of our patterns need
a word that few articles contain ("NHS", "Rescue", "fortnight"). A pattern can only match a
document that contains, for each of its required tokens (a token without an optional operator
that names an ORTH / TEXT / LOWER / LEMMA / SHAPE value or IN list), one of the values named.
`matcher_for(doc)` returns a Matcher with just the patterns whose required words all occur in the
document, in the order they were added; the matches it finds are the ones the full Matcher would.
One Matcher is kept per set of patterns in play (few sets occur over whole documents). Over a
short stretch of text, where nearly every stretch brings its own few patterns into play, calling
the GatedMatcher itself runs each of those patterns' own Matcher instead of building one per set.
"""

from __future__ import annotations

import re

from spacy.attrs import LEMMA, LOWER, ORTH, SHAPE
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

_COLUMNS = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER, "LEMMA": LEMMA, "SHAPE": SHAPE}
_AT_LEAST = re.compile(r"\{(\d+)(,\d*)?\}")


class GatedMatcher:
    cache_size = 512

    def __init__(self, vocab: Vocab, validate: bool = False):
        self.vocab = vocab
        self.validate = validate
        self.entries: list[tuple[str, list[dict]]] = []
        self.gates: list[list[tuple[int, set[int]]]] = []
        self.attrs: list[int] = []  # token attributes read from each document
        self.matchers: dict[tuple[int, ...], Matcher] = {}
        self.singles: list[Matcher | None] = []  # each pattern's own Matcher, built when first run
        # each pattern under the values of its first gate, or among those with no gate: only the
        # patterns these bring up are checked against all their gates
        self.by_value: dict[tuple[int, int], list[int]] = {}
        self.ungated: list[int] = []

    def add(self, key: str, pattern: list[dict]) -> None:
        if self.validate:
            Matcher(self.vocab, validate=True).add(key, [pattern])
        gate = []
        for attr, values in _required_words(pattern):
            if _COLUMNS[attr] not in self.attrs:
                self.attrs.append(_COLUMNS[attr])
            gate.append((self.attrs.index(_COLUMNS[attr]), {self.vocab.strings.add(v) for v in values}))
        number = len(self.entries)
        if gate:
            column, values = gate[0]
            for value in values:
                self.by_value.setdefault((column, value), []).append(number)
        else:
            self.ungated.append(number)
        self.entries.append((key, pattern))
        self.gates.append(gate)
        self.singles.append(None)
        self.matchers.clear()

    def active(self, doc: Doc | Span) -> tuple[int, ...]:
        """The numbers of the patterns whose required words all occur in `doc`, in order."""
        if self.attrs and len(doc):
            columns = doc.to_array(self.attrs)
            if columns.ndim == 1:
                columns = columns.reshape(-1, 1)
            present = [set(columns[:, k].tolist()) for k in range(len(self.attrs))]
        else:
            present = [set() for _ in self.attrs]
        candidates = set(self.ungated)
        for column, values in enumerate(present):
            for value in values:
                candidates.update(self.by_value.get((column, value), ()))
        return tuple(n for n in sorted(candidates)
                     if all(present[column] & values for column, values in self.gates[n]))

    def __call__(self, doc: Doc | Span) -> list[tuple[int, int, int]]:
        """(match id, start, end) of every match in a short stretch of text, pattern by pattern."""
        matches = []
        for n in self.active(doc):
            single = self.singles[n]
            if single is None:
                key, pattern = self.entries[n]
                single = self.singles[n] = Matcher(self.vocab)
                single.add(key, [pattern])
            matches += single(doc)
        return matches

    def matcher_for(self, doc: Doc | Span) -> Matcher | None:
        """The Matcher for this document, None when no pattern can match in it."""
        active = self.active(doc)
        if not active:
            return None
        matcher = self.matchers.get(active)
        if matcher is None:
            if len(self.matchers) >= self.cache_size:
                self.matchers.clear()
            matcher = self.matchers[active] = Matcher(self.vocab)
            for n in active:
                key, pattern = self.entries[n]
                matcher.add(key, [pattern])
        return matcher


def _required_words(pattern: list[dict]) -> list[tuple[str, list[str]]]:
    """(attribute, values of which one must occur) for every token the pattern cannot skip."""
    required = []
    for token in pattern:
        op = token.get("OP")
        at_least = _AT_LEAST.fullmatch(op or "")
        if not (op in (None, "+") or at_least and int(at_least.group(1)) > 0):
            continue
        for attr in _COLUMNS:
            value = token.get(attr)
            if isinstance(value, str):
                required.append((attr, [value]))
            elif isinstance(value, dict) and set(value) == {"IN"} and all(
                    isinstance(v, str) for v in value["IN"]):
                required.append((attr, list(value["IN"])))
    return required
