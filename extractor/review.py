"""The review loop: rows that need a look go out to a spreadsheet, a person's corrections come back.

`export(out)` writes `OUT/review.xlsx` and `OUT/review.csv`: the rows of `mentions` with a flag
or a confidence below `Settings.low_confidence`, with their current values (corrections
included). The first columns (mention_id, source_path, page, line, confidence, flags) are
context; the others are the editable columns (`write.schema.EDITABLE`). A person changes cells
(an emptied cell means "not stated"), and `apply_file(FILE, out)` compares the file with the
current dataset: every changed editable cell is checked against the Table Schema (types,
enumerations, code patterns), stored as a correction in `OUT/corrections.csv`, and the dataset
is written again from the last run's stored extraction with all corrections applied (no input
file is read). Context columns and rows left out of the file are ignored. Nothing is stored when
any value is refused.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import corrections as hand
from .api import RunSummary, rebuild
from .errors import UsageError
from .settings import Settings
from .store import DB_NAME, load_run, output_lock
from .write import recover
from .write.schema import EDITABLE, SCHEMAS

XLSX, CSV = "review.xlsx", "review.csv"
CONTEXT = ["mention_id", "source_path", "page", "line", "confidence", "flags"]
COLUMNS = CONTEXT + EDITABLE
_TYPES = {f["name"]: f["type"] for f in SCHEMAS["mentions"]["fields"]}


@dataclass
class Applied:
    """What `apply_file` did."""

    n_rows: int  # rows in the file
    new: list[hand.Correction]  # corrections stored by this call
    summary: RunSummary | None  # the rewritten dataset (None when nothing changed)


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return [dict(r) for r in csv.DictReader(fh)]


def _current(out: Path) -> list[dict[str, str]]:
    path = out / "mentions.csv"
    if not path.is_file():
        raise UsageError(f"no dataset in {out} (no mentions.csv); run `exemplars run ... --out {out}` first")
    return _read_csv(path)


def threshold(out: Path) -> float:
    settings = load_run(out / DB_NAME).get("settings", {})
    return float(settings.get("low_confidence", Settings.model_fields["low_confidence"].default))


def needs_review(row: dict[str, str], low: float) -> bool:
    try:
        confidence = float(row.get("confidence") or 0)
    except ValueError:
        confidence = 0.0
    return bool(row.get("flags")) or confidence < low


def export(out: str | Path) -> tuple[Path, Path, int]:
    """Write review.xlsx and review.csv into `out`; their paths and the number of rows."""
    out = Path(out)
    with output_lock(out):
        recover(out)
        low = threshold(out)
        rows = [{c: r.get(c, "") for c in COLUMNS} for r in _current(out) if needs_review(r, low)]
        rows.sort(key=lambda r: (r["source_path"], r["mention_id"]))
        _atomic(out / CSV, lambda tmp: _write_csv(tmp, rows))
        _atomic(out / XLSX, lambda tmp: _write_xlsx(tmp, rows, low))
    return out / XLSX, out / CSV, len(rows)


def _atomic(path: Path, write: Any) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    write(tmp)
    os.replace(tmp, path)


def _write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    # With a byte-order mark, so that spreadsheet programs open it as UTF-8.
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _write_xlsx(path: Path, rows: list[dict[str, str]], low: float) -> None:
    from openpyxl import Workbook  # noqa: PLC0415 - only the review needs it
    from openpyxl.styles import Font, PatternFill  # noqa: PLC0415
    from openpyxl.utils import get_column_letter  # noqa: PLC0415
    from openpyxl.worksheet.datavalidation import DataValidation  # noqa: PLC0415

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "review"
    ws.append(COLUMNS)
    for row in rows:
        ws.append([_cell(c, row[c]) for c in COLUMNS])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text from a document is never a formula
    grey = PatternFill("solid", fgColor="DDDDDD")
    for i, name in enumerate(COLUMNS, start=1):
        letter = get_column_letter(i)
        ws[f"{letter}1"].font = Font(bold=True)
        if name in CONTEXT:
            ws[f"{letter}1"].fill = grey
        ws.column_dimensions[letter].width = 14 if name not in {"actor_raw", "title", "description"} else 40
        if _TYPES[name] == "string":  # keep codes such as 04975 as text when edited
            for (cell,) in ws.iter_rows(min_row=2, max_row=max(2, len(rows) + 1), min_col=i, max_col=i):
                cell.number_format = "@"
        enum = _enum(name)
        if enum and len(rows):
            check = DataValidation(type="list", formula1='"' + ",".join(enum) + '"', allow_blank=True)
            check.add(f"{letter}2:{letter}{len(rows) + 1}")
            ws.add_data_validation(check)
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = ws.dimensions
    about = wb.create_sheet("about")
    for line in (
        "Rows of mentions.csv with a flag or a confidence below " + f"{low:g}.",
        "Grey columns are context and are not read back. Correct the other cells; an empty cell means "
        "'not stated'.",
        "Then: exemplars review apply review.xlsx --out DIR (stored in corrections.csv, kept by every later run).",
    ):
        about.append([line])
    wb.save(path)


def _enum(column: str) -> list[str]:
    for f in SCHEMAS["mentions"]["fields"]:
        if f["name"] == column:
            return [v for v in f.get("constraints", {}).get("enum", []) if v]
    return []


def _cell(column: str, text: str) -> Any:
    if text and _TYPES[column] == "integer":
        return int(text)
    if text and _TYPES[column] == "number":
        return float(text)
    return text or None


def _text(value: Any) -> str:
    """A spreadsheet cell as the CSV writes it."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return unicodedata.normalize("NFC", str(value)).strip()


