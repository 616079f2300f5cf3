"""`datapackage.json`: the Frictionless description of a run's tables and of the run itself.

Every file is described with its size and SHA-256 (`vn_exemplars.files`; for CSV also the
standard `bytes` and `hash`, which `frictionless validate` checks), so a reader can tell a whole
dataset from a torn one. The CSV files are the citable deposit; the Parquet files
are the same tables with typed columns, described with the same schemas. `licenses` is left
empty for the depositor to fill in, and is carried over from the previous run's
`datapackage.json` in the same folder once filled.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

from .. import __version__
from .schema import SCHEMAS

PARQUET = "-parquet"


def file_facts(path: Path) -> dict[str, Any]:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return {"bytes": path.stat().st_size, "hash": f"sha256:{digest.hexdigest()}"}


def _parquet_schema(name: str) -> dict[str, Any]:
    """The table's schema, its foreign keys pointing at the other Parquet resources."""
    schema = copy.deepcopy(SCHEMAS[name])
    for fk in schema.get("foreignKeys", []):
        fk["reference"]["resource"] += PARQUET
    return schema


def describe(folder: Path, csv_tables: list[str], parquet_tables: list[str], run: dict[str, Any], *,
             licenses: list[dict[str, Any]] | None = None, extra_files: tuple[str, ...] = ()) -> dict[str, Any]:
    """The package descriptor of the files already written into `folder`."""
    names = [f"{n}.csv" for n in csv_tables] + [f"{n}.parquet" for n in parquet_tables] + list(extra_files)
    facts = {n: file_facts(folder / n) for n in names}
    resources: list[dict[str, Any]] = []
    for name in csv_tables:
        resources.append({
            "name": name, "path": f"{name}.csv", "profile": "tabular-data-resource",
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            **facts[f"{name}.csv"], "schema": SCHEMAS[name],
        })
    for name in parquet_tables:  # no bytes/hash here: frictionless reads Parquet without a byte stream
        resources.append({
            "name": name + PARQUET, "path": f"{name}.parquet", "profile": "tabular-data-resource",
            "format": "parquet", "mediatype": "application/vnd.apache.parquet",
            "description": f"the {name} table with typed columns, for analysis",
            "schema": _parquet_schema(name),
        })
    return {
        "profile": "tabular-data-package",
        "name": "vn-exemplars",
        "title": "Mô hình, điển hình tiên tiến: models and exemplars listed in Vietnamese plans",
        "created": run.get("started") or dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "licenses": licenses or [],
        "sources": [{"title": p} for p in run.get("inputs", [])],
        "resources": resources,
        "vn_exemplars": {"tool_version": __version__, **run, "files": facts},
    }


def previous_licenses(path: Path) -> list[dict[str, Any]]:
    """The `licenses` a depositor wrote into an earlier datapackage.json (empty if none)."""
    try:
        found = json.loads(path.read_text(encoding="utf-8")).get("licenses")
    except (OSError, ValueError, AttributeError):
        return []
    return found if isinstance(found, list) else []


def write_datapackage(path: Path, descriptor: dict[str, Any]) -> None:
    path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
