"""Loading records into SQLite and PostgreSQL, and exporting them to Parquet.

SQLite is tested always; PostgreSQL when NEWSFACTS_TEST_POSTGRES_URL names a server (.ci/run sets
it). Each PostgreSQL test works in a schema of its own, dropped afterwards, so runs can repeat.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from newsfacts import db
from newsfacts.records import ArticleRecord, Count

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
POSTGRES_URL = os.environ.get("NEWSFACTS_TEST_POSTGRES_URL")
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.skipif(
    not POSTGRES_URL, reason="NEWSFACTS_TEST_POSTGRES_URL is not set"))]


@pytest.fixture(scope="session")
def corpus_records(extractor) -> list[ArticleRecord]:
    """Records of every corpus article, from the real pipeline."""
    from newsfacts import read_path

    return [extractor.extract(article) for path in sorted(CORPUS.glob("*.md")) for article in read_path(path)]


@pytest.fixture(scope="session")
def corpus_jsonl(corpus_records, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("records") / "records.jsonl"
    path.write_text("".join(r.model_dump_json() + "\n" for r in corpus_records), encoding="utf-8")
    return path


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path) -> str:
    """A URL to an empty database: a new SQLite file, or a new PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'newsfacts.db'}"
        return
    schema = f"newsfacts_test_{uuid.uuid4().hex[:12]}"
    admin = db.make_engine(POSTGRES_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(db.normalise_url(POSTGRES_URL)).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def engine(db_url):
    engine = db.make_engine(db_url)
    yield engine
    engine.dispose()


def _expected_counts(records: list[ArticleRecord]) -> dict[str, int]:
    totals = {table.name: 0 for table in db.RECORD_TABLES}
    for record in records:
        for name, rows in db.record_rows(record).items():
            totals[name] += len(rows)
    return totals


def test_loading_the_corpus_twice_leaves_the_same_rows(engine, corpus_jsonl, corpus_records):
    first = db.load_jsonl(engine, corpus_jsonl)
    after_first = db.table_counts(engine)
    second = db.load_jsonl(engine, corpus_jsonl)
    assert first.failed == [] and second.failed == []
    assert first.loaded == second.loaded == len(corpus_records)
    assert db.table_counts(engine) == after_first == _expected_counts(corpus_records)
    with engine.connect() as conn:
        assert conn.execute(select(db.schema_version.c.version)).scalars().all() == [db.DB_SCHEMA_VERSION]


def test_database_rows_hold_what_the_record_says(engine, seed_record):
    db.load_records(engine, [seed_record])
    aid = seed_record.article_id
    with engine.connect() as conn:
        article = conn.execute(select(db.articles).where(db.articles.c.article_id == aid)).one()
        assert article.published == dt.date(2016, 1, 12)
        assert article.text == seed_record.text
        stored = conn.execute(select(db.mentions).where(db.mentions.c.article_id == aid)).all()
        for mention in stored:  # offsets still point at the mention in the stored text
            assert article.text[mention.start_char:mention.end_char] == mention.text
        assert len(stored) == sum(len(e.mentions) for e in
                                  [*seed_record.people, *seed_record.organisations, *seed_record.places])


def test_all_quotes_by_nicky_hill_from_the_pipeline_record_of_the_seed_article(engine, seed_record, corpus_records):
    """End to end: the real pipeline's records, loaded, answer 'all quotes by Nicky Hill'."""
    assert db.load_records(engine, [*corpus_records, seed_record]).failed == []
    (hill,) = [p.id for p in seed_record.people if p.name == "Nicky Hill"]
    hers = [q.text for q in seed_record.quotes if q.speaker and q.speaker.person == hill]
    with engine.connect() as conn:
        found = db.quotes_by_person(conn, "Nicky Hill")
    assert [q.text for q in found] == hers
    assert any(t.startswith("the patients who were cancelled have stayed away") for t in hers)
    assert {q.published for q in found} == {dt.date(2016, 1, 12)}


def test_counts_by_ods_code_and_articles_by_date(engine, seed_record, corpus_records):
    assert db.load_records(engine, [*corpus_records, seed_record]).failed == []
    by_org = {o.id: o for o in seed_record.organisations}
    with_codes = {by_org[c.organisation].ods_code for c in seed_record.counts
                  if c.organisation and by_org[c.organisation].ods_code}
    assert with_codes, "the seed record links no count to an organisation with an ODS code"
    with engine.connect() as conn:
        for code in with_codes:
            expected = [c.text for r in corpus_records for c in r.counts if c.organisation and any(
                o.id == c.organisation and o.ods_code == code for o in r.organisations)]
            found = db.counts_by_ods_code(conn, code)
            assert sorted(c.text for c in found) == sorted(expected)
            assert {c.organisation for c in found} == {o.name for r in corpus_records for o in r.organisations
                                                      if o.ods_code == code and any(
                                                          c.organisation == o.id for c in r.counts)}
        in_range = db.articles_between(conn, dt.date(2016, 1, 1), dt.date(2016, 1, 31))
    expected_ids = {r.article_id for r in corpus_records if r.published and "2016-01-01" <= r.published <= "2016-01-31"}
    assert {a.article_id for a in in_range} == expected_ids
    assert seed_record.article_id in expected_ids


def test_a_changed_article_replaces_its_rows(engine, seed_record):
    db.load_records(engine, [seed_record])
    changed = seed_record.model_copy(deep=True)
    changed.quotes = []
    changed.people = changed.people[:1]
    changed.title = "A new title"
    assert db.load_records(engine, [changed]).failed == []
    counts = db.table_counts(engine)
    assert counts["quotes"] == 0 and counts["people"] == len(changed.people) and counts["articles"] == 1
    with engine.connect() as conn:
        assert conn.execute(select(db.articles.c.title)).scalar_one() == "A new title"


def test_an_article_the_database_refuses_leaves_its_old_rows_and_the_others_load(engine, corpus_records):
    db.load_records(engine, corpus_records[:3])
    before = db.table_counts(engine)
    broken = corpus_records[1].model_copy(deep=True)
    broken.people = []  # would remove rows if it got in ...
    broken.counts = [Count(id="c1", text="x", start=0, end=1, value=1, unit="x", head="x",
                           organisation="o999")]  # ... but points at an organisation it does not have
    extra = [r.model_copy(update={"article_id": f"extra-{i}"}) for i, r in enumerate(corpus_records[:2])]
    summary = db.load_records(engine, [corpus_records[0], broken, *extra], batch_size=10)
    assert [(bad.line, bad.article_id) for bad in summary.failed] == [(2, broken.article_id)]
    assert "refused" in summary.failed[0].message
    assert summary.loaded == 3
    added = _expected_counts(extra)
    assert db.table_counts(engine) == {name: before[name] + added[name] for name in before}


def test_a_nul_byte_is_refused_by_postgresql_only_and_never_stops_the_load(engine, corpus_records):
    with_nul = corpus_records[0].model_copy(deep=True)
    with_nul.title = "A title with a NUL\x00 byte"
    summary = db.load_records(engine, [with_nul, *corpus_records[1:3]])
    refused = [bad.article_id for bad in summary.failed]
    assert refused == ([with_nul.article_id] if engine.dialect.name == "postgresql" else [])
    assert db.table_counts(engine)["articles"] == 3 - len(refused)


def test_bad_lines_are_reported_by_number_and_do_not_stop_the_others(tmp_path, corpus_records):
    good = [r.model_dump_json() for r in corpus_records[:2]]
    not_a_record = json.dumps({"article_id": "a", "text": "t"})
    bad_date = json.loads(good[0])
    bad_date["published"] = "12 January 2016"
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join([good[0], "{not json", not_a_record, "", json.dumps(bad_date), good[1]]) + "\n")
    engine = db.make_engine(f"sqlite:///{tmp_path / 'x.db'}")
    summary = db.load_jsonl(engine, path)
    assert [bad.line for bad in summary.failed] == [2, 3, 5]
    assert "not valid JSON" in summary.failed[0].message
    assert "source" in summary.failed[1].message and "published" in summary.failed[2].message
    assert summary.loaded == 2 and db.table_counts(engine)["articles"] == 2


