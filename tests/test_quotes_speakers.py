"""Quotes: who is speaking, in sentences written to show each rule (datelines, participles,
coordinated cues, phrases around the subject, cue-less quotes after a speech act)."""

from __future__ import annotations

from newsfacts.quotes import scan_quote_marks


def quotes_of(nlp, text, kind=None):
    doc = nlp(text)
    return [q for q in doc._.quotes if kind is None or q.kind == kind]


def test_dateline_is_not_the_speaker(nlp):
    text = ('LEEDS -- Councillor Mary Jones, opening the new ward on Monday, said it would '
            '"change lives for a generation".')
    (partial,) = quotes_of(nlp, text, "partial")
    assert partial.speaker is not None and partial.speaker.name == "Mary Jones"


def test_head_of_the_phrase_before_the_cue(nlp):
    text = 'Nurses marching through the city centre chanted "Fair pay now!" on Saturday.'
    (quote,) = quotes_of(nlp, text, "direct")
    assert quote.speaker.text == "Nurses"


def test_coordinated_cue_keeps_its_own_subject(nlp):
    text = ("Tom Baker, the union leader, said that the offer was poor, but he said that the "
            'latest talks "went better than expected" last week.')
    (partial,) = quotes_of(nlp, text, "partial")
    assert partial.speaker.text == "he"
    assert partial.speaker.name == "Tom Baker"


def test_participle_after_a_preposition_takes_the_passive_subject(nlp):
    text = 'After saying the ward was "simply too small," she was moved to another hospital.'
    (partial,) = quotes_of(nlp, text, "partial")
    assert partial.speaker is not None and partial.speaker.text == "she"


def test_spaced_closing_mark_after_a_nested_quote():
    text = "\"I have always disliked the phrase 'bed blocking,' \" he told the committee."
    (span,) = scan_quote_marks(text)
    assert text[span.start:span.end] == "I have always disliked the phrase 'bed blocking,'"
    assert text[span.close_end:].startswith(" he told")


def test_spaced_mark_opens_nothing():
    text = 'The sign said 6 " wide, and "Keep out" below.'
    assert [text[s.start:s.end] for s in scan_quote_marks(text)] == ["Keep out"]


def test_spaced_closing_mark_gives_the_speaker(nlp):
    text = ("Dr Paul Ward spoke to the committee.\n"
            "\"I have always disliked the phrase 'bed blocking,' \" he told the committee.")
    (quote,) = quotes_of(nlp, text, "direct")
    assert quote.speaker.text == "he" and quote.speaker.name == "Paul Ward"


def test_a_document_reads(nlp):
    text = '"We are proud of every nurse in this hospital," the letter reads.'
    (quote,) = quotes_of(nlp, text, "direct")
    assert quote.speaker is not None and quote.speaker.text == "the letter"


def test_cueless_quote_after_a_speech_act(nlp):
    text = ('"The car park is a disgrace," said Tom Baker.\n'
            'Amy Clark, a nurse at the hospital, praised the staff. "They were wonderful to my '
            'mother."')
    quotes = quotes_of(nlp, text, "direct")
    assert [q.speaker.name for q in quotes] == ["Tom Baker", "Amy Clark"]


def test_negated_cue_is_no_speech_act(nlp):
    text = ('"Talks will go on," said Tom Baker, the union leader.\n'
            'Mr Baker met the minister, Peter Long, on Monday. Mr Long did not suggest a strike. '
            '"We will keep talking until the trust listens to us."')
    last = quotes_of(nlp, text, "direct")[-1]
    assert last.speaker is not None and last.speaker.name == "Tom Baker"
