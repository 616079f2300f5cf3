"""The run's rows on disk while it reads, dedups and writes.

A batch over thousands of files must not hold every row in memory. Each file's result goes
into `spill.sqlite`, in the run's staging folder, as it arrives (its documents row, its
mentions and its `files` entry). Dedup then loads one province's mentions at a time, and the
writers read the tables back in chunks. So the main process holds one file's, one province's
or one chunk's rows at a time, however many files the run has. The staging folder (and the
spill in it) is removed when the run ends, written or not.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .dedup.ids import ID_TABLES, add_cluster, assign_in
from .model import DocumentRecord, Mention, Result
from .store import FILES_DDL, FileEntry

SPILL_NAME = "spill.sqlite"
CHUNK = 2000  # rows per read-back: the memory of one chunk (~25 MB as frames), the speed of few queries
_COMMIT_EVERY = 200  # files

DDL = FILES_DDL + ";" + ID_TABLES + """
CREATE TABLE documents (
    ordinal INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL,
    source_path TEXT NOT NULL,
    data TEXT NOT NULL              -- the DocumentRecord as JSON
);
CREATE TABLE mentions (
    seq INTEGER PRIMARY KEY,        -- the order they came in (files finish in any order)
    ordinal INTEGER NOT NULL,       -- input order: the file's, then
    row INTEGER NOT NULL,           -- the row's in its file
    mention_id TEXT NOT NULL,
    block TEXT,                     -- the province dedup compares the mention within
    cluster INTEGER,                -- its exemplar, until the exemplar has its id
    data TEXT NOT NULL              -- the Mention as JSON
);
CREATE INDEX mentions_order ON mentions (ordinal, row);
CREATE INDEX mentions_block ON mentions (block);
CREATE TABLE exemplars (cluster INTEGER PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE links (mention_a TEXT NOT NULL, mention_b TEXT NOT NULL, cluster INTEGER, data TEXT NOT NULL);
CREATE TABLE previous (mention_id TEXT PRIMARY KEY, exemplar_id TEXT NOT NULL);
"""

_MENTION = [f.name for f in dataclasses.fields(Mention)]
_DOCUMENT = [f.name for f in dataclasses.fields(DocumentRecord)]
_ENTRY = [f.name for f in dataclasses.fields(FileEntry)]


def mention_json(m: Mention) -> str:
    return json.dumps({k: getattr(m, k) for k in _MENTION}, ensure_ascii=False)


def mention_of(text: str) -> Mention:
    return Mention(**json.loads(text))


class Spill:
    """One run's rows in a SQLite file of its own (no journal: it is thrown away with the run)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.conn = sqlite3.connect(path)
        self.conn.execute("PRAGMA journal_mode = OFF")
        self.conn.execute("PRAGMA synchronous = OFF")
        self.conn.executescript(DDL)
        self._added = 0

    def close(self) -> None:
        self.conn.close()

    # ---- reading

    def add(self, ordinal: int, result: Result, entry: FileEntry) -> None:
        doc = result.document
        self.conn.execute(f"INSERT INTO files VALUES ({', '.join('?' * len(_ENTRY))})", dataclasses.astuple(entry))
        self.conn.execute("INSERT INTO documents VALUES (?, ?, ?, ?)",
                          (ordinal, doc.doc_id, doc.source_path,
                           json.dumps({k: getattr(doc, k) for k in _DOCUMENT}, ensure_ascii=False)))
        self.conn.executemany("INSERT INTO mentions (ordinal, row, mention_id, data) VALUES (?, ?, ?, ?)",
                              [(ordinal, k, m.mention_id, mention_json(m)) for k, m in enumerate(result.mentions)])
        self._added += 1
        if self._added % _COMMIT_EVERY == 0:
            self.conn.commit()

    def load_previous(self, mentions_csv: Path) -> None:
        """mention_id -> exemplar_id of the last run into the same folder, for stable ids."""
        if not mentions_csv.is_file():
            return
        with mentions_csv.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            if not reader.fieldnames or not {"mention_id", "exemplar_id"} <= set(reader.fieldnames):
                return
            self.conn.executemany("INSERT OR REPLACE INTO previous VALUES (?, ?)",
                                  ((r["mention_id"], r["exemplar_id"]) for r in reader
                                   if r["mention_id"] and r["exemplar_id"]))
        self.conn.commit()

    def number_copies(self) -> None:
        """Copies of one file under other names: their mention ids get "~1", "~2" after the
        document id (the first copy by source_path keeps the plain ids)."""
        copies = self.conn.execute("SELECT doc_id FROM documents GROUP BY doc_id HAVING count(*) > 1").fetchall()
        for (doc_id,) in copies:
            ordinals = [o for (o,) in self.conn.execute(
                "SELECT ordinal FROM documents WHERE doc_id = ? ORDER BY source_path, ordinal", (doc_id,))]
            for k, ordinal in enumerate(ordinals[1:], start=1):
                rows = self.conn.execute("SELECT seq, data FROM mentions WHERE ordinal = ?", (ordinal,)).fetchall()
                for seq, data in rows:
                    m = mention_of(data)
                    m.mention_id = m.mention_id.replace("-", f"~{k}-", 1)
                    self.conn.execute("UPDATE mentions SET mention_id = ?, data = ? WHERE seq = ?",
                                      (m.mention_id, mention_json(m), seq))
        self.conn.commit()

    # ---- dedup

    def mention_chunks(self) -> Iterator[list[tuple[int, Mention]]]:
        """Every mention with its seq, a chunk at a time (in no particular order)."""
        last = 0
        while True:
            rows = self.conn.execute("SELECT seq, data FROM mentions WHERE seq > ? ORDER BY seq LIMIT ?",
                                     (last, CHUNK)).fetchall()
            if not rows:
                return
            yield [(seq, mention_of(data)) for seq, data in rows]
            last = rows[-1][0]

    def update_mentions(self, rows: list[tuple[int, Mention]]) -> None:
        """(seq, mention) for mentions changed (by a correction)."""
        self.conn.executemany("UPDATE mentions SET data = ? WHERE seq = ?", [(mention_json(m), seq) for seq, m in rows])

    def set_blocks(self, rows: list[tuple[int, str]]) -> None:
        self.conn.executemany("UPDATE mentions SET block = ? WHERE seq = ?", [(b, seq) for seq, b in rows])

    def blocks(self) -> list[str]:
        return [b for (b,) in self.conn.execute("SELECT DISTINCT block FROM mentions ORDER BY block")]

    def block(self, name: str) -> tuple[list[int], list[Mention], dict[str, str]]:
        """One province's mentions (seqs, in input order) and their ids of the last run."""
        rows = self.conn.execute("SELECT seq, data FROM mentions WHERE block = ? ORDER BY ordinal, row",
                                 (name,)).fetchall()
        previous = dict(self.conn.execute(
            "SELECT p.mention_id, p.exemplar_id FROM previous p JOIN mentions m ON m.mention_id = p.mention_id "
            "WHERE m.block = ?", (name,)).fetchall())
        return [seq for seq, _ in rows], [mention_of(data) for _, data in rows], previous

    def add_clusters(self, seqs: list[int], clusters: list[int]) -> None:
        self.conn.executemany("UPDATE mentions SET cluster = ? WHERE seq = ?",
                              zip(clusters, seqs, strict=True))

    def add_exemplar(self, cluster: int, row: dict[str, Any]) -> None:
        self.conn.execute("INSERT INTO exemplars VALUES (?, ?)", (cluster, json.dumps(row, ensure_ascii=False)))

    def add_links(self, rows: list[tuple[dict[str, Any], int | None]]) -> None:
        self.conn.executemany("INSERT INTO links VALUES (?, ?, ?, ?)",
                              [(r["mention_a"], r["mention_b"], cluster, json.dumps(r, ensure_ascii=False))
                               for r, cluster in rows])

    def add_anchor(self, cluster: int, anchor: tuple[int, str], claims: dict[str, int]) -> None:
        """A cluster's anchor (`dedup.ids.anchor_key`) and its claims (old id -> mentions that had it)."""
        add_cluster(self.conn, cluster, anchor, claims)

    def assign_ids(self) -> None:
        """Every cluster's exemplar id, by `dedup.ids.assign_in`."""
        assign_in(self.conn)

    # ---- writing: the tables as the writers want them, a chunk at a time

    def documents(self) -> Iterator[list[dict[str, Any]]]:
        yield from self._chunks("SELECT data FROM documents ORDER BY ordinal", lambda r: json.loads(r[0]))

    def mentions(self) -> Iterator[list[dict[str, Any]]]:
        yield from self._chunks("SELECT m.data, i.exemplar_id FROM mentions m JOIN ids i ON i.cluster = m.cluster "
                                "ORDER BY m.ordinal, m.row", lambda r: {**json.loads(r[0]), "exemplar_id": r[1]})

    def exemplars(self) -> Iterator[list[dict[str, Any]]]:
        yield from self._chunks("SELECT e.data, i.exemplar_id FROM exemplars e JOIN ids i ON i.cluster = e.cluster "
                                "ORDER BY i.exemplar_id", lambda r: {**json.loads(r[0]), "exemplar_id": r[1]})

    def links(self) -> Iterator[list[dict[str, Any]]]:
        yield from self._chunks("SELECT l.data, i.exemplar_id FROM links l LEFT JOIN ids i ON i.cluster = l.cluster "
                                "ORDER BY l.mention_a, l.mention_b", lambda r: {**json.loads(r[0]),
                                                                               "exemplar_id": r[1] or ""})

    def _chunks(self, sql: str, make: Any) -> Iterator[list[Any]]:
        cursor = self.conn.execute(sql)
        while rows := cursor.fetchmany(CHUNK):
            yield [make(r) for r in rows]

    def count(self, table: str) -> int:
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def statuses(self) -> dict[str, int]:
        return dict(self.conn.execute("SELECT json_extract(data, '$.status'), count(*) FROM documents "
                                      "GROUP BY 1 ORDER BY min(ordinal)"))

    def paths(self) -> list[str]:
        return [p for (p,) in self.conn.execute("SELECT path FROM files")]

    def repeated_mention_ids(self) -> list[str]:
        return [i for (i,) in self.conn.execute(
            "SELECT mention_id FROM mentions GROUP BY mention_id HAVING count(*) > 1 LIMIT 5")]
