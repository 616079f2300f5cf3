"""The output folder's memory: which files a run read, with which settings, and what they gave.

`OUT/exemplars.sqlite` holds, beside the browse tables, a `files` table: one row per input file
of the last run with its resolved path, `source_path`, size, mtime, SHA-256, the read key and
its extraction (its documents row and mentions, as JSON, before any correction). A later run
into the same folder takes a file's extraction from there instead of reading it when:

- the path, size and mtime are unchanged (the file is not even opened), or
- its content hash is known (a touched, copied or moved file; the file is hashed, not read),

and in both cases the read key is the same. The read key is the tool version, a hash of the
code and data that extract (`read`, `segment`, `tag`, `normalize`, `gazetteer`, `data`, ...)
and the settings fingerprint without the dedup thresholds, which do not change what a file
gives. `failed` files are always read again (a tool may have been installed meanwhile).

Only one process writes into an output folder at a time: `output_lock` holds an exclusive
`flock` on `OUT/.exemplars.lock`, waits `LOCK_WAIT_S` seconds for another run to finish, then
gives up with `OutputBusyError` (exit status 2 on the command line).
"""

from __future__ import annotations

import dataclasses
import fcntl
import hashlib
import json
import os
import sqlite3
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import __version__
from .collect import display
from .errors import UsageError
from .model import DocumentRecord, Mention, Result
from .settings import Settings

DB_NAME = "exemplars.sqlite"
LOCK_NAME = ".exemplars.lock"
LOCK_WAIT_S = 10.0
# What decides a file's extraction: these parts of the package (the rest dedups and writes).
_READ_CODE = ("read", "segment", "tag", "normalize", "gazetteer", "data", "pipeline.py", "model.py",
              "settings.py", "errors.py")

FILES_DDL = """
CREATE TABLE files (
    ordinal INTEGER PRIMARY KEY,  -- input order of the run
    path TEXT NOT NULL,           -- resolved path of the file when it was read
    source_path TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    sha256 TEXT NOT NULL,         -- empty when the file could not be hashed
    read_key TEXT NOT NULL,
    status TEXT NOT NULL,
    result TEXT NOT NULL          -- {"document": {...}, "mentions": [...]} as extracted
)"""


class OutputBusyError(UsageError):
    """Another run is writing into the same output folder."""


class OutputError(UsageError):
    """The output folder cannot be written (a full disk, no permission); the previous dataset stands."""


@dataclass
class FileEntry:
    """One `files` row: what a file was when read, and what it gave."""

    ordinal: int
    path: str
    source_path: str
    size: int
    mtime_ns: int
    sha256: str
    read_key: str
    status: str
    result: str

    def reusable(self, key: str) -> bool:
        return self.read_key == key and self.status != "failed" and bool(self.sha256)


@contextmanager
def output_lock(out: Path, wait_s: float | None = None) -> Iterator[None]:
    """Hold the output folder for one writer; wait a while for another, then refuse."""
    wait_s = LOCK_WAIT_S if wait_s is None else wait_s
    try:
        out.mkdir(parents=True, exist_ok=True)
        fh = (out / LOCK_NAME).open("a+")
    except OSError as exc:
        raise OutputError(f"cannot write into the output folder {out}: {exc.strerror or exc}") from exc
    with fh:
        deadline = time.monotonic() + wait_s
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    fh.seek(0)
                    holder = fh.read().strip() or "another process"
                    raise OutputBusyError(
                        f"{out} is being written by {holder}; wait for it to finish "
                        f"(waited {wait_s:g} s)") from None
                time.sleep(0.1)
        try:
            with suppress(OSError):  # who holds the lock is only information (a full disk may refuse it)
                fh.seek(0)
                fh.truncate()
                fh.write(f"process {os.getpid()}\n")
                fh.flush()
            yield
        finally:
            with suppress(OSError):
                fh.truncate(0)
            fcntl.flock(fh, fcntl.LOCK_UN)


@lru_cache(maxsize=1)
def code_hash() -> str:
    root = Path(__file__).parent
    digest = hashlib.sha256()
    for name in _READ_CODE:
        top = root / name
        for path in sorted(top.rglob("*")) if top.is_dir() else [top]:
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def read_key(settings: Settings) -> str:
    """What must match for a stored extraction to be reused."""
    dedup = {k: f.default for k, f in Settings.model_fields.items() if k.startswith("dedup_")}
    return f"{__version__}:{code_hash()}:{settings.model_copy(update=dedup).fingerprint()}"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def result_json(result: Result) -> str:
    return json.dumps({"document": dataclasses.asdict(result.document),
                       "mentions": [dataclasses.asdict(m) for m in result.mentions]},
                      ensure_ascii=False, sort_keys=True)


def result_of(text: str, source_path: str | None = None) -> Result:
    """A stored extraction as a fresh Result (under another `source_path` if given)."""
    data = json.loads(text)
    result = Result(DocumentRecord(**data["document"]), [Mention(**m) for m in data["mentions"]])
    if source_path is not None:
        result.document.source_path = source_path
        for m in result.mentions:
            m.source_path = source_path
    return result


