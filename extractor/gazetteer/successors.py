"""Successor units after the 2025 reform, from the package's conversion table (offline).

Only an unambiguous successor is given: a commune split among several new units gets none.
"""

from __future__ import annotations

from collections import defaultdict

from extractor.gazetteer.model import Record
from extractor.gazetteer.names import REFORM_DATE
from extractor.gazetteer.package import PackageData, converter


class Successors:
    def __init__(self, pkg: PackageData) -> None:
        conv = converter()
        new_province = {old: new for new, olds in conv["DICT_PROVINCE"].items() for old in olds}
        self._province = {
            code: pkg.reform_provinces.get(new_province.get(pkey, ""), "") for code, pkey in pkg.province_keys.items()
        }
        wards: dict[str, set[str]] = defaultdict(set)
        for new_pkey, table in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
            for new_wkey, olds in table.items():
                code = pkg.reform_codes.get((new_pkey, new_wkey), "")
                for old in olds:
                    wards[old].add(code)
        divided = {old for table in conv["DICT_PROVINCE_WARD_DIVIDED"].values() for old in table}
        self._commune = {
            old: next(iter(codes)) for old, codes in wards.items() if len(codes) == 1 and old not in divided
        }
        self._legacy_keys = pkg.legacy_keys

    def province_2025(self, rec: Record) -> str:
        if rec.source == "reform":
            return rec.code
        return self._province.get(rec.code, "")

    def commune_2025(self, rec: Record) -> str:
        if rec.source == "reform":
            return rec.code
        code = self._last_legacy_code(rec)
        return self._commune.get(self._legacy_keys.get(code, ""), "") if code else ""

    def _last_legacy_code(self, rec: Record) -> str:
        """The code the unit (or its one named successor) had in the last pre-2025 list."""
        if rec.sure.end in (None, REFORM_DATE) and rec.code in self._legacy_keys:
            return rec.code
        if len(rec.successors) == 1 and rec.successors[0] in self._legacy_keys:
            return rec.successors[0]
        return ""
