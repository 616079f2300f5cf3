"""Deduplication across documents and years (placeholder: each mention is its own exemplar)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from ..model import Mention


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
    """An exemplar row from its mentions: the latest mention names it."""
    members = sorted(members, key=lambda m: (m.year or 0, m.mention_id))
    head = members[-1]
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


def deduplicate(mentions: list[Mention]) -> tuple[list[Exemplar], list[dict[str, object]]]:
    exemplars = []
    for m in mentions:
        m.exemplar_id = "ex-" + hashlib.sha1(m.mention_id.encode()).hexdigest()[:12]
        exemplars.append(exemplar_from([m], m.exemplar_id))
    return exemplars, []
