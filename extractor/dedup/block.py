"""Blocking: which pairs of mentions are worth scoring at all.

Mentions are compared only within their province (after the change table's successors), and
there only when they share a cheap key:
- a person's or household's name, without diacritics ("ha van hung");
- one of the two rarest words of a unit's name in the province that another mention shares
  ("kim", "boi" are rarer than "hop", "tac", "xa"), without diacritics;
- one of the two rarest shared words of the title (so that the same title carried by another
  unit, or a person whose name is misspelt, is scored too).
A name key shared by more than `dedup_block_max` mentions is not compared all against all:
its mentions are sorted by actor and title and each is compared with the next `dedup_window`
(a sorted neighbourhood). Title keys are always compared that way, sorted by title and actor,
with the smaller `dedup_title_window`: a title worded alike by hundreds of units must not cost
hundreds squared, and `links` keeps only a few such pairs per mention anyway. Groups of names from
`CDIST_MIN` mentions up are screened at once with `rapidfuzz.process.cdist` (an upper bound of
the actor score, in C, on `workers` threads). The work grows with n times the window, not n².
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations

import numpy as np
from rapidfuzz import fuzz, process

from ..normalize.text import strip_accents
from ..settings import Settings
from .keys import Keys

CDIST_MIN = 12  # below this a group's pairs are cheaper to screen one by one


@dataclass
class Candidates:
    by_actor: set[tuple[int, int]] = field(default_factory=set)  # share a name key (screened)
    by_title: set[tuple[int, int]] = field(default_factory=set)  # share a rare title word


def actor_cut(s: Settings, person: bool) -> float:
    """Below this actor score a pair can neither link nor come close (title aside)."""
    if person:
        return s.dedup_person_min - s.dedup_links_margin
    return min(s.dedup_actor_min, s.dedup_actor_weak) - s.dedup_links_margin


def _rarest(tokens: Iterable[str], df: Counter[str], n: int = 2) -> list[str]:
    """The n rarest words that some other mention shares (a word of one mention pairs nothing)."""
    shared = {t for t in tokens if df[t] > 1}
    return sorted(shared, key=lambda t: (df[t], -len(t), t))[:n]


@lru_cache(maxsize=65536)
def skeleton(token: str) -> str:
    return strip_accents(token)


def block_keys(block: list[Keys]) -> dict[str, list[Keys]]:
    """key -> the mentions of one province that carry it ("n:", "a:" name keys; "t:" title keys)."""
    skeletons = {k.index: (tuple(skeleton(t) for t in k.actor_tokens),
                           tuple(skeleton(t) for t in k.title_tokens)) for k in block}
    df_actor: Counter[str] = Counter()
    df_title: Counter[str] = Counter()
    for k in block:
        actor, title = skeletons[k.index]
        if not k.person:
            df_actor.update(set(actor))
        df_title.update(set(title))
    groups: dict[str, list[Keys]] = defaultdict(list)
    for k in block:
        actor, title = skeletons[k.index]
        if k.person:
            if actor:
                groups["n:" + " ".join(actor)].append(k)
        else:
            for tok in _rarest(actor, df_actor):
                groups["a:" + tok].append(k)
        for tok in _rarest(title, df_title):
            groups["t:" + tok].append(k)
    return groups


def _ordered(a: Keys, b: Keys) -> tuple[int, int]:
    return (a.index, b.index) if a.index < b.index else (b.index, a.index)


def _window(group: list[Keys], width: int, by_title: bool = False) -> Iterator[tuple[int, int]]:
    """Each mention with the next `width` in actor (or title) order: a sorted neighbourhood."""
    if by_title:
        ordered = sorted(group, key=lambda k: (k.title, k.actor, k.mention_id))
    else:
        ordered = sorted(group, key=lambda k: (k.actor, k.title, k.mention_id))
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 : i + 1 + width]:
            yield _ordered(a, b)


def _screened(group: list[Keys], s: Settings) -> Iterator[tuple[int, int]]:
    """Pairs of a name group whose actor score may reach the cut (token_set_ratio bounds it)."""
    person = group[0].person
    scorer = fuzz.ratio if person else fuzz.token_set_ratio
    names = [k.actor for k in group]
    matrix = process.cdist(names, names, scorer=scorer, score_cutoff=actor_cut(s, person), dtype=np.uint8,
                           workers=s.workers)
    rows, cols = np.nonzero(np.triu(matrix, 1))
    for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
        yield _ordered(group[i], group[j])


def candidate_pairs(keys: list[Keys], s: Settings) -> Candidates:
    """Index pairs (i < j) to score: same province, and a shared blocking key."""
    by_province: dict[str, list[Keys]] = defaultdict(list)
    for k in keys:
        by_province[k.block].append(k)
    out = Candidates()
    for block in by_province.values():
        if len(block) < 2:
            continue
        for name, group in block_keys(block).items():
            if len(group) < 2:
                continue
            if name.startswith("t:"):
                out.by_title.update(_window(group, s.dedup_title_window, by_title=True))
            elif len(group) > s.dedup_block_max:
                out.by_actor.update(_window(group, s.dedup_window))
            elif len(group) >= CDIST_MIN:
                out.by_actor.update(_screened(group, s))
            else:
                out.by_actor.update(_ordered(a, b) for a, b in combinations(group, 2))
    return out
