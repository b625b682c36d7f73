"""People, organisations and places: the base model's entities, corrected by our own rules,
linked to the NHS gazetteer and grouped into one record per real-world thing.

How a document is read:
1. A SpanRuler (patterns in models/entity_patterns.jsonl) proposes spans by general rules: names
   after honorifics or role words, before or after speech verbs, in apposition with a role;
   "X Hospital" / "X Medical Centre" / "... NHS (Foundation) Trust" and other organisation heads;
   party names; UK counties and county abbreviations ("Notts"); the constituency of "X MP"; and
   descriptions such as "the trust which runs ...".
2. These override the base model's PERSON / ORG / GPE / LOC / FAC / NORP entities where they
   overlap; base entities that name a known place, party or county abbreviation are relabelled.
3. Mentions are grouped: hospitals and trusts by the gazetteer (canonical name, ODS code,
   operator), acronyms with their expansions ("BMA"), surnames with full names ("Ms Hill"),
   abbreviations with their county, "the Government" with the UK Government.
4. Roles come from pre-modifiers ("Health secretary Jeremy Hunt") and appositions ("Nicky Hill,
   director of HR for ..."); a politician's party from a party named in the same sentence.

Other components call `entity_for_span(doc, start, end)` and `person_gender(person)`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache

import numpy
from spacy.attrs import IS_LOWER, IS_PUNCT, IS_TITLE, LIKE_URL, LOWER, ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from newsfacts.assets import load_json_asset, load_jsonl_asset
from newsfacts.gazetteer import Gazetteer, Site, Trust, bare_site_forms, normalise_name
from newsfacts.matching import GatedMatcher
from newsfacts.records import Mention, Organisation, Person, Place, Role

PATTERNS_ASSET = "entity_patterns.jsonl"
WORDS_ASSET = "entity_words.json"
PLACES_ASSET = "uk_places.json"
BOARDS_ASSET = "nhs_boards.json"
RULE_SPANS_KEY = "newsfacts_rules"

_BASE_PERSON, _BASE_ORG, _BASE_PLACE = {"PERSON"}, {"ORG"}, {"GPE", "LOC", "FAC"}
_REPLACEABLE = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT",
                "LAW", "LANGUAGE"}
_APOSTROPHES = "'’"
_DETERMINERS = {"the", "a", "an", "both", "its", "their", "our"}
# Pattern ids in the order in which they win over one another when their spans overlap.
_RULE_PRIORITY = {"trust_description": 9, "org_head": 8, "media_told": 8, "government": 8,
                  "media_emphasis": 8, "titled_the": 2, "place_council": 8,
                  "known_org": 8, "party": 7, "person_honorific": 6,
                  "place_constituency": 6, "place_seat": 6, "person_role": 5, "person_apposition": 4,
                  "person_speaker": 4, "place_abbreviation": 3, "place_county": 3, "person_peer": 6}


@cache
def _words() -> dict:
    return load_json_asset(WORDS_ASSET)


@cache
def _place_names() -> tuple[str, ...]:
    words = _words()
    return tuple(dict.fromkeys([*load_json_asset(PLACES_ASSET)["places"], *words["uk_counties"],
                                *words["uk_nations"], *words["uk_regions"]]))


def _written_forms(name: str) -> list[str]:
    """"Newcastle Under Lyme" is written "Newcastle-under-Lyme" too, and the other way round."""
    words = name.replace("-", " ").split()
    return list(dict.fromkeys([name, " ".join(words), "-".join(words)]))


@cache
def _locality_names() -> tuple[str, ...]:
    """Districts, suburbs and villages ("Didsbury", "Edgbaston"): places only in a place's context."""
    known = _known_places()
    return tuple(n for n in load_json_asset(PLACES_ASSET).get("localities", ())
                 if normalise_name(n) not in known)


@cache
def _known_places() -> frozenset[str]:
    return frozenset(normalise_name(n) for n in _place_names())


@dataclass
class _Candidate:
    kind: str  # person | organisation | place
    span: Span
    source: str  # base label or rule id
    key: str = ""
    name: str = ""
    org_kind: str = "other"
    entry: Site | Trust | None = None
    candidates: list = field(default_factory=list)
    honorific: str | None = None
    bare: bool = False  # a site named without its head word ("Southmead"): needs context support
    operator: str | None = None  # the ODS code of the trust running a site left unresolved
    _written: str | None = field(default=None, repr=False, compare=False)

    @property
    def written(self) -> str:
        """The span's text without a leading "the", read once: the merges of organisation groups
        compare every group's names many times."""
        if self._written is None:
            self._written = _strip_the(self.span.text)
        return self._written


@Language.factory("newsfacts_entities")
def make_entities(nlp: Language, name: str) -> EntityLinker:
    return EntityLinker(nlp, name)


