"""The command line: a thin layer over `extractor.api` that turns errors into exit codes."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from pydantic import ValidationError

from . import __version__
from .api import parse_file, run
from .errors import UsageError
from .settings import Settings

app = typer.Typer(
    name="exemplars",
    help="Extract 'mô hình, điển hình tiên tiến' tables from Vietnamese plans into a dataset.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"vn-exemplars {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True,
                                                     help="Print the version and exit.")] = None,
) -> None:
    """vn-exemplars."""


@app.command("run")
def run_cmd(  # noqa: PLR0917 - one parameter per command-line option
    inputs: Annotated[list[Path], typer.Argument(help="Files and folders to read (folders recursively).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the dataset.")],
    workers: Annotated[Optional[int], typer.Option(
        "--workers", "-w", min=1, help="Worker processes (default: all cores).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress display.")] = False,
    fresh: Annotated[bool, typer.Option(
        "--fresh", help="Read every file again, even those unchanged since the last run into --out.")] = False,
    timeout: Annotated[Optional[float], typer.Option(
        "--timeout", min=1, help="Per-file time limit in seconds (default 300); over it a file fails.")] = None,
    memory_mb: Annotated[Optional[int], typer.Option(
        "--memory-mb", min=256, help="Memory cap per worker in MB (default 3000); over it a file fails.")] = None,
    executor: Annotated[str, typer.Option(
        "--executor", help="'local' worker processes, or 'dask' (a cluster, see --scheduler).")] = "local",
    scheduler: Annotated[Optional[str], typer.Option(
        "--scheduler", help="Dask scheduler address (tcp://host:8786); a LocalCluster when omitted.")] = None,
    unit_changes: Annotated[Optional[Path], typer.Option(
        "--unit-changes", exists=True, dir_okay=False,
        help="Your own dated change table (CSV, columns of extractor/data/unit_changes.csv), read over ours.")] = None,
    log: Annotated[Optional[Path], typer.Option(
        "--log", help="Append one JSON line per file read (and the run's start and end) to this file.")] = None,
) -> None:
    """Read every file under INPUTS and write documents, mentions and exemplars into --out.

    A run into a folder that holds an earlier run reads only new and changed files.
    Exit status: 0 when every file was read, 1 when any file failed, 2 for a usage error
    (also when another run is writing into --out).
    """
    options: dict[str, object] = {"executor": executor, "scheduler": scheduler}
    if workers is not None:
        options["workers"] = workers
    if timeout is not None:
        options["file_timeout_s"] = timeout
    if memory_mb is not None:
        options["memory_limit_mb"] = memory_mb
    if unit_changes is not None:
        options["unit_changes"] = unit_changes.resolve()
    try:
        settings = Settings.model_validate(options)
    except ValidationError as exc:
        typer.echo(f"error: {exc.errors()[0]['loc'][0]}: {exc.errors()[0]['msg']}", err=True)
        raise typer.Exit(2) from exc
    try:
        summary = run(list(inputs), out, settings, progress=not quiet, fresh=fresh, log=log)
    except UsageError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    counts = ", ".join(f"{k} {v}" for k, v in sorted(summary.statuses.items())) or "no files found"
    typer.echo(
        f"{summary.n_files} files ({counts}); {summary.n_mentions} rows; "
        f"{summary.n_exemplars} exemplars; {summary.n_read} files read, "
        f"{summary.n_files - summary.n_read} unchanged\ndataset written to {summary.out.resolve()}",
        err=quiet,
    )
    raise typer.Exit(summary.exit_code)


@app.command("parse")
def parse_cmd(file: Annotated[Path, typer.Argument(help="One document.")]) -> None:
    """Print one document's extraction (its documents row and mentions rows) as JSON."""
    if not file.is_file():
        typer.echo(f"error: no such file: {file}", err=True)
        raise typer.Exit(2)
    result = parse_file(file)
    payload = {"document": dataclasses.asdict(result.document),
               "mentions": [dataclasses.asdict(m) for m in result.mentions]}
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    raise typer.Exit(1 if result.document.status == "failed" else 0)


@app.command("explain")
def explain_cmd(
    exemplar_id: Annotated[str, typer.Argument(help="An exemplar_id from exemplars.csv.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The dataset folder of a run.")] = Path("out"),
) -> None:
    """Print an exemplar's mentions across documents and years, and why they were joined."""
    from .dedup.explain import explain  # noqa: PLC0415 - only this command needs it

    try:
        typer.echo(explain(out, exemplar_id))
    except UsageError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc


review_app = typer.Typer(
    help="Correct rows by hand: export the rows that need a look, apply the corrected spreadsheet.",
    no_args_is_help=True,
)
app.add_typer(review_app, name="review")


@review_app.command("export")
def review_export_cmd(
    out: Annotated[Path, typer.Option("--out", "-o", help="The dataset folder of a run.")] = Path("out"),
) -> None:
    """Write the flagged and low-confidence rows to OUT/review.xlsx and OUT/review.csv."""
    from .review import export  # noqa: PLC0415 - only this command needs it

    try:
        xlsx, csv_path, n = export(out)
    except UsageError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(f"{n} rows to review written to {xlsx.resolve()} and {csv_path.resolve()}")


@review_app.command("apply")
def review_apply_cmd(
    file: Annotated[Path, typer.Argument(help="The corrected review.xlsx or review.csv.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The dataset folder of a run.")] = Path("out"),
) -> None:
    """Store the corrected cells of FILE (kept by every later run) and write the dataset again.

    Exit status 2, with nothing stored, when any value is refused (unknown row, bad value).
    """
    from .review import apply_file  # noqa: PLC0415 - only this command needs it

    try:
        done = apply_file(file, out)
    except UsageError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    if done.summary is None:
        typer.echo(f"{done.n_rows} rows read; no cell differs from the dataset, nothing stored")
        return
    typer.echo(f"{done.n_rows} rows read; {len(done.new)} corrections stored in {(out / 'corrections.csv').resolve()}; "
               f"dataset written again ({done.summary.n_corrected} corrections applied)")
