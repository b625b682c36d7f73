"""The batch path end to end: `newsfacts extract` on folders, errors, resume, workers, schema."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from newsfacts.cli import app
from newsfacts.records import ArticleRecord, record_json_schema

from .conftest import CORPUS, SEED

runner = CliRunner()


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def assert_offsets_hold(record: dict) -> None:
    text = record["text"]
    spans = [m for kind in ("people", "organisations", "places") for e in record[kind] for m in e["mentions"]]
    spans += record["counts"] + record["quotes"] + record["dates"]
    for span in spans:
        assert text[span["start"]:span["end"]] == span["text"], span


def test_extract_corpus_records_validate_against_the_schema(tmp_path):
    out = tmp_path / "records.jsonl"
    result = runner.invoke(app, ["extract", str(CORPUS), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    schema = json.loads(runner.invoke(app, ["schema"]).output)
    records = _records(out)
    articles = sorted(p for p in CORPUS.rglob("*.md") if p.name.lower() != "readme.md")
    assert [Path(r["source"]["path"]).name for r in records] == [p.name for p in articles]
    for record in records:
        jsonschema.validate(record, schema)
        ArticleRecord.model_validate(record)
        assert_offsets_hold(record)
    seed = next(r for r in records if r["source"]["path"].endswith(SEED.name))
    assert seed["published"] == "2016-01-12" and seed["published_from"] == "front_matter"
    assert not (tmp_path / "records.errors.jsonl").read_text()


def test_bad_inputs_become_error_lines_and_exit_code_1(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Around 380 people had appointments called off, the trust said.\n")
    (folder / "empty.txt").write_text("")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (folder / "latin1.txt").write_bytes("The caf\xe9 raised \xa3500 for the ward.".encode("latin-1"))
    with (folder / "huge.txt").open("w") as handle:
        handle.write("The ward was busy. " * (50 * 1024 * 1024 // 19 + 1))
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(folder), "-o", str(out)])
    assert result.exit_code == 1
    records = _records(out)
    assert [Path(r["source"]["path"]).name for r in records] == ["good.txt", "latin1.txt"]
    assert any("not valid UTF-8" in w for w in records[1]["warnings"])
    errors = {Path(e["source"]["path"]).name: e for e in _records(tmp_path / "out.errors.jsonl")}
    assert {name: e["error"] for name, e in errors.items()} == {
        "empty.txt": "empty", "image.txt": "binary", "huge.txt": "too_large"}
    assert "--max-bytes" in errors["huge.txt"]["message"]
    assert "2 records, 3 errors" in result.output


def test_usage_errors_exit_2(tmp_path):
    assert runner.invoke(app, ["extract", str(tmp_path / "missing")]).exit_code == 2
    assert runner.invoke(app, ["extract", str(SEED), "--published", "12th of never"]).exit_code == 2
    assert runner.invoke(app, ["extract", str(SEED), "--resume"]).exit_code == 2


def test_stdout_published_option_and_metadata(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The strike began on Tuesday.\n")
    result = runner.invoke(app, ["extract", str(article), "--published", "2016-01-12", "--quiet"])
    assert result.exit_code == 0
    record = json.loads(result.stdout.splitlines()[0])
    assert record["published"] == "2016-01-12" and record["published_from"] == "option"

    meta = tmp_path / "meta.csv"
    meta.write_text("path,published,title\na.txt,2015-06-01,From metadata\n")
    result = runner.invoke(app, ["extract", str(article), "--metadata", str(meta), "--quiet"])
    record = json.loads(result.stdout.splitlines()[0])
    assert (record["published"], record["published_from"], record["title"]) == (
        "2015-06-01", "metadata", "From metadata")


def _make_folder(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        (folder / f"{i:03d}.txt").write_text(
            f"Article {i}\n\nNurse Jane Smith{i} said {i + 3} wards at Leeds General Infirmary were closed "
            f"on Monday. Around {i * 10 + 40} patients were moved.\n")


def test_kill_9_then_resume_gives_every_article_once(tmp_path):
    folder = tmp_path / "in"
    _make_folder(folder, 80)
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "newsfacts.cli", "extract", str(folder), "-o", str(out), "--batch-size", "1",
           "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    journal = out.with_name(out.name + ".partial")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if journal.exists() and journal.read_bytes().count(b"\n") >= 10:
            break
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not out.exists(), "the output must not exist before the run completes"
    done_before = journal.read_bytes().count(b"\n")
    assert 10 <= done_before < 80
    finished = subprocess.run([*cmd, "--resume"], capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr
    names = [Path(r["source"]["path"]).name for r in _records(out)]
    assert names == [f"{i:03d}.txt" for i in range(80)]
    assert not journal.exists()


def test_two_workers_give_the_same_records_as_one(tmp_path):
    folder = tmp_path / "in"
    _make_folder(folder, 12)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert runner.invoke(app, ["extract", str(folder), "-o", str(one), "-q"]).exit_code == 0
    assert runner.invoke(app, ["extract", str(folder), "-o", str(two), "-q", "--workers", "2",
                               "--batch-size", "2"]).exit_code == 0
    assert one.read_text() == two.read_text()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=0, max_size=400))
def test_arbitrary_text_never_raises_and_offsets_hold(extractor, text):
    from newsfacts.sources import Article

    if not text.strip():
        return
    record = extractor.extract(Article(text=text, published=None))
    assert_offsets_hold(json.loads(record.model_dump_json()))


def test_schema_command_prints_the_record_schema():
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.output) == json.loads(json.dumps(record_json_schema()))


@pytest.mark.parametrize("text", ["“Unclosed quote at the start of an article. The rest follows.\nMore text.",
                                  "Numbers 1,579 and £5m and 999 and 2016-01-12 in one line."])
def test_awkward_texts_give_valid_records(extractor, text):
    from newsfacts.sources import Article

    record = extractor.extract(Article(text=text, published=None))
    assert_offsets_hold(json.loads(record.model_dump_json()))