class EntityLinker:
    def __init__(self, nlp: Language, name: str = "newsfacts_entities"):
        self.name = name
        words = _words()
        self.gazetteer = Gazetteer.load()
        patterns = [*load_jsonl_asset(PATTERNS_ASSET), *_known_organisation_patterns(words)]
        # Fixed word sequences (counties, parties, known names) go to one PhraseMatcher pass;
        # the Matcher gets only the patterns with variable parts.
        literal = [p for p in patterns if _is_literal(p["pattern"])]
        self.rules = _RuleSpans(nlp.vocab, _merged_patterns(
            [p for p in patterns if not _is_literal(p["pattern"])]))
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.phrase_rules: dict[str, list[tuple[str, list[dict]]]] = {}
        for item in literal:
            words_lower = [next(v for k, v in t.items() if k in ("ORTH", "LOWER")).lower()
                           for t in item["pattern"]]
            key = " ".join(words_lower)
            if key not in self.phrase_rules:
                self.phrases.add(key, [Doc(nlp.vocab, words=words_lower)])
            self.phrase_rules.setdefault(key, []).append((item["id"], item["pattern"]))
        # In the same pass: place names (context for telling hospitals apart) and the first words
        # of bare site names (where `_bare_sites` needs to look).
        self.phrases.add(_PLACE_KEY, [nlp.make_doc(form) for name in _place_names()
                                      for form in _written_forms(name)])
        self.phrases.add(_LOCALITY_KEY, [nlp.make_doc(form) for name in _locality_names()
                                         for form in _written_forms(name)])
        self.phrases.add(_BARE_KEY, [Doc(nlp.vocab, words=[form])  # one token, as written
                                     for word in self.gazetteer.bare_first_words()
                                     for form in _bare_start_forms(word)])
        self.org_prefixes: dict[str, str] = words["org_prefixes"]
        self.person_ranks = set(words["person_ranks"])
        self.kin_words = set(words["kin_words"])
        self.place_prepositions = set(words["place_prepositions"])
        self.area_prepositions = set(words["area_prepositions"])
        self.place_nouns = set(words["place_nouns"])
        self._list_hashes = None
        self._lower_words: frozenset[str] = frozenset()
        self._brackets: frozenset[int] = frozenset()  # token positions of "("
        self._base_org_bounds: list[tuple[int, int]] = []  # the base model's ORG spans, read once
        self._has_urls = False
        self._after_the: frozenset[str] = frozenset()
        self._after_place_words: frozenset[str] = frozenset()
        self._campus_names: frozenset[str] = frozenset()  # bare site names used for a campus
        self._place_prep_hashes = None
        self.compass_words = set(words["compass_words"])
        self.facility_heads = set(words["facility_heads"])
        self.not_place_last_words = set(words["not_place_last_words"])
        self.care_home_heads = set(words["care_home_heads"])
        self.not_organisations = set(words["not_organisations"])
        self.honorifics: dict[str, str | None] = words["honorifics"]
        self.parties: dict[str, str] = words["parties"]
        self.abbreviations: dict[str, str] = words["place_abbreviations"]
        self.org_heads: dict[str, str] = words["org_heads"]
        self.known_kinds: dict[str, str] = words["known_kinds"]
        self.role_words = set(words["role_words"])
        self.political_roles = set(words["political_roles"])
        self.speech_verbs = set(words["speech_verbs"])
        self.government_words = set(words["government_words"])
        self.government_modifiers = set(words["government_modifiers"])
        self.politics_cues = set(words["national_politics_cues"])
        self._politics_cue_hashes = numpy.array([nlp.vocab.strings[w] for w in self.politics_cues],
                                                dtype=numpy.uint64)
        self._names_national_politics = False
        self.places = _known_places()
        self.localities = frozenset(normalise_name(n) for n in _locality_names())
        self.counties = {normalise_name(c): c for c in words["uk_counties"]}
        self.not_place_first_words = set(words["not_place_first_words"])
        self.not_org_last_words = set(words["not_org_last_words"])
        self.programme_nouns = set(words["title_programme_nouns"])
        self.title_roles = set(words["title_role_words"])
        self.demonyms = set(words["demonyms"])
        self.police_words = set(words["police_words"])
        self.party_heads = set(words["party_modifiable_heads"])
        self.party_words = {name for name in self.parties if " " not in name} | {"lib", "dem", "dems"}
        self.inquiry_nouns = set(words["inquiry_nouns"])
        self.nations = {normalise_name(n) for n in words["uk_nations"]}
        self.campaign_verbs = set(words["campaign_verbs"])
        self.first_names = set(words["first_names"])
        self.media_heads = set(words["media_heads"])
        self.not_site_nouns = set(words["not_site_nouns"])
        self.family_nouns = set(words["family_nouns"])
        self.not_site_first_words = {n.split()[0] for n in self.not_site_nouns}
        self.named_building_heads = set(words["named_building_heads"])
        self.street_heads = set(words["street_heads"])
        self.board_of_place: dict[str, dict] = {
            normalise_name(place): board for board in load_json_asset(BOARDS_ASSET)["boards"]
            for place in board["places"]}
        self.company_nouns = set(words["company_nouns"])
        self.academic_heads = set(words["academic_heads"])
        self.academic_plurals = set(words["academic_plurals"])
        self.job_titles = (self.title_roles | set(words["job_title_words"])) - {"executive", "general"}

    # -- the component ---------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        # Read from one token array: a Python pass over every Token costs more than the rest of a rule.
        orth, lower, is_lower, like_url = doc.to_array([ORTH, LOWER, IS_LOWER, LIKE_URL]).T
        strings = doc.vocab.strings
        self._lower_words = frozenset(strings[h] for h in set(orth[is_lower == 1].tolist()))
        self._brackets = frozenset(numpy.flatnonzero(orth == strings["("]).tolist())
        self._has_urls = bool(like_url.any())
        self._after_the = frozenset(strings[h] for h in set(orth[1:][lower[:-1] == strings["the"]].tolist()))
        if self._place_prep_hashes is None:
            self._place_prep_hashes = numpy.array(
                [strings.add(w) for w in (*self.place_prepositions, "from", "to")], dtype=numpy.uint64)
        # Words written right after "in", "at", "from" ...: the names the article uses as places.
        self._after_place_words = frozenset(
            strings[h] for h in set(orth[1:][numpy.isin(lower[:-1], self._place_prep_hashes)].tolist()))
        self._names_national_politics = bool(numpy.isin(lower, self._politics_cue_hashes).any())
        doc.spans[RULE_SPANS_KEY] = self.rules(doc)
        self._add_phrase_spans(doc)
        candidates = self._candidates(doc)
        self._write_ents(doc, candidates)
        people, organisations, places = self._group(doc, candidates)
        doc._.people, doc._.organisations, doc._.places = people, organisations, places
        return doc

    def _add_phrase_spans(self, doc: Doc) -> None:
        spans = list(doc.spans[RULE_SPANS_KEY])
        strings = doc.vocab.strings
        places, place_spans, locality_spans, bare_starts = [], [], [], set()
        for match_id, start, end in self.phrases(doc):
            key = strings[match_id]
            if key == _LOCALITY_KEY:
                if doc[start].is_title:
                    locality_spans.append(doc[start:end])
                continue
            if key == _PLACE_KEY:
                if doc[start].text[:1].isupper():
                    places.append(doc[start:end].text)
                    place_spans.append(doc[start:end])
                continue
            if key == _BARE_KEY:
                bare_starts.add(start)
                continue
            for rule, pattern in self.phrase_rules[key]:
                if all(_token_fits(doc[start + i], token) for i, token in enumerate(pattern)):
                    spans.append(Span(doc, start, end, label="ORG", span_id=rule))
        doc.spans[RULE_SPANS_KEY] = spans
        doc.user_data[_PLACES_IN_TEXT] = places
        doc.user_data[_PLACE_SPANS] = [(s.start, s.end) for s in filter_spans(place_spans)]
        doc.user_data[_LOCALITY_SPANS] = [(s.start, s.end) for s in filter_spans(locality_spans)]
        doc.user_data[_BARE_STARTS] = sorted(bare_starts)

    # -- finding and correcting spans --------------------------------------------------------
    def _candidates(self, doc: Doc) -> list[_Candidate]:
        base_ents = list(doc.ents)
        self._base_org_bounds = [(e.start, e.end) for e in base_ents if e.label_ in _BASE_ORG]
        rule_spans = self._rule_spans(doc)
        taken = [False] * len(doc)
        chosen: list[_Candidate] = []
        for span in rule_spans:
            if any(taken[i] for i in range(span.start, span.end)):
                continue
            candidate = self._from_rule(doc, span)
            if candidate is None:
                continue
            if candidate.kind == "organisation" and candidate.source in {"org_head", "known_org"}:
                wider = self._wider_name(doc, candidate.span)
                if wider is not None and not any(taken[i] for i in range(wider.start, wider.end)):
                    candidate = self._organisation(doc, wider, candidate.source)
            if candidate.source == "trust_description":
                # The hospitals and places inside the description are mentions of their own.
                chosen.append(candidate)
                continue
            for i in range(candidate.span.start, candidate.span.end):
                taken[i] = True
            if span.id_ in {"place_seat", "place_constituency"}:
                for i in range(span.start, span.end):
                    taken[i] = True  # "AM for Aberavon", "Gedling MP": the seat's word too
            chosen.append(candidate)
        for candidate in self._bare_sites(doc, taken, chosen):
            for i in range(candidate.span.start, candidate.span.end):
                taken[i] = True
            chosen.append(candidate)
        ents = [e for e in base_ents if e.label_ in _REPLACEABLE]
        trimmed = {e.start: _trim(e) for e in ents}
        wider: dict[int, Span] = {}  # base ORG names read from their middle, made whole
        for ent in ents:
            span = trimmed[ent.start] if ent.label_ in _BASE_ORG else None
            whole = self._wider_name(doc, span) if span is not None else None
            if whole is not None:
                wider[ent.start] = whole
        for ent in ents:
            if any(w.start <= ent.start and ent.end <= w.end and start != ent.start
                   for start, w in wider.items()):
                continue  # "Public" in "Public and Commercial Services Union"
            span = wider.get(ent.start) or trimmed[ent.start]
            if span is None:
                continue
            for part in self._list_parts(span):
                if any(taken[i] for i in range(part.start, part.end)):
                    continue
                candidate = self._from_base(doc, part, ent.label_)
                if candidate is not None and part is not span and candidate.kind == "place":
                    candidate.source = "place_list"
                if candidate is not None:
                    for i in range(candidate.span.start, candidate.span.end):
                        taken[i] = True
                    chosen.append(candidate)
        if _SHARED_HEADS.keys() & self._lower_words:
            chosen = self._with_shared_heads(doc, taken, chosen)
        chosen = self._with_known_places(doc, taken, chosen)
        chosen = self._with_place_lists(doc, taken, chosen)
        # Parties written as modifiers inside other names ("The Conservative Government").
        for span in doc.spans.get(RULE_SPANS_KEY, []):
            if span.id_ == "party" and any(
                    c.span.start <= span.start and span.end <= c.span.end and c.source != "party"
                    and self._party_modifies(c.span, span) for c in chosen):
                chosen.append(self._party(span))
        chosen.sort(key=lambda c: (c.span.start, c.span.end))
        # "Tracey Batten" read as a place once, and found as a person by our rules ("Dr Tracey
        # Batten") elsewhere: the person.
        people = {normalise_name(c.span.text) for c in chosen if c.kind == "person"
                  and len(c.span) > 1 and c.source not in _BASE_PERSON}
        chosen = [_Candidate("person", c.span, c.source) if c.kind == "place" and c.source in _BASE_PLACE
                  and c.key in people else c for c in chosen]
        # "Professor James Stirling ... Prof. Stirling": a surname of the article's people, read
        # as a place where no place context says so, is the person.
        surnames = {c.span[-1].text for c in chosen if c.kind == "person" and len(c.span) > 1}
        chosen = [_Candidate("person", c.span, c.source) if c.kind == "place"
                  and c.source in _BASE_PLACE | _BASE_PERSON and len(c.span) == 1
                  and c.span.text in surnames and not self._written_as_place(c.span)
                  else c for c in chosen]
        # "Helmut Panke" read as an organisation, "Mr Panke" as a person: the person.
        surnames = {c.span[-1].text for c in chosen if c.kind == "person" and c.honorific}
        lone = {c.span.text for c in chosen if len(c.span) == 1 and c.source in _BASE_ORG | _BASE_PERSON
                and c.entry is None and not c.candidates and c.kind != "place"}
        lone -= self._after_the  # "the Orioles"
        surnames |= {c.span[-1].text for c in chosen if c.kind == "organisation" and c.source in _BASE_ORG
                     and len(c.span) == 2 and c.span[-1].text in lone
                     and normalise_name(c.span[0].text) not in self.places
                     and c.span[0].lower_ not in self.org_heads and c.span[-1].lower_ not in self.org_heads}
        chosen = [_Candidate("person", c.span, c.source)
                  if c.kind == "organisation" and c.source in _BASE_ORG and 2 <= len(c.span) <= 3
                  and c.entry is None and not c.candidates and c.span[-1].text in surnames
                  and all(t.is_title for t in c.span) and self._org_kind_from_head(c.span) is None
                  and normalise_name(c.span.text) not in self.known_kinds else c for c in chosen]
        # "Deutsche Boerse", "Virgin Blue": read as a person once and as an organisation elsewhere.
        org_names = {normalise_name(c.span.text) for c in chosen if c.kind == "organisation"}
        chosen = [c for c in chosen if c.kind != "person" or len(c.span) == 1
                  or normalise_name(c.span.text) not in org_names or c.honorific]
        # "Norfolk police": the force, not the county.
        chosen = [self._organisation(doc, doc[c.span.start:c.span.end + 1], c.source)
                  if c.kind == "place" and c.span.end < len(doc) and doc[c.span.end].lower_ in self.police_words
                  and not taken[c.span.end] and c.key not in self.nations else c for c in chosen]
        chosen = self._with_universities_by_place(doc, chosen)
        if self._brackets:
            chosen = _without_common_acronyms(chosen, self._brackets)
        if self._has_urls:
            chosen = [c for c in chosen if not _inside_a_link_target(c.span)]
        chosen = self._with_places_for_hospitals(chosen)
        chosen = self._with_places_used_as_modifiers(chosen)
        described = {c.key for c in chosen if self._described_not_named(c)}
        if described:
            chosen = [c for c in chosen if c.kind != "organisation" or c.key not in described
                      or c.entry is not None or c.candidates]
        org_keys = {normalise_name(c.span.text) for c in chosen if c.kind == "organisation"
                    and c.source != "hospital_by_place"}
        return [c for c in self._without_lone_words(chosen)
                if c.kind != "place" or self._may_be_place(c, chosen, org_keys)]

    def _with_places_for_hospitals(self, chosen: list[_Candidate]) -> list[_Candidate]:
        """"Lewisham Hospital ... the deal Lewisham was offered": after a hospital named "X
        Hospital" (or "X Infirmary"), the place name X alone stands for that hospital, unless it
        is written as a place ("in X", "across X", "south X", "the town of X")."""
        named: dict[str, _Candidate] = {}
        for c in chosen:
            if (c.kind == "organisation" and c.org_kind == "hospital" and len(c.span) > 1
                    and c.span[-1].lower_ in {"hospital", "infirmary"}):
                town = normalise_name(c.span[:-1].text)
                if town in self.places or town in self.localities:
                    named.setdefault(town, c)
        if not named:
            return chosen
        kept = []
        for c in chosen:
            hospital = named.get(c.key) if c.kind == "place" else None
            if hospital is None or hospital.span.start > c.span.start or self._written_as_place(c.span):
                kept.append(c)
                continue
            kept.append(_Candidate("organisation", c.span, "hospital_by_place", key=hospital.key,
                                   name=hospital.name, org_kind="hospital", entry=hospital.entry,
                                   candidates=list(hospital.candidates)))
        return kept

    def _with_places_used_as_modifiers(self, chosen: list[_Candidate]) -> list[_Candidate]:
        """"in Chelsea" ... "its Chelsea site", "Chelsea's famous hospitals": a one-word name the
        base model read as an organisation is the place the article names with it elsewhere
        ("in X") when every such mention only owns or modifies a common noun, and no head or
        gazetteer entry makes it a body."""
        placed = {c.key for c in chosen if c.kind == "place" and len(c.span) == 1
                  and self._written_as_place(c.span)}
        if not placed:
            return chosen
        # Only a name whose every organisation mention owns or modifies a noun: "Imperial will
        # pay" elsewhere keeps "at Imperial" and "Imperial academics" the college's.
        modifier_only = {}
        for c in chosen:
            if c.kind == "organisation" and normalise_name(c.span.text) in placed:
                key = normalise_name(c.span.text)
                modifier_only[key] = modifier_only.get(key, True) and (
                    c.source in _BASE_ORG and len(c.span) == 1 and c.org_kind == "other"
                    and c.entry is None and not c.candidates and self._owns_a_common_noun(c.span))
        kept = []
        for c in chosen:
            if c.kind == "organisation" and modifier_only.get(normalise_name(c.span.text)):
                c = self._place(c.span, c.source)
            kept.append(c)
        return kept

    @staticmethod
    def _owns_a_common_noun(span: Span) -> bool:
        """"Chelsea's famous ...", "its Chelsea site": the name owns or modifies a lower-case word."""
        doc, end = span.doc, span.end
        if end + 1 < len(doc) and doc[end].text in {"'s", "’s"}:
            return doc[end + 1].is_lower
        return end < len(doc) and doc[end].is_lower and doc[end].pos_ == "NOUN" and span[-1].dep_ in {
            "compound", "nmod", "amod"}

    def _described_not_named(self, c: _Candidate) -> bool:
        """"an Urgent Care Centre instead of a full A&E", "its Maternity Unit", "the hospital's
        Council of Governors": capitalised words after "a"/"an", a possessive determiner or a
        common noun's possessive describe a unit of something else; a body's name takes none
        of these (unless it modifies a noun: "an Imperial College spokesman"). Known bodies,
        parties and gazetteer names are left alone."""
        if (c.kind != "organisation" or c.source not in _BASE_ORG | _BASE_PLACE | {"org_head"} or c.entry is not None
                or c.candidates or c.org_kind == "political_party" or c.span.start < 2
                or c.key.removeprefix("org:") in self.known_kinds):
            return False
        doc, start = c.span.doc, c.span.start
        before = doc[start - 1]
        if not (before.lower_ in _UNIT_DETERMINERS or (
                before.text in {"'s", "’s"} and doc[start - 2].is_lower and doc[start - 2].pos_ == "NOUN")):
            return False
        end = c.span.end
        if end < len(doc) and doc[end].is_lower and doc[end].pos_ == "NOUN":
            return False  # "a Society of Radiographers survey": the body's survey
        return not self._modifies_noun(doc, start, end)

    def _written_as_place(self, span: Span) -> bool:
        """A place name in a place's context: after a place or area preposition or "from",
        after a compass word ("south London"), or after a comma that follows another name
        ("Fulham Road, Chelsea")."""
        doc, i = span.doc, span.start - 1
        if i < 0:
            return False
        before = doc[i]
        return (self._is_place_preposition(doc, i) or self._is_area_preposition(doc, i)
                or before.lower_ in {"from", "to", "of"} or before.lower_ in self.compass_words
                or (before.text == "," and i > 0 and doc[i - 1].is_title))

    def _with_shared_heads(self, doc: Doc, taken: list[bool],
                           chosen: list[_Candidate]) -> list[_Candidate]:
        """"Mahidol, Chulalongkorn and Khon Kaen universities", "Ninewells and Raigmore hospitals":
        a plural head after a list of names makes each name one of that kind ("Chulalongkorn
        University"). A town in a list of hospitals is a hospital only when the gazetteer knows
        "<town> Hospital" ("London and Leeds hospitals" are the hospitals of two cities)."""
        at = {c.span.start: c for c in chosen}
        for token in doc:
            head = _SHARED_HEADS.get(token.text)
            if head is None or token.i < 3:
                continue
            conjuncts, i = [], token.i
            while i > 0:
                end = i
                while i > 0 and doc[i - 1].is_title and end - i < 4:
                    i -= 1
                    if doc[i].is_sent_start:
                        break
                if i == end:
                    break
                conjuncts.append((i, end))
                if i > 0 and not doc[i].is_sent_start and (
                        doc[i - 1].lower_ in {"and", "&"} or doc[i - 1].text == ","):
                    i -= 1
                    if i > 0 and doc[i].lower_ == "and" and doc[i - 1].text == ",":
                        i -= 1
                    continue
                break
            if len(conjuncts) < 2 or doc[conjuncts[-1][0]].lower_ in self.campaign_verbs or any(
                    normalise_name(doc[b[0]:a[1]].text) in self.places
                    for a, b in zip(conjuncts, conjuncts[1:], strict=False)):
                continue  # "Save Hammersmith & Fulham hospitals": a campaign; a place's name
            for start, end in conjuncts:
                span = doc[start:end]
                old = at.get(start)
                if old is not None and (old.span.end != end or old.kind == "organisation" and (
                        old.org_kind != "other" or old.entry is not None or old.candidates)):
                    continue  # already a body or a hospital site, or part of a longer name
                if old is None and any(taken[k] for k in range(start, end)):
                    continue
                name = f"{span.text} {head}"
                entries = self.gazetteer.lookup(name) if head in {"Hospital", "Infirmary"} else []
                if head in {"Hospital", "Infirmary"} and not entries and (
                        normalise_name(span.text) in self.places | self.localities):
                    continue
                candidate = _Candidate("organisation", span, "shared_head", key="org:" + normalise_name(name),
                                       name=name, org_kind=self.org_heads.get(head.lower(), "other"),
                                       candidates=entries)
                if entries and isinstance(entries[0], Site):
                    candidate.org_kind = "hospital"
                chosen = [c for c in chosen if c is not old]
                chosen.append(candidate)
                for k in range(start, end):
                    taken[k] = True
        return chosen

    def _with_universities_by_place(self, doc: Doc, chosen: list[_Candidate]) -> list[_Candidate]:
        """Universities named by their town ("Newcastle", "Goldsmiths"): a name listed with a
        university or institute ("from Goldsmiths, Roehampton and the Courtauld Institute"), or in
        a list after "including"/"such as" in a sentence about universities. Every other mention
        of the name in the article is then the university, not the place."""
        at = {i: c for c in chosen for i in range(c.span.start, c.span.end)}
        found: dict[int, _Candidate] = {}
        for c in chosen:
            if c.kind == "organisation" and self._is_academic(c):
                for token in c.span.root.conjuncts:
                    self._university_at(doc, doc[token.i:token.i + 1], at, found)
        for span in self._listed_among_universities(doc):
            self._university_at(doc, span, at, found)
        if not found:
            return chosen
        names = {normalise_name(u.span.text): u for u in found.values()}
        kept = list(found.values())
        for c in chosen:
            university = names.get(normalise_name(c.span.text))
            if c.span.start in found:
                continue
            if university is None or c.kind == "organisation":
                kept.append(c)
                continue
            kept.append(_Candidate("organisation", c.span, "university_by_place", key=university.key,
                                   name=university.name, org_kind="university"))
        return sorted(kept, key=lambda c: (c.span.start, c.span.end))

    def _is_academic(self, c: _Candidate) -> bool:
        return c.org_kind == "university" or c.span[-1].lower_ in self.academic_heads

    def _listed_among_universities(self, doc: Doc) -> list[Span]:
        """The names listed after "including", "such as" or "like" in a sentence that speaks of
        universities before it ("vice-chancellors at universities, including Goldsmiths,
        [Newcastle](http://...) and Cambridge"); a markdown link around a name is skipped."""
        if not (self.academic_plurals & self._lower_words and _LIST_OPENERS & self._lower_words):
            return []
        names = []
        for opener in (t for t in doc if t.lower_ in _LIST_OPENERS):
            if opener.lower_ == "as" and (opener.i == 0 or doc[opener.i - 1].lower_ != "such"):
                continue
            if not any(t.lower_ in self.academic_plurals for t in doc[opener.sent.start:opener.i]):
                continue
            names += _names_listed(doc, opener.i + 1, opener.sent.end)
        return names

    def _university_at(self, doc: Doc, span: Span, at: dict[int, _Candidate],
                       found: dict[int, _Candidate]) -> None:
        """Read the name at `span` (a place, a lone name read as a person, or untagged) as a
        university."""
        c = at.get(span.start)
        if c is not None:
            if c.kind == "organisation" or (c.kind == "person" and len(c.span) > 1):
                return
            span = c.span
        elif any(i in at for i in range(span.start, span.end)):
            return
        if (not all(t.is_title for t in span) or span[0].is_sent_start
                or normalise_name(span.text) in self.nations):
            return
        found[span.start] = _Candidate("organisation", span, "university_by_place",
                                       key="org:" + normalise_name(span.text), name=span.text,
                                       org_kind="university")

    def _wider_name(self, doc: Doc, span: Span) -> Span | None:
        """The whole name when an organisation name was read from its middle: "Public and |
        Commercial Services Union", "Securities and | Exchange Commission" (a name with an
        organisation head, after "and" and capitalised words that are no name of their own), and
        "Guy's Hospital | Medical School" (a hospital's name inside a school's)."""
        end = self._head_after(doc, span.end)
        if end > span.end:
            return doc[span.start:end]
        if span[-1].is_title and span[-1].lower_ in self.org_heads:
            end = self._of_phrase_end(doc, span.end)
            if end > span.end:
                return doc[span.start:end]  # "National Academy | of Sciences"
        if span[-1].lower_ in {"hospital", "infirmary"}:
            while end < len(doc) and doc[end].is_title and end - span.end < 3:
                end += 1
            if end > span.end and doc[end - 1].lower_ in {"school", "college", "university", "library"}:
                return doc[span.start:end]
            if end > span.end and self._name_goes_on(doc, span.end, end):
                return doc[span.start:end]  # "the Dr Foster Hospital Guide": a guide, not a hospital
            end = span.end
        start = span.start
        if start < 2 or not doc[start - 2].is_title or self._org_kind_from_head(span) is None:
            return None
        if doc[start - 1].lower_ == "of":
            # "Fraser of | Allander Institute"; not "Chief Executive of | X Trust", "Mayor of X".
            word = doc[start - 2]
            if ((start >= 3 and (doc[start - 3].is_title or doc[start - 3].lower_ in {"of", "and"}))
                    or word.lower_ in self.title_roles or word.lower_ in self.role_words
                    or word.lower_ in self.person_ranks or word.lower_ in self.honorifics
                    or normalise_name(word.text) in self.places or word.ent_type_ in {"GPE", "PERSON", "ORG"}
                    or word.is_sent_start):
                return None
            return doc[start - 2:end]
        if doc[start - 1].lower_ not in {"and", "&"}:
            return None
        k = start - 1
        while k > 0 and doc[k - 1].is_title and doc[k - 1].lower_ not in _DETERMINERS and start - k < 4:
            k -= 1
            if doc[k].is_sent_start:
                break
        left = doc[k:start - 1]
        if self._org_kind_from_head(span) is not None and normalise_name(
                doc[k:span.end - 1].text) in self.places:
            # "Royal Borough of | Kensington and | Chelsea Council": the council of a place whose
            # name has "and" in it, and the words before "of" when they end in a head or place noun.
            k = self._of_phrase_start(doc, k)
            return doc[k:end]
        if self.gazetteer.lookup(doc[k:end].text):
            return doc[k:end]  # "Norfolk and | Norwich University Hospitals": a name the NHS data knows
        if doc[start - 1].text == "&" or (len(left) == 1 and left[0].lower_ in _BARE_HEADS):
            # "Daily Mail & General Trust": "&" is written inside one name; "University and
            # College Union": a head word alone names nothing of its own.
            return doc[k:end]
        low = normalise_name(left.text)
        if (low in self.known_kinds or _straight(left.text).lower() in self.parties or low in self.places
                or self._org_kind_from_head(left) is not None or self.gazetteer.lookup(left.text)
                or left[-1].ent_type_ in {"PERSON", "GPE"}
                or any(t.text == left.text and t.ent_type_ and not k <= t.i < end for t in doc)
                or (len(left) > 1 and left[0].ent_iob_ == "B" and left[-1].ent_iob_ != "O"
                    and (left.end == len(doc) or doc[left.end].ent_iob_ != "I"))):
            return None  # "Unison and Fire Brigades Union", "Deutsche Bank and ...": two names
        return doc[k:end]

    def _of_phrase_end(self, doc: Doc, end: int) -> int:
        """The end of an "of" phrase of capitalised words after an organisation's head word:
        "National Academy | of Sciences", "Royal Borough | of Kensington and Chelsea Council"
        ("and" only inside a known place's name); `end` itself when none follows."""
        if end + 1 >= len(doc) or doc[end].lower_ != "of":
            return end
        i = end + 1
        while i < len(doc) and doc[i].is_title and not doc[i].is_sent_start and doc[i].ent_type_ not in _NOT_NAMES:
            i += 1
        if i == end + 1:
            return end
        if i + 1 < len(doc) and doc[i].lower_ in {"and", "&"} and doc[i + 1].is_title:
            j = i + 1
            while j < len(doc) and doc[j].is_title and j - i < 4:
                j += 1
            for k in range(j, i + 1, -1):
                if normalise_name(doc[end + 1:k].text) in self.places:
                    i = k
                    if k < len(doc) and doc[k].is_title and doc[k].lower_ in self.org_heads:
                        i = k + 1  # "... of Kensington and Chelsea Council"
                    break
        return i

    def _of_phrase_start(self, doc: Doc, start: int) -> int:
        """The start of the capitalised words and "of" before a name, when they end in an
        organisation's head or a place noun ("Royal Borough of | Kensington"); else `start`."""
        if start < 2 or doc[start - 1].lower_ != "of" or not doc[start - 2].is_title:
            return start
        word = doc[start - 2].lower_
        if word not in self.org_heads and word not in self.place_nouns:
            return start
        k = start - 2
        while k > 0 and doc[k - 1].is_title and not doc[k].is_sent_start and start - k < 5:
            k -= 1
        return k

    def _name_goes_on(self, doc: Doc, start: int, end: int) -> bool:
        """Whether the capitalised words doc[start:end] right after a hospital's head word go on
        with its name: not a town ("Queen Elizabeth Hospital Birmingham"), a post or rank ("Hospital
        Chief Executive"), a person's or a date's name, nor the start of a sentence."""
        for token in doc[start:end]:
            low = token.lower_
            if (token.is_sent_start or not token.is_alpha or token.ent_type_ in {"PERSON", "DATE", "TIME", "GPE"}
                    or normalise_name(token.text) in self.places or low in self.title_roles
                    or low in self.role_words or low in self.person_ranks or low in self.job_titles
                    or low in self.honorifics or low in self.org_heads):
                return False
        return True

    def _head_after(self, doc: Doc, end: int) -> int:
        """The end of the capitalised words after a name when the last of them (at most three) is
        an organisation's head: "The Guardian | Media Group", "St Mary's Hospital | Association"
        are one name; else `end` itself."""
        if (end + 1 < len(doc) and doc[end].text in {"'s", "’s", "'", "’"} and doc[end + 1].is_title
                and doc[end + 1].lower_ in _BARE_HEADS
                and (end + 2 == len(doc) or not doc[end + 2].is_title)):
            # "Student | ’s Union": a head word alone after a possessive ends the name ("Pearson's
            # Financial Times", "Labour's Fabian Society" are names of their own).
            return end + 2
        i = end
        while i < len(doc) and i - end < 3 and doc[i].is_title and not doc[i].is_sent_start:
            i += 1
        while i > end and doc[i - 1].lower_ not in self.org_heads:
            i -= 1
        return i

    def _party_modifies(self, name: Span, party: Span) -> bool:
        """"The Conservative Government", "Parliamentary Labour Party": the party is named; not in
        "International Labour Organisation" or "Federal Labour Agency"."""
        doc = name.doc
        return ((party.start == name.start or doc[party.start - 1].lower_ in _DETERMINERS)
                or party.end == name.end and doc[party.end - 1].lower_ == "party"
                or (party.end < name.end and doc[party.end].lower_ in self.party_heads))

    def _list_parts(self, span: Span) -> list[Span]:
        """A base entity that is a list of places ("Hammersmith, Ealing and Brent") as its names,
        one that ends "in <town>" as the name and the town; any other entity as itself. A list
        needs a comma, a known place among its names and no organisation's head ("Bath, Somerset
        and Wiltshire NHS Trust" is one name); each of its names must look like one."""
        doc = span.doc
        two = self._two_headed_names(span)
        if two:
            return two
        owned = self._owned_name(span)
        if owned is not span:
            return [doc[span.start:owned.start - 1], owned]  # "the Tavistock Centre's | ... Service"
        for t in span[1:-1]:
            # "Thornhill Lodge in Barnsley": a name, then the town it is in.
            if t.lower_ in {"in", "at"} and normalise_name(doc[t.i + 1:span.end].text) in self.places:
                return [doc[span.start:t.i], doc[t.i + 1:span.end]]
        if not any(t.text == "," for t in span):
            return [span]
        if self._org_kind_from_head(span) is not None or self.gazetteer.lookup(span.text):
            return [span]
        parts, start = [], span.start
        for t in [*span, None]:
            if t is None or t.text == "," or t.lower_ in {"and", "&"}:
                end = t.i if t is not None else span.end
                if end > start:
                    parts.append(span.doc[start:end])
                start = end + 1
        placed = any(normalise_name(p.text) in self.places for p in parts) or (
            doc[span.start].ent_type_ in {"GPE", "LOC"} and any(t.text == "," for t in span))
        if len(parts) < 2 or not placed or not all(
                p[0].is_title and not any(t.is_upper and len(t) > 1 for t in p) for p in parts):
            return [span]  # "Ealing, Southall and Middlesex AC" is a club
        return parts

    def _two_headed_names(self, span: Span) -> list[Span]:
        """"Joint Negotiating Committee and Employers' Pension Forum": two names, each ending in an
        organisation's head, joined by "and" (not "Securities and Exchange Commission", whose first
        part has no head, nor "Guy's Hospital and Medical School", whose two-word second part is
        no name of its own)."""
        doc = span.doc
        joins = [t.i for t in span[2:-3] if t.lower_ == "and"]
        if len(joins) != 1:
            return []
        left, right = doc[span.start:joins[0]], doc[joins[0] + 1:span.end]
        if (left[-1].lower_ in self.org_heads and right[-1].lower_ in self.org_heads
                and all(t.is_title or t.text in _APOSTROPHES or t.text in {"'s", "’s"} for t in right)
                and not {"of", "for"} & {t.lower_ for t in left}):
            return [_trim(left) or left, right]
        return []

    def _with_known_places(self, doc: Doc, taken: list[bool],
                           chosen: list[_Candidate]) -> list[_Candidate]:
        """Towns, counties, regions and nations of the gazetteer that no other name claims are
        places even where the base model saw nothing; a known place written in full
        ("Newcastle-under-Lyme") replaces the shorter places the base model found inside it."""
        parts = _name_parts(chosen)
        for start, end in doc.user_data.get(_PLACE_SPANS, ()):
            inside = [c for c in chosen if start <= c.span.start and c.span.end <= end]
            claimed = [c for c in inside if c.kind != "place" and c.source not in _REPLACEABLE]
            if claimed or any(taken[i] for i in range(start, end)
                              if not any(c.span.start <= i < c.span.end for c in inside)):
                continue
            if end - start == 1 and (doc[start].text in parts or not self._in_place_context(
                    doc, start, end, possessive=True)):
                # A lone known name the base model did not tag is a place only in a place's
                # context ("in Penzance", "Nottingham's libraries"): one-word towns are also clubs,
                # people and common words ("Leeds won", "Reading the report"), and a surname of
                # the article's people is theirs ("Mike Leigh ... Leigh's drama").
                continue
            chosen = [c for c in chosen if c not in inside]
            chosen.append(self._place(doc[start:end], "known_place"))
            for i in range(start, end):
                taken[i] = True
        # "Cottenham in Cambridgeshire": a capitalised name no one else claims, placed "in" or
        # "near" a county or town we know, is a village or a district of it.
        for start, _end in doc.user_data.get(_PLACE_SPANS, ()):
            if start < 2 or doc[start - 1].lower_ not in {"in", "near"} or not any(
                    c.kind == "place" and c.span.start == start for c in chosen):
                continue
            end = start - 1
            first = end
            while first > 0 and end - first < 3 and doc[first - 1].is_title and not taken[first - 1] \
                    and not doc[first - 1].ent_type_ and not doc[first - 1].is_stop:
                first -= 1
                if doc[first].is_sent_start:
                    break
            if first == end or doc[first].is_sent_start or (first > 0 and doc[first - 1].is_title):
                continue  # nothing there, or the end of a longer name
            chosen.append(self._place(doc[first:end], "known_place"))
            for i in range(first, end):
                taken[i] = True
        # Districts and villages of the address data: only in a place's context ("in Didsbury").
        for start, end in doc.user_data.get(_LOCALITY_SPANS, ()):
            if any(taken[i] for i in range(start, end)) or not self._in_place_context(
                    doc, start, end, possessive=False):
                continue
            chosen.append(self._place(doc[start:end], "known_place"))
            for i in range(start, end):
                taken[i] = True
        return chosen

    def _with_place_lists(self, doc: Doc, taken: list[bool],
                          chosen: list[_Candidate]) -> list[_Candidate]:
        """The names of a list after a place preposition are places when one of them is:
        "in Small Heath, Sparkhill and Handsworth", "in Cannock Chase and Newcastle-under-Lyme".
        A conjunct is a place when it is a known place or district, or a one-word name the base
        model read as a person that no fuller name of the article explains (the reading
        `_without_lone_words` gives a name right after "in"); the others (untagged names, base
        organisations without an organisation's head, bare hospital names after "in") follow.
        A list with a person, a named organisation or a hospital is left alone."""
        starts = {c.span.start: c for c in chosen}
        parts = _name_parts(chosen)
        persons = [c for c in chosen if c.kind == "person"]
        known = set(doc.user_data.get(_PLACE_SPANS, ())) | set(doc.user_data.get(_LOCALITY_SPANS, ()))
        for i in self._list_openings(doc):
            token = doc[i]
            conjuncts = self._list_after(doc, i + 1, starts, taken)
            if len(conjuncts) < 3 or conjuncts[-1] is not None:
                continue
            conjuncts = conjuncts[:-1]
            kinds = [self._conjunct_kind(doc, start, end, c, token, parts, persons, known)
                     for start, end, c in conjuncts]
            # A known place or district vouches for its list; the base model's reading of a name
            # as a place (or a lone name as a person) only when two such names share a longer
            # list: "in Bride and Prejudice" and "at the Golden Globes, Baftas and ..." are titles.
            if "other" in kinds or not ("known" in kinds or (
                    kinds.count("place") >= 2 and len(kinds) >= 3)):
                continue
            for start, end, c in conjuncts:
                if c is not None and c.kind == "place":
                    continue
                chosen = [o for o in chosen if o is not c]
                chosen.append(self._place(doc[start:end], "place_list"))
                for k in range(start, end):
                    taken[k] = True
        return chosen

    def _list_openings(self, doc: Doc) -> list[int]:
        """Place prepositions followed by a name and, within a few words, a comma or "and": the
        only tokens where `_with_place_lists` needs to look (found on arrays, not Token objects)."""
        strings = doc.vocab.strings
        if self._list_hashes is None:
            self._list_hashes = ({strings.add(w) for w in self.place_prepositions},
                                 {strings.add(w) for w in self.place_nouns},
                                 strings.add("of"), strings.add("the"),
                                 {strings.add(w) for w in ("and", "or")})
        preps, nouns, of, the, joins = self._list_hashes
        rows = doc.to_array([LOWER, IS_TITLE, IS_PUNCT]).tolist()
        openings = []
        for i in range(len(rows) - 3):
            lower = rows[i][0]
            if not (lower in preps or (lower == of and i and rows[i - 1][0] in nouns)):
                continue
            if not (rows[i + 1][1] or (rows[i + 1][0] == the and rows[i + 2][1])):
                continue
            if any(r[0] in joins or r[2] for r in rows[i + 2: i + 8]):
                openings.append(i)
        return openings

    def _list_after(self, doc: Doc, i: int, starts: dict[int, _Candidate],
                    taken: list[bool]) -> list[tuple[int, int, _Candidate | None]]:
        """The names of a list "A, B and C" (each maybe after "the") that starts at token i, as
        (start, end, the candidate found there or None), then None if the list is closed by
        "and"/"or" and its last name."""
        conjuncts = []
        while i < len(doc):
            if doc[i].lower_ == "the" and i + 1 < len(doc) and doc[i + 1].is_title:
                i += 1
            c = starts.get(i)
            end = c.span.end if c is not None else self._name_end(doc, i)
            if end == i or (c is None and any(taken[k] for k in range(i, end))):
                break
            conjuncts.append((i, end, c))
            comma = end < len(doc) and doc[end].text == ","
            end += comma
            if end < len(doc) and doc[end].lower_ in {"and", "or"}:
                final = self._list_after(doc, end + 1, starts, taken)[:1]
                if not final or final[0] is None:
                    return conjuncts
                last = doc[final[0][1]] if final[0][1] < len(doc) else None
                if comma and last is not None and last.pos_ in {"VERB", "AUX"}:
                    return conjuncts  # "in Liverpool, and Parry has kept ...": a new clause
                return conjuncts + final + [None]
            if not comma:
                break
            i = end
        return conjuncts

    def _conjunct_kind(self, doc: Doc, start: int, end: int, c: _Candidate | None, prep,
                       parts: set[str], persons: list[_Candidate],
                       known: set[tuple[int, int]]) -> str:
        """"known" (a place of our lists), "place" (the base model's place, or a lone name read
        as a person), "follows" (may be a place if its list is one) or "other"."""
        span = doc[start:end]
        key = normalise_name(span.text)
        after_the = start > 0 and doc[start - 1].lower_ == "the"
        if any(t.text == "," for t in span) or (end < len(doc) and doc[end].text in {"'s", "’s"}):
            return "other"  # "in China, and Lenovo's sales": a new clause, not a list
        if self._modifies_noun(doc, start, end) or doc[end - 1].dep_ == "amod":
            return "other"  # "in Japan, and Japanese companies"
        if any(t.ent_type_ and t.ent_type_ not in _REPLACEABLE - {"NORP"} for t in span):
            return "other"  # a nationality, a date or a number
        if (c is None or c.kind != "place") and (
                span[-1].lower_ in self.not_place_last_words or self._org_kind_from_head(span)):
            return "other"  # "the Birmingham and Midlands Institute"
        if c is None:
            if any(taken_start <= start and end <= taken_end for taken_start, taken_end in known):
                return "known" if key in self.places or key in self.localities else "follows"
            return "follows" if not (after_the or self._is_facility_head(doc, end - 1)) else "other"
        if c.kind == "place":
            return "known" if c.key in self.places or c.key in self.localities else "place"
        if c.kind == "person":
            if c.source not in _BASE_PERSON or c.honorific:
                return "other"
            if len(span) == 1:
                if span.text in parts:
                    return "other"
                return "known" if key in self.places or key in self.localities else "place"
            # "Selly Oak": a two-word "person" of the base model that the article never names
            # again by a part of it.
            others = {t.text for o in persons if o is not c for t in o.span}
            return "other" if any(t.text in others for t in span) else "follows"
        if c.bare and self._is_area_preposition(doc, prep.i) and not after_the:
            return "follows"  # "in Cannock Chase": a district that a hospital is named after
            # (but "in Oxford and the Horton": a hospital)
        if (c.source in _BASE_ORG and not c.candidates and c.entry is None and not after_the
                and c.org_kind == "other" and key not in self.known_kinds):
            return "follows"  # (but "the Braves and Cubs" are teams: places rarely take "the")
        return "other"

    @staticmethod
    def _name_end(doc: Doc, i: int) -> int:
        """The end of the title-case name that starts at token i ("Small Heath",
        "Stoke-on-Trent"), or i itself when no name starts there."""
        end = i
        while end < len(doc):
            if doc[end].is_title and not (end == i and (doc[end].is_sent_start or doc[end].is_stop
                                                         or doc[end].ent_type_ in _NOT_NAMES)):
                end += 1
            elif (end > i and end + 1 < len(doc) and doc[end].text == "-"
                  and not doc[end].whitespace_ and not doc[end - 1].whitespace_):
                end += 2
            else:
                break
        return min(end, len(doc))

    def _in_place_context(self, doc: Doc, start: int, end: int, possessive: bool) -> bool:
        """A name stands as a place: after a place preposition ("in Penzance", "at Rotherham"),
        before "-based", or (a known town) as the owner of common nouns ("Nottingham's 15
        libraries"). Not when it begins a longer name ("in Leeds United", "at Derby County")."""
        after = doc[end] if end < len(doc) else None
        if after is not None and after.is_title or any(t.ent_type_ in _NOT_NAMES
                                                        for t in doc[start:end]):
            return False
        if self._modifies_noun(doc, start, end):
            return False
        if start > 0 and (self._is_place_preposition(doc, start - 1) or (
                doc[start - 1].is_lower and doc[start - 1].lower_ in self.compass_words)):
            return after is None or not self._is_facility_head(doc, end)
        if after is not None and after.text == "-" and end + 1 < len(doc) and (
                doc[end + 1].lower_ == "based"):
            return True
        if possessive and after is not None and after.text in {"'s", "’s"} and end + 1 < len(doc):
            owned = doc[end + 1]
            return owned.is_lower or owned.like_num
        return False

    def _is_facility_head(self, doc: Doc, i: int) -> bool:
        """Whether the words from token i are a facility head ("estate", "Park", "shopping centre")."""
        for size in (1, 2):
            if i + size <= len(doc):
                words = " ".join(t.lower_ for t in doc[i:i + size])
                if words in self.facility_heads or (
                        words.endswith("s") and words[:-1] in self.facility_heads):
                    return True
        return False

    def _may_be_place(self, c: _Candidate, chosen: list[_Candidate], org_keys: set[str]) -> bool:
        """Not a place: a lower-case word ("us"), a code-named operation ("Operation Sceptre"),
        a landmark, park or estate ("the Clock Tower", "the Warren Hill estate"), or a name the
        article also uses for an organisation or a hospital site (`org_keys`: the normalised
        names of `chosen`'s organisations)."""
        doc, span = c.span.doc, c.span
        if (not span.text[:1].isupper() or c.key in self.demonyms or c.key in self.honorifics
                or c.key in self.not_organisations):
            return False
        after = doc[span.end] if span.end < len(doc) else None
        if c.key not in self.places and c.key not in self.localities and (
                span[-1].lower_ in self.not_org_last_words
                or (len(span) > 1 and (span[-1].lower_ in self.not_place_last_words
                                       or span[-1].lower_ in self.org_heads))
                or (len(span) == 1 and span[0].lower_ in self._lower_words)):
            return False  # "Holocaust Memorial Day"; "Breakfast", "Valley": common words
        if (len(span) == 1 and span[0].is_upper and len(span[0].text) > 3 and c.key not in self.places
                and c.key not in self.localities and c.source in _BASE_PLACE and c.key != "ussr"):
            return False  # "IXIS", "OFHEO": an unknown acronym is a body, not a place
        if after is not None and c.key not in self.places and (
                after.lower_ in self.programme_nouns or after.lower_ in self.inquiry_nouns):
            return False  # "the Good Morning Scotland programme", "the Hutton inquiry"
        if after is not None and after.is_title and after.lower_ in _WEEKDAYS:
            return False  # "Remembrance Sunday", "Easter Monday": a day's name
        if c.key in self.politics_cues and not (
                span.start > 0 and (doc[span.start - 1].lower_ in self.place_prepositions
                                    or doc[span.start - 1].lower_ in {"on", "to", "into", "from"}
                                    or doc[span.start - 1].lower_ in self.compass_words)
                and not self._modifies_noun(doc, span.start, span.end)):
            return False  # "enter Westminster", "the hothouse of Westminster": Parliament, not
            # the borough ("marched on Westminster", "in Westminster" are the place)
        if c.key not in self.places and c.key not in self.localities and any(
                t.text in {"'s", "’s"} for t in span[1:]):
            return False  # "the Centre's GIDS": an owner and a thing owned, not a place's name
        if span[0].lower_ in self.not_place_first_words or (
                span.start > 0 and doc[span.start - 1].lower_ in self.not_place_first_words):
            return False
        if c.key not in self.places and c.key not in self.localities and (
                self._is_facility_head(doc, span.end - 1)
                or (len(span) > 2 and self._is_facility_head(doc, span.end - 2))
                or self._facility_head_after(doc, span.end)):
            return False  # a landmark or an estate: "Victoria Park", "the Warren Hill estate"
        if (len(span) == 1 and c.key not in self.places and c.key not in self.localities and any(
                o.kind == "organisation" and len(o.span) > 1 and o.span[0].text == span.text
                and o.org_kind == "university" for o in chosen)):
            return False  # "Imperial" beside "Imperial College London": the college
        if c.source == "place_list":
            return True  # "the boroughs of Hammersmith, Ealing and Brent": the districts
        return c.key not in org_keys

    def _facility_head_after(self, doc: Doc, end: int) -> bool:
        """Whether a lower-case facility head follows the name that ends at `end`, directly or
        after the rest of its list: "the Warren Hill estate", "Heathrow and Gatwick airports"."""
        i = end
        while i < len(doc) and (doc[i].text in {",", "-"} or doc[i].lower_ in {"and", "or"}
                                or doc[i].is_title):
            i += 1
        return (i < len(doc) and doc[i].is_lower and doc[i].pos_ == "NOUN"
                and doc[i].dep_ != "compound" and self._is_facility_head(doc, i))

    def _without_lone_words(self, chosen: list[_Candidate]) -> list[_Candidate]:
        """A one-word "person" that is neither part of a fuller name in the article, nor titled,
        nor introduced by a kinship noun ("son Ryan") is a capitalised common word ("Mum",
        "Covid", "Defending") or, after "in"/"from", a district ("from Erdington")."""
        chosen = [c for c in chosen if c.kind != "person" or _looks_like_a_name(c.span)]
        parts = _name_parts(chosen)
        kept = []
        for c in chosen:
            if (c.kind == "organisation" and c.source in _BASE_ORG and len(c.span) == 1
                    and c.span.text in parts and c.entry is None and not c.candidates):
                c = _Candidate("person", c.span, c.source)  # "Beasley" after "Tom Beasley"
            if (c.kind != "person" or len(c.span) > 1 or c.honorific or c.span.text in parts
                    or (c.span.start > 0 and c.span.doc[c.span.start - 1].lower_ in self.kin_words)):
                kept.append(c)
                continue
            before = c.span.doc[c.span.start - 1].lower_ if c.span.start > 0 else ""
            if before == "from" or self._is_place_preposition(c.span.doc, c.span.start - 1):
                kept.append(self._place(c.span, c.source))
        return kept

    def _bare_sites(self, doc: Doc, taken: list[bool], chosen: list[_Candidate]) -> list[_Candidate]:
        """Hospital sites named without "Hospital" ("the Royal Derby", "Southmead"), kept only when
        the article names the site's trust, another of its sites or its town."""
        found: list[_Candidate] = []
        other_places: set[str] = set()  # bare names the article gives to a campus or a school
        after = 0
        for i in doc.user_data.get(_BARE_STARTS, ()):
            if i < after or taken[i] or not doc[i].is_title:
                continue
            match = None
            for size in (4, 3, 2, 1):
                end = i + size
                if end > len(doc) or any(taken[j] or not (doc[j].is_title or doc[j].text in
                                                          {"'s", "’s", "&", "and"})
                                         for j in range(i, end)):
                    continue
                if end < len(doc) and doc[end].is_title:
                    continue  # part of a longer name ("Royal London Borough")
                if self._is_area_preposition(doc, i - 1) and not (
                        end < len(doc) and doc[end].lower_ in {"hospital", "hospitals"}):
                    continue  # "in Hammersmith": the district the hospital is named after
                span = doc[i:end]
                if (i > 0 and doc[i - 1].is_title and doc[i - 1].lower_ in self.campaign_verbs) or (
                        end + 1 < len(doc) and doc[end].lower_ in {"&", "and"}
                        and normalise_name(doc[i:end + 2].text) in self.places):
                    break  # "Save Hammersmith ...": a campaign; "Hammersmith & Fulham": a borough
                if normalise_name(span.text) in self.places and doc[i - 1].lower_ != "the" and (
                        end == len(doc) or doc[end].lower_ != "hospital") and (
                        end == len(doc) or doc[end].lower_ != "hospitals"
                        or doc[i - 1].text not in {"and", ","}) and not self._listed_before_hospital(doc, end):
                    continue  # a town, unless written as a site ("Ealing hospital", "Ealing and
                    # Hammersmith hospitals")
                sites = self.gazetteer.lookup_bare(span.text)
                if end < len(doc) and doc[end].text in {"'s", "’s"}:
                    with_s = self.gazetteer.lookup_bare(doc[i:end + 1].text)  # "St Mary's"
                    if with_s:
                        span, sites = doc[i:end + 1], with_s
                    if end + 1 < len(doc) and doc[end + 1].is_title and doc[end + 1].lower_ not in {
                            "hospital", "hospitals", "infirmary"}:
                        sites = []  # "St James's Palace", "St Thomas's Church": another building
                if sites and self._names_other_than_a_site(doc, span.end):
                    other_places.add(normalise_name(span.text))
                    break  # "the St Mary's campus", "St Mary's medical school graduates"
                if sites:
                    span = self._with_ampersand_part(doc, span)
                    match = _Candidate("organisation", span, "bare_site", key="org:" + normalise_name(
                        span.text), name=span.text, org_kind="hospital", candidates=sites, bare=True)
                    break
            if match is not None:
                found.append(match)
                after = match.span.end
        if other_places:
            # An article that calls "St Mary's" a campus or a school means it by the bare name
            # too, unless it names the hospital in full ("St Mary's Hospital") as well.
            named_in_full = {id(site) for c in chosen if not c.bare for site in c.candidates}
            other_places = {form for form in other_places if not any(
                id(site) in named_in_full for site in self.gazetteer.lookup_bare(form))}
            found = [c for c in found if normalise_name(c.span.text) not in other_places]
        self._campus_names = frozenset(other_places)
        if not found:
            return []
        context_places, sure = self._context(doc, chosen)
        # A bare name shared by several sites ("Victoria") needs the site's trust or a sibling
        # site in the article; its town alone is not enough.
        trusts_named = {e.ods for e in sure if isinstance(e, Trust)}
        trusts_named |= {e.trust for e in sure if isinstance(e, Site) and e.trust}
        kept = []
        for c in sorted(found, key=lambda c: len(c.candidates)):  # sure ones first: siblings
            if len(c.candidates) > 1:
                c.candidates = [s for s in c.candidates if s.trust in trusts_named]
            site = self.gazetteer.resolve(c.candidates, context_places, sure, require_support=True)
            if site is not None:
                kept.append(c)
                sure.append(site)
                trusts_named.add(site.trust)
        return sorted(kept, key=lambda c: c.span.start)

    @staticmethod
    def _listed_before_hospital(doc: Doc, end: int) -> bool:
        """Whether the name that ends at `end` is a conjunct of a list of names that ends with the
        word "hospital(s)": "Ealing, Hammersmith and Central Middlesex hospitals"."""
        joined = False
        for token in doc[end:end + 12]:
            if token.lower_ in {"hospital", "hospitals"}:
                return joined
            if token.text in {",", "&"} or token.lower_ == "and":
                joined = True
            elif not (token.is_title or token.text in {"'s", "’s"}) or token.is_sent_start:
                return False
        return False

    def _with_ampersand_part(self, doc: Doc, span: Span) -> Span:
        """"Queen Charlotte's & Chelsea" in a list of hospitals: a capitalised word joined by "&"
        belongs to the site's name (an ampersand is written inside a name), unless the two words
        name a place ("Hammersmith & Fulham")."""
        end = span.end
        if end + 1 >= len(doc) or doc[end].text != "&" or not doc[end + 1].is_title:
            return span
        after = end + 2
        if after < len(doc) and not (doc[after].text == "," or doc[after].lower_ in {
                "and", "hospital", "hospitals"}):
            return span
        if normalise_name(doc[span.start:after].text) in self.places | self.localities:
            return span
        return doc[span.start:after]

    def _site_name_of_another_place(self, span: Span) -> bool:
        """A hospital site's name that names a campus, school or church here ("the St. Mary's
        campus", read by the base model as a building or body)."""
        doc = span.doc
        end = span.end + (span.end < len(doc) and doc[span.end].text in {"'s", "’s"})
        return self._names_other_than_a_site(doc, end) and bool(
            self.gazetteer.lookup(span.text) or self.gazetteer.lookup_bare(span.text))

    def _names_other_than_a_site(self, doc: Doc, end: int) -> bool:
        """Whether a common noun after a bare site's name makes it the name of a campus, school or
        church: "St Mary's campus", "St Mary's medical school"."""
        if end >= len(doc) or doc[end].lower_ not in self.not_site_first_words:
            return False
        return any(end + size <= len(doc) and " ".join(t.lower_ for t in doc[end:end + size])
                   in self.not_site_nouns for size in (1, 2))

    def _places_in_text(self, doc: Doc) -> list[str]:
        return doc.user_data.get(_PLACES_IN_TEXT, [])

    def _context(self, doc: Doc, candidates: list[_Candidate]):
        """Place names and gazetteer entries the article names: evidence for telling sites apart."""
        context_places = [c.name for c in candidates if c.kind == "place"]
        context_places += self._places_in_text(doc)
        sure = [c.candidates[0] for c in candidates if len(c.candidates) == 1 and not c.bare]
        sure += [c.entry for c in candidates if c.entry is not None]
        return context_places, sure

    def _rule_spans(self, doc: Doc) -> list[Span]:
        spans = list(doc.spans.get(RULE_SPANS_KEY, []))
        # "Department of Health and Nottingham City Council" is two organisations: a name joined
        # by "and" to the start of another organisation name is cut there.
        # (Only when the part before "and" is itself a name: "Doncaster and Bassetlaw Teaching
        # Hospitals NHS Foundation Trust" is one.)
        org_spans = [s for s in spans if s.id_ in {"org_head", "known_org"} and len(s) > 1]
        starts = {s.start for s in org_spans}
        bounds = {(s.start, s.end) for s in org_spans}
        spans = [s for s in spans if s.id_ != "org_head" or not any(
            t.lower_ == "and" and t.i + 1 in starts and (s.start, t.i) in bounds
            for t in s[1:-1])]
        spans = _joined_by_ampersand(doc, spans)
        spans = [self._constituency(s) if s.id_ == "place_constituency" else s for s in spans]
        spans = [s for s in spans if len(s)]
        ranked = sorted(spans, key=lambda s: (-_RULE_PRIORITY.get(s.id_, 0), -(s.end - s.start),
                                              s.start))
        result: list[Span] = []
        # Rules of one priority compete on length: "Trades Union Congress" (a known name) over
        # "Trades Union" (a name with an organisation head).
        for priority in sorted(set(_RULE_PRIORITY.values()), reverse=True):
            of_rank = [s for s in ranked if _RULE_PRIORITY.get(s.id_) == priority]
            result.extend(sorted(filter_spans(of_rank), key=lambda s: s.start))
        return result

    def _constituency(self, span: Span) -> Span:
        """The seat of "Gedling MP", "Hammersmith and Fulham Labour MP": without "MP" and the
        party (which the party rule reads)."""
        end = span.end - 1
        while end > span.start and _straight(span.doc[end - 1].text).lower() in self.parties:
            end -= 1
        return Span(span.doc, span.start, end, label=span.label_, span_id=span.id_)

    def _from_rule(self, doc: Doc, span: Span) -> _Candidate | None:
        rule = span.id_
        if rule == "trust_description":
            return self._trust_description(doc, span)
        if rule == "party":
            if any(start <= span.start and span.end <= end and end - start > len(span)
                   for start, end in self._base_org_bounds):
                return None  # "The Conservative Government": the party is added inside it later
            return self._party(span)
        if rule == "government":
            return self._organisation(doc, span, rule)
        if rule == "media_told":  # "told the Derbyshire Times"
            name = doc[span.start + 2: span.end]
            if _straight(name.text).lower() in self.not_organisations or (
                    span.end < len(doc) and doc[span.end].lower_ in self.programme_nouns):
                return None  # "told the Today programme": a programme, not the broadcaster
            if len(name) == 1 and name[0].lower_ in _BARE_HEADS:
                return None  # "told the College": a body the article named before, not a paper
            candidate = self._organisation(doc, doc[span.start + 2: span.end], rule)
            candidate.org_kind = "media" if candidate.org_kind == "other" else candidate.org_kind
            return candidate
        if rule == "media_emphasis":
            return self._emphasised_title(doc, span)
        if rule == "titled_the":
            return self._titled_the(doc, span)
        if rule == "place_council":
            return self._place_council(doc, span)
        if rule == "known_org":
            return self._organisation(doc, span, rule)
        if rule.startswith("place"):
            if rule == "place_seat":  # "AM for Aberavon", "MP for Mid-Bedfordshire"
                span = doc[span.start + 2: _past_hyphens(doc, span.end)]
            if rule == "place_abbreviation" and span.end < len(doc) and doc[span.end].is_title:
                return None  # "Notts County" is a football club, not the county
            if rule == "place_county" and any(start <= span.start and span.end <= end
                                              for start, end in self._base_org_bounds):
                return None  # a county read as an organisation is its team or council
            return self._place(span, rule)
        if rule == "org_head":
            span = _trim(span)
            if span is not None and self._lone_head_before_and(span):
                return None  # "the University | and College Union": the start of the next name
            if span is not None and self._owned_by_a_name(span):
                return None  # "Britain's Union": an owner and a head word, not a name
            if span is not None:
                span = self._owned_name(span)
            return self._organisation(doc, self._org_head_span(span), rule) if span is not None else None
        return self._person_from_rule(doc, span, rule)

    def _owned_by_a_name(self, span: Span) -> bool:
        """Whether the words before a possessive inside the span are a place, party or known body
        ("Britain's Union"), not part of the name ("General Workers' Union", "Children's Society")."""
        marks = [t.i for t in span if t.text in {"'s", "’s", "'", "’"}]
        if not marks:
            return False
        owner = span.doc[span.start:marks[0]]
        key = normalise_name(owner.text)
        return (key in self.places or key in self.known_kinds or _straight(owner.text).lower() in self.parties
                or any(t.ent_type_ == "GPE" for t in owner))

    def _owned_name(self, span: Span) -> Span:
        """"the Tavistock Centre's | Gender Identity Development Service": after an owner that is
        itself a name with a head word (a body or a building), the name owned is one of its own;
        the owner is found on its own. (Not "Children's Society", "Queen's Medical Centre".)"""
        doc = span.doc
        marks = [t.i for t in span[1:-1] if t.text in {"'s", "’s"}]
        if not marks:
            return span
        owner, owned = doc[span.start:marks[0]], doc[marks[0] + 1:span.end]
        head = owner[-1].lower_
        if (len(owner) > 1 and len(owned) > 1 and all(t.is_title for t in owned)
                and (head in self.org_heads or head in self.facility_heads)
                and self._org_kind_from_head(owned) is not None):
            return owned
        return span

    @staticmethod
    def _lone_head_before_and(span: Span) -> bool:
        """A head word alone ("University") followed by "and" and a capitalised word: not a name
        of its own but the first word of a longer one ("University and College Union")."""
        doc = span.doc
        return (len(span) == 1 and span[0].lower_ in _BARE_HEADS and span.end + 1 < len(doc)
                and doc[span.end].lower_ in {"and", "&"} and doc[span.end + 1].is_title)

    def _emphasised_title(self, doc: Doc, span: Span) -> _Candidate | None:
        """"told _Felix_", "by _The Sunday Times_": a capitalised name set in markdown emphasis
        is a publication's title (not a programme's: "_The Andrew Marr Show_")."""
        opening, closing = span[0], span[-1]
        name = _trim(doc[span.start + 1:span.end - 1])
        if (name is None or opening.text != closing.text or opening.whitespace_
                or doc[closing.i - 1].whitespace_ or self._names_no_publication(name)):
            return None
        candidate = self._organisation(doc, name, "media_emphasis")
        candidate.org_kind = "media" if candidate.org_kind == "other" else candidate.org_kind
        return candidate

    def _titled_the(self, doc: Doc, span: Span) -> _Candidate | None:
        """"publishes The Sun", "both The Independent and The Times": a capitalised "The" inside a
        sentence belongs to the name after it, the title of a paper or a body (not after a
        quotation mark, colon or bracket, where a quoted sentence may start)."""
        before = doc[span.start - 1]
        name = doc[span.start + 1:span.end]
        if (before.is_punct and before.text not in {",", "["}) or self._names_no_publication(name):
            return None
        first = name[0].lower_
        if (normalise_name(name.text) in self.places or first in self.honorifics
                or first in self.person_ranks or first in _PEER_TITLES or first in self.title_roles
                or (len(name) == 1 and first in _BARE_HEADS)):
            return None  # "The Netherlands", "The Duke", "The Trust"
        candidate = self._organisation(doc, name, "titled_the")
        if candidate.org_kind == "other" and name[-1].text in self.media_heads:
            candidate.org_kind = "media"
        return candidate

    def _place_council(self, doc: Doc, span: Span) -> _Candidate | None:
        """"the Hammersmith & Fulham council", "the Leeds city council": the council of the places
        named before it (each a known place or district), written in lower case."""
        name = doc[span.start + 1:span.end]
        titled = [t.i for t in name if t.is_title]
        named = doc[titled[0]:titled[-1] + 1]  # "Hammersmith & Fulham"
        parts = " ".join(t.text if t.is_title else "|" for t in named).split("|")
        known = self.places | self.localities
        if normalise_name(named.text) not in known and not all(
                normalise_name(part) in known for part in parts if part.strip()):
            return None
        candidate = self._organisation(doc, name, "place_council")
        candidate.org_kind = "council"
        return candidate

    def _names_no_publication(self, name: Span) -> bool:
        """A programme, law, event or building rather than a paper or body."""
        after = name.doc[name.end] if name.end < len(name.doc) else None
        return (name[-1].lower_ in self.not_org_last_words or name[-1].lower_ in self.programme_nouns
                or name[-1].lower_ in self.facility_heads
                or (after is not None and after.lower_ in self.programme_nouns))

    def _org_head_span(self, span: Span) -> Span:
        doc = span.doc
        words = [t.lower_ for t in span]
        # "Chief Executive of Hereford Hospitals NHS Trust": the role is not part of the name.
        if "of" in words[1:-1]:
            of = words.index("of", 1)
            if all(w in self.role_words or w in self.person_ranks for w in words[:of]):
                span = doc[span.start + of + 1: span.end]
                span = _trim(span) or span
        # "Paddington and Hammersmith Hospital": a place joined to a hospital the gazetteer knows.
        joins = [t.i for t in span[1:-1] if t.lower_ in {"and", "&"}]
        if joins and not self.gazetteer.lookup(span.text):
            right = doc[joins[-1] + 1: span.end]
            if self.gazetteer.lookup(right.text):
                span = right
        # "Imperial College London", "Queen Elizabeth Hospital Birmingham": a town after the head.
        end = span.end
        if span[-1].lower_ in {"college", "university", "hospital", "infirmary"}:
            for size in (3, 2, 1):
                tail = doc[end: end + size]
                if (len(tail) == size and all(t.is_title for t in tail)
                        and normalise_name(tail.text) in self.places
                        and (end + size == len(doc) or not doc[end + size].is_title)):
                    return doc[span.start: end + size]
        return span

    def _person_from_rule(self, doc: Doc, span: Span, rule: str) -> _Candidate | None:
        tokens = list(span)
        honorific = None
        if rule == "person_honorific":
            honorific = tokens[0].text.rstrip(".")
            tokens = [t for t in tokens[1:] if t.text != "."]
            tokens = self._without_ranks(tokens)
        elif rule == "person_role":
            tokens = tokens[1:]
        elif rule == "person_speaker":
            tokens = [t for t in tokens if t.lemma_ not in self.speech_verbs or t.pos_ != "VERB"]
        elif rule == "person_apposition":
            comma = next(i for i, t in enumerate(tokens) if t.text == ",")
            tokens = tokens[:comma]
        tokens = self._without_ranks(tokens) if tokens else tokens
        if not tokens:
            return None
        name_span = self._name_after_titles(doc, tokens, span)
        if name_span is None:
            return None
        if (honorific is None and len(name_span) == 1 and name_span.start > span.start
                and doc[name_span.start - 1].is_title):
            honorific = doc[name_span.start - 1].text  # "General Musharraf"
        if rule != "person_honorific" and self._is_not_a_person(name_span):
            return None
        if len(name_span) > 1 and (name_span[-1].lower_ in self.facility_heads
                                   or name_span[-1].lower_ in self.job_titles):
            return None  # "the Sir Alexander Fleming Building", "the Communications Officer said"
        return _Candidate("person", name_span, rule, honorific=honorific)

    def _without_ranks(self, tokens: list) -> list:
        """"Det Con Leanne Mosby", "Superintendent Declan Ormesher", "Fundraiser Jo Bloggs": ranks,
        honorifics and role nouns written before a name are not part of it."""
        while len(tokens) > 1 and (tokens[0].lower_.rstrip(".") in self.person_ranks
                                   or tokens[0].lower_ in self.party_words
                                   or tokens[0].lower_ in self.demonyms
                                   or tokens[0].lower_.rstrip(".") in self.honorifics
                                   or tokens[0].lower_ in self.kin_words
                                   or tokens[0].lower_.startswith("grand")
                                   or tokens[0].text == "."):
            tokens = tokens[1:]
        return tokens

    def _name_after_titles(self, doc: Doc, tokens: list, span: Span) -> Span | None:
        """The name without a title written before it; "Prime Minister John | Prescott", where a
        title made the name's span stop short, goes on to the surname."""
        tokens = self._without_titles(tokens)
        if not tokens:
            return None
        end = tokens[-1].i + 1
        if len(tokens) == 1 and tokens[0].i > span.start and end < len(doc):
            nxt = doc[end]
            if (nxt.is_title and nxt.pos_ == "PROPN" and not nxt.is_sent_start
                    and nxt.ent_type_ in {"", "PERSON"} and nxt.lower_ not in self.title_roles):
                end += 1
        return doc[tokens[0].i: _past_hyphens(doc, end)]

    def _without_titles(self, tokens: list) -> list:
        """"Health Minister Rhona", "Deputy Prime Minister John Prescott": a capitalised title
        written before a name is not part of it (an empty list: the span is only a title)."""
        last = max((i for i, t in enumerate(tokens) if t.is_title and t.lower_ in self.title_roles),
                   default=-1)
        if last < 0 or (last == len(tokens) - 1 and last > 0 and not all(
                t.lower_ in self.title_roles or t.lower_ in self.person_ranks
                or t.lower_ in self.honorifics for t in tokens)):
            return tokens  # "Howard Dean": a surname that is also a title word
        return tokens[last + 1:]

    def _is_not_a_person(self, span: Span) -> bool:
        """Name-shaped spans that the article's own vocabulary says are places, parties or
        organisations ("Nottingham University Hospitals said")."""
        low = span.text.lower()
        if normalise_name(span.text) in self.places or low in self.parties:
            return True
        if low in self.abbreviations or self._org_kind_from_head(span) is not None:
            return True
        if low in self.known_kinds or span[0].lower_ in self.org_prefixes:
            return True
        return bool(self.gazetteer.lookup(span.text))

    def _from_base(self, doc: Doc, span: Span, label: str) -> _Candidate | None:
        text = span.text
        low = _straight(text).lower()
        if (len(span) > 1 and span[0].is_lower and span[0].lower_ in self.compass_words
                and normalise_name(span[1:].text) in self.places):
            return self._place(span[1:], label)  # "west London": the place is London
        if low in self.parties:
            return self._party(span)
        if low in self.abbreviations:
            return self._place(span, label)
        if self._campus_names and (
                normalise_name(text) in self._campus_names or normalise_name(text) + "s" in self._campus_names):
            return None  # "St Mary's" where the article calls it a campus: not the hospital
        if label in _BASE_PERSON:
            return self._person_from_base(doc, span, label)
        if label in _BASE_ORG | _BASE_PLACE and self._site_name_of_another_place(span):
            return None
        if label in _BASE_ORG:
            while (len(span) > 1 and span[0].is_lower and span[0].is_alpha and span[1].is_title
                   and span[0].lower_ not in _NAME_PARTICLES):
                span = span[1:]  # "next | Faculty of Medicine ... Committee": a word before the name
            if span[-1].text in {"MP", "MEP", "MSP"} and len(span) > 1:
                return self._place(span[:-1], label)
            if (len(span) > 1 and span[0].is_title and span[0].lower_ in self.campaign_verbs
                    and span.end < len(doc) and doc[span.end].is_lower
                    and doc[span.end].lower_.removesuffix("s") in self.org_heads):
                span = doc[span.start:span.end + 1]  # "Save Hammersmith & Fulham | hospitals"
            return self._organisation_from_base(doc, span, label)
        if label in _BASE_PLACE:
            if len(span) > 1 and _SURNAME_PREFIX.match(span[-1].text) and span[0].is_title:
                return _Candidate("person", span, label)  # "Fintan O'Connor"
            body = self._named_as_a_body(doc, span)
            if body is not None:
                return body
            if span.start > 0 and doc[span.start - 1].is_title and (
                    doc[span.start - 1].lower_ in _PEER_TITLES | _MONARCHS):
                # "Princess Chulabhorn (of Thailand)": a name after a royal title is a person's.
                while len(span) > 1 and span[-1].lower_ in {"of", "the"}:
                    span = span[:-1]
                return _Candidate("person", doc[span.start - 1:span.end], "royal")
            if self._looks_like_a_full_name(span) and not self.gazetteer.lookup(text):
                return _Candidate("person", span, "PERSON")  # "Paul Boateng" read as a place
            if self._other_building_after(doc, span.end) and (
                    self.gazetteer.lookup(text) or self.gazetteer.lookup_bare(text)):
                return None  # "St James | 's Palace": a building, not the hospital site
            if self._org_kind_from_head(span) is not None or self.gazetteer.lookup(text):
                return self._organisation(doc, span, label)
            if len(span) > 1 and normalise_name(text) not in self.places and any(
                    " ".join(t.lower_ for t in span[-size:]) in self.care_home_heads
                    for size in (1, 2)):
                return self._organisation(doc, span, label)  # a care home: "Thornbury Lodge"
            return self._place(span, label)
        return None

    def _named_as_a_body(self, doc: Doc, span: Span) -> _Candidate | None:
        """A name the base model read as a place that the sentence makes a body: after a noun
        for a firm ("Dutch firm Ispat", "the steel group Corus") or as the one told something
        ("told Bloomberg"), unless the article also writes it as a place ("in Greece"). Known
        places are left alone."""
        key = normalise_name(span.text)
        if span.start == 0 or key in self.places or key in self.localities or key in self.nations:
            return None
        before = doc[span.start - 1]
        if before.is_lower and before.lower_ in self.company_nouns and before.dep_ != "poss":
            return self._organisation(doc, span, "named_as_body")
        if before.lower_ == "told" and span[0].text not in self._after_place_words and (
                span.end == len(doc) or doc[span.end].pos_ not in {"NOUN", "PROPN"}):
            candidate = self._organisation(doc, span, "named_as_body")
            candidate.org_kind = "media" if candidate.org_kind == "other" else candidate.org_kind
            return candidate
        return None

    def _person_from_base(self, doc: Doc, span: Span, label: str) -> _Candidate | None:
        if (span.start > 0 and len(span) <= 2 and doc[span.start - 1].is_title
                and doc[span.start - 1].lower_ in self.first_names and doc[span.start - 1].ent_type_ == ""
                and span[0].lower_ not in self.first_names):
            span = doc[span.start - 1:span.end]  # "Rhodri | Glyn Thomas"
        if span.start > 0 and doc[span.start - 1].is_title and doc[span.start - 1].lower_ in _ROYAL_TITLES:
            span = doc[span.start - 1:span.end]  # "Prince | Harry": the title is part of the name
        if self._in_title(span) or (len(span) > 1 and span[-1].lower_ in self.facility_heads) or (
                span.end < len(doc) and doc[span.end].lower_ in self.programme_nouns):
            return None  # "Minister for | Lifelong Learning", "Downing Street", "the Today programme"
        if span[-1].text in _NAME_SUFFIXES and len(span) > 1:
            span = span[:-1]
        if len(span) > 1 and span[-1].lower_ in self.job_titles:
            return None  # "Communications Officer": a post, not a name
        seat = self._constituency_name(span)
        if seat is not None:
            return seat
        written = span
        span = self._name_after_titles(doc, self._without_ranks(list(span)), span)
        if span is None:
            return None  # "Prime Minister": a title, not a name
        if len(span) == 1 and span.start > written.start and doc[span.start - 1].is_title:
            # "Gen Musharraf", "Farmer Brooks": a surname after its title is a person's name.
            return _Candidate("person", span, label, honorific=doc[span.start - 1].text)
        key = normalise_name(span.text)
        if key in self.places and len(span) == 1 and not (
                span.start > 0 and doc[span.start - 1].lower_.rstrip(".") in self.honorifics):
            return self._place(span, label)  # (but "Prof. Stirling" is a person)
        if (self._org_kind_from_head(span) is not None or key in self.known_kinds
                or self.gazetteer.lookup(span.text)):
            return self._organisation(doc, span, label)
        if len(span) == 1 and self._after_place_preposition(span):
            return self._place(span, label)  # "in Sparkhill"
        return _Candidate("person", span, label)

    def _after_place_preposition(self, span: Span) -> bool:
        """"in Sparkhill", but not a modifier of a noun ("in NFL history")."""
        return (span.start > 0 and self._is_place_preposition(span.doc, span.start - 1)
                and not self._modifies_noun(span.doc, span.start, span.end))

    def _modifies_noun(self, doc: Doc, start: int, end: int) -> bool:
        """A name used as a modifier of a common noun ("NFL history", "KDP headquarters"), other
        than a place noun ("Huize county", "Leeds city centre")."""
        after = doc[end] if end < len(doc) else None
        return (doc[end - 1].dep_ == "compound" and after is not None and after.is_lower
                and after.lower_ not in self.place_nouns)

    def _is_place_preposition(self, doc: Doc, i: int) -> bool:
        """"in", "at", "across" ..., and "of" after a place noun ("the boroughs of Ealing")."""
        return i >= 0 and (doc[i].lower_ in self.place_prepositions or self._is_of_place(doc, i))

    def _is_area_preposition(self, doc: Doc, i: int) -> bool:
        """A preposition of an area rather than a building: "in Hammersmith", "across Kent",
        "the borough of Brent" (but "at Southmead" is more often the hospital)."""
        return i >= 0 and (doc[i].lower_ in self.area_prepositions or self._is_of_place(doc, i))

    def _is_of_place(self, doc: Doc, i: int) -> bool:
        return doc[i].lower_ == "of" and i > 0 and doc[i - 1].lower_ in self.place_nouns

    def _organisation_from_base(self, doc: Doc, span: Span, label: str) -> _Candidate | None:
        """The base model's ORG, unless it is a place, a common noun or a place's landmark."""
        if not any(t.is_title or t.is_upper for t in span):
            return None  # "county council": a description, not a name
        # "Bristol councillors": a place (or name) followed by common nouns.
        end = span.end
        while end > span.start + 1 and span.doc[end - 1].is_lower:
            end -= 1
        if end < span.end and not (span[0].is_title and span[0].lower_ in self.campaign_verbs):
            head = doc[span.start:end]
            if normalise_name(head.text) in self.places:
                return self._place(head, label)
            return None
        # "Liverpool's Pier Head": a landmark of a place; only the place is an entity.
        for token in span[1:-1]:
            if token.text in {"'s", "’s"} and normalise_name(doc[span.start:token.i].text) in self.places:
                return self._place(doc[span.start:token.i], label)
        if span[-1].text in _NAME_SUFFIXES and len(span) > 1:
            return _Candidate("person", span[:-1], label)  # "Philippe Sands QC"
        if len(span) == 1 and span[0].lower_ in self.first_names and span[0].is_title:
            return _Candidate("person", span, label)  # "Emma": a first name, kept if a person has it
        royal = self._royal_name(span)
        if royal is not None:
            return royal
        low = _straight(span.text).lower()
        if low in self.not_organisations or low in self.demonyms or any(
                t.lower_ in self.not_organisations and not t.is_alpha for t in span):
            return None  # "Charing Cross A&E", "the A&E Department": a department, not a body
        key = normalise_name(span.text)
        known = key in self.known_kinds or self.gazetteer.lookup(span.text)
        if not known and self._not_an_organisation_name(span):
            return None
        if key not in self.known_kinds and self._other_building_after(doc, span.end):
            return None  # "St James | 's Palace": a building
        if not known:
            seat = self._constituency_name(span)
            if seat is not None:
                return seat
            if self._looks_like_a_full_name(span):
                return _Candidate("person", span, "PERSON")  # "Damian Green", "Viktor Pinchuk"
        if not known and self._org_kind_from_head(span) is None and (
                key in self.places or (len(span) == 1 and self._after_place_preposition(span))):
            return self._place(span, label)
        return self._organisation(doc, span, label)

    def _not_an_organisation_name(self, span: Span) -> bool:
        """Names the base model reads as organisations that are laws, events, reports and
        programmes ("the Licensing Act", "the General Election", "the Today programme"), or a
        subject word of a title ("Education Secretary Ruth Kelly", "Home Office minister")."""
        doc = span.doc
        after = doc[span.end] if span.end < len(doc) else None
        if span[-1].lower_ in self.not_org_last_words and len(span) > 1:
            return True
        if len(span) == 1 and span[0].lower_ in _BARE_HEADS and span[0].is_title:
            return True  # "the Union", "the College": a description written with a capital
        if (len(span) > 1 and span[-1].lower_ in self.job_titles
                and self._org_kind_from_head(span[:-1]) is None):
            return True  # "Union System Administrator", "BBC News Science Correspondent"
        if (len(span) > 1 and after is not None and after.is_title and after.lower_ in self.job_titles
                and self._org_kind_from_head(span) is None):
            return True  # "Education, Democracy & Communications | Officer": a post's subject
        if (len(span) > 1 and span[-1].lower_ in self.named_building_heads
                and self._org_kind_from_head(span) is None):
            return True  # "Parsons House", "South Kensington Campus": a building, not a body
        if len(span) > 1 and span[-1].lower_ in self.street_heads and (
                span[0].like_num or (span.start > 0 and doc[span.start - 1].like_num)):
            return True  # "10 Downing Street", "4 | Carlton Terrace": an address
        if after is not None and after.lower_ in self.programme_nouns:
            return True
        if after is not None and after.is_title and after.lower_ in _WEEKDAYS:
            return True  # "Remembrance Sunday", "Black Friday": a day's name
        if after is not None and after.lower_ in self.family_nouns:
            return True  # "the Barclay twins", "the Smith family": people, not a firm
        if self._in_title(span):
            return True
        if (len(span) == 1 and span[0].is_title and span.start > 0
                and span[0].lower_ in self._lower_words):
            return True  # "Budget", "Groups": a common noun the article also writes in lower case
        return (len(span) == 1 and after is not None and after.is_title
                and after.lower_ in self.title_roles and not span[0].is_upper
                and self._org_kind_from_head(span) is None)

    def _looks_like_a_full_name(self, span: Span) -> bool:
        """A common first name and one or two capitalised words that are no organisation's head
        and no place: "Paul Staines", "Andrew Tyrie" read as an organisation or a place."""
        return (2 <= len(span) <= 3 and span[0].lower_ in self.first_names
                and all(t.is_title and t.is_alpha for t in span)
                and self._org_kind_from_head(span) is None
                and normalise_name(span.text) not in self.places
                and not any(normalise_name(t.text) in self.places for t in span[1:])
                and not any(t.lower_ in self.not_org_last_words or t.lower_ in self.facility_heads
                            for t in span[1:]))

    def _constituency_name(self, span: Span) -> _Candidate | None:
        """"Leeds North West", "Bristol West", "Manchester Gorton": a town and the part of it a
        parliamentary seat covers is a place (the seat), not a person or an organisation."""
        if len(span) < 2 or not all(t.is_title for t in span):
            return None
        for size in (2, 1):
            head = span[:size]
            rest = [t.lower_ for t in span[size:]]
            if len(span) > size and normalise_name(head.text) in self.places and rest and all(
                    w in self.compass_words or w == "central" for w in rest):
                return self._place(span, "seat")
        return None

    def _royal_name(self, span: Span) -> _Candidate | None:
        """"the Duchess of Cornwall", "HRH Prince of Wales": a person named by a title."""
        if span[0].text == "HRH" and len(span) > 1:
            span = span[1:]
        if len(span) > 2 and span[0].lower_ in _PEER_TITLES and span[1].lower_ == "of" and span[2].is_title:
            return _Candidate("person", span, "royal")
        if (len(span) > 1 and span[0].lower_ in _PEER_TITLES | _MONARCHS and span[0].is_title
                and all(t.is_title and t.is_alpha for t in span[1:]) and self._org_kind_from_head(span) is None
                and normalise_name(span[1:].text) not in self.places):
            return _Candidate("person", span, "royal")  # "King Bhumibol Adulyadej"
        return None

    def _in_title(self, span: Span) -> bool:
        """Part of a title, not a name: "Constitutional Affairs | Minister David Lammy",
        "State Minister for | National Development Planning"."""
        doc = span.doc
        after = doc[span.end] if span.end < len(doc) else None
        if (after is not None and after.lower_ in {"minister", "ministers", "secretary"}
                and not span[0].is_upper and self._org_kind_from_head(span) is None):
            return True
        return (span.start > 1 and doc[span.start - 1].lower_ in {"for", "of"}
                and doc[span.start - 2].lower_ in self.title_roles and doc[span.start - 2].is_title)

    def _place(self, span: Span, source: str) -> _Candidate:
        low = _straight(span.text).lower()
        name = self.abbreviations.get(low) or self.counties.get(normalise_name(span.text)) or span.text
        return _Candidate("place", span, source, key=normalise_name(name), name=name)

    def _party(self, span: Span) -> _Candidate:
        name = self.parties.get(_straight(span.text).lower(), span.text)
        return _Candidate("organisation", span, "party", key="party:" + name, name=name,
                          org_kind="political_party")

    def _org_kind_from_head(self, span: Span) -> str | None:
        words = [t.lower_ for t in span]
        for link in ("of", "for"):  # "Royal College of Nursing": the head comes before "of"
            if link in words[1:-1]:
                words = words[: words.index(link, 1)]
        for size in (2, 1):  # "Bart's Hospital London": the town after the head
            if (len(words) > size + 1 and words[-size - 1] in self.org_heads
                    and " ".join(words[-size:]) in self.places):
                words = words[:-size]
                break
        for size in (4, 3, 2, 1):
            head = " ".join(words[-size:])
            if (len(words) > size or len(span) > len(words)) and head in self.org_heads:
                return self.org_heads[head]
        if len(words) > 1 and words[0] in self.org_prefixes:  # "Healthwatch Norfolk", "NHS Digital"
            return self.org_prefixes[words[0]]
        return None

    def _organisation(self, doc: Doc, span: Span, source: str) -> _Candidate:
        text = span.text
        if _straight(_strip_the(text)).lower() in self.parties:
            return self._party(doc[span.end - len(_strip_the(text).split()): span.end]
                               if text != _strip_the(text) else span)
        bare_party = _straight(_strip_the(text)).lower().removesuffix(" party")
        if len(span) > 2 and span[-1].lower_ == "party" and bare_party in self.parties:
            # "the Scottish Labour Party": the party the map knows as "Scottish Labour".
            candidate = self._party(span)
            name = self.parties[bare_party]
            candidate.key, candidate.name = "party:" + name, name
            return candidate
        low = normalise_name(text)
        if len(span) > 1 and span[0].lower_ in self.campaign_verbs and span[0].is_title:
            # "Save Our Hospitals", "Keep Our NHS Public": a campaign, not the hospital or body
            return _Candidate("organisation", span, source, key="org:" + low, name=_strip_the(text))
        entries = self.gazetteer.lookup(text)
        if entries and isinstance(entries[0], Site) and self._other_building_after(doc, span.end):
            entries = []  # "St James | 's Palace": a palace, not St James' Hospital
        if span[-1].lower_ in {"hospitals", "infirmaries"} and any(isinstance(e, Trust) for e in entries):
            # "Norfolk and Norwich University Hospitals": the plural names the trust, not its site.
            entries = [e for e in entries if isinstance(e, Trust)]
        kind = self.known_kinds.get(low) or self._org_kind_from_head(span) or "other"
        candidate = _Candidate("organisation", span, source, key="org:" + low, name=_strip_the(text),
                               org_kind=kind, candidates=entries)
        if entries:
            candidate.org_kind = "hospital" if isinstance(entries[0], Site) else entries[0].kind
        if low.split(" ")[-1] in self.government_words and self._is_national_government(doc, span):
            candidate.key, candidate.name, candidate.org_kind = "gov:uk", "UK Government", "government"
        return candidate

    def _other_building_after(self, doc: Doc, end: int) -> bool:
        """Whether a capitalised building word other than a hospital's follows a site's name."""
        if end < len(doc) and doc[end].text in {"'s", "’s"}:
            end += 1
        return (end < len(doc) and doc[end].is_title and doc[end].lower_ in self.facility_heads)

    def _is_national_government(self, doc: Doc, span: Span) -> bool:
        words = [t.lower_ for t in span if t.lower_ not in _DETERMINERS]
        if any(w not in self.government_modifiers and w not in self.government_words for w in words):
            return False
        return self._names_national_politics  # read once per document in __call__

    def _trust_description(self, doc: Doc, span: Span) -> _Candidate | None:
        """"The trust which runs Kings Mill Hospital, near Mansfield, and Newark Hospital": the
        description ends after the last hospital of the list; it stands for their operator."""
        end = span.end
        allowed = {",", "and", "near", "in", "at", "both", "the", "its", "&"}
        i = span.end
        sentence_end = span.sent.end
        hospitals: list[Span] = []
        rule_spans = [s for s in doc.spans[RULE_SPANS_KEY] if s.id_ == "org_head"]
        while i < sentence_end:
            covering = [s for s in rule_spans if s.start <= i < s.end]
            if covering:
                hospital = max(covering, key=lambda s: s.end - s.start)
                hospitals.append(_trim(hospital) or hospital)
                end = i = hospital.end
                continue
            token = doc[i]
            if token.lower_ in allowed or (token.is_title and token.pos_ == "PROPN"):
                i += 1
                continue
            break
        if not hospitals:
            return None
        operators = set()
        for hospital in hospitals:
            sites = [e for e in self.gazetteer.lookup(hospital.text) if isinstance(e, Site)]
            operators |= {s.trust for s in sites}
        if len(operators) != 1 or None in operators:
            return None
        trust = self.gazetteer.by_ods(operators.pop())
        if trust is None:
            return None
        candidate = _Candidate("organisation", doc[span.start:end], "trust_description",
                               key="ods:" + trust.ods, name=trust.name, org_kind=trust.kind,
                               entry=trust, candidates=[trust])
        return candidate

    # -- doc.ents ------------------------------------------------------------------------------
    def _write_ents(self, doc: Doc, candidates: list[_Candidate]) -> None:
        labels = {"person": "PERSON", "organisation": "ORG", "place": "GPE"}
        ours = [Span(doc, c.span.start, c.span.end, label=labels[c.kind]) for c in candidates
                if c.source != "trust_description" and not _inside_other(c, candidates)]
        covered = set()
        for span in ours:
            covered.update(range(span.start, span.end))
        kept = [e for e in doc.ents if not any(i in covered for i in range(e.start, e.end))]
        doc.ents = filter_spans([*kept, *ours])

    # -- grouping into records -------------------------------------------------------------
    def _group(self, doc: Doc, candidates: list[_Candidate]):
        self._link_gazetteer(doc, candidates)
        people = self._group_people(doc, candidates)
        organisations, org_ids = self._group_organisations(doc, candidates)
        places = self._group_places(candidates)
        self._add_roles(doc, people, candidates, org_ids)
        return [p for p, _ in people], organisations, places

    def _link_gazetteer(self, doc: Doc, candidates: list[_Candidate]) -> None:
        context_places, sure = self._context(doc, candidates)
        for c in candidates:
            if c.kind != "organisation" or c.entry is not None or not c.candidates:
                continue
            entry = self.gazetteer.resolve(c.candidates, context_places, sure)
            if entry is None:
                self._name_sites_of_one_trust(c)
                continue
            board = self._board_for([c], None) if isinstance(entry, Site) else None
            if board is not None and not {
                    normalise_name(p) for p in (entry.city, entry.county) if p} & {
                    normalise_name(p) for p in board["places"]}:
                # "the Royal Victoria Hospital in Belfast" is not the Folkestone site of that name.
                c.candidates = []
                c.org_kind = "hospital"
                continue
            c.entry = entry
            c.key = "ods:" + entry.ods
            c.name = entry.name
            c.org_kind = "hospital" if isinstance(entry, Site) else entry.kind
        self._link_short_forms(candidates)
        self._link_names_without_head(candidates)

    def _link_names_without_head(self, candidates: list[_Candidate]) -> None:
        """"Addenbrooke's Hospital ... a spokesman for Addenbrooke's", "Bart's Hospital ...
        Barts": after a hospital named in full, its name without "Hospital"/"Infirmary" (or a bare
        form the gazetteer knows for it) written alone is that hospital, not a body or a person of
        its own. A name two of the article's hospitals share ("Royal") is left alone."""
        hospitals = [c for c in candidates if c.kind == "organisation" and c.org_kind == "hospital"
                     and not c.bare]
        forms: dict[str, set[str]] = {}
        for c in hospitals:
            names = {c.span.text, *([c.entry.name, *c.entry.aliases] if isinstance(c.entry, Site) else ())}
            for name in names:
                for form in bare_site_forms(name):
                    forms.setdefault(form, set()).add(c.key)
        if not forms:
            return
        first = {}
        for c in hospitals:
            first.setdefault(c.key, c)
        for c in candidates:
            if c.entry is not None or c.candidates or c.org_kind == "hospital" or c.honorific:
                continue
            if c.kind == "organisation" and c.source not in _BASE_ORG:
                continue
            if c.kind == "person" and (c.span[0].lower_ in self.first_names or c.source == "person_honorific"):
                continue  # "John Radcliffe said": a person of the name, not the hospital
            if c.kind not in {"organisation", "person"}:
                continue
            key = normalise_name(c.span.text)
            keys = forms.get(key) or forms.get(key + "s") or set()
            if len(keys) != 1 or self._head_word_after(c.span):
                continue
            hospital = first[next(iter(keys))]
            if hospital.span.start > c.span.start:
                continue
            c.kind, c.key, c.name, c.org_kind = "organisation", hospital.key, hospital.name, "hospital"
            c.entry, c.operator = hospital.entry, hospital.operator

    @staticmethod
    def _name_sites_of_one_trust(c: _Candidate) -> None:
        """"The Royal Marsden" (a name two sites of one trust share, in London and in Sutton)
        when the article does not say which: the hospital of that name, run by that trust."""
        sites = [e for e in c.candidates if isinstance(e, Site)]
        if len(sites) < 2 or len(sites) != len(c.candidates):
            return
        trusts = {s.trust for s in sites}
        names = {normalise_name(s.name) for s in sites}
        if len(trusts) != 1 or None in trusts or len(names) != 1:
            return
        c.key = f"site:{sites[0].trust}:{names.pop()}"
        c.name = _strip_the(sites[0].name)
        c.org_kind = "hospital"
        c.operator = sites[0].trust

    def _board_for(self, group: list[_Candidate], published: str | None) -> dict | None:
        """The health board (Scotland, Wales) or HSC trust (Northern Ireland) of the town a
        hospital's name holds ("Edinburgh Royal Infirmary") or the words right after one of its
        mentions name ("the University Hospital of Wales in Cardiff"), if formed by `published`."""
        for c in group:
            doc, span = c.span.doc, c.span
            words = [t.text for t in span if t.text[:1].isupper()]
            names = [" ".join(words[i:i + n]) for n in (3, 2, 1) for i in range(len(words) - n + 1)]
            if span.end + 1 < len(doc) and doc[span.end].text in {"in", ",", "at", "near"}:
                end = span.end + 1
                while end < len(doc) and doc[end].is_title and end - span.end <= 3:
                    end += 1
                names += [doc[span.end + 1:k].text for k in range(end, span.end + 1, -1)]
            for name in names:
                board = self.board_of_place.get(normalise_name(name))
                if board is not None and (not published or board.get("opened", "") <= published):
                    return board
        return None

    def _head_word_after(self, span: Span) -> bool:
        """Whether an organisation's head word follows the name: "Khon Kaen universities"."""
        doc = span.doc
        if span.end >= len(doc):
            return False
        after = doc[span.end].lower_
        return after in self.org_heads or after in self.academic_plurals or (
            after.endswith("s") and after[:-1] in self.org_heads)

    def _link_short_forms(self, candidates: list[_Candidate]) -> None:
        """"the Royal Infirmary" after "Leicester Royal Infirmary": a hospital written with the
        last words of one (and only one) hospital the article names in full is that hospital."""
        hospitals = [c for c in candidates if c.kind == "organisation" and c.org_kind == "hospital"]
        for c in hospitals:
            if c.entry is not None:
                continue
            short = normalise_name(c.span.text)
            targets = {}
            for other in hospitals:
                if other is c or other.key == c.key:
                    continue
                names = {normalise_name(other.span.text)}
                if other.entry is not None:
                    names.add(normalise_name(other.entry.name))
                if any(n.endswith(" " + short) for n in names):
                    targets[other.key] = other
            if len(targets) == 1:
                target = next(iter(targets.values()))
                c.key, c.entry, c.name, c.candidates = target.key, target.entry, target.name, []

    def _group_people(self, doc: Doc, candidates: list[_Candidate]):
        people: list[tuple[Person, list[_Candidate]]] = []
        persons = [c for c in candidates if c.kind == "person"]
        # Full names first, so that a later "Hill" or "Ms Hill" joins "Nicky Hill".
        for c in sorted(persons, key=lambda c: -len(c.span)):
            name = c.span.text
            target = None
            for person, group in people:
                if name == person.name or (len(name.split()) == 1 and person.name.split()[-1] == name):
                    target = (person, group)
                    break
            if target is None and len(name.split()) == 1:
                # "Marianne" after "Marianne Petersen": a first name of one person only.
                firsts = [(p, g) for p, g in people if len(p.name.split()) > 1
                          and p.name.split()[0] == name]
                target = firsts[0] if len(firsts) == 1 else None
            if target is None:
                person = Person(id="", name=name)
                people.append((person, []))
                target = people[-1]
            person, group = target
            group.append(c)
            if name != person.name and name not in person.aliases:
                person.aliases.append(name)
            if c.honorific:
                titled = f"{c.honorific} {name}"
                if titled not in person.aliases:
                    person.aliases.append(titled)
        people.sort(key=lambda pair: min(c.span.start_char for c in pair[1]))
        for index, (person, group) in enumerate(people, start=1):
            person.id = f"p{index}"
            person.mentions = _mentions(group)
        return people

    def _group_organisations(self, doc: Doc, candidates: list[_Candidate]):
        groups: dict[str, list[_Candidate]] = {}
        for c in candidates:
            if c.kind == "organisation":
                groups.setdefault(c.key, []).append(c)
        self._merge_acronyms(groups)
        self._merge_names_cut_before_of(groups)
        self._merge_trust_variants(groups)
        self._merge_written_variants(groups)
        self._merge_first_words(groups)
        self._merge_head_words(groups)  # last: the fewer bodies of a kind, the surer the one
        by_name: dict[str, str] = {}
        special = ("party:", "gov:", "ods:")
        for key in list(groups):  # two groups that came to the same name are one organisation
            name = normalise_name(_strip_the(_fullest(groups[key])))
            other = by_name.get(name)
            if other is None or (other.startswith(special) and key.startswith(special)):
                by_name.setdefault(name, key)
                continue
            keep, drop = (key, other) if key.startswith(special) else (other, key)
            groups[keep].extend(groups.pop(drop))
            by_name[name] = keep
        self._add_trust_references(doc, candidates, groups)
        order = sorted(groups, key=lambda k: min(c.span.start_char for c in groups[k]))
        org_ids = {key: f"o{i}" for i, key in enumerate(order, start=1)}
        organisations: list[Organisation] = []
        operators_needed: dict[str, str] = {}
        for key in order:
            group = groups[key]
            first = group[0]
            entry = next((c.entry for c in group if c.entry is not None), None)
            fixed = next((c.name for c in group if c.key.startswith(("party:", "gov:", "site:"))
                          or c.source == "shared_head"), None)
            name = entry.name if entry else fixed or _fullest(group)
            if isinstance(entry, Trust):
                # The article's own spelling of the trust's name, when it writes it in full.
                written = [_strip_the(c.span.text) for c in group
                           if normalise_name(c.span.text) == normalise_name(entry.name)]
                name = written[0] if written else name
            aliases = list(dict.fromkeys(c.span.text for c in group if c.span.text != name))
            organisation = Organisation(
                id=org_ids[key], name=name, kind=next((c.org_kind for c in group
                                                       if c.org_kind != "other"), first.org_kind),
                aliases=aliases, mentions=_mentions(group), ods_code=entry.ods if entry else None)
            if isinstance(entry, Site) and entry.trust:
                operators_needed[org_ids[key]] = entry.trust
            elif entry is None and any(c.operator for c in group):
                operators_needed[org_ids[key]] = next(c.operator for c in group if c.operator)
            organisations.append(organisation)
        # A closed trust the article names runs the sites its successor runs today: the article
        # was written before the merger.
        predecessors = {}
        for key in order:
            named = next((c.entry for c in groups[key] if isinstance(c.entry, Trust)), None)
            if named is not None and named.closed and named.successor:
                predecessors.setdefault(named.successor, named.ods)
        published = doc._.published.isoformat() if hasattr(doc._.published, "isoformat") else None
        for org_id, trust_ods in operators_needed.items():
            trust_ods = predecessors.get(trust_ods, trust_ods)
            if "ods:" + trust_ods not in org_ids:
                # A trust formed after the article was written did not run the site then.
                trust_ods = self.gazetteer.operator_on(trust_ods, published)
                if trust_ods is None:
                    continue
            key = "ods:" + trust_ods
            trust = self.gazetteer.by_ods(trust_ods)
            if key not in org_ids and trust is not None:
                # The trust named in the article under another key ("Imperial College Healthcare
                # NHS Trust" written out, but grouped by its words): that organisation runs the site.
                same = next((o for o in organisations if o.ods_code == trust_ods
                             or normalise_name(o.name) == normalise_name(trust.name)), None)
                if same is not None:
                    org_ids[key] = same.id
            if key not in org_ids:
                if trust is None:
                    continue
                org_ids[key] = f"o{len(organisations) + 1}"
                organisations.append(Organisation(id=org_ids[key], name=trust.name, kind=trust.kind,
                                                  ods_code=trust.ods))
            next(o for o in organisations if o.id == org_id).operator = org_ids[key]
        # A hospital in Scotland, Wales or Northern Ireland (which the gazetteer does not cover):
        # run by the board of the town its name or the words after it name.
        by_id = {o.id: o for o in organisations}
        for key in order:
            hospital = by_id[org_ids[key]]
            if hospital.kind != "hospital" or hospital.operator or hospital.ods_code:
                continue
            board = self._board_for(groups[key], published)
            if board is None:
                continue
            operator = next((o for o in organisations if normalise_name(o.name) == normalise_name(board["name"])), None)
            if operator is None:
                operator = Organisation(id=f"o{len(organisations) + 1}", name=board["name"], kind=board["kind"])
                organisations.append(operator)
                by_id[operator.id] = operator
            hospital.operator = operator.id
        # A hospital the gazetteer does not place, in an article that names one NHS trust: run by
        # that trust ("Hereford County Hospital" ... "Hereford Hospitals NHS Trust").
        trusts = [o for o in organisations if o.kind == "nhs_trust" and o.mentions]
        if len(trusts) == 1:
            for o in organisations:
                if o.kind == "hospital" and o.operator is None and o.ods_code is None:
                    o.operator = trusts[0].id
        return organisations, org_ids

    def _merge_acronyms(self, groups: dict[str, list[_Candidate]]) -> None:
        """"BMA" joins "the British Medical Association" when its letters are that name's
        initials."""
        initials = {}
        for key, group in groups.items():
            name = _strip_the(_fullest(group))
            words = [w for w in re.split(r"[\s\-]+", name)
                     if w and w.lower() not in {"of", "and", "the", "for", "&"}]
            if len(words) >= 2:
                initials.setdefault("".join(w[0].upper() for w in words), key)
                # "UCLU": the UCL Union, an acronym inside the name written whole.
                initials.setdefault("".join(w if w.isupper() else w[0].upper() for w in words), key)
            for form in _head_initials(name):
                initials.setdefault(form, key)  # "CBIS": the X Centre for Blast Injury Studies
            linked = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() != "the" and w != "&"]
            if len(linked) >= 3 and len(linked) > len(words):
                # "IOM": the Institute of Medicine, whose initials keep the "of".
                initials.setdefault("".join(w[0].upper() for w in linked), key)
            if len(words) >= 3 and words[-1].lower() in self.org_heads:
                # "PCS": the Public and Commercial Services Union without its generic head.
                initials.setdefault("".join(w[0].upper() for w in words[:-1]), key)
        for key in list(groups):
            text = _fullest(groups[key])
            # "Acpo": an acronym written as a word, as some papers do.
            target = initials.get(text) if text.isupper() else initials.get(text.upper()) if (
                text.istitle() and text.isalpha() and len(text) >= 3) else None
            if target and target != key and target in groups:
                groups[target].extend(groups.pop(key))
        self._merge_names_after_acronyms(groups)

    @staticmethod
    def _merge_names_after_acronyms(groups: dict[str, list[_Candidate]]) -> None:
        """"Rover" in an article about "MG Rover": one word that ends exactly one longer name whose
        other words are acronyms is that name."""
        words = {k: _fullest(g).split() for k, g in groups.items()}
        last_words: dict[str, list[str]] = {}
        for k, name in words.items():
            if len(name) > 1 and all(w.isupper() for w in name[:-1]):
                last_words.setdefault(name[-1], []).append(k)
        for key, name in words.items():
            if len(name) != 1 or not name[0].istitle() or key.startswith(("party:", "gov:", "ods:")):
                continue
            targets = [k for k in last_words.get(name[0], []) if k != key and k in groups]
            if len(targets) == 1:
                groups[targets[0]].extend(groups.pop(key))

    def _merge_names_cut_before_of(self, groups: dict[str, list[_Candidate]]) -> None:
        """"the Royal British Legion Centre" after "the Royal British Legion Centre for Blast Injury
        Studies": a name written without the "for"/"of" phrase after its head word is the one
        longer name it starts ("Royal British Legion" is a name of its own, though)."""
        longer: dict[str, list[str]] = {}
        for key, group in groups.items():
            words = normalise_name(_fullest(group)).split()
            links = [i for i, w in enumerate(words) if w in {"for", "of"}]
            if links and links[0] >= 2 and (words[links[0] - 1] in self.org_heads
                                            or words[links[0] - 1] in self.facility_heads):
                longer.setdefault(" ".join(words[:links[0]]), []).append(key)
        for key in list(groups):
            targets = longer.get(normalise_name(_fullest(groups[key])), [])
            if len(targets) == 1 and targets[0] != key and targets[0] in groups:
                groups[targets[0]].extend(groups.pop(key))

    def _merge_head_words(self, groups: dict[str, list[_Candidate]]) -> None:
        """"The College", "the Union" written with a capital: the one organisation of that kind the
        article names ("Imperial College London"), when it names exactly one."""
        names = {k: _fullest(g) for k, g in groups.items()}
        for key, name in names.items():
            word = name.lower()
            if word not in _BARE_HEADS or word not in self.org_heads or key not in groups:
                continue
            kind = self.org_heads[word]
            targets = [k for k, g in groups.items() if k != key and " " in names.get(k, "")
                       and any(c.org_kind == kind for c in g)]
            if len(targets) == 1:
                groups[targets[0]].extend(groups.pop(key))
        self._merge_generic_descriptions(groups)

    def _merge_generic_descriptions(self, groups: dict[str, list[_Candidate]]) -> None:
        """"the Borough Council", "the City Council" written with capitals: a description made of
        a place noun and a head word is the one longer name of the article that has both words
        in that order ("Royal Borough of Kensington and Chelsea Council")."""
        names = {k: normalise_name(_fullest(g)).split() for k, g in groups.items()}
        for key, words in names.items():
            if (len(words) != 2 or key not in groups or words[0] not in self.place_nouns
                    or words[1] not in self.org_heads or key.startswith(("party:", "gov:", "ods:"))):
                continue
            targets = [k for k, other in names.items() if k != key and k in groups and len(other) > 2
                       and other[-1] == words[1] and _in_order(words, other)]
            if len(targets) == 1:
                groups[targets[0]].extend(groups.pop(key))

    def _merge_first_words(self, groups: dict[str, list[_Candidate]]) -> None:
        """"Imperial" in an article about Imperial College London, "Macmillan" after Macmillan Cancer
        Support: a name's first word used alone is that name (the university among several, else
        the only one; not a body known by that word, "Treasury" beside "Treasury Select Committee")."""
        for key in list(groups):
            group = groups[key]
            word = _fullest(group)
            if (" " in word or not word.istitle() or key.startswith(("party:", "gov:"))
                    or any(c.entry is not None or c.candidates for c in group)):
                continue
            longer = [k for k, g in groups.items() if k != key and _fullest(g).split()[0] == word
                      and len(_fullest(g).split()) > 1]
            universities = [k for k in longer if any(
                c.org_kind == "university" or {"college", "university"} & {t.lower_ for t in c.span}
                for c in groups[k])]
            target = universities[0] if len(universities) == 1 else longer[0] if (
                len(longer) == 1 and normalise_name(word) not in self.known_kinds) else None
            if target is not None:
                groups[target].extend(groups.pop(key))

    def _merge_written_variants(self, groups: dict[str, list[_Candidate]]) -> None:
        """"Hereford Hospital Trust" and "Hereford Hospitals NHS Trust", "Powys Health Board" and
        "Powys Local Health Board": one body written two ways (without "NHS"/"Foundation" or a
        middle word, a plural "Hospitals" in one), when both have a head the article's names share."""
        def core(key: str) -> list[str]:
            if key.startswith(("party:", "gov:")):
                return []
            words = [w for w in normalise_name(_fullest(groups[key])).split()
                     if w not in {"nhs", "foundation", "the"}]
            return [w[:-1] if w in {"hospitals", "infirmaries"} else w for w in words]
        longest_first = sorted(groups, key=lambda k: -len(core(k)))
        kept: list[str] = []
        for key in longest_first:
            short = core(key)
            target = None
            if len(short) >= 3 and short[-1] in self.org_heads:
                target = next((k for k in kept if core(k)[0] == short[0] and core(k)[-1] == short[-1]
                               and _in_order(short, core(k))), None)
            if target is None and len(short) >= 2 and short[-1] in {"college", "university"}:
                # "Imperial College" and "Imperial College London": the name and its town.
                target = next((k for k in kept if core(k)[:len(short)] == short
                               and " ".join(core(k)[len(short):]) in self.places), None)
            if target is None:
                kept.append(key)
                continue
            groups[target].extend(groups.pop(key))
            kinds = [c.org_kind for c in groups[target]]
            kind = "nhs_trust" if "nhs_trust" in kinds else next((k for k in kinds if k != "other"), "other")
            for candidate in groups[target]:
                candidate.org_kind = kind

    def _merge_trust_variants(self, groups: dict[str, list[_Candidate]]) -> None:
        """"Imperial NHS Trust" or "Imperial College NHS Trust" in an article that names a site of
        Imperial College Healthcare NHS Trust: a trust written short, whose words are all, in order,
        in the name of the one trust of the article (named, or running a named site) they fit."""
        entries = [c.entry for group in groups.values() for c in group if c.entry is not None]
        trusts = {e.ods: e for e in entries if isinstance(e, Trust)}
        for site in (e for e in entries if isinstance(e, Site) and e.trust):
            trust = self.gazetteer.by_ods(site.trust)
            if isinstance(trust, Trust):
                trusts.setdefault(trust.ods, trust)
        if not trusts:
            return
        filler = {"nhs", "trust", "foundation", "the"}
        for key in [k for k, g in groups.items() if not any(c.entry for c in g)]:
            group = groups[key]
            if not any(c.org_kind == "nhs_trust" for c in group):
                continue
            core = [w for w in normalise_name(_fullest(group)).split() if w not in filler]
            fits = [t for t in trusts.values()
                    if core and _in_order(core, normalise_name(t.name).split())]
            if len(fits) != 1:
                continue
            trust = fits[0]
            for c in group:
                c.entry, c.key, c.name, c.org_kind = trust, "ods:" + trust.ods, trust.name, trust.kind
            groups.setdefault("ods:" + trust.ods, []).extend(groups.pop(key))

    def _add_trust_references(self, doc: Doc, candidates: list[_Candidate],
                              groups: dict[str, list[_Candidate]]) -> None:
        """"the trust" after a trust was named refers to the one named last."""
        trust_mentions = sorted((c.span.start, key) for key, group in groups.items() for c in group
                                if c.org_kind == "nhs_trust")
        if not trust_mentions:
            return
        taken = {i for c in candidates for i in range(c.span.start, c.span.end)}
        for token in doc:
            if token.lower_ != "trust" or token.i == 0 or token.i in taken:
                continue
            det = doc[token.i - 1]
            if det.lower_ != "the" or token.i + 1 < len(doc) and doc[token.i + 1].is_title:
                continue
            before = [key for start, key in trust_mentions if start < det.i]
            if before:
                span = doc[det.i: token.i + 1]
                groups[before[-1]].append(_Candidate("organisation", span, "trust_reference",
                                                     key=before[-1], org_kind="nhs_trust"))

    def _group_places(self, candidates: list[_Candidate]) -> list[Place]:
        groups: dict[str, list[_Candidate]] = {}
        for c in candidates:
            if c.kind == "place":
                groups.setdefault(c.key or normalise_name(c.span.text), []).append(c)
        places = []
        for index, (_, group) in enumerate(groups.items(), start=1):
            places.append(Place(id=f"l{index}", name=group[0].name or _fullest(group),
                                mentions=_mentions(group)))
        return places

    # -- roles -----------------------------------------------------------------------------
    def _add_roles(self, doc: Doc, people, candidates: list[_Candidate], org_ids) -> None:
        org_at = {}
        for c in candidates:
            if c.kind == "organisation" and c.key in org_ids:
                for i in range(c.span.start, c.span.end):
                    org_at[i] = (c, org_ids[c.key])
        place_at = {i: c for c in candidates if c.kind == "place"
                    for i in range(c.span.start, c.span.end)}
        parties = [c for c in candidates if c.org_kind == "political_party"]
        for person, group in people:
            for c in group:
                role = (self._premodifier_role(doc, c.span, org_at, place_at)
                        or self._apposition_role(doc, c.span, org_at))
                if role and role not in person.roles:
                    person.roles.append(role)
                if person.party is None and role and self._is_political(role.title):
                    party = [p for p in parties if p.span.sent == c.span.sent]
                    if party:
                        before = [p for p in party if p.span.start < c.span.start]
                        person.party = (before[-1] if before else party[0]).name

    def _is_political(self, title: str | None) -> bool:
        return bool(title) and any(w.lower() in self.political_roles for w in title.split())

    def _premodifier_role(self, doc: Doc, span: Span, org_at, place_at) -> Role | None:
        """"Health secretary Jeremy Hunt", "Gedling MP Vernon Coaker", "Chief medical officer at
        NHS North East London Dr Paul Gilluley"."""
        i = span.start - 1
        while i >= 0 and (doc[i].lower_.rstrip(".") in self.honorifics or doc[i].text == "."):
            i -= 1
        end = i + 1
        start = end
        while i >= span.sent.start:
            token = doc[i]
            if token.is_punct or token.pos_ in {"VERB", "AUX", "DET", "PRON", "SCONJ", "CCONJ"}:
                break
            if i not in org_at and i not in place_at and token.pos_ not in {
                    "NOUN", "PROPN", "ADJ", "ADP"}:
                break
            start = i
            i -= 1
        while start < end and doc[start].pos_ == "ADP":
            start += 1
        phrase = doc[start:end]
        if not len(phrase) or not any(t.lower_ in self.role_words for t in phrase
                                      if start + 0 <= t.i < end and t.i not in org_at):
            return None
        organisation = None
        orgs = [org_at[t.i] for t in phrase if t.i in org_at]
        title_tokens = [t for t in phrase if t.i not in org_at]
        if orgs:
            organisation = orgs[-1][1]
            first_org = min(t.i for t in phrase if t.i in org_at)
            title_tokens = [t for t in phrase if t.i < first_org]
            while title_tokens and title_tokens[-1].pos_ == "ADP":
                title_tokens.pop()
            if not title_tokens:
                title_tokens = [t for t in phrase if t.i not in org_at]
        places = [t for t in title_tokens if t.i in place_at]
        title_words = [t for t in title_tokens if t.i not in place_at]
        if not title_words:
            return None
        title = " ".join(t.text for t in title_words)
        if places and title_words[-1].text in {"MP", "MEP", "MSP"}:
            title = f"{title} for {' '.join(t.text for t in places)}"
        return Role(title=title, organisation=organisation)

    def _apposition_role(self, doc: Doc, span: Span, org_at) -> Role | None:
        """"Nicky Hill, director of HR for Nottingham University Hospitals NHS Trust, ..."."""
        if span.end >= len(doc) or doc[span.end].text != ",":
            return None
        tokens = []
        for token in doc[span.end + 1: span.sent.end]:
            if token.text in {",", ";", ".", "(", ")", "\u201c", '"'} or token.pos_ in {"VERB", "AUX"}:
                break
            tokens.append(token)
        if not tokens or not any(t.lower_ in self.role_words for t in tokens if t.i not in org_at):
            return None
        orgs = [t for t in tokens if t.i in org_at]
        if orgs:
            title_tokens = [t for t in tokens if t.i < orgs[0].i]
            while title_tokens and title_tokens[-1].pos_ == "ADP":
                title_tokens.pop()
            while title_tokens and title_tokens[0].pos_ == "DET":
                title_tokens.pop(0)
            title = " ".join(t.text for t in title_tokens) or None
            return Role(title=title, organisation=org_at[orgs[-1].i][1])
        while tokens and tokens[0].pos_ == "DET":
            tokens.pop(0)
        return Role(title=" ".join(t.text for t in tokens), organisation=None)


