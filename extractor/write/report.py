"""A run report a person can read: one self-contained HTML file (inline CSS and SVG, no script).

Sections, each with an id: `summary`, `documents` (status, declared vs found), `flagged` (rows
with a flag or below the confidence threshold), `charts` (`by-year`, `by-district`,
`by-sector`), `dedup` and `corrections`.
"""

from __future__ import annotations

import html
import sqlite3
from pathlib import Path
from typing import Any

import pandas as pd

from .schema import SCHEMAS

CSS = """
body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1200px}
h1{font-size:1.5em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;font-size:13px;margin:.5em 0}
td,th{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#eee}td.n{text-align:right}
.s-ok{color:#176b2c}.s-partial{color:#9a6700}.s-no_table{color:#555}.s-failed{color:#b42318;font-weight:bold}
.off{background:#fff4d6}
dl.facts{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dl.facts dt{font-weight:bold}
.charts{display:flex;flex-wrap:wrap;gap:2em}figure{margin:0}figcaption{font-weight:bold;margin-bottom:.3em}
svg text{font:12px system-ui,sans-serif}
"""
LIMIT = 500


def _e(value: Any) -> str:
    return html.escape("" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value))


def _table(df: pd.DataFrame, cols: list[str], *, numeric: tuple[str, ...] = (),
           row_class: pd.Series | None = None, total: int | None = None) -> str:
    """The first LIMIT rows of `df` (of `total` rows in all: the rest are in the CSV)."""
    total = len(df) if total is None else total
    head = "".join(f"<th>{_e(c)}</th>" for c in cols)
    body = []
    for i, (_, row) in enumerate(df[cols].head(LIMIT).iterrows()):
        cells = []
        for c in cols:
            cls = ' class="n"' if c in numeric else (f' class="s-{_e(row[c])}"' if c == "status" else "")
            cells.append(f"<td{cls}>{_e(row[c])}</td>")
        cls = f' class="{row_class.iloc[i]}"' if row_class is not None and row_class.iloc[i] else ""
        body.append(f"<tr{cls}>{''.join(cells)}</tr>")
    more = f"<p>… and {total - LIMIT} more rows (see the CSV).</p>" if total > LIMIT else ""
    empty = "<p>None.</p>" if df.empty else ""
    return empty or f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>{more}"


def bar_chart(counts: list[tuple[str, int]], title: str) -> str:
    """A horizontal bar chart as inline SVG."""
    if not counts:
        return f"<figure><figcaption>{_e(title)}</figcaption><p>No rows.</p></figure>"
    label_w, bar_w, row_h = 220, 300, 20
    top = max(n for _, n in counts) or 1
    height = row_h * len(counts) + 4
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{label_w + bar_w + 60}" '
             f'height="{height}" aria-label="{_e(title)}"><title>{_e(title)}</title>']
    for i, (label, n) in enumerate(counts):
        y = i * row_h + 2
        w = max(1, round(bar_w * n / top))
        parts.append(f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end">{_e(label)}</text>'
                     f'<rect x="{label_w}" y="{y + 2}" width="{w}" height="{row_h - 6}" fill="#4a7ab5"/>'
                     f'<text x="{label_w + w + 4}" y="{y + 14}">{n}</text>')
    parts.append("</svg>")
    return f"<figure><figcaption>{_e(title)}</figcaption>{''.join(parts)}</figure>"


def _counts(conn: sqlite3.Connection, table: str, label: str, limit: int = 30,
            by_label: bool = False) -> list[tuple[str, int]]:
    """Rows of `table` by the text of the SQL expression `label` (empty: "(not stated)")."""
    counted: dict[str, int] = {}
    for value, n in conn.execute(f"SELECT coalesce(CAST({label} AS TEXT), ''), count(*) FROM {table} GROUP BY 1"):
        key = value or "(not stated)"
        counted[key] = counted.get(key, 0) + n
    pairs = list(counted.items())
    if by_label:
        pairs.sort()
    else:
        pairs.sort(key=lambda kv: (-kv[1], kv[0]))
    return pairs[:limit]


