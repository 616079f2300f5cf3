"""Section lines of an appendix table: "I / MÔ HÌNH: 22", "A. TẬP THỂ", "1. Huyện Mai Châu"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..normalize.text import clean

_ROMAN = re.compile(r"^[IVXL]+$")
_LABEL = re.compile(r"^(?P<label>[IVXL]+|[A-ZĐ]|\d+)\s*[.):/-]?\s+(?P<text>\S.*)$")
# Declared counts: "MÔ HÌNH: 22", "ĐIỂN HÌNH: 06", "(12 mô hình)", "gồm 05 điển hình".
_COUNT_AFTER = re.compile(
    r"(?:mô\s*hình|điển\s*hình|tập thể|cá nhân|đơn vị|hộ gia đình)[^\d()]{0,25}[:(]\s*(\d{1,3})\b", re.I
)
_COUNT_BEFORE = re.compile(
    r"(?:\(|gồm\s+|có\s+|tổng số\s*:?\s*)(\d{1,4})\s+(?:mô hình|điển hình|tập thể|cá nhân|đơn vị|hộ|người)",
    re.I,
)
_PLACE_HEAD = re.compile(
    r"^(?P<type>huyện|quận|thị xã|thành phố|tp\.?|xã|phường|thị trấn)\s+(?P<name>[^,;()]+?)\s*"
    r"(?:\(\s*\d+\s*[^)]*\))?\s*:?$",
    re.I,
)
_TYPE_CANON = {"tp": "thành phố", "tp.": "thành phố"}


@dataclass
class Section:
    label: str  # I, II, A, 1 ...
    text: str  # the heading as written
    level: int  # 1 top (roman / letter), 2 sub-section (arabic, a district)
    kind: str = ""  # mô hình | điển hình | ""
    declared: int | None = None
    place: tuple[str, str] | None = None  # (type, name) when the heading is a place


_KIND_MODEL = re.compile(r"MÔ\s*HÌNH")  # OCR glues words: "MÔHÌNH:22"
_KIND_EXEMPLAR = re.compile(r"ĐIỂN\s*HÌNH")


def kind_of(text: str) -> str:
    up = clean(text).upper()
    model, exemplar = _KIND_MODEL.search(up), _KIND_EXEMPLAR.search(up)
    if model and not exemplar:
        return "mô hình"
    if exemplar and not model:
        return "điển hình"
    if model and exemplar:  # "MÔ HÌNH, ĐIỂN HÌNH": the first word decides
        return "mô hình" if model.start() < exemplar.start() else "điển hình"
    return ""


_COUNT_TAIL = re.compile(r"\(\s*(\d{1,3})\s*\)\s*:?\s*$")  # not a year
_GARBLED_HEAD = re.compile(r"^(?P<word>[^\d:()]{4,24}):\s*(?P<n>\d{1,3})$")


def _garbled_kind(text: str) -> tuple[str, int] | None:
    """("điển hình", 7) from an OCR'd "ĐIIN H NH: 07": a short capitals heading with a count
    whose word is near MÔ HÌNH or ĐIỂN HÌNH once accents and spaces are gone."""
    from rapidfuzz import fuzz  # noqa: PLC0415

    from ..normalize.text import strip_accents  # noqa: PLC0415

    m = _GARBLED_HEAD.match(text)
    if not m or not _is_heading_text(m.group("word")):
        return None
    letters = re.sub(r"[^A-Z]", "", strip_accents(m.group("word").upper()))
    best = max((("điển hình", fuzz.ratio(letters, "DIENHINH")), ("mô hình", fuzz.ratio(letters, "MOHINH"))),
               key=lambda kv: kv[1])
    return (best[0], int(m.group("n"))) if best[1] >= 78 else None


def declared_count(text: str) -> int | None:
    text = clean(text)
    m = _COUNT_AFTER.search(text) or _COUNT_BEFORE.search(text)
    return int(m.group(1)) if m else None


def place_heading(text: str) -> tuple[str, str] | None:
    """("huyện", "Mai Châu") from "Huyện Mai Châu" or "Huyện Mai Châu (05 mô hình)"."""
    m = _PLACE_HEAD.match(clean(text))
    if not m:
        return None
    name = m.group("name").strip()
    if not name[:1].isupper() and not name[:1].isdigit():
        return None
    kind = m.group("type").lower()
    return _TYPE_CANON.get(kind, kind), name


def parse_section(label: str, text: str) -> Section | None:
    """A section from a row's STT-like label and its heading text; None if not a heading."""
    label, text = clean(label).rstrip(".):"), clean(text)
    if not label:
        m = _LABEL.match(text)
        if m:
            label, text = m.group("label"), m.group("text")
    if not text:
        return None
    place = place_heading(text)
    kind = kind_of(text)
    count = declared_count(text)
    if count is None and (kind or _is_heading_text(text)):
        tail = _COUNT_TAIL.search(text)  # "I. CÁC MÔ HÌNH ĐANG TRIỂN KHAI NHÂN RỘNG (07)"
        count = int(tail.group(1)) if tail else None
    if _ROMAN.match(label) or (len(label) == 1 and label.isalpha() and label.isupper()):
        if not kind and count is None and (garbled := _garbled_kind(text)):
            kind, count = garbled
        return Section(label, text, 1, kind, count, place)
    if place is not None:
        return Section(label, text, 2, kind, count, place)
    if not label and _is_heading_text(text):
        return Section(label, text, 1, kind, count, place)
    if label.isdigit() and _is_heading_text(text) and (kind or count is not None):
        return Section(label, text, 2, kind, count, place)
    return None


def _is_heading_text(text: str) -> bool:
    """Upper-case headings ("TẬP THỂ", "MÔ HÌNH: 22") with no model of their own."""
    letters = [c for c in text if c.isalpha()]
    upper = letters and sum(c.isupper() for c in letters) / len(letters) > 0.8
    return bool(upper) and len(text) < 120 and "“" not in text
