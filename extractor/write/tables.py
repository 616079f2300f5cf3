"""Tables to files: pandas frames with proper types, written as CSV and Parquet."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from .schema import columns, types

_PANDAS = {"integer": "Int64", "number": "Float64", "string": "string", "date": "string"}


def frame(table: str, records: Iterable[Any]) -> pd.DataFrame:
    """A typed frame with exactly the schema's columns, in order."""
    rows = [dataclasses.asdict(r) if dataclasses.is_dataclass(r) and not isinstance(r, type) else dict(r)
            for r in records]
    df = pd.DataFrame(rows, columns=columns(table))
    for name, kind in types(table).items():
        if kind in {"string", "date"}:
            df[name] = df[name].fillna("").astype(str).astype("string")
        else:
            df[name] = pd.to_numeric(df[name].replace("", None), errors="coerce").astype(_PANDAS[kind])
    return df


def write_csv(df: pd.DataFrame, path: Path) -> None:
    df.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")


def write_parquet(df: pd.DataFrame, path: Path) -> None:
    df.to_parquet(path, index=False, engine="pyarrow")