def test_load_and_check_read_a_records_file_alike(tmp_path, corpus_records):
    from newsfacts import check

    good = [r.model_dump_json().encode() for r in corpus_records[:2]]
    error_record = json.dumps({"source": {"path": "x.txt"}, "error": "empty", "message": "no text"}).encode()
    path = tmp_path / "records.jsonl"
    # A BOM before the first record (files saved by Windows editors), an error line copied in from
    # the errors file, and a line with a byte that is not UTF-8.
    path.write_bytes(b"\n".join([b"\xef\xbb\xbf" + good[0], error_record, b'{"text": "caf\xe9"}', good[1]]) + b"\n")

    summary = db.load_jsonl(db.make_engine(f"sqlite:///{tmp_path / 'x.db'}"), path)
    records, warnings = check.load_records(path)

    assert summary.loaded == len(records) == 2
    assert [(bad.line, bad.message) for bad in summary.failed] == [(2, "an error record (empty), not an article"),
                                                                  (3, "not UTF-8 text")]
    assert warnings == [f"{path}: line {bad.line}: {bad.message}; skipped" for bad in summary.failed]


def _replicated_records(records: list[ArticleRecord], n: int) -> list[str]:
    lines = []
    for i in range(n):
        record = records[i % len(records)]
        lines.append(record.model_copy(update={"article_id": f"{record.article_id}-{i:05d}"}).model_dump_json())
    return lines


