"""Writers: CSV + Parquet + datapackage.json + report, written whole or not at all."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from ..dedup import Exemplar
from ..model import DocumentRecord, Mention
from .datapackage import write_datapackage
from .report import write_report
from .tables import frame, write_csv, write_parquet

TABLES = ["documents", "mentions", "exemplars", "links"]


def write_dataset(out: Path, documents: list[DocumentRecord], mentions: list[Mention], *,
                  exemplars: list[Exemplar], links: list[dict[str, Any]], run: dict[str, Any]) -> None:
    """Write every file into a staging folder inside `out`, then move them in place."""
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out))
    try:
        frames = {
            "documents": frame("documents", documents),
            "mentions": frame("mentions", mentions),
            "exemplars": frame("exemplars", [_exemplar_row(e) for e in exemplars]),
            "links": frame("links", links),
        }
        for name, df in frames.items():
            write_csv(df, staging / f"{name}.csv")
            write_parquet(df, staging / f"{name}.parquet")
        write_datapackage(staging / "datapackage.json", TABLES, run)
        write_report(staging / "report.html", frames, run)
        for item in sorted(staging.iterdir()):
            os.replace(item, out / item.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _exemplar_row(e: Exemplar) -> dict[str, Any]:
    row = {k: v for k, v in e.__dict__.items() if k != "members"}
    return row
