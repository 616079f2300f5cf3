"""Score a pair of mentions and decide: the same exemplar (`link`) or not (`apart`).

Scores (rapidfuzz, 0-100) are taken on the keys of `keys.py`:
- actor: a person's name by `ratio` (names are short; "Hùng" / "Hưng" must stay apart); a
  unit's name scores 100 when the words of one (three or more) are all in the other (a
  qualifier dropped: "Đồn Biên phòng Y Tý" / "..., Bộ Chỉ huy BĐBP tỉnh"), else
  `token_sort_ratio` ("Trường THCS Kim Tân" / "Trường Tiểu học Kim Tân": 79);
- title: likewise, 100 when one title (two words or more) is contained in the other
  (shortened or extended between years), else `token_sort_ratio` (a re-worded title such as
  "Bữa ăn bán trú đủ chất ..." / "Nâng cao chất lượng bữa ăn bán trú ...": 82). `token_set_ratio`
  is not the score (only a fast test for containment): it rates "Trồng chuối tiêu hồng theo
  chuỗi giá trị" / "Trồng dứa theo chuỗi giá trị" at 92.

The rule, in order (the first that applies decides):
1. persons never match units; a place that differs at any stated level is a veto;
   numbers or letters that differ in two unit names ("khu 6" / "khu 5") are a veto, and so
   are words that each name lacks ("Công an xã Hà Sơn" / "Công an xã Hoàng Sơn"; see
   `keys.word_conflict`);
2. the actor must match: persons at `dedup_person_min`, units at `dedup_actor_min`, or
   units at `dedup_actor_weak` (a misspelt name) when the title reaches `dedup_title_strong`
   and the place is the same (or merged) at district or commune level;
3. the title must match at `dedup_title_min` (the same unit with another model is apart).
A `veto` marks pairs that clearly differ (a veto of 1., or an actor or title score under its
floor); the clustering never puts a vetoed pair in one exemplar.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from ..settings import Settings
from .keys import Keys, distinct_conflict, word_conflict
from .places import PlaceVerdict, compare_places


@dataclass(frozen=True, slots=True)
class Verdict:
    a: int
    b: int
    person: bool
    actor: float
    title: float | None
    place: PlaceVerdict
    link: bool
    veto: bool
    reason: str

    @property
    def strength(self) -> float:
        return self.actor + (self.title or 0.0)


def contains(x: frozenset[str], y: frozenset[str], min_words: int) -> bool:
    """Whether the words of the shorter (at least `min_words` of them) are all in the other."""
    small, big = (x, y) if len(x) <= len(y) else (y, x)
    return len(small) >= min_words and small <= big


def actor_score(a: Keys, b: Keys) -> float:
    if not a.actor or not b.actor:
        return 0.0
    if a.actor == b.actor:
        return 100.0
    if a.person:
        return fuzz.ratio(a.actor, b.actor)
    if contains(a.actor_set, b.actor_set, 3):
        return 100.0
    return fuzz.token_sort_ratio(a.actor, b.actor)


def title_score(a: Keys, b: Keys) -> float | None:
    if not a.title or not b.title:
        return None
    if a.title == b.title or contains(a.title_set, b.title_set, 2):
        return 100.0
    return fuzz.token_sort_ratio(a.title, b.title)


def compare(a: Keys, b: Keys, s: Settings, actor: float | None = None) -> Verdict:
    """Score and decide one pair (in either order; `actor` if already scored)."""
    if b.mention_id < a.mention_id:
        a, b = b, a  # reasons name the two sides in mention-id order, whatever the input order
    if a.person != b.person:
        place = PlaceVerdict("compatible", "", "")
        return Verdict(a.index, b.index, False, 0.0, title_score(a, b), place, False, True, "a person and a unit")
    title = title_score(a, b)
    actor = actor_score(a, b) if actor is None else actor
    sc = Scores(round(actor, 1), None if title is None else round(title, 1), compare_places(a.place, b.place))
    link, veto, reason = decide(a, b, sc, s)
    return Verdict(a.index, b.index, a.person, sc.actor, sc.title, sc.place, link, veto, reason)


@dataclass(frozen=True)
class Scores:
    actor: float
    title: float | None
    place: PlaceVerdict


def decide(a: Keys, b: Keys, sc: Scores, s: Settings) -> tuple[bool, bool, str]:
    """(link, veto, reason) for a scored pair."""
    actor, title, place = sc.actor, sc.title, sc.place
    if place.verdict == "different":
        return False, True, f"place differs: {place.detail}"
    conflict = None if a.person else (distinct_conflict(a, b) or word_conflict(a, b))
    if conflict:
        return False, True, f"another unit: {conflict[0]!r} vs {conflict[1]!r}"
    what = "person" if a.person else "unit"
    actor_min = s.dedup_person_min if a.person else s.dedup_actor_min
    actor_floor = s.dedup_person_min if a.person else s.dedup_actor_floor
    strong_title = (not a.person and actor < actor_min and title is not None and title >= s.dedup_title_strong
                    and actor >= s.dedup_actor_weak and place.verdict in ("same", "merged")
                    and place.level in ("district", "commune"))
    if actor < actor_min and not strong_title:
        return False, actor < actor_floor, f"another {what}: actor {actor:.0f} < {actor_min:.0f}"
    if title is None:
        if not a.title and not b.title and a.actor == b.actor and place.level in ("district", "commune"):
            return True, False, "neither names a model: the same actor at the same place"
        return False, False, "no title to compare"
    if title < s.dedup_title_min:
        return False, title < s.dedup_title_floor, f"another model: title {title:.0f} < {s.dedup_title_min:.0f}"
    return True, False, _why_linked(a, b, Scores(actor, title, place), strong_title)


def _why_linked(a: Keys, b: Keys, sc: Scores, strong_title: bool) -> str:
    actor, title, place = sc.actor, sc.title or 0.0, sc.place
    notes = []
    if strong_title:
        notes.append(f"title {title:.0f} with actor {actor:.0f} at the same place")
    elif a.actor == b.actor:
        notes.append("same actor key")
    elif not a.person and contains(a.actor_set, b.actor_set, 3):
        notes.append("one actor name contains the other")
    else:
        notes.append(f"actor {actor:.0f}")
    if a.title == b.title:
        notes.append("same title key")
    elif not strong_title:
        subset = contains(a.title_set, b.title_set, 2)
        notes.append("one title contains the other" if subset else f"title {title:.0f}")
    if place.verdict == "merged":
        notes.append(f"place merged: {place.detail}")
    elif place.verdict == "same":
        notes.append(f"same {place.level}")
    else:
        notes.append("same province")
    return "; ".join(notes)


def near(v: Verdict, s: Settings) -> bool:
    """An apart pair worth keeping in `links`: one score passed, or both came close."""
    return v.link or (v.actor > 0 and near_scores(v.actor, v.title, v.person, s))


def near_scores(actor: float, title: float | None, person: bool, s: Settings) -> bool:
    actor_min = s.dedup_person_min if person else s.dedup_actor_min
    t = title if title is not None else 0.0
    if actor >= actor_min or t >= s.dedup_title_strong:
        return True
    return actor >= actor_min - s.dedup_links_margin and t >= s.dedup_title_min - s.dedup_links_margin


def could_link(actor: float, title: float | None, person: bool, s: Settings) -> bool:
    """Whether the scores alone allow a link (the place and the vetoes decide the rest)."""
    if title is None or title < s.dedup_title_min:
        return False
    if person:
        return actor >= s.dedup_person_min
    return actor >= s.dedup_actor_min or (actor >= s.dedup_actor_weak and title >= s.dedup_title_strong)