# -- helpers -------------------------------------------------------------------------------------
def _name_parts(chosen: list[_Candidate]) -> set[str]:
    """The words of the fuller (two-word or longer) person names: "Leigh" of "Mike Leigh"."""
    return {t.text for c in chosen if c.kind == "person" and len(c.span) > 1 for t in c.span}


def _straight(text: str) -> str:
    return text.replace("’", "'")


def _strip_the(text: str) -> str:
    return re.sub(r"^(the|The)\s+", "", text)


def _in_order(words: list[str], name: list[str]) -> bool:
    remaining = iter(name)
    return all(word in remaining for word in words)


def _looks_like_a_name(span: Span) -> bool:
    """Every word of a name starts with a capital ("anorexia nervosa" and "[]" do not)."""
    words = [t for t in span if t.is_alpha]
    if len(words) > 2 and words[0].lower_ in _PEER_TITLES and words[1].lower_ == "of":
        words = words[2:]  # "Duchess of Cornwall"
    return bool(words) and all(t.text[0].isupper() or t.lower_ in _NAME_PARTICLES for t in words)


def _past_hyphens(doc: Doc, end: int) -> int:
    """The end of a name that goes on past a hyphen: "Moore-Gillon" cut at "Moore"."""
    while (end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
           and not doc[end].whitespace_ and doc[end + 1].is_title):
        end += 2
    return end


