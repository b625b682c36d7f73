"""Records into databases (SQLite, PostgreSQL) and Parquet files.

One function, `record_rows`, turns an ArticleRecord into rows per table; the loader inserts those
rows with SQLAlchemy and the exporter writes them to Parquet through DuckDB, so the database and
the Parquet files have the same tables and columns.

Entity ids in a record ("p1", "o2", "c3") are local to their article, so every table is keyed by
(article_id, local id) and every reference is a composite foreign key within the same article.
Each child table cascades on delete from `articles`, which makes a reload simple: delete the
article, insert its rows anew, in one transaction.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Double,
    Engine,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    delete,
    event,
    insert,
    select,
)
from sqlalchemy.exc import SQLAlchemyError

from newsfacts.records import ArticleRecord, BadLine, iter_jsonl_records

DB_SCHEMA_VERSION = 1
DEFAULT_DB_URL = "sqlite:///newsfacts.db"
DEFAULT_BATCH_SIZE = 200

metadata = MetaData()


def _article_fk() -> ForeignKeyConstraint:
    return ForeignKeyConstraint(["article_id"], ["articles.article_id"], ondelete="CASCADE")


def _local_fk(column: str, table: str, target: str) -> ForeignKeyConstraint:
    # Deferred: rows of one table may point at each other (a hospital's operator, a count that is
    # part of another) in any order within the transaction.
    return ForeignKeyConstraint(["article_id", column], [f"{table}.article_id", f"{table}.{target}"],
                                ondelete="CASCADE", deferrable=True, initially="DEFERRED")


def _article_id() -> Column:
    return Column("article_id", String, primary_key=True)


schema_version = Table(
    "schema_version", metadata,
    Column("version", Integer, primary_key=True),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

articles = Table(
    "articles", metadata,
    Column("article_id", String, primary_key=True),
    Column("source_path", Text),
    Column("sha256", String, nullable=False),
    Column("format", String, nullable=False),
    Column("title", Text),
    Column("published", Date),
    Column("published_from", String),
    Column("text", Text, nullable=False),
    Column("schema_version", String, nullable=False),
    Column("loaded_at", DateTime(timezone=True), nullable=False),
    Index("ix_articles_published", "published"),
)

people = Table(
    "people", metadata,
    _article_id(),
    Column("person_id", String, primary_key=True),
    Column("name", Text, nullable=False),
    Column("aliases", JSON, nullable=False),
    Column("party", Text),
    _article_fk(),
    Index("ix_people_name", "name"),
)

organisations = Table(
    "organisations", metadata,
    _article_id(),
    Column("organisation_id", String, primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String, nullable=False),
    Column("aliases", JSON, nullable=False),
    Column("ods_code", String),
    Column("operator_id", String),
    _article_fk(),
    _local_fk("operator_id", "organisations", "organisation_id"),
    Index("ix_organisations_ods_code", "ods_code"),
    Index("ix_organisations_name", "name"),
)

places = Table(
    "places", metadata,
    _article_id(),
    Column("place_id", String, primary_key=True),
    Column("name", Text, nullable=False),
    _article_fk(),
    Index("ix_places_name", "name"),
)

mentions = Table(
    "mentions", metadata,
    _article_id(),
    Column("entity_type", String, primary_key=True),  # person | organisation | place
    Column("entity_id", String, primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    _article_fk(),
)

roles = Table(
    "roles", metadata,
    _article_id(),
    Column("person_id", String, primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("title", Text),
    Column("organisation_id", String),
    _article_fk(),
    _local_fk("person_id", "people", "person_id"),
    _local_fk("organisation_id", "organisations", "organisation_id"),
)

counts = Table(
    "counts", metadata,
    _article_id(),
    Column("count_id", String, primary_key=True),
    Column("text", Text, nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("value", Double, nullable=False),
    Column("low", Double),
    Column("high", Double),
    Column("approximate", Boolean, nullable=False),
    Column("qualifier", Text),
    Column("unit", Text, nullable=False),
    Column("head", Text, nullable=False),
    Column("organisation_id", String),
    Column("place_id", String),
    Column("part_of_id", String),
    Column("sentence", Text, nullable=False),
    _article_fk(),
    _local_fk("organisation_id", "organisations", "organisation_id"),
    _local_fk("place_id", "places", "place_id"),
    _local_fk("part_of_id", "counts", "count_id"),
    Index("ix_counts_organisation", "article_id", "organisation_id"),
)

quotes = Table(
    "quotes", metadata,
    _article_id(),
    Column("quote_id", String, primary_key=True),
    Column("kind", String, nullable=False),
    Column("text", Text, nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("paragraphs", Integer, nullable=False),
    Column("speaker_text", Text),
    Column("speaker_name", Text),
    Column("speaker_person_id", String),
    Column("speaker_organisation_id", String),
    Column("cue", Text),
    _article_fk(),
    _local_fk("speaker_person_id", "people", "person_id"),
    _local_fk("speaker_organisation_id", "organisations", "organisation_id"),
    Index("ix_quotes_speaker_name", "speaker_name"),
    Index("ix_quotes_speaker_person", "article_id", "speaker_person_id"),
)

dates = Table(
    "dates", metadata,
    _article_id(),
    Column("date_id", String, primary_key=True),
    Column("text", Text, nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("type", String, nullable=False),
    Column("value", String),
    Column("anchor", String),
    _article_fk(),
    Index("ix_dates_value", "value"),
)

consistency_checks = Table(
    "consistency_checks", metadata,
    _article_id(),
    Column("seq", Integer, primary_key=True),
    Column("kind", Text, nullable=False),
    Column("count_ids", JSON, nullable=False),
    Column("expected", Double, nullable=False),
    Column("actual", Double, nullable=False),
    Column("ok", Boolean, nullable=False),
    Column("note", Text, nullable=False),
    _article_fk(),
)

warnings = Table(
    "warnings", metadata,
    _article_id(),
    Column("seq", Integer, primary_key=True),
    Column("message", Text, nullable=False),
    _article_fk(),
)

# Parents before children: the order rows are inserted and Parquet files are written.
RECORD_TABLES: tuple[Table, ...] = (articles, people, organisations, places, mentions, roles, counts,
                                    quotes, dates, consistency_checks, warnings)


# --- one record → rows per table ----------------------------------------------------------------
def record_rows(record: ArticleRecord, loaded_at: dt.datetime | None = None) -> dict[str, list[dict]]:
    """The rows of every table (by table name) that hold one record."""
    aid = record.article_id
    rows: dict[str, list[dict]] = {table.name: [] for table in RECORD_TABLES}
    rows["articles"].append({
        "article_id": aid, "source_path": record.source.path, "sha256": record.source.sha256,
        "format": record.source.format, "title": record.title,
        "published": dt.date.fromisoformat(record.published) if record.published else None,
        "published_from": record.published_from, "text": record.text,
        "schema_version": record.schema_version, "loaded_at": loaded_at or dt.datetime.now(dt.timezone.utc),
    })

    def add_mentions(entity_type: str, entity_id: str, entity_mentions) -> None:
        rows["mentions"].extend(
            {"article_id": aid, "entity_type": entity_type, "entity_id": entity_id, "seq": seq,
             "text": m.text, "start_char": m.start, "end_char": m.end}
            for seq, m in enumerate(entity_mentions))

    for person in record.people:
        rows["people"].append({"article_id": aid, "person_id": person.id, "name": person.name,
                               "aliases": list(person.aliases), "party": person.party})
        add_mentions("person", person.id, person.mentions)
        rows["roles"].extend(
            {"article_id": aid, "person_id": person.id, "seq": seq, "title": role.title,
             "organisation_id": role.organisation}
            for seq, role in enumerate(person.roles))
    for org in record.organisations:
        rows["organisations"].append({"article_id": aid, "organisation_id": org.id, "name": org.name,
                                      "kind": org.kind, "aliases": list(org.aliases),
                                      "ods_code": org.ods_code, "operator_id": org.operator})
        add_mentions("organisation", org.id, org.mentions)
    for place in record.places:
        rows["places"].append({"article_id": aid, "place_id": place.id, "name": place.name})
        add_mentions("place", place.id, place.mentions)
    for count in record.counts:
        rows["counts"].append({
            "article_id": aid, "count_id": count.id, "text": count.text, "start_char": count.start,
            "end_char": count.end, "value": count.value, "low": count.low, "high": count.high,
            "approximate": count.approximate, "qualifier": count.qualifier, "unit": count.unit,
            "head": count.head, "organisation_id": count.organisation, "place_id": count.place,
            "part_of_id": count.part_of, "sentence": count.sentence,
        })
    for quote in record.quotes:
        speaker = quote.speaker
        rows["quotes"].append({
            "article_id": aid, "quote_id": quote.id, "kind": quote.kind, "text": quote.text,
            "start_char": quote.start, "end_char": quote.end, "paragraphs": quote.paragraphs,
            "speaker_text": speaker.text if speaker else None,
            "speaker_name": speaker.name if speaker else None,
            "speaker_person_id": speaker.person if speaker else None,
            "speaker_organisation_id": speaker.organisation if speaker else None,
            "cue": quote.cue,
        })
    rows["dates"].extend(
        {"article_id": aid, "date_id": d.id, "text": d.text, "start_char": d.start, "end_char": d.end,
         "type": d.type, "value": d.value, "anchor": d.anchor}
        for d in record.dates)
    rows["consistency_checks"].extend(
        {"article_id": aid, "seq": seq, "kind": c.kind, "count_ids": list(c.counts), "expected": c.expected,
         "actual": c.actual, "ok": c.ok, "note": c.note}
        for seq, c in enumerate(record.consistency))
    rows["warnings"].extend({"article_id": aid, "seq": seq, "message": message}
                            for seq, message in enumerate(record.warnings))
    return rows


# --- engines and schema -------------------------------------------------------------------------
def normalise_url(url: str) -> str:
    """SQLAlchemy URL for what a user typed: a bare path is a SQLite file, and PostgreSQL uses
    psycopg 3 (the driver we install) unless another driver is named."""
    if "://" not in url:
        return f"sqlite:///{url}"
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def make_engine(url: str = DEFAULT_DB_URL, **kwargs) -> Engine:
    engine = create_engine(normalise_url(url), **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        if engine.url.database and engine.url.database != ":memory:":
            Path(engine.url.database).parent.mkdir(parents=True, exist_ok=True)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")  # off by default in SQLite; the cascades need it
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")  # with WAL: safe against a killed process
    cursor.close()


class SchemaVersionError(RuntimeError):
    pass


def create_schema(engine: Engine) -> None:
    """Create the tables that do not exist yet and record the schema version; refuse a database
    made by a different schema version rather than write rows it would misread."""
    metadata.create_all(engine)
    with engine.begin() as conn:
        versions = [row.version for row in conn.execute(select(schema_version.c.version))]
        if not versions:
            conn.execute(insert(schema_version),
                         [{"version": DB_SCHEMA_VERSION, "applied_at": dt.datetime.now(dt.timezone.utc)}])
        elif max(versions) != DB_SCHEMA_VERSION:
            raise SchemaVersionError(
                f"the database has newsfacts schema version {max(versions)}, this newsfacts writes "
                f"version {DB_SCHEMA_VERSION}; load into a new database")


def drop_schema(engine: Engine) -> None:
    metadata.drop_all(engine)


# --- loading ------------------------------------------------------------------------------------
def _database_errors() -> tuple[type[Exception], ...]:
    # COPY runs on the psycopg connection itself, so its errors come unwrapped by SQLAlchemy.
    try:
        import psycopg
    except ImportError:
        return (SQLAlchemyError,)
    return (SQLAlchemyError, psycopg.Error)


DATABASE_ERRORS = _database_errors()


@dataclass
class LoadSummary:
    loaded: int = 0
    failed: list[BadLine] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def load_records(engine: Engine, items: Iterable[tuple[int, ArticleRecord | BadLine]] | Iterable[ArticleRecord],
                 *, batch_size: int = DEFAULT_BATCH_SIZE,
                 on_progress: Callable[[int], None] | None = None) -> LoadSummary:
    """Load records (or (line, record | BadLine) pairs from `iter_jsonl_records`), replacing any rows
    the database already has for the same article_id.

    Articles are written a batch per transaction. When a batch fails, it is rolled back and its
    articles are redone one transaction each, so a bad article is reported and leaves the database
    as it was before it, and the others still load.
    """
    started = time.perf_counter()
    summary = LoadSummary()
    create_schema(engine)
    batch: list[tuple[int, ArticleRecord]] = []
    for position, item in enumerate(items, start=1):
        line, record = item if isinstance(item, tuple) else (position, item)
        if isinstance(record, BadLine):
            summary.failed.append(record)
            continue
        batch.append((line, record))
        if len(batch) >= batch_size:
            _load_batch(engine, batch, summary, on_progress)
            batch = []
    if batch:
        _load_batch(engine, batch, summary, on_progress)
    summary.seconds = time.perf_counter() - started
    return summary


def load_jsonl(engine: Engine, path: Path, **kwargs) -> LoadSummary:
    return load_records(engine, iter_jsonl_records(path), **kwargs)


def _load_batch(engine: Engine, batch: list[tuple[int, ArticleRecord]], summary: LoadSummary,
                on_progress: Callable[[int], None] | None) -> None:
    # The same article twice in one batch: the later line wins, as it would across batches.
    latest = {record.article_id: (line, record) for line, record in batch}
    try:
        _write_articles(engine, [record for _, record in latest.values()])
        summary.loaded += len(batch)
    except DATABASE_ERRORS:
        for line, record in latest.values():
            try:
                _write_articles(engine, [record])
                summary.loaded += 1
            except DATABASE_ERRORS as exc:
                summary.failed.append(BadLine(line, _database_message(exc), record.article_id))
        summary.loaded += len(batch) - len(latest)
    if on_progress:
        on_progress(len(batch))


def _write_articles(engine: Engine, records: list[ArticleRecord]) -> None:
    loaded_at = dt.datetime.now(dt.timezone.utc)
    rows: dict[str, list[dict]] = {table.name: [] for table in RECORD_TABLES}
    for record in records:
        for name, table_rows in record_rows(record, loaded_at).items():
            rows[name].extend(table_rows)
    with engine.begin() as conn:
        conn.execute(delete(articles).where(articles.c.article_id.in_([r.article_id for r in records])))
        for table in RECORD_TABLES:
            if not rows[table.name]:
                continue
            if conn.dialect.name == "postgresql" and conn.dialect.driver == "psycopg":
                _copy_rows(conn, table, rows[table.name])
            else:
                conn.execute(insert(table), rows[table.name])  # one executemany per table


def _copy_rows(conn, table: Table, rows: list[dict]) -> None:
    """PostgreSQL's COPY, in the connection's transaction: psycopg's executemany still sends one
    INSERT per row, which makes it several times slower."""
    names = [c.name for c in table.columns]
    json_columns = {c.name for c in table.columns if isinstance(c.type, JSON)}
    quoted = ", ".join(conn.dialect.identifier_preparer.quote(name) for name in names)
    target = conn.dialect.identifier_preparer.format_table(table)
    cursor = conn.connection.driver_connection.cursor()
    with cursor.copy(f"COPY {target} ({quoted}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([json.dumps(row[n]) if n in json_columns else row[n] for n in names])


def _database_message(exc: Exception) -> str:
    original = getattr(exc, "orig", None) or exc
    first_line = str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__
    return f"the database refused the article: {first_line}"


def table_counts(engine: Engine) -> dict[str, int]:
    """Rows per record table."""
    from sqlalchemy import func

    with engine.connect() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in RECORD_TABLES}


# --- the obvious questions -----------------------------------------------------------------------
def quotes_by_person(conn, name: str) -> list:
    """Every quote whose speaker resolved to a person of this name, oldest article first."""
    query = (
        select(articles.c.article_id, articles.c.published, articles.c.title, people.c.person_id,
               quotes.c.quote_id, quotes.c.kind, quotes.c.text, quotes.c.cue)
        .select_from(people)
        .join(quotes, (quotes.c.article_id == people.c.article_id)
              & (quotes.c.speaker_person_id == people.c.person_id))
        .join(articles, articles.c.article_id == people.c.article_id)
        .where(people.c.name == name)
        .order_by(articles.c.published, articles.c.article_id, quotes.c.start_char)
    )
    return list(conn.execute(query))


def counts_by_ods_code(conn, ods_code: str) -> list:
    """Every count attributed to the organisation (a hospital or trust) with this ODS code."""
    query = (
        select(articles.c.article_id, articles.c.published, organisations.c.name.label("organisation"),
               counts.c.count_id, counts.c.text, counts.c.value, counts.c.unit, counts.c.head)
        .select_from(organisations)
        .join(counts, (counts.c.article_id == organisations.c.article_id)
              & (counts.c.organisation_id == organisations.c.organisation_id))
        .join(articles, articles.c.article_id == organisations.c.article_id)
        .where(organisations.c.ods_code == ods_code)
        .order_by(articles.c.published, articles.c.article_id, counts.c.start_char)
    )
    return list(conn.execute(query))


def articles_between(conn, first: dt.date, last: dt.date) -> list:
    """Articles published from `first` to `last`, both included."""
    query = (select(articles.c.article_id, articles.c.published, articles.c.title, articles.c.source_path)
             .where(articles.c.published.between(first, last))
             .order_by(articles.c.published, articles.c.article_id))
    return list(conn.execute(query))


# --- Parquet through DuckDB ---------------------------------------------------------------------
def _duckdb_type(column: Column) -> str:
    kind = column.type
    if isinstance(kind, Boolean):
        return "BOOLEAN"
    if isinstance(kind, Integer):
        return "BIGINT"
    if isinstance(kind, Double):
        return "DOUBLE"
    if isinstance(kind, DateTime):
        return "TIMESTAMPTZ"
    if isinstance(kind, Date):
        return "DATE"
    if isinstance(kind, JSON):
        return "VARCHAR[]"
    return "VARCHAR"


def _json_default(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} to JSON")


@dataclass
class ExportSummary:
    records: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    failed: list[BadLine] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def export_parquet(items: Iterable[tuple[int, ArticleRecord | BadLine]], out_dir: Path) -> ExportSummary:
    """One Parquet file per table (`<out_dir>/<table>.parquet`), with the database's columns.

    Rows are streamed to a newline-delimited JSON file per table and DuckDB turns each into Parquet
    with the column types of the database schema, so memory stays flat however many records come.
    Each article appears once (the last line with its article_id wins, as in the database).
    """
    import duckdb

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    summary = ExportSummary()
    with tempfile.TemporaryDirectory(prefix="newsfacts-export-") as tmp:
        staged = {t.name: Path(tmp) / f"{t.name}.jsonl" for t in RECORD_TABLES}
        handles = {name: path.open("w", encoding="utf-8") for name, path in staged.items()}
        seen: set[str] = set()
        try:
            for line, record in items:
                if isinstance(record, BadLine):
                    summary.failed.append(record)
                    continue
                summary.records += 1
                seen.add(record.article_id)
                for name, rows in record_rows(record).items():
                    for row in rows:
                        row["_line"] = line
                        handles[name].write(json.dumps(row, default=_json_default, ensure_ascii=False) + "\n")
        finally:
            for handle in handles.values():
                handle.close()
        with duckdb.connect() as con:
            for table in RECORD_TABLES:
                summary.files.append(_write_parquet(con, table, staged[table.name], out_dir))
                summary.rows[table.name] = con.execute(
                    "SELECT count(*) FROM read_parquet(?)", [str(summary.files[-1])]).fetchone()[0]
    return summary


def _write_parquet(con, table: Table, staged: Path, out_dir: Path) -> Path:
    columns = {c.name: _duckdb_type(c) for c in table.columns}
    columns_sql = "{" + ", ".join(f"'{name}': '{kind}'" for name, kind in
                                  {**columns, "_line": "BIGINT"}.items()) + "}"
    names = ", ".join(f'"{name}"' for name in columns)
    target = out_dir / f"{table.name}.parquet"
    # Last line per article wins: keep only the rows that came from that line.
    query = (
        f"SELECT {names} FROM read_json('{_sql_string(staged)}', format = 'newline_delimited', "
        f"columns = {columns_sql}) AS r "
        f"WHERE r._line = (SELECT max(a._line) FROM read_json('{_sql_string(staged.with_name('articles.jsonl'))}', "
        f"format = 'newline_delimited', columns = {{'article_id': 'VARCHAR', '_line': 'BIGINT'}}) AS a "
        f"WHERE a.article_id = r.article_id)"
    )
    con.execute(f"COPY ({query}) TO '{_sql_string(target)}' (FORMAT parquet)")
    return target


def _sql_string(path: Path) -> str:
    return str(path).replace("'", "''")


__all__ = ["DB_SCHEMA_VERSION", "DEFAULT_DB_URL", "RECORD_TABLES", "BadLine", "ExportSummary", "LoadSummary",
           "SchemaVersionError", "articles_between", "counts_by_ods_code", "create_schema", "drop_schema",
           "export_parquet", "iter_jsonl_records", "load_jsonl", "load_records", "make_engine", "metadata",
           "normalise_url", "quotes_by_person", "record_rows", "table_counts"]
