"""Scaling out: the per-partition function for any engine, and a Dask engine with part files.

`extract_partition` turns a batch of articles into record dicts with the pipeline built once per
process, so Spark (`mapPartitions`), Ray (`map_batches`) or Dask can call it on their workers.

`run_dask` runs a whole archive on a Dask cluster. The sorted input file list is cut into
partitions of `partition_size` files; each partition becomes `part-NNNNN.jsonl` (records) and
`part-NNNNN.errors.jsonl` (errors) in the output folder, each written atomically by the worker
that made it. `manifest.json` lists every partition, its input keys, counts and status, and is
rewritten atomically after each partition completes. A rerun keeps the partitions the manifest
marks done (same inputs, same options, part files present) and does only the rest, so a run that
is killed loses at most the partitions in flight. Concatenating the parts in partition order gives
exactly the local engine's output (`newsfacts.runner.run_to_file`). `max_partitions` stops a run
after the first N partitions it has to do, leaving the folder as a killed run would leave it
(those partitions done, the rest pending), for a trial run that the next run completes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import threading
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from newsfacts import runner
from newsfacts.extractor import DEFAULT_BATCH_SIZE, Extractor
from newsfacts.sources import Article, SourceError, _from_json_object

MANIFEST = "manifest.json"
MANIFEST_VERSION = 1
DEFAULT_PARTITION_SIZE = 64
_PART_FILE = re.compile(r"^part-\d{5,}(\.errors)?\.jsonl$")
_PART_TEMP = re.compile(r"^\.part-\d{5,}(\.errors)?\.jsonl\.\d+\.tmp$")


# --- the per-partition function: public, engine-agnostic ----------------------------------------
_extractors: dict[tuple[str | None, int], tuple[Extractor, threading.Lock]] = {}
_extractors_lock = threading.Lock()


def worker_extractor(model: str | None = None,
                     batch_size: int = DEFAULT_BATCH_SIZE) -> tuple[Extractor, threading.Lock]:
    """This process's extractor for `model`, built on first use and kept for every later partition.

    The lock that comes with it serialises its use: engines that run several tasks per process in
    threads (Dask workers with --nthreads > 1, Ray actors) then still get correct records."""
    key = (model, batch_size)
    with _extractors_lock:
        if key not in _extractors:
            _extractors[key] = (Extractor(model, batch_size=batch_size), threading.Lock())
        return _extractors[key]


def warm_worker(model: str | None = None, batch_size: int = DEFAULT_BATCH_SIZE) -> int:
    """Build this process's pipeline now (e.g. `client.run(warm_worker)` on every Dask worker)."""
    worker_extractor(model, batch_size)
    return os.getpid()


def article_from_dict(item: dict, position: int = 0) -> Article | SourceError:
    """An Article from a row such as {"text": ..., "title": ..., "published": "2016-01-12",
    "key": ...}; the fields are read as the JSON reader reads them. A bad row becomes a
    SourceError (an error record), not an exception."""
    key = item.get("key") or item.get("id") or item.get("path") if isinstance(item, dict) else None
    try:
        body, title, published = _from_json_object(item, f"item {key or position}")
        body = body.strip()
        if not body:
            raise SourceError("empty", f"item {key or position} has an empty text field")
    except SourceError as error:
        error.key = str(key) if key is not None else ""
        return error
    return Article(text=body, title=title, published=published, published_from="json" if published else None,
                   path=item.get("path"), format="json", key=str(key) if key is not None else "")


def extract_partition(items: Iterable[dict | Article | SourceError], model: str | None = None,
                      batch_size: int = DEFAULT_BATCH_SIZE) -> list[dict]:
    """One dict per item, in order: an article record, or an error record (it has an "error" key).

    Items are `Article`s (e.g. from `newsfacts.read_path`) or dicts with a "text" field. The
    pipeline is built once per process and reused by every later call with the same model."""
    articles = [article_from_dict(item, n) if isinstance(item, dict) else item for n, item in enumerate(items)]
    extractor, lock = worker_extractor(model, batch_size)
    options = runner.RunOptions(model=model, batch_size=batch_size, workers=1)
    with lock:
        return [json.loads(line) for _, _, line in runner.extract_results(articles, options, extractor)]


