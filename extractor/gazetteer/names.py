"""Type words, name keys and the fixed dates of the unit lists."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from extractor.normalize.text import clean, key

# The legacy (63-province) list of the package is taken as in force on this date; the
# district level and the old communes ended with the reform of 2025-07-01.
LEGACY_DATE = "2025-06-30"
REFORM_DATE = dt.date(2025, 7, 1)

LEVELS = ("province", "district", "commune")
TYPES = {
    "province": ("tỉnh", "thành phố"),
    "district": ("quận", "huyện", "thị xã", "thành phố"),
    "commune": ("xã", "phường", "thị trấn", "đặc khu"),
}
_ALL_TYPES = sorted({t for ts in TYPES.values() for t in ts}, key=len, reverse=True)
_NUMBERED = re.compile(r"^(?:phường|xã|thị trấn|quận)?\s*0*(\d+)$")


@cache
def split_type(full: str) -> tuple[str, str]:
    """'Thành phố Hà Nội' -> ('thành phố', 'Hà Nội'); a name without a type word -> ('', name)."""
    text = clean(full)
    low = text.casefold()
    for typ in _ALL_TYPES:
        if low.startswith(typ + " "):
            return typ, text[len(typ) + 1 :].strip()
    return "", text


@cache
def unit_key(name: str) -> str:
    """Exact matching key: case, tone placement and spaces folded; 'Phường 04' == '4'."""
    k = key(name)
    m = _NUMBERED.match(k)
    return str(int(m.group(1))) if m else k


def norm_type(typ: str) -> str:
    """Lower-case type word; 'tp' and 'tp.' are 'thành phố'."""
    t = key(typ)
    return "thành phố" if t in ("tp", "t p") else t


def to_date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None
