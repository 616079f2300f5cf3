"""Stable exemplar ids: kept across runs, never derived from the input order.

A cluster holding mentions that an earlier run (into the same output folder) put in an
exemplar keeps that exemplar's id; holding several, it keeps the one it holds most mentions
of (ties: the smaller id). Where clusters compete for one id (an exemplar split), the cluster
with more of its mentions wins (ties: the cluster whose anchor sorts first) and the other
takes its next claim or a new id. A new id is derived from the cluster's anchor, its earliest
mention (by year, then mention id): "ex-" + 12 hex digits of SHA-1. Anchoring on the earliest
year keeps ids when a later year's plans are added even without the earlier run's tables.
"""

from __future__ import annotations

import csv
import hashlib
import sqlite3
from collections import Counter
from pathlib import Path

PREFIX = "ex-"


def new_id(anchor: str, salt: int = 0) -> str:
    text = anchor if not salt else f"{anchor}#{salt}"
    return PREFIX + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def anchor_key(year: int | None, mention_id: str) -> tuple[int, str]:
    return (year if year is not None else 10**6, mention_id)


ID_TABLES = """
CREATE TABLE anchors (cluster INTEGER PRIMARY KEY, year INTEGER NOT NULL, mention_id TEXT NOT NULL);
CREATE TABLE claims (cluster INTEGER NOT NULL, old TEXT NOT NULL, n INTEGER NOT NULL);
CREATE TABLE ids (cluster INTEGER PRIMARY KEY, exemplar_id TEXT NOT NULL UNIQUE);
"""
_BATCH = 2000


def assign_ids(clusters: list[list[str]], anchors: list[tuple[int, str]],
               previous: dict[str, str] | None) -> list[str]:
    """An id per cluster (clusters given as lists of mention ids, anchors as `anchor_key`s)."""
    previous = previous or {}
    conn = sqlite3.connect(":memory:")
    try:
        conn.executescript(ID_TABLES)
        for c, (members, anchor) in enumerate(zip(clusters, anchors, strict=True)):
            add_cluster(conn, c, anchor, Counter(previous[m] for m in members if previous.get(m)))
        assign_in(conn)
        return [i for (i,) in conn.execute("SELECT exemplar_id FROM ids ORDER BY cluster")]
    finally:
        conn.close()


def add_cluster(conn: sqlite3.Connection, cluster: int, anchor: tuple[int, str], claims: dict[str, int]) -> None:
    """A cluster's anchor and its claims (old id -> how many of its mentions had it) into ID_TABLES."""
    conn.execute("INSERT INTO anchors VALUES (?, ?, ?)", (cluster, *anchor))
    conn.executemany("INSERT INTO claims VALUES (?, ?, ?)", [(cluster, old, n) for old, n in claims.items()])


def assign_in(conn: sqlite3.Connection) -> None:
    """Fill `ids` (see ID_TABLES): claims by strength (most mentions, the old id, the anchor), each
    taken if its cluster has no id yet and the id is free; then, in anchor order, a new id for each
    cluster left, salted while it is taken. In SQL, so a run's clusters need not be in memory."""
    conn.execute("INSERT OR IGNORE INTO ids SELECT c.cluster, c.old FROM claims c "
                 "JOIN anchors a USING (cluster) ORDER BY -c.n, c.old, a.year, a.mention_id, c.cluster")
    conn.execute("CREATE TEMP TABLE todo AS SELECT cluster, mention_id FROM anchors "
                 "WHERE cluster NOT IN (SELECT cluster FROM ids) ORDER BY year, mention_id, cluster")
    last = 0
    while rows := conn.execute("SELECT rowid, cluster, mention_id FROM todo WHERE rowid > ? ORDER BY rowid LIMIT ?",
                               (last, _BATCH)).fetchall():
        for _, cluster, anchor in rows:
            salt = 0
            while not conn.execute("INSERT OR IGNORE INTO ids VALUES (?, ?)",
                                   (cluster, new_id(anchor, salt))).rowcount:
                salt += 1
        last = rows[-1][0]
    conn.execute("DROP TABLE todo")
    conn.commit()


def previous_assignments(out_dir: Path) -> dict[str, str]:
    """mention_id -> exemplar_id of the last run written into `out_dir` (empty if none)."""
    path = Path(out_dir) / "mentions.csv"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames or not {"mention_id", "exemplar_id"} <= set(reader.fieldnames):
            return {}
        return {r["mention_id"]: r["exemplar_id"] for r in reader if r["mention_id"] and r["exemplar_id"]}
