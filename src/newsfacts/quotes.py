"""Quotes: not extracted yet; the component keeps the pipeline whole until it lands."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("newsfacts_quotes")
def make_quotes(nlp: Language, name: str):
    return _EmptyQuotes()


class _EmptyQuotes:
    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = []
        return doc
