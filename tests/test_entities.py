"""People, organisations and places: the seed article's expected entities, and each correction rule
on sentences written for these tests (names, hospitals, parties and places not in the seed)."""

from __future__ import annotations

from newsfacts.entities import entity_for_span, person_gender


def by_name(records, name):
    found = [r for r in records if r.name == name]
    assert found, f"{name!r} not among {[r.name for r in records]}"
    return found[0]


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


# -- gazetteer linking beyond exact names -------------------------------------------------------------
def _hospital(doc, ods):
    found = [o for o in doc._.organisations if o.kind == "hospital" and o.ods_code == ods]
    assert found, [(o.name, o.ods_code) for o in doc._.organisations]
    return found[0]


def _operator(doc, org):
    return next(o for o in doc._.organisations if o.id == org.operator)


def test_site_named_without_its_optional_words(read):
    doc = read("A man was treated at Whipps Cross Hospital after the crash in Walthamstow.")
    hospital = _hospital(doc, "R1HKH")
    assert "Whipps Cross Hospital" in hospital.aliases
    assert _operator(doc, hospital).ods_code == "R1H"


def test_bare_site_name_needs_the_article_to_support_it(read):
    doc = read("North Bristol NHS Trust said beds at Southmead were full on Monday.")
    assert _hospital(doc, "RVJ01").aliases == ["Southmead"]
    lone = read("Southmead was quiet on Monday.")
    assert not [o for o in lone._.organisations if o.kind == "hospital"]


def test_short_form_after_the_full_name_is_the_same_hospital(read):
    doc = read("Bradford Royal Infirmary opened a ward. Visitors to the Royal Infirmary were asked "
               "to wear masks.")
    hospitals = [o for o in doc._.organisations if o.kind == "hospital"]
    assert len(hospitals) == 1 and "Royal Infirmary" in hospitals[0].aliases


def test_town_after_the_name_selects_the_site(read):
    doc = read("Surgeons at Queen Elizabeth Hospital Birmingham performed the operation.")
    assert _hospital(doc, "RRK15").name == "Queen Elizabeth Hospital Birmingham"


def test_sites_of_a_merged_trust_are_run_by_its_successor(read):
    doc = read("Good Hope Hospital in Sutton Coldfield cancelled clinics.")
    assert _operator(doc, _hospital(doc, "RR105")).ods_code == "RRK"


def test_a_closed_trust_the_article_names_runs_its_sites_in_that_article(read):
    doc = read("Central Manchester University Hospitals NHS Foundation Trust said Manchester Royal "
               "Infirmary had been hit.")
    operator = _operator(doc, _hospital(doc, "R0A02"))
    assert operator.name == "Central Manchester University Hospitals NHS Foundation Trust"


def test_trust_listed_once_in_the_article_spelling(read):
    doc = read("University Hospitals of Leicester NHS Trust said Glenfield Hospital was busy.")
    trusts = [o for o in doc._.organisations if o.kind == "nhs_trust"]
    assert [t.name for t in trusts] == ["University Hospitals of Leicester NHS Trust"]
    assert _operator(doc, _hospital(doc, "RWEAE")).id == trusts[0].id


# -- organisations: found whole, and not found where there is none ---------------------------------------
def test_known_bodies_with_one_word_names(read):
    doc = read("Talks at Acas broke down, and Unison said its members would strike.")
    kinds = {o.name: o.kind for o in doc._.organisations}
    assert kinds.get("Acas") == "government" and kinds.get("Unison") == "union"
    assert not doc._.people


def test_names_joined_by_and_are_kept_whole_unless_two_names(read):
    doc = read("The Department of Health and Social Care declined to comment.")
    assert [o.name for o in doc._.organisations] == ["Department of Health and Social Care"]
    two = read("The Department of Health and Kent County Council met on Friday.")
    assert {o.name for o in two._.organisations} >= {"Department of Health", "Kent County Council"}


def test_nhs_bodies_healthwatch_and_newspapers(read):
    doc = read("NHS Digital and Healthwatch Kent were consulted, a manager told the Kentish Gazette.")
    kinds = {o.name: o.kind for o in doc._.organisations}
    assert kinds.get("NHS Digital") == "nhs_body"
    assert kinds.get("Healthwatch Kent") == "charity"
    assert kinds.get("Kentish Gazette") == "media"


def test_office_of_a_commissioner_is_one_organisation(read):
    doc = read("The Office of the Police and Crime Commissioner for Kent funded the scheme.")
    assert [o.name for o in doc._.organisations] == [
        "Office of the Police and Crime Commissioner for Kent"]


def test_places_read_as_organisations_and_common_nouns_are_not_organisations(read):
    doc = read("Truro was gridlocked. Bristol councillors met, and the county council said A&E "
               "was full.")
    assert not doc._.organisations
    assert {"Truro", "Bristol"} <= {p.name for p in doc._.places}


# -- people --------------------------------------------------------------------------------------------
def test_ranks_and_lone_capitalised_words_are_not_people(read):
    doc = read("Det Sgt Ruth Okonedo said the gang had been caught. Mum said she was relieved.")
    assert [p.name for p in doc._.people] == ["Ruth Okonedo"]


def test_a_first_name_after_a_kinship_noun_is_a_person(read):
    doc = read("Her son Callum was treated for burns.")
    assert [p.name for p in doc._.people] == ["Callum"]


def test_double_barrelled_surname_is_kept_whole(read):
    doc = read("Dr Helen Ashby-Crowther said the unit was safe.")
    assert [p.name for p in doc._.people] == ["Helen Ashby-Crowther"]


def test_trust_written_short_joins_the_trust_of_the_named_site(read):
    doc = read("Sheffield Teaching NHS Trust said the Northern General Hospital had cancelled "
               "operations.")
    trusts = [o for o in doc._.organisations if o.kind == "nhs_trust"]
    assert len(trusts) == 1
    assert trusts[0].ods_code == "RHQ" and "Sheffield Teaching NHS Trust" in trusts[0].aliases


def place_names(doc):
    return {p.name for p in doc._.places}


def test_english_regions_are_places(read):
    doc = read("Paramedics walked out across the North West and Yorkshire and the Humber today.")
    assert {"North West", "Yorkshire and the Humber"} <= place_names(doc)


def test_hyphenated_town_is_one_place(read):
    doc = read("Residents in Stoke and Newcastle-under-Lyme complained about the roads.")
    assert "Newcastle-under-Lyme" in place_names(doc)
    assert "Newcastle" not in place_names(doc)


def test_lower_case_words_and_operations_are_not_places(read):
    doc = read("Officers told us that Operation Sceptre ran in Derby last week.")
    names = place_names(doc)
    assert "us" not in names and not any("Sceptre" in n for n in names)
    assert "Derby" in names


def test_month_named_like_a_town_is_not_a_place(read):
    doc = read("The ward in Leicester closed in March after the inspection.")
    assert "March" not in place_names(doc)
