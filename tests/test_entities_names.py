"""Organisation names with "and", "&", a head word inside them, or written only by a head word:
where one name ends and the next begins. Every sentence is written for these tests."""

from __future__ import annotations


def org_names(doc):
    return [o.name for o in doc._.organisations]


# -- "&" and "and" ------------------------------------------------------------------------------
def test_an_ampersand_is_written_inside_one_name(read):
    doc = read("The Northern Mail & General Trust has bought the Kelham & Ashby Chronicle.")
    names = org_names(doc)
    assert "Northern Mail & General Trust" in names
    assert "Kelham & Ashby Chronicle" in names
    assert not {"Northern Mail", "General Trust", "Ashby Chronicle"} & set(names)


def test_a_head_word_alone_before_and_starts_the_next_name(read):
    doc = read("The University and College Union said its members at Brindle University would strike.")
    names = org_names(doc)
    assert "University and College Union" in names
    assert not {"University", "College Union"} & set(names)


def test_two_names_each_with_its_head_joined_by_and_are_two(read):
    doc = read("Staff want the college to instruct the Joint Pay Committee and Teachers' Pension "
               "Forum to vote against the plan.")
    names = org_names(doc)
    assert "Joint Pay Committee" in names
    assert "Teachers' Pension Forum" in names
    assert not any(" and " in n for n in names)


def test_a_name_whose_second_part_has_no_name_of_its_own_stays_whole(read):
    doc = read("The Securities and Exchange Commission wrote to the Public and Commercial Services Union.")
    names = org_names(doc)
    assert "Securities and Exchange Commission" in names
    assert "Public and Commercial Services Union" in names


# -- a head word after a name --------------------------------------------------------------------
def test_capitalised_words_ending_in_a_head_continue_the_name(read):
    doc = read("The Evening Herald Media Group and the St Anne's Hospital Association objected.")
    names = org_names(doc)
    assert "Evening Herald Media Group" in names
    assert "St Anne's Hospital Association" in names
    assert not any(o.kind == "hospital" for o in doc._.organisations)


# -- "the College", "the Union" ------------------------------------------------------------------
def test_a_capitalised_head_word_is_the_one_body_of_that_kind(read):
    doc = read("Brindle University has closed its pool. The union told the University it was wrong. "
               "The University said the pool cost too much.")
    university = next(o for o in doc._.organisations if o.name == "Brindle University")
    assert "University" in university.aliases
    assert "University" not in org_names(doc)


def test_told_the_college_is_not_a_newspaper(read):
    doc = read("Brindle College London cut its budget. The union told the College it would ballot.")
    assert not any(o.kind == "media" for o in doc._.organisations)


# -- universities named by their town ------------------------------------------------------------
def test_names_listed_with_an_institute_are_universities(read):
    doc = read("Students from Exeter, Durham and the Courtauld Institute have joined the rent strike. "
               "Last week 40 students at Exeter withheld their rent.")
    kinds = {o.name: o.kind for o in doc._.organisations}
    assert kinds.get("Exeter") == "university"
    assert kinds.get("Durham") == "university"
    assert not {"Exeter", "Durham"} & {p.name for p in doc._.places}


def test_names_listed_after_including_in_a_sentence_about_universities(read):
    doc = read("Vice-chancellors at several universities have backed the lecturers, including "
               "Bristol, [York](http://example.org/york-statement) and Bath.")
    kinds = {o.name: o.kind for o in doc._.organisations}
    assert {kinds.get(n) for n in ("Bristol", "York", "Bath")} == {"university"}
    assert not {p.name for p in doc._.places} & {"Bristol", "York", "Bath"}


def test_towns_listed_without_universities_stay_places(read):
    doc = read("Rail services to several towns, including Bristol, York and Bath, were cut on Monday.")
    assert {"Bristol", "York"} <= {p.name for p in doc._.places}
    assert not any(o.kind == "university" for o in doc._.organisations)


# -- titles of papers ----------------------------------------------------------------------------
def test_a_name_in_markdown_emphasis_is_a_publication(read):
    doc = read("In a statement to _Wexley Bugle_, the trustees said the pool would stay open. "
               "The minister later appeared on _The Early Breakfast Show_ to defend the plan.")
    kinds = {o.name: o.kind for o in doc._.organisations}
    assert kinds.get("Wexley Bugle") == "media"
    assert not any("Breakfast" in name for name in kinds)


