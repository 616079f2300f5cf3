"""Checks every run makes before it writes: nothing lost, nothing dangling, counts that add up.

A broken invariant is a bug in this tool, not bad input: the run stops before it writes, so the
previous dataset stays as it was, and the message says what broke.
"""

from __future__ import annotations

from collections import Counter

from .dedup import Exemplar
from .errors import ExtractorError
from .model import Mention, Result


class InvariantError(ExtractorError):
    """The tables a run is about to write contradict each other."""


def problems(files: list[str], results: list[Result], mentions: list[Mention],
             exemplars: list[Exemplar]) -> list[str]:
    out: list[str] = []
    paths = [r.document.source_path for r in results]
    if Counter(paths) != Counter(files):
        missing = sorted(set(files) - set(paths))
        out.append(f"input files without exactly one documents row: {missing[:5] or 'duplicates'}")
    docs = {(r.document.doc_id, r.document.source_path) for r in results}
    per_doc = Counter((m.doc_id, m.source_path) for m in mentions)
    for r in results:
        got = per_doc.get((r.document.doc_id, r.document.source_path), 0)
        if r.document.n_rows != got:
            out.append(f"{r.document.source_path}: n_rows {r.document.n_rows} but {got} mentions")
    ids = Counter(m.mention_id for m in mentions)
    if len(ids) != len(mentions):
        out.append(f"repeated mention ids: {[i for i, n in ids.items() if n > 1][:5]}")
    exemplar_ids = {e.exemplar_id for e in exemplars}
    for m in mentions:
        if (m.doc_id, m.source_path) not in docs:
            out.append(f"mention {m.mention_id} points to no document")
        if m.exemplar_id not in exemplar_ids:
            out.append(f"mention {m.mention_id} points to no exemplar ({m.exemplar_id!r})")
    members = Counter(i for e in exemplars for i in e.mention_ids.split(";") if i)
    if members != ids:
        out.append("exemplars' mention_ids do not list every mention exactly once")
    if any(e.n_mentions != len([i for i in e.mention_ids.split(";") if i]) for e in exemplars):
        out.append("an exemplar's n_mentions differs from its mention_ids")
    return out


def check(files: list[str], results: list[Result], mentions: list[Mention], exemplars: list[Exemplar]) -> None:
    found = problems(files, results, mentions, exemplars)
    if found:
        raise InvariantError("the run's tables contradict each other (a bug, please report): " + "; ".join(found[:10]))
