"""Counts on sentences written for the purpose (tests/data/count_sentences.jsonl) and on the seed
article: values, hedges, counted nouns, exclusions, part_of and consistency checks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfacts.counts import CountExtractor

SENTENCES = [json.loads(line) for line in
             (Path(__file__).parent / "data" / "count_sentences.jsonl").read_text(encoding="utf-8").splitlines()
             if line.strip()]


def _key(count) -> tuple:
    return (count["value"], count["head"].lower())


@pytest.fixture(scope="session")
def sentence_docs(nlp):
    return [nlp(case["sentence"]) for case in SENTENCES]


def test_sentence_set_is_large_enough():
    assert len(SENTENCES) >= 60
    assert sum(1 for case in SENTENCES if not case["counts"]) >= 15


@pytest.mark.parametrize("index", range(len(SENTENCES)), ids=[c["covers"] for c in SENTENCES])
def test_sentence(sentence_docs, index):
    case, doc = SENTENCES[index], sentence_docs[index]
    got = {c.text: c for c in doc._.counts}
    assert sorted(got) == sorted(c["text"] for c in case["counts"]), case["sentence"]
    for want in case["counts"]:
        count = got[want["text"]]
        assert doc.text[count.start:count.end] == count.text
        assert (count.value, count.head) == (want["value"], want["head"])
        assert count.approximate == want["approximate"], want["text"]
        for name in ("low", "high", "qualifier", "unit"):
            if name in want:
                assert getattr(count, name) == want[name], (want["text"], name)


def test_precision_and_recall_on_sentences(sentence_docs):
    """Counts with value and head both right, over the whole sentence set."""
    expected = found = right = 0
    for case, doc in zip(SENTENCES, sentence_docs, strict=True):
        want = [_key(c) for c in case["counts"]]
        got = [(c.value, c.head.lower()) for c in doc._.counts]
        expected += len(want)
        found += len(got)
        right += sum(1 for k in got if k in want)
    precision = right / found if found else 1.0
    recall = right / expected
    print(f"count sentences: precision {precision:.3f} recall {recall:.3f} ({right}/{found}/{expected})")
    assert precision >= 0.95 and recall >= 0.95


def test_breakdown_in_following_sentence_and_colon(nlp):
    doc = nlp("The trust said it had cancelled 71 appointments. It said this comprised 56 outpatient "
              "slots, 4 inpatient operations and 11 day case procedures.")
    by_value = {c.value: c for c in doc._.counts}
    assert {by_value[v].part_of for v in (56, 4, 11)} == {by_value[71].id}
    (check,) = [k for k in doc._.consistency if k.kind == "breakdown"]
    assert (check.expected, check.actual, check.ok) == (71, 71, True)


def test_breakdown_mismatch_is_reported(nlp):
    doc = nlp("The council received 412 complaints: 300 about bins, 90 about roads and 30 about parking.")
    (check,) = [k for k in doc._.consistency if k.kind == "breakdown"]
    assert (check.expected, check.actual, check.ok) == (412, 420, False)
    assert "do not add up" in check.note


def test_hedged_total_reads_last_significant_digit(nlp):
    counts = {c.value: c for c in nlp("Around 450 patients and about 1,000 staff and roughly 1.2 million "
                                      "people were counted.")._.counts}
    assert (counts[450].low, counts[450].high) == (445, 454)
    assert (counts[1000].low, counts[1000].high) == (500, 1499)


def test_dates_claim_numbers_but_not_their_counted_nouns(nlp):
    from newsfacts.records import DateMention

    doc = nlp.make_doc("The unit ran 11 day case procedures over 11 days.")
    for name, proc in nlp.pipeline:
        if name == "newsfacts_counts":
            start = doc.text.index("11 day")
            doc._.dates = [DateMention(id="d1", text="11 day", start=start, end=start + 6, type="DURATION")]
        doc = proc(doc)
    assert [(c.value, c.head) for c in doc._.counts] == [(11, "procedures")]


def test_exclusions_hold_without_dates_component(nlp):
    extractor = CountExtractor(nlp)
    doc = nlp("The strike began at 8am and ran seven days a week for eight years at a cost of £5m.")
    doc._.dates = []
    assert extractor(doc)._.counts == []


def test_seed_article_counts(seed_record):
    counts = seed_record.counts
    got = {(c.value, c.approximate, c.head) for c in counts}
    assert got == {(200, True, "patients"), (450, True, "patients"), (380, True, "people"),
                   (71, False, "appointments"), (56, False, "slots"), (4, False, "operations"),
                   (11, False, "procedures")}
    by_value = {c.value: c for c in counts}
    assert by_value[200].text == "Hundreds of Nottinghamshire patients"
    assert by_value[200].unit == "Nottinghamshire patients"
    assert by_value[11].unit == "day case procedures"
    assert {by_value[v].part_of for v in (56, 4, 11)} == {by_value[71].id}
    for c in counts:
        assert seed_record.text[c.start:c.end] == c.text
    texts = " | ".join(c.text for c in counts)
    for not_count in ("seven days", "8am", "11 day case"):
        assert not_count not in texts or not_count == "11 day case"


def test_seed_article_links(seed_record):
    orgs = {o.id: o for o in seed_record.organisations}
    by_value = {c.value: c for c in seed_record.counts}
    trust = by_value[71].organisation
    assert trust is not None
    assert "Kings Mill" in " ".join(m.text for m in orgs[trust].mentions) or "Sherwood" in orgs[trust].name
    places = {p.id: p.name for p in seed_record.places}
    assert by_value[450].place is not None and places[by_value[450].place] in ("Nottinghamshire", "Notts")


def test_seed_article_consistency(seed_record):
    checks = {k.kind: k for k in seed_record.consistency}
    by_id = {c.id: c for c in seed_record.counts}
    assert set(checks) == {"breakdown", "total"}
    breakdown, total = checks["breakdown"], checks["total"]
    assert (breakdown.expected, breakdown.actual, breakdown.ok) == (71, 71, True)
    assert (total.expected, total.actual, total.ok) == (450, 451, True)
    assert sorted(by_id[i].value for i in total.counts) == [71, 380, 450]


def test_described_hospitals_take_their_shared_operator(nlp):
    doc = nlp("Staff at Leicester Royal Infirmary and Glenfield Hospital walked out on Monday. "
              "About 120 operations were cancelled at both Leicester hospitals.")
    orgs = {o.id: o for o in doc._.organisations}
    (count,) = [c for c in doc._.counts if c.head == "operations"]
    hospitals = [o for o in orgs.values() if o.kind == "hospital"]
    assert len(hospitals) == 2 and count.organisation is not None
    assert {h.operator for h in hospitals} == {count.organisation}
    assert orgs[count.organisation].kind != "hospital"


def test_described_hospitals_with_two_operators_stay_unlinked(nlp):
    doc = nlp("Doctors at Nottingham City Hospital and King's Mill Hospital joined the strike. "
              "Some 90 clinics were cancelled at the two Nottinghamshire hospitals.")
    assert len({o.operator for o in doc._.organisations if o.kind == "hospital"}) == 2
    (count,) = [c for c in doc._.counts if c.head == "clinics"]
    assert count.organisation is None


def test_seed_article_described_hospitals_link_to_their_trust(seed_record):
    orgs = {o.id: o for o in seed_record.organisations}
    by_value = {c.value: c for c in seed_record.counts}
    trust = by_value[380].organisation
    assert trust is not None and "Nottingham University Hospitals" in orgs[trust].name
    assert by_value[380].place is not None


def test_exact_breakdown_in_a_later_sentence_without_cue(nlp):
    doc = nlp("The bank will cut 900 jobs this year. The cuts follow a fall in profits. "
              "About 500 jobs will go in branches while 300 and 100 will go in IT and finance.")
    by_value = {c.value: c for c in doc._.counts}
    assert {by_value[v].part_of for v in (500, 300, 100)} == {by_value[900].id}
    (check,) = [k for k in doc._.consistency if k.kind == "breakdown"]
    assert check.ok and check.actual == 900


def test_later_sentence_counts_that_do_not_add_up_are_no_breakdown(nlp):
    doc = nlp("The bank will cut 900 jobs this year. About 500 jobs will go in branches while 300 will go in IT.")
    assert all(c.part_of is None for c in doc._.counts)
    assert not [k for k in doc._.consistency if k.kind == "breakdown"]
