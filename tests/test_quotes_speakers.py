"""Quotes: who is speaking, in sentences written to show each rule (datelines, participles,
coordinated cues, phrases around the subject, cue-less quotes after a speech act)."""

from __future__ import annotations

from newsfacts.quotes import _Article, scan_quote_marks
from tests.test_quotes import quotes_of


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


def test_misprinted_opening_mark_closes_the_quote():
    text = "“It's unusual,“ said Larry Noble, a lawyer. “It is a hard thing to do.”"
    assert [text[s.start:s.end] for s in scan_quote_marks(text)] == [
        "It's unusual,", "It is a hard thing to do."]


def test_straight_mark_after_a_comma_closes_an_open_quote():
    text = '"The plan fails again and again,"Katie Moss said. She said,"Yes."'
    assert [text[s.start:s.end] for s in scan_quote_marks(text)] == [
        "The plan fails again and again,", "Yes."]


def test_name_before_a_colon(nlp):
    text = 'Councillor Jane Roe (Lab): "The people of this town deserve better than this."'
    (quote,) = quotes_of(nlp, text, "direct")
    assert quote.speaker is not None and quote.speaker.name == "Jane Roe"


def test_subject_of_the_clause_before_a_colon(nlp):
    text = 'A familiar voice greeted the decision online: "This is a great day for Leeds."'
    (quote,) = quotes_of(nlp, text, "direct")
    assert quote.speaker is not None and quote.speaker.text == "A familiar voice"


def test_poll_shares_and_ages_can_speak(nlp):
    text = ('Asked about the new hospital, 21 percent said "not too likely" and 14 percent '
            'said "not at all likely".\n'
            '"Donald is, and always has been, an amazing leader," said the 46-year-old.')
    quotes = quotes_of(nlp, text)
    speakers = [q.speaker.text if q.speaker else None for q in quotes if q.kind != "indirect"]
    assert speakers == ["21 percent", "14 percent", "the 46-year-old"]


def test_more_speech_verbs(nlp):
    text = '"Your ward is the best in the country," Mr Hunt assured the nurses.'
    (quote,) = quotes_of(nlp, text, "direct")
    assert quote.speaker is not None and quote.speaker.text == "Mr Hunt"


def test_verbs_that_are_cues_with_their_particle(nlp):
    text = ('After the chief executive criticised the plan, Mary Jones shot back, "We will not '
            'be lectured by the board."\n'
            'As the health secretary, Tom Price, put it: "This ward will not close on my watch."\n'
            'The police shot a man in the car park.')
    quotes = quotes_of(nlp, text, "direct")
    assert [(q.speaker.name, q.cue) for q in quotes] == [("Mary Jones", "shot"),
                                                         ("Tom Price", "put")]


def test_questioned_is_a_cue(nlp):
    text = '"What changed so fundamentally?" Mr Long questioned.'
    (quote,) = quotes_of(nlp, text, "direct")
    assert quote.speaker is not None and quote.speaker.text == "Mr Long"


def test_typewriter_marks_after_a_nested_quote(nlp):
    text = "''I hate the term 'bed blocking,' '' she said."
    (quote,) = quotes_of(nlp, text, "direct")
    assert quote.text == "I hate the term 'bed blocking,'"
    assert quote.speaker is not None and quote.speaker.text == "she"


def test_paragraphs_of_one_quote_run_together_on_one_line():
    text = ('The chief executive said: "We regret this step. "We want to keep a fast service. '
            '"We appeal to the board to think again." The board met on Monday.')
    (span,) = scan_quote_marks(text)
    assert text[span.start:span.end].startswith("We regret this step.")
    assert text[span.start:span.end].endswith("think again.")


def test_an_unclosed_quote_still_ends_at_a_new_opening_mark():
    text = 'He called it "a scandal and she said "a disgrace" on Monday.'
    assert [text[s.start:s.end] for s in scan_quote_marks(text)] == [
        "a scandal and she said", "a disgrace"]


def test_name_beside_the_role_subject(nlp):
    text = 'Alex Compton, ICSMSU President said, "Doctors have always put patients first."'
    (quote,) = quotes_of(nlp, text, "direct")
    assert quote.speaker is not None and quote.speaker.name == "Alex Compton"


