"""Settings as one validated object: thresholds and data files live here, not in code."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from pydantic import BaseModel, Field

DATA = Path(__file__).parent / "data"


class Settings(BaseModel):
    """Everything a run can be tuned by. `fingerprint()` tells whether two runs read alike."""

    workers: int = Field(default_factory=lambda: os.cpu_count() or 1, ge=1)
    file_timeout_s: float = Field(300.0, gt=0, description="per-file time limit")
    max_file_mb: float = Field(200.0, gt=0, description="files larger than this fail")
    max_pages: int = Field(500, ge=1, description="pages read per PDF; more -> partial")
    memory_limit_mb: int = Field(3000, ge=256, description="per-worker address-space cap")
    ocr_lang: str = "vie"
    ocr_dpi: int = Field(300, ge=72)
    min_text_chars_per_page: int = Field(40, ge=0, description="below this a page needs OCR")
    low_confidence: float = Field(0.6, ge=0, le=1, description="rows below are flagged")
    # Dedup (rapidfuzz scores 0-100)
    dedup_actor_min: float = Field(88.0, ge=0, le=100)
    dedup_title_min: float = Field(80.0, ge=0, le=100)
    dedup_title_strong: float = Field(93.0, ge=0, le=100)
    abbreviations: Path = DATA / "abbreviations.csv"
    sector_lexicon: Path = DATA / "sector_lexicon.csv"
    unit_changes: Path | None = None  # extra user change table, merged over the built-in one

    def fingerprint(self) -> str:
        """Hash of the settings that change what is extracted (not workers or limits)."""
        keep = self.model_dump(exclude={"workers", "file_timeout_s", "memory_limit_mb"})
        blob = json.dumps(keep, sort_keys=True, default=str).encode()
        for path in (self.abbreviations, self.sector_lexicon, self.unit_changes):
            if path and Path(path).exists():
                blob += Path(path).read_bytes()
        return hashlib.sha256(blob).hexdigest()[:16]