def read_edits(path: Path) -> list[dict[str, str]]:
    """The rows of a review spreadsheet (.xlsx, first sheet) or CSV, every cell as text."""
    if not path.is_file():
        raise UsageError(f"no such file: {path}")
    if path.suffix.lower() == ".csv":
        rows = _read_csv(path)
        return [{k: _text(v) for k, v in r.items() if k} for r in rows]
    if path.suffix.lower() != ".xlsx":
        raise UsageError(f"{path}: a review file is .xlsx or .csv")
    from openpyxl import load_workbook  # noqa: PLC0415

    try:
        ws = load_workbook(path, read_only=True, data_only=True).worksheets[0]
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise UsageError(f"{path}: not a readable .xlsx file ({exc})") from exc
    cells = [[_text(v) for v in row] for row in ws.iter_rows(values_only=True)]
    if not cells:
        return []
    header = cells[0]
    return [{h: v for h, v in zip(header, row, strict=False) if h} for row in cells[1:] if any(row)]


def corrections_from(edits: list[dict[str, str]], current: list[dict[str, str]]) -> list[hand.Correction]:
    """The changed editable cells as corrections; UsageError listing every refused value."""
    if edits and "mention_id" not in edits[0]:
        raise UsageError("the review file has no mention_id column")
    unknown = sorted({k for r in edits for k in r} - set(COLUMNS))
    if unknown:
        raise UsageError(f"unknown columns in the review file: {', '.join(unknown)}")
    by_id = {r["mention_id"]: r for r in current}
    today = dt.date.today().isoformat()
    found, errors = [], []
    for n, edit in enumerate(edits, start=2):
        row = by_id.get(edit.get("mention_id", ""))
        if row is None:
            errors.append(f"row {n}: no mention {edit.get('mention_id')!r} in the dataset")
            continue
        for column in EDITABLE:
            if column not in edit or edit[column] == unicodedata.normalize("NFC", row[column]).strip():
                continue
            value, problem = hand.check(column, edit[column])
            if problem:
                errors.append(f"row {n} ({row['mention_id']}): {problem}")
            elif value != row[column]:
                found.append(hand.Correction(row["mention_id"], column, value, row[column], today))
    if errors:
        more = f"\n  ... and {len(errors) - 50} more" if len(errors) > 50 else ""
        raise UsageError("nothing stored; the review file has values that cannot be used:\n  "
                         + "\n  ".join(errors[:50]) + more)
    return found


def apply_file(path: str | Path, out: str | Path) -> Applied:
    """Store the corrections in a review file and write the dataset again with them."""
    path, out = Path(path), Path(out)
    edits = read_edits(path)
    with output_lock(out):
        recover(out)
        new = corrections_from(edits, _current(out))
        if not new:
            return Applied(len(edits), [], None)
        summary = rebuild(out, hand.merge(hand.load(out), new))
    return Applied(len(edits), new, summary)
