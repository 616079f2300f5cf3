"""Machine-readable run logs: one JSON object per line, for unattended runs (`--log FILE`)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from .model import Result


class RunLog:
    """Appends events to a JSON-lines file; a no-op without a file."""

    def __init__(self, fh: IO[str] | None) -> None:
        self.fh = fh

    def event(self, name: str, **fields: Any) -> None:
        if self.fh is None:
            return
        record = {"time": dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds"), "event": name, **fields}
        self.fh.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        self.fh.flush()

    def file_done(self, result: Result, seconds: float) -> None:
        """One event per file; `elapsed_s` is the time since the reading began, not the file's own."""
        doc = result.document
        self.event("file", source_path=doc.source_path, doc_id=doc.doc_id, format=doc.format, status=doc.status,
                   n_rows=doc.n_rows, declared_rows=doc.declared_rows, message=doc.message,
                   elapsed_s=round(seconds, 3))


@contextmanager
def open_log(path: str | Path | None) -> Iterator[RunLog]:
    if path is None:
        yield RunLog(None)
        return
    with Path(path).open("a", encoding="utf-8") as fh:
        yield RunLog(fh)
