"""Which recognises a bare person's name best: the family-name list, underthesea's NER, or both?

Uses the corpora gold: person names (positives) and organization/group names (negatives), each
as an actor cell would hold it. `--small-list` keeps only the 15 commonest Kinh family names, to
see how each does on names the list does not know (ethnic-minority names, rare families).

    python benchmarks/eval_person.py [--small-list]
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from extractor.tag import actor
from extractor.tag.nlp import is_person_by_ner

GOLD = Path(__file__).resolve().parents[1] / "corpora" / "gold" / "mentions.csv"
COMMON = {"nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ", "ngô",
          "dương"}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--small-list", action="store_true")
    args = ap.parse_args()
    rows = list(csv.DictReader(GOLD.open(encoding="utf-8")))
    cases = {(r["actor_name"], r["actor_kind"] == "person") for r in rows
             if r["actor_kind"] in ("person", "organization", "group")}
    names = COMMON if args.small_list else actor.surnames()

    def by_list(text: str) -> bool:
        words = actor.person_run(text).split()
        return 2 <= len(words) <= 5 and " ".join(words) == text and words[0].lower() in names

    def by_ner(text: str) -> bool:
        return is_person_by_ner(text)

    def both(text: str) -> bool:
        if by_list(text):
            return True
        words = actor.person_run(text).split()
        if not (2 <= len(words) <= 5 and " ".join(words) == text) or words[0].lower() in actor._NOT_NAMES:
            return False
        return by_ner(text)

    print(f"{len(cases)} actor names ({sum(p for _, p in cases)} persons); list: "
          f"{'15 common family names' if args.small_list else 'full list'}")
    for label, fn in (("family-name list", by_list), ("underthesea NER", by_ner), ("list, then NER", both)):
        tp = sum(1 for t, p in cases if p and fn(t))
        fp = sum(1 for t, p in cases if not p and fn(t))
        fn_ = sum(1 for t, p in cases if p and not fn(t))
        prec = tp / (tp + fp) if tp + fp else 1.0
        rec = tp / (tp + fn_) if tp + fn_ else 1.0
        print(f"  {label:18s} precision {prec:.3f} recall {rec:.3f}  (tp {tp}, fp {fp}, fn {fn_})")


if __name__ == "__main__":
    main()
