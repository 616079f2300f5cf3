#!/usr/bin/env python3
# Copied from ../shared/tools/score.py (the contract's scorer) so tests score exactly as the project is scored.
"""Score an extraction run against a gold table of appendix rows.

Usage:
  score.py --pred OUT_DIR --gold gold_mentions.csv [--gold-docs gold_documents.csv]
           [--json] [--misses N] [--min NAME=VALUE ...]

Matching: a predicted row matches a gold row when the file names agree (basename of
`source_path` vs gold `file`), the STT (`row_no`) agrees, and their title and actor read at
least half alike; where several share a file and STT, the most alike pairs are taken first.

Figures:
  rows.recall / rows.precision  matched rows over gold rows / over predicted rows
  field.<name>                  share of gold rows whose field is right (a missed row is wrong)
  fields.mean                   mean of the field figures
  dedup.precision/recall/f1     pairwise, over matched rows: predicted exemplar_id vs gold cluster_id
  codes.wrong                   predicted codes that name another unit than the gold (the worst error)
  doc.<name>                    with --gold-docs: share of gold documents whose field is right

Text is compared after Unicode NFC and white space folding; surrounding quotes and
punctuation are stripped; case is ignored. Tone placement is NOT folded: "Hoà" != "Hòa".
Codes compare as integers. A gold code cell may hold "?" (a unit is named but its code at
the document's date is not known to the gold): such cells are not scored. An empty predicted
code where the gold has one is a miss, not a wrong code. Only the Python standard library is used.
"""
from __future__ import annotations

import argparse
import csv
import difflib
import json
import os
import sys
import unicodedata
from collections import Counter, defaultdict

TEXT_FIELDS = [
    "section_kind", "actor_kind", "actor_name", "honorific", "person_name",
    "hamlet", "hamlet_type", "commune", "commune_type", "district", "district_type",
    "province", "title",
]
CODE_FIELDS = ["commune_code", "district_code", "province_code"]
STRIP = " \t\r\n\"'“”‘’«»,.;:-–—()[]"


def norm_text(value: str | None) -> str:
    value = unicodedata.normalize("NFC", value or "")
    value = " ".join(value.split()).strip(STRIP)
    return value.casefold()


def norm_code(value: str | None) -> str:
    value = (value or "").strip()
    if value.endswith(".0"):
        value = value[:-2]
    try:
        return str(int(value))
    except ValueError:
        return value


DOC_FIELDS = ["doc_type", "doc_number", "issuer", "province", "province_code", "issue_date",
              "year", "title", "signer", "n_rows", "declared_rows", "status"]


def read_rows(path: str, table: str = "mentions") -> list[dict]:
    if os.path.isdir(path):
        path = os.path.join(path, f"{table}.csv")
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def file_key(row: dict) -> str:
    return os.path.basename(row.get("file") or row.get("source_path") or "")


def row_no(row: dict) -> str:
    return norm_code(row.get("row_no"))


def likeness(a: dict, b: dict) -> float:
    ta = norm_text(a.get("title")) + " | " + norm_text(a.get("actor_name"))
    tb = norm_text(b.get("title")) + " | " + norm_text(b.get("actor_name"))
    kind = 0.5 if norm_text(a.get("section_kind")) == norm_text(b.get("section_kind")) else 0.0
    return difflib.SequenceMatcher(None, ta, tb).ratio() + kind


def match(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict | None]]:
    """Pair rows that share file and STT, most alike first; a pair must read at least half alike."""
    pool: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for p in pred:
        pool[(file_key(p), row_no(p))].append(p)
    wanted: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, g in enumerate(gold):
        wanted[(file_key(g), row_no(g))].append(i)
    chosen: dict[int, dict] = {}
    for key, gis in wanted.items():
        cands = pool.get(key, [])
        scored = sorted(((likeness(gold[i], p), i, j) for i in gis for j, p in enumerate(cands)),
                        key=lambda t: -t[0])
        used_g: set[int] = set()
        used_p: set[int] = set()
        for like, i, j in scored:
            if like < 0.5 or i in used_g or j in used_p:
                continue
            chosen[i] = cands[j]
            used_g.add(i)
            used_p.add(j)
    return [(g, chosen.get(i)) for i, g in enumerate(gold)]


