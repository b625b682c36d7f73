"""The NHS gazetteer: hospital sites and the trusts that run them, from models/nhs_gazetteer.jsonl
(built by scripts/build_gazetteer.py from NHS Choices and ODS data, Open Government Licence v3.0).

    >>> gaz = Gazetteer.load()
    >>> [s.name for s in gaz.lookup("the QMC")]
    ["Queen's Medical Centre"]
    >>> gaz.by_ods("RK5").name
    'Sherwood Forest Hospitals NHS Foundation Trust'

`lookup` returns every candidate: a name such as "City Hospital" or "Queen's Hospital" is shared
by several sites, and `resolve` picks one only when the article's context (towns, counties, trusts,
other sites) singles it out; otherwise the caller leaves the mention unlinked.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from newsfacts.assets import load_jsonl_asset

GAZETTEER_ASSET = "nhs_gazetteer.jsonl"


@dataclass(frozen=True)
class Trust:
    ods: str
    name: str
    kind: str = "nhs_trust"
    closed: bool = False
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    successor: str | None = None  # a closed trust: the trust that took over its sites
    opened: str | None = None  # ISO date the trust was formed (ODS): it ran nothing before


@dataclass(frozen=True)
class Site:
    ods: str
    name: str
    trust: str | None
    city: str | None = None
    county: str | None = None
    postcode: str | None = None
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    kind: str = field(default="hospital")


Entry = Site | Trust


@lru_cache(maxsize=65536)  # called for every candidate name and title-case word of every article
def normalise_name(text: str) -> str:
    """The lookup key of a name: case, apostrophes, 'the', 'St.'/'Saint' and '&' don't matter,
    and a trailing plural ('Nottingham City Hospitals') reads as the singular."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[\u2018\u2019\u02bc`']", "", text)
    text = text.replace("&", " and ").replace("st.", "st ")
    text = re.sub(r"\bsaint\b", "st", text)
    text = re.sub(r"[^\w\s-]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"^the ", "", text)
    return re.sub(r"\b(hospital|infirmarie)s$", r"\1", text).replace("infirmarie", "infirmary")


# The last words of a site's name that already say what it is ("... Centre", "... Clinic").
_HEAD_WORDS = ("hospital", "infirmary", "centre", "center", "clinic", "unit", "home", "hospice",
               "house", "practice", "surgery", "service", "services", "lodge", "court", "ward")
_ACADEMIC_END = re.compile(r"\b(university|college)$", re.IGNORECASE)


class Gazetteer:
    def __init__(self, records: Iterable[dict]):
        self.sites: dict[str, Site] = {}
        self.trusts: dict[str, Trust] = {}
        for record in records:
            common = {"ods": record["ods"], "name": record["name"],
                      "aliases": tuple(record.get("aliases", ())),
                      "acronyms": tuple(record.get("acronyms", ()))}
            if record["type"] == "site":
                self.sites[record["ods"]] = Site(trust=record.get("trust"), city=record.get("city"),
                                                 county=record.get("county"),
                                                 postcode=record.get("postcode"), **common)
            else:
                self.trusts[record["ods"]] = Trust(kind=record.get("kind", "nhs_trust"),
                                                   closed=bool(record.get("closed")),
                                                   successor=record.get("successor"),
                                                   opened=record.get("opened"), **common)
        self._by_key: dict[str, list[Entry]] = {}
        self._by_acronym: dict[str, list[Entry]] = {}
        self._by_bare: dict[str, list[Site]] = {}
        self._sites_of: dict[str, list[Site]] = {}
        for site in self.sites.values():
            if site.trust:
                self._sites_of.setdefault(site.trust, []).append(site)
        for entry in [*self.trusts.values(), *self.sites.values()]:
            own_sites = _site_forms(self._sites_of.get(entry.ods, ())) if isinstance(entry, Trust) else {}
            for form in (entry.name, *entry.aliases):
                if form != entry.name and isinstance(entry, Trust) and _ACADEMIC_END.search(form):
                    continue  # "Manchester University" names the university, not its NHS trust
                key = normalise_name(form)
                if isinstance(entry, Site) and not key.endswith(_HEAD_WORDS):
                    # "Addenbrooke's" (so named in the data) is written "Addenbrooke's Hospital" too.
                    bucket = self._by_key.setdefault(key + " hospital", [])
                    if entry not in bucket:
                        bucket.append(entry)
                # "Moorfields Eye Hospital", "the Royal Marsden": a trust's short name that is also
                # the name (or the name without "Hospital") of its own site denotes the site
                # ("Norfolk and Norwich University Hospitals", a plural, still the trust).
                named = own_sites.get(key) if form != entry.name and not re.search(
                    r"(hospitals|infirmaries)$", form, re.IGNORECASE) else None  # plural: the trust
                bucket = self._by_key.setdefault(key, [])
                for item in named or [entry]:
                    if item not in bucket:
                        bucket.append(item)
            for letters in entry.acronyms:
                self._by_acronym.setdefault(letters, []).append(entry)
        self._bare_first_words: set[str] = set()
        for site in self.sites.values():
            for form in (site.name, *site.aliases):
                for bare in bare_site_forms(form):
                    self._bare_first_words.add(bare.split(" ")[0])
                    bucket = self._by_bare.setdefault(bare, [])
                    if site not in bucket:
                        bucket.append(site)

    @classmethod
    @cache
    def load(cls) -> Gazetteer:
        """The shipped gazetteer, read once per process."""
        return cls(load_jsonl_asset(GAZETTEER_ASSET))

    def lookup(self, name: str) -> list[Entry]:
        """Every site or trust that `name` may denote: by canonical name or alias (any case,
        apostrophes, 'the'), or by acronym when `name` is written in capitals ("QMC")."""
        bare = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
        if bare.isupper() and bare.isalpha() and bare in self._by_acronym:
            return _prefer_open(list(self._by_acronym[bare]))
        found = list(self._by_key.get(normalise_name(name), ()))
        return _prefer_open(found)

    def lookup_bare(self, name: str) -> list[Site]:
        """Sites that `name` may denote without its head word: "Southmead", "the Royal Derby",
        "Whipps Cross". Such a name is often also a district or a street, so callers accept a
        candidate only when the article's context supports it (`resolve(..., require_support=True)`)."""
        return list(self._by_bare.get(normalise_name(name), ()))

    def bare_first_words(self) -> Iterable[str]:
        """The first word of every bare site name (normalised)."""
        return iter(self._bare_first_words)

    def bare_forms(self) -> Iterable[str]:
        """Every bare site name, normalised (see `lookup_bare`)."""
        return self._by_bare.keys()

    def by_ods(self, code: str) -> Entry | None:
        code = code.strip().upper()
        return self.sites.get(code) or self.trusts.get(code)

    def operator_on(self, trust_ods: str, day: str | None) -> str | None:
        """The trust that ran a site of `trust_ods` on `day` (ISO date, None: today): the trust
        itself unless it was formed after that day; then the one closed trust it succeeded that
        was open by then, else None (not known)."""
        trust = self.trusts.get(trust_ods)
        if trust is None or not day or not trust.opened or trust.opened <= day:
            return trust_ods
        earlier = [t.ods for t in self.trusts.values() if t.successor == trust_ods
                   and (not t.opened or t.opened <= day)]
        return earlier[0] if len(earlier) == 1 else None

    def sites_of_trust(self, trust_ods: str) -> list[Site]:
        return list(self._sites_of.get(trust_ods.strip().upper(), ()))

    def operator_of(self, site: Site) -> Trust | None:
        return self.trusts.get(site.trust) if site.trust else None

    def surface_forms(self) -> Iterable[tuple[str, bool]]:
        """(form, is_acronym) for every name the gazetteer knows, for building a matcher."""
        for entry in [*self.trusts.values(), *self.sites.values()]:
            for form in (entry.name, *entry.aliases):
                yield form, False
            for letters in entry.acronyms:
                yield letters, True

    def resolve(self, candidates: list[Entry], context: Iterable[str] = (),
                context_entries: Iterable[Entry] = (), require_support: bool = False) -> Entry | None:
        """The one candidate the context singles out, or None. A single candidate is itself
        (unless `require_support`: then the context must point at it too); several are told apart
        by the place names in `context` (towns, counties) and by `context_entries`, the sites and
        trusts the article names elsewhere (a site of the same trust, or the trust itself)."""
        if len(candidates) == 1 and not require_support:
            return candidates[0]
        if not candidates:
            return None
        places = {normalise_name(p) for p in context if p}
        entries = list(context_entries)
        trusts_named = {e.ods for e in entries if isinstance(e, Trust)}
        trusts_named |= {e.trust for e in entries if isinstance(e, Site) and e.trust}

        def score(entry: Entry) -> int:
            if isinstance(entry, Trust):
                return 2 * (entry.ods in trusts_named)
            hits = 0
            if entry.trust in trusts_named:
                hits += 2
            for place in (entry.city, entry.county):
                if place and normalise_name(place) in places:
                    hits += 1
            return hits

        scored = sorted(((score(c), c) for c in candidates), key=lambda pair: -pair[0])
        if require_support and len(scored) == 1:
            return scored[0][1] if scored[0][0] > 0 else None
        if scored[0][0] > 0 and (len(scored) == 1 or scored[0][0] > scored[1][0]):
            return scored[0][1]
        if not require_support:
            # "Royal London Hospital": the site of an NHS trust rather than the same-named site
            # of a GP group or a private provider, when the context prefers neither.
            best = [c for s, c in scored if s == scored[0][0]]
            nhs = [c for c in best if isinstance(c, Site) and c.trust in self.trusts
                   and self.trusts[c.trust].kind == "nhs_trust"]
            if len(nhs) == 1 and len(best) > 1:
                return nhs[0]
        return None


_SITE_HEADS = ("university hospital", "general hospital", "district hospital", "hospital",
               "infirmary")
# A bare form that is one of these words alone names nothing ("Royal", "City", "General").
_GENERIC_BARE = {"royal", "city", "county", "general", "district", "community", "university",
                 "st", "north", "south", "east", "west", "central", "new", "memorial", "childrens",
                 "womens", "eye", "dental", "cottage", "war memorial"}


def bare_site_forms(form: str) -> list[str]:
    """Normalised forms of a site name without its head: "Royal Derby Hospital" -> "royal derby",
    "Whipps Cross University Hospital" -> "whipps cross"."""
    key = normalise_name(form)
    forms = []
    for head in _SITE_HEADS:
        if key.endswith(" " + head):
            bare = key[: -len(head) - 1]
            if bare not in _GENERIC_BARE and len(bare) > 3:
                forms.append(bare)
    return forms


def _site_forms(sites: Iterable[Site]) -> dict[str, list[Site]]:
    """The normalised names of `sites`, with and without their head word, and the sites each names."""
    forms: dict[str, list[Site]] = {}
    for site in sites:
        for form in (site.name, *site.aliases):
            for key in (normalise_name(form), *bare_site_forms(form)):
                if site not in forms.setdefault(key, []):
                    forms[key].append(site)
    return forms


def _prefer_open(entries: list[Entry]) -> list[Entry]:
    # A closed trust's old name often equals a site's ("Nottingham City Hospital NHS Trust" ran
    # Nottingham City Hospital): today's site or trust is what an article means.
    current = [e for e in entries if not (isinstance(e, Trust) and e.closed)]
    return current or entries
