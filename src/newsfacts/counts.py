"""Counts: not extracted yet; the component keeps the pipeline whole until it lands."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("newsfacts_counts")
def make_counts(nlp: Language, name: str):
    return _EmptyCounts()


class _EmptyCounts:
    def __call__(self, doc: Doc) -> Doc:
        doc._.counts = []
        doc._.consistency = []
        return doc