def test_a_capitalised_the_inside_a_sentence_opens_a_title(read):
    doc = read("The group, which publishes The Sun and The Independent, cut 40 jobs. "
               "The plan was welcomed by The Duke of Kent.")
    names = org_names(doc)
    assert {"Sun", "Independent"} <= set(names)
    assert "Sun" not in {p.name for p in doc._.places}
    assert "Duke" not in names


# -- one body written several ways ---------------------------------------------------------------
def test_an_acronym_keeps_the_acronym_inside_the_name_whole(read):
    doc = read("The KCL Union held a vote on Tuesday. KCLU officers said the result was close.")
    union = next(o for o in doc._.organisations if o.name == "KCL Union")
    assert "KCLU" in union.aliases
    assert "KCLU" not in org_names(doc)


def test_an_acronym_of_the_name_from_its_head_and_the_name_cut_before_for(read):
    doc = read("The Marsh Research Centre for Coastal Flood Studies (CCFS) opened in May. Staff at "
               "the Marsh Research Centre said CCFS would hire 20 engineers.")
    centre = next(o for o in doc._.organisations
                  if o.name == "Marsh Research Centre for Coastal Flood Studies")
    assert {"CCFS", "Marsh Research Centre"} <= set(centre.aliases)
    assert len(doc._.organisations) == 1


def test_a_possessive_before_a_lone_head_is_inside_the_name(read):
    doc = read("The Wexley School of Nursing Students’ Union met on Monday, and Pearson's Financial "
               "Times reported it.")
    names = org_names(doc)
    assert "Wexley School of Nursing Students’ Union" in names
    assert "Financial Times" in names
    assert not any(n.startswith("Pearson's") for n in names)


# -- posts and buildings -------------------------------------------------------------------------
def test_the_subject_words_of_a_post_are_not_an_organisation(read):
    doc = read("Jo Marsh, the union's Education, Welfare & Campaigns Officer, resigned. Dr Ann Cole, "
               "Pro-Rector for research, said the college would reply.")
    names = org_names(doc)
    assert not any("Welfare" in n or "Rector" in n for n in names)


def test_a_party_written_alone_is_no_party_of_its_own(read):
    doc = read("The Greens and the Liberal Democrats set out plans. Party leader Ann Cole said voters "
               "wanted change.")
    assert "Party" not in org_names(doc)


def test_a_named_building_or_campus_is_not_an_organisation(read):
    doc = read("Students living in Marlowe House pay more than those on the Northfield Campus, "
               "Brindle University said. The lab is on the Northfield campus in Hull.")
    names = org_names(doc)
    assert "Brindle University" in names
    assert not {"Marlowe House", "Northfield Campus"} & set(names)


# -- a hospital's name used for something else ---------------------------------------------------
def test_a_site_name_before_campus_or_medical_school_is_not_the_hospital(read):
    doc = read("Imperial College London will close the pool on the St Mary’s campus. Graduates of "
               "the St Mary’s medical school objected.")
    assert not any(o.kind == "hospital" for o in doc._.organisations)


def test_a_site_name_before_other_words_is_still_the_hospital(read):
    doc = read("Imperial College Healthcare NHS Trust said patients at St Mary’s were moved, and "
               "St Mary’s staff were thanked.")
    assert any(o.kind == "hospital" and o.name == "St Mary's Hospital" for o in doc._.organisations)


# -- acronyms of common nouns, web addresses -----------------------------------------------------
def test_an_acronym_of_words_in_lower_case_is_no_organisation(read):
    doc = read("A weekly lab report (WLR) contained an error. Students who handed in their WLR were "
               "told to wait, and the doctors’ union (BMA) complained.")
    names = org_names(doc)
    assert "WLR" not in names
    assert "BMA" in names


def test_a_word_of_a_web_address_is_no_organisation(read):
    doc = read("The plan was [reported](http://www.example.co.uk/news/2011/plan-in-doubt?INTCMP=SRCH) "
               "last week.")
    assert "SRCH" not in org_names(doc)


