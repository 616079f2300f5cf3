"""Format detection from content (magic bytes), the extension only breaking ties."""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import DocumentLoadError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def detect_format(path: Path) -> str:
    """Return pdf, docx, doc, html, txt or an 'unknown:...' label."""
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError as exc:
        raise DocumentLoadError(f"cannot open file: {exc.strerror or exc}") from exc
    if not head:
        raise DocumentLoadError("empty file (0 bytes)")
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path)
    if head.startswith(OLE_MAGIC):
        return "doc"
    if head.startswith(b"{\\rtf"):
        return "unknown:rtf"
    if _is_image(head):
        return "image"
    low = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if low.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in low[:2048] or b"<body" in low:
        return "html"
    if b"\x00" in head and not _utf16(head):
        return "unknown:binary"
    return "txt"


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise DocumentLoadError(f"corrupt zip container: {exc}") from exc
    if "word/document.xml" in names:
        return "docx"
    return "unknown:zip"


def _is_image(head: bytes) -> bool:
    return head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*"))


def _utf16(head: bytes) -> bool:
    return head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[:400].count(0) >= len(head[:400]) // 4