def test_a_load_killed_with_sigkill_and_rerun_leaves_a_complete_database(db_url, engine, corpus_records, tmp_path):
    n = 600
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(_replicated_records(corpus_records, n)) + "\n", encoding="utf-8")
    command = [sys.executable, "-m", "newsfacts.cli", "load", str(path), "--db", db_url, "-q"]
    db.create_schema(engine)
    process = subprocess.Popen([*command, "--batch-size", "5"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    loaded_when_killed = 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        with engine.connect() as conn:
            loaded_when_killed = conn.execute(select(func.count()).select_from(db.articles)).scalar_one()
        if loaded_when_killed >= 50:
            break
        time.sleep(0.05)
    assert process.poll() is None, f"the load ended before it could be killed: {process.stderr.read()!r}"
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL

    with engine.connect() as conn:
        present = conn.execute(select(func.count()).select_from(db.articles)).scalar_one()
    assert 0 < present < n  # killed mid-way, with whole batches committed

    expected = _expected_counts([ArticleRecord.model_validate_json(line) for line in path.read_text().splitlines()])
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert db.table_counts(engine) == expected
    with engine.connect() as conn:
        duplicates = conn.execute(select(db.people.c.article_id, db.people.c.person_id)
                                  .group_by(db.people.c.article_id, db.people.c.person_id)
                                  .having(func.count() > 1)).all()
    assert duplicates == []


def test_parquet_export_has_the_database_tables_and_rows(tmp_path, corpus_jsonl, corpus_records, seed_record):
    import duckdb

    path = tmp_path / "records.jsonl"
    # The seed article twice: the later line replaces the earlier one, as in the database.
    path.write_text(corpus_jsonl.read_text() + seed_record.model_dump_json() + "\n")
    summary = db.export_parquet(db.iter_jsonl_records(path), tmp_path / "parquet")
    engine = db.make_engine(f"sqlite:///{tmp_path / 'same.db'}")
    db.load_jsonl(engine, path)
    assert summary.rows == db.table_counts(engine)
    assert summary.rows["quotes"] >= 1
    for table in db.RECORD_TABLES:
        parquet = tmp_path / "parquet" / f"{table.name}.parquet"
        columns = [row[0] for row in duckdb.sql(f"DESCRIBE SELECT * FROM '{parquet}'").fetchall()]
        assert columns == [c.name for c in table.columns]
    published = duckdb.sql(f"SELECT published FROM '{tmp_path / 'parquet' / 'articles.parquet'}' "
                           f"WHERE article_id = '{seed_record.article_id}'").fetchall()
    assert published == [(dt.date(2016, 1, 12),)]


def test_cli_extract_into_a_database_and_export(tmp_path):
    from typer.testing import CliRunner

    from newsfacts.cli import app

    seed = CORPUS / "nottingham-junior-doctors-strike.md"
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    result = CliRunner().invoke(app, ["extract", str(seed), "--db", url, "-q"])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # without --output the records go only to the database
    assert db.table_counts(db.make_engine(url))["articles"] == 1
    records = tmp_path / "records.jsonl"
    result = CliRunner().invoke(app, ["extract", str(seed), "-o", str(records), "--db", url, "-q"])
    assert result.exit_code == 0, result.output
    assert db.table_counts(db.make_engine(url))["articles"] == 1
    result = CliRunner().invoke(app, ["load", str(records), "--db", url, "-q"])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(app, ["export", str(records), "--parquet", str(tmp_path / "pq"), "-q"])
    assert result.exit_code == 0, result.output
    assert sorted(p.stem for p in (tmp_path / "pq").glob("*.parquet")) == sorted(t.name for t in db.RECORD_TABLES)
