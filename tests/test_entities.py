"""People, organisations and places: the seed article's expected entities, and each correction rule
on sentences written for these tests (names, hospitals, parties and places not in the seed)."""

from __future__ import annotations

import pytest

from newsfacts.entities import entity_for_span, person_gender


def by_name(records, name):
    found = [r for r in records if r.name == name]
    assert found, f"{name!r} not among {[r.name for r in records]}"
    return found[0]


@pytest.fixture(scope="module")
def read(nlp):
    cache = {}

    def run(text):
        if text not in cache:
            cache[text] = nlp(text)
        return cache[text]

    return run


# -- the seed article ------------------------------------------------------------------------------
def test_seed_people_exactly_three_with_roles(seed_record):
    people = seed_record.people
    assert sorted(p.name for p in people) == ["Jeremy Hunt", "Nicky Hill", "Vernon Coaker"]
    orgs = {o.id: o for o in seed_record.organisations}
    hill = by_name(people, "Nicky Hill")
    assert [(r.title, orgs[r.organisation].name) for r in hill.roles] == [
        ("director of HR", "Nottingham University Hospitals NHS Trust")]
    assert [r.title for r in by_name(people, "Jeremy Hunt").roles] == ["Health secretary"]
    coaker = by_name(people, "Vernon Coaker")
    assert [r.title for r in coaker.roles] == ["MP for Gedling"]
    assert coaker.party == "Labour"


def test_seed_hospitals_with_operators(seed_record):
    orgs = {o.id: o for o in seed_record.organisations}
    hospitals = {o.name: o for o in seed_record.organisations if o.kind == "hospital"}
    assert set(hospitals) == {"Queen's Medical Centre", "Nottingham City Hospital",
                              "King's Mill Hospital", "Newark Hospital"}
    operator = {name: orgs[h.operator].name for name, h in hospitals.items()}
    assert operator["Queen's Medical Centre"] == "Nottingham University Hospitals NHS Trust"
    assert operator["Nottingham City Hospital"] == "Nottingham University Hospitals NHS Trust"
    assert operator["King's Mill Hospital"] == "Sherwood Forest Hospitals NHS Foundation Trust"
    assert operator["Newark Hospital"] == "Sherwood Forest Hospitals NHS Foundation Trust"
    assert hospitals["Queen's Medical Centre"].ods_code == "RX1RA"
    assert "QMC" in hospitals["Queen's Medical Centre"].aliases
    assert "Kings Mill Hospital" in hospitals["King's Mill Hospital"].aliases


def test_seed_other_organisations(seed_record):
    kinds = {o.name: o.kind for o in seed_record.organisations}
    assert kinds["Nottingham University Hospitals NHS Trust"] == "nhs_trust"
    assert kinds["Sherwood Forest Hospitals NHS Foundation Trust"] == "nhs_trust"
    assert kinds["British Medical Association"] == "union"
    assert kinds["NHS"] == "nhs_body"
    assert kinds["UK Government"] == "government"
    assert kinds["Labour"] == "political_party"
    assert kinds["Conservative Party"] == "political_party"
    government = by_name(seed_record.organisations, "UK Government")
    assert {"The Conservative Government", "the Government"} <= set(government.aliases)
    assert len(seed_record.organisations) == 11


def test_seed_trust_description_is_a_mention_of_the_trust(seed_record):
    text = seed_record.text
    start = text.index("The trust which runs")
    sherwood = by_name(seed_record.organisations, "Sherwood Forest Hospitals NHS Foundation Trust")
    assert any(m.start == start and m.text.endswith("Newark Hospital") for m in sherwood.mentions)


def test_seed_places(seed_record):
    places = {p.name: p for p in seed_record.places}
    assert set(places) == {"Nottinghamshire", "Nottingham", "Mansfield", "Gedling"}
    assert "Notts" in [m.text for m in places["Nottinghamshire"].mentions]


def test_seed_entity_for_span_resolves_the_description(nlp, seed_record):
    from newsfacts.sources import read_path
    from tests.conftest import SEED

    (article,) = read_path(SEED)
    doc = nlp(article.text)
    start = doc.text.index("The trust which runs")
    kind, org_id = entity_for_span(doc, start, start + len("The trust"))
    assert kind == "organisation"
    org = next(o for o in doc._.organisations if o.id == org_id)
    assert org.name == "Sherwood Forest Hospitals NHS Foundation Trust"
    qmc = doc.text.index("QMC")
    assert entity_for_span(doc, qmc, qmc + 3)[0] == "organisation"


