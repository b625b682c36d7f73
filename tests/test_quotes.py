"""Quotes: the seed article's direct and reported speech, and sentences written for each style."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfacts.quotes import scan_quote_marks
from tests.conftest import CORPUS

SEED_GOLD = json.loads((CORPUS / "nottingham-junior-doctors-strike.facts.json").read_text())


def quotes_of(nlp, text, kind=None):
    """The quotes of a text (of one kind, if given), each checked against its offsets."""
    doc = nlp(text)
    for q in doc._.quotes:
        assert q.text == doc.text[q.start:q.end]
    return [q for q in doc._.quotes if kind is None or q.kind == kind]


def contents(text):
    return [text[s.start:s.end] for s in scan_quote_marks(text)]


def only(quotes, kind):
    return [q for q in quotes if q.kind == kind]


# -- the seed article -------------------------------------------------------------------------

def test_seed_direct_quotes_and_speakers(seed_record):
    direct = only(seed_record.quotes, "direct")
    assert len(direct) == len(SEED_GOLD["quotes"])
    for quote, gold in zip(direct, SEED_GOLD["quotes"], strict=True):
        assert quote.text.startswith(gold["starts"])
        assert quote.paragraphs == gold["paragraphs"]
        assert quote.speaker is not None and quote.speaker.name == gold["speaker"]
        assert quote.speaker.person or quote.speaker.organisation


def test_seed_pronoun_and_described_organisation(seed_record):
    direct = only(seed_record.quotes, "direct")
    nicky, trust, coaker, hunt = direct
    assert (nicky.speaker.text, nicky.cue) == ("She", "said:")
    assert nicky.text.endswith("as soon as possible.")
    assert (trust.speaker.text, trust.cue) == ("it", "said:")
    assert coaker.text.startswith("They [doctors] are") and coaker.cue == "saying:"
    assert (hunt.speaker.text, hunt.speaker.person) == ("He", next(
        p.id for p in seed_record.people if p.name == "Jeremy Hunt"))


def test_seed_reported_speech(seed_record):
    indirect = only(seed_record.quotes, "indirect")
    for gold in SEED_GOLD["indirect_quotes"]:
        match = [q for q in indirect if q.text.startswith(gold["starts"])]
        assert match, gold["starts"]
        assert match[0].cue == gold["cue"]
        assert match[0].speaker.name == gold["speaker"]
    assert "services had been able to cope" in [q.text for q in indirect]


# -- quotation marks ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ('He said: "We are ready." Then he left.', ["We are ready."]),
    ("He said: “We are ready.” Then he left.", ["We are ready."]),
    ("He said: ‘We are ready.’ Then he left.", ["We are ready."]),
    ("He said: 'We are ready.' Then he left.", ["We are ready."]),
    ("She said: ‘We don’t know the hospital’s plans or the Queen’s.’", [
        "We don’t know the hospital’s plans or the Queen’s."]),
    ("She said: 'We don't know the hospital's plans.'", ["We don't know the hospital's plans."]),
    ("She said: ‘The patients’ records are safe and so are the doctors’ rotas.’", [
        "The patients’ records are safe and so are the doctors’ rotas."]),
    ("He said: ‘They called it “a shambles” at the time.’", [
        "They called it “a shambles” at the time."]),
    ("Mr Cole said: ''It's more tinkering at the edges.''", ["It's more tinkering at the edges."]),
])
def test_quotation_styles_and_apostrophes(text, expected):
    assert contents(text) == expected


def test_multi_paragraph_quote_is_one_quote():
    text = ("She said: “The first paragraph goes on.\n“The second paragraph too.\n"
            "“The third one closes.”\nNext story.")
    (span,) = scan_quote_marks(text)
    assert span.paragraphs == 3
    assert text[span.start:span.end].startswith("The first paragraph")
    assert text[span.start:span.end].endswith("The third one closes.")


def test_unbalanced_mark_is_capped_at_the_paragraph():
    text = ("He said: “We will not stop until the end.\nThe council met on Monday.\n"
            "Ms Jones said: “It is over.”")
    found = contents(text)
    assert found == ["We will not stop until the end.", "It is over."]


def test_stray_closing_mark_loses_nothing():
    text = "The plan” was delayed.\nShe said: “We are sorry.”"
    assert contents(text) == ["We are sorry."]


# -- direct quotes, cues and speakers ----------------------------------------------------------

def test_split_quote_is_one_quote(nlp):
    text = "“We have done everything we can,” said Mr Patel, “and the doctors know it.”"
    (quote,) = only(quotes_of(nlp, text), "direct")
    assert quote.text.startswith("We have done") and quote.text.endswith("know it.")
    assert quote.speaker.text == "Mr Patel" and quote.cue == "said"


def test_trailing_cue_and_continuation(nlp):
    text = ("Sarah Jones, chief executive of the trust, spoke to reporters.\n"
            "“We are under huge pressure,” she said.\n"
            "“Our staff are working around the clock.”")
    first, second = only(quotes_of(nlp, text), "direct")
    assert first.cue == "said" and first.speaker.text == "she"
    assert first.speaker.name == "Sarah Jones"
    assert second.cue is None and second.speaker.name == "Sarah Jones"


def test_pronoun_follows_gender(nlp):
    text = ("Mr Brown met Ms Green at the town hall on Friday.\n"
            "She said: “The budget is too small for the city.”")
    (quote,) = only(quotes_of(nlp, text), "direct")
    assert quote.speaker.text == "She" and quote.speaker.name == "Ms Green" or \
        quote.speaker.name == "Green"


def test_organisation_speaker_and_statement(nlp):
    text = ("Derby City Council has closed the library.\n"
            "In a statement it said: “The building is not safe to use.”")
    (quote,) = only(quotes_of(nlp, text), "direct")
    assert quote.speaker.text == "it" and quote.speaker.organisation
    assert "Council" in quote.speaker.name


def test_brackets_and_ellipses_stay_in_the_quote(nlp):
    text = "Dr Ahmed said: “They [the nurses] are exhausted … and we need help.”"
    (quote,) = only(quotes_of(nlp, text), "direct")
    assert quote.text == "They [the nurses] are exhausted … and we need help."


# -- partial quotes and reported speech --------------------------------------------------------

def test_partial_quote_takes_the_sentence_speaker(nlp):
    text = "The union leader John Smith said the offer was “an insult to every nurse”."
    partial = only(quotes_of(nlp, text), "partial")
    assert [q.text for q in partial] == ["an insult to every nurse"]
    assert partial[0].speaker.text == "John Smith" and partial[0].cue == "said"


def test_scare_quotes_and_titles_are_not_quotes(nlp):
    text = "The “Fix Our Roads” campaign started in May.\nHe watched “Match of the Day” at home."
    assert quotes_of(nlp, text) == []


@pytest.mark.parametrize("text, cue, content", [
    ("The council said that the road would reopen in March.", "said",
     "the road would reopen in March"),
    ("The council says the road will reopen in March.", "says", "the road will reopen in March"),
    ("Mr Hughes told the BBC the road would reopen in March.", "told",
     "the road would reopen in March"),
    ("The company denied it had cut any jobs.", "denied", "it had cut any jobs"),
    ("Ms Patel warned that services would suffer.", "warned", "services would suffer"),
    ("The trust has confirmed that two wards will close.", "confirmed", "two wards will close"),
])
def test_reported_speech(nlp, text, cue, content):
    (quote,) = only(quotes_of(nlp, text), "indirect")
    assert (quote.cue, quote.text) == (cue, content)
    assert quote.speaker is not None


def test_according_to(nlp):
    text = "According to the police, three men were arrested in Leicester."
    (quote,) = only(quotes_of(nlp, text), "indirect")
    assert quote.cue == "According to" and quote.text == "three men were arrested in Leicester"
    assert quote.speaker.text == "the police"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab ’'\"“”‘\n.,", max_size=80))
def test_scanner_never_crosses_a_paragraph_unless_continued(text):
    for span in scan_quote_marks(text):
        assert 0 <= span.open_at < span.start <= span.end <= span.close_end <= len(text)
        if span.paragraphs == 1:
            assert "\n" not in text[span.start:span.end]
        else:
            assert text[span.start:span.end].count("\n") >= span.paragraphs - 1


# -- reported speech around partial quotes, trailing cues and described organisations ----------

def test_reported_clause_holding_a_partial_quote_is_also_indirect(nlp):
    text = ("Headteacher Anna Price said the new roof was “long overdue and a danger to every "
            "child in the building”.")
    quotes = quotes_of(nlp, text)
    (partial,) = only(quotes, "partial")
    (indirect,) = only(quotes, "indirect")
    assert partial.text.startswith("long overdue")
    assert indirect.text.startswith("the new roof was")
    assert indirect.speaker.text == "Anna Price" and indirect.cue == "said"


def test_reported_clause_that_opens_with_a_quote_is_not_indirect(nlp):
    text = "Mr Lowe said: “The depot will close in June.”"
    assert only(quotes_of(nlp, text), "indirect") == []


def test_cue_after_its_content(nlp):
    text = ("More than 900 people visited the clinic in its first month, "
            "Royal Derby Hospital said, including 40 children.")
    (quote,) = only(quotes_of(nlp, text), "indirect")
    assert quote.text.startswith("More than 900 people visited the clinic")
    assert "Royal Derby Hospital" in quote.speaker.text


def test_relative_clause_cue_starts_the_content_after_the_cue(nlp):
    text = ("Porters at the depot are striking over a rota, "
            "which the union says will cut their pay by a fifth.")
    (quote,) = only(quotes_of(nlp, text), "indirect")
    assert quote.text.startswith("will cut their pay")


def test_small_clause_is_not_reported_speech(nlp):
    text = "The company declared itself insolvent in May."
    assert only(quotes_of(nlp, text), "indirect") == []


def test_described_organisation_by_kind_and_modifier(nlp):
    text = ("Members of the Royal College of Nursing met Bassetlaw District Council officers "
            "and Nottinghamshire County Council staff on Monday.\n"
            "The union said the talks had been useful.\n"
            "The county council said a new offer would follow.")
    indirect = only(quotes_of(nlp, text), "indirect")
    speakers = {q.text.split()[0]: q.speaker.name for q in indirect}
    assert speakers["the"] == "Royal College of Nursing"
    assert speakers["a"] == "Nottinghamshire County Council"


def test_named_official_beats_the_organisation_in_the_description(nlp):
    text = ("The BMA’s chair for the northern region, Peter Walsh, told reporters the "
            "ballot would open next week.")
    (quote,) = only(quotes_of(nlp, text), "indirect")
    assert quote.speaker.name in ("Peter Walsh", "Walsh")


def test_figures_speak_for_the_body_that_released_them(nlp):
    text = ("Bus use in Norfolk rose by a fifth last year, according to figures published by "
            "Norfolk County Council.")
    (quote,) = only(quotes_of(nlp, text), "indirect")
    assert quote.speaker.name == "Norfolk County Council"


def test_partial_quote_inside_reported_speech_goes_to_the_outer_speaker(nlp):
    text = ("A Home Office spokesman said officials were surprised the union had timed the walkout "
            "“to cause maximum disruption”.")
    (partial,) = only(quotes_of(nlp, text), "partial")
    assert "Home Office" in (partial.speaker.name or partial.speaker.text)


def test_subject_before_a_parenthesis(nlp):
    text = ("Dr Sunita Rao, on her second visit to the ward since it reopened in the spring, "
            "admitted “real problems” with staffing.")
    (partial,) = only(quotes_of(nlp, text), "partial")
    assert partial.speaker is not None and "Rao" in (partial.speaker.name or "")


def test_unclosed_quote_ends_before_the_narration_after_it():
    text = ('Ms Lane said: "Closing the ward would be wrong, and \'sorry\' is not enough. She said '
            'the trust had to listen to patients. "We will keep fighting for it," she said.')
    assert contents(text) == [
        "Closing the ward would be wrong, and 'sorry' is not enough.",
        "We will keep fighting for it,"]


def test_run_on_paragraphs_of_one_quote_still_go_on():
    text = ('Ms Lane said: "Closing the ward would be wrong. We have said so for months. "We will '
            'keep fighting for it."')
    assert contents(text) == [
        'Closing the ward would be wrong. We have said so for months. "We will keep fighting '
        'for it.']


def test_whole_sentence_after_a_speech_verb_is_direct(nlp):
    text = ("In the letter, Dr Ann Cole said “we have heard from many parents about the fees and "
            "we will answer them in due course.”")
    (quote,) = quotes_of(nlp, text)
    assert quote.kind == "direct" and quote.speaker.name == "Ann Cole"


def test_quoted_clause_the_narration_goes_on_from_stays_partial(nlp):
    text = ("Dr Ann Cole said “the costs of repairs mean the pool cannot stay open”, and that "
            "the closure was part of wider savings.")
    (quote,) = [q for q in quotes_of(nlp, text) if q.kind != "indirect"]
    assert quote.kind == "partial"


def test_speech_verbs_given_to_the_component_are_the_ones_it_reads(nlp):
    """A cue list passed in (not the shipped speech_verbs.json) decides who speaks, the
    'verb before the name' order included."""
    import copy

    from newsfacts.quotes import _CUES, QuoteFinder

    text = '"We will win the cup this year," chortled Jane Holloway, the club captain.'
    doc = nlp(text)
    assert [q.speaker for q in doc._.quotes] == [None]  # "chortled" is no shipped cue
    cues = copy.deepcopy(_CUES)
    cues["direct"] = [*cues["direct"], "chortled", "chortle"]
    doc = QuoteFinder(cues)(doc)
    assert [q.speaker.name for q in doc._.quotes] == ["Jane Holloway"]
