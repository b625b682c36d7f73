"""The tokenizer settings for web copy, seen through the facts they make possible."""

from __future__ import annotations

import datetime as dt

from newsfacts.sources import Article

LINKED = ("[Priya Raman,](https://www.example.org/priya-raman/) the Labour MP for the area, said the "
          "consultation would close on [March 14](https://www.example.org/consultation-2019). "
          "The trust will publish its plans [next year](https://www.example.org/plans).\n")


def _record(extractor, text: str, published: dt.date):
    return extractor.extract(Article(text=text, published=published, format="markdown"))


def test_markdown_link_anchors_are_read_apart_from_their_addresses(extractor):
    record = _record(extractor, LINKED, dt.date(2019, 2, 1))
    assert "Priya Raman" in [p.name for p in record.people]
    values = {d.text: d.value for d in record.dates}
    assert values.get("March 14") == "2019-03-14" and values.get("next year") == "2020"
    for mention in [*record.dates, *(m for p in record.people for m in p.mentions)]:
        assert record.text[mention.start:mention.end] == mention.text


def test_a_cue_glued_to_the_opening_mark_is_still_a_cue(extractor):
    text = "Councillor Amir Shah said:“We cannot keep the library open on these figures.”\n"
    (quote,) = _record(extractor, text, dt.date(2019, 2, 1)).quotes
    assert quote.kind == "direct" and quote.speaker.name == "Amir Shah"
