"""Matching keys: what two mentions are compared on, computed once per mention.

Keys are for matching only, never for output. A unit's name is expanded ("HTX" ->
"hợp tác xã", "THPT" -> "trung học phổ thông"), tone placement is folded by `clean`, case
and punctuation are dropped. A person is keyed by their name alone: "Gia đình ông Hà Văn
Hưng", "Ông Hà Văn Hưng" and "Hà Văn Hưng" are one key. A title loses its "Mô hình:" lead,
its quotes and its abbreviations. Blocking uses the same tokens without diacritics.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

from ..model import Mention
from ..normalize.text import clean, key, strip_accents
from .places import ChangeTable, MentionPlace, place_of

PERSON_KINDS = frozenset({"person", "household"})
_LEAD = re.compile(r"^\s*(?:mô hình|điển hình|tên mô hình)\s*[:\-–]?\s*", re.I)
_HOUSEHOLD = re.compile(r"^(?:hộ gia đình|gia đình|hộ)\s+", re.I)
_HONORIFIC = re.compile(r"^(?:ông|bà|anh|chị|cụ)\s+", re.I)
_DISTINCT = re.compile(r"^(?:\d+[a-z]?|[a-zđ])$")  # "7", "6b", "a": a number or a letter names a unit


@dataclass
class Abbreviations:
    """Abbreviation -> expansion, applied to whole words as written (case-sensitive)."""

    pattern: re.Pattern[str] | None
    table: dict[str, str]
    _folded: dict[str, str] = field(default_factory=dict, repr=False)  # names repeat: fold each once

    @classmethod
    def load(cls, path: Path) -> Abbreviations:
        with Path(path).open(encoding="utf-8", newline="") as fh:
            table = {r["abbreviation"].strip(): r["expansion"].strip() for r in csv.DictReader(fh)
                     if r.get("abbreviation") and r.get("expansion")}
        if not table:
            return cls(None, {})
        alternatives = "|".join(re.escape(a) for a in sorted(table, key=lambda a: (-len(a), a)))
        return cls(re.compile(rf"(?<![\w&])(?:{alternatives})(?![\w&])"), table)

    def expand(self, text: str) -> str:
        if self.pattern is None:
            return text
        return self.pattern.sub(lambda m: self.table[m.group(0)], text)

    def fold(self, text: str) -> str:
        """Expanded, tone-folded, case-folded, punctuation-free key."""
        folded = self._folded.get(text)
        if folded is None:
            if len(self._folded) > _CACHE_MAX:
                self._folded.clear()
            folded = self._folded[text] = key(self.expand(clean(text)))
        return folded


_CACHE_MAX = 50_000  # bounded: a long run must not grow with its distinct names


@lru_cache(maxsize=8)
def abbreviations(path: str) -> Abbreviations:
    return Abbreviations.load(Path(path))


@dataclass
class Keys:
    """One mention's matching features."""

    index: int
    mention_id: str
    year: int | None
    person: bool  # person or household: matched by name
    actor: str  # expanded, folded actor key (a person's name for persons)
    actor_tokens: tuple[str, ...]
    title: str  # expanded, folded title key ("" when the row has none)
    title_tokens: tuple[str, ...]
    actor_set: frozenset[str]
    title_set: frozenset[str]
    distinct: frozenset[str]  # numbers and single letters of the actor key ("7", "a")
    place: MentionPlace
    block: str  # the province the mention is compared within


def actor_text(m: Mention) -> str:
    """The actor as matched: a person's bare name, else the unit's name."""
    if m.actor_kind in PERSON_KINDS:
        return bare_name(m.person_name or m.actor_name or m.actor_raw)
    return m.actor_name or m.actor_raw


@lru_cache(maxsize=65536)
def bare_name(name: str) -> str:
    """"Gia đình ông Hà Văn Hưng", "Ông Hà Văn Hưng" -> "Hà Văn Hưng"."""
    return _HONORIFIC.sub("", _HOUSEHOLD.sub("", clean(name)))


def title_text(m: Mention) -> str:
    """The title without a leading "Mô hình:" (quotes and punctuation go with the key)."""
    return _LEAD.sub("", m.title or "")


def keys_of(m: Mention, index: int, abbr: Abbreviations, changes: ChangeTable) -> Keys:
    person = m.actor_kind in PERSON_KINDS
    actor = abbr.fold(actor_text(m))
    title = abbr.fold(title_text(m))
    actor_tokens, title_tokens = tuple(actor.split()), tuple(title.split())
    place = place_of(m, changes)
    return Keys(
        index=index, mention_id=m.mention_id, year=m.year, person=person, actor=actor,
        actor_tokens=actor_tokens, title=title, title_tokens=title_tokens, actor_set=frozenset(actor_tokens),
        title_set=frozenset(title_tokens), distinct=frozenset(t for t in actor_tokens if _DISTINCT.match(t)),
        place=place,
        block=place.province_block,
    )


def distinct_conflict(a: Keys, b: Keys) -> tuple[str, str] | None:
    """Numbers or letters that name different units ("khu 6" / "khu 5", "Tân Hòa A" / "B")."""
    only_a, only_b = a.distinct - b.distinct, b.distinct - a.distinct
    if only_a and only_b:
        return " ".join(sorted(only_a)), " ".join(sorted(only_b))
    return None


def word_conflict(a: Keys, b: Keys) -> tuple[str, str] | None:
    """Words of two unit names that each lacks, and that are not one word spelt two ways.

    "Công an xã Hà Sơn" / "Công an xã Hoàng Sơn", "Hội CCB xã Hiền Ninh" / "... Ninh Hiệp",
    "Trường THCS Kim Tân" / "Trường Tiểu học Kim Tân" differ in a word each: other units,
    however alike the rest reads. Not a conflict: one name containing the other (a qualifier
    dropped), words that differ only in diacritics or by a typo, or an acronym the table does
    not know ("DTNT" / "dân tộc nội trú").
    """
    set_a, set_b = a.actor_set - b.actor_set, b.actor_set - a.actor_set
    if set_a and set_b:
        only_a = [t for t in a.actor_tokens if t in set_a]
        only_b = [t for t in b.actor_tokens if t in set_b]
    elif len(a.actor_tokens) == len(a.actor_set) and len(b.actor_tokens) == len(b.actor_set):
        return None  # no word repeats: one name's words are all in the other
    else:
        only_a, only_b = _only(a.actor_tokens, b.actor_tokens), _only(b.actor_tokens, a.actor_tokens)
        if not only_a or not only_b:
            return None
    skel_a, skel_b = strip_accents(" ".join(only_a)), strip_accents(" ".join(only_b))
    if skel_a == skel_b or _acronym(skel_a, skel_b) or _acronym(skel_b, skel_a):
        return None
    if min(len(skel_a), len(skel_b)) >= 4 and fuzz.ratio(skel_a, skel_b) >= _TYPO:
        return None
    return " ".join(only_a), " ".join(only_b)


def _only(x: tuple[str, ...], y: tuple[str, ...]) -> list[str]:
    """Words of x that y lacks, counted ("trung học ... Khánh Trung" has two "trung"), in order."""
    left = Counter(x)
    left.subtract(Counter(y))
    out = []
    for t in reversed(x):
        if left[t] > 0:
            out.append(t)
            left[t] -= 1
    return out[::-1]


_TYPO = 80  # two spellings of one word (accents aside) read at least this alike


def _acronym(short: str, words: str) -> bool:
    """"dtnt" is the initials of "dan toc noi tru"."""
    parts = words.split()
    return " " not in short and len(parts) >= 2 and short == "".join(p[0] for p in parts)