# -- the rule classes on sentences of our own ----------------------------------------------------------
def test_names_after_honorifics_are_people_without_the_title(read):
    doc = read("Councillor Priya Sharmaine opposed the plan. Dr Owen Pritchardson agreed with her.")
    assert sorted(p.name for p in doc._.people) == ["Owen Pritchardson", "Priya Sharmaine"]


def test_names_before_and_after_speech_verbs_are_people(read):
    doc = read("Tomasz Kowalczyk told the meeting the ward would close. "
               "\"We are worried,\" said Agnieszka Wrobel.")
    names = {p.name for p in doc._.people}
    assert {"Tomasz Kowalczyk", "Agnieszka Wrobel"} <= names


def test_surname_and_titled_forms_join_the_full_name(read):
    doc = read("Margaret Ellingworth, chief executive of the charity, spoke first. "
               "Mrs Ellingworth said the charity would appeal.")
    (person,) = doc._.people
    assert person.name == "Margaret Ellingworth"
    assert "Mrs Ellingworth" in person.aliases
    assert person_gender(person) == "f"
    assert person.roles and person.roles[0].title == "chief executive of the charity"


def test_gender_is_none_without_gendered_title(read):
    doc = read("Dr Owen Pritchardson said the clinic was full.")
    assert person_gender(doc._.people[0]) is None


def test_hospital_and_trust_patterns_beyond_the_gazetteer(read):
    doc = read("Patients were moved from Greenfield Vale Hospital to Royal Preston Hospital, "
               "and Brackenmoor Valley NHS Foundation Trust apologised.")
    orgs = {o.name: o for o in doc._.organisations}
    assert orgs["Greenfield Vale Hospital"].kind == "hospital"
    assert orgs["Greenfield Vale Hospital"].ods_code is None
    preston = orgs["Royal Preston Hospital"]
    assert preston.kind == "hospital" and preston.ods_code == "RXN02"
    operator = next(o for o in doc._.organisations if o.id == preston.operator)
    # The operator is implied by the gazetteer: listed, with no mention.
    assert operator.name == "Lancashire Teaching Hospitals NHS Foundation Trust"
    assert operator.mentions == []
    assert orgs["Brackenmoor Valley NHS Foundation Trust"].kind == "nhs_trust"
    assert not doc._.people


def test_description_of_another_trust(read):
    doc = read("The trust which runs Royal Preston Hospital said it had cancelled 40 operations.")
    start = doc.text.index("The trust")
    kind, org_id = entity_for_span(doc, start, start + 9)
    org = next(o for o in doc._.organisations if o.id == org_id)
    assert org.name == "Lancashire Teaching Hospitals NHS Foundation Trust"


def test_parties_and_party_of_a_politician(read):
    doc = read("The Liberal Democrats criticised the cuts, with Eastleigh MP Roderick Fennimore "
               "saying they were unfair.")
    orgs = {o.name: o.kind for o in doc._.organisations}
    assert orgs.get("Liberal Democrats") == "political_party"
    (person,) = doc._.people
    assert person.name == "Roderick Fennimore"
    assert person.party == "Liberal Democrats"
    assert person.roles[0].title == "MP for Eastleigh"
    assert "Eastleigh" in {p.name for p in doc._.places}


def test_county_abbreviations_are_places_of_their_county(read):
    doc = read("Ambulances from Leics and Lancs were sent to help.")
    assert {"Leicestershire", "Lancashire"} <= {p.name for p in doc._.places}
    assert not doc._.organisations and not doc._.people


def test_ambiguous_hospital_without_context_stays_unlinked(read):
    doc = read("Staff at the City Hospital were praised.")
    (org,) = [o for o in doc._.organisations if o.kind == "hospital"]
    assert org.ods_code is None and org.operator is None


def test_acronym_joins_its_expansion(read):
    doc = read("The Royal College of Nursing balloted members, and the RCN said turnout was high.")
    rcn = [o for o in doc._.organisations if o.name == "Royal College of Nursing"]
    assert rcn and "RCN" in rcn[0].aliases and rcn[0].kind == "union"


def test_corrected_entities_are_written_to_doc_ents(read):
    doc = read("Ambulances from Leics and Lancs were sent to help.")
    assert {(e.text, e.label_) for e in doc.ents} >= {("Leics", "GPE"), ("Lancs", "GPE")}
