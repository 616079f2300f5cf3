"""A small corpus of plans (text dumps, ~2 s to extract) copied into a temporary folder, for the
tests that run the whole pipeline: the multi-year dedup set, and three plans whose rows carry flags."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

from conftest import CORPORA

from extractor.settings import Settings
from extractor.write.datapackage import file_facts

S = Settings(workers=1)
SEED = CORPORA / "seed" / "hoa-binh-2019-181-KH-UBND.txt"
FILES = [
    *sorted((CORPORA / "dedup").glob("*.txt")),
    CORPORA / "txt" / "bac-giang-2024-58-KH-UBND.txt",
    CORPORA / "txt" / "ha-giang-2023-142-KH-UBND.txt",
    CORPORA / "txt" / "thanh-hoa-2023-1520-QD-UBND.txt",
]
TABLES = ("documents", "mentions", "exemplars", "links", "corrections")


def small_corpus(dest: Path, leave_out: tuple[str, ...] = ()) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for path in FILES:
        if path.name not in leave_out:
            shutil.copy2(path, dest / path.name)
    return dest


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def csv_bytes(out: Path) -> dict[str, bytes]:
    return {name: (out / f"{name}.csv").read_bytes() for name in TABLES}


def dataset_files(out: Path) -> dict[str, bytes]:
    """Every file of a dataset folder (not the lock, not staging folders), by name."""
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file() and not p.name.startswith(".")}


def intact(out: Path) -> bool:
    """Every file datapackage.json describes is the one it describes (size and SHA-256)."""
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    return all((out / name).is_file() and file_facts(out / name) == facts
               for name, facts in package["vn_exemplars"]["files"].items())
