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
    """A typed frame with exactly the schema's columns, in order (dates stay ISO text)."""
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


def write_parquet(df: pd.DataFrame, path: Path, table: str) -> None:
    """Parquet with the schema's types: dates as dates (empty -> null), the rest as in the frame."""
    typed = df.copy()
    for name, kind in types(table).items():
        if kind == "date":
            typed[name] = pd.to_datetime(typed[name].replace("", None), format="%Y-%m-%d", errors="coerce").dt.date
    typed.to_parquet(path, index=False, engine="pyarrow")


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as plain Python values (missing -> None), e.g. for SQLite."""
    plain = df.astype(object).where(df.notna(), None)
    return [dict(zip(plain.columns, row, strict=True)) for row in plain.itertuples(index=False, name=None)]