def test_a_persons_spokesman_is_not_the_person(nlp):
    text = ("On Monday, Tony Blair's official spokesman declined to say whether the prime "
            'minister backed the plans. He said: "What matters is that there is a process."')
    (quote,) = quotes_of(nlp, text, "direct")
    assert quote.speaker.text == "He"
    assert quote.speaker.name == "Tony Blair's official spokesman"
    assert quote.speaker.person is None


def test_a_bare_verb_is_no_speech_act(nlp):
    text = ("Dr Gibbons said the NHS in Wales needed to create a healthier population rather "
            'than respond only to ill health. "We do need a consistent approach."')
    (quote,) = quotes_of(nlp, text, "direct")
    assert quote.speaker is not None and quote.speaker.name == "Gibbons"


def test_bare_spokesperson_speaks_for_the_organisation(nlp):
    text = ('A spokeswoman for the Leeds Teaching Hospitals NHS Trust said the gap was "not a '
            'definite sum". The spokeswoman said that the financial position was "extremely '
            'tough".\n'
            "The Leeds Teaching Hospitals NHS Trust has said that care has improved since the "
            'survey. A spokesperson acknowledged that some care at the time "was below the '
            'standard we expect".')
    partials = quotes_of(nlp, text, "partial")
    assert [(q.speaker.text, q.speaker.name) for q in partials[1:]] == [
        ("The spokeswoman", "Leeds Teaching Hospitals NHS Trust"),
        ("A spokesperson", "Leeds Teaching Hospitals NHS Trust")]
    assert all(q.speaker.organisation for q in partials)


def test_those_asked_to_do_something_do_not_speak(nlp):
    text = ('She also described the size of the cuts that trusts have been asked to make as '
            '"very challenging".')
    (partial,) = quotes_of(nlp, text, "partial")
    assert partial.speaker.text == "She" and partial.cue == "described"


def test_person_ending_an_organisation_subject(nlp):
    text = ("Association of Chief Police Officers president Chris Fox said the current closure "
            "power did not have enough impact on bad landlords.")
    (quote,) = quotes_of(nlp, text, "indirect")
    assert quote.speaker.name == "Chris Fox"


def test_particle_verbs_are_cues_only_where_the_caller_allows_them(nlp):
    doc = nlp("Mary Jones shot back that the board had never read the report.")
    article = _Article(nlp.get_pipe("newsfacts_quotes"), doc)
    shot = next(t for t in doc if t.lower_ == "shot")
    cues = article.finder.direct_cues
    assert article.is_cue(shot, cues, allow_particle=True)
    assert not article.is_cue(shot, cues, allow_particle=False)
    # "shot back" introduces a quotation, not a reported clause
    assert doc._.quotes == []


def _speaker_of(nlp, text, starts):
    (quote,) = [q for q in nlp(text)._.quotes if q.text.startswith(starts)]
    return quote.speaker


def test_unnamed_post_is_the_person_whose_role_names_it(nlp):
    text = ("BBC correspondent Tom Hale said the talks had stalled.\n\n"
            "Two other unions are balloting members this month. Our correspondent added that a "
            "deal was still possible.")
    speaker = _speaker_of(nlp, text, "a deal was still possible")
    assert speaker.text == "Our correspondent" and speaker.name == "Tom Hale"


def test_post_in_the_lede_is_the_person_named_next_as_a_speaker(nlp):
    text = ("Harbour Foods could close three of its factories next year, its chief executive has "
            "said.\n\nSarah Lund told investors in Leeds that sales had fallen for a second year.")
    assert _speaker_of(nlp, text, "Harbour Foods could close").name == "Sarah Lund"


def test_post_is_not_a_person_named_next_with_another_post(nlp):
    text = ("The county's police chief said that burglaries had doubled.\n\n"
            "Prime Minister Tom Reid said the figures were worrying.")
    assert _speaker_of(nlp, text, "burglaries had doubled").name != "Tom Reid"


def test_post_is_not_a_person_named_next_who_does_not_speak(nlp):
    text = ("The chairman of the planning committee said the scheme was too large.\n\n"
            "On Monday Sir Alan Pike advised the council to wait.")
    assert _speaker_of(nlp, text, "the scheme was too large").name != "Alan Pike"


def test_pronoun_continues_a_spokesman_two_sentences_back(nlp):
    text = ("A spokesman for Ridgeway Council said the bins would be emptied on Friday. The "
            "collection was delayed by snow.\n\n"
            "\"We are sorry for the delay and we thank residents for their patience,\" he said.")
    assert _speaker_of(nlp, text, "We are sorry").name == "Ridgeway Council"


