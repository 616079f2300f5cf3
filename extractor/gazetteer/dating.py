"""Exact dates for the changes the dated lists only bracket, from the resolutions' effective dates.

A unit seen in one list and missing from the next changed on a day between them. When the
unit's province had exactly one effective date of a resolution that could have made that
change (right level; whole province, or the unit's district named in it), that date is the day
of the change. Otherwise the change keeps its unknown date: a missing code is acceptable, a
wrong one is not.

Evidence that the lists are not exact snapshots widens the window, so that a second
candidate date leaves the date unknown rather than wrong:
- a list may lag behind resolutions already in force on its date. The 2020-02-25 list still
  shows units merged on 2020-02-01, and under the namesake's old code units merged since
  2019-12-01 (provisional codes, as the Hòa Bình rows of unit_changes.csv show); the
  2021-02-03 list still shows phường Cầu Đất (Hải Phòng) under the code GSO ended on
  2020-02-01. So resolutions up to LAG before the earlier list count as candidates. A date
  before the earlier list is taken only for the list whose lag is established (EARLY).
- a list might show changes not yet in force: resolutions up to AHEAD after the later list
  count as candidates too, but a date after that list is never taken.

A unit whose name and district pass to another code in the same window (the merged unit kept
one predecessor's name and took another's code) is dated only if that code belonged to
another unit that ended in the same window, or, for an EARLY list, if the date precedes it
(its provisional codes). A code correction, or a provisional code that an earlier list
already carried, has neither sign and stays undated.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from extractor.gazetteer.names import to_date, unit_key

RESOLUTIONS_CSV = Path(__file__).resolve().parent.parent / "data" / "unit_resolutions.csv"

# Resolutions this long before a list still make the date of a change after it unknown.
LAG = dt.timedelta(days=366)
# Lists known to lag: a change they bracket may be dated before them.
EARLY = frozenset({"2020-02-25"})
# Resolutions this far after the later list still make the date unknown.
AHEAD = dt.timedelta(days=90)

Window = tuple[str, str]  # the list that has the unit, the next list that lacks it (or reverse)
Ident = tuple[str, str, str, str]  # level, code, name key, parent code


@dataclass(frozen=True)
class Resolution:
    province: str
    number: str
    effective: dt.date
    levels: frozenset[str]
    districts: frozenset[str]  # empty: any unit of the province

    def concerns(self, level: str, district: str) -> bool:
        return level in self.levels and (not self.districts or district in self.districts)


def read_resolutions(path: Path = RESOLUTIONS_CSV) -> list[Resolution]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    out = []
    for row in rows:
        effective = to_date((row.get("effective") or "").strip())
        if effective is None:
            continue
        out.append(
            Resolution(
                province=row["province_code"].strip(),
                number=row["resolution"].strip(),
                effective=effective,
                levels=frozenset(x.strip() for x in row["levels"].split(";") if x.strip()),
                districts=frozenset(x.strip() for x in (row.get("districts") or "").split(";") if x.strip()),
            )
        )
    return out


@dataclass(frozen=True)
class Dated:
    """What the resolutions tell of a listed unit's dates: its exact first and last+1 days,
    or, where a lagging list brackets the change, the earliest day it may have begun and the
    day until which it surely existed."""

    start: dt.date | None = None
    end: dt.date | None = None
    earliest: dt.date | None = None
    sure_until: dt.date | None = None


class Dating:
    def __init__(self, resolutions: Iterable[Resolution], district_province: Mapping[str, str]) -> None:
        self._by_province: dict[str, list[Resolution]] = defaultdict(list)
        for res in resolutions:
            self._by_province[res.province].append(res)
        self._district_province = district_province

    def province_of(self, level: str, code: str, parent: str) -> str:
        if level == "province":
            return code
        if level == "district":
            return parent
        return self._district_province.get(parent, "")

    def candidates(self, level: str, code: str, parent: str, window: Window, *, widen: bool = True) -> set[dt.date]:
        """Effective dates of the resolutions that could have made this unit's change in the
        window (widened by LAG and AHEAD unless told not to)."""
        lo, hi = dt.date.fromisoformat(window[0]), dt.date.fromisoformat(window[1])
        if widen:
            lo, hi = lo - LAG, hi + AHEAD
        district = code if level == "district" else parent
        province = self.province_of(level, code, parent)
        return {
            r.effective
            for r in self._by_province.get(province, [])
            if lo < r.effective <= hi and r.concerns(level, district)
        }

    def change_date(self, level: str, code: str, parent: str, window: Window) -> dt.date | None:
        """The one date the change can have had, if the resolutions leave only one."""
        dates = self.candidates(level, code, parent, window)
        if len(dates) != 1:
            return None
        day = next(iter(dates))
        earlier, later = window
        if day > dt.date.fromisoformat(later):
            return None
        if day <= dt.date.fromisoformat(earlier) and earlier not in EARLY:
            return None
        return day

    def dates(self, rows: Iterable[Mapping[str, str]]) -> dict[Ident, Dated]:
        """Exact dates for the rows of units_history.csv whose changes the resolutions date."""
        rows = list(rows)
        ends: dict[Ident, tuple[Window, dt.date]] = {}
        starts: dict[Ident, tuple[Window, dt.date]] = {}
        for row in rows:
            ident = _ident(row)
            if row["absent_after"]:
                window = (row["seen_last"], row["absent_after"])
                day = self.change_date(row["level"], row["code"], row["parent_code"], window)
                if day is not None:
                    ends[ident] = (window, day)
            if row["absent_before"]:
                window = (row["absent_before"], row["seen_first"])
                day = self.change_date(row["level"], row["code"], row["parent_code"], window)
                if day is not None:
                    starts[ident] = (window, day)
        for ident in _unexplained_code_swaps(rows, ends, starts):
            ends.pop(ident, None)
            starts.pop(ident, None)
        out: dict[Ident, Dated] = {}
        for row in rows:
            ident = _ident(row)
            start = starts[ident][1] if ident in starts else None
            end = ends[ident][1] if ident in ends else None
            earliest = self._lagged(row, (row["absent_before"], row["seen_first"])) if start is None else None
            sure_until = self._lagged(row, (row["seen_last"], row["absent_after"])) if end is None else None
            if start or end or earliest or sure_until:
                out[ident] = Dated(start, end, earliest, sure_until)
        return out

    def _lagged(self, row: Mapping[str, str], window: Window) -> dt.date | None:
        """The first candidate date not after a lagging list: a change bracketed by it may
        have happened then already."""
        if not window[1] or window[0] not in EARLY:
            return None
        earlier = dt.date.fromisoformat(window[0])
        dates = [d for d in self.candidates(row["level"], row["code"], row["parent_code"], window) if d <= earlier]
        return min(dates) if dates else None


def _ident(row: Mapping[str, str]) -> Ident:
    return (row["level"], row["code"], unit_key(row["name"]), row["parent_code"])


def _unexplained_code_swaps(
    rows: list[Mapping[str, str]],
    ends: Mapping[Ident, tuple[Window, dt.date]],
    starts: Mapping[Ident, tuple[Window, dt.date]],
) -> set[Ident]:
    """Rows where a name and district pass from one code to another in a window with no
    sign that a merger did it (see the module docstring): they keep their unknown dates."""
    ending: dict[tuple[Window, str, str, str], list[Mapping[str, str]]] = defaultdict(list)
    beginning: dict[tuple[Window, str, str, str], list[Mapping[str, str]]] = defaultdict(list)
    ended_codes: dict[tuple[Window, str], set[Ident]] = defaultdict(set)
    for row in rows:
        level, name, parent = row["level"], unit_key(row["name"]), row["parent_code"]
        if row["absent_after"]:
            gone: Window = (row["seen_last"], row["absent_after"])
            ending[(gone, level, name, parent)].append(row)
            ended_codes[(gone, level + ":" + row["code"])].add(_ident(row))
        if row["absent_before"]:
            beginning[((row["absent_before"], row["seen_first"]), level, name, parent)].append(row)
    drop: set[Ident] = set()
    for place, olds in ending.items():
        window = place[0]
        news = beginning.get(place, [])
        for old in olds:
            for new in news:
                if old["code"] == new["code"]:
                    continue
                old_id, new_id = _ident(old), _ident(new)
                dated = [x for x in (ends.get(old_id), starts.get(new_id)) if x is not None]
                if not dated:
                    continue
                if all(win[0] in EARLY and day <= dt.date.fromisoformat(win[0]) for win, day in dated):
                    continue  # the earlier list lagged: its code was the namesake's old one
                others = ended_codes.get((window, new["level"] + ":" + new["code"]), set()) - {new_id}
                if others:
                    continue  # the new code was another unit's, which ended then: a merger
                drop |= {old_id, new_id}
    return drop
