"""Rebuild extractor/data/units_history.csv from dated GSO snapshots (a developer tool).

The history file records every unit (level, code, name, parent) that is not the same in
all the snapshots below, with the dates it was seen and the dates of the snapshots either
side that lack it. The resolver trusts a unit only between the dates it was seen; between
a snapshot that has it and one that lacks it the date of the change is unknown unless a
resolution of unit_resolutions.csv gives it (dating.py, applied when the gazetteer loads;
the build reads that table too, to tell a package spelling from a rename).

Snapshots (GSO lists of administrative units, public facts):
  2020-02-25  vietnam-provinces 0.2    (PyPI; data file Xa_2020-02-25)
  2021-02-03  vietnam-provinces 0.3.0  (data file Xa_2021-02-03)
  2023-05-07  vietnam-provinces 0.5.0  (__data_version__ 2023-05-07)
  2025-01-04  vietnam-provinces 0.5.8  (__data_version__ 2025-01-04)
  LEGACY_DATE vietnamadminunits 1.0.4 table admin_units_legacy (the list in force until
              the 2025-07-01 reform)

Usage: pip download --no-deps -d WHEELS vietnam-provinces==0.2 (and 0.3.0, 0.5.0, 0.5.8),
unzip each into WHEELS/vp<version>/, then
    python -m extractor.gazetteer.build WHEELS
"""

from __future__ import annotations

import csv
import json
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

from extractor.gazetteer.dating import Dating, read_resolutions
from extractor.gazetteer.names import LEGACY_DATE, split_type, unit_key
from extractor.gazetteer.package import legacy_rows

SNAPSHOTS = (
    ("2020-02-25", "vp0.2"),
    ("2021-02-03", "vp0.3.0"),
    ("2023-05-07", "vp0.5.0"),
    ("2025-01-04", "vp0.5.8"),
)
OUT = Path(__file__).resolve().parent.parent / "data" / "units_history.csv"
FIELDS = ["level", "code", "name", "type", "parent_code", "seen_first", "seen_last", "absent_before", "absent_after"]

Ident = tuple[str, str, str, str]  # level, code, name key, parent code
Row = tuple[str, str, str, str, str]  # level, code, name, type, parent code


def snapshot_rows(path: Path) -> list[Row]:
    """Units of one vietnam-provinces data file as (level, code, name, type, parent)."""
    data = json.loads((path / "vietnam_provinces/data/nested-divisions.json").read_text("utf-8"))
    rows: list[Row] = []
    for prov in data:
        pcode = f"{prov['code']:02d}"
        ptype, pname = split_type(prov["name"])
        rows.append(("province", pcode, pname, ptype, ""))
        for dist in prov["districts"]:
            dcode = f"{dist['code']:03d}"
            dtype, dname = split_type(dist["name"])
            rows.append(("district", dcode, dname, dtype, pcode))
            for ward in dist["wards"]:
                wtype, wname = split_type(ward["name"])
                rows.append(("commune", f"{ward['code']:05d}", wname, wtype, dcode))
    return rows


def build(wheels: Path) -> list[dict[str, str]]:
    dates = [d for d, _ in SNAPSHOTS] + [LEGACY_DATE]
    snaps = [snapshot_rows(wheels / folder) for _, folder in SNAPSHOTS] + [legacy_rows()]
    seen: dict[Ident, list[int]] = defaultdict(list)
    names: dict[Ident, str] = {}
    types: dict[Ident, set[str]] = defaultdict(set)
    for i, rows in enumerate(snaps):
        for level, code, name, typ, parent in rows:
            ident = (level, code, unit_key(name), parent)
            if not seen[ident] or seen[ident][-1] != i:
                seen[ident].append(i)
            names[ident] = name  # the newest spelling wins
            types[ident].add(typ)
    last = len(snaps) - 1
    # Districts without communes (islands) are missing from the first list only.
    with_communes = {parent for rows in snaps for lv, _, _, _, parent in rows if lv == "commune"}
    out = []
    for ident, idx in seen.items():
        if len(idx) == len(snaps) and len(types[ident]) == 1:
            continue  # the same in every snapshot: the package alone describes it
        first, final = idx[0], idx[-1]
        level, code, _, parent = ident
        out.append(
            {
                "level": level,
                "code": code,
                "name": names[ident],
                "type": ";".join(sorted(types[ident])),
                "parent_code": parent,
                "seen_first": dates[first],
                "seen_last": dates[final],
                "absent_before": dates[first - 1]
                if first > 0 and (level != "district" or code in with_communes)
                else "",
                "absent_after": dates[final + 1] if final < last else "",
            }
        )
    district_province = {code: parent for rows in snaps for lv, code, _, _, parent in rows if lv == "district"}
    _join_package_spellings(out, dates[-2], Dating(read_resolutions(), district_province))
    out.sort(key=lambda r: (r["level"], r["code"], r["seen_first"]))
    return out


def _join_package_spellings(rows: list[dict[str, str]], last_gso: str, dating: Dating) -> None:
    """A unit whose name differs only in the package's list (same code and parent as the
    last GSO list) is mostly a spelling the package corrected ('Săm Khóe'/'Xăm Khòe'):
    both names are taken as valid over the whole time the code was seen there. Not so where
    a resolution in force between the two lists concerns the unit and the names differ by more
    than their marks and one letter ('Nà Pó'/'Nà Bó'): that is a rename (1280/NQ-UBTVQH15,
    Sơn La: xã Viêng Lán 04075 into thị trấn Yên Châu), which dating.py dates."""
    by_place: dict[tuple[str, str, str], list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        by_place[(row["level"], row["code"], row["parent_code"])].append(row)
    for group in by_place.values():
        new = [r for r in group if r["seen_first"] == LEGACY_DATE and r["absent_before"]]
        old = [r for r in group if r["seen_last"] == last_gso and r["absent_after"]]
        if len(new) == 1 and len(old) == 1:
            level, code, parent = old[0]["level"], old[0]["code"], old[0]["parent_code"]
            renamed = not _spelling_variants(old[0]["name"], new[0]["name"])
            if renamed and dating.candidates(level, code, parent, (last_gso, LEGACY_DATE), widen=False):
                continue
            new[0]["seen_first"], new[0]["absent_before"] = (old[0]["seen_first"], old[0]["absent_before"])
            old[0]["seen_last"], old[0]["absent_after"] = LEGACY_DATE, ""


def _bare(name: str) -> str:
    """The name without case, tone and vowel marks: 'Phổng Lăng' -> 'phong lang'."""
    text = unicodedata.normalize("NFD", unit_key(name).replace("đ", "d"))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _spelling_variants(a: str, b: str) -> bool:
    """Same name but for marks and at most one letter ('Nà Pó'/'Nà Bó', 'Noong Lay'/'Nong Lay')."""
    x, y = _bare(a), _bare(b)
    if x == y:
        return True
    if abs(len(x) - len(y)) > 1:
        return False
    if len(x) == len(y):
        return sum(p != q for p, q in zip(x, y, strict=True)) == 1
    short, long_ = sorted((x, y), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    rows = build(Path(argv[1]))
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} rows -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
