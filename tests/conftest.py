"""Shared fixtures: the pipeline is built once per test session (it takes about a second)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
SEED = CORPUS / "nottingham-junior-doctors-strike.md"


@pytest.fixture(scope="session")
def extractor():
    from newsfacts import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def nlp(extractor):
    return extractor.nlp


@pytest.fixture(scope="session")
def seed_record(extractor):
    """The record of the seed article, read as the CLI reads it (front matter, 2016-01-12)."""
    from newsfacts import read_path

    (article,) = read_path(SEED)
    return extractor.extract(article)


@pytest.fixture(scope="session")
def read(nlp):
    """The Doc of a text, parsed once per session however many tests read it."""
    cache = {}

    def run(text):
        if text not in cache:
            cache[text] = nlp(text)
        return cache[text]

    return run