def test_pronoun_continues_an_unnamed_post_past_a_named_bystander(nlp):
    text = ("BBC correspondent Tom Hale reported from the rally. Deputy leader Sam Fox met union "
            "officials on Friday. Our correspondent said that no deal had been offered. There "
            "was still \"some hope\" of a settlement, he added.")
    assert _speaker_of(nlp, text, "There was still").name == "Tom Hale"


def test_person_named_after_the_spokesman_is_the_pronoun(nlp):
    text = ("A spokesman for Ridgeway Council said the bins would be emptied on Friday. "
            "Councillor Mark Dean visited the depot on Monday.\n\n"
            "\"We are sorry for the delay and we thank residents for their patience,\" he said.")
    assert _speaker_of(nlp, text, "We are sorry").name == "Mark Dean"


def test_several_unnamed_bodies_are_no_named_speaker(nlp):
    text = ("The Ridgeway Council set a 4% rise on Monday. But opposition parties said the rise "
            "was unfair. Campaign groups have said the budget is a \"poor compromise\" for "
            "residents. The council said the rise was the lowest in the region.")
    quotes = nlp(text)._.quotes
    several = [q for q in quotes if q.speaker and q.speaker.text.lower().endswith(
        ("parties", "groups"))]
    assert len(several) == 3 and {q.speaker.name for q in several} == {None}
    assert [q.speaker.name for q in quotes if q.text.startswith("the rise was the lowest")] == [
        "Ridgeway Council"]


def test_police_are_one_force_not_several_bodies(nlp):
    text = "Police said they had \"enough officers\" to keep the march safe."
    (partial,) = quotes_of(nlp, text, "partial")
    assert partial.speaker is not None and partial.speaker.text == "Police"


def test_passive_agent_yields_to_the_speaker_before(nlp):
    text = ("Finance Minister Sue Hart said the deal was fair. The grant includes money released "
            "by Chancellor Tom Brook. Councils will receive it in April. She said the rise struck "
            "\"the right balance\" for taxpayers.")
    assert _speaker_of(nlp, text, "the rise struck").name == "Sue Hart"


def test_subject_named_after_the_speaker_is_the_pronoun(nlp):
    text = ("Finance Minister Sue Hart said the deal was fair. Chancellor Tom Brook met council "
            "leaders on Monday. He said the rise struck \"the right balance\" for taxpayers.")
    assert _speaker_of(nlp, text, "the rise struck").name == "Tom Brook"


def test_bosses_of_an_organisation_named_elsewhere(nlp):
    from newsfacts.records import Mention, Organisation

    text = ("Corvex confirmed the plant would close.\n\n"
            "Corvex bosses said they were \"deeply sorry\" for the job losses.")
    doc = nlp(text)
    # the entity lookups know the first "Corvex" only, not the one before "bosses"
    doc._.organisations = [Organisation(id="o1", name="Corvex", kind="company",
                                        mentions=[Mention(text="Corvex", start=0, end=6)])]
    doc = nlp.get_pipe("newsfacts_quotes")(doc)
    (partial,) = [q for q in doc._.quotes if q.kind == "partial"]
    assert partial.speaker.organisation == "o1"


def test_campaign_named_in_capitals_before_its_noun(nlp):
    text = ("Students’ Cut the Fees campaign told members in an online FAQ that a boycott would "
            "not risk expulsion.")
    (indirect,) = quotes_of(nlp, text, "indirect")
    assert indirect.speaker.name == "Cut the Fees"


def test_programme_linked_before_its_noun(nlp):
    text = ("The [Better Care Together](http://example.org/bct) programme stated that it would "
            "open two new clinics.")
    (indirect,) = quotes_of(nlp, text, "indirect")
    assert indirect.speaker.name == "Better Care Together"


def test_unheld_post_speaks_for_its_body(nlp):
    text = ("Talks broke down on Friday. In a press release, the chair of the nurses’ forum for the "
            "RCN said: “Nurses will not accept this offer, and we will ballot our members again.”")
    (quote,) = quotes_of(nlp, text, "direct")
    assert quote.speaker.name in ("RCN", "Royal College of Nursing")


def test_the_noun_is_the_body_the_text_described_with_it(nlp):
    text = ("Northgate Lending, the region's largest bank, is to cut 400 jobs. It follows cuts at "
            "Barclays Bank and Lloyds Bank last month.\n\n"
            "The bank said it expected profits to rise next year.")
    speaker = _speaker_of(nlp, text, "it expected profits")
    assert speaker.text == "The bank" and speaker.name == "Northgate Lending"


