"""Rebuild models/nhs_gazetteer.jsonl and models/uk_places.json from the NHS reference data.

    python scripts/build_gazetteer.py [--data ../shared/data]

Sources (Open Government Licence v3.0, see ../shared/data/nhs/README.md):
- nhs_choices_hospitals_2018/Hospital.csv: hospital sites with their parent trust. Separator '¬',
  encoding cp1252, one header row.
- ods_etr/etr.csv: the ODS "NHS Trusts" extract, no header row, 27 quoted columns (code, name, ...,
  column 11 the open date, column 12 the close date). A trust is closed when its close date is on
  or before the extract's date (its latest open date); a close date after that is still open.
  A trust's open date is kept as "opened" (a trust formed after an article ran none of its sites
  then). An open trust is named as ODS names it today ("Doncaster and Bassetlaw Teaching Hospitals NHS
  Foundation Trust"); the 2018 name of Hospital.csv stays an alias.
- models/nhs_trust_successors.json (hand-kept, sourced): the trust that took over the sites of a
  closed trust (ODS records closures but not successors). Sites of a closed trust with no known
  successor keep their 2018 parent.
- scripts/data/curated_places.json (hand-kept): places the NHS address data misses (Welsh
  principal areas, London boroughs, Scottish and Northern Irish cities, council areas and counties,
  "Midlands").

One JSON object per line: {"type": "site" | "trust", "ods", "name", "aliases", "acronyms", ...}.
Site names are cleaned of the trust-name prefixes and "Campus" suffixes the data carries, so that
"Nottingham University Hospitals NHS Trust - Queen's Medical Centre Campus" becomes
"Queen's Medical Centre". Acronym aliases ("QMC") are derived from the cleaned names.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
HOSPITAL_CSV = "nhs/nhs_choices_hospitals_2018/Hospital.csv"
ETR_CSV = "nhs/ods_etr/etr.csv"
SUCCESSORS_JSON = REPO / "models" / "nhs_trust_successors.json"
CURATED_PLACES_JSON = REPO / "scripts" / "data" / "curated_places.json"

# Words that make a site name need its town to be told apart ("City Hospital").
GENERIC_FIRST_WORDS = {"city", "general", "county", "district", "community", "royal", "university"}
ACRONYM_STOP_WORDS = {"and", "of", "the", "&", "for", "at", "on", "in"}
SITE_HEADS = ("hospital", "infirmary", "centre", "hospitals")
SMALL_WORDS = {"and", "of", "the", "for", "at", "on", "in", "upon", "under"}
# Words a site's name may carry that articles often leave out: "Whipps Cross (University)
# Hospital", "Newham (General) Hospital".
OPTIONAL_SITE_WORDS = {"university", "general", "district"}


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def title_case(upper_name: str) -> str:
    """ODS names are upper case: 'NOTTINGHAM UNIVERSITY HOSPITALS NHS TRUST' -> title case with
    NHS and small words kept as written in prose."""
    words = []
    for index, word in enumerate(squash(upper_name).split(" ")):
        low = word.lower()
        if word in {"NHS", "UK", "2gether"} or re.fullmatch(r"[A-Z]{2,3}", word) and low not in {
                "and", "of", "the", "st"}:
            words.append(word if word != "2GETHER" else "2gether")
        elif low in SMALL_WORDS and index:
            words.append(low)
        else:
            words.append("-".join(part[:1].upper() + part[1:] for part in low.split("-")))
    text = " ".join(words)
    return re.sub(r"'S\b", "'s", text)


def small_words_lower(name: str) -> str:
    """"Heart Of England" -> "Heart of England": Hospital.csv capitalises every word."""
    words = name.split(" ")
    return " ".join(w.lower() if i and w.lower() in SMALL_WORDS else w for i, w in enumerate(words))


def clean_trust_name(name: str) -> str:
    # "The Queen Elizabeth Hospital, King's Lynn. NHS Foundation Trust": commas and full stops are
    # data-entry noise in a trust's legal name.
    return squash(re.sub(r"[,.]", " ", small_words_lower(squash(name))))


def name_key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", name.lower().replace("'", "")).strip()


def acronym(name: str) -> str | None:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in ACRONYM_STOP_WORDS]
    if len(words) < 3 or not all(w[0].isalpha() for w in words):
        return None
    return "".join(w[0].upper() for w in words)


def clean_site_name(raw: str, trust_name: str, city: str) -> tuple[str, list[str]]:
    """The site's canonical name and the other forms articles may use."""
    name = squash(raw).replace("St. ", "St ")
    aliases: list[str] = []
    if " - " in name:
        parts = [p.strip() for p in name.split(" - ")]
        site_parts = [p for p in parts if p.lower() != trust_name.lower() and "nhs" not in p.lower()
                      and "virgin care" not in p.lower()]
        if site_parts:
            name = site_parts[0]
    # "The County Hospital, Wye Valley NHS Trust": the trust's name after a comma is not the site's.
    name = re.sub(r",[^,]*\bNHS\b.*$", "", name)
    bracket = re.search(r"\s*\(([^)]*)\)\s*$", name)
    if bracket:
        name = name[: bracket.start()].strip()
    if name.lower().endswith(" campus"):
        aliases.append(name)
        name = name[: -len(" campus")]
        if not name.lower().endswith(SITE_HEADS):
            aliases.append(name + " Hospital")
            name = f"{city} {name} Hospital" if city and not name.startswith(city) else name + " Hospital"
    words = re.sub(r"^The ", "", name).split(" ")
    if city and words[0].lower() in GENERIC_FIRST_WORDS and not name.startswith(city):
        aliases.append(f"{city} {re.sub(r'^The ', '', name)}")
    if name.lower().startswith("the "):
        aliases.append(name[4:])
    if " & " in name:
        aliases.append(name.replace(" & ", " and "))
    if re.search(r"\bSt\b", name):
        aliases.append(re.sub(r"\bSt\b", "Saint", name))
    aliases = [a for a in dict.fromkeys(aliases) if a != name]
    return name, aliases


