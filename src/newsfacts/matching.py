"""A spaCy Matcher that, for each document, runs only the patterns that can match in it.

The Matcher pays for every pattern at every token it is run on, and most of our patterns need
a word that few articles contain ("NHS", "Rescue", "fortnight"). A pattern can only match a
document that contains, for each of its required tokens (a token without an optional operator
that names an ORTH / TEXT / LOWER / LEMMA / SHAPE value or IN list), one of the values named.
`matcher_for(doc)` returns a Matcher with just the patterns whose required words all occur in the
document, in the order they were added; the matches it finds are the ones the full Matcher would.
One Matcher is kept per set of patterns in play (few sets occur).
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

    def add(self, key: str, pattern: list[dict]) -> None:
        if self.validate:
            Matcher(self.vocab, validate=True).add(key, [pattern])
        gate = []
        for attr, values in _required_words(pattern):
            if _COLUMNS[attr] not in self.attrs:
                self.attrs.append(_COLUMNS[attr])
            gate.append((self.attrs.index(_COLUMNS[attr]), {self.vocab.strings.add(v) for v in values}))
        self.entries.append((key, pattern))
        self.gates.append(gate)
        self.matchers.clear()

    def matcher_for(self, doc: Doc) -> Matcher | None:
        """The Matcher for this document, None when no pattern can match in it."""
        if self.attrs and len(doc):
            columns = doc.to_array(self.attrs)
            if columns.ndim == 1:
                columns = columns.reshape(-1, 1)
            present = [set(columns[:, k].tolist()) for k in range(len(self.attrs))]
        else:
            present = [set() for _ in self.attrs]
        active = tuple(n for n, gate in enumerate(self.gates)
                       if all(present[column] & values for column, values in gate))
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