def test_residents_of_named_places_are_no_one_in_particular(nlp):
    text = ("Residents in Leeds, Bradford and York told reporters that bins had not been emptied "
            "for weeks.")
    (indirect,) = quotes_of(nlp, text, "indirect")
    assert indirect.speaker.text.startswith("Residents") and indirect.speaker.name is None


def test_a_place_is_never_the_speaker(nlp):
    text = "Worried transport officials in Conwy said the timetable was unfair to commuters."
    (indirect,) = quotes_of(nlp, text, "indirect")
    assert indirect.speaker.name != "Conwy"


def test_the_college_is_the_one_written_with_that_noun(nlp):
    text = ("Staff at Imperial college will strike on Tuesday. Some universities, such as "
            "Lancaster University, will not pay them for the day.\n\n"
            "In a message to staff, the College said that classes would go ahead where possible.")
    speaker = _speaker_of(nlp, text, "classes would go ahead")
    assert speaker.name is not None and speaker.name.startswith("Imperial")


def test_body_named_with_a_place_is_the_whole_name(nlp):
    text = ("Hospices UK, the charity which represents the sector, say the grants are needed to "
            "keep beds open.")
    (indirect,) = quotes_of(nlp, text, "indirect")
    assert indirect.speaker.name == "Hospices UK"


def test_joint_signers_speak_for_the_body_they_represent(nlp):
    text = ("In a statement to the paper, Jo Hale, Sam Rudd, and Kim Bright, representatives of "
            "the RCN, said: “We fully recognise the need for tough decisions in these times.”")
    (quote,) = quotes_of(nlp, text, "direct")
    assert quote.speaker.name in ("RCN", "Royal College of Nursing")


def test_joint_signers_with_no_body_are_the_first_named(nlp):
    text = ("In a joint letter, Dr Jo Hale and Dr Sam Rudd said: “We fully recognise the need for "
            "tough decisions in these times.”")
    (quote,) = quotes_of(nlp, text, "direct")
    assert quote.speaker.name == "Jo Hale"


def test_participle_after_an_adjunct_with_takes_its_name(nlp):
    text = ("The union has said it is ready to talk, with Jo Hale, its general secretary, saying "
            "“If they want to meet us without conditions, then let us meet today.”")
    (quote,) = quotes_of(nlp, text, "direct")
    assert quote.speaker.name == "Jo Hale"


def test_participle_after_a_verb_with_keeps_its_subject(nlp):
    text = ("Some doctors side with the BMA, agreeing that the strike would have put patients at "
            "risk.")
    assert all(q.speaker.name != "BMA" for q in quotes_of(nlp, text, "indirect"))


def test_they_continues_jointly_named_people(nlp):
    text = ("In an email to all staff, Professor Jo Hale and Professor Sam Rudd said they wanted "
            "to reassure students. They told students that no one would be examined on missed "
            "material.")
    (later,) = [q for q in nlp(text)._.quotes if q.text.startswith("no one would be")]
    assert later.speaker.text == "They" and later.speaker.name == "Jo Hale"


def test_they_is_the_nearest_subject_when_it_is_no_joint_group(nlp):
    text = ("Professor Jo Hale and Professor Sam Rudd wrote to staff. The union is balloting its "
            "members, who they say could lose thousands of pounds a year.")
    quotes = [q for q in nlp(text)._.quotes if q.speaker and q.speaker.text == "they"]
    assert all(q.speaker.name != "Jo Hale" for q in quotes)


def test_it_after_a_petition_is_the_petition(nlp):
    text = ("Ridgeway Council plans to close the library in May. The petition, which has 500 "
            "signatures, says the closure is unfair. It also argues that the council ignored the "
            "library's users.")
    (later,) = [q for q in quotes_of(nlp, text, "indirect") if "ignored" in q.text]
    assert later.speaker.text == "It" and later.speaker.name is None


def test_description_owned_by_a_place_is_the_body_written_with_it(nlp):
    text = ("Japan's Toyota has announced a new plant in Wales.\n\n"
            "Japan's biggest car maker estimates that sales will double by 2030.")
    (later,) = [q for q in quotes_of(nlp, text, "indirect") if "double" in q.text]
    assert later.speaker.name == "Toyota"