def trust_aliases(name: str) -> list[str]:
    short = re.sub(r"\s+NHS( Foundation)? Trust$", "", name)
    forms = []
    if short != name and len(re.sub(r"^The\s+", "", short).split()) >= 2:
        forms.append(short)
    if name.startswith("The "):
        forms.append(name[4:])
    return forms


def read_hospital_csv(path: Path) -> list[dict]:
    with path.open(encoding="cp1252", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="¬"))


def read_etr_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def read_etr(etr_rows: list[list[str]]) -> dict[str, dict]:
    rows = [row for row in etr_rows if len(row) >= 12]
    extract_date = max(row[10].strip() for row in rows)
    return {row[0]: {"name": clean_trust_name(title_case(row[1])), "region": row[2],
                     "closed": bool(row[11].strip()) and row[11].strip() <= extract_date,
                     "opened": iso_date(row[10])}
            for row in rows}


def iso_date(text: str) -> str | None:
    """"20141001" -> "2014-10-01" (ODS dates are YYYYMMDD)."""
    text = text.strip()
    return f"{text[:4]}-{text[4:6]}-{text[6:8]}" if re.fullmatch(r"\d{8}", text) else None


def read_successors(path: Path, etr: dict[str, dict]) -> dict[str, str]:
    """Closed trust -> open successor, kept only where ODS confirms both ends."""
    if not path.is_file():
        return {}
    table = json.loads(path.read_text(encoding="utf-8"))["successors"]
    return {old: item["successor"] for old, item in table.items()
            if etr.get(old, {}).get("closed") and item["successor"] in etr
            and not etr[item["successor"]]["closed"]}


def short_site_forms(name: str) -> list[str]:
    """Forms of a site name without its optional words ("Whipps Cross Hospital")."""
    words = name.split(" ")
    if "," in name:
        return []
    kept = [w for i, w in enumerate(words) if i == 0 or w.lower() not in OPTIONAL_SITE_WORDS
            or words[i - 1].lower() in {"and", "&", "of"}]
    if len(kept) < len(words) and len(kept) >= 2 and kept[-1].lower() in SITE_HEADS:
        return [" ".join(kept)]
    return []


def add_unambiguous_short_forms(sites: list[dict]) -> None:
    """Add a short form only when no other site is known by it (or by any of its names), and
    never "<its town> Hospital", which articles use for any hospital of the town."""
    taken: dict[str, set[str]] = {}
    for site in sites:
        for form in (site["name"], *site["aliases"]):
            taken.setdefault(name_key(form), set()).add(site["ods"])
    proposed: dict[str, set[str]] = {}
    for site in sites:
        for form in short_site_forms(site["name"]):
            proposed.setdefault(name_key(form), set()).add(site["ods"])
    for site in sites:
        for form in short_site_forms(site["name"]):
            key = name_key(form)
            if site["city"] and name_key(form.rsplit(" ", 1)[0]) == name_key(site["city"]):
                continue
            if proposed[key] == {site["ods"]} and taken.get(key, {site["ods"]}) == {site["ods"]}:
                site["aliases"].append(form)