def _trim(span: Span) -> Span | None:
    """Without leading determiners and trailing possessives: "the Queen's Medical Centre"."""
    start, end = span.start, span.end
    doc = span.doc
    # "Program on International Policy Attitudes (Pipa": a name stops at an opening bracket.
    # "MPs - Keith Vaz", "HMS Chatham - have": of the parts a spaced dash separates, the one with
    # the most capitalised words. (One pass over the tokens finds both.)
    dashes = []
    for token in doc[start + 1:end]:
        text = token.text
        if text in {"(", "[", "]"} or "\n" in text or "](" in text:
            end = token.i  # a markdown link "[Name](http://...)", a line break
            break
        if text in {"-", "–", "—"} and token.whitespace_ and doc[token.i - 1].whitespace_:
            dashes.append(token.i)
    dashes = [d for d in dashes if d < end - 1]
    if dashes:
        parts = list(zip([start, *(d + 1 for d in dashes)], [*dashes, end], strict=True))
        start, end = max(parts, key=lambda p: sum(t.text[:1].isupper() for t in doc[p[0]:p[1]]))
    while start < end and (doc[start].lower_ in _DETERMINERS or doc[start].text in {"'s", "’s"}
                           or doc[start].is_punct):
        start += 1
    # "Outside Whipps Cross, ...": a capitalised preposition or adverb that opens the sentence.
    if end - start > 1 and doc[start].is_sent_start and (
            doc[start].pos_ in {"ADP", "ADV", "SCONJ", "CCONJ"} or doc[start].tag_ == "VBG"):
        start += 1
    while end > start and (doc[end - 1].text in {"'s", "’s", "'", "’"} or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end] if end > start else None


