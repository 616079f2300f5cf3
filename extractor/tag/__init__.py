"""Tagging: turn a segmented row into the SPEC's mention columns."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import DocMeta, Mention, Row
from ..normalize.text import clean, title_case_name
from ..settings import Settings
from .actor import parse_actor
from .places import PROVINCE_CITIES, Place, chain, find_places
from .sector import classify
from .title import split_title

if TYPE_CHECKING:
    from ..gazetteer import Gazetteer, Unit

_ISSUER_DISTRICT = re.compile(r"^UBND (huyện|quận|thị xã|thành phố) (.+)$")
_SPLIT_MODEL = re.compile(r"\s*(?:[:\-–]\s*|\s+(?:với|thực hiện|xây dựng)\s+)?(?=(?:mô hình|điển hình)\b|[“«\"])", re.I)
# "Điển hình: ACTOR, places – what they achieved": the actor first, the model after a spaced dash
_CLASSIFIER_ACTOR = re.compile(r"^(?:mô hình|điển hình)\s*:\s*(?P<actor>[^“«\"–]+?)\s+[–-]\s+(?P<model>\S.*)$", re.I)
_MODEL_FIRST = re.compile(r"^(?P<model>.*?[”»\"])\s*(?:,\s*)?(?:của|do)\s+(?P<actor>.+?)(?:\s+thực hiện)?$", re.I)


@dataclass
class RowText:
    actor: str
    model: str
    title_cell: str
    place_texts: list[str]
    model_is_achievement: bool = False


def row_texts(row: Row) -> RowText:
    """The actor, model and address texts of a row, whatever the layout's columns."""
    cells = {k: clean(v) for k, v in row.cells.items()}
    actor = cells.get("actor") or cells.get("unit") or ""
    model = cells.get("model") or cells.get("achievement") or ""
    if "combined" in cells:
        actor, model = split_combined(cells["combined"])
    elif not actor and model:  # "STT | Nội dung": one cell holds the unit and its model
        actor, model = split_combined(model)
    extra = [cells[k] for k in ("unit", "address", "role") if k in cells and cells[k] != actor]
    achievement = not cells.get("model") and bool(cells.get("achievement"))
    title_cell = cells.get("title", "")
    if not title_cell and cells.get("model") and cells.get("achievement") and "combined" not in cells:
        # "Mô hình | Kết quả đạt được": the model cell names the model, the results describe it
        title_cell, model = cells["model"], cells["achievement"]
    return RowText(actor, model, title_cell, [actor, *extra], achievement)


def split_combined(text: str) -> tuple[str, str]:
    """A cell holding both: "Công an huyện X: Mô hình “...”", "Mô hình “...” của Y" or
    "Điển hình: Ông A, thôn B – achievement"."""
    m = _CLASSIFIER_ACTOR.match(text)
    if m:
        return m.group("actor").strip(" .,;"), m.group("model").strip()
    if re.match(r"^(?:xây dựng\s+)?(?:mô hình|điển hình)\b|^[“«\"]", text, re.I):
        m = _MODEL_FIRST.match(text)
        if m:
            return m.group("actor").strip(" .,;"), m.group("model").strip()
        return "", text
    m = _SPLIT_MODEL.search(text)
    if m and m.start() > 0:
        return text[: m.start()].strip(" :-–,;"), text[m.end() :].strip()
    return text, ""


