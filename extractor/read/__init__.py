"""Readers: one module per format behind one interface, `read(path, settings) -> Document`.

`read_document` detects the format from the file's content (the extension only breaks ties)
and hands the file to its reader. Whatever is wrong with the input comes out as a
`DocumentLoadError` whose message a person understands; bugs are not caught here.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from ..errors import DocumentLoadError
from ..model import Document
from ..settings import Settings
from .detect import detect_format, unsupported_reason

# Detected format -> reader module (each has `read(path, settings) -> Document`).
READERS = {
    "txt": "txt",
    "docx": "docx",
    "doc": "doc",
    "rtf": "doc",  # LibreOffice converts it like a .doc
    "html": "html",
    "pdf": "pdf",
    "image": "ocr",
}


def read_document(path: Path, settings: Settings | None = None) -> Document:
    """Detect the format from content and hand the file to its reader."""
    settings = settings or Settings()
    fmt = detect_format(path)
    module_name = READERS.get(fmt)
    if module_name is None:
        raise DocumentLoadError(unsupported_reason(fmt, path))
    module = importlib.import_module(f"{__name__}.{module_name}")
    doc: Document = module.read(path, settings)
    return doc


__all__ = ["READERS", "detect_format", "read_document"]