def place_forms(raw: str) -> list[str]:
    """The towns and counties a City/County cell names: "Balby, Doncaster" is two places,
    "LINCOLN" is Lincoln, "Birmingham (SatNav B5 7SA)" is Birmingham; street addresses are none."""
    forms = []
    for part in re.sub(r"\(.*?\)", " ", raw).split(","):
        part = re.sub(r"^(?:nr|near)\.? ", "", squash(part), flags=re.IGNORECASE)
        if not part or any(ch.isdigit() for ch in part):
            continue
        forms.append(small_words_lower(part.title()) if part.isupper() else part)
    return forms


def read_places(rows: list[dict]) -> list[str]:
    """Every town and county of every site in Hospital.csv, whatever its sector or status: a
    place is a place even where the hospital is private or closed."""
    return sorted({form for row in rows for cell in (row["City"], row["County"])
                   for form in place_forms(cell or "")})


# Last words of address lines that name a street, a building or a part of a site, not a locality.
NOT_LOCALITY_HEADS = set("""
    road rd lane street st way avenue ave drive close crescent terrace grove gardens place square
    row walk mews parade boulevard broadway circus approach rise view hill ridge ridgeway parkway
    promenade driftway path pond mall dock walls quay wharf yard gate bank common green end
    park centre house hall court lodge manor grange farm villa cottage cottages building buildings
    block level floor wing suite unit units office offices site campus estate complex pavilion
    annexe ward wards department clinic surgery practice hospital hospitals infirmary trust
    headquarters hq management group service services venue point station barracks precinct
    arcade market industrial business forest wood woods chase oak elm croft field fields meadow
    meadows valley vale bridge north south east west royal uk town village sea cliffs down
    """.split())
# Words that show an address line names an organisation or a building, wherever they stand.
NOT_LOCALITY_WORDS = {"hospital", "trust", "university", "nhs", "surgery", "service", "centre",
                      "management", "headquarters", "group", "contraceptive", "day", "care",
                      "out", "ffordd", "heol", "stryd", "ysbyty", "canolfan", "mount"}


def locality_form(line: str) -> str | None:
    """The locality an address line names ("Didsbury", "Hither Green" is not: see the heads),
    or None for a street, a building or a number."""
    line = squash(line).strip(",.")
    if not line or any(ch.isdigit() for ch in line) or "," in line or "(" in line:
        return None
    words = line.split(" ")
    low = [w.lower() for w in words]
    if (len(words) > 3 or low[0] == "the" or low[-1] in NOT_LOCALITY_HEADS
            or NOT_LOCALITY_WORDS & set(low) or not line[0].isalpha()):
        return None
    if line.isupper():
        line = small_words_lower(line.title())
    # "Bourton-On-The-Water", "King'S Lynn": hyphenated small words and 's as prose writes them.
    line = re.sub(r"-(On|Upon|Under|In|By|The|Le|En|Super)\b", lambda m: "-" + m.group(1).lower(), line)
    line = re.sub(r"-(on|upon|under|in|by|le|en|super)-The\b", r"-\1-the", line)
    return re.sub(r"'S\b", "'s", line).replace("St. ", "St ")


def read_localities(hospital_rows: list[dict], etr_rows: list[list[str]],
                    places: set[str]) -> list[str]:
    """Districts, suburbs and villages named in the address lines of Hospital.csv and etr.csv
    ("Didsbury", "Edgbaston", "Headington"), other than the towns and counties already known.
    Many are also surnames or common words ("Hale", "Stone"), so the entity step treats them as
    places only in a place's context (after "in", beside a known place in a list)."""
    lines = [line for row in hospital_rows
             for line in (row["Address1"], row["Address2"], row["Address3"])]
    for row in etr_rows:
        lines += row[4:9] if len(row) >= 9 else []
    known = {name_key(p) for p in places}
    forms = {}
    for line in lines:
        form = locality_form(line or "")
        if form and name_key(form) not in known:
            forms.setdefault(name_key(form), form)
    return sorted(forms.values())


