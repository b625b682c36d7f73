"""The gated Matcher finds exactly what spaCy's Matcher finds with every pattern, over whole
articles and over the short stretches the date step runs it on."""

from __future__ import annotations

import pytest
from spacy.matcher import Matcher

from newsfacts.assets import load_json_asset
from newsfacts.dates import PATTERNS_ASSET, _expand_pattern
from newsfacts.matching import GatedMatcher

from .conftest import CORPUS


@pytest.fixture(scope="module")
def date_patterns():
    patterns = load_json_asset(PATTERNS_ASSET)
    return [(f"{entry['label']}_{n}", _expand_pattern(entry["pattern"], patterns["lists"]))
            for n, entry in enumerate(patterns["patterns"])]


@pytest.fixture(scope="module")
def corpus_docs(read):
    return [read(path.read_text(encoding="utf-8")) for path in sorted(CORPUS.glob("*.md"))
            if path.name != "README.md"]


def _plain_and_gated(vocab, patterns):
    plain, gated = Matcher(vocab), GatedMatcher(vocab)
    for key, pattern in patterns:
        plain.add(key, [pattern])
        gated.add(key, pattern)
    return plain, gated


def test_whole_articles_give_the_full_matchers_matches(nlp, date_patterns, corpus_docs):
    plain, gated = _plain_and_gated(nlp.vocab, date_patterns)
    found = 0
    for doc in corpus_docs:
        matcher = gated.matcher_for(doc)
        assert sorted(matcher(doc) if matcher else []) == sorted(plain(doc))
        found += len(plain(doc))
    assert found > 50


def test_short_stretches_give_the_full_matchers_matches(nlp, date_patterns, corpus_docs):
    plain, gated = _plain_and_gated(nlp.vocab, date_patterns)
    found = 0
    for doc in corpus_docs:
        stretches = [(start, min(start + 12, len(doc))) for start in range(0, len(doc), 6)]
        expected = sorted((key, start + first, start + last) for start, end in stretches
                          for key, first, last in plain(doc[start:end]))
        assert sorted(gated.matches_in(doc, stretches)) == expected
        found += len(expected)
    assert found > 50


def test_a_pattern_needing_no_word_runs_everywhere_and_one_needing_a_word_only_with_it(nlp, read):
    doc = read("The strike began on 3 March. It ended a fortnight later.")
    gated = GatedMatcher(nlp.vocab)
    gated.add("NUMBER", [{"LIKE_NUM": True}])
    gated.add("FORTNIGHT", [{"LOWER": "a", "OP": "?"}, {"LOWER": "fortnight"}])
    first, second = list(doc.sents)
    assert [nlp.vocab.strings[key] for key, _, _ in gated.matches_in(
        doc, [(first.start, first.end)])] == ["NUMBER"]
    assert sorted(doc[start:end].text for _, start, end in gated.matches_in(
        doc, [(second.start, second.end)])) == ["a fortnight", "fortnight"]