def _facts(items: list[tuple[str, Any]]) -> str:
    return "<dl class='facts'>" + "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in items) + "</dl>"


_REVIEW = "(flags IS NOT NULL AND flags != '') OR coalesce(confidence, 0) < ?"


def _frame(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...] = ()) -> pd.DataFrame:
    """Rows of a query, whole numbers as whole numbers though a column has gaps ("3", not "3.0")."""
    df = pd.read_sql_query(sql, conn, params=params)
    for name in df.columns:
        if name in _INTEGERS:
            df[name] = df[name].astype("Int64")
    return df


_INTEGERS = {f["name"] for schema in SCHEMAS.values() for f in schema["fields"] if f["type"] == "integer"}


def _one(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...] = ()) -> Any:
    return conn.execute(sql, params).fetchone()[0]


def _documents(conn: sqlite3.Connection) -> str:
    docs = _frame(conn, f"SELECT * FROM documents ORDER BY rowid LIMIT {LIMIT}")
    declared = docs["declared_rows"]
    docs["found / declared"] = [f"{n} / {'–' if pd.isna(d) else d}" for n, d in zip(docs["n_rows"], declared,
                                                                                      strict=True)]
    off = pd.Series(["off" if not pd.isna(d) and d != n else "" for n, d in zip(docs["n_rows"], declared,
                                                                                strict=True)])
    cols = ["source_path", "format", "doc_number", "issue_date", "status", "found / declared", "message"]
    return _table(docs, cols, numeric=("found / declared",), row_class=off,
                  total=_one(conn, "SELECT count(*) FROM documents"))


def _dedup(conn: sqlite3.Connection) -> str:
    sizes = dict(conn.execute("SELECT n_mentions, count(*) FROM exemplars GROUP BY 1 ORDER BY 1"))
    decisions = dict(conn.execute("SELECT decision, count(*) FROM links GROUP BY 1"))
    facts = [
        ("mentions", _one(conn, "SELECT count(*) FROM mentions")),
        ("exemplars", _one(conn, "SELECT count(*) FROM exemplars")),
        ("exemplars named once", sizes.get(1, 0)),
        ("exemplars named two or more times", sum(v for k, v in sizes.items() if k is not None and k >= 2)),
        ("exemplars named in two or more years", _one(conn, "SELECT count(*) FROM exemplars "
                                                            "WHERE instr(coalesce(years, ''), ';') > 0")),
        ("pairs linked", decisions.get("link", 0)), ("pairs held apart near a threshold", decisions.get("apart", 0)),
    ]
    dist = [(f"{k} mention{'s' if k != 1 else ''}", int(v)) for k, v in sizes.items()]
    top = _frame(conn, "SELECT * FROM exemplars ORDER BY n_mentions DESC, exemplar_id LIMIT 15")
    return (_facts(facts) + bar_chart(dist, "Exemplars by number of mentions")
            + "<h3>Most-mentioned exemplars</h3>"
            + _table(top, ["exemplar_id", "actor_name", "title", "district", "years", "n_mentions"],
                     numeric=("n_mentions",)))


def _corrections(conn: sqlite3.Connection, run: dict[str, Any]) -> str:
    corrections = _frame(conn, "SELECT * FROM corrections ORDER BY rowid")
    info = run.get("corrections", {})
    missing = info.get("not_applied", [])
    text = (f"<p>{len(corrections)} corrections stored in corrections.csv; {info.get('applied', 0)} applied to "
            f"rows of this run.</p>")
    if missing:
        text += ("<p>Not applied (their rows are not in this run; kept in corrections.csv): "
                 + ", ".join(_e(m) for m in missing[:100]) + "</p>")
    return text + _table(corrections, list(corrections.columns))


