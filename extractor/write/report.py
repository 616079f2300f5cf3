"""A run report a person can read: one self-contained HTML file."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import pandas as pd


def _table(df: pd.DataFrame, cols: list[str], limit: int = 500) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in cols)
    body = []
    for _, row in df[cols].head(limit).iterrows():
        cells = "".join(f"<td>{html.escape('' if pd.isna(v) else str(v))}</td>" for v in row)
        body.append(f"<tr>{cells}</tr>")
    more = f"<p>… {len(df) - limit} more rows in the CSV.</p>" if len(df) > limit else ""
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>{more}"


def write_report(path: Path, frames: dict[str, pd.DataFrame], run: dict[str, Any]) -> None:
    docs, mentions, exemplars = frames["documents"], frames["mentions"], frames["exemplars"]
    status = docs["status"].value_counts().to_dict() if len(docs) else {}
    flagged = mentions[mentions["flags"].str.len() > 0] if len(mentions) else mentions
    parts = [
        "<!doctype html><html lang='vi'><head><meta charset='utf-8'><title>vn-exemplars run report</title>",
        "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;font-size:13px}"
        "td,th{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}"
        "th{background:#eee}</style></head><body>",
        "<h1>vn-exemplars run report</h1>",
        f"<p>Inputs: {html.escape(', '.join(run.get('inputs', [])))} · "
        f"started {html.escape(run.get('started', ''))}</p>",
        "<h2 id='summary'>Summary</h2>",
        f"<p>{len(docs)} files · {len(mentions)} rows · {len(exemplars)} exemplars · "
        + " · ".join(f"{html.escape(k)}: {v}" for k, v in sorted(status.items())) + "</p>",
        "<h2 id='documents'>Documents</h2>",
        _table(docs, ["source_path", "format", "doc_number", "issue_date", "n_rows", "declared_rows",
                      "status", "message"]),
        "<h2 id='flagged'>Rows that need a look</h2>",
        _table(flagged, ["source_path", "row_no", "actor_name", "title", "confidence", "flags"]),
        "</body></html>",
    ]
    path.write_text("\n".join(parts), encoding="utf-8")
