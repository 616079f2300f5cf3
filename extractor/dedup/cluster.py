"""Clustering that resists chaining: link edges join groups only where no pair clearly differs.

Link edges are taken strongest first (ties by mention id, so the input order never matters).
An edge joins its two groups only if every pair across them is free of a veto (a different
place, another numbered unit, an actor or a title under its floor): A~B and B~C never put A
and C in one exemplar when A and C clearly differ. Pairs across the groups that blocking did
not score are scored here, when first needed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..settings import Settings
from .compare import Verdict, compare
from .keys import Keys


@dataclass
class Clusters:
    groups: list[list[int]]
    verdicts: dict[tuple[int, int], Verdict]
    held: dict[tuple[int, int], Verdict] = field(default_factory=dict)  # link edge -> the veto that held it


class _Scores:
    def __init__(self, keys: list[Keys], verdicts: dict[tuple[int, int], Verdict], s: Settings) -> None:
        self.keys, self.verdicts, self.s = keys, verdicts, s

    def get(self, i: int, j: int) -> Verdict:
        pair = (i, j) if i < j else (j, i)
        v = self.verdicts.get(pair)
        if v is None:
            v = compare(self.keys[pair[0]], self.keys[pair[1]], self.s)
            self.verdicts[pair] = v
        return v


def cluster(keys: list[Keys], verdicts: dict[tuple[int, int], Verdict], s: Settings) -> Clusters:
    ids = [k.mention_id for k in keys]
    root = list(range(len(keys)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(keys))}
    scores = _Scores(keys, verdicts, s)
    held: dict[tuple[int, int], Verdict] = {}

    def find(i: int) -> int:
        while root[i] != i:
            root[i] = root[root[i]]
            i = root[i]
        return i

    edges = sorted((v for v in verdicts.values() if v.link),
                   key=lambda v: (-v.strength, *sorted((ids[v.a], ids[v.b]))))
    for edge in edges:
        ra, rb = find(edge.a), find(edge.b)
        if ra == rb:
            continue
        veto = _first_veto(members[ra], members[rb], scores, ids)
        if veto is not None:
            held[(edge.a, edge.b)] = veto
            continue
        if len(members[ra]) < len(members[rb]):
            ra, rb = rb, ra
        root[rb] = ra
        members[ra].extend(members.pop(rb))
    return Clusters([sorted(g) for g in members.values()], verdicts, held)


def _first_veto(group_a: list[int], group_b: list[int], scores: _Scores, ids: list[str]) -> Verdict | None:
    """The first vetoed pair across two groups, in mention-id order (None when they fit)."""
    for x in sorted(group_a, key=ids.__getitem__):
        for y in sorted(group_b, key=ids.__getitem__):
            v = scores.get(x, y)
            if v.veto:
                return v
    return None
