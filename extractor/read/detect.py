"""Format detection from content (magic bytes), the extension only breaking ties."""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import DocumentLoadError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# Zip-based formats we can name but do not read: marker file -> what it is.
_ZIP_KINDS = {
    "xl/workbook.xml": "xlsx",
    "ppt/presentation.xml": "pptx",
    "content.xml": "odf",
}
_REASONS = {
    "unknown:xlsx": "an Excel workbook (.xlsx), not a Word document: spreadsheets are not read",
    "unknown:pptx": "a PowerPoint presentation (.pptx): presentations are not read",
    "unknown:odf": "an OpenDocument file (.odt/.ods): save it as .docx or PDF",
    "unknown:binary": "binary content of an unknown type (not PDF, Word, HTML, text or an image)",
    "unknown:ole": "an OLE compound file that is not a Word .doc (Excel .xls or another Office file?)",
}


def detect_format(path: Path) -> str:
    """Return pdf, docx, doc, rtf, html, image, txt or an 'unknown:...' label."""
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
        return "doc" if _ole_is_word(path) else "unknown:ole"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if _is_image(head):
        return "image"
    low = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if low.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in low[:2048] or b"<body" in low:
        return "html"
    if _utf16(head):
        text = head.decode("utf-16", errors="ignore").lstrip("\ufeff \t\r\n").lower()
        return "html" if text.startswith(("<!doctype html", "<html")) or "<body" in text else "txt"
    if b"\x00" in head or _controls(head) > 0.05:
        return "unknown:binary"
    return "txt"


def unsupported_reason(fmt: str, path: Path) -> str:
    """A message a person understands for a format no reader takes."""
    if fmt == "unknown:zip":
        try:
            with zipfile.ZipFile(path) as zf:
                names = zf.namelist()
        except (zipfile.BadZipFile, OSError):
            names = []
        shown = ", ".join(names[:5]) + (", ..." if len(names) > 5 else "")
        return f"a zip archive, not a Word .docx (no word/document.xml inside; it holds: {shown or 'nothing'})"
    reason = _REASONS.get(fmt, f"unsupported format: {fmt}")
    suffix = path.suffix.lower()
    return f"{reason} (file named {suffix})" if suffix else reason


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise DocumentLoadError(f"corrupt or truncated zip container (.docx): {exc}") from exc
    if "word/document.xml" in names or any(n.startswith("word/document") and n.endswith(".xml") for n in names):
        return "docx"
    for marker, kind in _ZIP_KINDS.items():
        if marker in names:
            return f"unknown:{kind}"
    return "unknown:zip"


def _ole_is_word(path: Path) -> bool:
    """A Word 97-2003 file names its main stream "WordDocument" (UTF-16 in the directory)."""
    try:
        with path.open("rb") as fh:
            data = fh.read(1 << 20)
    except OSError:
        return True
    if "WordDocument".encode("utf-16-le") in data:
        return True
    return not any(name.encode("utf-16-le") in data for name in ("Workbook", "Book", "PowerPoint Document"))


def _is_image(head: bytes) -> bool:
    return head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*"))


def _utf16(head: bytes) -> bool:
    return head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[:400].count(0) >= len(head[:400]) // 4


def _controls(head: bytes) -> float:
    """Share of control bytes other than white space: high in binary files."""
    bad = sum(1 for b in head if b < 0x20 and b not in (9, 10, 12, 13) and b not in (1, 2, 4, 5, 6, 0x11, 0x12,
                                                                                   0x13, 0x14, 0x15, 0x16, 0x17))
    return bad / len(head)