def _with_base_orgs(nlp, text, names):
    """The Doc of `text` with the base model's entities replaced by ORG spans for `names` (every
    occurrence), then our component: the rule under test, whatever the base model reads."""
    from spacy.tokens import Span
    from spacy.util import filter_spans

    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name == "newsfacts_entities":
            break
        doc = component(doc)
    spans = []
    for name in names:
        size = len(nlp.make_doc(name))
        spans += [Span(doc, t.i, t.i + size, label="ORG") for t in doc
                  if doc[t.i:t.i + size].text == name]
    doc.ents = filter_spans(spans)
    return nlp.get_pipe("newsfacts_entities")(doc)


def test_an_acronym_written_as_a_word_joins_its_name(nlp):
    doc = _with_base_orgs(nlp, "The Association of Rural Fire Officers wants new powers. Arfo said "
                          "the law was weak.", ["Association of Rural Fire Officers", "Arfo"])
    body = next(o for o in doc._.organisations if o.name == "Association of Rural Fire Officers")
    assert "Arfo" in body.aliases
    assert "Arfo" not in org_names(doc)


def test_a_name_without_its_acronym_prefix_is_the_same_body(nlp):
    doc = _with_base_orgs(nlp, "Jobs at the JK Halvard plant may go. Halvard said the reports were "
                          "speculation.", ["JK Halvard", "Halvard"])
    assert "Halvard" not in org_names(doc)
    assert any(o.name == "JK Halvard" and "Halvard" in o.aliases for o in doc._.organisations)


def test_social_media_platforms_are_companies(read):
    doc = read("The officer posted the message on Facebook, and critics replied on Twitter and "
               "Instagram within the hour.")
    kinds = {o.name: o.kind for o in doc._.organisations}
    assert {kinds.get(n) for n in ("Facebook", "Twitter", "Instagram")} == {"company"}


def test_a_name_before_a_weekday_is_a_day_not_a_place_or_body(nlp):
    doc = _with_base_orgs(nlp, "Poppies are sold before Remembrance Sunday, and shops opened on "
                          "Plough Monday.", ["Remembrance", "Plough"])
    assert not {"Remembrance", "Plough"} & set(org_names(doc))
    assert not {"Remembrance", "Plough"} & {p.name for p in doc._.places}


def test_a_name_abbreviated_by_a_plural_acronym_is_a_thing(nlp):
    doc = _with_base_orgs(nlp, "The centre studies Roadside Blast Devices (RBDs), and RBDs injure "
                          "many soldiers.", ["Roadside Blast Devices", "RBDs"])
    assert org_names(doc) == []


def test_a_town_after_the_head_keeps_the_head_s_kind(read):
    doc = read("She trained at the Wexley Cottage Hospital Leeds and at Brindle College London.")
    kinds = {o.name: o.kind for o in doc._.organisations}
    assert kinds.get("Wexley Cottage Hospital Leeds") == "hospital"
    assert kinds.get("Brindle College London") == "university"


def test_a_capitalised_head_word_joins_a_body_written_two_ways(read):
    doc = read("Brindle College London will close its pool. The union wrote to Brindle College. "
               "The College said the pool cost too much.")
    assert "College" not in org_names(doc)


def test_a_council_written_in_lower_case_after_its_places(read):
    doc = read("The plan was backed by the Southwark & Lambeth council and opposed by the Leeds city "
               "council, but the Labour council said nothing.")
    kinds = {o.name: o.kind for o in doc._.organisations}
    assert kinds.get("Southwark & Lambeth council") == "council"
    assert kinds.get("Leeds city council") == "council"
    assert "Labour council" not in kinds


def test_a_possessive_head_is_part_of_a_name_but_not_after_an_owner(read):
    doc = read("Kelham & General Porters' Union leader Ann Cole spoke on Friday. Britain's Union flag "
               "flew over the Wexley Teachers' Society, and the Pensions Regulator said nothing.")
    names = org_names(doc)
    assert "Kelham & General Porters' Union" in names
    assert "Wexley Teachers' Society" in names
    assert "Pensions Regulator" in names
    assert not any(n.startswith("Britain") for n in names)


def test_sunday_editions_of_papers_are_known_titles(read):
    doc = read("The claims were first made in an article in the Mail on Sunday last month.")
    assert "Mail on Sunday" in org_names(doc)


def test_a_surname_before_twins_or_family_is_no_firm(nlp):
    doc = _with_base_orgs(nlp, "The paper was bought by the Halvorsen twins, and the Brindle family "
                          "sold its shares.", ["Halvorsen", "Brindle"])
    assert org_names(doc) == []
