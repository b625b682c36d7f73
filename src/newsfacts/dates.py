"""Dates: not extracted yet; the component keeps the pipeline whole until it lands."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("newsfacts_dates")
def make_dates(nlp: Language, name: str):
    return _EmptyDates()


class _EmptyDates:
    def __call__(self, doc: Doc) -> Doc:
        doc._.dates = []
        return doc
