"""Load speed: records per second into SQLite and PostgreSQL (and Parquet export through DuckDB).

The records are the real pipeline's records of corpus/*.md, replicated with new article_ids up to
--records. Each database starts empty; the load is timed twice: into empty tables, and again over
the same articles (every article replaced).

    .venv/bin/python benchmarks/bench_db.py
    .venv/bin/python benchmarks/bench_db.py --records 10000 --postgres postgresql://postgres@127.0.0.1:5432/test
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url

from newsfacts import db
from newsfacts.records import ArticleRecord

REPO = Path(__file__).resolve().parents[1]


def corpus_records(corpus: Path) -> list[ArticleRecord]:
    from newsfacts import Extractor, read_path

    extractor = Extractor()
    return [extractor.extract(article) for path in sorted(corpus.glob("*.md")) for article in read_path(path)]


def replicate(records: list[ArticleRecord], n: int) -> list[ArticleRecord]:
    copies = []
    for i in range(n):
        record = records[i % len(records)]
        copies.append(record.model_copy(update={"article_id": f"{record.article_id}-{i:06d}"}))
    return copies


def time_load(url: str, records: list[ArticleRecord], batch_size: int
              ) -> tuple[float, float, float, dict[str, int]]:
    """Seconds of the first load, of the reload, the loader's CPU seconds for the first, and rows."""
    engine = db.make_engine(url)
    try:
        db.create_schema(engine)
        started, cpu_started = time.perf_counter(), time.process_time()
        first = db.load_records(engine, records, batch_size=batch_size)
        first_seconds, first_cpu = time.perf_counter() - started, time.process_time() - cpu_started
        started = time.perf_counter()
        again = db.load_records(engine, records, batch_size=batch_size)
        again_seconds = time.perf_counter() - started
        if first.failed or again.failed:
            sys.exit(f"load failed: {(first.failed + again.failed)[:3]}")
        return first_seconds, again_seconds, first_cpu, db.table_counts(engine)
    finally:
        engine.dispose()


def report(name: str, n: int, first: float, again: float, cpu: float, rows: dict[str, int]) -> None:
    print(f"{name:<11} load {n / first:6,.0f} records/s ({first:.1f} s wall, {cpu:.1f} s loader CPU, "
          f"{sum(rows.values()):,} rows)   reload {n / again:6,.0f} records/s ({again:.1f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--corpus", type=Path, default=REPO / "corpus")
    parser.add_argument("--batch-size", type=int, default=db.DEFAULT_BATCH_SIZE)
    parser.add_argument("--postgres", default=os.environ.get("NEWSFACTS_TEST_POSTGRES_URL",
                                                             "postgresql://postgres@127.0.0.1:5432/test"),
                        help="PostgreSQL URL; the benchmark works in a new schema and drops it after. "
                             "'none' to skip.")
    args = parser.parse_args()

    started = time.perf_counter()
    base = corpus_records(args.corpus)
    records = replicate(base, args.records)
    print(f"{len(base)} corpus records from the pipeline, replicated to {len(records):,} "
          f"in {time.perf_counter() - started:.1f} s; batch size {args.batch_size}")

    with tempfile.TemporaryDirectory(prefix="bench-db-") as tmp:
        first, again, cpu, rows = time_load(f"sqlite:///{tmp}/bench.db", records, args.batch_size)
        report("sqlite", len(records), first, again, cpu, rows)

        if args.postgres.lower() != "none":
            schema = f"newsfacts_bench_{uuid.uuid4().hex[:10]}"
            admin = db.make_engine(args.postgres)
            with admin.begin() as conn:
                conn.execute(text(f'CREATE SCHEMA "{schema}"'))
            url = make_url(db.normalise_url(args.postgres)).update_query_dict({"options": f"-csearch_path={schema}"})
            try:
                first, again, cpu, rows = time_load(url.render_as_string(hide_password=False), records,
                                                    args.batch_size)
                report("postgresql", len(records), first, again, cpu, rows)
            finally:
                with admin.begin() as conn:
                    conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
                admin.dispose()

        jsonl = Path(tmp) / "records.jsonl"
        jsonl.write_text("".join(r.model_dump_json() + "\n" for r in records), encoding="utf-8")
        started = time.perf_counter()
        summary = db.export_parquet(db.iter_jsonl_records(jsonl), Path(tmp) / "parquet")
        seconds = time.perf_counter() - started
        print(f"parquet     export {summary.records / seconds:6,.0f} records/s ({seconds:.1f} s, "
              f"{sum(summary.rows.values()):,} rows, JSONL read and validated included)")


if __name__ == "__main__":
    main()
