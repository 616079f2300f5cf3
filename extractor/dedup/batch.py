"""Score all candidate pairs at once, and decide in full only the pairs that can matter.

The actor and title scores of every candidate pair are computed in bulk with
`rapidfuzz.process.cpdist` (element-wise over two lists, in C, on `workers` threads), with the
same rules as `compare.actor_score` / `compare.title_score` (containment is checked in Python
only for the few pairs whose `token_set_ratio` is 100). Then, with numpy masks:
- a pair met only through a name key whose actor score is under `block.actor_cut` can neither
  link nor come close, and is dropped;
- a pair whose scores allow a link is decided in full (`compare.compare`: place, vetoes);
- a pair that can only come close is ranked by its scores, and decided in full only while
  both of its mentions are within the `dedup_links_per_mention` budget.
So the per-pair Python work is spent on a few pairs per mention, not on every candidate.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
from rapidfuzz import fuzz, process

from ..settings import Settings
from .block import actor_cut
from .compare import Verdict, compare, contains, near
from .keys import Keys


def _bulk(left: list[Keys], right: list[Keys], what: str, min_words: int, workers: int) -> np.ndarray:
    """token_sort_ratio of each pair of `what` ("actor" or "title"), 100 where the words of one
    (at least `min_words`) are all in the other, 0 where one is empty."""
    if not left:
        return np.zeros(0)
    sets = what + "_set"
    a, b = [getattr(k, what) for k in left], [getattr(k, what) for k in right]
    scores = process.cpdist(a, b, scorer=fuzz.token_sort_ratio, workers=workers).astype(np.float64)
    whole = process.cpdist(a, b, scorer=fuzz.token_set_ratio, workers=workers)  # 100 where one contains the other
    for i in np.nonzero((whole >= 100) & (scores < 100))[0].tolist():
        if contains(getattr(left[i], sets), getattr(right[i], sets), min_words):
            scores[i] = 100.0
    scores[np.fromiter((not x or not y for x, y in zip(a, b, strict=True)), bool, len(a))] = 0.0
    return scores


def actor_scores(keys: list[Keys], pairs: np.ndarray, person: np.ndarray, workers: int) -> np.ndarray:
    """Actor scores of same-kind pairs, rounded to 0.1, as `compare.actor_score` gives them."""
    actor = np.zeros(len(pairs))
    units = np.nonzero(~person)[0]
    if units.size:
        left, right = [keys[i] for i in pairs[units, 0].tolist()], [keys[j] for j in pairs[units, 1].tolist()]
        actor[units] = _bulk(left, right, "actor", 3, workers)
    people = np.nonzero(person)[0]
    if people.size:
        names_a = [keys[i].actor for i in pairs[people, 0].tolist()]
        names_b = [keys[j].actor for j in pairs[people, 1].tolist()]
        scores = process.cpdist(names_a, names_b, scorer=fuzz.ratio, workers=workers).astype(np.float64)
        scores[np.fromiter((not x or not y for x, y in zip(names_a, names_b, strict=True)), bool,
                           len(names_a))] = 0.0
        actor[people] = scores
    return np.round(actor, 1)


def title_scores(keys: list[Keys], pairs: np.ndarray, workers: int) -> np.ndarray:
    """Title scores rounded to 0.1, NaN where a title is missing (`compare.title_score`)."""
    left, right = [keys[i] for i in pairs[:, 0].tolist()], [keys[j] for j in pairs[:, 1].tolist()]
    title = _bulk(left, right, "title", 2, workers)
    title[np.fromiter((not x.title or not y.title for x, y in zip(left, right, strict=True)), bool,
                      len(left))] = np.nan
    return np.round(title, 1)


def score_candidates(keys: list[Keys], by_actor: set[tuple[int, int]], by_title: set[tuple[int, int]],
                     s: Settings) -> dict[tuple[int, int], Verdict]:
    """Verdicts worth keeping: every link, and the closest apart pairs (see the module docstring)."""
    listed = [p for p in by_actor if keys[p[0]].person == keys[p[1]].person]
    n_actor = len(listed)
    listed += [p for p in by_title if p not in by_actor and keys[p[0]].person == keys[p[1]].person]
    if not listed:
        return {}
    pairs = np.array(listed, dtype=np.int64)
    person = np.fromiter((keys[i].person for i in pairs[:, 0].tolist()), bool, len(pairs))
    actor = actor_scores(keys, pairs, person, s.workers)
    met_by_title = np.ones(len(listed), bool)
    met_by_title[:n_actor] = np.fromiter((p in by_title for p in listed[:n_actor]), bool, n_actor)
    passes = np.nonzero((actor >= np.where(person, actor_cut(s, True), actor_cut(s, False))) | met_by_title)[0]
    listed = [listed[i] for i in passes.tolist()]
    pairs, person, actor = pairs[passes], person[passes], actor[passes]
    title0 = np.nan_to_num(title_scores(keys, pairs, s.workers), nan=0.0)
    actor_min = np.where(person, s.dedup_person_min, s.dedup_actor_min)
    could = (title0 >= s.dedup_title_min) & ((actor >= actor_min) | (~person & (actor >= s.dedup_actor_weak)
                                                                      & (title0 >= s.dedup_title_strong)))
    close = ((actor >= actor_min) | (title0 >= s.dedup_title_strong)
             | ((actor >= actor_min - s.dedup_links_margin) & (title0 >= s.dedup_title_min - s.dedup_links_margin)))
    kept: dict[tuple[int, int], Verdict] = {}
    pool: list[tuple[float, str, str, tuple[int, int], float, Verdict | None]] = []
    for i in np.nonzero(could | close)[0].tolist():
        pair = listed[i]
        a, b = keys[pair[0]], keys[pair[1]]
        ids = (a.mention_id, b.mention_id) if a.mention_id <= b.mention_id else (b.mention_id, a.mention_id)
        if could[i]:
            v = compare(a, b, s, float(actor[i]))
            if v.link:
                kept[pair] = v
            elif near(v, s):
                pool.append((-v.strength, *ids, pair, float(actor[i]), v))
        elif actor[i] > 0:
            pool.append((-(float(actor[i]) + float(title0[i])), *ids, pair, float(actor[i]), None))
    budget: Counter[int] = Counter()
    for _, _, _, pair, score, verdict in sorted(pool, key=lambda item: item[:3]):
        if min(budget[pair[0]], budget[pair[1]]) >= s.dedup_links_per_mention:
            continue
        budget[pair[0]] += 1
        budget[pair[1]] += 1
        kept[pair] = verdict or compare(keys[pair[0]], keys[pair[1]], s, score)
    return kept
