"""Places by context: lists after a place preposition, towns after a facility, possessives,
districts of the address data, and the landmarks, estates and care homes that are not places.
Every sentence is written for these tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Span


@pytest.fixture(scope="module")
def places(nlp):
    def run(text):
        return [p.name for p in nlp(text)._.places]

    return run


@pytest.fixture(scope="module")
def organisations(nlp):
    def run(text):
        return [o.name for o in nlp(text)._.organisations]

    return run


def test_names_listed_after_in_are_places_when_one_of_them_is(places):
    found = places("Families in Kings Heath, Selly Oak and Edgbaston said the buses were late.")
    assert found == ["Kings Heath", "Selly Oak", "Edgbaston"]


def test_titles_joined_by_and_are_not_a_list_of_places(places):
    assert "Prejudice" not in places("She was recently seen in Bride and Prejudice with him.")
    assert "Seek" not in places("In Hide and Seek, the actor plays a widower.")


def test_a_district_listed_with_a_known_town_is_a_place(places):
    found = places("Drivers in Bassetlaw and Mansfield said the roads were worse than ever.")
    assert found == ["Bassetlaw", "Mansfield"]


def test_a_district_named_like_a_hospital_is_a_place_after_in(places, organisations):
    text = "Councillors said residents in Cannock Chase and Stafford had waited months."
    assert places(text) == ["Cannock Chase", "Stafford"]
    assert not any("Hospital" in name for name in organisations(text))


def test_a_base_entity_that_is_a_list_of_places_is_split(places):
    found = places("Services will close in the boroughs of Harrow, Barnet and Enfield.")
    assert found == ["Harrow", "Barnet", "Enfield"]


def test_a_list_of_teams_after_a_place_is_not_a_list_of_places(places):
    assert places("In Wigan, the Warriors and Saints drew 12-12.") == ["Wigan"]


def test_a_clause_after_a_place_is_not_part_of_a_list(places):
    assert places("It will apply to every nurse in England, and I think it is wrong.") == ["England"]
    assert places("Sales rose in Spain, and Zentrix's profits doubled.") == ["Spain"]
    assert places("Demand grew in France, and German companies took a share.") == ["France"]


def test_a_known_town_after_in_is_a_place_even_after_a_hospital(places):
    found = places("Patients at the Cumberland Infirmary in Carlisle waited for hours.")
    assert found == ["Carlisle"]


def test_a_town_owning_common_nouns_is_a_place(places):
    assert places("Two of Derby's swimming pools will shut in the spring.") == ["Derby"]


def test_a_town_before_based_is_a_place(places):
    assert "Luton" in places("She joined a Luton-based charity last year.")


def test_a_lone_town_without_a_place_context_is_left_alone(places):
    assert places("Reading the report again, she said nothing.") == []


def test_a_district_of_the_address_data_needs_a_place_context(places, nlp):
    assert places("He grew up in Didsbury before moving away.") == ["Didsbury"]
    doc = nlp("Mr Didsbury said the plan was wrong.")
    assert [p.name for p in doc._.places] == []
    assert [p.name for p in doc._.people] == ["Didsbury"]


def test_landmarks_parks_and_estates_are_not_places(places):
    assert places("Crowds walked from Abbey Park to the Corn Exchange Tower.") == []
    found = places("Ann Pike, who lives on the Braunstone Frith estate in Leicester, said no.")
    assert found == ["Leicester"]


def test_a_head_after_a_list_makes_each_name_a_facility(places):
    assert places("Passengers were screened at Gatwick and Stansted airports last year.") == []


def test_a_name_modifying_a_common_noun_is_not_a_place(places):
    assert places("It was the best season in Trentham history.") == []


def test_a_care_home_is_an_organisation_not_a_place(places, organisations):
    text = "Beasley stole from residents at Thornhill Lodge in Barnsley."
    assert places(text) == ["Barnsley"]
    assert organisations(text) == ["Thornhill Lodge"]


def test_compass_word_before_a_known_place(places):
    assert places("Three west Yorkshire hospitals were told to cut costs.") == ["Yorkshire"]


def test_the_seat_of_an_am_or_mp_is_a_place(places):
    assert places("She was elected MS for Cynon Valley in 2021.") == ["Cynon Valley"]
    assert places("He became AM for Ogmore after the vote.") == ["Ogmore"]


def test_a_care_home_the_base_model_calls_a_place_is_an_organisation(nlp):
    doc = nlp.make_doc("Residents at Elmfield Lodge in Wakefield were moved.")
    for name, component in nlp.pipeline:
        if name == "newsfacts_entities":
            break
        doc = component(doc)
    doc.ents = [Span(doc, 2, 4, label="GPE"), Span(doc, 5, 6, label="GPE")]
    doc = nlp.get_pipe("newsfacts_entities")(doc)
    assert [p.name for p in doc._.places] == ["Wakefield"]
    assert [o.name for o in doc._.organisations] == ["Elmfield Lodge"]


def test_a_constituency_joined_by_and_before_a_party_and_mp(nlp):
    doc = nlp("Kate Ferris, Barking and Dagenham Labour MP, opposed the plan.")
    assert [p.name for p in doc._.places] == ["Barking and Dagenham"]
    assert [o.kind for o in doc._.organisations] == ["political_party"]


def test_a_name_the_article_uses_for_a_person_is_not_a_place(nlp):
    doc = nlp.make_doc("Dr Marla Quentin joined in May. Staff said that “Marla Quentin will lead well”.")
    for name, component in nlp.pipeline:
        if name == "newsfacts_entities":
            break
        doc = component(doc)
    start = [t.i for t in doc if t.text == "Marla"][1]
    doc.ents = [e for e in doc.ents if e.end <= start or e.start >= start + 2] + [
        Span(doc, start, start + 2, label="GPE")]
    doc = nlp.get_pipe("newsfacts_entities")(doc)
    assert [p.name for p in doc._.places] == []
    assert [p.name for p in doc._.people] == ["Marla Quentin"]


def test_the_principal_areas_of_wales_are_places(read):
    doc = read("Bills will rise most in Torfaen, a councillor from Caerphilly said. Schools in "
               "Ceredigion will close.")
    assert {"Torfaen", "Caerphilly", "Ceredigion"} <= {p.name for p in doc._.places}


def test_london_boroughs_are_places(read):
    doc = read("Families in Newham, Haringey and Havering waited longest. Rents rose in Kensington "
               "and Chelsea and in Waltham Forest.")
    assert {"Newham", "Haringey", "Havering", "Kensington and Chelsea", "Waltham Forest"} <= {
        p.name for p in doc._.places}
