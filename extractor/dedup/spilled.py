"""`deduplicate` over a run's spill, one province at a time.

No pair is ever scored across two provinces (`block`), so the clusters of each province are
found with only its mentions in memory: the same exemplars and links as `deduplicate` over all
mentions at once. Exemplar ids are given last, over all clusters together, by the same SQL
as `deduplicate` (`ids.assign_in`, on the spill); until then a cluster goes by its number.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..settings import Settings
from ..spill import Spill
from . import exemplar_from, forget, group_mentions, link_rows
from .ids import anchor_key


def deduplicate_spill(spill: Spill, settings: Settings) -> None:
    """Give every mention in the spill its cluster, and write the exemplars, links and ids there."""
    number = 0
    for name in spill.blocks():
        seqs, mentions, previous = spill.block(name)
        clusters = group_mentions(mentions, settings)
        numbers = [0] * len(mentions)
        for group in clusters.groups:
            for i in group:
                mentions[i].exemplar_id = f"#{number}"
                numbers[i] = number
            members = [mentions[i] for i in group]
            claims = Counter(previous[m.mention_id] for m in members if previous.get(m.mention_id))
            spill.add_anchor(number, min(anchor_key(m.year, m.mention_id) for m in members), claims)
            spill.add_exemplar(number, _row(exemplar_from(members, f"#{number}")))
            number += 1
        spill.add_clusters(seqs, numbers)
        spill.add_links([(row, int(row["exemplar_id"][1:]) if row["exemplar_id"] else None)
                         for row in link_rows(mentions, clusters, settings)])
        forget(settings)
    spill.assign_ids()


def _row(e: Any) -> dict[str, Any]:
    return {k: v for k, v in e.__dict__.items() if k != "members"}