class Tagger:
    """Holds what tagging needs across rows: settings and the gazetteer."""

    def __init__(self, settings: Settings, gazetteer: Gazetteer | None = None) -> None:
        self.settings = settings
        self.gz = gazetteer

    def known(self, level: str, name: str) -> bool:
        return bool(self.gz and self.gz.is_unit_name(level, name))

    def tag(self, row: Row, meta: DocMeta) -> Mention:
        texts = row_texts(row)
        actor, _ = parse_actor(texts.actor, self.known)
        places: list[Place] = []
        for text in texts.place_texts:
            places.extend(find_places(text, self.known))
        if texts.title_cell:
            title, description = split_title(texts.title_cell, whole_is_title=True)
        else:
            title, description = split_title(texts.model, needs_classifier=texts.model_is_achievement)
        if texts.title_cell and texts.model:
            description = texts.model
        flags = list(row.flags)
        if not title:
            flags.append("no_title")
        m = Mention(
            section_kind=row.section_kind, section_label=row.section_label, group=row.group,
            row_no=row.row_no, actor_raw=texts.actor, actor_kind=actor.kind, actor_name=actor.name,
            honorific=actor.honorific, person_name=actor.person_name, title=title,
            description=description, page=row.prov.page, line=row.prov.line,
        )
        self._places(m, row, chain(places), meta, flags)
        m.sector, margin = classify(title, description, texts.actor, self.settings.sector_lexicon)
        m.confidence = _confidence(row, flags, margin)
        m.flags = ";".join(dict.fromkeys(flags))
        return m

    def _places(self, m: Mention, row: Row, found: dict[str, Place], meta: DocMeta, flags: list[str]) -> None:
        for kind, name in row.group_places:  # a sub-section "1. Huyện Mai Châu" applies below it
            level = "commune" if kind in ("xã", "phường", "thị trấn") else "district"
            if level not in found:
                found[level] = Place(level, kind, name, -1, -1)
        hamlet = found.get("hamlet")
        if hamlet:
            m.hamlet, m.hamlet_type = title_case_name(hamlet.name), hamlet.type
        commune, district, province = found.get("commune"), found.get("district"), found.get("province")
        m.province = title_case_name(province.name) if province else meta.province
        if commune:
            m.commune, m.commune_type = title_case_name(commune.name), commune.type
        if district:
            m.district, m.district_type = title_case_name(district.name), district.type
        if self.gz is None:
            return
        from ..gazetteer import REPAIRED, Unit  # noqa: PLC0415 - only with a gazetteer

        on = dt.date.fromisoformat(meta.issue_date) if meta.issue_date else None
        parent = Unit("district", district.type, district.name) if district else None
        if parent is None and commune and not province:
            parent = issuer_district(meta)  # a district's plan places its own communes
        res = self.gz.resolve(
            Unit("province", province.type, province.name) if province else (meta.province or None),
            parent,
            Unit("commune", commune.type, commune.name) if commune else None,
            on,
            ocr=row.confidence is not None,  # only OCR gives a reader confidence
        )
        m.province = res.province or m.province
        m.province_code, m.district_code, m.commune_code = res.province_code, res.district_code, res.commune_code
        m.province_code_2025, m.commune_code_2025 = res.province_code_2025, res.commune_code_2025
        repaired = REPAIRED in res.flags  # the OCR misread a name: mend it where the row writes it
        if commune and res.commune:
            if repaired and res.commune != commune.name:
                m.actor_name = m.actor_name.replace(commune.name, res.commune)
            m.commune = res.commune
        if district and res.district:
            if repaired and res.district != district.name:
                m.actor_name = m.actor_name.replace(district.name, res.district)
            m.district = res.district
        if not district:
            m.district_code = ""  # the issuing district placed the commune, the row did not name it
        flags.extend(res.flags)


def issuer_district(meta: DocMeta) -> Unit | None:
    """The district that issued the document ("UBND huyện Lấp Vò"), if it is one."""
    from ..gazetteer import Unit  # noqa: PLC0415

    m = _ISSUER_DISTRICT.match(meta.issuer)
    if not m or m.group(2).lower() in PROVINCE_CITIES:
        return None
    return Unit("district", m.group(1), m.group(2))


def _confidence(row: Row, flags: list[str], sector_margin: float) -> float:
    score = row.confidence if row.confidence is not None else 1.0
    penalties = {"no_title": 0.5, "unit_not_in_gazetteer": 0.85, "stt_missing": 0.9,
                 "stt_repeated": 0.9, "joined_continuation": 0.95}
    for flag in flags:
        score *= penalties.get(flag.split(":")[0], 0.97)
    if sector_margin < 0.4:
        score *= 0.95
    return round(score, 3)


__all__ = ["Tagger", "row_texts", "split_combined"]
