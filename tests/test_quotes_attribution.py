"""Quotes: speakers in the styles of student and web news (sentences written for these tests):
documents that "say" things, blockquotes signed on the next line, names the entity lookups
missed, a colon glued to the quote, markdown leftovers, quoted titles."""

from __future__ import annotations

from newsfacts.quotes import _Article, _Speaker, scan_quote_marks
from tests.test_quotes import quotes_of


def test_colon_glued_to_the_quote(nlp):
    text = ("Plans for the library were dropped on Monday.\n\n"
            "Ashford councillor Jane Elliot said:“The strength of feeling has forced a rethink.”")
    (quote,) = quotes_of(nlp, text, "direct")
    assert quote.speaker is not None and quote.speaker.name == "Jane Elliot"
    assert quote.text.startswith("The strength of feeling")


def test_document_speaks_for_its_sender(nlp):
    text = ("The email, sent by senior lecturer Dr Priya Nandra, stated: “I regret the "
            "confusion over the marking scheme.”")
    (quote,) = quotes_of(nlp, text, "direct")
    assert quote.speaker.text == "The email"
    assert quote.speaker.name == "Priya Nandra"


def test_document_author_from_its_first_mention(nlp):
    text = ("The claims appeared in a report published by the Hillside Residents Association "
            "last week.\n\nThe report went on to say that landlords were ignoring basic repairs.")
    (reported,) = quotes_of(nlp, text, "indirect")
    assert reported.speaker.text == "The report"
    assert reported.speaker.name == "Hillside Residents Association"


def test_blockquote_signed_on_the_next_line(nlp):
    text = ("Staff at the depot walked out on Friday.\n\n"
            "> “We will not accept these cuts without a fight.”\n"
            "> Unite the Union\n\n"
            "The council said the savings were needed.")
    (quote,) = quotes_of(nlp, text, "direct")
    assert quote.speaker is not None and quote.speaker.name == "Unite the Union"


def test_straight_marks_nested_in_curly_ones():
    text = '“To call this a "scandal" is unfair and untrue,” the board said.'
    (span,) = scan_quote_marks(text)
    assert text[span.start:span.end] == 'To call this a "scandal" is unfair and untrue,'


def test_quoted_titles_with_small_words_are_not_speech(nlp):
    text = ("The new posts would be “Activities and Events Officer”, “Welfare and Communities "
            "Officer”, and “Clubs and Societies Officer”.")
    assert quotes_of(nlp, text, "direct") == []


def test_a_name_inside_a_clause_on_the_noun_does_not_speak(nlp):
    text = ("Supporters of the petition to remove Ms Jane Roe say she “misused the official "
            "account” during the row.")
    (partial,) = quotes_of(nlp, text, "partial")
    assert partial.speaker.text.startswith("Supporters")
    assert partial.speaker.name != "Jane Roe"


def test_markdown_link_is_no_part_of_the_name():
    for written, name in [("Paul Hart](http://www3.example.ac.uk", "Paul Hart"),
                          ("The [Residents Association statement](http://example.org/a",
                           "The Residents Association statement"),
                          ("[Tom Hart,](http://example.org/) MP", "Tom Hart, MP"),
                          ("Jane Roe", "Jane Roe")]:
        assert _Speaker(written, written).record().name == name


def test_spokesman_for_a_campaign_named_after_a_hospital(nlp):
    text = ("Hammersmith Hospital will keep its emergency department, the trust confirmed.\n\n"
            "A spokesman for Save Hammersmith & Fulham hospitals said: “We welcome the news but "
            "will keep campaigning.”")
    (quote,) = quotes_of(nlp, text, "direct")
    assert quote.speaker.name == "Save Hammersmith & Fulham hospitals"


def test_a_speech_act_in_a_time_clause_is_background(nlp):
    text = ("Professor Lane admitted the test had a flaw, but changed the marks only after "
            "students complained about the decision. “On reflection I accept that the students "
            "were right about this.”")
    (quote,) = quotes_of(nlp, text, "direct")
    assert quote.speaker is not None and quote.speaker.name == "Lane"


