"""Read the data files of the `vietnamadminunits` package directly (offline, read-only).

Its parse_address/convert_address functions are deliberately not used: they replace a unit
that no longer exists with a successor or a look-alike, which would give a wrong code.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from extractor.gazetteer.names import split_type

Row = tuple[str, str, str, str, str]  # level, code, name, type, parent code


def data_dir() -> Path:
    spec = find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("the package vietnamadminunits is required by the gazetteer")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


@dataclass
class PackageData:
    legacy: list[Row] = field(default_factory=list)  # the 63-province list, before 2025-07-01
    reform: list[Row] = field(default_factory=list)  # the 34-province list, from 2025-07-01
    coords: dict[str, tuple[float, float]] = field(default_factory=dict)
    legacy_keys: dict[str, str] = field(default_factory=dict)  # commune code -> "p_d_w" key
    province_keys: dict[str, str] = field(default_factory=dict)  # old province code -> key
    reform_codes: dict[tuple[str, str], str] = field(default_factory=dict)  # (pkey, wkey)
    reform_provinces: dict[str, str] = field(default_factory=dict)  # new province key -> code


def _connect() -> sqlite3.Connection:
    uri = (data_dir() / "dataset.db").as_uri() + "?mode=ro"
    return sqlite3.connect(uri, uri=True)


def legacy_rows() -> list[Row]:
    return load().legacy


def load() -> PackageData:
    data = PackageData()
    with _connect() as con:
        _read_legacy(con, data)
        _read_reform(con, data)
    return data


def _add(rows: list[Row], seen: set[tuple[str, str, str]], unit: tuple[str, str, str, str]) -> None:
    """Add (level, code, full name, parent) once, split into type and name."""
    level, code, full, parent = unit
    if (level, code, parent) in seen:
        return
    seen.add((level, code, parent))
    typ, name = split_type(full)
    rows.append((level, code, name, typ, parent))


def _read_legacy(con: sqlite3.Connection, data: PackageData) -> None:
    seen: set[tuple[str, str, str]] = set()
    query = (
        "select province, provinceCode, provinceLat, provinceLon, provinceKey, district,"
        " districtCode, districtLat, districtLon, districtKey, ward, wardCode, wardLat,"
        " wardLon, wardKey from admin_units_legacy"
    )
    for prov, pcode, plat, plon, pkey, dist, dcode, dlat, dlon, dkey, ward, wcode, wlat, wlon, wkey in con.execute(
        query
    ):
        _add(data.legacy, seen, ("province", pcode, prov, ""))
        data.coords.setdefault(pcode, (plat, plon))
        data.province_keys[pcode] = pkey
        _add(data.legacy, seen, ("district", dcode, dist, pcode))
        data.coords.setdefault(dcode, (dlat, dlon))
        if ward and wcode:
            _add(data.legacy, seen, ("commune", wcode, ward, dcode))
            data.coords.setdefault(wcode, (wlat, wlon))
            data.legacy_keys[wcode] = f"{pkey}_{dkey}_{wkey}"


def _read_reform(con: sqlite3.Connection, data: PackageData) -> None:
    seen: set[tuple[str, str, str]] = set()
    query = "select province, provinceCode, provinceKey, ward, wardCode, wardKey from admin_units"
    for prov, pcode, pkey, ward, wcode, wkey in con.execute(query):
        _add(data.reform, seen, ("province", pcode, prov, ""))
        data.reform_provinces[pkey] = pcode
        if ward and wcode:
            _add(data.reform, seen, ("commune", wcode, ward, pcode))
            data.reform_codes[(pkey, wkey)] = wcode


def converter() -> dict[str, Any]:
    """The package's 2025 conversion table (old unit keys -> new unit keys)."""
    result: dict[str, Any] = json.loads((data_dir() / "converter_2025.json").read_text("utf-8"))
    return result
