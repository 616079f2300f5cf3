"""Tables to files: pandas frames with proper types, written as CSV and Parquet."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .schema import columns, types

_PANDAS = {"integer": "Int64", "number": "Float64", "string": "string", "date": "string"}
_ARROW = {"integer": pa.int64(), "number": pa.float64(), "string": pa.large_string(), "date": pa.date32()}


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


class TableFiles:
    """One table written as CSV (and Parquet) a frame at a time: the same files as one frame
    written whole (one header; Parquet row groups of the schema's types)."""

    def __init__(self, table: str, csv_path: Path, parquet_path: Path | None) -> None:
        self.table = table
        self.csv = csv_path.open("w", encoding="utf-8", newline="")
        self.parquet_path = parquet_path
        self.writer: pq.ParquetWriter | None = None
        self.started = False

    def write(self, df: pd.DataFrame) -> None:
        df.to_csv(self.csv, index=False, header=not self.started, lineterminator="\n")
        self.started = True
        if self.parquet_path is not None:
            table = pa.Table.from_pandas(_dates(df, self.table), schema=arrow_schema(self.table), preserve_index=False)
            if self.writer is None:
                self.writer = pq.ParquetWriter(self.parquet_path, table.schema)
            self.writer.write_table(table)

    def close(self) -> None:
        if not self.started:  # no rows: the header and an empty Parquet file all the same
            self.write(frame(self.table, []))
        self.csv.close()
        if self.writer is not None:
            self.writer.close()


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([(name, _ARROW[kind]) for name, kind in types(table).items()])


def _dates(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Dates as dates for Parquet (empty -> null)."""
    typed = df.copy()
    for name, kind in types(table).items():
        if kind == "date":
            typed[name] = pd.to_datetime(typed[name].replace("", None), format="%Y-%m-%d", errors="coerce").dt.date
    return typed


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as plain Python values (missing -> None), e.g. for SQLite."""
    plain = df.astype(object).where(df.notna(), None)
    return [dict(zip(plain.columns, row, strict=True)) for row in plain.itertuples(index=False, name=None)]