def is_error(result: dict) -> bool:
    """True for the error records `extract_partition` returns, False for article records."""
    return "error" in result and "article_id" not in result


# --- one partition of an archive, run on a worker -----------------------------------------------
@dataclass
class Partition:
    index: int
    inputs: list[str]

    def stamp(self) -> str:
        """Changes when an input file is edited, so an edited file's partition is redone."""
        digest = hashlib.sha256()
        for name in self.inputs:
            try:
                stat = os.stat(name)
                digest.update(f"{name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
            except OSError:  # unreadable here: the worker will report it as an error record
                digest.update(f"{name}\0-\n".encode())
        return digest.hexdigest()[:16]

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}"


def part_paths(folder: Path, name: str) -> tuple[Path, Path]:
    return folder / f"{name}.jsonl", folder / f"{name}.errors.jsonl"


def _peak_rss_bytes() -> int:
    import resource
    import sys

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # Linux reports KiB


def run_partition(partition: Partition, options: runner.RunOptions, folder: str) -> dict:
    """Read, extract and write one partition's part files (atomically); return its counts.

    Runs on a Dask worker. The lines are the local engine's lines: the same reader
    (`runner.iter_articles`), the same results (`runner.extract_results`), the same JSON."""
    started = time.perf_counter()
    extractor, lock = worker_extractor(options.model, options.batch_size)
    records: list[bytes] = []
    errors: list[bytes] = []
    error_codes: dict[str, int] = {}
    seen: set[str] = set()
    items = runner.iter_articles([Path(p) for p in partition.inputs], options)
    with lock:
        for key, kind, line in runner.extract_results(items, replace(options, workers=1), extractor):
            if key in seen:  # as the local engine: a key given twice is extracted once
                continue
            seen.add(key)
            result = json.loads(line)
            encoded = json.dumps(result, ensure_ascii=False).encode() + b"\n"
            if kind == "record":
                records.append(encoded)
            else:
                errors.append(encoded)
                error_codes[result["error"]] = error_codes.get(result["error"], 0) + 1
    records_path, errors_path = part_paths(Path(folder), partition.name)
    runner._atomic_write(records_path, records)
    runner._atomic_write(errors_path, errors)
    return {"articles": len(records) + len(errors), "records": len(records), "errors": len(errors),
            "error_codes": error_codes, "seconds": round(time.perf_counter() - started, 3),
            "worker_pid": os.getpid(), "worker_peak_rss": _peak_rss_bytes()}


# --- the manifest --------------------------------------------------------------------------------
def plan_partitions(paths: Iterable[Path], options: runner.RunOptions, partition_size: int) -> list[Partition]:
    """Deterministic slices of the input file list, in the local engine's order."""
    if partition_size < 1:
        raise ValueError("the partition size must be at least 1")
    files = list(dict.fromkeys(str(p) for p in runner.iter_input_files(paths, options.glob)))
    return [Partition(n, files[start:start + partition_size])
            for n, start in enumerate(range(0, len(files), partition_size))]


def options_fingerprint(options: runner.RunOptions) -> dict:
    """The options that change records: a partition done with others must be redone."""
    return {"model": options.model, "glob": options.glob,
            "published": options.published.isoformat() if options.published else None,
            "metadata": str(options.metadata.resolve()) if options.metadata else None,
            "max_bytes": options.max_bytes}


def read_manifest(folder: Path) -> dict | None:
    path = folder / MANIFEST
    if not path.exists():
        return None
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # unreadable: treat the folder as new, everything is redone
    return manifest if isinstance(manifest, dict) and manifest.get("version") == MANIFEST_VERSION else None


