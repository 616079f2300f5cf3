"""Settings as one validated object: thresholds and data files live here, not in code."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

DATA = Path(__file__).parent / "data"


class Settings(BaseModel):
    """Everything a run can be tuned by. `fingerprint()` tells whether two runs read alike."""

    workers: int = Field(default_factory=lambda: os.cpu_count() or 1, ge=1)
    executor: Literal["local", "dask"] = "local"
    scheduler: str | None = Field(None, description="dask scheduler address; a LocalCluster when empty")
    files_per_worker: int = Field(200, ge=1, description="a worker process is replaced after this many files")
    file_timeout_s: float = Field(300.0, gt=0, description="per-file time limit")
    max_file_mb: float = Field(200.0, gt=0, description="files larger than this fail")
    max_pages: int = Field(500, ge=1, description="pages read per PDF; more -> partial")
    memory_limit_mb: int = Field(3000, ge=256, description="per-worker address-space cap")
    ocr_lang: str = "vie"
    ocr_dpi: int = Field(300, ge=72)
    ocr_threads: int = Field(0, ge=0, description="tesseract processes per file; 0: shared out by the executor")
    min_text_chars_per_page: int = Field(40, ge=0, description="below this a page needs OCR")
    low_confidence: float = Field(0.6, ge=0, le=1, description="rows below are flagged")
    # Dedup (rapidfuzz scores 0-100; see extractor/dedup/__init__.py for the rule)
    dedup_actor_min: float = Field(88.0, ge=0, le=100, description="unit names: link at or above")
    dedup_person_min: float = Field(95.0, ge=0, le=100, description="person names: link at or above")
    dedup_title_min: float = Field(80.0, ge=0, le=100, description="titles of one actor: link at or above")
    dedup_title_strong: float = Field(93.0, ge=0, le=100,
                                      description="a title this close lets a weaker unit name link")
    dedup_actor_weak: float = Field(84.0, ge=0, le=100,
                                    description="unit names: enough with a strong title and the same place")
    dedup_actor_floor: float = Field(60.0, ge=0, le=100, description="below: clearly another actor (veto)")
    dedup_title_floor: float = Field(55.0, ge=0, le=100, description="below: clearly another model (veto)")
    dedup_links_margin: float = Field(12.0, ge=0, le=100,
                                      description="apart pairs this close to a threshold go to `links`")
    dedup_links_per_mention: int = Field(3, ge=0, description="at most this many apart pairs per mention")
    dedup_block_max: int = Field(48, ge=2, description="larger key groups are compared in a sliding window")
    dedup_window: int = Field(12, ge=2, description="window of the sorted neighbourhood in large groups")
    dedup_title_window: int = Field(4, ge=1, description="window of the sorted neighbourhood of title words")
    abbreviations: Path = DATA / "abbreviations.csv"
    sector_lexicon: Path = DATA / "sector_lexicon.csv"
    unit_changes: Path | None = None  # extra user change table, merged over the built-in one

    def fingerprint(self) -> str:
        """Hash of what changes extraction: version, settings and data files (not workers, limits, dedup)."""
        from . import __version__  # noqa: PLC0415

        skip = {"workers", "file_timeout_s", "memory_limit_mb", "executor", "scheduler", "files_per_worker",
                "ocr_threads"}
        keep = {k: v for k, v in self.model_dump().items() if k not in skip and not k.startswith("dedup_")}
        blob = json.dumps([__version__, keep], sort_keys=True, default=str).encode()
        for path in (self.abbreviations, self.sector_lexicon, self.unit_changes):
            if path and Path(path).exists():
                blob += Path(path).read_bytes()
        return hashlib.sha256(blob).hexdigest()[:16]
