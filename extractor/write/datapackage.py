"""`datapackage.json`: the Frictionless description of a run's tables and of the run itself."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from .. import __version__
from .schema import SCHEMAS


def describe(tables: list[str], run: dict[str, Any]) -> dict[str, Any]:
    resources: list[dict[str, Any]] = []
    for name in tables:
        resources.append({
            "name": name,
            "path": f"{name}.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": SCHEMAS[name],
        })
    for name in tables:
        resources.append({
            "name": f"{name}-parquet",
            "path": f"{name}.parquet",
            "format": "parquet",
            "mediatype": "application/vnd.apache.parquet",
            "description": f"the {name} table with typed columns, for analysis",
        })
    return {
        "profile": "tabular-data-package",
        "name": "vn-exemplars",
        "title": "Mô hình, điển hình tiên tiến: models and exemplars listed in Vietnamese plans",
        "created": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "licenses": [],
        "sources": [{"title": p} for p in run.get("inputs", [])],
        "resources": resources,
        "vn_exemplars": {"tool_version": __version__, **run},
    }


def write_datapackage(path: Path, tables: list[str], run: dict[str, Any]) -> None:
    path.write_text(json.dumps(describe(tables, run), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
