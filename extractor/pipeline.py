"""read -> segment -> tag -> (dedup -> write, in run.py): one file in, one Result out."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import stat
from functools import lru_cache
from pathlib import Path

from .errors import DocumentLoadError
from .model import DocMeta, DocumentRecord, Mention, Result, Segmented
from .read import read_document
from .segment import segment
from .settings import Settings
from .tag import Tagger

_ISSUER_DISTRICT = re.compile(r"^UBND (huyện|quận|thị xã|thành phố) (.+)$")


def doc_id_of(path: Path) -> str:
    """First 16 hex digits of the file's SHA-256: the same content gets the same id."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()[:16]


@lru_cache(maxsize=2)
def tagger_for(settings_json: str) -> Tagger:
    """One tagger (and gazetteer) per process and settings."""
    settings = Settings.model_validate_json(settings_json)
    from .gazetteer import Gazetteer  # noqa: PLC0415 - loads data files

    return Tagger(settings, Gazetteer.load(settings.unit_changes))


def unread_id(source_path: str) -> str:
    """The id of a file whose content could not be read: one made from its path."""
    return hashlib.sha256(f"unreadable:{source_path}".encode("utf-8", "backslashreplace")).hexdigest()[:16]


def not_read(source_path: str, message: str) -> Result:
    """The `failed` result of a file that is not (or could not be) read, saying why."""
    return Result(DocumentRecord(doc_id=unread_id(source_path), source_path=source_path, status="failed",
                                 message=message))


def process_file(path: Path, source_path: str, settings: Settings) -> Result:
    """Extract one file. Bad input becomes a `failed` record, never an exception."""
    record = DocumentRecord(source_path=source_path)
    # An unreadable file still needs an id: one made from its path, until its content can be read.
    record.doc_id = unread_id(source_path)
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a named pipe would block the batch forever
            raise DocumentLoadError("not a regular file (a named pipe, device or socket)")
        record.doc_id = doc_id_of(path)
        size_mb = path.stat().st_size / 1e6
        if size_mb > settings.max_file_mb:
            raise DocumentLoadError(f"file is {size_mb:.0f} MB, over the {settings.max_file_mb:.0f} MB limit")
        doc = read_document(path, settings)
        record.format = doc.format
        seg = segment(doc)
        tagger = tagger_for(settings.model_dump_json())
        _fill_meta(seg.meta, tagger)
        mentions = [tagger.tag(row, seg.meta) for row in seg.rows]
    except DocumentLoadError as exc:
        record.status, record.message = "failed", str(exc)
        return Result(record)
    except (OSError, MemoryError, RecursionError) as exc:
        record.status, record.message = "failed", os_reason(exc, settings)
        return Result(record)
    for i, m in enumerate(mentions, start=1):
        m.mention_id = f"{record.doc_id}-{i:04d}"
        m.doc_id, m.source_path, m.year = record.doc_id, source_path, seg.meta.year
        if doc.ocr and "ocr" not in m.flags.split(";"):
            m.flags = ";".join(f for f in (m.flags, "ocr") if f)
    _fill_record(record, seg, mentions, doc.warnings)
    return Result(record, mentions)


def os_reason(exc: BaseException, settings: Settings) -> str:
    """Why a file could not be read, in words, for the errors a file system gives."""
    if isinstance(exc, FileNotFoundError):
        return "the file is gone: deleted or moved since the run started (or a link to a file that does not exist)"
    if isinstance(exc, PermissionError):
        return "permission denied: the file cannot be opened (check its owner and mode)"
    if isinstance(exc, MemoryError):
        detail = f": {exc}" if str(exc) else ""
        return f"ran out of memory reading it (cap {settings.memory_limit_mb} MB per worker; MemoryError{detail})"
    if isinstance(exc, RecursionError):
        return "nested too deeply to read (RecursionError: a loop or extreme nesting in the file)"
    return f"{type(exc).__name__}: {exc}"


def _fill_meta(meta: DocMeta, tagger: Tagger) -> None:
    """The issuer's province and its code, from the gazetteer."""
    if tagger.gz is None or meta.province:
        return
    on = dt.date.fromisoformat(meta.issue_date) if meta.issue_date else None
    found = tagger.gz.find_province(meta.issuer, on) if meta.issuer else None
    district = _ISSUER_DISTRICT.match(meta.issuer)
    if found is None and district:
        found = tagger.gz.province_of_district(district.group(1), district.group(2), on)
    if found:
        meta.province, meta.province_code = found


def _fill_record(record: DocumentRecord, seg: Segmented, mentions: list[Mention], notes: list[str]) -> None:
    meta = seg.meta
    for name in ("doc_type", "doc_number", "issuer", "province", "province_code", "issue_date", "title", "signer"):
        setattr(record, name, getattr(meta, name))
    record.year = meta.year
    record.n_rows = len(mentions)
    record.declared_rows = meta.declared_rows
    messages: list[str] = []
    if not mentions:
        record.status = "no_table"
        messages.append("no appendix table of models or exemplars found")
        # what the reader left out (pages past max_pages, pages it could not read) may be why
        messages.extend(n for n in notes if not n.startswith("encoding:"))
    else:
        record.status = "ok"
        if meta.declared_rows is not None and meta.declared_rows != len(mentions):
            messages.append(f"sections declare {meta.declared_rows} rows, {len(mentions)} found")
        messages.extend(seg.warnings)
        messages.extend(meta.flags)
        messages.extend(n for n in notes if not n.startswith("encoding:"))
        if messages:
            record.status = "partial"
    record.message = "; ".join(messages)
