"""A spaCy Matcher that, for each document, runs only the patterns that can match in it.

The Matcher pays for every pattern at every token it is run on, and most of our patterns need
a word that few articles contain ("NHS", "Rescue", "fortnight"). A pattern can only match a
document that contains, for each of its required tokens (a token without an optional operator
that names an ORTH / TEXT / LOWER / LEMMA / SHAPE value or IN list), one of the values named.
`matcher_for(doc)` returns a Matcher with just the patterns whose required words all occur in the
document, in the order they were added; the matches it finds are the ones the full Matcher would.
One Matcher is kept per set of patterns in play (few sets occur over whole documents).
`matches_in(doc, stretches)` runs short stretches of a document instead, each with its own few
patterns in play, pattern by pattern.
"""

from __future__ import annotations

import re

from spacy.attrs import LEMMA, LOWER, ORTH, SHAPE
from spacy.matcher import Matcher
from spacy.tokens import Doc
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

    def _present(self, doc: Doc) -> list[list[int]]:
        """Each gate attribute's value at every token of `doc`, a column per attribute."""
        if not (self.attrs and len(doc)):
            return [[] for _ in self.attrs]
        columns = doc.to_array(self.attrs)
        if columns.ndim == 1:
            columns = columns.reshape(-1, 1)
        return [columns[:, k].tolist() for k in range(len(self.attrs))]

    def _active(self, present: list[set[int]]) -> tuple[int, ...]:
        """The numbers of the patterns whose required words all occur, in order."""
        candidates = set(self.ungated)
        for column, values in enumerate(present):
            for value in values:
                candidates.update(self.by_value.get((column, value), ()))
        return tuple(n for n in sorted(candidates)
                     if all(present[column] & values for column, values in self.gates[n]))

    def matches_in(self, doc: Doc, stretches: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
        """(match id, start, end) in `doc` of every match inside each stretch `[start, end)`.

        Each stretch runs only its patterns in play, each by its own Matcher: nearly every short
        stretch brings a set of its own, and a Matcher built per set would rarely be used twice.
        """
        columns = self._present(doc)
        matches = []
        for start, end in stretches:
            stretch = doc[start:end]
            for n in self._active([set(column[start:end]) for column in columns]):
                single = self.singles[n]
                if single is None:
                    key, pattern = self.entries[n]
                    single = self.singles[n] = Matcher(self.vocab)
                    single.add(key, [pattern])
                matches += [(match_id, start + first, start + last)
                            for match_id, first, last in single(stretch)]
        return matches

    def matcher_for(self, doc: Doc) -> Matcher | None:
        """The Matcher for this document, None when no pattern can match in it."""
        active = self._active([set(column) for column in self._present(doc)])
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
