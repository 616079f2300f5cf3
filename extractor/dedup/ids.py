"""Stable exemplar ids: kept across runs, never derived from the input order.

A cluster holding mentions that an earlier run (into the same output folder) put in an
exemplar keeps that exemplar's id; holding several, it keeps the one it holds most mentions
of (ties: the smaller id). Where clusters compete for one id (an exemplar split), the cluster
with more of its mentions wins (ties: the cluster whose anchor sorts first) and the other
takes its next claim or a new id. A new id is derived from the cluster's anchor, its earliest
mention (by year, then mention id): "ex-" + 12 hex digits of SHA-1. Anchoring on the earliest
year keeps ids when a later year's plans are added even without the earlier run's tables.
"""

from __future__ import annotations

import csv
import hashlib
from collections import Counter
from pathlib import Path

PREFIX = "ex-"


def new_id(anchor: str, salt: int = 0) -> str:
    text = anchor if not salt else f"{anchor}#{salt}"
    return PREFIX + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def anchor_key(year: int | None, mention_id: str) -> tuple[int, str]:
    return (year if year is not None else 10**6, mention_id)


def assign_ids(clusters: list[list[str]], anchors: list[tuple[int, str]],
               previous: dict[str, str] | None) -> list[str]:
    """An id per cluster (clusters given as lists of mention ids, anchors as `anchor_key`s)."""
    previous = previous or {}
    return ids_from_claims(anchors, [Counter(previous[m] for m in c if previous.get(m)) for c in clusters])


def ids_from_claims(anchors: list[tuple[int, str]], claims: list[Counter[str]]) -> list[str]:
    """An id per cluster, from its anchor and its claims (old id -> how many of its mentions had it)."""
    order = sorted(range(len(anchors)), key=anchors.__getitem__)
    ranked: list[tuple[int, str, tuple[int, str], int]] = []
    for c in order:
        ranked.extend((-n, old, anchors[c], c) for old, n in claims[c].items())
    ids: list[str | None] = [None] * len(anchors)
    used: set[str] = set()
    for _, old, _, c in sorted(ranked):
        if ids[c] is None and old not in used:
            ids[c] = old
            used.add(old)
    for c in order:
        if ids[c] is not None:
            continue
        salt = 0
        while (candidate := new_id(anchors[c][1], salt)) in used:
            salt += 1
        ids[c] = candidate
        used.add(candidate)
    return [i for i in ids if i is not None]


def previous_assignments(out_dir: Path) -> dict[str, str]:
    """mention_id -> exemplar_id of the last run written into `out_dir` (empty if none)."""
    path = Path(out_dir) / "mentions.csv"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames or not {"mention_id", "exemplar_id"} <= set(reader.fieldnames):
            return {}
        return {r["mention_id"]: r["exemplar_id"] for r in reader if r["mention_id"] and r["exemplar_id"]}
