"""Corrections made by hand: kept in `OUT/corrections.csv`, re-applied by every run.

A correction is (mention_id, column, value): the value a person gave one cell of `mentions`.
Every run applies the stored corrections after extraction and before dedup, so corrected names
and titles also steer which mentions are one exemplar; a corrected row carries the flag
`corrected_by_hand`. A correction whose row is gone (its file removed or changed: mention ids
hold the file's content hash) is kept, listed in the report as not applied, and applies again
if the row comes back. `corrections.csv` is written with the dataset (and copied into the
SQLite file), so it is part of the deposit and survives deleting the database.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .model import Mention
from .normalize.text import clean
from .write.schema import EDITABLE, SCHEMAS

FILE = "corrections.csv"
FLAG = "corrected_by_hand"
_FIELDS = {f["name"]: f for f in SCHEMAS["mentions"]["fields"]}


@dataclass
class Correction:
    mention_id: str
    column: str
    value: str
    was: str = ""
    corrected_on: str = ""


def load(out: Path) -> list[Correction]:
    """The corrections stored in an output folder (none if it has no corrections.csv)."""
    path = out / FILE
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return [Correction(r["mention_id"], r["column"], r.get("value") or "", r.get("was") or "",
                           r.get("corrected_on") or "") for r in csv.DictReader(fh)]


def merge(stored: list[Correction], new: list[Correction]) -> list[Correction]:
    """Stored corrections updated by new ones (the newer value wins per row and column)."""
    by_key = {(c.mention_id, c.column): c for c in [*stored, *new]}
    return [by_key[k] for k in sorted(by_key)]


def check(column: str, text: str) -> tuple[str, str | None]:
    """The value as it will be stored (NFC, official tone placement, white space folded), and
    why it is not acceptable for `column` (None when it is)."""
    if column not in EDITABLE:
        return text, f"column {column!r} cannot be corrected (editable: {', '.join(EDITABLE)})"
    field = _FIELDS[column]
    value = unicodedata.normalize("NFC", text).strip()
    value = value if field["type"] != "string" or not value else clean(value)
    constraints = field.get("constraints", {})
    if not value:
        return value, f"{column} is required" if constraints.get("required") else None
    if field["type"] == "integer":
        if not re.fullmatch(r"-?\d+", value):
            return value, f"{column} must be a whole number, not {value!r}"
    elif field["type"] == "number":
        try:
            float(value)
        except ValueError:
            return value, f"{column} must be a number, not {value!r}"
    if "enum" in constraints and value not in constraints["enum"]:
        allowed = ", ".join(v for v in constraints["enum"] if v)
        return value, f"{column} must be one of: {allowed} (or empty), not {value!r}"
    if "pattern" in constraints and not re.fullmatch(constraints["pattern"], value):
        return value, f"{column} {value!r} does not have the form {constraints['pattern']}"
    return value, None


def typed(column: str, value: str) -> str | int | None:
    """A stored value as the Mention attribute holds it."""
    if _FIELDS[column]["type"] == "integer":
        return int(value) if value else None
    return value


def apply(mentions: list[Mention], corrections: list[Correction]) -> tuple[int, list[str]]:
    """Set the corrected cells; the number of corrections applied and the mention ids not found."""
    by_id = {m.mention_id: m for m in mentions}
    applied, missing = 0, []
    for c in corrections:
        m = by_id.get(c.mention_id)
        if m is None or c.column not in EDITABLE:
            missing.append(c.mention_id)
            continue
        setattr(m, c.column, typed(c.column, c.value))
        flags = [f for f in m.flags.split(";") if f]
        if FLAG not in flags:
            m.flags = ";".join([*flags, FLAG])
        applied += 1
    return applied, sorted(set(missing))