_DISTRICT = ("CASE WHEN coalesce(district, '') = '' THEN '(no district)' ELSE district END || "
             "CASE WHEN coalesce(province, '') = '' THEN '' ELSE ' (' || province || ')' END")


def write_report(path: Path, conn: sqlite3.Connection, run: dict[str, Any]) -> None:
    """The report of the run whose tables are in the database `conn` (read with SQL, a few
    hundred rows at most in memory)."""
    threshold = float(run.get("settings", {}).get("low_confidence", 0.6))
    status = dict(conn.execute("SELECT status, count(*) FROM documents GROUP BY 1"))
    n_review = _one(conn, f"SELECT count(*) FROM mentions WHERE {_REVIEW}", (threshold,))
    review = _frame(conn, f"SELECT * FROM mentions WHERE {_REVIEW} ORDER BY rowid LIMIT {LIMIT}", (threshold,))
    reading = run.get("reading", {})
    found, declared = conn.execute("SELECT coalesce(sum(n_rows), 0), coalesce(sum(declared_rows), 0) "
                                   "FROM documents WHERE declared_rows IS NOT NULL").fetchone()
    summary = [
        ("inputs", ", ".join(run.get("inputs", []))), ("started", run.get("started", "")),
        ("tool version", run.get("tool_version", "")), ("settings fingerprint", run.get("settings_fingerprint", "")),
        ("files", _one(conn, "SELECT count(*) FROM documents")),
        *((f"status {k}", v) for k, v in sorted(status.items())),
        ("files read in this run", reading.get("read", "")),
        ("files unchanged since the last run (not read)", reading.get("reused", "")),
        ("links and folders not followed (outside the input, looping, unlistable)", reading.get("refused", 0)),
        ("files of the last run now gone", reading.get("dropped", "")),
        ("rows (mentions)", _one(conn, "SELECT count(*) FROM mentions")),
        ("rows found / declared, in files whose sections declare a count", f"{int(found)} / {int(declared)}"),
        ("rows to review (flagged or confidence below " + f"{threshold:g})", n_review),
        ("exemplars", _one(conn, "SELECT count(*) FROM exemplars")),
        ("corrections applied", run.get("corrections", {}).get("applied", 0)),
    ]
    parts = [
        "<!doctype html><html lang='vi'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width,initial-scale=1'>",
        f"<title>vn-exemplars run report</title><style>{CSS}</style></head><body>",
        "<h1>vn-exemplars run report</h1>",
        "<section id='summary'><h2>Summary</h2>", _facts(summary), "</section>",
        "<section id='documents'><h2>Documents</h2>",
        "<p>One row per input file. Highlighted: rows found differ from rows the section headers declare.</p>",
        _documents(conn), "</section>",
        "<section id='flagged'><h2>Rows to review</h2>",
        f"<p>Rows with a flag or a confidence below {threshold:g}. "
        "<code>exemplars review export</code> writes them to a spreadsheet for correction.</p>",
        _table(review, ["mention_id", "source_path", "row_no", "actor_name", "title", "confidence", "flags"],
               numeric=("row_no", "confidence"), total=n_review),
        "</section>",
        "<section id='charts'><h2>Rows by year, district and sector</h2><div class='charts'>",
        f"<div id='by-year'>{bar_chart(_counts(conn, 'mentions', 'year', 60, by_label=True), 'Rows by year')}</div>",
        f"<div id='by-district'>{bar_chart(_counts(conn, 'mentions', _DISTRICT), 'Rows by district (top 30)')}</div>",
        f"<div id='by-sector'>{bar_chart(_counts(conn, 'mentions', 'sector'), 'Rows by sector')}</div>",
        "</div></section>",
        "<section id='dedup'><h2>Deduplication</h2>", _dedup(conn), "</section>",
        "<section id='corrections'><h2>Corrections by hand</h2>", _corrections(conn, run), "</section>",
        "</body></html>",
    ]
    path.write_text("\n".join(parts) + "\n", encoding="utf-8")