def _write_manifest(folder: Path, manifest: dict) -> None:
    runner._atomic_write(folder / MANIFEST, [json.dumps(manifest, indent=1, ensure_ascii=False).encode() + b"\n"])


def _is_done(entry: dict | None, partition: Partition, folder: Path) -> bool:
    return (entry is not None and entry.get("status") == "done" and entry.get("inputs") == partition.inputs
            and entry.get("stamp") == partition.stamp() and all(p.exists() for p in part_paths(folder, partition.name)))


# --- the engine ----------------------------------------------------------------------------------
@dataclass
class DaskRunSummary(runner.RunSummary):
    partitions: int = 0
    partitions_skipped: int = 0
    partitions_failed: int = 0
    partitions_not_run: int = 0  # held back by max_partitions: the next run does them
    failures: dict[str, str] = field(default_factory=dict)  # partition name -> why
    workers: dict[str, dict] = field(default_factory=dict)  # worker address -> pid, peak RSS

    @property
    def exit_code(self) -> int:
        return 1 if self.errors or self.partitions_failed else 0


def local_cluster(n_workers: int | None = None, **kwargs):
    """A LocalCluster sized to this machine: one single-threaded worker process per core (spaCy
    holds the GIL, so threads would not add throughput)."""
    from dask.distributed import LocalCluster

    kwargs.setdefault("dashboard_address", None)
    return LocalCluster(n_workers=n_workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                        **kwargs)


def run_dask(paths: list[Path], folder: Path, options: runner.RunOptions, *, scheduler: str | None = None,
             client=None, partition_size: int = DEFAULT_PARTITION_SIZE, n_workers: int | None = None,
             on_partition: Callable[[str, str, dict], None] | None = None,
             max_partitions: int | None = None) -> DaskRunSummary:
    """Extract every input on Dask into part files in `folder`; see the module doc.

    Uses `client` if given, else connects to `scheduler` (e.g. "tcp://host:8786"), else starts a
    LocalCluster of `n_workers` (default: one per core). The workers must see the input paths and
    `folder` at the same paths as this process (a shared file system on a real cluster).

    With `max_partitions`, only the first that many partitions not yet done are run; the others stay
    pending in the manifest (counted in `partitions_not_run`) for the next run."""
    if max_partitions is not None and max_partitions < 1:
        raise ValueError("max_partitions must be at least 1")
    started = time.perf_counter()
    folder.mkdir(parents=True, exist_ok=True)
    partitions = plan_partitions(paths, options, partition_size)
    fingerprint = options_fingerprint(options)
    old = read_manifest(folder)
    old_entries = {e["name"]: e for e in old["partitions"]} if old and old.get("options") == fingerprint else {}
    entries = [old_entries[p.name] if _is_done(old_entries.get(p.name), p, folder)
               else {"name": p.name, "inputs": p.inputs, "stamp": p.stamp(), "status": "pending"} for p in partitions]
    manifest = {"version": MANIFEST_VERSION, "options": fingerprint, "partition_size": partition_size,
                "partitions": entries}
    _remove_stale_parts(folder, {p.name for p in partitions})
    _write_manifest(folder, manifest)

    summary = DaskRunSummary(inputs=sum(len(p.inputs) for p in partitions), partitions=len(partitions))
    for entry in entries:
        if entry["status"] == "done":
            summary.partitions_skipped += 1
            summary.skipped += entry["articles"]
            _add_counts(summary, entry)
            if on_partition:
                on_partition(entry["name"], "skipped", entry)
    todo = [p for p, e in zip(partitions, entries, strict=True) if e["status"] != "done"]
    if max_partitions is not None:
        summary.partitions_not_run = max(0, len(todo) - max_partitions)
        todo = todo[:max_partitions]
    if todo:
        with _client(client, scheduler, n_workers) as dask_client:
            _run_on_cluster(dask_client, todo, options, folder, manifest, summary, on_partition)
    summary.seconds = time.perf_counter() - started
    return summary


