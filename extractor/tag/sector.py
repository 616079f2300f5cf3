"""Sector of a model from a weighted keyword lexicon (data/sector_lexicon.csv)."""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

SECTORS = ("agriculture", "education", "security", "health", "environment", "culture_tourism",
           "social_welfare", "economy", "governance", "other")


@lru_cache(maxsize=4)
def load_lexicon(path: Path) -> tuple[tuple[str, re.Pattern[str], float, str], ...]:
    """(sector, whole-word pattern, weight, the keyword in lower case) for each lexicon row."""
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    out = []
    for r in rows:
        if r["sector"] not in SECTORS:
            raise ValueError(f"unknown sector {r['sector']!r} in {path}")
        pattern = re.compile(r"(?<!\w)" + re.escape(r["keyword"].lower()) + r"(?!\w)")
        out.append((r["sector"], pattern, float(r["weight"]), r["keyword"].lower()))
    return tuple(out)


def classify(title: str, description: str, actor: str, lexicon: Path) -> tuple[str, float]:
    """(sector, margin 0-1). The title counts most, then the actor, then the description."""
    scores = dict.fromkeys(SECTORS, 0.0)
    for text, weight in ((title, 3.0), (actor, 2.0), (description, 1.0)):
        low = text.lower()
        for sector, pattern, w, keyword in load_lexicon(lexicon):
            # the substring test first: ~200 keywords x 3 texts a row, and most are absent
            if keyword in low and pattern.search(low):
                scores[sector] += w * weight
    best = max(SECTORS, key=lambda s: scores[s])
    total = sum(scores.values())
    if total == 0:
        return "other", 0.0
    return best, scores[best] / total