_ROYAL_TITLES = {"prince", "princess"}
_SURNAME_PREFIX = re.compile(r"^(O['’]|Mc|Mac)[A-Z]")
_BARE_HEADS = {"union", "college", "university", "council", "trust", "committee", "school",
               "department", "ministry", "agency", "foundation", "board", "academy", "party"}
# Words before capitalised words that make them a description, not a name ("its Maternity Unit").
_UNIT_DETERMINERS = frozenset({"a", "an", "its", "their", "his", "her", "our", "your", "my"})
# Plural heads shared by the names of a list before them, and the singular each name takes.
_SHARED_HEADS = {"universities": "University", "colleges": "College", "hospitals": "Hospital",
                 "infirmaries": "Infirmary"}
_MONARCHS = {"king", "queen", "emperor", "empress", "sultan", "emir"}
_PEER_TITLES = {"prince", "princess", "duke", "duchess", "earl", "countess", "marquess", "viscount"}
_NAME_SUFFIXES = {"QC", "KC"}
_NAME_PARTICLES = {"de", "la", "le", "du", "van", "von", "der", "den", "di", "da", "bin", "binti",
                   "al", "el", "ibn", "dos", "das", "del", "st"}
_PLACE_KEY, _BARE_KEY = "newsfacts_place_name", "newsfacts_bare_site_start"
_LOCALITY_KEY = "newsfacts_locality_name"
_LIST_OPENERS = frozenset({"including", "like", "as"})
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
# Base labels of things that are not names: a town called "March" written as the month is a date.
_NOT_NAMES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
_PLACES_IN_TEXT = ("newsfacts_entities", "places_in_text")
_BARE_STARTS = ("newsfacts_entities", "bare_starts")
_PLACE_SPANS = ("newsfacts_entities", "place_spans")
_LOCALITY_SPANS = ("newsfacts_entities", "locality_spans")
_LITERAL_KEYS = {"ORTH", "LOWER"}
_FLAG_KEYS = {"IS_LOWER", "IS_TITLE", "IS_SENT_START"}


