"""Where a mention is, made comparable across years with the dated change table.

A locality is compared by GSO code where both mentions have one and by normalized name
otherwise. `data/unit_changes.csv` (columns: level, code, name, type, parent_code,
valid_from, valid_to, resolution, successor_codes, note) says which units ended and what
succeeded them: huyện Kỳ Sơn (151) ended on 2020-02-01 with successor 148, thành phố Hòa
Bình. A unit that ended is compared through its successor, so a 2019 mention in huyện Kỳ
Sơn and a 2021 mention in thành phố Hòa Bình are `merged`, not `different`. Two units
that existed side by side stay different even when one later absorbed the other (xã Trung
Sơn 04975 and xã Thành Lập 04969 in 2019, both part of xã Liên Sơn 04969 from 2020).
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..model import Mention
from ..normalize.text import key, strip_accents

LEVELS = ("commune", "district", "province")
_TYPE_WORDS = ("thành phố", "thị xã", "thị trấn", "huyện", "quận", "phường", "tỉnh", "xã", "tp")
_MAX_HOPS = 5


@dataclass(frozen=True)
class Ended:
    """A unit that ended on `until`, with the codes that took it over."""

    level: str
    code: str
    name_key: str
    parent: str
    until: dt.date
    successors: tuple[str, ...]
    resolution: str


@dataclass
class ChangeTable:
    ended_by_code: dict[tuple[str, str], list[Ended]] = field(default_factory=dict)
    ended_by_name: dict[tuple[str, str], list[Ended]] = field(default_factory=dict)
    started: set[tuple[str, str, str]] = field(default_factory=set)  # (level, code, name key)
    places: dict[tuple[object, ...], MentionPlace] = field(default_factory=dict, repr=False)  # place_of's cache

    @classmethod
    def load(cls, *paths: Path | None) -> ChangeTable:
        table = cls()
        for path in paths:
            if path is None or not Path(path).exists():
                continue
            with Path(path).open(encoding="utf-8", newline="") as fh:
                for row in csv.DictReader(fh):
                    table.add({k: (v or "").strip() for k, v in row.items() if k})
        return table

    def add(self, row: dict[str, str]) -> None:
        level, code, name = row.get("level", ""), row.get("code", ""), unit_key(row.get("name", ""))
        if row.get("valid_from"):
            self.started.add((level, code, name))
        successors = tuple(c.strip() for c in row.get("successor_codes", "").split(";") if c.strip())
        until = _date(row.get("valid_to", ""))
        if until is None or not successors:
            return
        ended = Ended(level, code, name, row.get("parent_code", ""), until, successors, row.get("resolution", ""))
        self.ended_by_code.setdefault((level, code), []).append(ended)
        self.ended_by_name.setdefault((level, name), []).append(ended)

    def ended(self, level: str, code: str, name_key: str, parent: str, year: int | None) -> Ended | None:
        """The ended unit this mention names, if it names one (by code, else by name)."""
        if code:
            rows = self.ended_by_code.get((level, code), [])
            if not rows:
                return None
            named = [r for r in rows if name_key and r.name_key == name_key]
            if named:
                return named[0]
            if name_key and (level, code, name_key) in self.started:
                return None  # the code's later holder (codes are reused after mergers)
            dated = [r for r in rows if year is not None and year < r.until.year]
            return dated[0] if dated else None
        rows = [r for r in self.ended_by_name.get((level, name_key), []) if not parent or r.parent == parent]
        return rows[0] if len(rows) == 1 else None

    def successor(self, ended: Ended) -> str:
        """Follow successors to the last one (first successor where a unit was split)."""
        code, until = ended.successors[0], ended.until
        for _ in range(_MAX_HOPS):
            later = [r for r in self.ended_by_code.get((ended.level, code), []) if r.until > until]
            if not later:
                break
            code, until = later[0].successors[0], later[0].until
        return code


@lru_cache(maxsize=8)
def change_table(builtin: str, extra: str) -> ChangeTable:
    return ChangeTable.load(Path(builtin), Path(extra) if extra else None)


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


@lru_cache(maxsize=65536)
def unit_key(name: str) -> str:
    """A locality name as compared: folded, without a leading type word ("TP. Hòa Bình")."""
    k = key(name)
    for word in _TYPE_WORDS:
        if k.startswith(word + " ") and len(k) > len(word) + 1:
            k = k[len(word) + 1 :]
            break
    return str(int(k)) if k.isdigit() else k  # "phường 04" is "4"


@dataclass(frozen=True)
class Unit:
    """One level of a mention's place, ready to compare."""

    raw: str  # the code as written in the mention (may be "")
    canon: str  # raw code, or the successor of the ended unit it names
    name: str  # folded name ("" when not stated)
    ended: Ended | None  # the ended unit the mention names, if any
    label: str = ""  # as written, for reasons: "xã Hợp Thịnh"

    def stated(self) -> bool:
        return bool(self.raw or self.name)


