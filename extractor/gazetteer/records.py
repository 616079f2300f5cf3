"""Build the dated unit records from the package lists and the repository's CSV tables."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from extractor.gazetteer.dating import Dated, Dating, read_resolutions
from extractor.gazetteer.model import Record, Span
from extractor.gazetteer.names import REFORM_DATE, norm_type, to_date, unit_key
from extractor.gazetteer.package import PackageData, Row

DATA = Path(__file__).resolve().parent.parent / "data"
HISTORY_CSV = DATA / "units_history.csv"
CHANGES_CSV = DATA / "unit_changes.csv"

Ident = tuple[str, str, str, str]  # level, code, name key, parent code
_DAY = dt.timedelta(days=1)


def ident(level: str, code: str, name: str, parent: str) -> Ident:
    return (level, code, unit_key(name), parent)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


def _types(text: str) -> frozenset[str]:
    return frozenset(norm_type(t) for t in text.split(";") if t.strip())


def _legacy(rows: list[Row]) -> dict[Ident, Record]:
    """The 63-province list: taken as valid from any earlier date until the reform,
    unless the history table says otherwise."""
    span = Span(None, REFORM_DATE)
    return {
        ident(lv, code, name, parent): Record(lv, code, name, frozenset([typ]), parent, "", span, span, "legacy")
        for lv, code, name, typ, parent in rows
    }


def _history(row: dict[str, str], dated: Dated | None = None) -> Record:
    """A unit as the lists show it: surely between the first and last list that have it,
    possibly up to the lists either side that lack it, exactly where a resolution dates it."""
    seen_first, seen_last = to_date(row["seen_first"]), to_date(row["seen_last"])
    before, after = to_date(row["absent_before"]), to_date(row["absent_after"])
    in_legacy = not row["absent_after"]
    sure_start, maybe_start = (seen_first, before + _DAY) if before else (None, None)
    sure_end = REFORM_DATE if in_legacy else (seen_last + _DAY if seen_last else None)
    maybe_end = REFORM_DATE if in_legacy else after
    if dated is not None:
        if dated.start is not None:
            sure_start = maybe_start = dated.start
        elif dated.earliest is not None and maybe_start is not None:
            maybe_start = min(maybe_start, dated.earliest)
        if dated.end is not None:
            sure_end = maybe_end = dated.end
        elif dated.sure_until is not None and sure_end is not None:
            sure_end = min(sure_end, dated.sure_until)
    sure, maybe = Span(sure_start, sure_end), Span(maybe_start, maybe_end)
    return Record(
        row["level"], row["code"], row["name"], _types(row["type"]), row["parent_code"], "", sure, maybe, "history"
    )


def _change(row: dict[str, str]) -> Record:
    span = Span(to_date(row["valid_from"]), to_date(row["valid_to"]))
    successors = tuple(c.strip() for c in row.get("successor_codes", "").split(";") if c.strip())
    return Record(
        row["level"],
        row["code"],
        row["name"],
        _types(row["type"]),
        row["parent_code"],
        "",
        span,
        span,
        "change",
        successors,
    )


def _reform(rows: list[Row]) -> list[Record]:
    span = Span(REFORM_DATE, None)
    return [
        Record(lv, code, name, frozenset([typ]), parent, "", span, span, "reform")
        for lv, code, name, typ, parent in rows
    ]


def build_records(pkg: PackageData, extra: Path | None = None) -> list[Record]:
    """All records, each tagged with its province; a dated change row replaces the
    snapshot record of the same unit, name and parent."""
    table = _legacy(pkg.legacy)
    history = read_csv(HISTORY_CSV)
    exact = history_dates(pkg, history)
    for row in history:
        key = ident(row["level"], row["code"], row["name"], row["parent_code"])
        table[key] = _history(row, exact.get(key))
    changes = read_csv(CHANGES_CSV) + (read_csv(extra) if extra else [])
    for row in changes:
        rec = _change(row)
        key = ident(rec.level, rec.code, rec.name, rec.parent)
        old = table.get(key)
        table[key] = _with_types(rec, old.types | rec.types) if old else rec
    records = list(table.values()) + _reform(pkg.reform)
    return _with_provinces(records)


def history_dates(pkg: PackageData, history: list[dict[str, str]]) -> dict[Ident, Dated]:
    """Exact dates the resolutions give to the history rows (see dating.py)."""
    district_province = {code: parent for lv, code, _, _, parent in pkg.legacy if lv == "district"}
    for row in history:
        if row["level"] == "district":
            district_province.setdefault(row["code"], row["parent_code"])
    return Dating(read_resolutions(), district_province).dates(history)


def _with_types(rec: Record, types: frozenset[str]) -> Record:
    return Record(
        rec.level, rec.code, rec.name, types, rec.parent, rec.province, rec.sure, rec.maybe, rec.source, rec.successors
    )


def _with_provinces(records: list[Record]) -> list[Record]:
    """Set each record's province code: its own (province), its parent's (district, and
    2025 commune) or its district's parent (legacy commune)."""
    district_province = {r.code: r.parent for r in records if r.level == "district"}
    out = []
    for r in records:
        if r.level == "province":
            prov = r.code
        elif r.level == "district" or r.source == "reform":
            prov = r.parent
        else:
            prov = district_province.get(r.parent, "")
        out.append(Record(r.level, r.code, r.name, r.types, r.parent, prov, r.sure, r.maybe, r.source, r.successors))
    return out