class _RuleSpans:
    """The spans a SpanRuler with these patterns would find (sorted, without duplicates), by a
    Matcher that runs only the patterns whose required words occur in the document: most of ours
    start with any run of title-case words but need a rare word later ("NHS", "Rescue")."""

    def __init__(self, vocab, patterns: list[dict]):
        self.patterns = patterns
        self.matcher = GatedMatcher(vocab, validate=True)
        for n, item in enumerate(patterns):
            self.matcher.add(f"newsfacts_rule_{n}", item["pattern"])
        self.index = {vocab.strings[f"newsfacts_rule_{n}"]: n for n in range(len(patterns))}

    def __call__(self, doc: Doc) -> list[Span]:
        matcher = self.matcher.matcher_for(doc)
        if matcher is None:
            return []
        spans = set()
        for match_id, start, end in matcher(doc):
            if start != end:
                item = self.patterns[self.index[match_id]]
                spans.add(Span(doc, start, end, label=item["label"], span_id=item.get("id") or ""))
        return sorted(spans)


def _is_literal(pattern: list[dict]) -> bool:
    """A fixed word sequence: each token one ORTH or LOWER string, and only flags besides."""
    return all(isinstance(t, dict) and len([k for k in t if k in _LITERAL_KEYS]) == 1
               and all(isinstance(t[k], str) for k in t if k in _LITERAL_KEYS)
               and set(t) <= _LITERAL_KEYS | _FLAG_KEYS for t in pattern)


