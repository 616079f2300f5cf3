"""Which files a run reads: INPUTs walked recursively, links kept inside their INPUT.

What the walk finds but will not read is kept too, with the reason, so that it gets a `failed`
documents row instead of vanishing from the dataset: a link to a file outside its INPUT (never
followed, not even to hash it), a link that loops, a folder that cannot be listed.
"""

from __future__ import annotations

import errno
import fnmatch
import os
from dataclasses import dataclass
from pathlib import Path

from .errors import UsageError

# Files that are never plans: project and data files that live beside documents in a folder.
SKIP_PATTERNS = (".*", "~$*", "*.py", "*.csv", "*.json", "*.md", "*.ipynb", "*.parquet",
                 "*.sqlite", "*.db", "*.yaml", "*.yml", "*.toml", "*.lock", "*.log", "Thumbs.db")


@dataclass(frozen=True)
class Found:
    """A file the walk found: its path, its `source_path`, and why it is not read (else empty)."""

    path: Path
    rel: str
    refused: str = ""


def skipped(name: str) -> bool:
    return any(fnmatch.fnmatch(name, p) for p in SKIP_PATTERNS)


def display(name: str) -> str:
    """A file name as text that can be written anywhere: bytes that are not UTF-8 (a name made on
    another system) are kept as `\\xNN`, so two such names stay apart."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def collect(inputs: list[str | Path]) -> list[tuple[Path, str]]:
    """(path, source_path relative to its INPUT) of the files to read, sorted, each file once."""
    return [(f.path, f.rel) for f in walk(inputs) if not f.refused]


def walk(inputs: list[str | Path]) -> list[Found]:
    """Every file under INPUTs, sorted, each file once; those not to be read say why.

    A file named directly is always read. Inside folders, project/data files are skipped
    (SKIP_PATTERNS), folders are not followed through links, and links that lead outside
    their INPUT or loop are not followed (they are `refused`).
    """
    found: list[Found] = []
    seen: set[Path] = set()
    for raw in inputs:
        top = Path(raw)
        if not top.exists() and not top.is_symlink():
            raise UsageError(f"no such file or folder: {display(str(raw))}")
        if top.is_file():
            _add(found, seen, top, display(top.name))
            continue
        root = top.resolve()

        def unlisted(error: OSError, top: Path = top, raw: str | Path = raw) -> None:
            """A folder that cannot be listed gets a row in its place (the INPUT itself: a usage error)."""
            if error.filename is None or Path(error.filename) == top:
                raise UsageError(f"cannot list the folder {display(str(raw))}: {error.strerror or error}")
            rel = display(Path(error.filename).relative_to(top).as_posix()) + "/"
            why = f"a folder that cannot be listed ({error.strerror or error}): the files in it were not read"
            found.append(Found(Path(error.filename), rel, why))

        for dirpath, dirnames, filenames in os.walk(top, followlinks=False, onerror=unlisted):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                path = Path(dirpath) / name
                if skipped(name):
                    continue
                rel = display(path.relative_to(top).as_posix())
                why = _leaves(path, root)
                if why:
                    found.append(Found(path, rel, why))
                else:
                    _add(found, seen, path, rel)
    return found


def _leaves(path: Path, root: Path) -> str:
    """Why a link is not followed (it loops, or leads outside `root`); empty for anything else."""
    if not path.is_symlink():
        return ""
    loop = "a link that loops (it leads back to itself): not followed"
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return loop
    try:
        target = path.resolve(strict=False)
    except (OSError, RuntimeError):  # a link loop (Python < 3.13)
        return loop
    if not target.is_relative_to(root):
        return f"a link to {display(os.readlink(path))}, outside the input folder: not followed"
    return ""


def _add(found: list[Found], seen: set[Path], path: Path, rel: str) -> None:
    try:
        key = path.resolve()
    except (OSError, RuntimeError):
        key = path.absolute()
    if key not in seen:
        seen.add(key)
        found.append(Found(path, rel))
