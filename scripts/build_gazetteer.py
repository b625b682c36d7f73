"""Rebuild models/nhs_gazetteer.jsonl and models/uk_places.json from the NHS reference data.

    python scripts/build_gazetteer.py [--data ../shared/data]

Sources (Open Government Licence v3.0, see ../shared/data/nhs/README.md):
- nhs_choices_hospitals_2018/Hospital.csv: hospital sites with their parent trust. Separator '¬',
  encoding cp1252, one header row.
- ods_etr/etr.csv: the ODS "NHS Trusts" extract, no header row, 27 quoted columns (code, name, ...,
  column 12 the close date).

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

# Words that make a site name need its town to be told apart ("City Hospital").
GENERIC_FIRST_WORDS = {"city", "general", "county", "district", "community", "royal", "university"}
ACRONYM_STOP_WORDS = {"and", "of", "the", "&", "for", "at", "on", "in"}
SITE_HEADS = ("hospital", "infirmary", "centre", "hospitals")
SMALL_WORDS = {"and", "of", "the", "for", "at", "on", "in", "upon", "under"}


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
    bracket = re.search(r"\s*\(([^)]*)\)\s*$", name)
    if bracket:
        name = name[: bracket.start()].strip()
    if name.lower().endswith(" campus"):
        aliases.append(name)
        name = name[: -len(" campus")]
        if not name.lower().endswith(SITE_HEADS):
            aliases.append(name + " Hospital")
            name = f"{city} {name} Hospital" if city and not name.startswith(city) else name + " Hospital"
    words = name.split(" ")
    if city and words[0].lower() in GENERIC_FIRST_WORDS and not name.startswith(city):
        aliases.append(f"{city} {name}")
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
    if short != name and len(short.split()) >= 2:
        forms.append(short)
    if name.startswith("The "):
        forms.append(name[4:])
    return forms


def read_etr(path: Path) -> dict[str, dict]:
    trusts = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle):
            if len(row) < 12:
                continue
            trusts[row[0]] = {"name": title_case(row[1]), "closed": bool(row[11].strip()),
                              "region": row[2]}
    return trusts


def read_hospitals(path: Path) -> list[dict]:
    with path.open(encoding="cp1252", newline="") as handle:
        return [row for row in csv.DictReader(handle, delimiter="¬")
                if row["Sector"] == "NHS Sector" and row["OrganisationStatus"] == "Visible"]


def build(data: Path) -> tuple[list[dict], dict]:
    etr = read_etr(data / ETR_CSV)
    hospital_rows = read_hospitals(data / HOSPITAL_CSV)
    trusts: dict[str, dict] = {}
    for code, row in etr.items():
        trusts[code] = {"type": "trust", "ods": code, "name": row["name"], "closed": row["closed"]}
    for row in hospital_rows:
        code = row["ParentODSCode"].strip()
        parent = squash(row["ParentName"])
        if not code or not parent:
            continue
        # Hospital.csv writes trust names in the case articles use: prefer it to ODS upper case.
        entry = trusts.setdefault(code, {"type": "trust", "ods": code, "closed": False})
        entry["name"] = parent
    for entry in trusts.values():
        entry["kind"] = "nhs_trust" if "NHS" in entry["name"] else "other"
        entry["aliases"] = trust_aliases(entry["name"])
        short = entry["aliases"][0] if entry["aliases"] else entry["name"]
        entry["acronyms"] = [a for a in {acronym(short)} if a]
    sites = []
    for row in hospital_rows:
        city = squash(row["City"]).title() if row["City"].isupper() else squash(row["City"])
        trust_code = row["ParentODSCode"].strip() or None
        trust_name = trusts.get(trust_code, {}).get("name", "")
        name, aliases = clean_site_name(row["OrganisationName"], trust_name, city)
        sites.append({"type": "site", "ods": row["OrganisationCode"].strip(), "name": name,
                      "aliases": aliases, "acronyms": [a for a in {acronym(name)} if a],
                      "trust": trust_code, "city": city or None,
                      "county": squash(row["County"]) or None,
                      "postcode": squash(row["Postcode"]) or None})
    places = sorted({p for row in hospital_rows for p in (squash(row["City"]), squash(row["County"]))
                     if p and not p.isupper() and "," not in p
                     and not any(ch.isdigit() for ch in p)})
    records = sorted(trusts.values(), key=lambda r: r["ods"]) + sorted(sites, key=lambda r: r["ods"])
    return records, {"source": "NHS Choices Hospital.csv (2018), towns and counties of NHS sites",
                     "places": places}


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
    print(f"{n_sites} sites, {len(records) - n_sites} trusts, {len(places['places'])} places "
          f"-> {args.out}")


if __name__ == "__main__":
    main()