@dataclass(frozen=True)
class MentionPlace:
    year: int | None
    units: dict[str, Unit]
    province_block: str

    def unit(self, level: str) -> Unit:
        return self.units.get(level, _NONE)


_NONE = Unit("", "", "", None)


def place_of(m: Mention, changes: ChangeTable) -> MentionPlace:
    fields = (m.year, m.province_code, m.province, m.district_code, m.district, m.district_type, m.commune_code,
              m.commune, m.commune_type)
    cache = changes.places
    place = cache.get(fields)
    if place is None:
        if len(cache) > _PLACES_MAX:
            cache.clear()
        place = cache[fields] = _place_of(m, changes)
    return place


_PLACES_MAX = 20_000  # places are cheap to make again: the cache must not grow with the run (~1.3 KB each)


def _place_of(m: Mention, changes: ChangeTable) -> MentionPlace:
    written = {
        "province": (m.province_code, m.province, "", "tỉnh"),
        "district": (m.district_code, m.district, m.province_code, m.district_type),
        "commune": (m.commune_code, m.commune, m.district_code, m.commune_type),
    }
    units: dict[str, Unit] = {}
    for level, (written_code, name, parent, typ) in written.items():
        code, name_key = (written_code or "").strip(), unit_key(name or "")
        if not code and not name_key:
            continue
        ended = changes.ended(level, code, name_key, parent, m.year)
        canon = changes.successor(ended) if ended else code
        label = " ".join(x for x in (typ, name or code) if x)
        units[level] = Unit(code, canon, name_key, ended, label)
    province = units.get("province", _NONE)
    block = f"c:{province.canon}" if province.canon else f"n:{province.name}"
    return MentionPlace(m.year, units, block)


@dataclass(frozen=True)
class PlaceVerdict:
    verdict: str  # same | merged | compatible | different
    level: str  # the finest level both state ("" when none below the province)
    detail: str

    def __str__(self) -> str:
        return self.verdict


def _coexisted(ended: Ended, other_year: int | None) -> bool:
    """Whether a mention of `other_year` names its unit as it was before `ended` ended."""
    return other_year is not None and other_year < ended.until.year


def compare_unit(a: Unit, b: Unit, year_a: int | None, year_b: int | None) -> tuple[str, str]:
    """same | merged | different | unknown, with a short reason."""
    if not (a.stated() and b.stated()):
        return "unknown", ""
    label = f"{a.label or a.name or a.raw} / {b.label or b.name or b.raw}"
    if a.canon and b.canon:
        if a.canon != b.canon:
            return "different", label
        if a.ended and b.ended:  # both name units as they were before a change
            return ("same", "") if a.raw == b.raw else ("different", label + " (side by side before the merger)")
        if a.ended or b.ended:
            ended, other_year = (a.ended, year_b) if a.ended else (b.ended, year_a)
            assert ended is not None
            if a.raw != b.raw and _coexisted(ended, other_year):
                return "different", label + " (side by side before the merger)"
            if a.raw == b.raw and a.name == b.name:
                return "same", ""
            old, new = (a, b) if a.ended else (b, a)
            how = (f"{old.label or ended.code} ({ended.code}) ended {ended.until.isoformat()} "
                   f"({ended.resolution}), now in {new.label or new.raw} ({old.canon})")
            return "merged", how
        return "same", ""
    if a.name and b.name:
        if a.name == b.name:
            return "same", ""
        if not (a.raw and b.raw) and strip_accents(a.name) == strip_accents(b.name):
            return "same", f"{label} (alike but for tone marks: a misread name has no code)"
        if (a.ended and not b.raw) or (b.ended and not a.raw):
            return "unknown", ""  # an ended unit against a name without a code: its successor, perhaps
        return "different", label
    return "unknown", ""


def compare_places(a: MentionPlace, b: MentionPlace) -> PlaceVerdict:
    """The places of two mentions: any stated level that differs makes them different."""
    merged: list[str] = []
    finest = ""
    for level in LEVELS:
        ua, ub = a.units.get(level), b.units.get(level)
        if ua is None or ub is None:
            continue
        verdict, detail = compare_unit(ua, ub, a.year, b.year)
        if verdict == "different":
            return PlaceVerdict("different", level, detail)
        if verdict == "merged":
            merged.append(detail)
        if verdict in ("same", "merged") and not finest and level != "province":
            finest = level
    if merged:
        return PlaceVerdict("merged", finest, "; ".join(merged))
    return PlaceVerdict("same" if finest else "compatible", finest, "")
