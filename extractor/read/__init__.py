"""Readers: one module per format behind one interface, `read(path, settings) -> Document`."""

from __future__ import annotations

import importlib
from pathlib import Path

from ..errors import DocumentLoadError
from ..model import Document
from ..settings import Settings
from .detect import detect_format

# Detected format -> reader module (each has `read(path, settings) -> Document`).
READERS = {
    "txt": "txt",
}


def read_document(path: Path, settings: Settings | None = None) -> Document:
    """Detect the format from content and hand the file to its reader."""
    settings = settings or Settings()
    fmt = detect_format(path)
    module_name = READERS.get(fmt)
    if module_name is None:
        raise DocumentLoadError(f"unsupported format: {fmt}")
    module = importlib.import_module(f"{__name__}.{module_name}")
    doc: Document = module.read(path, settings)
    return doc


__all__ = ["READERS", "detect_format", "read_document"]
