"""The invariant check: it passes on real runs and catches each kind of contradiction.

The checks are SQL over a run's database; here a real run's `exemplars.sqlite` is copied and
broken one way at a time.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import CORPORA

from extractor import Settings, run
from extractor.invariants import InvariantError, check, problems

FILES = sorted((CORPORA / "txt").glob("*.txt"))[:4]


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("run")
    run(FILES, out, Settings(workers=2))
    return out / "exemplars.sqlite"


@pytest.fixture
def conn(database: Path, tmp_path: Path) -> Iterator[sqlite3.Connection]:
    copy = tmp_path / "copy.sqlite"
    shutil.copy(database, copy)
    connection = sqlite3.connect(copy)
    yield connection
    connection.close()


def test_a_real_run_passes(conn: sqlite3.Connection) -> None:
    assert conn.execute("SELECT count(*) FROM mentions").fetchone()[0] > 20
    assert problems(conn) == []


def test_a_file_without_its_row_is_caught(conn: sqlite3.Connection) -> None:
    conn.execute("INSERT INTO files (ordinal, path, source_path, size, mtime_ns, sha256, read_key, status, result) "
                 "VALUES (99, '/x/lost.pdf', 'lost.pdf', 1, 0, '', '', 'ok', '{}')")
    assert any("lost.pdf" in p for p in problems(conn))


def test_n_rows_off_by_one_is_caught(conn: sqlite3.Connection) -> None:
    conn.execute("UPDATE documents SET n_rows = n_rows + 1 WHERE rowid = 1")
    assert any("n_rows" in p for p in problems(conn))


def test_dangling_mentions_are_caught(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA foreign_keys = OFF")
    first = conn.execute("SELECT mention_id FROM mentions ORDER BY rowid LIMIT 1").fetchone()[0]
    conn.execute("UPDATE mentions SET exemplar_id = 'ex-nowhere' WHERE mention_id = ?", (first,))
    found = problems(conn)
    assert any("no exemplar" in p and first in p for p in found)
    assert any("n_mentions" in p for p in found)  # its exemplar lost a mention
    conn.execute("UPDATE mentions SET doc_id = 'nowhere' WHERE mention_id = ?", (first,))
    with pytest.raises(InvariantError, match="no document"):
        check(conn)


def test_an_exemplar_listing_the_wrong_mentions_is_caught(conn: sqlite3.Connection) -> None:
    conn.execute("UPDATE exemplars SET mention_ids = 'someone-else' WHERE rowid = 1")
    assert any("do not list" in p or "n_mentions" in p for p in problems(conn))
