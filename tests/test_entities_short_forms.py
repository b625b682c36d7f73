"""Hospitals written short or standing for a place's name, and the names around them that are
not hospitals, places or bodies. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from newsfacts.gazetteer import Gazetteer, Site


@pytest.fixture(scope="module")
def facts(nlp):
    def run(text):
        doc = nlp(text)
        by_id = {o.id: o for o in doc._.organisations}
        hospitals = {o.name: (by_id[o.operator].name if o.operator else None)
                     for o in doc._.organisations if o.kind == "hospital"}
        others = {o.name: o.kind for o in doc._.organisations if o.kind != "hospital"}
        return hospitals, others, [p.name for p in doc._.places]

    return run


def test_a_trust_short_name_that_names_its_own_site_is_the_site():
    gazetteer = Gazetteer.load()
    found = gazetteer.lookup("Moorfields Eye Hospital")
    assert found and all(isinstance(e, Site) for e in found)
    # The trust's full name still names the trust.
    assert gazetteer.lookup("Moorfields Eye Hospital NHS Foundation Trust")[0].ods == "RP6"


def test_a_hospital_written_as_its_trust_short_name_is_a_hospital(facts):
    hospitals, others, _ = facts("Nurses at Moorfields Eye Hospital voted to accept the offer.")
    assert hospitals == {"Moorfields Eye Hospital": "Moorfields Eye Hospital NHS Foundation Trust"}


def test_a_site_name_two_sites_of_one_trust_share_keeps_its_operator(facts):
    text = ("The Royal Marsden wants to expand in London. A second site in Sutton already treats "
            "children, the Royal Marsden said.")
    hospitals, others, _ = facts(text)
    assert hospitals == {"Royal Marsden Hospital": "The Royal Marsden NHS Foundation Trust"}
    assert others.get("The Royal Marsden NHS Foundation Trust") == "nhs_trust"


def test_a_town_after_the_hospital_named_after_it_is_the_hospital(nlp):
    doc = nlp("Lewisham Hospital lost its stroke unit in March. Campaigners said Lewisham had been "
              "let down, and families in Lewisham agreed.")
    (hospital,) = [o for o in doc._.organisations if o.kind == "hospital"]
    assert [m.text for m in hospital.mentions] == ["Lewisham Hospital", "Lewisham"]
    (place,) = doc._.places  # "in Lewisham" is still the place
    assert place.name == "Lewisham" and place.mentions[0].start > hospital.mentions[1].start


def test_a_town_before_any_hospital_named_after_it_stays_a_place(nlp):
    doc = nlp("Campaigners in Lewisham marched on Saturday. Lewisham Hospital will keep its unit.")
    assert [p.name for p in doc._.places] == ["Lewisham"]


def test_a_town_listed_before_the_word_hospital_is_a_site(facts):
    hospitals, _, places = facts("Ealing, Harrow and Central Middlesex Hospital may all lose "
                                 "their maternity units next year.")
    assert "Ealing Hospital" in hospitals and "Central Middlesex Hospital" in hospitals
    assert "Ealing" not in places


def test_a_word_joined_by_ampersand_belongs_to_a_listed_site(nlp):
    doc = nlp("Imperial College Healthcare NHS Trust runs Queen Charlotte’s & Chelsea, "
              "St Mary’s and Charing Cross hospitals.")
    mentions = [m.text for o in doc._.organisations if o.kind == "hospital" for m in o.mentions]
    assert "Queen Charlotte’s & Chelsea" in mentions


def test_two_places_joined_by_ampersand_are_not_a_site(nlp):
    doc = nlp("Imperial College Healthcare NHS Trust told the Hammersmith & Fulham council that "
              "Hammersmith Hospital would stay open.")
    mentions = [m.text for o in doc._.organisations for m in o.mentions]
    assert "Hammersmith & Fulham" not in mentions


def test_a_name_that_goes_on_after_hospital_is_not_a_hospital(facts):
    hospitals, others, _ = facts("The unit came top of the Dr Ashby Hospital Guide this spring.")
    assert hospitals == {} and "Dr Ashby Hospital Guide" in others


def test_a_post_or_a_town_after_hospital_does_not_lengthen_its_name(facts):
    hospitals, _, _ = facts("Lewisham Hospital Chief Executive Joan Perry said the ward would stay.")
    assert list(hospitals) == ["Lewisham Hospital"]
    hospitals, _, _ = facts("Nurses at Queen Elizabeth Hospital Birmingham were thanked.")
    assert list(hospitals) == ["Queen Elizabeth Hospital Birmingham"]


def test_an_of_phrase_after_a_head_word_belongs_to_the_name(facts):
    _, others, _ = facts("A report by the Scottish Academy of Engineering came out on Friday.")
    assert "Scottish Academy of Engineering" in others


def test_a_council_of_a_place_with_and_in_its_name_is_one_body(facts):
    _, others, places = facts("Residents wrote to the Royal Borough of Kensington and Chelsea "
                              "Council about the plans.")
    assert "Royal Borough of Kensington and Chelsea Council" in others
    assert places == []


def test_a_district_the_article_places_is_a_place_where_it_modifies_a_noun(nlp):
    doc = nlp("The trust owns land in Chelsea. It wants to sell its Chelsea site, and Chelsea's "
              "famous hospitals are worried.")
    assert [(p.name, len(p.mentions)) for p in doc._.places] == [("Chelsea", 3)]
    assert not [o for o in doc._.organisations if o.name == "Chelsea"]


def test_a_club_never_written_as_a_place_stays_a_body(nlp):
    doc = nlp("Arsenal beat Chelsea 2-0. Chelsea's manager said his side played badly in London.")
    assert [p.name for p in doc._.places] == ["London"]


def test_a_hospital_named_without_its_head_after_its_full_name_is_the_hospital(nlp):
    doc = nlp("Bart's Hospital in London treated the boy. Barts said the operation had gone well.")
    (hospital,) = [o for o in doc._.organisations if o.kind == "hospital"]
    assert [m.text for m in hospital.mentions] == ["Bart's Hospital", "Barts"]
    assert len(doc._.organisations) == 1


def test_a_site_named_without_a_head_in_the_data_is_found_with_one(facts):
    hospitals, _, _ = facts("Addenbrooke's Hospital in Cambridge said it was full.")
    assert hospitals == {"Addenbrooke's": "Cambridge University Hospitals NHS Foundation Trust"}


def test_a_name_before_an_organisation_head_word_is_not_the_hospital(nlp):
    doc = nlp("Khon Kaen University Hospital is busy. Staff from Mahidol and Khon Kaen universities "
              "came to London.")
    (hospital,) = [o for o in doc._.organisations if o.kind == "hospital"]
    assert [m.text for m in hospital.mentions] == ["Khon Kaen University Hospital"]


def test_scottish_and_northern_irish_cities_are_known_places(nlp):
    doc = nlp("She lost Aberdeen North in 2015 and later moved to Belfast.")
    assert [p.name for p in doc._.places] == ["Aberdeen North", "Belfast"]
    assert not doc._.people


def test_a_surname_that_is_also_a_town_after_an_honorific_is_the_person(nlp):
    doc = nlp("Professor Anna Perth chaired the panel. In a letter to Prof. Perth, students asked "
              "for refunds.")
    assert [p.name for p in doc._.places] == []
    assert [p.name for p in doc._.people] == ["Anna Perth"]


def test_westminster_for_parliament_is_not_a_place(nlp):
    doc = nlp("After years in local politics she finally entered Westminster, where the mood of "
              "Westminster soon wore her down.")
    assert [p.name for p in doc._.places] == []


def test_westminster_reached_or_lived_in_is_a_place(nlp):
    doc = nlp("Nurses marched on Westminster on Saturday.")
    assert [p.name for p in doc._.places] == ["Westminster"]


def test_a_numbered_street_address_is_not_an_organisation(nlp):
    for text in ("He moved into 10 Downing Street in 1997 and stayed for a decade.",
                 "Staff at 4 Carlton Terrace said the office was closed."):
        assert nlp(text)._.organisations == []


def test_an_acronym_that_keeps_the_of_joins_its_name(nlp):
    doc = nlp("The Institute of Dentistry published a study. The IOD said fewer children saw a dentist.")
    (body,) = doc._.organisations
    assert [m.text for m in body.mentions] == ["Institute of Dentistry", "IOD"]


def test_a_name_read_as_a_place_after_a_royal_title_is_a_person(nlp):
    linker = nlp.get_pipe("newsfacts_entities")
    doc = nlp("Last week Princess Zorana of Ruritania opened the ward.")
    zorana = next(t.i for t in doc if t.text == "Zorana")
    candidate = linker._from_base(doc, doc[zorana:zorana + 2], "GPE")  # "Zorana of"
    assert (candidate.kind, candidate.span.text) == ("person", "Princess Zorana")


def test_a_monarch_read_as_an_organisation_is_a_person(nlp):
    linker = nlp.get_pipe("newsfacts_entities")
    doc = nlp("She is the daughter of King Ottokar Vladimirov.")
    king = next(t.i for t in doc if t.text == "King")
    candidate = linker._royal_name(doc[king:king + 3])
    assert candidate is not None and candidate.kind == "person"
    assert linker._royal_name(doc[king:king + 1]) is None


def test_a_service_owned_by_a_named_centre_is_a_name_of_its_own(facts):
    _, others, _ = facts("Data from the Hartwell Centre’s Child Sleep Assessment Service (CSAS) "
                         "show rising referrals.")
    assert set(others) == {"Hartwell Centre", "Child Sleep Assessment Service"}


def test_a_name_with_a_possessive_inside_is_no_unknown_place(nlp):
    linker = nlp.get_pipe("newsfacts_entities")
    doc = nlp("The Clinic’s ABCD team is the only one of its kind.")
    start = next(t.i for t in doc if t.text == "Clinic")
    place = linker._place(doc[start:start + 3], "GPE")  # "Clinic’s ABCD"
    assert not linker._may_be_place(place, [place], set())


def test_a_capitalised_description_joins_the_one_name_it_describes(nlp):
    doc = nlp("The plans went to the Royal Borough of Kensington and Chelsea Council in May. The "
              "Borough Council has not yet decided.")
    (council,) = doc._.organisations
    assert [m.text for m in council.mentions][-1] == "Borough Council"


def test_names_listed_before_a_plural_head_share_it(facts):
    hospitals, others, places = facts("Staff from Ardmore, Brackwell and Tolland universities met "
                                      "in Leeds. Ninewells and Raigmore hospitals were full.")
    assert {"Ardmore University", "Brackwell University", "Tolland University"} <= set(others)
    assert {"Ninewells Hospital", "Raigmore Hospital"} <= set(hospitals)


def test_towns_before_hospitals_are_towns_and_a_campaign_is_no_list(facts):
    hospitals, others, places = facts("Nurses at London and Leeds hospitals walked out. A "
                                      "spokesman for Save Hammersmith & Fulham hospitals said no.")
    assert hospitals == {}
    assert {"London", "Leeds"} <= set(places)


def test_a_campaign_keeps_the_plural_head_after_its_name(facts):
    hospitals, others, _ = facts("A spokesman for Save Hammersmith & Fulham hospitals said: "
                                 "“We welcome the news.”")
    assert hospitals == {} and "Save Hammersmith & Fulham hospitals" in others


def test_units_described_after_a_or_a_possessive_are_not_bodies(facts):
    _, others, _ = facts("Patients will go to an Urgent Treatment Centre instead. The hospital "
                         "would also lose its Birth Unit, the hospital’s Board of Visitors said.")
    assert not {"Urgent Treatment Centre", "Birth Unit", "Board of Visitors"} & set(others)


def test_a_name_that_modifies_a_noun_after_an_article_is_still_a_body(facts):
    _, others, _ = facts("An Imperial College spokesman said the Royal College of Nursing was wrong.")
    assert "Imperial College" in others and "Royal College of Nursing" in others


def test_a_trust_formed_after_the_article_is_not_its_hospitals_operator(nlp):
    import datetime as dt

    gazetteer = Gazetteer.load()
    assert gazetteer.operator_on("R1K", "2013-02-01") is None  # formed 2014-10-01
    assert gazetteer.operator_on("R1K", "2015-02-01") == "R1K"
    assert gazetteer.operator_on("R1K", None) == "R1K"

    def operators(published):
        doc = nlp.make_doc("Central Middlesex Hospital will lose its A&E unit, campaigners said.")
        doc._.published = published
        doc = nlp(doc)
        return [o.name for o in doc._.organisations if o.kind == "nhs_trust"]

    assert operators(dt.date(2013, 2, 1)) == []
    assert operators(dt.date(2016, 2, 1)) == ["London North West University Healthcare NHS Trust"]


def test_an_nhs_site_wins_over_a_same_named_site_of_another_provider(facts):
    hospitals, _, _ = facts("The cyclist was flown to the Royal London Hospital on Sunday.")
    assert hospitals == {"The Royal London Hospital": "Barts Health NHS Trust"}


def test_a_hospital_named_short_as_a_speaker_is_the_hospital(nlp):
    doc = nlp("The cyclist was flown to the Royal London Hospital. Doctors at the Royal London "
              "said he was stable.")
    (hospital,) = [o for o in doc._.organisations if o.kind == "hospital"]
    assert [m.text for m in hospital.mentions] == ["Royal London Hospital", "Royal London"]
    assert doc._.people == []


def test_a_possessive_bare_site_is_found(facts):
    hospitals, _, places = facts("She was treated at St Thomas' Hospital and later at Guy's.")
    assert "Guy's Hospital" in hospitals and places == []


def test_a_site_named_like_a_town_after_the_is_the_site(facts):
    hospitals, _, places = facts("The John Radcliffe Hospital in Oxford and the Horton in Banbury "
                                 "share a maternity team.")
    assert "Horton General Hospital" in hospitals and "Horton" not in places
    _, _, places = facts("Families in Horton and Banbury were angry.")
    assert places == ["Horton", "Banbury"]


def test_a_name_after_a_firm_noun_or_told_is_a_body(nlp):
    linker = nlp.get_pipe("newsfacts_entities")
    doc = nlp("The group merged with Dutch firm Zandvoort, an analyst told Kestrelwire.")
    for word in ("Zandvoort", "Kestrelwire"):
        i = next(t.i for t in doc if t.text == word)
        candidate = linker._from_base(doc, doc[i:i + 1], "GPE")
        assert candidate.kind == "organisation", word


def test_a_country_told_something_and_named_as_a_place_stays_a_place(nlp):
    linker = nlp.get_pipe("newsfacts_entities")
    doc = nlp("The company told Freedonia it would stay in Freedonia. It told US investors so.")
    first = next(t.i for t in doc if t.text == "Freedonia")
    assert linker._from_base(doc, doc[first:first + 1], "GPE").kind == "place"
    us = next(t.i for t in doc if t.text == "US")
    assert linker._from_base(doc, doc[us:us + 1], "GPE").kind == "place"


def test_a_bare_site_name_the_article_gives_to_a_campus_is_not_the_hospital(facts):
    hospitals, _, _ = facts("Imperial College Healthcare NHS Trust runs the hospital beside the "
                            "St Mary’s campus, whose pool has been open at St Mary’s for 80 years.")
    assert hospitals == {}


def test_a_campus_name_does_not_hide_the_hospital_named_in_full(nlp):
    doc = nlp("Students at the St Mary’s campus love the pool. Staff at St Mary’s Hospital said the "
              "ward was full, and St Mary’s would cut beds, Imperial College Healthcare NHS Trust said.")
    (hospital,) = [o for o in doc._.organisations if o.kind == "hospital"]
    assert [m.text for m in hospital.mentions] == ["St Mary’s Hospital", "St Mary’s"]


def test_a_hospital_outside_england_is_run_by_the_board_of_its_town(facts):
    hospitals, others, _ = facts("She was treated at Kirkcaldy Victoria Hospital and later at the "
                                 "Ninewells Hospital in Dundee.")
    assert hospitals == {"Kirkcaldy Victoria Hospital": "NHS Fife", "Ninewells Hospital": "NHS Tayside"}


def test_a_board_formed_after_the_article_is_not_the_operator(nlp):
    import datetime as dt

    doc = nlp.make_doc("Patients at the Glanmor Hospital in Cardiff waited longer.")
    doc._.published = dt.date(2005, 3, 1)
    doc = nlp(doc)
    (hospital,) = [o for o in doc._.organisations if o.kind == "hospital"]
    assert hospital.operator is None


def test_a_site_in_another_nation_is_not_the_english_site_of_that_name(facts):
    hospitals, _, _ = facts("He was treated at the Royal Victoria Hospital in Belfast.")
    assert hospitals == {"Royal Victoria Hospital": "Belfast Health and Social Care Trust"}
    hospitals, _, _ = facts("Staff at the Royal Victoria Hospital in Folkestone were praised.")
    assert hospitals == {"Royal Victoria Hospital": "East Kent Hospitals University NHS Foundation Trust"}


def test_a_party_name_with_party_after_it_is_the_party_the_map_knows(facts):
    _, others, _ = facts("He rose in the Scottish Labour Party. Scottish Labour won the seat.")
    assert others == {"Scottish Labour": "political_party"}


def test_a_lower_case_word_before_an_organisation_is_not_part_of_it(nlp):
    linker = nlp.get_pipe("newsfacts_entities")
    doc = nlp("It will be raised at the next Faculty of Dentistry Teaching Committee meeting.")
    start = next(t.i for t in doc if t.text == "next")
    end = next(t.i for t in doc if t.text == "Committee") + 1
    candidate = linker._from_base(doc, doc[start:end], "ORG")
    assert candidate.span.text == "Faculty of Dentistry Teaching Committee"


def test_a_trust_named_with_a_place_and_another_is_one_name(facts):
    hospitals, others, places = facts("A spokesman for Norfolk and Norwich University Hospitals "
                                      "said beds were short.")
    assert others == {"Norfolk and Norwich University Hospitals NHS Foundation Trust": "nhs_trust"}
    assert hospitals == {} and places == []


def test_an_unclaimed_name_placed_in_a_known_county_is_a_place(facts):
    _, _, places = facts("Two of the disputed sites - Histon in Cambridgeshire and Purton in "
                         "Wiltshire - remain closed.")
    assert places == ["Histon", "Cambridgeshire", "Purton", "Wiltshire"]
    _, _, places = facts("Protests were held at Dunsfold in Surrey, and Mr Jones in Leeds said no.")
    assert places == ["Dunsfold", "Surrey", "Leeds"]


def test_a_wing_of_a_building_is_no_person(nlp):
    doc = nlp("The trust plans to sell the Fulham Wing and keep the Sydney Wing, a spokesman said.")
    assert [p.name for p in doc._.people] == []


def test_a_body_named_as_a_subject_elsewhere_keeps_its_modifier_mentions(nlp):
    doc = nlp("Members at Imperial college will strike next week. The strike is the first at "
              "Imperial for a decade. Imperial academics are angry, but Imperial had to pay more "
              "last year.")
    (body,) = doc._.organisations
    assert len(body.mentions) == 3 and doc._.places == []


def test_a_body_named_before_its_survey_after_a_is_still_a_body(facts):
    _, others, _ = facts("Staff are tired, according to a Society of Radiographers survey of members.")
    assert "Society of Radiographers" in others
