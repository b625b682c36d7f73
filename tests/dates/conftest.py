"""The dates tests run the product's pipeline with the date component its only fact component:
this `nlp` overrides the session-wide one (the whole Extractor) for every module in this folder."""

from __future__ import annotations

import pytest

from newsfacts.pipeline import COMPONENTS, build_pipeline


@pytest.fixture(scope="session")
def nlp():
    """Its tokenizer, a line break ending a sentence, and only the date component, built once."""
    pipeline = build_pipeline()
    for name in COMPONENTS:
        if name != "newsfacts_dates":
            pipeline.remove_pipe(name)
    return pipeline
