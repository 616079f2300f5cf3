"""Which files a run reads: INPUTs walked recursively, links kept inside their INPUT."""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path

from .errors import UsageError

# Files that are never plans: project and data files that live beside documents in a folder.
SKIP_PATTERNS = (".*", "~$*", "*.py", "*.csv", "*.json", "*.md", "*.ipynb", "*.parquet",
                 "*.sqlite", "*.db", "*.yaml", "*.yml", "*.toml", "*.lock", "*.log", "Thumbs.db")


def skipped(name: str) -> bool:
    return any(fnmatch.fnmatch(name, p) for p in SKIP_PATTERNS)


def collect(inputs: list[str | Path]) -> list[tuple[Path, str]]:
    """(path, source_path relative to its INPUT), sorted, each file once.

    A file named directly is always read. Inside folders, project/data files are skipped
    (SKIP_PATTERNS), folders are not followed through links, and links that lead outside
    their INPUT are not followed.
    """
    found: list[tuple[Path, str]] = []
    seen: set[Path] = set()
    for raw in inputs:
        top = Path(raw)
        if not top.exists() and not top.is_symlink():
            raise UsageError(f"no such file or folder: {raw}")
        if top.is_file():
            _add(found, seen, top, top.name)
            continue
        root = top.resolve()
        for dirpath, dirnames, filenames in os.walk(top, followlinks=False):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                path = Path(dirpath) / name
                if skipped(name) or not _inside(path, root):
                    continue
                _add(found, seen, path, path.relative_to(top).as_posix())
    return found


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # a link loop
        return False


def _add(found: list[tuple[Path, str]], seen: set[Path], path: Path, rel: str) -> None:
    try:
        key = path.resolve()
    except (OSError, RuntimeError):
        key = path.absolute()
    if key not in seen:
        seen.add(key)
        found.append((path, rel))
