"""Why an exemplar is what it is: its mentions and the pair decisions, from the written tables.

`explain(out_dir, exemplar_id)` reads `exemplars.csv`, `mentions.csv`, `links.csv` and
`documents.csv` of a run (nothing is recomputed, so it explains exactly what was written) and
renders plain text: the exemplar, each mention (year, source, row, actor, title, place), the
links that joined them, and the pairs held apart near a threshold with the reason.
"""

from __future__ import annotations

import csv
from pathlib import Path

from ..errors import UsageError


def _read(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def place_text(m: dict[str, str]) -> str:
    parts = []
    for level in ("hamlet", "commune", "district"):
        name = m.get(level, "")
        if name:
            typ = m.get(f"{level}_type", "")
            code = m.get(f"{level}_code", "")
            parts.append(" ".join(x for x in (typ, name) if x) + (f" [{code}]" if code else ""))
    if m.get("province"):
        parts.append(m["province"] + (f" [{m['province_code']}]" if m.get("province_code") else ""))
    return ", ".join(parts) or "-"


def _score(value: str) -> str:
    return value.removesuffix(".0") if value else "-"


def _pair(number: dict[str, int], r: dict[str, str]) -> tuple[int, int]:
    a, b = number[r["mention_a"]], number[r["mention_b"]]
    return (a, b) if a < b else (b, a)


def explain(out_dir: Path, exemplar_id: str) -> str:
    """Render one exemplar of the run in `out_dir`; UsageError when there is no such exemplar."""
    out_dir = Path(out_dir)
    exemplars = {r["exemplar_id"]: r for r in _read(out_dir / "exemplars.csv")}
    if not exemplars and not (out_dir / "exemplars.csv").is_file():
        raise UsageError(f"no exemplars.csv in {out_dir}")
    ex = exemplars.get(exemplar_id)
    if ex is None:
        raise UsageError(f"no exemplar {exemplar_id} in {out_dir}")
    mentions = {r["mention_id"]: r for r in _read(out_dir / "mentions.csv")}
    docs = {r["doc_id"]: r for r in _read(out_dir / "documents.csv")}
    ids = [i for i in ex["mention_ids"].split(";") if i]
    members = sorted((mentions[i] for i in ids if i in mentions),
                     key=lambda m: (m.get("year", ""), m["mention_id"]))
    number = {m["mention_id"]: k for k, m in enumerate(members, start=1)}
    actor = ex["person_name"] or ex["actor_name"]
    years = ex["years"].replace(";", ", ")
    lines = [
        f"Exemplar {exemplar_id}",
        f"  {actor} ({ex['actor_kind'] or 'unknown kind'}): “{ex['title']}”",
        f"  {place_text(ex)}",
        f"  {ex['n_mentions']} mention(s), {years or 'years unknown'}",
        "",
        "Mentions",
    ]
    for m in members:
        doc = docs.get(m["doc_id"], {})
        source = m["source_path"] + (f" ({doc['doc_number']})" if doc.get("doc_number") else "")
        row = ".".join(x for x in (m.get("section_label", ""), m.get("row_no", "")) if x)
        lines += [
            f"  [{number[m['mention_id']]}] {m.get('year') or '----'}  {source}  row {row or '?'}  {m['mention_id']}",
            f"      actor: {m['actor_raw'] or m['actor_name']}",
            f"      title: {m['title'] or '-'}",
            f"      place: {place_text(m)}",
        ]
    links = [r for r in _read(out_dir / "links.csv") if r["mention_a"] in number or r["mention_b"] in number]
    joined = [r for r in links if r["decision"] == "link" and r["mention_a"] in number and r["mention_b"] in number]
    lines += ["", "Why they are one exemplar"]
    if len(members) == 1:
        lines.append("  a single mention: nothing else linked to it")
    elif not joined:
        lines.append("  (no link rows: the run wrote no reasons for this exemplar)")
    for r in sorted(joined, key=lambda r: _pair(number, r)):
        lo, hi = _pair(number, r)
        lines.append(f"  [{lo}]-[{hi}] link: actor {_score(r['actor_score'])}, title {_score(r['title_score'])}, "
                     f"place {r['place']} - {r['reason']}")
    inside_apart = [r for r in links if r["decision"] == "apart" and r["mention_a"] in number
                    and r["mention_b"] in number]
    for r in sorted(inside_apart, key=lambda r: _pair(number, r)):
        lo, hi = _pair(number, r)
        lines.append(f"  [{lo}]-[{hi}] not linked directly: {r['reason']}")
    apart = [r for r in links if r["decision"] == "apart" and not (r["mention_a"] in number
                                                                  and r["mention_b"] in number)]
    if apart:
        lines += ["", "Held apart (close to a threshold)"]
    for r in apart:
        mine, other = (r["mention_a"], r["mention_b"]) if r["mention_a"] in number else (r["mention_b"], r["mention_a"])
        o = mentions.get(other, {})
        what = f"{o.get('actor_name', '?')}: “{o.get('title', '')}” ({o.get('year', '?')}, {o.get('exemplar_id', '?')})"
        lines.append(f"  [{number[mine]}] vs {what}")
        lines.append(f"      actor {_score(r['actor_score'])}, title {_score(r['title_score'])}, place {r['place']} "
                     f"- {r['reason']}")
    return "\n".join(lines) + "\n"