def _token_fits(token, spec: dict) -> bool:
    if "ORTH" in spec and token.text != spec["ORTH"]:
        return False
    if "LOWER" in spec and token.lower_ != spec["LOWER"]:
        return False
    flags = {"IS_LOWER": token.is_lower, "IS_TITLE": token.is_title,
             "IS_SENT_START": bool(token.is_sent_start)}
    return all(flags[k] == spec[k] for k in _FLAG_KEYS if k in spec)


def _merged_patterns(patterns: list[dict]) -> list[dict]:
    """The same patterns, fewer of them: patterns of one rule that differ only in one token's
    literal ({"ORTH": "Council"} / {"ORTH": "Union"}) become one pattern with an IN list. The
    Matcher's cost grows with the number of patterns that can start at a token, and most of ours
    start with any title-case word."""
    def literal(token: dict) -> tuple[str, str] | None:
        keys = [k for k in ("ORTH", "LOWER") if isinstance(token.get(k), str)]
        return (keys[0], token[keys[0]]) if len(keys) == 1 else None

    changed = True
    while changed:
        changed = False
        for position in range(max((len(p["pattern"]) for p in patterns), default=0)):
            groups: dict[str, list[dict]] = {}
            rest: list[dict] = []
            for item in patterns:
                tokens = item["pattern"]
                found = literal(tokens[position]) if position < len(tokens) else None
                if found is None:
                    rest.append(item)
                    continue
                attr, _ = found
                others = {k: v for k, v in tokens[position].items() if k != attr}
                key = json.dumps([item["label"], item.get("id"), attr, others, tokens[:position],
                                  tokens[position + 1:]], sort_keys=True)
                groups.setdefault(key, []).append(item)
            merged = []
            for group in groups.values():
                if len(group) == 1:
                    merged.append(group[0])
                    continue
                changed = True
                first = group[0]
                attr, _ = literal(first["pattern"][position])
                values = list(dict.fromkeys(literal(g["pattern"][position])[1] for g in group))
                token = {**first["pattern"][position], attr: {"IN": values}}
                merged.append({**first, "pattern": [*first["pattern"][:position], token,
                                                    *first["pattern"][position + 1:]]})
            patterns = rest + merged
    return patterns


