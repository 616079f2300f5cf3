"""`exemplars.sqlite`: the tables of a run in one SQLite file, for Datasette or any SQLite browser.

The tables `documents`, `mentions`, `exemplars`, `links` and `corrections` have the columns,
types, primary and foreign keys of the Table Schemas; the join keys are indexed; `mentions_fts`
and `exemplars_fts` search titles, actors and descriptions (FTS5, diacritics folded, so `hoa binh`
finds `Hòa Bình`). The same file keeps the run's memory (`files`, `run`: see `extractor.store`).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pandas as pd
import sqlite_utils

from ..store import save_entries
from .schema import SCHEMAS
from .tables import records

_SQL = {"string": "TEXT", "date": "TEXT", "integer": "INTEGER", "number": "REAL"}
# Parents before children, so the foreign keys read in order.
ORDER = ["documents", "exemplars", "mentions", "links", "corrections"]
INDEXES = {
    "documents": [["source_path"], ["year"], ["province_code"]],
    "mentions": [["doc_id"], ["exemplar_id"], ["source_path"], ["year"], ["district_code"],
                 ["province_code"], ["sector"]],
    "exemplars": [["district_code"], ["first_year"]],
    "links": [["mention_a"], ["mention_b"], ["exemplar_id"]],
}
SEARCH = {
    "mentions": ["title", "actor_name", "actor_raw", "person_name", "description"],
    "exemplars": ["title", "actor_name", "person_name"],
}
TOKENIZE = "unicode61 remove_diacritics 2"


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def table_ddl(name: str) -> str:
    schema = SCHEMAS[name]
    parts = []
    for f in schema["fields"]:
        required = " NOT NULL" if f.get("constraints", {}).get("required") else ""
        parts.append(f"{_q(f['name'])} {_SQL[f['type']]}{required}")
    parts.append(f"PRIMARY KEY ({', '.join(map(_q, schema['primaryKey']))})")
    for fk in schema.get("foreignKeys", []):
        ref = fk["reference"]
        parts.append(f"FOREIGN KEY ({', '.join(map(_q, fk['fields']))}) "
                     f"REFERENCES {_q(ref['resource'])} ({', '.join(map(_q, ref['fields']))})")
    return f"CREATE TABLE {_q(name)} (\n  " + ",\n  ".join(parts) + "\n)"


def open_database(path: Path) -> sqlite3.Connection:
    """A new SQLite file at `path` (which must not exist yet) with the tables, empty."""
    conn = sqlite3.connect(path)
    # A new file in the staging folder: no journal needed; it is flushed to disk before the commit.
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    for name in ORDER:
        conn.execute(table_ddl(name))
    return conn


def insert(conn: sqlite3.Connection, name: str, df: pd.DataFrame) -> None:
    """Rows of one table (parents first: the foreign keys read in order)."""
    cols = ", ".join(map(_q, df.columns))
    marks = ", ".join("?" * len(df.columns))
    conn.executemany(f"INSERT INTO {_q(name)} ({cols}) VALUES ({marks})", [tuple(r.values()) for r in records(df)])


def finish_database(conn: sqlite3.Connection, spill: Path, run: dict[str, Any]) -> None:
    """The run's memory (`files` from the spill, `run`), the indexes and the full-text search tables."""
    save_entries(conn, spill, run)
    conn.commit()
    db = sqlite_utils.Database(conn)
    for name, indexes in INDEXES.items():
        for columns in indexes:
            db[name].create_index(columns)  # type: ignore[union-attr]
    for name, columns in SEARCH.items():
        db[name].enable_fts(columns, fts_version="FTS5", tokenize=TOKENIZE)  # type: ignore[union-attr]
    conn.commit()
