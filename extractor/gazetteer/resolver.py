"""Resolve named units to GSO codes as of a document's date.

Matching is by exact normalized name within the named parent, never by similarity. A code
is returned only when every record that could hold the name on that date agrees on it;
otherwise the unit keeps an empty code and a flag. An empty code is a miss; another
unit's code would be the worst error.
"""

from __future__ import annotations

import datetime as dt
import re
import time
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from extractor.gazetteer.model import SOURCES, Record, Resolved, Unit
from extractor.gazetteer.names import norm_type, unit_key
from extractor.gazetteer.package import PackageData, load
from extractor.gazetteer.records import DATA, build_records, read_csv
from extractor.gazetteer.successors import Successors
from extractor.normalize.text import TONES

NOT_FOUND = "unit_not_in_gazetteer"
AMBIGUOUS = "unit_ambiguous"  # several units carry the name here on that date
UNCERTAIN = "unit_date_uncertain"  # the unit changed around that date, on a day not known
REPAIRED = "ocr_name_repaired"  # an OCR'd name matched a unit of the named parent but for its tone marks
_TONES = dict.fromkeys(map(ord, TONES))


def toneless(key: str) -> str:
    """A unit key without tone marks (vowel letters kept): what OCR misreads most."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", key).translate(_TONES))


def squashed(key: str) -> str:
    """A unit key without spaces or hyphens: "Đakrông" and "Đa Krông" are one name written two ways."""
    return key.replace(" ", "").replace("-", "")


ALIASES_CSV = DATA / "units_aliases.csv"
_PROVINCE_LEAD = re.compile(r"(?:^|\s)(?:tỉnh|thành phố|tp|thành)(?:\s+ủy)?\s+(.+)$")


class Gazetteer:
    """Dated index of Vietnamese administrative units; see the module docstring."""

    def __init__(self, pkg: PackageData, extra: Path | None = None) -> None:
        started = time.perf_counter()
        self.records = build_records(pkg, extra)
        self._pkg = pkg
        self._successors = Successors(pkg)
        self._by_parent: dict[tuple[str, str, str], list[Record]] = defaultdict(list)
        self._by_province: dict[tuple[str, str, str], list[Record]] = defaultdict(list)
        self._by_name: dict[tuple[str, str], list[Record]] = defaultdict(list)
        for rec in self.records:
            if not rec.ever():
                continue
            k = unit_key(rec.name)
            self._by_parent[(rec.level, rec.parent, k)].append(rec)
            self._by_province[(rec.level, rec.province, k)].append(rec)
            self._by_name[(rec.level, k)].append(rec)
        self._aliases = {(r["level"], unit_key(r["alias"])): unit_key(r["name"]) for r in read_csv(ALIASES_CSV)}
        self._provinces = {k: recs for (level, k), recs in self._by_name.items() if level == "province"}
        self._toneless_index: dict[tuple[str, str, str], list[Record]] | None = None
        self._squashed_index: dict[tuple[str, str, str], list[Record]] | None = None
        self.load_seconds = time.perf_counter() - started

    @classmethod
    def load(cls, extra: str | Path | None = None) -> Gazetteer:
        """The gazetteer, built once per process (and per extra change table)."""
        return _cached(str(extra) if extra else "")

    # -- lookups -------------------------------------------------------------------------

    def _key(self, level: str, name: str) -> str:
        k = unit_key(name)
        return self._aliases.get((level, k), k)

    def _candidates(self, level: str, name: str, parent: str | None, province: str | None,
                    res: Resolved | None = None) -> list[Record]:
        """Units of that name under `parent` (or in `province`, or anywhere). With `res` (an
        OCR'd row), a name found nowhere is looked up again without tone marks, under a named
        parent only."""
        k = self._key(level, name)
        if parent is not None:
            found = self._by_parent.get((level, parent, k), [])
        elif province is not None:
            found = self._by_province.get((level, province, k), [])
        else:
            return self._by_name.get((level, k), [])
        if found:
            return found
        scope = parent if parent is not None else f"p{province}"
        # "huyện Đakrông" is Đa Krông: within a named parent, a name may be written run together
        found = self._squashed().get((level, scope, squashed(k)), [])
        if found or res is None:
            return found
        found = self._toneless().get((level, scope, toneless(k)), [])
        if found:
            res.flag(REPAIRED)
        return found

    def _squashed(self) -> dict[tuple[str, str, str], list[Record]]:
        if self._squashed_index is None:
            self._squashed_index = self._index(squashed)
        return self._squashed_index

    def _index(self, fold: Callable[[str], str]) -> dict[tuple[str, str, str], list[Record]]:
        """Units by parent (or by province, "p" + its code) and `fold` of their key."""
        index: dict[tuple[str, str, str], list[Record]] = defaultdict(list)
        for (level, parent, k), recs in self._by_parent.items():
            index[(level, parent, fold(k))].extend(recs)
        for (level, province, k), recs in self._by_province.items():
            index[(level, f"p{province}", fold(k))].extend(recs)
        return index

    def _toneless(self) -> dict[tuple[str, str, str], list[Record]]:
        if self._toneless_index is None:
            self._toneless_index = self._index(toneless)
        return self._toneless_index

    def _pick(
        self, cands: list[Record], typ: str, on: dt.date | None, res: Resolved, unique_ever: bool = False
    ) -> Record | None:
        """The one record the name can denote on that date, else None with a flag.
        unique_ever: no parent was named, so the name must denote one code on every date."""
        if not cands:
            res.flag(NOT_FOUND)
            return None
        if unique_ever and len({c.code for c in _by_type(cands, typ)}) > 1:
            res.flag(NOT_FOUND, AMBIGUOUS)
            return None
        live = cands if on is None else [c for c in cands if c.maybe.holds(on)]
        live = _by_type(live, typ, among=cands)
        sure = live if on is None else [c for c in live if c.sure.holds(on)]
        codes = {c.code for c in live}
        if sure and len(codes) == 1:
            return min(sure, key=lambda c: SOURCES.index(c.source))
        if len(codes) > 1:
            res.flag(NOT_FOUND, AMBIGUOUS)
        elif live:
            res.flag(NOT_FOUND, UNCERTAIN)
        else:
            res.flag(NOT_FOUND)
        return None

    # -- public API ----------------------------------------------------------------------

    def resolve(
        self, province: Unit | str | None, district: Unit | None, commune: Unit | None, on: dt.date | None,
        *, ocr: bool = False,
    ) -> Resolved:
        """Codes of the units named, as of `on`. `ocr`: the names were read by OCR, so a district
        or commune not found is looked up again without tone marks inside its named parent."""
        res = Resolved()
        tolerant = res if ocr else None
        prov = self._resolve_province(province, on, res)
        dist = None
        if district is not None:
            if province is not None and prov is None:
                res.flag(NOT_FOUND)  # its named province could not be placed: nor can it
            else:
                parent = prov.code if prov else None
                cands = self._candidates("district", district.name, parent, None, tolerant if parent else None)
                dist = self._pick(cands, norm_type(district.type), on, res, unique_ever=prov is None)
            res.district = dist.name if dist else self._spelled("district", district.name, prov.code if prov else None)
            res.district_code = dist.code if dist else ""
        if commune is not None:
            com = self._resolve_commune(
                commune, prov=prov, province=province, district=district, dist=dist, on=on, res=res, ocr=ocr
            )
            res.commune = (
                com.name
                if com
                else self._spelled("commune", commune.name, dist.code if dist else (prov.code if prov else None))
            )
            res.commune_code = com.code if com else ""
            if com is not None:
                res.commune_code_2025 = self._successors.commune_2025(com)
        if prov is not None:
            res.province_code_2025 = self._successors.province_2025(prov)
        return res

    def _resolve_province(self, province: Unit | str | None, on: dt.date | None, res: Resolved) -> Record | None:
        if province is None:
            return None
        if isinstance(province, Unit):
            name, typ = province.name, norm_type(province.type)
        else:
            name, typ = province, ""
        if name.isdigit():
            cands = [r for r in self.records if r.level == "province" and r.code == name]
        else:
            cands = self._candidates("province", name, "", None)
        rec = self._pick(cands, typ, on, res)
        res.province = rec.name if rec else self._spelled("province", name, None)
        res.province_code = rec.code if rec else ""
        return rec

    def _resolve_commune(
        self,
        commune: Unit,
        *,
        prov: Record | None,
        province: Unit | str | None,
        district: Unit | None,
        dist: Record | None,
        on: dt.date | None,
        res: Resolved,
        ocr: bool = False,
    ) -> Record | None:
        typ = norm_type(commune.type)
        tolerant = res if ocr else None
        if district is not None:
            if dist is None:  # its named district could not be placed: nor can it
                res.flag(NOT_FOUND)
                return None
            return self._pick(self._candidates("commune", commune.name, dist.code, None, tolerant), typ, on, res)
        if prov is not None:  # no district named: the name must be unique in the province
            return self._pick(self._candidates("commune", commune.name, None, prov.code, tolerant), typ, on, res)
        if province is not None:
            res.flag(NOT_FOUND)
            return None
        return self._pick(self._candidates("commune", commune.name, None, None), typ, on, res, unique_ever=True)

    def find_province(self, text: str, on: dt.date | None = None) -> tuple[str, str] | None:
        """('Hòa Bình', '17') from an issuer line such as 'UBND tỉnh Hòa Bình', as of `on`."""
        k = unit_key(text)
        best: tuple[int, str, str] | None = None
        for m in _PROVINCE_LEAD.finditer(k):
            tail = m.group(1)
            for name_key, all_recs in self._provinces.items():
                if not (tail == name_key or tail.startswith(name_key + " ")):
                    continue
                recs = [r for r in all_recs if on is None or r.maybe.holds(on)]
                codes = {r.code for r in recs}
                if len(codes) == 1 and (best is None or len(name_key) > best[0]):
                    rec = min(recs, key=lambda r: SOURCES.index(r.source))
                    best = (len(name_key), rec.name, rec.code)
            alias = next(
                (a for (lv, a) in self._aliases if lv == "province" and (tail == a or tail.startswith(a + " "))), None
            )
            if best is None and alias is not None:
                recs = self._by_name.get(("province", self._aliases[("province", alias)]), [])
                recs = [r for r in recs if on is None or r.maybe.holds(on)]
                if len({r.code for r in recs}) == 1:
                    rec = min(recs, key=lambda r: SOURCES.index(r.source))
                    best = (len(alias), rec.name, rec.code)
        return (best[1], best[2]) if best else None

    def province_of_district(self, typ: str, name: str, on: dt.date | None = None) -> tuple[str, str] | None:
        """The province of a district named alone ('huyện Lấp Vò' -> ('Đồng Tháp', '87')), if unique."""
        rec = self._pick(
            self._candidates("district", name, None, None), norm_type(typ), on, Resolved(), unique_ever=True
        )
        if rec is None:
            return None
        prov = self._pick(
            [r for r in self.records if r.level == "province" and r.code == rec.parent], "", on, Resolved()
        )
        return (prov.name, prov.code) if prov else None

    def spell(self, level: str, name: str, parent_code: str | None = None) -> str | None:
        """The official spelling of a unit name ('Pà cò' -> 'Pà Cò'), if known."""
        if parent_code is None or level == "province":
            cands = self._candidates(level, name, None, None)
        elif len(parent_code) == 2 and level == "commune":
            cands = self._candidates(level, name, None, parent_code)
        else:
            cands = self._candidates(level, name, parent_code, None)
        if not cands:
            return None
        return min(cands, key=lambda c: SOURCES.index(c.source)).name

    def is_unit_name(self, level: str, name: str, province_code: str | None = None) -> bool:
        """Does a unit of this level carry this name on any date (in the province)?"""
        return bool(self._candidates(level, name, None, province_code))

    def coordinates(self, code: str) -> tuple[float, float] | None:
        """Latitude and longitude of a pre-2025 unit, from the package."""
        point = self._pkg.coords.get(code)
        if point is None or point[0] is None or point[1] is None:
            return None
        return (float(point[0]), float(point[1]))

    def _spelled(self, level: str, name: str, parent: str | None) -> str:
        return self.spell(level, name, parent) or name


def _by_type(cands: list[Record], typ: str, among: list[Record] | None = None) -> list[Record]:
    """Where the written type tells same-named units apart, keep those of that type.
    among: all the records of the name on any date. If one of them has the written type, the
    type names that unit, even on a date it did not hold the name ('thành phố Thủ Đức' a
    month before the city was set up is not quận Thủ Đức)."""
    if not typ:
        return cands
    typed = [c for c in cands if typ in c.types]
    if typed or any(typ in c.types for c in (among or [])):
        return typed
    return cands


@lru_cache(maxsize=4)
def _cached(extra: str) -> Gazetteer:
    return Gazetteer(load(), Path(extra) if extra else None)
