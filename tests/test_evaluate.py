"""`newsfacts evaluate`: scores follow the gold, misses and false hits are listed."""

from __future__ import annotations

import json
import shutil

from typer.testing import CliRunner

from newsfacts.cli import app
from newsfacts.evaluate import evaluate_folder, normalise, score_record

from .conftest import SEED

GOLD = SEED.with_name(SEED.stem + ".facts.json")


def test_normalise_folds_case_apostrophes_and_the():
    assert normalise("the Queen’s Medical Centre") == normalise("Queen's  medical centre")


def test_seed_people_are_scored_against_gold(seed_record):
    gold = json.loads(GOLD.read_text())
    scores = score_record(seed_record, gold, "seed")
    people = scores["people"]
    assert people.tp + people.fn == len(gold["people"])
    assert people.tp + people.fp == len(seed_record.people)
    # A gold person the record lacks is a miss, named in the details.
    gold["people"].append({"name": "Imaginary Person", "aliases": [], "role": None})
    worse = score_record(seed_record, gold, "seed")["people"]
    assert worse.fn == people.fn + 1
    assert any("Imaginary Person" in miss for miss in worse.misses)


def test_a_wrong_gold_value_turns_a_hit_into_a_miss(seed_record):
    gold = json.loads(GOLD.read_text())
    before = score_record(seed_record, gold, "seed")["counts"]
    for count in gold["counts"]:
        count["value"] = count["value"] + 1000
    after = score_record(seed_record, gold, "seed")["counts"]
    assert after.tp == 0 and after.fn == len(gold["counts"])
    assert after.fp == before.tp + before.fp


def test_evaluate_command_json_and_details(tmp_path, extractor):
    shutil.copy(SEED, tmp_path / SEED.name)
    shutil.copy(GOLD, tmp_path / GOLD.name)
    evaluation = evaluate_folder(tmp_path, extractor=extractor)
    assert evaluation.articles == 1
    result = CliRunner().invoke(app, ["evaluate", str(tmp_path), "--json", "--details"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["articles"] == 1
    assert data["kinds"]["people"] == evaluation.scores["people"].as_dict(details=True)


def test_evaluate_without_gold_is_a_usage_error(tmp_path):
    assert CliRunner().invoke(app, ["evaluate", str(tmp_path)]).exit_code == 2


def test_matching_is_one_to_one_and_as_large_as_possible():
    from newsfacts.evaluate import match_one_to_one

    # The first gold item fits both predictions, the second only the first: a greedy pass
    # would give the first prediction away and miss the second gold item.
    predicted = ["said it was a good deal", "a good deal"]
    gold = [{"starts": "a good"}, {"starts": "said it"}]

    def same(p, g):
        return g["starts"] in p

    score = match_one_to_one(predicted, gold, same, str, str, "art")
    assert (score.tp, score.fp, score.fn) == (2, 0, 0)
    score = match_one_to_one(predicted[:1], gold, same, str, str, "art")
    assert (score.tp, score.fp, score.fn) == (1, 0, 1)