class Cache:
    """The `files` table of the previous run in an output folder (empty if none).

    Only what finding an entry needs stays in memory (paths, sizes, hashes: ~200 bytes a file);
    an entry's stored extraction is read from the database when it is reused (`text`)."""

    def __init__(self, entries: list[FileEntry], db_path: Path | None = None) -> None:
        self.entries = entries
        self.db_path = db_path
        self.by_path = {e.path: e for e in entries}
        self.by_hash: dict[str, FileEntry] = {}
        for e in entries:
            if e.sha256:
                self.by_hash.setdefault(e.sha256, e)
        self._conn: sqlite3.Connection | None = None

    @classmethod
    def open(cls, out: Path) -> Cache:
        db_path = out / DB_NAME
        fields = [f if f != "result" else "'' AS result" for f in _FIELDS]
        rows = _select(db_path, f"SELECT {', '.join(fields)} FROM files ORDER BY ordinal")
        return cls([FileEntry(*row) for row in rows], db_path)

    def text(self, entry: FileEntry) -> str:
        """The stored extraction of an entry found here."""
        if entry.result or self.db_path is None:
            return entry.result
        if self._conn is None:
            self._conn = sqlite3.connect(f"file:{self.db_path}?mode=ro", uri=True)
        row = self._conn.execute("SELECT result FROM files WHERE ordinal = ?", (entry.ordinal,)).fetchone()
        if row is None:
            raise OutputError(f"{self.db_path} changed during the run: its stored extraction of {entry.path} is gone")
        return str(row[0])

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def find(self, path: Path, key: str) -> tuple[FileEntry | None, dict[str, Any]]:
        """A reusable entry for `path` (or None) and the file's facts (size, mtime, hash)."""
        try:
            st = path.stat()
        except OSError:
            return None, {"size": -1, "mtime_ns": 0, "sha256": ""}
        facts: dict[str, Any] = {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "sha256": ""}
        known = self.by_path.get(_resolved(path))
        if known and (known.size, known.mtime_ns) == (st.st_size, st.st_mtime_ns) and known.reusable(key):
            facts["sha256"] = known.sha256
            return known, facts
        if not stat.S_ISREG(st.st_mode):  # a pipe or device: read it, never hash it here
            return None, facts
        try:
            facts["sha256"] = sha256_of(path)
        except OSError:
            return None, facts
        same = known if known and known.sha256 == facts["sha256"] else self.by_hash.get(facts["sha256"])
        if same and same.reusable(key) and Path(same.path).suffix.lower() == path.suffix.lower():
            return same, facts
        return None, facts


def _resolved(path: Path, follow: bool = True) -> str:
    """The path as stored: resolved (unless it must not be followed), as text SQLite takes."""
    try:
        return display(str(path.resolve() if follow else path.absolute()))
    except (OSError, RuntimeError):
        return display(str(path.absolute()))


def entry_for(ordinal: int, path: Path, result: Result, facts: dict[str, Any], *, key: str,
              text: str | None = None, follow: bool = True) -> FileEntry:
    """The `files` row of one file of this run. A file that changed while it was read (its doc_id
    is not its hash) is stored without a hash, so it is never reused. A link that is not followed
    is stored under its own path, not its target's."""
    sha = facts["sha256"]
    if sha and not sha.startswith(result.document.doc_id):
        sha = ""
    return FileEntry(ordinal, _resolved(path, follow), result.document.source_path, facts["size"], facts["mtime_ns"],
                     sha, key, result.document.status, text if text is not None else result_json(result))


def iter_entries(db_path: Path, chunk: int = 500) -> Iterator[FileEntry]:
    """The `files` rows of a database in input order, a chunk at a time (their extractions are
    most of a database); none if it is missing or unreadable."""
    last = -1
    while rows := _select(db_path, f"SELECT {', '.join(_FIELDS)} FROM files WHERE ordinal > ? ORDER BY ordinal "
                                   f"LIMIT {chunk}", (last,)):
        yield from (FileEntry(*row) for row in rows)
        last = rows[-1][0]


def _select(db_path: Path, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Rows of a read-only query; none if the database is missing or unreadable."""
    if not db_path.is_file():
        return []
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            return conn.execute(sql, params).fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return []


def load_run(db_path: Path) -> dict[str, Any]:
    """The run description stored with the last run (empty if none)."""
    if not db_path.is_file():
        return {}
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            rows = conn.execute("SELECT key, value FROM run").fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return {}
    return {k: json.loads(v) for k, v in rows}


def save_entries(conn: sqlite3.Connection, source: Path, run: dict[str, Any]) -> None:
    """The `files` table, copied inside SQLite from the one in the database `source` (the run's
    spill: the extractions are most of the bytes, and never pass through Python), and `run`."""
    conn.execute(FILES_DDL)
    conn.commit()
    conn.execute("ATTACH DATABASE ? AS source", (str(source),))
    try:
        conn.execute(f"INSERT INTO files SELECT {', '.join(_FIELDS)} FROM source.files ORDER BY ordinal")
        conn.commit()
    finally:
        conn.execute("DETACH DATABASE source")
    conn.execute("CREATE INDEX files_sha256 ON files (sha256)")
    conn.execute("CREATE TABLE run (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    conn.executemany("INSERT INTO run VALUES (?, ?)",
                     [(k, json.dumps(v, ensure_ascii=False)) for k, v in sorted(run.items())])


_FIELDS = [f.name for f in dataclasses.fields(FileEntry)]
