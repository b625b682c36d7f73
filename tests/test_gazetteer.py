"""The NHS gazetteer: lookups by name variant, acronym and ODS code, and context resolution."""

from __future__ import annotations

import pytest

from newsfacts.gazetteer import Gazetteer, Site, Trust, normalise_name


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def test_load_is_cached(gaz):
    assert Gazetteer.load() is gaz


@pytest.mark.parametrize("written", ["Kings Mill Hospital", "King's Mill Hospital",
                                     "king’s mill hospital", "the Kings Mill Hospital"])
def test_apostrophe_case_and_article_variants(gaz, written):
    assert [e.ods for e in gaz.lookup(written)] == ["RK5BC"]


def test_site_names_are_cleaned_of_trust_prefix_and_campus(gaz):
    qmc = gaz.by_ods("RX1RA")
    assert isinstance(qmc, Site) and qmc.name == "Queen's Medical Centre" and qmc.trust == "RX1"
    assert gaz.by_ods("RX1CC").name == "Nottingham City Hospital"


def test_acronyms_are_built_from_site_names(gaz):
    assert [e.name for e in gaz.lookup("QMC")] == ["Queen's Medical Centre"]
    # Another hospital's acronym, derived the same way: Royal Preston Hospital.
    assert "Royal Preston Hospital" in [e.name for e in gaz.lookup("RPH")]
    # Lower-case letters are a word, not an acronym.
    assert gaz.lookup("qmc") == []


def test_trusts_by_code_and_their_sites(gaz):
    trust = gaz.by_ods("rk5")
    assert isinstance(trust, Trust)
    assert trust.name == "Sherwood Forest Hospitals NHS Foundation Trust"
    names = {s.name for s in gaz.sites_of_trust("RK5")}
    assert {"King's Mill Hospital", "Newark Hospital"} <= names
    assert gaz.lookup("Sherwood Forest Hospitals") == [trust]


def test_plural_reads_as_singular_and_open_entries_win(gaz):
    # "Nottingham City Hospitals" is the site today, not the closed trust of that old name.
    assert [e.ods for e in gaz.lookup("Nottingham City Hospitals")] == ["RX1CC"]


def test_ambiguous_names_resolve_only_from_context(gaz):
    candidates = gaz.lookup("City Hospital")
    assert len(candidates) > 1
    assert gaz.resolve(candidates) is None
    assert gaz.resolve(candidates, context=["Nottingham"]).ods == "RX1CC"
    # A trust named elsewhere in the article picks its own site.
    assert gaz.resolve(candidates, context_entries=[gaz.by_ods("RX1")]).ods == "RX1CC"
    assert gaz.resolve(candidates, context=["Nowhere In Particular"]) is None


def test_normalise_name():
    assert normalise_name("The Queen’s Medical Centre") == normalise_name("Queens Medical Centre")
    assert normalise_name("St. Mary's Hospital") == normalise_name("Saint Marys Hospital")


def test_short_forms_only_when_unambiguous(gaz):
    assert [e.ods for e in gaz.lookup("Whipps Cross Hospital")] == ["R1HKH"]
    assert [e.ods for e in gaz.lookup("Newham Hospital")] == ["R1HNH"]
    # "<town> Hospital" is how articles name any hospital of the town: never a short form.
    assert gaz.lookup("Leicester Hospital") == []


def test_trusts_carry_todays_name_and_their_old_one(gaz):
    trust = gaz.by_ods("RP5")
    assert trust.name == "Doncaster and Bassetlaw Teaching Hospitals NHS Foundation Trust"
    assert [e.ods for e in gaz.lookup("Doncaster and Bassetlaw Hospitals NHS Foundation Trust")] == ["RP5"]
    assert gaz.by_ods("RWE").name == "University Hospitals of Leicester NHS Trust"


def test_closure_after_the_extract_date_is_still_open(gaz):
    assert not gaz.by_ods("RVJ").closed
    assert gaz.by_ods("RR1").closed and gaz.by_ods("RR1").successor == "RRK"
    assert gaz.by_ods("RR101").trust == "RRK"


def test_bare_names_resolve_only_with_support(gaz):
    (southmead,) = gaz.lookup_bare("Southmead")
    assert gaz.resolve([southmead], [], [], require_support=True) is None
    assert gaz.resolve([southmead], ["Bristol"], [], require_support=True) is southmead
    assert gaz.resolve([southmead], [], []) is southmead


def test_site_named_with_its_town_is_also_found_without_it(gaz):
    sites = gaz.lookup("Queen Elizabeth Hospital")
    assert "RRK15" in {s.ods for s in sites} and len(sites) > 1
    assert gaz.resolve(sites, ["Birmingham"]).ods == "RRK15"
