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
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .. import invariants
from ..spill import SPILL_NAME, Spill
from ..store import DB_NAME, OutputError
from .database import ORDER, finish_database, insert, open_database
from .datapackage import describe, previous_licenses, write_datapackage
from .report import write_report
from .tables import TableFiles, frame

TABLES = ["documents", "mentions", "exemplars", "links"]
CORRECTIONS = "corrections"
DATAPACKAGE = "datapackage.json"
REPORT = "report.html"
COMMIT = "COMMIT"
STAGING = ".staging-"


@contextmanager
def staging(out: Path) -> Iterator[Path]:
    """A new staging folder inside `out` for one run: its spill while it reads, then its files.
    Removed when the run ends, unless it was committed and not all moved (`recover` ends that).
    A disk that fills up on the way is an `OutputError`: the previous dataset stands."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(prefix=STAGING, dir=out))
    except OSError as exc:
        raise _cannot_write(out, exc) from exc
    try:
        yield folder
    except (OSError, sqlite3.Error) as exc:  # a full disk, a quota
        raise _cannot_write(out, exc) from exc
    finally:
        if not (folder / COMMIT).exists():
            shutil.rmtree(folder, ignore_errors=True)


def write_dataset(out: Path, folder: Path, spill: Spill, *, run: dict[str, Any],
                  corrections: list[Any] | tuple[Any, ...] = ()) -> None:
    """Write every table from the run's `spill` into the staging `folder`, check them, then move
    them into `out`, `datapackage.json` last.

    Tables go a chunk at a time to CSV, Parquet and the database; the invariants and the
    report are SQL over that database. A write that fails (a full disk) raises `OutputError`
    saying so; the previous dataset stands.
    """
    try:
        spill.conn.commit()
        sources = {"documents": spill.documents(), "exemplars": spill.exemplars(), "mentions": spill.mentions(),
                   "links": spill.links(), CORRECTIONS: iter([list(corrections)])}
        conn = open_database(folder / DB_NAME)
        try:
            for name in ORDER:  # parents first, for the database's foreign keys
                files = TableFiles(name, folder / f"{name}.csv", folder / f"{name}.parquet" if name in TABLES else None)
                for chunk in sources[name]:
                    df = frame(name, chunk)
                    files.write(df)
                    insert(conn, name, df)
                files.close()
            spill.conn.commit()
            finish_database(conn, spill.path, run)
            invariants.check(conn)
            write_report(folder / REPORT, conn, run)
        finally:
            conn.close()
        spill.close()
        (folder / SPILL_NAME).unlink()
        descriptor = describe(folder, [*TABLES, CORRECTIONS], TABLES, run,
                              licenses=previous_licenses(out / DATAPACKAGE), extra_files=(DB_NAME, REPORT))
        write_datapackage(folder / DATAPACKAGE, descriptor)
        names = [*sorted(p.name for p in folder.iterdir() if p.name != DATAPACKAGE), DATAPACKAGE]
        for name in names:
            _fsync(folder / name)
        _write_marker(folder, names)
    except (OSError, sqlite3.Error) as exc:  # a full disk, a quota: nothing was moved
        raise _cannot_write(out, exc) from exc
    try:
        _roll_forward(folder, out)
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