class _client:
    """The caller's client as is, or one of our own (closed with the cluster we started)."""

    def __init__(self, client, scheduler: str | None, n_workers: int | None):
        self.given, self.scheduler, self.n_workers = client, scheduler, n_workers
        self.cluster = self.client = None

    def __enter__(self):
        if self.given is not None:
            return self.given
        from dask.distributed import Client

        if self.scheduler:
            try:
                self.client = Client(self.scheduler, timeout="30s")
            except OSError as exc:
                raise RuntimeError(f"cannot reach the Dask scheduler at {self.scheduler}: {exc}") from None
        else:
            self.cluster = local_cluster(self.n_workers)
            self.client = Client(self.cluster)
        return self.client

    def __exit__(self, *exc) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _run_on_cluster(client, todo: list[Partition], options: runner.RunOptions, folder: Path, manifest: dict,
                    summary: DaskRunSummary, on_partition) -> None:
    from dask.distributed import as_completed

    options = replace(options, workers=1, resume=False)
    by_name = {e["name"]: e for e in manifest["partitions"]}
    # A fresh key per run: a rerun must really run, not reuse a result the scheduler still holds.
    futures = {client.submit(run_partition, p, options, str(folder.resolve()),
                             key=f"newsfacts-{p.name}-{uuid.uuid4().hex}"): p for p in todo}
    for future in as_completed(futures):
        partition = futures[future]
        entry = by_name[partition.name]
        try:
            counts = future.result()
        except Exception as exc:  # a partition that cannot run must not cost the others
            entry.update(status="failed", reason=f"{type(exc).__name__}: {exc}")
            summary.partitions_failed += 1
            summary.failures[partition.name] = entry["reason"]
        else:
            pid, peak = counts.pop("worker_pid"), counts.pop("worker_peak_rss")
            entry.update(status="done", **counts)
            entry.pop("reason", None)
            worker = summary.workers.setdefault(str(pid), {"pid": pid, "peak_rss": 0, "partitions": 0})
            worker["peak_rss"] = max(worker["peak_rss"], peak)
            worker["partitions"] += 1
            _add_counts(summary, entry)
        entry["finished"] = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        _write_manifest(folder, manifest)
        if on_partition:
            on_partition(partition.name, entry["status"], entry)
        future.release()


def _add_counts(summary: DaskRunSummary, entry: dict) -> None:
    summary.articles += entry["articles"]
    summary.records += entry["records"]
    summary.errors += entry["errors"]
    for code, n in entry.get("error_codes", {}).items():
        summary.error_codes[code] = summary.error_codes.get(code, 0) + n


def _remove_stale_parts(folder: Path, names: set[str]) -> None:
    """Part files of partitions that no longer exist (the input list shrank) would be read as
    output by anyone concatenating part-*.jsonl, so they go."""
    for path in folder.iterdir():
        if _PART_FILE.match(path.name) and path.name.split(".", 1)[0] not in names:
            path.unlink()
        elif _PART_TEMP.match(path.name):  # left by a worker killed while writing
            path.unlink(missing_ok=True)


def iter_part_files(folder: Path, errors: bool = False) -> list[Path]:
    """The part files of a finished run, in partition order (concatenate them for one file)."""
    manifest = read_manifest(folder)
    if manifest is None:
        raise ValueError(f"{folder}: no newsfacts manifest.json; is this a --engine dask output folder?")
    return [part_paths(folder, e["name"])[1 if errors else 0] for e in manifest["partitions"]]


__all__ = ["DEFAULT_PARTITION_SIZE", "DaskRunSummary", "Partition", "article_from_dict", "extract_partition",
           "is_error", "iter_part_files", "local_cluster", "plan_partitions", "read_manifest", "run_dask",
           "run_partition", "warm_worker", "worker_extractor"]
