"""People, organisations and places from the base model's entities."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsfacts.records import Mention, Organisation, Person, Place

_PERSON, _ORG, _PLACE = {"PERSON"}, {"ORG"}, {"GPE", "LOC"}


@Language.factory("newsfacts_entities")
def make_entities(nlp: Language, name: str) -> EntityLinker:
    return EntityLinker()


class EntityLinker:
    def __call__(self, doc: Doc) -> Doc:
        groups: dict[tuple[str, str], list] = {}
        for ent in doc.ents:
            kind = ("person" if ent.label_ in _PERSON else "org" if ent.label_ in _ORG
                    else "place" if ent.label_ in _PLACE else None)
            if kind:
                groups.setdefault((kind, ent.text), []).append(ent)
        people, orgs, places = [], [], []
        for (kind, text), ents in groups.items():
            mentions = [Mention(text=e.text, start=e.start_char, end=e.end_char) for e in ents]
            if kind == "person":
                people.append(Person(id=f"p{len(people) + 1}", name=text, mentions=mentions))
            elif kind == "org":
                orgs.append(Organisation(id=f"o{len(orgs) + 1}", name=text, mentions=mentions))
            else:
                places.append(Place(id=f"l{len(places) + 1}", name=text, mentions=mentions))
        doc._.people, doc._.organisations, doc._.places = people, orgs, places
        return doc