def read_hospitals(rows: list[dict], nhs_trusts: set[str]) -> list[dict]:
    """NHS sites: the "NHS Sector" rows, and the rows whose parent is an NHS trust although the
    data marks them "Independent Sector" (all of Manchester University NHS FT's sites are)."""
    return [row for row in rows
            if row["OrganisationStatus"] == "Visible" and (
                row["Sector"] == "NHS Sector" or row["ParentODSCode"].strip() in nhs_trusts)]


def build(data: Path) -> tuple[list[dict], dict]:
    all_hospital_rows = read_hospital_csv(data / HOSPITAL_CSV)
    etr_rows = read_etr_csv(data / ETR_CSV)
    etr = read_etr(etr_rows)
    successors = read_successors(SUCCESSORS_JSON, etr)
    hospital_rows = read_hospitals(all_hospital_rows, set(etr))
    trusts: dict[str, dict] = {}
    old_names: dict[str, set[str]] = {}
    for code, row in etr.items():
        trusts[code] = {"type": "trust", "ods": code, "name": row["name"], "closed": row["closed"]}
        if row["opened"]:
            trusts[code]["opened"] = row["opened"]  # the trust did not exist before this date
    for row in hospital_rows:
        code = row["ParentODSCode"].strip()
        parent = clean_trust_name(row["ParentName"])
        if not code or not parent:
            continue
        entry = trusts.setdefault(code, {"type": "trust", "ods": code, "closed": False,
                                         "name": parent})
        if name_key(entry["name"]) == name_key(parent):
            # Same name: Hospital.csv writes it in the case articles use, ODS in upper case.
            entry["name"] = parent
        elif parent != entry["name"]:
            old_names.setdefault(code, set()).add(parent)
    for code, entry in trusts.items():
        entry["kind"] = "nhs_trust" if "NHS" in entry["name"] else "other"
        forms = [entry["name"], *sorted(old_names.get(code, ()))]
        entry["aliases"] = list(dict.fromkeys(
            a for form in forms for a in (form, *trust_aliases(form)) if a != entry["name"]))
        if code in successors:
            entry["successor"] = successors[code]
        shorts = [(trust_aliases(form) or [form])[0] for form in forms]
        entry["acronyms"] = list(dict.fromkeys(a for a in map(acronym, shorts) if a))
    sites = []
    for row in hospital_rows:
        city = squash(row["City"]).title() if row["City"].isupper() else squash(row["City"])
        trust_code = row["ParentODSCode"].strip() or None
        trust_name = squash(row["ParentName"])
        name, aliases = clean_site_name(row["OrganisationName"], trust_name, city)
        name = small_words_lower(name)
        bare = name[: -len(city) - 1] if city and name.endswith(" " + city) else ""
        if bare.lower().endswith(SITE_HEADS) and len(bare.split()) >= 2:
            # "Queen Elizabeth Hospital Birmingham": the bare name is told apart by its town.
            aliases.append(bare)
        trust_code = successors.get(trust_code, trust_code)
        sites.append({"type": "site", "ods": row["OrganisationCode"].strip(), "name": name,
                      "aliases": aliases, "acronyms": [a for a in {acronym(name)} if a],
                      "trust": trust_code, "city": city or None,
                      "county": squash(row["County"]) or None,
                      "postcode": squash(row["Postcode"]) or None})
    add_unambiguous_short_forms(sites)
    curated = json.loads(CURATED_PLACES_JSON.read_text(encoding="utf-8"))
    places = sorted({*read_places(all_hospital_rows), *curated["wales_principal_areas"],
                     *curated["london_boroughs"], *curated["scotland_northern_ireland"],
                     *curated["other"]})
    localities = read_localities(all_hospital_rows, etr_rows, set(places))
    records = sorted(trusts.values(), key=lambda r: r["ods"]) + sorted(sites, key=lambda r: r["ods"])
    return records, {"source": "NHS Choices Hospital.csv (2018), towns and counties of NHS sites; "
                               "localities from the address lines of Hospital.csv and ODS etr.csv; "
                               + curated["source"],
                     "places": places, "localities": localities}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=REPO / "models")
    args = parser.parse_args()
    records, places = build(args.data)
    with (args.out / "nhs_gazetteer.jsonl").open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    (args.out / "uk_places.json").write_text(json.dumps(places, ensure_ascii=False, indent=0) + "\n",
                                             encoding="utf-8")
    n_sites = sum(r["type"] == "site" for r in records)
    print(f"{n_sites} sites, {len(records) - n_sites} trusts, {len(places['places'])} places, "
          f"{len(places['localities'])} localities -> {args.out}")


if __name__ == "__main__":
    main()