def test_pronoun_continues_a_name_the_lookups_missed(nlp):
    # the parser takes this name for an organisation; "she" is still her, and so is the next
    text = ("Ms Jane Roe, the union's education officer, called the vote unwise.\n\n"
            "In an article that incumbent Annie Tadbury wrote for the Telegraph website, she "
            "argued the proposal ignored the “long-term needs of students”.\n\n"
            "She noted that her role was “too big to combine with a degree”.")
    partials = quotes_of(nlp, text, "partial")
    assert [q.speaker.name for q in partials] == ["Annie Tadbury", "Annie Tadbury"]


def test_link_bracket_taken_for_the_subject(nlp):
    # the parser sometimes makes a markdown link's "[" the subject of the cue; the name inside
    # the brackets is who speaks
    doc = nlp("[Sam Okafor, Union President](http://example.org/officers) urged students to vote.")
    article = _Article(nlp.get_pipe("newsfacts_quotes"), doc)
    assert doc[0].text == "["
    assert article.resolve(doc[0], 0).name == "Sam Okafor"


def test_vague_speakers_are_kept_as_written_with_no_name(nlp):
    # corpus/README: not annotated, but the record carries the quote, speaker as written
    text = ("Many have said that the ward was never really saved. Some called the deal “a poor "
            "second best” on Monday.")
    quotes = quotes_of(nlp, text)
    assert {q.speaker.text for q in quotes} == {"Many", "Some"}
    assert {q.speaker.name for q in quotes} == {None}


def test_bare_groups_are_unnamed_but_named_groups_speak(nlp):
    text = ("Protesters said the extended hours would harm patients. Labour MPs said the plan "
            "was “a disgrace”.")
    speakers = {(q.speaker.text, q.speaker.name) for q in quotes_of(nlp, text)}
    assert ("Protesters", None) in speakers
    assert {name for _text, name in speakers} == {None, "Labour"}


def test_ministers_speak_for_the_government(nlp):
    text = ("Ministers say the new rules will make payments simpler. The Department of Health "
            "will publish the details in June.")
    (reported,) = quotes_of(nlp, text, "indirect")
    assert reported.speaker.text == "Ministers"
    assert reported.speaker.name == "Department of Health"


def test_linked_name_split_from_its_description(nlp):
    text = ("The plans were published on Monday.\n\n[Andy Marsh](http://example.org/marsh), "
            "Ashford and Dover Labour MP, announced that the ward would be closed. He stated "
            "that this decision would mean that “the hospital will be sold. Only a clinic will "
            "remain.” He added that the “use of the site will be tiny”.")
    reported = quotes_of(nlp, text, "indirect")
    assert [q.speaker.name for q in reported] == ["Andy Marsh"] * 3


def test_one_of_them_with_a_name_speaks(nlp):
    text = ("In a blog post, one of the authors of the motion, James Pratley, said that a new "
            "version will be put to the next meeting.")
    (reported,) = quotes_of(nlp, text, "indirect")
    assert reported.speaker.name == "James Pratley"


def test_name_set_off_before_the_cue(nlp):
    text = ("However, in an article written for The Campus Herald, one of the authors of the "
            "motion, Tom Pratley, said that an amended version will be proposed next term.")
    (reported,) = quotes_of(nlp, text, "indirect")
    assert reported.speaker.name == "Tom Pratley"


def test_a_site_named_after_a_body_is_no_antecedent(nlp):
    text = ("The minister David Kerr visited Hartley College on Monday. Hartley Enterprise Hub, the "
            "college's new site, will open in May. He said the site would “change the area "
            "for good”.")
    (partial,) = quotes_of(nlp, text, "partial")
    assert partial.speaker.name == "David Kerr"


def test_capitalised_cue_is_no_part_of_the_name():
    # '“...,” Said Neil Garrow': the entity lookups may read the cue into the name
    assert _Speaker("Said Neil Garrow", "Said Neil Garrow").record().name == "Neil Garrow"
    assert _Speaker("Concluded College", "Concluded College").record().name == "College"
    assert _Speaker("Said", "Said").record().name == "Said"


def test_a_college_spokesperson_speaks_for_the_college(nlp):
    text = ("Students at Hartley University College joined a protest organised by the University of "
            "Kent on Friday. A College spokesperson said: “We are committed to reducing our "
            "carbon footprint.”")
    (quote,) = quotes_of(nlp, text, "direct")
    assert quote.speaker.name == "Hartley University College"


