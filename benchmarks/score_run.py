"""Score a run against the corpora gold, restricted to the files the run read.

    python benchmarks/score_run.py OUT [--misses N] [--by-file]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
import score  # noqa: E402

GOLD = HERE.parent / "corpora" / "gold" / "by_format"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--misses", type=int, default=0)
    ap.add_argument("--by-file", action="store_true")
    args = ap.parse_args()
    docs = score.read_rows(args.out, "documents")
    files = {os.path.basename(d["source_path"]) for d in docs}
    gold = [g for g in score.read_rows(str(GOLD / "mentions.csv")) if g["file"] in files]
    gold_docs = [g for g in score.read_rows(str(GOLD / "documents.csv")) if g["file"] in files]
    pred = score.read_rows(args.out)
    figures, misses = score.score(gold, pred)
    dfig, dmiss = score.score_documents(gold_docs, docs)
    figures.update(dfig)
    for name, value in figures.items():
        print(f"{name:24s} {value:.3f}" if isinstance(value, float) else f"{name:24s} {value}")
    if args.by_file:
        for f in sorted(files):
            fg = [g for g in gold if g["file"] == f]
            if not fg:
                continue
            fig, _ = score.score(fg, [p for p in pred if os.path.basename(p["source_path"]) == f])
            print(f"  {f:45s} recall {fig['rows.recall']:.2f} prec {fig['rows.precision']:.2f} "
                  f"fields {fig['fields.mean']:.3f} wrong {fig['codes.wrong']}")
    for line in (dmiss + misses)[: args.misses]:
        print("  miss:", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
