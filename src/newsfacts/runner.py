"""Batch extraction: inputs → records in a JSONL file, in input order, crash-safe and resumable.

Results are first appended to a journal (`<output>.partial`), one line per article, flushed as
they come. When every input is done the journal is rewritten in input order into the output and
the errors file, each through a temporary file and an atomic rename, and then removed. A run that
is killed leaves the journal; `resume=True` keeps its complete lines and does only the rest.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from newsfacts.extractor import Extractor, error_record
from newsfacts.records import ArticleRecord
from newsfacts.sources import (
    DEFAULT_MAX_BYTES,
    Article,
    SourceError,
    iter_input_files,
    read_metadata_csv,
    read_path,
)

Result = tuple[str, str, str]  # (input key, "record" | "error", the JSON line)


@dataclass
class RunOptions:
    model: str | None = None
    glob: str | None = None
    published: dt.date | None = None
    metadata: Path | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    workers: int = 1
    batch_size: int = 32
    resume: bool = False


@dataclass
class RunSummary:
    inputs: int = 0
    articles: int = 0
    records: int = 0
    errors: int = 0
    skipped: int = 0  # done by an earlier run, kept on --resume
    seconds: float = 0.0
    error_codes: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str, error_code: str | None = None) -> None:
        """One more result: a record, or an error with its code."""
        self.articles += 1
        if kind == "record":
            self.records += 1
        else:
            self.errors += 1
            self.error_codes[error_code] = self.error_codes.get(error_code, 0) + 1

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0


def iter_articles(paths: Iterable[Path], options: RunOptions) -> Iterator[Article | SourceError]:
    """Every article of every input, and a SourceError (with `.key`) for each that cannot be read."""
    metadata = read_metadata_csv(options.metadata) if options.metadata else {}
    for path in iter_input_files(paths, options.glob):
        try:
            for item in read_path(path, max_bytes=options.max_bytes):
                if isinstance(item, Article):
                    _apply_dates(item, path, options, metadata)
                yield item
        except SourceError as error:
            error.key = str(path)
            yield error
        except OSError as exc:
            yield SourceError("unreadable", f"cannot read the file: {exc.strerror or exc}", key=str(path))


def _apply_dates(article: Article, path: Path, options: RunOptions, metadata: dict) -> None:
    row = metadata.get(str(path.resolve()), {})
    if row.get("title") and not article.title:
        article.title = row["title"]
    if row.get("published"):
        article.published, article.published_from = row["published"], "metadata"
    elif options.published:
        article.published, article.published_from = options.published, "option"


def _result_line(key: str, result) -> Result:
    kind = "record" if isinstance(result, ArticleRecord) else "error"
    return key, kind, result.model_dump_json()


def _item_key(item: Article | SourceError) -> str:
    return item.key or ""


# --- worker processes: each builds the pipeline once ---------------------------------------
_worker_extractor: Extractor | None = None


def _init_worker(model: str | None, batch_size: int) -> None:
    global _worker_extractor
    _worker_extractor = Extractor(model, batch_size=batch_size)


def _extract_chunk(chunk: list[Article | SourceError]) -> list[Result]:
    assert _worker_extractor is not None
    return [_result_line(_item_key(item), result) for item, result in _worker_extractor.extract_pairs(chunk)]


def extract_results(items: Iterable[Article | SourceError], options: RunOptions,
                    extractor: Extractor | None = None) -> Iterator[Result]:
    """(key, kind, json) for each item, in input order, in this process or in worker processes."""
    if options.workers <= 1:
        extractor = extractor or Extractor(options.model, batch_size=options.batch_size)
        for item, result in extractor.extract_pairs(items):
            yield _result_line(_item_key(item), result)
        return
    yield from _parallel_results(items, options)


def _parallel_results(items: Iterable[Article | SourceError], options: RunOptions) -> Iterator[Result]:
    chunk_size = max(1, options.batch_size)
    window = options.workers * 3  # chunks in flight: enough to keep workers busy, bounded memory
    with ProcessPoolExecutor(max_workers=options.workers, initializer=_init_worker,
                             initargs=(options.model, chunk_size)) as pool:
        pending: deque[Future] = deque()
        chunk: list = []
        for item in items:
            chunk.append(item)
            if len(chunk) == chunk_size:
                pending.append(pool.submit(_extract_chunk, chunk))
                chunk = []
                while len(pending) >= window:
                    yield from pending.popleft().result()
        if chunk:
            pending.append(pool.submit(_extract_chunk, chunk))
        while pending:
            yield from pending.popleft().result()


# --- the journal and the final files ---------------------------------------------------------
def journal_path(output: Path) -> Path:
    return output.with_name(output.name + ".partial")


def default_errors_path(output: Path) -> Path:
    name = output.name[: -len(".jsonl")] if output.name.endswith(".jsonl") else output.stem
    return output.with_name(f"{name}.errors.jsonl")


def _read_journal(path: Path) -> tuple[dict[str, tuple[int, int]], int]:
    """Complete journal lines by key (offset, length), and the size of the complete part."""
    index: dict[str, tuple[int, int]] = {}
    good_size = 0
    with path.open("rb") as handle:
        offset = 0
        for line in handle:
            if not line.endswith(b"\n"):
                break  # the line being written when the run was killed
            try:
                key = json.loads(line)["key"]
            except (ValueError, KeyError, TypeError):
                break
            index[key] = (offset, len(line))
            offset += len(line)
            good_size = offset
    return index, good_size


def _atomic_write(path: Path, lines: Iterable[bytes]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as handle:
            for line in lines:
                handle.write(line)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def run_to_file(paths: list[Path], output: Path, options: RunOptions, errors_path: Path | None = None,
                on_result: Callable[[str, str], None] | None = None) -> RunSummary:
    """Extract every input into `output` (JSONL), errors into `errors_path`; see the module doc."""
    started = time.perf_counter()
    errors_path = errors_path or default_errors_path(output)
    journal = journal_path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    done: dict[str, tuple[int, int]] = {}
    if options.resume and journal.exists():
        done, good_size = _read_journal(journal)
        with journal.open("r+b") as handle:
            handle.truncate(good_size)
    elif journal.exists():
        journal.unlink()

    summary = RunSummary(inputs=len(paths))
    order: list[str] = []

    def todo() -> Iterator[Article | SourceError]:
        for item in iter_articles(paths, options):
            key = _item_key(item)
            order.append(key)
            if key in done:
                summary.skipped += 1
                if on_result:
                    on_result(key, "skipped")
                continue
            yield item

    with journal.open("ab") as handle:
        last_sync = time.monotonic()
        for key, kind, line in extract_results(todo(), options):
            handle.write(json.dumps({"key": key, kind: json.loads(line)}, ensure_ascii=False).encode() + b"\n")
            handle.flush()
            if time.monotonic() - last_sync > 1.0:
                os.fsync(handle.fileno())
                last_sync = time.monotonic()
            if on_result:
                on_result(key, kind)
        handle.flush()
        os.fsync(handle.fileno())

    index, _ = _read_journal(journal)
    records, errors = _split_in_order(journal, index, order, summary)
    _atomic_write(output, records)
    _atomic_write(errors_path, errors)
    journal.unlink()
    summary.seconds = time.perf_counter() - started
    return summary


def _split_in_order(journal: Path, index: dict[str, tuple[int, int]], order: list[str],
                    summary: RunSummary) -> tuple[list[bytes], list[bytes]]:
    records: list[bytes] = []
    errors: list[bytes] = []
    seen: set[str] = set()
    with journal.open("rb") as handle:
        for key in order:
            if key in seen or key not in index:
                continue
            seen.add(key)
            offset, length = index[key]
            handle.seek(offset)
            entry = json.loads(handle.read(length))
            if "record" in entry:
                summary.count("record")
                records.append(json.dumps(entry["record"], ensure_ascii=False).encode() + b"\n")
            else:
                summary.count("error", entry["error"]["error"])
                errors.append(json.dumps(entry["error"], ensure_ascii=False).encode() + b"\n")
    return records, errors


def run_to_stream(paths: list[Path], out: IO[str], options: RunOptions, errors_out: IO[str] | None = None,
                  on_result: Callable[[str, str], None] | None = None) -> RunSummary:
    """Extract every input, writing records to `out` as they come (JSONL to stdout)."""
    started = time.perf_counter()
    summary = RunSummary(inputs=len(paths))
    errors_out = errors_out or sys.stderr
    for key, kind, line in extract_results(iter_articles(paths, options), options):
        if kind == "record":
            summary.count("record")
            out.write(line + "\n")
        else:
            summary.count("error", json.loads(line)["error"])
            errors_out.write(line + "\n")
        if on_result:
            on_result(key, kind)
    out.flush()
    summary.seconds = time.perf_counter() - started
    return summary


__all__ = ["RunOptions", "RunSummary", "error_record", "extract_results", "iter_articles",
           "run_to_file", "run_to_stream"]
