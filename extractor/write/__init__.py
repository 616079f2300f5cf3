"""Writers: CSV + Parquet + SQLite + datapackage.json + report, written whole or not at all.

Every file of a run is written into a staging folder inside OUT (`.staging-*`). When all are
written and flushed to disk, a `COMMIT` marker listing them is put in the staging folder, and
they are moved into OUT one by one, `datapackage.json` last. A run stopped before the marker
leaves the previous dataset untouched (its staging folder is removed then, or by the next
writer); a run stopped while moving is finished by the next writer (`recover`), which moves the
rest of the committed files. `datapackage.json` lists every file's size and SHA-256, so a
reader can tell whether the files in OUT are the ones it describes.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from ..dedup import Exemplar
from ..model import DocumentRecord, Mention
from ..store import DB_NAME, FileEntry, OutputError
from .database import write_database
from .datapackage import describe, previous_licenses, write_datapackage
from .report import write_report
from .tables import frame, write_csv, write_parquet

TABLES = ["documents", "mentions", "exemplars", "links"]
CORRECTIONS = "corrections"
DATAPACKAGE = "datapackage.json"
REPORT = "report.html"
COMMIT = "COMMIT"
STAGING = ".staging-"


def write_dataset(out: Path, documents: list[DocumentRecord], mentions: list[Mention], *,
                  exemplars: list[Exemplar], links: list[dict[str, Any]], run: dict[str, Any],
                  corrections: list[Any] | tuple[Any, ...] = (), files: list[FileEntry] | None = None) -> None:
    """Write every file into a staging folder inside `out`, then move them in place.

    A write that fails (a full disk) raises `OutputError` saying so; the previous dataset stands.
    """
    try:
        out.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=STAGING, dir=out))
    except OSError as exc:
        raise _cannot_write(out, exc) from exc
    try:
        frames = {
            "documents": frame("documents", documents),
            "mentions": frame("mentions", mentions),
            "exemplars": frame("exemplars", [_exemplar_row(e) for e in exemplars]),
            "links": frame("links", links),
            CORRECTIONS: frame(CORRECTIONS, corrections),
        }
        for name, df in frames.items():
            write_csv(df, staging / f"{name}.csv")
            if name in TABLES:
                write_parquet(df, staging / f"{name}.parquet", name)
        write_database(staging / DB_NAME, frames, files or [], run)
        write_report(staging / REPORT, frames, run)
        descriptor = describe(staging, [*TABLES, CORRECTIONS], TABLES, run,
                              licenses=previous_licenses(out / DATAPACKAGE), extra_files=(DB_NAME, REPORT))
        write_datapackage(staging / DATAPACKAGE, descriptor)
        names = [*sorted(p.name for p in staging.iterdir() if p.name != DATAPACKAGE), DATAPACKAGE]
        for name in names:
            _fsync(staging / name)
        _write_marker(staging, names)
    except (OSError, sqlite3.Error) as exc:  # a full disk, a quota: nothing was moved
        shutil.rmtree(staging, ignore_errors=True)
        raise _cannot_write(out, exc) from exc
    except BaseException:  # Ctrl-C included: nothing was moved, the previous dataset stands
        shutil.rmtree(staging, ignore_errors=True)
        raise
    try:
        _roll_forward(staging, out)
    except OSError as exc:  # committed: the next `run` or `review` finishes the move
        raise OutputError(f"the dataset was written but not all of it could be moved into {out} "
                          f"({exc.strerror or exc}); the next run into it finishes the move") from exc


def _cannot_write(out: Path, exc: BaseException) -> OutputError:
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return OutputError(f"cannot write the dataset into {out}: {reason}; the previous dataset there is unchanged")


def recover(out: Path) -> list[str]:
    """Finish or discard the writes a stopped run left in `out`; the folders it handled."""
    handled = []
    for staging in sorted(out.glob(f"{STAGING}*")) if out.is_dir() else []:
        if staging.is_dir() and (staging / COMMIT).is_file():
            _roll_forward(staging, out)
        else:
            shutil.rmtree(staging, ignore_errors=True)
        handled.append(staging.name)
    return handled


def _write_marker(staging: Path, names: list[str]) -> None:
    tmp = staging / f"{COMMIT}.tmp"
    tmp.write_text("\n".join(names) + "\n", encoding="utf-8")
    _fsync(tmp)
    os.replace(tmp, staging / COMMIT)
    _fsync(staging)


def _roll_forward(staging: Path, out: Path) -> None:
    """Move the committed files into `out` (those not moved yet), datapackage.json last."""
    names = (staging / COMMIT).read_text(encoding="utf-8").split()
    for name in names:
        if (staging / name).exists():
            os.replace(staging / name, out / name)
    _fsync(out)
    shutil.rmtree(staging, ignore_errors=True)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _exemplar_row(e: Exemplar) -> dict[str, Any]:
    return {k: v for k, v in e.__dict__.items() if k != "members"}
