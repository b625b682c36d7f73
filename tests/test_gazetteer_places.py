"""The place lists scripts/build_gazetteer.py derives from the NHS address data."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def builder():
    spec = importlib.util.spec_from_file_location("build_gazetteer", REPO / "scripts" / "build_gazetteer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("line, form", [
    ("Didsbury", "Didsbury"),
    ("EDGBASTON", "Edgbaston"),
    ("Bourton-On-The-Water", "Bourton-on-the-Water"),
    ("Middleton St. George", "Middleton St George"),
])
def test_an_address_line_naming_a_locality(builder, line, form):
    assert builder.locality_form(line) == form


@pytest.mark.parametrize("line", [
    "Barlow Moor Road", "1-5 Heather Close", "Hither Green Lane", "The Woodlands",
    "Trust Headquarters", "Ysbyty Gwynedd", "Wellington House", "Oxford Road, Headington", "",
])
def test_streets_buildings_and_numbers_are_not_localities(builder, line):
    assert builder.locality_form(line) is None


def test_shipped_localities_are_apart_from_the_towns():
    data = json.loads((REPO / "models" / "uk_places.json").read_text(encoding="utf-8"))
    towns, localities = set(data["places"]), set(data["localities"])
    assert {"Didsbury", "Edgbaston", "Headington"} <= localities
    assert not towns & localities
    assert not any(name.split()[-1].lower() in {"road", "street", "lane", "hospital"}
                   for name in localities)
