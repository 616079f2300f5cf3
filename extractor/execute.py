"""Run the per-file pipeline over many files: in this process or in worker processes."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .model import Result
from .pipeline import process_file
from .settings import Settings


def process_all(files: list[tuple[Path, str]], settings: Settings, progress: bool = False) -> list[Result]:
    """Results in input order, whatever order workers finish in."""
    if settings.workers <= 1 or len(files) <= 1:
        return [process_file(p, rel, settings) for p, rel in files]
    with ProcessPoolExecutor(max_workers=min(settings.workers, len(files))) as pool:
        futures = [pool.submit(process_file, p, rel, settings) for p, rel in files]
        return [f.result() for f in futures]
