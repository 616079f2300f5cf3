"""Deduplication: link the mentions of one real-world exemplar across documents and years.

Two mentions are one exemplar when the same actor carries the same model (SPEC), however the
wording drifts. The stages, each in its own module:

    keys     matching keys per mention (abbreviations expanded, tones, case, honorifics folded)
    places   localities by code or name, made comparable across mergers by the change table
    block    candidate pairs: same province, a shared cheap key (work ~ n, not n squared)
    compare  actor and title scores (rapidfuzz) and the decision rule for one pair, with vetoes
    batch    the scores of all candidate pairs at once (cpdist); full decisions only where needed
    cluster  link edges joined strongest first, never across a vetoed pair (no chaining)
    ids      stable exemplar ids (kept from the previous run; else from the earliest mention)
    explain  an exemplar's mentions and the reasons, rendered from the written tables

`deduplicate` returns the exemplars and the `links` rows: every pair linked, and the pairs held
apart close to a threshold, with the scores and the reason that decided them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..model import Mention
from ..settings import DATA, Settings
from .batch import score_candidates
from .block import candidate_pairs, skeleton
from .cluster import Clusters, cluster
from .compare import Verdict, near
from .ids import anchor_key, assign_ids, previous_assignments
from .keys import Keys, abbreviations, bare_name, keys_of
from .places import ChangeTable, change_table, place_of, unit_key

__all__ = ["Exemplar", "deduplicate", "exemplar_from", "forget", "group_mentions", "link_rows", "mention_block",
           "mention_keys", "previous_assignments"]


@dataclass
class Exemplar:
    exemplar_id: str
    actor_kind: str = ""
    actor_name: str = ""
    person_name: str = ""
    title: str = ""
    province: str = ""
    province_code: str = ""
    district: str = ""
    district_code: str = ""
    commune: str = ""
    commune_code: str = ""
    first_year: int | None = None
    last_year: int | None = None
    years: str = ""
    n_mentions: int = 0
    mention_ids: str = ""
    members: list[Mention] = field(default_factory=list, repr=False)


def exemplar_from(members: list[Mention], exemplar_id: str) -> Exemplar:
    """An exemplar row from its mentions: the latest year's best-read mention names it
    (a born-digital copy before an OCR'd one, then the most confident)."""
    members = sorted(members, key=lambda m: (m.year or 0, m.mention_id))
    latest = [m for m in members if m.year == members[-1].year]
    head = max(latest, key=lambda m: ("ocr" not in m.flags.split(";"), m.confidence, m.mention_id))
    years = sorted({m.year for m in members if m.year})
    return Exemplar(
        exemplar_id=exemplar_id, actor_kind=head.actor_kind, actor_name=head.actor_name,
        person_name=head.person_name, title=head.title, province=head.province,
        province_code=head.province_code, district=head.district, district_code=head.district_code,
        commune=head.commune, commune_code=head.commune_code,
        first_year=years[0] if years else None, last_year=years[-1] if years else None,
        years=";".join(map(str, years)), n_mentions=len(members),
        mention_ids=";".join(m.mention_id for m in members), members=members,
    )


def mention_keys(mentions: list[Mention], settings: Settings) -> list[Keys]:
    abbr = abbreviations(str(settings.abbreviations))
    changes = change_table(str(DATA / "unit_changes.csv"), str(settings.unit_changes or ""))
    return [keys_of(m, i, abbr, changes) for i, m in enumerate(mentions)]


def deduplicate(mentions: list[Mention], settings: Settings | None = None,
                previous: dict[str, str] | None = None) -> tuple[list[Exemplar], list[dict[str, Any]]]:
    """Group mentions into exemplars; set each `Mention.exemplar_id`; return exemplars and links.

    `previous` maps mention_id -> exemplar_id from the last run into the same output folder
    (`previous_assignments(out_dir)`): clusters holding those mentions keep those ids.
    """
    settings = settings or Settings()
    clusters = group_mentions(mentions, settings)
    groups = clusters.groups
    anchors = [min(anchor_key(mentions[i].year, mentions[i].mention_id) for i in g) for g in groups]
    ids = assign_ids([[mentions[i].mention_id for i in g] for g in groups], anchors, previous)
    exemplars = []
    for group, exemplar_id in zip(groups, ids, strict=True):
        for i in group:
            mentions[i].exemplar_id = exemplar_id
        exemplars.append(exemplar_from([mentions[i] for i in group], exemplar_id))
    exemplars.sort(key=lambda e: e.exemplar_id)
    return exemplars, link_rows(mentions, clusters, settings)


def group_mentions(mentions: list[Mention], settings: Settings) -> Clusters:
    """The mentions' clusters (`.groups`: lists of indexes) and the verdicts that made them."""
    keys = mention_keys(mentions, settings)
    candidates = candidate_pairs(keys, settings)
    verdicts = score_candidates(keys, candidates.by_actor, candidates.by_title, settings)
    return cluster(keys, verdicts, settings)


def forget(settings: Settings) -> None:
    """Empty the caches of names and places met so far. A run dedups one province at a time and
    one province's names are not another's: emptied between provinces, they hold one province."""
    change_table(str(DATA / "unit_changes.csv"), str(settings.unit_changes or "")).places.clear()
    abbreviations(str(settings.abbreviations))._folded.clear()
    for cached in (bare_name, unit_key, skeleton):
        cached.cache_clear()


def mention_block(m: Mention, changes: ChangeTable) -> str:
    """The province a mention is compared within (no pair is ever scored across two)."""
    return place_of(m, changes).province_block


def _within_budget(verdicts: dict[tuple[int, int], Verdict], mentions: list[Mention],
                   s: Settings) -> dict[tuple[int, int], Verdict]:
    """Every link, and the closest apart pairs: at most `dedup_links_per_mention` per mention."""
    budget: Counter[int] = Counter()
    kept = {}
    ordered = sorted(verdicts.items(), key=lambda kv: (not kv[1].link, -kv[1].strength,
                                                       *sorted((mentions[kv[0][0]].mention_id,
                                                                mentions[kv[0][1]].mention_id))))
    for pair, v in ordered:
        if not v.link:
            if min(budget[v.a], budget[v.b]) >= s.dedup_links_per_mention:
                continue
            budget[v.a] += 1
            budget[v.b] += 1
        kept[pair] = v
    return kept


def link_rows(mentions: list[Mention], clusters: Clusters, s: Settings) -> list[dict[str, Any]]:
    """Pairs linked, and pairs held apart near a threshold (at most a few per mention)."""
    verdicts = _within_budget({p: v for p, v in clusters.verdicts.items() if near(v, s)}, mentions, s)
    rows = [_row(mentions, v, clusters.held.get((v.a, v.b)), mentions[v.a].exemplar_id == mentions[v.b].exemplar_id)
            for v in verdicts.values()]
    rows.sort(key=lambda r: (r["mention_a"], r["mention_b"]))
    return rows


def _row(mentions: list[Mention], v: Verdict, held: Verdict | None, same: bool) -> dict[str, Any]:
    a, b = sorted((mentions[v.a], mentions[v.b]), key=lambda m: m.mention_id)
    decision, reason = ("link" if v.link and same else "apart"), v.reason
    if v.link and not same and held is not None:
        x, y = sorted((mentions[held.a].mention_id, mentions[held.b].mention_id))
        reason = f"{v.reason}; held apart: {x} and {y} would be joined, {held.reason}"
    elif not v.link and same:
        reason = f"{v.reason}; one exemplar through other links"
    return {
        "mention_a": a.mention_id, "mention_b": b.mention_id, "actor_score": v.actor,
        "title_score": v.title, "place": v.place.verdict, "decision": decision, "reason": reason,
        "exemplar_id": a.exemplar_id if same else "",
    }