def pair_count(groups: Counter) -> int:
    return sum(n * (n - 1) // 2 for n in groups.values())


def dedup_scores(pairs: list[tuple[dict, dict | None]]) -> dict[str, float]:
    matched = [(g, p) for g, p in pairs if p is not None and g.get("cluster_id")]
    if not matched:
        return {}
    gold_groups = Counter(g["cluster_id"] for g, _ in matched)
    pred_groups = Counter((p.get("exemplar_id") or f"~{i}") for i, (_, p) in enumerate(matched))
    both = Counter((g["cluster_id"], p.get("exemplar_id") or f"~{i}") for i, (g, p) in enumerate(matched))
    tp = pair_count(both)
    gold_pairs, pred_pairs = pair_count(gold_groups), pair_count(pred_groups)
    precision = tp / pred_pairs if pred_pairs else 1.0
    recall = tp / gold_pairs if gold_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"dedup.precision": precision, "dedup.recall": recall, "dedup.f1": f1,
            "dedup.gold_pairs": gold_pairs, "dedup.pred_pairs": pred_pairs}


def score(gold: list[dict], pred: list[dict]) -> tuple[dict[str, float], list[str]]:
    files = {file_key(g) for g in gold}
    pred = [p for p in pred if file_key(p) in files]
    pairs = match(gold, pred)
    matched = sum(1 for _, p in pairs if p is not None)
    figures: dict[str, float] = {
        "rows.gold": len(gold), "rows.pred": len(pred), "rows.matched": matched,
        "rows.recall": matched / len(gold) if gold else 1.0,
        "rows.precision": matched / len(pred) if pred else 0.0,
    }
    misses: list[str] = []
    field_figs = []
    wrong_codes = 0
    for name in TEXT_FIELDS + CODE_FIELDS:
        if not any(name in g for g in gold):
            continue
        is_code = name in CODE_FIELDS
        norm = norm_code if is_code else norm_text
        right = scored = 0
        for g, p in pairs:
            if is_code and (g.get(name) or "").strip() == "?":
                continue
            scored += 1
            want, got = norm(g.get(name)), norm(p.get(name)) if p is not None else None
            if got is not None and want == got:
                right += 1
            elif got is not None:
                misses.append(f"{file_key(g)} #{row_no(g)} {name}: gold={g.get(name)!r} got={p.get(name)!r}")
                if is_code and got:
                    wrong_codes += 1
        figures[f"field.{name}"] = right / scored if scored else 1.0
        field_figs.append(figures[f"field.{name}"])
    figures["codes.wrong"] = wrong_codes
    figures["fields.mean"] = sum(field_figs) / len(field_figs) if field_figs else 0.0
    figures.update(dedup_scores(pairs))
    for g, p in pairs:
        if p is None:
            misses.insert(0, f"{file_key(g)} #{row_no(g)}: no predicted row")
    return figures, misses


def score_documents(gold: list[dict], pred: list[dict]) -> tuple[dict[str, float], list[str]]:
    by_file = {file_key(p): p for p in pred}
    figures: dict[str, float] = {}
    misses: list[str] = []
    for name in DOC_FIELDS:
        if not any(g.get(name) for g in gold):
            continue
        norm = norm_code if name in ("province_code", "year", "n_rows", "declared_rows") else norm_text
        right = 0
        for g in gold:
            p = by_file.get(file_key(g))
            if p is not None and norm(g.get(name)) == norm(p.get(name)):
                right += 1
            else:
                misses.append(f"{file_key(g)} document {name}: gold={g.get(name)!r} "
                              f"got={(p or {}).get(name)!r}")
        figures[f"doc.{name}"] = right / len(gold)
    return figures, misses


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pred", required=True, help="output folder of a run, or its mentions.csv")
    ap.add_argument("--gold", required=True, help="gold mentions CSV")
    ap.add_argument("--gold-docs", help="gold documents CSV (file, doc_number, issue_date, ...)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--misses", type=int, default=0, help="print this many wrong fields")
    ap.add_argument("--min", action="append", default=[], metavar="NAME=VALUE",
                    help="fail (exit 1) when figure NAME is below VALUE; repeatable")
    args = ap.parse_args()
    figures, misses = score(read_rows(args.gold), read_rows(args.pred))
    if args.gold_docs:
        doc_figures, doc_misses = score_documents(read_rows(args.gold_docs), read_rows(args.pred, "documents"))
        figures.update(doc_figures)
        misses = doc_misses + misses
    if args.json:
        print(json.dumps(figures, indent=2, ensure_ascii=False))
    else:
        for name, value in figures.items():
            print(f"{name:24s} {value:.3f}" if isinstance(value, float) else f"{name:24s} {value}")
    for line in misses[: args.misses]:
        print("  miss:", line)
    short = []
    for spec in args.min:
        name, _, value = spec.partition("=")
        if figures.get(name, 0.0) < float(value):
            short.append(f"{name}={figures.get(name, 0.0):.3f}<{value}")
    if short:
        print("below: " + ", ".join(short))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