def test_pull_quote_is_not_speech(nlp):
    text = ("Ms Jane Roe said the turnout was the best in years.\n\n"
            "> “Some students worried about the 30 empty seats on the council”\n\n"
            "Voting closes on Friday.")
    assert quotes_of(nlp, text, "direct") == []


def test_whole_sentence_after_cue_and_that_is_direct(nlp):
    text = ("Hartley University responded quickly, stating that “We are proud of our diverse "
            "community and will not tolerate abuse.”\n\n"
            "Ms Jane Roe said that “the plan is unfair to the poorest families in the town”.")
    kinds = [(q.kind, q.text.split()[0]) for q in quotes_of(nlp, text) if q.kind != "indirect"]
    assert kinds == [("direct", "We"), ("partial", "the")]


def test_whole_sentence_told_to_someone_is_direct(nlp):
    text = ("Ms Jane Roe told Felix that “We have asked the college for a meeting and are still "
            "waiting for a reply.”")
    (quote,) = quotes_of(nlp, text, "direct")
    assert quote.speaker.name == "Jane Roe"


def test_mentions_overlapping_finds_what_a_full_scan_finds(nlp):
    # windows that open inside a long mention must still find it
    doc = nlp("Tom Price, who chairs the Royal College of Nursing, met Jane Roe in Leeds on "
              "Monday. The Royal College of Nursing said Jane Roe would visit Leeds again.")
    article = _Article(nlp.get_pipe("newsfacts_quotes"), doc)
    assert any(m_end - m_start > 20 for m_start, m_end, _k, _e in article._mentions)
    bounds = sorted({t.idx for t in doc} | {t.idx + len(t) for t in doc})
    for i, start in enumerate(bounds):
        for end in bounds[i + 1:]:
            expected = [m for m in article._mentions if m[0] < end and m[1] > start]
            assert article._mentions_overlapping(start, end) == expected, (start, end)


def _indirect_texts(nlp, text):
    return [q.text for q in nlp(text)._.quotes if q.kind == "indirect"]


def test_clause_subject_read_as_the_cue_object(nlp):
    text = "Councillor Ann Ward said the public needed reassurance that the library would stay open."
    assert any(t.startswith("the public needed reassurance") for t in _indirect_texts(nlp, text))


def test_clause_subject_before_a_parenthesis_belongs_to_the_clause(nlp):
    text = ("Mr Tom Fox said the parking charges, due to start being introduced next week, could "
            "help if buses and trams could carry more shoppers.")
    assert any(t.startswith("the parking charges") for t in _indirect_texts(nlp, text))


def test_plain_object_of_add_is_no_reported_speech(nlp):
    text = "She added the figures she had collected to the annual report."
    assert _indirect_texts(nlp, text) == []


def test_infinitive_on_a_noun_is_no_cue(nlp):
    text = ("The governors deem the plan the \"only sensible option\" and have expressed a "
            "willingness to maintain the current staffing.")
    quotes = nlp(text)._.quotes
    assert not [q for q in quotes if q.cue == "maintain"]


def test_participle_cue_inside_a_reported_clause_reports_its_own(nlp):
    text = ("In a meeting with tenants, the council’s housing director said he did not consider low "
            "incomes when setting rents, adding that some tenants “could not afford to stay in the "
            "city, and that is just how it is”.")
    texts = _indirect_texts(nlp, text)
    assert any(t.startswith("some tenants") for t in texts)
    assert not any("adding" in t for t in texts)


def test_denied_or_refused_speech_reports_nothing(nlp):
    text = ("The chief executive did not say where the job losses would fall. On Monday a council "
            "spokesman declined to say whether the mayor backed the plans. The mayor said the "
            "plans were sound.")
    assert _indirect_texts(nlp, text) == ["the plans were sound"]


def test_time_phrase_after_the_cue_is_not_reported(nlp):
    text = "The bank said earlier this week it would close 40 branches in Wales."
    assert _indirect_texts(nlp, text) == ["it would close 40 branches in Wales"]


def test_linking_adverb_and_a_law_are_not_the_report_nor_the_speaker(nlp):
    text = ("Association president Tom Fox said the current powers did not work. Instead, the new "
            "Licensing Act could help reduce late-night disorder, he argued.")
    doc = nlp(text)
    (later,) = [q for q in doc._.quotes if "late-night" in q.text]
    assert later.text.startswith("the new Licensing Act")
    assert later.speaker.name == "Tom Fox"
