"""The text of a Doc, built once: spaCy's `Doc.text` joins every token anew on each access, and
several components (and the record) read it."""

from __future__ import annotations

from spacy.tokens import Doc

_TEXT_KEY = ("newsfacts", "doc_text")


def doc_text(doc: Doc) -> str:
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text