def _known_organisation_patterns(words: dict) -> list[dict]:
    """SpanRuler patterns for organisations known by name ("Unison", "Acas", "NHS England"):
    never in lower case, and a name that is also an English word ("Unite") never as a sentence's
    first word."""
    ambiguous = set(words["ambiguous_known_names"])
    upper_only = set(words["upper_only_names"])
    patterns = []
    for name in words["known_kinds"]:
        tokens = name.split()
        if not all(re.fullmatch(r"[\w'&.-]+", t) for t in tokens):
            continue
        if name in upper_only:  # "PCS", not "PCs"; "NUT", not "nut"
            patterns.append({"label": "ORG", "pattern": [{"ORTH": name.upper()}], "id": "known_org"})
            continue
        pattern = [{"LOWER": t} for t in tokens]
        pattern[0] = {"LOWER": tokens[0], "IS_LOWER": False}
        if name in ambiguous:
            pattern[0] = {"LOWER": tokens[0], "IS_TITLE": True, "IS_SENT_START": False}
        patterns.append({"label": "ORG", "pattern": pattern, "id": "known_org"})
    return patterns


def _without_common_acronyms(chosen: list[_Candidate], brackets: frozenset[int]) -> list[_Candidate]:
    """An acronym the article defines as the initials of words in lower case ("an assessed
    problem sheet (APS)") abbreviates a common noun: none of its mentions is an organisation.
    `brackets`: the token positions of "(" in the document."""
    common = set()
    for c in chosen:
        if c.kind != "organisation" or c.span.start - 1 not in brackets or len(c.span) != 1:
            continue
        span, doc = c.span, c.span.doc
        letters = span.text
        if (not letters.isupper() or span.start <= len(letters) or span.end >= len(doc)
                or doc[span.end].text != ")"):
            continue
        words = doc[span.start - 1 - len(letters):span.start - 1]
        if all(t.is_lower and t.is_alpha for t in words) and "".join(
                t.text[0] for t in words).upper() == letters:
            common.add(letters)
    for c in chosen:
        # "Improvised Explosive Devices (IEDs)": a plural acronym abbreviates things, not a body.
        if c.kind != "organisation" or c.span.end not in brackets:
            continue
        end, doc = c.span.end, c.span.doc
        if (end + 2 < len(doc) and doc[end].text == "("
                and doc[end + 2].text == ")" and doc[end + 1].text.endswith("s")
                and doc[end + 1].text[:-1].isupper() and len(doc[end + 1].text) > 2):
            common |= {c.span.text, doc[end + 1].text}
    return [c for c in chosen if c.kind != "organisation" or c.span.text not in common]


def _inside_a_link_target(span: Span) -> bool:
    """A word of a web address ("...?INTCMP=SRCH"): the tokens before it, written without a space,
    lead back to "http"/"www"."""
    doc = span.doc
    i = span.start
    while i > 0 and span.start - i < 40 and not doc[i - 1].whitespace_:
        i -= 1
        if doc[i].like_url or "://" in doc[i].text:
            return True
    return False


def _head_initials(name: str) -> list[str]:
    """The initials of a name from its head word on, when a phrase with "for" or "of" follows the
    head: "CBIS" of "Royal British Legion Centre for Blast Injury Studies" (at least three)."""
    words = name.split()
    links = [i for i, w in enumerate(words) if w.lower() in {"for", "of"}]
    if not links or links[0] < 2:
        return []
    tail = [w for w in words[links[0] - 1:] if w.lower() not in {"of", "and", "the", "for", "&"}]
    return ["".join(w[0].upper() for w in tail)] if len(tail) >= 3 else []


def _names_listed(doc: Doc, i: int, end: int) -> list[Span]:
    """The capitalised names of a list "A, B and C" that starts at token i (a name written as a
    markdown link "[B](http://...)" counts as the name)."""
    names = []
    while i < end:
        token = doc[i]
        if token.text in {",", "[", "]"} or token.lower_ in {"and", "or"}:
            i += 1
        elif token.text == "(" and doc[i - 1].text == "]":
            while i < end and doc[i].text != ")":
                i += 1
            i += 1
        elif token.is_title:
            start = i
            while i < end and doc[i].is_title:
                i += 1
            names.append(doc[start:i])
        else:
            break
    return names


def _joined_by_ampersand(doc: Doc, spans: list[Span]) -> list[Span]:
    """Two organisation spans on either side of "&" are one name: "Daily Mail & General Trust"
    (an ampersand is written inside a name; two bodies are joined by "and")."""
    ends = {s.end: s for s in spans if s.id_ in {"org_head", "known_org"}}
    joined = []
    for s in spans:
        left = ends.get(s.start - 1) if s.id_ in {"org_head", "known_org"} else None
        if left is not None and doc[s.start - 1].text == "&":
            joined.append(Span(doc, left.start, s.end, label=s.label_, span_id="org_head"))
    return [*spans, *joined]


def _bare_start_forms(word: str) -> list[str]:
    """The tokens a bare site name may start with: "st" and "st." ("St Mary's", "St. Mary's"), and
    a possessive's stem ("guys" is written "Guy" + "'s")."""
    forms = [word, word + "."]
    if word.endswith("s") and len(word) > 3:
        forms.append(word[:-1])
    return forms


def _inside_other(candidate: _Candidate, candidates: list[_Candidate]) -> bool:
    return any(o is not candidate and o.span.start <= candidate.span.start
               and candidate.span.end <= o.span.end and len(o.span) > len(candidate.span)
               for o in candidates)


def _fullest(group: list[_Candidate]) -> str:
    texts = [c.written for c in group if c.source != "trust_reference"]
    texts = texts or [c.written for c in group]
    return max(texts, key=lambda t: (not t.isupper(), len(t)))


def _mentions(group: list[_Candidate]) -> list[Mention]:
    seen = {}
    for c in sorted(group, key=lambda c: (c.span.start_char, c.span.end_char)):
        seen[(c.span.start_char, c.span.end_char)] = Mention(text=c.span.text, start=c.span.start_char,
                                                             end=c.span.end_char)
    return list(seen.values())


# -- interfaces for the other components -----------------------------------------------------------
def entity_for_span(doc: Doc, start_char: int, end_char: int) -> tuple[str, str] | None:
    """("person", "p1"), ("organisation", "o3") or ("place", "l2") for the entity with a mention
    that overlaps the character span, preferring the tightest mention (then the largest overlap)."""
    best = None
    for kind, records in (("person", doc._.people), ("organisation", doc._.organisations),
                          ("place", doc._.places)):
        for record in records or ():
            for mention in record.mentions:
                overlap = min(end_char, mention.end) - max(start_char, mention.start)
                if overlap <= 0:
                    continue
                covers = mention.start <= start_char and end_char <= mention.end
                rank = (not covers, mention.end - mention.start if covers else -overlap)
                if best is None or rank < best[0]:
                    best = (rank, (kind, record.id))
    return best[1] if best else None


def person_gender(person: Person) -> str | None:
    """"f" or "m" from a gendered honorific the article used with the person (Ms, Mrs, Miss, Mr,
    Sir, Lady, Lord, Dame), else None."""
    honorifics = _words()["honorifics"]
    genders = {honorifics.get(form.split()[0].lower().rstrip("."))
               for form in (person.name, *person.aliases) if form.split()}
    genders.discard(None)
    return genders.pop() if len(genders) == 1 else None
