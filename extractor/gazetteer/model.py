"""The gazetteer's value types: a unit as written, a resolution, and a dated unit record."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# Where a record comes from; on equal footing the first is preferred for spelling.
SOURCES = ("change", "legacy", "history", "reform")


@dataclass(frozen=True)
class Unit:
    """A unit as the document writes it."""

    level: str  # 'province' | 'district' | 'commune'
    type: str  # lower-case type word as written: 'huyện', 'thành phố', 'xã', ...
    name: str  # name as written (cleaned): 'Pà cò', '4', 'Kỳ Sơn'


@dataclass
class Resolved:
    province: str = ""
    province_code: str = ""
    district: str = ""
    district_code: str = ""
    commune: str = ""
    commune_code: str = ""
    province_code_2025: str = ""
    commune_code_2025: str = ""
    flags: list[str] = field(default_factory=list)

    def flag(self, *names: str) -> None:
        for name in names:
            if name not in self.flags:
                self.flags.append(name)


@dataclass(frozen=True)
class Span:
    """A half-open date interval [start, end); None is unbounded."""

    start: dt.date | None = None
    end: dt.date | None = None

    def holds(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    def empty(self) -> bool:
        return self.start is not None and self.end is not None and self.end <= self.start


@dataclass(frozen=True)
class Record:
    """One unit under one name and parent, with the dates it surely and possibly held them.

    `sure` is where the sources agree the unit existed so; `maybe` (which contains `sure`)
    adds the gaps between a list that has it and one that lacks it, where the date of the
    change is unknown.
    """

    level: str
    code: str
    name: str
    types: frozenset[str]
    parent: str
    province: str
    sure: Span
    maybe: Span
    source: str
    successors: tuple[str, ...] = ()

    def ever(self) -> bool:
        return not self.maybe.empty()
